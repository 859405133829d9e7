"""Build plyr-readme.docx from the README of the npm package plyr 3.8.4.

Usage: python plyr-readme.py OUT.docx SOURCE

SOURCE is ``package/README.md`` from ``npm pack plyr@3.8.4`` (Plyr by Sam
Potts, licence MIT, as stated in package.json and at the end of the README).
The whole README is used. The text is copied without rewording; only the
layout is turned into Word's own:

- ``#`` .. ``####`` headings become the styles Heading 1 .. Heading 4;
- paragraphs become Normal paragraphs (the Markdown soft line breaks inside a
  paragraph become spaces);
- fenced code blocks become one paragraph per line in the paragraph style
  "Code" (Courier New, 9 pt, no spacing), with the language tag dropped;
- ``- `` / ``* `` items become List Bullet, ``1.`` items become List Number
  (an item's indented continuation lines stay in the same item, and an item
  indented under another becomes List Bullet 2);
- ``>`` quotes become the style Quote;
- pipe tables become Word tables (style Table Grid, header row in bold);
- inline ``code`` becomes a run in Courier New, ``**x**`` / ``__x__`` bold,
  ``_x_`` / ``*x*`` italic; a link keeps its text, as a real hyperlink when
  it points to an http(s) address (also for ``<https://...>`` autolinks) and
  as plain text when it is a link inside the README or to a file of the
  repository;
- HTML entities outside code (``&sup1;``, ``&larr;``, ...) become the
  characters they stand for; the inline tags ``<em>`` and ``<sup>`` become
  italic and superscript runs;
- pictures are left out: the badge line and the screenshot at the top, the
  colour swatches (``![#4a5464](...)``) in front of the colour values of the
  CSS custom properties table, and the raw HTML contributor and sponsor
  avatars near the end.

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
from docx.text.run import Run

MONO = "Courier New"
FIXED = datetime.datetime(2024, 1, 1, 0, 0, 0)

INLINE = re.compile(
    r"(?P<code>(?P<ticks>`+)(?P<codetext>.+?)(?P=ticks))"
    r"|(?P<image>!\[[^\]]*\]\([^)\s]+\)\s?)"
    r"|(?P<link>\[(?P<ltext>[^\]]+)\]\((?P<url>[^)\s]+)\))"
    r"|(?P<auto><(?P<aurl>https?://[^>\s]+)>)"
    r"|(?P<tag><(?P<tname>em|sup)>(?P<ttext>.*?)</(?P=tname)>)"
    r"|(?P<bold>\*\*(?P<btext>.+?)\*\*|(?<![\w])__(?P<btext2>[^_].*?)__(?![\w]))"
    r"|(?P<ital>(?<![\w*])\*(?P<itext>[^*\s][^*]*?)\*(?![\w*])"
    r"|(?<![\w_])_(?P<itext2>[^_\s][^_]*?)_(?![\w_]))"
)


# a picture that is itself a link: ``[![alt](picture)](target)``
BADGE = re.compile(r"\[!\[[^\]]*\]\([^)\s]+\)\]\([^)\s]+\)\s*")


def text_run(paragraph, text):
    """A run of plain Markdown text: HTML entities become their characters."""
    return paragraph.add_run(html.unescape(text))


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


def styled(paragraph, text, how):
    """Add inline text (which may hold a link or code) in bold or italic."""
    start = len(paragraph._p)
    add_inline(paragraph, text)
    for child in list(paragraph._p)[start:]:
        for r in [child] if child.tag == qn("w:r") else child.findall(qn("w:r")):
            setattr(Run(r, paragraph), how, True)


def add_inline(paragraph, text):
    """Add Markdown inline text to a paragraph as formatted runs."""
    text = BADGE.sub("", text)
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            text_run(paragraph, text[pos:m.start()])
        if m.group("code"):
            code = m.group("codetext")
            if len(m.group("ticks")) > 1 and code.startswith(" ") and code.endswith(" ") and code.strip():
                code = code[1:-1]
            elif len(m.group("ticks")) > 1 and code.endswith(" ") and not code.startswith(" "):
                code = code[:-1]
            set_mono(paragraph.add_run(code))
        elif m.group("image"):
            pass  # a picture (badge, screenshot, colour swatch): left out
        elif m.group("link"):
            label, url = m.group("ltext"), m.group("url")
            if url.startswith(("http://", "https://")):
                add_hyperlink(paragraph, html.unescape(re.sub(r"(`+)(.+?)\1", r"\2", label)), url)
            else:
                add_inline(paragraph, label)
        elif m.group("auto"):
            add_hyperlink(paragraph, m.group("aurl"), m.group("aurl"))
        elif m.group("tag"):
            run = text_run(paragraph, m.group("ttext"))
            if m.group("tname") == "em":
                run.italic = True
            else:
                run.font.superscript = True
        elif m.group("bold"):
            styled(paragraph, m.group("btext") or m.group("btext2"), "bold")
        else:
            styled(paragraph, m.group("itext") or m.group("itext2"), "italic")
        pos = m.end()
    if pos < len(text):
        text_run(paragraph, text[pos:])


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


def build(source, out):
    with open(source, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    doc = Document()
    code_style(doc)
    props = doc.core_properties
    props.title = "Plyr README"
    props.author = "Sam Potts and contributors"
    props.created = FIXED
    props.modified = FIXED
    props.last_printed = FIXED
    props.revision = 1

    para_lines = []

    def flush():
        text = " ".join(s.strip() for s in para_lines)
        para_lines.clear()
        if BADGE.sub("", text).strip():  # a line of badges alone is left out
            add_inline(doc.add_paragraph(), text)

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i].rstrip(), style="Code")
                i += 1
            i += 1
            continue
        if not stripped:
            flush()
        elif stripped.startswith("<") and stripped.endswith(">"):
            flush()  # raw HTML (the banner image link): left out
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
        elif m := re.match(r"(\s*)(?:([-*])|\d+\.)\s+(.*)", line):
            flush()
            indent = len(m.group(1))
            if m.group(2):
                style = "List Bullet 2" if indent >= 2 else "List Bullet"
            else:
                style = "List Number"
            item = [m.group(3).strip()]
            # indented continuation lines of the same item
            while (
                i + 1 < len(lines)
                and lines[i + 1].strip()
                and lines[i + 1].startswith(" " * (indent + 2))
                and not re.match(r"\s*(?:[-*]|\d+\.)\s+", lines[i + 1])
            ):
                i += 1
                item.append(lines[i].strip())
            add_inline(doc.add_paragraph(style=style), " ".join(item))
        elif stripped.startswith(">"):
            flush()
            add_inline(doc.add_paragraph(style="Quote"), stripped.lstrip(">").strip())
        else:
            para_lines.append(line)
        i += 1
    flush()
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[2], sys.argv[1])
