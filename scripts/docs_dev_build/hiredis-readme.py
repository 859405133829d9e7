"""Build hiredis-readme.docx from the hiredis README.md.

Usage: python build_hiredis-readme.py OUT.docx SOURCE

SOURCE is README.md of hiredis as shipped by Debian 12 in the package
libhiredis-dev 0.14.1-3 (/usr/share/doc/libhiredis-dev/README.md.gz,
gunzipped).  hiredis is copyright Salvatore Sanfilippo and Pieter Noordhuis
and released under the BSD-3-Clause licence (see the package's
/usr/share/doc/libhiredis-dev/copyright); the README text is used unchanged.

Mapping from Markdown to Word (python-docx):
- "# ", "## ", "### " headings -> Word styles Heading 1, Heading 2, Heading 3;
- text paragraphs (soft-wrapped lines joined with a space) -> Normal; a line
  ending in two spaces becomes a line break inside the paragraph;
- "* " bullet items -> List Bullet, items indented by 4 spaces -> List
  Bullet 2; indented continuation lines of an item are joined into that
  item like soft-wrapped lines;
- "1. " numbered items -> List Number;
- fenced code blocks -> one paragraph per block in a "Code" paragraph style
  (Courier New 9 pt), its lines kept with line breaks;
- inline `code` -> Courier New run, **bold** -> bold runs, *x* and _x_ ->
  italic runs (nesting kept), [text](url) -> its text;
- the Travis CI badge image on the first line is left out (an image link).
The document's core properties use fixed dates so that a rebuild gives the
same document.
"""
import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

MONO = "Courier New"
INLINE = re.compile(r"(\*\*[^*]+\*\*|`[^`]+`|\*[^*\s][^*]*\*|\b_[^_]+_\b|\[[^\]]+\]\([^)]+\))")


def add_inline(par, text, bold=False, italic=False):
    """Add text to par, turning Markdown inline markup into runs."""
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            run = par.add_run(text[pos:m.start()])
            run.bold, run.italic = bold or None, italic or None
        tok = m.group(0)
        if tok.startswith("**"):
            add_inline(par, tok[2:-2], True, italic)
        elif tok.startswith("`"):
            run = par.add_run(tok[1:-1])
            run.bold, run.italic = bold or None, italic or None
            run.font.name = MONO
        elif tok.startswith("["):
            add_inline(par, re.match(r"\[([^\]]+)\]", tok).group(1), bold, italic)
        else:
            add_inline(par, tok[1:-1], bold, True)
        pos = m.end()
    if pos < len(text):
        run = par.add_run(text[pos:])
        run.bold, run.italic = bold or None, italic or None


def add_lines(par, lines):
    """Join soft-wrapped lines; a trailing double space is a hard break."""
    for i, line in enumerate(lines):
        hard = line.endswith("  ")
        add_inline(par, line.strip())
        if i < len(lines) - 1:
            if hard:
                par.add_run().add_break()
            else:
                par.add_run(" ")


def build(out, source):
    with open(source, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    doc = Document()
    code = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = doc.styles["Normal"]
    code.font.name = MONO
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(6)

    i = 0
    para = []  # pending (style, [lines])

    def flush():
        if para:
            style, buf = para.pop()
            add_lines(doc.add_paragraph(style=style), buf)

    while i < len(lines):
        line = lines[i]
        if line.startswith("[![Build Status]"):
            i += 1
            continue
        if line.startswith("```"):
            flush()
            i += 1
            block = []
            while not lines[i].startswith("```"):
                block.append(lines[i])
                i += 1
            p = doc.add_paragraph(style="Code")
            for j, b in enumerate(block):
                if j:
                    p.add_run().add_break()
                p.add_run(b)
            i += 1
            continue
        m = re.match(r"^(#{1,3}) (.*)$", line)
        if m:
            flush()
            h = doc.add_heading(level=len(m.group(1)))
            add_inline(h, m.group(2))
            i += 1
            continue
        if not line.strip():
            flush()
            i += 1
            continue
        m = re.match(r"^( *)([*]|\d+\.) +(.*)$", line)
        if m and not line.startswith("**"):
            flush()
            nested = len(m.group(1)) >= 4
            if m.group(2) == "*":
                style = "List Bullet 2" if nested else "List Bullet"
            else:
                style = "List Number"
            para.append((style, [m.group(3)]))
            i += 1
            continue
        if para and line.startswith(" ") and para[-1][0].startswith("List"):
            # indented continuation text of an item stays in that item
            para[-1][1].append(line)
            i += 1
            continue
        if para and para[-1][0] == "Normal":
            para[-1][1].append(line)
        else:
            flush()
            para.append(("Normal", [line]))
        i += 1
    flush()

    props = doc.core_properties
    fixed = datetime.datetime(2024, 1, 1, 0, 0, 0)
    props.created = fixed
    props.modified = fixed
    props.last_printed = fixed
    props.revision = 1
    props.author = "hiredis authors"
    props.last_modified_by = "build_hiredis-readme.py"
    props.title = "HIREDIS"
    props.subject = "hiredis README (libhiredis-dev 0.14.1-3)"
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
