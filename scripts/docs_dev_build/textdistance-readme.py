"""Lay out the TextDistance README as a Word document, without rewording it.

Source: the README of TextDistance 4.6.3 ("python library for comparing
distance between two or more sequences by many algorithms", by orsinium),
as published in the PyPI wheel textdistance-4.6.3-py3-none-any.whl
(``pip download --no-deps textdistance``): the long description in
``textdistance-4.6.3.dist-info/METADATA``, after its header block.

Usage:
    python build_textdistance-readme.py OUT.docx [SOURCE]

SOURCE is the wheel (.whl), its METADATA file, or the README Markdown itself;
it defaults to textdistance-4.6.3-py3-none-any.whl in the current folder.
When the text starts with a "Metadata-Version:" header block, everything up
to the first blank line is skipped.

Licence: TextDistance is Copyright (c) 2017 orsinium and released under the
MIT License (METADATA ``License: MIT``, LICENSE in the wheel). The resulting
document is distributed under the same terms.

Mapping from the Markdown to Word:
    # heading / ## / ###             -> 'Title' / 'Heading 1' / 'Heading 2'
    paragraph (consecutive lines)    -> 'Normal' paragraph, lines joined by a space
    "- item"                         -> 'List Bullet'
    "1. item"                        -> 'List Number'
    "    - item" under a list item   -> 'List Bullet 2'
    | a | b | table                  -> Word table ('Table Grid'), the first row
                                        bold; the |---| separator row dropped
    ```lang fenced block              -> one 'Code' paragraph per line (a monospace
                                        style made here)
    [text](url)                      -> the link text (the address is dropped)
    `code`                           -> a run in Courier New
    **bold**                         -> a bold run
    ![alt](image) and badge lines    -> left out (pictures, not text)
Nothing else is changed: every sentence of the README is kept word for word.
"""

import re
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "textdistance-4.6.3-py3-none-any.whl"

IMAGE_RE = re.compile(r"\[?!\[[^\]]*\]\([^)]*\)(?:\]\([^)]*\))?")
LINK_RE = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^()]*\))*\)")
INLINE_RE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*)")
TABLE_SEP_RE = re.compile(r"^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
BULLET_RE = re.compile(r"^( *)- (.*)$")
NUMBER_RE = re.compile(r"^( *)\d+\. (.*)$")


def read_source(path):
    """Return the README Markdown text from a wheel, METADATA or .md file."""
    path = Path(path)
    if path.suffix == ".whl":
        with zipfile.ZipFile(path) as whl:
            name = next(n for n in whl.namelist() if n.endswith(".dist-info/METADATA"))
            text = whl.read(name).decode("utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    if text.startswith("Metadata-Version:"):
        text = text.split("\n\n", 1)[1]
    return text


def add_code_style(doc):
    """Create the 'Code' paragraph style: monospace, small, no spacing."""
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_before = Pt(0)
    style.paragraph_format.space_after = Pt(0)
    return style


def add_inline(paragraph, text, bold=False):
    """Add text to a paragraph, turning `code` and **bold** into runs."""
    text = LINK_RE.sub(r"\1", IMAGE_RE.sub("", text))
    for part in INLINE_RE.split(text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = paragraph.add_run(part[1:-1])
            run.font.name = "Courier New"
            run.bold = bold or None
        elif part.startswith("**") and part.endswith("**") and len(part) > 3:
            paragraph.add_run(part[2:-2]).bold = True
        else:
            paragraph.add_run(part).bold = bold or None


def split_row(line):
    """Split a Markdown table row into stripped cell texts."""
    line = line.strip()
    line = line.removeprefix("|").removesuffix("|")
    return [cell.strip() for cell in line.split("|")]


def add_table(doc, rows):
    """Add a Markdown table (list of row lines) as a Word table."""
    cells = [split_row(r) for r in rows if not TABLE_SEP_RE.match(r.strip())]
    width = max(len(r) for r in cells)
    table = doc.add_table(rows=len(cells), cols=width)
    table.style = "Table Grid"
    for i, row in enumerate(cells):
        for j in range(width):
            para = table.cell(i, j).paragraphs[0]
            add_inline(para, row[j] if j < len(row) else "", bold=(i == 0))


def build(markdown, out):
    """Write the Word document for the README text to OUT."""
    doc = Document()
    add_code_style(doc)
    lines = markdown.splitlines()
    para_lines = []
    list_style = None

    def flush():
        if para_lines:
            text = " ".join(s.strip() for s in para_lines)
            if IMAGE_RE.sub("", text).strip():
                add_inline(doc.add_paragraph(style=list_style or "Normal"), text)
            para_lines.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            list_style = None
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i], style="Code")
                i += 1
            i += 1
            continue
        if stripped.startswith("|"):
            flush()
            list_style = None
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(doc, rows)
            continue
        heading = re.match(r"^(#{1,6}) (.*)$", line)
        if heading:
            flush()
            list_style = None
            level = len(heading.group(1))
            if level == 1:
                add_inline(doc.add_paragraph(style="Title"), heading.group(2))
            else:
                add_inline(doc.add_heading(level=min(level - 1, 9)), heading.group(2))
            i += 1
            continue
        if not stripped:
            flush()
            list_style = None
            i += 1
            continue
        bullet = BULLET_RE.match(line)
        number = NUMBER_RE.match(line)
        if bullet or number:
            flush()
            indent, text = (bullet or number).groups()
            if bullet:
                list_style = "List Bullet 2" if indent else "List Bullet"
            else:
                list_style = "List Number 2" if indent else "List Number"
            para_lines.append(text)
            i += 1
            continue
        para_lines.append(line)
        i += 1
    flush()
    doc.core_properties.title = "TextDistance"
    doc.core_properties.author = "orsinium"
    doc.save(out)


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit(__doc__)
    source = argv[2] if len(argv) == 3 else DEFAULT_SOURCE
    build(read_source(source), argv[1])


if __name__ == "__main__":
    main(sys.argv)
