"""Build furl-readme.docx from the furl README (Markdown) with python-docx.

Usage: python build_furl-readme.py OUT.docx SOURCE

Source: README.md of furl 2.1.4, from the PyPI source distribution
furl-2.1.4.tar.gz (``pip download --no-deps --no-binary :all: furl==2.1.4``),
path furl-2.1.4/README.md.

Licence: furl is released into the public domain under the Unlicense
(furl-2.1.4/LICENSE.md; PyPI metadata "License: Unlicense").

Mapping (the wording is copied unchanged; only the layout is translated):
- the centred HTML block with the logo (``<h1>`` holding ``<img alt="furl">``)
  becomes a Title paragraph with the image's alt text "furl"; the HTML block of
  badge images (``<p align="center">``) is left out, as it holds no text;
- ``##`` headings become Heading 1, ``###`` Heading 2, ``####`` Heading 3;
  a ``<br>`` inside a heading becomes a line break;
- paragraphs become Normal paragraphs, their source lines joined by spaces;
- ``*`` list items become List Bullet (List Bullet 2 when indented by four
  spaces or more), continuation lines joined by spaces;
- fenced code blocks become one paragraph per line in a "Code" paragraph
  style (Courier New, 9 pt); the fence's language name is dropped;
- inline ``code`` becomes a Courier New run, ``__bold__`` and ``**bold**``
  bold runs, and ``[text](url)`` links become their text (underlined);
- the README has no tables, so none are made.
"""
import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

FIXED_DATE = datetime.datetime(2024, 1, 1, 0, 0, 0)
INLINE = re.compile(r"(`[^`]+`|__.+?__|\*\*.+?\*\*|\[[^\]]+\]\([^)]*\))")
BULLET = re.compile(r"^( *)\* (.*)$")
HEADING = re.compile(r"^(#{1,6}) (.*)$")


def add_inline(par, text):
    """Add text to a paragraph, turning Markdown inline markup into runs."""
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = par.add_run(part[1:-1])
            run.font.name = "Courier New"
        elif (part.startswith("__") and part.endswith("__") and len(part) > 4) or (
            part.startswith("**") and part.endswith("**") and len(part) > 4
        ):
            add_inline_bold(par, part[2:-2])
        elif part.startswith("[") and part.endswith(")") and "](" in part:
            label = part[1 : part.index("](")]
            run = par.add_run(label)
            run.underline = True
        else:
            par.add_run(part)


def add_inline_bold(par, text):
    """Bold text, keeping inline code inside it monospaced."""
    for part in re.split(r"(`[^`]+`)", text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = par.add_run(part[1:-1])
            run.font.name = "Courier New"
        else:
            run = par.add_run(part)
        run.bold = True


def code_style(doc):
    """Return a monospaced paragraph style for code blocks."""
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.space_before = Pt(0)
    return style


def build(out_path, source_path):
    with open(source_path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    doc = Document()
    code = code_style(doc)
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            i += 1
            continue
        if stripped.startswith("<h1"):
            block = []
            while i < n and "</h1>" not in lines[i]:
                block.append(lines[i])
                i += 1
            block.append(lines[i] if i < n else "")
            i += 1
            alt = re.search(r'alt="([^"]*)"', " ".join(block))
            doc.add_paragraph(alt.group(1) if alt else "", style="Title")
            continue
        if stripped.startswith("<p"):
            while i < n and "</p>" not in lines[i]:
                i += 1
            i += 1
            continue
        if stripped.startswith("```"):
            i += 1
            while i < n and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i], style=code)
                i += 1
            i += 1
            continue
        m = HEADING.match(line)
        if m:
            level = max(1, len(m.group(1)) - 1)
            par = doc.add_paragraph(style=f"Heading {level}")
            pieces = m.group(2).split("<br>")
            for k, piece in enumerate(pieces):
                if k:
                    par.add_run().add_break()
                add_inline(par, piece)
            i += 1
            continue
        m = BULLET.match(line)
        if m:
            indent = len(m.group(1))
            text = [m.group(2).strip()]
            i += 1
            while (
                i < n
                and lines[i].strip()
                and not BULLET.match(lines[i])
                and not lines[i].strip().startswith("```")
            ):
                text.append(lines[i].strip())
                i += 1
            style = "List Bullet 2" if indent >= 4 else "List Bullet"
            add_inline(doc.add_paragraph(style=style), " ".join(text))
            continue
        text = []
        while (
            i < n
            and lines[i].strip()
            and not lines[i].strip().startswith("```")
            and not HEADING.match(lines[i])
            and not BULLET.match(lines[i])
        ):
            text.append(lines[i].strip())
            i += 1
        add_inline(doc.add_paragraph(), " ".join(text))
    props = doc.core_properties
    props.title = "furl README"
    props.author = "furl"
    props.last_modified_by = "furl"
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE
    props.revision = 1
    doc.save(out_path)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: build_furl-readme.py OUT.docx SOURCE")
    build(sys.argv[1], sys.argv[2])
