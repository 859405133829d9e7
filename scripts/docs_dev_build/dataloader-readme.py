"""Build dataloader-readme.docx from the DataLoader README.

Usage: python build_dataloader-readme.py OUT.docx SOURCE

SOURCE is ``package/README.md`` from the npm tarball of ``dataloader`` 2.2.3
(``npm pack dataloader@2.2.3``). DataLoader is released under the MIT licence
(``"license": "MIT"`` in its package.json, text in ``package/LICENSE``).

The words of the README are kept as they are; only the Markdown markup is
turned into Word layout:

- ``#`` .. ``#####`` headings become the styles Heading 1 .. Heading 5
  (``# DataLoader`` at the top becomes the Title);
- paragraphs become Normal paragraphs, their soft line breaks joined by spaces;
- ``>`` block quotes become the Quote style;
- ``-`` list items become List Bullet, nested items List Bullet 2;
- pipe tables become Word tables (style Table Grid, bold header row);
- fenced code blocks become paragraphs in a monospaced "Code Block" style,
  one paragraph per block with its line breaks kept;
- inline ``code`` becomes a monospaced "Inline Code" run, ``**bold**`` bold,
  ``_text_`` italic, ``<sup>`` superscript;
- links keep their text only (the link targets, the reference definitions at
  the end of the README, and the badge and video images are left out);
- backslash escapes are resolved (``\\*`` gives ``*``).

The document properties carry fixed dates, so a rebuild gives the same text.
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
    r"(?P<code>`[^`]+`)"
    r"|(?P<img>!\[[^\]]*\]\([^)]*\))"
    r"|(?P<link>\[(?P<ltext>(?:[^\[\]]|\[[^\]]*\])*)\](?:\((?P<lurl>[^)]*)\)|\[[^\]]*\]))"
    r"|(?P<bold>\*\*(?P<btext>.+?)\*\*)"
    r"|(?P<em>(?<![\w])_(?P<etext>[^_]+?)_(?![\w]))"
    r"|(?P<sup><sup>(?P<stext>.*?)</sup>)"
    r"|(?P<esc>\\(?P<echar>[\\`*_{}\[\]()#+\-.!<>|]))"
)


def setup_styles(doc):
    styles = doc.styles
    block = styles.add_style("Code Block", WD_STYLE_TYPE.PARAGRAPH)
    block.base_style = styles["Normal"]
    block.font.name = MONO
    block.font.size = Pt(9)
    block.paragraph_format.space_after = Pt(6)
    inline = styles.add_style("Inline Code", WD_STYLE_TYPE.CHARACTER)
    inline.font.name = MONO


def add_inline(par, text, bold=False, italic=False, sup=False):
    """Add text with Markdown inline markup to paragraph par as runs."""
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            run = par.add_run(text[pos:m.start()])
            run.bold, run.italic, run.font.superscript = bold or None, italic or None, sup or None
        if m.group("code"):
            run = par.add_run(m.group("code")[1:-1], style="Inline Code")
            run.bold = bold or None
        elif m.group("img"):
            pass
        elif m.group("link"):
            add_inline(par, m.group("ltext"), bold, italic, sup)
        elif m.group("bold"):
            add_inline(par, m.group("btext"), True, italic, sup)
        elif m.group("em"):
            add_inline(par, m.group("etext"), bold, True, sup)
        elif m.group("sup"):
            add_inline(par, m.group("stext"), bold, italic, True)
        elif m.group("esc"):
            run = par.add_run(m.group("echar"))
            run.bold, run.italic, run.font.superscript = bold or None, italic or None, sup or None
        pos = m.end()
    if pos < len(text):
        run = par.add_run(text[pos:])
        run.bold, run.italic, run.font.superscript = bold or None, italic or None, sup or None


def split_row(line):
    cells = line.strip().strip("|").split("|")
    return [c.strip() for c in cells]


def add_table(doc, rows):
    header, body = rows[0], rows[2:]
    table = doc.add_table(rows=1 + len(body), cols=len(header))
    table.style = doc.styles["Table Grid"]
    for r, row in enumerate([header] + body):
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            add_inline(cell.paragraphs[0], text, bold=(r == 0))


def is_skipped(line):
    s = line.strip()
    return (
        s.startswith(("[![", "<a href="))
        or re.match(r"^\[[^\]]+\]: \S+$", s) is not None
    )


def convert(lines, doc):
    i, n = 0, len(lines)
    first_heading = True
    while i < n:
        line = lines[i]
        s = line.strip()
        if not s or is_skipped(line):
            i += 1
            continue
        if s.startswith("```"):
            i += 1
            code = []
            while i < n and not lines[i].strip().startswith("```"):
                code.append(lines[i])
                i += 1
            i += 1
            doc.add_paragraph("\n".join(code), style="Code Block")
            continue
        m = re.match(r"^(#{1,6}) (.*)$", s)
        if m:
            level = len(m.group(1))
            if first_heading and level == 1:
                par = doc.add_paragraph(style="Title")
                first_heading = False
            else:
                par = doc.add_heading(level=min(level, 9))
            add_inline(par, m.group(2))
            i += 1
            continue
        if s.startswith("|"):
            rows = []
            while i < n and lines[i].strip().startswith("|"):
                rows.append(split_row(lines[i]))
                i += 1
            add_table(doc, rows)
            continue
        if s.startswith(">"):
            quote = []
            while i < n and lines[i].strip().startswith(">"):
                quote.append(lines[i].strip()[1:].strip())
                i += 1
            add_inline(doc.add_paragraph(style="Quote"), " ".join(quote))
            continue
        m = re.match(r"^( *)- (.*)$", line)
        if m:
            indent = len(m.group(1))
            item = [m.group(2).strip()]
            i += 1
            while i < n and lines[i].strip() and not re.match(r"^ *- ", lines[i]) \
                    and lines[i].startswith(" "):
                item.append(lines[i].strip())
                i += 1
            style = "List Bullet" if indent == 0 else "List Bullet 2"
            add_inline(doc.add_paragraph(style=style), " ".join(item))
            continue
        para = [s]
        i += 1
        while i < n:
            nxt = lines[i].strip()
            if not nxt or nxt.startswith(("```", "#", "|", ">", "- ")) or is_skipped(lines[i]):
                break
            para.append(nxt)
            i += 1
        add_inline(doc.add_paragraph(), " ".join(para))


def main():
    out, source = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as f:
        lines = f.read().splitlines()
    doc = Document()
    setup_styles(doc)
    convert(lines, doc)
    props = doc.core_properties
    props.title = "DataLoader README"
    props.author = "GraphQL contributors"
    props.subject = "dataloader 2.2.3 README.md"
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE
    props.revision = 1
    doc.save(out)


if __name__ == "__main__":
    main()
