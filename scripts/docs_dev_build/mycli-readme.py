"""Build mycli-readme.docx: the mycli README laid out as a Word document.

Source: the README of mycli 2.30.1 (the Markdown long description in the
wheel's METADATA, after its header block), from PyPI:
``pip download --no-deps mycli==2.30.1`` then
``unzip -p mycli-2.30.1-py3-none-any.whl mycli-2.30.1.dist-info/METADATA``.

Usage::

    python build_mycli-readme.py OUT.docx [SOURCE]

SOURCE is the METADATA file (its header block, up to the first blank line,
is skipped) or a plain README.md; it defaults to ``mycli.META`` beside the
fetch folder of this batch.

Licence: mycli is released under the BSD 3-Clause License (see LICENSE.txt
in the wheel); the README text is reproduced unchanged, without rewording.

Mapping from Markdown to Word:

* ``#`` .. ``####`` headings -> Heading 1 .. Heading 4 (the first ``#``
  heading becomes the document Title);
* ``*`` / ``-`` list items -> List Bullet (nested items -> List Bullet 2);
* ``1.`` list items -> List Number;
* pipe tables -> Word tables (style "Table Grid"), header row in bold;
* fenced code blocks -> one paragraph per line in a 'Code' paragraph style
  (monospaced);
* block quotes -> Quote;
* other text -> Normal paragraphs, wrapped lines joined with a space;
* inline markup: ``**bold**`` -> bold run, ```code``` -> monospaced run,
  ``[text](url)`` -> text, ``<kbd>x</kbd>`` -> x; images, badges and raw
  HTML blocks (``<div>``, ``<img>``, ``</br>``) are left out.
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = Path(__file__).resolve().parent.parent / "fetch" / "mycli.META"

IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
KBD = re.compile(r"</?kbd>")
INLINE = re.compile(r"(\*\*[^*]+\*\*|`[^`]+`)")
BULLET = re.compile(r"^(\s*)[*-]\s+(.*)$")
NUMBER = re.compile(r"^(\s*)\d+\.\s+(.*)$")
HEADING = re.compile(r"^(#{1,6})\s+(.*)$")


def read_readme(path):
    """Return the README lines; skip a METADATA header block if present."""
    text = Path(path).read_text(encoding="utf-8")
    if text.startswith("Metadata-Version:"):
        text = text.split("\n\n", 1)[1]
    return text.splitlines()


def clean(text):
    """Drop images and raw inline HTML, keep link texts."""
    text = IMAGE.sub("", text)
    text = LINK.sub(r"\1", text)
    return KBD.sub("", text)


def add_runs(paragraph, text):
    """Add text to a paragraph, with bold and code runs."""
    for part in INLINE.split(clean(text)):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**"):
            paragraph.add_run(part[2:-2]).bold = True
        elif part.startswith("`") and part.endswith("`"):
            run = paragraph.add_run(part[1:-1])
            run.font.name = "Courier New"
        else:
            paragraph.add_run(part)


def code_style(doc):
    """Create the 'Code' paragraph style."""
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def add_table(doc, rows):
    """Add a pipe table (list of raw lines) as a Word table."""
    cells = [[c.strip() for c in r.strip().strip("|").split("|")] for r in rows]
    cells = [r for r in cells if not all(re.fullmatch(r":?-+:?", c) for c in r)]
    table = doc.add_table(rows=len(cells), cols=len(cells[0]))
    table.style = "Table Grid"
    for i, row in enumerate(cells):
        for j, value in enumerate(row):
            paragraph = table.cell(i, j).paragraphs[0]
            add_runs(paragraph, value)
            if i == 0:
                for run in paragraph.runs:
                    run.bold = True


def build(lines, out):
    doc = Document()
    code_style(doc)
    para = []
    first_heading = True
    i = 0

    def flush():
        if para:
            add_runs(doc.add_paragraph(), " ".join(s.strip() for s in para))
            para.clear()

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            indent = len(line) - len(line.lstrip())
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i][indent:], style="Code")
                i += 1
            i += 1
            continue
        if not stripped or stripped.startswith("<"):
            flush()
        elif HEADING.match(stripped):
            flush()
            hashes, title = HEADING.match(stripped).groups()
            if first_heading and len(hashes) == 1:
                add_runs(doc.add_heading(level=0), title)
                first_heading = False
            else:
                add_runs(doc.add_heading(level=min(len(hashes), 4)), title)
        elif stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(doc, rows)
            continue
        elif BULLET.match(line):
            flush()
            indent, item = BULLET.match(line).groups()
            style = "List Bullet 2" if len(indent) >= 2 else "List Bullet"
            add_runs(doc.add_paragraph(style=style), item)
        elif NUMBER.match(line):
            flush()
            add_runs(doc.add_paragraph(style="List Number"), NUMBER.match(line).group(2))
        elif stripped.startswith(">"):
            flush()
            add_runs(doc.add_paragraph(style="Quote"), stripped.lstrip("> "))
        elif clean(stripped).strip():
            para.append(stripped)
        i += 1
    flush()
    doc.save(out)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    source = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_SOURCE
    build(read_readme(source), sys.argv[1])


if __name__ == "__main__":
    main()
