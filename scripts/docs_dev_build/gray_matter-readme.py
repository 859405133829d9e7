"""Lay out the README of gray-matter (npm package gray-matter 4.0.3) as a Word document.

Source: README.md from the npm package gray-matter 4.0.3 (`npm pack gray-matter`,
then `tar xzf gray-matter-4.0.3.tgz`: package/README.md), by Jon Schlinkert.

Usage: python build_gray_matter-readme.py OUT.docx [SOURCE]
    SOURCE defaults to ../fetch/npm/gray-matter-4.0.3/package/README.md beside this script.

Licence: gray-matter and its README are released under the MIT License
(Copyright (c) 2014-2018, Jon Schlinkert); the README is reproduced here without changes to its
wording.

Mapping (Markdown -> Word); no sentence is reworded, only Markdown markup is removed:
    "# " / "## " / "### " headings  -> Heading 1 / Heading 2 / Heading 3 (badge images dropped)
    "> " block quote                -> Quote style
    "* " / "- " list items          -> List Bullet; items indented by two spaces -> List Bullet 2
    "1. " numbered items            -> List Number
    fenced code blocks (```)        -> one paragraph in a 'Code' style (Courier New), line breaks kept
    pipe tables                     -> Word tables (style Table Grid), header row in bold
    <summary><strong>X</strong>     -> a bold paragraph "X"; other HTML tags (<details>) are dropped
    "***" horizontal rules          -> dropped
    inline: **bold** -> bold run, _italic_ -> italic run, `code` -> Courier New run,
            [text](url) -> text, ![image](url) -> dropped
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
    / "fetch" / "npm" / "gray-matter-4.0.3" / "package" / "README.md"
)

IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]+)(?:\s+\"[^\"]*\")?\)")
INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|(?<!\w)_[^_]+_(?!\w))")
SUMMARY = re.compile(r"<summary><strong>(.*?)</strong></summary>")
TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}")


def strip_links(text: str) -> str:
    """Drop images, keep the text of links."""
    text = IMAGE.sub("", text)
    # links may be nested in a badge link whose text was an image: repeat until stable
    previous = None
    while previous != text:
        previous = text
        text = LINK.sub(r"\1", text)
    return text


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
        elif part.startswith("_") and part.endswith("_") and len(part) > 2:
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
    style.paragraph_format.space_after = Pt(6)
    return style


def split_row(line: str) -> list[str]:
    line = line.strip().removeprefix("|").removesuffix("|")
    return [cell.strip() for cell in line.split("|")]


def add_table(document, rows: list[list[str]]) -> None:
    width = max(len(r) for r in rows)
    table = document.add_table(rows=0, cols=width)
    table.style = "Table Grid"
    for index, row in enumerate(rows):
        cells = table.add_row().cells
        for cell, text in zip(cells, row + [""] * (width - len(row)), strict=False):
            paragraph = cell.paragraphs[0]
            add_inline(paragraph, text)
            if index == 0:
                for run in paragraph.runs:
                    run.bold = True


def build(source: Path, out: Path) -> None:
    lines = source.read_text(encoding="utf-8").splitlines()
    document = Document()
    code = code_style(document)
    paragraph_lines: list[str] = []

    def flush() -> None:
        if paragraph_lines:
            add_inline(document.add_paragraph(), " ".join(s.strip() for s in paragraph_lines))
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
        elif not stripped or stripped == "***":
            flush()
        elif stripped.startswith("#"):
            flush()
            level = len(stripped) - len(stripped.lstrip("#"))
            text = strip_links(stripped[level:].strip()).strip()
            heading = document.add_heading(level=min(level, 3))
            add_inline(heading, text)
        elif SUMMARY.search(stripped):
            flush()
            text = SUMMARY.search(stripped).group(1)
            document.add_paragraph().add_run(text).bold = True
        elif re.fullmatch(r"</?details>", stripped):
            flush()
        elif stripped.startswith(">"):
            flush()
            add_inline(document.add_paragraph(style="Quote"), stripped[1:].strip())
        elif stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                if not TABLE_RULE.match(lines[i].strip()):
                    rows.append(split_row(lines[i]))
                i += 1
            add_table(document, rows)
            continue
        elif re.match(r"^\s*[*-] ", line):
            flush()
            indent = len(line) - len(line.lstrip())
            style = "List Bullet 2" if indent >= 2 else "List Bullet"
            add_inline(document.add_paragraph(style=style), stripped[2:])
        elif re.match(r"^\s*\d+\. ", line):
            flush()
            add_inline(document.add_paragraph(style="List Number"), re.sub(r"^\d+\.\s+", "", stripped))
        else:
            paragraph_lines.append(line)
        i += 1
    flush()
    document.core_properties.title = "gray-matter README"
    document.save(str(out))


def main() -> None:
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    source = Path(sys.argv[2]) if len(sys.argv) == 3 else DEFAULT_SOURCE
    build(source, Path(sys.argv[1]))


if __name__ == "__main__":
    main()
