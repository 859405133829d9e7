#!/usr/bin/env python3
"""Build docs/feh-readme.docx from the feh 3.9.1 README.md.

Source: usr/share/doc/feh/README.md.gz from the Debian package
feh 3.9.1-2 (not installed here: fetched with `apt-get download feh` and
unpacked with `dpkg -x feh_3.9.1-2_amd64.deb x_feh`).  SRC below is where
the batch that made the file had unpacked it (/tmp/s18/bB/tools/x_feh);
another copy, compressed or not, can be given as the second argument.

The Markdown is laid out as a Word document:
  * the document heading ("Feh – Image viewer and Cataloguer")  -> Title
  * setext / ATX section headings                                -> Heading 1
  * stand-alone bold label paragraphs in "Installation"
    ("For end users:", "For package maintainers ...:") and the
    "If built with ...:" lines in "Dependencies"                 -> Heading 2
  * the bold term of the PREFIX / DESTDIR definitions            -> Heading 3
    (the rest of that paragraph follows as a Normal paragraph)
  * "* item" lists                                               -> List Bullet
  * the make-flags pipe table                                    -> Word table, bold header row
  * fenced code blocks                                           -> "Code" paragraph style (Courier New)
  * other text                                                   -> Normal paragraphs
(The README has no numbered list, so List Number is not used.)
Only Markdown markup is removed (**x** -> bold run, `x` -> Courier run,
_x_ -> italic run, [text](url) -> text); the words are not changed.
The build-status badge image on the first line is dropped.

Usage: python scripts/docs_dev_build/feh-readme.py OUTPUT.docx [SOURCE_README.md[.gz]]
"""
import gzip
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm, Pt

SRC = "/tmp/s18/bB/tools/x_feh/usr/share/doc/feh/README.md.gz"

# Lines of the "Dependencies" section that introduce a sub-list.
H2_LINES = {"If built with exif=1:", "If built with magic=1:"}

INLINE = re.compile(
    r"(\*\*(?P<bold>.+?)\*\*"
    r"|`(?P<code>[^`]+)`"
    r"|(?<![\w/])_(?P<ital>[^_]+?)_(?![\w/])"
    r"|\[(?P<ltext>[^\]]+)\]\((?P<url>[^)]+)\)"
    r")", re.S)


def add_inline(par, text, bold=False):
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            r = par.add_run(text[pos:m.start()])
            r.bold = bold or None
        if m.group("bold") is not None:
            add_inline(par, m.group("bold"), bold=True)
        elif m.group("code") is not None:
            r = par.add_run(m.group("code"))
            r.font.name = "Courier New"
            r.bold = bold or None
        elif m.group("ital") is not None:
            r = par.add_run(m.group("ital"))
            r.italic = True
            r.bold = bold or None
        elif m.group("ltext") is not None:
            r = par.add_run(re.sub(r"\s+", " ", m.group("ltext")))
            r.bold = bold or None
        pos = m.end()
    if pos < len(text):
        r = par.add_run(text[pos:])
        r.bold = bold or None
    return par


def plain(text):
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
    text = re.sub(r"`([^`]+)`", r"\1", text)
    return text.strip()


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


def build(src, out):
    opener = gzip.open if src.endswith(".gz") else open
    with opener(src, "rt", encoding="utf-8") as f:
        lines = f.read().split("\n")
    doc = make_doc()
    n = len(lines)
    i = 0
    title_done = False
    while i < n:
        line = lines[i]
        s = line.strip()
        if not s:
            i += 1
            continue
        # badge image
        if s.startswith("[![") and i == 0:
            i += 1
            continue
        # setext heading: text line followed by --- / ===
        if i + 1 < n and re.fullmatch(r"-{3,}|={3,}", lines[i + 1].strip()) and not s.startswith("|"):
            if not title_done:
                doc.add_heading(s, level=0)
                title_done = True
            else:
                doc.add_heading(s, level=1)
            i += 2
            continue
        # fenced code block
        if s.startswith("```"):
            i += 1
            while i < n and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i], style="Code")
                i += 1
            i += 1
            continue
        # pipe table
        if s.startswith("|"):
            rows = []
            while i < n and lines[i].strip().startswith("|"):
                cells = [c.strip() for c in lines[i].strip().strip("|").split("|")]
                if not all(re.fullmatch(r":?-+:?", c) for c in cells):
                    rows.append(cells)
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
                    cells[k].text = ""
                    add_inline(cells[k].paragraphs[0], v)
            continue
        # bullet list
        if s.startswith("* "):
            item = s[2:]
            i += 1
            while i < n and lines[i].strip() and not lines[i].strip().startswith("* "):
                item += " " + lines[i].strip()
                i += 1
            add_inline(doc.add_paragraph(style="List Bullet"), re.sub(r"\s+", " ", item))
            continue
        if s in H2_LINES:
            doc.add_heading(s, level=2)
            i += 1
            continue
        # paragraph
        buf = []
        while i < n and lines[i].strip() and not lines[i].strip().startswith(("```", "|", "* ")):
            buf.append(lines[i].strip())
            i += 1
        text = " ".join(buf)
        # stand-alone bold label ("**For end users:**")
        m = re.fullmatch(r"\*\*([^*]+)\*\*", text)
        if m:
            doc.add_heading(m.group(1), level=2)
            continue
        # definition with bold term: "**PREFIX _(default: /usr/local)_** controls ..."
        m = re.match(r"\*\*((?:PREFIX|DESTDIR) _\(default: [^)]*\)_)\*\* (.*)", text)
        if m:
            h = doc.add_heading("", level=3)
            add_inline(h, m.group(1))
            add_inline(doc.add_paragraph(style="Normal"), m.group(2))
            continue
        add_inline(doc.add_paragraph(style="Normal"), text)
    doc.core_properties.title = "feh - Image viewer and Cataloguer (README)"
    doc.core_properties.author = "Tom Gilbert, Daniel Friesel"
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: feh-readme.py OUTPUT.docx [SOURCE_README.md[.gz]]")
    build(sys.argv[2] if len(sys.argv) == 3 else SRC, sys.argv[1])
