"""Build csvtojson-readme.docx from the csvtojson README.

Usage: python build_csvtojson-readme.py OUT.docx SOURCE

SOURCE is ``package/readme.md`` from the npm package csvtojson 2.0.14
(``npm pack csvtojson@2.0.14``).  csvtojson is copyright (C) 2013 Keyang Xiang
and released under the MIT licence (``package/LICENSE``); this script copies
the README text unchanged, it only lays it out as a Word document.

Mapping from Markdown to Word:

* ``#`` .. ``####`` headings become the styles Heading 1 .. Heading 4;
* ``*`` bullet items become List Bullet paragraphs, ``1.`` items become
  List Number paragraphs (lazy continuation lines stay in their item);
* fenced code blocks become one paragraph per line in a monospaced
  paragraph style named "Code" (Courier New);
* inline ``code`` becomes a Courier New run, ``**bold**`` a bold run,
  ``<sup>n</sup>`` a superscript run, ``[text](url)`` a hyperlink showing
  its text, and Markdown backslash escapes are resolved (``\\\\`` -> ``\\``);
* lines that consist only of badge or button images (build status,
  coverage, OpenCollective, PayPal) are pictures, not text, and are left
  out; any other image keeps its alternative text;
* other text becomes Normal paragraphs, consecutive lines joined by a space.

The document's core properties use fixed dates so that a rebuild gives the
same document.
"""

import datetime
import re
import sys

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

MONO = "Courier New"
FIXED_DATE = datetime.datetime(2024, 1, 1, 0, 0, 0)

INLINE = re.compile(
    r"(?P<code>`[^`]+`)"
    r"|(?P<img>!\[(?P<alt>[^\]]*)\]\((?P<src>[^)]*)\))"
    r"|(?P<link>\[(?P<ltext>[^\]]+)\]\((?P<url>[^)\s]+)\))"
    r"|(?P<bold>\*\*(?P<btext>.+?)\*\*)"
    r"|(?P<sup><sup>(?P<stext>.*?)</sup>)"
)
IMAGE_ONLY = re.compile(r"^(\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)\s*)+$")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
BULLET = re.compile(r"^\s*[*-]\s+(.*)$")
NUMBER = re.compile(r"^\s*\d+\.\s+(.*)$")
FENCE = re.compile(r"^\s*```")


def unescape(text):
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!])", r"\1", text)


def add_hyperlink(paragraph, url, text, bold=False):
    part = paragraph.part
    r_id = part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "0563C1")
    props.append(color)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.append(underline)
    if bold:
        props.append(OxmlElement("w:b"))
    run.append(props)
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def add_inline(paragraph, text, bold=False):
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            paragraph.add_run(unescape(text[pos:m.start()])).bold = bold or None
        if m.group("code"):
            run = paragraph.add_run(m.group("code")[1:-1])
            run.font.name = MONO
            run.bold = bold or None
        elif m.group("img"):
            paragraph.add_run(m.group("alt")).bold = bold or None
        elif m.group("link"):
            label = m.group("ltext")
            if label.startswith("`") and label.endswith("`"):
                label = label[1:-1]
            add_hyperlink(paragraph, m.group("url"), unescape(label), bold)
        elif m.group("bold"):
            add_inline(paragraph, m.group("btext"), bold=True)
        elif m.group("sup"):
            paragraph.add_run(m.group("stext")).font.superscript = True
        pos = m.end()
    if pos < len(text):
        paragraph.add_run(unescape(text[pos:])).bold = bold or None


def restart_numbering(document, paragraph):
    """Give a new numbered list its own numbering, starting again at 1."""
    numbering = document.part.numbering_part.element
    style_num = document.styles["List Number"].element.pPr.numPr.numId.val
    abstract = numbering.num_having_numId(style_num).abstractNumId.val
    num = numbering.add_num(abstract)
    override = num.add_lvlOverride(ilvl=0)
    override.add_startOverride(1)
    p_pr = paragraph._p.get_or_add_pPr()
    num_pr = p_pr.get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num.numId


def make_code_style(document):
    style = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = MONO
    style.font.size = Pt(9)
    style.font.color.rgb = RGBColor(0x20, 0x20, 0x20)
    style.paragraph_format.space_before = Pt(0)
    style.paragraph_format.space_after = Pt(0)
    return style


def build(source, out):
    with open(source, encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    document = docx.Document()
    make_code_style(document)
    props = document.core_properties
    props.title = "csvtojson README"
    props.author = "Keyang Xiang"
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE
    props.revision = 1

    block = None  # (style, [text lines])
    numbers = []  # the numbering of the current numbered list

    def flush():
        nonlocal block
        if block:
            style, parts = block
            text = " ".join(p.strip() for p in parts).strip()
            if text:
                paragraph = document.add_paragraph(style=style)
                add_inline(paragraph, text)
                if style == "List Number":
                    if not numbers:
                        restart_numbering(document, paragraph)
                        numbers.append(paragraph._p.pPr.numPr.numId.val)
                    else:
                        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
                        num_pr.get_or_add_ilvl().val = 0
                        num_pr.get_or_add_numId().val = numbers[0]
                else:
                    numbers.clear()
        block = None

    i = 0
    while i < len(lines):
        line = lines[i]
        if FENCE.match(line):
            flush()
            numbers.clear()
            i += 1
            while i < len(lines) and not FENCE.match(lines[i]):
                document.add_paragraph(lines[i].rstrip(), style="Code")
                i += 1
            i += 1
            continue
        if not line.strip() or IMAGE_ONLY.match(line.strip()):
            flush()
        elif HEADING.match(line):
            flush()
            numbers.clear()
            level, text = HEADING.match(line).groups()
            add_inline(document.add_heading(level=min(len(level), 4)), text)
        elif BULLET.match(line):
            flush()
            block = ("List Bullet", [BULLET.match(line).group(1)])
        elif NUMBER.match(line):
            flush()
            block = ("List Number", [NUMBER.match(line).group(1)])
        elif block:
            block[1].append(line)
        else:
            block = ("Normal", [line])
        i += 1
    flush()
    document.save(out)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: build_csvtojson-readme.py OUT.docx SOURCE")
    build(sys.argv[2], sys.argv[1])
