"""Markdown as written, with its HTML tables read. READMEs often lay out an option list or a
support matrix as a raw `<table>`; left as it is, its tags and entities reach the answer
("<td>--concurrency &lt;n&gt;</td>") and its rows are no table rows to the chunker or the
answerer. Each such table becomes the "| cell | cell |" rows the HTML reader writes; everything
else, fenced code included, stays byte for byte."""

from __future__ import annotations

import re

from index.formats.htmltext import html_to_markdown
from rag.text import FENCE_LINE, code_block_after

# A table opens a line (up to three spaces in: four would make it an indented code block).
_TABLE_OPEN = re.compile(r"^ {0,3}<table\b", re.IGNORECASE)
_TABLE_TAG = re.compile(r"<(/?)table\b", re.IGNORECASE)


def read_tables(text: str) -> str:
    """The text with each HTML table outside code blocks replaced by its rows; a table that is
    never closed, or holds fenced code, is left as written."""
    lines = text.split("\n")
    out: list[str] = []
    block = ""  # the code block open before the line (rag.text.code_block_after)
    i = 0
    while i < len(lines):
        line = lines[i]
        if not block and _TABLE_OPEN.match(line):
            end = _table_end(lines, i)
            # Fenced code in a cell (GitHub renders Markdown inside HTML) is kept in its lines.
            if end is not None and not any(FENCE_LINE.match(row) for row in lines[i : end + 1]):
                out.extend(_rows("\n".join(lines[i : end + 1])))
                i = end + 1
                continue
        block = code_block_after(line, block)
        out.append(line)
        i += 1
    return "\n".join(out)


def _table_end(lines: list[str], start: int) -> int | None:
    """The line that closes the table opened on `start` (tables nest), or None."""
    depth = 0
    for j in range(start, len(lines)):
        for tag in _TABLE_TAG.finditer(lines[j]):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                return j
    return None


def _rows(html: str) -> list[str]:
    """A table's rows, one line each; a table of only images (a sponsors' logo grid) has none."""
    return [line for line in html_to_markdown(html)[1].split("\n") if line.strip()]
