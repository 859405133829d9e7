"""Build execa-readme.docx: the execa README laid out as a Word document.

Source: ``package/readme.md`` of the npm package execa 5.1.1
(``npm pack execa@5.1.1 && tar xzf execa-5.1.1.tgz``).

Usage::

    python build_execa-readme.py OUT.docx [SOURCE]

SOURCE defaults to ``package/readme.md`` in the current directory.

Licence: execa and its README are MIT licensed (``"license": "MIT"`` in
package.json, ``license`` file in the package, (c) Sindre Sorhus); this script
is offered under the same terms.

Mapping (no sentence is reworded; soft-wrapped lines of one paragraph or list
item are joined with a space, a Markdown hard break (a line ending in a
backslash) becomes a line break inside the paragraph):

* ``#`` .. ``#####`` headings -> Heading 1 .. Heading 5
* ``-`` and ``*`` list items -> List Bullet (indented items -> List Bullet 2)
* ``1.`` list items -> List Number (indented items -> List Number 2)
* fenced code blocks -> one 'Code' paragraph per line (monospace style made here)
* ``>`` block quotes -> Quote
* Markdown tables -> Word tables (first row bold)
* other text -> Normal paragraphs
* inline markup: ``code`` -> monospace run, ``**x**``/``__x__`` -> bold,
  ``_x_``/``*x*`` -> italic, ``[text](url)`` -> text;
  badge images, the logo ``<img>``/``<br>`` lines and horizontal rules are left
  out; the closing ``<div>`` block is kept as its visible text, one Normal
  paragraph per element (``<br>`` -> a space).
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

INLINE = re.compile(
    r"(`[^`]+`)"  # code
    r"|(\*\*[^*]+\*\*|__[^_]+__)"  # bold
    r"|(?<![\w\\])(_[^_\s][^_]*_|\*[^*\s][^*]*\*)(?!\w)"  # italic
)
URL = r"\((?:[^()\s]|\([^()]*\))*\)"
IMAGE_LINK = re.compile(r"\[!\[[^\]]*\]" + URL + r"\]" + URL)
IMAGE = re.compile(r"!\[[^\]]*\]" + URL)
LINK = re.compile(r"\[((?:[^\[\]]|\[[^\]]*\])+)\]" + URL)
LIST = re.compile(r"^([ \t]*)([-*]|\d+\.)\s+(.*)$")
HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
FENCE = re.compile(r"^\s*```")
RULE = re.compile(r"^\s*(-{3,}|\*{3,}|_{3,})\s*$")
TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
TAG = re.compile(r"<[^>]+>")


def clean(text: str) -> str:
    """Drop images, keep the visible text of links."""
    text = IMAGE_LINK.sub("", text)
    text = IMAGE.sub("", text)
    return LINK.sub(r"\1", text)


def add_runs(paragraph, text: str, bold: bool = False, italic: bool = False) -> None:
    """Add text to a paragraph, turning inline Markdown into run formatting."""
    pos = 0
    for match in INLINE.finditer(text):
        if match.start() > pos:
            add_plain(paragraph, text[pos : match.start()], bold, italic)
        code, strong, emphasis = match.groups()
        if code:
            run = paragraph.add_run(code[1:-1])
            run.font.name = "Courier New"
            run.bold = bold or None
            run.italic = italic or None
        elif strong:
            add_runs(paragraph, strong[2:-2], True, italic)
        else:
            add_runs(paragraph, emphasis[1:-1], bold, True)
        pos = match.end()
    if pos < len(text):
        add_plain(paragraph, text[pos:], bold, italic)


def add_plain(paragraph, text: str, bold: bool, italic: bool) -> None:
    """Add a run of plain text; a newline becomes a line break."""
    for i, part in enumerate(text.split("\n")):
        run = paragraph.add_run()
        if i:
            run.add_break()
        run.add_text(part)
        run.bold = bold or None
        run.italic = italic or None


def join_lines(lines: list[str]) -> str:
    """Join the source lines of one block; a trailing backslash is a hard break."""
    parts = []
    for line in lines:
        line = line.strip()
        parts.append(line[:-1] + "\n" if line.endswith("\\") else line + " ")
    return "".join(parts).strip()


def code_style(document):
    """A 'Code' paragraph style: monospace, no space after."""
    style = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def split_row(line: str) -> list[str]:
    """Cells of a Markdown table row."""
    line = line.strip()
    line = line.removeprefix("|")
    line = line.removesuffix("|")
    return [cell.strip() for cell in line.split("|")]


def add_table(document, rows: list[list[str]]) -> None:
    """A Word table from Markdown rows (first row is the header)."""
    width = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c in range(width):
            cell = table.cell(r, c).paragraphs[0]
            add_runs(cell, clean(row[c]) if c < len(row) else "", bold=r == 0)


def add_html_block(document, lines: list[str]) -> None:
    """Keep the visible text of an HTML block, one paragraph per element."""
    for line in lines:
        text = TAG.sub(" ", line.replace("<br>", " ")).strip()
        text = re.sub(r"\s+", " ", text)
        if text:
            document.add_paragraph(text)


def build(source: Path, out: Path) -> None:
    document = Document()
    code_style(document)
    lines = source.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip() or RULE.match(line):
            i += 1
        elif FENCE.match(line):
            i += 1
            while i < len(lines) and not FENCE.match(lines[i]):
                document.add_paragraph(lines[i].expandtabs(4), style="Code")
                i += 1
            i += 1
        elif line.lstrip().startswith("<div"):
            block = []
            while i < len(lines) and "</div>" not in lines[i]:
                block.append(lines[i])
                i += 1
            i += 1
            add_html_block(document, block)
        elif line.lstrip().startswith("<"):
            i += 1  # logo image and <br> at the top: no visible text
        elif HEADING.match(line):
            level, text = HEADING.match(line).groups()
            add_runs(document.add_heading(level=min(len(level), 9)), clean(text.strip()))
            i += 1
        elif line.startswith(">"):
            block = []
            while i < len(lines) and lines[i].startswith(">"):
                block.append(lines[i][1:])
                i += 1
            add_runs(document.add_paragraph(style="Quote"), clean(join_lines(block)))
        elif "|" in line and i + 1 < len(lines) and TABLE_SEP.match(lines[i + 1]):
            rows = [split_row(line)]
            i += 2
            while i < len(lines) and "|" in lines[i] and lines[i].strip():
                rows.append(split_row(lines[i]))
                i += 1
            add_table(document, rows)
        elif LIST.match(line):
            indent, marker, text = LIST.match(line).groups()
            block = [text]
            i += 1
            while (
                i < len(lines)
                and lines[i].strip()
                and not LIST.match(lines[i])
                and not FENCE.match(lines[i])
                and not HEADING.match(lines[i])
            ):
                block.append(lines[i])
                i += 1
            kind = "List Number" if marker[0].isdigit() else "List Bullet"
            nested = len(indent.expandtabs(4)) >= 2
            style = kind + (" 2" if nested else "")
            add_runs(document.add_paragraph(style=style), clean(join_lines(block)))
        else:
            block = [line]
            i += 1
            while (
                i < len(lines)
                and lines[i].strip()
                and not LIST.match(lines[i])
                and not FENCE.match(lines[i])
                and not HEADING.match(lines[i])
                and not RULE.match(lines[i])
            ):
                block.append(lines[i])
                i += 1
            text = clean(join_lines(block)).strip()
            if text:
                add_runs(document.add_paragraph(), text)
    document.save(out)


def main() -> None:
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    out = Path(sys.argv[1])
    source = Path(sys.argv[2]) if len(sys.argv) == 3 else Path("package/readme.md")
    build(source, out)


if __name__ == "__main__":
    main()
