"""Lay out the zbarimg(1) manual page of ZBar as a Word document.

Source: the manual page zbarimg(1), /usr/share/man/man1/zbarimg.1.gz in the
Debian package zbar-tools 0.23.92-7+deb12u1 (`apt-get download zbar-tools &&
dpkg -x`), the man page of zbarimg, the command of the ZBar bar code reader
that scans and decodes bar codes from image files (DocBook-generated roff).

Usage: python build_zbar-manual.py OUT.docx [SOURCE]
    SOURCE is the man page (gzip-compressed or plain roff); it defaults to
    ../fetch/x_zbar-tools/usr/share/man/man1/zbarimg.1.gz beside this script.

Licence: ZBar, its manual pages included, is under the GNU Lesser General
Public License, version 2.1 or any later version (debian/copyright of
zbar-tools, quoting the COPYING file: Copyright (C) 2007-2009 Jeff Brown).

Mapping (no sentence is reworded; only the roff markup is interpreted):
    .TH NAME SECTION ...        -> 'Title' paragraph "NAME(SECTION)"
    .SH "HEADING"               -> 'Heading 1'
    .HP + lines (synopsis)      -> 'Normal' paragraph; .br -> a line break
    .PP + text lines            -> 'Normal' paragraph (lines joined by a space)
    .PP term + .RS 4 ... .RE    -> definition entry (option, config or exit
                                   code): the term as a bold 'Normal'
                                   paragraph, the text under .RS indented by
                                   0.4 inch per .RS level (nested entries of
                                   -S are indented further)
    .nf ... .fi (examples)      -> one 'Code' paragraph (Courier New), line
                                   breaks kept
    \\fB / \\fI / \\fR          -> bold / italic / plain runs
    \\- -> "-", \\& -> "", \\*(Aq -> "'", \\(co -> copyright sign,
    \\m[...] and \\% dropped; comments, .ie/.el/.nh/.ad and the nroff-only
    .if n \\{ ... .\\} blocks are dropped; .sp ends a paragraph.
"""

import gzip
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Inches, Pt

DEFAULT_SOURCE = (
    Path(__file__).resolve().parent.parent
    / "fetch" / "x_zbar-tools" / "usr" / "share" / "man" / "man1" / "zbarimg.1.gz"
)

FONT = re.compile(r"\\f(\[[A-Z]*\]|\(..|[BIRP])")
ESCAPES = [
    ("\\-", "-"),
    ("\\&", ""),
    ("\\*(Aq", "'"),
    ("\\(aq", "'"),
    ("\\(co", "\u00a9"),
    ("\\%", ""),
    ("\\ ", " "),
    ("\\e", "\\"),
]
COLOUR = re.compile(r"\\m\[[^\]]*\]")
SKIP = (".ie", ".el", ".nh", ".ad", '.\\"', "'\\\"")


def read_source(path):
    data = Path(path).read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data.decode("utf-8").splitlines()


def unescape(text):
    text = COLOUR.sub("", text)
    for old, new in ESCAPES:
        text = text.replace(old, new)
    return text


class Parser:
    """Turn roff lines into blocks: (kind, level, runs)."""

    def __init__(self):
        self.blocks = []
        self.runs = []
        self.kind = "para"
        self.level = 0
        self.font = "R"

    def flush(self):
        while self.runs and self.runs[-1][0] == "\n":
            self.runs.pop()
        if any(text.strip() for text, _ in self.runs):
            self.blocks.append([self.kind, self.level, self.runs])
        self.runs = []
        self.kind = "para"

    def add_text(self, line, joiner=" "):
        if self.runs and joiner:
            self.runs.append((joiner, self.font))
        pos = 0
        for match in FONT.finditer(line):
            if match.start() > pos:
                self.runs.append((unescape(line[pos:match.start()]), self.font))
            code = match.group(1)
            self.font = code if code in ("B", "I") else "R"
            pos = match.end()
        if pos < len(line):
            self.runs.append((unescape(line[pos:]), self.font))

    def parse(self, lines):
        in_if = False
        code = False
        for raw in lines:
            line = raw.rstrip()
            if line.startswith(SKIP):
                continue
            if line.startswith(".if n \\{"):
                in_if = True
                continue
            if line.startswith(".\\}"):
                in_if = False
                continue
            if in_if:
                continue
            if code:
                if line == ".fi":
                    self.flush()
                    code = False
                else:
                    self.add_text(line, "\n")
                continue
            if line.startswith(".TH"):
                parts = [p.strip('"') for p in re.findall(r'"[^"]*"|\S+', line)]
                self.blocks.append(["title", 0, [(f"{parts[1]}({parts[2]})", "R")]])
            elif line.startswith(".SH"):
                self.flush()
                self.level = 0
                self.blocks.append(["heading", 0, [(line[3:].strip().strip('"'), "R")]])
            elif line.startswith((".PP", ".sp", ".HP")):
                self.flush()
            elif line.startswith(".RS"):
                self.flush()
                if self.blocks and self.blocks[-1][0] == "para":
                    self.blocks[-1][0] = "term"
                self.level += 1
            elif line.startswith(".RE"):
                self.flush()
                self.level = max(0, self.level - 1)
            elif line == ".nf":
                self.flush()
                self.kind = "code"
                code = True
            elif line.startswith(".br"):
                if self.runs:
                    self.runs.append(("\n", self.font))
            elif line.startswith("."):
                continue
            else:
                joiner = "" if self.runs and self.runs[-1][0] == "\n" else " "
                self.add_text(line, joiner)
        self.flush()
        return self.blocks


def ensure_code_style(doc):
    if "Code" not in [s.name for s in doc.styles]:
        style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        style.font.name = "Courier New"
        style.font.size = Pt(9)


def add_runs(paragraph, runs, bold_all=False):
    for text, font in runs:
        parts = text.split("\n")
        for i, part in enumerate(parts):
            run = paragraph.add_run(part)
            if i < len(parts) - 1:
                run.add_break()
            run.bold = True if (bold_all or font == "B") else None
            run.italic = True if font == "I" else None


def build(source, out):
    doc = Document()
    ensure_code_style(doc)
    for kind, level, runs in Parser().parse(read_source(source)):
        if runs and runs[0][0] == " ":
            runs = runs[1:]
        if kind == "title":
            doc.add_paragraph(runs[0][0], style="Title")
        elif kind == "heading":
            doc.add_heading(runs[0][0], level=1)
        else:
            style = "Code" if kind == "code" else None
            paragraph = doc.add_paragraph(style=style)
            if level:
                paragraph.paragraph_format.left_indent = Inches(0.4 * level)
            add_runs(paragraph, runs, bold_all=(kind == "term"))
    doc.save(out)


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    build(argv[2] if len(argv) > 2 else DEFAULT_SOURCE, argv[1])


if __name__ == "__main__":
    main(sys.argv)
