"""Build form_data-readme.docx: the README of the npm package form-data laid out as Word.

Source: README.md of form-data 4.0.6 from the npm registry
(``npm pack form-data@4.0.6 && tar xzf form-data-4.0.6.tgz`` -> ``package/README.md``).

Usage: python build_form_data-readme.py OUT.docx [SOURCE]
    SOURCE defaults to package/README.md in the current directory.

Licence: form-data is released under the MIT licence (Copyright (c) 2012 Felix Geisendoerfer
and contributors); the README is redistributed here under the same terms.

Mapping (no sentence is reworded; only Markdown markup is turned into Word formatting):
    "# " .. "#### " headings     -> Heading 1 .. Heading 4
    "- " list items              -> List Bullet
    "1. " list items             -> List Number
    ``` fenced code blocks         -> one paragraph per line in a 'Code' paragraph style
    pipe tables                  -> Word tables (first row bold)
    other text lines             -> Normal paragraphs (soft-wrapped lines joined by a space)
    **bold** / __bold__          -> bold runs; *italic* / _italic_ -> italic runs
    `code` spans                 -> runs in Courier New, text unchanged
    [text](url) links            -> their text; badge images ![..](..) and link
                                    reference definitions ("[id]: url") are left out.
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

IMAGE_LINK = re.compile(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)")
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(([^)]*)\)")
REF_LINK = re.compile(r"\[([^\[\]]+)\]\[[^\]]*\]")
REF_DEF = re.compile(r"^\[[^\]]+\]:\s+\S+")
CODE_SPAN = re.compile(r"(`+)(.+?)\1")
EMPHASIS = re.compile(
    r"\*\*(?P<b1>.+?)\*\*|(?<![A-Za-z0-9])__(?P<b2>.+?)__(?![A-Za-z0-9])"
    r"|\*(?P<i1>[^*\s][^*]*?)\*|(?<![A-Za-z0-9_])_(?P<i2>[^_\s].*?)(?<!_)_(?![A-Za-z0-9_])"
)


def clean_links(text):
    """Drop badge images and keep only the visible text of links."""
    text = IMAGE_LINK.sub("", text)
    text = IMAGE.sub("", text)
    text = LINK.sub(lambda m: m.group(1), text)
    text = REF_LINK.sub(lambda m: m.group(1), text)
    return text


def emphasis_runs(text, bold=False, italic=False):
    """Split text without code spans into (text, bold, italic, code) pieces."""
    pieces = []
    pos = 0
    for m in EMPHASIS.finditer(text):
        if m.start() > pos:
            pieces.append((text[pos:m.start()], bold, italic, False))
        if m.group("b1") is not None or m.group("b2") is not None:
            inner = m.group("b1") if m.group("b1") is not None else m.group("b2")
            pieces += emphasis_runs(inner, True, italic)
        else:
            inner = m.group("i1") if m.group("i1") is not None else m.group("i2")
            pieces += emphasis_runs(inner, bold, True)
        pos = m.end()
    if pos < len(text):
        pieces.append((text[pos:], bold, italic, False))
    return pieces


def inline_runs(text):
    """Turn one line of Markdown inline text into formatted pieces."""
    text = clean_links(text)
    pieces = []
    pos = 0
    for m in CODE_SPAN.finditer(text):
        pieces += emphasis_runs(text[pos:m.start()])
        pieces.append((m.group(2), False, False, True))
        pos = m.end()
    pieces += emphasis_runs(text[pos:])
    return [p for p in pieces if p[0]]


def add_text(paragraph, text):
    for piece, bold, italic, code in inline_runs(text):
        run = paragraph.add_run(piece)
        run.bold = bold or None
        run.italic = italic or None
        if code:
            run.font.name = "Courier New"


def code_style(document):
    style = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def split_row(line):
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def build(source, out):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    document = Document()
    code_style(document)
    para = []
    para_style = None

    def flush():
        nonlocal para, para_style
        if para:
            p = document.add_paragraph(style=para_style)
            add_text(p, " ".join(s.strip() for s in para))
        para = []
        para_style = None

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                document.add_paragraph(lines[i].rstrip(), style="Code")
                i += 1
            i += 1
            continue
        if not stripped or REF_DEF.match(stripped):
            flush()
            i += 1
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", stripped)
        if heading:
            flush()
            level = min(len(heading.group(1)), 4)
            p = document.add_heading(level=level)
            add_text(p, clean_links(heading.group(2)).strip())
            i += 1
            continue
        if stripped.startswith("|") and i + 1 < len(lines) and re.match(r"^\|?\s*:?-+", lines[i + 1].strip()):
            flush()
            header = split_row(stripped)
            rows = []
            i += 2
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(split_row(lines[i]))
                i += 1
            table = document.add_table(rows=1 + len(rows), cols=len(header))
            table.style = "Table Grid"
            for r, cells in enumerate([header] + rows):
                for c, cell in enumerate(cells[: len(header)]):
                    p = table.cell(r, c).paragraphs[0]
                    add_text(p, cell)
                    if r == 0:
                        for run in p.runs:
                            run.bold = True
            continue
        bullet = re.match(r"^[-*+]\s+(.*)$", stripped)
        number = re.match(r"^\d+\.\s+(.*)$", stripped)
        if bullet or number:
            flush()
            para = [(bullet or number).group(1)]
            para_style = "List Bullet" if bullet else "List Number"
            i += 1
            continue
        if not clean_links(stripped).strip():
            flush()
            i += 1
            continue
        para.append(stripped)
        i += 1
    flush()
    document.save(out)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    build(sys.argv[2] if len(sys.argv) > 2 else "package/README.md", sys.argv[1])
