"""Build eventemitter2-readme.docx from the EventEmitter2 README.

Usage: python build_eventemitter2-readme.py OUT.docx SOURCE

SOURCE is ``package/README.md`` from the npm package eventemitter2 6.4.9
(``npm pack eventemitter2@6.4.9``). EventEmitter2 is distributed under the
MIT licence (``"license": "MIT"`` in its package.json, LICENSE.txt).

The text is not reworded; only the Markdown syntax is turned into Word layout:

* ``#`` .. ``####`` headings -> "Heading 1" .. "Heading 4" styles;
* paragraphs (soft-wrapped lines joined with a space) -> "Normal";
* ``-`` list items, with their continuation lines -> "List Bullet";
* fenced code blocks (three or four backticks) -> one "Code" paragraph per
  block (Courier New 9 pt), line breaks kept;
* inline ``code`` -> Courier New runs, ``**bold**`` -> bold runs,
  ``*italic*`` -> italic runs, ``[text](url)`` -> its text only;
* the badge images at the top (lines starting with ``[![``) are left out.

Tables: the README has none. Document dates are fixed so that a rebuild gives
the same document.
"""

import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

FIXED_DATE = datetime.datetime(2024, 1, 1, 0, 0, 0)
LINK_RE = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(([^()\s]*)\)")
CODE_RE = re.compile(r"(`+)(.+?)\1")
EMPH_RE = re.compile(r"\*\*(.+?)\*\*|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
FENCE_RE = re.compile(r"^(`{3,})(.*)$")
HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
ITEM_RE = re.compile(r"^\s{0,3}-\s+(.*)$")


def add_inline(paragraph, text):
    """Add text to a paragraph, turning inline Markdown into runs."""
    text = LINK_RE.sub(lambda m: m.group(1), text)
    pos = 0
    for m in CODE_RE.finditer(text):
        add_emphasis(paragraph, text[pos:m.start()])
        run = paragraph.add_run(m.group(2))
        run.font.name = "Courier New"
        pos = m.end()
    add_emphasis(paragraph, text[pos:])


def add_emphasis(paragraph, text):
    pos = 0
    for m in EMPH_RE.finditer(text):
        if m.start() > pos:
            paragraph.add_run(text[pos:m.start()])
        if m.group(1) is not None:
            paragraph.add_run(m.group(1)).bold = True
        else:
            paragraph.add_run(m.group(2)).italic = True
        pos = m.end()
    if pos < len(text):
        paragraph.add_run(text[pos:])


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(6)
    return style


def build(out_path, source_path):
    with open(source_path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    doc = Document()
    code_style(doc)
    props = doc.core_properties
    props.title = "EventEmitter2 README"
    props.author = "EventEmitter2 authors"
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE
    props.revision = 1

    block = []  # lines of the current paragraph or list item
    kind = None  # "para" or "item"

    def flush():
        nonlocal block, kind
        if block:
            text = " ".join(part.strip() for part in block)
            style = "List Bullet" if kind == "item" else "Normal"
            add_inline(doc.add_paragraph(style=style), text)
        block, kind = [], None

    i = 0
    while i < len(lines):
        line = lines[i]
        fence = FENCE_RE.match(line.strip())
        if fence:
            flush()
            ticks = len(fence.group(1))
            code = []
            i += 1
            while i < len(lines):
                end = re.match(r"^(`{3,})\s*$", lines[i].strip())
                if end and len(end.group(1)) >= ticks:
                    break
                code.append(lines[i].rstrip())
                i += 1
            doc.add_paragraph("\n".join(code), style="Code")
            i += 1
            continue
        if line.startswith("[!["):
            i += 1
            continue
        heading = HEADING_RE.match(line)
        if heading:
            flush()
            level = min(len(heading.group(1)), 4)
            add_inline(doc.add_heading(level=level), heading.group(2))
            i += 1
            continue
        if not line.strip():
            flush()
            i += 1
            continue
        item = ITEM_RE.match(line)
        if item:
            flush()
            block, kind = [item.group(1)], "item"
        else:
            if kind is None:
                kind = "para"
            block.append(line)
        i += 1
    flush()
    doc.save(out_path)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
