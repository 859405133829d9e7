"""Build compression-readme.docx: the README of the npm package "compression" laid out as Word.

Source: README.md of the npm package compression 1.8.2 (Node.js compression
middleware of the Express.js project), fetched with `npm pack compression@1.8.2`
and unpacked from compression-1.8.2.tgz (package/README.md).

Usage:
    python build_compression-readme.py OUT.docx [SOURCE]

SOURCE defaults to package/README.md beside this script's fetch folder
(../fetch/compression-1.8.2/package/README.md).

Licence: the README is part of compression, (c) 2014 Jonathan Ong, 2014-2015
Douglas Christopher Wilson, released under the MIT licence; this script is
under the same MIT terms.

Mapping (no sentence is reworded; only Markdown markup is turned into layout):
    "# " .. "##### " headings      -> Heading 1 .. Heading 5
    "- " / "* " bullet items       -> List Bullet (List Bullet 2 when nested),
                                      indented continuation lines are joined
    "1. " numbered items           -> List Number
    | a | b | tables               -> Word tables (first row bold)
    ``` fenced code blocks         -> one paragraph per line in the 'Code' style
    other text lines               -> Normal paragraphs, wrapped lines joined
                                      with a space, <br> -> line break
    `code` spans                   -> runs in a monospace font
    **bold** / _italic_            -> bold / italic runs
    [text](url)                    -> text (the URL is dropped)
    badge images and [ref]: url    -> left out (images and link targets)
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = (
    Path(__file__).resolve().parent.parent
    / "fetch" / "compression-1.8.2" / "package" / "README.md"
)

INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|(?<![\w])_[^_]+_(?![\w])|<br>)")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
REF_DEF = re.compile(r"^\[[^\]]+\]:\s")
BADGE = re.compile(r"^\[!\[")
BULLET = re.compile(r"^(\s*)[-*] (.*)$")
NUMBER = re.compile(r"^(\s*)\d+\. (.*)$")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")


def add_code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def add_inline(paragraph, text):
    """Add text to a paragraph, turning inline Markdown into run formatting."""
    text = LINK.sub(r"\1", text)
    for part in INLINE.split(text):
        if not part:
            continue
        if part == "<br>":
            paragraph.add_run().add_break()
        elif part.startswith("`") and part.endswith("`"):
            run = paragraph.add_run(part[1:-1])
            run.font.name = "Courier New"
        elif part.startswith("**") and part.endswith("**"):
            paragraph.add_run(part[2:-2]).bold = True
        elif part.startswith("_") and part.endswith("_") and len(part) > 2:
            paragraph.add_run(part[1:-1]).italic = True
        else:
            paragraph.add_run(part)


def table_cells(line):
    line = line.strip()
    line = line.removeprefix("|")
    line = line.removesuffix("|")
    return [c.strip() for c in line.split("|")]


def is_rule(line):
    return bool(re.match(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$", line))


def add_table(doc, rows):
    width = max(len(r) for r in rows)
    table = doc.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for i, row in enumerate(rows):
        for j in range(width):
            cell = table.cell(i, j)
            para = cell.paragraphs[0]
            add_inline(para, row[j] if j < len(row) else "")
            if i == 0:
                for run in para.runs:
                    run.bold = True


def build(source, out):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    add_code_style(doc)
    para_lines = []
    item = None  # (style, [text lines], indent)

    def flush_para():
        nonlocal para_lines
        if para_lines:
            add_inline(doc.add_paragraph(), " ".join(para_lines))
            para_lines = []

    def flush_item():
        nonlocal item
        if item:
            style, parts, _indent = item
            add_inline(doc.add_paragraph(style=style), " ".join(parts))
            item = None

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush_para()
            flush_item()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i], style="Code")
                i += 1
            i += 1
            continue
        if not stripped:
            flush_para()
            flush_item()
            i += 1
            continue
        if BADGE.match(stripped) or REF_DEF.match(stripped):
            i += 1
            continue
        heading = HEADING.match(line)
        if heading:
            flush_para()
            flush_item()
            level = min(len(heading.group(1)), 5)
            add_inline(doc.add_heading(level=level), heading.group(2))
            i += 1
            continue
        if "|" in stripped and i + 1 < len(lines) and is_rule(lines[i + 1]):
            flush_para()
            flush_item()
            rows = [table_cells(line)]
            i += 2
            while i < len(lines) and "|" in lines[i] and lines[i].strip():
                rows.append(table_cells(lines[i]))
                i += 1
            add_table(doc, rows)
            continue
        bullet = BULLET.match(line)
        number = NUMBER.match(line)
        if bullet or number:
            flush_para()
            flush_item()
            match = bullet or number
            indent = len(match.group(1))
            style = ("List Bullet 2" if indent >= 4 else "List Bullet") if bullet else "List Number"
            item = (style, [match.group(2).strip()], indent)
            i += 1
            continue
        if item and len(line) - len(line.lstrip()) > item[2]:
            item[1].append(stripped)
            i += 1
            continue
        flush_item()
        para_lines.append(stripped)
        i += 1
    flush_para()
    flush_item()
    doc.core_properties.title = "compression README"
    doc.save(out)


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit("usage: python build_compression-readme.py OUT.docx [SOURCE]")
    source = argv[2] if len(argv) == 3 else DEFAULT_SOURCE
    build(source, argv[1])


if __name__ == "__main__":
    main(sys.argv)
