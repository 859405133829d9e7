"""Lay out the aiohttp README in Word, without rewording it.

Usage: python build_aiohttp-readme.py OUT.docx [SOURCE]

Source: the README of aiohttp 3.14.5 as shipped in the wheel's long description,
/work/main/.venv/lib/python3.11/site-packages/aiohttp-3.14.5.dist-info/METADATA
(the body after the header block, reStructuredText). SOURCE may also be a plain README.rst.

Licence: aiohttp is distributed under the Apache License 2.0 ("License-Expression:
Apache-2.0 AND MIT" in the METADATA; the MIT part is the vendored llhttp parser).

Mapping from reStructuredText to Word:
- the over- and underlined document title           -> 'Title' style
- a section title underlined with '='               -> 'Heading 1'
- a section title underlined with '-'               -> 'Heading 2'
- '- ' / '* ' bullet items (continuation lines joined) -> 'List Bullet'
- '#. ' / '1. ' numbered items                       -> 'List Number'
- '.. code-block::' bodies and '::' literal blocks  -> one paragraph per line in a
  'Code' paragraph style (Courier New, 9 pt), indentation kept
- other paragraphs: lines joined with single spaces, as one 'Normal' paragraph;
  *emphasis* in italics, **strong** in bold, ``literal`` in Courier New
- link markup removed: `text <url>`_ becomes text, name_ becomes name, bare URLs stay;
  '.. _name: url' target lines are dropped
- dropped as layout only: '.. image::' badge directives with their options, the lone '|'
  spacer line and '----' transition lines.
No word of the README's text is changed, added or reordered.
"""

import re
import sys
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "/work/main/.venv/lib/python3.11/site-packages/aiohttp-3.14.5.dist-info/METADATA"


def readme_text(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    if path.name == "METADATA":  # the long description follows the header block
        text = text.split("\n\n", 1)[1]
    return text.splitlines()


def strip_links(s: str) -> str:
    s = re.sub(r"`([^`<]+?)\s*<[^>]+>`_{1,2}", r"\1", s)  # `text <url>`_
    s = re.sub(r"`([^`]+)`_{1,2}", r"\1", s)  # `name`_
    s = re.sub(r"\b([A-Za-z][\w-]*)_\b(?!\w)", r"\1", s)  # name_
    return s


def add_runs(par, text: str) -> None:
    text = strip_links(text)
    for part in re.split(r"(``[^`]+``|\*\*[^*]+\*\*|\*[^*\s][^*]*\*)", text):
        if not part:
            continue
        if part.startswith("``"):
            run = par.add_run(part[2:-2])
            run.font.name = "Courier New"
        elif part.startswith("**"):
            par.add_run(part[2:-2]).bold = True
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            par.add_run(part[1:-1]).italic = True
        else:
            par.add_run(part)


def is_rule(line: str, ch: str) -> bool:
    return len(line) >= 3 and set(line.strip()) == {ch} and not line.startswith(" ")


def build(out: Path, source: Path) -> None:
    lines = readme_text(source)
    document = docx.Document()
    code = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = document.styles["Normal"]
    code.font.name = "Courier New"
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(0)

    i, n = 0, len(lines)

    def indented_block(start: int) -> tuple[list[str], int]:
        """The indented body after a directive: skip option lines and blank lines."""
        j = start
        while j < n and (not lines[j].strip() or re.match(r"\s+:\w[\w-]*:", lines[j])):
            if lines[j].strip() and re.match(r"\s+:\w[\w-]*:", lines[j]):
                j += 1
                continue
            j += 1
        body = []
        while j < n and (not lines[j].strip() or lines[j].startswith(" ")):
            body.append(lines[j])
            j += 1
        while body and not body[-1].strip():
            body.pop()
        if body:
            width = min(len(b) - len(b.lstrip()) for b in body if b.strip())
            body = [b[width:] for b in body]
        return body, j

    while i < n:
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            i += 1
            continue
        # over- and underlined title
        if is_rule(line, "=") and i + 2 < n and is_rule(lines[i + 2], "="):
            document.add_paragraph(lines[i + 1].strip(), style="Title")
            i += 3
            continue
        # transition
        if is_rule(line, "-") and (i + 1 >= n or not lines[i + 1].strip()) and (i == 0 or not lines[i - 1].strip()):
            i += 1
            continue
        # section titles
        if i + 1 < n and lines[i + 1].strip() and not line.startswith(" "):
            nxt = lines[i + 1]
            if is_rule(nxt, "=") and len(nxt.strip()) >= len(stripped):
                document.add_paragraph(stripped, style="Heading 1")
                i += 2
                continue
            if is_rule(nxt, "-") and len(nxt.strip()) >= len(stripped):
                document.add_paragraph(stripped, style="Heading 2")
                i += 2
                continue
        # directives
        if stripped.startswith(".. image::"):
            _, i = indented_block(i + 1)
            continue
        if re.match(r"\.\. _[^:]+:", stripped):
            i += 1
            continue
        if stripped.startswith(".. code-block::") or stripped.startswith(".. code::"):
            body, i = indented_block(i + 1)
            for b in body:
                document.add_paragraph(b, style="Code")
            continue
        if stripped == "|":
            i += 1
            continue
        # lists
        m = re.match(r"(\s*)([-*]|#\.|\d+\.)\s+(.*)", line)
        if m:
            style = "List Bullet" if m.group(2) in "-*" else "List Number"
            indent = len(m.group(1)) + len(m.group(2)) + 1
            parts = [m.group(3).strip()]
            i += 1
            while i < n and lines[i].strip() and lines[i].startswith(" " * indent) and not re.match(r"\s*([-*]|#\.|\d+\.)\s", lines[i]):
                parts.append(lines[i].strip())
                i += 1
            add_runs(document.add_paragraph(style=style), " ".join(parts))
            continue
        # paragraph
        parts = []
        while i < n and lines[i].strip() and not lines[i].strip().startswith(".. "):
            parts.append(lines[i].strip())
            i += 1
        text = " ".join(parts)
        literal = text.endswith("::")
        if literal:
            text = text[:-1]
        add_runs(document.add_paragraph(), text)
        if literal:
            body, i = indented_block(i)
            for b in body:
                document.add_paragraph(b, style="Code")
    document.save(str(out))


if __name__ == "__main__":
    build(Path(sys.argv[1]), Path(sys.argv[2] if len(sys.argv) > 2 else DEFAULT_SOURCE))
