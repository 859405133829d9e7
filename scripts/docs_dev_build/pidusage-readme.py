"""Lay out the README of pidusage (the npm package) as a Word document.

Source: README.md of pidusage 4.1.0 by Antoine Bluchet and Simone Primarosa, from the npm
registry (`npm pack pidusage@4.1.0 && tar xzf pidusage-4.1.0.tgz`), file package/README.md.

Usage: python build_pidusage-readme.py OUT.docx [SOURCE]
    SOURCE defaults to package/README.md (the README as unpacked from the npm tarball).

Licence: pidusage is MIT-licensed (package.json "license": "MIT"; README "This project is
licensed under the MIT License"); this script is under the MIT licence too.

Mapping (no sentence is reworded; only Markdown markup is turned into Word layout):
    # / ## / ### heading       -> Title / Heading 1 / Heading 2
    paragraph (lines joined)   -> Normal paragraph, lines joined with single spaces
    - item (with continuation) -> List Bullet
    1. item                    -> List Number
    | table |                  -> Word table ('Table Grid'), header row in bold
    ``` fenced code ```        -> one 'Code' paragraph (monospace) per source line
    **bold**, `code`           -> bold run, monospace run
    [text](url), [text][ref]   -> the link text only
    <code>x</code>, &lt; &gt;  -> the plain text x, < >
    badge images, <a name> anchors, HTML comments and link reference definitions -> dropped
"""

import html
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "package/README.md"
MONO = "Courier New"


def clean(text: str) -> str:
    """Remove link, image and HTML markup, keeping the visible text."""
    text = re.sub(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)", "", text)  # badge images
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", text)
    text = re.sub(r"</?code>", "", text)
    text = text.replace("\\|", "|")
    return html.unescape(text)


def add_runs(paragraph, text: str) -> None:
    """Add text to a paragraph, turning **bold** and `code` into formatted runs."""
    for piece in re.split(r"(\*\*[^*]+\*\*|`[^`]+`)", clean(text)):
        if not piece:
            continue
        if piece.startswith("**") and piece.endswith("**"):
            paragraph.add_run(piece[2:-2]).bold = True
        elif piece.startswith("`") and piece.endswith("`") and len(piece) > 1:
            paragraph.add_run(piece[1:-1]).font.name = MONO
        else:
            paragraph.add_run(piece)


def split_row(line: str) -> list[str]:
    row = line.strip()
    row = row.removeprefix("|")
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", row)]


class Builder:
    def __init__(self) -> None:
        self.doc = Document()
        code = self.doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
        code.base_style = self.doc.styles["Normal"]
        code.font.name = MONO
        code.font.size = Pt(9)
        code.paragraph_format.space_after = Pt(0)
        self.block: list[str] = []
        self.style = "Normal"

    def flush(self) -> None:
        text = " ".join(part.strip() for part in self.block).strip()
        self.block = []
        if text and clean(text).strip():
            add_runs(self.doc.add_paragraph(style=self.style), text)
        self.style = "Normal"

    def table(self, rows: list[str]) -> None:
        cells = [split_row(r) for r in rows if not re.fullmatch(r"\|?[\s:|-]+\|?", r.strip())]
        width = max(len(r) for r in cells)
        table = self.doc.add_table(rows=len(cells), cols=width)
        table.style = "Table Grid"
        for i, row in enumerate(cells):
            for j in range(width):
                paragraph = table.cell(i, j).paragraphs[0]
                add_runs(paragraph, row[j] if j < len(row) else "")
                if i == 0:
                    for run in paragraph.runs:
                        run.bold = True

    def build(self, lines: list[str]) -> Document:
        i = 0
        while i < len(lines):
            line = lines[i].rstrip()
            stripped = line.strip()
            if stripped.startswith("```"):
                self.flush()
                i += 1
                while i < len(lines) and not lines[i].strip().startswith("```"):
                    self.doc.add_paragraph(lines[i].rstrip() or " ", style="Code")
                    i += 1
            elif stripped.startswith("|"):
                self.flush()
                rows = []
                while i < len(lines) and lines[i].strip().startswith("|"):
                    rows.append(lines[i])
                    i += 1
                self.table(rows)
                continue
            elif m := re.match(r"(#{1,6})\s+(.*)", line):
                self.flush()
                level = len(m.group(1)) - 1
                add_runs(self.doc.add_heading(level=min(level, 9)), m.group(2))
            elif not stripped or re.fullmatch(r"<a name=.*></a>|<!--.*-->", stripped):
                self.flush()
            elif re.match(r"\[[^\]]+\]:\s+\S+", stripped):
                self.flush()  # link reference definition
            elif m := re.match(r"[-*]\s+(.*)", stripped):
                self.flush()
                self.style = "List Bullet"
                self.block = [m.group(1)]
            elif m := re.match(r"\d+\.\s+(.*)", stripped):
                self.flush()
                self.style = "List Number"
                self.block = [m.group(1)]
            else:
                self.block.append(stripped)
            i += 1
        self.flush()
        return self.doc


def main() -> None:
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    out = sys.argv[1]
    source = sys.argv[2] if len(sys.argv) == 3 else DEFAULT_SOURCE
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    Builder().build(lines).save(out)


if __name__ == "__main__":
    main()
