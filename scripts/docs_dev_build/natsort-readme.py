"""Lay out natsort's README as a Word document, without rewording it.

Source: the long description (README, reStructuredText) of the PyPI wheel
natsort 8.4.0 (`pip download --no-deps natsort==8.4.0`, unzip the wheel, file
`natsort-8.4.0.dist-info/METADATA`; the README is everything after the first
blank line, i.e. after the header block of "Key: value" lines).  A plain
README.rst holding the same text may be passed instead.

Usage: python build_natsort-readme.py OUT.docx [SOURCE]
       (SOURCE defaults to ./natsort-8.4.0.dist-info/METADATA)

Licence: natsort and its README are under the MIT licence ("License: MIT" in
METADATA, the LICENSE file of the wheel); the Word file is the same text,
laid out anew.

Mapping (reStructuredText -> Word), every sentence kept word for word:
  - title underlined with "="                 -> Heading 1
  - section underlined with "-"               -> Heading 2
  - section underlined with "+"               -> Heading 3
  - definition-list term (the FAQ questions)  -> Heading 3; its body -> as below
  - ".. code-block::" and "::" literal blocks -> one 'Code' paragraph per line
  - "- " bullet items                         -> List Bullet (nested: List Bullet 2)
  - "1. " enumerated items                    -> List Number (nested: List Number 2)
  - other lines, joined per paragraph         -> Normal paragraphs
  - ``literal``                               -> monospace run
  - **strong** -> bold run; *emphasis* -> italic run
  - `text`_ references, `interpreted text`    -> the text only
  - ".. image::" badges, ".. _name: url" link targets -> dropped (no prose)
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

HEADINGS = {"=": 1, "-": 2, "+": 3}
INLINE = re.compile(r"(``.+?``|\*\*.+?\*\*|\*[^*\s][^*]*?\*|`[^`]+`_{0,2})")
BULLET = re.compile(r"^[-*] ")
ENUM = re.compile(r"^\d+\. ")


def add_inline(paragraph, text):
    """Add text to a paragraph, turning reST inline markup into runs."""
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("``") and part.endswith("``") and len(part) > 4:
            paragraph.add_run(part[2:-2]).font.name = "Courier New"
        elif part.startswith("**") and part.endswith("**") and len(part) > 4:
            paragraph.add_run(part[2:-2]).bold = True
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            paragraph.add_run(part[1:-1]).italic = True
        elif part.startswith("`"):
            paragraph.add_run(part.rstrip("_").strip("`"))
        else:
            paragraph.add_run(part)


def code_style(document):
    styles = document.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def indent_of(line):
    return len(line) - len(line.lstrip(" "))


def dedent(lines):
    width = min((indent_of(x) for x in lines if x.strip()), default=0)
    return [x[width:] for x in lines]


def take_indented(lines, i, minimum=1):
    """Lines from i on that are blank or indented by at least `minimum`."""
    block = []
    while i < len(lines) and (not lines[i].strip() or indent_of(lines[i]) >= minimum):
        block.append(lines[i])
        i += 1
    while block and not block[-1].strip():
        block.pop()
    return block, i


def add_code(document, block):
    while block and not block[0].strip():
        block = block[1:]
    for line in dedent(block):
        document.add_paragraph(line.rstrip(), style="Code")


def is_underline(line, title):
    text = line.strip()
    return (
        bool(text)
        and text[0] in HEADINGS
        and set(text) == {text[0]}
        and len(text) >= len(title.strip())
        and not line.startswith(" ")
    )


def render(document, lines, level=1):
    """Render reST lines (already dedented) into the document."""
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if indent_of(line) > 0:  # block quote: same content, no extra level
            block, i = take_indented(lines, i)
            render(document, dedent(block), level)
            continue
        if line.startswith((".. image::", ".. _")):
            _, i = take_indented(lines, i + 1)
            continue
        if line.startswith(".. code-block::"):
            block, i = take_indented(lines, i + 1)
            add_code(document, block)
            continue
        if i + 1 < len(lines) and is_underline(lines[i + 1], line):
            document.add_heading("", level=HEADINGS[lines[i + 1].strip()[0]])
            add_inline(document.paragraphs[-1], line.strip())
            i += 2
            continue
        marker = BULLET.match(line) or ENUM.match(line)
        if marker:
            width = len(marker.group(0))
            kind = "List Bullet" if BULLET.match(line) else "List Number"
            style = kind if level == 1 else f"{kind} {level}"
            body, i = take_indented(lines, i + 1, width)
            item = [line[width:]] + [x[width:] for x in body]
            first = []
            while item and item[0].strip():
                first.append(item.pop(0).strip())
            add_inline(document.add_paragraph(style=style), " ".join(first))
            render(document, item, level + 1)
            continue
        if i + 1 < len(lines) and lines[i + 1].strip() and indent_of(lines[i + 1]) > 0:
            # definition list item: the term, then its indented body
            document.add_heading("", level=3)
            add_inline(document.paragraphs[-1], line.strip())
            body, i = take_indented(lines, i + 1)
            render(document, dedent(body), level)
            continue
        para = []
        while (
            i < len(lines)
            and lines[i].strip()
            and indent_of(lines[i]) == 0
            and not (para and (BULLET.match(lines[i]) or ENUM.match(lines[i])))
        ):
            para.append(lines[i].strip())
            i += 1
        text = " ".join(para)
        literal = text.endswith("::")
        if literal:
            text = text[:-1]
        add_inline(document.add_paragraph(), text)
        if literal:
            block, i = take_indented(lines, i)
            add_code(document, block)


def readme_lines(source):
    text = source.read_text(encoding="utf-8")
    if text.startswith("Metadata-Version:"):
        text = text.split("\n\n", 1)[1]
    return text.splitlines()


def main():
    out = Path(sys.argv[1])
    source = Path(sys.argv[2] if len(sys.argv) > 2 else "natsort-8.4.0.dist-info/METADATA")
    document = Document()
    code_style(document)
    document.core_properties.title = "natsort README"
    render(document, readme_lines(source))
    document.save(out)


if __name__ == "__main__":
    main()
