"""Lay the VIT README out as a Word document, without rewording it.

Usage: python build_vit-readme.py OUT.docx [SOURCE]

Source: README.md of VIT (Visual Interactive Taskwarrior) 2.2.0, shipped in the Debian
bookworm package vit 2.2.0-2 as /usr/share/doc/vit/README.md
(fetched with `apt-get download vit && dpkg -x vit_2.2.0-2_all.deb x`).
Default SOURCE: /usr/share/doc/vit/README.md, where the package installs it (not gzipped).
vit is not installed here: the batch read a copy of x/usr/share/doc/vit/README.md from the
unpacked .deb, so pass such a copy as SOURCE.
Licence: Expat (MIT), Copyright 2019 Chad Phillips, as stated in /usr/share/doc/vit/copyright.

Mapping from Markdown to Word:
  '#'..'######' headings        -> 'Heading 1'..'Heading 6' (level = number of '#', max 6)
  ' * ' / '- ' list items        -> 'List Bullet' paragraphs
  '1. ' list items               -> 'List Number' paragraphs
  '|' pipe tables                -> Word tables ('Table Grid'), header row first
  fenced (```) or 4-space code   -> one paragraph per code line in the monospace 'Code' style
  other lines                    -> 'Normal' paragraphs; consecutive lines are joined with a space
  inline markup                  -> removed: [text](url) -> text, *em*/**strong** -> text
                                    (kept as italic/bold runs), `code` and ```code``` -> text in a
                                    monospace run, HTML tags such as <img .../> dropped
The words themselves are not changed.
"""
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

SRC = "/usr/share/doc/vit/README.md"


def code_style(doc):
    st = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    st.base_style = doc.styles["Normal"]
    st.font.name = "Courier New"
    st.font.size = Pt(9)
    st.paragraph_format.space_after = Pt(0)
    return st


INLINE = re.compile(r"(```.+?```|`[^`]+`|\*\*[^*]+\*\*|\*[^*]+\*)")


def clean(text):
    text = re.sub(r"<[^>]+>", "", text)                      # HTML tags
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)    # images
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)     # inline links
    text = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", text)    # reference links
    return text


def add_runs(par, text):
    for part in INLINE.split(clean(text)):
        if not part:
            continue
        if part.startswith("`"):  # `code` and ```code```
            r = par.add_run(part.strip("`"))
            r.font.name = "Courier New"
        elif part.startswith("**"):
            par.add_run(part[2:-2]).bold = True
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            par.add_run(part[1:-1]).italic = True
        else:
            par.add_run(part)


def build(out, src):
    with open(src, encoding="utf-8") as f:
        lines = f.read().splitlines()
    doc = Document()
    code_style(doc)
    para = []  # pending normal-paragraph lines

    def flush():
        if para:
            text = " ".join(s.strip() for s in para)
            if clean(text).strip():
                add_runs(doc.add_paragraph(style="Normal"), text)
            para.clear()

    i = 0
    in_fence = False
    while i < len(lines):
        line = lines[i]
        if re.match(r"^\s*```[\w+-]*\s*$", line):
            flush()
            in_fence = not in_fence
            i += 1
            continue
        if in_fence:
            doc.add_paragraph(line, style="Code")
            i += 1
            continue
        if not line.strip():
            flush()
            i += 1
            continue
        m = re.match(r"^(#{1,6})\s+(.*)$", line)
        if m:
            flush()
            add_runs(doc.add_heading(level=len(m.group(1))), m.group(2).strip())
            i += 1
            continue
        if re.match(r"^\s*\|.*\|\s*$", line):
            flush()
            rows = []
            while i < len(lines) and re.match(r"^\s*\|.*\|\s*$", lines[i]):
                cells = [c.strip() for c in lines[i].strip().strip("|").split("|")]
                if not all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
                    rows.append(cells)
                i += 1
            table = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            table.style = "Table Grid"
            for r, cells in enumerate(rows):
                for c, text in enumerate(cells):
                    cell = table.cell(r, c)
                    add_runs(cell.paragraphs[0], text)
            continue
        m = re.match(r"^\s{0,3}[*+-]\s+(.*)$", line)
        if m:
            flush()
            add_runs(doc.add_paragraph(style="List Bullet"), m.group(1))
            i += 1
            continue
        m = re.match(r"^\s{0,3}\d+[.)]\s+(.*)$", line)
        if m:
            flush()
            add_runs(doc.add_paragraph(style="List Number"), m.group(1))
            i += 1
            continue
        if line.startswith("    ") and not para:
            doc.add_paragraph(line[4:], style="Code")
            i += 1
            continue
        para.append(line)
        i += 1
    flush()
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    build(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else SRC)
