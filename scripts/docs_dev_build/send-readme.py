"""Lay out the README of the npm package ``send`` as a Word document.

Source: README.md of send 1.2.1 from the npm registry
(``npm pack send`` -> ``send-1.2.1.tgz`` -> ``package/README.md``),
the Node.js library that streams files from the file system as an HTTP
response (pillarjs/send).

Usage: python build_send-readme.py OUT.docx [SOURCE]
    SOURCE defaults to ``package/README.md`` beside the current directory.

Licence: the README is part of send, MIT licence
(Copyright (c) 2012 TJ Holowaychuk and later contributors); the text is
copied without rewording and may be redistributed under that licence.

Mapping from Markdown to Word (no sentence is reworded):
    ``# title``                  -> Title
    ``## .. #####`` headings     -> Heading 1 .. Heading 4
    paragraphs (joined lines)    -> Normal
    ``- item`` / ``* item``      -> List Bullet
    ``1. item``                  -> List Number
    fenced code blocks           -> one 'Code' paragraph per line (Courier New)
    ``| a | b |`` tables         -> Word tables (first row in bold)
    ``code`` spans               -> Courier New runs; ``_x_`` -> italic;
                                    ``__x__`` / ``**x**`` -> bold
    ``[text](url)`` links        -> their text
    badge images and link reference definitions (not text a reader sees)
    are left out.
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|__[^_]+__|_[^_\s][^_]*_)")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
REFDEF = re.compile(r"^\[[^\]]+\]:\s+\S+")
BADGE = re.compile(r"^\[!\[.*\]\[.*\]\]\[.*\]$")


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def add_inline(par, text):
    text = LINK.sub(r"\1", text)
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`"):
            run = par.add_run(part[1:-1])
            run.font.name = "Courier New"
        elif part[:2] in ("**", "__") and part[-2:] == part[:2] and len(part) > 4:
            par.add_run(part[2:-2]).bold = True
        elif part.startswith("_") and part.endswith("_") and len(part) > 2:
            par.add_run(part[1:-1]).italic = True
        else:
            par.add_run(part)


def add_table(doc, rows):
    cells = [[c.strip() for c in r.strip().strip("|").split("|")] for r in rows]
    cells = [r for r in cells if not all(set(c) <= set("-: ") for c in r)]
    table = doc.add_table(rows=len(cells), cols=len(cells[0]))
    table.style = "Table Grid"
    for i, row in enumerate(cells):
        for j, value in enumerate(row):
            par = table.cell(i, j).paragraphs[0]
            add_inline(par, value)
            if i == 0:
                for run in par.runs:
                    run.bold = True


def build(source, out):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    code_style(doc)
    para = []
    item = None

    def flush():
        nonlocal para, item
        if para:
            add_inline(doc.add_paragraph(), " ".join(para))
        if item:
            add_inline(doc.add_paragraph(style=item[0]), " ".join(item[1]))
        para, item = [], None

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i], style="Code")
                i += 1
        elif not stripped or BADGE.match(stripped) or REFDEF.match(stripped):
            flush()
        elif stripped.startswith("#"):
            flush()
            level = len(stripped) - len(stripped.lstrip("#"))
            text = LINK.sub(r"\1", stripped[level:].strip())
            if level == 1:
                doc.add_heading(text, level=0)
            else:
                doc.add_heading(text, level=min(level - 1, 9))
        elif stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(doc, rows)
            continue
        elif re.match(r"^[-*] ", stripped):
            flush()
            item = ("List Bullet", [stripped[2:].strip()])
        elif re.match(r"^\d+\. ", stripped):
            flush()
            item = ("List Number", [stripped.split(" ", 1)[1].strip()])
        elif item:
            item[1].append(stripped)
        else:
            para.append(stripped)
        i += 1
    flush()
    doc.core_properties.title = "send"
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    build(sys.argv[2] if len(sys.argv) > 2 else "package/README.md", sys.argv[1])
