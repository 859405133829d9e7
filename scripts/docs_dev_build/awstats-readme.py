"""Lay the AWStats README out as a Word document, without rewording it.

Usage: python build_awstats-readme.py OUT.docx [SOURCE]

Source: README.md of AWStats 7.8 as shipped by Debian in the package awstats
7.8-3+deb12u2 (/usr/share/doc/awstats/README.md.gz; fetched with
`apt-get download awstats && dpkg -x awstats_*.deb fetch/awstats`). SOURCE may be
that .gz file or a decompressed copy; by default the copy under fetch/ beside
this script is read.

Licence: AWStats is free software under the GNU General Public License, version 3
or (at your option) any later version (stated in the README itself and in
/usr/share/doc/awstats/copyright: "License: GPL-3+").

Mapping (Markdown -> Word):
  - "#", "##", "###" headings          -> Title / Heading 1 / Heading 2 styles
    (the README's single "#" line is the document title)
  - "- item" / "* item" list items     -> 'List Bullet' paragraphs; items indented
    by two or more spaces               -> 'List Bullet 2'; a continuation line
    indented under an item is joined to that item with a space
  - "1. item" list items               -> 'List Number'
  - lines indented by a tab or 4 spaces, and ``` fenced blocks
                                        -> one paragraph per line in a 'Code'
    paragraph style (Courier New, 9 pt); tabs inside code lines are kept
  - Markdown tables (| a | b |)         -> Word tables (none in this README)
  - other lines                        -> 'Normal' paragraphs; consecutive lines
    of one Markdown paragraph are joined with a space, as a reader sees them
  - [text](url) -> text; <url> -> url; **bold** / *emphasis* / `code` markers
    are dropped, the words kept.
"""
import gzip
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = Path(__file__).parent / "fetch/awstats/usr/share/doc/awstats/README.md.gz"


def read_source(path: Path) -> list[str]:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return data.decode("utf-8").splitlines()


def inline(text: str) -> str:
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [text](url) -> text
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)  # <url> -> url
    text = re.sub(r"\*\*([^*]+)\*\*", r"\1", text)
    text = re.sub(r"(?<![\w*])\*([^*\s][^*]*)\*(?![\w*])", r"\1", text)
    text = re.sub(r"`([^`]*)`", r"\1", text)
    return text.strip()


def code_style(document):
    style = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def build(lines: list[str], out: Path) -> None:
    document = Document()
    code_style(document)
    paragraph: list[str] = []  # lines of the Markdown paragraph being read
    item = None  # the list paragraph being read (continuation lines join it)
    fenced = False
    table_rows: list[list[str]] = []

    def flush():
        nonlocal paragraph, item
        if paragraph:
            document.add_paragraph(inline(" ".join(paragraph)))
        paragraph = []
        item = None

    def flush_table():
        nonlocal table_rows
        rows = [r for r in table_rows if not all(re.fullmatch(r":?-+:?", c) for c in r)]
        if rows:
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            table.style = "Table Grid"
            for i, row in enumerate(rows):
                for j, cell in enumerate(row):
                    table.cell(i, j).text = inline(cell)
        table_rows = []

    for line in lines:
        if fenced:
            if line.startswith("```"):
                fenced = False
            else:
                document.add_paragraph(line, style="Code")
            continue
        if line.startswith("```"):
            flush()
            fenced = True
            continue
        if line.strip().startswith("|") and line.strip().endswith("|"):
            flush()
            table_rows.append([c.strip() for c in line.strip()[1:-1].split("|")])
            continue
        if table_rows:
            flush_table()
        if not line.strip():
            flush()
            continue
        heading = re.match(r"(#{1,6})\s+(.*)", line)
        if heading:
            flush()
            level = len(heading.group(1))
            document.add_heading(inline(heading.group(2)), level=level - 1)
            continue
        if line.startswith("\t") or (line.startswith("    ") and item is None and not paragraph):
            flush()
            document.add_paragraph(line[1:] if line.startswith("\t") else line[4:], style="Code")
            continue
        bullet = re.match(r"(\s*)[-*+]\s+(.*)", line)
        number = re.match(r"(\s*)\d+[.)]\s+(.*)", line)
        if bullet or number:
            flush()
            m = bullet or number
            nested = len(m.group(1).expandtabs(4)) >= 2
            style = ("List Bullet" if bullet else "List Number") + (" 2" if nested else "")
            item = document.add_paragraph(inline(m.group(2)), style=style)
            continue
        if item is not None and line.startswith(" "):
            item.text = item.text + " " + inline(line)
            continue
        item = None
        paragraph.append(line.strip())
    flush()
    if table_rows:
        flush_table()
    document.save(str(out))


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    source = Path(sys.argv[2]) if len(sys.argv) == 3 else DEFAULT_SOURCE
    build(read_source(source), Path(sys.argv[1]))
