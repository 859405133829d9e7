"""Lay the boto3 README out as a Word document, without rewording it.

Usage: python build_boto3-readme.py OUT.docx [SOURCE]

Source: the long description (reStructuredText) of boto3 1.43.11, i.e. the body after the
header block of
/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/boto3-1.43.11.dist-info/METADATA
(the default SOURCE); it is the project's README.rst as published on PyPI.
Licence: Apache License 2.0 ("License: Apache-2.0" in the same METADATA, LICENSE file of
https://github.com/boto/boto3).

Mapping (reStructuredText -> Word):
- section titles (over/underlined or underlined with = - ~ ...) -> 'Heading 1/2/3', levels
  in the order the adornment styles first appear, as rST does;
- paragraphs -> 'Normal' paragraphs, wrapped lines joined with single spaces;
- "* item" / "- item" bullet items -> 'List Bullet'; "1. item" / "#. item" -> 'List Number';
- tables: this README has none, so no Word table is made;
- ".. code-block::" / "::" literal blocks -> one paragraph per line in a 'Code' paragraph
  style (Courier New 9 pt); doctest blocks (">>>") likewise;
- link markup removed: `text <url>`__ and `text <url>`_ -> text, `name`_ and name_ -> name,
  ``literal`` -> literal, *emphasis* -> emphasis;
- dropped as not text a reader sees: link targets (".. _x: url"), substitution definitions
  (".. |X| image:: ..." with their indented options) and a line made only of substitution
  references ("|Version| |Python| |License|").
"""
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = (
    "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/boto3-1.43.11.dist-info/METADATA"
)
ADORN = re.compile(r"^([=\-~^\"'`#*+])\1{2,}\s*$")


def read_body(path: str) -> list[str]:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if text.startswith("Metadata-Version:"):
        text = text.split("\n\n", 1)[1]  # drop the header block
    return text.splitlines()


def inline(text: str) -> str:
    text = re.sub(r"`([^`<]+?)\s*<[^>]+>`__?", r"\1", text)  # `text <url>`__
    text = re.sub(r"``(.+?)``", r"\1", text)  # ``literal``
    text = re.sub(r"`([^`]+)`_\b_?", r"\1", text)  # `name`_
    text = re.sub(r"(?<![\w`])(\w[\w.-]*)_\b", r"\1", text)  # name_
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
    text = re.sub(r"(?<![\w*])\*(\S.*?)\*(?!\w)", r"\1", text)
    return text


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def build(out: str, source: str) -> None:
    lines = read_body(source)
    doc = Document()
    code_style(doc)
    levels: list[str] = []
    i, n = 0, len(lines)

    def heading(title: str, key: str) -> None:
        if key not in levels:
            levels.append(key)
        doc.add_heading(inline(title.strip()), level=min(levels.index(key) + 1, 9))

    def literal_block(start: int) -> int:
        """Add the indented block from start on as code lines; return the index after it."""
        j = start
        while j < n and not lines[j].strip():
            j += 1
        block = []
        while j < n and (not lines[j].strip() or lines[j].startswith((" ", "\t"))):
            block.append(lines[j])
            j += 1
        while block and not block[-1].strip():
            block.pop()
        indent = min((len(b) - len(b.lstrip()) for b in block if b.strip()), default=0)
        for b in block:
            doc.add_paragraph(b[indent:], style="Code")
        return j

    while i < n:
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            i += 1
            continue
        # over- and underlined title
        if ADORN.match(line) and i + 2 < n and ADORN.match(lines[i + 2]) and lines[i + 1].strip():
            heading(lines[i + 1], "over" + line[0])
            i += 3
            continue
        # underlined title
        if i + 1 < n and ADORN.match(lines[i + 1]) and not line.startswith(" "):
            heading(line, "under" + lines[i + 1][0])
            i += 2
            continue
        # directives, targets, substitution definitions, comments
        if stripped.startswith(".. "):
            if re.match(r"\.\. (code-block|code|sourcecode)::", stripped):
                i = literal_block(i + 1)
                continue
            i += 1
            while i < n and (lines[i].startswith((" ", "\t")) and lines[i].strip()):
                i += 1  # options of a dropped directive
            continue
        # a line of substitution references only
        if re.fullmatch(r"(\|[^|]+\|\s*)+", stripped):
            i += 1
            continue
        # doctest block
        if stripped.startswith(">>>"):
            while i < n and lines[i].strip():
                doc.add_paragraph(lines[i], style="Code")
                i += 1
            continue
        # list items
        m = re.match(r"^(\s*)([*+-]|\d+\.|#\.)\s+(.*)$", line)
        if m:
            bullet = m.group(2) in "*+-"
            item = [m.group(3)]
            width = len(m.group(1)) + len(m.group(2)) + 1
            i += 1
            while i < n and lines[i].strip() and lines[i].startswith(" " * width):
                item.append(lines[i].strip())
                i += 1
            doc.add_paragraph(inline(" ".join(item)), style="List Bullet" if bullet else "List Number")
            continue
        # paragraph
        para = []
        while i < n and lines[i].strip() and not (i + 1 < n and ADORN.match(lines[i + 1])):
            para.append(lines[i].strip())
            i += 1
            if i < n and re.match(r"^\s*([*+-]|\d+\.)\s+", lines[i]):
                break
        if not para:  # a line directly followed by an adornment is handled above
            para.append(lines[i].strip())
            i += 1
        text = " ".join(para)
        if text.endswith("::"):
            text = text[:-1] if not text.endswith(" ::") else text[:-3]
            doc.add_paragraph(inline(text))
            i = literal_block(i)
            continue
        doc.add_paragraph(inline(text))
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else DEFAULT_SOURCE)
