"""Build icdiff-readme.docx: the icdiff README laid out in Word, without rewording it.

Usage: python build_icdiff-readme.py OUT.docx [SOURCE]

Source: the README.md of icdiff 2.0.6 (Jeff Kaufman, https://github.com/jeffkaufman/icdiff),
as shipped in Debian bookworm's package icdiff 2.0.6-1 as the long description of
/usr/lib/python3/dist-packages/icdiff-2.0.6.egg-info/PKG-INFO (the body after the header block).
Default SOURCE: /tmp/s25/bH/fetch/icdiff-README.md, extracted from that file with
  awk 'f;/^$/&&!f{f=1}' PKG-INFO > icdiff-README.md

Licence: Python Software Foundation License (icdiff is derived from difflib.HtmlDiff; see the
README's own "License" section and /usr/share/doc/icdiff/copyright, "License: Python"), which
permits redistribution.

Mapping, Markdown -> Word:
  "# ", "## ", "### " headings  -> Heading 1, Heading 2, Heading 3
  paragraph (consecutive lines)  -> one Normal paragraph, lines joined with a space
  "* " list items                -> 'List Bullet' paragraphs
  fenced code block (```)        -> one paragraph per line in the monospace 'Code' style
                                    (Courier New 9 pt, leading spaces kept)
  `inline code`                  -> a Courier New run, backticks removed
  [text](url) links              -> the text alone (link markup removed)
  ![alt](url) image              -> left out (a picture the README only links to)
Words are not changed.
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "/tmp/s25/bH/fetch/icdiff-README.md"
MONO = "Courier New"

LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)\s*$")


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = MONO
    style.font.size = Pt(9)
    fmt = style.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    return style


def add_inline(paragraph, text):
    """Add text with links reduced to their text and `code` spans as monospace runs."""
    text = LINK.sub(r"\1", text)
    for i, part in enumerate(re.split(r"`([^`]*)`", text)):
        if not part:
            continue
        run = paragraph.add_run(part)
        if i % 2 == 1:
            run.font.name = MONO


def build(out, source):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    code_style(doc)
    para = []  # pending lines of a Normal paragraph
    in_code = False

    def flush():
        if para:
            add_inline(doc.add_paragraph(), " ".join(s.strip() for s in para))
            para.clear()

    for line in lines:
        if line.startswith("```"):
            flush()
            in_code = not in_code
            continue
        if in_code:
            doc.add_paragraph(line, style="Code")
            continue
        if not line.strip():
            flush()
            continue
        m = re.match(r"^(#{1,3}) (.*)$", line)
        if m:
            flush()
            add_inline(doc.add_heading(level=len(m.group(1))), m.group(2))
            continue
        if IMAGE.match(line):
            flush()
            continue
        if line.startswith("* "):
            flush()
            add_inline(doc.add_paragraph(style="List Bullet"), line[2:].strip())
            continue
        para.append(line)
    flush()
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    build(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else DEFAULT_SOURCE)
