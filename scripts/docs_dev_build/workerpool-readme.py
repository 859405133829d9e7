"""Build workerpool-readme.docx: the README of the npm package workerpool, laid out as Word.

Source: README.md of the npm package workerpool 10.0.3 (`npm pack workerpool`,
then `tar xzf workerpool-10.0.3.tgz`, file `package/README.md`).

Usage: python build_workerpool-readme.py OUT.docx [SOURCE]
    SOURCE defaults to package/README.md in the current directory.

Licence: workerpool and its README are Copyright (C) 2014-2026 Jos de Jong,
under the Apache License, Version 2.0 (package/LICENSE, "license": "Apache-2.0"
in package/package.json), which permits reproducing and redistributing the
text, modified or not.

Mapping from Markdown to Word (no sentence is reworded):
    # / ## / ### / #### heading      -> Heading 1 / 2 / 3 / 4
    paragraph lines                  -> one Normal paragraph (lines joined by spaces)
    "- item" (+ continuation lines)  -> List Bullet (continuation lines joined by spaces)
    "  - item" / "    - item"      -> List Bullet 2 / List Bullet 3 (nested by 2 / 4 spaces)
    indented paragraph inside a list -> List Continue
    "> quoted lines"                 -> Quote
    ``` fenced code ``` and blocks
    indented by 4 spaces outside a list
                                     -> one 'Code' paragraph per code line (monospace)
    `code` / **bold** / _em_ / *em*  -> monospace run / bold run / italic run, markers removed
    [text](url)                      -> the link text
    <br> line ends                   -> a space (the lines are joined)
    badge lines (images only)        -> left out (pictures, not text)
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|(?<![\w*])\*[^*\s][^*]*\*(?![\w*])|(?<!\w)_[^_\s][^_]*_(?!\w))")
LINK = re.compile(r"(?<!!)\[([^\]]*)\]\([^)]*\)")
BADGE = re.compile(r"^\s*(\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)\s*)+$")
HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
BULLET = re.compile(r"^(\s*)[-*]\s+(.*)$")
FENCE = re.compile(r"^(\s*)```")


def code_style(doc):
    """Return the 'Code' paragraph style, creating it if needed."""
    styles = doc.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def plain(text):
    """Drop link targets and <br> tags, keeping the visible text."""
    kept = []

    def hold(m):
        kept.append(m.group(0))
        return f"\0{len(kept) - 1}\0"

    text = re.sub(r"`[^`]+`", hold, text)
    text = LINK.sub(lambda m: m.group(1), text)
    text = re.sub(r"\s*<br>\s*", " ", text)
    return re.sub(r"\0(\d+)\0", lambda m: kept[int(m.group(1))], text).strip()


def add_runs(par, text):
    """Add text to a paragraph, turning inline Markdown into run formatting."""
    for part in INLINE.split(plain(text)):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = par.add_run(part[1:-1])
            run.font.name = "Courier New"
        elif part.startswith("**") and part.endswith("**") and len(part) > 4:
            par.add_run(part[2:-2]).bold = True
        elif len(part) > 2 and part[0] == part[-1] and part[0] in "*_" and INLINE.fullmatch(part):
            par.add_run(part[1:-1]).italic = True
        else:
            par.add_run(part)


def indent_of(line):
    return len(line) - len(line.lstrip(" "))


def build(source, out):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    code = code_style(doc)
    buf = []  # pending text lines of the current block
    kind = None  # style of the pending block
    in_list = False
    after_blank = False

    def flush():
        nonlocal buf, kind
        if buf:
            add_runs(doc.add_paragraph(style=kind), " ".join(s.strip() for s in buf))
        buf, kind = [], None

    i = 0
    while i < len(lines):
        line = lines[i]
        fence = FENCE.match(line)
        if fence:
            flush()
            pad = len(fence.group(1))
            i += 1
            while i < len(lines) and not FENCE.match(lines[i]):
                body = lines[i]
                body = body[pad:] if body[:pad].strip() == "" else body.lstrip()
                doc.add_paragraph(body, style=code)
                i += 1
            i += 1
            after_blank = False
            continue
        if not line.strip():
            flush()
            after_blank = True
            i += 1
            continue
        if BADGE.match(line):
            i += 1
            continue
        ind = indent_of(line)
        heading = HEADING.match(line)
        bullet = BULLET.match(line)
        if heading:
            flush()
            in_list = False
            add_runs(doc.add_heading(level=min(len(heading.group(1)), 4)), heading.group(2))
        elif bullet:
            flush()
            in_list = True
            depth = len(bullet.group(1))
            kind = "List Bullet 3" if depth >= 4 else "List Bullet 2" if depth >= 2 else "List Bullet"
            buf = [bullet.group(2)]
        elif line.startswith(">"):
            if kind != "Quote":
                flush()
                kind = "Quote"
            in_list = False
            buf.append(line.lstrip(">").strip())
        elif ind >= 4 and after_blank and not in_list:
            flush()
            while i < len(lines) and (indent_of(lines[i]) >= 4 or not lines[i].strip()):
                if lines[i].strip():
                    doc.add_paragraph(lines[i][4:], style=code)
                i += 1
            after_blank = True
            continue
        elif ind >= 2 and in_list and after_blank:
            flush()
            kind = "List Continue"
            buf = [line]
        elif ind == 0 and after_blank:
            flush()
            in_list = False
            kind = "Normal"
            buf = [line]
        else:
            if kind is None:
                kind = "Normal"
            buf.append(line)
        after_blank = False
        i += 1
    flush()
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    build(sys.argv[2] if len(sys.argv) == 3 else "package/README.md", sys.argv[1])
