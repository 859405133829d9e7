"""Lay out the README of sirv as a Word document, without rewording it.

Source: readme.md of the npm package sirv 3.0.2 ("The optimized and lightweight
middleware for serving requests to static assets", by Luke Edwards), as found
in the tarball fetched with ``npm pack sirv@3.0.2`` (path package/readme.md).

Usage:
    python build_sirv-readme.py OUT.docx [SOURCE]

SOURCE is the Markdown file; it defaults to package/readme.md in the current
directory.

Licence: sirv is released under the MIT licence (package.json "license": "MIT";
"MIT (c) Luke Edwards" at the end of the README). The resulting document is a
copy of the README and is distributed under the same terms.

Mapping from Markdown to Word (every sentence is kept word for word):
    # heading                 -> 'Title' (a badge image on the line is dropped)
    ## heading                -> 'Heading 1'
    ### heading               -> 'Heading 2'
    #### heading              -> 'Heading 3'
    paragraph lines           -> one 'Normal' paragraph, source lines joined
                                 with single spaces; <br> -> line break
    > quoted paragraph        -> 'Quote' paragraph
    - item / * item           -> 'List Bullet'
    1. item                   -> 'List Number'
    | a | b | pipe table      -> Word table ('Table Grid'), header row bold
    ```fenced code```         -> one 'Code' paragraph (a monospace style made
                                 here), its lines kept as line breaks
    `code`                    -> Courier New run
    **bold**, *italic*, _italic_, ***both*** -> bold / italic runs
    [text](url)               -> the link text (the address is dropped)
    ![alt](url)               -> dropped (badge images)
    &mdash;, :bulb:           -> the em dash, the light bulb emoji
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

INLINE = re.compile(
    r"(?P<code>`[^`]+`)"
    r"|(?P<image>!\[[^\]]*\]\([^)]*\))"
    r"|(?P<link>\[(?P<ltext>[^\]]+)\]\((?P<lurl>[^)]*)\))"
    r"|(?P<bi>\*\*\*(?P<bitext>.+?)\*\*\*)"
    r"|(?P<b>\*\*(?P<btext>.+?)\*\*)"
    r"|(?P<i>\*(?P<itext>[^*\s][^*]*?)\*)"
    r"|(?P<u>(?<![\w])_(?P<utext>[^_]+?)_(?![\w]))"
    r"|(?P<br><br\s*/?>)"
)
ENTITIES = {"&mdash;": "\u2014", "&amp;": "&", "&lt;": "<", "&gt;": ">", ":bulb:": "\U0001f4a1"}


def plain(text):
    for key, value in ENTITIES.items():
        text = text.replace(key, value)
    return text


def add_inline(par, text, bold=False, italic=False):
    """Add text with Markdown inline markup to a paragraph as runs."""
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            run = par.add_run(plain(text[pos:m.start()]))
            run.bold, run.italic = bold or None, italic or None
        if m.group("code"):
            run = par.add_run(m.group("code")[1:-1])
            run.font.name = "Courier New"
            run.bold, run.italic = bold or None, italic or None
        elif m.group("link"):
            add_inline(par, m.group("ltext"), bold, italic)
        elif m.group("bi"):
            add_inline(par, m.group("bitext"), True, True)
        elif m.group("b"):
            add_inline(par, m.group("btext"), True, italic)
        elif m.group("i"):
            add_inline(par, m.group("itext"), bold, True)
        elif m.group("u"):
            add_inline(par, m.group("utext"), bold, True)
        elif m.group("br"):
            par.add_run().add_break()
        pos = m.end()
    if pos < len(text):
        run = par.add_run(plain(text[pos:]))
        run.bold, run.italic = bold or None, italic or None


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(6)
    return style


def add_table(doc, rows):
    cells = [[c.strip() for c in r.strip().strip("|").split("|")] for r in rows]
    cells = [r for r in cells if not all(re.fullmatch(r":?-+:?", c) for c in r)]
    table = doc.add_table(rows=len(cells), cols=max(len(r) for r in cells))
    table.style = "Table Grid"
    for i, row in enumerate(cells):
        for j, value in enumerate(row):
            par = table.cell(i, j).paragraphs[0]
            add_inline(par, value, bold=(i == 0))


def build(source, out):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    code_style(doc)
    para = []  # pending paragraph lines
    kind = "Normal"

    def flush():
        nonlocal para, kind
        if para:
            text = " ".join(s.strip() for s in para)
            add_inline(doc.add_paragraph(style=kind), text)
        para, kind = [], "Normal"

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            block = []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                block.append(lines[i])
                i += 1
            par = doc.add_paragraph(style="Code")
            for n, code in enumerate(block):
                if n:
                    par.add_run().add_break()
                par.add_run(code)
        elif not stripped:
            flush()
        elif m := re.match(r"(#{1,6})\s+(.*)", stripped):
            flush()
            level = len(m.group(1))
            text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", m.group(2)).strip()
            style = "Title" if level == 1 else f"Heading {min(level - 1, 3)}"
            add_inline(doc.add_paragraph(style=style), text)
        elif stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(doc, rows)
            continue
        elif m := re.match(r"[-*]\s+(.*)", stripped):
            flush()
            para, kind = [m.group(1)], "List Bullet"
        elif m := re.match(r"\d+\.\s+(.*)", stripped):
            flush()
            para, kind = [m.group(1)], "List Number"
        elif stripped.startswith(">"):
            if kind != "Quote":
                flush()
                kind = "Quote"
            para.append(stripped.lstrip(">").strip())
        else:
            para.append(stripped)
        i += 1
    flush()
    doc.core_properties.title = "sirv README"
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    build(sys.argv[2] if len(sys.argv) > 2 else "package/readme.md", sys.argv[1])
