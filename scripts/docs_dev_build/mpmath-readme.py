"""Lay out mpmath's README (reStructuredText) as a Word document, without rewording it.

Usage: python build_mpmath-readme.py OUT.docx [SOURCE]

Source: the long description of mpmath 1.3.0 as shipped on PyPI, i.e. the body (after the first
blank line that ends the e-mail style header block) of
/work/main/.venv/lib/python3.11/site-packages/mpmath-1.3.0.dist-info/METADATA, which is the
README.rst of https://github.com/fredrik-johansson/mpmath at release 1.3.0. SOURCE may also be a
plain README.rst; a file that starts with "Metadata-Version:" has its header block dropped.

Licence: mpmath is free software under the New BSD License (3-clause BSD), as stated in the README
itself ("Mpmath is free software released under the New BSD License") and in the METADATA
(License: BSD; Classifier: License :: OSI Approved :: BSD License).

Mapping (reStructuredText -> Word):
  * a title underlined with "=" (the document title)  -> 'Title' style
  * a section title underlined with "-"                -> 'Heading 1'
  * bullet items ("* " / "- ", continuation lines indented) -> 'List Bullet', lines joined by a space
  * enumerated items ("1. ", "#. ")                    -> 'List Number'
  * a paragraph that is only an inline literal (``pip install mpmath``) and literal blocks
    (after "::", indented)                             -> one paragraph per line in a 'Code' style
                                                          (Courier New 9 pt)
  * other paragraphs: their lines joined by a space    -> 'Normal'
  * simple/grid tables (none in this README)           -> Word tables ('Table Grid')
  * badge substitutions (|pypi version| ...) and the ".. |x| image::" directives with their
    options, and comments, are images/markup only      -> dropped
  * inline markup: ``literal`` and *emphasis* markers are removed, `text <url>`_ links keep only
    their text; bare URLs are kept as text.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = (
    "/work/main/.venv/lib/python3.11/site-packages/mpmath-1.3.0.dist-info/METADATA"
)


def read_source(path: str) -> list[str]:
    text = Path(path).read_text(encoding="utf-8")
    if text.startswith("Metadata-Version:"):
        text = text.split("\n\n", 1)[1]
    return text.splitlines()


def inline(text: str) -> str:
    text = re.sub(r"`([^`<]+?)\s*<[^>]+>`_+", r"\1", text)  # `text <url>`_ -> text
    text = re.sub(r"``(.+?)``", r"\1", text)
    text = re.sub(r"(?<![\w*])\*\*(.+?)\*\*(?![\w*])", r"\1", text)
    text = re.sub(r"(?<![\w*])\*([^*\s][^*]*?)\*(?![\w*])", r"\1", text)
    text = re.sub(r"`([^`]+)`_?", r"\1", text)
    return text


def code_style(doc: Document) -> str:
    if "Code" not in [s.name for s in doc.styles]:
        style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        style.font.name = "Courier New"
        style.font.size = Pt(9)
        style.paragraph_format.space_after = Pt(0)
    return "Code"


def is_underline(line: str, ch: str) -> bool:
    return len(line) >= 3 and set(line) == {ch}


def build(lines: list[str], out: str) -> None:
    doc = Document()
    code = code_style(doc)
    i, n = 0, len(lines)
    para: list[str] = []

    def flush() -> None:
        if para:
            text = " ".join(s.strip() for s in para)
            if re.fullmatch(r"``[^`]+``", text):
                doc.add_paragraph(text[2:-2], style=code)
            else:
                doc.add_paragraph(inline(text))
            para.clear()

    while i < n:
        line = lines[i]
        stripped = line.strip()
        nxt = lines[i + 1] if i + 1 < n else ""
        # overlined title ("=====\nTitle\n=====") or underlined title
        if is_underline(stripped, "=") and i + 2 < n and is_underline(lines[i + 2].strip(), "="):
            flush()
            doc.add_paragraph(inline(lines[i + 1].strip()), style="Title")
            i += 3
            continue
        if stripped and not line.startswith(" ") and is_underline(nxt.strip(), "="):
            flush()
            doc.add_paragraph(inline(stripped), style="Title")
            i += 2
            continue
        if stripped and not line.startswith(" ") and is_underline(nxt.strip(), "-"):
            flush()
            doc.add_heading(inline(stripped), level=1)
            i += 2
            continue
        if not stripped:
            flush()
            i += 1
            continue
        # badges line and directives/comments with their indented bodies
        if re.fullmatch(r"(\|[^|]+\|\s*)+", stripped):
            flush()
            i += 1
            continue
        if stripped.startswith(".. "):
            flush()
            i += 1
            while i < n and (not lines[i].strip() or lines[i].startswith(" ")):
                if not lines[i].strip() and i + 1 < n and not lines[i + 1].startswith(" "):
                    break
                i += 1
            continue
        m = re.match(r"^(\s*)([*-]|\d+\.|#\.)\s+(.*)$", line)
        if m and not is_underline(stripped, "-"):
            flush()
            indent = len(m.group(1)) + len(m.group(2)) + 1
            item = [m.group(3)]
            i += 1
            while i < n and lines[i].strip() and lines[i].startswith(" " * indent):
                item.append(lines[i].strip())
                i += 1
            style = "List Bullet" if m.group(2) in "*-" else "List Number"
            doc.add_paragraph(inline(" ".join(item)), style=style)
            continue
        if stripped.endswith("::"):
            para.append(stripped[:-1] if stripped != "::" else "")
            flush()
            i += 1
            while i < n and (not lines[i].strip() or lines[i].startswith(" ")):
                if lines[i].strip():
                    doc.add_paragraph(lines[i].strip(), style=code)
                i += 1
            continue
        para.append(line)
        i += 1
    flush()
    doc.core_properties.title = "mpmath README"
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    build(read_source(sys.argv[2] if len(sys.argv) > 2 else DEFAULT_SOURCE), sys.argv[1])
