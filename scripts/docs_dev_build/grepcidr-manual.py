"""Lay out the grepcidr(1) manual page as a Word document.

Source: the manual page grepcidr(1), /usr/share/man/man1/grepcidr.1.gz in the
Debian package grepcidr 2.0-2 (`apt-get download grepcidr && dpkg -x`),
written by Jem Berkes from the DocBook page contributed by Ryan Finnie.

Usage: python build_grepcidr-manual.py OUT.docx [SOURCE]
    SOURCE is the man page (gzip-compressed or plain roff); it defaults to
    fetch/x/grepcidr/usr/share/man/man1/grepcidr.1.gz.

Licence: the manual page is under the GNU General Public License, version 2
or any later version (stated in its AUTHOR section and in debian/copyright).

Mapping (no sentence is reworded; only the roff markup is interpreted):
    .TH NAME SECTION        -> 'Title' paragraph "NAME(SECTION)"
    .SH HEADING             -> 'Heading 1'
    .PP + text lines        -> 'Normal' paragraph (lines joined by one space)
    .IP "TAG" + text        -> one row of a two-column Word table (TAG, text);
                               consecutive .IP entries share one table
    .nf ... .fi             -> one 'Code' paragraph per non-blank line
    paragraph set wholly in italics inside EXAMPLES -> 'Code' paragraph
    \\fB / \\fI / \\fR / \\fP -> bold / italic / roman runs
    \\(em -> em dash, \\- -> hyphen-minus; .\\" comments are dropped.
"""

import gzip
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "fetch/x/grepcidr/usr/share/man/man1/grepcidr.1.gz"
FONT_RE = re.compile(r"\\f([BIRP])")


def read_source(path):
    data = Path(path).read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data.decode("utf-8").splitlines()


def unescape(text):
    return text.replace("\\(em", "\u2014").replace("\\-", "-").replace("\\e", "\\")


def runs_of(text):
    """Split roff text into (string, bold, italic) runs."""
    runs = []
    stack = [("R")]
    pos = 0
    for m in FONT_RE.finditer(text):
        if m.start() > pos:
            runs.append((text[pos:m.start()], stack[-1]))
        code = m.group(1)
        if code == "P":
            if len(stack) > 1:
                stack.pop()
        elif code == "R":
            stack.append("R")
        else:
            font = stack[-1]
            if font != "R" and font != code:
                code = "BI"
            stack.append(code)
        pos = m.end()
    if pos < len(text):
        runs.append((text[pos:], stack[-1]))
    out = []
    for chunk, font in runs:
        chunk = unescape(chunk)
        if chunk:
            out.append((chunk, "B" in font, "I" in font))
    return out


def plain(text):
    return unescape(FONT_RE.sub("", text))


def add_runs(paragraph, text):
    for chunk, bold, italic in runs_of(text):
        run = paragraph.add_run(chunk)
        run.bold = bold or None
        run.italic = italic or None


def code_style(doc):
    if "Code" not in [s.name for s in doc.styles]:
        style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        style.font.name = "Courier New"
        style.font.size = Pt(9)
        style.paragraph_format.space_after = Pt(0)
    return "Code"


def parse(lines):
    """Yield blocks: ('title', s), ('h1', s), ('p', s), ('ip', tag, s), ('code', s)."""
    blocks = []
    buf = []
    mode = None  # 'p', 'ip', 'nf'
    tag = None

    def flush():
        nonlocal buf, mode, tag
        text = " ".join(x.strip() for x in buf if x.strip())
        if mode == "ip" and tag is not None:
            blocks.append(("ip", tag, text))
        elif text and mode in ("p", None):
            blocks.append(("p", text))
        buf = []
        tag = None

    for raw in lines:
        line = raw.rstrip()
        if line.startswith('.\\"'):
            continue
        if mode == "nf":
            if line.startswith(".fi"):
                mode = None
                continue
            if line.strip():
                blocks.append(("code", line.strip()))
            continue
        if line.startswith(".TH"):
            parts = re.findall(r'"([^"]*)"', line)
            blocks.append(("title", f"{parts[0]}({parts[1]})"))
        elif line.startswith(".SH"):
            flush()
            mode = None
            blocks.append(("h1", re.findall(r'"([^"]*)"', line)[0]))
        elif line.startswith(".PP"):
            flush()
            mode = "p"
        elif line.startswith(".IP"):
            flush()
            mode = "ip"
            tag = re.findall(r'"([^"]*)"', line)[0]
        elif line.startswith(".nf"):
            flush()
            mode = "nf"
        elif line.startswith(".fi"):
            continue
        else:
            buf.append(line)
    flush()
    return blocks


def build(out, source):
    doc = Document()
    code = code_style(doc)
    section = None
    table = None
    for block in parse(read_source(source)):
        kind = block[0]
        if kind != "ip":
            table = None
        if kind == "title":
            doc.add_paragraph(block[1], style="Title")
        elif kind == "h1":
            section = block[1]
            doc.add_heading(block[1], level=1)
        elif kind == "code":
            doc.add_paragraph(unescape(block[1]), style=code)
        elif kind == "ip":
            if table is None:
                table = doc.add_table(rows=0, cols=2)
                table.style = "Table Grid"
            cells = table.add_row().cells
            add_runs(cells[0].paragraphs[0], block[1])
            add_runs(cells[1].paragraphs[0], block[2])
        elif kind == "p":
            text = block[1]
            if section == "EXAMPLES" and text.startswith("\\fI") and text.endswith("\\fP"):
                doc.add_paragraph(plain(text), style=code)
            else:
                add_runs(doc.add_paragraph(), text)
    doc.save(out)


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    build(argv[1], argv[2] if len(argv) > 2 else DEFAULT_SOURCE)


if __name__ == "__main__":
    main(sys.argv)
