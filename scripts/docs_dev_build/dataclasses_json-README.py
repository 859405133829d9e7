#!/usr/bin/env python3
"""Build docs/dataclasses_json-README.docx from the dataclasses-json 0.6.7 README.

Source: the long description (README, Markdown) in
/work/main/.venv/lib/python3.11/site-packages/dataclasses_json-0.6.7.dist-info/METADATA
(everything after the metadata header, i.e. from "# Dataclasses JSON" to the end).

The Markdown is laid out as a Word document:
  "# "    -> Title
  "## "   -> Heading 1
  "### "  -> Heading 2
  "#### " -> Heading 3
  "- " items        -> List Bullet
  "1. " .. "5. "    -> List Number
  ``` fenced blocks -> one paragraph per line in a monospace paragraph style "Code"
  the pipe table    -> a Word table (style Table Grid) with a bold, repeating header row
  paragraphs        -> Normal paragraphs (soft line breaks joined with a space)
Only Markdown markup is removed (`x` -> Courier New run, **x** -> bold run,
_x_ -> italic run, [text](url) -> text); the badge image is dropped.  The words
are not changed and nothing is trimmed.

Usage: build_docx.py OUTPUT.docx
"""
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

SRC = ("/work/main/.venv/lib/python3.11/site-packages/"
       "dataclasses_json-0.6.7.dist-info/METADATA")


def read_readme():
    text = open(SRC, encoding="utf-8").read()  # noqa: SIM115
    body = text.split("\n\n", 1)[1]          # drop the metadata header
    return body.split("\n")


LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
INLINE = re.compile(
    r"(`(?P<code>[^`]+)`"
    r"|\*\*(?P<bold>.+?)\*\*"
    r"|(?<![\w_])_(?P<ital>[^_\s][^_]*?)_(?![\w_])"
    r")")


def strip_links(text):
    # images are dropped (only the badge, which has empty alt text),
    # links keep their text
    return LINK.sub(lambda m: "" if m.group(0).startswith("!") else m.group(1), text)


def add_inline(par, text, bold=False):
    """Add text to a paragraph, turning Markdown inline markup into runs."""
    text = strip_links(text)
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            par.add_run(text[pos:m.start()]).bold = bold or None
        if m.group("code") is not None:
            r = par.add_run(m.group("code"))
            r.font.name = "Courier New"
            r.bold = bold or None
        elif m.group("bold") is not None:
            add_inline(par, m.group("bold"), bold=True)
        elif m.group("ital") is not None:
            r = par.add_run(m.group("ital"))
            r.italic = True
            r.bold = bold or None
        pos = m.end()
    if pos < len(text):
        par.add_run(text[pos:]).bold = bold or None
    return par


def make_doc():
    doc = Document()
    styles = doc.styles
    code = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = styles["Normal"]
    code.font.name = "Courier New"
    code.font.size = Pt(8.5)
    code.paragraph_format.space_after = Pt(0)
    code.paragraph_format.space_before = Pt(0)
    code.paragraph_format.left_indent = Cm(0.8)
    doc.core_properties.title = "Dataclasses JSON"
    doc.core_properties.subject = "README of dataclasses-json 0.6.7"
    return doc


def add_table(doc, rows):
    header, body = rows[0], rows[1:]
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    hdr = table.rows[0]
    # mark the first row as a header row (repeats on each page)
    trPr = hdr._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trPr.append(el)
    for k, h in enumerate(header):
        cell = hdr.cells[k]
        cell.text = ""
        cell.paragraphs[0].add_run(h).bold = True
    for row in body:
        cells = table.add_row().cells
        for k, v in enumerate(row):
            cells[k].text = v
    doc.add_paragraph()


def split_row(line):
    return [c.strip() for c in line.strip().strip("|").split("|")]


def is_block_start(s):
    return (s.startswith("#") or s.startswith("```") or s.startswith("- ")
            or re.match(r"\d+\. ", s) or s.startswith("|"))


def build(out):
    lines = read_readme()
    doc = make_doc()
    n = len(lines)
    i = 0
    while i < n:
        line = lines[i]
        s = line.strip()
        if not s:
            i += 1
            continue
        # fenced code block
        if s.startswith("```"):
            j = i + 1
            block = []
            while j < n and not lines[j].strip().startswith("```"):
                block.append(lines[j].rstrip())
                j += 1
            while block and not block[-1]:
                block.pop()
            for b in block:
                doc.add_paragraph(b, style="Code")
            doc.paragraphs[-1].paragraph_format.space_after = Pt(8)
            i = j + 1
            continue
        # headings
        m = re.match(r"(#{1,4}) (.*)", s)
        if m:
            level = len(m.group(1)) - 1          # "#" -> Title (level 0)
            add_inline(doc.add_heading("", level=level), m.group(2).strip())
            i += 1
            continue
        # pipe table
        if s.startswith("|"):
            rows = []
            while i < n and lines[i].strip().startswith("|"):
                cells = split_row(lines[i])
                if not all(set(c) <= set("-: ") for c in cells):
                    rows.append(cells)
                i += 1
            add_table(doc, rows)
            continue
        # badge image on its own
        if s.startswith("![") and not strip_links(s).strip():
            i += 1
            continue
        # list items (continuation lines until a blank line or a new block)
        mb = re.match(r"- (.*)", s)
        mn = re.match(r"(\d+)\. (.*)", s)
        if mb or mn:
            buf = [(mb or mn).group(mn and not mb and 2 or 1)]
            j = i + 1
            while j < n and lines[j].strip() and not is_block_start(lines[j].strip()):
                buf.append(lines[j].strip())
                j += 1
            style = "List Bullet" if mb else "List Number"
            add_inline(doc.add_paragraph(style=style), " ".join(buf))
            i = j
            continue
        # ordinary paragraph
        buf = [s]
        j = i + 1
        while j < n and lines[j].strip() and not is_block_start(lines[j].strip()):
            buf.append(lines[j].strip())
            j += 1
        add_inline(doc.add_paragraph(), " ".join(buf))
        i = j
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[1] if len(sys.argv) > 1 else "docs/dataclasses_json-README.docx")
