"""Build docs/hash_wasm-readme.docx, a Word version of the hash-wasm README.

Source: npm registry, package hash-wasm 4.13.0, file package/README.md
(`npm pack hash-wasm@4.13.0 && tar xzf hash-wasm-4.13.0.tgz`). Licence: MIT
(package.json "license"; LICENSE, Copyright (c) 2020 Dani Biró).

Usage: python build/build_hash_wasm-readme.py OUT.docx SOURCE

The Markdown is laid out as a person would in Word, with the text not reworded:
the first "#" heading becomes the Title and the others Heading 1, "###" headings
Heading 2; "-" lists become List Bullet paragraphs; pipe tables become Word
tables (header row bold); fenced code blocks use a Courier New "Source Code"
paragraph style, inline code a monospaced run; links keep their text only;
**bold** and _italic_ become bold and italic runs. Badge images, the lone "#"
separators and the <br/> spacers are left out. Core-property dates are fixed
at 2024-01-01 and the zip entries get a fixed timestamp, so a rebuild is
byte-identical.
"""
import datetime as dt
import io
import pathlib
import re
import sys
import zipfile

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

FIXED = dt.datetime(2024, 1, 1, 0, 0, 0)
MONO = "Courier New"

INLINE = re.compile(
    r"(\*\*(?P<b>.+?)\*\*)"            # bold
    r"|(`(?P<c>[^`]+)`)"                # inline code
    r"|(\[(?P<lt>[^\]]+)\]\((?P<lu>[^)]+)\))"  # link -> text
    r"|(?<![\w\\])_(?P<i>.+?)_(?!\w)"   # italic
)


def unescape(text: str) -> str:
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!|])", r"\1", text)


def add_inline(par, text: str, bold=False, italic=False) -> None:
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            r = par.add_run(unescape(text[pos:m.start()]))
            r.bold, r.italic = bold or None, italic or None
        if m.group("b") is not None:
            add_inline(par, m.group("b"), True, italic)
        elif m.group("c") is not None:
            r = par.add_run(m.group("c"))
            r.font.name = MONO
            r.bold, r.italic = bold or None, italic or None
        elif m.group("lt") is not None:
            add_inline(par, m.group("lt"), bold, italic)
        elif m.group("i") is not None:
            add_inline(par, m.group("i"), bold, True)
        pos = m.end()
    if pos < len(text):
        r = par.add_run(unescape(text[pos:]))
        r.bold, r.italic = bold or None, italic or None


def split_row(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|"):
        line = line[:-1]
    return [c.strip() for c in line.split("|")]


def build(out: str, source: str) -> None:
    lines = pathlib.Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    styles = doc.styles
    code_style = styles.add_style("Source Code", WD_STYLE_TYPE.PARAGRAPH)
    code_style.base_style = styles["Normal"]
    code_style.font.name = MONO
    code_style.font.size = Pt(9)
    code_style.paragraph_format.space_after = Pt(0)

    title_done = False
    i = 0
    para: list[str] = []

    def flush():
        nonlocal para
        if para:
            text = " ".join(s.strip() for s in para)
            p = doc.add_paragraph()
            add_inline(p, text)
            para = []

    while i < len(lines):
        line = lines[i]
        s = line.strip()
        if s.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i], style="Source Code")
                i += 1
            i += 1
            continue
        if not s or s in ("<br/>", "#") or s.startswith("[![") :
            flush()
            i += 1
            continue
        m = re.match(r"^(#+)\s+(.*)$", s)
        if m:
            flush()
            level = len(m.group(1))
            if level == 1 and not title_done:
                doc.add_heading(m.group(2), level=0)
                title_done = True
            else:
                h = doc.add_heading("", level=1 if level == 1 else 2)
                add_inline(h, m.group(2))
            i += 1
            continue
        if s.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                cells = split_row(lines[i])
                if not all(re.fullmatch(r":?-+:?", c) for c in cells):
                    rows.append(cells)
                i += 1
            ncol = max(len(r) for r in rows)
            table = doc.add_table(rows=len(rows), cols=ncol)
            table.style = "Table Grid"
            for r, cells in enumerate(rows):
                for c, cell in enumerate(cells):
                    p = table.cell(r, c).paragraphs[0]
                    add_inline(p, cell, bold=(r == 0))
            continue
        if re.match(r"^[-*] ", s):
            flush()
            p = doc.add_paragraph(style="List Bullet")
            add_inline(p, s[2:])
            i += 1
            continue
        if s.startswith("> "):
            flush()
            p = doc.add_paragraph(style="Quote")
            add_inline(p, s[2:])
            i += 1
            continue
        para.append(s)
        i += 1
    flush()

    cp = doc.core_properties
    cp.author = "hash-wasm contributors"
    cp.last_modified_by = ""
    cp.title = "hash-wasm"
    cp.subject = "README of hash-wasm 4.13.0"
    cp.comments = ""
    cp.keywords = ""
    cp.revision = 1
    cp.created = FIXED
    cp.modified = FIXED
    cp.last_printed = FIXED

    buf = io.BytesIO()
    doc.save(buf)
    buf.seek(0)
    with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, zin.read(info.filename))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    build(sys.argv[1], sys.argv[2])
