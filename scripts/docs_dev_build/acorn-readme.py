"""Lay out the Acorn README as a Word document, without rewording it.

Source: ``package/README.md`` of the npm package acorn 8.19.0 (``npm pack acorn`` gives
``acorn-8.19.0.tgz``), the README of Acorn, the JavaScript parser written in JavaScript.
SOURCE may be that tarball or the extracted README.md.

Usage: python build_acorn-readme.py OUT.docx [SOURCE]
(SOURCE defaults to ../fetch/npm2/acorn-8.19.0.tgz beside this script.)

Licence: Acorn is released under the MIT licence (``"license": "MIT"`` in package.json,
LICENSE in the tarball: Copyright (C) 2012-2022 by various contributors), which permits
redistribution of the README text.

Mapping (Markdown -> Word):
- ``# title`` -> Title; ``## section`` -> Heading 1; ``### subsection`` -> Heading 2;
- a paragraph -> a Normal paragraph, its source lines joined with single spaces;
- a top-level list item (``- ...``) -> List Bullet; a list item nested inside another
  (indented ``- ...``) -> List Bullet 2; a further paragraph inside a list item (indented
  text after a blank line) -> List Continue;
- a fenced code block (```` ``` ````), also inside a list item -> one paragraph in the
  'Code' paragraph style (Courier New 9 pt), its lines kept as line breaks, its indentation
  inside the list item removed;
- inline markup is dropped and its text kept, as a Markdown renderer shows it:
  ``**x**`` -> a bold run, ```x``` -> a Courier New run, ``[text](url)`` -> its text.
No sentence is reworded, added or removed.
"""

import re
import sys
import tarfile
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE.parent / "fetch" / "npm2" / "acorn-8.19.0.tgz"

INLINE = re.compile(r"\*\*`([^`]+)`\*\*|\*\*([^*]+)\*\*|`([^`]+)`|\[([^\]]+)\]\([^)]*\)")
LIST_ITEM = re.compile(r"^(\s*)- (.*)$")


def read_source(path: Path) -> str:
    """The README text, from the npm tarball or from a plain file."""
    if path.name.endswith(".tgz"):
        with tarfile.open(path) as tar:
            member = tar.extractfile("package/README.md")
            return member.read().decode("utf-8")
    return path.read_text(encoding="utf-8")


def runs(text: str) -> list[tuple[str, str]]:
    """Split text into (text, kind) runs; kind is "", "bold", "code" or "boldcode"."""
    out, pos = [], 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            out.append((text[pos:m.start()], ""))
        if m.group(1) is not None:
            out.append((m.group(1), "boldcode"))
        elif m.group(2) is not None:
            out.append((m.group(2), "bold"))
        elif m.group(3) is not None:
            out.append((m.group(3), "code"))
        else:
            out.extend(runs(m.group(4)))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], ""))
    return out


def add_text(doc, text: str, style: str) -> None:
    """A paragraph of the given style holding text with its inline markup rendered."""
    par = doc.add_paragraph(style=style)
    for piece, kind in runs(text):
        run = par.add_run(piece)
        if "bold" in kind:
            run.bold = True
        if "code" in kind:
            run.font.name = "Courier New"


def add_code(doc, lines: list[str]) -> None:
    """One 'Code' paragraph with the block's lines separated by line breaks."""
    par = doc.add_paragraph(style="Code")
    for i, line in enumerate(lines):
        run = par.add_run(line)
        if i < len(lines) - 1:
            run.add_break()


def make_document():
    """A new document with a 'Code' paragraph style."""
    doc = Document()
    code = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = doc.styles["Normal"]
    code.font.name = "Courier New"
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(6)
    return doc


def build(markdown: str, out: Path) -> None:
    doc = make_document()
    lines = markdown.splitlines()
    i = 0
    para: list[str] = []
    para_style = "Normal"
    in_list = False

    def flush() -> None:
        nonlocal para
        if para:
            add_text(doc, " ".join(s.strip() for s in para), para_style)
            para = []

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            indent = len(line) - len(line.lstrip())
            block = []
            i += 1
            while not lines[i].strip().startswith("```"):
                block.append(lines[i][indent:] if lines[i][:indent].strip() == "" else lines[i])
                i += 1
            add_code(doc, block)
            i += 1
            continue
        heading = re.match(r"^(#{1,3}) (.*)$", line)
        if heading:
            flush()
            in_list = False
            level = len(heading.group(1))
            title = "".join(piece for piece, _ in runs(heading.group(2)))
            if level == 1:
                doc.add_heading(title, level=0)
            else:
                doc.add_heading(title, level=level - 1)
            i += 1
            continue
        if not stripped:
            flush()
            i += 1
            continue
        item = LIST_ITEM.match(line)
        if item:
            flush()
            nested = in_list and len(item.group(1)) >= 2
            para_style = "List Bullet 2" if nested else "List Bullet"
            para = [item.group(2)]
            in_list = True
            i += 1
            continue
        if para:
            para.append(line)
        else:
            indented = line.startswith(" ")
            if in_list and not indented:
                in_list = False
            para_style = "List Continue" if in_list and indented else "Normal"
            para = [line]
        i += 1
    flush()
    doc.save(out)


def main() -> None:
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: python build_acorn-readme.py OUT.docx [SOURCE]")
    source = Path(sys.argv[2]) if len(sys.argv) == 3 else DEFAULT_SOURCE
    build(read_source(source), Path(sys.argv[1]))


if __name__ == "__main__":
    main()
