"""Lay out the README of proper-lockfile as a Word document.

Source: the README.md of the npm package proper-lockfile 4.1.2 (`npm pack proper-lockfile`,
then `tar xzf proper-lockfile-4.1.2.tgz`: `package/README.md`), "An inter-process and
inter-machine lockfile utility that works on a local or network file system", by
MOXY (André Cruz and contributors).

Usage: python build_proper_lockfile-readme.py OUT.docx [SOURCE]
    SOURCE defaults to fetch/n/proper-lockfile-4.1.2/package/README.md (relative to the batch
    folder, the folder above this script).

Licence: proper-lockfile is released under the MIT License (package/LICENSE, package.json
`license`), which permits redistribution of this adapted layout with its notice.

Mapping (no sentence is reworded; only Markdown markup is replaced by Word layout):
    # / ## / ### headings          -> Title / Heading 1 / Heading 2
    paragraphs (wrapped lines)     -> Normal paragraphs, lines joined with one space;
                                      a line ending in two or more spaces -> a line break
    "- " list items                -> List Bullet paragraphs
    "1. " list items               -> List Number paragraphs
    "> " block quotes              -> Quote paragraphs
    ``` fenced code blocks         -> one 'Code' paragraph (Courier New 9 pt) per line
    a paragraph made only of inline code (`$ npm install proper-lockfile`) -> 'Code' paragraph
    Markdown tables                -> Word tables (first row bold) (none in this README)
    `inline code`                  -> Courier New run; **bold** -> bold run; _em_ -> italic run
    [text](url) links              -> their text; badge images ([![..]][..]) and reference
                                      link definitions ([name]:url) are dropped
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = Path(__file__).resolve().parent.parent / "fetch/n/proper-lockfile-4.1.2/package/README.md"
INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|(?<![\w])_[^_]+_(?![\w]))")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
REFDEF = re.compile(r"^\[[^\]]+\]:\s*\S+")
BADGES = re.compile(r"^\[!\[")


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


def add_inline(paragraph, text):
    """Add text to a paragraph, turning inline Markdown markup into run formatting."""
    text = LINK.sub(r"\1", text)
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`"):
            run = paragraph.add_run(part[1:-1])
            run.font.name = "Courier New"
        elif part.startswith("**") and part.endswith("**"):
            paragraph.add_run(part[2:-2]).bold = True
        elif part.startswith("_") and part.endswith("_") and len(part) > 2:
            paragraph.add_run(part[1:-1]).italic = True
        else:
            paragraph.add_run(part)


def add_lines(paragraph, lines):
    """Add wrapped source lines as one paragraph; trailing double spaces become line breaks."""
    for i, line in enumerate(lines):
        hard_break = line.endswith("  ")
        text = line.strip()
        if i and not paragraph.runs[-1].text.endswith("\n"):
            text = " " + text
        add_inline(paragraph, text)
        if hard_break and i < len(lines) - 1:
            paragraph.add_run("\n")


def split_row(line):
    return [c.strip() for c in line.strip().strip("|").split("|")]


def add_table(document, rows):
    header, body = rows[0], rows[2:]
    table = document.add_table(rows=1 + len(body), cols=len(header))
    table.style = "Table Grid"
    for r, cells in enumerate([header, *body]):
        for c, text in enumerate(cells):
            paragraph = table.cell(r, c).paragraphs[0]
            add_inline(paragraph, text)
            if r == 0:
                for run in paragraph.runs:
                    run.bold = True


def build(source, out):
    document = Document()
    code = code_style(document)
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if not stripped or REFDEF.match(stripped) or BADGES.match(stripped):
            i += 1
            continue
        if stripped.startswith("```"):
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                document.add_paragraph(lines[i], style=code)
                i += 1
            i += 1
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", stripped)
        if heading:
            level = len(heading.group(1)) - 1
            paragraph = document.add_heading(level=min(level, 9))
            add_inline(paragraph, heading.group(2))
            i += 1
            continue
        if stripped.startswith("|") and i + 1 < len(lines) and re.match(r"^\|?\s*:?-+", lines[i + 1].strip()):
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(split_row(lines[i]))
                i += 1
            add_table(document, rows)
            continue
        item = re.match(r"^\s*([-*]|\d+\.)\s+(.*)$", line)
        if item:
            style = "List Number" if item.group(1)[0].isdigit() else "List Bullet"
            body = [item.group(2)]
            i += 1
            while i < len(lines) and lines[i].startswith("  ") and lines[i].strip():
                body.append(lines[i])
                i += 1
            add_lines(document.add_paragraph(style=style), body)
            continue
        if stripped.startswith(">"):
            body = []
            while i < len(lines) and lines[i].strip().startswith(">"):
                body.append(lines[i].strip()[1:].strip())
                i += 1
            add_lines(document.add_paragraph(style="Quote"), body)
            continue
        body = []
        while i < len(lines) and lines[i].strip() and not re.match(r"^(#|```|>|\s*[-*] |\s*\d+\. )", lines[i]):
            body.append(lines[i])
            i += 1
        if all(re.fullmatch(r"`[^`]+`", b.strip()) for b in body):
            add_lines(document.add_paragraph(style=code), body)
        else:
            add_lines(document.add_paragraph(), body)
    document.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    build(sys.argv[2] if len(sys.argv) == 3 else DEFAULT_SOURCE, sys.argv[1])
