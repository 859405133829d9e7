"""Lay out the README of the npm package node-cron as a Word document.

Source: README.md of node-cron 4.6.0 (https://github.com/node-cron/node-cron), fetched with
`npm pack node-cron@4.6.0 && tar xzf node-cron-4.6.0.tgz`, which leaves it at
package/README.md.

Usage: python build_node_cron-readme.py OUT.docx [SOURCE]
    SOURCE defaults to package/README.md (relative to the current directory).

Licence: node-cron and its README are under the ISC License (Copyright (c) 2016, Lucas
Merencia); the document keeps the text unchanged, so the same licence applies to OUT.docx.

Mapping (the wording is never changed, only the Markdown markup becomes Word layout):
    "# ..." to "###### ..."       -> Heading 1 to Heading 6
    paragraph lines               -> one Normal paragraph (soft line breaks become spaces)
    "- ..." / "* ..." items       -> List Bullet
    "1. ..." items                -> List Number
    "> ..." block quotes          -> Quote (list items inside a quote -> List Bullet)
    fenced ``` code blocks        -> one 'Code' paragraph per line (Courier New, 9 pt)
    Markdown tables               -> Word tables (style "Table Grid"), header row in bold
    `code`                        -> run in Courier New
    **bold** / *italic*           -> bold / italic runs
    [text](url)                   -> the link text
    badge lines (linked images)   -> left out (they are pictures, not text)
    raw HTML blocks and comments  -> their visible text only (tags, comments, images dropped)
    "\\<" / "\\>" escapes          -> "<" / ">"
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|(?<![\w*])\*[^*\s][^*]*\*(?![\w*]))")
IMAGE_LINK = re.compile(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)")
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
BULLET = re.compile(r"^(\s*)[-*]\s+(.*)$")
NUMBER = re.compile(r"^(\s*)\d+[.)]\s+(.*)$")
TAG = re.compile(r"<[^>]+>")


def clean(text):
    """Drop images and link targets, undo backslash escapes."""
    text = IMAGE_LINK.sub("", text)
    text = IMAGE.sub("", text)
    text = LINK.sub(r"\1", text)
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!<>|])", r"\1", text)


def add_inline(par, text):
    """Add text to par, turning inline Markdown markup into runs."""
    for part in INLINE.split(clean(text)):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = par.add_run(part[1:-1])
            run.font.name = "Courier New"
        elif part.startswith("**") and part.endswith("**") and len(part) > 4:
            par.add_run(part[2:-2]).bold = True
        elif len(part) > 2 and part[0] == part[-1] == "*":
            par.add_run(part[1:-1]).italic = True
        else:
            par.add_run(part)


def code_style(doc):
    """Create the 'Code' paragraph style."""
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def split_row(line):
    """Cells of a Markdown table row (escaped pipes are kept)."""
    line = line.strip().removeprefix("|")
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line)]


def add_table(doc, rows):
    """Add a Word table from Markdown table lines (the second line is the rule)."""
    cells = [split_row(r) for i, r in enumerate(rows) if i != 1]
    width = max(len(r) for r in cells)
    table = doc.add_table(rows=len(cells), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(cells):
        for c in range(width):
            par = table.cell(r, c).paragraphs[0]
            add_inline(par, row[c] if c < len(row) else "")
            if r == 0:
                for run in par.runs:
                    run.bold = True


def is_block_start(line):
    """True if line starts something other than a running paragraph."""
    s = line.strip()
    return (not s or s.startswith(("```", "|", ">", "<")) or HEADING.match(s)
            or BULLET.match(line) or NUMBER.match(line))


def add_quote(doc, lines):
    """Lay out the lines of one block quote."""
    buf = []

    def flush():
        if buf:
            add_inline(doc.add_paragraph(style="Quote"), " ".join(buf))
            buf.clear()

    for line in lines:
        m = BULLET.match(line)
        if not line.strip():
            flush()
        elif m:
            flush()
            add_inline(doc.add_paragraph(style="List Bullet"), m.group(2).strip())
        else:
            buf.append(line.strip())
    flush()


def build(source, out):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    code_style(doc)
    i = 0
    while i < len(lines):
        line = lines[i]
        s = line.strip()
        if not s:
            i += 1
        elif s.startswith("```"):
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i], style="Code")
                i += 1
            i += 1
        elif s.startswith("<!--"):
            while i < len(lines) and "-->" not in lines[i]:
                i += 1
            i += 1
        elif s.startswith("<"):
            block = []
            while i < len(lines) and lines[i].strip():
                block.append(lines[i])
                i += 1
            for piece in TAG.split(" ".join(block)):
                text = " ".join(piece.split())
                if text:
                    add_inline(doc.add_paragraph(), text)
        elif HEADING.match(s):
            m = HEADING.match(s)
            doc.add_heading("", level=len(m.group(1)))
            add_inline(doc.paragraphs[-1], m.group(2).strip())
            i += 1
        elif s.startswith("|"):
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(doc, rows)
        elif s.startswith(">"):
            quote = []
            while i < len(lines) and lines[i].strip().startswith(">"):
                quote.append(re.sub(r"^\s*>\s?", "", lines[i]))
                i += 1
            add_quote(doc, quote)
        elif BULLET.match(line) or NUMBER.match(line):
            style = "List Bullet" if BULLET.match(line) else "List Number"
            text = (BULLET.match(line) or NUMBER.match(line)).group(2).strip()
            i += 1
            while i < len(lines) and lines[i].startswith("  ") and not is_block_start(lines[i]):
                text += " " + lines[i].strip()
                i += 1
            add_inline(doc.add_paragraph(style=style), text)
        else:
            buf = [s]
            i += 1
            while i < len(lines) and not is_block_start(lines[i]):
                buf.append(lines[i].strip())
                i += 1
            text = " ".join(buf)
            if clean(text).strip():
                add_inline(doc.add_paragraph(), text)
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    build(sys.argv[2] if len(sys.argv) == 3 else "package/README.md", sys.argv[1])
