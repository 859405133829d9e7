"""Lay out the README of kleur as a Word document.

Source: the readme.md of the npm package kleur 4.1.5 (`npm pack kleur`, then
`tar xzf kleur-4.1.5.tgz`: `package/readme.md`), "The fastest Node.js library for
formatting terminal text with ANSI colors~!", by Luke Edwards.

Usage: python build_kleur-readme.py OUT.docx [SOURCE]
    SOURCE defaults to fetch/npm/kl/package/readme.md (relative to the batch folder,
    the folder above this script).

Licence: kleur is released under the MIT License (package/license, package.json
`license`), which permits redistribution of this adapted layout with its notice.

Mapping (no sentence is reworded; only Markdown and HTML markup is replaced by Word layout):
    the logo <img alt="kleur">          -> Title paragraph holding the alt text "kleur"
    badge <div>s (links and images)     -> dropped
    a <div> holding only text           -> centred Normal paragraph
    ## / ### headings                   -> Heading 1 / Heading 2
    paragraphs (wrapped lines)          -> Normal paragraphs, lines joined with one space
    "* " / "- " list items              -> List Bullet paragraphs
    "1. " list items                    -> List Number paragraphs (none in this README)
    "> " block quotes                   -> Quote paragraphs
    ``` fenced code blocks              -> one 'Code' paragraph (Courier New 9 pt) per line
    Markdown tables                     -> Word tables, first row bold (none in this README)
    `inline code`                       -> Courier New run; **bold** -> bold run;
                                           ***bold italic*** -> bold italic run;
                                           _em_ and <em>em</em> -> italic run
    [text](#anchor) links               -> their text
    <br> / <br/>                        -> a line break inside the paragraph
    <sup>, <em> and other inline tags   -> their text; &mdash; -> an em dash
    "---" rules and <img> screenshots   -> dropped
"""
import html
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

DEFAULT_SOURCE = Path(__file__).resolve().parent.parent / "fetch/npm/kl/package/readme.md"
INLINE = re.compile(r"(`[^`]+`|\*\*\*[^*]+\*\*\*|\*\*[^*]+\*\*|<em>.*?</em>|(?<![\w])_[^_]+_(?![\w]))")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
BREAK = re.compile(r"<br\s*/?>")
TAG = re.compile(r"</?(?:sup|sub|span|b|i|strong)\b[^>]*>")
BLOCK_START = re.compile(r"^(#|```|>|\s*[-*] |\s*\d+\. |<|---)")


def code_style(document):
    """The 'Code' paragraph style: monospaced, small, no space between lines."""
    styles = document.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def add_inline(paragraph, text):
    """Add text to a paragraph, turning inline markup into run formatting."""
    text = LINK.sub(r"\1", text)
    text = TAG.sub("", text)
    pieces = BREAK.split(text)
    for n, piece in enumerate(pieces):
        if n:
            paragraph.add_run("\n")
        for part in INLINE.split(piece):
            if not part:
                continue
            if part.startswith("`") and part.endswith("`"):
                run = paragraph.add_run(html.unescape(part[1:-1]))
                run.font.name = "Courier New"
            elif part.startswith("***") and part.endswith("***"):
                run = paragraph.add_run(html.unescape(part[3:-3]))
                run.bold = True
                run.italic = True
            elif part.startswith("**") and part.endswith("**"):
                paragraph.add_run(html.unescape(part[2:-2])).bold = True
            elif part.startswith("<em>"):
                paragraph.add_run(html.unescape(part[4:-5])).italic = True
            elif part.startswith("_") and part.endswith("_") and len(part) > 2:
                paragraph.add_run(html.unescape(part[1:-1])).italic = True
            else:
                paragraph.add_run(html.unescape(part))


def add_lines(paragraph, lines):
    """Add wrapped source lines as one paragraph, joined with single spaces."""
    for i, line in enumerate(lines):
        text = line.strip()
        if i and paragraph.runs and not paragraph.runs[-1].text.endswith("\n"):
            text = " " + text
        add_inline(paragraph, text)


def split_row(line):
    return [c.strip() for c in line.strip().strip("|").split("|")]


def add_table(document, rows):
    header, body = rows[0], rows[2:]
    table = document.add_table(rows=1 + len(body), cols=len(header))
    table.style = "Table Grid"
    for r, cells in enumerate([header, *body]):
        for c, text in enumerate(cells):
            paragraph = table.cell(r, c).paragraphs[0]
            add_inline(paragraph, text)
            if r == 0:
                for run in paragraph.runs:
                    run.bold = True


def add_div(document, block):
    """A <div> block: the logo becomes the title, badges are dropped, text is kept."""
    joined = " ".join(line.strip() for line in block)
    logo = re.search(r'<img src="shots/logo\.png" alt="([^"]+)"', joined)
    if logo:
        document.add_paragraph(logo.group(1), style="Title")
        return
    inner = re.sub(r"^<div[^>]*>|</div>$", "", joined).strip()
    if "<a " in inner or "<img" in inner or not inner:
        return
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_inline(paragraph, inner)


def build(source, out):
    document = Document()
    code = code_style(document)
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if not stripped or stripped == "---" or stripped.startswith("<img"):
            i += 1
            continue
        if stripped.startswith("<div"):
            block = []
            while i < len(lines):
                block.append(lines[i])
                i += 1
                if "</div>" in block[-1]:
                    break
            add_div(document, block)
            continue
        if stripped.startswith("```"):
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                document.add_paragraph(lines[i], style=code)
                i += 1
            i += 1
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", stripped)
        if heading:
            level = len(heading.group(1)) - 1
            paragraph = document.add_heading(level=min(max(level, 1), 9))
            add_inline(paragraph, heading.group(2))
            i += 1
            continue
        if stripped.startswith("|") and i + 1 < len(lines) and re.match(r"^\|?\s*:?-+", lines[i + 1].strip()):
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(split_row(lines[i]))
                i += 1
            add_table(document, rows)
            continue
        item = re.match(r"^\s*([-*]|\d+\.)\s+(.*)$", line)
        if item:
            style = "List Number" if item.group(1)[0].isdigit() else "List Bullet"
            body = [item.group(2)]
            i += 1
            while i < len(lines) and lines[i].startswith("  ") and lines[i].strip():
                body.append(lines[i])
                i += 1
            add_lines(document.add_paragraph(style=style), body)
            continue
        if stripped.startswith(">"):
            body = []
            while i < len(lines) and lines[i].strip().startswith(">"):
                body.append(lines[i].strip()[1:].strip())
                i += 1
            add_lines(document.add_paragraph(style="Quote"), body)
            continue
        body = []
        while i < len(lines) and lines[i].strip() and not BLOCK_START.match(lines[i].strip()):
            body.append(lines[i])
            i += 1
        if not body:
            body = [lines[i]]
            i += 1
        add_lines(document.add_paragraph(), body)
    document.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    build(sys.argv[2] if len(sys.argv) == 3 else DEFAULT_SOURCE, sys.argv[1])
