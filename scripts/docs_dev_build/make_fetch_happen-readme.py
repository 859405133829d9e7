"""Lay out the make-fetch-happen README as a Word document.

Source: README.md of the npm package make-fetch-happen 15.0.6
(``npm pack make-fetch-happen``, file ``package/README.md``).

Usage: python build_make_fetch_happen-readme.py OUT.docx [SOURCE]
       SOURCE defaults to README.md in the current directory.

Licence: the README is part of make-fetch-happen, ISC licence
(Copyright npm, Inc.); the ISC licence permits copying and redistribution.

Mapping from Markdown to Word (no sentence is reworded):
  - ``#`` .. ``#####`` headings   -> Heading 1 .. Heading 5
  - ``*`` / ``-`` list items      -> List Bullet (nested items: List Bullet 2)
  - ``1.`` list items             -> List Number
  - ``|`` tables                  -> Word tables (first row bold)
  - fenced code blocks            -> one 'Code' paragraph per line (monospace)
  - other lines                   -> Normal paragraphs; wrapped lines of one
                                     paragraph are joined with a space
  Inline markup is removed and its text kept: links keep their text, inline
  code and emphasis lose their markers, HTML anchors (<a name=...></a>) are
  dropped, and badge images (links made only of images) are left out.
"""

import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

IMAGE_LINK = re.compile(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)")
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
ANCHOR = re.compile(r"<a name=\"[^\"]*\"></a>\s*")
CODE = re.compile(r"`([^`]*)`")
BOLD = re.compile(r"\*\*([^*]+)\*\*")
ITALIC_STAR = re.compile(r"(?<![\w*])\*([^*\s][^*]*)\*(?![\w*])")
ITALIC_UNDER = re.compile(r"(?<!\w)_([^_\s][^_]*)_(?!\w)")


def inline(text):
    """Strip Markdown inline markup and keep the words."""
    text = IMAGE_LINK.sub("", text)
    text = IMAGE.sub("", text)
    text = ANCHOR.sub("", text)
    text = LINK.sub(r"\1", text)
    parts = CODE.split(text)
    out = []
    for i, part in enumerate(parts):
        if i % 2:
            out.append(part)
        else:
            part = BOLD.sub(r"\1", part)
            part = ITALIC_STAR.sub(r"\1", part)
            part = ITALIC_UNDER.sub(r"\1", part)
            out.append(part)
    return re.sub(r"\s+", " ", "".join(out)).strip()


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def add_table(doc, rows):
    cells = [[inline(c) for c in r.strip().strip("|").split("|")] for r in rows]
    cells = [r for r in cells if not all(re.fullmatch(r":?-+:?", c) for c in r)]
    width = max(len(r) for r in cells)
    table = doc.add_table(rows=len(cells), cols=width)
    table.style = "Table Grid"
    for i, row in enumerate(cells):
        for j, value in enumerate(row):
            cell = table.cell(i, j)
            cell.text = value
            if i == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True


def build(src, out):
    doc = Document()
    code_style(doc)
    with open(src, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    para = []
    i = 0

    def flush():
        if para:
            text = inline(" ".join(para))
            if text:
                doc.add_paragraph(text)
            para.clear()

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i], style="Code")
                i += 1
            i += 1
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        if heading:
            flush()
            level = min(len(heading.group(1)), 5)
            doc.add_heading(inline(heading.group(2)), level=level)
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
        bullet = re.match(r"^(\s*)[*-]\s+(.*)$", line)
        number = re.match(r"^(\s*)\d+\.\s+(.*)$", line)
        if bullet or number:
            flush()
            match = bullet or number
            text = [match.group(2)]
            i += 1
            while (
                i < len(lines)
                and lines[i].strip()
                and lines[i].startswith("  ")
                and not re.match(r"^\s*([*-]|\d+\.)\s+", lines[i])
            ):
                text.append(lines[i].strip())
                i += 1
            if bullet:
                style = "List Bullet 2" if len(match.group(1)) >= 2 else "List Bullet"
            else:
                style = "List Number"
            doc.add_paragraph(inline(" ".join(text)), style=style)
            continue
        if not stripped:
            flush()
        else:
            para.append(stripped)
        i += 1
    flush()
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    build(sys.argv[2] if len(sys.argv) > 2 else "README.md", sys.argv[1])
