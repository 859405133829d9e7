"""Build bumpver-readme.docx from the BumpVer README (Markdown).

Usage: python build_bumpver-readme.py OUT.docx SOURCE

Source: README.md from the PyPI source distribution bumpver 2026.1132
(bumpver-2026.1132.tar.gz, fetched with
``pip download --no-deps --no-binary :all: bumpver==2026.1132``),
path inside: bumpver-2026.1132/README.md.
Licence: MIT (Copyright (c) 2018-2020 Manuel Barkhau), as stated in setup.py
and LICENSE of the same archive.

Mapping (the words are copied as they are, nothing is reworded):
- ``#`` .. ``####`` headings -> Word styles Heading 1 .. Heading 4
- paragraphs (soft-wrapped lines joined with a space) -> Normal
- ``-``/``*`` list items -> List Bullet (nested items: List Bullet 2)
- ``1.`` list items -> List Number, each list restarting at 1
- ``>`` block quotes -> Quote
- fenced code blocks -> one paragraph per block in the monospaced
  paragraph style "Code" (line breaks kept)
- pipe tables -> Word tables (style Table Grid, header row bold)
- inline ``code`` -> monospaced character style "Inline Code";
  ``**bold**``, ``*italic*`` and ``~~strike~~`` -> bold, italic, strike runs;
  links -> their link text
- left out, since a reader of the rendered README does not see them as
  text: the centred logo HTML block, badge images, HTML comments (including
  the commented-out section "Add git hash to version string") and link
  reference definitions (``[name]: url``).
"""

import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

FIXED_DATE = datetime.datetime(2026, 1, 1, 0, 0, 0)

LINK_REF_DEF = re.compile(r"^\s*\[[^\]]+\]:\s*\S+\s*$")
BADGE_LINE = re.compile(r"^\s*\[!\[[^\]]*\]\[[^\]]*\]\]\[[^\]]*\]\s*$")
HTML_TAG_LINE = re.compile(r"^\s*</?(div|p|img)\b[^>]*>\s*$")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
BULLET = re.compile(r"^(\s*)[-*]\s+(.*)$")
NUMBERED = re.compile(r"^(\s*)\d+\.\s+(.*)$")
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
TABLE_SEP = re.compile(r"^\s*\|[\s:|-]+\|\s*$")
FENCE = re.compile(r"^\s*```")

IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK_INLINE = re.compile(r"\[([^\]]+)\]\([^)]*\)")
LINK_REF = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
AUTOLINK = re.compile(r"<(https?://[^>]+)>")
EMPHASIS = re.compile(r"(\*\*(.+?)\*\*|~~(.+?)~~|\*(\S(?:.*?\S)?)\*)")


def setup_styles(doc):
    styles = doc.styles
    code = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = styles["Normal"]
    code.font.name = "Courier New"
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(6)
    inline = styles.add_style("Inline Code", WD_STYLE_TYPE.CHARACTER)
    inline.font.name = "Courier New"


def strip_links(text):
    text = IMAGE.sub("", text)
    text = LINK_INLINE.sub(r"\1", text)
    text = LINK_REF.sub(r"\1", text)
    return AUTOLINK.sub(r"\1", text)


def add_inline(paragraph, text, bold=False):
    """Add runs for Markdown inline text: code spans, emphasis, links."""
    text = strip_links(text)
    parts = re.split(r"(`[^`]+`)", text)
    for part in parts:
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = paragraph.add_run(part[1:-1], style="Inline Code")
            run.bold = bold or None
            continue
        pos = 0
        for m in EMPHASIS.finditer(part):
            if m.start() > pos:
                paragraph.add_run(part[pos:m.start()]).bold = bold or None
            if m.group(2) is not None:
                paragraph.add_run(m.group(2)).bold = True
            elif m.group(3) is not None:
                run = paragraph.add_run(m.group(3))
                run.font.strike = True
                run.bold = bold or None
            else:
                run = paragraph.add_run(m.group(4))
                run.italic = True
                run.bold = bold or None
            pos = m.end()
        if pos < len(part):
            paragraph.add_run(part[pos:]).bold = bold or None


def new_numbering(doc):
    """Create a new w:num for the List Number style that restarts at 1."""
    style = doc.styles["List Number"]
    num_id = style.element.pPr.numPr.numId.val
    numbering = doc.part.numbering_part.element
    abstract_id = None
    for num in numbering.findall(qn("w:num")):
        if num.get(qn("w:numId")) == str(num_id):
            abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    new_id = max(ids) + 1
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(new_id))
    abstract = OxmlElement("w:abstractNumId")
    abstract.set(qn("w:val"), abstract_id)
    num.append(abstract)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    num.append(override)
    numbering.append(num)
    return new_id


def set_num(paragraph, num_id):
    p_pr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    num_id_el = OxmlElement("w:numId")
    num_id_el.set(qn("w:val"), str(num_id))
    num_pr.append(ilvl)
    num_pr.append(num_id_el)
    p_pr.append(num_pr)


def split_row(line):
    cells = line.strip().strip("|").split("|")
    return [c.strip() for c in cells]


def add_table(doc, rows):
    header = split_row(rows[0])
    body = [split_row(r) for r in rows[1:] if not TABLE_SEP.match(r)]
    table = doc.add_table(rows=1 + len(body), cols=len(header))
    table.style = doc.styles["Table Grid"]
    for r, cells in enumerate([header] + body):
        for c, value in enumerate(cells[: len(header)]):
            cell = table.cell(r, c)
            add_inline(cell.paragraphs[0], value, bold=(r == 0))


def convert(lines, doc):
    i = 0
    para = []
    list_num = None

    def flush():
        if para:
            add_inline(doc.add_paragraph(), " ".join(s.strip() for s in para))
            para.clear()

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("<!--"):
            flush()
            while "-->" not in lines[i]:
                i += 1
            i += 1
            continue
        if FENCE.match(line):
            flush()
            list_num = None
            i += 1
            block = []
            while not FENCE.match(lines[i]):
                block.append(lines[i].replace("\t", "    "))
                i += 1
            i += 1
            doc.add_paragraph("\n".join(block), style="Code")
            continue
        if not stripped:
            flush()
            i += 1
            continue
        if LINK_REF_DEF.match(line) or BADGE_LINE.match(line) or HTML_TAG_LINE.match(line):
            flush()
            i += 1
            continue
        m = HEADING.match(line)
        if m:
            flush()
            list_num = None
            level = min(len(m.group(1)), 4)
            add_inline(doc.add_heading(level=level), m.group(2))
            i += 1
            continue
        if TABLE_ROW.match(line):
            flush()
            rows = []
            while i < len(lines) and TABLE_ROW.match(lines[i]):
                rows.append(lines[i])
                i += 1
            add_table(doc, rows)
            continue
        m = BULLET.match(line)
        if m:
            flush()
            list_num = None
            style = "List Bullet 2" if len(m.group(1)) >= 2 else "List Bullet"
            add_inline(doc.add_paragraph(style=style), m.group(2))
            i += 1
            continue
        m = NUMBERED.match(line)
        if m:
            flush()
            if list_num is None:
                list_num = new_numbering(doc)
            p = doc.add_paragraph(style="List Number")
            set_num(p, list_num)
            add_inline(p, m.group(2))
            i += 1
            continue
        if stripped.startswith(">"):
            flush()
            add_inline(doc.add_paragraph(style="Quote"), stripped.lstrip("> "))
            i += 1
            continue
        list_num = None
        para.append(line)
        i += 1
    flush()


def main():
    out, source = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    doc = Document()
    setup_styles(doc)
    convert(lines, doc)
    props = doc.core_properties
    props.title = "BumpVer: Automatic Versioning"
    props.author = "Manuel Barkhau"
    props.last_modified_by = ""
    props.revision = 1
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE
    doc.save(out)


if __name__ == "__main__":
    main()
