"""Build deepmerge-readme.docx: the README of deepmerge laid out as a Word document.

Source: the npm package deepmerge 4.3.1 (`npm pack deepmerge@4.3.1`), file
`package/readme.md` in deepmerge-4.3.1.tgz: "Merges the enumerable properties of
two or more objects deeply."

Usage:
    python build_deepmerge-readme.py OUT.docx [SOURCE]

SOURCE defaults to `readme.md` beside this script.

Licence: deepmerge and its README are under the MIT License, Copyright (c) 2012
James Halliday, Josh Duff, and other contributors (package/license.txt).

Mapping (no sentence of the README is reworded):
    # / ## / ### / ####  -> Heading 1 / Heading 2 / Heading 3 / Heading 4
    paragraph            -> Normal paragraph (wrapped lines joined with a space)
    > quote              -> Quote paragraph
    - item / * item      -> List Bullet
    1. item              -> List Number
    ```fenced code```    -> one 'Code' paragraph per line (monospace style)
    `code`, **bold**, *italic* -> monospace, bold and italic runs
    [text](url)          -> the link text
    <!-- comment -->     -> dropped (it is not shown when the README is rendered)
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|\*[^*]+\*)")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def add_inline(par, text):
    """Add text to a paragraph, turning Markdown inline markup into runs."""
    text = LINK.sub(r"\1", text)
    for piece in INLINE.split(text):
        if not piece:
            continue
        if piece.startswith("`") and piece.endswith("`"):
            run = par.add_run(piece[1:-1])
            run.font.name = "Courier New"
        elif piece.startswith("**") and piece.endswith("**"):
            par.add_run(piece[2:-2]).bold = True
        elif piece.startswith("*") and piece.endswith("*") and len(piece) > 2:
            par.add_run(piece[1:-1]).italic = True
        else:
            par.add_run(piece)


def code_style(doc):
    """Return the 'Code' paragraph style, creating it if needed."""
    names = [s.name for s in doc.styles]
    if "Code" in names:
        return doc.styles["Code"]
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def build(source, out):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    code = code_style(doc)
    para = []

    def flush():
        if para:
            add_inline(doc.add_paragraph(), " ".join(s.strip() for s in para))
            para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("<!--"):
            flush()
            while "-->" not in lines[i]:
                i += 1
            i += 1
            continue
        if stripped.startswith("```"):
            flush()
            i += 1
            while not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i].replace("\t", "    "), style=code)
                i += 1
            i += 1
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        if heading:
            flush()
            level = min(len(heading.group(1)), 4)
            add_inline(doc.add_heading(level=level), heading.group(2).strip())
        elif re.match(r"^\s*[-*]\s+", line):
            flush()
            add_inline(doc.add_paragraph(style="List Bullet"), re.sub(r"^\s*[-*]\s+", "", line))
        elif re.match(r"^\s*\d+\.\s+", line):
            flush()
            add_inline(doc.add_paragraph(style="List Number"), re.sub(r"^\s*\d+\.\s+", "", line))
        elif stripped.startswith(">"):
            flush()
            add_inline(doc.add_paragraph(style="Quote"), stripped.lstrip(">").strip())
        elif not stripped:
            flush()
        else:
            para.append(line)
        i += 1
    flush()
    doc.core_properties.title = "deepmerge"
    doc.save(out)


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: python build_deepmerge-readme.py OUT.docx [SOURCE]")
    default = Path(__file__).with_name("readme.md")
    source = sys.argv[2] if len(sys.argv) == 3 else default
    build(source, sys.argv[1])


if __name__ == "__main__":
    main()
