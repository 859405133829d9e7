"""Lay out the SVGO README as a Word document, without rewording it.

Source: README.md of the npm package svgo 4.1.0 (SVG Optimizer, a Node.js
library and command-line application for optimizing SVG files), obtained with
`npm pack svgo@4.1.0` and unpacked from svgo-4.1.0.tgz (package/README.md).

Usage:
    python build_svgo-readme.py OUT.docx [SOURCE]

SOURCE defaults to fetch/x_svgo/package/README.md next to this build folder.

Licence: SVGO and its README are MIT licensed (package/LICENSE,
package.json "license": "MIT"); this document reproduces the README text.

Mapping (no sentence is reworded; only the markup is turned into layout):
    # / ## / ### headings          -> Title / Heading 1 / Heading 2
    paragraphs (wrapped lines)     -> Normal paragraphs, lines joined by a space
    ``` fenced code blocks         -> one 'Code' paragraph per line (monospace)
    | pipe tables |                -> Word table ('Table Grid'), first row bold
    - / * bullet items             -> List Bullet
    1. numbered items              -> List Number
    **bold**                       -> bold run
    `inline code`                  -> Courier New run
    [text](url)                    -> the link text only
    badge images ([![..](..)](..)) -> left out
    HTML tags (<div>, <img>, <abbr>) -> left out, their text kept
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = Path(__file__).resolve().parent.parent / "fetch" / "x_svgo" / "package" / "README.md"

BADGE = re.compile(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)")
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
TAG = re.compile(r"<[^>]+>")
INLINE = re.compile(r"(\*\*[^*]+\*\*|`[^`]+`)")
BULLET = re.compile(r"^\s*[-*]\s+(.*)")
NUMBER = re.compile(r"^\s*\d+\.\s+(.*)")
HEADING = re.compile(r"^(#{1,6})\s+(.*)")
SEPARATOR = re.compile(r"^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?$")


def clean(text):
    """Drop badges, images and HTML tags; keep the visible text of links."""
    text = BADGE.sub("", text)
    text = IMAGE.sub("", text)
    text = LINK.sub(lambda m: m.group(1), text)
    text = TAG.sub("", text)
    return re.sub(r"\s+", " ", text).strip()


def add_runs(paragraph, text, bold=False):
    """Add text to a paragraph, turning **bold** and `code` into runs."""
    for part in INLINE.split(clean(text)):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            add_runs(paragraph, part[2:-2], bold=True)
        elif part.startswith("`") and part.endswith("`") and len(part) > 2:
            run = paragraph.add_run(part[1:-1])
            run.font.name = "Courier New"
            run.bold = bold
        else:
            paragraph.add_run(part).bold = bold


def code_style(document):
    """Return the 'Code' paragraph style, creating it if needed."""
    styles = document.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_before = Pt(0)
    style.paragraph_format.space_after = Pt(0)
    return style


def split_row(line):
    """Split a Markdown table row into its cells."""
    return [c.strip() for c in line.strip().strip("|").split("|")]


def add_table(document, rows):
    """Add a Markdown pipe table as a Word table; the header row is bold."""
    rows = [split_row(r) for r in rows if not SEPARATOR.match(r.strip())]
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row[:width]):
            add_runs(table.rows[r].cells[c].paragraphs[0], text, bold=(r == 0))


def build(source, out):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    document = Document()
    code = code_style(document)
    para = []

    def flush():
        text = " ".join(s.strip() for s in para)
        para.clear()
        if clean(text):
            add_runs(document.add_paragraph(), text)

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
        if not stripped:
            flush()
            i += 1
            continue
        heading = HEADING.match(stripped)
        if heading:
            flush()
            level = len(heading.group(1)) - 1
            add_runs(document.add_heading(level=level), heading.group(2))
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
        sys.exit("usage: python build_svgo-readme.py OUT.docx [SOURCE]")
    source = argv[2] if len(argv) == 3 else DEFAULT_SOURCE
    build(source, argv[1])


if __name__ == "__main__":
    main(sys.argv)
