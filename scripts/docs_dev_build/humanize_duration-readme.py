"""Build humanize_duration-readme.docx from the humanize-duration README.

Usage: python build_humanize_duration-readme.py OUT.docx SOURCE

SOURCE is README.md from the npm package humanize-duration 3.33.1
(`npm pack humanize-duration@3.33.1`, file `package/README.md`), by Evan Hahn,
released under the Unlicense (see the README's last paragraph and
`package/LICENSE.txt`).

The text is not reworded; only the Markdown markup is turned into Word layout:

- `#`, `##`, `###` headings -> Word styles Heading 1, Heading 2, Heading 3;
- plain paragraphs (consecutive lines joined with a space, as Markdown does)
  -> Normal paragraphs;
- `- item` lines -> paragraphs in the List Bullet style;
- fenced code blocks -> one paragraph per block in a monospaced "Code"
  paragraph style, lines kept with line breaks (the fence's language tag is
  dropped);
- the pipe table of supported languages -> a Word table (Table Grid style),
  with the header row in bold;
- inline `code` -> runs in a monospaced "Code Char" character style,
  **bold** -> bold runs, _italic_ -> italic runs, [text](url) -> a Word
  hyperlink showing the link text;
- the npm badge image on the line below the title is left out (it is a
  picture, not text).

Core properties (title, author, dates) are fixed so that a rebuild gives the
same document.
"""
import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

MONO = "Courier New"
INLINE = re.compile(
    r"(?P<code>`[^`]+`)"
    r"|(?P<link>\[(?P<ltext>(?:[^\[\]]|`[^`]*`)+)\]\((?P<url>[^)\s]+)\))"
    r"|(?P<bold>\*\*(?P<btext>.+?)\*\*)"
    r"|(?P<ital>(?<!\w)_(?P<itext>[^_]+?)_(?!\w))"
)


def make_styles(doc):
    styles = doc.styles
    code = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = styles["Normal"]
    code.font.name = MONO
    code.font.size = Pt(9)
    code.paragraph_format.space_before = Pt(0)
    code.paragraph_format.space_after = Pt(8)
    char = styles.add_style("Code Char", WD_STYLE_TYPE.CHARACTER)
    char.font.name = MONO
    char.font.size = Pt(10)


def spans(text, fmt=None):
    """Split Markdown inline text into (text, format) pieces."""
    fmt = dict(fmt or {})
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            yield text[pos:m.start()], fmt
        if m.group("code"):
            yield m.group("code")[1:-1], {**fmt, "code": True}
        elif m.group("link"):
            yield from spans(m.group("ltext"), {**fmt, "url": m.group("url")})
        elif m.group("bold"):
            yield from spans(m.group("btext"), {**fmt, "bold": True})
        else:
            yield from spans(m.group("itext"), {**fmt, "italic": True})
        pos = m.end()
    if pos < len(text):
        yield text[pos:], fmt


def add_hyperlink(paragraph, url, text, fmt):
    link = OxmlElement("w:hyperlink")
    if url.startswith("#"):
        link.set(qn("w:anchor"), url[1:])
    else:
        rid = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    if fmt.get("code"):
        rstyle = OxmlElement("w:rStyle")
        rstyle.set(qn("w:val"), "CodeChar")
        props.append(rstyle)
    for tag in ("bold", "italic"):
        if fmt.get(tag):
            props.append(OxmlElement("w:b" if tag == "bold" else "w:i"))
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "0563C1")
    props.append(color)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.append(underline)
    run.append(props)
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def add_inline(paragraph, text, bold=False):
    for piece, fmt in spans(text):
        if bold:
            fmt = {**fmt, "bold": True}
        if fmt.get("url"):
            add_hyperlink(paragraph, fmt["url"], piece, fmt)
            continue
        run = paragraph.add_run(piece, style="Code Char" if fmt.get("code") else None)
        run.bold = fmt.get("bold") or None
        run.italic = fmt.get("italic") or None


def add_table(doc, rows):
    cells = [[c.strip() for c in r.strip().strip("|").split("|")] for r in rows]
    header, body = cells[0], cells[2:]
    table = doc.add_table(rows=1 + len(body), cols=len(header))
    table.style = doc.styles["Table Grid"]
    for i, row in enumerate([header] + body):
        for j, value in enumerate(row):
            par = table.cell(i, j).paragraphs[0]
            add_inline(par, value, bold=(i == 0))


def build(source, out):
    with open(source, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    doc = Document()
    make_styles(doc)
    para = []

    def flush():
        if para:
            add_inline(doc.add_paragraph(), " ".join(para))
            para.clear()

    i = 0
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
            p = doc.add_paragraph(style="Code")
            for k, code_line in enumerate(block):
                run = p.add_run(code_line)
                if k < len(block) - 1:
                    run.add_break()
        elif m := re.match(r"(#{1,6}) (.*)", line):
            flush()
            h = doc.add_heading("", level=len(m.group(1)))
            add_inline(h, m.group(2))
        elif stripped.startswith(("[![", "![")):
            flush()  # badge picture: no text to keep
        elif stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(doc, rows)
            continue
        elif line.startswith("- "):
            flush()
            add_inline(doc.add_paragraph(style="List Bullet"), line[2:])
        elif not stripped:
            flush()
        else:
            para.append(stripped)
        i += 1
    flush()

    when = datetime.datetime(2024, 1, 1, 0, 0, 0)
    props = doc.core_properties
    props.title = "Humanize Duration"
    props.author = "Evan Hahn"
    props.last_modified_by = "Evan Hahn"
    props.comments = "humanize-duration 3.33.1 README.md (Unlicense)"
    props.created = when
    props.modified = when
    props.last_printed = when
    props.revision = 1
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    build(sys.argv[2], sys.argv[1])
