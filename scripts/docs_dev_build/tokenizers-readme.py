#!/usr/bin/env python3
"""Build docs/tokenizers-readme.docx from the tokenizers 0.23.3 README.

Source: the long description (README, Markdown) in
/work/main/.venv/lib/python3.11/site-packages/tokenizers-0.23.3.dist-info/METADATA
(Hugging Face "tokenizers" Python bindings, Apache-2.0).

The Markdown is laid out as a Word document:
  "# ..."    -> Title
  "## ..."   -> Heading 1
  "### ..."  -> Heading 2
  "#### ..." -> Heading 3
  "- item"   -> List Bullet
  "1. item"  -> List Number (each list restarts at 1)
  fenced code blocks -> one paragraph per line in a monospace style "Code"
  the "Provided Tokenizers" list ("`Name`: description") -> a Word table
  with a bold header row "Tokenizer" / "Description" (the only words added).
Only Markdown markup is removed (`x` -> Courier New run, **x** -> bold run,
[text](url) -> text); the words are not changed.  The HTML logo/badge block
at the top of the README is dropped.  Nothing else is left out.

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
       "tokenizers-0.23.3.dist-info/METADATA")
TABLE_SECTION = "Provided Tokenizers"


def read_readme():
    text = open(SRC, encoding="utf-8").read()  # noqa: SIM115
    lines = text.split("\n")
    start = lines.index("")             # end of the metadata header
    body = lines[start + 1:]
    # drop the leading HTML logo / badge block
    for i, line in enumerate(body):
        if line.startswith("# "):
            return body[i:]
    raise SystemExit("no title found")


INLINE = re.compile(
    r"(`(?P<code>[^`]+)`"
    r"|\*\*(?P<bold>.+?)\*\*"
    r"|\[(?P<link>[^\]]+)\]\([^)]+\)"
    r")")


def add_inline(par, text, bold=False):
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            par.add_run(text[pos:m.start()]).bold = bold or None
        if m.group("code") is not None:
            r = par.add_run(m.group("code"))
            r.font.name = "Courier New"
            r.bold = bold or None
        elif m.group("bold") is not None:
            # bold text may itself contain `code`
            add_inline(par, m.group("bold"), bold=True)
        elif m.group("link") is not None:
            add_inline(par, m.group("link"), bold=bold)
        pos = m.end()
    if pos < len(text):
        par.add_run(text[pos:]).bold = bold or None
    return par


def plain(text):
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
    return text.replace("`", "")


def make_doc():
    doc = Document()
    styles = doc.styles
    code = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = styles["Normal"]
    code.font.name = "Courier New"
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(0)
    code.paragraph_format.left_indent = Cm(1)
    return doc


def restart_numbering(doc, par):
    """Give a List Number paragraph a fresh numbering instance starting at 1."""
    numbering = doc.part.numbering_part.element
    style = doc.styles["List Number"]
    num_id = style.element.pPr.numPr.numId.val
    num = numbering.num_having_numId(num_id)
    abstract_id = num.abstractNumId.val
    new_num = numbering.add_num(abstract_id)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    new_num.append(override)
    pPr = par._p.get_or_add_pPr()
    numPr = pPr.get_or_add_numPr()
    numPr.get_or_add_ilvl().val = 0
    numPr.get_or_add_numId().val = new_num.numId


def build(out):
    lines = read_readme()
    doc = make_doc()
    n = len(lines)
    i = 0
    section = None
    prev_numbered = False
    while i < n:
        line = lines[i]
        s = line.strip()
        if not s:
            prev_numbered = False
            i += 1
            continue
        # fenced code block
        if s.startswith("```"):
            j = i + 1
            while j < n and not lines[j].strip().startswith("```"):
                doc.add_paragraph(lines[j], style="Code")
                j += 1
            i = j + 1
            prev_numbered = False
            continue
        # headings
        m = re.match(r"(#{1,4}) (.*)", s)
        if m:
            level = len(m.group(1)) - 1
            title = m.group(2)
            if level == 0:
                doc.add_heading(title, level=0)
            else:
                add_inline(doc.add_heading("", level=level), title)
            section = plain(title).rstrip(":")
            i += 1
            prev_numbered = False
            continue
        # bullet list items (with continuation lines)
        if re.match(r"-\s", s):
            items = []
            while i < n and re.match(r"\s*-\s", lines[i]):
                item = re.sub(r"^\s*-\s+", "", lines[i])
                i += 1
                while i < n and lines[i].strip() and not re.match(r"\s*-\s", lines[i]) \
                        and lines[i].startswith("  "):
                    item += " " + lines[i].strip()
                    i += 1
                items.append(item)
            if section == TABLE_SECTION:
                table = doc.add_table(rows=1, cols=2)
                table.style = "Table Grid"
                for k, h in enumerate(("Tokenizer", "Description")):
                    cell = table.rows[0].cells[k]
                    cell.paragraphs[0].add_run(h).bold = True
                for item in items:
                    name, desc = item.split(":", 1)
                    cells = table.add_row().cells
                    r = cells[0].paragraphs[0].add_run(plain(name).strip())
                    r.font.name = "Courier New"
                    cells[1].paragraphs[0].add_run(desc.strip())
            else:
                for item in items:
                    add_inline(doc.add_paragraph(style="List Bullet"), item)
            prev_numbered = False
            continue
        # numbered list items
        m = re.match(r"(\d+)\. (.*)", s)
        if m:
            p = add_inline(doc.add_paragraph(style="List Number"), m.group(2))
            if m.group(1) == "1":
                restart_numbering(doc, p)
            prev_numbered = True
            i += 1
            continue
        # ordinary paragraph: join lines until blank / list / fence / heading
        buf = [s]
        i += 1
        while i < n and lines[i].strip() and not re.match(r"\s*(-\s|\d+\. |```|#)", lines[i]):
            buf.append(lines[i].strip())
            i += 1
        add_inline(doc.add_paragraph(style="Normal"), " ".join(buf))
        prev_numbered = False  # noqa: F841
    doc.core_properties.title = "Tokenizers"
    doc.core_properties.author = "Hugging Face (tokenizers README)"
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: build_docx.py OUTPUT.docx")
    build(sys.argv[1])
