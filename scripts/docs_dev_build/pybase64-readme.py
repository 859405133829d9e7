"""Lay the pybase64 README out as a Word document, without rewording it.

Usage: python build_pybase64-readme.py OUT.docx [SOURCE]

Source: the long description (README, reStructuredText) of pybase64 1.5.1, i.e. the body after
the header block of .venv/lib/python3.11/site-packages/pybase64-1.5.1.dist-info/METADATA
(default SOURCE: a copy of that body, fetch/pybase64-README.rst beside this script; without it,
the METADATA file itself is read and its header block skipped).
Licence: pybase64 is BSD-2-Clause (METADATA "License-Expression: BSD-2-Clause"; Copyright (c)
2017-2026 Matthieu Darbois, dist-info/licenses/LICENSE), which permits redistribution of its documentation.

Mapping (reStructuredText -> Word):
- a line underlined with "=" -> style 'Heading 1'; underlined with "-" -> 'Heading 2';
- "- item" -> 'List Bullet'; an indented "* item" -> 'List Bullet 2';
- ".. code::" blocks -> one paragraph per code line in a monospace style 'Code' (Courier New),
  dedented, blank lines inside a block kept as empty code paragraphs;
- other text -> 'Normal' paragraphs, consecutive lines joined with a space;
- ``literal`` -> literal, `text <url>`_ -> text (link markup removed);
- comments and substitution definitions (".. |x| image::", ".. begin cli" etc.) and the line of
  badge substitutions (|license-status| ...) are dropped: they are not text a reader sees.
The README has no tables, so no Word tables are produced.
"""
import re
import sys
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
METADATA = Path("/work/main/.venv/lib/python3.11/site-packages/pybase64-1.5.1.dist-info/METADATA")


def read_source(arg: str | None) -> list[str]:
    if arg:
        text = Path(arg).read_text(encoding="utf-8")
    elif (HERE / "fetch" / "pybase64-README.rst").is_file():
        text = (HERE / "fetch" / "pybase64-README.rst").read_text(encoding="utf-8")
    else:
        text = METADATA.read_text(encoding="utf-8")
    if text.startswith("Metadata-Version:"):
        text = text.split("\n\n", 1)[1]
    return text.splitlines()


def inline(s: str) -> str:
    s = re.sub(r"`([^`<]+?)\s*<[^>]+>`_", r"\1", s)
    s = re.sub(r"``(.+?)``", r"\1", s)
    s = re.sub(r"`([^`]+)`_", r"\1", s)
    return s


def build(lines: list[str], out: str) -> None:
    d = docx.Document()
    code = d.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = d.styles["Normal"]
    code.font.name = "Courier New"
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(0)

    para: list[str] = []

    def flush() -> None:
        if para:
            d.add_paragraph(inline(" ".join(para)))
            para.clear()

    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < n else ""
        if line.startswith(".. code::"):
            flush()
            i += 1
            while i < n and not lines[i].strip():
                i += 1
            block: list[str] = []
            while i < n and (not lines[i].strip() or lines[i].startswith(" ")):
                block.append(lines[i])
                i += 1
            while block and not block[-1].strip():
                block.pop()
            indent = min(len(b) - len(b.lstrip()) for b in block if b.strip())
            for b in block:
                d.add_paragraph(b[indent:], style="Code")
            continue
        if line.startswith(".."):
            flush()
            i += 1
            while i < n and lines[i].startswith(" ") and lines[i].strip():
                i += 1
            continue
        if re.fullmatch(r"(\|[^|]+\|\s*)+", line.strip() or "x"):
            flush()
            i += 1
            continue
        if line.strip() and re.fullmatch(r"=+|-+", nxt.strip() or "x") and len(nxt.strip()) >= len(line.strip()):
            flush()
            level = 1 if nxt.strip()[0] == "=" else 2
            d.add_heading(inline(line.strip()), level=level)
            i += 2
            continue
        m = re.match(r"^(\s*)([-*])\s+(.*)$", line)
        if m:
            flush()
            style = "List Bullet 2" if m.group(1) else "List Bullet"
            d.add_paragraph(inline(m.group(3)), style=style)
            i += 1
            continue
        if not line.strip():
            flush()
        else:
            para.append(line.strip())
        i += 1
    flush()
    d.save(out)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    build(read_source(sys.argv[2] if len(sys.argv) > 2 else None), sys.argv[1])
