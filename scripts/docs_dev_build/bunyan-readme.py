"""Lay out the README of bunyan (the JSON logging library for node.js) as a Word document.

Source: README.md of the npm package bunyan 2.0.5 (`npm pack bunyan@2.0.5`, then
`tar xzf bunyan-2.0.5.tgz`, file `package/README.md`), by Trent Mick and contributors.

Usage: python build_bunyan-readme.py OUT.docx [SOURCE]
    SOURCE defaults to package/README.md in the current directory.

Licence: the README is part of bunyan, MIT licence (package/LICENSE.txt); this document
is distributed under the same terms.

Mapping (no sentence of the README is reworded, added or dropped):
    # .. ####  headings           -> Heading 1 .. Heading 4
    - / * / + list items          -> List Bullet, List Bullet 2, List Bullet 3 (by indent)
    1. 2. ... list items          -> List Number
    indented paragraph in a list  -> List Continue
    ``` fenced and 4-space code   -> one 'Code' paragraph (monospace) per line
    | Markdown | tables |         -> Word tables (first row bold)
    <table> HTML tables           -> Word tables (<th> row bold)
    **bold**, *italic*, `code`    -> bold, italic and monospace runs
    [text](url), <a>text</a>      -> the link text
    ![alt](url) inside a sentence -> the alt text; a line of images only (badges,
                                     screenshots) is left out, as it shows no text
    <!-- comments -->             -> left out
Wrapped source lines are joined with a space into one paragraph; a bullet line may start a list
right after a paragraph line, as in CommonMark.
"""

import re
import sys
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

MONO = "Courier New"

INLINE = re.compile(
    r"(?P<code>(?P<ticks>`+)(?P<codetext>.+?)(?P=ticks))"
    r"|(?P<image>!\[(?P<alt>[^\]]*)\]\([^)]*\))"
    r"|(?P<link>\[(?P<linktext>[^\]]+)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\))"
    r"|(?P<reflink>\[(?P<reftext>[^\]]+)\]\[[^\]]*\])"
    r"|(?P<html><a\s[^>]*>(?P<htmltext>.*?)</a>)"
    r"|(?P<bold>\*\*(?P<boldtext>.+?)\*\*)"
    r"|(?P<em>(?<![\w*])\*(?![\s*])(?P<emtext>.+?)(?<![\s*])\*(?!\*))"
    r"|(?P<under>(?<![\w\\])_(?![\s_])(?P<undertext>.+?)(?<![\s\\])_(?!\w))"
    r"|(?P<escape>\\(?P<escaped>[\\`*_{}\[\]()#+\-.!]))"
)
IMAGE_ONLY = re.compile(r"^(\s*\[?!\[[^\]]*\]\([^)]*\)(\]\([^)]*\))?\s*)+$")
BULLET = re.compile(r"^(?P<indent>\s*)(?P<mark>[-*+]|\d+\.)\s+(?P<text>.*)$")
FENCE = re.compile(r"^(?P<indent>\s*)```")
HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*#*$")
CELL = re.compile(r"<t([hd])>(.*?)</t[hd]>", re.DOTALL)


def add_inline(par, text, bold=False, italic=False):
    """Add runs for a line of Markdown inline markup to a paragraph."""
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            run = par.add_run(text[pos:m.start()])
            run.bold, run.italic = bold or None, italic or None
        if m.group("code"):
            run = par.add_run(m.group("codetext").strip() if m.group("ticks") != "`" else m.group("codetext"))
            run.font.name = MONO
            run.bold, run.italic = bold or None, italic or None
        elif m.group("image"):
            add_inline(par, m.group("alt"), bold, italic)
        elif m.group("link"):
            add_inline(par, m.group("linktext"), bold, italic)
        elif m.group("reflink"):
            add_inline(par, m.group("reftext"), bold, italic)
        elif m.group("html"):
            add_inline(par, m.group("htmltext"), bold, italic)
        elif m.group("bold"):
            add_inline(par, m.group("boldtext"), True, italic)
        elif m.group("em"):
            add_inline(par, m.group("emtext"), bold, True)
        elif m.group("under"):
            add_inline(par, m.group("undertext"), bold, True)
        elif m.group("escape"):
            run = par.add_run(m.group("escaped"))
            run.bold, run.italic = bold or None, italic or None
        pos = m.end()
    if pos < len(text):
        run = par.add_run(text[pos:])
        run.bold, run.italic = bold or None, italic or None


def add_table(document, rows, header=True):
    """Add a Word table; rows is a list of lists of cell strings (Markdown inline)."""
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for i, row in enumerate(rows):
        for j in range(width):
            cell = table.cell(i, j)
            add_inline(cell.paragraphs[0], row[j] if j < len(row) else "", bold=header and i == 0)


def html_table(block):
    """Rows of an HTML <table> block, cells joined onto one line."""
    rows = []
    for tr in re.findall(r"<tr>(.*?)</tr>", block, re.DOTALL):
        rows.append([" ".join(c.split()) for _, c in CELL.findall(tr)])
    return rows


def make_document():
    document = docx.Document()
    code = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = document.styles["Normal"]
    code.font.name = MONO
    code.font.size = Pt(8.5)
    code.paragraph_format.space_before = Pt(0)
    code.paragraph_format.space_after = Pt(0)
    document.core_properties.title = "bunyan README"
    return document


def convert(source, out):
    lines = source.read_text(encoding="utf-8").splitlines()
    document = make_document()
    para = []  # wrapped lines of the paragraph being read
    style = ["Normal"]
    in_list = False
    prev_blank = True

    def flush():
        if para:
            text = " ".join(s.strip() for s in para)
            if not IMAGE_ONLY.match(text):
                add_inline(document.add_paragraph(style=style[0]), text)
            para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            flush()
            prev_blank = True
            i += 1
            continue
        if stripped.startswith("<!--"):
            flush()
            while "-->" not in lines[i]:
                i += 1
            i += 1
            continue
        fence = FENCE.match(line)
        if fence:
            flush()
            cut = len(fence.group("indent"))
            i += 1
            while not lines[i].strip().startswith("```"):
                body = lines[i]
                body = body[cut:] if body[:cut].strip() == "" else body.lstrip()
                document.add_paragraph(body, style="Code")
                i += 1
            i += 1
            prev_blank = False
            continue
        if stripped.startswith("<table>"):
            flush()
            block = []
            while "</table>" not in lines[i]:
                block.append(lines[i])
                i += 1
            block.append(lines[i])
            add_table(document, html_table("\n".join(block)))
            in_list, prev_blank = False, False
            i += 1
            continue
        if stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                cells = [c.strip() for c in lines[i].strip().strip("|").split("|")]
                if not all(re.fullmatch(r":?-+:?", c) for c in cells):
                    rows.append(cells)
                i += 1
            add_table(document, rows)
            in_list, prev_blank = False, False
            continue
        heading = HEADING.match(line)
        if heading:
            flush()
            level = min(len(heading.group("hashes")), 4)
            add_inline(document.add_heading(level=level), heading.group("text"))
            in_list, prev_blank = False, False
            i += 1
            continue
        item = BULLET.match(line)
        if item and (prev_blank or in_list or not para or item.group("mark") in ("-", "*", "+", "1.")):
            flush()
            depth = min(len(item.group("indent").expandtabs()) // 2, 2)
            if item.group("mark")[0].isdigit():
                style[0] = "List Number"
            else:
                style[0] = ["List Bullet", "List Bullet 2", "List Bullet 3"][depth]
            para.append(item.group("text"))
            in_list, prev_blank = True, False
            i += 1
            continue
        indent = len(line) - len(line.lstrip())
        if prev_blank and indent >= 4 and not in_list:
            flush()
            block = []
            while i < len(lines) and (not lines[i].strip() or lines[i].startswith("    ")):
                block.append(lines[i][4:])
                i += 1
            while block and not block[-1].strip():
                block.pop()
            for body in block:
                document.add_paragraph(body, style="Code")
            prev_blank = True
            continue
        if prev_blank:
            flush()
            if in_list and indent >= 2:
                style[0] = "List Continue"
            else:
                style[0] = "Normal"
                in_list = False
        para.append(line)
        prev_blank = False
        i += 1
    flush()
    document.save(out)


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: python build_bunyan-readme.py OUT.docx [SOURCE]")
    source = Path(sys.argv[2] if len(sys.argv) == 3 else "package/README.md")
    convert(source, sys.argv[1])


if __name__ == "__main__":
    main()
