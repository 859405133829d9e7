"""Build configargparse-readme.docx from the ConfigArgParse README.

Usage: python build_configargparse-readme.py OUT.docx SOURCE

SOURCE is README.md from the PyPI source distribution ConfigArgParse 1.9.0
(configargparse-1.9.0.tar.gz, path configargparse-1.9.0/README.md), fetched with
``pip download --no-deps --no-binary :all: ConfigArgParse==1.9.0``.
Licence: MIT (Copyright (c) 2015 bw2), per the LICENSE file of that distribution.

The text is copied without rewording; only the Markdown markup is turned into
Word layout:

* ``# `` heading -> Title; ``## `` -> Heading 1; ``### `` -> Heading 2;
  ``#### `` -> Heading 3 (emphasis inside a heading becomes an italic run).
* the badge lines (linked shield images) under the title are left out.
* fenced code blocks -> one paragraph per line in the "Code" paragraph style
  (Courier New 9 pt, no spacing between lines).
* ``- `` items -> List Bullet, List Bullet 2, List Bullet 3 by indentation;
  ``1. `` items -> List Number; indented continuation lines are joined to
  their item with a single space, as Markdown renders them.
* other runs of text lines -> one Normal paragraph (lines joined with a space).
* inline ``code`` -> Courier New run, ``**bold**`` -> bold run, ``*italic*`` ->
  italic run, ``[text](url)`` -> a hyperlink showing text; bare URLs stay text.
* core properties (title, author, dates) are set to fixed values so that a
  rebuild gives the same document.
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
INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|\[[^\]]+\]\([^)]+\)|\*[^*\s][^*]*\*)")


def add_hyperlink(paragraph, text, url):
    """Append a clickable link run showing text."""
    r_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
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
    run.append(props)
    text_el = OxmlElement("w:t")
    text_el.text = text
    text_el.set(qn("xml:space"), "preserve")
    run.append(text_el)
    link.append(run)
    paragraph._p.append(link)


def add_inline(paragraph, text):
    """Add text to paragraph, turning inline Markdown into runs."""
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = paragraph.add_run(part[1:-1])
            run.font.name = MONO
        elif part.startswith("**") and part.endswith("**") and len(part) > 4:
            add_inline_bold(paragraph, part[2:-2])
        elif part.startswith("[") and "](" in part and part.endswith(")"):
            label, url = part[1:-1].split("](", 1)
            add_hyperlink(paragraph, label, url)
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            paragraph.add_run(part[1:-1]).italic = True
        else:
            paragraph.add_run(part)


def add_inline_bold(paragraph, text):
    """Bold text that may hold a link or code span."""
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("[") and "](" in part and part.endswith(")"):
            label, url = part[1:-1].split("](", 1)
            add_hyperlink(paragraph, label, url)
        elif part.startswith("`") and part.endswith("`"):
            run = paragraph.add_run(part[1:-1])
            run.font.name = MONO
            run.bold = True
        else:
            paragraph.add_run(part).bold = True


def make_styles(document):
    styles = document.styles
    code = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = styles["Normal"]
    code.font.name = MONO
    code.font.size = Pt(9)
    code.font.color.rgb = RGBColor(0x20, 0x20, 0x20)
    code.paragraph_format.space_before = Pt(0)
    code.paragraph_format.space_after = Pt(0)
    code.paragraph_format.left_indent = Pt(18)


def is_badge(line):
    return line.startswith("[![")


def build(out_path, source_path):
    with open(source_path, encoding="utf-8") as handle:
        lines = handle.read().split("\n")

    document = docx.Document()
    make_styles(document)
    heading_levels = {1: None, 2: 1, 3: 2, 4: 3}

    paragraph_lines = []
    list_item = None  # (style, [text lines])

    def flush_paragraph():
        if paragraph_lines:
            add_inline(document.add_paragraph(), " ".join(s.strip() for s in paragraph_lines))
            paragraph_lines.clear()

    def flush_list():
        nonlocal list_item
        if list_item:
            style, parts = list_item
            add_inline(document.add_paragraph(style=style), " ".join(s.strip() for s in parts))
            list_item = None

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush_paragraph()
            flush_list()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                document.add_paragraph(lines[i].rstrip(), style="Code")
                i += 1
            i += 1
            continue
        if not stripped:
            flush_paragraph()
            flush_list()
            i += 1
            continue
        if is_badge(stripped):
            i += 1
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        if heading:
            flush_paragraph()
            flush_list()
            level = heading_levels.get(len(heading.group(1)), 3)
            if level is None:
                para = document.add_paragraph(style="Title")
            else:
                para = document.add_heading(level=level)
            add_inline(para, heading.group(2).strip())
            i += 1
            continue
        bullet = re.match(r"^( *)- (.*)$", line)
        number = re.match(r"^( *)\d+\. (.*)$", line)
        if bullet or number:
            flush_paragraph()
            flush_list()
            match = bullet or number
            depth = len(match.group(1)) // 2
            if bullet:
                style = ["List Bullet", "List Bullet 2", "List Bullet 3"][min(depth, 2)]
            else:
                style = "List Number"
            list_item = (style, [match.group(2)])
            i += 1
            continue
        if list_item and line.startswith(" "):
            list_item[1].append(line)
            i += 1
            continue
        flush_list()
        paragraph_lines.append(line)
        i += 1
    flush_paragraph()
    flush_list()

    props = document.core_properties
    fixed = datetime.datetime(2025, 1, 1, 0, 0, 0)
    props.title = "ConfigArgParse"
    props.author = "bw2 and ConfigArgParse contributors"
    props.last_modified_by = "build_configargparse-readme.py"
    props.created = fixed
    props.modified = fixed
    props.revision = 1
    document.save(out_path)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: build_configargparse-readme.py OUT.docx SOURCE")
    build(sys.argv[1], sys.argv[2])
