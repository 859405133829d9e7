"""Build tsconfig_paths-readme.docx: the README of tsconfig-paths laid out as Word.

Source: README.md of the npm package tsconfig-paths 4.2.0 (``npm pack
tsconfig-paths`` and ``tar xzf tsconfig-paths-4.2.0.tgz``, file
``package/README.md``), the README of tsconfig-paths, which loads modules
whose location is specified in the ``paths`` section of ``tsconfig.json``
or ``jsconfig.json``, at run-time or via its API.

Usage:
    python build_tsconfig_paths-readme.py OUT.docx [SOURCE]

SOURCE defaults to ``fetch/npm/tsconfig-paths/package/README.md``
(relative to the batch folder).

Licence: tsconfig-paths and its README are under the MIT licence
(``package/LICENSE``, ``license`` in package.json), which permits
redistribution with the copyright notice kept.

Mapping (no sentence is reworded, only the markup is turned into Word):
    - ``#`` .. ``###`` headings -> Heading 1 .. Heading 3;
    - the line of badge images under the title and the reference-style
      link definitions at the end (``[name]: url``) are dropped, as a
      reader of the rendered README does not see them as text;
    - ``- item`` list items -> List Bullet;
    - ``1.  item`` numbered items -> List Number;
    - fenced code blocks -> one paragraph per line in a 'Code' paragraph
      style (monospace), blank lines kept as empty Code paragraphs;
    - ordinary paragraphs -> Normal paragraphs; lines of one paragraph are
      joined with a space;
    - inline ``**bold**`` -> bold runs, ``_italic_`` -> italic runs,
      inline ```code``` -> monospace runs, ``[text](url)`` links -> their
      text.
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "fetch/npm/tsconfig-paths/package/README.md"
MONO = "Courier New"

INLINE = re.compile(r"(\*\*.+?\*\*|`[^`]+`|\[[^\]]+\]\([^)]+\)|(?<!\w)_[^_]+_(?!\w))")
BADGE_LINE = re.compile(r"^\[!\[[^\]]*\]\[[^\]]*\]\]\[[^\]]*\]$")
LINK_DEF = re.compile(r"^\[[^\]]+\]: \S+$")
BULLET = re.compile(r"^- (.*)$")
NUMBERED = re.compile(r"^\d+\.\s+(.*)$")
HEADING = re.compile(r"^(#{1,6}) (.*)$")


def add_inline(par, text):
    """Add text to a paragraph, turning inline Markdown into runs."""
    for piece in INLINE.split(text):
        if not piece:
            continue
        if piece.startswith("**") and piece.endswith("**") and len(piece) > 4:
            par.add_run(piece[2:-2]).bold = True
        elif piece.startswith("`") and piece.endswith("`") and len(piece) > 2:
            par.add_run(piece[1:-1]).font.name = MONO
        elif piece.startswith("[") and piece.endswith(")"):
            par.add_run(piece[1 : piece.index("](")])
        elif piece.startswith("_") and piece.endswith("_") and len(piece) > 2:
            par.add_run(piece[1:-1]).italic = True
        else:
            par.add_run(piece)


def make_styles(doc):
    """Add the 'Code' paragraph style."""
    code = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = doc.styles["Normal"]
    code.font.name = MONO
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(0)


def build(source, out):
    """Convert the Markdown README at source into the Word file out."""
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    make_styles(doc)
    para = []  # lines of the current Normal paragraph
    item = None  # [style, text] of the current list item

    def flush():
        nonlocal para, item
        if para:
            add_inline(doc.add_paragraph(), " ".join(para))
            para = []
        if item:
            add_inline(doc.add_paragraph(style=item[0]), item[1])
            item = None

    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].startswith("```"):
                doc.add_paragraph(lines[i], style="Code")
                i += 1
            i += 1
            continue
        heading = HEADING.match(line)
        bullet = BULLET.match(line)
        numbered = NUMBERED.match(line)
        if BADGE_LINE.match(line) or LINK_DEF.match(line):
            flush()
        elif heading:
            flush()
            add_inline(doc.add_heading(level=len(heading.group(1))), heading.group(2))
        elif bullet:
            flush()
            item = ["List Bullet", bullet.group(1).strip()]
        elif numbered:
            flush()
            item = ["List Number", numbered.group(1).strip()]
        elif not line.strip():
            flush()
        elif item is not None and line.startswith(" "):
            item[1] += " " + line.strip()
        else:
            if item:
                flush()
            para.append(line.strip())
        i += 1
    flush()
    doc.core_properties.title = "tsconfig-paths README"
    doc.save(out)


def main(argv):
    """Command line entry point: OUT.docx [SOURCE]."""
    if len(argv) < 2:
        sys.exit(__doc__)
    source = argv[2] if len(argv) > 2 else DEFAULT_SOURCE
    build(source, argv[1])


if __name__ == "__main__":
    main(sys.argv)
