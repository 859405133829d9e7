"""Lay out the tcptrack(1) manual page as a Word document.

Source: the manual page tcptrack(1), /usr/share/man/man1/tcptrack.1.gz in the
Debian package tcptrack 1.4.3-1+b1 (`apt-get download tcptrack && dpkg -x`),
the man page of tcptrack, the TCP connection monitor by Steve Benson.

Usage: python build_tcptrack-manual.py OUT.docx [SOURCE]
    SOURCE is the man page (gzip-compressed or plain roff); it defaults to
    fetch/x/tcptrack/usr/share/man/man1/tcptrack.1.gz.

Licence: tcptrack, its manual page included, is under the GNU Lesser General
Public License, version 2.1 or any later version (debian/copyright,
"Files: *").

Mapping (no sentence is reworded; only the roff markup is interpreted):
    .TH NAME SECTION          -> 'Title' paragraph "NAME(SECTION)"
    .SH HEADING               -> 'Heading 1' (quotes removed)
    text lines up to a blank
    line or the next macro    -> 'Normal' paragraph (lines joined by a space)
    .B TEXT / .I TEXT lines   -> bold / italic runs inside the paragraph
    .TP + tag line + text     -> one row of a two-column Word table
                                 (option, description); consecutive .TP
                                 entries share one table
    a paragraph that starts
    with a .B key line and a
    line beginning "- "       -> 'List Bullet' paragraph (key in bold)
    a paragraph made only of
    one .B line starting "# " -> 'Code' paragraph (a shell command)
    \\- -> hyphen-minus; .\\" comments are dropped.
"""

import gzip
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "fetch/x/tcptrack/usr/share/man/man1/tcptrack.1.gz"


def read_source(path):
    data = Path(path).read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data.decode("utf-8").splitlines()


def unescape(text):
    return text.replace("\\-", "-").replace("\\e", "\\").strip()


def unquote(text):
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return text[1:-1]
    return text


def line_run(line):
    """Turn one roff source line into a (text, bold, italic) run."""
    if line.startswith(".B "):
        return (unescape(line[3:]), True, False)
    if line.startswith(".I "):
        return (unescape(line[3:]), False, True)
    return (unescape(line), False, False)


def parse(lines):
    """Yield blocks: ('title', text), ('heading', text), ('para', runs),
    ('item', tag_runs, runs)."""
    blocks = []
    runs = []
    item = None

    def flush():
        nonlocal runs, item
        if item is not None:
            blocks.append(("item", item, runs))
        elif runs:
            blocks.append(("para", runs))
        runs = []
        item = None

    pending_tag = False
    for raw in lines:
        line = raw.rstrip()
        if line.startswith('.\\"'):
            continue
        if line.startswith(".TH"):
            parts = line.split()
            blocks.append(("title", f"{unquote(parts[1])}({parts[2]})"))
        elif line.startswith(".SH"):
            flush()
            blocks.append(("heading", unquote(line[3:])))
        elif line.startswith(".TP"):
            flush()
            pending_tag = True
        elif pending_tag:
            item = [line_run(line)]
            pending_tag = False
        elif not line.strip():
            flush()
        else:
            runs.append(line_run(line))
    flush()
    return blocks


def add_runs(paragraph, runs):
    for i, (text, bold, italic) in enumerate(runs):
        if not text:
            continue
        run = paragraph.add_run(("" if i == 0 else " ") + text)
        run.bold = bold or None
        run.italic = italic or None


def ensure_code_style(doc):
    if "Code" not in [s.name for s in doc.styles]:
        style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        style.font.name = "Courier New"
        style.font.size = Pt(9)


def build(source, out):
    doc = Document()
    ensure_code_style(doc)
    table = None
    for block in parse(read_source(source)):
        kind = block[0]
        if kind != "item":
            table = None
        if kind == "title":
            doc.add_paragraph(block[1], style="Title")
        elif kind == "heading":
            doc.add_heading(block[1], level=1)
        elif kind == "item":
            if table is None:
                table = doc.add_table(rows=0, cols=2)
                table.style = "Table Grid"
            cells = table.add_row().cells
            add_runs(cells[0].paragraphs[0], block[1])
            add_runs(cells[1].paragraphs[0], block[2])
        else:
            runs = block[1]
            first = runs[0]
            if len(runs) == 1 and first[1] and first[0].startswith("# "):
                doc.add_paragraph(first[0], style="Code")
            elif len(runs) > 1 and first[1] and runs[1][0].startswith("- "):
                add_runs(doc.add_paragraph(style="List Bullet"), runs)
            else:
                add_runs(doc.add_paragraph(), runs)
    doc.save(out)


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    build(argv[2] if len(argv) > 2 else DEFAULT_SOURCE, argv[1])


if __name__ == "__main__":
    main(sys.argv)
