"""Lay out the README of CAC (Command And Conquer, a JavaScript library for building CLI apps) as Word.

Source: README.md of the npm package cac 7.1.1 (`npm pack cac && tar xzf cac-7.1.1.tgz`,
file `package/README.md`), by EGOIST and contributors.

Usage: python build_cac-readme.py OUT.docx [SOURCE]
    SOURCE defaults to ../fetch/npm/cac-7.1.1/package/README.md next to this script.

Licence: the README is part of cac, released under the MIT License (package.json, LICENSE);
this script may be used under the same terms.

Mapping (the text itself is not reworded):
    ## heading / ### heading / #### heading -> Heading 1 / Heading 2 / Heading 3
    paragraph (consecutive lines joined by a space) -> Normal
    "- item" -> List Bullet; "1. item" -> List Number
    "> quote" -> Quote
    fenced code block -> one 'Code' paragraph (monospace) per line
    Markdown tables (none in this README) -> Word tables
    **bold** -> bold run, _italic_ -> italic run, `code` -> monospace run,
    [text](url) -> text, \\_ -> _, <br> -> dropped
    <img ...> lines and the badge line (images only) -> dropped
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = Path(__file__).resolve().parent.parent / "fetch/npm/cac-7.1.1/package/README.md"

INLINE = re.compile(r"(\*\*(?P<b>.+?)\*\*|`(?P<c>[^`]+)`|(?<![\w\\])_(?P<i>[^_]+?)_(?!\w))")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def clean(text):
    """Strip link targets, <br> and escapes; keep the visible words."""
    text = LINK.sub(r"\1", text)
    text = text.replace("<br>", "")
    return text


def add_runs(par, text):
    text = clean(text)
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            par.add_run(text[pos:m.start()].replace("\\_", "_"))
        if m.group("b") is not None:
            run = par.add_run(m.group("b").replace("\\_", "_"))
            run.bold = True
        elif m.group("c") is not None:
            run = par.add_run(m.group("c"))
            run.font.name = "Courier New"
        else:
            run = par.add_run(m.group("i").replace("\\_", "_"))
            run.italic = True
        pos = m.end()
    if pos < len(text):
        par.add_run(text[pos:].replace("\\_", "_"))


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.space_before = Pt(0)
    return style


def add_table(doc, rows):
    cells = [[c.strip() for c in r.strip().strip("|").split("|")] for r in rows]
    cells = [r for r in cells if not all(re.fullmatch(r":?-+:?", c) for c in r)]
    table = doc.add_table(rows=len(cells), cols=len(cells[0]))
    table.style = "Table Grid"
    for i, row in enumerate(cells):
        for j, value in enumerate(row):
            table.cell(i, j).text = ""
            add_runs(table.cell(i, j).paragraphs[0], value)


def build(source, out):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    code_style(doc)
    doc.core_properties.title = "CAC README"
    para = []
    i = 0

    def flush():
        if para:
            add_runs(doc.add_paragraph(), " ".join(s.strip() for s in para))
            para.clear()

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i], style="Code")
                i += 1
        elif not stripped or stripped.startswith(("<img", "[![")):
            flush()
        elif m := re.match(r"(#{2,4})\s+(.*)", stripped):
            flush()
            heading = doc.add_heading("", level=len(m.group(1)) - 1)
            add_runs(heading, m.group(2))
        elif m := re.match(r"[-*]\s+(.*)", stripped):
            flush()
            add_runs(doc.add_paragraph(style="List Bullet"), m.group(1))
        elif m := re.match(r"\d+\.\s+(.*)", stripped):
            flush()
            add_runs(doc.add_paragraph(style="List Number"), m.group(1))
        elif m := re.match(r">\s*(.*)", stripped):
            flush()
            add_runs(doc.add_paragraph(style="Quote"), m.group(1))
        elif stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(doc, rows)
            continue
        else:
            para.append(line)
        i += 1
    flush()
    doc.save(out)


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    build(argv[2] if len(argv) > 2 else DEFAULT_SOURCE, argv[1])


if __name__ == "__main__":
    main(sys.argv)
