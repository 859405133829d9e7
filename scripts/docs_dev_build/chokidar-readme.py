"""Build chokidar-readme.docx: the chokidar README laid out as a Word document.

Source: README.md of the npm package chokidar 5.0.0 (`npm pack chokidar`,
file package/README.md in chokidar-5.0.0.tgz), by Paul Miller.

Usage: python build_chokidar-readme.py OUT.docx [SOURCE]
    SOURCE defaults to ../fetch/chokidar-5.0.0/package/README.md next to this
    script's folder.

Licence: the README is part of chokidar, MIT licence (c) Paul Miller; this
script may be used under the same MIT licence.

Mapping (no sentence is reworded; only Markdown markup is turned into layout):
    # / ## / ### / ####      -> Title / Heading 1 / Heading 2 / Heading 3
    "- " / "* " list items   -> List Bullet (nested: List Bullet 2, 3)
    "1. " list items         -> List Number (nested items under it: List Bullet 2)
    ``` fenced blocks        -> one 'Code' paragraph per line (monospace style)
    | tables |               -> Word tables (first row bold)
    "> " block quotes        -> Quote
    other lines              -> Normal paragraphs; wrapped lines are joined
    **bold**, _italic_       -> bold / italic runs; `code` -> monospace run
    [text](url)              -> text; badge images ([![alt](img)](url)) are left out
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = Path(__file__).resolve().parent.parent / "fetch" / "chokidar-5.0.0" / "package" / "README.md"

BADGE = re.compile(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)")
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
AUTOLINK = re.compile(r"<(https?://[^>]+)>")
TOKEN = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|(?<![\w])_[^_]+_(?![\w]))")
BULLET = re.compile(r"^(\s*)[-*] (.*)$")
NUMBER = re.compile(r"^(\s*)\d+\. (.*)$")
HEADING = re.compile(r"^(#{1,6}) (.*)$")


def clean(text):
    """Drop badges and images, keep the text of links."""
    text = BADGE.sub("", text)
    text = IMAGE.sub("", text)
    text = LINK.sub(r"\1", text)
    text = AUTOLINK.sub(r"\1", text)
    return text.strip()


def add_runs(par, text):
    """Add text to a paragraph, turning inline Markdown into run formatting."""
    for part in TOKEN.split(clean(text)):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = par.add_run(part[1:-1])
            run.font.name = "Courier New"
        elif part.startswith("**") and part.endswith("**") and len(part) > 3:
            add_bold = par.add_run(part[2:-2].replace("`", ""))
            add_bold.bold = True
        elif part.startswith("_") and part.endswith("_") and len(part) > 1:
            run = par.add_run(part[1:-1].strip().replace("`", ""))
            run.italic = True
        else:
            par.add_run(part)
    return par


def code_style(doc):
    """Return the 'Code' paragraph style, creating it if needed."""
    names = [s.name for s in doc.styles]
    if "Code" in names:
        return doc.styles["Code"]
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def list_style(kind, level):
    """Word list style for a list item at a nesting level (0 = top)."""
    if kind == "number" and level == 0:
        return "List Number"
    if level == 0:
        return "List Bullet"
    return f"List Bullet {min(level + 1, 3)}"


def add_table(doc, rows):
    """Add a Markdown table (list of row lines) as a Word table."""
    cells = [[c.strip() for c in r.strip().strip("|").split("|")] for r in rows]
    cells = [r for r in cells if not all(re.fullmatch(r":?-{3,}:?", c) for c in r)]
    width = max(len(r) for r in cells)
    table = doc.add_table(rows=len(cells), cols=width)
    table.style = "Table Grid"
    for i, row in enumerate(cells):
        for j, text in enumerate(row):
            par = table.cell(i, j).paragraphs[0]
            add_runs(par, text)
            if i == 0:
                for run in par.runs:
                    run.bold = True


def build(source, out):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    code = code_style(doc)
    blocks = []  # [kind, style, text]; wrapped lines are joined before rendering
    para = None  # the block that wrapped lines continue
    levels = []  # indents of open list levels
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                blocks.append(["code", code, lines[i]])
                i += 1
            para, levels = None, []
            i += 1
            continue
        if not stripped:
            para = None
            i += 1
            continue
        heading = HEADING.match(line)
        if heading:
            blocks.append(["heading", len(heading.group(1)) - 1, heading.group(2)])
            para, levels = None, []
            i += 1
            continue
        if stripped.startswith("|"):
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            blocks.append(["table", None, rows])
            para, levels = None, []
            continue
        if stripped.startswith(">"):
            text = stripped.lstrip(">").strip()
            if para is not None and para[1] == "Quote":
                para[2] += " " + text
            else:
                para = ["text", "Quote", text]
                blocks.append(para)
            i += 1
            continue
        item = BULLET.match(line) or NUMBER.match(line)
        if item:
            indent = len(item.group(1))
            kind = "number" if NUMBER.match(line) else "bullet"
            while levels and indent < levels[-1]:
                levels.pop()
            if not levels or indent > levels[-1]:
                levels.append(indent)
            para = ["text", list_style(kind, len(levels) - 1), item.group(2)]
            blocks.append(para)
            i += 1
            continue
        if para is not None:
            para[2] += " " + stripped
        else:
            para = ["text", None, stripped]
            blocks.append(para)
            levels = []
        i += 1
    for kind, style, text in blocks:
        if kind == "code":
            doc.add_paragraph(text, style=style)
        elif kind == "heading" and style == 0:
            doc.add_heading(clean(text), level=0)
        elif kind == "heading":
            add_runs(doc.add_heading("", level=min(style, 9)), text)
        elif kind == "table":
            add_table(doc, text)
        else:
            add_runs(doc.add_paragraph(style=style), text)
    doc.save(out)


def main(argv):
    if len(argv) < 2:
        sys.exit("usage: python build_chokidar-readme.py OUT.docx [SOURCE]")
    source = argv[2] if len(argv) > 2 else DEFAULT_SOURCE
    build(source, argv[1])


if __name__ == "__main__":
    main(sys.argv)
