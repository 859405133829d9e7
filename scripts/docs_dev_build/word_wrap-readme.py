"""Lay out the README of the npm package word-wrap as a Word document.

Source: README.md of word-wrap 1.2.5 (Jon Schlinkert), as shipped in the npm tarball
(`npm pack word-wrap@1.2.5`, file `package/README.md`).

Usage: python build_word_wrap-readme.py OUT.docx [SOURCE]
    SOURCE defaults to README.md in the current directory.

Licence: word-wrap and its README are released under the MIT License
(Copyright (c) 2014-2016, Jon Schlinkert); this script is under the same licence.

Mapping (no sentence is reworded; only Markdown markup is removed):
    "# title"                 -> Heading 1 (badge images after the title are dropped)
    "## ..." / "### ..."      -> Heading 2 / Heading 3
    "<summary>...</summary>"  -> Heading 4 (the <details> wrappers are dropped)
    "> quote"                 -> Quote style
    "* item" / "- item"       -> List Bullet
    "1. item"                 -> List Number
    "| a | b |" tables        -> Word table (Table Grid), first row bold as header
    ```fenced code```         -> one paragraph in the custom 'Code' style (Courier New)
    `inline code`             -> run in Courier New
    **bold** / _italic_       -> bold / italic runs
    [text](url "title")       -> the link text only
    ![alt](url) images, "***" rules and HTML tags -> dropped
    other lines               -> Normal paragraphs (consecutive lines joined by a space)
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
BADGE = re.compile(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\((?:[^)\"]*)(?:\s+\"[^\"]*\")?\)")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")
INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|(?<![A-Za-z0-9])_[^_]+_(?![A-Za-z0-9]))")


def clean(text: str) -> str:
    """Remove badges, images, link targets and HTML tags, keeping the words."""
    text = BADGE.sub("", text)
    text = IMAGE.sub("", text)
    text = LINK.sub(r"\1", text)
    text = TAG.sub("", text)
    return text.strip()


def add_inline(paragraph, text: str) -> None:
    """Add text to a paragraph, turning inline code, bold and italics into formatted runs."""
    for part in INLINE.split(clean(text)):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 2:
            run = paragraph.add_run(part[1:-1])
            run.font.name = "Courier New"
        elif part.startswith("**") and part.endswith("**") and len(part) > 4:
            paragraph.add_run(part[2:-2]).bold = True
        elif part.startswith("_") and part.endswith("_") and len(part) > 2:
            paragraph.add_run(part[1:-1]).italic = True
        else:
            paragraph.add_run(part)


def code_style(document):
    style = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(6)
    return style


def add_table(document, rows: list[str]) -> None:
    cells = [[clean(c).replace("**", "") for c in row.strip().strip("|").split("|")] for row in rows]
    cells = [row for row in cells if not all(re.fullmatch(r"\s*:?-+:?\s*", c) for c in row)]
    table = document.add_table(rows=len(cells), cols=len(cells[0]))
    table.style = "Table Grid"
    for r, row in enumerate(cells):
        for c, value in enumerate(row):
            cell = table.rows[r].cells[c]
            cell.text = value.strip()
            if r == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True


def build(source: Path, out: Path) -> None:
    lines = source.read_text(encoding="utf-8").splitlines()
    document = Document()
    code_style(document)
    paragraph_lines: list[str] = []

    def flush() -> None:
        if paragraph_lines:
            add_inline(document.add_paragraph(), " ".join(s.strip() for s in paragraph_lines))
            paragraph_lines.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            block = []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                block.append(lines[i])
                i += 1
            document.add_paragraph("\n".join(block), style="Code")
        elif stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(document, rows)
            continue
        elif m := re.match(r"(#{1,6})\s+(.*)", stripped):
            flush()
            document.add_heading(clean(m.group(2)), level=min(len(m.group(1)), 4))
        elif m := re.match(r"<summary>(.*)</summary>", stripped):
            flush()
            document.add_heading(clean(m.group(1)), level=4)
        elif stripped.startswith(">"):
            flush()
            add_inline(document.add_paragraph(style="Quote"), stripped.lstrip("> "))
        elif m := re.match(r"[*-]\s+(.*)", stripped):
            flush()
            add_inline(document.add_paragraph(style="List Bullet"), m.group(1))
        elif m := re.match(r"\d+\.\s+(.*)", stripped):
            flush()
            add_inline(document.add_paragraph(style="List Number"), m.group(1))
        elif not stripped or stripped == "***" or not clean(stripped):
            flush()
        else:
            paragraph_lines.append(stripped)
        i += 1
    flush()
    document.save(str(out))


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    build(Path(sys.argv[2] if len(sys.argv) == 3 else "README.md"), Path(sys.argv[1]))
