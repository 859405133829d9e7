"""Lay out the apicache README as a Word document.

Source: README.md of the npm package apicache 1.6.3 (`npm pack apicache`,
`package/README.md` in apicache-1.6.3.tgz), by Kevin R. Whitley and contributors.

Usage: python build_apicache-readme.py OUT.docx [SOURCE]
    SOURCE defaults to fetch/apicache-1.6.3/package/README.md.

Licence: the README is part of apicache, released under the MIT licence
(package.json "license": "MIT"); this copy keeps its text unchanged.

Mapping (no sentence is reworded):
    "#" .. "#####" headings   -> Heading 1 .. Heading 5
    "- " list items           -> List Bullet (indented continuation lines joined)
    fenced code blocks        -> one 'Code' paragraph per line (monospace style)
    other text lines          -> Normal paragraphs (wrapped lines joined by a space)
    inline markup             -> plain text: **bold** -> bold run, `code` -> text,
                                 [text](url) -> text, backslash escapes dropped
    badge lines (only images) -> left out (they are pictures, not text)
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "fetch/apicache-1.6.3/package/README.md"

LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
TOKENS = re.compile(r"(\*\*[^*]+\*\*|`[^`]+`)")


def plain(text):
    """Turn inline Markdown into (text, bold) pieces."""
    text = LINK.sub(r"\1", text)
    text = re.sub(r"\\([*_\\`])", r"\1", text)
    pieces = []
    for part in TOKENS.split(text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**"):
            pieces.append((part[2:-2], True))
        elif part.startswith("`") and part.endswith("`"):
            pieces.append((part[1:-1], False))
        else:
            pieces.append((part, False))
    return pieces


def add_par(doc, text, style=None):
    par = doc.add_paragraph(style=style)
    for piece, bold in plain(text):
        run = par.add_run(piece)
        run.bold = bold or None
    return par


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def is_badge(line):
    return line.startswith(("[![", "!["))


def build(source, out):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    code_style(doc)
    para = []
    item = None
    in_code = False

    def flush():
        nonlocal para, item
        if para:
            add_par(doc, " ".join(para))
            para = []
        if item is not None:
            add_par(doc, " ".join(item), "List Bullet")
            item = None

    for raw in lines:
        line = raw.rstrip()
        if line.lstrip().startswith("```"):
            flush()
            in_code = not in_code
            continue
        if in_code:
            doc.add_paragraph(line, style="Code")
            continue
        stripped = line.strip()
        if not stripped:
            flush()
            continue
        if is_badge(stripped):
            flush()
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", stripped)
        if heading:
            flush()
            level = min(len(heading.group(1)), 5)
            text = "".join(p for p, _ in plain(heading.group(2)))
            doc.add_heading(text, level=level)
            continue
        bullet = re.match(r"^[-*]\s+(.*)$", stripped)
        if bullet and not line.startswith("  "):
            flush()
            item = [bullet.group(1)]
            continue
        if item is not None:
            item.append(stripped)
        else:
            para.append(stripped)
    flush()
    doc.save(out)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    source = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_SOURCE
    build(source, sys.argv[1])


if __name__ == "__main__":
    main()
