"""Build scrub-manual.docx: the scrub(1) man page laid out as a Word document.

Source: ``usr/share/man/man1/scrub.1.gz`` of the Debian package scrub 2.6.1-1+b1
(``apt-get download scrub && dpkg -x scrub_2.6.1-1+b1_amd64.deb x_scrub``), the man page
of scrub 2.6.1 (2014-08-26), which writes patterns on disks and files.

Usage::

    python build_scrub-manual.py OUT.docx [SOURCE]

SOURCE is the roff man page, gzipped or plain; it defaults to
``x_scrub/usr/share/man/man1/scrub.1.gz`` in the current directory.

Licence: scrub and its man page are GPL-2+ (debian/copyright: "the terms of the GNU
General Public License as published by the Free Software Foundation; either version 2
of the License, or (at your option) any later version"); this script is offered under
the same terms.

Mapping (no sentence is reworded; the lines of one roff paragraph are joined with a
space, as man does when it fills text):

* ``.TH`` -> a Title paragraph "scrub(1)" and a Normal paragraph with the version
  and date fields of ``.TH``
* ``.SH`` -> Heading 1
* ``.TP`` entries (OPTIONS, SCRUB METHODS) -> a two-column Word table per run of
  entries, tag in the first column and text in the second, under a bold header row
  ("Option" / "Method", "Description")
* the numbered modes "1) ... 2) ... 3) ..." of DESCRIPTION -> List Number (the
  "N)" marker becomes the list number)
* the ``.LP``-separated references of SEE ALSO -> List Bullet
* ``.nf`` ... ``.fi`` blocks (EXAMPLES) -> one 'Code' paragraph per line
* other ``.LP`` / ``.PP`` paragraphs -> Normal paragraphs; ``.br`` -> line break
* ``.B`` and ``\\fB`` -> bold runs, ``.I`` and ``\\fI`` -> italic runs; ``\\-`` -> "-",
  ``\\\\`` -> "\\"
"""

import gzip
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

FONT = re.compile(r"\\f([BIRP])")
NUMBERED = re.compile(r"^(\d)\)\s+")
TABLE_HEADERS = {"OPTIONS": ("Option", "Description"), "SCRUB METHODS": ("Method", "Description")}


def unescape(text: str) -> str:
    """Turn the roff escapes used in scrub.1 into the characters man shows."""
    return text.replace("\\-", "-").replace("\\e", "\\").replace("\\\\", "\\")


def parse_runs(text: str, style: str = "R") -> list[tuple[str, str]]:
    """Split a text line into (text, style) runs; style is B, I or R."""
    runs = []
    current, previous = style, style
    pos = 0
    for match in FONT.finditer(text):
        if match.start() > pos:
            runs.append((unescape(text[pos : match.start()]), current))
        font = match.group(1)
        if font == "P":
            current, previous = previous, current
        else:
            current, previous = font, current
        pos = match.end()
    if pos < len(text):
        runs.append((unescape(text[pos:]), current))
    return runs


def macro_args(rest: str) -> str:
    """The text of a .B or .I request: quoted arguments lose their quotes."""
    args = re.findall(r'"([^"]*)"|(\S+)', rest)
    return " ".join(quoted or bare for quoted, bare in args)


class Block:
    """One paragraph, table entry or code block of the man page."""

    def __init__(self, kind: str) -> None:
        self.kind = kind  # "p", "tp" or "code"
        self.tag: list[tuple[str, str]] = []
        self.runs: list[tuple[str, str]] = []
        self.lines: list[str] = []

    def add(self, runs: list[tuple[str, str]], into_tag: bool = False) -> None:
        target = self.tag if into_tag else self.runs
        runs = [list(run) for run in runs]
        if not runs:
            return
        runs[0][0] = runs[0][0].lstrip()
        runs[-1][0] = runs[-1][0].rstrip()
        if target and not target[-1][0].endswith("\n"):
            target.append((" ", "R"))
        target.extend((text, style) for text, style in runs if text)

    def text(self) -> str:
        return "".join(text for text, _ in self.runs).strip()


def parse(source: str) -> tuple[list[str], list[tuple[str, list[Block]]]]:
    """Read the roff source into the .TH fields and (section, blocks) pairs."""
    th: list[str] = []
    sections: list[tuple[str, list[Block]]] = []
    block = None
    expect_tag = False
    in_nf = False

    def new(kind: str) -> Block:
        created = Block(kind)
        sections[-1][1].append(created)
        return created

    for line in source.splitlines():
        if in_nf and not line.startswith(".fi"):
            block.lines.append(unescape(line))
            continue
        if line.startswith(".TH"):
            th = [quoted or bare for quoted, bare in re.findall(r'"([^"]*)"|(\S+)', line[3:])]
        elif line.startswith(".SH"):
            sections.append((macro_args(line[3:]), []))
            block = new("p")
        elif line.startswith((".LP", ".PP", ".IP")):
            block = new("p")
        elif line.startswith(".TP"):
            block = new("tp")
            expect_tag = True
        elif line.startswith(".nf"):
            block = new("code")
            in_nf = True
        elif line.startswith(".fi"):
            in_nf = False
            block = new("p")
        elif line.startswith(".br"):
            block.runs.append(("\n", "R"))
        elif line.startswith((".B ", ".I ")):
            block.add([(macro_args(line[3:]), line[1])], into_tag=expect_tag)
            expect_tag = False
        elif line.startswith("."):
            continue
        else:
            block.add(parse_runs(line), into_tag=expect_tag)
            expect_tag = False
    return th, sections


def code_style(document) -> None:
    """A 'Code' paragraph style: monospace, no space after."""
    style = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)


def fill(paragraph, runs: list[tuple[str, str]]) -> None:
    """Add (text, style) runs to a paragraph; a lone newline becomes a line break."""
    for text, style in runs:
        if text == "\n":
            paragraph.add_run().add_break()
            continue
        run = paragraph.add_run(text)
        run.bold = style == "B"
        run.italic = style == "I"


def strip_number(runs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Drop the leading "N) " marker of a numbered mode."""
    first, style = runs[0]
    first = re.sub(r"^\d\)\s*", "", first.lstrip())
    rest = runs[1:]
    if first:
        return [(first, style)] + rest
    return rest[1:] if rest and not rest[0][0].strip() else rest


def build(source: Path, out: Path) -> None:
    raw = source.read_bytes()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    th, sections = parse(raw.decode("utf-8"))
    document = Document()
    code_style(document)
    document.add_paragraph(f"{th[0]}({th[1]})", style="Title")
    document.add_paragraph(f"{th[3]}, {th[2]}")
    for heading, blocks in sections:
        document.add_heading(heading, level=1)
        table = None
        for block in blocks:
            if block.kind == "tp":
                if table is None:
                    table = document.add_table(rows=1, cols=2)
                    table.style = "Table Grid"
                    for cell, title in zip(table.rows[0].cells, TABLE_HEADERS.get(heading, ("", "")), strict=False):
                        cell.paragraphs[0].add_run(title).bold = True
                row = table.add_row().cells
                fill(row[0].paragraphs[0], block.tag)
                fill(row[1].paragraphs[0], block.runs)
                continue
            if block.kind == "code":
                if block.lines:
                    table = None
                for line in block.lines:
                    document.add_paragraph(line, style="Code")
                continue
            if not block.text():
                continue
            table = None
            if heading == "DESCRIPTION" and NUMBERED.match(block.text()):
                fill(document.add_paragraph(style="List Number"), strip_number(block.runs))
            elif heading == "SEE ALSO":
                fill(document.add_paragraph(style="List Bullet"), block.runs)
            else:
                fill(document.add_paragraph(), block.runs)
    document.save(str(out))


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    src = Path(sys.argv[2]) if len(sys.argv) == 3 else Path("x_scrub/usr/share/man/man1/scrub.1.gz")
    build(src, Path(sys.argv[1]))
