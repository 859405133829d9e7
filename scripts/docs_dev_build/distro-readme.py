"""Lay the README of the Python package `distro` out as a Word document, without rewording it.

Usage: python build_distro-readme.py OUT.docx [SOURCE]

Source: the long description (Markdown, the project's README.md) in the METADATA file of the
wheel distro-1.9.0-py3-none-any.whl from PyPI (`pip download --no-deps distro`), i.e. the body
after the first blank line of distro-1.9.0.dist-info/METADATA. SOURCE defaults to
fetch/distro-README.md beside this script, which holds exactly that body.

Licence: distro is licensed under the Apache License, Version 2.0 (METADATA "License:" field and
the LICENSE file in the wheel), which permits redistribution of the text.

Mapping from Markdown to Word:
- "# x" / "## x" / "### x" lines and setext headings ("x" underlined by "===" or "---")
  -> Heading 1 / 2 / 3 (the document title, the first heading, becomes Heading 1);
- "* x" / "- x" / "+ x" items -> 'List Bullet' paragraphs (continuation lines joined);
- "1. x" items -> 'List Number' paragraphs;
- "| a | b |" pipe tables -> Word tables (the "---" separator row dropped);
- fenced code blocks ("```") -> one paragraph per line in a monospace 'Code' style;
- lines made only of badge images ("[![alt](img)](link)") are dropped, since they are images;
- link markup [text](url) -> text, inline ``code`` / `code` backticks removed, ** and __ removed;
- other consecutive lines -> one 'Normal' paragraph, lines joined by a space.
No words are added, removed or changed apart from that markup.
"""
import re
import sys
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

BADGE = re.compile(r"^\s*(\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)\s*)+$")
BULLET = re.compile(r"^\s*[*+-]\s+(.*)$")
NUMBER = re.compile(r"^\s*\d+[.)]\s+(.*)$")
ATX = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def inline(text: str) -> str:
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", text)
    text = re.sub(r"``(.+?)``", r"\1", text)
    text = re.sub(r"`([^`]+)`", r"\1", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    return text.strip()


def code_style(document):
    style = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def build(source: str, out: str) -> None:
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    document = docx.Document()
    code_style(document)
    para: list[str] = []
    item: tuple[str, list[str]] | None = None
    table: list[list[str]] = []

    def flush():
        nonlocal para, item, table
        if para:
            document.add_paragraph(inline(" ".join(para)))
            para = []
        if item:
            document.add_paragraph(inline(" ".join(item[1])), style=item[0])
            item = None
        if table:
            rows = [r for r in table if not all(re.fullmatch(r":?-+:?", c) for c in r)]
            width = max(len(r) for r in rows)
            t = document.add_table(rows=len(rows), cols=width)
            t.style = "Table Grid"
            for i, row in enumerate(rows):
                for j, cell in enumerate(row):
                    t.cell(i, j).text = inline(cell)
            table = []

    i = 0
    in_code = False
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if line.strip().startswith("```"):
            flush()
            in_code = not in_code
        elif in_code:
            document.add_paragraph(line, style="Code")
        elif not line.strip() or BADGE.match(line):
            flush()
        elif line.strip() and re.fullmatch(r"=+|-+", nxt.strip() or "x") and not para and not item:
            flush()
            level = 1 if nxt.strip().startswith("=") else 2
            document.add_heading(inline(line), level=level)
            i += 1
        elif m := ATX.match(line):
            flush()
            document.add_heading(inline(m.group(2)), level=min(len(m.group(1)), 9))
        elif line.lstrip().startswith("|"):
            if para or item:
                flush()
            table.append([c.strip() for c in line.strip().strip("|").split("|")])
        elif m := BULLET.match(line):
            flush()
            item = ("List Bullet", [m.group(1)])
        elif m := NUMBER.match(line):
            flush()
            item = ("List Number", [m.group(1)])
        elif item and line.startswith(" "):
            item[1].append(line.strip())
        else:
            if item or table:
                flush()
            para.append(line.strip())
        i += 1
    flush()
    document.save(out)


if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    build(sys.argv[2] if len(sys.argv) > 2 else str(here / "fetch" / "distro-README.md"), sys.argv[1])
