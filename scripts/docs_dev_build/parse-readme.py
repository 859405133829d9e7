"""Lay out the README of parse (the Python library, "parse() is the opposite of format()") as Word.

Source: the long description (reStructuredText README) of the PyPI wheel parse 1.22.4,
``parse-1.22.4.dist-info/METADATA`` in ``parse-1.22.4-py2.py3-none-any.whl``
(``pip download --no-deps parse``). Everything after the metadata header block
(up to the first empty line) is the README. A plain README.rst works as SOURCE too.

Usage: python build_parse-readme.py OUT.docx [SOURCE]
    SOURCE defaults to fetch/pypi/parse/parse-1.22.4.dist-info/METADATA.

Licence of the text: MIT (License-Expression in METADATA, LICENSE in the wheel),
copyright 2012-2021 Richard Jones; redistributed unchanged in wording.

Mapping (no sentence is reworded; only reStructuredText markup is turned into Word layout):
- the package name becomes the Title; section titles (text over a ``---``/``===`` underline)
  become Heading 1;
- paragraphs become Normal paragraphs, their source lines joined with spaces; a
  paragraph ending in ``::`` keeps one ``:`` (as reStructuredText renders it);
- ``- `` bullet items (with their indented continuation lines) become List Bullet;
- ``.. code-block::`` bodies, literal blocks after ``::`` and ``>>>`` doctest blocks
  become one 'Code' paragraph per line (monospace);
- other indented blocks (block quotes) become Quote paragraphs;
- definition-list terms become bold Normal paragraphs, their definitions indented
  Normal paragraphs;
- the simple table of format types becomes a Word table (first row as header); a row
  whose first cell is empty continues the row above and is joined to its cells;
- inline markup: ``literal`` becomes a monospace run, *emphasis* an italic run,
  `reference`_ and `interpreted text` plain text;
- hyperlink targets (``.. _name: URL``) and the ``----`` transition are dropped.
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "fetch/pypi/parse/parse-1.22.4.dist-info/METADATA"
INLINE = re.compile(r"``(.+?)``|\*(?!\s)(.+?)\*|`([^`]+?)`_{0,2}")
UNDERLINE = re.compile(r"^([-=~^])\1{2,}$")
TABLE_BORDER = re.compile(r"^=+( +=+)+$")


def read_source(path):
    text = Path(path).read_text(encoding="utf-8")
    if text.startswith("Metadata-Version:"):
        text = text.split("\n\n", 1)[1]
    return text.splitlines()


def add_inline(paragraph, text):
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            paragraph.add_run(text[pos:m.start()])
        if m.group(1) is not None:
            run = paragraph.add_run(m.group(1))
            run.font.name = "Courier New"
        elif m.group(2) is not None:
            paragraph.add_run(m.group(2)).italic = True
        else:
            paragraph.add_run(m.group(3))
        pos = m.end()
    if pos < len(text):
        paragraph.add_run(text[pos:])


def indent_of(line):
    return len(line) - len(line.lstrip(" "))


def take_indented(lines, i):
    """Collect the indented block starting at lines[i] (blank lines inside kept)."""
    block = []
    while i < len(lines) and (not lines[i].strip() or indent_of(lines[i]) > 0):
        block.append(lines[i])
        i += 1
    while block and not block[-1].strip():
        block.pop()
    while block and not block[0].strip():
        block.pop(0)
    return block, i


def dedent(block):
    width = min(indent_of(b) for b in block if b.strip())
    return [b[width:] for b in block]


def add_code(doc, block):
    for line in dedent(block):
        doc.add_paragraph(line, style="Code")


def column_spans(border):
    return [(m.start(), m.end()) for m in re.finditer(r"=+", border)]


def cells_of(line, spans):
    cells = []
    for n, (start, end) in enumerate(spans):
        stop = spans[n + 1][0] if n + 1 < len(spans) else len(line)
        cells.append(line[start:stop].strip())
        del end
    return cells


def add_table(doc, lines, i):
    spans = column_spans(lines[i])
    rows = []
    borders = 0
    header_rows = 0
    while i < len(lines) and borders < 3:
        line = lines[i]
        if TABLE_BORDER.match(line):
            borders += 1
            if borders == 2:
                header_rows = len(rows)
        elif line.strip():
            cells = cells_of(line, spans)
            if rows and not cells[0]:
                rows[-1] = [(a + " " + b).strip() for a, b in zip(rows[-1], cells, strict=False)]
            else:
                rows.append(cells)
        i += 1
    table = doc.add_table(rows=len(rows), cols=len(spans))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = table.rows[r].cells[c]
            add_inline(cell.paragraphs[0], text)
            if r < header_rows:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
    return i


def build(lines, out):
    doc = Document()
    code = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = doc.styles["Normal"]
    code.font.name = "Courier New"
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(0)
    doc.add_paragraph("parse", style="Title")

    i = 0
    literal_next = False
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if not stripped:
            i += 1
            continue
        if indent_of(line) > 0:
            block, i = take_indented(lines, i)
            if literal_next:
                add_code(doc, block)
            else:
                text = " ".join(b.strip() for b in block if b.strip())
                add_inline(doc.add_paragraph(style="Quote"), text)
            literal_next = False
            continue
        literal_next = False
        if UNDERLINE.match(nxt) and not TABLE_BORDER.match(line) and len(nxt) >= len(stripped):
            doc.add_heading(stripped, level=1)
            i += 2
        elif re.match(r"^-{4,}$", stripped):
            i += 1
        elif stripped.startswith(".. code-block::"):
            block, i = take_indented(lines, i + 1)
            add_code(doc, block)
        elif stripped.startswith(".. _"):
            _, i = take_indented(lines, i + 1)
        elif TABLE_BORDER.match(line):
            i = add_table(doc, lines, i)
        elif stripped.startswith(">>>"):
            while i < len(lines) and lines[i].strip():
                doc.add_paragraph(lines[i], style="Code")
                i += 1
        elif stripped.startswith("- "):
            item = [stripped[2:]]
            i += 1
            while i < len(lines) and lines[i].startswith("  ") and lines[i].strip():
                item.append(lines[i].strip())
                i += 1
            add_inline(doc.add_paragraph(style="List Bullet"), " ".join(item))
        elif nxt.strip() and indent_of(nxt) > 0:
            term = doc.add_paragraph()
            add_inline(term, stripped)
            for run in term.runs:
                run.bold = True
            block, i = take_indented(lines, i + 1)
            definition = doc.add_paragraph()
            definition.paragraph_format.left_indent = Pt(24)
            add_inline(definition, " ".join(b.strip() for b in block if b.strip()))
        else:
            para = []
            while i < len(lines) and lines[i].strip() and indent_of(lines[i]) == 0:
                para.append(lines[i].strip())
                i += 1
            text = " ".join(para)
            if text.endswith("::"):
                literal_next = True
                text = text[:-3] if text.endswith(" ::") else text[:-1]
            if text:
                add_inline(doc.add_paragraph(), text)
    doc.save(out)


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: python build_parse-readme.py OUT.docx [SOURCE]")
    source = sys.argv[2] if len(sys.argv) == 3 else DEFAULT_SOURCE
    build(read_source(source), sys.argv[1])


if __name__ == "__main__":
    main()
