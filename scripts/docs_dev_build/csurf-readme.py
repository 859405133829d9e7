"""Lay out the README of csurf (Node.js CSRF protection middleware) as a Word file.

Source: README.md of the npm package csurf 1.11.0 (`npm pack csurf`, then
`tar xzf csurf-1.11.0.tgz`, file package/README.md), by Jonathan Ong and
Douglas Christopher Wilson, expressjs project.

Usage: python build_csurf-readme.py OUT.docx [SOURCE]
    OUT.docx  the Word file to write
    SOURCE    the README.md to read (default: package/README.md)

Licence: csurf and its README are under the MIT License (package/LICENSE,
"Copyright (c) 2014 Jonathan Ong, Copyright (c) 2014-2016 Douglas Christopher
Wilson"), which permits copying and redistribution with the notice kept.

Mapping (the text is never reworded; only Markdown markup is turned into Word
layout):
    "# title"                  -> Title
    "## ..." to "##### ..."    -> Heading 1 to Heading 4
    "*" / "-" list items       -> List Bullet (nested items: List Bullet 2);
                                  wrapped continuation lines are joined
    "1." list items            -> List Number
    pipe tables                -> Word tables (first row bold)
    fenced code blocks         -> one 'Code' paragraph per line (Courier New)
    other text lines           -> Normal paragraphs, wrapped lines joined
    `code` spans               -> Courier New runs; **bold** -> bold; _x_ -> italic
    [text](url) / [text][ref]  -> the link text only
    badge images, link reference definitions and HTML comments are dropped,
    since they carry no prose.
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

BADGE = re.compile(r"^\[!\[")
LINKDEF = re.compile(r"^\[[^\]]+\]:\s+\S+")
COMMENT = re.compile(r"^<!--.*-->$")
BULLET = re.compile(r"^(\s*)[*-]\s+(.*)$")
NUMBER = re.compile(r"^(\s*)\d+\.\s+(.*)$")
HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|(?<![\w])_[^_]+_(?![\w]))")


def strip_links(text):
    """Keep the visible text of Markdown links, drop their targets."""
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", text)
    return text


def add_runs(paragraph, text):
    """Add text to a paragraph, turning inline code, bold and italic into runs."""
    text = strip_links(text)
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


def code_style(doc):
    """Return the 'Code' paragraph style, creating it if needed."""
    styles = doc.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def add_table(doc, rows):
    """Add a pipe table as a Word table, skipping the separator row."""
    cells = [[c.strip() for c in r.strip().strip("|").split("|")] for r in rows]
    cells = [r for r in cells if not all(re.fullmatch(r":?-+:?", c) for c in r)]
    table = doc.add_table(rows=len(cells), cols=max(len(r) for r in cells))
    table.style = "Table Grid"
    for i, row in enumerate(cells):
        for j, value in enumerate(row):
            paragraph = table.cell(i, j).paragraphs[0]
            add_runs(paragraph, value)
            if i == 0:
                for run in paragraph.runs:
                    run.bold = True


def build(source, out):
    """Read the Markdown README at source and write the Word file out."""
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    code = code_style(doc)
    block = []  # (style, [text lines]) being collected
    state = {"style": None}

    def flush():
        if state["style"] and block:
            add_runs(doc.add_paragraph(style=state["style"]), " ".join(block))
        block.clear()
        state["style"] = None

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i], style=code)
                i += 1
            i += 1
            continue
        skip = BADGE.match(stripped) or LINKDEF.match(stripped) or COMMENT.match(stripped)
        if not stripped or skip:
            flush()
        elif stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(doc, rows)
            continue
        elif HEADING.match(stripped):
            flush()
            level, text = HEADING.match(stripped).groups()
            if len(level) == 1:
                add_runs(doc.add_paragraph(style="Title"), text)
            else:
                add_runs(doc.add_heading(level=len(level) - 1), text)
        elif BULLET.match(line):
            flush()
            indent, text = BULLET.match(line).groups()
            state["style"] = "List Bullet 2" if len(indent) >= 4 else "List Bullet"
            block.append(text)
        elif NUMBER.match(line):
            flush()
            state["style"] = "List Number"
            block.append(NUMBER.match(line).group(2))
        else:
            if state["style"] is None:
                state["style"] = "Normal"
            block.append(stripped)
        i += 1
    flush()
    doc.core_properties.title = "csurf README"
    doc.save(out)


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: python build_csurf-readme.py OUT.docx [SOURCE]")
    source = sys.argv[2] if len(sys.argv) == 3 else "package/README.md"
    build(source, sys.argv[1])


if __name__ == "__main__":
    main()
