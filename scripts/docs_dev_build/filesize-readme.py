"""Build filesize-readme.docx: the README of the npm package filesize, laid out as Word.

Source: README.md of the npm package filesize 11.0.35 (`npm pack filesize`,
then `tar xzf filesize-11.0.35.tgz`, file `package/README.md`).

Usage: python build_filesize-readme.py OUT.docx [SOURCE]
    SOURCE defaults to package/README.md in the current directory.

Licence: filesize and its README are Copyright (c) Jason Mulligan, under the
BSD 3-Clause licence, which permits redistribution of the text.

Mapping from Markdown to Word (no sentence is reworded):
    # / ## / ### heading        -> Heading 1 / Heading 2 / Heading 3
    paragraph lines             -> one Normal paragraph (lines joined by spaces;
                                   a line ending in two spaces becomes a line break)
    "- item"                    -> List Bullet
    "1. item"                   -> List Number
    | pipe | table |            -> Word table (style "Table Grid"), header row bold
    ``` fenced code ```         -> one 'Code' paragraph per code line (monospace)
    `code` / **bold**           -> monospace run / bold run, the markers removed
    [text](url)                 -> the link text
    badge lines (images only)   -> left out (pictures, not text)
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

INLINE = re.compile(r"(\*\*[^*]+\*\*|`[^`]+`)")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


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


def add_inline(par, text):
    """Add text to a paragraph, turning `code` and **bold** into runs."""
    text = LINK.sub(r"\1", text)
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**"):
            par.add_run(part[2:-2]).bold = True
        elif part.startswith("`") and part.endswith("`"):
            run = par.add_run(part[1:-1])
            run.font.name = "Courier New"
        else:
            par.add_run(part)


def add_lines(par, lines):
    """Add paragraph lines; a line ending in two spaces is a hard break."""
    for i, line in enumerate(lines):
        hard = line.endswith("  ")
        add_inline(par, line.strip())
        if i < len(lines) - 1:
            if hard:
                par.add_run().add_break()
            else:
                par.add_run(" ")


def split_row(line):
    """Split a Markdown table row into cell texts (\\| is a literal bar)."""
    body = line.strip().strip("|")
    cells = re.split(r"(?<!\\)\|", body)
    return [c.strip().replace("\\|", "|") for c in cells]


def add_table(doc, rows):
    """Add a Word table from Markdown table rows (the separator row dropped)."""
    header, body = split_row(rows[0]), [split_row(r) for r in rows[2:]]
    table = doc.add_table(rows=1 + len(body), cols=len(header))
    table.style = "Table Grid"
    for r, cells in enumerate([header] + body):
        for c, text in enumerate(cells):
            par = table.cell(r, c).paragraphs[0]
            add_inline(par, text)
            if r == 0:
                for run in par.runs:
                    run.bold = True


def build(src, out):
    """Convert the Markdown file src into the Word file out."""
    lines = src.read_text(encoding="utf-8").splitlines()
    doc = Document()
    code = code_style(doc)
    i = 0
    para = []

    def flush():
        if para:
            add_lines(doc.add_paragraph(), para)
            para.clear()

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
        if not stripped or stripped.startswith("[!["):
            flush()
        elif m := re.match(r"(#{1,3}) (.*)", stripped):
            flush()
            doc.add_heading(LINK.sub(r"\1", m.group(2)), level=len(m.group(1)))
        elif stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(doc, rows)
            continue
        elif m := re.match(r"- (.*)", stripped):
            flush()
            add_inline(doc.add_paragraph(style="List Bullet"), m.group(1))
        elif m := re.match(r"\d+\. (.*)", stripped):
            flush()
            add_inline(doc.add_paragraph(style="List Number"), m.group(1))
        else:
            para.append(line)
        i += 1
    flush()
    doc.save(out)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = Path(sys.argv[1])
    src = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("package/README.md")
    build(src, out)


if __name__ == "__main__":
    main()
