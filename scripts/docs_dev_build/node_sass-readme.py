"""Build node_sass-readme.docx from the node-sass README.

Usage: python build_node_sass-readme.py OUT.docx SOURCE

SOURCE is ``package/README.md`` from the npm tarball ``node-sass-9.0.0.tgz``
(``npm pack node-sass@9.0.0``). node-sass is released under the MIT licence
("Copyright (c) 2013-2016 Andrew Nesbitt", see ``package/LICENSE``).

The text is not reworded; only the Markdown layout is mapped onto Word:

* ``#`` .. ``####`` headings -> "Title" (level 1) and "Heading 1" .. "Heading 3"
* paragraphs (consecutive lines joined with a space) -> "Normal"
* ``*`` / ``-`` bullet items -> "List Bullet" (nested items: "List Bullet 2")
* ``1.`` numbered items -> "List Number"
* pipe tables -> Word tables in the "Table Grid" style, header row in bold
* fenced code blocks -> one paragraph per line in a "Code" paragraph style
  (Courier New, 9 pt)
* inline ``code`` -> Courier New runs; ``**bold**`` / ``__bold__`` -> bold
  runs; ``_x_`` / ``*x*`` -> italic runs
* links ``[text](url)`` and reference links ``[LibSass]`` -> their text;
  autolinks ``<url>`` -> the URL
* badge images, the raw HTML logo table and link reference definitions carry
  no text and are left out.
"""

import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

FIXED = datetime.datetime(2024, 1, 1, 0, 0, 0)
MONO = "Courier New"

INLINE = re.compile(
    r"(`[^`]+`)"  # code
    r"|(\*\*[^*]+\*\*|__[^_]+__)"  # bold
    r"|(?<![\w*])(\*[^*\s][^*]*\*|_[^_\s][^_]*_)(?![\w*])"  # italic
)
IMAGE_LINK = re.compile(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)")
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
REF_DEF = re.compile(r"^\[([^\]]+)\]: \S+$")
REFS = set()  # labels of the link reference definitions in SOURCE
AUTOLINK = re.compile(r"<(https?://[^>]+)>")


def strip_links(text):
    text = IMAGE_LINK.sub("", text)
    text = IMAGE.sub("", text)
    text = LINK.sub(r"\1", text)
    text = AUTOLINK.sub(r"\1", text)
    for label in REFS:
        text = re.sub(r"\[" + re.escape(label) + r"\](?![(\[])", label, text)
    return text


def add_runs(par, text):
    text = strip_links(text)
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            par.add_run(text[pos:m.start()])
        token = m.group(0)
        if m.group(1):
            run = par.add_run(token[1:-1])
            run.font.name = MONO
        elif m.group(2):
            add_bold(par, token[2:-2])
        else:
            run = par.add_run(token[1:-1])
            run.italic = True
        pos = m.end()
    if pos < len(text):
        par.add_run(text[pos:])


def add_bold(par, text):
    for i, piece in enumerate(re.split(r"`([^`]+)`", text)):
        if not piece:
            continue
        run = par.add_run(piece)
        run.bold = True
        if i % 2:
            run.font.name = MONO


def is_table_row(line):
    return "|" in line and not line.lstrip().startswith("```")


def split_row(line):
    line = line.strip().removeprefix("|").removesuffix("|")
    return [c.strip() for c in line.split("|")]


def add_table(doc, rows):
    header, body = rows[0], rows[2:]
    table = doc.add_table(rows=0, cols=len(header))
    table.style = "Table Grid"
    for r, cells in enumerate([header] + body):
        row = table.add_row()
        for c in range(len(header)):
            par = row.cells[c].paragraphs[0]
            add_runs(par, cells[c] if c < len(cells) else "")
            if r == 0:
                for run in par.runs:
                    run.bold = True


def add_code(doc, lines):
    for line in lines:
        doc.add_paragraph(line, style="Code")


def build(out, source):
    with open(source, encoding="utf-8") as f:
        lines = f.read().split("\n")
    REFS.update(m.group(1) for m in map(REF_DEF.match, lines) if m)
    doc = Document()
    code_style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code_style.base_style = doc.styles["Normal"]
    code_style.font.name = MONO
    code_style.font.size = Pt(9)
    code_style.paragraph_format.space_after = Pt(0)

    para = []  # lines of the paragraph being collected
    item = None  # (style, text) of the list item being collected

    def flush():
        nonlocal para, item
        if para:
            text = " ".join(s.strip() for s in para)
            if strip_links(text).strip():
                add_runs(doc.add_paragraph(), text)
            para = []
        if item:
            add_runs(doc.add_paragraph(style=item[0]), item[1])
            item = None

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            body = []
            i += 1
            while not lines[i].strip().startswith("```"):
                body.append(lines[i])
                i += 1
            indent = min((len(b) - len(b.lstrip()) for b in body if b.strip()), default=0)
            add_code(doc, [b[indent:] for b in body])
        elif stripped.startswith("<table"):
            flush()
            while not lines[i].strip().startswith("</table>"):
                i += 1
        elif REF_DEF.match(stripped):
            flush()
        elif m := re.match(r"^(#{1,6}) (.*)$", line):
            flush()
            level = len(m.group(1)) - 1
            heading = doc.add_heading(level=level)
            add_runs(heading, m.group(2))
        elif not stripped:
            flush()
        elif is_table_row(line) and i + 1 < len(lines) and re.match(r"^[\s|:-]+$", lines[i + 1]) \
                and "-" in lines[i + 1]:
            flush()
            rows = []
            while i < len(lines) and lines[i].strip() and is_table_row(lines[i]):
                rows.append(split_row(lines[i]))
                i += 1
            add_table(doc, rows)
            continue
        elif m := re.match(r"^(\s*)[*-] (.*)$", line):
            flush()
            style = "List Bullet 2" if len(m.group(1)) >= 2 else "List Bullet"
            item = (style, m.group(2).strip())
        elif m := re.match(r"^(\s*)\d+\. (.*)$", line):
            flush()
            item = ("List Number", m.group(2).strip())
        elif item:
            item = (item[0], item[1] + " " + stripped)
        else:
            para.append(line)
        i += 1
    flush()

    props = doc.core_properties
    props.title = "node-sass README"
    props.author = "node-sass maintainers"
    props.created = FIXED
    props.modified = FIXED
    props.last_printed = FIXED
    props.revision = 1
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
