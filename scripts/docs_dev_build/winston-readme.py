"""Lay out the README of winston (the Node.js logging library) as a Word document.

Usage: python build_winston-readme.py OUT.docx [SOURCE]

Source: README.md of the npm package winston 3.19.0 (`npm pack winston`, file
package/README.md inside winston-3.19.0.tgz); SOURCE defaults to
/tmp/s26/bA/fetch/npm/package/README.md.
Licence: MIT ("license": "MIT" in the package's package.json; LICENSE file in the
tarball, Copyright (c) 2010 Charlie Robbins).

The text is not reworded; only Markdown markup is translated:
- `#`..`######` headings          -> Word styles 'Heading 1'..'Heading 6'
- paragraphs (wrapped lines)      -> one 'Normal' paragraph, lines joined by a space
- `-`/`*`/`+` list items          -> 'List Bullet' ('List Bullet 2' when indented),
                                     continuation lines (indented or lazy) joined to the item
- `1.` numbered items             -> 'List Number'
- `>` block quotes                -> 'Quote' (a fenced block inside stays code)
- fenced code blocks (```)        -> one paragraph per line in the 'Code' style
                                     (Courier New 9 pt), fence lines dropped
- pipe tables                     -> Word tables ('Table Grid'), the |---| rule dropped
- inline `code`                   -> Courier New run; **bold** -> bold run; _x_/*x* -> italic
- links [text](url), [text][ref] and shortcut references [text] -> text only;
  images and badge lines, reference definitions, HTML tags and comments -> removed
"""
import re
import sys
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "/tmp/s26/bA/fetch/npm/package/README.md"
MONO = "Courier New"


def strip_links(text):
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [text](url)
    text = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", text)  # [text][ref]
    text = re.sub(r"\[([^\]]+)\]", r"\1", text)  # [text] shortcut reference
    text = re.sub(r"<!--.*?-->", "", text)
    text = re.sub(r"</?(?:a|img|p|br|s|sup|sub)\b[^>]*>", "", text)
    return text


def add_inline(par, text):
    """Add text to par: `code` in monospace, **bold** in bold, _x_ / *x* in italics."""
    codes = []

    def hide(m):
        codes.append(m.group(1))
        return f"\x00{len(codes) - 1}\x00"

    text = re.sub(r"`([^`]+)`", hide, text)  # code spans are left as they are
    text = strip_links(text)
    emphasis = r"(\*\*.+?\*\*|__.+?__|(?<![\w*])_[^_\s](?:[^_]*[^_\s])?_(?![\w*])|(?<![\w*])\*[^*\s](?:[^*]*[^*\s])?\*(?![\w*]))"

    def emit(text, bold, italic):  # emphasis may nest: **x** inside _..._
        for piece in re.split(emphasis, text):
            if not piece:
                continue
            if len(piece) > 4 and piece[:2] in ("**", "__") and piece[-2:] == piece[:2]:
                emit(piece[2:-2], True, italic)
                continue
            if len(piece) > 2 and piece[0] in "_*" and piece[-1] == piece[0]:
                emit(piece[1:-1], bold, True)
                continue
            for k, bit in enumerate(re.split(r"\x00(\d+)\x00", piece)):
                if k % 2:
                    run = par.add_run(codes[int(bit)])
                    run.font.name = MONO
                elif bit:
                    run = par.add_run(bit)
                else:
                    continue
                run.bold = bold or None
                run.italic = italic or None

    emit(text, False, False)


def cells_of(row):
    row = row.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|"):
        row = row[:-1]
    return [c.strip() for c in row.split("|")]


def build(out, source):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    document = docx.Document()
    code = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = document.styles["Normal"]
    code.font.name = MONO
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(0)

    i = 0
    para = []  # pending paragraph lines

    def flush():
        if para:
            p = document.add_paragraph()
            add_inline(p, " ".join(s.strip() for s in para))
            para.clear()

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        quoted = stripped.startswith(">")
        body = re.sub(r"^>\s?", "", stripped) if quoted else line
        # fenced code (possibly inside a block quote)
        if body.strip().startswith("```"):
            flush()
            i += 1
            while i < len(lines):
                inner = lines[i]
                if quoted:
                    inner = re.sub(r"^\s*>\s?", "", inner)
                if inner.strip().startswith("```"):
                    break
                document.add_paragraph(inner.rstrip(), style="Code")
                i += 1
            i += 1
            continue
        if not stripped:
            flush()
            i += 1
            continue
        if re.match(r"^\[[^\]]+\]:\s+\S+$", stripped):  # reference definition
            flush()
            i += 1
            continue
        if not strip_links(stripped).strip():  # badge / image-only line
            flush()
            i += 1
            continue
        m = re.match(r"^(#{1,6})\s+(.*)$", stripped)
        if m:
            flush()
            h = document.add_paragraph(style=f"Heading {len(m.group(1))}")
            add_inline(h, m.group(2).strip())
            i += 1
            continue
        if stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                cells = cells_of(lines[i])
                if not all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
                    rows.append(cells)
                i += 1
            width = max(len(r) for r in rows)
            table = document.add_table(rows=0, cols=width)
            table.style = "Table Grid"
            for r, cells in enumerate(rows):
                row = table.add_row().cells
                for c, text in enumerate(cells):
                    p = row[c].paragraphs[0]
                    add_inline(p, text)
                    if r == 0:
                        for run in p.runs:
                            run.bold = True
            continue
        m = re.match(r"^(\s*)([-*+]|\d+\.)\s+(.*)$", body)
        if m:
            flush()
            indent = len(m.group(1))
            numbered = m.group(2)[0].isdigit()
            item = [m.group(3)]
            i += 1
            while i < len(lines):
                nxt = lines[i]
                if quoted:
                    nxt = re.sub(r"^\s*>\s?", "", nxt)
                if not nxt.strip() or re.match(r"^\s*([-*+]|\d+\.)\s+|^\s*(#|\||```)", nxt):
                    break
                item.append(nxt.strip())
                i += 1
            style = "List Number" if numbered else "List Bullet"
            if indent >= 2:
                style += " 2"
            p = document.add_paragraph(style=style)
            add_inline(p, " ".join(item))
            continue
        if quoted:
            flush()
            block = []
            while i < len(lines) and lines[i].strip().startswith(">"):
                inner = re.sub(r"^\s*>\s?", "", lines[i])
                if inner.strip().startswith("```") or not inner.strip():
                    break
                block.append(inner.strip())
                i += 1
            if block:
                p = document.add_paragraph(style="Quote")
                add_inline(p, " ".join(block))
            else:
                i += 1
            continue
        para.append(line)
        i += 1
    flush()
    document.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    build(sys.argv[1], sys.argv[2] if len(sys.argv) == 3 else DEFAULT_SOURCE)
