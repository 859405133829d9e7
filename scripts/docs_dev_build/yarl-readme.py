"""Lay the yarl README out in Word, without rewording it.

Usage: python build_yarl-readme.py OUT.docx [SOURCE]

Source: the README of yarl 1.25.1 (aio-libs, written by Andrew Svetlov), as shipped in
the long description of the wheel's metadata,
/work/main/.venv/lib/python3.11/site-packages/yarl-1.25.1.dist-info/METADATA
(the body after the header block, up to the "Changelog" title where the appended
change log begins). SOURCE may be that METADATA file or a bare README.rst.

Licence: yarl is licensed under the Apache License 2.0 ("License: Apache-2.0" in METADATA;
LICENSE and NOTICE ship in the dist-info folder; the README itself says "It's *Apache 2*
licensed and freely available.").

Mapping (reStructuredText -> Word):
  * a title underlined with "=" -> style "Title"; titles underlined with "-" -> "Heading 1";
  * ".. image::" directives (CI/coverage/PyPI badges) and their ":option:" lines -> dropped
    (they are pictures of links, not text); ".. _name: url" link targets -> dropped;
  * ".. code-block:: LANG" and "::" literal blocks -> one paragraph per line in the
    monospace paragraph style "Code" (Courier New 9 pt), indentation of the block removed;
  * "* item" bullets -> "List Bullet"; indented paragraphs inside an item -> "List Continue";
  * other paragraphs -> "Normal", their lines joined with single spaces;
  * inline markup removed: ``literal`` -> literal, *emphasis* -> emphasis,
    `text <url>`_ -> text, name_ -> name. No words are changed.
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "/work/main/.venv/lib/python3.11/site-packages/yarl-1.25.1.dist-info/METADATA"


def readme_lines(path: str) -> list[str]:
    text = Path(path).read_text(encoding="utf-8")
    lines = text.splitlines()
    if lines and lines[0].startswith("Metadata-Version:"):
        lines = lines[lines.index("") + 1 :]  # body after the header block
    # the README ends where the appended change log ("=========\nChangelog\n=========") starts
    for i in range(len(lines) - 1):
        if lines[i + 1].strip() == "Changelog" and set(lines[i].strip()) == {"="}:
            lines = lines[:i]
            break
    return lines


def inline(text: str) -> str:
    parts = re.split(r"(``.+?``)", text)  # markup inside ``literal`` text is left alone
    out = []
    for part in parts:
        if part.startswith("``") and part.endswith("``") and len(part) > 4:
            out.append(part[2:-2])  # ``literal``
            continue
        part = re.sub(r"`([^`<]+?)\s*<[^>]+>`_", r"\1", part)  # `text <url>`_
        part = re.sub(r"(?<![\w*])\*([^*\s][^*]*?)\*(?![\w*])", r"\1", part)  # *emphasis*
        part = re.sub(r"\b([A-Za-z][\w-]*)_(?=\W|$)", r"\1", part)  # name_ reference
        out.append(part)
    return "".join(out)


def is_underline(line: str, char: str) -> bool:
    s = line.strip()
    return len(s) >= 3 and set(s) == {char} and line == line.lstrip()


def build(out: str, source: str) -> None:
    lines = readme_lines(source)
    doc = Document()
    code = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = doc.styles["Normal"]
    code.font.name = "Courier New"
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(0)

    i, n = 0, len(lines)
    in_item = False

    def block(start: int) -> tuple[list[str], int]:
        """Indented block starting at `start` (after blank lines): its lines, dedented."""
        j = start
        while j < n and not lines[j].strip():
            j += 1
        body = []
        while j < n and (not lines[j].strip() or lines[j].startswith((" ", "\t"))):
            body.append(lines[j])
            j += 1
        while body and not body[-1].strip():
            body.pop()
        indent = min((len(b) - len(b.lstrip()) for b in body if b.strip()), default=0)
        return [b[indent:] for b in body], j

    while i < n:
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        # section titles
        if i + 1 < n and is_underline(lines[i + 1], "=") and line.strip() and not line.startswith(" "):
            doc.add_paragraph(inline(line.strip()), style="Title")
            in_item = False
            i += 2
            continue
        if i + 1 < n and is_underline(lines[i + 1], "-") and line.strip() and not line.startswith(" "):
            doc.add_heading(inline(line.strip()), level=1)
            in_item = False
            i += 2
            continue
        # directives
        if line.startswith(".. image::") or re.match(r"\.\. _[^:]+:", line):
            i += 1
            while i < n and lines[i].startswith(" "):
                i += 1
            continue
        if line.startswith(".. code-block::") or line.strip() == "::":
            body, i = block(i + 1)
            for b in body:
                doc.add_paragraph(b, style="Code")
            continue
        # bullet items
        if line.startswith("* "):
            para = [line[2:].strip()]
            i += 1
            while i < n and lines[i].startswith("  ") and lines[i].strip():
                para.append(lines[i].strip())
                i += 1
            doc.add_paragraph(inline(" ".join(para)), style="List Bullet")
            in_item = True
            continue
        if line.startswith("  ") and in_item:
            para = []
            while i < n and lines[i].startswith("  ") and lines[i].strip():
                para.append(lines[i].strip())
                i += 1
            doc.add_paragraph(inline(" ".join(para)), style="List Continue")
            continue
        # ordinary paragraph (may end with "::" introducing a literal block)
        para = []
        while i < n and lines[i].strip() and not lines[i].startswith(" "):
            para.append(lines[i].strip())
            i += 1
        in_item = False
        text = " ".join(para)
        literal = text.endswith("::")
        if literal:
            text = text[:-1]  # "e.g.::" reads "e.g.:"
        doc.add_paragraph(inline(text))
        if literal:
            body, i = block(i)
            for b in body:
                doc.add_paragraph(b, style="Code")
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    build(sys.argv[1], sys.argv[2] if len(sys.argv) == 3 else DEFAULT_SOURCE)
