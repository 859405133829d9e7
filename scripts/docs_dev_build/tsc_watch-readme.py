"""Build tsc_watch-readme.docx from the README of tsc-watch.

Usage: python build_tsc_watch-readme.py OUT.docx SOURCE

SOURCE is README.md of the npm package tsc-watch 7.2.1
(`npm pack tsc-watch@7.2.1`, file `package/README.md` inside the tarball).
tsc-watch is released under the MIT licence (package.json "license": "MIT");
the README text is copied without rewording.

Mapping from Markdown to Word:
- `#`, `##`, `###`, `####` headings -> Heading 1, Heading 2, Heading 3, Heading 4
- paragraphs -> Normal paragraphs (consecutive lines joined with a space)
- `- ` list items -> List Bullet paragraphs
- the pipe table -> a Word table (style "Table Grid", bold header row);
  `<br>` inside a cell -> a line break
- fenced code blocks -> one paragraph per line in the "Code" style
  (Courier New 9 pt, no spacing between lines)
- inline `code` -> Courier New run; **bold** -> bold run;
  [text](url) -> a hyperlink showing text
- the Travis CI build badge image on the first line is left out (an image
  link with no text of its own).
Document dates are fixed so that a rebuild gives the same document.
"""

import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

MONO = "Courier New"
INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|\[[^\]]+\]\([^)]+\))")
LINK = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")
FIXED_DATE = datetime.datetime(2025, 1, 1, 0, 0, 0)


def add_hyperlink(paragraph, text, url):
    """Append a hyperlink run showing text and pointing to url."""
    r_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "0563C1")
    props.append(color)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.append(underline)
    run.append(props)
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def add_inline(paragraph, text):
    """Add text to paragraph, turning inline Markdown into runs."""
    parts = text.split("<br>")
    for i, part in enumerate(parts):
        if i:
            paragraph.add_run().add_break()
        for piece in INLINE.split(part):
            if not piece:
                continue
            if piece.startswith("`") and piece.endswith("`"):
                run = paragraph.add_run(piece[1:-1])
                run.font.name = MONO
            elif piece.startswith("**") and piece.endswith("**"):
                inner = piece[2:-2]
                for sub in re.split(r"(`[^`]+`)", inner):
                    if not sub:
                        continue
                    if sub.startswith("`"):
                        run = paragraph.add_run(sub[1:-1])
                        run.font.name = MONO
                    else:
                        run = paragraph.add_run(sub)
                    run.bold = True
            elif LINK.fullmatch(piece):
                m = LINK.fullmatch(piece)
                add_hyperlink(paragraph, m.group(1), m.group(2))
            else:
                paragraph.add_run(piece)


def table_cells(line):
    return [c.strip() for c in line.strip().strip("|").split("|")]


def build(out, source):
    with open(source, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    doc = Document()
    code_style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code_style.base_style = doc.styles["Normal"]
    code_style.font.name = MONO
    code_style.font.size = Pt(9)
    code_style.font.color.rgb = RGBColor(0x20, 0x20, 0x20)
    code_style.paragraph_format.space_after = Pt(0)
    code_style.paragraph_format.space_before = Pt(0)

    i = 0
    para = []

    def flush():
        if para:
            add_inline(doc.add_paragraph(), " ".join(para))
            para.clear()

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("[![") and i == 0:
            i += 1
            continue
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i], style="Code")
                i += 1
            i += 1
            continue
        m = re.match(r"^(#{1,4})\s+(.*)$", line)
        if m:
            flush()
            heading = doc.add_heading(level=len(m.group(1)))
            add_inline(heading, m.group(2))
            i += 1
            continue
        if stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                cells = table_cells(lines[i])
                if not all(re.fullmatch(r":?-+:?", c) for c in cells):
                    rows.append(cells)
                i += 1
            table = doc.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, cells in enumerate(rows):
                for c, text in enumerate(cells):
                    cell_par = table.cell(r, c).paragraphs[0]
                    add_inline(cell_par, text)
                    if r == 0:
                        for run in cell_par.runs:
                            run.bold = True
            continue
        if stripped.startswith("- "):
            flush()
            add_inline(doc.add_paragraph(style="List Bullet"), stripped[2:])
            i += 1
            continue
        if not stripped:
            flush()
            i += 1
            continue
        para.append(stripped)
        i += 1
    flush()

    props = doc.core_properties
    props.title = "tsc-watch README"
    props.author = "tsc-watch README (npm tsc-watch 7.2.1)"
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE
    props.revision = 1
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
