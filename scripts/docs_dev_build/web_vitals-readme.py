"""Build web_vitals-readme.docx from the web-vitals README.

Usage: python build_web_vitals-readme.py OUT.docx SOURCE

Source: README.md of the npm package web-vitals 6.2.3 (GoogleChrome/web-vitals),
obtained with `npm pack web-vitals@6.2.3` and read from package/README.md.
Licence: Apache License 2.0 (package.json "license": "Apache-2.0").

The text is not reworded; only the Markdown layout is carried over to Word:
- `#` -> Title, `##` -> Heading 1, `###` -> Heading 2, `####` -> Heading 3,
  `#####` -> Heading 4 (inline back-ticks in headings are dropped).
- `- item` -> List Bullet (two-space nested items -> List Bullet 2);
  `N. item` -> List Number; indented continuation paragraphs -> List Continue.
- Fenced code blocks -> one paragraph per line in a monospaced "Code" style
  (Courier New 9 pt); the fence's language tag is dropped.
- `> ...` block quotes -> Quote style; a GitHub alert line `> [!NOTE]` (or
  WARNING / IMPORTANT) becomes a bold "Note" / "Warning" / "Important" label, as
  GitHub displays it.
- Pipe tables and the HTML <table> of builds -> Word tables (Table Grid, header
  row in bold).
- Inline `code` -> Courier New runs, **bold** -> bold runs, _italic_ -> italic
  runs; [text](url) and <a href="url">text</a> links keep their text only;
  empty <a name="..."></a> anchors are dropped.
Document dates are fixed so that a rebuild gives the same document.
"""

import datetime
import re
import sys
from html.parser import HTMLParser

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

MONO = "Courier New"
FIXED_DATE = datetime.datetime(2025, 1, 1, 0, 0, 0)

LINK_RE = re.compile(r"\[((?:[^\[\]`]|`[^`]*`)*)\]\(([^)\s]*)\)")
A_TAG_RE = re.compile(r"<a\s[^>]*>(.*?)</a>")
INLINE_RE = re.compile(
    r"(`[^`]+`)"  # code span
    r"|(\*\*(.+?)\*\*)"  # bold
    r"|((?<![\w])_(\S(?:.*?\S)?)_(?![\w]))"  # italic
)
ALERTS = {"NOTE": "Note", "WARNING": "Warning", "IMPORTANT": "Important", "TIP": "Tip"}


def clean_links(text):
    """Keep the text of Markdown and HTML links (link text may hold code spans)."""
    text = LINK_RE.sub(lambda m: m.group(1), text)
    return A_TAG_RE.sub(lambda m: m.group(1), text)


def add_inline(par, text, bold=False, italic=False):
    """Add runs for Markdown inline text to a paragraph."""
    text = clean_links(text)
    pos = 0
    for m in INLINE_RE.finditer(text):
        if m.start() > pos:
            run = par.add_run(text[pos:m.start()])
            run.bold, run.italic = bold or None, italic or None
        if m.group(1):
            run = par.add_run(m.group(1)[1:-1])
            run.font.name = MONO
            run.bold, run.italic = bold or None, italic or None
        elif m.group(2):
            add_inline(par, m.group(3), True, italic)
        else:
            add_inline(par, m.group(5), bold, True)
        pos = m.end()
    if pos < len(text):
        run = par.add_run(text[pos:])
        run.bold, run.italic = bold or None, italic or None


class TableParser(HTMLParser):
    """Collect rows of cells (each a list of paragraph strings) from <table>."""

    def __init__(self):
        super().__init__()
        self.rows, self.cell, self.buf = [], None, []

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag == "td":
            self.cell, self.buf = [], []
        elif tag == "p" and self.cell is not None:
            self.flush()

    def handle_endtag(self, tag):
        if tag == "p" and self.cell is not None:
            self.flush()
        elif tag == "td":
            self.flush()
            self.rows[-1].append(self.cell)
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.buf.append(data)

    def flush(self):
        text = " ".join("".join(self.buf).split())
        if text:
            self.cell.append(text)
        self.buf = []


def add_table(doc, rows):
    """rows: list of rows, each a list of cells, each a list of paragraphs."""
    rows = [r for r in rows if r]
    ncols = max(len(r) for r in rows)
    table = doc.add_table(rows=len(rows), cols=ncols)
    table.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, paras in enumerate(row):
            cell = table.cell(i, j)
            for k, ptext in enumerate(paras):
                par = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
                add_inline(par, ptext, bold=(i == 0))


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = MONO
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.space_before = Pt(0)
    return style


def build(src, out):
    with open(src, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    doc = Document()
    code_style(doc)
    props = doc.core_properties
    props.title = "web-vitals README"
    props.author = "GoogleChrome/web-vitals"
    props.created = props.modified = props.last_printed = FIXED_DATE
    props.revision = 1

    i, n = 0, len(lines)
    in_list_item = False
    while i < n:
        line = lines[i]
        stripped = line.strip()
        indent = len(line) - len(line.lstrip(" "))
        if not stripped:
            i += 1
            continue
        if re.fullmatch(r'<a name="[^"]*"></a>', stripped):
            i += 1
            continue
        if stripped.startswith("```"):
            fence_indent = indent
            i += 1
            par = None
            while i < n and not lines[i].strip().startswith("```"):
                code = lines[i]
                if code[:fence_indent].strip() == "":
                    code = code[fence_indent:]
                par = doc.add_paragraph(code, style="Code")
                i += 1
            i += 1
            if par is not None:
                par.paragraph_format.space_after = Pt(10)
            continue
        if stripped.startswith("<table"):
            chunk = []
            while i < n:
                chunk.append(lines[i])
                if lines[i].strip().startswith("</table>"):
                    break
                i += 1
            i += 1
            parser = TableParser()
            parser.feed("\n".join(chunk))
            add_table(doc, parser.rows)
            in_list_item = False
            continue
        if stripped.startswith("|"):
            rows = []
            while i < n and lines[i].strip().startswith("|"):
                cells = [c.strip() for c in lines[i].strip().strip("|").split("|")]
                if not all(re.fullmatch(r":?-+:?", c) for c in cells):
                    rows.append([[c] for c in cells])
                i += 1
            add_table(doc, rows)
            in_list_item = False
            continue
        m = re.match(r"(#{1,5}) (.*)", line)
        if m:
            level = len(m.group(1)) - 1
            text = clean_links(m.group(2)).replace("`", "")
            if level == 0:
                doc.add_heading(text, 0)
            else:
                doc.add_heading(text, level)
            in_list_item = False
            i += 1
            continue
        if stripped.startswith(">"):
            quote = []
            while i < n and lines[i].strip().startswith(">"):
                quote.append(lines[i].strip()[1:].strip())
                i += 1
            label = None
            am = re.fullmatch(r"\[!(\w+)\]", quote[0])
            if am and am.group(1) in ALERTS:
                label = ALERTS[am.group(1)]
                quote = quote[1:]
            par = doc.add_paragraph(style="Quote")
            if label:
                par.add_run(label).bold = True
                par.add_run().add_break()
            add_inline(par, " ".join(quote))
            continue
        m = re.match(r"( *)- (.*)", line)
        if m:
            style = "List Bullet 2" if len(m.group(1)) >= 2 else "List Bullet"
            add_inline(doc.add_paragraph(style=style), m.group(2))
            in_list_item = True
            i += 1
            continue
        m = re.match(r"\d+\. (.*)", line)
        if m:
            para_lines = [m.group(1)]
            i += 1
            while i < n and lines[i].strip() and not re.match(r"\s*(```|- |\d+\. )", lines[i]):
                para_lines.append(lines[i].strip())
                i += 1
            add_inline(doc.add_paragraph(style="List Number"), " ".join(para_lines))
            in_list_item = True
            continue
        # ordinary paragraph (possibly several source lines)
        para_lines = [stripped]
        i += 1
        while i < n and lines[i].strip() and not re.match(
            r"\s*(```|- |\d+\. |#|>|\||<table|<a name=)", lines[i]
        ):
            para_lines.append(lines[i].strip())
            i += 1
        style = "List Continue" if (in_list_item and indent >= 2) else None
        if indent < 2:
            in_list_item = False
        add_inline(doc.add_paragraph(style=style), " ".join(para_lines))

    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[2], sys.argv[1])
