"""Lay the PyYAML README out as a Word document, without rewording it.

Usage: python build_pyyaml-readme.py OUT.docx [SOURCE]

Source: README.md of PyYAML 6.0, as shipped by Debian bookworm in the package
python3-yaml 6.0-3+b2 at /usr/share/doc/python3-yaml/README.md (the default SOURCE).
Licence: PyYAML is released under the MIT licence (stated in the README's "License"
section and in /usr/share/doc/python3-yaml/copyright); redistribution is permitted.

Mapping from Markdown to Word (python-docx):
  - setext title (text underlined with "===") -> style "Title";
    "## heading" -> "Heading 1", "### heading" -> "Heading 2" (one level below the title),
    "#### ..." -> "Heading 3";
  - "* item" / "- item" (with indented continuation lines) -> style "List Bullet",
    "1. item" -> style "List Number"; a list item's lines are joined with a space;
  - fenced (```) and indented (4 spaces) code blocks -> one paragraph per code line in the
    monospace paragraph style "Code" (Courier New 9 pt), indentation kept;
  - pipe tables -> Word tables (style "Table Grid"), header row in bold;
  - other runs of lines -> one "Normal" paragraph, lines joined with a space;
  - inline markup: [text](url) -> text, <url> -> url, `code` -> the code in Courier New,
    **bold** -> bold; the words themselves are not changed.
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "/usr/share/doc/python3-yaml/README.md"
MONO = "Courier New"

INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*)")


def strip_links(text: str) -> str:
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)  # images -> alt text
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # [text](url) -> text
    text = re.sub(r"<((?:https?|mailto):[^>]+)>", r"\1", text)  # <url> -> url
    return text


def add_runs(paragraph, text: str) -> None:
    for part in INLINE.split(strip_links(text)):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = paragraph.add_run(part[1:-1])
            run.font.name = MONO
        elif part.startswith("**") and part.endswith("**") and len(part) > 4:
            paragraph.add_run(part[2:-2]).bold = True
        else:
            paragraph.add_run(part)


def code_style(document):
    style = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = MONO
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def table_rows(lines):
    rows = []
    for line in lines:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if all(re.fullmatch(r":?-{2,}:?", c) for c in cells):
            continue  # the separator row
        rows.append(cells)
    return rows


def build(source: str, out: str) -> None:
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    document = Document()
    code_style(document)
    para: list[str] = []

    def flush():
        if para:
            add_runs(document.add_paragraph(), " ".join(s.strip() for s in para))
            para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if not line.strip():
            flush()
            i += 1
        elif line.strip() and re.fullmatch(r"=+\s*", nxt) and not para:
            document.add_paragraph(line.strip(), style="Title")
            i += 2
        elif line.strip() and re.fullmatch(r"-{3,}\s*", nxt) and not para:
            document.add_paragraph(line.strip(), style="Heading 1")
            i += 2
        elif m := re.match(r"(#{1,6})\s+(.*?)\s*#*\s*$", line):
            flush()
            level = max(1, len(m.group(1)) - 1)
            heading = document.add_heading(level=min(level, 9))
            add_runs(heading, m.group(2))
            i += 1
        elif line.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].startswith("```"):
                document.add_paragraph(lines[i], style="Code")
                i += 1
            i += 1
        elif line.startswith("    ") and not para:
            while i < len(lines) and (lines[i].startswith("    ") or not lines[i].strip()):
                if lines[i].strip():
                    document.add_paragraph(lines[i][4:], style="Code")
                i += 1
        elif line.lstrip().startswith("|"):
            flush()
            block = []
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                block.append(lines[i])
                i += 1
            rows = table_rows(block)
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            table.style = "Table Grid"
            for r, cells in enumerate(rows):
                for c, text in enumerate(cells):
                    cell = table.cell(r, c)
                    add_runs(cell.paragraphs[0], text)
                    if r == 0:
                        for run in cell.paragraphs[0].runs:
                            run.bold = True
        elif m := re.match(r"\s*([*+-]|\d+[.)])\s+(.*)", line):
            flush()
            style = "List Bullet" if m.group(1) in "*+-" else "List Number"
            item = [m.group(2)]
            i += 1
            while i < len(lines) and lines[i].startswith("  ") and lines[i].strip() \
                    and not re.match(r"\s*([*+-]|\d+[.)])\s+", lines[i]):
                item.append(lines[i].strip())
                i += 1
            add_runs(document.add_paragraph(style=style), " ".join(item))
        else:
            para.append(line)
            i += 1
    flush()
    document.core_properties.title = "PyYAML README"
    document.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    build(sys.argv[2] if len(sys.argv) == 3 else DEFAULT_SOURCE, sys.argv[1])
