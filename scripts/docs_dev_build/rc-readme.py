"""Build rc-readme.docx: the README of rc, "the non-configurable configuration
loader for lazy people" (Dominic Tarr's npm package), laid out as Word.

Source: README.md of the npm package rc 1.2.8
(`npm pack rc@1.2.8 && tar xzf rc-1.2.8.tgz`, then
`cp package/README.md fetch/rc/README.md`).

Usage: python build_rc-readme.py OUT.docx [SOURCE]
    SOURCE defaults to ../fetch/rc/README.md (relative to this script).

Licence: rc and its README are multi-licensed under the two-clause BSD
License, MIT License, or Apache License, version 2.0 (package.json:
"(BSD-2-Clause OR MIT OR Apache-2.0)"; README section "License"); the Word
file is a re-layout of that text and carries the same licence.

Mapping (no sentence is reworded; text is copied as it stands):
    "# " title line                    -> Title style
    "## " headings                     -> Heading 1
    "### " headings                    -> Heading 2
    "#### " headings                   -> Heading 3
    "  * " list items                  -> List Bullet
    list items indented 4+ spaces      -> List Bullet 2
    "1. " numbered items               -> List Number
    fenced code blocks (```)           -> one 'Code' paragraph per line
    "> " block quotes                  -> Quote style
    Markdown tables (| a | b |)        -> Word tables (header row bold)
    ordinary paragraphs                -> Normal, lines joined by one space
    inline markup                      -> `code` as Courier New runs,
                                          **text** as bold runs,
                                          *text* / _text_ as italic runs,
                                          [text](url) as its text,
                                          <br/> as a line break,
                                          backslash escapes as the bare character
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE.parent / "fetch" / "rc" / "README.md"

LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*\)")
INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|\*[^*\s][^*]*\*|\b_[^_\s][^_]*_\b|_\([^)]*\)_|<br/>)")
HEADING = re.compile(r"^(#{1,6}) +(.*?)\s*$")
BULLET = re.compile(r"^( *)[-*] +(.*)$")
NUMBER = re.compile(r"^( *)\d+\. +(.*)$")
ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>])")

HIDDEN_UNDERSCORE = "\ue000"
HEADING_STYLE = {1: "Title", 2: "Heading 1", 3: "Heading 2", 4: "Heading 3"}


def code_style(doc):
    """Return the 'Code' paragraph style, creating it when missing."""
    styles = doc.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def unescape(text):
    """Drop Markdown backslash escapes."""
    return ESCAPE.sub(r"\1", text).replace(HIDDEN_UNDERSCORE, "_")


def add_inline(paragraph, text):
    """Append text to a paragraph, turning inline Markdown into runs."""
    text = LINK.sub(r"\1", text).replace("\\_", HIDDEN_UNDERSCORE)
    for piece in INLINE.split(text):
        if not piece:
            continue
        if piece == "<br/>":
            paragraph.add_run().add_break()
        elif piece.startswith("`") and piece.endswith("`") and len(piece) > 1:
            run = paragraph.add_run(piece[1:-1])
            run.font.name = "Courier New"
        elif piece.startswith("**") and piece.endswith("**") and len(piece) > 4:
            paragraph.add_run(unescape(piece[2:-2])).bold = True
        elif len(piece) > 2 and piece[0] == piece[-1] and piece[0] in "*_":
            inner = piece[1:-1]
            for sub in re.split(r"(`[^`]+`)", inner):
                if not sub:
                    continue
                if sub.startswith("`"):
                    run = paragraph.add_run(sub[1:-1])
                    run.font.name = "Courier New"
                else:
                    run = paragraph.add_run(unescape(sub))
                run.italic = True
        else:
            paragraph.add_run(unescape(piece))


def is_table_row(line):
    """Tell whether a line is a Markdown table row."""
    return line.strip().startswith("|") and line.strip().endswith("|")


def table_cells(line):
    """Split a Markdown table row into its cell texts."""
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def add_table(doc, rows):
    """Lay out Markdown table rows (header, rule, body) as a Word table."""
    body = [r for r in rows if not re.fullmatch(r"[\s|:\-]+", r)]
    cells = [table_cells(r) for r in body]
    width = max(len(r) for r in cells)
    table = doc.add_table(rows=len(cells), cols=width)
    table.style = "Table Grid"
    for i, row in enumerate(cells):
        for j, text in enumerate(row):
            para = table.cell(i, j).paragraphs[0]
            add_inline(para, text)
            if i == 0:
                for run in para.runs:
                    run.bold = True


def build(source, out):
    """Read the Markdown README at source and write the Word file out."""
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    code = code_style(doc)
    i = 0
    para_lines = []

    def flush():
        if para_lines:
            add_inline(doc.add_paragraph(style="Normal"), " ".join(para_lines))
            para_lines.clear()

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i].rstrip(), style=code)
                i += 1
            i += 1
            continue
        if not stripped:
            flush()
            i += 1
            continue
        heading = HEADING.match(line)
        if heading:
            flush()
            level = len(heading.group(1))
            para = doc.add_paragraph(style=HEADING_STYLE.get(level, "Heading 3"))
            add_inline(para, heading.group(2))
            i += 1
            continue
        if is_table_row(line):
            flush()
            rows = []
            while i < len(lines) and is_table_row(lines[i]):
                rows.append(lines[i])
                i += 1
            add_table(doc, rows)
            continue
        item = BULLET.match(line) or NUMBER.match(line)
        if item:
            flush()
            numbered = NUMBER.match(line) is not None
            text = [item.group(2).strip()]
            i += 1
            while i < len(lines) and lines[i].strip() and not (
                BULLET.match(lines[i]) or NUMBER.match(lines[i]) or HEADING.match(lines[i])
            ):
                text.append(lines[i].strip())
                i += 1
            if numbered:
                style = "List Number"
            else:
                style = "List Bullet 2" if len(item.group(1)) >= 4 else "List Bullet"
            add_inline(doc.add_paragraph(style=style), " ".join(text))
            continue
        if stripped.startswith(">"):
            flush()
            quote = []
            while i < len(lines) and lines[i].strip().startswith(">"):
                quote.append(lines[i].strip().lstrip(">").strip())
                i += 1
            add_inline(doc.add_paragraph(style="Quote"), " ".join(q for q in quote if q))
            continue
        para_lines.append(stripped)
        i += 1
    flush()
    doc.core_properties.title = "rc"
    doc.core_properties.subject = "README of the npm package rc 1.2.8"
    doc.save(out)


def main(argv):
    """Command-line entry point."""
    if len(argv) not in (2, 3):
        sys.exit("usage: python build_rc-readme.py OUT.docx [SOURCE]")
    source = argv[2] if len(argv) == 3 else DEFAULT_SOURCE
    build(source, argv[1])


if __name__ == "__main__":
    main(sys.argv)
