"""Lay out the README of nopt (the Node.js option parser) as a Word document.

Source: README.md of the npm package nopt 9.0.0 (`npm pack nopt@9.0.0`, then
`tar xzf nopt-9.0.0.tgz package/README.md`), by Isaac Z. Schlueter and the npm team.

Usage: python build_nopt-readme.py OUT.docx [SOURCE]
    SOURCE defaults to package/README.md in the current directory.

Licence: nopt and its README are under the ISC licence (package.json "license": "ISC"),
which permits copying and redistribution; this layout keeps every sentence unchanged.

Mapping (Markdown -> Word), no sentence reworded:
    first untitled paragraphs  -> preceded by a Title paragraph "nopt"
    "## X" / "### X"          -> Heading 1 / Heading 2
    "* item" / "- item"       -> List Bullet (wrapped continuation lines joined)
    "1. item"                 -> List Number
    fenced code block         -> one paragraph per line in the 'Code' style (monospace)
    "| a | b |" table         -> Word table, first row bold (none in this README)
    other text                -> Normal paragraphs, hard-wrapped lines joined by spaces;
                                 `inline code` becomes a Courier New run, backticks dropped,
                                 **bold** becomes a bold run, markers dropped
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*)")


def add_runs(paragraph, text):
    """Add text to a paragraph, turning `code` and **bold** into formatted runs."""
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`"):
            run = paragraph.add_run(part[1:-1])
            run.font.name = "Courier New"
        elif part.startswith("**") and part.endswith("**"):
            paragraph.add_run(part[2:-2]).bold = True
        else:
            paragraph.add_run(part)


def code_style(document):
    """The 'Code' paragraph style: monospace, small, no space after."""
    style = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def add_table(document, rows):
    """A Markdown table as a Word table; the separator row is skipped."""
    cells = [[c.strip() for c in r.strip().strip("|").split("|")] for r in rows]
    cells = [r for r in cells if not all(re.fullmatch(r":?-+:?", c) for c in r)]
    table = document.add_table(rows=len(cells), cols=max(len(r) for r in cells))
    table.style = "Table Grid"
    for i, row in enumerate(cells):
        for j, text in enumerate(row):
            paragraph = table.cell(i, j).paragraphs[0]
            add_runs(paragraph, text)
            if i == 0:
                for run in paragraph.runs:
                    run.bold = True


def build(source, out):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    document = Document()
    code_style(document)
    document.add_paragraph("nopt", style="Title")
    buffer, style = [], "Normal"

    def flush():
        nonlocal buffer, style
        if buffer:
            add_runs(document.add_paragraph(style=style), " ".join(buffer))
        buffer, style = [], "Normal"

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                document.add_paragraph(lines[i], style="Code")
                i += 1
        elif stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(document, rows)
            continue
        elif m := re.match(r"(#{1,6})\s+(.*)", stripped):
            flush()
            level = min(len(m.group(1)) - 1, 3) or 1
            document.add_heading(m.group(2), level=level)
        elif not stripped:
            flush()
        elif m := re.match(r"[*-]\s+(.*)", stripped):
            flush()
            buffer, style = [m.group(1)], "List Bullet"
        elif m := re.match(r"\d+\.\s+(.*)", stripped):
            flush()
            buffer, style = [m.group(1)], "List Number"
        elif re.match(r"`[^`]+`\s+-\s", stripped):
            flush()
            buffer = [stripped]
        else:
            buffer.append(stripped)
        i += 1
    flush()
    document.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    build(sys.argv[2] if len(sys.argv) == 3 else "package/README.md", sys.argv[1])
