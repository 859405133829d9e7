"""Build vm2-readme.docx from the vm2 README.

Usage: python build_vm2-readme.py OUT.docx SOURCE

SOURCE is README.md from the npm package vm2 3.12.2 (``npm pack vm2@3.12.2``,
path ``package/README.md`` inside the tarball). vm2 is released under the MIT
licence (package.json "license": "MIT"; LICENSE.md in the same tarball).

The text is not reworded; only the Markdown markup is turned into Word layout:

* ``# title``: the document title (Title style); the badge images after it are
  dropped.  ``##``, ``###`` and ``####`` headings: Heading 1, 2 and 3.
* A paragraph (consecutive non-blank lines) becomes one Normal paragraph, its
  wrapped lines joined with a space.
* ``-`` items: List Bullet; ``1.`` items: List Number (Word numbers them, so
  the number itself is not typed into the text).
* Pipe tables: Word tables (Table Grid) with a bold header row.
* Fenced code blocks: one paragraph per line in a "Code" paragraph style
  (Courier New, 9 pt); the fence lines are dropped.
* Inline markup: ``**bold**`` becomes a bold run, ```code``` a Courier New
  run, ``[text](url)`` keeps its text only, and backslash escapes lose the
  backslash.  Reference-style link definitions at the end are dropped.

The core properties carry fixed dates so that a rebuild gives the same
document text and metadata.
"""

import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

MONO = "Courier New"
FIXED_DATE = datetime.datetime(2025, 1, 1, 0, 0, 0)

CODE_SPAN = re.compile(r"(`[^`]*`)")
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")
BADGE_LINK = re.compile(r"\[\s*\]\([^)]*\)|\[\s*\]\[[^\]]*\]")
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
REF_DEF = re.compile(r"^\[[^\]]+\]:\s+\S+")
BULLET = re.compile(r"^\s*[-*]\s+(.*)$")
NUMBERED = re.compile(r"^\s*\d+\.\s+(.*)$")
HEADING = re.compile(r"^(#{1,6})\s+(.*)$")


def add_inline(par, text):
    """Add text to par as runs, honouring bold, code spans and links."""
    bold = False
    text = IMAGE.sub("", text)
    text = BADGE_LINK.sub("", text)
    text = LINK.sub(r"\1", text)
    for seg in CODE_SPAN.split(text):
        if not seg:
            continue
        if seg.startswith("`") and seg.endswith("`") and len(seg) >= 2:
            run = par.add_run(seg[1:-1])
            run.font.name = MONO
            run.bold = bold or None
            continue
        seg = ESCAPE.sub(r"\1", seg)
        parts = seg.split("**")
        for i, part in enumerate(parts):
            if i > 0:
                bold = not bold
            if part:
                run = par.add_run(part)
                run.bold = bold or None


def clean_title(text):
    text = IMAGE.sub("", text)
    text = BADGE_LINK.sub("", text)
    return text.strip()


def split_row(line):
    line = line.strip().removeprefix("|").removesuffix("|")
    return [c.strip() for c in line.split("|")]


def is_table_rule(line):
    return bool(re.match(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$", line))


def build(out_path, source_path):
    with open(source_path, encoding="utf-8") as fh:
        lines = fh.read().splitlines()

    doc = Document()
    styles = doc.styles
    code_style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code_style.base_style = styles["Normal"]
    code_style.font.name = MONO
    code_style.font.size = Pt(9)
    code_style.paragraph_format.space_after = Pt(0)

    props = doc.core_properties
    props.title = "vm2"
    props.author = "vm2 README (npm vm2 3.12.2)"
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE
    props.revision = 1

    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        stripped = line.strip()
        if not stripped or REF_DEF.match(stripped):
            i += 1
            continue
        if stripped.startswith("```"):
            i += 1
            while i < n and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i], style="Code")
                i += 1
            i += 1
            continue
        m = HEADING.match(stripped)
        if m:
            level = len(m.group(1))
            text = m.group(2)
            if level == 1:
                par = doc.add_paragraph(style="Title")
                add_inline(par, clean_title(text))
            else:
                par = doc.add_paragraph(style=f"Heading {min(level - 1, 9)}")
                add_inline(par, text)
            i += 1
            continue
        if stripped.startswith("|") and i + 1 < n and is_table_rule(lines[i + 1]):
            header = split_row(line)
            rows = []
            i += 2
            while i < n and lines[i].strip().startswith("|"):
                rows.append(split_row(lines[i]))
                i += 1
            table = doc.add_table(rows=1 + len(rows), cols=len(header))
            table.style = "Table Grid"
            for c, cell_text in enumerate(header):
                par = table.rows[0].cells[c].paragraphs[0]
                add_inline(par, cell_text)
                for run in par.runs:
                    run.bold = True
            for r, row in enumerate(rows, start=1):
                for c, cell_text in enumerate(row[: len(header)]):
                    add_inline(table.rows[r].cells[c].paragraphs[0], cell_text)
            continue
        mb = BULLET.match(line)
        mn = NUMBERED.match(line) if not mb else None
        if mb or mn:
            style = "List Bullet" if mb else "List Number"
            parts = [(mb or mn).group(1).strip()]
            i += 1
            while i < n and lines[i].strip() and lines[i].startswith((" ", "\t")) \
                    and not BULLET.match(lines[i]) and not NUMBERED.match(lines[i]):
                parts.append(lines[i].strip())
                i += 1
            add_inline(doc.add_paragraph(style=style), " ".join(parts))
            continue
        parts = [stripped]
        i += 1
        while i < n:
            nxt = lines[i].strip()
            if not nxt or nxt.startswith(("```", "#", "|")) or BULLET.match(lines[i]) \
                    or NUMBERED.match(lines[i]) or REF_DEF.match(nxt):
                break
            parts.append(nxt)
            i += 1
        add_inline(doc.add_paragraph(), " ".join(parts))

    doc.save(out_path)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: build_vm2-readme.py OUT.docx SOURCE")
    build(sys.argv[1], sys.argv[2])
