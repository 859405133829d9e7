"""Lay out the dargs README as a Word document, without rewording it.

Source: readme.md of the npm package dargs 8.1.0 (`npm pack dargs@8.1.0`,
then `tar xzf dargs-8.1.0.tgz`; the file is package/readme.md).

Usage: python build_dargs-readme.py OUT.docx [SOURCE]
    SOURCE defaults to fetch/n_dargs-8.1.0/package/readme.md.

Licence: dargs is MIT-licensed (c) Sindre Sorhus (package/license); the
README text is reproduced unchanged under that licence.

Mapping from Markdown to Word:
    # .. ######            -> Title (level 1) / Heading 1..5
    paragraphs             -> Normal paragraphs (lines joined with a space;
                              a trailing backslash becomes a line break)
    > quoted line          -> Quote style
    - item / * item        -> List Bullet
    1. item                -> List Number
    | table |              -> Word table (Table Grid), first row bold
    ```fenced code```      -> one 'Code' paragraph per line (Courier New)
    `inline code`          -> run in Courier New
    **bold**, *italic*     -> bold / italic runs
    [text](url)            -> the link text
    <html> blocks          -> their text, tags removed, one paragraph per line
                              (<br> becomes a line break)
    ---                    -> dropped (horizontal rule)
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "fetch/n_dargs-8.1.0/package/readme.md"
INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|\*[^*\s][^*]*\*|\[[^\]]*\]\([^)]*\))")
TAG = re.compile(r"<[^>]+>")


def add_code_style(doc):
    """Create the 'Code' paragraph style (monospace, no spacing)."""
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.space_before = Pt(0)
    return style


def add_runs(par, text):
    """Add text to a paragraph, turning inline Markdown into run formatting."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if i:
            par.add_run().add_break()
        for piece in INLINE.split(line):
            if not piece:
                continue
            if piece.startswith("`") and piece.endswith("`"):
                run = par.add_run(piece[1:-1])
                run.font.name = "Courier New"
            elif piece.startswith("**") and piece.endswith("**"):
                par.add_run(piece[2:-2]).bold = True
            elif piece.startswith("[") and "](" in piece:
                add_runs(par, piece[1:piece.index("](")])
            elif piece.startswith("*") and piece.endswith("*") and len(piece) > 2:
                par.add_run(piece[1:-1]).italic = True
            else:
                par.add_run(piece)


def flush_paragraph(doc, buf):
    """Write the collected paragraph lines as one Normal paragraph."""
    if not buf:
        return
    text = ""
    for line in buf:
        if text and not text.endswith("\n"):
            text += " "
        if line.endswith("\\"):
            text += line[:-1].rstrip() + "\n"
        else:
            text += line.strip()
    add_runs(doc.add_paragraph(), text.rstrip("\n"))
    buf.clear()


def add_table(doc, rows):
    """Write Markdown table rows (separator row removed) as a Word table."""
    cells = [[c.strip() for c in r.strip().strip("|").split("|")] for r in rows]
    cells = [r for r in cells if not all(re.fullmatch(r":?-+:?", c) for c in r)]
    table = doc.add_table(rows=len(cells), cols=max(len(r) for r in cells))
    table.style = "Table Grid"
    for i, row in enumerate(cells):
        for j, value in enumerate(row):
            par = table.cell(i, j).paragraphs[0]
            add_runs(par, value)
            if i == 0:
                for run in par.runs:
                    run.bold = True


def convert(source, out):
    """Convert the Markdown file SOURCE into the Word file OUT."""
    doc = Document()
    add_code_style(doc)
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    buf = []
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush_paragraph(doc, buf)
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i].replace("\t", "    "), style="Code")
                i += 1
        elif stripped.startswith("<"):
            flush_paragraph(doc, buf)
            while i < len(lines) and lines[i].strip():
                text = TAG.sub("", re.sub(r"<br\s*/?>", "\n", lines[i])).strip()
                if text:
                    add_runs(doc.add_paragraph(), text)
                i += 1
            continue
        elif re.match(r"#{1,6} ", stripped):
            flush_paragraph(doc, buf)
            level = len(stripped) - len(stripped.lstrip("#"))
            heading = doc.add_heading("", level=0 if level == 1 else min(level - 1, 9))
            add_runs(heading, stripped[level:].strip())
        elif stripped == "---":
            flush_paragraph(doc, buf)
        elif stripped.startswith("> "):
            flush_paragraph(doc, buf)
            add_runs(doc.add_paragraph(style="Quote"), stripped[2:])
        elif re.match(r"[-*] ", stripped):
            flush_paragraph(doc, buf)
            add_runs(doc.add_paragraph(style="List Bullet"), stripped[2:])
        elif re.match(r"\d+\. ", stripped):
            flush_paragraph(doc, buf)
            add_runs(doc.add_paragraph(style="List Number"), stripped.split(" ", 1)[1])
        elif stripped.startswith("|"):
            flush_paragraph(doc, buf)
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(doc, rows)
            continue
        elif not stripped:
            flush_paragraph(doc, buf)
        else:
            buf.append(line)
        i += 1
    flush_paragraph(doc, buf)
    doc.core_properties.title = "dargs"
    doc.save(out)


def main():
    """Command line entry point."""
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    source = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_SOURCE
    convert(source, sys.argv[1])


if __name__ == "__main__":
    main()
