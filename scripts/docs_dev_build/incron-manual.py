"""Lay out the incrontab(5) manual page as a Word document, without rewording it.

Source: the manual page incrontab(5), "tables for driving inotify cron (incron)",
of incron 0.5.12 (by Lukas Jelinek and Andreas Altair Redmer), as shipped in the
Debian package incron 0.5.12-4 at /usr/share/man/man5/incrontab.5.gz
(``apt-get download incron`` and ``dpkg -x``).

Usage:
    python build_incron-manual.py OUT.docx [SOURCE]

SOURCE is the roff source of the page, plain or gzip-compressed; it defaults
to /usr/share/man/man5/incrontab.5.gz.

Licence: the page is part of incron, free software that "can be used,
redistributed and/or modified under the terms of the GNU General Public
License, version 2" (COPYING section of the page; GPL-2+ in debian/copyright).
The resulting document is distributed under the same terms.

Mapping from the man source to Word:
    .TH name section version author manual
                                 -> 'Title' paragraph "name(section)", then a
                                    plain paragraph "manual, version, author"
    .SH heading                  -> 'Heading 1'
    blank line                   -> ends the paragraph
    .br                          -> ends the line (inside a table: the row)
    a run of lines "\\fBSYMBOL\\fR<TAB>description" joined by .br
                                 -> a two-column Word table, one row per line
                                    (symbol | description), as used for the
                                    EVENT SYMBOLS and WILDCARDS lists
    a paragraph that is wholly bold (the example incrontab lines)
                                 -> 'Code' paragraph (a monospace style made here)
    a paragraph made only of <placeholders> ("<path> <mask> <command>")
                                 -> 'Code' paragraph
    \\fB..\\fR / \\fI..\\fR        -> bold / italic runs
    \\-                          -> "-"
Every other text line is joined, with single spaces, to the paragraph it
belongs to; no sentence is changed, added or dropped.
"""

import gzip
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "/usr/share/man/man5/incrontab.5.gz"
ROW = re.compile(r"^\\fB(?P<tag>[^\\]+)\\fR\s*\t+\s*(?P<text>.*)$")
PLACEHOLDERS = re.compile(r"^(<\w+>\s*)+$")
FONT = re.compile(r"\\f([BIRP])")


def read_source(path):
    """Return the roff text of SOURCE, gunzipping it when needed."""
    data = Path(path).read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data.decode("utf-8")


def unescape(text):
    """Replace the character escapes used in the page."""
    return text.replace("\\-", "-").replace("\\e", "\\")


def runs(text):
    """Split roff text with font escapes into (text, bold, italic) runs."""
    out = []
    bold = italic = False
    pos = 0
    for match in FONT.finditer(text):
        if match.start() > pos:
            out.append((unescape(text[pos:match.start()]), bold, italic))
        font = match.group(1)
        bold, italic = font == "B", font == "I"
        pos = match.end()
    if pos < len(text):
        out.append((unescape(text[pos:]), bold, italic))
    return [r for r in out if r[0]]


def add_runs(paragraph, text):
    """Append the runs of TEXT to a Word paragraph."""
    for chunk, bold, italic in runs(text):
        run = paragraph.add_run(chunk)
        run.bold = bold or None
        run.italic = italic or None


def wholly_bold(text):
    """True when the line is one bold span, e.g. an example incrontab line."""
    return bool(re.fullmatch(r"\\fB[^\\]*\\fR", text.strip()))


def code_style(document):
    """Create the 'Code' paragraph style (monospace, no spacing)."""
    style = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9.5)
    style.paragraph_format.space_after = Pt(2)
    return style


class Builder:
    """Collect the lines of one block and emit Word elements."""

    def __init__(self, document):
        self.doc = document
        self.lines = []
        self.rows = []

    def flush_lines(self):
        if not self.lines:
            return
        text = " ".join(line.strip() for line in self.lines if line.strip())
        self.lines = []
        if not text:
            return
        plain = FONT.sub("", text)
        if wholly_bold(text) or PLACEHOLDERS.match(plain):
            self.doc.add_paragraph(unescape(plain), style="Code")
        else:
            add_runs(self.doc.add_paragraph(), text)

    def flush_rows(self):
        if not self.rows:
            return
        table = self.doc.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for tag, text in self.rows:
            cells = table.add_row().cells
            cells[0].paragraphs[0].add_run(unescape(tag)).bold = True
            add_runs(cells[1].paragraphs[0], text)
        self.rows = []

    def flush(self):
        self.flush_lines()
        self.flush_rows()

    def feed(self, line):
        row = ROW.match(line)
        if row:
            self.flush_lines()
            self.rows.append((row.group("tag"), row.group("text").strip()))
        elif line.startswith(".br"):
            if not self.rows:
                self.flush_lines()
        elif not line.strip():
            self.flush()
        else:
            self.flush_rows()
            self.lines.append(line)


def build(source, out):
    document = Document()
    code_style(document)
    builder = Builder(document)
    for line in read_source(source).splitlines():
        if line.startswith(".TH"):
            name, section, version, author, manual = re.findall(r'"([^"]*)"', line)
            document.add_paragraph(f"{name}({section})", style="Title")
            document.add_paragraph(f"{manual}, {version}, {author}")
        elif line.startswith(".SH"):
            builder.flush()
            document.add_heading(unescape(line[3:].strip().strip('"')), level=1)
        else:
            builder.feed(line)
    builder.flush()
    document.save(out)


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit(__doc__)
    build(argv[2] if len(argv) == 3 else DEFAULT_SOURCE, argv[1])


if __name__ == "__main__":
    main(sys.argv)
