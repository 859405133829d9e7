"""Build pip_licenses-readme.docx from the pip-licenses README.

Usage: python build_pip_licenses-readme.py OUT.docx SOURCE

SOURCE is README.md from the PyPI source distribution pip_licenses-5.5.5.tar.gz
(obtained with `pip download --no-deps --no-binary :all: pip-licenses`), path
pip_licenses-5.5.5/README.md. pip-licenses is by raimon49 and is released under
the MIT License (stated in the README's "License" section and in LICENSE).

Mapping from Markdown to Word (no text is reworded):
- `#` .. `#####` headings -> Heading 1 .. Heading 5 styles.
- Paragraph lines are joined with single spaces into one Normal paragraph.
- `*` / `-` bullet items -> List Bullet, List Bullet 2, List Bullet 3 by
  indentation (4 spaces per level).
- Fenced code blocks -> one paragraph in the monospaced "Code Block" style,
  lines kept, separated by line breaks; the fence's language tag is dropped.
- Pipe tables -> Word tables (Table Grid style), header row in bold.
- Inline `code` -> monospaced "Inline Code" character style; **text** -> bold;
  [text](url) -> text only; images (the badges) are dropped; backslash
  escapes are resolved (`\\-` -> `-`).
Document properties get fixed dates so that rebuilding gives the same document.
"""

import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

FIXED_DATE = datetime.datetime(2025, 1, 1, 0, 0, 0)
MONO = "Courier New"

INLINE = re.compile(
    r"(?P<img>!\[[^\]]*\]\([^)]*\))"
    r"|(?P<link>\[(?P<ltext>(?:!\[[^\]]*\]\([^)]*\)|[^\]])*)\]\((?P<lurl>[^)]*)\))"
    r"|(?P<code>`(?P<ctext>[^`]+)`)"
    r"|(?P<bold>\*\*(?P<btext>.+?)\*\*)"
)
ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")


def unescape(text):
    return ESCAPE.sub(r"\1", text)


def add_inline(par, text, bold=False):
    """Add Markdown inline text to a paragraph as runs."""
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            run = par.add_run(unescape(text[pos:m.start()]))
            run.bold = bold or None
        if m.group("img"):
            pass
        elif m.group("link"):
            inner = m.group("ltext")
            if not inner.startswith("!["):
                add_inline(par, inner, bold)
        elif m.group("code"):
            run = par.add_run(m.group("ctext"), style="Inline Code")
            run.bold = bold or None
        elif m.group("bold"):
            add_inline(par, m.group("btext"), True)
        pos = m.end()
    if pos < len(text):
        run = par.add_run(unescape(text[pos:]))
        run.bold = bold or None


def make_styles(doc):
    code = doc.styles.add_style("Code Block", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = doc.styles["Normal"]
    code.font.name = MONO
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(6)
    inline = doc.styles.add_style("Inline Code", WD_STYLE_TYPE.CHARACTER)
    inline.font.name = MONO


def split_row(line):
    line = line.strip()
    line = line.removeprefix("|").removesuffix("|")
    return [c.strip() for c in line.split("|")]


def add_table(doc, rows):
    header = split_row(rows[0])
    body = [split_row(r) for r in rows[2:]]
    table = doc.add_table(rows=1 + len(body), cols=len(header))
    table.style = doc.styles["Table Grid"]
    for i, cells in enumerate([header] + body):
        for j, cell_text in enumerate(cells[: len(header)]):
            par = table.cell(i, j).paragraphs[0]
            add_inline(par, cell_text, bold=(i == 0))


def build(out, source):
    with open(source, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    doc = Document()
    make_styles(doc)
    props = doc.core_properties
    props.title = "pip-licenses"
    props.author = "raimon49"
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE
    props.revision = 1

    para = []

    def flush():
        if para:
            text = " ".join(s.strip() for s in para)
            par = doc.add_paragraph()
            add_inline(par, text)
            if not par.text.strip():
                par._element.getparent().remove(par._element)
            para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            code = []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                code.append(lines[i])
                i += 1
            while code and not code[-1].strip():
                code.pop()
            par = doc.add_paragraph(style="Code Block")
            for k, code_line in enumerate(code):
                if k:
                    par.add_run().add_break()
                par.add_run(code_line)
            i += 1
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        if heading:
            flush()
            level = len(heading.group(1))
            par = doc.add_paragraph(style=f"Heading {level}")
            add_inline(par, heading.group(2).strip())
            i += 1
            continue
        bullet = re.match(r"^( *)[*-]\s+(.*)$", line)
        if bullet:
            flush()
            level = min(len(bullet.group(1)) // 4, 2)
            style = "List Bullet" if level == 0 else f"List Bullet {level + 1}"
            par = doc.add_paragraph(style=style)
            add_inline(par, bullet.group(2).strip())
            i += 1
            continue
        if stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(doc, rows)
            continue
        if not stripped:
            flush()
        else:
            para.append(line)
        i += 1
    flush()
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
