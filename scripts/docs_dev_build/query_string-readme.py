"""Lay out the README of the npm package query-string as a Word document.

Source: readme.md of query-string 9.5.1 (https://github.com/sindresorhus/query-string),
fetched with `npm pack query-string@9.5.1 && tar xzf query-string-9.5.1.tgz`, which leaves
it at package/readme.md.

Usage: python build_query_string-readme.py OUT.docx [SOURCE]
    SOURCE defaults to package/readme.md (relative to the current directory).

Licence: query-string and its readme are MIT licensed (Copyright (c) Sindre Sorhus); the
document keeps the text unchanged, so the same licence applies to OUT.docx.

Mapping (the wording is never changed, only the Markdown markup is turned into Word layout):
    "# ..." to "###### ..."     -> Heading 1 to Heading 6
    paragraph lines             -> one Normal paragraph (soft line breaks become spaces;
                                   a trailing backslash becomes a Word line break)
    "- ..." / "* ..." items     -> List Bullet
    "1. ..." items              -> List Number
    "> ..." block quotes        -> Quote; a GitHub alert marker "[!WARNING]" / "[!TIP]"
                                   becomes a bold run with the alert's name ("Warning", "Tip")
    fenced ``` code blocks      -> one 'Code' paragraph per line (Courier New, 9 pt)
    Markdown tables             -> Word tables (style "Table Grid"), header row in bold
    `code`                      -> run in Courier New
    **bold** / _italic_ / *it*  -> bold / italic runs
    [text](url)                 -> the link text
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|(?<![\w])_[^_]+_(?![\w])|(?<![\w*])\*[^*\s][^*]*\*(?![\w*]))")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def add_inline(par, text):
    """Add text to par, turning inline Markdown markup into runs."""
    text = LINK.sub(r"\1", text)
    pieces = text.split("\n")
    for i, piece in enumerate(pieces):
        if i:
            par.add_run().add_break()
        for part in INLINE.split(piece):
            if not part:
                continue
            if part.startswith("`") and part.endswith("`") and len(part) > 1:
                run = par.add_run(part[1:-1])
                run.font.name = "Courier New"
            elif part.startswith("**") and part.endswith("**") and len(part) > 4:
                par.add_run(part[2:-2]).bold = True
            elif len(part) > 2 and part[0] == part[-1] and part[0] in "_*":
                par.add_run(part[1:-1]).italic = True
            else:
                par.add_run(part)


def join_lines(lines):
    """Join the lines of one paragraph: a trailing backslash is a hard line break."""
    out = ""
    for line in lines:
        line = line.strip()
        if out.endswith("\\"):
            out = out[:-1] + "\n" + line
        elif out:
            out += " " + line
        else:
            out = line
    return out


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


def add_table(doc, rows):
    cells = [[c.strip() for c in r.strip().strip("|").split("|")] for r in rows]
    cells = [r for r in cells if not all(re.fullmatch(r":?-+:?", c) for c in r)]
    table = doc.add_table(rows=len(cells), cols=max(len(r) for r in cells))
    table.style = "Table Grid"
    for i, row in enumerate(cells):
        for j, value in enumerate(row):
            par = table.cell(i, j).paragraphs[0]
            add_inline(par, value)
            if i == 0:
                for run in par.runs:
                    run.bold = True


def build(source, out):
    doc = Document()
    code_style(doc)
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    i = 0
    para = []

    def flush():
        if para:
            add_inline(doc.add_paragraph(), join_lines(para))
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
            add_inline(doc.add_heading(level=len(heading.group(1))), heading.group(2).strip())
            i += 1
            continue
        if not stripped:
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
            add_inline(par, join_lines(quote))
            continue
        item = re.match(r"\s*([-*]|\d+\.)\s+(.*)", line)
        if item:
            flush()
            text = [item.group(2)]
            i += 1
            while i < len(lines) and lines[i].strip() and not re.match(
                r"\s*([-*]|\d+\.)\s+|#|```|>|\|", lines[i].strip()
            ):
                text.append(lines[i])
                i += 1
            style = "List Number" if item.group(1)[0].isdigit() else "List Bullet"
            add_inline(doc.add_paragraph(style=style), join_lines(text))
            continue
        para.append(line)
        i += 1
    flush()
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    build(sys.argv[2] if len(sys.argv) == 3 else "package/readme.md", sys.argv[1])
