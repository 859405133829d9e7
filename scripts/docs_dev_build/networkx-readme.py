"""Lay the NetworkX README out as a Word document, without rewording it.

Usage: python build_networkx-readme.py OUT.docx [SOURCE]

Source: the README of NetworkX 3.6.1, as shipped in the long description of the
wheel's metadata, /work/main/.venv/lib/python3.11/site-packages/networkx-3.6.1.dist-info/METADATA
(the body after the header block; default SOURCE is fetch/networkx-README.rst beside this
script, that body saved verbatim).

Licence: NetworkX is released under the 3-clause BSD licence (stated in the README's
"License" section and in METADATA as License-Expression: BSD-3-Clause).

Mapping from reStructuredText to Word:
- a title underlined with "=" -> Heading 1; a section underlined with "-" or "~" -> Heading 2;
- "- item" / "* item" bullets -> 'List Bullet'; "1. item" / "#. item" -> 'List Number';
- "**bold**" -> a bold run; ``literal`` / `literal` -> plain text;
- links `text <url>`_ and text_ -> their text only (the URL is dropped);
- ".. code::" / ".. code-block::" blocks and literal blocks after "::" -> one paragraph per
  code line in a monospace 'Code' style (Courier New, 9 pt);
- simple tables ("===== =====") -> Word tables with the first row as header;
- ".. image::" badges and other directives and their indented options -> left out
  (images are decoration, not text);
- other paragraphs -> 'Normal', their lines joined with spaces.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

HEADING_LEVEL = {"=": 1, "-": 2, "~": 3, "^": 4}


def clean_inline(text: str) -> str:
    """Remove link markup and literal quotes, keep the words."""
    text = re.sub(r"`([^`<]+?)\s*<[^>]+>`__?", r"\1", text)  # `text <url>`_
    text = re.sub(r"``([^`]+)``", r"\1", text)  # ``literal``
    text = re.sub(r"`([^`]+)`_\b", r"\1", text)  # `ref`_
    text = re.sub(r"`([^`]+)`", r"\1", text)  # `interpreted`
    text = re.sub(r"\b(\w+)_\b(?!\w)", r"\1", text)  # word_ reference
    return text


def add_runs(paragraph, text: str) -> None:
    """Add text to a paragraph, rendering **bold** as bold runs."""
    for i, part in enumerate(re.split(r"\*\*(.+?)\*\*", clean_inline(text))):
        if part:
            run = paragraph.add_run(part)
            run.bold = i % 2 == 1


def code_style(document):
    styles = document.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def is_underline(line: str) -> bool:
    return len(line) >= 3 and len(set(line)) == 1 and line[0] in HEADING_LEVEL


def build(source: Path, out: Path) -> None:
    lines = source.read_text(encoding="utf-8").splitlines()
    document = Document()
    code = code_style(document)
    i, n = 0, len(lines)

    def indented_block(start: int) -> tuple[list[str], int]:
        """Lines of the indented block starting at start (blank lines inside kept)."""
        block: list[str] = []
        j = start
        while j < n and (not lines[j].strip() or lines[j].startswith((" ", "\t"))):
            block.append(lines[j])
            j += 1
        while block and not block[-1].strip():
            block.pop()
        while block and not block[0].strip():
            block.pop(0)
        if block:
            indent = min(len(b) - len(b.lstrip()) for b in block if b.strip())
            block = [b[indent:] for b in block]
        return block, j

    def add_code(block: list[str]) -> None:
        for b in block:
            document.add_paragraph(b, style=code)

    while i < n:
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            i += 1
            continue
        # heading: text line followed by an underline
        if i + 1 < n and is_underline(lines[i + 1].strip()) and not line.startswith(" "):
            level = HEADING_LEVEL[lines[i + 1].strip()[0]]
            document.add_heading(clean_inline(stripped), level=level)
            i += 2
            continue
        # directives
        m = re.match(r"\.\.\s+([\w-]+)::\s*(.*)", stripped)
        if m:
            kind = m.group(1)
            block, j = indented_block(i + 1)
            # drop directive options (":target: ...") at the block's start
            while block and re.match(r":[\w-]+:", block[0]):
                block.pop(0)
            while block and not block[0].strip():
                block.pop(0)
            if kind in ("code", "code-block", "sourcecode"):
                add_code(block)
            i = j
            continue
        if stripped.startswith(".. "):  # comments, link targets
            _, i = indented_block(i + 1)
            continue
        # simple table
        if re.fullmatch(r"=+( +=+)+", stripped):
            cols = [(mm.start(), mm.end()) for mm in re.finditer(r"=+", line)]
            rows: list[list[str]] = []
            j = i + 1
            while j < n and lines[j].strip():
                if re.fullmatch(r"=+( +=+)+", lines[j].strip()):
                    j += 1
                    continue
                row = []
                for k, (a, _) in enumerate(cols):
                    b = cols[k + 1][0] if k + 1 < len(cols) else None
                    row.append(clean_inline(lines[j][a:b].strip()))
                rows.append(row)
                j += 1
            table = document.add_table(rows=len(rows), cols=len(cols))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
                    if r == 0:
                        for run in table.cell(r, c).paragraphs[0].runs:
                            run.bold = True
            i = j
            continue
        # lists
        m = re.match(r"([-*+]|\d+\.|#\.)\s+(.*)", stripped)
        if m and not line.startswith("  "):
            style = "List Bullet" if m.group(1) in "-*+" else "List Number"
            text = [m.group(2)]
            i += 1
            while i < n and lines[i].startswith("  ") and lines[i].strip():
                text.append(lines[i].strip())
                i += 1
            add_runs(document.add_paragraph(style=style), " ".join(text))
            continue
        # paragraph
        text = []
        while i < n and lines[i].strip() and not lines[i].startswith(" "):
            text.append(lines[i].strip())
            i += 1
        joined = " ".join(text)
        literal = joined.endswith("::")
        if literal:
            joined = joined[:-2].rstrip() if joined.endswith(" ::") else joined[:-1]
        if joined:
            add_runs(document.add_paragraph(), joined)
        if literal:
            block, i = indented_block(i)
            add_code(block)
    document.save(str(out))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    default = Path(__file__).resolve().parent / "fetch" / "networkx-README.rst"
    build(Path(sys.argv[2]) if len(sys.argv) > 2 else default, Path(sys.argv[1]))
