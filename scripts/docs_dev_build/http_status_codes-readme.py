"""Build http_status_codes-readme.docx from the README.md of http-status-codes.

Usage: python build_http_status_codes-readme.py OUT.docx SOURCE

SOURCE is package/README.md from the npm package http-status-codes 2.3.0
(`npm pack http-status-codes@2.3.0`), licence MIT (package.json "license").

Mapping from Markdown to Word, with the words left as they are:
- "# title" -> Title style; "## x" -> Heading 1; "### x" -> Heading 2;
  "#### x" -> Heading 3.
- a run of text lines -> one Normal paragraph (soft line breaks become spaces).
- "- x" / "* x" -> List Bullet; "1. x" -> List Number.
- fenced code blocks -> one "Code" paragraph per line (Courier New 9 pt),
  the fence's language tag is dropped.
- pipe tables -> Word tables (Table Grid), header row in bold; the
  alignment row is dropped and cell text is stripped of padding.
- inline `code` -> Courier New run; **bold** -> bold run; [text](url) ->
  a hyperlink on text.
The document's core properties get fixed dates so a rebuild gives the same text.
"""
import datetime
import re
import sys
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

MONO = "Courier New"
LINK = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")
INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|\[[^\]]+\]\([^)]+\))")


def add_hyperlink(paragraph, text, url):
    r_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "0563C1")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.append(color)
    props.append(underline)
    run.append(props)
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def add_inline(paragraph, text, bold=False):
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`"):
            run = paragraph.add_run(part[1:-1])
            run.font.name = MONO
            run.bold = bold or None
        elif part.startswith("**") and part.endswith("**"):
            add_inline(paragraph, part[2:-2], bold=True)
        elif m := LINK.fullmatch(part):
            add_hyperlink(paragraph, m.group(1), m.group(2))
        else:
            run = paragraph.add_run(part)
            if bold:
                run.bold = True


def split_row(line):
    cells = line.strip().strip("|").split("|")
    return [c.strip() for c in cells]


def build(out, source):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    document = docx.Document()
    code = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = document.styles["Normal"]
    code.font.name = MONO
    code.font.size = Pt(9)
    code.font.color.rgb = RGBColor(0x20, 0x20, 0x20)
    code.paragraph_format.space_after = Pt(0)
    code.paragraph_format.space_before = Pt(0)

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
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                document.add_paragraph(lines[i].replace("\t", "    "), style="Code")
                i += 1
            i += 1
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        if heading:
            flush()
            level = len(heading.group(1))
            if level == 1:
                p = document.add_paragraph(style="Title")
            else:
                p = document.add_heading(level=min(level - 1, 9))
            add_inline(p, heading.group(2))
            i += 1
            continue
        if stripped.startswith("|"):
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
                for c, value in enumerate(row):
                    cell_para = table.cell(r, c).paragraphs[0]
                    add_inline(cell_para, value, bold=(r == 0))
            continue
        bullet = re.match(r"^\s*[-*]\s+(.*)$", line)
        number = re.match(r"^\s*\d+\.\s+(.*)$", line)
        if bullet or number:
            flush()
            style = "List Bullet" if bullet else "List Number"
            add_inline(document.add_paragraph(style=style), (bullet or number).group(1))
            i += 1
            continue
        if not stripped:
            flush()
        else:
            para.append(stripped)
        i += 1
    flush()

    fixed = datetime.datetime(2024, 1, 1, 0, 0, 0)
    props = document.core_properties
    props.title = "http-status-codes README"
    props.author = "http-status-codes contributors"
    props.created = fixed
    props.modified = fixed
    props.last_printed = fixed
    props.revision = 1
    document.save(out)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
