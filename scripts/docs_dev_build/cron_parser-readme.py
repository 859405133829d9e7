"""Build cron_parser-readme.docx from the cron-parser README.

Usage: python build_cron_parser-readme.py OUT.docx SOURCE

SOURCE is README.md from the npm package cron-parser 5.10.7
(``npm pack cron-parser@5.10.7``, path ``package/README.md`` inside the
tarball).  cron-parser is released under the MIT licence (package.json
"license": "MIT"; README section "License").

The text is laid out as a person would in Word, without rewording anything:

* ``#``, ``##``, ``###`` headings become Heading 1, Heading 2 and Heading 3;
* paragraphs become Normal paragraphs (consecutive lines are joined by a
  space, as Markdown renders them);
* ``-`` items become List Bullet paragraphs and ``1.`` items List Number;
* pipe tables become Word tables (style Table Grid, first row bold);
* fenced code blocks become one paragraph each in a monospaced "Source Code"
  style, with a line break per source line;
* inline ``code`` becomes a Courier New run, ``**bold**`` a bold run,
  Markdown escapes (``\\*``, ``\\|``) are unescaped, and ``[text](url)``
  links keep their text (as a Word hyperlink for web addresses);
* the three badge images on the lines under the title (build status, npm
  version, statement coverage) are pictures, not text, and are left out.

Document properties get fixed dates so that a rebuild gives the same document.
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
INLINE = re.compile(r"(\*\*.+?\*\*|`[^`]+`|\[[^\]]+\]\([^)]+\))")
LINK = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")


def unescape(text):
    """Drop Markdown backslash escapes."""
    return re.sub(r"\\([\\`*_|#\[\]()<>-])", r"\1", text)


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
    run.append(props)
    node = OxmlElement("w:t")
    node.text = text
    node.set(qn("xml:space"), "preserve")
    run.append(node)
    link.append(run)
    paragraph._p.append(link)


def add_inline(paragraph, text, bold=False):
    """Add Markdown inline text (code, bold, links) to a paragraph."""
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            add_inline(paragraph, part[2:-2], bold=True)
        elif part.startswith("`") and part.endswith("`"):
            run = paragraph.add_run(part[1:-1])
            run.font.name = MONO
            run.bold = bold or None
        elif LINK.fullmatch(part):
            label, url = LINK.fullmatch(part).groups()
            label = unescape(label)
            if url.startswith("http"):
                add_hyperlink(paragraph, label, url)
            else:
                paragraph.add_run(label).bold = bold or None
        else:
            paragraph.add_run(unescape(part)).bold = bold or None


def split_row(line):
    """Split a pipe-table row into cells, honouring escaped pipes."""
    cells = re.split(r"(?<!\\)\|", line.strip())
    return [c.strip() for c in cells[1:-1]]


def setup_styles(document):
    """Make sure the styles used exist and look right."""
    styles = document.styles
    code = styles.add_style("Source Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = styles["Normal"]
    code.font.name = MONO
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(6)
    link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    link.font.underline = True


def build(out, source):
    with open(source, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    document = docx.Document()
    setup_styles(document)
    fixed = datetime.datetime(2025, 1, 1, 12, 0, 0)
    props = document.core_properties
    props.author = "cron-parser contributors"
    props.title = "cron-parser"
    props.created = fixed
    props.modified = fixed
    props.last_printed = fixed
    props.revision = 1

    i = 0
    para = []

    def flush():
        if para:
            add_inline(document.add_paragraph(), " ".join(para))
            para.clear()

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            block = []
            i += 1
            while not lines[i].strip().startswith("```"):
                block.append(lines[i])
                i += 1
            p = document.add_paragraph(style="Source Code")
            for n, code_line in enumerate(block):
                run = p.add_run(code_line)
                if n < len(block) - 1:
                    run.add_break()
        elif not stripped:
            flush()
        elif stripped.startswith(("[![", "![")):
            flush()  # badge pictures: left out
        elif stripped.startswith("#"):
            flush()
            level = len(stripped) - len(stripped.lstrip("#"))
            heading = document.add_heading(level=level)
            add_inline(heading, stripped[level:].strip())
        elif stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                row = split_row(lines[i])
                if not all(re.fullmatch(r":?-+:?", c) for c in row):
                    rows.append(row)
                i += 1
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, cell_text in enumerate(row):
                    cell_p = table.cell(r, c).paragraphs[0]
                    add_inline(cell_p, cell_text, bold=(r == 0))
            continue
        elif re.match(r"^[-*] ", stripped):
            flush()
            add_inline(document.add_paragraph(style="List Bullet"), stripped[2:])
        elif re.match(r"^\d+\. ", stripped):
            flush()
            add_inline(document.add_paragraph(style="List Number"), stripped.split(" ", 1)[1])
        else:
            para.append(stripped)
        i += 1
    flush()
    document.save(out)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
