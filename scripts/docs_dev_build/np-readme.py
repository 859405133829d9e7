"""Build np-readme.docx: the README of np laid out as a Word document.

Source: readme.md of the npm package np 11.2.2 (``npm pack np`` and
``tar xzf np-11.2.2.tgz``, file ``package/readme.md``), the README of np,
"A better npm publish", the interactive release tool for npm packages by
Sindre Sorhus.

Usage:
    python build_np-readme.py OUT.docx [SOURCE]

SOURCE defaults to ``fetch/npm/np-11.2.2/package/readme.md`` (relative to
the batch folder).

Licence: np and its README are under the MIT licence (``package/license``,
``license`` in package.json), which permits redistribution with the
copyright notice kept.

Mapping (no sentence is reworded, only the markup is turned into Word):
    - ``#`` .. ``###`` headings -> Heading 1 .. Heading 3 (the code style
      badge beside the title is dropped);
    - ``> text`` block quote -> a paragraph in the 'Quote' style;
    - ``<img>`` lines (screenshots) -> dropped;
    - ``- item`` list items, with their indented continuation lines joined
      to them by a space -> List Bullet; the HTML tags ``<br>``, ``<sub>``
      and ``</sub>`` inside an item are dropped, their text kept;
    - fenced code blocks -> one paragraph per line in a 'Code' paragraph
      style (monospace), blank lines kept as empty Code paragraphs;
    - ordinary paragraphs -> Normal paragraphs, lines joined with spaces;
    - inline ``**bold**`` -> bold runs, inline ```code``` -> monospace runs,
      ``[text](url)`` links -> their text (itself laid
      out by these rules), a paragraph wrapped in
      ``_ .. _`` -> italic runs.
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "fetch/npm/np-11.2.2/package/readme.md"
MONO = "Courier New"

INLINE = re.compile(r"(\*\*.+?\*\*|`[^`]+`|\[[^\]]+\]\([^)]+\))")
BADGE = re.compile(r"\s*\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)")
TAGS = re.compile(r"</?(?:br|sub)>")
BULLET = re.compile(r"^- (.*)$")
HEADING = re.compile(r"^(#{1,6}) (.*)$")


def add_inline(par, text, italic=False):
    """Add text to a paragraph, turning inline Markdown into runs."""
    for piece in INLINE.split(text):
        if not piece:
            continue
        if piece.startswith("**") and piece.endswith("**") and len(piece) > 4:
            run = par.add_run(piece[2:-2])
            run.bold = True
        elif piece.startswith("`") and piece.endswith("`") and len(piece) > 2:
            run = par.add_run(piece[1:-1])
            run.font.name = MONO
        elif piece.startswith("[") and piece.endswith(")"):
            add_inline(par, piece[1 : piece.index("](")], italic)
            continue
        else:
            run = par.add_run(piece)
        if italic:
            run.italic = True


def add_text(doc, text, style=None):
    """Add a paragraph; a paragraph wrapped in underscores becomes italic."""
    par = doc.add_paragraph(style=style)
    if len(text) > 2 and text.startswith("_") and text.endswith("_"):
        add_inline(par, text[1:-1], italic=True)
    else:
        add_inline(par, text)
    return par


def make_styles(doc):
    """Add the 'Code' paragraph style."""
    code = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = doc.styles["Normal"]
    code.font.name = MONO
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(0)


def build(lines, doc):
    """Lay the Markdown lines out into doc."""
    i = 0
    para = []

    def flush():
        if para:
            add_text(doc, " ".join(s.strip() for s in para))
            para.clear()

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i].rstrip().replace("\t", "    "), style="Code")
                i += 1
            i += 1
            continue
        heading = HEADING.match(line)
        if heading:
            flush()
            level = min(len(heading.group(1)), 3)
            text = BADGE.sub("", heading.group(2)).strip()
            doc.add_heading("", level=level)
            add_inline(doc.paragraphs[-1], text)
            i += 1
            continue
        if stripped.startswith("<img"):
            flush()
            i += 1
            continue
        if stripped.startswith("> "):
            flush()
            add_text(doc, stripped[2:], style="Quote")
            i += 1
            continue
        bullet = BULLET.match(line)
        if bullet:
            flush()
            parts = [bullet.group(1)]
            i += 1
            while i < len(lines) and lines[i].startswith("  ") and lines[i].strip():
                parts.append(lines[i].strip())
                i += 1
            text = " ".join(p for p in (TAGS.sub("", s).strip() for s in parts) if p)
            add_text(doc, text, style="List Bullet")
            continue
        if not stripped:
            flush()
            i += 1
            continue
        para.append(line)
        i += 1
    flush()


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    out = Path(argv[1])
    source = Path(argv[2] if len(argv) > 2 else DEFAULT_SOURCE)
    doc = Document()
    make_styles(doc)
    doc.core_properties.title = "np"
    build(source.read_text(encoding="utf-8").splitlines(), doc)
    doc.save(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
