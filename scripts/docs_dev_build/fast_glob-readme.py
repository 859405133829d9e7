"""Lay out the README of the npm package fast-glob as a Word document.

Source: README.md of fast-glob 3.3.3 (https://github.com/mrmlnc/fast-glob), fetched with
`npm pack fast-glob@3.3.3 && tar xzf fast-glob-3.3.3.tgz`, which leaves it at
package/README.md.

Usage: python build_fast_glob-readme.py OUT.docx [SOURCE]
    SOURCE defaults to package/README.md (relative to the current directory).

Licence: fast-glob and its README are under the MIT License (Copyright (c) Denis Malinochkin);
the document keeps the text unchanged, so the same licence applies to OUT.docx.

Mapping (the wording is never changed, only the Markdown markup becomes Word layout):
    "# ..." to "#### ..."            -> Heading 1 to Heading 4 ("#####" -> Heading 5)
    paragraph lines                  -> one Normal paragraph (soft line breaks become spaces)
    "* ..." / "- ..." items          -> List Bullet; items indented by two spaces or a tab
                                        -> List Bullet 2, by four spaces -> List Bullet 3
    "1. ..." items                   -> List Number
    "> ..." block quotes             -> Quote paragraphs
    fenced ``` code blocks           -> one 'Code' paragraph per line (Courier New, 9 pt)
    Markdown tables                  -> Word tables (style "Table Grid"), header row in bold
    `code`                           -> run in Courier New (its text kept as written)
    **bold** / *italic*              -> bold / italic runs
    [text](url) and [text][ref]      -> the link text
    link reference definitions       -> left out (they are targets, not text)
    <details> / </details>           -> left out; <summary>text</summary> -> Normal paragraph
    :warning: / :book: / :1234:      -> the emoji GitHub shows for them
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

CODE_SPAN = re.compile(r"(`[^`]+`)")
STRONG_EM = re.compile(r"(\*\*[^*]+\*\*|(?<![\w*])\*[^*\s][^*]*\*(?![\w*]))")
LINK = re.compile(r"\[((?:[^\[\]]|\[[^\]]*\])*)\](?:\([^)]*\)|\[[^\]]*\])")
REF_DEF = re.compile(r"^\s*\[[^\]]+\]:\s+\S+")
HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
BULLET = re.compile(r"^([ \t]*)[-*]\s+(.*)$")
NUMBER = re.compile(r"^([ \t]*)\d+[.)]\s+(.*)$")
TAG = re.compile(r"<[^>]+>")
EMOJI = {":warning:": "\u26a0\ufe0f", ":book:": "\U0001f4d6", ":1234:": "\U0001f522"}


def strip_links(text):
    """Replace links by their text (done before code spans, as links may wrap them)."""
    return LINK.sub(r"\1", text)


def emoji(text):
    """Replace GitHub emoji shortcodes by the emoji."""
    for code, char in EMOJI.items():
        text = text.replace(code, char)
    return text


def add_inline(par, text):
    """Add text to par, turning inline Markdown markup into runs."""
    for part in CODE_SPAN.split(text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 2:
            run = par.add_run(part[1:-1])
            run.font.name = "Courier New"
            continue
        for piece in STRONG_EM.split(emoji(part)):
            if not piece:
                continue
            if piece.startswith("**") and piece.endswith("**") and len(piece) > 4:
                par.add_run(piece[2:-2]).bold = True
            elif len(piece) > 2 and piece[0] == piece[-1] == "*":
                par.add_run(piece[1:-1]).italic = True
            else:
                par.add_run(piece)


def code_style(doc):
    """Create the 'Code' paragraph style."""
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def split_row(line):
    """Cells of a Markdown table row."""
    line = line.strip().removeprefix("|").removesuffix("|")
    return [c.strip() for c in line.split("|")]


def add_table(doc, rows):
    """Add a Word table from Markdown table lines (the second line is the rule)."""
    cells = [split_row(r) for i, r in enumerate(rows) if i != 1]
    width = max(len(r) for r in cells)
    table = doc.add_table(rows=len(cells), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(cells):
        for c in range(width):
            par = table.cell(r, c).paragraphs[0]
            add_inline(par, strip_links(row[c] if c < len(row) else ""))
            if r == 0:
                for run in par.runs:
                    run.bold = True


def list_style(indent, numbered):
    """Word list style for an item with the given leading white space."""
    depth = len(indent.replace("\t", "  ")) // 2
    base = "List Number" if numbered else "List Bullet"
    return base if depth == 0 else f"{base} {min(depth, 2) + 1}"


def is_block_start(line):
    """True if line starts something other than a running paragraph."""
    s = line.strip()
    return (not s or s.startswith(("```", "|", ">", "<")) or HEADING.match(s)
            or BULLET.match(line) or NUMBER.match(line))


def add_quote(doc, lines):
    """Lay out the lines of one block quote: one Quote paragraph per paragraph."""
    buf = []
    for line in lines + [""]:
        if line.strip():
            buf.append(line.strip())
        elif buf:
            add_inline(doc.add_paragraph(style="Quote"), strip_links(" ".join(buf)))
            buf.clear()


def build(source, out):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    code_style(doc)
    i = 0
    while i < len(lines):
        line = lines[i]
        s = line.strip()
        if not s or REF_DEF.match(line):
            i += 1
        elif s.startswith("```"):
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i].replace("\t", "    "), style="Code")
                i += 1
            i += 1
        elif s.startswith("<"):
            text = " ".join(TAG.sub(" ", s).split())
            if text:
                add_inline(doc.add_paragraph(), text)
            i += 1
        elif HEADING.match(s):
            m = HEADING.match(s)
            doc.add_heading("", level=len(m.group(1)))
            add_inline(doc.paragraphs[-1], strip_links(m.group(2).strip()))
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
            m = BULLET.match(line) or NUMBER.match(line)
            style = list_style(m.group(1), not BULLET.match(line))
            text = m.group(2).strip()
            i += 1
            while i < len(lines) and lines[i].startswith("  ") and not is_block_start(lines[i]):
                text += " " + lines[i].strip()
                i += 1
            add_inline(doc.add_paragraph(style=style), strip_links(text))
        else:
            buf = [s]
            i += 1
            while i < len(lines) and not is_block_start(lines[i]):
                buf.append(lines[i].strip())
                i += 1
            add_inline(doc.add_paragraph(), strip_links(" ".join(buf)))
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    build(sys.argv[2] if len(sys.argv) == 3 else "package/README.md", sys.argv[1])
