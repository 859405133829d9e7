#!/usr/bin/env python3
"""Build docs/tio-readme.docx from the tio 2.5 README (Markdown).

Source: usr/share/doc/tio/README.md.gz from the Debian package tio 2.5-1
(not installed here: fetched with `apt-get download tio` and unpacked with
`dpkg -x tio_2.5-1_amd64.deb x`; SRC below is where the batch that made the
file had unpacked it, /tmp/s17/bT/tools/debs/x; another unpacked copy can be
given as the second argument).  The README is laid out as a Word document:

  * "# ..."     -> Title
  * "## ..."    -> Heading 1, "### ..." -> Heading 2, "#### ..." -> Heading 3
  * " * item"   -> List Bullet
  * the three configuration-file locations ("in the order listed") -> List Number
  * the option lines of the 'tio --help' output -> a Word table whose header
    row is the "Options:" line of that output (option | description)
  * every other fenced code block -> monospace paragraphs (style "Code")
  * other text -> Normal paragraphs (lines of a paragraph joined)

Only Markdown markup is removed (links -> their text, `code` -> Courier run,
**bold** -> bold run, backslash escapes); the words are not changed.
Dropped: the four badge images, the demo GIF (<p><img></p>) and the PayPal
donate button image.  Nothing else is trimmed.

Usage: python scripts/docs_dev_build/tio-readme.py OUTPUT.docx [SOURCE_README.md[.gz]]
"""
import gzip
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

SRC = "/tmp/s17/bT/tools/debs/x/usr/share/doc/tio/README.md.gz"

INLINE = re.compile(
    r"(`(?P<code>[^`]+)`"
    r"|\*\*(?P<bold>.+?)\*\*"
    r"|\[(?P<ltext>[^\]]+)\]\((?P<url>[^)]+)\)"
    r")")


def unescape(s):
    return s.replace("\\<", "<").replace("\\_", "_")


def add_inline(par, text):
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            par.add_run(unescape(text[pos:m.start()]))
        if m.group("code") is not None:
            r = par.add_run(m.group("code"))
            r.font.name = "Courier New"
        elif m.group("bold") is not None:
            par.add_run(unescape(m.group("bold"))).bold = True
        elif m.group("ltext") is not None:
            par.add_run(unescape(m.group("ltext")))
        pos = m.end()
    if pos < len(text):
        par.add_run(unescape(text[pos:]))
    return par


def make_doc():
    doc = Document()
    styles = doc.styles
    code = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = styles["Normal"]
    code.font.name = "Courier New"
    code.font.size = Pt(8.5)
    code.paragraph_format.space_after = Pt(0)
    code.paragraph_format.left_indent = Cm(0.5)
    return doc


def mark_header(row):
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


OPT_RE = re.compile(r"^\s{2,}(-\S.*?|--\S.*?)\s{2,}(\S.*)$")


def add_help_block(doc, block):
    """The 'tio --help' output: options as a table, the rest as code."""
    i = 0
    n = len(block)
    while i < n:
        line = block[i]
        if line.strip() == "Options:":
            j = i + 1
            rows = []
            while j < n and OPT_RE.match(block[j]):
                m = OPT_RE.match(block[j])
                rows.append((m.group(1).strip(), m.group(2).strip()))
                j += 1
            table = doc.add_table(rows=1, cols=2)
            table.style = "Table Grid"
            hdr = table.rows[0]
            mark_header(hdr)
            cell = hdr.cells[0].merge(hdr.cells[1])
            cell.text = ""
            cell.paragraphs[0].add_run("Options:").bold = True
            for opt, desc in rows:
                cells = table.add_row().cells
                r = cells[0].paragraphs[0].add_run(opt)
                r.font.name = "Courier New"
                r.font.size = Pt(9)
                cells[1].text = desc
            i = j
            continue
        if line.strip():
            doc.add_paragraph(line.strip(), style="Code")
        i += 1


def build(src, out):
    opener = gzip.open if src.endswith(".gz") else open
    lines = opener(src, "rt", encoding="utf-8").read().split("\n")
    doc = make_doc()
    n = len(lines)
    i = 0
    numbered_next = False
    while i < n:
        line = lines[i]
        s = line.strip()
        if not s:
            i += 1
            continue
        # fenced code block
        if s.startswith("```"):
            j = i + 1
            block = []
            while j < n and not lines[j].strip().startswith("```"):
                block.append(lines[j])
                j += 1
            if any(b.strip() == "Options:" for b in block):
                add_help_block(doc, block)
            else:
                for b in block:
                    if b.strip():
                        doc.add_paragraph(b.rstrip(), style="Code")
            i = j + 1
            continue
        # badge / image lines and raw HTML image blocks
        if s.startswith("[![") or s.startswith("<p") or s.startswith("<img") \
                or s.startswith("</p"):
            i += 1
            continue
        # headings
        m = re.match(r"^(#{1,4})\s+(.*)$", s)
        if m:
            level = len(m.group(1)) - 1
            if level == 0:
                doc.add_heading(unescape(m.group(2)), level=0)
            else:
                h = doc.add_heading("", level=level)
                add_inline(h, m.group(2))
            i += 1
            continue
        # list items
        m = re.match(r"^\s*([*-])\s+(.*)$", line)
        if m:
            style = "List Number" if numbered_next else "List Bullet"
            add_inline(doc.add_paragraph(style=style), m.group(2).strip())
            i += 1
            if i < n and not re.match(r"^\s*([*-])\s+", lines[i]):
                numbered_next = False
            continue
        # paragraph: join lines until blank / fence / list / heading
        buf = [s]
        j = i + 1
        while j < n and lines[j].strip() and not lines[j].strip().startswith(("```", "#")) \
                and not re.match(r"^\s*[*-]\s+", lines[j]):
            buf.append(lines[j].strip())
            j += 1
        text = " ".join(buf)
        add_inline(doc.add_paragraph(), text)
        # the configuration-file locations are searched "in the order listed"
        numbered_next = text.endswith("in the order listed:")
        i = j
    doc.core_properties.title = "tio - a simple serial device I/O tool"
    doc.core_properties.author = "Martin Lund (tio README)"
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: tio-readme.py OUTPUT.docx [SOURCE_README.md[.gz]]")
    build(sys.argv[2] if len(sys.argv) == 3 else SRC, sys.argv[1])
