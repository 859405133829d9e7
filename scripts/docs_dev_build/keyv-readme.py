"""Lay out the README of Keyv (npm package keyv 5.6.0) as a Word document.

Source: README.md from the npm package keyv 5.6.0 (`npm pack keyv`, then
`tar xzf keyv-5.6.0.tgz`: package/README.md), by Jared Wray and the Keyv contributors.

Usage: python build_keyv-readme.py OUT.docx [SOURCE]
    SOURCE defaults to ../fetch/npm/keyv-5.6.0/package/README.md beside this script.

Licence: Keyv and its README are released under the MIT License (Copyright (c) Jared Wray);
the README is reproduced here without changes to its wording.

Mapping (Markdown -> Word); no sentence is reworded, only Markdown markup is removed:
    <h1><img alt="keyv"></h1>       -> Title paragraph holding the image's alt text ("keyv")
    "> " block quote                -> Quote style
    lines holding only badge images -> dropped
    "# " / "## " / "### " headings  -> Heading 1 / Heading 2 / Heading 3
    "- " / "* " list items          -> List Bullet; indented two spaces -> List Bullet 2;
                                       indented by a tab (four columns) -> List Bullet 3
    "1. " numbered items            -> List Number
    fenced code blocks (```)        -> one paragraph in a 'Code' style (Courier New), line breaks kept
    pipe tables (with or without outer pipes) -> Word tables (style Table Grid), header row bold
    "<br />" at a line's end        -> a line break inside the paragraph
    inline: **bold** -> bold run, `code` -> Courier New run, [text](url) -> text,
            ![image](url) -> dropped
    other lines                     -> Normal paragraphs (consecutive lines joined with a space)
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = (
    Path(__file__).resolve().parent.parent
    / "fetch" / "npm" / "keyv-5.6.0" / "package" / "README.md"
)

IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
BULLET = re.compile(r"^([ \t]*)[-*]\s+(.*)$")
NUMBERED = re.compile(r"^([ \t]*)\d+\.\s+(.*)$")
TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
H1_IMAGE = re.compile(r'^<h1[^>]*><img[^>]*alt="([^"]*)"[^>]*></h1>$')
BR = re.compile(r"<br\s*/?>\s*$")


def strip_links(text: str) -> str:
    """Drop images and keep the text of links, even when the text holds brackets."""
    text = IMAGE.sub("", text)
    out = []
    i = 0
    while i < len(text):
        close = text.find("](", i)
        if close == -1:
            out.append(text[i:])
            break
        end = text.find(")", close + 2)
        # find the "[" that opens this link text, balancing nested brackets
        depth = 0
        start = -1
        for j in range(close - 1, i - 1, -1):
            if text[j] == "]":
                depth += 1
            elif text[j] == "[":
                if depth == 0:
                    start = j
                    break
                depth -= 1
        if start == -1 or end == -1 or " " in text[close + 2:end]:
            out.append(text[i:close + 2])
            i = close + 2
            continue
        out.append(text[i:start])
        out.append(text[start + 1:close])
        i = end + 1
    return "".join(out)


def add_inline(paragraph, text: str) -> None:
    """Add text to a paragraph as runs, turning inline Markdown into run formatting."""
    text = strip_links(text)
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = paragraph.add_run(part[1:-1])
            run.font.name = "Courier New"
        elif part.startswith("**") and part.endswith("**") and len(part) > 4:
            paragraph.add_run(part[2:-2]).bold = True
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
    style.paragraph_format.space_after = Pt(6)
    return style


def split_row(line: str) -> list:
    line = line.strip().removeprefix("|").removesuffix("|")
    return [cell.strip() for cell in line.split("|")]


def add_table(document, rows: list) -> None:
    header, body = rows[0], rows[1:]
    table = document.add_table(rows=1 + len(body), cols=len(header))
    table.style = "Table Grid"
    for r, cells in enumerate([header] + body):
        for c in range(len(header)):
            cell = table.cell(r, c)
            paragraph = cell.paragraphs[0]
            add_inline(paragraph, cells[c] if c < len(cells) else "")
            if r == 0:
                for run in paragraph.runs:
                    run.bold = True


def is_badge_line(line: str) -> bool:
    return bool(line.strip()) and not strip_links(line).strip()


def list_level(indent: str) -> int:
    width = len(indent.expandtabs(4))
    if width >= 4:
        return 3
    if width >= 2:
        return 2
    return 1


def build(source: Path, out: Path) -> None:
    lines = source.read_text(encoding="utf-8").splitlines()
    document = Document()
    code = code_style(document)
    paragraph_lines: list = []

    def flush() -> None:
        if not paragraph_lines:
            return
        paragraph = document.add_paragraph()
        for k, piece in enumerate(paragraph_lines):
            has_break = bool(BR.search(piece))
            piece = BR.sub("", piece).strip()
            add_inline(paragraph, piece)
            if has_break:
                paragraph.add_run().add_break()
            elif k < len(paragraph_lines) - 1:
                paragraph.add_run(" ")
        paragraph_lines.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            block = []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                block.append(lines[i])
                i += 1
            document.add_paragraph("\n".join(block), style=code)
            i += 1
            continue
        if not stripped:
            flush()
            i += 1
            continue
        match = H1_IMAGE.match(stripped)
        if match:
            flush()
            document.add_paragraph(match.group(1), style="Title")
            i += 1
            continue
        if "|" in line and i + 1 < len(lines) and TABLE_RULE.match(lines[i + 1].strip()):
            flush()
            rows = [split_row(line)]
            i += 2
            while i < len(lines) and "|" in lines[i] and lines[i].strip():
                rows.append(split_row(lines[i]))
                i += 1
            add_table(document, rows)
            continue
        match = HEADING.match(line)
        if match:
            flush()
            level = min(len(match.group(1)), 3)
            paragraph = document.add_paragraph(style=f"Heading {level}")
            add_inline(paragraph, match.group(2))
            i += 1
            continue
        if stripped.startswith(">"):
            flush()
            paragraph = document.add_paragraph(style="Quote")
            add_inline(paragraph, stripped.lstrip(">").strip())
            i += 1
            continue
        if is_badge_line(line):
            flush()
            i += 1
            continue
        match = BULLET.match(line)
        if match:
            flush()
            level = list_level(match.group(1))
            style = "List Bullet" if level == 1 else f"List Bullet {level}"
            paragraph = document.add_paragraph(style=style)
            add_inline(paragraph, match.group(2).strip())
            i += 1
            continue
        match = NUMBERED.match(line)
        if match:
            flush()
            paragraph = document.add_paragraph(style="List Number")
            add_inline(paragraph, match.group(2).strip())
            i += 1
            continue
        paragraph_lines.append(line)
        i += 1
    flush()
    document.core_properties.title = "Keyv README"
    document.save(str(out))


def main() -> None:
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: python build_keyv-readme.py OUT.docx [SOURCE]")
    out = Path(sys.argv[1])
    source = Path(sys.argv[2]) if len(sys.argv) == 3 else DEFAULT_SOURCE
    build(source, out)


if __name__ == "__main__":
    main()
