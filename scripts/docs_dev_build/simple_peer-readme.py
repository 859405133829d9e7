"""Build simple_peer-readme.docx from the simple-peer README.md.

Usage: python build_simple_peer-readme.py OUT.docx SOURCE

SOURCE is ``package/README.md`` from the npm tarball ``simple-peer-9.11.1.tgz``
(``npm pack simple-peer@9.11.1``). simple-peer is MIT licensed, Copyright (c)
Feross Aboukhadijeh (see the README's "license" section and package.json).

The text is copied without rewording; only the Markdown layout is mapped to Word:

* ``#`` .. ``#####`` headings -> "Heading 1" .. "Heading 5" (badge images in a
  heading are dropped, the heading text is kept);
* paragraphs (wrapped source lines joined with a space) -> "Normal";
* ``-``/``*`` list items -> "List Bullet", nested items -> "List Bullet 2";
* ``>`` block quotes -> "Quote";
* fenced code blocks -> one paragraph in a monospaced "Code" style, line breaks kept;
* pipe tables (if any) -> Word tables with the "Table Grid" style, header row bold;
* inline ``**bold**``, ``*italic*`` and ```code``` -> bold, italic and Courier New runs;
* links -> their text; images -> their alt text; link reference definitions,
  badge-only lines and HTML tags are dropped (the text inside HTML is kept,
  an ``<img>`` gives its alt text, entities such as ``&nbsp;`` are decoded).

Core properties carry fixed dates so that a rebuild gives the same document.
"""

import datetime
import html
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

FIXED = datetime.datetime(2024, 1, 1, 0, 0, 0)
MONO = "Courier New"

REF_DEF = re.compile(r"^\[[^\]]+\]:\s+\S+")
BADGE = re.compile(r"\[!\[[^\]]*\](?:\[[^\]]*\]|\([^)]*\))\](?:\[[^\]]*\]|\([^)]*\))")
IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
INLINE = re.compile(r"(\*\*[^*]+\*\*|`[^`]+`|\*[^*\s][^*]*\*)")


def clean_html(text):
    """Replace <img> by its alt text, drop other tags, decode entities."""
    text = re.sub(r"<img[^>]*\balt=\"([^\"]*)\"[^>]*>", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    return html.unescape(text)


def plain(text):
    """Resolve links, images and HTML to their visible text (inline marks kept).

    Code spans are set aside first so that HTML inside them stays as written.
    """
    spans = []

    def keep(match):
        spans.append(match.group(0))
        return f"\x00{len(spans) - 1}\x00"

    text = re.sub(r"`[^`]+`", keep, text)
    text = BADGE.sub("", text)
    text = IMAGE.sub(r"\1", text)
    text = LINK.sub(r"\1", text)
    text = REF_LINK.sub(r"\1", text)
    text = clean_html(text)
    text = re.sub(r"\x00(\d+)\x00", lambda m: spans[int(m.group(1))], text)
    return re.sub(r"[ \t]+", " ", text).strip()


def add_inline(par, text):
    """Add text to a paragraph, mapping **bold**, *italic* and `code` to runs."""
    for piece in INLINE.split(plain(text)):
        if not piece:
            continue
        if piece.startswith("**") and piece.endswith("**") and len(piece) > 4:
            par.add_run(piece[2:-2]).bold = True
        elif piece.startswith("`") and piece.endswith("`") and len(piece) > 2:
            par.add_run(piece[1:-1]).font.name = MONO
        elif piece.startswith("*") and piece.endswith("*") and len(piece) > 2:
            par.add_run(piece[1:-1]).italic = True
        else:
            par.add_run(piece)


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = MONO
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(6)
    return style


def split_row(line):
    cells = line.strip().strip("|").split("|")
    return [c.strip() for c in cells]


def add_table(doc, rows):
    header, body = rows[0], rows[2:]
    table = doc.add_table(rows=0, cols=len(header))
    table.style = doc.styles["Table Grid"]
    for i, row in enumerate([header] + body):
        cells = table.add_row().cells
        for j, value in enumerate(row[: len(header)]):
            par = cells[j].paragraphs[0]
            add_inline(par, value)
            if i == 0:
                for run in par.runs:
                    run.bold = True


def build(src, out):
    lines = Path(src).read_text(encoding="utf-8").split("\n")
    doc = Document()
    code_style(doc)
    props = doc.core_properties
    props.title = "simple-peer"
    props.subject = "README of simple-peer 9.11.1"
    props.author = "Feross Aboukhadijeh"
    props.created = props.modified = props.last_printed = FIXED
    props.revision = 1

    para = []  # pending paragraph lines
    kind = None  # "p", "quote", ("list", level)

    def flush():
        nonlocal para, kind
        if para:
            text = " ".join(s.strip() for s in para)
            if plain(text):
                if kind == "quote":
                    add_inline(doc.add_paragraph(style="Quote"), text)
                elif isinstance(kind, tuple):
                    style = "List Bullet" if kind[1] == 0 else "List Bullet 2"
                    add_inline(doc.add_paragraph(style=style), text)
                else:
                    add_inline(doc.add_paragraph(), text)
        para, kind = [], None

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            block = []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                block.append(lines[i])
                i += 1
            doc.add_paragraph(style="Code").add_run("\n".join(block))
            i += 1
            continue
        if not stripped or REF_DEF.match(stripped):
            flush()
            i += 1
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        if heading:
            flush()
            level = min(len(heading.group(1)), 5)
            add_inline(doc.add_heading(level=level), heading.group(2))
            i += 1
            continue
        if stripped.startswith("|") and i + 1 < len(lines) and re.match(r"^\|?[\s:|-]+\|?$", lines[i + 1].strip()):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(split_row(lines[i]))
                i += 1
            add_table(doc, rows)
            continue
        if stripped.startswith(">"):
            if kind != "quote":
                flush()
                kind = "quote"
            body = stripped[1:].strip()
            if body:
                para.append(body)
            else:
                flush()
                kind = "quote"
            i += 1
            continue
        item = re.match(r"^(\s*)[-*+]\s+(.*)$", line)
        if item:
            flush()
            kind = ("list", 0 if len(item.group(1)) < 2 else 1)
            para = [item.group(2)]
            i += 1
            continue
        if stripped.startswith("<") and not para:
            # an HTML block: gather it up to the next blank line
            flush()
            block = []
            while i < len(lines) and lines[i].strip():
                block.append(lines[i].strip())
                i += 1
            text = " ".join(block)
            if plain(text):
                add_inline(doc.add_paragraph(), text)
            continue
        if kind is None:
            kind = "p"
        para.append(stripped)
        i += 1
    flush()
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[2], sys.argv[1])
