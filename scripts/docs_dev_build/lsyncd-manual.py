"""Lay out the lsyncd(1) manual page as a Word document, without rewording it.

Source: the AsciiDoc source of the lsyncd(1) man page, ``lsyncd.1.txt``, as shipped
in the Debian package lsyncd 2.2.3-1+b1 at /usr/share/doc/lsyncd/lsyncd.1.txt
(``apt-get download lsyncd && dpkg -x lsyncd_2.2.3-1+b1_amd64.deb lsyncd``).
Upstream: https://github.com/axkibe/lsyncd (man page for lsyncd 2.2.x, January 2017).

Usage: python build_lsyncd-manual.py OUT.docx [SOURCE]
    SOURCE defaults to fetch/lsyncd/usr/share/doc/lsyncd/lsyncd.1.txt beside build/.

Licence: lsyncd is GPL-2+ (debian/copyright); the man page itself says its documentation
may also be redistributed under CC-3.0-BY. This script is given under the same terms.

Mapping (AsciiDoc -> Word), every sentence kept word for word:
    document title ``lsyncd(1)`` over ``====``  -> Title style
    ``:name: value`` attribute lines            -> a two-column Word table (name, value)
    section title over ``----`` (NAME, ...)     -> Heading 1
    ``term:::`` (SYNOPSIS labels)               -> Heading 2
    ``{nbsp} command line`` under such a label  -> 'Code' paragraph style
    ``term::`` (options, exit statuses)         -> List Bullet paragraph, term in bold
    tab-indented lines after ``term::``         -> Normal paragraph indented under the term
    other paragraphs (lines up to a blank line) -> Normal paragraph, lines joined by a space
    ``*bold*`` / ``'italic'`` inline markup      -> bold / italic runs (markup dropped)
    ``{nbsp}`` -> dropped; ``\\(C)`` -> ``(C)`` (AsciiDoc escape dropped)
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE.parent / "fetch/lsyncd/usr/share/doc/lsyncd/lsyncd.1.txt"
INLINE = re.compile(r"\*([^*\n]+)\*|(?<![\w])'([^'\n]+)'(?![\w])")


def clean(text: str) -> str:
    """Drop AsciiDoc escapes and attribute references that have no visible text."""
    return text.replace("{nbsp}", "").replace("\\(C)", "(C)").strip()


def add_runs(paragraph, text: str) -> None:
    """Add text to a paragraph, turning *bold* and 'italic' markup into run formatting."""
    text = clean(text)
    pos = 0
    for match in INLINE.finditer(text):
        if match.start() > pos:
            paragraph.add_run(text[pos:match.start()])
        if match.group(1) is not None:
            paragraph.add_run(match.group(1)).bold = True
        else:
            paragraph.add_run(match.group(2)).italic = True
        pos = match.end()
    if pos < len(text):
        paragraph.add_run(text[pos:])


def code_style(document):
    style = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    return style


def blocks(lines: list[str]) -> list[list[str]]:
    """Split the source into blocks separated by blank lines."""
    out: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line)
        elif current:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def build(source: Path, out: Path) -> None:
    document = Document()
    code_style(document)
    lines = source.read_text(encoding="utf-8").splitlines()
    attributes: list[tuple[str, str]] = []
    for block in blocks(lines):
        i = 0
        while i < len(block):
            line = block[i]
            nxt = block[i + 1] if i + 1 < len(block) else ""
            if nxt and set(nxt) == {"="}:
                document.add_paragraph(clean(line), style="Title")
                i += 2
                continue
            if nxt and set(nxt) == {"-"}:
                document.add_heading(clean(line), level=1)
                i += 2
                continue
            attr = re.fullmatch(r":([^:]+): (.*)", line)
            if attr:
                attributes.append((attr.group(1), attr.group(2)))
                if not re.fullmatch(r":([^:]+): (.*)", nxt):
                    table = document.add_table(rows=0, cols=2)
                    table.style = "Table Grid"
                    for name, value in attributes:
                        cells = table.add_row().cells
                        cells[0].text = name
                        cells[1].text = value
                i += 1
                continue
            if line.endswith(":::"):
                document.add_heading(clean(line[:-3]), level=2)
                i += 1
                continue
            if line.startswith("{nbsp}"):
                paragraph = document.add_paragraph(style="Code")
                add_runs(paragraph, line)
                i += 1
                continue
            if line.endswith("::"):
                paragraph = document.add_paragraph(style="List Bullet")
                add_runs(paragraph, line[:-2])
                for run in paragraph.runs:
                    run.bold = True
                body = []
                i += 1
                while i < len(block) and block[i].startswith("\t"):
                    body.append(block[i].strip())
                    i += 1
                if body:
                    paragraph = document.add_paragraph()
                    paragraph.paragraph_format.left_indent = Pt(36)
                    add_runs(paragraph, " ".join(body))
                continue
            body = []
            while i < len(block):
                body.append(block[i].strip())
                i += 1
            add_runs(document.add_paragraph(), " ".join(body))
    document.core_properties.title = "lsyncd(1)"
    document.save(str(out))


def main() -> None:
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: python build_lsyncd-manual.py OUT.docx [SOURCE]")
    source = Path(sys.argv[2]) if len(sys.argv) == 3 else DEFAULT_SOURCE
    build(source, Path(sys.argv[1]))


if __name__ == "__main__":
    main()
