"""Lay out the README of html2text as a Word document.

Source: the README of the Python package html2text 2025.4.15 ("Turn HTML into equivalent
Markdown-structured text", originally written by Aaron Swartz, maintained by Alireza Savand),
as shipped in the long description of its PyPI wheel
(`pip download --no-deps html2text`, then `unzip html2text-2025.4.15-py3-none-any.whl`:
`html2text-2025.4.15.dist-info/METADATA`, the Markdown text after the header block).

Usage: python build_html2text-readme.py OUT.docx [SOURCE]
    SOURCE is the wheel's METADATA file (its header block, up to the first blank line, is
    skipped) or a plain README.md; it defaults to
    fetch/p/h2t/html2text-2025.4.15.dist-info/METADATA (relative to the batch folder, the
    folder above this script).

Licence: html2text is distributed under the GNU General Public License, version 3 or later
(METADATA `License-Expression: GPL-3.0-or-later`, wheel file COPYING), which permits
redistribution of this adapted layout under the same licence.

Mapping (no sentence is reworded; only Markdown markup is replaced by Word layout):
    # / ## / ### headings          -> Title / Heading 1 / Heading 2
    paragraphs (wrapped lines)     -> Normal paragraphs, lines joined with one space
    "- " list items                -> List Bullet paragraphs
    "1. " list items               -> List Number paragraphs (none in this README)
    ``` fenced code blocks         -> one 'Code' paragraph (Courier New 9 pt) per line
    Markdown tables                -> Word tables ('Table Grid', header row bold)
    `inline code`                  -> Courier New run; **bold** -> bold run;
    *em* / _em_                    -> italic run
    [text](url) links              -> their text; badge lines ([![..](..)](..)) are dropped
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = (
    Path(__file__).resolve().parent.parent / "fetch/p/h2t/html2text-2025.4.15.dist-info/METADATA"
)
INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|(?<![\w*])\*[^*]+\*(?![\w*])|(?<![\w])_[^_]+_(?![\w]))")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
BADGE = re.compile(r"^\[!\[")
BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
NUMBER = re.compile(r"^\s*\d+\.\s+(.*)$")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}")


def code_style(document):
    """The 'Code' paragraph style: monospaced, small, no space between lines."""
    styles = document.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def add_inline(paragraph, text, bold=False):
    """Add text to a paragraph, turning inline Markdown markup into run formatting."""
    text = LINK.sub(r"\1", text)
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`"):
            run = paragraph.add_run(part[1:-1])
            run.font.name = "Courier New"
        elif part.startswith("**") and part.endswith("**"):
            run = paragraph.add_run(part[2:-2])
            run.bold = True
        elif len(part) > 2 and part[0] == part[-1] and part[0] in "*_":
            run = paragraph.add_run(part[1:-1])
            run.italic = True
        else:
            run = paragraph.add_run(part)
        if bold:
            run.bold = True


def read_markdown(source):
    """The README text: METADATA's body after its header block, or the whole file."""
    text = Path(source).read_text(encoding="utf-8")
    if text.startswith("Metadata-Version:"):
        text = text.split("\n\n", 1)[1]
    return text.splitlines()


def split_row(line):
    """Cells of a Markdown table row (leading/trailing pipes optional)."""
    line = line.strip().removeprefix("|").removesuffix("|")
    return [cell.strip() for cell in line.split("|")]


def add_table(document, rows):
    """A Markdown table as a Word table; the first row is the header, set in bold."""
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for i, row in enumerate(rows):
        for j in range(width):
            cell = table.cell(i, j)
            add_inline(cell.paragraphs[0], row[j] if j < len(row) else "", bold=(i == 0))


def build(out, source):
    document = Document()
    code = code_style(document)
    lines = read_markdown(source)
    para = []  # pending lines of a Normal paragraph
    in_code = False
    i = 0

    def flush():
        if para:
            add_inline(document.add_paragraph(), " ".join(s.strip() for s in para))
            para.clear()

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            in_code = not in_code
            i += 1
            continue
        if in_code:
            document.add_paragraph(line, style=code)
            i += 1
            continue
        if not stripped:
            flush()
            i += 1
            continue
        if BADGE.match(stripped):
            i += 1
            continue
        heading = HEADING.match(stripped)
        if heading:
            flush()
            level = len(heading.group(1)) - 1
            add_inline(document.add_heading(level=min(level, 9)), heading.group(2))
            i += 1
            continue
        if stripped.startswith("|") and i + 1 < len(lines) and TABLE_RULE.match(lines[i + 1].strip()):
            flush()
            rows = [split_row(stripped)]
            i += 2
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(split_row(lines[i]))
                i += 1
            add_table(document, rows)
            continue
        bullet = BULLET.match(line)
        number = NUMBER.match(line)
        if bullet or number:
            flush()
            style = "List Bullet" if bullet else "List Number"
            add_inline(document.add_paragraph(style=style), (bullet or number).group(1).strip())
            i += 1
            continue
        para.append(line)
        i += 1
    flush()
    document.save(out)


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    build(argv[1], argv[2] if len(argv) > 2 else DEFAULT_SOURCE)


if __name__ == "__main__":
    main(sys.argv)
