"""Build umzug-readme.docx from the umzug README.md, as a person would lay it out in Word.

Usage: python build_umzug-readme.py OUT.docx SOURCE

SOURCE is ``package/README.md`` from the npm package ``umzug`` version 3.8.2
(``npm pack umzug@3.8.2``), copied word for word. Umzug is released under the
MIT licence (``"license": "MIT"`` in its package.json; LICENSE file in the package).

Mapping from Markdown to Word (no text is reworded):
- ``#`` .. ``####`` headings -> the built-in styles Heading 1 .. Heading 4;
- paragraphs -> Normal paragraphs; consecutive lines are joined with a space;
- ``*``/``-`` list items -> List Bullet, indented items -> List Bullet 2;
- fenced code blocks -> one paragraph per block in a "Code" paragraph style
  (Courier New 9 pt), lines kept with line breaks;
- inline ``code`` -> Courier New runs; ``**bold**`` -> bold runs; ``_x_``/``*x*`` -> italic;
- links ``[text](url)`` -> Word hyperlinks showing ``text``;
- ``<summary>`` text -> a bold paragraph; ``<details>`` tags and ``<!-- ... -->``
  comments (invisible when the README is rendered) are dropped;
- the badge-image lines at the top (images only, no text) are dropped.
Document properties use fixed dates so that rebuilding gives the same document.
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
INLINE = re.compile(r"(`[^`]+`|\[[^\]]+\]\([^)]+\)|\*\*[^*]+\*\*|(?<![\w])_[^_]+_(?![\w])|(?<![\w*])\*[^*\s][^*]*\*(?![\w*]))")
BADGE = re.compile(r"^\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)$")


def set_mono(run):
    run.font.name = MONO
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), MONO)


def add_hyperlink(par, text, url, italic=False):
    r_id = par.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    # link text may itself hold inline code
    for piece, is_code in split_code(text):
        run = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr")
        color = OxmlElement("w:color")
        color.set(qn("w:val"), "0563C1")
        underline = OxmlElement("w:u")
        underline.set(qn("w:val"), "single")
        if is_code:
            fonts = OxmlElement("w:rFonts")
            for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                fonts.set(qn(attr), MONO)
            rpr.append(fonts)
        if italic:
            rpr.append(OxmlElement("w:i"))
        rpr.append(color)
        rpr.append(underline)
        run.append(rpr)
        t = OxmlElement("w:t")
        t.text = piece
        t.set(qn("xml:space"), "preserve")
        run.append(t)
        link.append(run)
    par._p.append(link)


def split_code(text):
    out = []
    for i, piece in enumerate(re.split(r"`([^`]+)`", text)):
        if piece:
            out.append((piece, i % 2 == 1))
    return out


def add_inline(par, text, italic=False):
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            par.add_run(text[pos:m.start()]).italic = italic or None
        tok = m.group(0)
        if tok.startswith("`"):
            run = par.add_run(tok[1:-1])
            run.italic = italic or None
            set_mono(run)
        elif tok.startswith("["):
            label, url = re.match(r"\[([^\]]+)\]\(([^)]+)\)", tok).groups()
            add_hyperlink(par, label, url, italic)
        elif tok.startswith("**"):
            run = par.add_run(tok[2:-2])
            run.bold = True
            run.italic = italic or None
        else:
            add_inline(par, tok[1:-1], italic=True)
        pos = m.end()
    if pos < len(text):
        par.add_run(text[pos:]).italic = italic or None


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = MONO
    style.font.size = Pt(9)
    style.font.color.rgb = RGBColor(0x20, 0x20, 0x20)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), MONO)
    style.paragraph_format.space_after = Pt(6)
    return style


def build(src, out):
    with open(src, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    doc = Document()
    code_style(doc)
    para_buf = []

    def flush():
        if para_buf:
            add_inline(doc.add_paragraph(), " ".join(s.strip() for s in para_buf))
            para_buf.clear()

    i = 0
    in_comment = False
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if in_comment:
            if "-->" in stripped:
                in_comment = False
            i += 1
            continue
        if stripped.startswith("<!--"):
            flush()
            if "-->" not in stripped:
                in_comment = True
            i += 1
            continue
        if stripped.startswith("```"):
            flush()
            body = []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                body.append(lines[i])
                i += 1
            par = doc.add_paragraph(style="Code")
            for n, code_line in enumerate(body):
                run = par.add_run(code_line)
                set_mono(run)
                if n < len(body) - 1:
                    run.add_break()
            i += 1
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        if heading:
            flush()
            level = min(len(heading.group(1)), 4)
            add_inline(doc.add_heading(level=level), heading.group(2).strip())
            i += 1
            continue
        if stripped in ("<details>", "</details>"):
            flush()
            i += 1
            continue
        summary = re.match(r"^<summary>(.*)</summary>$", stripped)
        if summary:
            flush()
            par = doc.add_paragraph()
            add_inline(par, summary.group(1))
            for run in par.runs:
                run.bold = True
            i += 1
            continue
        if BADGE.match(stripped):
            i += 1
            continue
        item = re.match(r"^(\s*)[*-]\s+(.*)$", line)
        if item:
            flush()
            indent = item.group(1).replace("\t", "  ")
            style = "List Bullet 2" if len(indent) >= 2 else "List Bullet"
            add_inline(doc.add_paragraph(style=style), item.group(2).strip())
            i += 1
            continue
        if not stripped:
            flush()
            i += 1
            continue
        para_buf.append(line)
        i += 1
    flush()

    fixed = datetime.datetime(2024, 1, 1, 0, 0, 0)
    props = doc.core_properties
    props.title = "Umzug README"
    props.author = "umzug contributors"
    props.created = fixed
    props.modified = fixed
    props.last_printed = fixed
    props.revision = 1
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[2], sys.argv[1])
