"""Lay the mrab-regex README out as a Word document, without rewording it.

Usage: python build_regex-readme.py OUT.docx [SOURCE]

Source: the long description (README, reStructuredText) of the PyPI package
``regex`` 2026.11.19 by Matthew Barnett, i.e. the body after the header block of
/work/main/.venv/lib/python3.11/site-packages/regex-2026.11.19.dist-info/METADATA
(upstream: https://github.com/mrabarnett/mrab-regex, README.rst).
When SOURCE is omitted, that METADATA file is read and its header block skipped.

Licence: Apache-2.0 AND CNRI-Python ("License-Expression" in the METADATA;
licence text in the same dist-info, licenses/LICENSE.txt). Both permit
redistribution.

Mapping (reStructuredText -> Word):
  * section title underlined with the first underline character met ("-")
    -> "Heading 1"; the second one ("^") -> "Heading 2"; a third -> "Heading 3";
  * "* item" / "- item" bullet items -> "List Bullet", nested by 2-space indent
    -> "List Bullet 2" / "List Bullet 3";
  * "1. item" / "#. item" enumerated items -> "List Number" (and "List Number 2");
  * an indented plain paragraph inside a list -> "List Continue" (/ "List Continue 2");
  * ".. sourcecode::", ".. code-block::", ".. code::" blocks and literal blocks
    introduced by "::" -> one paragraph per code line in the "Code" style
    (Courier New 9 pt, indentation kept); a paragraph ending in "::" keeps one ":";
  * grid tables (+---+ borders) -> Word tables ("Table Grid"), first row bold
    when a "+===+" header separator is present;
  * other paragraphs -> "Normal" (wrapped source lines joined with a space);
  * inline markup: ``literal`` -> Courier New run (backquotes dropped),
    **strong** -> bold run, *emphasis* -> italic run,
    `text <url>`_ hyperlinks -> their text only, bare `text`_ -> text.
Nothing is added, reordered or reworded.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = Path(
    "/work/main/.venv/lib/python3.11/site-packages/regex-2026.11.19.dist-info/METADATA"
)
UNDERLINE = re.compile(r"^([=\-~^#*+`'\".:_])\1{2,}\s*$")
BULLET = re.compile(r"^(\s*)[*\-+] (.*)$")
ENUM = re.compile(r"^(\s*)(?:\d+|#)[.)] (.*)$")
DIRECTIVE_CODE = re.compile(r"^\s*\.\. (?:sourcecode|code-block|code)::")
LINK = re.compile(r"`([^`<]+?)\s*<[^>]*>`__?")
REF = re.compile(r"`([^`]+)`_")
MONO = "Courier New"


def read_source(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if path.name == "METADATA":
        text = text.split("\n\n", 1)[1]  # body after the header block
    return text


def add_inline(paragraph, text: str) -> None:
    """Add text with inline markup turned into runs."""
    parts = re.split(r"(``.+?``)", text)
    for part in parts:
        if not part:
            continue
        if part.startswith("``") and part.endswith("``") and len(part) > 4:
            run = paragraph.add_run(part[2:-2])
            run.font.name = MONO
            continue
        part = LINK.sub(r"\1", part)
        part = REF.sub(r"\1", part)
        for piece in re.split(r"(\*\*[^*]+\*\*|(?<![\w*])\*[^*\s][^*]*\*(?![\w*]))", part):
            if not piece:
                continue
            if piece.startswith("**") and piece.endswith("**") and len(piece) > 4:
                paragraph.add_run(piece[2:-2]).bold = True
            elif piece.startswith("*") and piece.endswith("*") and len(piece) > 2:
                paragraph.add_run(piece[1:-1]).italic = True
            else:
                paragraph.add_run(piece)


def code_style(document):
    styles = document.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = MONO
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def grid_table(document, rows_text: list[str]) -> None:
    rows, header = [], False
    current: list[str] | None = None
    for line in rows_text:
        if line.strip().startswith("+"):
            if "=" in line:
                header = True
            if current is not None:
                rows.append(current)
            current = None
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if current is None:
            current = cells
        else:
            current = [(a + " " + b).strip() for a, b in zip(current, cells, strict=False)]
    if current is not None:
        rows.append(current)
    if not rows:
        return
    table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    table.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            cell = table.cell(i, j)
            cell.text = ""
            add_inline(cell.paragraphs[0], value)
            if header and i == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True


def build(source: str, out: Path) -> None:
    document = Document()
    code = code_style(document)
    levels: list[str] = []
    lines = source.splitlines()
    i = 0
    list_indents: list[int] = []

    def heading_level(char: str) -> int:
        if char not in levels:
            levels.append(char)
        return min(levels.index(char) + 1, 3)

    def take_code(start: int) -> int:
        """Emit the indented block starting at `start` (blank lines allowed inside)."""
        j = start
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j >= len(lines) or indent_of(lines[j]) == 0:
            return start
        base = indent_of(lines[j])
        block: list[str] = []
        while j < len(lines) and (not lines[j].strip() or indent_of(lines[j]) >= base):
            block.append(lines[j][base:] if lines[j].strip() else "")
            j += 1
        while block and not block[-1]:
            block.pop()
        for code_line in block:
            document.add_paragraph(code_line, style=code)
        return j

    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        # section title with underline
        if i + 1 < len(lines) and UNDERLINE.match(lines[i + 1]) and indent_of(line) == 0 \
                and not UNDERLINE.match(line):
            p = document.add_heading(level=heading_level(lines[i + 1].strip()[0]))
            add_inline(p, line.strip())
            list_indents = []
            i += 2
            continue
        if DIRECTIVE_CODE.match(line):
            i = take_code(i + 1)
            continue
        if line.strip().startswith("+") and line.strip().endswith("+") and "-" in line:
            j = i
            while j < len(lines) and lines[j].strip() and lines[j].strip()[0] in "+|":
                j += 1
            grid_table(document, lines[i:j])
            i = j
            continue
        m_b, m_e = BULLET.match(line), ENUM.match(line)
        if m_b or m_e:
            m = m_b or m_e
            ind = len(m.group(1))
            while list_indents and list_indents[-1] > ind:
                list_indents.pop()
            if not list_indents or list_indents[-1] < ind:
                list_indents.append(ind)
            depth = min(len(list_indents), 3)
            base = "List Bullet" if m_b else "List Number"
            style = base if depth == 1 else f"{base} {min(depth, 2 if m_e else 3)}"
            text = [m.group(2).strip()]
            i += 1
            while i < len(lines) and lines[i].strip() and not BULLET.match(lines[i]) \
                    and not ENUM.match(lines[i]) and indent_of(lines[i]) > ind:
                text.append(lines[i].strip())
                i += 1
            p = document.add_paragraph(style=style)
            add_inline(p, " ".join(text))
            continue
        # ordinary paragraph (possibly indented inside a list)
        ind = indent_of(line)
        text = []
        while i < len(lines) and lines[i].strip() and not DIRECTIVE_CODE.match(lines[i]) \
                and not BULLET.match(lines[i]) and not ENUM.match(lines[i]) \
                and not (i + 1 < len(lines) and UNDERLINE.match(lines[i + 1])):
            text.append(lines[i].strip())
            i += 1
        joined = " ".join(text)
        literal = joined.endswith("::")
        if literal:
            joined = joined[:-2].rstrip() + (":" if not joined[:-2].endswith(" ") else "")
            joined = joined.rstrip()
        if ind > 0 and list_indents:
            depth = sum(1 for x in list_indents if x < ind)
            style = "List Continue" if depth <= 1 else "List Continue 2"
        else:
            style = "Normal"
            if ind == 0:
                list_indents = []
        if joined:
            p = document.add_paragraph(style=style)
            add_inline(p, joined)
        if literal:
            i = take_code(i)
    document.save(str(out))


def main(argv: list[str]) -> None:
    if len(argv) < 2:
        sys.exit(__doc__)
    source = Path(argv[2]) if len(argv) > 2 else DEFAULT_SOURCE
    build(read_source(source), Path(argv[1]))


if __name__ == "__main__":
    main(sys.argv)
