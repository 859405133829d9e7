"""Build minimatch-readme.docx: the README of the npm package minimatch, laid out as Word.

Source: README.md of the npm package minimatch 11.0.10 (`npm pack minimatch`,
then `tar xzf minimatch-11.0.10.tgz`, file `package/README.md`).

Usage: python build_minimatch-readme.py OUT.docx [SOURCE]
    SOURCE defaults to package/README.md in the current directory.

Licence: minimatch and its README are Copyright (c) Isaac Z. Schlueter and
contributors, under the Blue Oak Model License 1.0.0 (package.json
`license`: BlueOak-1.0.0), which permits copying and redistribution.

Mapping from Markdown to Word (no sentence is reworded):
    # / ## / ### heading          -> Heading 1 / Heading 2 / Heading 3
    paragraph lines               -> one Normal paragraph (lines joined by spaces)
    "- item" (with its continued  -> List Bullet; an item nested under another
      lines)                         item -> List Bullet 2
    "1. item"                     -> List Number
    text indented under an item   -> a Normal paragraph indented like the list
    | pipe | table |              -> Word table (style "Table Grid"), header row bold
    ``` fenced code ``` and code  -> one 'Code' paragraph per code line (monospace)
      indented by 8 spaces
    "> " block quote              -> 'Quote' paragraphs; a GitHub alert marker
                                     such as "[!NOTE]" becomes its bold label
                                     "Note" / "Warning", as GitHub shows it
    `code` / **bold** / _italic_  -> monospace / bold / italic run, markers removed
    [text](url)                   -> the link text
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

INLINE = re.compile(r"(\*\*[^*]+\*\*|`[^`]+`|(?<![\w\\])_[^_`]+_(?!\w))")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
BULLET = re.compile(r"^(\s*)[-*]\s+(.*)$")
NUMBER = re.compile(r"^(\s*)\d+\.\s+(.*)$")
ALERT = re.compile(r"^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*$")


def code_style(doc):
    """Return the 'Code' paragraph style, creating it if needed."""
    if "Code" in [s.name for s in doc.styles]:
        return doc.styles["Code"]
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def add_inline(par, text):
    """Add text to a paragraph, turning inline Markdown into runs."""
    text = LINK.sub(r"\1", text)
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            par.add_run(part[2:-2]).bold = True
        elif part.startswith("`") and part.endswith("`") and len(part) > 2:
            run = par.add_run(part[1:-1])
            run.font.name = "Courier New"
        elif part.startswith("_") and part.endswith("_") and len(part) > 2:
            par.add_run(part[1:-1]).italic = True
        else:
            par.add_run(part)


def add_table(doc, rows):
    """Add a Markdown pipe table as a Word table."""
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


def flush(doc, buf, style):
    """Write the collected lines of one paragraph or list item."""
    if buf:
        text = " ".join(s.strip() for s in buf)
        par = doc.add_paragraph(style=style)
        add_inline(par, text)
        if style == "Normal" and flush.indent:
            par.paragraph_format.left_indent = Pt(18 * flush.indent)
    buf.clear()


flush.indent = 0


def build(src, out):
    """Convert the Markdown file src into the Word file out."""
    lines = Path(src).read_text(encoding="utf-8").splitlines()
    doc = Document()
    code = code_style(doc)
    buf, style = [], "Normal"
    in_fence = False
    in_list = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if in_fence:
            if line.strip().startswith("```"):
                in_fence = False
            else:
                doc.add_paragraph(line, style=code)
            i += 1
            continue
        if line.strip().startswith("```"):
            flush(doc, buf, style)
            in_fence = True
            i += 1
            continue
        if not line.strip():
            flush(doc, buf, style)
            style = "Normal"
            i += 1
            continue
        m = HEADING.match(line)
        if m:
            flush(doc, buf, style)
            in_list = False
            flush.indent = 0
            doc.add_heading(LINK.sub(r"\1", m.group(2)).replace("`", ""), level=min(len(m.group(1)), 4))
            i += 1
            continue
        if line.lstrip().startswith("|"):
            flush(doc, buf, style)
            rows = []
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(doc, rows)
            continue
        if line.startswith(">"):
            if style != "Quote":
                flush(doc, buf, style)
            in_list = False
            flush.indent = 0
            text = line[1:].strip()
            a = ALERT.match(text)
            if a:
                doc.add_paragraph(style="Quote").add_run(a.group(1).title()).bold = True
            elif text:
                buf.append(text)
                style = "Quote"
            else:
                flush(doc, buf, style)
                style = "Normal"
            i += 1
            continue
        if line.startswith("        ") and not buf:
            while i < len(lines) and (lines[i].startswith("        ") or not lines[i].strip()):
                if lines[i].strip():
                    doc.add_paragraph(lines[i][8:], style=code)
                i += 1
            continue
        m = BULLET.match(line) or NUMBER.match(line)
        if m:
            flush(doc, buf, style)
            in_list = True
            nested = len(m.group(1)) >= 2
            if BULLET.match(line):
                style = "List Bullet 2" if nested else "List Bullet"
            else:
                style = "List Number"
            buf.append(m.group(2))
            i += 1
            continue
        if in_list and line.startswith("  ") and style == "Normal":
            flush.indent = 1
        elif not line.startswith(" "):
            in_list = False
            flush.indent = 0
        buf.append(line)
        i += 1
    flush(doc, buf, style)
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: python build_minimatch-readme.py OUT.docx [SOURCE]")
    build(sys.argv[2] if len(sys.argv) > 2 else "package/README.md", sys.argv[1])
