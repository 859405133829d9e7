"""Build depcheck-readme.docx from the depcheck README.

Usage: python build_depcheck-readme.py OUT.docx SOURCE

SOURCE is README.md from the npm package depcheck 1.4.7
(``npm pack depcheck@1.4.7``, path ``package/README.md``).
Licence: depcheck is released under the MIT License (package.json "license": "MIT",
README section "License"; LICENSE file in the same package).

The text is copied without rewording; only the layout is translated to Word:

- ``#`` .. ``####`` headings -> Word styles Title (for the single ``#``) and
  Heading 1 .. Heading 3;
- ``- item`` lines -> paragraphs in the "List Bullet" style;
- fenced code blocks -> one paragraph per line in a monospaced "Code Block"
  paragraph style (Courier New 9 pt), the fence language dropped;
- Markdown tables (none in this README) -> Word tables with a bold header row;
- inline ``code`` -> Courier New runs, ``**bold**`` -> bold runs, ``_text_`` ->
  italic runs, ``[text](url)`` -> the link text;
- consecutive text lines -> one paragraph (joined with a space);
- badge images (``[![..](..)](..)``) and raw HTML ``<a>/<img>`` lines, which carry
  no readable text, are left out.

The document's core properties get fixed dates so that a rebuild gives the same
document text and metadata.
"""

import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

FIXED_DATE = datetime.datetime(2024, 1, 1, 0, 0, 0)
INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|(?<![\w])_[^_]+_(?![\w])|\[[^\]]+\]\([^)]*\))")


def add_inline(par, text):
    """Add text to par, turning inline Markdown into run formatting."""
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            par.add_run(text[pos:m.start()])
        tok = m.group(0)
        if tok.startswith("`"):
            run = par.add_run(tok[1:-1])
            run.font.name = "Courier New"
        elif tok.startswith("**"):
            add_bold = par.add_run(tok[2:-2])
            add_bold.bold = True
            # nested italics such as **_.depcheckrc_** keep their text
            if add_bold.text.startswith("_") and add_bold.text.endswith("_"):
                add_bold.text = add_bold.text[1:-1]
                add_bold.italic = True
        elif tok.startswith("_"):
            run = par.add_run(tok[1:-1])
            run.italic = True
        else:
            label = tok[1:tok.index("](")]
            add_inline(par, label)
        pos = m.end()
    if pos < len(text):
        par.add_run(text[pos:])


def is_decoration(line):
    s = line.strip()
    if s.startswith(("<a ", "<img", "</a>")):
        return True
    return bool(re.fullmatch(r"(\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)\s*)+", s))


def split_row(line):
    return [c.strip() for c in line.strip().strip("|").split("|")]


def code_style(doc):
    style = doc.styles.add_style("Code Block", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.space_before = Pt(0)
    return style


def build(src, out):
    with open(src, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    doc = Document()
    code_style(doc)
    para = []

    def flush():
        if para:
            p = doc.add_paragraph()
            add_inline(p, " ".join(s.strip() for s in para))
            para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].startswith("```"):
                doc.add_paragraph(lines[i], style="Code Block")
                i += 1
            i += 1
            continue
        m = re.match(r"(#{1,6}) (.*)", line)
        if m:
            flush()
            level = len(m.group(1))
            h = doc.add_heading("", level=0 if level == 1 else min(level - 1, 9))
            add_inline(h, m.group(2))
            i += 1
            continue
        if line.startswith("- "):
            flush()
            p = doc.add_paragraph(style="List Bullet")
            add_inline(p, line[2:])
            i += 1
            continue
        if line.startswith("|") and i + 1 < len(lines) and re.fullmatch(r"[\s|:-]+", lines[i + 1]):
            flush()
            rows = [split_row(line)]
            i += 2
            while i < len(lines) and lines[i].startswith("|"):
                rows.append(split_row(lines[i]))
                i += 1
            table = doc.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, cells in enumerate(rows):
                for c, text in enumerate(cells):
                    cell_par = table.cell(r, c).paragraphs[0]
                    add_inline(cell_par, text)
                    if r == 0:
                        for run in cell_par.runs:
                            run.bold = True
            continue
        if not line.strip() or is_decoration(line):
            flush()
            i += 1
            continue
        para.append(line)
        i += 1
    flush()

    props = doc.core_properties
    props.title = "depcheck README"
    props.author = "depcheck contributors"
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE
    props.revision = 1
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[2], sys.argv[1])
