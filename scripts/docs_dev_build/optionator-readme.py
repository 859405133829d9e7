"""Lay out the README of Optionator (the npm package) as a Word document.

Source: README.md of the npm package optionator 0.9.4 (`npm pack optionator@0.9.4`,
then `tar xzf optionator-0.9.4.tgz`, file `package/README.md`), by George Zahariev.

Usage: python build_optionator-readme.py OUT.docx [SOURCE]
    SOURCE defaults to README.md in the current directory.

Licence: optionator and its README are under the MIT licence (package.json "license": "MIT";
the README says "MIT license. Version 0.9.4"), which permits redistribution.

Mapping (no sentence is reworded; only Markdown markup is replaced by Word layout):
    "# ", "## ", "### ", "#### ", "##### "  -> Heading 1 .. Heading 5
    "* item" (top-level bullet)            -> List Bullet
    "    - item" (nested bullet)           -> List Bullet 2
    a paragraph indented inside a list item -> List Continue
    ``` fenced blocks and 4-space indented code blocks -> one 'Code' paragraph per line
    `inline code`                          -> the same text in a monospaced run
    [text](link)                           -> text (the link target is dropped)
    &middot;                               -> the character it stands for
    <a name="..." /> anchors               -> dropped
    other lines                            -> Normal paragraphs (soft-wrapped lines joined by a space)
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

INLINE = re.compile(r"`([^`]+)`|\[([^\]]+)\]\([^)]*\)")
ENTITIES = {"&middot;": "\u00b7", "&amp;": "&", "&lt;": "<", "&gt;": ">"}


def add_inline(paragraph, text):
    """Add text to a paragraph, turning `code` into monospaced runs and links into their text."""
    for entity, char in ENTITIES.items():
        text = text.replace(entity, char)
    pos = 0
    for match in INLINE.finditer(text):
        if match.start() > pos:
            paragraph.add_run(text[pos:match.start()])
        if match.group(1) is not None:
            run = paragraph.add_run(match.group(1))
            run.font.name = "Courier New"
        else:
            paragraph.add_run(match.group(2))
        pos = match.end()
    if pos < len(text):
        paragraph.add_run(text[pos:])


def code_style(document):
    """A 'Code' paragraph style: monospaced, no space after."""
    style = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def build(source, out):
    lines = source.read_text(encoding="utf-8").splitlines()
    document = Document()
    code_style(document)
    buffer = []  # lines of the paragraph being collected
    kind = None  # style of the paragraph being collected
    in_fence = False
    in_list = False

    def flush():
        nonlocal buffer, kind
        if buffer:
            paragraph = document.add_paragraph(style=kind or "Normal")
            add_inline(paragraph, " ".join(part.strip() for part in buffer))
        buffer, kind = [], None

    for line in lines:
        if in_fence:
            if line.startswith("```"):
                in_fence = False
            else:
                document.add_paragraph(line, style="Code")
            continue
        if line.startswith("```"):
            flush()
            in_fence = True
            continue
        if re.fullmatch(r"\s*<a name=\"[^\"]*\" />\s*", line):
            continue
        if not line.strip():
            flush()
            continue
        heading = re.match(r"(#{1,6}) (.*)", line)
        if heading:
            flush()
            in_list = False
            document.add_heading(heading.group(2).strip(), level=len(heading.group(1)))
            continue
        bullet = re.match(r"( *)[*-] (.*)", line)
        if bullet and (not bullet.group(1) or in_list):
            flush()
            in_list = True
            kind = "List Bullet 2" if bullet.group(1) else "List Bullet"
            buffer = [bullet.group(2)]
            continue
        if line.startswith("    ") and not buffer:
            # an indented code block (outside a paragraph)
            in_list = False
            document.add_paragraph(line[4:], style="Code")
            continue
        if line.startswith(" ") and in_list and not buffer:
            kind = "List Continue"
            buffer = [line]
            continue
        if not buffer:
            in_list = False
            kind = "Normal"
        buffer.append(line)
    flush()
    document.core_properties.title = "Optionator README"
    document.save(str(out))


def main(argv):
    if len(argv) < 2:
        sys.exit("usage: python build_optionator-readme.py OUT.docx [SOURCE]")
    out = Path(argv[1])
    source = Path(argv[2]) if len(argv) > 2 else Path("README.md")
    build(source, out)


if __name__ == "__main__":
    main(sys.argv)
