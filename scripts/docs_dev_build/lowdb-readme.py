"""Lay out the README of lowdb (npm package lowdb 7.0.1) as a Word document.

Source: README.md from the npm package lowdb 7.0.1 (`npm pack lowdb`, then
`tar xzf lowdb-7.0.1.tgz`: package/README.md), the simple to use type-safe local JSON
database for Node.js, Electron and the browser by typicode.

Usage: python build_lowdb-readme.py OUT.docx [SOURCE]
    SOURCE defaults to ../fetch/npm/lowdb-7.0.1/package/README.md beside this script.

Licence: lowdb and its README are released under the MIT License (package.json
`license`: "MIT", package/LICENSE); the README is reproduced here without changes to its
wording.

Mapping (Markdown -> Word); no sentence is reworded, only Markdown and HTML markup is removed:
    "# " ... "#### " headings          -> Heading 1 ... Heading 4 (badge images dropped)
    "> " block quote                   -> Quote style
    "- " list items                    -> List Bullet; items indented by two or more
                                          spaces -> List Bullet 2
    "1. " numbered items               -> List Number
    fenced code blocks (```)           -> one paragraph in a 'Code' style (Courier New,
                                          9 pt), line breaks kept
    pipe tables                        -> Word tables (style Table Grid), header row in bold
    HTML lines (<br>, <p>, <a>, <img>) -> dropped (the sponsor logo block)
    inline: **bold** -> bold run, _italic_ -> italic run, `code` -> Courier New run,
            [text](url) -> text
    other lines                        -> Normal paragraphs (consecutive lines joined)
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = (
    Path(__file__).resolve().parent.parent
    / "fetch" / "npm" / "lowdb-7.0.1" / "package" / "README.md"
)

IMAGE_LINK = re.compile(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)")
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\([^)\s]*\)")
INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|(?<![\w])_[^_]+_(?![\w]))")
HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
BULLET = re.compile(r"^(\s*)[-*]\s+(.*)$")
NUMBERED = re.compile(r"^\s*\d+\.\s+(.*)$")
TABLE_RULE = re.compile(r"^\|?[\s:|-]+\|[\s:|-]*$")
HTML_LINE = re.compile(r"^\s*</?(br|p|a|img)\b[^>]*>\s*$", re.IGNORECASE)


def strip_links(text: str) -> str:
    """Drop badge images and keep the text of links."""
    text = IMAGE_LINK.sub("", text)
    text = IMAGE.sub("", text)
    return LINK.sub(r"\1", text)


def add_inline(paragraph, text: str) -> None:
    """Add text as runs, turning inline Markdown into run formatting."""
    for part in INLINE.split(strip_links(text)):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            paragraph.add_run(part[1:-1]).font.name = "Courier New"
        elif part.startswith("**") and part.endswith("**") and len(part) > 4:
            paragraph.add_run(part[2:-2]).bold = True
        elif part.startswith("_") and part.endswith("_") and len(part) > 2:
            paragraph.add_run(part[1:-1]).italic = True
        else:
            paragraph.add_run(part)


def code_style(document):
    """Return the 'Code' paragraph style, creating it when missing."""
    styles = document.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(6)
    return style


def split_row(line: str) -> list[str]:
    """Split a Markdown table row into its cells."""
    line = line.strip().removeprefix("|").removesuffix("|")
    return [cell.strip() for cell in line.split("|")]


def add_table(document, rows: list[list[str]]) -> None:
    """Add a pipe table as a Word table with a bold header row."""
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for i, row in enumerate(rows):
        for j in range(width):
            cell = table.cell(i, j)
            paragraph = cell.paragraphs[0]
            add_inline(paragraph, row[j] if j < len(row) else "")
            if i == 0:
                for run in paragraph.runs:
                    run.bold = True


def build(source: Path, out: Path) -> None:
    """Convert the README at source into the Word file out."""
    lines = source.read_text(encoding="utf-8").splitlines()
    document = Document()
    code = code_style(document)
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            text = " ".join(s.strip() for s in buffer).strip()
            if text:
                add_inline(document.add_paragraph(), text)
            buffer.clear()

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
            document.add_paragraph("\n".join(block), style=code)
            i += 1
            continue
        if not stripped or HTML_LINE.match(line):
            flush()
            i += 1
            continue
        heading = HEADING.match(line)
        if heading:
            flush()
            level = len(heading.group(1))
            paragraph = document.add_heading("", level=level)
            add_inline(paragraph, strip_links(heading.group(2)).strip())
            i += 1
            continue
        if stripped.startswith("|") and i + 1 < len(lines) and TABLE_RULE.match(lines[i + 1]):
            flush()
            rows = [split_row(line)]
            i += 2
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(split_row(lines[i]))
                i += 1
            add_table(document, rows)
            continue
        if stripped.startswith(">"):
            flush()
            add_inline(document.add_paragraph(style="Quote"), stripped.lstrip(">").strip())
            i += 1
            continue
        bullet = BULLET.match(line)
        if bullet:
            flush()
            style = "List Bullet 2" if len(bullet.group(1)) >= 2 else "List Bullet"
            add_inline(document.add_paragraph(style=style), bullet.group(2))
            i += 1
            continue
        numbered = NUMBERED.match(line)
        if numbered:
            flush()
            add_inline(document.add_paragraph(style="List Number"), numbered.group(1))
            i += 1
            continue
        buffer.append(line)
        i += 1
    flush()
    document.core_properties.title = "lowdb README"
    document.save(str(out))


def main() -> None:
    """Parse the command line and build the document."""
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: python build_lowdb-readme.py OUT.docx [SOURCE]")
    out = Path(sys.argv[1])
    source = Path(sys.argv[2]) if len(sys.argv) == 3 else DEFAULT_SOURCE
    build(source, out)


if __name__ == "__main__":
    main()
