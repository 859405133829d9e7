"""Lay the README of pacote out as a Word document, without rewording it.

Usage: python build_pacote-readme.py OUT.docx [SOURCE]

Source: README.md of the npm package pacote 21.5.1, as bundled with npm in
/usr/lib/node_modules/npm/node_modules/pacote/README.md (the default SOURCE).
Licence: ISC (pacote's package.json "license": "ISC"; LICENSE file beside the README,
Copyright (c) npm, Inc. and Contributors), which permits copying and redistribution.

Mapping from Markdown to Word:
- "#", "##", "###" headings -> the Word styles Title/"Heading 1"/"Heading 2"... (level n -> Heading n,
  the single "#" title -> "Title");
- "* " / "- " list items -> "List Bullet" (nested by 4 spaces -> "List Bullet 2"), "1. " -> "List Number";
  a list item's wrapped continuation lines are joined into the same paragraph with a space;
- an indented paragraph after a blank line inside a list item -> "List Continue";
- fenced code blocks -> one paragraph per code line in a "Code" paragraph style (Courier New 9 pt);
- Markdown tables -> Word tables (header row first);
- plain paragraphs: wrapped lines joined with a space -> "Normal";
- inline markup removed: [text](url) -> text, `code` -> code, **b**/_i_ -> plain text; the words
  themselves are kept as written.
"""
import re
import sys

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "/usr/lib/node_modules/npm/node_modules/pacote/README.md"


def inline(text: str) -> str:
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)  # images
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)  # autolinks
    text = text.replace("`", "")
    text = re.sub(r"\*\*([^*]+)\*\*", r"\1", text)
    text = re.sub(r"(?<![\w])_([^_]+)_(?![\w])", r"\1", text)
    return text.strip()


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


def build(out: str, source: str) -> None:
    with open(source, encoding="utf-8") as f:
        lines = f.read().splitlines()
    document = docx.Document()
    code = code_style(document)
    current = None  # the paragraph wrapped lines are appended to
    in_code = False
    in_item = False  # inside a list item (for continuation paragraphs)
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            in_code = not in_code
            current = None
            i += 1
            continue
        if in_code:
            document.add_paragraph(line, style=code)
            i += 1
            continue
        if not stripped:
            current = None
            i += 1
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        if heading:
            level = len(heading.group(1))
            if level == 1:
                document.add_paragraph(inline(heading.group(2)), style="Title")
            else:
                document.add_heading(inline(heading.group(2)), level=level - 1)
            current, in_item = None, False
            i += 1
            continue
        if stripped.startswith("|") and i + 1 < len(lines) and re.match(r"^\s*\|[\s:|-]+\|\s*$", lines[i + 1]):
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                if not re.match(r"^\s*\|[\s:|-]+\|\s*$", lines[i]):
                    rows.append([inline(c) for c in lines[i].strip().strip("|").split("|")])
                i += 1
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
            current, in_item = None, False
            continue
        bullet = re.match(r"^(\s*)[*-]\s+(.*)$", line)
        number = re.match(r"^(\s*)\d+[.)]\s+(.*)$", line)
        if bullet or number:
            m = bullet or number
            depth = len(m.group(1)) // 4
            base = "List Bullet" if bullet else "List Number"
            style = base if depth == 0 else f"{base} {min(depth + 1, 3)}"
            current = document.add_paragraph(inline(m.group(2)), style=style)
            in_item = True
            i += 1
            continue
        if current is not None:  # a wrapped line of the paragraph or item above
            current.add_run(" " + inline(line))
            i += 1
            continue
        if in_item and line.startswith("    "):
            current = document.add_paragraph(inline(line), style="List Continue")
            i += 1
            continue
        in_item = False
        current = document.add_paragraph(inline(line))
        i += 1
    document.save(out)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    build(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else DEFAULT_SOURCE)
