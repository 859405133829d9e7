"""Lay out the serve-handler README as a Word document.

Source: README.md of the npm package serve-handler 6.1.8 (Vercel, "The routing
foundation of `serve`"), obtained with `npm pack serve-handler@6.1.8` and
unpacked from serve-handler-6.1.8.tgz (package/README.md).

Usage:
    python build_serve_handler-readme.py OUT.docx [SOURCE]

SOURCE defaults to fetch/x_sh/package/README.md next to this build folder.

Licence: serve-handler and its README are MIT licensed (package/LICENSE,
"Copyright (c) 2018 ZEIT, Inc."); this document reproduces the README text.

Mapping (no sentence is reworded; only Markdown markup is turned into layout):
    # / ## / ###  headings       -> Title / Heading 1 / Heading 2
    paragraphs (wrapped lines)    -> Normal paragraphs, lines joined with a space
    ``` fenced code blocks        -> one 'Code' paragraph per line (monospace)
    | pipe tables |               -> Word table ('Table Grid'), first row bold
    - / * bullet items            -> List Bullet
    1. numbered items             -> List Number
    **bold**                      -> bold run
    `inline code`                 -> Courier New run
    [text](url) and [text][ref]   -> the link text only
    badge image lines, reference-link definitions and HTML comments are left out.
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = Path(__file__).resolve().parent.parent / "fetch" / "x_sh" / "package" / "README.md"

LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|\[([^\]]+)\]\[[^\]]*\]")
INLINE = re.compile(r"(\*\*[^*]+\*\*|`[^`]+`)")
REF_DEF = re.compile(r"^\[[^\]]+\]:\s*\S+")
BADGE = re.compile(r"^\[!\[")
BULLET = re.compile(r"^\s*[-*]\s+(.*)")
NUMBER = re.compile(r"^\s*\d+\.\s+(.*)")


def strip_links(text):
    """Replace Markdown links by their visible text."""
    return LINK.sub(lambda m: m.group(1) if m.group(1) is not None else m.group(2), text)


def add_runs(paragraph, text, code_font="Courier New"):
    """Add text to a paragraph, turning **bold** and `code` into runs."""
    text = strip_links(text)
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            paragraph.add_run(part[2:-2]).bold = True
        elif part.startswith("`") and part.endswith("`") and len(part) > 2:
            run = paragraph.add_run(part[1:-1])
            run.font.name = code_font
        else:
            paragraph.add_run(part)


def code_style(document):
    """Return the 'Code' paragraph style, creating it if needed."""
    styles = document.styles
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
    """Split a Markdown table row into its cells."""
    cells = line.strip().strip("|").split("|")
    return [c.strip() for c in cells]


def add_table(document, rows):
    """Add a Markdown pipe table (header, separator, body rows) as a Word table."""
    header = split_row(rows[0])
    body = [split_row(r) for r in rows[2:]]
    table = document.add_table(rows=1 + len(body), cols=len(header))
    table.style = "Table Grid"
    for i, text in enumerate(header):
        cell = table.rows[0].cells[i]
        add_runs(cell.paragraphs[0], text)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for r, row in enumerate(body, start=1):
        for i, text in enumerate(row[: len(header)]):
            add_runs(table.rows[r].cells[i].paragraphs[0], text)


def build(source, out):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    document = Document()
    code = code_style(document)
    para = []

    def flush():
        if para:
            add_runs(document.add_paragraph(), " ".join(s.strip() for s in para))
            para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                document.add_paragraph(lines[i], style=code)
                i += 1
            i += 1
            continue
        if not stripped or BADGE.match(stripped) or REF_DEF.match(stripped) or stripped.startswith("<!--"):
            flush()
            i += 1
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)", stripped)
        if heading:
            flush()
            level = len(heading.group(1)) - 1
            p = document.add_heading(level=min(level, 9))
            add_runs(p, heading.group(2))
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
        bullet = BULLET.match(line)
        number = NUMBER.match(line)
        if bullet or number:
            flush()
            style = "List Bullet" if bullet else "List Number"
            add_runs(document.add_paragraph(style=style), (bullet or number).group(1))
            i += 1
            continue
        para.append(line)
        i += 1
    flush()
    document.save(out)


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit("usage: python build_serve_handler-readme.py OUT.docx [SOURCE]")
    source = argv[2] if len(argv) == 3 else DEFAULT_SOURCE
    build(source, argv[1])


if __name__ == "__main__":
    main(sys.argv)
