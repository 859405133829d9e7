"""Lay the jusText README out as a Word document, without rewording it.

Usage: python build_justext-readme.py OUT.docx [SOURCE]

SOURCE defaults to the long description (the README.rst plus CHANGELOG.rst that
setup.py concatenates) of jusText 3.0.2, i.e. the body after the header block of
/work/main/.venv/lib/python3.11/site-packages/justext-3.0.2.dist-info/METADATA.

Licence: jusText is distributed under the BSD 2-Clause License ("License: The BSD
2-Clause License" in METADATA; LICENSE.rst in the same dist-info folder), which
permits redistribution with the copyright notice.

Mapping from reStructuredText to Word:
  * a title underlined with "=" -> Heading 1; underlined with "-" -> Heading 2
  * "- item" / "* item" bullet items (with indented continuation lines joined)
    -> 'List Bullet' paragraphs
  * "1. item" enumerated items -> 'List Number' paragraphs (none in this README)
  * grid/simple tables -> Word tables (none in this README)
  * literal blocks (after "::" or ".. code-block:: LANG") -> one paragraph per
    code line in a monospace character style (Courier New)
  * other text -> 'Normal' paragraphs, lines of one paragraph joined by a space
  * markup removed, text kept: `text <url>`_ -> text, `name`_ / name_ -> name,
    ``code`` -> code, *emphasis* -> emphasis
  * dropped (no reader-visible text): hyperlink targets ".. _name: url",
    ".. image::" directives and their ":option:" lines, comments ".. :changelog:"
"""
import re
import sys
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT = "/work/main/.venv/lib/python3.11/site-packages/justext-3.0.2.dist-info/METADATA"


def read_source(path: str) -> list[str]:
    text = Path(path).read_text(encoding="utf-8")
    if Path(path).name == "METADATA":
        text = text.split("\n\n", 1)[1]  # body after the header block
    return text.splitlines()


def inline(s: str) -> str:
    s = re.sub(r"`([^`<]+?)\s*<[^>]+>`__?", r"\1", s)  # `text <url>`_
    s = re.sub(r"``([^`]+)``", r"\1", s)  # ``code``
    s = re.sub(r"`([^`]+)`_", r"\1", s)  # `name`_
    s = re.sub(r"\b([A-Za-z][\w-]*)_\b", r"\1", s)  # name_
    s = re.sub(r"\*([^*\s][^*]*)\*", r"\1", s)  # *emphasis*
    return s


def is_underline(line: str, ch: str) -> bool:
    return len(line) >= 3 and set(line) == {ch}


def build(out: str, source: str) -> None:
    lines = read_source(source)
    d = docx.Document()
    mono = d.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    mono.base_style = d.styles["Normal"]
    mono.font.name = "Courier New"
    mono.font.size = Pt(9)
    mono.paragraph_format.space_after = Pt(0)

    i, n = 0, len(lines)
    para: list[str] = []

    def flush() -> None:
        if para:
            d.add_paragraph(inline(" ".join(x.strip() for x in para)))
            para.clear()

    while i < n:
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < n else ""
        # section titles (overline form "=====\nTitle\n=====" not used here)
        if line.strip() and (is_underline(nxt, "=") or is_underline(nxt, "-")) and not is_underline(line, "="):
            flush()
            d.add_heading(inline(line.strip()), level=1 if nxt[0] == "=" else 2)
            i += 2
            continue
        # directives, targets and comments
        if line.startswith(".."):
            flush()
            code = line.startswith(".. code-block::") or line.startswith(".. code::")
            i += 1
            # skip directive options and (for non-code directives) indented content
            while i < n and (lines[i].startswith(" ") and lines[i].strip().startswith(":")):
                i += 1
            if code:
                i = literal_block(d, lines, i)
            continue
        if line.strip() == "::":
            flush()
            i = literal_block(d, lines, i + 1)
            continue
        m = re.match(r"^(\s*)([-*]|\d+\.)\s+(.*)$", line)
        if m:
            flush()
            item = [m.group(3)]
            i += 1
            while i < n and lines[i].startswith(" ") and lines[i].strip() and not re.match(r"^\s*([-*]|\d+\.)\s", lines[i]):
                item.append(lines[i].strip())
                i += 1
            style = "List Number" if m.group(2)[0].isdigit() else "List Bullet"
            d.add_paragraph(inline(" ".join(item)), style=style)
            continue
        if not line.strip():
            flush()
            i += 1
            continue
        if line.rstrip().endswith("::"):
            para.append(line.rstrip()[:-1])  # "Run tests via::" -> "Run tests via:"
            flush()
            i = literal_block(d, lines, i + 1)
            continue
        para.append(line)
        i += 1
    flush()
    d.save(out)


def literal_block(d, lines: list[str], i: int) -> int:
    """Add the indented block starting at or after i (skipping blank lines) as code lines."""
    n = len(lines)
    while i < n and not lines[i].strip():
        i += 1
    block = []
    while i < n and (lines[i].startswith(" ") or not lines[i].strip()):
        block.append(lines[i])
        i += 1
    while block and not block[-1].strip():
        block.pop()
    indent = min((len(x) - len(x.lstrip()) for x in block if x.strip()), default=0)
    for x in block:
        d.add_paragraph(x[indent:].rstrip(), style="Code")
    return i


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else DEFAULT)
