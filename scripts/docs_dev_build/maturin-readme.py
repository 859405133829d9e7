"""Build maturin-readme.docx from the maturin README (Markdown).

Usage: python build_maturin-readme.py OUT.docx SOURCE

Source: README.md of the maturin 1.16.0 source distribution on PyPI
(``pip download --no-deps --no-binary :all: maturin==1.16.0``, file
``maturin-1.16.0/README.md`` inside ``maturin-1.16.0.tar.gz``).
Licence: maturin is licensed under either of the Apache License, Version 2.0
or the MIT license, at your option (as the README's "License" section states).

Mapping from Markdown to Word (no text is reworded, only laid out):
- ``#`` .. ``####`` headings -> "Title" (level 1) and "Heading 1".."Heading 3";
- paragraphs (consecutive lines joined with a space) -> "Normal";
- ``- `` list items -> "List Bullet" (continuation lines joined);
- fenced code blocks -> one "Code" paragraph per line (Courier New, 9 pt),
  with the fence's language dropped;
- ``> [!NOTE]`` blocks -> a bold "Note" line and "Quote" paragraphs;
- ``**bold**`` -> bold run, ``_italic_`` -> italic run, ``code`` -> Courier New
  run; links ``[text](url)`` keep their text, followed by no URL;
- badge images at the top (``[![...](...)](...)``) are left out.
Core properties are set to fixed values so that rebuilding gives the same text.
"""

import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

FIXED = datetime.datetime(2025, 1, 1, 0, 0, 0)
INLINE = re.compile(r"(\*\*[^*]+\*\*|`[^`]+`|(?<![\w])_[^_]+_(?![\w]))")
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
MONO = "Courier New"


def add_inline(par, text):
    """Add text to a paragraph, turning Markdown inline marks into runs."""
    text = LINK.sub(r"\1", text)
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            par.add_run(part[2:-2]).bold = True
        elif part.startswith("`") and part.endswith("`") and len(part) > 2:
            run = par.add_run(part[1:-1])
            run.font.name = MONO
        elif part.startswith("_") and part.endswith("_") and len(part) > 2:
            par.add_run(part[1:-1]).italic = True
        else:
            par.add_run(part)


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = MONO
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def build(out, source):
    with open(source, encoding="utf-8") as f:
        lines = f.read().splitlines()
    doc = Document()
    code_style(doc)
    heading_styles = {1: "Title", 2: "Heading 1", 3: "Heading 2", 4: "Heading 3"}
    para = []  # lines of the current paragraph
    item = None  # lines of the current list item

    def flush():
        nonlocal para, item
        if para:
            add_inline(doc.add_paragraph(style="Normal"), " ".join(para))
            para = []
        if item is not None:
            add_inline(doc.add_paragraph(style="List Bullet"), " ".join(item))
            item = None

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith(("[![", "![")):
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
        m = re.match(r"^(#{1,4}) (.*)$", line)
        if m:
            flush()
            add_inline(doc.add_paragraph(style=heading_styles[len(m.group(1))]), m.group(2))
            i += 1
            continue
        if stripped.startswith(">"):
            flush()
            quote = []
            while i < len(lines) and lines[i].strip().startswith(">"):
                quote.append(lines[i].strip()[1:].strip())
                i += 1
            for q in quote:
                if q == "[!NOTE]":
                    doc.add_paragraph().add_run("Note").bold = True
                elif q:
                    add_inline(doc.add_paragraph(style="Quote"), q)
            continue
        if stripped.startswith("- "):
            flush()
            item = [stripped[2:]]
            i += 1
            continue
        if not stripped:
            flush()
            i += 1
            continue
        if item is not None:
            item.append(stripped)
        else:
            para.append(stripped)
        i += 1
    flush()

    props = doc.core_properties
    props.title = "Maturin"
    props.author = "maturin contributors"
    props.created = FIXED
    props.modified = FIXED
    props.last_printed = FIXED
    props.revision = 1
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
