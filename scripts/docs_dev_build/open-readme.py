"""Build open-readme.docx: the README of the npm package "open" laid out as a Word file.

Source: readme.md of the npm package open 11.0.4 (Sindre Sorhus), as unpacked from
`npm pack open@11.0.4` (package/readme.md).

Usage: python build_open-readme.py OUT.docx [SOURCE]
       SOURCE defaults to ../fetch/x_open-11.0.4/package/readme.md next to this script.

Licence: the README is part of open, MIT licence (package/license), which permits
redistribution; this script is under the same MIT terms.

Mapping (no sentence is reworded, only Markdown markup is turned into Word layout):
- "#" .. "#####" headings -> Title (level 1) and Heading 1 .. Heading 4
  ("<sup>(macOS only)</sup>" in a heading stays as superscript text);
- "- " items -> List Bullet; "1. " items -> List Number;
- fenced code blocks -> one 'Code' paragraph per line (monospaced style made here);
- "> " quotes -> Quote style, a GitHub "[!WARNING]" marker -> a bold "Warning" label;
- "| a | b |" tables -> Word tables (first row bold); none occur in this README;
- other lines -> Normal paragraphs, consecutive lines joined with a space,
  a trailing backslash -> a line break;
- inline `code` -> Courier New runs, **bold** -> bold runs, [text](url) -> the text,
  <sup>..</sup> -> superscript runs.
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = Path(__file__).resolve().parent.parent / "fetch" / "x_open-11.0.4" / "package" / "readme.md"

INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|<sup>.*?</sup>|\[[^\]]+\]\([^)]+\))")


def add_inline(par, text):
    """Add text to par, turning inline Markdown into runs."""
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = par.add_run(part[1:-1])
            run.font.name = "Courier New"
        elif part.startswith("**") and part.endswith("**") and len(part) > 3:
            add_inline_bold(par, part[2:-2])
        elif part.startswith("<sup>"):
            run = par.add_run(part[5:-6])
            run.font.superscript = True
        elif part.startswith("[") and "](" in part:
            add_inline(par, part[1:part.index("](")])
        else:
            par.add_run(part)


def add_inline_bold(par, text):
    for part in re.split(r"(`[^`]+`)", text):
        if not part:
            continue
        run = par.add_run(part.strip("`") if part.startswith("`") else part)
        run.bold = True
        if part.startswith("`"):
            run.font.name = "Courier New"


def add_lines(par, lines):
    """Join paragraph lines; a trailing backslash is a hard line break."""
    for i, line in enumerate(lines):
        brk = line.endswith("\\")
        add_inline(par, line[:-1] if brk else line)
        if i < len(lines) - 1:
            if brk:
                par.add_run().add_break()
            else:
                par.add_run(" ")


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def add_table(doc, rows):
    cells = [[c.strip() for c in r.strip().strip("|").split("|")] for r in rows]
    cells = [r for r in cells if not all(re.fullmatch(r":?-+:?", c) for c in r)]
    table = doc.add_table(rows=len(cells), cols=max(len(r) for r in cells))
    table.style = "Table Grid"
    for i, row in enumerate(cells):
        for j, text in enumerate(row):
            par = table.cell(i, j).paragraphs[0]
            add_inline(par, text)
            if i == 0:
                for run in par.runs:
                    run.bold = True


def build(source, out):
    doc = Document()
    code_style(doc)
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    para = []

    def flush():
        if para:
            add_lines(doc.add_paragraph(), para)
            para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i].replace("\t", "    "), style="Code")
                i += 1
        elif m := re.match(r"(#{1,6})\s+(.*)", line):
            flush()
            level = len(m.group(1)) - 1
            if level == 0:
                par = doc.add_paragraph(style="Title")
            else:
                par = doc.add_heading(level=min(level, 9))
            add_inline(par, m.group(2))
        elif stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(doc, rows)
            continue
        elif m := re.match(r"\s*[-*]\s+(.*)", line):
            flush()
            add_inline(doc.add_paragraph(style="List Bullet"), m.group(1))
        elif m := re.match(r"\s*\d+\.\s+(.*)", line):
            flush()
            add_inline(doc.add_paragraph(style="List Number"), m.group(1))
        elif stripped.startswith(">"):
            flush()
            quote = []
            while i < len(lines) and lines[i].strip().startswith(">"):
                quote.append(lines[i].strip()[1:].strip())
                i += 1
            if quote and (m := re.fullmatch(r"\[!(\w+)\]", quote[0])):
                label = doc.add_paragraph(style="Quote")
                label.add_run(m.group(1).capitalize()).bold = True
                quote = quote[1:]
            add_lines(doc.add_paragraph(style="Quote"), quote)
            continue
        elif not stripped:
            flush()
        else:
            para.append(stripped)
        i += 1
    flush()
    doc.save(out)


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: python build_open-readme.py OUT.docx [SOURCE]")
    source = sys.argv[2] if len(sys.argv) == 3 else DEFAULT_SOURCE
    build(source, sys.argv[1])


if __name__ == "__main__":
    main()
