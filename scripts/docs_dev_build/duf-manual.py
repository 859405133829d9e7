"""Lay out the duf(1) manual page as a Word document.

Source: the manual page duf(1), /usr/share/man/man1/duf.1.gz in the Debian
package duf 0.8.1-1+b6 (`apt-get download duf && dpkg -x`), the man page of
duf, the Disk Usage/Free Utility by Christian Muehlhaeuser that lists mounted
file systems with their size, usage and free space.

Usage: python build_duf-manual.py OUT.docx [SOURCE]
    SOURCE is the man page (gzip-compressed or plain roff); it defaults to
    ../fetch/x_duf/usr/share/man/man1/duf.1.gz beside this script.

Licence: duf is released under the MIT license (the man page's COPYRIGHT
section: "Copyright (C) 2020-2022 Christian Muehlhaeuser ... Released under
MIT license."; debian/copyright: Expat, with BSD-3-Clause for the portions
copied from gopsutil).

Mapping (no sentence is reworded; only the roff markup is interpreted):
    .TH NAME SECTION DATE SOURCE MANUAL -> 'Title' paragraph "NAME(SECTION)",
                                   then a 'Subtitle' paragraph with MANUAL
    .SH HEADING                 -> 'Heading 1'
    text lines                  -> 'Normal' paragraph (lines joined by a space)
    .PP                         -> ends the paragraph
    .RS / .IP \\(bu 3 ... / .RE  -> one 'List Bullet' paragraph per item
    .TP + term + text (OPTIONS) -> one row of a two-column Word table
                                   (term in bold | description); consecutive
                                   .TP entries form one table
    lines starting "  $ "       -> 'Code' paragraph (Courier New), the leading
                                   indentation dropped
    \\fB / \\fI / \\fP / \\fR      -> bold / italic / plain runs
    \\& -> "", \\- -> "-", \\(bu -> bullet (only as list marker)
"""

import gzip
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = (
    Path(__file__).resolve().parent.parent
    / "fetch" / "x_duf" / "usr" / "share" / "man" / "man1" / "duf.1.gz"
)

FONT = re.compile(r"\\f([BIRP])")


def read_source(path):
    data = Path(path).read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data.decode("utf-8").splitlines()


def unescape(text):
    return text.replace("\\&", "").replace("\\-", "-")


def runs(text):
    """Split roff text into (text, bold, italic) runs."""
    out = []
    bold = italic = False
    pos = 0
    for m in FONT.finditer(text):
        if m.start() > pos:
            out.append((unescape(text[pos:m.start()]), bold, italic))
        code = m.group(1)
        bold, italic = code == "B", code == "I"
        pos = m.end()
    if pos < len(text):
        out.append((unescape(text[pos:]), bold, italic))
    return [r for r in out if r[0]]


def add_runs(par, text, force_bold=False):
    for chunk, bold, italic in runs(text):
        run = par.add_run(chunk)
        run.bold = bold or force_bold
        run.italic = italic


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    return style


def build(lines, out):
    doc = Document()
    code_style(doc)
    buf = []
    mode = "text"  # text | bullet
    table = None
    term = None

    def flush():
        nonlocal buf
        if buf:
            text = " ".join(buf)
            style = "List Bullet" if mode == "bullet" else "Normal"
            if term is not None and table is not None:
                cells = table.add_row().cells
                add_runs(cells[0].paragraphs[0], term, force_bold=True)
                add_runs(cells[1].paragraphs[0], text)
            else:
                add_runs(doc.add_paragraph(style=style), text)
        buf = []

    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if line.startswith(".TH"):
            parts = re.findall(r'"[^"]*"|\S+', line)[1:]
            parts = [p.strip('"') for p in parts]
            doc.add_paragraph(f"{parts[0]}({parts[1]})", style="Title")
            doc.add_paragraph(parts[4], style="Subtitle")
        elif line.startswith(".SH"):
            flush()
            mode, table, term = "text", None, None
            doc.add_heading(unescape(line[3:].strip()), level=1)
        elif line.startswith(".PP"):
            flush()
            term = None
            if mode == "bullet":
                mode = "text"
        elif line.startswith(".RS"):
            flush()
        elif line.startswith(".RE"):
            flush()
            mode = "text"
        elif line.startswith(".IP"):
            flush()
            mode = "bullet"
        elif line.startswith(".TP"):
            flush()
            if table is None:
                table = doc.add_table(rows=0, cols=2)
                table.style = "Table Grid"
            term = lines[i]
            i += 1
        elif line.startswith("  $ "):
            flush()
            doc.add_paragraph(unescape(line.strip()), style="Code")
        elif line.startswith("."):
            continue
        elif line.strip():
            buf.append(line.strip())
    flush()
    doc.save(out)


def main(argv):
    if len(argv) < 2:
        sys.exit("usage: python build_duf-manual.py OUT.docx [SOURCE]")
    source = argv[2] if len(argv) > 2 else DEFAULT_SOURCE
    build(read_source(source), argv[1])


if __name__ == "__main__":
    main(sys.argv)
