"""Build tweetnacl-readme.docx from the README of the npm package tweetnacl 1.0.3.

Usage: python tweetnacl-readme.py OUT.docx SOURCE

SOURCE is ``package/README.md`` from ``npm pack tweetnacl@1.0.3``
(TweetNaCl.js by the "TweetNaCl-js contributors", a port of TweetNaCl to
JavaScript; licence: "Unlicense" in package.json, i.e. dedicated to the public
domain, as the README says: "Public domain."). The text is copied without
rewording; only the layout is turned into Word's own:

- Setext headings (a line underlined with ``===`` or ``---``) become Heading 1
  and Heading 2; ``###`` .. ``#####`` headings become Heading 3 .. Heading 4
  (level 5, used for the constants such as ``nacl.box.nonceLength = 24``, is
  capped at Heading 4);
- paragraphs become Normal paragraphs (the Markdown soft line breaks inside a
  paragraph become spaces);
- indented code blocks (four spaces) become one paragraph per line in the
  paragraph style "Code" (Courier New, 9 pt, no spacing), with the four
  spaces of indentation removed;
- ``* `` items become List Bullet (List Bullet 2 when indented, as in the
  nested contents list); an item's continuation lines are joined to it;
- ``>`` quotes (the audit excerpt) become the style Quote, one paragraph per
  quoted paragraph;
- the pipe table of benchmarks becomes a Word table (style Table Grid, header
  row in bold; its first header cell is empty, as in the source);
- inline ``code`` becomes a run in Courier New, ``**x**`` bold, ``*x*``
  italic; a link keeps its text, as a real hyperlink when it points to an
  http(s) address and as plain text when it is a link inside the README
  (the contents list); an autolink ``<https://...>`` becomes a hyperlink
  showing its address;
- the Travis CI build-status badge (an image link over two lines) is left out,
  since it is only a picture.

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
    r"|(?P<auto><(?P<aurl>https?://[^>\s]+)>)"
    r"|(?P<link>\[(?P<ltext>[^\]]+)\]\((?P<url>[^)\s]+)\))"
    r"|(?P<bold>\*\*(?P<btext>.+?)\*\*|(?<![\w])__(?P<btext2>[^_].*?)__(?![\w]))"
    r"|(?P<ital>(?<![\w*])\*(?P<itext>[^*\s][^*]*?)\*(?![\w*])"
    r"|(?<![\w_])_(?P<itext2>[^_\s][^_]*?)_(?![\w_]))"
)


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
            code = m.group("codetext")
            if len(m.group("ticks")) > 1 and code.startswith(" ") and code.endswith(" ") and code.strip():
                code = code[1:-1]
            elif len(m.group("ticks")) > 1 and code.endswith(" ") and not code.startswith(" "):
                code = code[:-1]
            set_mono(paragraph.add_run(code))
        elif m.group("auto"):
            add_hyperlink(paragraph, m.group("aurl"), m.group("aurl"))
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
    cells = line.strip().strip("|").split("|")
    return [c.strip() for c in cells]


def add_table(doc, rows):
    header, body = rows[0], [r for r in rows[2:]]
    table = doc.add_table(rows=1 + len(body), cols=len(header))
    table.style = doc.styles["Table Grid"]
    for i, row in enumerate([header] + body):
        for j in range(len(header)):
            cell = table.cell(i, j)
            para = cell.paragraphs[0]
            add_inline(para, row[j] if j < len(row) else "")
            if i == 0:
                for run in para.runs:
                    run.bold = True


BADGE = re.compile(r"^\[!\[[^\]]*\]\([^)]*\)\s*\]\([^)]*\)$")


def build(source, out):
    with open(source, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    doc = Document()
    code_style(doc)
    props = doc.core_properties
    props.title = "TweetNaCl.js README"
    props.author = "TweetNaCl.js contributors"
    props.created = FIXED
    props.modified = FIXED
    props.last_printed = FIXED
    props.revision = 1

    para_lines = []
    quote_lines = []
    item = []  # [style, text] of the list item being read

    def flush():
        if para_lines:
            text = " ".join(s.strip() for s in para_lines)
            if not BADGE.match(text):  # the build-status badge: left out
                add_inline(doc.add_paragraph(), text)
            para_lines.clear()
        if quote_lines:
            add_inline(doc.add_paragraph(style="Quote"), " ".join(quote_lines))
            quote_lines.clear()
        if item:
            add_inline(doc.add_paragraph(style=item[0]), item[1])
            item.clear()

    def is_underline(j, char):
        return j < len(lines) and re.fullmatch(re.escape(char) + "{3,}\\s*", lines[j]) is not None

    i = 0
    prev_blank = True
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        blank = not stripped
        if not blank and prev_blank and not item and line.startswith("    "):
            flush()
            code = []
            while i < len(lines) and (lines[i].startswith("    ") or not lines[i].strip()):
                code.append(lines[i][4:].rstrip())
                i += 1
            while code and not code[-1]:
                code.pop()
            for c in code:
                doc.add_paragraph(c, style="Code")
            prev_blank = True
            continue
        prev_blank = blank
        if blank:
            flush()
        elif not para_lines and (is_underline(i + 1, "=") or is_underline(i + 1, "-")):
            flush()
            level = 1 if is_underline(i + 1, "=") else 2
            add_inline(doc.add_heading(level=level), stripped)
            i += 2
            prev_blank = True
            continue
        elif m := re.match(r"(#{1,6})\s+(.*)", stripped):
            flush()
            level = min(len(m.group(1)), 4)
            add_inline(doc.add_heading(level=level), m.group(2).strip())
        elif stripped.startswith("|") and i + 1 < len(lines) and re.match(r"\s*\|?\s*:?-+", lines[i + 1]):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(split_row(lines[i]))
                i += 1
            add_table(doc, rows)
            continue
        elif m := re.match(r"( *)[-*]\s+(.*)", line):
            flush()
            item.extend(["List Bullet 2" if len(m.group(1)) >= 2 else "List Bullet", m.group(2).strip()])
        elif item and line.startswith(" "):
            item[1] += " " + stripped  # continuation line of a list item
        elif stripped.startswith(">"):
            if para_lines or item:
                flush()
            text = stripped[1:].strip()
            if text:
                quote_lines.append(text)
            else:
                flush()  # "> " alone: a new quoted paragraph
        else:
            if quote_lines or item:
                flush()
            para_lines.append(line)
        i += 1
    flush()
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[2], sys.argv[1])
