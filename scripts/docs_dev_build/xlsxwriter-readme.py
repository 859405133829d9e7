"""Lay the XlsxWriter README out as a Word document, without rewording it.

Usage: python build_xlsxwriter-readme.py OUT.docx [SOURCE]

Source: the README of XlsxWriter 3.3.1 (by John McNamara), i.e. the long
description (reStructuredText) in the body of
/work/main/.venv/lib/python3.11/site-packages/xlsxwriter-3.3.1.dist-info/METADATA
after its header block (the part after the first blank line).  SOURCE may be
that METADATA file (the header is skipped) or a plain README.rst; it defaults
to the METADATA path above.

Licence: XlsxWriter is released under the BSD 2-Clause licence
(METADATA "License-Expression: BSD-2-Clause"; LICENSE.txt in the dist-info).

Mapping (reStructuredText -> Word):
- a title line underlined with "=" -> 'Title' style; underlined with "-" or "~"
  -> 'Heading 1' / 'Heading 2';
- "* item" bullet lines -> 'List Bullet' paragraphs; "#. item" / "1. item"
  -> 'List Number';
- ".. code-block::" blocks (the indented lines after it) -> one paragraph per
  code line in a 'Code' paragraph style (Courier New 9 pt); blank code lines
  are kept as empty code paragraphs;
- ".. image:: URL" -> left out (a badge/screenshot the reader cannot see in
  Word); no other text is dropped;
- ordinary paragraphs: consecutive lines joined with one space;
- inline markup removed: **bold** -> a bold run, ``code``/`x`_ / `text <url>`_
  -> their text; bare URLs are kept as written.
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT = "/work/main/.venv/lib/python3.11/site-packages/xlsxwriter-3.3.1.dist-info/METADATA"


def read_source(path: str) -> list[str]:
    text = Path(path).read_text(encoding="utf-8")
    if Path(path).name == "METADATA":
        text = text.split("\n\n", 1)[1]
    return text.splitlines()


def strip_inline(text: str) -> str:
    text = re.sub(r"`([^`<]+?)\s*<[^>]+>`_+", r"\1", text)  # `text <url>`_
    text = re.sub(r"``([^`]+)``", r"\1", text)
    text = re.sub(r"`([^`]+)`_*", r"\1", text)
    return text


def add_runs(paragraph, text: str) -> None:
    """Add text, turning **bold** into bold runs."""
    for i, part in enumerate(re.split(r"\*\*(.+?)\*\*", strip_inline(text))):
        if part:
            run = paragraph.add_run(part)
            run.bold = i % 2 == 1


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def build(lines: list[str], out: str) -> None:
    doc = Document()
    code_style(doc)
    i, n = 0, len(lines)
    para: list[str] = []

    def flush():
        if para:
            add_runs(doc.add_paragraph(), " ".join(s.strip() for s in para))
            para.clear()

    while i < n:
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < n else ""
        if line.strip() and re.fullmatch(r"([=\-~])\1{2,}", nxt.strip()) and len(nxt.strip()) >= len(line.strip()):
            flush()
            level = {"=": 0, "-": 1, "~": 2}[nxt.strip()[0]]
            doc.add_heading(strip_inline(line.strip()), level)
            i += 2
            continue
        if line.startswith(".. code-block::") or line.rstrip().endswith("::") and line.startswith(".. code"):
            flush()
            i += 1
            block: list[str] = []
            while i < n and (not lines[i].strip() or lines[i].startswith((" ", "\t"))):
                block.append(lines[i])
                i += 1
            while block and not block[0].strip():
                block.pop(0)
            while block and not block[-1].strip():
                block.pop()
            indent = min(len(b) - len(b.lstrip()) for b in block if b.strip())
            for b in block:
                doc.add_paragraph(b[indent:] if b.strip() else "", style="Code")
            continue
        if line.startswith(".. image::"):
            flush()
            i += 1
            continue
        m = re.match(r"^\s*([*\-+]|#\.|\d+\.)\s+(.*)", line)
        if m:
            flush()
            item = [m.group(2)]
            i += 1
            while i < n and lines[i].strip() and lines[i].startswith("  ") and not re.match(r"^\s*([*\-+]|#\.|\d+\.)\s", lines[i]):
                item.append(lines[i].strip())
                i += 1
            style = "List Bullet" if m.group(1) in "*-+" else "List Number"
            add_runs(doc.add_paragraph(style=style), " ".join(item))
            continue
        if not line.strip():
            flush()
        else:
            para.append(line)
        i += 1
    flush()
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    build(read_source(sys.argv[2] if len(sys.argv) > 2 else DEFAULT), sys.argv[1])
