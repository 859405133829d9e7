"""Build gperf-manual.docx: the gperf(1) man page laid out as a Word document.

Source: the manual page gperf(1) of GNU gperf 3.1, the perfect hash function
generator, as shipped in the Debian package gperf 3.1-1
(``apt-get download gperf`` and ``dpkg -x gperf_3.1-1_amd64.deb x_gperf``,
file ``x_gperf/usr/share/man/man1/gperf.1.gz``). The page was generated from
``gperf --help`` by help2man.

Usage:
    python build_gperf-manual.py OUT.docx [SOURCE]

SOURCE is the roff source of the man page, gzip-compressed or plain; it
defaults to ``fetch/x_gperf/usr/share/man/man1/gperf.1.gz`` (relative to the
batch folder).

Licence: GNU gperf and its manual page are under the GNU GPL version 3 or
later (``/usr/share/doc/gperf/copyright``: ``License: GPL-3.0+``), which
permits redistribution of this derived layout under the same terms.

Mapping (no sentence is reworded, only the roff markup is turned into Word):
    - ``.TH`` -> a Title paragraph with the page name and section, and a
      Normal paragraph with the footer line (source and date) of the page;
    - ``.SH`` section headings -> Heading 1;
    - ``.SS`` subsection headings (the option groups) -> Heading 2;
    - the run of ``.TP`` option entries under a heading -> one Word table
      with a header row Option / Description: the tag line goes into the
      Option cell, the lines of its text, joined with spaces, into the
      Description cell;
    - ``.PP`` and ordinary text lines -> Normal paragraphs, lines joined with
      spaces; ``.HP`` -> a Normal paragraph; ``.br`` -> a line break;
    - the command after ``.IP`` (``.B info gperf``) -> a 'Code' paragraph
      (monospace);
    - ``.B`` lines and ``\\fB`` .. ``\\fR`` -> bold runs, ``\\fI`` .. ``\\fR`` ->
      italic runs; the escapes ``\\-``, ``\\&`` and ``\\(co`` -> ``-``, nothing
      and the copyright sign;
    - ``.\\"`` comments are dropped.
"""

import gzip
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "fetch/x_gperf/usr/share/man/man1/gperf.1.gz"
MONO = "Courier New"
FONT = re.compile(r"(\\f[BIRP])")


def read_source(path):
    """Return the lines of the roff source, gunzipping it if needed."""
    data = Path(path).read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data.decode("utf-8").splitlines()


def unescape(text):
    """Turn the roff escapes used by the page into plain characters."""
    return text.replace("\\-", "-").replace("\\&", "").replace("\\(co", "\u00a9")


def strip_quotes(text):
    """Drop the double quotes around a macro argument."""
    text = text.strip()
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
        return text[1:-1]
    return text


def add_runs(par, text, bold=False):
    """Add roff text to a paragraph, turning font escapes into runs."""
    font = "B" if bold else "R"
    for piece in FONT.split(text):
        if not piece:
            continue
        if FONT.fullmatch(piece):
            font = "R" if piece[2] == "P" else piece[2]
            if bold and font == "R":
                font = "B"
            continue
        run = par.add_run(unescape(piece))
        run.bold = font == "B"
        run.italic = font == "I"


def plain(text):
    """Roff text without its font escapes."""
    return unescape(FONT.sub("", text))


class Builder:
    """Walk the roff lines and lay them out in a Word document."""

    def __init__(self):
        self.doc = Document()
        code = self.doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
        code.base_style = self.doc.styles["Normal"]
        code.font.name = MONO
        code.font.size = Pt(9)
        self.par = None
        self.table = None
        self.cell_lines = None
        self.term_next = False
        self.code_next = False

    def flush_cell(self):
        """Write the collected description lines into the last table row."""
        if self.cell_lines is not None:
            cell = self.table.rows[-1].cells[1]
            add_runs(cell.paragraphs[0], " ".join(self.cell_lines))
            self.cell_lines = None

    def end_block(self, keep_table=False):
        """Close the open paragraph and, unless told, the open table."""
        self.flush_cell()
        self.par = None
        if not keep_table:
            self.table = None

    def text_line(self, line, bold=False):
        """Add one line of running text where it belongs."""
        if self.term_next:
            self.term_next = False
            if self.table is None:
                self.table = self.doc.add_table(rows=1, cols=2)
                self.table.style = "Table Grid"
                head = self.table.rows[0].cells
                head[0].paragraphs[0].add_run("Option").bold = True
                head[1].paragraphs[0].add_run("Description").bold = True
            row = self.table.add_row().cells
            add_runs(row[0].paragraphs[0], line, bold)
            self.cell_lines = []
            return
        if self.cell_lines is not None:
            self.cell_lines.append(r"\fB" + line + r"\fR" if bold else line)
            return
        if self.code_next:
            self.code_next = False
            self.doc.add_paragraph(plain(line), style="Code")
            return
        if self.par is None:
            self.par = self.doc.add_paragraph()
        elif self.par.runs and not self.par.text.endswith("\n"):
            self.par.add_run(" ")
        add_runs(self.par, line, bold)

    def macro(self, name, arg):
        """Handle one roff request line."""
        if name == "TH":
            fields = re.findall(r'"[^"]*"|\S+', arg)
            fields = [strip_quotes(f) for f in fields]
            self.doc.add_paragraph(f"{fields[0]}({fields[1]})", style="Title")
            self.doc.add_paragraph(f"{fields[3]} \u2014 {fields[2]}")
        elif name == "SH":
            self.end_block()
            self.doc.add_heading(strip_quotes(arg), level=1)
        elif name == "SS":
            self.end_block()
            self.doc.add_heading(strip_quotes(arg), level=2)
        elif name == "TP":
            self.end_block(keep_table=True)
            self.term_next = True
        elif name in ("PP", "HP"):
            self.end_block()
        elif name == "IP":
            self.end_block()
            self.code_next = True
        elif name == "br":
            if self.par is not None:
                self.par.add_run().add_break()
        elif name == "B":
            self.text_line(arg, bold=True)

    def build(self, lines):
        """Lay out all the lines of the page."""
        for line in lines:
            if line.startswith('.\\"'):
                continue
            match = re.match(r"^\.(\w+)\s*(.*)$", line)
            if match:
                self.macro(match.group(1), match.group(2))
            elif line.strip():
                self.text_line(line)
        self.end_block()
        return self.doc


def main(argv):
    if len(argv) < 2:
        sys.exit("usage: python build_gperf-manual.py OUT.docx [SOURCE]")
    source = argv[2] if len(argv) > 2 else DEFAULT_SOURCE
    doc = Builder().build(read_source(source))
    doc.save(argv[1])


if __name__ == "__main__":
    main(sys.argv)
