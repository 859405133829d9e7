"""Build tinycolor2-readme.docx from the TinyColor README with python-docx.

Usage: python build_tinycolor2-readme.py OUT.docx SOURCE

Source: README.md of the npm package tinycolor2 1.6.0 (`npm pack tinycolor2@1.6.0`,
file package/README.md), the README of TinyColor by Brian Grinstead.
Licence: MIT (package.json "license": "MIT", LICENSE file in the same package).

The text is copied without rewording; only the Markdown markup is turned into Word layout:
- "#", "##", "###", "####" headings -> Word styles Title, Heading 1, Heading 2, Heading 3
  (the single "#" heading is the document title);
- paragraphs (consecutive text lines) -> Normal paragraphs, lines joined by one space;
- "-" / "*" bullet items -> List Bullet, "1." items -> List Number;
- fenced (```) and four-space indented code blocks -> one paragraph in the custom
  monospaced style "Source Code" (Courier New), line breaks kept;
- pipe tables -> Word tables (style Table Grid, header row in bold);
- inline `code` -> Courier New runs, **bold** -> bold runs, *emphasis* -> italic runs,
  [text](url) links -> their text, underlined (the URL itself is not shown);
- core properties (title, author, dates) are fixed so that a rebuild gives the same document.
"""

import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

MONO = "Courier New"
FIXED_DATE = datetime.datetime(2023, 1, 1, 0, 0, 0)
INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|\[[^\]]*\]\([^)]*\)|(?<![\w*])\*[^*\s][^*]*\*)")


def add_inline(par, text):
    """Add text to a paragraph, mapping inline Markdown to run formatting."""
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            par.add_run(text[pos:m.start()])
        tok = m.group(0)
        if tok.startswith("`"):
            run = par.add_run(tok[1:-1])
            run.font.name = MONO
        elif tok.startswith("**"):
            run = par.add_run(tok[2:-2])
            run.bold = True
        elif tok.startswith("["):
            label = tok[1:tok.index("](")]
            run = par.add_run(label)
            run.underline = True
        else:
            run = par.add_run(tok[1:-1])
            run.italic = True
        pos = m.end()
    if pos < len(text):
        par.add_run(text[pos:])


def code_style(doc):
    style = doc.styles.add_style("Source Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = MONO
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(6)
    return style


def add_code(doc, lines):
    par = doc.add_paragraph(style="Source Code")
    for i, line in enumerate(lines):
        run = par.add_run(line)
        if i < len(lines) - 1:
            run.add_break()


def split_row(line):
    cells = line.strip().strip("|").split("|")
    return [c.strip() for c in cells]


def add_table(doc, rows):
    header = split_row(rows[0])
    body = [split_row(r) for r in rows[2:]]
    table = doc.add_table(rows=1 + len(body), cols=len(header))
    table.style = "Table Grid"
    for r, cells in enumerate([header] + body):
        for c in range(len(header)):
            par = table.rows[r].cells[c].paragraphs[0]
            add_inline(par, cells[c] if c < len(cells) else "")
            if r == 0:
                for run in par.runs:
                    run.bold = True


def build(out, source):
    with open(source, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    doc = Document()
    code_style(doc)
    para = []

    def flush():
        if para:
            add_inline(doc.add_paragraph(), " ".join(s.strip() for s in para))
            para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            flush()
            block = []
            i += 1
            while i < len(lines) and not lines[i].startswith("```"):
                block.append(lines[i])
                i += 1
            add_code(doc, block)
        elif line.startswith("    ") and not para:
            block = []
            while i < len(lines) and (lines[i].startswith("    ") or not lines[i].strip()):
                block.append(lines[i][4:])
                i += 1
            while block and not block[-1].strip():
                block.pop()
            add_code(doc, block)
            continue
        elif m := re.match(r"^(#{1,6})\s+(.*)$", line):
            flush()
            level = len(m.group(1))
            if level == 1:
                heading = doc.add_paragraph(style="Title")
            else:
                heading = doc.add_paragraph(style=f"Heading {min(level - 1, 9)}")
            add_inline(heading, m.group(2).strip())
        elif line.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(doc, rows)
            continue
        elif m := re.match(r"^\s*[-*]\s+(.*)$", line):
            flush()
            add_inline(doc.add_paragraph(style="List Bullet"), m.group(1))
        elif m := re.match(r"^\s*\d+\.\s+(.*)$", line):
            flush()
            add_inline(doc.add_paragraph(style="List Number"), m.group(1))
        elif not line.strip():
            flush()
        else:
            para.append(line)
        i += 1
    flush()

    props = doc.core_properties
    props.title = "TinyColor README"
    props.author = "Brian Grinstead"
    props.last_modified_by = "Brian Grinstead"
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE
    props.revision = 1
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
