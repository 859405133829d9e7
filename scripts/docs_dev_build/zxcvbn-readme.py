"""Lay out the README of the npm package zxcvbn as a Word document.

Source: README.md of zxcvbn 4.4.2, Dropbox's password strength estimator
(https://github.com/dropbox/zxcvbn), fetched with
`npm pack zxcvbn@4.4.2 && tar xzf zxcvbn-4.4.2.tgz`, which leaves it at package/README.md.

Usage: python build_zxcvbn-readme.py OUT.docx [SOURCE]
    SOURCE defaults to package/README.md (relative to the current directory).

Licence: zxcvbn and its README are under the MIT License (Copyright (c) 2012-2016 Dan Wheeler
and Dropbox, Inc.; package.json and LICENSE.txt); OUT.docx keeps the text unchanged, so the
same licence applies to it.

Mapping (no sentence is reworded; only the Markdown markup becomes Word layout):
    "# ..." to "###### ..."        -> Heading 1 to Heading 6 (HTML anchors such as
                                      <a name="perf"></a> dropped)
    paragraph lines                -> one Normal paragraph (soft line breaks become spaces)
    "* ..." / "- ..." items        -> List Bullet
    "1. ..." items                 -> List Number
    fenced code blocks (``` ... ``` or a longer closing fence, any info string)
                                   -> one 'Code' paragraph per line (Courier New, 9 pt),
                                      blank lines inside kept as empty 'Code' paragraphs
    `code`                         -> run in Courier New
    __bold__ / **bold**            -> bold run
    [text](url)                    -> the link text
    badge lines (linked images)    -> left out (they are pictures, not text)
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

INLINE = re.compile(r"(`[^`]+`|__[^_]+__|\*\*[^*]+\*\*)")
IMAGE_LINK = re.compile(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
ANCHOR = re.compile(r"<a name=\"[^\"]*\"></a>")
HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
BULLET = re.compile(r"^(\s*)[-*]\s+(.*)$")
NUMBER = re.compile(r"^(\s*)\d+[.)]\s+(.*)$")
FENCE = re.compile(r"^\s*(`{3,})")


def add_inline(par, text):
    """Add text to par, turning inline Markdown markup into runs."""
    for part in INLINE.split(LINK.sub(r"\1", text)):
        if not part:
            continue
        if len(part) > 1 and part[0] == part[-1] == "`":
            par.add_run(part[1:-1]).font.name = "Courier New"
        elif len(part) > 4 and part[:2] in ("__", "**") and part[-2:] == part[:2]:
            par.add_run(part[2:-2]).bold = True
        else:
            par.add_run(part)


def code_style(doc):
    """Create the 'Code' paragraph style."""
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def is_block_start(line):
    """True if line starts something other than a running paragraph."""
    s = line.strip()
    return (not s or FENCE.match(line) is not None or HEADING.match(s) is not None
            or BULLET.match(line) is not None or NUMBER.match(line) is not None)


def build(source, out):
    """Read the Markdown README at source and write the Word file out."""
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    code_style(doc)
    i = 0
    while i < len(lines):
        line = lines[i]
        s = line.strip()
        if not s:
            i += 1
        elif FENCE.match(line):
            i += 1
            while i < len(lines) and not re.fullmatch(r"\s*`{3,}\s*", lines[i]):
                doc.add_paragraph(lines[i], style="Code")
                i += 1
            i += 1
        elif HEADING.match(s):
            m = HEADING.match(s)
            doc.add_heading("", level=len(m.group(1)))
            add_inline(doc.paragraphs[-1], ANCHOR.sub("", m.group(2)).strip())
            i += 1
        elif BULLET.match(line) or NUMBER.match(line):
            style = "List Bullet" if BULLET.match(line) else "List Number"
            text = (BULLET.match(line) or NUMBER.match(line)).group(2).strip()
            i += 1
            while i < len(lines) and lines[i].startswith("  ") and not is_block_start(lines[i]):
                text += " " + lines[i].strip()
                i += 1
            add_inline(doc.add_paragraph(style=style), text)
        else:
            buf = [s]
            i += 1
            while i < len(lines) and not is_block_start(lines[i]):
                buf.append(lines[i].strip())
                i += 1
            text = IMAGE_LINK.sub("", " ".join(buf)).strip()
            if text:
                add_inline(doc.add_paragraph(), text)
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    build(sys.argv[2] if len(sys.argv) == 3 else "package/README.md", sys.argv[1])
