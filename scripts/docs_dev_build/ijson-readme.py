"""Build ijson-readme.docx: the README of ijson laid out as a Word document.

Source: the long description (README, reStructuredText) of the PyPI package
ijson 3.6.0, the iterative JSON parser with standard Python iterator
interfaces (`pip download --no-deps ijson` ->
ijson-3.6.0-cp311-cp311-manylinux2014_x86_64...whl, unzipped; file
ijson-3.6.0.dist-info/METADATA, the text after its header block).

Usage: python build_ijson-readme.py OUT.docx [SOURCE]
    SOURCE defaults to ../fetch/ij/ijson-3.6.0.dist-info/METADATA (relative
    to this script). The e-mail style header block of METADATA (up to the
    first blank line) is skipped; the rest is read as reStructuredText.

Licence: ijson is released under the BSD 3-Clause licence (with ISC-licensed
parts: METADATA "License-Expression: BSD-3-Clause AND ISC", LICENSE.txt); the
Word file is a re-layout of that text and carries the same licence.

Mapping (no sentence is reworded; text is copied as it stands):
    title with over- and underline "====="  -> Title style
    sections underlined "===="               -> Heading 1
    sections underlined "----"               -> Heading 2
    "- " / "* " bullet items                 -> List Bullet (List Bullet 2 when nested)
    "#. " enumerated items (the FAQ)         -> List Number; the item's further
                                                paragraphs -> List Continue
    ".. code-block::" and "::" literal blocks -> one 'Code' paragraph per line
                                                (monospace style)
    "Paragraph::"                            -> "Paragraph:" as reST renders it
    ordinary paragraphs                      -> Normal, lines joined by spaces;
        ``code`` -> Courier New runs, **bold** -> bold runs, *emphasis* ->
        italic runs, `text <url>`_ -> text, name_ references -> name
    tables                                   -> Word tables (the source has none)
    ".. image::" badges and ".. contents::"  -> dropped (no text to show)
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE.parent / "fetch" / "ij" / "ijson-3.6.0.dist-info" / "METADATA"

INLINE = re.compile(
    r"``(?P<code>.+?)``"
    r"|\*\*(?P<bold>.+?)\*\*"
    r"|\*(?P<em>[^*\s][^*]*?)\*"
    r"|`(?P<link>[^`<]+?)\s*<[^>]*>`__?"
    r"|`(?P<ref>[^`]+)`_{1,2}"
)
REFNAME = re.compile(r"(?<![\w`])([A-Za-z][\w-]*)_(?![\w])")
BULLET = re.compile(r"^([-*]) +")
ENUM = re.compile(r"^#\. +")
ADORN = re.compile(r"^([=\-~^])\1+\s*$")


def indent_of(line):
    return len(line) - len(line.lstrip(" "))


def add_inline(par, text):
    """Add runs for one paragraph of reST text, resolving inline markup."""
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            par.add_run(REFNAME.sub(r"\1", text[pos:m.start()]))
        if m.group("code") is not None:
            run = par.add_run(m.group("code"))
            run.font.name = "Courier New"
        elif m.group("bold") is not None:
            par.add_run(m.group("bold")).bold = True
        elif m.group("em") is not None:
            par.add_run(m.group("em")).italic = True
        elif m.group("link") is not None:
            par.add_run(m.group("link"))
        else:
            par.add_run(m.group("ref"))
        pos = m.end()
    if pos < len(text):
        par.add_run(REFNAME.sub(r"\1", text[pos:]))


def take_indented(lines, i, min_indent):
    """Collect lines from i on that are blank or indented >= min_indent."""
    out = []
    while i < len(lines):
        line = lines[i]
        if line.strip() == "" or indent_of(line) >= min_indent:
            out.append(line)
            i += 1
        else:
            break
    while out and out[-1].strip() == "":
        out.pop()
    return out, i


def dedent(block):
    widths = [indent_of(x) for x in block if x.strip()]
    cut = min(widths) if widths else 0
    return [x[cut:] if x.strip() else "" for x in block]


def add_code(doc, block):
    while block and block[0].strip() == "":
        block = block[1:]
    for line in dedent(block):
        doc.add_paragraph(line, style="Code")


def render(doc, lines, depth=0, first_style=None, rest_style=None):
    """Lay out a list of reST lines (already dedented to column 0)."""
    i = 0
    first = True
    while i < len(lines):
        line = lines[i]
        if line.strip() == "":
            i += 1
            continue
        stripped = line.strip()
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        # directives
        if stripped.startswith(".. "):
            kind = stripped[3:].split("::")[0].strip()
            body, i = take_indented(lines, i + 1, indent_of(line) + 1)
            if kind == "code-block":
                add_code(doc, body)
            first = False
            continue
        # title with overline
        if ADORN.match(line) and i + 2 < len(lines) and ADORN.match(lines[i + 2]):
            doc.add_paragraph(lines[i + 1].strip(), style="Title")
            i += 3
            continue
        # section heading
        if ADORN.match(nxt) and len(nxt.strip()) >= len(stripped):
            level = 1 if nxt.strip()[0] == "=" else 2
            heading = doc.add_paragraph(style=f"Heading {level}")
            add_inline(heading, stripped)
            i += 2
            continue
        # list items
        bm = BULLET.match(line)
        em = ENUM.match(line)
        if bm or em:
            marker = (bm or em).end()
            body = [line[marker:]]
            more, i = take_indented(lines, i + 1, marker)
            body += [x[marker:] if x.strip() else "" for x in more]
            if bm:
                style = "List Bullet" if depth == 0 else "List Bullet 2"
                cont = "List Continue" if depth == 0 else "List Continue 2"
            else:
                style = "List Number"
                cont = "List Continue"
            render(doc, body, depth + 1, style, cont)
            first = False
            continue
        # paragraph
        para = []
        while i < len(lines) and lines[i].strip():
            para.append(lines[i].strip())
            i += 1
        text = " ".join(para)
        literal = text.endswith("::")
        if literal:
            text = text[:-2].rstrip() if text[:-2].endswith(" ") else text[:-1]
        style = first_style if first and first_style else (rest_style or None)
        if text:
            par = doc.add_paragraph(style=style) if style else doc.add_paragraph()
            add_inline(par, text)
        first = False
        if literal:
            while i < len(lines) and not lines[i].strip():
                i += 1
            block, i = take_indented(lines, i, 1)
            add_code(doc, block)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = Path(sys.argv[1])
    source = Path(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_SOURCE
    text = source.read_text(encoding="utf-8")
    _header, _, body = text.partition("\n\n")
    lines = body.expandtabs(8).splitlines()

    doc = Document()
    code = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = doc.styles["Normal"]
    code.font.name = "Courier New"
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(0)
    doc.core_properties.title = "ijson"
    render(doc, lines)
    doc.save(out)


if __name__ == "__main__":
    main()
