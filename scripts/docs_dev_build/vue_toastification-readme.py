"""Build vue_toastification-readme.docx from the README of the npm package vue-toastification 1.7.14.

Usage: python vue_toastification-readme.py OUT.docx SOURCE

SOURCE is ``package/README.md`` from ``npm pack vue-toastification@1.7.14``
(Vue Toastification for Vue 2, by Maronato, licence MIT, as stated in the
README and in package.json). The text is copied without rewording; only the
layout is turned into Word's own:

- ``#`` .. ``####`` headings become the styles Heading 1 .. Heading 4;
- paragraphs become Normal paragraphs (the Markdown soft line breaks inside a
  paragraph become spaces);
- fenced code blocks become one paragraph per line in the paragraph style
  "Code" (Courier New, 9 pt, no spacing), with the language tag dropped;
- ``- `` / ``* `` items become List Bullet; the nested items of the table of
  contents (indented by two spaces a level) become List Bullet 2, and those
  nested deeper List Bullet 3; ``1.`` items become List Number;
- ``>`` quotes become the style Quote;
- pipe tables (the API reference of options and parameters) become Word
  tables (style Table Grid, header row in bold);
- inline ``code`` becomes a run in Courier New, ``**x**`` / ``__x__`` bold,
  ``_x_`` / ``*x*`` italic; a link keeps its text, as a real hyperlink when
  it points to an http(s) address and as plain text when it is a link inside
  the README;
- the lines made only of badge and picture images (the npm, bundle size,
  build and dependency badges, the tracking pixel, the demo GIF and the
  "Edit in CodeSandbox" buttons) are left out, since they are only pictures.

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
IMAGE = r"!\[[^\]]*\]\([^)\s]+\)"
IMAGES_ONLY = re.compile(rf"(?:\s*(?:\[{IMAGE}\]\([^)\s]+\)|{IMAGE}))+")
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
    props.title = "Vue Toastification README"
    props.author = "Maronato"
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
        elif IMAGES_ONLY.fullmatch(stripped):
            flush()  # badges and pictures only: left out
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
        elif m := re.match(r"( *)[-*]\s+(.*)", line):
            flush()
            depth = min(len(m.group(1)) // 2, 2)
            style = "List Bullet" if depth == 0 else f"List Bullet {depth + 1}"
            add_inline(doc.add_paragraph(style=style), m.group(2).strip())
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
