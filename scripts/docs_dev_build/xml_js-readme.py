"""Build xml_js-readme.docx: the README of the npm package xml-js, laid out as Word.

Source: README.md of the npm package xml-js 1.6.11 ("Convert XML text to
Javascript object / JSON text (and vice versa)"), fetched with
`npm pack xml-js` and unpacked with `tar xzf xml-js-1.6.11.tgz`, file
`package/README.md`.

Usage: python build_xml_js-readme.py OUT.docx [SOURCE]
    SOURCE defaults to package/README.md in the current directory.

Licence: xml-js and its README are Copyright (c) 2016-2017 Yousuf Almarzooqi,
under the MIT licence (package/LICENSE), which permits copying, modifying and
redistributing the text.

Mapping from Markdown to Word (no sentence is reworded, only markup changes):
    # / ## / ### heading             -> Heading 1 / 2 / 3
    paragraph lines                  -> one Normal paragraph (lines joined by spaces)
    "* item" (+ following lines up to a blank line)
                                     -> one List Bullet paragraph
    "1. item"                        -> List Number
    "> quoted lines"                 -> one Quote paragraph (the ">" removed)
    | pipe | table |                 -> Word table (style "Table Grid"), header row bold
    ``` fenced code ```              -> one 'Code' paragraph per code line (monospace)
    `code` / **bold** / *italic*     -> monospace / bold / italic run, markers removed
    [text](url)                      -> the link text
    lines holding only images or badges, <!-- comments -->
                                     -> left out (pictures and links, not text)
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

TOKEN = re.compile(
    r"(`[^`]+`"                      # code span
    r"|!\[[^\]]*\]\([^)]*\)"         # image
    r"|\[[^\]]*\]\([^)]*\)"          # link
    r"|\*\*[^*]+\*\*"                # bold
    r"|\*[^*\s][^*]*\*)"             # italic
)
IMAGE_LINE = re.compile(r"^(\[?!\[[^\]]*\]\([^)]*\)(\]\([^)]*\))?\s*)+$")


def code_style(doc):
    """Return the 'Code' paragraph style, creating it if needed."""
    styles = doc.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def add_inline(par, text, bold=False, italic=False):
    """Add Markdown inline text to a paragraph as Word runs."""
    for part in TOKEN.split(text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = par.add_run(part[1:-1])
            run.font.name = "Courier New"
            run.bold, run.italic = bold or None, italic or None
        elif part.startswith("!["):
            continue
        elif part.startswith("[") and "](" in part:
            add_inline(par, part[1:part.index("](")], bold, italic)
        elif part.startswith("**") and part.endswith("**") and len(part) > 4:
            add_inline(par, part[2:-2], True, italic)
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            add_inline(par, part[1:-1], bold, True)
        else:
            run = par.add_run(part)
            run.bold, run.italic = bold or None, italic or None


def split_row(line):
    """Split a Markdown table row into cell texts (pipes inside `code` kept)."""
    body = line.strip()[1:].removesuffix("|")
    cells, cur, in_code = [], "", False
    for ch in body:
        if ch == "`":
            in_code = not in_code
        if ch == "|" and not in_code:
            cells.append(cur.strip())
            cur = ""
        else:
            cur += ch
    cells.append(cur.strip())
    return cells


def add_table(doc, rows):
    """Add a Word table from Markdown table rows (the separator row dropped)."""
    header, body = split_row(rows[0]), [split_row(r) for r in rows[2:]]
    table = doc.add_table(rows=1 + len(body), cols=len(header))
    table.style = "Table Grid"
    for r, cells in enumerate([header] + body):
        for c, text in enumerate(cells[:len(header)]):
            par = table.cell(r, c).paragraphs[0]
            add_inline(par, text, bold=(r == 0))


def build(src, out):
    """Convert the Markdown file src into the Word file out."""
    lines = src.read_text(encoding="utf-8").splitlines()
    doc = Document()
    code = code_style(doc)
    block = []  # [style, line, line, ...] of the paragraph being gathered

    def flush():
        if block:
            style, text = block[0], " ".join(s.strip() for s in block[1:])
            add_inline(doc.add_paragraph(style=style), text)
            block.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i].rstrip(), style=code)
                i += 1
            i += 1
            continue
        if not stripped or stripped.startswith("<!--") or IMAGE_LINE.match(stripped):
            flush()
        elif m := re.match(r"(#{1,6}) (.*)", stripped):
            flush()
            heading = doc.add_heading(level=min(len(m.group(1)), 9))
            add_inline(heading, m.group(2))
        elif stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(doc, rows)
            continue
        elif m := re.match(r"[*-] (.*)", stripped):
            flush()
            block.extend(["List Bullet", m.group(1)])
        elif m := re.match(r"\d+\. (.*)", stripped):
            flush()
            block.extend(["List Number", m.group(1)])
        elif m := re.match(r">\s?(.*)", stripped):
            if block and block[0] != "Quote":
                flush()
            if not block:
                block.append("Quote")
            block.append(m.group(1))
        else:
            if block and block[0] == "Quote":
                flush()
            if not block:
                block.append("Normal")
            block.append(line)
        i += 1
    flush()
    doc.save(out)


def main():
    """Parse the command line and build the Word file."""
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = Path(sys.argv[1])
    src = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("package/README.md")
    build(src, out)


if __name__ == "__main__":
    main()
