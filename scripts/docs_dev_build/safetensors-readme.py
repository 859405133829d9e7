"""Lay the safetensors README out as a Word document, without rewording it.

Usage: python build_safetensors-readme.py OUT.docx [SOURCE]

Source: README.md of the safetensors project (https://github.com/huggingface/safetensors,
commit 0034b77cb9403f7e498764de4a2a291d8bcbd9f1), saved verbatim as
/tmp/s22/bH/fetch/safetensors-README.md (the default SOURCE).
Licence: Apache License 2.0 (the README ends with "License: Apache-2.0"; the repository's
LICENSE file is the Apache-2.0 text), which permits redistribution.

Mapping from Markdown to Word:
- the preamble before the first heading (an HTML <p><picture> banner and the "Python" /
  "Rust" rows of badge images) is decoration, not text, and is left out;
- "#", "##", "###", "####" headings -> the styles Heading 1 .. Heading 4;
- "- " list items -> 'List Bullet' (nested by two or more spaces -> 'List Bullet 2'),
  "1. " items -> 'List Number'; a list item's continuation lines are joined to it
  with single spaces, as a Markdown renderer does;
- pipe tables -> Word tables (style 'Table Grid'), the header row in bold; cells keep
  their text (the check marks and crosses included);
- fenced code blocks -> one paragraph per line in the paragraph style 'Code'
  (Courier New 9 pt), indentation kept;
- other consecutive text lines -> one 'Normal' paragraph, lines joined with spaces;
- inline markup: `code` -> a Courier New run (backticks dropped), **bold** -> bold run,
  [text](url) -> text, <url> -> url, images dropped. No word of the text is changed.
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "/tmp/s22/bH/fetch/safetensors-README.md"
MONO = "Courier New"

IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
AUTOLINK = re.compile(r"<(https?://[^>]+)>")
BULLET = re.compile(r"^(\s*)[-*] (.*)$")
NUMBER = re.compile(r"^(\s*)\d+\. (.*)$")
HEADING = re.compile(r"^(#{1,6}) (.*)$")


def clean(text: str) -> str:
    """Remove link and image markup, keeping the visible text."""
    text = IMAGE.sub("", text)
    text = LINK.sub(r"\1", text)
    return AUTOLINK.sub(r"\1", text)


def add_runs(paragraph, text: str) -> None:
    """Add text to a paragraph, `code` spans in monospace and **bold** spans in bold."""
    for part in re.split(r"(`[^`]+`|\*\*[^*]+\*\*)", clean(text)):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = paragraph.add_run(part[1:-1])
            run.font.name = MONO
        elif part.startswith("**") and part.endswith("**") and len(part) > 3:
            paragraph.add_run(part[2:-2]).bold = True
        else:
            paragraph.add_run(part)


def split_row(line: str) -> list[str]:
    cells = line.strip()
    if cells.startswith("|"):
        cells = cells[1:]
    if cells.endswith("|"):
        cells = cells[:-1]
    return [c.strip() for c in cells.split("|")]


def is_separator(line: str) -> bool:
    return bool(re.fullmatch(r"\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*", line))


def code_style(document):
    style = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = MONO
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def build(out: str, source: str) -> None:
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    # Skip the decorative preamble: everything before the first heading.
    start = next(i for i, line in enumerate(lines) if HEADING.match(line))
    lines = lines[start:]

    document = Document()
    code_style(document)
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if line.lstrip().startswith("```"):
            i += 1
            while i < len(lines) and not lines[i].lstrip().startswith("```"):
                document.add_paragraph(lines[i], style="Code")
                i += 1
            i += 1  # closing fence
            continue
        heading = HEADING.match(line)
        if heading:
            level = min(len(heading.group(1)), 4)
            paragraph = document.add_heading("", level=level)
            add_runs(paragraph, heading.group(2).strip())
            i += 1
            continue
        if line.lstrip().startswith("|") and i + 1 < len(lines) and is_separator(lines[i + 1]):
            header = split_row(line)
            rows = []
            i += 2
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                rows.append(split_row(lines[i]))
                i += 1
            table = document.add_table(rows=1 + len(rows), cols=len(header))
            table.style = "Table Grid"
            for r, cells in enumerate([header, *rows]):
                for c in range(len(header)):
                    cell = table.cell(r, c)
                    paragraph = cell.paragraphs[0]
                    add_runs(paragraph, cells[c] if c < len(cells) else "")
                    if r == 0:
                        for run in paragraph.runs:
                            run.bold = True
            continue
        item = BULLET.match(line) or NUMBER.match(line)
        if item:
            numbered = NUMBER.match(line) is not None
            indent = len(item.group(1))
            text = item.group(2).strip()
            i += 1
            while i < len(lines) and lines[i].strip() and not (
                BULLET.match(lines[i]) or NUMBER.match(lines[i]) or HEADING.match(lines[i])
                or lines[i].lstrip().startswith(("```", "|"))
            ):
                text += " " + lines[i].strip()
                i += 1
            style = "List Number" if numbered else "List Bullet"
            if indent >= 2:
                style += " 2"
            add_runs(document.add_paragraph(style=style), text)
            continue
        text = line.strip()
        i += 1
        while i < len(lines) and lines[i].strip() and not (
            BULLET.match(lines[i]) or NUMBER.match(lines[i]) or HEADING.match(lines[i])
            or lines[i].lstrip().startswith(("```", "|"))
        ):
            text += " " + lines[i].strip()
            i += 1
        add_runs(document.add_paragraph(), text)
    document.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    build(sys.argv[1], sys.argv[2] if len(sys.argv) == 3 else DEFAULT_SOURCE)
