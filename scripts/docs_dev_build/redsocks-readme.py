"""Lay out the redsocks README as a Word document, without rewording it.

Source: the README of redsocks 0.5 (transparent TCP-to-proxy redirector, by
Leonid Evdokimov), as shipped in the Debian package redsocks 0.5-2+b3 at
/usr/share/doc/redsocks/README.gz (``apt-get download redsocks`` and
``dpkg -x``).

Usage:
    python build_redsocks-readme.py OUT.docx [SOURCE]

SOURCE is the README, plain or gzip-compressed; it defaults to
/usr/share/doc/redsocks/README.gz.

Licence: redsocks is licensed under the Apache License, Version 2.0 (README
"License" section; Apache-2.0 in debian/copyright). The resulting document is
distributed under the same terms.

Mapping from the plain-text README to Word:
    a line underlined with "====="      -> 'Heading 1'
    blank line                          -> ends the paragraph
    "* item" / " * item" (and its indented continuation lines)
                                        -> 'List Bullet'
    "SIGNAME ..." lines (the signals list under "Running")
                                        -> 'List Bullet', one per line
    a run of " -x   description" lines (command-line options)
                                        -> a two-column Word table
                                           (option | description), one row each
    "[n] address" reference lines       -> one plain paragraph per line
    shell lines of the iptables example ("# ...", "root# ...", "luser$ ...",
    "uid=...")                          -> 'Code' paragraph (a monospace style
                                           made here), one per line
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

DEFAULT_SOURCE = "/usr/share/doc/redsocks/README.gz"
UNDERLINE = re.compile(r"^=+\s*$")
CODE = re.compile(r"^(#|root#|luser\$|uid=)")
OPTION = re.compile(r"^ (-\w)\s{2,}(.*)$")
SIGNAL = re.compile(r"^SIG[A-Z0-9]+ ")
REFERENCE = re.compile(r"^\[\d+\] ")
BULLET = re.compile(r"^\s*\* (.*)$")


def read_source(path):
    """Return the text of SOURCE, gunzipping it when needed."""
    data = Path(path).read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data.decode("utf-8")


def code_style(document):
    """Create (once) and return the monospace 'Code' paragraph style."""
    styles = document.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


class Builder:
    """Collect README lines into Word paragraphs, lists and tables."""

    def __init__(self, document):
        self.doc = document
        self.lines = []
        self.style = None
        self.table = None

    def flush(self):
        """Write out the paragraph being collected, if any."""
        if self.lines:
            self.doc.add_paragraph(" ".join(self.lines), style=self.style)
        self.lines = []
        self.style = None

    def start(self, text, style=None):
        """Begin a new paragraph with TEXT in STYLE."""
        self.flush()
        self.table = None
        self.lines = [text]
        self.style = style

    def single(self, text, style=None):
        """Write TEXT as a paragraph of its own."""
        self.start(text, style)
        self.flush()

    def row(self, option, text):
        """Add an option row, opening a table when none is open."""
        self.flush()
        if self.table is None:
            self.table = self.doc.add_table(rows=0, cols=2)
            self.table.style = "Table Grid"
        cells = self.table.add_row().cells
        cells[0].text = option
        cells[1].text = text

    def text(self, line):
        """Add a line that belongs to running text or a list item."""
        self.table = None
        if self.style == "List Bullet" and not line[:1].isspace():
            self.flush()
        self.lines.append(line.strip())


def build(source, out):
    """Write the Word layout of the README text SOURCE to OUT."""
    document = Document()
    code_style(document)
    lines = read_source(source).splitlines()
    b = Builder(document)
    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if line and UNDERLINE.match(following):
            b.start(line.strip(), "Heading 1")
            b.flush()
            i += 2
            continue
        if not line.strip():
            b.flush()
        elif CODE.match(line):
            b.single(line, "Code")
        elif OPTION.match(line):
            m = OPTION.match(line)
            b.row(m.group(1), m.group(2))
        elif SIGNAL.match(line):
            b.single(line, "List Bullet")
        elif REFERENCE.match(line):
            b.single(line)
        elif BULLET.match(line):
            b.start(BULLET.match(line).group(1), "List Bullet")
        else:
            b.text(line)
        i += 1
    b.flush()
    document.save(out)


def main(argv):
    """Command-line entry: OUT.docx [SOURCE]."""
    if len(argv) not in (2, 3):
        sys.exit(__doc__)
    source = argv[2] if len(argv) == 3 else DEFAULT_SOURCE
    build(source, argv[1])


if __name__ == "__main__":
    main(sys.argv)
