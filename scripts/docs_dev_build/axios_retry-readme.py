"""Build axios_retry-readme.docx from the axios-retry README.md.

Usage: python build_axios_retry-readme.py OUT.docx SOURCE

SOURCE is README.md from the npm package axios-retry 4.5.0
(``npm pack axios-retry@4.5.0``, file ``package/README.md``).
axios-retry is licensed under the Apache License 2.0 (package.json "license";
``package/LICENSE``).

The text is not reworded; only the Markdown markup is turned into Word layout:

- ``#`` / ``##`` headings -> "Title" / "Heading 1" paragraphs
- fenced code blocks (```) -> one "Code Block" paragraph per line (Courier New)
- ``| a | b |`` tables -> a Word table ("Table Grid"), first row bold;
  ``\\|`` inside a cell becomes ``|``
- ``1.`` items -> "List Number" paragraphs; ``-``/``*`` items -> "List Bullet"
- inline ``code`` -> Courier New run, ``**bold**`` -> bold run,
  ``[text](url)`` -> the link text only
- a line holding only badge images (``[![..](..)](..)``) is left out
- every other line run -> one "Normal" paragraph (lines joined with a space)

The core properties carry fixed dates so a rebuild gives the same document.
"""
import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

FIXED = datetime.datetime(2024, 1, 1, 0, 0, 0)
INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|\[[^\]]+\]\([^)]+\))")
MONO = "Courier New"


def add_inline(par, text, bold=False):
    """Add text to par, turning inline Markdown into runs."""
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = par.add_run(part[1:-1])
            run.font.name = MONO
            run.bold = bold
        elif part.startswith("**") and part.endswith("**"):
            par.add_run(part[2:-2]).bold = True
        elif part.startswith("[") and "](" in part:
            run = par.add_run(part[1:part.index("](")])
            run.bold = bold
        else:
            par.add_run(part).bold = bold


def split_row(line):
    cells = re.split(r"(?<!\\)\|", line.strip().strip("|"))
    return [c.strip().replace("\\|", "|") for c in cells]


def build(out, source):
    with open(source, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    doc = Document()
    code = doc.styles.add_style("Code Block", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = doc.styles["Normal"]
    code.font.name = MONO
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(0)

    i = 0
    para = []

    def flush():
        if para:
            add_inline(doc.add_paragraph(), " ".join(para))
            para.clear()

    while i < len(lines):
        line = lines[i]
        s = line.strip()
        if s.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i], style="Code Block")
                i += 1
        elif s.startswith("# "):
            flush()
            doc.add_paragraph(s[2:], style="Title")
        elif s.startswith("## "):
            flush()
            doc.add_heading(s[3:], level=1)
        elif s.startswith("[![") and s.endswith(")"):
            flush()
        elif s.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                row = split_row(lines[i])
                if not all(re.fullmatch(r":?-+:?", c) for c in row):
                    rows.append(row)
                i += 1
            table = doc.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    target = table.cell(r, c).paragraphs[0]
                    add_inline(target, cell, bold=(r == 0))
            continue
        elif re.match(r"\d+\. ", s):
            flush()
            add_inline(doc.add_paragraph(style="List Number"), s.split(". ", 1)[1])
        elif s.startswith(("- ", "* ")):
            flush()
            add_inline(doc.add_paragraph(style="List Bullet"), s[2:])
        elif not s:
            flush()
        else:
            para.append(s)
        i += 1
    flush()

    props = doc.core_properties
    props.title = "axios-retry"
    props.author = "softonic"
    props.created = FIXED
    props.modified = FIXED
    props.last_printed = FIXED
    props.revision = 1
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
