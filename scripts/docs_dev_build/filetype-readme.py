#!/usr/bin/env python3
"""Build docs/filetype-readme.docx from the filetype.py 1.2.0 README.

Source: the long description (README, reStructuredText) in
/work/main/.venv/lib/python3.11/site-packages/filetype-1.2.0.dist-info/METADATA

Layout in Word:
  * the README title ("filetype.py", badges dropped)  -> Title
  * "----" underlined sections (Features, Installation, ...) -> Heading 1
  * "^^^^" underlined sub-sections (Simple file type checking, Image, ...)
    -> Heading 2
  * "-  item" bullet items                          -> List Bullet
  * literal blocks ("::" and ".. code-block::")     -> paragraph style "Code"
    (Courier New)
  * each "Supported types" category list ("-  **jpg** - ``image/jpeg``")
    -> a two-column Word table with a bold header row
    ("File extension" | "MIME type", words taken from the README's feature
    list "Provides file extension and MIME type inference")
Only reStructuredText markup is removed (``x`` -> Courier run, **x** -> bold,
`x`_ -> plain text); the words are not changed.  The link targets and badge
image substitutions at the end of the README are dropped.

Usage: build_docx.py OUTPUT.docx
"""
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm, Pt

SRC = ("/work/main/.venv/lib/python3.11/site-packages/"
       "filetype-1.2.0.dist-info/METADATA")

INLINE = re.compile(
    r"``(?P<lit>.+?)``"
    r"|\*\*(?P<bold>.+?)\*\*"
    r"|`(?P<ref>[^`]+?)`_"
)
TYPE_ITEM = re.compile(r"^-\s+\*\*(?P<ext>[^*]+)\*\*\s+-\s+``(?P<mime>[^`]+)``\s*$")


def read_body():
    text = open(SRC, encoding="utf-8").read()  # noqa: SIM115
    body = text.split("\n\n", 1)[1]          # drop the metadata header
    return body.split("\n")


def add_inline(par, text):
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            par.add_run(text[pos:m.start()])
        if m.group("lit") is not None:
            par.add_run(m.group("lit")).font.name = "Courier New"
        elif m.group("bold") is not None:
            par.add_run(m.group("bold")).bold = True
        else:
            par.add_run(m.group("ref"))
        pos = m.end()
    if pos < len(text):
        par.add_run(text[pos:])
    return par


def make_doc():
    doc = Document()
    styles = doc.styles
    code = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = styles["Normal"]
    code.font.name = "Courier New"
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(0)
    code.paragraph_format.left_indent = Cm(1)
    return doc


def is_underline(line, ch):
    s = line.strip()
    return len(s) >= 3 and set(s) == {ch}


def indent_of(line):
    return len(line) - len(line.lstrip(" "))


def build(out):
    lines = read_body()
    doc = make_doc()
    n = len(lines)
    i = 0
    pending_code = False
    while i < n:
        line = lines[i]
        s = line.strip()
        if not s:
            i += 1
            continue
        ind = indent_of(line)
        # literal block
        if pending_code and ind > 0:
            j = i
            block = []
            while j < n and (not lines[j].strip() or indent_of(lines[j]) >= ind):
                block.append(lines[j][ind:].rstrip() if lines[j].strip() else "")
                j += 1
            while block and not block[-1]:
                block.pop()
            for b in block:
                doc.add_paragraph(b, style="Code")
            pending_code = False
            i = j
            continue
        pending_code = False
        # link targets / substitutions: end of useful text
        if s.startswith(".. _") or s.startswith(".. |"):
            i += 1
            while i < n and lines[i].strip() and indent_of(lines[i]) > 0:
                i += 1
            continue
        if s.startswith(".. code-block::"):
            pending_code = True
            i += 1
            continue
        # headings
        if i + 1 < n and ind == 0:
            nxt = lines[i + 1]
            if is_underline(nxt, "="):
                title = re.sub(r"\s*(\|[^|]+\|\s*)+$", "", s)   # drop badges
                doc.add_heading(title, level=0)
                i += 2
                continue
            if is_underline(nxt, "-"):
                doc.add_heading(s, level=1)
                i += 2
                continue
            if is_underline(nxt, "^"):
                doc.add_heading(s, level=2)
                i += 2
                continue
        # supported-types list -> table
        if TYPE_ITEM.match(s):
            rows = []
            while i < n and TYPE_ITEM.match(lines[i].strip()):
                m = TYPE_ITEM.match(lines[i].strip())
                rows.append((m.group("ext"), m.group("mime")))
                i += 1
            table = doc.add_table(rows=1, cols=2)
            table.style = "Table Grid"
            for k, h in enumerate(("File extension", "MIME type")):
                cell = table.rows[0].cells[k]
                cell.text = ""
                cell.paragraphs[0].add_run(h).bold = True
            for ext, mime in rows:
                cells = table.add_row().cells
                cells[0].text = ext
                cells[1].text = mime
            continue
        # bullet item (continuation lines indented by 3)
        if s.startswith("- "):
            buf = [s[1:].strip()]
            j = i + 1
            while j < n and lines[j].strip() and indent_of(lines[j]) >= 3 \
                    and not lines[j].strip().startswith("- "):
                buf.append(lines[j].strip())
                j += 1
            add_inline(doc.add_paragraph(style="List Bullet"), " ".join(buf))
            i = j
            continue
        # ordinary paragraph
        buf = []
        j = i
        while j < n and lines[j].strip():
            buf.append(lines[j].strip())
            j += 1
        text = " ".join(buf)
        i = j
        if text == "::":
            pending_code = True
            continue
        if text.endswith("::"):
            pending_code = True
            text = text[:-2].rstrip() + ":"
        add_inline(doc.add_paragraph(style="Normal"), text)
    doc.core_properties.title = "filetype.py"
    doc.core_properties.author = "Tomas Aparicio"
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: build_docx.py OUTPUT.docx")
    build(sys.argv[1])
