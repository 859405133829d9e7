"""Build rimraf-readme.docx: the README of rimraf laid out as a Word document.

Source: README.md of the npm package rimraf 6.1.4 (`npm pack rimraf`, then
`tar xzf rimraf-6.1.4.tgz`, file `package/README.md`), by Isaac Z. Schlueter.

Usage: python build_rimraf-readme.py OUT.docx [SOURCE]
       SOURCE defaults to fetch/rimraf-6.1.4/package/README.md

Licence: rimraf and its README are under the Blue Oak Model License 1.0.0
(package/LICENSE.md), a permissive licence that allows copying and
redistribution; the Word file keeps the text unchanged.

Mapping (no sentence is reworded; only the Markdown markup is dropped):
- `#`..`####` headings -> Heading 1..4 (a `<br>` inside a heading -> a line break)
- `- item` bullet items -> List Bullet; `1. item` -> List Number
- indented paragraphs that continue a list item -> List Continue
- fenced code blocks -> one 'Code' paragraph per line (monospace style made here)
- `> ` block quotes (the caution notice) -> Quote; a `> [!CAUTION]` marker line
  -> a bold Quote paragraph "CAUTION"; a heading inside the quote -> its heading
- Markdown tables (none in this README) -> Word tables, header row in bold
- inline `code` -> Courier New run, **bold** -> bold run, _italic_ -> italic run,
  [text](url) and <url> links -> their text
- everything else -> Normal paragraphs, soft-wrapped lines joined with a space
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "fetch/rimraf-6.1.4/package/README.md"

INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|(?<![\w])_[^_]+_(?![\w]))")
LINK = re.compile(r"\[([^\]]+)\]\((?:<[^>]*>|[^)]*)\)")


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def add_runs(par, text):
    """Add text to a paragraph, turning inline Markdown into run formatting."""
    text = LINK.sub(r"\1", text)
    parts = re.split(r"\s*<br>\s*", text)
    for i, part in enumerate(parts):
        if i:
            par.add_run().add_break()
        for piece in INLINE.split(part):
            if not piece:
                continue
            if piece.startswith("`") and piece.endswith("`") and len(piece) > 1:
                run = par.add_run(piece[1:-1])
                run.font.name = "Courier New"
            elif piece.startswith("**") and piece.endswith("**"):
                add_bold = par.add_run(piece[2:-2])
                add_bold.bold = True
            elif piece.startswith("_") and piece.endswith("_") and len(piece) > 1:
                run = par.add_run(piece[1:-1])
                run.italic = True
            else:
                par.add_run(piece)


def add_table(doc, rows):
    cells = [[c.strip() for c in r.strip().strip("|").split("|")] for r in rows]
    cells = [r for r in cells if not all(re.fullmatch(r":?-+:?", c) for c in r)]
    table = doc.add_table(rows=len(cells), cols=len(cells[0]))
    table.style = "Table Grid"
    for i, row in enumerate(cells):
        for j, value in enumerate(row):
            par = table.cell(i, j).paragraphs[0]
            add_runs(par, value)
            if i == 0:
                for run in par.runs:
                    run.bold = True


def convert(lines, doc):
    para = []  # pending lines of the current paragraph
    state = {"style": None}

    def flush():
        if para:
            add_runs(doc.add_paragraph(style=state["style"]), " ".join(para))
            para.clear()
        state["style"] = None

    i = 0
    in_list = False
    while i < len(lines):
        line = lines[i].rstrip("\n")
        stripped = line.strip()
        quote = line.startswith(">")
        body = re.sub(r"^>\s?", "", line) if quote else line
        bstrip = body.strip()
        if bstrip.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i].rstrip("\n"), style="Code")
                i += 1
            i += 1
            in_list = False
            continue
        if not bstrip:
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
        heading = re.match(r"(#{1,4})\s+(.*)", bstrip)
        bullet = re.match(r"[-*]\s+(.*)", body)
        number = re.match(r"\d+\.\s+(.*)", body)
        if heading:
            flush()
            add_runs(doc.add_heading(level=len(heading.group(1))), heading.group(2))
            in_list = False
        elif quote and bstrip.startswith("[!") and bstrip.endswith("]"):
            flush()
            doc.add_paragraph(style="Quote").add_run(bstrip[2:-1]).bold = True
        elif bullet or number:
            flush()
            state["style"] = "List Bullet" if bullet else "List Number"
            para.append((bullet or number).group(1).strip())
            in_list = True
        elif in_list and line.startswith("  ") and not para:
            state["style"] = "List Continue"
            para.append(bstrip)
        else:
            if not para:
                state["style"] = "Quote" if quote else None
                if not line.startswith(" "):
                    in_list = False
            para.append(bstrip)
        i += 1
    flush()


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    out = Path(sys.argv[1])
    source = Path(sys.argv[2] if len(sys.argv) == 3 else DEFAULT_SOURCE)
    doc = Document()
    code_style(doc)
    doc.core_properties.title = "rimraf README"
    convert(source.read_text(encoding="utf-8").splitlines(), doc)
    doc.save(out)


if __name__ == "__main__":
    main()
