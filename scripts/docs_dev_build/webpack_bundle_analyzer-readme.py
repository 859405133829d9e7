"""Build webpack_bundle_analyzer-readme.docx from the webpack-bundle-analyzer README.

Usage: python build_webpack_bundle_analyzer-readme.py OUT.docx SOURCE

Source: README.md of the npm package webpack-bundle-analyzer 5.4.0
(`npm pack webpack-bundle-analyzer@5.4.0`, file package/README.md).
Licence: MIT (package.json "license": "MIT"; LICENSE in the package).

The text is not reworded; only the Markdown/HTML markup is turned into Word layout:
- `<h1>` and `<h2>` HTML headings -> Heading 1 and Heading 2; `###` -> Heading 3;
- the `<p>` under the title and ordinary Markdown paragraphs -> Normal paragraphs
  (soft-wrapped lines are joined with a space);
- fenced code blocks -> one paragraph per block in the monospaced "Code" style,
  with the block's line breaks kept;
- `1.` items -> List Number, `-` items -> List Bullet;
- pipe tables and the HTML maintainers table -> Word tables (first row bold for the pipe table);
- inline `code` -> Courier New runs, **bold** -> bold runs, _text_ -> italic runs,
  [text](url) -> the link text;
- badges, images, HTML comments, `<div>`/`<img>` wrappers and link reference
  definitions carry no text and are left out.
"""

import datetime
import html
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

MONO = "Courier New"
FIXED = datetime.datetime(2024, 1, 1, 12, 0, 0)

INLINE = re.compile(
    r"(?P<img>!\[[^\]]*\]\([^)]*\))"
    r"|(?P<link>\[(?P<ltext>[^\]]+)\]\((?P<lurl>[^)]+)\))"
    r"|(?P<code>`[^`]+`)"
    r"|(?P<bold>\*\*(?P<btext>.+?)\*\*)"
    r"|(?P<ital>(?<![\w])_(?P<itext>[^_]+)_(?![\w]))"
)


def add_inline(par, text, bold=False, italic=False):
    """Add Markdown inline text to a paragraph as formatted runs."""
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            run = par.add_run(text[pos:m.start()])
            run.bold, run.italic = bold or None, italic or None
        if m.group("link"):
            add_inline(par, m.group("ltext"), bold, italic)
        elif m.group("code"):
            run = par.add_run(m.group("code")[1:-1])
            run.font.name = MONO
            run.bold, run.italic = bold or None, italic or None
        elif m.group("bold"):
            add_inline(par, m.group("btext"), True, italic)
        elif m.group("ital"):
            add_inline(par, m.group("itext"), bold, True)
        pos = m.end()
    if pos < len(text):
        run = par.add_run(text[pos:])
        run.bold, run.italic = bold or None, italic or None


def split_row(line):
    """Cells of a Markdown pipe-table row, honouring escaped pipes."""
    line = line.strip().strip("|")
    cells = re.split(r"(?<!\\)\|", line)
    return [c.strip().replace("\\|", "|") for c in cells]


def strip_tags(text):
    return html.unescape(re.sub(r"<[^>]+>", " ", text)).split()


def build(out, source):
    with open(source, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    doc = Document()
    code_style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code_style.base_style = doc.styles["Normal"]
    code_style.font.name = MONO
    code_style.font.size = Pt(8.5)
    props = doc.core_properties
    props.title = "Webpack Bundle Analyzer"
    props.author = "webpack-bundle-analyzer README"
    props.created = FIXED
    props.modified = FIXED
    props.last_printed = FIXED
    props.revision = 1

    i = 0
    para = []

    def flush():
        if para:
            add_inline(doc.add_paragraph(), " ".join(s.strip() for s in para))
            para.clear()

    while i < len(lines):
        line = lines[i]
        s = line.strip()
        if not s:
            flush()
            i += 1
            continue
        if s.startswith("```"):
            flush()
            body = []
            i += 1
            while not lines[i].strip().startswith("```"):
                body.append(lines[i])
                i += 1
            doc.add_paragraph("\n".join(body), style="Code")
            i += 1
            continue
        if s.startswith("<table"):
            flush()
            block = []
            while "</table>" not in lines[i]:
                block.append(lines[i])
                i += 1
            block.append(lines[i])
            i += 1
            cells = re.findall(r"<td[^>]*>(.*?)</td>", "\n".join(block), re.DOTALL)
            table = doc.add_table(rows=1, cols=len(cells))
            table.style = "Table Grid"
            for cell, content in zip(table.rows[0].cells, cells, strict=False):
                cell.text = " ".join(strip_tags(content))
            continue
        m = re.match(r"<h([12])[^>]*>(.*?)</h\1>", s)
        if m:
            flush()
            add_inline(doc.add_heading(level=int(m.group(1))), html.unescape(m.group(2)))
            i += 1
            continue
        m = re.match(r"<p>(.*?)</p>", s)
        if m:
            flush()
            add_inline(doc.add_paragraph(), m.group(1))
            i += 1
            continue
        if s.startswith(("<", "![", "[![")):
            # div/img wrappers, comments and badges carry no text
            flush()
            while s.startswith("<") and ">" not in lines[i]:
                i += 1
            i += 1
            continue
        if re.match(r"\[[^\]]+\]: \S+$", s):
            flush()
            i += 1
            continue
        m = re.match(r"(#{1,6}) (.*)", s)
        if m:
            flush()
            add_inline(doc.add_heading(level=len(m.group(1))), m.group(2))
            i += 1
            continue
        if s.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(split_row(lines[i]))
                i += 1
            rows = [r for r in rows if not all(re.fullmatch(r":?-+:?", c) for c in r)]
            table = doc.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for cell, content in zip(table.rows[r].cells, row, strict=False):
                    add_inline(cell.paragraphs[0], content, bold=(r == 0))
            continue
        m = re.match(r"(\d+)\. (.*)", s)
        if m:
            flush()
            add_inline(doc.add_paragraph(style="List Number"), m.group(2))
            i += 1
            continue
        m = re.match(r"[-*] (.*)", s)
        if m:
            flush()
            add_inline(doc.add_paragraph(style="List Bullet"), m.group(1))
            i += 1
            continue
        para.append(line)
        i += 1
    flush()
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
