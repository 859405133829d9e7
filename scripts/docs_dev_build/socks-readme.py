"""Build socks-readme.docx from the README.md of the npm package socks.

Usage: python build_socks-readme.py OUT.docx SOURCE

Source: README.md from the npm registry tarball socks-2.8.11.tgz
(`npm pack socks@2.8.11`, path package/README.md), by Josh Glazebrook.
Licence: MIT (the package's LICENSE file and package.json "license": "MIT").

The text is copied without rewording; only the Markdown markup is turned into
Word layout:
- `#` .. `####` headings -> Word styles "Heading 1" .. "Heading 4"
  (badge images after a heading are dropped, link markup keeps its text);
- `*` / `-` bullets -> "List Bullet" (nested two spaces -> "List Bullet 2");
- `1.` numbered items -> "List Number";
- `>` block quotes -> "Quote";
- fenced code blocks -> one paragraph per line in a "Code" paragraph style
  (Courier New 9 pt, no spacing between lines);
- pipe tables -> Word tables ("Table Grid"), header row in bold;
- `**bold**` -> bold runs, `` `code` `` -> Courier New runs,
  `[text](url)` -> text, `![alt](src)` -> dropped;
- other consecutive lines -> one "Normal" paragraph, lines joined by a space.
Document dates are fixed so that a rebuild gives the same document.
"""

import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

FIXED_DATE = datetime.datetime(2024, 1, 1, 0, 0, 0)
MONO = "Courier New"

IMAGE_LINK = re.compile(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)")
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[((?:[^\[\]]|\[[^\]]*\])+)\]\([^)]*\)")
INLINE = re.compile(r"(\*\*[^*]+\*\*|`{1,3}[^`]+`{1,3})")


def clean(text):
    text = IMAGE_LINK.sub("", text)
    text = IMAGE.sub("", text)
    text = LINK.sub(r"\1", text)
    return text


def add_runs(par, text):
    for part in INLINE.split(clean(text)):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**"):
            par.add_run(part[2:-2]).bold = True
        elif part.startswith("`"):
            run = par.add_run(part.strip("`"))
            run.font.name = MONO
        else:
            par.add_run(part)


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = MONO
    style.font.size = Pt(9)
    style.paragraph_format.space_before = Pt(0)
    style.paragraph_format.space_after = Pt(0)
    return style


def split_row(line):
    cells = line.strip().strip("|").split("|")
    return [c.strip() for c in cells]


def add_table(doc, rows):
    header, body = rows[0], rows[2:]
    table = doc.add_table(rows=1, cols=len(header))
    table.style = doc.styles["Table Grid"]
    for cell, text in zip(table.rows[0].cells, header, strict=False):
        cell.text = ""
        add_runs(cell.paragraphs[0], text)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in body:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=False):
            cell.text = ""
            add_runs(cell.paragraphs[0], text)


def build(out, source):
    with open(source, encoding="utf-8") as f:
        lines = f.read().splitlines()
    doc = Document()
    code_style(doc)
    props = doc.core_properties
    props.title = "socks README"
    props.author = "Josh Glazebrook"
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE
    props.revision = 1

    para = []

    def flush():
        if para:
            add_runs(doc.add_paragraph(), " ".join(s.strip() for s in para))
            para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```") and not stripped.endswith("```", 3):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i], style="Code")
                i += 1
            i += 1
            continue
        if not stripped:
            flush()
        elif re.match(r"#{1,4} ", stripped):
            flush()
            level = len(stripped) - len(stripped.lstrip("#"))
            heading = doc.add_heading(level=level)
            add_runs(heading, clean(stripped[level:]).strip())
        elif stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(split_row(lines[i]))
                i += 1
            add_table(doc, rows)
            continue
        elif re.match(r"[*-] ", stripped):
            flush()
            indent = len(line) - len(line.lstrip())
            style = "List Bullet 2" if indent >= 2 else "List Bullet"
            add_runs(doc.add_paragraph(style=style), stripped[2:])
        elif re.match(r"\d+\. ", stripped):
            flush()
            add_runs(doc.add_paragraph(style="List Number"), stripped.split(" ", 1)[1])
        elif stripped.startswith("> "):
            flush()
            add_runs(doc.add_paragraph(style="Quote"), stripped[2:])
        else:
            para.append(line)
        i += 1
    flush()
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
