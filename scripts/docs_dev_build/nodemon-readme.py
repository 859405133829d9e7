"""Build nodemon-readme.docx: the nodemon README laid out as a Word document.

Source: README.md of the npm package nodemon 3.1.14 (`npm pack nodemon`, then
`tar xzf nodemon-3.1.14.tgz`, file `package/README.md`), by Remy Sharp and the
nodemon contributors.

Usage: python build_nodemon-readme.py OUT.docx [SOURCE]
    SOURCE defaults to fetch/n_nodemon/package/README.md (relative to the batch folder).

Licence: nodemon and its README are under the MIT licence (package.json "license": "MIT";
README section "License"), which permits copying and redistribution.

Mapping (no sentence is reworded; only Markdown markup is turned into Word layout):
    "# ..." / "## ..." / "### ..."  -> Heading 1 / Heading 2 / Heading 3
    "- item" lines                  -> List Bullet paragraphs
    "1. item" lines                 -> List Number paragraphs
    "> quote" lines                 -> Quote paragraphs
    fenced code blocks (```)        -> one 'Code' paragraph per line (monospace style made here)
    pipe tables                     -> Word tables (header row bold)
    other text lines                -> Normal paragraphs, consecutive lines joined by a space
    inline `code`                   -> monospace run; **bold** -> bold run; *text* / _text_ -> italic run
    [text](url) links               -> their text
    raw HTML lines (logo, sponsor list) and image-only badge lines are left out: they carry
    pictures and links, no prose.
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = Path(__file__).resolve().parent.parent / "fetch/n_nodemon/package/README.md"

INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|\*[^*\s][^*]*\*|_[^_\s][^_]*_)")
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


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


def strip_links(text):
    """Drop images and keep only the text of links."""
    text = IMAGE.sub("", text)
    return LINK.sub(r"\1", text)


def add_inline(paragraph, text, bold=False, italic=False):
    """Add text to a paragraph, turning inline Markdown markup into runs."""
    for part in INLINE.split(strip_links(text)):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = paragraph.add_run(part[1:-1])
            run.font.name = "Courier New"
            run.bold, run.italic = bold or None, italic or None
        elif part.startswith("**") and part.endswith("**") and len(part) > 4:
            add_inline(paragraph, part[2:-2], True, italic)
        elif (part[0] in "*_") and part.endswith(part[0]) and len(part) > 2:
            add_inline(paragraph, part[1:-1], bold, True)
        else:
            run = paragraph.add_run(part)
            run.bold, run.italic = bold or None, italic or None


def is_skipped(line):
    """Raw HTML and image-only badge lines carry no prose."""
    stripped = line.strip()
    if stripped.startswith("<"):
        return True
    return stripped.startswith("[![") or (stripped.startswith("![") and not strip_links(stripped).strip())


def table_cells(line):
    return [c.strip() for c in line.strip().strip("|").split("|")]


def build(source, out):
    doc = Document()
    code = code_style(doc)
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    para = []

    def flush():
        if para:
            add_inline(doc.add_paragraph(), " ".join(s.strip() for s in para))
            para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i], style=code)
                i += 1
        elif not stripped or is_skipped(line):
            flush()
        elif m := re.match(r"(#{1,6})\s+(.*)", stripped):
            flush()
            add_inline(doc.add_heading(level=min(len(m.group(1)), 3)), m.group(2))
        elif re.match(r"[-*+]\s+", stripped):
            flush()
            add_inline(doc.add_paragraph(style="List Bullet"), re.sub(r"^[-*+]\s+", "", stripped))
        elif re.match(r"\d+\.\s+", stripped):
            flush()
            add_inline(doc.add_paragraph(style="List Number"), re.sub(r"^\d+\.\s+", "", stripped))
        elif stripped.startswith(">"):
            flush()
            add_inline(doc.add_paragraph(style="Quote"), stripped.lstrip(">").strip())
        elif stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                cells = table_cells(lines[i])
                if not all(re.fullmatch(r":?-+:?", c) for c in cells):
                    rows.append(cells)
                i += 1
            table = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            table.style = "Table Grid"
            for r, cells in enumerate(rows):
                for c, text in enumerate(cells):
                    cell_para = table.cell(r, c).paragraphs[0]
                    add_inline(cell_para, text)
                    if r == 0:
                        for run in cell_para.runs:
                            run.bold = True
            continue
        else:
            para.append(line)
        i += 1
    flush()
    doc.core_properties.title = "nodemon README"
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: python build_nodemon-readme.py OUT.docx [SOURCE]")
    build(sys.argv[2] if len(sys.argv) == 3 else DEFAULT_SOURCE, sys.argv[1])
