"""Build apprise-readme.docx from the Apprise README (Markdown).

Usage: python build_apprise-readme.py OUT.docx SOURCE

SOURCE is README.md from the PyPI source distribution apprise-2.3.0.tar.gz
(obtained with ``pip download --no-deps --no-binary :all: apprise``; path inside
the archive: apprise-2.3.0/README.md). Apprise is by Chris Caron and is
distributed under the BSD 2-Clause licence (BSD-2-Clause, file LICENSE in the
same archive).

The text is not reworded. Mapping from Markdown to Word:

* ``#`` .. ``####`` headings -> Heading 1 .. Heading 4 styles.
* paragraphs (soft-wrapped lines joined with a space) -> Normal paragraphs;
  ``<br/>`` inside a paragraph -> a line break.
* ``*``/``-`` bullet items -> List Bullet (nested items: List Bullet 2);
  ``1.`` numbered items -> List Number, numbering restarted for each list.
* pipe tables -> Word tables (style Table Grid, bold header row); ``<br/>``
  inside a cell -> a line break inside the cell.
* fenced code blocks -> one paragraph per block in a "Code" paragraph style
  (Courier New 9 pt), lines separated by line breaks.
* inline ``**bold**`` -> bold, ``*x*``/``_x_`` -> italic, backtick code ->
  Courier New run, ``[text](url)`` -> hyperlink showing text, ``\\*`` -> ``*``.
* left out, as they carry no text of their own: images and badge lines, the
  ``<hr/>`` rules, the HTML ``<picture>`` block and HTML comments.

Document properties carry fixed dates so that a rebuild gives the same text.
"""
import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

MONO = "Courier New"
FIXED_DATE = datetime.datetime(2024, 1, 1, 0, 0, 0)

INLINE = re.compile(
    r"(?P<code>`[^`]+`)"
    r"|(?P<link>\[(?P<ltext>[^\]]+)\]\((?P<lurl>[^)\s]+)\))"
    r"|(?P<bold>\*\*(?P<btext>.+?)\*\*)"
    r"|(?P<ital>(?<![\w*\\])\*(?P<itext>[^*\s][^*]*?)\*(?!\w))"
    r"|(?P<uital>(?<!\w)_(?P<utext>[^_\s][^_]*?)_(?!\w))"
    r"|(?P<br><br\s*/?>|</br>)"
    r"|(?P<esc>\\[*_\\`#])"
)
BULLET = re.compile(r"^(?P<ind>\s*)[*-]\s+(?P<text>.*)$")
NUMBER = re.compile(r"^(?P<ind>\s*)\d+\.\s+(?P<text>.*)$")
HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
HTML_LINE = re.compile(r"^\s*</?(hr|a|picture|source|img)\b[^>]*>\s*$|^\s*<!--.*-->\s*$", re.IGNORECASE)
IMAGE_LINE = re.compile(r"^\s*(\[!\[|!\[)")


def add_hyperlink(paragraph, text, url, bold=False, italic=False):
    part = paragraph.part
    r_id = part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    rpr.append(style)
    if bold:
        rpr.append(OxmlElement("w:b"))
    if italic:
        rpr.append(OxmlElement("w:i"))
    run.append(rpr)
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def add_inline(paragraph, text, bold=False, italic=False):
    """Add Markdown inline text to a paragraph as formatted runs."""
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            r = paragraph.add_run(text[pos:m.start()])
            r.bold, r.italic = bold or None, italic or None
        if m.group("code"):
            r = paragraph.add_run(m.group("code")[1:-1])
            r.font.name = MONO
            r.bold, r.italic = bold or None, italic or None
        elif m.group("link"):
            ltext = m.group("ltext")
            if ltext.startswith("!["):
                pass  # image link (badge): no text
            else:
                inner = re.sub(r"\*\*(.+?)\*\*", r"\1", ltext)
                add_hyperlink(paragraph, inner, m.group("lurl"), bold, italic)
        elif m.group("bold"):
            add_inline(paragraph, m.group("btext"), True, italic)
        elif m.group("ital"):
            add_inline(paragraph, m.group("itext"), bold, True)
        elif m.group("uital"):
            add_inline(paragraph, m.group("utext"), bold, True)
        elif m.group("br"):
            paragraph.add_run().add_break()
        elif m.group("esc"):
            r = paragraph.add_run(m.group("esc")[1])
            r.bold, r.italic = bold or None, italic or None
        pos = m.end()
    if pos < len(text):
        r = paragraph.add_run(text[pos:])
        r.bold, r.italic = bold or None, italic or None


def setup_styles(doc):
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    code = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = normal
    code.font.name = MONO
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(6)
    code.paragraph_format.left_indent = Pt(12)
    if "Hyperlink" not in [s.name for s in styles]:
        link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
        link.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
        link.font.underline = True


def restart_numbering(doc, paragraph):
    """Give a List Number paragraph a fresh numbering instance starting at 1."""
    numbering = doc.part.numbering_part.numbering_definitions._numbering
    style = doc.styles["List Number"]
    num_pr = style.element.pPr.find(qn("w:numPr"))
    num_id = num_pr.find(qn("w:numId")).get(qn("w:val"))
    abstract = None
    for num in numbering.findall(qn("w:num")):
        if num.get(qn("w:numId")) == num_id:
            abstract = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    new_id = str(max(int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))) + 1)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), new_id)
    absn = OxmlElement("w:abstractNumId")
    absn.set(qn("w:val"), abstract)
    num.append(absn)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    num.append(override)
    numbering.append(num)
    return new_id


def set_num(paragraph, num_id):
    ppr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), num_id)
    num_pr.append(ilvl)
    num_pr.append(nid)
    ppr.append(num_pr)


def split_row(line):
    s = line.strip()
    s = s.removeprefix("|").removesuffix("|")
    return [c.strip() for c in s.split("|")]


def add_table(doc, rows):
    header = split_row(rows[0])
    body = [split_row(r) for r in rows[2:]]
    ncols = len(header)
    table = doc.add_table(rows=1 + len(body), cols=ncols)
    table.style = "Table Grid"
    for i, cells in enumerate([header] + body):
        cells = (cells + [""] * ncols)[:ncols]
        for j, text in enumerate(cells):
            para = table.cell(i, j).paragraphs[0]
            add_inline(para, text, bold=(i == 0))
    doc.add_paragraph()


def build(out, source):
    with open(source, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    doc = Document()
    setup_styles(doc)
    props = doc.core_properties
    props.title = "Apprise README"
    props.author = "Chris Caron"
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE
    props.revision = 1

    i = 0
    para_lines = []
    num_id = None

    def flush():
        if para_lines:
            text = " ".join(ln.strip() for ln in para_lines)
            add_inline(doc.add_paragraph(), text)
            para_lines.clear()

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
            i += 1
            while block and not block[-1].strip():
                block.pop()
            p = doc.add_paragraph(style="Code")
            for k, code_line in enumerate(block):
                if k:
                    p.add_run().add_break()
                p.add_run(code_line)
            continue
        if not stripped:
            flush()
            i += 1
            continue
        if HTML_LINE.match(line) or IMAGE_LINE.match(line):
            flush()
            i += 1
            continue
        if stripped.startswith(("<a ", "<picture")):
            flush()
            i += 1
            continue
        m = HEADING.match(line)
        if m:
            flush()
            doc.add_heading(m.group("text"), level=min(len(m.group("hashes")), 4))
            num_id = None
            i += 1
            continue
        if stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(doc, rows)
            continue
        m = NUMBER.match(line)
        if m and not m.group("ind"):
            flush()
            p = doc.add_paragraph(style="List Number")
            if num_id is None:
                num_id = restart_numbering(doc, p)
            set_num(p, num_id)
            add_inline(p, m.group("text"))
            i += 1
            continue
        m = BULLET.match(line)
        if m:
            flush()
            level2 = len(m.group("ind").expandtabs()) >= 2
            p = doc.add_paragraph(style="List Bullet 2" if level2 else "List Bullet")
            add_inline(p, m.group("text"))
            i += 1
            continue
        # a plain line: continues the current paragraph; a list ends here
        if not para_lines:
            num_id = None
        para_lines.append(line)
        i += 1
    flush()
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
