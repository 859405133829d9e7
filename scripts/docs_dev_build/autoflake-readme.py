"""Build autoflake-readme.docx from the autoflake README.

Usage: build_autoflake-readme.py OUT.docx SOURCE

Source: README.md from the PyPI sdist autoflake-2.3.1.tar.gz
(``pip download --no-deps --no-binary :all: autoflake==2.3.1``), path
``autoflake-2.3.1/README.md``. Licence: MIT (Copyright (C) Steven Myint, see the
sdist's LICENSE file).

Mapping from Markdown to Word, with no change to the wording:
- ``#`` / ``##`` / ``###`` headings -> Title / Heading 1 / Heading 2 styles;
- paragraphs (soft-wrapped lines joined with a space) -> Normal paragraphs;
- ``-``/``*`` items -> List Bullet, ``1.`` items -> List Number;
- Markdown tables -> Word tables (style Table Grid, bold header row);
- fenced code blocks -> one paragraph per line in a "Code" style (Courier New);
- inline ``code`` -> Courier New runs, ``_x_``/``*x*`` -> italic, ``**x**`` -> bold;
- links keep their text only; badge images (``[![alt](img)](url)``) are left out.
"""

import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

FIXED_DATE = datetime.datetime(2024, 1, 1, 0, 0, 0)
INLINE = re.compile(r"(``[^`]+``|`[^`]+`|\*\*[^*]+\*\*|(?<![\w])_[^_]+_(?![\w])|(?<![\w*])\*[^*]+\*)")


def strip_links(text):
    text = re.sub(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)", "", text)
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", "", text)
    return re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)


def add_inline(par, text):
    for part in INLINE.split(strip_links(text)):
        if not part:
            continue
        if part.startswith("``") and part.endswith("``"):
            run = par.add_run(part[2:-2])
            run.font.name = "Courier New"
        elif part.startswith("`") and part.endswith("`"):
            run = par.add_run(part[1:-1])
            run.font.name = "Courier New"
        elif part.startswith("**") and part.endswith("**"):
            par.add_run(part[2:-2]).bold = True
        elif len(part) > 2 and part[0] == part[-1] and part[0] in "_*":
            par.add_run(part[1:-1]).italic = True
        else:
            par.add_run(part)


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(8)
    style.paragraph_format.space_after = Pt(0)
    return style


def split_row(line):
    return [c.strip() for c in line.strip().strip("|").split("|")]


def build(out, source):
    with open(source, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    doc = Document()
    code_style(doc)
    para = []

    def flush():
        if para:
            text = " ".join(s.strip() for s in para)
            if strip_links(text).strip():
                add_inline(doc.add_paragraph(), text)
            para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].startswith("```"):
                doc.add_paragraph(lines[i], style="Code")
                i += 1
        elif m := re.match(r"(#{1,3})\s+(.*)", line):
            flush()
            level = len(m.group(1)) - 1
            heading = doc.add_heading("", level=level)
            add_inline(heading, m.group(2))
        elif line.startswith("|") and i + 1 < len(lines) and re.match(r"\|[\s:|-]+\|$", lines[i + 1].strip()):
            flush()
            header = split_row(line)
            rows = []
            i += 2
            while i < len(lines) and lines[i].startswith("|"):
                rows.append(split_row(lines[i]))
                i += 1
            table = doc.add_table(rows=1 + len(rows), cols=len(header))
            table.style = "Table Grid"
            for r, cells in enumerate([header, *rows]):
                for c, cell in enumerate(cells[: len(header)]):
                    p = table.cell(r, c).paragraphs[0]
                    add_inline(p, cell)
                    if r == 0:
                        for run in p.runs:
                            run.bold = True
            continue
        elif m := re.match(r"\s*[-*]\s+(.*)", line):
            flush()
            add_inline(doc.add_paragraph(style="List Bullet"), m.group(1))
        elif m := re.match(r"\s*\d+\.\s+(.*)", line):
            flush()
            add_inline(doc.add_paragraph(style="List Number"), m.group(1))
        elif not line.strip():
            flush()
        else:
            para.append(line)
        i += 1
    flush()

    props = doc.core_properties
    props.title = "autoflake README"
    props.author = "autoflake authors"
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE
    props.revision = 1
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
