"""Lay out the README of Needle (the npm HTTP client) as a Word document.

Source: README.md of the npm package needle 3.5.0 (`npm pack needle`, then
`tar xzf needle-3.5.0.tgz`: package/README.md), written by Tomás Pollak and
contributors.

Usage:
    python build_needle-readme.py OUT.docx [SOURCE]

SOURCE defaults to ../fetch/needle/package/README.md beside this script.

Licence: the README is part of needle, (c) Fork Ltd., MIT licence
(package.json "license": "MIT"; README section "Copyright"). The MIT licence
permits copying and redistribution with the copyright notice, which the
document keeps.

Mapping (no sentence is reworded; only Markdown markup is removed):
    "Title" + "=====" (setext level 1)  -> Heading 1
    "Title" + "-----" (setext level 2)  -> Heading 2
    "#" .. "####" ATX headings          -> Heading 1 .. Heading 4
    "- item" / "* item" lists           -> List Bullet (continuation lines joined)
    "1. item" lists                     -> List Number
    "| a | b |" tables                  -> Word table, first row bold
    fenced ``` blocks, 4-space indents  -> one 'Code' paragraph per line
    "> quote" lines                     -> one Quote paragraph per block
    other lines                         -> Normal paragraphs, lines joined by a space
    `code` spans                        -> Courier New runs, backticks removed
    **bold**, *italic*, _italic_        -> bold / italic runs, markers removed
    [text](url)                         -> text only
    lines made only of badge images, <br /> and HTML comments are left out.
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE.parent / "fetch" / "needle" / "package" / "README.md"

INLINE = re.compile(
    r"(?P<code>(`+)(?P<codetext>.+?)\2)"
    r"|(?P<img>!\[[^\]]*\]\([^)]*\))"
    r"|(?P<link>\[(?P<linktext>[^\]]+)\]\([^)]*\))"
    r"|(?P<bold>\*\*(?P<boldtext>.+?)\*\*)"
    r"|(?P<ital>\*(?P<italtext>[^*\s][^*]*?)\*)"
    r"|(?P<uital>(?<!\w)_(?P<uitaltext>[^_\s][^_]*?)_(?!\w))"
)
BADGE_LINE = re.compile(r"^(\s*(\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)|!\[[^\]]*\]\([^)]*\)|<br\s*/?>|<!--.*-->)\s*)+$")
BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
NUMBER = re.compile(r"^\s*\d+[.)]\s+(.*)$")
ATX = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def add_runs(paragraph, text):
    """Add text to a paragraph, turning inline Markdown into run formatting."""
    text = re.sub(r"[ \t]+", " ", text)
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            paragraph.add_run(text[pos:m.start()])
        if m.group("code"):
            run = paragraph.add_run(m.group("codetext").strip() if m.group(2) != "`" else m.group("codetext"))
            run.font.name = "Courier New"
        elif m.group("img"):
            pass
        elif m.group("link"):
            add_runs(paragraph, m.group("linktext"))
        elif m.group("bold"):
            run = paragraph.add_run(m.group("boldtext"))
            run.bold = True
        elif m.group("ital"):
            run = paragraph.add_run(m.group("italtext"))
            run.italic = True
        elif m.group("uital"):
            run = paragraph.add_run(m.group("uitaltext"))
            run.italic = True
        pos = m.end()
    if pos < len(text):
        paragraph.add_run(text[pos:])


def code_style(doc):
    styles = doc.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.space_before = Pt(0)
    return style


def split_row(line):
    cells = line.strip().strip("|").split("|")
    return [c.strip() for c in cells]


def build(source, out):
    lines = source.read_text(encoding="utf-8").splitlines()
    doc = Document()
    doc.core_properties.title = "Needle README"
    code_style(doc)
    para = []  # lines of the current Normal paragraph
    item = None  # (style, [lines]) of the current list item

    def flush():
        nonlocal para, item
        if para:
            add_runs(doc.add_paragraph(), " ".join(s.strip() for s in para))
            para = []
        if item:
            style, parts = item
            add_runs(doc.add_paragraph(style=style), " ".join(s.strip() for s in parts))
            item = None

    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i], style="Code")
                i += 1
            i += 1
            continue
        if line.startswith("    ") and not para and not item and stripped:
            flush()
            while i < len(lines) and (lines[i].startswith("    ") or not lines[i].strip()):
                if not lines[i].strip() and not (i + 1 < len(lines) and lines[i + 1].startswith("    ")):
                    break
                doc.add_paragraph(lines[i][4:], style="Code")
                i += 1
            continue
        if not stripped:
            flush()
            i += 1
            continue
        if BADGE_LINE.match(line):
            flush()
            i += 1
            continue
        if stripped and re.fullmatch(r"=+", nxt.strip() or "x") and not para:
            flush()
            add_runs(doc.add_heading(level=1), stripped)
            i += 2
            continue
        if stripped and re.fullmatch(r"-{3,}", nxt.strip() or "x") and not para:
            flush()
            add_runs(doc.add_heading(level=2), stripped)
            i += 2
            continue
        m = ATX.match(line)
        if m:
            flush()
            add_runs(doc.add_heading(level=min(len(m.group(1)), 4)), m.group(2))
            i += 1
            continue
        if stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                if not re.fullmatch(r"[|:\-\s]+", lines[i].strip()):
                    rows.append(split_row(lines[i]))
                i += 1
            table = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    p = table.cell(r, c).paragraphs[0]
                    add_runs(p, cell)
                    if r == 0:
                        for run in p.runs:
                            run.bold = True
            continue
        if stripped.startswith(">"):
            flush()
            quote = []
            while i < len(lines) and lines[i].strip().startswith(">"):
                quote.append(lines[i].strip().lstrip(">").strip())
                i += 1
            add_runs(doc.add_paragraph(style="Quote"), " ".join(quote))
            continue
        m = BULLET.match(line) or NUMBER.match(line)
        if m:
            flush()
            style = "List Bullet" if BULLET.match(line) else "List Number"
            item = (style, [m.group(1)])
            i += 1
            continue
        if item:
            item[1].append(line)
        else:
            para.append(line)
        i += 1
    flush()
    doc.save(out)


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit("usage: python build_needle-readme.py OUT.docx [SOURCE]")
    source = Path(argv[2]) if len(argv) == 3 else DEFAULT_SOURCE
    build(source, argv[1])


if __name__ == "__main__":
    main(sys.argv)
