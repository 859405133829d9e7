"""Lay out the README of the npm package uuid as a Word document.

Source: README.md of uuid 14.0.3 (https://github.com/uuidjs/uuid), fetched with
`npm pack uuid@14.0.3 && tar xzf uuid-14.0.3.tgz`, which leaves it at package/README.md.

Usage: python build_uuid-readme.py OUT.docx [SOURCE]
    SOURCE defaults to package/README.md (relative to the current directory).

Licence: uuid and its README are MIT licensed (Copyright (c) 2010-2020 Robert Kieffer and
other contributors); the document keeps the text unchanged, so the same licence applies to
OUT.docx.

Mapping (no sentence is reworded; only the Markdown markup becomes Word layout):
    "# ..." to "###### ..."     -> Heading 1 to Heading 6
    paragraph lines             -> one Normal paragraph (soft line breaks become spaces)
    "- ..." items               -> List Bullet ("List Bullet 2" when indented)
    "1. ..." items              -> List Number
    "> ..." block quotes        -> Quote; a GitHub alert marker "[!NOTE]" / "[!IMPORTANT]"
                                   becomes a bold first run with the alert's name
    fenced ``` code blocks      -> one 'Code' paragraph per line (Courier New, 9 pt)
    Markdown tables             -> Word tables (style "Table Grid"); a header row with no
                                   text is left out, a non-empty one is set in bold;
                                   "\\|" inside a cell is a literal "|"
    `code`                      -> run in Courier New
    **bold** / _italic_         -> bold / italic runs; ~~struck~~ -> strike-through run
    [text](url)                 -> the link text; badge images ![..](..) are left out
    <!-- comments -->           -> left out (they are not shown by a Markdown viewer)
    "---" rule                  -> left out
    HTML entities (&Rarr;)      -> the character they stand for
"""
import html
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

INLINE = re.compile(
    r"(`[^`]+`|\*\*[^*]+\*\*|~~[^~]+~~|(?<![\w])_[^_]+_(?![\w]))"
)
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
ITEM = re.compile(r"(\s*)([-*]|\d+\.)\s+(.*)")


def add_inline(par, text):
    """Add text to par, turning inline Markdown markup into runs."""
    text = html.unescape(LINK.sub(r"\1", IMAGE.sub("", text))).strip()
    add_runs(par, text, {})


def add_runs(par, text, fmt):
    """Add runs for text, nesting bold / italic / struck markup over fmt."""
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = par.add_run(part[1:-1])
            run.font.name = "Courier New"
            set_format(run, fmt)
        elif part.startswith("**") and part.endswith("**") and len(part) > 4:
            add_runs(par, part[2:-2], {**fmt, "bold": True})
        elif part.startswith("~~") and part.endswith("~~") and len(part) > 4:
            add_runs(par, part[2:-2], {**fmt, "strike": True})
        elif len(part) > 2 and part[0] == part[-1] == "_":
            add_runs(par, part[1:-1], {**fmt, "italic": True})
        else:
            set_format(par.add_run(part), fmt)


def set_format(run, fmt):
    run.bold = fmt.get("bold")
    run.italic = fmt.get("italic")
    if fmt.get("strike"):
        run.font.strike = True


def code_style(doc):
    styles = doc.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def split_row(row):
    row = row.strip().strip("|").replace("\\|", "\0")
    return [c.strip().replace("\0", "|") for c in row.split("|")]


def add_table(doc, rows):
    cells = [split_row(r) for r in rows]
    header_empty = not any(cells[0])
    cells = [r for r in cells if not all(re.fullmatch(r":?-+:?", c) for c in r)]
    if header_empty:
        cells = cells[1:]
    table = doc.add_table(rows=len(cells), cols=max(len(r) for r in cells))
    table.style = "Table Grid"
    for i, row in enumerate(cells):
        for j, value in enumerate(row):
            par = table.cell(i, j).paragraphs[0]
            add_inline(par, value)
            if i == 0 and not header_empty:
                for run in par.runs:
                    run.bold = True


def build(source, out):
    doc = Document()
    code_style(doc)
    text = re.sub(r"<!--.*?-->", "", Path(source).read_text(encoding="utf-8"), flags=re.DOTALL)
    lines = text.splitlines()
    i = 0
    para = []

    def flush():
        if para:
            add_inline(doc.add_paragraph(), " ".join(s.strip() for s in para))
            para.clear()

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
        heading = re.match(r"(#{1,6})\s+(.*)", line)
        if heading:
            flush()
            add_inline(doc.add_heading(level=len(heading.group(1))), heading.group(2))
            i += 1
            continue
        if not stripped or stripped == "---":
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
        if stripped.startswith(">"):
            flush()
            quote = []
            while i < len(lines) and lines[i].strip().startswith(">"):
                quote.append(lines[i].strip()[1:].strip())
                i += 1
            alert = re.fullmatch(r"\[!(\w+)\]", quote[0]) if quote else None
            par = doc.add_paragraph(style="Quote")
            if alert:
                par.add_run(alert.group(1).capitalize()).bold = True
                par.add_run().add_break()
                quote = quote[1:]
            add_inline(par, " ".join(q for q in quote if q))
            continue
        item = ITEM.match(line)
        if item:
            flush()
            indent, marker, first = item.groups()
            words = [first]
            i += 1
            while i < len(lines) and lines[i].strip() and not re.match(
                r"\s*([-*]|\d+\.)\s+|#|```|>|\|", lines[i].strip()
            ):
                words.append(lines[i].strip())
                i += 1
            if marker[0].isdigit():
                style = "List Number"
            else:
                style = "List Bullet 2" if indent else "List Bullet"
            add_inline(doc.add_paragraph(style=style), " ".join(words))
            continue
        para.append(line)
        i += 1
    flush()
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    build(sys.argv[2] if len(sys.argv) == 3 else "package/README.md", sys.argv[1])
