"""Build html_to_text-readme.docx from the html-to-text README.

Usage: python build_html_to_text-readme.py OUT.docx SOURCE

Source: README.md of the npm package html-to-text 9.0.5
(``npm pack html-to-text@9.0.5``, file ``package/README.md``).
Licence: MIT (package.json "license": "MIT"; the README links the MIT License).

Mapping from Markdown to Word (the words are not changed):
- ``#`` .. ``#####`` headings become Word "Heading 1" .. "Heading 5" (the
  top ``#`` title uses the "Title" style);
- paragraphs become "Normal" paragraphs; consecutive lines are joined with
  a space, as Markdown renders them;
- ``*`` bullet items become "List Bullet" paragraphs;
- fenced code blocks become one "Code Block" paragraph per line
  (a monospaced Courier New paragraph style);
- pipe tables become Word tables ("Table Grid" style) with a bold header
  row; ``<br/>`` inside a cell becomes a line break and ``&nbsp;`` a space;
- inline ``code`` becomes a Courier New run, ``**bold**`` a bold run,
  ``*italic*``/``_italic_`` an italic run, and ``[text](url)`` keeps its
  text only;
- the badge images under the title (pictures without text) are left out.
Document properties carry fixed dates so that a rebuild gives the same text.
"""
import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

MONO = "Courier New"
INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|\*[^*\s][^*]*\*|_[^_\s][^_]*_)")
LINK = re.compile(r"!?\[([^\]]*)\]\(([^)]*)\)")


def clean(text):
    text = LINK.sub(lambda m: m.group(1), text)
    return text.replace("&nbsp;", " ")


def add_runs(par, text):
    """Add text to a paragraph, turning inline Markdown into run formatting."""
    text = clean(text)
    for piece in INLINE.split(text):
        if not piece:
            continue
        if piece.startswith("`") and piece.endswith("`") and len(piece) > 1:
            run = par.add_run(piece[1:-1])
            run.font.name = MONO
        elif piece.startswith("**") and piece.endswith("**") and len(piece) > 4:
            par.add_run(piece[2:-2]).bold = True
        elif len(piece) > 2 and piece[0] == piece[-1] and piece[0] in "*_":
            par.add_run(piece[1:-1]).italic = True
        else:
            par.add_run(piece)


def add_cell_text(cell, text, bold=False):
    par = cell.paragraphs[0]
    parts = re.split(r"<br\s*/?>", text.strip())
    for i, part in enumerate(parts):
        if i:
            par.add_run().add_break()
        start = len(par.runs)
        add_runs(par, part)
        if bold:
            for run in par.runs[start:]:
                run.bold = True


def split_row(line):
    line = line.strip()
    line = line.removeprefix("|").removesuffix("|")
    return [c.strip() for c in line.split("|")]


def is_rule(line):
    return bool(re.fullmatch(r"\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*", line))


def build(out, source):
    with open(source, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    doc = Document()
    code_style = doc.styles.add_style("Code Block", WD_STYLE_TYPE.PARAGRAPH)
    code_style.base_style = doc.styles["Normal"]
    code_style.font.name = MONO
    code_style.font.size = Pt(9)
    code_style.paragraph_format.space_after = Pt(0)

    para = []

    def flush():
        if para:
            add_runs(doc.add_paragraph(), " ".join(s.strip() for s in para))
            para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i], style="Code Block")
                i += 1
            i += 1
            continue
        if stripped.startswith(("[![", "![")):
            flush()
            i += 1
            continue
        heading = re.match(r"(#{1,6})\s+(.*)", stripped)
        if heading:
            flush()
            level = len(heading.group(1))
            if level == 1:
                par = doc.add_paragraph(style="Title")
            else:
                par = doc.add_heading(level=level - 1)
            add_runs(par, heading.group(2))
            i += 1
            continue
        if "|" in stripped and i + 1 < len(lines) and is_rule(lines[i + 1]):
            flush()
            header = split_row(stripped)
            rows = []
            i += 2
            while i < len(lines) and "|" in lines[i] and lines[i].strip():
                rows.append(split_row(lines[i]))
                i += 1
            table = doc.add_table(rows=1 + len(rows), cols=len(header))
            table.style = "Table Grid"
            for c, text in enumerate(header):
                add_cell_text(table.rows[0].cells[c], text, bold=True)
            for r, row in enumerate(rows, start=1):
                for c in range(len(header)):
                    add_cell_text(table.rows[r].cells[c], row[c] if c < len(row) else "")
            continue
        bullet = re.match(r"[*-]\s+(.*)", stripped)
        if bullet:
            flush()
            add_runs(doc.add_paragraph(style="List Bullet"), bullet.group(1))
            i += 1
            continue
        if not stripped:
            flush()
        else:
            para.append(stripped)
        i += 1
    flush()

    fixed = datetime.datetime(2023, 4, 8, 0, 0, 0)
    props = doc.core_properties
    props.title = "html-to-text README"
    props.author = "html-to-text contributors"
    props.created = fixed
    props.modified = fixed
    props.last_printed = fixed
    props.revision = 1
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
