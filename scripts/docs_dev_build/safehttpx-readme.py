"""Lay the safehttpx README out as a Word document, without rewording it.

Usage: python build_safehttpx-readme.py OUT.docx [SOURCE]

Source: the long description (README.md) of safehttpx 0.1.7, as shipped in the wheel's
METADATA file (default SOURCE:
/work/main/.venv/lib/python3.11/site-packages/safehttpx-0.1.7.dist-info/METADATA);
the RFC 822 header block up to the first blank line is skipped, the Markdown body is used.
Upstream: https://github.com/gradio-app/safehttpx (author Abubakar Abid).

Licence: the package's classifier says "License :: OSI Approved :: MIT License"; the LICENSE
file shipped in safehttpx-0.1.7.dist-info/licenses/ is the Apache License 2.0. Both permit
redistribution.

Mapping (Markdown -> Word):
  # / ## / ###  heading      -> 'Heading 1' / 'Heading 2' / 'Heading 3'
  paragraph (soft-wrapped lines joined with a space) -> 'Normal'
  - item / * item            -> 'List Bullet'
  1. item                    -> 'List Number'
  | table |                  -> Word table ('Table Grid'), header row bold
  ``` fenced code block      -> one paragraph per code line in the monospace style 'Code'
                                (Courier New 9 pt), fence lines dropped
  **bold**                   -> bold run; `code` -> run in Courier New
  [text](url)                -> text (link markup removed; badge images dropped)
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = (
    "/work/main/.venv/lib/python3.11/site-packages/safehttpx-0.1.7.dist-info/METADATA"
)


def markdown_body(path: str) -> list[str]:
    text = Path(path).read_text(encoding="utf-8")
    if path.endswith("METADATA"):
        text = text.split("\n\n", 1)[1]
    return text.splitlines()


def strip_links(text: str) -> str:
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images (badges)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [text](url) -> text
    return text


def add_inline(paragraph, text: str) -> None:
    """Add text with **bold** and `code` spans as formatted runs."""
    for part in re.split(r"(\*\*[^*]+\*\*|`[^`]+`)", strip_links(text)):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**"):
            paragraph.add_run(part[2:-2]).bold = True
        elif part.startswith("`") and part.endswith("`"):
            paragraph.add_run(part[1:-1]).font.name = "Courier New"
        else:
            paragraph.add_run(part)


def code_style(document):
    style = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def build(lines: list[str], out: str) -> None:
    document = Document()
    code_style(document)
    paragraph: list[str] = []

    def flush():
        if paragraph:
            text = " ".join(s.strip() for s in paragraph).strip()
            if strip_links(text).strip():
                add_inline(document.add_paragraph(), text)
            paragraph.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                document.add_paragraph(lines[i].rstrip(), style="Code")
                i += 1
            i += 1
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        if heading:
            flush()
            level = min(len(heading.group(1)), 3)
            document.add_heading(strip_links(heading.group(2)).strip(), level=level)
        elif re.match(r"^\s*[-*]\s+", line):
            flush()
            add_inline(document.add_paragraph(style="List Bullet"), re.sub(r"^\s*[-*]\s+", "", line))
        elif re.match(r"^\s*\d+\.\s+", line):
            flush()
            add_inline(document.add_paragraph(style="List Number"), re.sub(r"^\s*\d+\.\s+", "", line))
        elif stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                cells = [c.strip() for c in lines[i].strip().strip("|").split("|")]
                if not all(re.fullmatch(r":?-+:?", c) for c in cells):
                    rows.append(cells)
                i += 1
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            table.style = "Table Grid"
            for r, cells in enumerate(rows):
                for c, cell in enumerate(cells):
                    target = table.cell(r, c).paragraphs[0]
                    add_inline(target, cell)
                    if r == 0:
                        for run in target.runs:
                            run.bold = True
            continue
        elif not stripped:
            flush()
        else:
            paragraph.append(line)
        i += 1
    flush()
    document.save(out)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    build(markdown_body(sys.argv[2] if len(sys.argv) > 2 else DEFAULT_SOURCE), sys.argv[1])
