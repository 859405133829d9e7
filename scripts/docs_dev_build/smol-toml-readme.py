"""Build smol-toml-readme.docx from the README of the npm package smol-toml 1.9.1.

Usage: python smol-toml-readme.py OUT.docx SOURCE

SOURCE is ``package/README.md`` from ``npm pack smol-toml@1.9.1`` (smol-toml by
Cynthia Rey, copyright Squirrel Chat et al., licence BSD-3-Clause, as stated in
package.json and in the LICENSE file of the package). The text is copied without rewording;
only the layout is turned into Word's own:

- ``#`` .. ``#####`` headings become the styles Heading 1 .. Heading 4 (level 5
  is set as Heading 4);
- paragraphs become Normal paragraphs (the Markdown soft line breaks inside a
  paragraph become spaces);
- fenced code blocks become one paragraph per line in the paragraph style
  "Code" (Courier New, 9 pt, no spacing), with the language tag dropped; this
  includes the long benchmark log inside the ``<details>`` block;
- ``- `` / ``* `` items become List Bullet (List Bullet 2 when indented),
  ``1.`` items become List Number;
- GitHub alerts (``> [!NOTE]``, ``> [!IMPORTANT]``, ``> [!CAUTION]``) become
  paragraphs in the style Quote, opened by a Quote paragraph holding, in
  bold, the label GitHub shows for them ("Note", "Important", "Caution");
  list items inside an alert become List Bullet paragraphs;
- footnotes: a reference ``[^name]`` becomes its number in superscript, and
  the footnote text (``[^name]: ...``) stays where the README has it, as a
  paragraph opened by the same superscript number;
- pipe tables become Word tables (style Table Grid, header row in bold);
  ``\\|`` inside a cell is a literal ``|``;
- inline ``code`` becomes a run in Courier New, ``**x**`` / ``__x__`` bold,
  ``_x_`` / ``*x*`` italic; a link keeps its text, as a real hyperlink when
  it points to an http(s) address (reference-style links ``[text]`` and
  ``[text][ref]`` are resolved through the README's link definitions) and as
  plain text when it is a link inside the README;
- left out: the badge images at the top (pictures only), the link definition
  lines at the end (their addresses live on in the hyperlinks), and the raw
  HTML tags ``<details>`` / ``</details>``; the ``<summary>`` text stays as a
  bold paragraph.

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
    r"|(?P<fn>\[\^(?P<fnname>[^\]]+)\])"
    r"|(?P<link>\[(?P<ltext>[^\]]+)\]\((?P<url>[^)\s]+)\))"
    r"|(?P<reflink>\[(?P<rtext>[^\]]+)\]\[(?P<rref>[^\]]+)\])"
    r"|(?P<short>\[(?P<stext>[^\]]+)\](?![(\[:]))"
    r"|(?P<bold>\*\*(?P<btext>.+?)\*\*|(?<![\w])__(?P<btext2>[^_].*?)__(?![\w]))"
    r"|(?P<ital>(?<![\w*])\*(?P<itext>[^*\s][^*]*?)\*(?![\w*])"
    r"|(?<![\w_`])_(?P<itext2>[^_\s][^_]*?)_(?![\w_]))"
)
REFDEF = re.compile(r"^\[(?P<name>[^\]^][^\]]*)\]:\s+(?P<url>\S+)\s*$")
FOOTDEF = re.compile(r"^\[\^(?P<name>[^\]]+)\]:\s*(?P<text>.*)$")
ALERTS = {"NOTE": "Note", "IMPORTANT": "Important", "CAUTION": "Caution", "TIP": "Tip", "WARNING": "Warning"}

REFS = {}
FOOTNOTES = {}


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


def footnote_number(name):
    if name not in FOOTNOTES:
        FOOTNOTES[name] = len(FOOTNOTES) + 1
    return str(FOOTNOTES[name])


def add_link(paragraph, label, url):
    if url.startswith(("http://", "https://")):
        add_hyperlink(paragraph, re.sub(r"(`+)(.+?)\1", r"\2", label), url)
    else:
        add_inline(paragraph, label)


def add_inline(paragraph, text):
    """Add Markdown inline text to a paragraph as formatted runs."""
    pos = 0
    for m in INLINE.finditer(text):
        if m.group("short") and m.group("stext").lower() not in REFS:
            continue  # brackets that are not a link: left as text
        if m.start() > pos:
            paragraph.add_run(text[pos:m.start()])
        if m.group("code"):
            code = m.group("codetext")
            if len(m.group("ticks")) > 1 and code.startswith(" ") and code.endswith(" ") and code.strip():
                code = code[1:-1]
            set_mono(paragraph.add_run(code))
        elif m.group("fn"):
            paragraph.add_run(footnote_number(m.group("fnname"))).font.superscript = True
        elif m.group("link"):
            add_link(paragraph, m.group("ltext"), m.group("url"))
        elif m.group("reflink"):
            add_link(paragraph, m.group("rtext"), REFS.get(m.group("rref").lower(), ""))
        elif m.group("short"):
            add_link(paragraph, m.group("stext"), REFS[m.group("stext").lower()])
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
    cells = re.split(r"(?<!\\)\|", line.strip().strip("|"))
    return [c.strip().replace("\\|", "|") for c in cells]


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


def add_blocks(doc, lines, para_style="Normal", label=None):
    """Lay out a run of Markdown block lines; para_style is Quote inside an alert."""
    para_lines = []
    if label:
        doc.add_paragraph(style=para_style).add_run(label).bold = True

    def paragraph(style):
        return doc.add_paragraph(style=style)

    def flush():
        if para_lines:
            add_inline(paragraph(para_style), " ".join(s.strip() for s in para_lines))
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
        elif stripped.startswith("[![") or REFDEF.match(stripped):
            flush()  # badge pictures and link definitions: left out
        elif m := FOOTDEF.match(stripped):
            flush()
            text = [m.group("text")]
            while i + 1 < len(lines) and lines[i + 1].strip():
                i += 1
                text.append(lines[i].strip())
            p = doc.add_paragraph()
            p.add_run(footnote_number(m.group("name"))).font.superscript = True
            add_inline(p, " " + " ".join(text))
        elif m := re.fullmatch(r"<summary>(.*)</summary>", stripped):
            flush()
            doc.add_paragraph().add_run(m.group(1)).bold = True
        elif stripped.startswith("<") and stripped.endswith(">"):
            flush()  # raw HTML tags (<details>): left out
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
        elif stripped.startswith(">"):
            flush()
            inner = []
            while i < len(lines) and lines[i].strip().startswith(">"):
                inner.append(re.sub(r"^\s*>\s?", "", lines[i]))
                i += 1
            alert = None
            if inner and (m := re.fullmatch(r"\[!(\w+)\]", inner[0].strip())):
                alert = ALERTS.get(m.group(1).upper(), m.group(1).title())
                inner = inner[1:]
            add_blocks(doc, inner, "Quote", alert)
            continue
        elif m := re.match(r"(\s*)[-*]\s+(.*)", line):
            flush()
            text = [m.group(2)]
            indent = len(m.group(1))
            # continuation lines of the item: indented, not a new item
            while (i + 1 < len(lines) and lines[i + 1].strip()
                   and re.match(r"\s{2,}", lines[i + 1])
                   and not re.match(r"\s*[-*]\s+", lines[i + 1])):
                i += 1
                text.append(lines[i].strip())
            style = "List Bullet 2" if indent >= 2 else "List Bullet"
            add_inline(paragraph(style), " ".join(text))
        elif m := re.match(r"\d+\.\s+(.*)", stripped):
            flush()
            add_inline(paragraph("List Number"), m.group(1))
        else:
            para_lines.append(line)
        i += 1
    flush()


def build(source, out):
    with open(source, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    for line in lines:
        if m := REFDEF.match(line.strip()):
            REFS[m.group("name").lower()] = m.group("url")
    doc = Document()
    code_style(doc)
    props = doc.core_properties
    props.title = "smol-toml README"
    props.author = "smol-toml contributors"
    props.created = FIXED
    props.modified = FIXED
    props.last_printed = FIXED
    props.revision = 1
    add_blocks(doc, lines)
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[2], sys.argv[1])
