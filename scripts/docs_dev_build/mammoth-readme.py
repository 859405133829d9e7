"""Build mammoth-readme.docx from the README of mammoth.js.

Usage: python build_mammoth-readme.py OUT.docx SOURCE

SOURCE is README.md from the npm package mammoth 1.13.0 (``npm pack
mammoth@1.13.0``, file ``package/README.md``), "Mammoth .docx to HTML
converter" by Michael Williamson, released under the BSD 2-Clause licence
(``package/LICENSE``, "Copyright (c) 2013, Michael Williamson").

The text is copied without rewording; only the Markdown layout is turned into
Word layout, as a person retyping the README in Word would do:

* ``#`` heading -> Title; ``##`` -> Heading 1; ``###`` -> Heading 2;
  ``####`` -> Heading 3.
* a paragraph (lines joined with single spaces) -> Normal.
* ``*`` list items -> List Bullet (top level) or List Bullet 2 (nested);
  a further paragraph inside a list item -> List Continue / List Continue 2.
* fenced and indented code blocks -> one "Code" paragraph (Courier New,
  line breaks kept).
* inline ``code`` -> Courier New run; ``**bold**`` -> bold run; ``*italic*``
  -> italic run; ``[text](url)`` -> a hyperlink on text (web addresses) or
  plain underlined text (links to a section of the README).

Document properties carry fixed dates so that a rebuild gives the same text.
"""
import datetime
import re
import sys

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

FIXED = datetime.datetime(2024, 1, 1, 0, 0, 0)
HEADINGS = {1: "Title", 2: "Heading 1", 3: "Heading 2", 4: "Heading 3"}
INLINE = re.compile(
    r"(?P<code>(`+)(?P<ctext>.+?)\2)"
    r"|(?P<link>\[(?P<ltext>[^\]]+)\]\((?P<url>[^)\s]+)\))"
    r"|(?P<bold>\*\*(?P<btext>.+?)\*\*)"
    r"|(?P<ital>\*(?P<itext>[^*\s][^*]*?)\*)"
)
BULLET = re.compile(r"^( *)[*-] +(.*)$")


def add_code_style(document):
    style = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(6)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), "Courier New")


def mono(run):
    run.font.name = "Courier New"
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:cs"), "Courier New")


def add_hyperlink(paragraph, text, url):
    if not url.startswith("http"):
        run = paragraph.add_run(text)
        run.font.underline = True
        return
    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
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
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            paragraph.add_run(text[pos:m.start()])
        if m.group("code"):
            mono(paragraph.add_run(m.group("ctext")))
        elif m.group("link"):
            add_hyperlink(paragraph, m.group("ltext"), m.group("url"))
        elif m.group("bold"):
            paragraph.add_run(m.group("btext")).bold = True
        else:
            paragraph.add_run(m.group("itext")).italic = True
        pos = m.end()
    if pos < len(text):
        paragraph.add_run(text[pos:])


def add_code(document, lines):
    paragraph = document.add_paragraph(style="Code")
    run = paragraph.add_run()
    for i, line in enumerate(lines):
        if i:
            run.add_break()
        run.add_text(line)


def build(out, source):
    with open(source, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    document = docx.Document()
    add_code_style(document)
    props = document.core_properties
    props.title = "Mammoth .docx to HTML converter"
    props.author = "Michael Williamson"
    props.created = FIXED
    props.modified = FIXED
    props.last_printed = FIXED
    props.revision = 1

    i = 0
    n = len(lines)
    in_list = False
    list_indent = 0
    while i < n:
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        stripped = line.strip()
        heading = re.match(r"^(#{1,4}) +(.*)$", line)
        if heading:
            in_list = False
            paragraph = document.add_paragraph(style=HEADINGS[len(heading.group(1))])
            add_inline(paragraph, heading.group(2))
            i += 1
            continue
        indent = len(line) - len(line.lstrip(" "))
        if stripped.startswith("```") and not (len(stripped) > 6 and stripped.endswith("```")):
            i += 1
            block = []
            while i < n and not lines[i].strip().startswith("```"):
                block.append(lines[i][indent:] if lines[i][:indent].strip() == "" else lines[i])
                i += 1
            i += 1
            add_code(document, block)
            continue
        bullet = BULLET.match(line)
        if bullet:
            indent = len(bullet.group(1))
            if not in_list:
                list_indent = indent
            in_list = True
            level = 1 if indent <= list_indent else 2
            text = [bullet.group(2)]
            i += 1
            while i < n and lines[i].strip() and not BULLET.match(lines[i]) \
                    and not lines[i].strip().startswith("```"):
                text.append(lines[i].strip())
                i += 1
            style = "List Bullet" if level == 1 else "List Bullet 2"
            add_inline(document.add_paragraph(style=style), " ".join(text))
            continue
        if in_list and indent == 0:
            in_list = False
        if not in_list and indent >= 4:
            block = []
            while i < n and (lines[i].startswith("    ") or not lines[i].strip()):
                block.append(lines[i][4:])
                i += 1
            while block and not block[-1].strip():
                block.pop()
            add_code(document, block)
            continue
        text = []
        while i < n and lines[i].strip() and not BULLET.match(lines[i]) \
                and not re.match(r"^#{1,4} ", lines[i]) \
                and not (lines[i].strip().startswith("```") and not lines[i].strip().endswith("```")):
            text.append(lines[i].strip())
            i += 1
        if in_list:
            style = "List Continue" if indent <= list_indent + 2 else "List Continue 2"
        else:
            style = "Normal"
        add_inline(document.add_paragraph(style=style), " ".join(text))
    document.save(out)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
