#!/usr/bin/env python3
"""Build docs/defusedxml-readme.docx from the defusedxml 0.7.1 README.

Source: the long description (README, reStructuredText) in
/work/main/.venv/lib/python3.11/site-packages/defusedxml-0.7.1.dist-info/METADATA
The text is laid out as a Word document (headings, bullet / numbered lists,
the csv-table as a Word table, literal blocks in a "Code" style).  Only the
reStructuredText markup is removed; the words are not changed.  The README
is trimmed at a section boundary: everything from the section
"Other things to consider" to the end is left out; the badge images and the
".. contents::" directive are dropped.

Usage: build_docx.py OUTPUT.docx
"""
import csv
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm, Pt

SRC = ("/work/main/.venv/lib/python3.11/site-packages/"
       "defusedxml-0.7.1.dist-info/METADATA")
STOP_AT = "Other things to consider"


def read_readme():
    with open(SRC, encoding="utf-8") as f:
        text = f.read()
    body = text.split("\n\n", 1)[1]          # drop the metadata header
    lines = body.split("\n")
    # cut at the section boundary
    for i, line in enumerate(lines):
        if line.strip() == STOP_AT and i + 1 < len(lines) and set(lines[i + 1].strip()) == {"="}:
            return lines[:i]
    return lines


INLINE = re.compile(
    r"(``(?P<lit>.+?)``"
    r"|\*\*(?P<bold>.+?)\*\*"
    r"|(?<![\w*])\*(?P<ital>[^*\s][^*]*?)\*(?!\w)"
    r"|\s?:sup:`(?P<sup>[^`]+)`"
    r"|`(?P<ref>[^`<]+?)(?:\s*<(?P<url>[^>]+)>)?`_{0,2}"
    r"|<(?P<bare>https?://[^>]+)>"
    r")")


def add_inline(par, text):
    """Add text to a paragraph, turning reST inline markup into run formatting."""
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            par.add_run(text[pos:m.start()])
        if m.group("lit") is not None:
            r = par.add_run(m.group("lit"))
            r.font.name = "Courier New"
        elif m.group("bold") is not None:
            par.add_run(m.group("bold")).bold = True
        elif m.group("ital") is not None:
            par.add_run(m.group("ital")).italic = True
        elif m.group("sup") is not None:
            par.add_run(m.group("sup")).font.superscript = True
        elif m.group("ref") is not None:
            par.add_run(m.group("ref").strip())
        elif m.group("bare") is not None:
            par.add_run(m.group("bare"))
        pos = m.end()
    if pos < len(text):
        par.add_run(text[pos:])
    return par


def plain(text):
    """Cell text without reST markup."""
    return re.sub(r"\*\*(.+?)\*\*", r"\1", text)


def indent_of(line):
    return len(line) - len(line.lstrip(" "))


def make_doc():
    doc = Document()
    styles = doc.styles
    if "Code" not in [s.name for s in styles]:
        code = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
        code.base_style = styles["Normal"]
        code.font.name = "Courier New"
        code.font.size = Pt(9)
        code.paragraph_format.space_after = Pt(0)
        code.paragraph_format.left_indent = Cm(1)
    return doc


def build(out):
    lines = read_readme()
    doc = make_doc()
    n = len(lines)
    i = 0
    pending_code = False   # previous paragraph ended with "::"

    def para_block(start, base_indent):
        """Collect lines of a paragraph (same indentation, until blank)."""
        j = start
        buf = []
        while j < n and lines[j].strip() and indent_of(lines[j]) >= base_indent:
            buf.append(lines[j].strip())
            j += 1
        return " ".join(buf), j

    while i < n:
        line = lines[i]
        s = line.strip()
        if not s:
            i += 1
            continue
        ind = indent_of(line)

        # literal block following "::"
        if pending_code and ind > 0:
            j = i
            block = []
            while j < n and (not lines[j].strip() or indent_of(lines[j]) >= ind):
                block.append(lines[j][ind:] if lines[j].strip() else "")
                j += 1
            while block and not block[-1]:
                block.pop()
            for b in block:
                doc.add_paragraph(b, style="Code")
            pending_code = False
            i = j
            continue
        pending_code = False

        # title with overline
        if set(s) == {"="} and i + 2 < n and set(lines[i + 2].strip()) == {"="}:
            doc.add_heading(lines[i + 1].strip(), level=0)
            i += 3
            continue
        # section headings (underlined)
        if i + 1 < n and lines[i + 1].strip() and set(lines[i + 1].strip()) <= set("=-.") \
                and len(set(lines[i + 1].strip())) == 1 and len(lines[i + 1].strip()) >= 3 \
                and ind == 0:
            ch = lines[i + 1].strip()[0]
            level = {"=": 1, "-": 2, ".": 3}[ch]
            doc.add_heading(s, level=level)
            i += 2
            continue
        # directives
        if s.startswith(".. image::") or s.startswith(".. contents::") or s == "..":
            i += 1
            while i < n and lines[i].strip() and indent_of(lines[i]) > ind:
                i += 1
            continue
        if s.startswith(".. csv-table::"):
            caption = s[len(".. csv-table::"):].strip()
            i += 1
            header = None
            while i < n and lines[i].strip().startswith(":"):
                opt = lines[i].strip()
                if opt.startswith(":header:"):
                    header = next(csv.reader([opt[len(":header:"):].strip()],
                                             skipinitialspace=True))
                i += 1
            rows = []
            while i < n and (not lines[i].strip() or indent_of(lines[i]) > 0):
                if lines[i].strip():
                    rows.append(next(csv.reader([lines[i].strip()],
                                                skipinitialspace=True)))
                i += 1
            doc.add_paragraph(caption, style="Caption")
            table = doc.add_table(rows=1, cols=len(header))
            table.style = "Table Grid"
            for k, h in enumerate(header):
                cell = table.rows[0].cells[k]
                cell.text = ""
                cell.paragraphs[0].add_run(h).bold = True
            for row in rows:
                cells = table.add_row().cells
                for k, v in enumerate(row):
                    cells[k].text = plain(v)
            continue
        if s.startswith(".. _"):
            i += 1
            continue
        # bullet list item
        if s.startswith("* "):
            text, j = para_block(i + 1, ind + 2)
            item = s[2:] + (" " + text if text else "")
            add_inline(doc.add_paragraph(style="List Bullet"), item)
            i = j
            continue
        # numbered list item
        m = re.match(r"(\d+)\. (.*)", s)
        if m and ind == 0:
            text, j = para_block(i + 1, ind + 3)
            item = m.group(2) + (" " + text if text else "")
            add_inline(doc.add_paragraph(style="List Number"), item)
            i = j
            continue
        # block quote (indented paragraph not after "::")
        # definition list: term line followed directly by an indented line
        if i + 1 < n and lines[i + 1].strip() and indent_of(lines[i + 1]) > ind:
            p = doc.add_paragraph(style="Normal")
            if ind:
                p.paragraph_format.left_indent = Cm(0.75 * (ind // 2))
            add_inline(p, s)
            for run in p.runs:
                run.bold = True
            i += 1
            continue
        # ordinary paragraph
        text, j = para_block(i, ind)
        if text == "::":
            pending_code = True
            i = j
            continue
        if text.endswith("::"):
            pending_code = True
            text = text[:-2].rstrip()
            if not text.endswith(":"):
                text += ":"
        p = doc.add_paragraph(style="Normal")
        if ind:
            p.paragraph_format.left_indent = Cm(0.75 * (ind // 2))
        add_inline(p, text)
        i = j
    doc.core_properties.title = "defusedxml -- defusing XML bombs and other exploits"
    doc.core_properties.author = "Christian Heimes"
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: build_docx.py OUTPUT.docx")
    build(sys.argv[1])
