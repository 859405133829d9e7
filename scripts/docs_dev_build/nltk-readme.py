"""Build nltk-readme.docx: the NLTK README laid out in Word, without rewording it.

Usage: python build_nltk-readme.py OUT.docx [SOURCE]

Source: the README of NLTK (Natural Language Toolkit) 3.10.4, as shipped in the long
description (the body after the header block) of
/work/main/.venv/lib/python3.11/site-packages/nltk-3.10.4.dist-info/METADATA
(extracted to /tmp/s24/bC/fetch/nltk-README.md, the default SOURCE).

Licence: NLTK source code is distributed under the Apache License 2.0
(METADATA "License: Apache License, Version 2.0"; the README's "Redistributing" section).
The README text is copied verbatim.

Mapping (Markdown -> Word):
  "# ..." / "## ..." / "### ..."   -> Heading 1 / Heading 2 / Heading 3
  "- item" (with continuation lines) -> one 'List Bullet' paragraph per item
  "1. item"                         -> 'List Number'
  lines indented by 4 spaces        -> one paragraph per line in a monospace
                                       character style (Courier New), style 'Code'
  a "| a | b |" table               -> a Word table (separator row dropped)
  other consecutive lines           -> one 'Normal' paragraph (lines joined by a space)
  [text](url) links                 -> text; badge images ![alt](img) lines are dropped;
                                       `code` and **bold** / *italic* markers removed
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "/tmp/s24/bC/fetch/nltk-README.md"


def inline(text: str) -> str:
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", "", text)  # images
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links
    text = re.sub(r"`([^`]*)`", r"\1", text)
    text = re.sub(r"\*\*([^*]+)\*\*", r"\1", text)
    text = re.sub(r"(?<!\w)\*([^*]+)\*(?!\w)", r"\1", text)
    return text.strip()


def is_badge_line(line: str) -> bool:
    return bool(line.strip()) and inline(line) == ""


def build(out: str, source: str) -> None:
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    code = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = doc.styles["Normal"]
    code.font.name = "Courier New"
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(0)

    para: list[str] = []
    item: tuple[str, list[str]] | None = None

    def flush() -> None:
        nonlocal para, item
        if para:
            doc.add_paragraph(inline(" ".join(para)))
            para = []
        if item:
            doc.add_paragraph(inline(" ".join(item[1])), style=item[0])
            item = None

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if not stripped or is_badge_line(line):
            flush()
        elif m := re.match(r"^(#{1,6})\s+(.*)$", line):
            flush()
            doc.add_heading(inline(m.group(2)), level=len(m.group(1)))
        elif line.startswith("    ") and not item:
            flush()
            doc.add_paragraph(line[4:], style="Code")
        elif stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                cells = [c.strip() for c in lines[i].strip().strip("|").split("|")]
                if not all(re.fullmatch(r":?-+:?", c) for c in cells):
                    rows.append([inline(c) for c in cells])
                i += 1
            table = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
            continue
        elif m := re.match(r"^[-*]\s+(.*)$", line):
            flush()
            item = ("List Bullet", [m.group(1)])
        elif m := re.match(r"^\d+\.\s+(.*)$", line):
            flush()
            item = ("List Number", [m.group(1)])
        elif item:
            item[1].append(stripped)
        else:
            para.append(stripped)
        i += 1
    flush()
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else DEFAULT_SOURCE)
