"""Build babel_loader-readme.docx from the babel-loader README.md.

Usage: python build_babel_loader-readme.py OUT.docx SOURCE

Source: README.md of the npm package babel-loader 10.1.1
(`npm pack babel-loader@10.1.1`, file `package/README.md` in the tarball).
Licence: MIT (package.json "license": "MIT"; LICENSE: Copyright (c) 2014-2019
Luis Couto).

The text is copied without rewording; only the Markdown layout is mapped to
Word, as a person retyping the README into Word would lay it out:

- `#`..`####` headings and the HTML `<h1>`/`<h2>` headings -> Heading 1..4
  (the `<h1>` title becomes Heading 1, `<h2>` Heading 2, `##` Heading 2,
  `###` Heading 3, `####` Heading 4);
- `>` quoted lines -> the "Quote" paragraph style (a quoted table becomes a
  Word table);
- `*` / `-` list items -> the "List Bullet" style;
- pipe tables -> Word tables ("Table Grid"), header row in bold, the
  Markdown escape `\\|` shown as `|`;
- fenced code blocks -> one paragraph per line in a monospaced "Code" style
  (Courier New 9 pt); the fence language tag is dropped;
- inline `code` -> Courier New runs, `**bold**` -> bold, `_text_` -> italic,
  `[text](url)` -> the link text;
- badge images (`[![...`) and the `<div>` block of logo images are left out,
  since they carry no text; consecutive text lines are joined into one
  paragraph, as Markdown renders them.

Document properties use fixed dates so that a rebuild gives the same document.
"""
import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

MONO = "Courier New"
INLINE = re.compile(
    r"(`[^`]+`)"
    r"|(\*\*[^*]+\*\*)"
    r"|((?<!\w)_[^_]+_(?!\w))"
    r"|(\[([^\]]+)\]\(([^)]*)\))"
)


def add_inline(par, text, bold=False, italic=False, mono=False):
    """Add text to a paragraph, turning Markdown inline markup into runs."""
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            run = par.add_run(text[pos:m.start()])
            run.bold, run.italic = bold or None, italic or None
            if mono:
                run.font.name = MONO
        if m.group(1):
            run = par.add_run(m.group(1)[1:-1])
            run.font.name = MONO
            run.bold, run.italic = bold or None, italic or None
        elif m.group(2):
            add_inline(par, m.group(2)[2:-2], True, italic, mono)
        elif m.group(3):
            add_inline(par, m.group(3)[1:-1], bold, True, mono)
        else:
            add_inline(par, m.group(5), bold, italic, mono)
        pos = m.end()
    if pos < len(text):
        run = par.add_run(text[pos:])
        run.bold, run.italic = bold or None, italic or None
        if mono:
            run.font.name = MONO


def split_row(line):
    """Split a Markdown table row into cell texts."""
    line = line.strip()
    line = line.removeprefix("|")
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    cells = re.split(r"(?<!\\)\|", line)
    return [c.strip().replace("\\|", "|") for c in cells]


def add_table(doc, rows):
    """Add a Word table from Markdown table lines (separator row dropped)."""
    data = [split_row(r) for r in rows]
    data = [r for r in data if not all(re.fullmatch(r":?-+:?", c) for c in r)]
    ncols = max(len(r) for r in data)
    table = doc.add_table(rows=len(data), cols=ncols)
    table.style = "Table Grid"
    for i, row in enumerate(data):
        for j in range(ncols):
            cell = table.cell(i, j)
            add_inline(cell.paragraphs[0], row[j] if j < len(row) else "", bold=i == 0)


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = MONO
    style.font.size = Pt(9)
    style.paragraph_format.space_before = Pt(0)
    style.paragraph_format.space_after = Pt(0)
    return style


def build(out, source):
    with open(source, encoding="utf-8") as f:
        lines = f.read().splitlines()
    doc = Document()
    code_style(doc)
    para = []
    para_style = None

    def flush():
        nonlocal para, para_style
        if para:
            p = doc.add_paragraph(style=para_style)
            add_inline(p, " ".join(s.strip() for s in para))
        para, para_style = [], None

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i], style="Code")
                i += 1
            i += 1
            continue
        if stripped.startswith("<div"):
            flush()
            while i < len(lines) and "</div>" not in lines[i]:
                i += 1
            i += 1
            continue
        m = re.fullmatch(r"<h([12])[^>]*>(.*)</h\1>", stripped)
        if m:
            flush()
            doc.add_heading(m.group(2), level=int(m.group(1)))
            i += 1
            continue
        m = re.match(r"(#{1,4}) (.*)", stripped)
        if m:
            flush()
            h = doc.add_heading(level=len(m.group(1)))
            add_inline(h, m.group(2))
            i += 1
            continue
        if stripped.startswith("[![") or not stripped:
            flush()
            i += 1
            continue
        quoted = stripped.startswith(">")
        body = stripped.lstrip(">").strip() if quoted else stripped
        if body.startswith("|"):
            flush()
            rows = []
            while i < len(lines):
                s = lines[i].strip()
                s = s.lstrip(">").strip() if quoted else s
                if not s.startswith("|"):
                    break
                rows.append(s)
                i += 1
            add_table(doc, rows)
            continue
        if re.match(r"[*-] ", body):
            flush()
            add_inline(doc.add_paragraph(style="List Bullet"), body[2:])
            i += 1
            continue
        style = "Quote" if quoted else None
        if para and style != para_style:
            flush()
        para_style = style
        para.append(body)
        i += 1
    flush()

    props = doc.core_properties
    fixed = datetime.datetime(2024, 1, 1, 0, 0, 0)
    props.created = props.modified = props.last_printed = fixed
    props.author = props.last_modified_by = "babel-loader README"
    props.title = "babel-loader README"
    props.revision = 1
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
