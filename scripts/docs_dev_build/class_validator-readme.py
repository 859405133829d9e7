"""Build class_validator-readme.docx from the class-validator README.md.

Usage: python build_class_validator-readme.py OUT.docx SOURCE

SOURCE is ``package/README.md`` from the npm package class-validator 0.14.1
(``npm pack class-validator@0.14.1``), by TypeStack, licensed under the MIT
licence (``"license": "MIT"`` in its package.json, full text in
``package/LICENSE``).  Nothing is reworded; the Markdown is laid out as Word
would show it:

* ``#`` .. ``######`` headings -> Word styles "Heading 1" .. "Heading 6";
* paragraphs (soft-wrapped lines joined with a space) -> "Normal";
* ``-``/``*`` bullets -> "List Bullet", "List Bullet 2", "List Bullet 3" by
  nesting depth; ``1.`` items -> "List Number";
* text indented under a numbered item -> "List Continue";
* ``>`` block quotes -> "Quote" (one paragraph, the quote's lines kept as
  line breaks);
* fenced code blocks -> one paragraph in a "Code" style (Courier New 9 pt),
  the code's lines kept as line breaks;
* pipe tables -> Word tables ("Table Grid"), header row in bold, escaped
  ``\\|`` shown as ``|``, short rows padded with empty cells;
* inline ``code`` -> Courier New runs, ``**bold**`` -> bold, ``_x_``/``*x*``
  -> italic, links -> their text only.

Left out, as a reader of the rendered README does not see them as text:
badge images, other images, HTML comments and link reference definitions
(``[1]: https://...``).  The document's dates are fixed so that a rebuild
gives the same document.
"""

import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

FIXED_DATE = datetime.datetime(2024, 1, 1, 0, 0, 0)
MONO = "Courier New"

INLINE = re.compile(
    r"(?P<img>!\[[^\]]*\]\([^)]*\))"
    r"|(?P<code>`[^`]+`)"
    r"|(?P<bold>\*\*[^*]+\*\*)"
    r"|(?P<link>\[(?P<ltext>[^\]]+)\](?:\([^)]*\)|\[[^\]]*\]))"
    r"|(?P<ital>(?<![\w])_[^_]+_(?![\w]))"
)
REF_DEF = re.compile(r"^\[[^\]]+\]:\s+\S+")
IMAGE_LINE = re.compile(r"^(\[?!\[[^\]]*\]\([^)]*\)\]?(\([^)]*\))?\s*)+$")
BULLET = re.compile(r"^(?P<indent> *)[-*] +(?P<text>.*)$")
NUMBER = re.compile(r"^(?P<indent> *)\d+\. +(?P<text>.*)$")
HEADING = re.compile(r"^(?P<hashes>#{1,6}) +(?P<text>.*?)\s*#*\s*$")
FENCE = re.compile(r"^(?P<indent> *)```")


def add_inline(paragraph, text, bold=False):
    """Add text to a paragraph, turning inline Markdown into runs."""
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            paragraph.add_run(text[pos:m.start()]).bold = bold or None
        if m.group("img"):
            pass
        elif m.group("code"):
            run = paragraph.add_run(m.group("code")[1:-1])
            run.font.name = MONO
            run.bold = bold or None
        elif m.group("bold"):
            add_inline(paragraph, m.group("bold")[2:-2], bold=True)
        elif m.group("link"):
            add_inline(paragraph, m.group("ltext"), bold=bold)
        elif m.group("ital"):
            run = paragraph.add_run(m.group("ital")[1:-1])
            run.italic = True
            run.bold = bold or None
        pos = m.end()
    if pos < len(text):
        paragraph.add_run(text[pos:]).bold = bold or None


def split_row(line):
    """Split a pipe-table row into cells, honouring escaped pipes."""
    line = line.strip()
    line = line.removeprefix("|")
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    cells = re.split(r"(?<!\\)\|", line)
    return [c.strip().replace("\\|", "|") for c in cells]


def add_table(doc, rows):
    header = split_row(rows[0])
    body = [split_row(r) for r in rows[2:]]
    ncols = len(header)
    table = doc.add_table(rows=1 + len(body), cols=ncols)
    table.style = "Table Grid"
    for r, cells in enumerate([header] + body):
        cells = (cells + [""] * ncols)[:ncols]
        for c, text in enumerate(cells):
            para = table.cell(r, c).paragraphs[0]
            add_inline(para, text, bold=(r == 0))


def add_code(doc, lines):
    para = doc.add_paragraph(style="Code")
    for i, line in enumerate(lines):
        run = para.add_run(line)
        if i < len(lines) - 1:
            run.add_break()


def new_numbering(doc):
    """Return a fresh numId for "List Number" that starts again at 1."""
    numbering = doc.part.numbering_part.element
    style_num_id = doc.styles["List Number"].element.pPr.numPr.numId.val
    abstract_id = next(n.abstractNumId.val for n in numbering.num_lst if n.numId == style_num_id)
    num = numbering.add_num(abstract_id)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return num.numId


def set_numbering(paragraph, num_id):
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id


def setup_styles(doc):
    styles = doc.styles
    code = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = styles["Normal"]
    code.font.name = MONO
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(6)


def build(source, out):
    with open(source, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    doc = Document()
    setup_styles(doc)
    props = doc.core_properties
    props.title = "class-validator"
    props.author = "TypeStack"
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE
    props.revision = 1

    i = 0
    para_buf = []
    in_numbered = False
    num_id = None

    def flush():
        if para_buf:
            style = "List Continue" if in_numbered else None
            para = doc.add_paragraph(style=style)
            add_inline(para, " ".join(s.strip() for s in para_buf))
            para_buf.clear()

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        fence = FENCE.match(line)
        if fence:
            flush()
            indent = len(fence.group("indent"))
            code = []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                code.append(lines[i][indent:] if lines[i][:indent].strip() == "" else lines[i])
                i += 1
            add_code(doc, code)
            i += 1
            continue
        if not stripped:
            flush()
            i += 1
            continue
        if stripped.startswith("<!--") or REF_DEF.match(stripped) or IMAGE_LINE.match(stripped):
            flush()
            i += 1
            continue
        heading = HEADING.match(line)
        if heading:
            flush()
            in_numbered = False
            level = len(heading.group("hashes"))
            para = doc.add_heading(level=level)
            add_inline(para, heading.group("text"))
            i += 1
            continue
        if stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(doc, rows)
            continue
        if stripped.startswith(">"):
            flush()
            quote = []
            while i < len(lines) and lines[i].strip().startswith(">"):
                quote.append(lines[i].strip()[1:].strip())
                i += 1
            para = doc.add_paragraph(style="Quote")
            for n, text in enumerate(quote):
                add_inline(para, text)
                if n < len(quote) - 1:
                    para.add_run().add_break()
            continue
        bullet = BULLET.match(line)
        number = NUMBER.match(line)
        if bullet or number:
            flush()
            m = bullet or number
            depth = len(m.group("indent")) // 2
            if bullet:
                style = "List Bullet" if depth == 0 else f"List Bullet {min(depth + 1, 3)}"
                in_numbered = in_numbered and depth > 0
            else:
                style = "List Number"
                if not in_numbered:
                    num_id = new_numbering(doc)
                in_numbered = True
            text = [m.group("text")]
            i += 1
            while (i < len(lines) and lines[i].strip() and not BULLET.match(lines[i])
                   and not NUMBER.match(lines[i]) and not FENCE.match(lines[i])
                   and not lines[i].startswith("   ")):
                text.append(lines[i].strip())
                i += 1
            para = doc.add_paragraph(style=style)
            if number:
                set_numbering(para, num_id)
            add_inline(para, " ".join(text))
            continue
        if in_numbered and not line.startswith("   "):
            in_numbered = False
        para_buf.append(line)
        i += 1
    flush()
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[2], sys.argv[1])
