"""Build localforage-readme.docx from the localForage README with python-docx.

Usage: python build_localforage-readme.py OUT.docx SOURCE

SOURCE is ``package/README.md`` from the npm package ``localforage`` 1.10.0
(``npm pack localforage@1.10.0``). localForage is distributed under the
Apache License 2.0 (``"license": "Apache-2.0"`` in its package.json; the
README's own "License" section says the same). Copyright (c) 2013-2016
Mozilla and contributors.

The text is not reworded; only the layout is translated to Word:

* ``#`` .. ``######`` headings -> "Heading 1" .. "Heading 6" styles.
* Paragraphs -> "Normal" paragraphs; the source's hard-wrapped lines inside
  one paragraph are joined with a single space.
* ``*`` / ``-`` bullet items -> "List Bullet" ("List Bullet 2" when nested).
* Fenced code blocks -> one "Source Code" paragraph per line (a monospaced
  paragraph style, Courier New 9 pt); the fence's language tag is dropped.
* Inline ``code`` -> a run in the "Inline Code" character style (Courier
  New); ``**bold**`` -> bold run; ``_italic_`` -> italic run.
* Links ``[text](url)`` and ``[text][ref]`` -> their text; link reference
  definitions (``[ref]: url``) are not shown.
* The badge images under the title (image links) are left out.
* The HTML ``<dl>`` block under "Library Size" -> a two-column Word table
  (term, definition); the backquotes around each definition are dropped and
  the value is set in the "Inline Code" style.
* The ``---`` rule -> an empty paragraph.

Document dates are fixed so that a rebuild gives the same document.
"""

import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

FIXED_DATE = datetime.datetime(2024, 1, 1, 0, 0, 0)
MONO = "Courier New"

INLINE = re.compile(
    r"(`[^`]+`)"  # inline code
    r"|(\*\*[^*]+\*\*)"  # bold
    r"|(!?\[[^\]]*\]\([^)]*\))"  # inline link or image
    r"|(\[[^\]]+\]\[[^\]]*\])"  # reference link
    r"|(\b_[^_]+_\b)"  # italic
)


def add_styles(doc):
    styles = doc.styles
    code = styles.add_style("Source Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = styles["Normal"]
    code.font.name = MONO
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(0)
    code.paragraph_format.space_before = Pt(0)
    inline = styles.add_style("Inline Code", WD_STYLE_TYPE.CHARACTER)
    inline.font.name = MONO


def add_inline(par, text):
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            par.add_run(text[pos:m.start()])
        tok = m.group(0)
        if m.group(1):
            par.add_run(tok[1:-1], style="Inline Code")
        elif m.group(2):
            add_inline_bold(par, tok[2:-2])
        elif m.group(3):
            if not tok.startswith("!"):
                add_inline(par, tok[1:tok.index("](")])
        elif m.group(4):
            add_inline(par, tok[1:tok.index("][")])
        else:
            par.add_run(tok[1:-1]).italic = True
        pos = m.end()
    if pos < len(text):
        par.add_run(text[pos:])


def add_inline_bold(par, text):
    run = par.add_run(text)
    run.bold = True


def is_badge_line(line):
    return bool(re.fullmatch(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)", line.strip()))


def build(src, out):
    with open(src, encoding="utf-8") as f:
        lines = f.read().split("\n")
    doc = Document()
    add_styles(doc)
    para = []

    def flush():
        if para:
            add_inline(doc.add_paragraph(), " ".join(s.strip() for s in para))
            para.clear()

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
        elif stripped == "<dl>":
            flush()
            table = doc.add_table(rows=0, cols=2)
            table.style = "Table Grid"
            i += 1
            while lines[i].strip() != "</dl>":
                m = re.fullmatch(r"<dt>(.*)</dt><dd>`?(.*?)`?</dd>", lines[i].strip())
                cells = table.add_row().cells
                cells[0].text = m.group(1)
                cells[1].paragraphs[0].add_run(m.group(2), style="Inline Code")
                i += 1
        elif re.match(r"#{1,6} ", stripped):
            flush()
            level = len(stripped) - len(stripped.lstrip("#"))
            add_inline(doc.add_heading(level=level), stripped[level:].strip())
        elif re.match(r"\s*[*-] ", line):
            flush()
            indent = len(line) - len(line.lstrip())
            style = "List Bullet 2" if indent >= 2 else "List Bullet"
            item = [stripped[2:]]
            while i + 1 < len(lines) and lines[i + 1].startswith("  ") \
                    and not re.match(r"\s*[*-] ", lines[i + 1]):
                i += 1
                item.append(lines[i].strip())
            add_inline(doc.add_paragraph(style=style), " ".join(item))
        elif re.match(r"\[[^\]]+\]: ", stripped) or is_badge_line(line):
            flush()
        elif stripped == "---":
            flush()
            doc.add_paragraph()
        elif not stripped:
            flush()
        else:
            para.append(line)
        i += 1
    flush()

    props = doc.core_properties
    props.title = "localForage README"
    props.author = "localForage contributors"
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE
    props.revision = 1
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[2], sys.argv[1])
