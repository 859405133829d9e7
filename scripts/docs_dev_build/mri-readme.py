"""Build mri-readme.docx: the README of mri laid out as a Word document.

Source: ``readme.md`` of the npm package mri 1.2.0 (``npm pack mri`` and
``tar xzf mri-1.2.0.tgz``, file ``package/readme.md``), the README of mri,
the fast and lightweight JavaScript parser for CLI flags and arguments by
Luke Edwards.

Usage:
    python build_mri-readme.py OUT.docx [SOURCE]

SOURCE defaults to ``fetch/npm/mri-1.2.0/package/readme.md`` (relative to
the batch folder).

Licence: mri and its README are under the MIT licence (``package/license.md``,
``license`` in package.json), which permits redistribution with the
copyright notice kept.

Mapping (no sentence is reworded, only the markup is turned into Word):
    - ``#`` .. ``####`` headings -> Heading 1 .. Heading 4 (the CI badge
      image link after the title is dropped);
    - ``- item`` list items -> List Bullet, nested items -> List Bullet 2 and
      List Bullet 3 by their indentation;
    - fenced code blocks (also those nested in a list item) -> one paragraph
      per line in a 'Code' paragraph style (monospace);
    - ``>`` block quotes -> paragraphs in the 'Quote' style;
    - ordinary paragraphs -> Normal paragraphs, lines joined with spaces and
      ``<br>`` turned into a line break;
    - inline ``**bold**`` -> bold runs, ``_emphasis_`` -> italic runs,
      inline ```code``` -> monospace runs, ``[text](url)`` links -> their
      text.
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "fetch/npm/mri-1.2.0/package/readme.md"
MONO = "Courier New"

BADGE = re.compile(r"\s*\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")
INLINE = re.compile(r"(\*\*.+?\*\*|`[^`]+`|(?<![A-Za-z0-9])_[^_]+_(?![A-Za-z0-9])|<br>)")
BULLET = re.compile(r"^( *)- (.*)$")
FENCE = re.compile(r"^( *)```")
HEADING = re.compile(r"^(#{1,6}) (.*)$")


def add_runs(par, text, bold=False):
    """Add text to a paragraph, turning inline Markdown into runs."""
    text = LINK.sub(r"\1", text)
    for piece in INLINE.split(text):
        if not piece:
            continue
        if piece == "<br>":
            par.add_run().add_break()
        elif piece.startswith("**") and piece.endswith("**") and len(piece) > 4:
            add_runs(par, piece[2:-2], bold=True)
        elif piece.startswith("`") and piece.endswith("`") and len(piece) > 2:
            run = par.add_run(piece[1:-1])
            run.font.name = MONO
            run.bold = bold or None
        elif piece.startswith("_") and piece.endswith("_") and len(piece) > 2:
            run = par.add_run(piece[1:-1])
            run.italic = True
            run.bold = bold or None
        else:
            run = par.add_run(piece)
            run.bold = bold or None


def code_style(doc):
    """Return the 'Code' paragraph style, creating it if needed."""
    styles = doc.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = MONO
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def list_style(indent):
    """Map the indentation of a list item to a List Bullet style."""
    if indent >= 4:
        return "List Bullet 3"
    if indent >= 2:
        return "List Bullet 2"
    return "List Bullet"


def build(source, out):
    """Convert the Markdown README at source into the Word file out."""
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    code = code_style(doc)
    para = []
    quote = []

    def flush():
        if para:
            p = doc.add_paragraph()
            add_runs(p, " ".join(para).replace("<br> ", "<br>"))
            para.clear()
        if quote:
            p = doc.add_paragraph(style="Quote")
            add_runs(p, " ".join(quote))
            quote.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        fence = FENCE.match(line)
        heading = HEADING.match(line)
        bullet = BULLET.match(line)
        if fence:
            flush()
            indent = len(fence.group(1))
            i += 1
            while i < len(lines) and not FENCE.match(lines[i]):
                doc.add_paragraph(lines[i][indent:], style=code)
                i += 1
        elif heading:
            flush()
            title = BADGE.sub("", heading.group(2)).strip()
            h = doc.add_heading(level=len(heading.group(1)))
            add_runs(h, title)
        elif bullet:
            flush()
            p = doc.add_paragraph(style=list_style(len(bullet.group(1))))
            add_runs(p, bullet.group(2))
        elif line.startswith(">"):
            if para:
                flush()
            quote.append(line.lstrip(">").strip())
        elif not line.strip():
            flush()
        else:
            if quote:
                flush()
            para.append(line.strip())
        i += 1
    flush()
    doc.save(out)


def main():
    """Read the command line and build the document."""
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: python build_mri-readme.py OUT.docx [SOURCE]")
    source = sys.argv[2] if len(sys.argv) == 3 else DEFAULT_SOURCE
    build(source, sys.argv[1])


if __name__ == "__main__":
    main()
