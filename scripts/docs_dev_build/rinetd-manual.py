"""Lay out the rinetd(8) manual page as a Word document, without rewording it.

Source: the manual page rinetd(8) of rinetd 0.73 ("internet redirection server",
by Thomas Boutell and Sam Hocevar), as shipped in the Debian package
rinetd 0.73-1 at /usr/share/man/man8/rinetd.8.gz (``apt-get download rinetd``
and ``dpkg -x``).

Usage:
    python build_rinetd-manual.py OUT.docx [SOURCE]

SOURCE is the roff source of the page, plain or gzip-compressed; it defaults
to /usr/share/man/man8/rinetd.8.gz.

Licence: the page is part of rinetd, Copyright (c) 1997-1999 Thomas Boutell
and Boutell.Com, Inc., Copyright (c) 2003-2021 Sam Hocevar, released under the
GNU General Public License, version 2 or later (GPL-2+, see debian/copyright).
The resulting document is distributed under the same terms.

Mapping from the man macros to Word:
    .TH name section date source   -> 'Title' paragraph "name(section)", then a
                                      plain paragraph "source, date"
    .SH heading                     -> 'Heading 1'
    .SS heading                     -> 'Heading 2'
    .PP / blank line                -> ends the paragraph; any text given on the
                                      .PP line itself is kept as paragraph text
                                      (groff would drop it; here no source
                                      sentence is lost)
    .br                             -> line break inside the paragraph
    a run of .TP entries            -> a two-column Word table, one row per entry
                                      (tag | description)
    a line indented by four spaces that is wholly bold
                                    -> 'Code' paragraph (a monospace style made here)
    a line indented by four spaces that is not bold
                                    -> 'List Bullet' item
    \\fB..\\fR / \\fI..\\fR           -> bold / italic runs
    \\-, \\(tm, \\e                  -> "-", the trade mark sign, backslash
Every other text line is joined, with single spaces, to the paragraph it belongs to.
"""

import gzip
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "/usr/share/man/man8/rinetd.8.gz"

ESCAPES = {"\\-": "-", "\\(tm": "\u2122", "\\e": "\\", "\\&": ""}
FONT_RE = re.compile(r"\\f([BIRP])")


def read_source(path):
    """Return the roff source as a list of lines."""
    data = Path(path).read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data.decode("utf-8").splitlines()


def unescape(text):
    """Replace the character escapes used in the page."""
    for esc, char in ESCAPES.items():
        text = text.replace(esc, char)
    return text


def runs_of(text, font="R"):
    """Split a roff text line into (text, font) runs; return them and the last font."""
    runs = []
    pos = 0
    for match in FONT_RE.finditer(text):
        if match.start() > pos:
            runs.append((unescape(text[pos:match.start()]), font))
        font = "R" if match.group(1) == "P" else match.group(1)
        pos = match.end()
    if pos < len(text):
        runs.append((unescape(text[pos:]), font))
    return runs, font


def is_bold_code(line):
    """A line indented by four spaces whose text is wholly bold."""
    stripped = line.strip()
    return line.startswith("    ") or (
        stripped.startswith("\\fB    ") and stripped.endswith("\\fR")
    )


def code_text(line):
    """The text of a code line, font escapes removed, indentation kept."""
    return unescape(FONT_RE.sub("", line)).rstrip()


class Builder:
    """Collects paragraphs and tables from the roff source into a document."""

    def __init__(self, doc):
        self.doc = doc
        self.pending = []  # list of lists of runs; each inner list is one line
        self.table = None
        self.tp_state = None  # None, "tag" or "body"
        self.row = None

    def flush(self):
        """Write the pending text as a Normal paragraph or a table cell."""
        if not self.pending:
            return
        if self.tp_state == "body" and self.row is not None:
            para = self.row.cells[1].paragraphs[0]
        else:
            para = self.doc.add_paragraph()
        self.fill(para, self.pending)
        self.pending = []

    @staticmethod
    def fill(para, lines):
        """Add the runs of the given lines, joined by spaces or line breaks."""
        first = True
        for line in lines:
            if line == "BR":
                para.add_run().add_break()
                first = True
                continue
            if not first:
                para.add_run(" ")
            for text, font in line:
                run = para.add_run(text)
                run.bold = font == "B"
                run.italic = font == "I"
            first = False

    def end_table(self):
        self.flush()
        self.table = None
        self.row = None
        self.tp_state = None

    def add_line(self, text):
        runs, _ = runs_of(text.strip())
        self.pending.append(runs)

    def tag(self, text):
        """First line after .TP: the tag goes in the left cell."""
        if self.table is None:
            self.table = self.doc.add_table(rows=0, cols=2)
            self.table.style = "Table Grid"
        self.row = self.table.add_row()
        runs, _ = runs_of(text.strip())
        self.fill(self.row.cells[0].paragraphs[0], [runs])
        self.tp_state = "body"


def build(source, out):
    lines = read_source(source)
    doc = Document()
    code = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = doc.styles["Normal"]
    code.font.name = "Courier New"
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(0)

    b = Builder(doc)
    for raw in lines:
        line = raw.rstrip("\n")
        if line.startswith(".TH"):
            name, section, date, src = re.findall(r'"[^"]*"|\S+', line)[1:5]
            doc.add_paragraph(f"{name}({section})", style="Title")
            doc.add_paragraph(f"{src.strip(chr(34))}, {date.strip(chr(34))}")
        elif line.startswith((".SH", ".SS")):
            b.end_table()
            level = 1 if line.startswith(".SH") else 2
            doc.add_heading(unescape(line[3:].strip()), level=level)
        elif line.startswith(".TP"):
            b.flush()
            b.tp_state = "tag"
        elif line.startswith(".PP"):
            b.end_table()
            rest = line[3:].strip()
            if rest:
                b.add_line(rest)
        elif line.startswith(".br"):
            b.pending.append("BR")
        elif not line.strip():
            if b.tp_state is None:
                b.flush()
        elif b.tp_state == "tag":
            b.tag(line)
        elif is_bold_code(line):
            b.flush()
            if line.startswith("    ") and "\\fB" not in line:
                doc.add_paragraph(unescape(line.strip()), style="List Bullet")
            else:
                doc.add_paragraph(code_text(line.strip()[3:]).strip(), style="Code")
        else:
            b.add_line(line)
    b.end_table()
    doc.core_properties.title = "rinetd(8)"
    doc.save(out)


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    out = argv[1]
    source = argv[2] if len(argv) > 2 else DEFAULT_SOURCE
    build(source, out)


if __name__ == "__main__":
    main(sys.argv)
