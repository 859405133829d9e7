"""Build mochawesome-readme.docx from the README.md of the npm package mochawesome.

Usage: python build_mochawesome-readme.py OUT.docx SOURCE

SOURCE is ``package/README.md`` from ``npm pack mochawesome@8.1.1`` (the npm
registry tarball mochawesome-8.1.1.tgz). mochawesome is MIT licensed
(LICENSE.md in the same tarball, "Copyright (c) 2015-2017 Adam Gruber"); the README
text is reproduced without rewording.

Mapping from Markdown to Word:
- ``#`` .. ``####`` headings become the styles Heading 1 .. Heading 4;
- paragraphs become Normal paragraphs; ``**bold**``, ``_italic_`` and
  `` `code` `` spans become bold, italic and Courier New runs;
- links (inline ``[text](url)`` and reference ``[text][ref]``) keep their text;
  the reference definitions at the end of the file, the badge line and the
  ``<img>`` screenshot tag (pictures only) are left out;
- ``-`` items become "List Bullet" paragraphs, ``1.`` items "List Number";
- fenced code blocks become one paragraph per line in a "Code" paragraph
  style (Courier New, 9 pt);
- pipe tables become Word tables ("Table Grid", bold header row); a ``<br>``
  inside a cell becomes a line break and ``\\|`` an ordinary ``|``.
The document's core properties are fixed so that a rebuild gives the same
document.
"""
import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

FIXED_DATE = datetime.datetime(2025, 1, 1, 0, 0, 0)
INLINE = re.compile(
    r"(\*\*(?P<bold>.+?)\*\*"
    r"|`(?P<code>[^`]+)`"
    r"|(?<![\w])_(?P<ital>[^_].*?)_(?![\w])"
    r"|\[(?P<ltext>[^\]]+)\](?:\([^)]*\)|\[[^\]]*\]))"
)


def add_inline(par, text, bold=False, italic=False):
    """Add text to a paragraph, turning Markdown inline markup into runs."""
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            run = par.add_run(text[pos:m.start()])
            run.bold, run.italic = bold or None, italic or None
        if m.group("bold") is not None:
            add_inline(par, m.group("bold"), True, italic)
        elif m.group("code") is not None:
            run = par.add_run(m.group("code"))
            run.font.name = "Courier New"
            run.bold, run.italic = bold or None, italic or None
        elif m.group("ital") is not None:
            add_inline(par, m.group("ital"), bold, True)
        else:
            add_inline(par, m.group("ltext"), bold, italic)
        pos = m.end()
    if pos < len(text):
        run = par.add_run(text[pos:])
        run.bold, run.italic = bold or None, italic or None


def split_row(line):
    cells = re.split(r"(?<!\\)\|", line.strip().strip("|"))
    return [c.strip().replace("\\|", "|") for c in cells]


def add_table(doc, rows):
    header, body = rows[0], rows[2:]
    table = doc.add_table(rows=1 + len(body), cols=len(header))
    table.style = "Table Grid"
    for r, cells in enumerate([header] + body):
        for c, cell_text in enumerate(cells):
            cell = table.cell(r, c)
            par = cell.paragraphs[0]
            parts = re.split(r"\s*<br>\s*", cell_text)
            for i, part in enumerate(parts):
                if i:
                    par.add_run().add_break()
                add_inline(par, part, bold=(r == 0))


def build(out, source):
    with open(source, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    doc = Document()
    code_style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code_style.base_style = doc.styles["Normal"]
    code_style.font.name = "Courier New"
    code_style.font.size = Pt(9)
    code_style.paragraph_format.space_after = Pt(0)
    props = doc.core_properties
    props.title = "mochawesome README"
    props.author = "Adam Gruber"
    props.created = props.modified = props.last_printed = FIXED_DATE
    props.revision = 1

    i = 0
    para = []

    def flush():
        if para:
            add_inline(doc.add_paragraph(), " ".join(para))
            para.clear()

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            i += 1
            while not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i], style="Code")
                i += 1
        elif not stripped:
            flush()
        elif stripped.startswith(("[![", "<img")):
            flush()  # badges and screenshot: pictures only
        elif re.match(r"^\[[^\]]+\]: ", stripped):
            flush()  # reference link definitions
        elif m := re.match(r"^(#{1,4}) (.*)$", line):
            flush()
            doc.add_heading(m.group(2).replace("`", ""), level=len(m.group(1)))
        elif stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(split_row(lines[i]))
                i += 1
            add_table(doc, rows)
            continue
        elif m := re.match(r"^- (.*)$", line):
            flush()
            add_inline(doc.add_paragraph(style="List Bullet"), m.group(1))
        elif m := re.match(r"^\d+\. (.*)$", line):
            flush()
            add_inline(doc.add_paragraph(style="List Number"), m.group(1))
        else:
            para.append(stripped)
        i += 1
    flush()
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
