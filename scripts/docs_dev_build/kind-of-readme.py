"""Build kind-of-readme.docx: the kind-of README laid out as a Word document.

Source: README.md of the npm package kind-of 6.0.3 (``npm pack kind-of``,
file ``package/README.md``), by Jon Schlinkert.

Usage:
    python build_kind-of-readme.py OUT.docx [SOURCE]

SOURCE defaults to ../fetch/kind-of-6.0.3/package/README.md (relative to this
script).

Licence: kind-of and its README are released under the MIT License
(Copyright (c) 2014-2017, Jon Schlinkert); the README text is reproduced
unchanged.

Mapping (no sentence is reworded; only Markdown markup is turned into layout):
    # / ## / ###            -> Heading 1 / Heading 2 / Heading 3
    <summary>...</summary>  -> Heading 4 (the title of a collapsible block)
    ``` fenced code         -> one paragraph per line in the 'Code' style
    > quoted line           -> 'Quote' style paragraph
    1. numbered item        -> 'List Number'
    * bullet item           -> 'List Bullet'
    | pipe table |          -> Word table (first row bold header)
    **bold**, _italic_      -> bold / italic runs
    `inline code`           -> run in a monospace font
    [text](url)             -> text (the URL is dropped)
    ![alt](image) badges, <details> tags, *** rules -> dropped
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE.parent / "fetch" / "kind-of-6.0.3" / "package" / "README.md"

IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|\b_[^_]+_\b)")
SUMMARY = re.compile(r"<summary>(?:<strong>)?(.*?)(?:</strong>)?</summary>")


def plain(text):
    """Drop images and keep only the visible text of links."""
    text = IMAGE.sub("", text)
    return LINK.sub(lambda m: m.group(1), text).strip()


def add_runs(par, text):
    """Add text to a paragraph, turning inline Markdown into run formatting."""
    for part in INLINE.split(plain(text)):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = par.add_run(part[1:-1])
            run.font.name = "Courier New"
        elif part.startswith("**") and part.endswith("**") and len(part) > 3:
            par.add_run(part[2:-2]).bold = True
        elif part.startswith("_") and part.endswith("_") and len(part) > 1:
            par.add_run(part[1:-1]).italic = True
        else:
            par.add_run(part)


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def add_table(doc, rows):
    cells = [[plain(c) for c in r.strip().strip("|").split("|")] for r in rows]
    cells = [r for r in cells if not all(re.fullmatch(r"\s*:?-{3,}:?\s*", c) for c in r)]
    table = doc.add_table(rows=len(cells), cols=len(cells[0]))
    table.style = "Table Grid"
    for i, row in enumerate(cells):
        for j, value in enumerate(row):
            par = table.cell(i, j).paragraphs[0]
            add_runs(par, value.strip())
            if i == 0:
                for run in par.runs:
                    run.bold = True


def build(source, out):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    code_style(doc)
    para = []

    def flush():
        if para:
            add_runs(doc.add_paragraph(), " ".join(s.strip() for s in para))
            para.clear()

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
        elif stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(doc, rows)
            continue
        elif m := re.match(r"(#{1,6})\s+(.*)", stripped):
            flush()
            heading = doc.add_heading(level=len(m.group(1)))
            add_runs(heading, m.group(2))
        elif m := SUMMARY.search(stripped):
            flush()
            add_runs(doc.add_heading(level=4), m.group(1))
        elif stripped in ("<details>", "</details>", "***", "---") or not stripped:
            flush()
        elif stripped.startswith(">"):
            flush()
            add_runs(doc.add_paragraph(style="Quote"), stripped.lstrip(">").strip())
        elif m := re.match(r"\d+\.\s+(.*)", stripped):
            flush()
            add_runs(doc.add_paragraph(style="List Number"), m.group(1))
        elif m := re.match(r"[*-]\s+(.*)", stripped):
            flush()
            add_runs(doc.add_paragraph(style="List Bullet"), m.group(1))
        else:
            para.append(stripped)
        i += 1
    flush()
    doc.core_properties.title = "kind-of"
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    build(sys.argv[2] if len(sys.argv) == 3 else DEFAULT_SOURCE, sys.argv[1])
