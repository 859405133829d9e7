"""Build fastify-readme.docx from the README of the npm package fastify 5.12.8.

Usage: python fastify-readme.py OUT.docx SOURCE

SOURCE is ``package/README.md`` from ``npm pack fastify@5.12.8`` (Fastify, a
web framework for Node.js by the Fastify team, licence MIT, as stated in the
README's License section and in package.json). The text is copied without
rewording; only the layout is turned into Word's own:

- ``#`` .. ``####`` headings become the styles Heading 1 .. Heading 4;
- paragraphs become Normal paragraphs (the Markdown soft line breaks inside a
  paragraph become spaces);
- fenced code blocks become one paragraph per line in the paragraph style
  "Code" (Courier New, 9 pt, no spacing), with the language tag dropped;
- ``- `` / ``* `` items become List Bullet (an item's indented continuation
  lines are joined to it), ``1.`` items become List Number;
- a ``>`` block quote becomes paragraphs in the style Quote; the heading
  inside it ("Note") becomes a bold Quote paragraph;
- the pipe table of benchmarks becomes a Word table (style Table Grid,
  header row in bold), its HTML entities (check and cross marks) turned into
  the characters they stand for;
- inline ``code`` becomes a run in Courier New, ``**x**`` / ``__x__`` bold,
  ``_x_`` / ``*x*`` italic, and these nest (a bold code name in a link); a
  link keeps its text, as a real hyperlink when it points to an http(s)
  address (reference links ``[text][ref]`` use the definitions at the end of
  the README, which are themselves not printed; autolinks ``<https://...>``
  show their address) and as plain text when it is a link to a file of the
  repository;
- inline HTML tags (``<a href>``, ``<code>``, ``<b>`` around "Getting
  Started") are dropped and their text kept;
- the raw HTML blocks at the top (the logo and the rows of status badges)
  and the OpenJS Foundation logo under "Hosted by" are left out, since they
  are only pictures.

The document's core properties carry fixed dates, so a rebuild gives the same
document text.
"""

import datetime
import html
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
    r"|(?P<link>\[(?P<ltext>(?:[^\[\]]|\[[^\]]*\])+)\]\((?P<url>[^)\s]+)\))"
    r"|(?P<ref>\[(?P<rtext>[^\]]+)\]\[(?P<rname>[^\]]+)\])"
    r"|(?P<auto><(?P<aurl>https?://[^>\s]+)>)"
    r"|(?P<tag></?[a-zA-Z][^>]*>)"
    r"|(?P<bold>\*\*(?P<btext>.+?)\*\*|(?<![\w])__(?P<btext2>[^_].*?)__(?![\w]))"
    r"|(?P<ital>(?<![\w*])\*(?P<itext>[^*\s][^*]*?)\*(?![\w*])"
    r"|(?<![\w_])_(?P<itext2>[^_\s][^_]*?)_(?![\w_]))"
)
REFDEF = re.compile(r"^\[(?P<name>[^\]]+)\]:\s+(?P<url>\S+)\s*$")

REFS = {}


def set_mono(run):
    run.font.name = MONO
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), MONO)


def plain(text):
    """The text a reader sees of a piece of inline Markdown (for hyperlink labels)."""
    text = re.sub(r"(`+)(.+?)\1", r"\2", text)
    text = re.sub(r"\*\*(.+?)\*\*|__(.+?)__", lambda m: m.group(1) or m.group(2), text)
    text = re.sub(r"</?[a-zA-Z][^>]*>", "", text)
    return html.unescape(text)


def add_hyperlink(paragraph, text, url, bold=False, italic=False):
    rid = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    if bold:
        rpr.append(OxmlElement("w:b"))
    if italic:
        rpr.append(OxmlElement("w:i"))
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


def add_run(paragraph, text, bold=False, italic=False, mono=False):
    if not text:
        return
    run = paragraph.add_run(html.unescape(text) if not mono else text)
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    if mono:
        set_mono(run)


def add_inline(paragraph, text, bold=False, italic=False):
    """Add Markdown inline text to a paragraph as formatted runs (nesting allowed)."""
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            add_run(paragraph, text[pos:m.start()], bold, italic)
        if m.group("code"):
            code = m.group("codetext")
            if len(m.group("ticks")) > 1 and code.startswith(" ") and code.endswith(" ") and code.strip():
                code = code[1:-1]
            add_run(paragraph, code, bold, italic, mono=True)
        elif m.group("link"):
            label, url = m.group("ltext"), m.group("url")
            if url.startswith(("http://", "https://")):
                add_hyperlink(paragraph, plain(label), url, bold, italic)
            else:
                add_inline(paragraph, label, bold, italic)
        elif m.group("ref"):
            label, url = m.group("rtext"), REFS.get(m.group("rname").lower())
            if url:
                add_hyperlink(paragraph, plain(label), url, bold, italic)
            else:
                add_inline(paragraph, label, bold, italic)
        elif m.group("auto"):
            add_hyperlink(paragraph, m.group("aurl"), m.group("aurl"), bold, italic)
        elif m.group("tag"):
            pass  # inline HTML tag: dropped, its text is kept
        elif m.group("bold"):
            add_inline(paragraph, m.group("btext") or m.group("btext2"), True, italic)
        else:
            add_inline(paragraph, m.group("itext") or m.group("itext2"), bold, True)
        pos = m.end()
    if pos < len(text):
        add_run(paragraph, text[pos:], bold, italic)


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
            add_inline(para, row[j] if j < len(row) else "", bold=(i == 0))


def build(source, out):
    with open(source, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    # reference-link definitions: remembered, not printed
    kept = []
    for line in lines:
        m = REFDEF.match(line)
        if m:
            REFS[m.group("name").lower()] = m.group("url")
        else:
            kept.append(line)
    lines = kept

    doc = Document()
    code_style(doc)
    props = doc.core_properties
    props.title = "Fastify README"
    props.author = "Fastify contributors"
    props.created = FIXED
    props.modified = FIXED
    props.last_printed = FIXED
    props.revision = 1

    para_lines = []

    def flush():
        if para_lines:
            text = " ".join(s.strip() for s in para_lines)
            para_lines.clear()
            if text.startswith("[<img"):
                return  # a logo that links somewhere: only a picture
            add_inline(doc.add_paragraph(), text)

    def item_lines(i, first):
        """An item's text with its indented continuation lines; returns (text, next index)."""
        parts = [first]
        i += 1
        while (
            i < len(lines)
            and lines[i].strip()
            and lines[i].startswith("  ")
            and not re.match(r"\s*([-*]|\d+\.)\s+", lines[i])
        ):
            parts.append(lines[i].strip())
            i += 1
        return " ".join(parts), i

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
        elif stripped.startswith("<div"):
            flush()  # raw HTML block (logo, badges): left out up to its closing tag
            while i < len(lines) and lines[i].strip() != "</div>":
                i += 1
        elif stripped.startswith("<br"):
            flush()
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
            text, i = item_lines(i, m.group(1))
            add_inline(doc.add_paragraph(style="List Bullet"), text)
            continue
        elif m := re.match(r"\d+\.\s+(.*)", stripped):
            flush()
            text, i = item_lines(i, m.group(1))
            add_inline(doc.add_paragraph(style="List Number"), text)
            continue
        elif stripped.startswith(">"):
            flush()
            quote = []
            while i < len(lines) and lines[i].strip().startswith(">"):
                inner = lines[i].strip()[1:].strip()
                if h := re.match(r"#{1,6}\s+(.*)", inner):
                    if quote:
                        add_inline(doc.add_paragraph(style="Quote"), " ".join(quote))
                        quote = []
                    add_inline(doc.add_paragraph(style="Quote"), h.group(1), bold=True)
                elif inner:
                    quote.append(inner)
                i += 1
            if quote:
                add_inline(doc.add_paragraph(style="Quote"), " ".join(quote))
            continue
        else:
            para_lines.append(line)
        i += 1
    flush()
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[2], sys.argv[1])
