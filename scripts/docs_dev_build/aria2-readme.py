#!/usr/bin/env python3
"""Build docs/aria2-readme.docx from the aria2 1.36.0 README.

Source: usr/share/doc/aria2/README.rst.gz from the Debian package
aria2 1.36.0-1 (not installed here: fetched with `apt-get download aria2`
and unpacked with `dpkg -x aria2_1.36.0-1_amd64.deb x/aria2`).  SRC below is
where the batch that made the file had unpacked it
(/tmp/s18/bA/tools/x/aria2); another copy, compressed or not, can be given as
the second argument.

The reStructuredText is laid out as a Word document:
  * the document title (underlined with "=")   -> Title
  * sections underlined with "-"                -> Heading 1
  * sections underlined with "~"                -> Heading 2
  * definition-list terms in prose form          -> Heading 3 (e.g.
    "single-file mode"); terms that are literals (``HOST``) -> bold
    monospace term paragraph, definition indented below it
  * "* " items                                    -> List Bullet
  * the "Dependency" simple table                -> Word table, bold header row
  * literal blocks after "::"                    -> paragraph style "Code"
                                                    (Courier New)
  * ".. note::" bodies                           -> paragraph style "Quote"
Only reST markup is removed (``x`` -> Courier run, `text <url>`_ -> text,
`Section`_ -> text, "Text::" -> "Text:"); the words are not changed and
nothing is trimmed.

Usage: python scripts/docs_dev_build/aria2-readme.py OUTPUT.docx [SOURCE_README.rst[.gz]]
"""
import gzip
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm, Pt

SRC = "/tmp/s18/bA/tools/x/aria2/usr/share/doc/aria2/README.rst.gz"

INLINE = re.compile(
    r"(``(?P<lit>.+?)``"
    r"|`(?P<ref>[^`<]+?)(?:\s*<(?P<url>[^>]+)>)?`_{1,2}"
    r")")


def add_inline(par, text, bold=False):
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            par.add_run(text[pos:m.start()]).bold = bold
        if m.group("lit") is not None:
            r = par.add_run(m.group("lit"))
            r.font.name = "Courier New"
            r.bold = bold
        else:
            par.add_run(m.group("ref").strip()).bold = bold
        pos = m.end()
    if pos < len(text):
        par.add_run(text[pos:]).bold = bold
    return par


def plain(text):
    text = re.sub(r"``(.+?)``", r"\1", text)
    return re.sub(r"`([^`<]+?)(?:\s*<[^>]+>)?`_{1,2}", lambda m: m.group(1).strip(), text)


def indent_of(line):
    return len(line) - len(line.lstrip(" "))


def is_underline(s, chars="=-~"):
    return len(s) >= 3 and len(set(s)) == 1 and s[0] in chars


def make_doc():
    doc = Document()
    styles = doc.styles
    code = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = styles["Normal"]
    code.font.name = "Courier New"
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(0)
    code.paragraph_format.left_indent = Cm(1)
    return doc


def simple_table(doc, block):
    """block: lines of an rST simple table, border lines included."""
    border = block[0]
    cols = [(m.start(), m.end()) for m in re.finditer(r"=+", border)]
    starts = [c[0] for c in cols]

    def split(line):
        cells = []
        for k, st in enumerate(starts):
            end = starts[k + 1] if k + 1 < len(starts) else len(line)
            cells.append(line[st:end].strip() if k + 1 < len(starts) else line[st:].strip())
        return cells

    borders = [k for k, row in enumerate(block) if re.match(r"^=+( +=+)+\s*$", row)]
    header = split(block[borders[0] + 1])
    rows = []
    for line in block[borders[1] + 1:borders[2]]:
        if not line.strip():
            continue
        cells = split(line)
        if rows and not cells[0]:          # continuation of the previous row
            for k in range(1, len(cells)):
                if cells[k]:
                    rows[-1][k] = (rows[-1][k] + " " + cells[k]).strip()
        else:
            rows.append(cells)
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


def build(src, out):
    opener = gzip.open if src.endswith(".gz") else open
    with opener(src, "rt", encoding="utf-8") as f:
        lines = f.read().split("\n")
    doc = make_doc()
    n = len(lines)
    i = 0
    pending_code = False

    def collect(start, min_indent):
        j = start
        buf = []
        while j < n and lines[j].strip() and indent_of(lines[j]) >= min_indent:
            buf.append(lines[j].strip())
            j += 1
        return buf, j

    while i < n:
        line = lines[i]
        s = line.strip()
        if not s:
            i += 1
            continue
        ind = indent_of(line)

        # literal block
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

        # headings
        if ind == 0 and i + 1 < n and is_underline(lines[i + 1].strip()) \
                and not is_underline(s):
            ch = lines[i + 1].strip()[0]
            if ch == "=":
                doc.add_heading(s, level=0)
            else:
                doc.add_heading(s, level={"-": 1, "~": 2}[ch])
            i += 2
            continue

        # simple table
        if re.match(r"^=+( +=+)+\s*$", line):
            j = i
            block = []
            nb = 0
            while j < n and nb < 3:
                block.append(lines[j])
                if re.match(r"^=+( +=+)+\s*$", lines[j]):
                    nb += 1
                j += 1
            simple_table(doc, block)
            i = j
            continue

        # note directive
        if s == ".. note::":
            j = i + 1
            while j < n and (not lines[j].strip() or indent_of(lines[j]) > 0):
                if lines[j].strip():
                    buf, j = collect(j, indent_of(lines[j]))
                    add_inline(doc.add_paragraph(style="Quote"), " ".join(buf))
                else:
                    j += 1
            i = j
            continue

        # bullet list item
        if s.startswith("* "):
            buf, j = collect(i + 1, ind + 2)
            # stop continuation at a new bullet at the same indentation
            item_lines = [s[2:]]
            k = i + 1
            while k < n and lines[k].strip() and indent_of(lines[k]) >= ind + 2 \
                    and not lines[k].strip().startswith("* "):
                item_lines.append(lines[k].strip())
                k += 1
            add_inline(doc.add_paragraph(style="List Bullet"), " ".join(item_lines))
            i = k
            continue

        # definition list: term followed directly by an indented definition
        if i + 1 < n and lines[i + 1].strip() and indent_of(lines[i + 1]) > ind:
            if s.startswith("``"):
                p = doc.add_paragraph(style="Normal")
                add_inline(p, s, bold=True)
            else:
                doc.add_heading(s, level=3)
            buf, j = collect(i + 1, indent_of(lines[i + 1]))
            p = doc.add_paragraph(style="Normal")
            p.paragraph_format.left_indent = Cm(1)
            add_inline(p, " ".join(buf))
            i = j
            continue

        # ordinary paragraph
        buf, j = collect(i, ind)
        text = " ".join(buf)
        if text.endswith("::"):
            pending_code = True
            text = text[:-2].rstrip()
            if not text.endswith(":"):
                text += ":"
        add_inline(doc.add_paragraph(style="Normal"), text)
        i = j

    doc.core_properties.title = "aria2 - The ultra fast download utility"
    doc.core_properties.author = "Tatsuhiro Tsujikawa"
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: aria2-readme.py OUTPUT.docx [SOURCE_README.rst[.gz]]")
    build(sys.argv[2] if len(sys.argv) == 3 else SRC, sys.argv[1])
