"""Build smart_open-readme.docx from the smart_open README.

Usage: python build_smart_open-readme.py OUT.docx SOURCE

Source: README.md of the PyPI source distribution smart_open 9.0.4
(``pip download --no-deps --no-binary :all: smart_open==9.0.4``, file
``smart_open-9.0.4/README.md``).
Licence: smart_open is released under the MIT license (Copyright (c) 2015-now
Radim Řehůřek), as stated at the end of the README and in its LICENSE file.

Mapping (the words are copied unchanged, only the layout is Word's):
- ``#`` lines become Title (the first one) and ``##``/``###`` lines become
  Heading 1 / Heading 2.
- Runs of text lines separated by blank lines become one Normal paragraph,
  the source line breaks being joined with a space.
- ``- item`` lines become "List Bullet" paragraphs.
- Fenced code blocks become one paragraph in a "Code" style (Courier New,
  9 pt) with the original line breaks kept; the fence language is dropped.
- Inline ``code`` becomes a Courier New run, ``**bold**`` bold and ``*text*``
  italic; a Markdown link keeps its text as a Word hyperlink to its URL.
- The badge images under the title, HTML comments (``<!-- ... -->``) and the
  ``---`` rule are layout only and are left out.
- Document dates are fixed so that a rebuild gives the same document.
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
FIXED_DATE = datetime.datetime(2025, 1, 1, 0, 0, 0)
INLINE = re.compile(
    r"(`[^`]+`)|(\*\*[^*]+\*\*)|(\[[^\]]+\]\([^)]+\))|(\*[^*\s][^*]*\*)"
)


def add_hyperlink(paragraph, text, url):
    """Append a hyperlink run showing text and pointing at url."""
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
    """Add text to paragraph, turning inline Markdown into Word formatting."""
    pos = 0
    for match in INLINE.finditer(text):
        if match.start() > pos:
            paragraph.add_run(text[pos:match.start()])
        token = match.group(0)
        if match.group(1):
            run = paragraph.add_run(token[1:-1])
            run.font.name = MONO
        elif match.group(2):
            inner = token[2:-2]
            if inner.startswith("`") and inner.endswith("`"):
                run = paragraph.add_run(inner[1:-1])
                run.font.name = MONO
            else:
                run = paragraph.add_run(inner)
            run.bold = True
        elif match.group(3):
            label, url = re.match(r"\[([^\]]+)\]\(([^)]+)\)", token).groups()
            if label.startswith("`") and label.endswith("`"):
                label = label[1:-1]
            add_hyperlink(paragraph, label, url)
        else:
            run = paragraph.add_run(token[1:-1])
            run.italic = True
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
    style.paragraph_format.space_after = Pt(6)
    return style


def build(out_path, source_path):
    with open(source_path, encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    document = Document()
    code = code_style(document)
    props = document.core_properties
    props.title = "smart_open — utils for streaming large files in Python"
    props.author = "smart_open contributors"
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE
    props.revision = 1

    paragraph_lines = []
    seen_title = False

    def flush():
        if paragraph_lines:
            add_inline(document.add_paragraph(), " ".join(paragraph_lines))
            paragraph_lines.clear()

    i = 0
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
            document.add_paragraph("\n".join(block), style=code)
        elif stripped == "---" or stripped.startswith(("<!--", "[![", "![")):
            flush()
        elif stripped.startswith("#"):
            flush()
            level = len(stripped) - len(stripped.lstrip("#"))
            text = stripped[level:].strip()
            if level == 1 and not seen_title:
                heading = document.add_heading("", level=0)
                seen_title = True
            else:
                heading = document.add_heading("", level=min(level - 1, 3) or 1)
            add_inline(heading, text)
        elif stripped.startswith("- "):
            flush()
            add_inline(document.add_paragraph(style="List Bullet"), stripped[2:])
        elif not stripped:
            flush()
        else:
            paragraph_lines.append(stripped)
        i += 1
    flush()
    document.save(out_path)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
