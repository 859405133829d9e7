"""Build iron-readme.docx from the README of the npm package iron-session 8.0.4.

Usage: python iron-readme.py OUT.docx SOURCE

SOURCE is ``package/README.md`` from ``npm pack iron-session@8.0.4``
(iron-session by Vincent Voyer and contributors, licence MIT, as stated in
package.json and in the README's licence badge). The text is copied without
rewording; only the layout is turned into Word's own:

- ``#`` .. ``####`` headings become the styles Heading 1 .. Heading 4; the
  badge images after the title (``![..](..)`` and ``[![..](..)](..)``) are
  left out, since they are only pictures;
- paragraphs become Normal paragraphs (the Markdown soft line breaks inside a
  paragraph become spaces);
- fenced code blocks become one paragraph per line in the paragraph style
  "Code" (Courier New, 9 pt, no spacing), with the language tag dropped and
  the indentation of a fence nested in a list item removed;
- ``- `` / ``* `` items become List Bullet (List Bullet 2 when indented, as
  the sub-entries of the table of contents), ``1.`` items become List Number;
  the indented continuation lines of an item are joined to it with spaces;
- ``>`` quotes become the style Quote;
- pipe tables would become Word tables (style Table Grid, header row in
  bold); this README has none;
- inline ``code`` becomes a run in Courier New, ``**x**`` / ``__x__`` bold,
  ``_x_`` / ``*x*`` italic; a link keeps its text, as a real hyperlink when
  it points to an http(s) address and as plain text when it is a link inside
  the README; an autolink ``<https://..>`` becomes a hyperlink showing the
  address;
- the raw HTML sponsor block (``<div>`` .. ``</div>``: the "our sponsor"
  line, the sponsor's logo and its advertisement) is left out, and so are
  the ``---`` rules around it; the raw HTML paragraph ``<p>`` .. ``</p>``
  under the introduction (online demo, Next.js documentation) keeps its
  text, emoji included, without the tags;
- the stray ``****`` after the first sentence of "Session options" stays as
  it stands, since Markdown shows it literally.

The document's core properties carry fixed dates, so a rebuild gives the same
document text.
"""

import datetime
import html
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
IMAGE_LINK = re.compile(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)")
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")


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


def add_run(paragraph, text, bold=False, italic=False, mono=False):
    run = paragraph.add_run(text)
    run.bold = bold or None
    run.italic = italic or None
    if mono:
        set_mono(run)


def add_inline(paragraph, text, bold=False, italic=False):
    """Add Markdown inline text to a paragraph as formatted runs."""
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            add_run(paragraph, text[pos:m.start()], bold, italic)
        if m.group("code"):
            code = m.group("codetext")
            if len(m.group("ticks")) > 1 and code.startswith(" ") and code.endswith(" ") and code.strip():
                code = code[1:-1]
            add_run(paragraph, code, bold, italic, mono=True)
        elif m.group("auto"):
            add_hyperlink(paragraph, m.group("aurl"), m.group("aurl"))
        elif m.group("link"):
            label, url = m.group("ltext"), m.group("url")
            if url.startswith(("http://", "https://")):
                add_hyperlink(paragraph, re.sub(r"(`+)(.+?)\1", r"\2", label), url)
            else:
                add_inline(paragraph, label, bold, italic)
        elif m.group("bold"):
            add_inline(paragraph, m.group("btext") or m.group("btext2"), True, italic)
        else:
            add_inline(paragraph, m.group("itext") or m.group("itext2"), bold, True)
        pos = m.end()
    if pos < len(text):
        add_run(paragraph, text[pos:], bold, italic)


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
            para = table.cell(i, j).paragraphs[0]
            add_inline(para, row[j] if j < len(row) else "", bold=(i == 0))


def strip_tags(text):
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def build(source, out):
    with open(source, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    doc = Document()
    code_style(doc)
    props = doc.core_properties
    props.title = "iron-session README"
    props.author = "iron-session contributors"
    props.created = FIXED
    props.modified = FIXED
    props.last_printed = FIXED
    props.revision = 1

    para_lines = []
    item = None  # [style, text] of the list item being read

    def flush():
        nonlocal item
        if para_lines:
            add_inline(doc.add_paragraph(), " ".join(s.strip() for s in para_lines))
            para_lines.clear()
        if item:
            add_inline(doc.add_paragraph(style=item[0]), item[1])
            item = None

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        indent = len(line) - len(line.lstrip(" "))
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                code = lines[i].rstrip()
                doc.add_paragraph(code[indent:] if code[:indent].strip() == "" else code, style="Code")
                i += 1
            i += 1
            continue
        if not stripped:
            flush()
        elif stripped.startswith("<div"):
            flush()  # the sponsor block: left out
            depth = 0
            while i < len(lines):
                depth += lines[i].count("<div") - lines[i].count("</div>")
                if depth <= 0:
                    break
                i += 1
        elif stripped.startswith("<p"):
            flush()  # a raw HTML paragraph: its text is kept
            block = [stripped]
            while "</p>" not in block[-1] and i + 1 < len(lines):
                i += 1
                block.append(lines[i].strip())
            text = " ".join(strip_tags(b).strip() for b in block)
            doc.add_paragraph(re.sub(r"\s+", " ", text).strip())
        elif re.fullmatch(r"-{3,}|\*{3,}", stripped) and not para_lines:
            flush()  # thematic break
        elif m := re.match(r"(#{1,6})\s+(.*)", stripped):
            flush()
            level = min(len(m.group(1)), 4)
            title = IMAGE.sub("", IMAGE_LINK.sub("", m.group(2))).strip()
            add_inline(doc.add_heading(level=level), title)
        elif stripped.startswith("|") and i + 1 < len(lines) and re.match(r"\s*\|?\s*:?-+", lines[i + 1]):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(split_row(lines[i]))
                i += 1
            add_table(doc, rows)
            continue
        elif m := re.match(r"[-*]\s+(.*)", stripped):
            flush()
            item = ["List Bullet 2" if indent >= 2 else "List Bullet", m.group(1)]
        elif m := re.match(r"\d+\.\s+(.*)", stripped):
            flush()
            item = ["List Number", m.group(1)]
        elif item and indent >= 2:
            item[1] += " " + stripped  # continuation line of a list item
        elif stripped.startswith(">"):
            flush()
            add_inline(doc.add_paragraph(style="Quote"), stripped.lstrip(">").strip())
        else:
            if item:
                flush()
            para_lines.append(line)
        i += 1
    flush()
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[2], sys.argv[1])
