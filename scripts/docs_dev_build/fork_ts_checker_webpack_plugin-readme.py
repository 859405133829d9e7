"""Build fork_ts_checker_webpack_plugin-readme.docx from the plugin's README.md.

Usage: python build_fork_ts_checker_webpack_plugin-readme.py OUT.docx SOURCE

Source: README.md of the npm package fork-ts-checker-webpack-plugin 9.1.0
(``npm pack fork-ts-checker-webpack-plugin@9.1.0``, file ``package/README.md``).
Licence: MIT License, Copyright (c) 2020 TypeStrong (``package/LICENSE``).

Mapping from Markdown to Word (no text is reworded, added or reordered):
- the centred HTML header block: ``<h1>`` becomes the Title paragraph and
  ``<p>`` a Subtitle paragraph; the banner and badge images (pictures only)
  and the logo are left out;
- ``## X`` -> Heading 1, ``### X`` -> Heading 2;
- ``*`` list items -> List Bullet, ``1.`` list items -> List Number;
- ``> `` quoted lines -> Quote (consecutive quoted lines form one paragraph);
- fenced code blocks -> one paragraph per line in a "Source Code" style
  (Courier New 9 pt); ``<details>`` is dropped, its ``<summary>`` text
  becomes a bold paragraph;
- pipe tables -> Word tables ("Table Grid"), header row in bold;
- inline ``code`` -> Courier New runs, ``**bold**`` -> bold runs,
  ``[text](url)`` -> the link text;
- other lines -> Normal paragraphs, wrapped lines of one paragraph joined
  with a space.
Document core properties get fixed dates so a rebuild gives the same text.
"""
import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|!?\[[^\]]*\]\([^)]*\))")
FIXED = datetime.datetime(2024, 1, 1, 0, 0, 0)


def add_inline(par, text, bold=False):
    """Add text to par, turning Markdown inline markup into runs."""
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = par.add_run(part[1:-1])
            run.font.name = "Courier New"
            run.bold = bold
        elif part.startswith("**") and part.endswith("**"):
            add_inline(par, part[2:-2], bold=True)
        elif part.startswith("!["):
            continue
        elif part.startswith("["):
            label = part[1:part.index("](")]
            add_inline(par, label, bold=bold)
        else:
            run = par.add_run(part)
            run.bold = bold


def split_row(line):
    cells = line.strip().strip("|").split("|")
    return [c.strip() for c in cells]


def add_table(doc, rows):
    header = split_row(rows[0])
    body = [split_row(r) for r in rows[2:]]
    table = doc.add_table(rows=1 + len(body), cols=len(header))
    table.style = "Table Grid"
    for i, cell_text in enumerate(header):
        par = table.rows[0].cells[i].paragraphs[0]
        add_inline(par, cell_text, bold=True)
    for r, row in enumerate(body, start=1):
        for i, cell_text in enumerate(row[: len(header)]):
            add_inline(table.rows[r].cells[i].paragraphs[0], cell_text)


def build(out, source):
    with open(source, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    doc = Document()
    code_style = doc.styles.add_style("Source Code", WD_STYLE_TYPE.PARAGRAPH)
    code_style.base_style = doc.styles["Normal"]
    code_style.font.name = "Courier New"
    code_style.font.size = Pt(9)
    code_style.paragraph_format.space_after = Pt(0)

    para = []  # pending Normal paragraph lines
    quote = []  # pending quote lines

    def flush():
        if para:
            add_inline(doc.add_paragraph(), " ".join(para))
            para.clear()
        if quote:
            add_inline(doc.add_paragraph(style="Quote"), " ".join(quote))
            quote.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            i += 1
            while not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i], style="Source Code")
                i += 1
        elif stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(doc, rows)
            continue
        elif stripped.startswith("<h1>"):
            flush()
            doc.add_paragraph(re.sub(r"</?h1>", "", stripped), style="Title")
        elif stripped.startswith("<p>"):
            flush()
            doc.add_paragraph(re.sub(r"</?p>", "", stripped), style="Subtitle")
        elif stripped.startswith("<summary>"):
            flush()
            run = doc.add_paragraph().add_run(re.sub(r"</?summary>", "", stripped))
            run.bold = True
        elif stripped.startswith(("<", "[![")):
            flush()  # HTML wrappers, logo, banner and badge images
        elif stripped.startswith("### "):
            flush()
            add_inline(doc.add_heading(level=2), stripped[4:])
        elif stripped.startswith("## "):
            flush()
            add_inline(doc.add_heading(level=1), stripped[3:])
        elif stripped.startswith("> ") or stripped == ">":
            if para:
                flush()
            if stripped == ">":
                flush()
            else:
                quote.append(stripped[2:])
        elif stripped.startswith("* "):
            flush()
            add_inline(doc.add_paragraph(style="List Bullet"), stripped[2:])
        elif re.match(r"\d+\. ", stripped):
            flush()
            text = stripped.split(". ", 1)[1]
            while i + 1 < len(lines) and lines[i + 1].startswith("   ") and lines[i + 1].strip():
                i += 1
                text += " " + lines[i].strip()
            add_inline(doc.add_paragraph(style="List Number"), text)
        elif not stripped:
            flush()
        else:
            if quote:
                flush()
            para.append(stripped)
        i += 1
    flush()

    props = doc.core_properties
    props.title = "Fork TS Checker Webpack Plugin"
    props.author = "TypeStrong"
    props.created = FIXED
    props.modified = FIXED
    props.last_printed = FIXED
    props.revision = 1
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
