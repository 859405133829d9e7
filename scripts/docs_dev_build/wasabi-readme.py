"""Lay out the README of wasabi (PyPI package wasabi 1.1.3) as a Word document.

Source: the long description (README) in the METADATA of the PyPI wheel wasabi 1.1.3
(`pip download --no-deps wasabi`, then `unzip -p wasabi-1.1.3-py3-none-any.whl
'*/METADATA'`, everything after the header block, i.e. after the first empty line),
by Explosion (Ines Montani).

Usage: python build_wasabi-readme.py OUT.docx [SOURCE]
    SOURCE is the README as Markdown; it defaults to ../fetch/pypi/wasabi-README.md beside
    this script. A METADATA file may be given as well: its header block is skipped.

Licence: wasabi and its README are released under the MIT License (METADATA `License: MIT`,
LICENSE in the wheel: Copyright (C) 2018 Ines Montani); the README is reproduced here without
changes to its wording.

Mapping (Markdown -> Word); no sentence is reworded, only Markdown and HTML markup is removed:
    "# " / "## " / "### " / "#### " headings -> Heading 1 / 2 / 3 / 4
        (<kbd>X</kbd> inside a heading -> its text X)
    badge lines ([![...](...)](...)) and <img> tags  -> dropped
    <!-- comments -->                       -> dropped
    "- " list items                         -> List Bullet
    "1. " numbered items                    -> List Number
    fenced code blocks (``` or ````)        -> one paragraph in a 'Code' style (Courier New),
                                               line breaks kept
    pipe tables                             -> Word tables (style Table Grid), header row in bold;
                                               "\\|" in a cell -> "|"; short rows padded
    inline: **bold** -> bold run, _italic_ -> italic run, `code` -> Courier New run,
            [text](url) -> text
    other lines                             -> Normal paragraphs (consecutive lines joined
                                               with a space)
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = Path(__file__).resolve().parent.parent / "fetch" / "pypi" / "wasabi-README.md"

IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\(([^()\s]+)\)")
INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|(?<!\w)_[^_]+_(?!\w))")
KBD = re.compile(r"</?kbd>")
HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
BULLET = re.compile(r"^\s*[-*]\s+(.*)$")
NUMBERED = re.compile(r"^\s*\d+\.\s+(.*)$")
FENCE = re.compile(r"^(`{3,})")
TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}")
CELL_SPLIT = re.compile(r"(?<!\\)\|")


def read_source(path: Path) -> list[str]:
    """Return the README lines; skip a METADATA header block if there is one."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if lines and lines[0].startswith("Metadata-Version:"):
        lines = lines[lines.index("") + 1:]
    return lines


def strip_links(text: str) -> str:
    """Drop images, keep the text of links."""
    previous = None
    while previous != text:
        previous = text
        text = IMAGE.sub("", text)
        text = LINK.sub(r"\1", text)
    return text


def add_inline(paragraph, text: str) -> None:
    """Add text to a paragraph as runs, turning inline Markdown into run formatting."""
    text = strip_links(KBD.sub("", text))
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = paragraph.add_run(part[1:-1])
            run.font.name = "Courier New"
        elif part.startswith("**") and part.endswith("**") and len(part) > 4:
            paragraph.add_run(part[2:-2]).bold = True
        elif part.startswith("_") and part.endswith("_") and len(part) > 2:
            paragraph.add_run(part[1:-1]).italic = True
        else:
            paragraph.add_run(part)


def code_style(document):
    """Return the 'Code' paragraph style, creating it on first use."""
    styles = document.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(6)
    return style


def split_row(line: str) -> list[str]:
    """Split a pipe-table row into cell texts; an escaped pipe stays in its cell."""
    line = line.strip()
    line = line.removeprefix("|")
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    return [cell.strip().replace("\\|", "|") for cell in CELL_SPLIT.split(line)]


def add_table(document, rows: list[list[str]]) -> None:
    """Add a Word table; the first row is the header (bold)."""
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for i, row in enumerate(rows):
        for j in range(width):
            cell = table.rows[i].cells[j]
            paragraph = cell.paragraphs[0]
            text = row[j] if j < len(row) else ""
            add_inline(paragraph, text)
            if i == 0:
                for run in paragraph.runs:
                    run.bold = True


def is_dropped(line: str) -> bool:
    """Badges, images and HTML comments carry no text for the reader."""
    stripped = line.strip()
    if stripped.startswith(("<img", "<!--")):
        return True
    return stripped.startswith("[![") and not strip_links(stripped).strip()


def build(source: Path, out: Path) -> None:
    lines = read_source(source)
    document = Document()
    code = code_style(document)
    paragraph_lines: list[str] = []

    def flush() -> None:
        if paragraph_lines:
            add_inline(document.add_paragraph(), " ".join(paragraph_lines))
            paragraph_lines.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        fence = FENCE.match(line.strip())
        if fence:
            flush()
            marker = fence.group(1)
            body = []
            i += 1
            while i < len(lines) and lines[i].strip() != marker:
                body.append(lines[i])
                i += 1
            document.add_paragraph("\n".join(body), style=code)
            i += 1
            continue
        if not line.strip() or is_dropped(line):
            flush()
            i += 1
            continue
        heading = HEADING.match(line)
        if heading:
            flush()
            level = min(len(heading.group(1)), 4)
            add_inline(document.add_heading(level=level), heading.group(2).strip())
            i += 1
            continue
        if line.lstrip().startswith("|") and i + 1 < len(lines) and TABLE_RULE.match(lines[i + 1].strip()):
            flush()
            rows = [split_row(line)]
            i += 2
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                rows.append(split_row(lines[i]))
                i += 1
            add_table(document, rows)
            continue
        bullet = BULLET.match(line)
        numbered = NUMBERED.match(line)
        if bullet or numbered:
            flush()
            style = "List Bullet" if bullet else "List Number"
            add_inline(document.add_paragraph(style=style), (bullet or numbered).group(1))
            i += 1
            continue
        paragraph_lines.append(line.strip())
        i += 1
    flush()
    document.save(out)


def main() -> None:
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    source = Path(sys.argv[2]) if len(sys.argv) == 3 else DEFAULT_SOURCE
    build(source, Path(sys.argv[1]))


if __name__ == "__main__":
    main()
