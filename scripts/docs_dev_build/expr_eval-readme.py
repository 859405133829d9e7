"""Build expr_eval-readme.docx from the README of the npm package expr-eval 2.0.2.

Usage: python expr_eval-readme.py OUT.docx SOURCE

SOURCE is ``package/README.md`` from ``npm pack expr-eval@2.0.2`` (expr-eval,
"JavaScript Expression Evaluator", by Matthew Crumley; licence MIT, as stated
in package.json and LICENSE.txt). The text is copied without rewording; only
the layout is turned into Word's own:

- the setext title (underlined with ``===``) becomes Heading 1, the setext
  section titles (underlined with ``---``) Heading 2, and the ATX headings
  ``###`` / ``####`` (closing ``###`` dropped) Heading 3 / Heading 4;
- paragraphs become Normal paragraphs (the Markdown soft line breaks inside a
  paragraph become spaces);
- indented code blocks (four spaces) become one paragraph per line in the
  paragraph style "Code" (Courier New, 9 pt, no spacing), the four-space
  indent removed; blank lines inside a block stay as empty Code paragraphs;
- ``*`` / ``-`` items become List Bullet, the items nested under them (the
  table of contents) List Bullet 2, and ``1.`` items List Number;
- pipe tables (written without outer pipes) become Word tables (style Table
  Grid, header row in bold); the alignment row is dropped;
- inline ``code`` becomes a run in Courier New, ``**x**`` bold, ``_x_`` /
  ``*x*`` italic, and backslash escapes (``\\*``, ``\\|``) give the bare
  character; a link keeps its text, as a real hyperlink when it points to an
  http(s) address and as plain text when it points inside the README;
- the line of badges under the title (images linking to npm, CDNJS and the
  build status) is left out, since it is only pictures.

The document's core properties carry fixed dates, so a rebuild gives the same
document text.
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
FIXED = datetime.datetime(2024, 1, 1, 0, 0, 0)

INLINE = re.compile(
    r"(?P<code>(?P<ticks>`+)(?P<codetext>.+?)(?P=ticks))"
    r"|(?P<esc>\\(?P<escchar>[\\`*_{}\[\]()#+\-.!|]))"
    r"|(?P<link>\[(?P<ltext>[^\]]+)\]\((?P<url>[^)\s]+)\))"
    r"|(?P<bold>\*\*(?P<btext>.+?)\*\*|(?<![\w])__(?P<btext2>[^_].*?)__(?![\w]))"
    r"|(?P<ital>(?<![\w*\\])\*(?P<itext>[^*\s][^*]*?)\*(?![\w*])"
    r"|(?<![\w_])_(?P<itext2>[^_\s][^_]*?)_(?![\w_]))"
)
BADGE = re.compile(r"^(\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)\s*)+$")
SEPARATOR = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)+\|?\s*$")


def set_mono(run):
    run.font.name = MONO
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), MONO)


def add_hyperlink(paragraph, text, url):
    rid = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "0563C1")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    rpr.append(color)
    rpr.append(underline)
    run.append(rpr)
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def add_inline(paragraph, text):
    """Add Markdown inline text to a paragraph as formatted runs."""
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            paragraph.add_run(text[pos:m.start()])
        if m.group("code"):
            set_mono(paragraph.add_run(m.group("codetext")))
        elif m.group("esc"):
            paragraph.add_run(m.group("escchar"))
        elif m.group("link"):
            label, url = m.group("ltext"), m.group("url")
            if url.startswith(("http://", "https://")):
                add_hyperlink(paragraph, re.sub(r"(`+)(.+?)\1", r"\2", label), url)
            else:
                add_inline(paragraph, label)
        elif m.group("bold"):
            paragraph.add_run(m.group("btext") or m.group("btext2")).bold = True
        else:
            paragraph.add_run(m.group("itext") or m.group("itext2")).italic = True
        pos = m.end()
    if pos < len(text):
        paragraph.add_run(text[pos:])


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = MONO
    style.font.size = Pt(9)
    style.font.color.rgb = RGBColor(0x20, 0x20, 0x20)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), MONO)
    fmt = style.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    return style


def split_row(line):
    """Cells of a pipe-table row; an escaped pipe (\\|) stays inside its cell."""
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    return [c.strip() for c in re.split(r"(?<!\\)\|", line)]


def add_table(doc, rows):
    header, body = rows[0], rows[2:]
    table = doc.add_table(rows=1 + len(body), cols=len(header))
    table.style = doc.styles["Table Grid"]
    for i, row in enumerate([header] + body):
        for j in range(len(header)):
            para = table.cell(i, j).paragraphs[0]
            add_inline(para, row[j] if j < len(row) else "")
            if i == 0:
                for run in para.runs:
                    run.bold = True


def build(source, out):
    with open(source, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    doc = Document()
    code_style(doc)
    props = doc.core_properties
    props.title = "expr-eval README"
    props.author = "expr-eval contributors"
    props.created = FIXED
    props.modified = FIXED
    props.last_printed = FIXED
    props.revision = 1

    para_lines = []
    in_list = False  # the previous block was a list item with no blank line since

    def flush():
        if para_lines:
            add_inline(doc.add_paragraph(), " ".join(s.strip() for s in para_lines))
            para_lines.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if not stripped:
            flush()
            in_list = False
            i += 1
            continue
        if in_list and line.startswith("    ") and (m := re.match(r"[-*+]\s+(.*)", stripped)):
            add_inline(doc.add_paragraph(style="List Bullet 2"), m.group(1))
            i += 1
            continue
        if line.startswith("    ") and not para_lines:
            # indented code block: runs until a non-blank line that is not indented
            block = []
            while i < len(lines) and (lines[i].startswith("    ") or not lines[i].strip()):
                block.append(lines[i][4:].rstrip() if lines[i].strip() else "")
                i += 1
            while block and not block[-1]:
                block.pop()
            for code_line in block:
                doc.add_paragraph(code_line, style="Code")
            continue
        in_list = False
        if BADGE.match(stripped):
            flush()  # the badge images: left out
        elif not para_lines and nxt.strip() and re.fullmatch(r"=+", nxt.strip()):
            add_inline(doc.add_heading(level=1), stripped)
            i += 2
            continue
        elif not para_lines and nxt.strip() and re.fullmatch(r"-{3,}", nxt.strip()):
            add_inline(doc.add_heading(level=2), stripped)
            i += 2
            continue
        elif m := re.match(r"(#{1,6})\s+(.*?)(\s+#+)?$", stripped):
            flush()
            level = min(len(m.group(1)), 4)
            add_inline(doc.add_heading(level=level), m.group(2).strip())
        elif "|" in stripped and SEPARATOR.match(nxt):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip() and "|" in lines[i]:
                rows.append(split_row(lines[i]))
                i += 1
            add_table(doc, rows)
            continue
        elif m := re.match(r"[-*+]\s+(.*)", stripped):
            flush()
            add_inline(doc.add_paragraph(style="List Bullet"), m.group(1))
            in_list = True
        elif m := re.match(r"\d+\.\s+(.*)", stripped):
            flush()
            add_inline(doc.add_paragraph(style="List Number"), m.group(1))
            in_list = True
        else:
            para_lines.append(line)
        i += 1
    flush()
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[2], sys.argv[1])
