"""Build loadjs-readme.docx from the README of the npm package loadjs 4.3.0.

Usage: python loadjs-readme.py OUT.docx SOURCE

SOURCE is ``package/README.md`` from ``npm pack loadjs@4.3.0`` (LoadJS, the
tiny async loader for browsers by Andres Morey / kubetail-org, licence MIT, as
stated in package.json and LICENSE.txt). The text is copied without rewording;
only the layout is turned into Word's own:

- ``#`` .. ``####`` headings become the styles Heading 1 .. Heading 4;
- paragraphs become Normal paragraphs (the Markdown soft line breaks inside a
  paragraph become spaces);
- fenced code blocks (also those indented under a numbered item) become one
  paragraph per line in the paragraph style "Code" (Courier New, 9 pt, no
  spacing), with the language tag dropped and the fence's own indentation
  removed; the ``<pre>`` block of the directory tree is laid out the same way;
- ``- `` / ``* `` items become List Bullet (List Bullet 2 when indented by four
  spaces or more, as the nested CDN links are), ``1.`` items become List
  Number, each of the two numbered lists restarting at 1;
- paragraphs indented under a numbered item become List Continue paragraphs;
- the HTML entities ``&lt;`` / ``&gt;`` become ``<`` / ``>``;
- inline ``code`` becomes a run in Courier New, ``**x**`` / ``__x__`` bold,
  ``_x_`` / ``*x*`` italic; a link keeps its text, as a real hyperlink when
  it points to an http(s) address and as plain text when it is a link inside
  the README or to a file of the repository;
- the logo ``<img>`` at the top and the CDNJS badge (an image link) are left
  out, since they are only pictures.

The README has no table and no quote, so the template's rules for those are
not carried over.

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


def new_list(doc):
    """A new numbering instance of the List Number style's list, counting from 1."""
    numbering = doc.part.numbering_part.numbering_definitions._numbering
    style_num = doc.styles["List Number"].element.pPr.numPr.numId.val
    abstract = numbering.num_having_numId(style_num).abstractNumId.val
    num = numbering.add_num(abstract)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    num.append(override)
    return num.numId


def set_list(paragraph, num_id):
    """Put a List Number paragraph into the numbering instance num_id."""
    numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val = 0
    numpr.get_or_add_numId().val = num_id


def build(source, out):
    with open(source, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    doc = Document()
    code_style(doc)
    props = doc.core_properties
    props.title = "LoadJS README"
    props.author = "LoadJS contributors"
    props.created = FIXED
    props.modified = FIXED
    props.last_printed = FIXED
    props.revision = 1

    para_lines = []
    para_style = ["Normal"]
    in_numbered = False  # inside a numbered list (items and what is indented under them)
    list_id = None

    def flush():
        if para_lines:
            text = html.unescape(" ".join(s.strip() for s in para_lines))
            add_inline(doc.add_paragraph(style=para_style[0]), text)
            para_lines.clear()

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
                # drop the fence's own indentation (code indented under a list item)
                if code[:indent].strip() == "":
                    code = code[indent:]
                doc.add_paragraph(code, style="Code")
                i += 1
            i += 1
            continue
        if stripped == "<pre>":
            flush()
            i += 1
            while i < len(lines) and lines[i].strip() != "</pre>":
                doc.add_paragraph(html.unescape(lines[i].rstrip()), style="Code")
                i += 1
            i += 1
            continue
        if not stripped:
            flush()
        elif stripped.startswith("<") and stripped.endswith(">"):
            flush()  # raw HTML (the logo image): left out
        elif re.fullmatch(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)", stripped):
            flush()  # a badge (image link): left out
        elif m := re.match(r"(#{1,6})\s+(.*)", stripped):
            flush()
            in_numbered = False
            level = min(len(m.group(1)), 4)
            add_inline(doc.add_heading(level=level), m.group(2).strip())
        elif m := re.match(r"[-*]\s+(.*)", stripped):
            flush()
            style = "List Bullet 2" if indent >= 4 else "List Bullet"
            add_inline(doc.add_paragraph(style=style), html.unescape(m.group(1)))
        elif m := re.match(r"\d+\.\s+(.*)", stripped):
            flush()
            para = doc.add_paragraph(style="List Number")
            if not in_numbered:
                list_id = new_list(doc)
                in_numbered = True
            set_list(para, list_id)
            add_inline(para, html.unescape(m.group(1)))
        else:
            if not para_lines:
                para_style[0] = "List Continue" if in_numbered and indent >= 4 else "Normal"
            para_lines.append(line)
        i += 1
    flush()
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[2], sys.argv[1])
