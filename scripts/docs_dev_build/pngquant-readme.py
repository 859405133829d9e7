"""Build pngquant-readme.docx: the pngquant README laid out in Word, without rewording.

Usage: python build_pngquant-readme.py OUT.docx [SOURCE]

Source: README.md of pngquant 2.17.0, as shipped in the Debian 12 package pngquant
2.17.0-1 (/usr/share/doc/pngquant/README.md; fetched with `apt-get download pngquant`
and unpacked with `dpkg -x`). SOURCE defaults to that unpacked path.

Licence: the Debian copyright file (/usr/share/doc/pngquant/copyright) gives
BSD-2-clause for the files of the package; the README itself states that pngquant is
dual-licensed under GPL v3 or later, or a commercial licence. Both permit redistribution.

Mapping (Markdown -> Word), text kept word for word:
- "# ", "## ", "### " headings -> Heading 1, 2, 3 (badge images after the title dropped);
- "*" / "-" list items -> 'List Bullet'; items indented under another item -> 'List Bullet 2';
  "1." items -> 'List Number';
- "|" table rows -> a Word table (header separator row dropped);
- fenced or four-space-indented code lines -> one paragraph per line in the 'Code' style
  (Courier New, 9 pt);
- inline `code` -> the same text in a Courier New run, backticks removed;
- **bold** / *italic* -> bold / italic runs, markers removed;
- links [text](url) -> their text only; images ![alt](url) and badges removed;
- other lines -> 'Normal' paragraphs; consecutive lines of a paragraph joined with a space.
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "/tmp/s26/bE/fetch/x_pngquant/usr/share/doc/pngquant/README.md"

IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINKED_IMAGE = re.compile(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|\*[^*\s][^*]*\*)")


def strip_links(text: str) -> str:
    text = LINKED_IMAGE.sub("", text)
    text = IMAGE.sub("", text)
    text = LINK.sub(r"\1", text)
    return text.strip()


def add_runs(paragraph, text: str) -> None:
    """Add text to a paragraph, turning inline markup into run formatting."""
    for part in INLINE.split(strip_links(text)):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`"):
            run = paragraph.add_run(part[1:-1])
            run.font.name = "Courier New"
        elif part.startswith("**") and part.endswith("**"):
            paragraph.add_run(part[2:-2]).bold = True
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            paragraph.add_run(part[1:-1]).italic = True
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


def build(source: str, out: str) -> None:
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    document = Document()
    code_style(document)
    paragraph_lines: list[str] = []
    table_rows: list[list[str]] = []
    in_fence = False

    def flush_paragraph():
        if paragraph_lines:
            add_runs(document.add_paragraph(), " ".join(ln.strip() for ln in paragraph_lines))
            paragraph_lines.clear()

    def flush_table():
        if table_rows:
            table = document.add_table(rows=len(table_rows), cols=max(len(r) for r in table_rows))
            table.style = "Table Grid"
            for i, row in enumerate(table_rows):
                for j, cell in enumerate(row):
                    add_runs(table.cell(i, j).paragraphs[0], cell)
            table_rows.clear()

    list_indent = None  # indentation of the current top-level list's items
    for line in lines:
        if line.strip().startswith("```"):
            flush_paragraph()
            flush_table()
            in_fence = not in_fence
            continue
        if in_fence:
            document.add_paragraph(line, style="Code")
            continue
        if not line.strip():
            flush_paragraph()
            flush_table()
            continue
        if line.lstrip().startswith("|"):
            flush_paragraph()
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
                continue
            table_rows.append(cells)
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        if heading:
            flush_paragraph()
            paragraph = document.add_heading(level=len(heading.group(1)))
            add_runs(paragraph, heading.group(2))
            list_indent = None
            continue
        item = re.match(r"^(\s*)([*-]|\d+\.)\s+(.*)$", line)
        if item:
            flush_paragraph()
            indent = len(item.group(1))
            if list_indent is None or indent < list_indent:
                list_indent = indent
            numbered = item.group(2)[0].isdigit()
            style = "List Number" if numbered else "List Bullet"
            if indent > list_indent:
                style += " 2"
            add_runs(document.add_paragraph(style=style), item.group(3))
            continue
        if line.startswith("    ") and not paragraph_lines:
            document.add_paragraph(line[4:], style="Code")
            continue
        list_indent = None
        paragraph_lines.append(line)
    flush_paragraph()
    flush_table()
    document.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    build(sys.argv[2] if len(sys.argv) == 3 else DEFAULT_SOURCE, sys.argv[1])
