"""Lay the README of pyjson5 (the `json5` package on PyPI) out as a Word document.

Usage: python build_json5-readme.py OUT.docx [SOURCE]

Source: the long description (README.md) of json5 0.17.3, i.e. the body after the
header block of json5-0.17.3.dist-info/METADATA in the wheel
json5-0.17.3-py3-none-any.whl fetched with `pip download --no-deps json5`
(upstream https://github.com/dpranke/pyjson5). SOURCE defaults to
fetch/json5-README.md beside this script (that body, extracted with
`awk 'f;/^$/&&!f{f=1}' METADATA`).

Licence: Apache-2.0 (METADATA: "License-Expression: Apache-2.0", LICENSE file in the
wheel), which permits redistribution of the text.

Mapping (the words are not changed, only the Markdown markup is laid out):
  - "# ", "## ", "### " headings      -> Heading 1 / Heading 2 / Heading 3
  - "* " / "- " bullet items          -> List Bullet (nested by indent: List Bullet 2, 3)
  - "1. " numbered items              -> List Number
  - lines continuing an item          -> joined into that item with a space
  - an indented paragraph under an item (after a blank line) -> List Continue
  - ``` fenced code blocks             -> one paragraph per line in the style "Code"
                                        (Courier New 9 pt)
  - "| a | b |" pipe tables            -> Word tables (header row first; none in this README)
  - other text                        -> Normal paragraphs, wrapped lines joined with a space
  - inline markup removed: [text](url) -> text, `code` -> code, **b**/*i*/***bi*** -> plain
"""
import re
import sys
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def inline(text: str) -> str:
    text = LINK.sub(r"\1", text)
    text = text.replace("`", "")
    text = re.sub(r"\*{1,3}([^*\s][^*]*?)\*{1,3}", r"\1", text)
    return text.strip()


def code_style(document):
    style = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def build(source: str, out: str) -> None:
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    document = docx.Document()
    code_style(document)
    current = None  # (style, [texts]) of the paragraph being gathered
    in_list = False  # whether the last block was a list item (for List Continue)

    def flush():
        nonlocal current
        if current:
            style, parts = current
            document.add_paragraph(inline(" ".join(parts)), style=style)
        current = None

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                document.add_paragraph(lines[i].rstrip(), style="Code")
                i += 1
            i += 1
            in_list = False
            continue
        if stripped.startswith("|") and stripped.endswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                cells = [inline(c) for c in lines[i].strip().strip("|").split("|")]
                if not all(re.fullmatch(r":?-+:?", c.strip()) for c in cells):
                    rows.append(cells)
                i += 1
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
            in_list = False
            continue
        if not stripped:
            flush()
            i += 1
            continue
        heading = re.match(r"(#{1,6})\s+(.*)", stripped)
        bullet = re.match(r"(\s*)[*-]\s+(.*)", line)
        number = re.match(r"(\s*)\d+\.\s+(.*)", line)
        indent = len(line) - len(line.lstrip())
        if heading:
            flush()
            document.add_heading(inline(heading.group(2)), level=min(len(heading.group(1)), 3))
            in_list = False
        elif bullet:
            flush()
            n = len(bullet.group(1))
            level = 0 if n == 0 else (1 if n <= 4 else 2)
            current = ("List Bullet" + ("" if level == 0 else f" {level + 1}"), [bullet.group(2)])
            in_list = True
        elif number:
            flush()
            current = ("List Number", [number.group(2)])
            in_list = True
        elif current is not None:
            current[1].append(stripped)
        elif in_list and indent > 0:
            current = ("List Continue", [stripped])
        else:
            current = ("Normal", [stripped])
            in_list = False
        i += 1
    flush()
    document.save(out)


if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    build(sys.argv[2] if len(sys.argv) > 2 else str(here / "fetch" / "json5-README.md"), sys.argv[1])
