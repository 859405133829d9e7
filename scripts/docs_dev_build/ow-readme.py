"""Build ow-readme.docx from the README of the npm package ow 3.1.1.

Usage: python ow-readme.py OUT.docx SOURCE

SOURCE is ``package/readme.md`` from ``npm pack ow@3.1.1`` (ow by Sindre
Sorhus, "Function argument validation for humans", licence MIT, as stated in
package.json and the package's ``license`` file). The text is copied without
rewording; only the layout is turned into Word's own:

- ``#`` .. ``####`` headings become the styles Heading 1 .. Heading 4;
- paragraphs become Normal paragraphs (the Markdown soft line breaks inside a
  paragraph become spaces);
- fenced code blocks become one paragraph per line in the paragraph style
  "Code" (Courier New, 9 pt, no spacing), with the language tag dropped;
- ``- `` / ``* `` items become List Bullet, ``1.`` items become List Number;
- ``>`` quotes become the style Quote;
- pipe tables become Word tables (style Table Grid, header row in bold);
- the GitHub alert marker ``> [!NOTE]`` becomes a Quote paragraph holding the
  word "NOTE" in bold, and the quoted lines after it one Quote paragraph;
- inline ``code`` becomes a run in Courier New, ``**x**`` / ``__x__`` bold,
  ``_x_`` / ``*x*`` italic (inline code inside bold text stays monospaced and
  bold); a link keeps its text, as a real hyperlink when it points to an
  http(s) address and as plain text when it is a link inside the README or to
  a file of the repository;
- the raw HTML block at the top (the centred logo picture) and the line of
  the coverage badge are left out, since they are only pictures.

The README has no pipe tables; the table code is kept for the layout rule.

The document's core properties carry fixed dates, so a rebuild gives the same
document text.
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


def add_inline(paragraph, text, bold=False, italic=False):
    """Add Markdown inline text to a paragraph as formatted runs."""

    def plain(chunk):
        run = paragraph.add_run(chunk)
        run.bold = bold or None
        run.italic = italic or None
        return run

    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            plain(text[pos:m.start()])
        if m.group("code"):
            code = m.group("codetext")
            if len(m.group("ticks")) > 1 and code.startswith(" ") and code.endswith(" ") and code.strip():
                code = code[1:-1]
            elif len(m.group("ticks")) > 1 and code.endswith(" ") and not code.startswith(" "):
                code = code[:-1]
            set_mono(plain(code))
        elif m.group("link"):
            label, url = m.group("ltext"), m.group("url")
            if url.startswith(("http://", "https://")):
                add_hyperlink(paragraph, re.sub(r"(`+)(.+?)\1", r"\2", label), url)
            else:
                add_inline(paragraph, label, bold, italic)
        elif m.group("bold"):
            add_inline(paragraph, m.group("btext") or m.group("btext2"), True, italic)
        else:
            add_inline(paragraph, m.group("itext") or m.group("itext2"), bold, True)
        pos = m.end()
    if pos < len(text):
        plain(text[pos:])


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
    props.title = "ow README"
    props.author = "Sindre Sorhus"
    props.created = FIXED
    props.modified = FIXED
    props.last_printed = FIXED
    props.revision = 1

    para_lines = []

    def flush():
        if para_lines:
            add_inline(doc.add_paragraph(), " ".join(s.strip() for s in para_lines))
            para_lines.clear()

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
            flush()  # raw HTML (the centred logo block): left out
        elif re.fullmatch(r"(\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)\s*)+", stripped):
            flush()  # the coverage badge: left out
        elif stripped == "> [!NOTE]":
            flush()
            doc.add_paragraph(style="Quote").add_run("NOTE").bold = True
            quote = []
            while i + 1 < len(lines) and lines[i + 1].strip().startswith(">"):
                i += 1
                quote.append(lines[i].strip().lstrip(">").strip())
            add_inline(doc.add_paragraph(style="Quote"), " ".join(quote))
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
        elif m := re.match(r"[-*]\s+(.*)", stripped):
            flush()
            add_inline(doc.add_paragraph(style="List Bullet"), m.group(1))
        elif m := re.match(r"\d+\.\s+(.*)", stripped):
            flush()
            add_inline(doc.add_paragraph(style="List Number"), m.group(1))
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
