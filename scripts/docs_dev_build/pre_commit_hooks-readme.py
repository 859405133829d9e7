"""Build pre_commit_hooks-readme.docx from the pre-commit-hooks README.

Usage: python build_pre_commit_hooks-readme.py OUT.docx SOURCE

SOURCE is README.md from the PyPI source distribution
pre_commit_hooks-6.0.0.tar.gz (``pip download --no-deps --no-binary :all:
pre-commit-hooks==6.0.0``), path ``pre_commit_hooks-6.0.0/README.md``.
pre-commit-hooks is Copyright (c) 2014 pre-commit dev team: Anthony Sottile,
Ken Struys, released under the MIT licence (LICENSE in the same archive).

The text is copied without rewording; only the Markdown markup is turned into
Word layout:

* the setext title (``====`` underline) -> Title style;
* ``###`` headings -> Heading 1, ``####`` headings -> Heading 2;
* ``-`` list items -> List Bullet / List Bullet 2 / List Bullet 3 by nesting
  depth; indented continuation lines are joined to their item with a space;
* other consecutive text lines -> one Normal paragraph, lines joined by a space
  (as Markdown renders them);
* fenced code blocks -> one paragraph per line in a Courier New "Code" style;
* inline ``code`` -> Courier New runs; ``[text](url)`` links -> their text;
* the build-status badge images at the top are left out (images only).

Core properties carry fixed dates so that rebuilding gives the same document.
"""

import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

FIXED_DATE = datetime.datetime(2025, 8, 9, 12, 0, 0)
MONO = "Courier New"
LINK_RE = re.compile(r"\[((?:[^\]`]|`[^`]*`)+)\]\([^)]*\)")
BULLET_RE = re.compile(r"^( *)- (.*)$")


def add_inline(paragraph, text):
    """Add text to paragraph, rendering `code` spans in a monospaced font."""
    text = LINK_RE.sub(r"\1", text)
    for i, part in enumerate(text.split("`")):
        if not part:
            continue
        run = paragraph.add_run(part)
        if i % 2 == 1:
            run.font.name = MONO


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = MONO
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def build(out_path, source_path):
    with open(source_path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")

    doc = Document()
    code_style(doc)
    props = doc.core_properties
    props.title = "pre-commit-hooks"
    props.author = "pre-commit dev team"
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE
    props.revision = 1

    pending = []  # (kind, level, text) of the paragraph being collected
    indents = []  # indentation stack of the current list

    def flush():
        if not pending:
            return
        kind, level, text = pending.pop()
        if kind == "bullet":
            style = "List Bullet" if level == 0 else f"List Bullet {level + 1}"
        else:
            style = "Normal"
        add_inline(doc.add_paragraph(style=style), text)

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("[![") or (not pending and not stripped):
            flush()
            i += 1
            continue
        if stripped.startswith("```"):
            flush()
            indents.clear()
            i += 1
            while not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i], style="Code")
                i += 1
            i += 1
            continue
        if i + 1 < len(lines) and re.fullmatch(r"=+", lines[i + 1].strip()) and stripped:
            flush()
            doc.add_paragraph(stripped, style="Title")
            i += 2
            continue
        heading = re.match(r"^(#{3,4}) (.*)$", line)
        if heading:
            flush()
            indents.clear()
            level = 1 if heading.group(1) == "###" else 2
            add_inline(doc.add_heading("", level=level), heading.group(2))
            i += 1
            continue
        if not stripped:
            flush()
            indents.clear()
            i += 1
            continue
        bullet = BULLET_RE.match(line)
        if bullet:
            flush()
            indent = len(bullet.group(1))
            while indents and indents[-1] > indent:
                indents.pop()
            if not indents or indents[-1] < indent:
                indents.append(indent)
            pending.append(("bullet", len(indents) - 1, bullet.group(2).strip()))
            i += 1
            continue
        if pending and (pending[-1][0] == "bullet" or pending[-1][0] == "text"):
            kind, level, text = pending.pop()
            if kind == "text" or line.startswith(" "):
                pending.append((kind, level, text + " " + stripped))
                i += 1
                continue
            pending.append((kind, level, text))
            flush()
            indents.clear()
        pending.append(("text", 0, stripped))
        i += 1
    flush()
    doc.save(out_path)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
