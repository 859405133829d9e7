"""Lay the wrapt README out as a Word document, without rewording it.

Usage: python build_wrapt-readme.py OUT.docx [SOURCE]

Source: the long description (reStructuredText) of wrapt 2.5.2, i.e. the body after the
header block of /work/main/.venv/lib/python3.11/site-packages/wrapt-2.5.2.dist-info/METADATA
(the project's README.rst, https://github.com/GrahamDumpleton/wrapt). SOURCE may be that
METADATA file (the header block is then skipped) or a plain README.rst.

Licence: wrapt is distributed under the BSD 2-Clause licence ("License-Expression:
BSD-2-Clause" in METADATA, LICENSE file in the same dist-info folder), which permits
redistribution with the copyright notice.

Mapping from reStructuredText to Word:
- title underlined with "=" -> 'Heading 1'; section underlined with "-" -> 'Heading 2';
- "* item" (with its indented continuation lines) -> 'List Bullet';
  "1. item" -> 'List Number';
- ".. code-block::" blocks and "::" literal blocks -> one paragraph per code line in a
  character-monospace style 'Code' (Courier New 9 pt), blank lines inside kept;
  a paragraph ending in "::" keeps a single ":" as reStructuredText renders it;
- ordinary paragraphs: their lines joined with spaces;
- inline markup: ``literal`` -> the text in Courier New, **strong** -> bold run,
  `text <url>`_ and `text`_ -> text; bare URLs are kept as text;
- tables: this README has none, so the script has no table handling and the document no table;
- images, badge lines (|PyPI| |Documentation|) and substitution definitions
  (.. |X| image:: ...) with their option lines are left out (pictures only, no text).
No sentence is reworded, added or dropped.
"""
import re
import sys
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "/work/main/.venv/lib/python3.11/site-packages/wrapt-2.5.2.dist-info/METADATA"


def read_body(path: str) -> list[str]:
    text = Path(path).read_text(encoding="utf-8")
    if Path(path).name == "METADATA":
        text = text.split("\n\n", 1)[1]
    return text.splitlines()


INLINE = re.compile(r"``(.+?)``|\*\*(.+?)\*\*|`([^`<]+?)\s*<[^>]+>`_|`([^`]+?)`_")


def add_inline(paragraph, text: str) -> None:
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            paragraph.add_run(text[pos:m.start()])
        if m.group(1) is not None:
            run = paragraph.add_run(m.group(1))
            run.font.name = "Courier New"
        elif m.group(2) is not None:
            paragraph.add_run(m.group(2)).bold = True
        else:
            paragraph.add_run(m.group(3) or m.group(4))
        pos = m.end()
    if pos < len(text):
        paragraph.add_run(text[pos:])


def code_style(document):
    style = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def build(lines: list[str], out: str) -> None:
    document = docx.Document()
    code_style(document)
    i, n = 0, len(lines)

    def indented_block(start: int) -> tuple[list[str], int]:
        """Lines of an indented block starting at `start` (after blank lines), dedented."""
        j = start
        while j < n and not lines[j].strip():
            j += 1
        block = []
        while j < n and (not lines[j].strip() or lines[j].startswith((" ", "\t"))):
            block.append(lines[j])
            j += 1
        while block and not block[-1].strip():
            block.pop()
        indent = min((len(b) - len(b.lstrip()) for b in block if b.strip()), default=0)
        return [b[indent:] for b in block], j

    def add_code(block: list[str]) -> None:
        for b in block:
            document.add_paragraph(b.rstrip(), style="Code")

    while i < n:
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            i += 1
            continue
        # headings: text line followed by an underline of = or -
        if i + 1 < n and re.fullmatch(r"(=+|-+)", lines[i + 1].strip()) and len(lines[i + 1].strip()) >= len(stripped) - 1:
            level = 1 if lines[i + 1].strip()[0] == "=" else 2
            heading = document.add_heading(level=level)
            add_inline(heading, stripped)
            i += 2
            continue
        # images and substitution definitions with their option lines: no text
        if stripped.startswith(".. image::") or re.match(r"\.\. \|[^|]+\| image::", stripped):
            i += 1
            while i < n and lines[i].startswith((" ", "\t")) and lines[i].strip():
                i += 1
            continue
        # badge line made only of substitution references
        if re.fullmatch(r"(\|[^|]+\|\s*)+", stripped):
            i += 1
            continue
        if stripped.startswith(".. code-block::") or stripped.startswith(".. code::"):
            block, i = indented_block(i + 1)
            add_code(block)
            continue
        bullet = re.match(r"([*-]|\d+\.)\s+(.*)", stripped)
        if bullet and not line.startswith(" "):
            text = [bullet.group(2)]
            i += 1
            while i < n and lines[i].startswith("  ") and lines[i].strip():
                text.append(lines[i].strip())
                i += 1
            style = "List Bullet" if bullet.group(1) in "*-" else "List Number"
            add_inline(document.add_paragraph(style=style), " ".join(text))
            continue
        # ordinary paragraph
        text = []
        while i < n and lines[i].strip() and not re.fullmatch(r"(=+|-+)", lines[i + 1].strip() if i + 1 < n else ""):
            text.append(lines[i].strip())
            i += 1
        if not text:  # a heading follows immediately
            text.append(stripped)
            i += 1
        para = " ".join(text)
        literal = para.endswith("::")
        if literal:
            para = para[:-1]
        add_inline(document.add_paragraph(), para)
        if literal:
            block, i = indented_block(i)
            add_code(block)
    document.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__.split("\n\n")[1])
    build(read_body(sys.argv[2] if len(sys.argv) == 3 else DEFAULT_SOURCE), sys.argv[1])
