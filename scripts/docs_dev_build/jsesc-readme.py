"""Lay out the README of jsesc (the JavaScript string escaper, by Mathias Bynens) as a Word document.

Source: README.md of the npm package jsesc 3.1.0 (`npm pack jsesc`, then
`tar xzf jsesc-3.1.0.tgz`, file `package/README.md`), by Mathias Bynens.

Usage: python build_jsesc-readme.py OUT.docx [SOURCE]
    SOURCE defaults to fetch/n/jsesc-3.1.0/package/README.md (relative to the batch folder).

Licence: jsesc is MIT licensed (package.json "license": "MIT", file `LICENSE-MIT.txt`), which
permits copying and redistributing its README with the copyright notice.

Mapping (the text itself is never reworded):
- `# title` -> Title; `##` .. `####` -> Heading 1 .. Heading 3;
- `* item` / `- item` -> List Bullet; an indented item -> List Bullet 2; `1. item` -> List Number;
- fenced code blocks -> one 'Code' paragraph per line (a monospaced paragraph style);
- Markdown tables -> Word tables (first row bold);
- inline markup is dropped: `code`, *emphasis*, **strong**, _x_, __x__ keep their text, links keep
  their text, images (the author's avatar) are left out.
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = Path(__file__).resolve().parent.parent / "fetch/n/jsesc-3.1.0/package/README.md"


def inline(text):
    """Drop Markdown inline markup, keeping the words as written."""
    spans = []

    def keep(match):
        spans.append(match.group(1))
        return f"\x00{len(spans) - 1}\x00"

    text = re.sub(r"`([^`]*)`", keep, text)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
    text = re.sub(r"__(.+?)__", r"\1", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    text = re.sub(r"(?<!\w)_(?!\s)(.+?)(?<!\s)_(?!\w)", r"\1", text)
    text = text.removesuffix("\\")
    text = re.sub("\x00(\\d+)\x00", lambda m: spans[int(m.group(1))], text)
    return text.strip()


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def add_table(doc, rows):
    cells = [[inline(c) for c in r.strip().strip("|").split("|")] for r in rows]
    cells = [r for r in cells if not all(re.fullmatch(r":?-{2,}:?", c) for c in r)]
    width = max(len(r) for r in cells)
    table = doc.add_table(rows=len(cells), cols=width)
    table.style = "Table Grid"
    for i, row in enumerate(cells):
        for j in range(width):
            text = row[j] if j < len(row) else ""
            para = table.cell(i, j).paragraphs[0]
            run = para.add_run(text)
            run.bold = i == 0


def build(source, out):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    code_style(doc)
    para_lines = []

    def flush():
        if para_lines:
            text = " ".join(inline(x) for x in para_lines)
            if text:
                doc.add_paragraph(text)
            para_lines.clear()

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
            i += 1
            continue
        if not stripped:
            flush()
            i += 1
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        if heading:
            flush()
            level = len(heading.group(1))
            text = inline(heading.group(2))
            if level == 1:
                doc.add_heading(text, level=0)
            else:
                doc.add_heading(text, level=level - 1)
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
        if stripped.startswith(">"):
            flush()
            text = stripped.lstrip(">").strip()
            if text == "[!NOTE]":
                text = "Note"
            doc.add_paragraph(inline(text), style="Quote")
            i += 1
            continue
        bullet = re.match(r"^(\t*| *)[-*]\s+(.*)$", line)
        if bullet:
            flush()
            style = "List Bullet 2" if bullet.group(1) else "List Bullet"
            doc.add_paragraph(inline(bullet.group(2)), style=style)
            i += 1
            continue
        number = re.match(r"^\s*\d+\.\s+(.*)$", line)
        if number:
            flush()
            doc.add_paragraph(inline(number.group(1)), style="List Number")
            i += 1
            continue
        if re.fullmatch(r"!\[[^\]]*\]\([^)]*\)", stripped):
            flush()
            i += 1
            continue
        para_lines.append(stripped)
        if stripped.endswith("\\"):
            flush()
        i += 1
    flush()
    doc.save(out)


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: python build_jsesc-readme.py OUT.docx [SOURCE]")
    source = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_SOURCE
    build(source, sys.argv[1])


if __name__ == "__main__":
    main()
