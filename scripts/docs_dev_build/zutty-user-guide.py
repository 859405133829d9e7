#!/usr/bin/env python3
"""Build docs/zutty-user-guide.docx from the Zutty user guide (USAGE.org).

Source: /usr/share/doc/zutty/USAGE.org.gz from the Debian package
zutty 0.14.0.20230218+dfsg1-1 (Emacs Org-mode text).

The Org text is laid out as a Word document:
  #+TITLE:            -> Title
  * / ** / ***        -> Heading 1 / Heading 2 / Heading 3
  "- " items          -> List Bullet
  "0. ", "1. " items  -> List Number
  | ... | tables      -> Word table (first row = bold header row)
  ": " lines          -> monospace paragraph style "Code"
  other text          -> Normal paragraphs
Only the Org markup is removed (=verbatim= -> Courier New run,
/italic/ -> italic run, [[target][description]] -> description,
[[target]] -> target, a trailing "\\" line break marker); the words are
not changed.  The #+OPTIONS / #+HTML_HEAD lines are dropped.

The guide is trimmed at a chapter boundary: everything from the chapter
"* Persistent configuration" to the end is left out.

Usage: build_docx.py OUTPUT.docx
"""
import gzip
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm, Pt

SRC = "/usr/share/doc/zutty/USAGE.org.gz"
STOP_AT = "* Persistent configuration"


def read_lines():
    with gzip.open(SRC, "rt", encoding="utf-8") as f:
        lines = f.read().split("\n")
    for i, line in enumerate(lines):
        if line.strip() == STOP_AT:
            return lines[:i]
    return lines


INLINE = re.compile(
    r"(\[\[(?P<ltarget>[^\]]+)\](?:\[(?P<ldesc>[^\]]+)\])?\]"
    r"|(?<![^\s(\"'])=(?P<verb>[^=\s](?:.*?[^\s])??)=(?=[\s.,;:!?)\"']|$)"
    r"|(?<![^\s(\"'])/(?P<ital>[^/\s](?:[^/]*?[^/\s])??)/(?=[\s.,;:!?)\"']|$)"
    r")")


def add_inline(par, text):
    """Add text to a paragraph, turning Org inline markup into run formatting."""
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            par.add_run(text[pos:m.start()])
        if m.group("ltarget") is not None:
            desc = m.group("ldesc")
            par.add_run((desc if desc is not None else m.group("ltarget")).replace("\n", " "))
        elif m.group("verb") is not None:
            par.add_run(m.group("verb")).font.name = "Courier New"
        elif m.group("ital") is not None:
            par.add_run(m.group("ital")).italic = True
        pos = m.end()
    if pos < len(text):
        par.add_run(text[pos:])
    return par


def plain(text):
    """Cell text without Org markup."""
    par_text = []
    pos = 0
    for m in INLINE.finditer(text):
        par_text.append(text[pos:m.start()])
        if m.group("ltarget") is not None:
            par_text.append(m.group("ldesc") or m.group("ltarget"))
        else:
            par_text.append(m.group("verb") or m.group("ital"))
        pos = m.end()
    par_text.append(text[pos:])
    return "".join(par_text)


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


def build(out):
    lines = read_lines()
    doc = make_doc()
    n = len(lines)
    i = 0
    title = None

    while i < n:
        line = lines[i]
        s = line.strip()
        if not s:
            i += 1
            continue
        # in-buffer settings
        if s.startswith("#+"):
            if s.upper().startswith("#+TITLE:"):
                title = s.split(":", 1)[1].strip()
                doc.add_heading(title, level=0)
            i += 1
            continue
        # headings
        m = re.match(r"(\*+) (.*)", line)
        if m:
            doc.add_heading(m.group(2).strip(), level=min(len(m.group(1)), 3))
            i += 1
            continue
        # fixed-width (code) lines
        if s == ":" or s.startswith(": "):
            while i < n and (lines[i].strip() == ":" or lines[i].strip().startswith(": ")):
                t = lines[i].strip()
                doc.add_paragraph(t[2:] if len(t) > 1 else "", style="Code")
                i += 1
            continue
        # tables
        if s.startswith("|"):
            rows = []
            while i < n and lines[i].strip().startswith("|"):
                t = lines[i].strip()
                if not t.startswith("|-"):
                    rows.append([c.strip() for c in t.strip("|").split("|")])
                i += 1
            table = doc.add_table(rows=1, cols=len(rows[0]))
            table.style = "Table Grid"
            for k, h in enumerate(rows[0]):
                cell = table.rows[0].cells[k]
                cell.text = ""
                cell.paragraphs[0].add_run(plain(h)).bold = True
            for row in rows[1:]:
                cells = table.add_row().cells
                for k, v in enumerate(row):
                    cells[k].text = plain(v)
            continue
        # bullet list item (continuation lines indented)
        m = re.match(r"- (.*)", s)
        ind = len(line) - len(line.lstrip(" "))
        if m:
            buf = [m.group(1)]
            i += 1
            while i < n and lines[i].strip() and len(lines[i]) - len(lines[i].lstrip(" ")) > ind:
                buf.append(lines[i].strip())
                i += 1
            add_inline(doc.add_paragraph(style="List Bullet"), " ".join(buf))
            continue
        # numbered list item
        m = re.match(r"\d+\. (.*)", s)
        if m:
            buf = [m.group(1)]
            i += 1
            while i < n and lines[i].strip() and len(lines[i]) - len(lines[i].lstrip(" ")) > ind:
                buf.append(lines[i].strip())
                i += 1
            add_inline(doc.add_paragraph(style="List Number"), " ".join(buf))
            continue
        # ordinary paragraph: until blank line or a different block
        buf = []
        while i < n and lines[i].strip():
            t = lines[i].strip()
            if buf and (t.startswith(": ") or t == ":" or t.startswith("|")
                        or re.match(r"(\*+) ", lines[i]) or re.match(r"- ", t)):
                break
            buf.append(t)
            i += 1
        text = " ".join(buf)
        if text.endswith("\\\\"):
            text = text[:-2].rstrip()
        text = text.replace("\\\\ ", " ")
        add_inline(doc.add_paragraph(style="Normal"), text)

    doc.core_properties.title = title or "Zutty user guide"
    doc.core_properties.author = "Tom Szilagyi"
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: build_docx.py OUTPUT.docx")
    build(sys.argv[1])
