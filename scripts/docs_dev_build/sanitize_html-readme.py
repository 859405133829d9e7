"""Lay out the README of the npm package sanitize-html as a Word document.

Source: README.md of sanitize-html 2.17.5 (https://github.com/apostrophecms/sanitize-html),
fetched with `npm pack sanitize-html@2.17.5 && tar xzf sanitize-html-2.17.5.tgz`, which
leaves it at package/README.md.

Usage: python build_sanitize_html-readme.py OUT.docx [SOURCE]
    SOURCE defaults to package/README.md (relative to the current directory).

Licence: sanitize-html and its README are MIT licensed (Copyright (c) 2013, 2014, 2015
P'unk Avenue LLC; see the package's LICENSE and package.json). The document keeps the
text unchanged, so the same licence applies to OUT.docx.

Mapping (not one sentence is reworded; only the Markdown markup becomes Word layout):
    "# ..." to "###### ..."       -> Heading 1 to Heading 6
    a paragraph's lines           -> one Normal paragraph (line breaks become spaces)
    "- ..." / "* ..." items       -> List Bullet
    "1. ..." items                -> List Number
    "> ..." block quotes          -> Quote
    fenced ``` code blocks        -> one paragraph per line in a 'Code' paragraph style
                                     (Courier New, 9 pt, no space after)
    Markdown tables               -> Word tables (style "Table Grid"), header row bold
    `code` / ```code```           -> run in Courier New
    **bold**, *italic*, _italic_  -> bold / italic runs
    [text](url)                   -> the link text
    a line of raw HTML that only  -> left out (the project logo: it has no text)
    shows an image
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

LINK = re.compile(r"(?<!!)\[([^\]]*)\]\([^)]*\)")
IMAGE_ONLY = re.compile(r"^(<a [^>]*>)?<img [^>]*/?>(</a>)?$")
CODE = re.compile(r"(`+)(.+?)\1")
LIST_ITEM = re.compile(r"\s*([-*]|\d+\.)\s+(.*)")
BLOCK_START = re.compile(r"\s*([-*]|\d+\.)\s+|#{1,6}\s|```|>|\|")


def add_emphasis(par, text, state):
    """Add plain text to par, toggling bold/italic at ** / * / _ markers."""
    pattern = re.compile(r"\*\*|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|(?<!\w)_(?=\S)|(?<=\S)_(?!\w)")
    pos = 0
    for m in pattern.finditer(text):
        if m.start() > pos:
            run = par.add_run(text[pos:m.start()])
            run.bold, run.italic = state["bold"], state["italic"]
        if m.group() == "**":
            state["bold"] = not state["bold"]
        else:
            state["italic"] = not state["italic"]
        pos = m.end()
    if pos < len(text):
        run = par.add_run(text[pos:])
        run.bold, run.italic = state["bold"], state["italic"]


def add_inline(par, text):
    """Add one block's text to par, turning inline Markdown markup into runs."""
    text = LINK.sub(r"\1", text)
    state = {"bold": False, "italic": False}
    pos = 0
    for m in CODE.finditer(text):
        add_emphasis(par, text[pos:m.start()], state)
        run = par.add_run(m.group(2))
        run.font.name = "Courier New"
        run.bold, run.italic = state["bold"], state["italic"]
        pos = m.end()
    add_emphasis(par, text[pos:], state)


def join_lines(lines):
    return " ".join(line.strip() for line in lines if line.strip())


def code_style(doc):
    styles = doc.styles
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def add_table(doc, rows):
    cells = [[c.strip() for c in r.strip().strip("|").split("|")] for r in rows]
    cells = [r for r in cells if not all(re.fullmatch(r":?-+:?", c) for c in r)]
    table = doc.add_table(rows=len(cells), cols=max(len(r) for r in cells))
    table.style = "Table Grid"
    for i, row in enumerate(cells):
        for j, value in enumerate(row):
            par = table.cell(i, j).paragraphs[0]
            add_inline(par, value)
            if i == 0:
                for run in par.runs:
                    run.bold = True


def build(source, out):
    doc = Document()
    code_style(doc)
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    i = 0
    para = []

    def flush():
        if para:
            add_inline(doc.add_paragraph(), join_lines(para))
            para.clear()

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i].replace("\t", "    "), style="Code")
                i += 1
            i += 1
            continue
        heading = re.match(r"(#{1,6})\s+(.*)", line)
        if heading:
            flush()
            add_inline(doc.add_heading(level=len(heading.group(1))), heading.group(2).strip())
            i += 1
            continue
        if not stripped:
            flush()
            i += 1
            continue
        if IMAGE_ONLY.match(stripped):
            flush()
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
        if stripped.startswith(">"):
            flush()
            quote = []
            while i < len(lines) and lines[i].strip().startswith(">"):
                quote.append(lines[i].strip()[1:])
                i += 1
            add_inline(doc.add_paragraph(style="Quote"), join_lines(quote))
            continue
        item = LIST_ITEM.match(line)
        if item:
            flush()
            text = [item.group(2)]
            i += 1
            while i < len(lines) and lines[i].strip() and not BLOCK_START.match(lines[i]):
                text.append(lines[i])
                i += 1
            style = "List Number" if item.group(1)[0].isdigit() else "List Bullet"
            add_inline(doc.add_paragraph(style=style), join_lines(text))
            continue
        para.append(line)
        i += 1
    flush()
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    build(sys.argv[2] if len(sys.argv) == 3 else "package/README.md", sys.argv[1])
