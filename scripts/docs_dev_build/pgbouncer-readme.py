"""Lay out PgBouncer's README as a Word document.

Source: README.md of PgBouncer 1.18.0, as shipped in the Debian package
pgbouncer 1.18.0-1+deb12u1 at /usr/share/doc/pgbouncer/README.md.gz
(`apt-get download pgbouncer && dpkg -x pgbouncer_*.deb DIR`).

Usage: python build_pgbouncer-readme.py OUT.docx [SOURCE]
  SOURCE is the README.md (plain or gzip-compressed); it defaults to
  /usr/share/doc/pgbouncer/README.md.gz.

Licence: PgBouncer is distributed under the ISC licence
(Copyright (C) 2007-2011 Marko Kreen, Skype Technologies; see
/usr/share/doc/pgbouncer/copyright); the text is reproduced unchanged.

Mapping (no sentence is reworded; only Markdown markup is removed):
  * setext title underlined with "=" -> Heading 1 (the document title);
    setext headings underlined with "-" -> Heading 2;
  * "* item" lines -> List Bullet paragraphs;
  * "1. item" lines -> List Number paragraphs;
  * pipe tables -> Word tables ('Table Grid'), the header row in bold;
  * lines indented with a tab or four spaces -> one 'Code' paragraph each
    (a monospaced paragraph style created by this script);
  * other lines are joined into paragraphs ('Normal'), wrapped lines
    joined with a space;
  * inline `code` -> monospaced run; [text] reference links and <url>
    autolinks -> their visible text; reference definitions
    ("[name]: url") are link targets, not text, and are left out.
"""

import gzip
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "/usr/share/doc/pgbouncer/README.md.gz"
MONO = "Courier New"

INLINE = re.compile(r"`([^`]+)`|<(https?://[^>]+)>|\[([^\]]+)\](?!\()")
REF_DEF = re.compile(r"^\[[^\]]+\]:\s+\S+")
BULLET = re.compile(r"^\* (.*)")
NUMBER = re.compile(r"^\d+\. (.*)")


def read_source(path):
    data = Path(path).read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data.decode("utf-8")


def add_inline(paragraph, text, bold=False):
    """Add text to a paragraph, turning `code` into monospaced runs."""
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            paragraph.add_run(text[pos:m.start()]).bold = bold
        if m.group(1) is not None:
            run = paragraph.add_run(m.group(1))
            run.font.name = MONO
        else:
            run = paragraph.add_run(m.group(2) or m.group(3))
        run.bold = bold
        pos = m.end()
    if pos < len(text):
        paragraph.add_run(text[pos:]).bold = bold


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = MONO
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def split_row(line):
    cells = re.split(r"(?<!\\)\|", line.strip().strip("|"))
    return [c.strip().replace("\\|", "|") for c in cells]


def add_table(doc, rows):
    header, body = rows[0], rows[2:]
    table = doc.add_table(rows=0, cols=len(header))
    table.style = "Table Grid"
    for i, cells in enumerate([header, *body]):
        row = table.add_row().cells
        for cell, text in zip(row, cells, strict=False):
            add_inline(cell.paragraphs[0], text, bold=(i == 0))


def build(lines, doc):
    para = []

    def flush():
        if para:
            add_inline(doc.add_paragraph(), " ".join(para))
            para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if line.strip() and re.fullmatch(r"=+", nxt.strip()):
            flush()
            doc.add_heading(line.strip(), level=1)
            i += 2
            continue
        if line.strip() and re.fullmatch(r"-{3,}", nxt.strip()):
            flush()
            doc.add_heading(line.strip(), level=2)
            i += 2
            continue
        if line.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].startswith("|"):
                rows.append(split_row(lines[i]))
                i += 1
            add_table(doc, rows)
            continue
        if line.startswith(("\t", "    ")):
            flush()
            doc.add_paragraph(line[1:] if line.startswith("\t") else line[4:], style="Code")
            i += 1
            continue
        if not line.strip() or REF_DEF.match(line):
            flush()
            i += 1
            continue
        m = BULLET.match(line)
        n = NUMBER.match(line)
        if m or n:
            flush()
            style = "List Bullet" if m else "List Number"
            add_inline(doc.add_paragraph(style=style), (m or n).group(1))
            i += 1
            continue
        para.append(line.strip())
        i += 1
    flush()


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit(__doc__)
    out = argv[1]
    source = argv[2] if len(argv) == 3 else DEFAULT_SOURCE
    doc = Document()
    code_style(doc)
    doc.core_properties.title = "PgBouncer README"
    build(read_source(source).splitlines(), doc)
    doc.save(out)


if __name__ == "__main__":
    main(sys.argv)
