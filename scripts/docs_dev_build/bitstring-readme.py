"""Build bitstring-readme.docx: the README of bitstring laid out as a Word document.

Source: the long description (the project's README, Markdown) in
``bitstring-5.0.0.dist-info/METADATA`` of the PyPI wheel bitstring 5.0.0
(``pip download --no-deps bitstring`` gives
``bitstring-5.0.0-py3-none-any.whl``; ``unzip`` it), i.e. everything after
the METADATA header block. bitstring is the Python library for bit-level
binary data by Scott Griffiths.

Usage:
    python build_bitstring-readme.py OUT.docx [SOURCE]

SOURCE is the METADATA file (or a plain README.md); it defaults to
``fetch/pypi/bitstring/bitstring-5.0.0.dist-info/METADATA`` relative to the
batch folder. If SOURCE starts with a ``Metadata-Version:`` header block,
that block is skipped.

Licence: bitstring and its README are under the MIT licence (METADATA
``License: MIT``, ``LICENSE``), which permits redistribution with the
copyright notice kept.

Mapping (no sentence is reworded, only the markup is turned into Word):
    - ``#`` .. ``###`` headings -> Heading 1 .. Heading 3;
    - ``* item`` list items -> List Bullet; ``1. item`` -> List Number;
    - fenced code blocks -> one paragraph per line in a 'Code' paragraph
      style (monospace);
    - ``>`` block quotes -> Quote paragraphs (the GitHub ``[!NOTE]`` marker
      line becomes a bold "NOTE" paragraph in Quote style);
    - ordinary paragraphs -> Normal paragraphs, lines joined with spaces;
    - inline ``**bold**`` -> bold runs, inline ```code``` -> monospace runs,
      ``[text](url)`` links -> their text (nested links resolved);
    - ``<sub>`` text -> a Normal paragraph with a smaller font;
    - logo and badge images, the HTML image link, ``&nbsp;`` spacers and
      ``----`` rules are dropped (they carry no text a reader sees).
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "fetch/pypi/bitstring/bitstring-5.0.0.dist-info/METADATA"
LINK = re.compile(r"\[([^\[\]]*)\]\(([^()]*)\)")
INLINE = re.compile(r"(\*\*[^*]+\*\*|`[^`]+`)")


def read_markdown(path):
    """Return the Markdown text of SOURCE, without a METADATA header block."""
    text = Path(path).read_text(encoding="utf-8")
    if text.startswith("Metadata-Version:"):
        text = text.split("\n\n", 1)[1]
    return text


def strip_links(text):
    """Replace Markdown links by their text, innermost first."""
    while True:
        new = LINK.sub(lambda m: m.group(1), text)
        if new == text:
            return new
        text = new


def add_inline(par, text):
    """Add TEXT to paragraph PAR, turning **bold** and `code` into runs."""
    for part in INLINE.split(strip_links(text)):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**"):
            par.add_run(part[2:-2]).bold = True
        elif part.startswith("`") and part.endswith("`"):
            run = par.add_run(part[1:-1])
            run.font.name = "Courier New"
        else:
            par.add_run(part)


def code_style(doc):
    """Create the 'Code' paragraph style."""
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def is_dropped(line):
    """Lines with no text a reader sees: images, badges, spacers, rules."""
    s = line.strip()
    return (
        s.startswith(("![", "[!["))
        or s == "&nbsp; &nbsp;"
        or re.fullmatch(r"-{3,}", s) is not None
    )


def build(src, out):
    lines = read_markdown(src).splitlines()
    doc = Document()
    code_style(doc)
    para = []

    def flush():
        if para:
            add_inline(doc.add_paragraph(), " ".join(s.strip() for s in para))
            para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        s = line.strip()
        if s.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i], style="Code")
                i += 1
            i += 1
            continue
        if s.startswith(("<a ", "<img")) or s == "</a>":
            flush()
            i += 1
            continue
        m = re.fullmatch(r"<sub>(.*)</sub>", s)
        if m:
            flush()
            run = doc.add_paragraph().add_run(m.group(1))
            run.font.size = Pt(8)
            i += 1
            continue
        if not s or is_dropped(line):
            flush()
            i += 1
            continue
        m = re.match(r"(#{1,3})\s+(.*)", s)
        if m:
            flush()
            add_inline(doc.add_heading(level=len(m.group(1))), m.group(2))
            i += 1
            continue
        if s.startswith(">"):
            flush()
            body = s[1:].strip()
            if body == "[!NOTE]":
                doc.add_paragraph(style="Quote").add_run("NOTE").bold = True
            else:
                add_inline(doc.add_paragraph(style="Quote"), body)
            i += 1
            continue
        m = re.match(r"[*-]\s+(.*)", s)
        if m:
            flush()
            add_inline(doc.add_paragraph(style="List Bullet"), m.group(1))
            i += 1
            continue
        m = re.match(r"\d+\.\s+(.*)", s)
        if m:
            flush()
            add_inline(doc.add_paragraph(style="List Number"), m.group(1))
            i += 1
            continue
        para.append(line)
        i += 1
    flush()
    doc.core_properties.title = "bitstring README"
    doc.save(out)


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit(__doc__)
    build(argv[2] if len(argv) == 3 else DEFAULT_SOURCE, argv[1])


if __name__ == "__main__":
    main(sys.argv)
