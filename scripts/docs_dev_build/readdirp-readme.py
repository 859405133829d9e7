"""Build readdirp-readme.docx: the README of readdirp laid out as a Word document.

Source: README.md of the npm package readdirp 5.1.1 (``npm pack readdirp``
and ``tar xzf readdirp-5.1.1.tgz``, file ``package/README.md``), the README
of readdirp, the recursive version of Node.js ``fs.readdir`` with a stream
API and a promise API, by Thorsten Lorenz and Paul Miller.

Usage:
    python build_readdirp-readme.py OUT.docx [SOURCE]

SOURCE defaults to ``fetch/npm/readdirp/package/README.md`` (relative to
the batch folder).

Licence: readdirp and its README are under the MIT licence
(``package/LICENSE``, ``license`` in package.json), which permits
redistribution with the copyright notice kept.

Mapping (no sentence is reworded, only the markup is turned into Word):
    - ``#`` .. ``###`` headings -> Heading 1 .. Heading 3 (the download
      badge image beside the title is dropped);
    - ``- item`` list items, with their indented continuation lines joined
      to them by a space -> List Bullet; nested items by their indent
      (4, 8, 12 spaces) -> List Bullet 2, List Bullet 3, List Bullet 4;
    - fenced code blocks -> one paragraph per line in a 'Code' paragraph
      style (monospace), blank lines kept as empty Code paragraphs;
    - ordinary paragraphs -> Normal paragraphs, lines joined with spaces;
    - inline ``**bold**`` -> bold runs, inline ```code``` -> monospace runs,
      ``[text](url)`` links -> their text, ``<url>`` autolinks -> the url.
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Inches, Pt

DEFAULT_SOURCE = "fetch/npm/readdirp/package/README.md"
MONO = "Courier New"

INLINE = re.compile(r"(\*\*.+?\*\*|`[^`]+`|\[[^\]]+\]\([^)]+\)|<https?://[^>]+>)")
BADGE = re.compile(r"\s*\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)")
BULLET = re.compile(r"^( *)- (.*)$")
HEADING = re.compile(r"^(#{1,6}) (.*)$")
LIST_STYLES = ["List Bullet", "List Bullet 2", "List Bullet 3", "List Bullet 4"]


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
        elif piece.startswith("<http") and piece.endswith(">"):
            par.add_run(piece[1:-1])
        else:
            par.add_run(piece)


def make_styles(doc):
    """Add the 'Code' paragraph style and a fourth bullet level."""
    styles = doc.styles
    code = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = styles["Normal"]
    code.font.name = MONO
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(0)
    names = {s.name for s in styles}
    if "List Bullet 4" not in names:
        level4 = styles.add_style("List Bullet 4", WD_STYLE_TYPE.PARAGRAPH)
        level4.base_style = styles["List Bullet 3"]
        level4.paragraph_format.left_indent = Inches(1.5)


def build(source, out):
    """Convert the Markdown README at source into the Word file out."""
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    make_styles(doc)
    para = []  # lines of the current Normal paragraph
    item = None  # [level, text] of the current list item

    def flush():
        nonlocal para, item
        if para:
            add_inline(doc.add_paragraph(), " ".join(para))
            para = []
        if item:
            add_inline(doc.add_paragraph(style=LIST_STYLES[item[0]]), item[1])
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
        if heading:
            flush()
            text = BADGE.sub("", heading.group(2)).strip()
            add_inline(doc.add_heading(level=len(heading.group(1))), text)
        elif bullet:
            flush()
            level = min((len(bullet.group(1)) + 3) // 4, len(LIST_STYLES) - 1)
            item = [level, bullet.group(2).strip()]
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
    doc.core_properties.title = "readdirp README"
    doc.save(out)


def main(argv):
    """Command line entry point: OUT.docx [SOURCE]."""
    if len(argv) < 2:
        sys.exit(__doc__)
    source = argv[2] if len(argv) > 2 else DEFAULT_SOURCE
    build(source, argv[1])


if __name__ == "__main__":
    main(sys.argv)
