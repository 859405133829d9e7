"""Lay the urllib3 README out as a Word document, without rewording it.

Usage: python build_urllib3-readme.py OUT.docx [SOURCE]

Source: the README of urllib3 2.8.0 as shipped in the long description (the body after the
header block) of the wheel's METADATA, by default
/work/main/.venv/lib/python3.11/site-packages/urllib3-2.8.0.dist-info/METADATA.
SOURCE may be that METADATA file or a plain README.md.

Licence: urllib3 is MIT licensed ("License-Expression: MIT" in the same METADATA; licenses/LICENSE.txt
in the dist-info: Copyright (c) 2008-2020 Andrey Petrov and contributors).

Mapping (Markdown -> Word):
- the leading raw-HTML banner (<h1> with the logo image, <p> of badge images) carries no text
  and is left out; blank lines separate paragraphs;
- "# x" / "## x" / "### x" -> 'Heading 1' / 'Heading 2' / 'Heading 3';
- "- x" items -> 'List Bullet'; "1. x" items -> 'List Number';
- fenced code blocks -> one paragraph per line in a 'Code' paragraph style (Courier New 9 pt,
  no spacing); the fence lines and their language tags are dropped;
- consecutive prose lines are joined into one 'Normal' paragraph with single spaces;
- link markup is removed: [text](url) and [text][ref] become text, and link reference
  definitions ("[1]: https://...") are dropped; images ![alt](src) are dropped;
- **bold** and *italic* become bold / italic runs; `code` becomes a Courier New run;
- Markdown tables (none in this README) would become Word tables with the header row bold.
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = (
    "/work/main/.venv/lib/python3.11/site-packages/urllib3-2.8.0.dist-info/METADATA"
)
MONO = "Courier New"


def readme_text(source: Path) -> str:
    text = source.read_text(encoding="utf-8")
    if source.name == "METADATA":
        text = text.split("\n\n", 1)[1]  # the body after the header block
    return text


def strip_links(text: str) -> str:
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # inline links
    text = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", text)  # reference links
    return text


INLINE = re.compile(r"(\*\*[^*]+\*\*|\*[^*]+\*|`[^`]+`)")


def add_runs(paragraph, text: str) -> None:
    for part in INLINE.split(strip_links(text)):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**"):
            paragraph.add_run(part[2:-2]).bold = True
        elif part.startswith("`") and part.endswith("`"):
            paragraph.add_run(part[1:-1]).font.name = MONO
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            paragraph.add_run(part[1:-1]).italic = True
        else:
            paragraph.add_run(part)


def code_style(document):
    style = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = MONO
    style.font.size = Pt(9)
    style.paragraph_format.space_before = Pt(0)
    style.paragraph_format.space_after = Pt(0)
    return style


def add_table(document, rows: list[str]) -> None:
    cells = [[c.strip() for c in r.strip().strip("|").split("|")] for r in rows]
    cells = [r for r in cells if not all(re.fullmatch(r":?-+:?", c) for c in r)]
    table = document.add_table(rows=len(cells), cols=len(cells[0]))
    table.style = "Table Grid"
    for i, row in enumerate(cells):
        for j, value in enumerate(row):
            paragraph = table.cell(i, j).paragraphs[0]
            add_runs(paragraph, value)
            if i == 0:
                for run in paragraph.runs:
                    run.bold = True


def build(out: Path, source: Path) -> None:
    lines = readme_text(source).splitlines()
    document = Document()
    code_style(document)
    prose: list[str] = []

    def flush() -> None:
        if prose:
            add_runs(document.add_paragraph(), " ".join(s.strip() for s in prose))
            prose.clear()

    i = 0
    in_html = False
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if in_html:  # raw-HTML banner: images and badges only
            if stripped in ("</h1>", "</p>"):
                in_html = False
            i += 1
            continue
        if stripped.startswith(("<h1", "<p")):
            flush()
            in_html = not stripped.endswith(("</h1>", "</p>"))
            i += 1
            continue
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                document.add_paragraph(lines[i], style="Code")
                i += 1
            i += 1
            continue
        if re.match(r"^\[[^\]]+\]:\s", stripped):  # link reference definition
            i += 1
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", stripped)
        if heading:
            flush()
            level = min(len(heading.group(1)), 3)
            add_runs(document.add_paragraph(style=f"Heading {level}"), heading.group(2))
            i += 1
            continue
        if stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(document, rows)
            continue
        bullet = re.match(r"^[-*]\s+(.*)$", stripped)
        number = re.match(r"^\d+\.\s+(.*)$", stripped)
        if bullet or number:
            flush()
            style = "List Bullet" if bullet else "List Number"
            add_runs(document.add_paragraph(style=style), (bullet or number).group(1))
            i += 1
            continue
        if not stripped:
            flush()
            i += 1
            continue
        text = strip_links(stripped)
        if text.strip():
            prose.append(stripped)
        i += 1
    flush()
    document.save(str(out))


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    build(Path(sys.argv[1]), Path(sys.argv[2] if len(sys.argv) == 3 else DEFAULT_SOURCE))
