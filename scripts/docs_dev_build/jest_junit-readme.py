"""Build jest_junit-readme.docx from the jest-junit README (Markdown).

Usage: python build_jest_junit-readme.py OUT.docx SOURCE

Source: README.md of the npm package jest-junit 17.0.0
(``npm pack jest-junit@17.0.0``, file ``package/README.md`` in the tarball).
Licence: Apache-2.0 (the ``license`` field of the package's package.json).

Mapping from Markdown to Word (no text is reworded):
- ``#`` .. ``####`` headings become the Word styles Heading 1 .. Heading 4.
- Plain paragraphs become Normal paragraphs; the lines of one Markdown
  paragraph are joined with a single space, as a Markdown renderer does.
- ``- item`` / ``* item`` lines become List Bullet paragraphs and ``1. item``
  lines become List Number paragraphs.
- Fenced code blocks become one paragraph per line in a "Code" paragraph
  style (Courier New 9 pt, no spacing between lines); the fence's language
  tag is not shown.
- Pipe tables become Word tables (style Table Grid) with a bold header row.
- Inline code becomes Courier New runs, ``**bold**`` bold runs, ``_text_``
  italic runs, and links become hyperlinks that show the link text; the
  reference-style link definition at the end of the file is used for its
  link and not printed.
- The CI status badge image on the first line is left out (it is a picture,
  not text).
Core properties carry fixed dates so that a rebuild gives the same document.
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
FIXED_DATE = datetime.datetime(2024, 1, 1, 12, 0, 0)

INLINE = re.compile(
    r"(?P<code>`[^`]+`)"
    r"|(?P<link>\[(?P<ltext>[^\]]+)\]\((?P<lurl>[^)]+)\))"
    r"|(?P<ref>\[(?P<rtext>[^\]]+)\]\[(?P<rname>[^\]]+)\])"
    r"|(?P<bold>\*\*(?P<btext>.+?)\*\*)"
    r"|(?P<ital>(?<![\w*])_(?P<itext>[^_]+?)_(?!\w))"
)
REFDEF = re.compile(r"^\[([^\]]+)\]:\s*(\S+)\s*$")
BADGE = re.compile(r"^\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)\s*$")


def set_run_font(run, mono=False, bold=False, italic=False, link=False):
    if mono:
        run.font.name = MONO
        run.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), MONO)
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    if link:
        run.font.underline = True
        run.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)


def add_text(container, text, refs, bold=False, italic=False, link=False):
    """Add inline Markdown text to a paragraph (or a hyperlink element)."""
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            emit(container, text[pos:m.start()], bold=bold, italic=italic, link=link)
        if m.group("code"):
            emit(container, m.group("code")[1:-1], mono=True, bold=bold, italic=italic, link=link)
        elif m.group("link"):
            add_link(container, m.group("ltext"), m.group("lurl"), refs)
        elif m.group("ref"):
            url = refs.get(m.group("rname").lower(), "")
            add_link(container, m.group("rtext"), url, refs)
        elif m.group("bold"):
            add_text(container, m.group("btext"), refs, bold=True, italic=italic, link=link)
        elif m.group("ital"):
            add_text(container, m.group("itext"), refs, bold=bold, italic=True, link=link)
        pos = m.end()
    if pos < len(text):
        emit(container, text[pos:], bold=bold, italic=italic, link=link)


class LinkTarget:
    """Collects runs inside a w:hyperlink element of a paragraph."""

    def __init__(self, paragraph, url):
        self.paragraph = paragraph
        self.element = OxmlElement("w:hyperlink")
        if url:
            rid = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
            self.element.set(qn("r:id"), rid)
        paragraph._p.append(self.element)

    def add_run(self, text):
        run = self.paragraph.add_run(text)
        self.element.append(run._r)
        return run


def emit(container, text, mono=False, bold=False, italic=False, link=False):
    if not text:
        return
    run = container.add_run(text)
    set_run_font(run, mono=mono, bold=bold, italic=italic, link=link)


def add_link(container, text, url, refs):
    if isinstance(container, LinkTarget):
        add_text(container, text, refs, link=True)
        return
    add_text(LinkTarget(container, url), text, refs, link=True)


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = MONO
    style.font.size = Pt(9)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), MONO)
    fmt = style.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    return style


def split_row(line):
    line = line.strip().removeprefix("|").removesuffix("|")
    return [cell.strip() for cell in line.split("|")]


def add_table(doc, rows, refs):
    header, body = rows[0], rows[2:]
    ncols = len(header)
    table = doc.add_table(rows=1 + len(body), cols=ncols)
    table.style = doc.styles["Table Grid"]
    for r, cells in enumerate([header] + body):
        for c in range(ncols):
            text = cells[c] if c < len(cells) else ""
            para = table.cell(r, c).paragraphs[0]
            add_text(para, text, refs, bold=(r == 0))


def build(out_path, source_path):
    with open(source_path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    refs = {}
    kept = []
    for line in lines:
        m = REFDEF.match(line)
        if m:
            refs[m.group(1).lower()] = m.group(2)
        else:
            kept.append(line)

    doc = Document()
    code = code_style(doc)
    props = doc.core_properties
    props.title = "jest-junit"
    props.author = "jest-community"
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE
    props.revision = 1

    para_lines = []

    def flush():
        if para_lines:
            add_text(doc.add_paragraph(), " ".join(s.strip() for s in para_lines), refs)
            para_lines.clear()

    i = 0
    while i < len(kept):
        line = kept[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(kept) and not kept[i].strip().startswith("```"):
                doc.add_paragraph(kept[i].rstrip(), style=code)
                i += 1
            i += 1
            continue
        if BADGE.match(stripped):
            flush()
            i += 1
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", stripped)
        if heading:
            flush()
            level = min(len(heading.group(1)), 4)
            add_text(doc.add_heading("", level=level), heading.group(2).strip(), refs)
            i += 1
            continue
        if stripped.startswith("|"):
            flush()
            rows = []
            while i < len(kept) and kept[i].strip().startswith("|"):
                rows.append(split_row(kept[i]))
                i += 1
            add_table(doc, rows, refs)
            continue
        bullet = re.match(r"^\s*[-*]\s+(.*)$", line)
        number = re.match(r"^\s*\d+\.\s+(.*)$", line)
        if bullet or number:
            flush()
            style = "List Bullet" if bullet else "List Number"
            add_text(doc.add_paragraph(style=style), (bullet or number).group(1), refs)
            i += 1
            continue
        if not stripped:
            flush()
        else:
            para_lines.append(line)
        i += 1
    flush()
    doc.save(out_path)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
