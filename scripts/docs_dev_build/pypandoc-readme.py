"""Build pypandoc-readme.docx from the pypandoc README (Markdown).

Usage: python build_pypandoc-readme.py OUT.docx SOURCE

Source: README.md of the PyPI sdist pypandoc-1.17.tar.gz
(``pip download --no-deps --no-binary :all: pypandoc==1.17``, path
``pypandoc-1.17/README.md``; identical to the long description in the wheel).
Licence: MIT ("Pypandoc is available under MIT license", LICENSE in the sdist,
Copyright (c) 2011 - 2021 Juho Vepsaelaeinen, (c) 2022 Jessica Tegner).

Mapping (the words are not changed, only laid out as a Word document):
- ``#`` .. ``####`` headings -> Title, Heading 1 .. Heading 3;
- paragraphs and list items -> hard-wrapped source lines are joined with a space;
- paragraphs -> Normal paragraphs;
- ``-``/``*`` items -> List Bullet; ``1.`` items -> List Number (each list restarts at 1);
- fenced code blocks -> one paragraph per line in the "Code" style (Courier New);
- ``> `` quotes -> Quote style;
- ``code`` spans -> Courier New runs, ``**bold**`` -> bold runs;
- ``[text](url)`` links -> hyperlinks showing the link text (links to a place in
  the same README, ``(#...)``, keep only their text);
- the line of badge images under the title is left out (pictures, no text).
Document properties use fixed dates so a rebuild gives the same text.
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
INLINE = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)|`([^`]+)`|\*\*([^*]+)\*\*")
BADGE = re.compile(r"^\s*(\[!\[|!\[)")
FIXED_DATE = datetime.datetime(2024, 1, 1, 0, 0, 0)


def add_hyperlink(paragraph, text, url):
    """Append a hyperlink run showing text and pointing to url."""
    r_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    props.append(style)
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "0563C1")
    props.append(color)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.append(underline)
    run.append(props)
    text_el = OxmlElement("w:t")
    text_el.text = text
    text_el.set(qn("xml:space"), "preserve")
    run.append(text_el)
    link.append(run)
    paragraph._p.append(link)


def add_inline(paragraph, text):
    """Add text to paragraph, turning code spans, bold and links into runs."""
    pos = 0
    for match in INLINE.finditer(text):
        if match.start() > pos:
            paragraph.add_run(text[pos:match.start()])
        link_text, url, code, bold = match.groups()
        if link_text is not None and url.startswith("#"):
            add_inline(paragraph, link_text)
        elif link_text is not None:
            add_hyperlink(paragraph, link_text.strip("`"), url)
        elif code is not None:
            paragraph.add_run(code).font.name = MONO
        else:
            paragraph.add_run(bold).bold = True
        pos = match.end()
    if pos < len(text):
        paragraph.add_run(text[pos:])


def code_style(document):
    """Return a monospaced paragraph style for code blocks."""
    style = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = MONO
    style.font.size = Pt(9)
    style.font.color.rgb = RGBColor(0x20, 0x20, 0x20)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.space_before = Pt(0)
    return style


def restart_numbering(document, paragraph):
    """Make paragraph start a new numbered list (numbering 1, 2, 3 ...)."""
    numbering = document.part.numbering_part.element
    style = document.styles["List Number"]
    num_pr = style.element.pPr.find(qn("w:numPr"))
    base_num_id = num_pr.find(qn("w:numId")).get(qn("w:val"))
    abstract_id = None
    for num in numbering.findall(qn("w:num")):
        if num.get(qn("w:numId")) == base_num_id:
            abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    new_id = str(max(int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))) + 1)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), new_id)
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
    """Attach paragraph to numbering instance num_id."""
    p_pr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    num_pr.append(ilvl)
    num_id_el = OxmlElement("w:numId")
    num_id_el.set(qn("w:val"), num_id)
    num_pr.append(num_id_el)
    p_pr.append(num_pr)


def build(out_path, source_path):
    with open(source_path, encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    document = docx.Document()
    code_style(document)
    props = document.core_properties
    props.title = "pypandoc README"
    props.author = "pypandoc contributors"
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE
    props.revision = 1

    i = 0
    num_id = None
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if not stripped or BADGE.match(line):
            i += 1
            continue
        if stripped.startswith("```"):
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                document.add_paragraph(lines[i], style="Code")
                i += 1
            i += 1
            num_id = None
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        if heading:
            level = len(heading.group(1)) - 1
            if level == 0:
                document.add_heading(heading.group(2), level=0)
            else:
                add_inline(document.add_heading("", level=min(level, 9)), heading.group(2))
            i += 1
            num_id = None
            continue
        bullet = re.match(r"^[-*]\s+(.*)$", line)
        number = re.match(r"^\d+\.\s+(.*)$", line)
        if bullet or number:
            text = (bullet or number).group(1)
            i += 1
            while i < len(lines) and lines[i].strip() and not lines[i].strip().startswith("```") \
                    and not re.match(r"^(#{1,6}\s|[-*]\s|\d+\.\s)", lines[i]):
                text += " " + lines[i].strip()
                i += 1
            if bullet:
                add_inline(document.add_paragraph(style="List Bullet"), text)
                num_id = None
            else:
                paragraph = document.add_paragraph(style="List Number")
                if num_id is None:
                    num_id = restart_numbering(document, paragraph)
                set_num(paragraph, num_id)
                add_inline(paragraph, text)
            continue
        num_id = None
        quote = stripped.startswith(">")
        parts = []
        while i < len(lines) and lines[i].strip() and not lines[i].strip().startswith("```") \
                and not re.match(r"^(#{1,6}\s|[-*]\s|\d+\.\s)", lines[i]):
            part = lines[i].strip()
            if quote and part.startswith(">"):
                part = part[1:].strip()
            parts.append(part)
            i += 1
        add_inline(document.add_paragraph(style="Quote" if quote else None), " ".join(parts))
    document.save(out_path)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
