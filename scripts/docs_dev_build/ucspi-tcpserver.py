"""Lay out the tcpserver(1) man page of ucspi-tcp as a Word document.

Source: tcpserver(1) from ucspi-tcp by D. J. Bernstein, as shipped in the Debian package
ucspi-tcp 1:0.88-7 (`apt-get download ucspi-tcp && dpkg -x`), file
/usr/share/man/man1/tcpserver.1.gz.

Usage: python build_ucspi-tcpserver.py OUT.docx [SOURCE]
    SOURCE defaults to /usr/share/man/man1/tcpserver.1.gz (plain or gzip-compressed roff).

Licence: ucspi-tcp is in the public domain (debian/copyright: "The files listed have been put
on the public domain by corresponding authors."); this script is also public domain.

Mapping (the text itself is not reworded; roff filling joins input lines with single spaces):
    .TH name section      -> Title paragraph "name(section)"
    .SH NAME              -> Heading 1
    .B line ending in ":" standing alone (e.g. "General options:") -> Heading 2
    .TP + tag line        -> bold paragraph (the option), then its text as an indented paragraph
    SYNOPSIS text         -> paragraph in a 'Code' style (monospace)
    SEE ALSO references   -> List Bullet items, one per reference, the URL as a paragraph
    .B / .I / .BR / .IR, \\fB \\fI \\fR \\fP -> bold and italic runs
    blank line, .P, .PP   -> paragraph break
"""

import gzip
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "/usr/share/man/man1/tcpserver.1.gz"


def read_source(path: str) -> list[str]:
    data = Path(path).read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data.decode("utf-8").splitlines()


def unescape(text: str) -> str:
    return text.replace("\\-", "-").replace("\\e", "\\").replace("\\ ", " ")


def inline_runs(text: str, font: str = "R") -> list[tuple[str, str]]:
    """Split text with \\fX font escapes into (text, font) pieces."""
    runs: list[tuple[str, str]] = []
    previous = font
    for piece in re.split(r"(\\f[BIRP])", text):
        if re.fullmatch(r"\\f[BIRP]", piece):
            new = piece[2]
            if new == "P":
                new = previous
            previous, font = font, new
        elif piece:
            runs.append((unescape(piece), font))
    return runs


def macro_runs(line: str) -> list[tuple[str, str]]:
    """Runs for one input line, handling .B .I .BR .IR .RB .RI and plain text."""
    if not line.startswith("."):
        return inline_runs(line)
    name, _, rest = line[1:].partition(" ")
    rest = rest.strip()
    if name in ("B", "I"):
        return inline_runs(rest, name)
    if len(name) == 2 and set(name) <= set("BIR"):
        words = rest.split()
        runs: list[tuple[str, str]] = []
        for i, word in enumerate(words):
            runs += inline_runs(word, name[i % 2])
        return runs
    return []


class Builder:
    def __init__(self) -> None:
        self.doc = Document()
        styles = self.doc.styles
        code = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
        code.base_style = styles["Normal"]
        code.font.name = "Courier New"
        code.font.size = Pt(10)
        self.runs: list[tuple[str, str]] = []
        self.kind = "body"  # body, tag, option, code
        self.section = ""

    def add(self, runs: list[tuple[str, str]]) -> None:
        if runs and self.runs:
            self.runs.append((" ", "R"))
        self.runs += runs

    def flush(self) -> None:
        runs = [(t, f) for t, f in self.runs]
        self.runs = []
        text = "".join(t for t, _ in runs).strip()
        if not text:
            return
        if self.kind == "code":
            self.doc.add_paragraph(re.sub(r"\s+", " ", text), style="Code")
            return
        if self.kind == "body" and len(runs) == 1 and runs[0][1] == "B" and text.endswith(":"):
            self.doc.add_heading(text, level=2)
            return
        paragraph = self.doc.add_paragraph()
        if self.kind == "option":
            paragraph.paragraph_format.left_indent = Pt(28)
        # squash spaces between runs, keep fonts
        first = True
        for piece, font in runs:
            piece = re.sub(r"\s+", " ", piece)
            if first:
                piece = piece.lstrip()
                first = False
            if not piece:
                continue
            run = paragraph.add_run(piece)
            run.bold = font == "B" or self.kind == "tag"
            run.italic = font == "I"
        if paragraph.runs:
            paragraph.runs[-1].text = paragraph.runs[-1].text.rstrip()

    def build(self, lines: list[str]) -> Document:
        expect_tag = False
        for raw in lines:
            line = raw.rstrip()
            if line.startswith(".TH"):
                name, section = line.split()[1:3]
                self.doc.add_paragraph(f"{name}({section})", style="Title")
                continue
            if line.startswith(".SH"):
                self.flush()
                self.section = line[3:].strip().strip('"')
                self.doc.add_heading(self.section, level=1)
                self.kind = "code" if self.section == "SYNOPSIS" else "body"
                continue
            if line in ("", ".P", ".PP", ".LP"):
                self.flush()
                if self.kind == "option" and line:
                    self.kind = "body"
                continue
            if line.startswith(".TP"):
                self.flush()
                expect_tag = True
                continue
            if expect_tag:
                self.kind = "tag"
                self.add(macro_runs(line))
                self.flush()
                self.kind = "option"
                expect_tag = False
                continue
            if self.section == "SEE ALSO":
                self.flush()
                if re.match(r"https?://", line):
                    self.doc.add_paragraph(unescape(line))
                else:
                    self.doc.add_paragraph(unescape(line), style="List Bullet")
                continue
            self.add(macro_runs(line))
        self.flush()
        return self.doc


def main() -> None:
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    out = sys.argv[1]
    source = sys.argv[2] if len(sys.argv) == 3 else DEFAULT_SOURCE
    Builder().build(read_source(source)).save(out)


if __name__ == "__main__":
    main()
