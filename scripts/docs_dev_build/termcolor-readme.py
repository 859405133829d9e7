"""Build termcolor-readme.docx: the termcolor README laid out as a Word document.

Source: the README of termcolor 3.3.0 (ANSI colour formatting for terminal output),
as shipped in the long description of the PyPI wheel
termcolor-3.3.0-py3-none-any.whl (file termcolor-3.3.0.dist-info/METADATA,
obtained with `pip download --no-deps termcolor==3.3.0`). SOURCE may be that
METADATA file (its header block, up to the first blank line, is skipped) or the
README Markdown text alone.

Usage: python build_termcolor-readme.py OUT.docx [SOURCE]
       (SOURCE defaults to termcolor-README.md in the current directory)

Licence: termcolor and its README are under the MIT licence
(Copyright (c) 2008-2011 Volvox Development Team; License-Expression: MIT in the
wheel's METADATA, licence text in COPYING.txt), which permits redistribution.

Mapping (no sentence is reworded; only Markdown markup is removed):
- "#", "##", "###" headings -> Heading 1, Heading 2, Heading 3 styles;
- paragraphs -> Normal paragraphs, their wrapped lines joined with a space;
- "1." numbered items -> List Number; "-" / "*" items -> List Bullet;
  an item's indented continuation lines are joined onto the item;
- fenced code blocks -> one paragraph per line in a 'Code' paragraph style
  (Courier New, 9 pt);
- pipe tables -> Word tables (style Table Grid), header row in bold;
- inline `code` -> Courier New run; **bold** -> bold run;
  [text](url) links -> their text; image-only badge lines are left out.
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*)")
LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")
BADGE = re.compile(r"^(\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)\s*)+$")


def read_source(path):
    text = Path(path).read_text(encoding="utf-8")
    if text.startswith("Metadata-Version:"):
        text = text.split("\n\n", 1)[1]
    return text.splitlines()


def add_runs(par, text):
    text = LINK.sub(r"\1", text)
    for piece in INLINE.split(text):
        if not piece:
            continue
        if piece.startswith("`") and piece.endswith("`"):
            run = par.add_run(piece[1:-1])
            run.font.name = "Courier New"
        elif piece.startswith("**") and piece.endswith("**"):
            par.add_run(piece[2:-2]).bold = True
        else:
            par.add_run(piece)


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def cells(line):
    return [c.strip() for c in line.strip().strip("|").split("|")]


def add_table(doc, rows):
    header, body = rows[0], rows[2:]
    table = doc.add_table(rows=1 + len(body), cols=len(header))
    table.style = "Table Grid"
    for i, row in enumerate([header] + body):
        for j, value in enumerate(row):
            par = table.cell(i, j).paragraphs[0]
            add_runs(par, value)
            if i == 0:
                for run in par.runs:
                    run.bold = True


def build(lines, out):
    doc = Document()
    code_style(doc)
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if not stripped or BADGE.match(stripped):
            i += 1
            continue
        heading = re.match(r"^(#{1,3})\s+(.*)$", line)
        if heading:
            par = doc.add_heading(level=len(heading.group(1)))
            add_runs(par, heading.group(2))
            i += 1
            continue
        if stripped.startswith("```"):
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i], style="Code")
                i += 1
            i += 1
            continue
        if stripped.startswith("|"):
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(cells(lines[i]))
                i += 1
            add_table(doc, rows)
            continue
        item = re.match(r"^(\d+\.|[-*])\s+(.*)$", line)
        if item:
            text = item.group(2)
            i += 1
            while i < len(lines) and lines[i].startswith("   ") and lines[i].strip():
                text += " " + lines[i].strip()
                i += 1
            style = "List Number" if item.group(1)[0].isdigit() else "List Bullet"
            add_runs(doc.add_paragraph(style=style), text)
            continue
        text = stripped
        i += 1
        while (
            i < len(lines)
            and lines[i].strip()
            and not re.match(r"^(#|```|\||\d+\.\s|[-*]\s)", lines[i].strip())
        ):
            text += " " + lines[i].strip()
            i += 1
        add_runs(doc.add_paragraph(), text)
    doc.save(out)


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    source = sys.argv[2] if len(sys.argv) == 3 else "termcolor-README.md"
    build(read_source(source), sys.argv[1])


if __name__ == "__main__":
    main()
