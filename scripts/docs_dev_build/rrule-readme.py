"""Build rrule-readme.docx: the README of rrule.js laid out as a Word document.

Source: README.md of the npm package rrule 2.8.1 (``npm pack rrule`` and
``tar xzf rrule-2.8.1.tgz``, file ``package/README.md``), the README of
rrule.js, the JavaScript library for iCalendar (RFC 5545) recurrence rules
by Jakub Roztocil, Lars Schoening and David Golightly.

Usage:
    python build_rrule-readme.py OUT.docx [SOURCE]

SOURCE defaults to ``fetch/npm/rrule/package/README.md`` (relative to the
batch folder).

Licence: rrule.js and its README are under the BSD-3-Clause licence
(``package/LICENCE``, ``license`` in package.json), which permits
redistribution with the copyright notice kept.

Mapping (no sentence is reworded, only the markup is turned into Word):
    - ``#`` .. ``#####`` headings -> Heading 1 .. Heading 5;
    - ``- item`` list items (with their continuation lines) -> List Bullet;
    - fenced code blocks -> one paragraph per line in a 'Code' paragraph
      style (monospace);
    - ordinary paragraphs -> Normal paragraphs, lines joined with spaces;
    - inline ``**bold**`` -> bold runs, inline ```code``` -> monospace runs,
      ``[text](url)`` links -> their text;
    - the HTML ``<table>`` of RRule options -> a Word table (header row
      Option / Description; the nested ``<ul>`` items of a cell -> List
      Bullet paragraphs inside the cell);
    - HTML ``<dl>`` definition lists -> a bold paragraph for each ``<dt>``
      followed by a Normal paragraph for its ``<dd>``;
    - badge images, reference-style link definitions, HTML comments and
      ``---`` rules are dropped (they carry no text a reader sees).
"""

import re
import sys
from html.parser import HTMLParser
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "fetch/npm/rrule/package/README.md"
MONO = "Courier New"

INLINE = re.compile(r"(\*\*.+?\*\*|`[^`]+`|\[[^\]]+\]\([^)]+\))")


def add_inline(par, text):
    """Add text to a paragraph, turning inline Markdown into runs."""
    for piece in INLINE.split(text):
        if not piece:
            continue
        if piece.startswith("**") and piece.endswith("**") and len(piece) > 4:
            add_inline_bold(par, piece[2:-2])
        elif piece.startswith("`") and piece.endswith("`") and len(piece) > 2:
            run = par.add_run(piece[1:-1])
            run.font.name = MONO
        elif piece.startswith("[") and piece.endswith(")"):
            label = piece[1:piece.index("](")]
            add_inline(par, label)
        else:
            par.add_run(piece)


def add_inline_bold(par, text):
    """Add bold text; code spans inside it stay monospace."""
    for piece in re.split(r"(`[^`]+`|\[[^\]]+\]\([^)]+\))", text):
        if not piece:
            continue
        if piece.startswith("`") and piece.endswith("`"):
            run = par.add_run(piece[1:-1])
            run.font.name = MONO
        elif piece.startswith("[") and piece.endswith(")"):
            run = par.add_run(piece[1:piece.index("](")])
        else:
            run = par.add_run(piece)
        run.bold = True


class BlockHTML(HTMLParser):
    """Collect an HTML <table> or <dl> block as text blocks."""

    def __init__(self):
        super().__init__()
        self.rows = []  # table: list of rows, row: list of cells, cell: list of (kind, text)
        self.items = []  # dl: list of (tag, text)
        self.cell = None
        self.buf = []
        self.in_li = False
        self.in_code = False
        self.current = None

    def flush(self, kind="p"):
        text = " ".join("".join(self.buf).split())
        self.buf = []
        if text and self.cell is not None:
            self.cell.append((kind, text))
        return text

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.cell = []
            self.buf = []
        elif tag in ("p", "ul"):
            self.flush()
        elif tag == "li":
            self.flush()
            self.in_li = True
        elif tag in ("dt", "dd"):
            self.buf = []
            self.current = tag
        elif tag == "code":
            self.buf.append("`")

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.flush()
            self.rows[-1].append(self.cell)
            self.cell = None
        elif tag == "p":
            self.flush()
        elif tag == "li":
            self.flush("li")
            self.in_li = False
        elif tag in ("dt", "dd"):
            text = " ".join("".join(self.buf).split())
            self.items.append((tag, text))
            self.buf = []
            self.current = None
        elif tag == "code":
            self.buf.append("`")

    def handle_data(self, data):
        self.buf.append(data)


def code_style(doc):
    styles = doc.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = MONO
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def add_table(doc, block):
    parser = BlockHTML()
    parser.feed(block)
    rows = [r for r in parser.rows if r]
    table = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    table.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, cell_blocks in enumerate(row):
            cell = table.cell(i, j)
            first = True
            for kind, text in cell_blocks:
                if first:
                    par = cell.paragraphs[0]
                    first = False
                else:
                    par = cell.add_paragraph()
                if kind == "li":
                    par.style = doc.styles["List Bullet"]
                if i == 0:
                    add_inline_bold(par, text)
                else:
                    add_inline(par, text)


def add_dl(doc, block):
    parser = BlockHTML()
    parser.feed(block)
    for tag, text in parser.items:
        par = doc.add_paragraph()
        if tag == "dt":
            add_inline_bold(par, text)
        else:
            add_inline(par, text)


def build(source, out):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    code = code_style(doc)
    i = 0
    para = []

    def end_para():
        if para:
            add_inline(doc.add_paragraph(), " ".join(s.strip() for s in para))
            para.clear()

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            end_para()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i], style=code)
                i += 1
            i += 1
            continue
        if stripped.startswith(("<table", "<dl")):
            end_para()
            closing = "</table>" if stripped.startswith("<table") else "</dl>"
            block = []
            while i < len(lines):
                block.append(lines[i])
                if lines[i].strip().startswith(closing):
                    break
                i += 1
            i += 1
            if closing == "</table>":
                add_table(doc, "\n".join(block))
            else:
                add_dl(doc, "\n".join(block))
            continue
        if not stripped or stripped == "---":
            end_para()
            i += 1
            continue
        if stripped.startswith("[![") or re.match(r"^\[[^\]]+\]: ", stripped):
            end_para()
            i += 1
            continue
        heading = re.match(r"^(#{1,6}) (.*)$", line)
        if heading:
            end_para()
            level = min(len(heading.group(1)), 9)
            par = doc.add_paragraph(style=f"Heading {level}")
            add_inline(par, heading.group(2).strip())
            i += 1
            continue
        item = re.match(r"^- (.*)$", line)
        if item:
            end_para()
            text = [item.group(1)]
            i += 1
            while i < len(lines) and lines[i].startswith("  ") and lines[i].strip():
                text.append(lines[i].strip())
                i += 1
            add_inline(doc.add_paragraph(style="List Bullet"), " ".join(text))
            continue
        para.append(line)
        i += 1
    end_para()
    doc.core_properties.title = "rrule.js README"
    doc.save(out)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    source = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_SOURCE
    build(source, out)


if __name__ == "__main__":
    main()
