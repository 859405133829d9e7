"""Build ts_loader-readme.docx from the ts-loader README.md.

Usage: python build_ts_loader-readme.py OUT.docx SOURCE

SOURCE is README.md from the npm package ts-loader 9.6.2 (``npm pack ts-loader@9.6.2``,
path ``package/README.md``), by TypeStrong, released under the MIT License (package
``LICENSE``: "The MIT License (MIT) Copyright (c) 2015-present TypeStrong").

The text is not reworded; only the Markdown layout is turned into Word layout:

- ``#`` .. ``####`` headings -> Heading 1 .. Heading 4; the HTML ``<h3>`` in the header
  block -> Heading 3; other HTML in the header block -> plain paragraphs with the tags
  removed (``<br />`` and ``<!-- ... -->`` comments are dropped);
- badge lines made only of images -> left out (they are pictures, not text);
- ``-``, ``*``, ``+`` bullets -> List Bullet, List Bullet 2, List Bullet 3 by indent;
- ``1.`` numbered items -> List Number;
- fenced code blocks (also those indented inside a list item) -> one paragraph in the
  monospaced "Code" style, lines kept with line breaks;
- pipe tables -> Word tables (style Table Grid, header row bold), ``\\|`` -> ``|``;
- ``>`` block quotes -> Quote style;
- inline ``code`` -> Courier New runs, ``**bold**`` -> bold, ``*italic*``/``_italic_`` ->
  italic, ``[text](url)`` -> the link text.
"""

import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

MONO = "Courier New"
FIXED_DATE = datetime.datetime(2024, 1, 1, 0, 0, 0)

INLINE = re.compile(
    r"(?P<code>`+)(?P<codetext>.+?)(?P=code)"
    r"|\*\*(?P<bold>.+?)\*\*"
    r"|__(?P<bold2>.+?)__"
    r"|!\[(?P<imgalt>[^\]]*)\]\([^)]*\)"
    r"|\[(?P<link>[^\]]+)\]\([^)]*\)"
    r"|(?<![\w*])\*(?P<ital>[^*\s](?:[^*]*[^*\s])?)\*(?![\w*])"
    r"|(?<![\w_])_(?P<ital2>[^_\s](?:[^_]*[^_\s])?)_(?![\w_])"
)


def add_inline(par, text, bold=False, italic=False):
    """Add text to a paragraph, turning inline Markdown into run formatting."""
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            run = par.add_run(text[pos:m.start()])
            run.bold, run.italic = bold or None, italic or None
        if m.group("code"):
            run = par.add_run(m.group("codetext").strip() if m.group("codetext").strip() else m.group("codetext"))
            run.font.name = MONO
            run.bold, run.italic = bold or None, italic or None
        elif m.group("bold") is not None or m.group("bold2") is not None:
            add_inline(par, m.group("bold") or m.group("bold2"), True, italic)
        elif m.group("imgalt") is not None:
            pass
        elif m.group("link") is not None:
            add_inline(par, m.group("link"), bold, italic)
        else:
            add_inline(par, m.group("ital") or m.group("ital2"), bold, True)
        pos = m.end()
    if pos < len(text):
        run = par.add_run(text[pos:])
        run.bold, run.italic = bold or None, italic or None


def strip_html(text):
    text = re.sub(r"<!--.*?-->", "", text)
    text = re.sub(r"<[^>]+>", "", text)
    return " ".join(text.split())


def split_row(line):
    line = line.strip()
    line = line.removeprefix("|").removesuffix("|")
    cells = re.split(r"(?<!\\)\|", line)
    return [c.strip().replace("\\|", "|") for c in cells]


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = MONO
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(6)
    return style


def add_code(doc, lines, indent=0):
    par = doc.add_paragraph(style="Code")
    if indent:
        par.paragraph_format.left_indent = Pt(18)
    for i, line in enumerate(lines):
        run = par.add_run(line)
        if i < len(lines) - 1:
            run.add_break()


def add_table(doc, rows):
    header = split_row(rows[0])
    body = [split_row(r) for r in rows[2:]]
    table = doc.add_table(rows=1 + len(body), cols=len(header))
    table.style = doc.styles["Table Grid"]
    for r, cells in enumerate([header] + body):
        for c, cell_text in enumerate(cells[: len(header)]):
            par = table.cell(r, c).paragraphs[0]
            add_inline(par, cell_text, bold=(r == 0))


def build(out, source):
    with open(source, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    doc = Document()
    code_style(doc)
    props = doc.core_properties
    props.title = "TypeScript loader for webpack (ts-loader README)"
    props.author = "TypeStrong"
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_modified_by = "build_ts_loader-readme.py"
    props.revision = 1

    para = []  # pending plain paragraph lines
    list_item = None  # (style, [lines]) of the pending list item

    def flush():
        nonlocal para, list_item
        if para:
            add_inline(doc.add_paragraph(), " ".join(x.strip() for x in para))
            para = []
        if list_item:
            style, text = list_item
            add_inline(doc.add_paragraph(style=style), " ".join(x.strip() for x in text))
            list_item = None

    i = 0
    in_html = False
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        fence = re.match(r"^(\s*)(```+)", line)
        if fence:
            flush()
            indent = len(fence.group(1))
            code = []
            i += 1
            while i < len(lines) and not re.match(r"^\s*```+\s*$", lines[i]):
                code.append(lines[i][indent:] if lines[i][:indent].strip() == "" else lines[i])
                i += 1
            add_code(doc, code, indent)
            i += 1
            continue
        if stripped.startswith("<!--") and stripped.endswith("-->"):
            flush()
            i += 1
            continue
        if in_html or stripped.startswith("<"):
            in_html = line != "</p>"
            head = re.match(r"^<h(\d)[^>]*>(.*)</h\d>$", stripped)
            if head:
                flush()
                doc.add_heading(strip_html(head.group(2)), level=int(head.group(1)))
            elif stripped in ("", "<br />") or not in_html:
                flush()
            elif strip_html(stripped):
                para.append(strip_html(stripped))
            i += 1
            continue
        if not stripped:
            flush()
            i += 1
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        if heading:
            flush()
            par = doc.add_heading(level=len(heading.group(1)))
            add_inline(par, heading.group(2).strip())
            i += 1
            continue
        if stripped.startswith("|") and i + 1 < len(lines) and re.match(r"^\s*\|[-\s|:]+\|\s*$", lines[i + 1]):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(doc, rows)
            continue
        if re.match(r"^(\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)\s*)+$", stripped):
            flush()
            i += 1
            continue
        bullet = re.match(r"^(\s*)[-*+]\s+(.*)$", line)
        number = re.match(r"^(\s*)\d+\.\s+(.*)$", line)
        if bullet or number:
            flush()
            m = bullet or number
            depth = len(m.group(1)) // 2
            if bullet:
                style = ["List Bullet", "List Bullet 2", "List Bullet 3"][min(depth, 2)]
            else:
                style = "List Number"
            list_item = (style, [m.group(2)])
            i += 1
            continue
        if stripped.startswith(">"):
            flush()
            quote = []
            while i < len(lines) and lines[i].strip().startswith(">"):
                quote.append(lines[i].strip()[1:].strip())
                i += 1
            add_inline(doc.add_paragraph(style="Quote"), " ".join(quote))
            continue
        if list_item and line.startswith(" "):
            list_item[1].append(line)
        else:
            para.append(line)
        i += 1
    flush()
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
