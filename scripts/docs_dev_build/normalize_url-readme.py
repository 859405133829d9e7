"""Lay out the README of normalize-url (npm package normalize-url 9.0.1) as a Word document.

Source: readme.md from the npm package normalize-url 9.0.1 (`npm pack normalize-url`,
then `tar xzf normalize-url-9.0.1.tgz`: package/readme.md), by Sindre Sorhus.

Usage: python build_normalize_url-readme.py OUT.docx [SOURCE]
    SOURCE defaults to ../fetch/npm/normalize-url-9.0.1/package/readme.md beside this script.

Licence: normalize-url and its readme are released under the MIT License
(Copyright (c) Sindre Sorhus, package/license); the readme is reproduced here without changes
to its wording.

Mapping (Markdown -> Word); no sentence is reworded, only Markdown markup is removed:
    "#" ... "#####" headings           -> Heading 1 ... Heading 5 (the badge image is dropped)
    "> " block quote lines              -> one paragraph in the Quote style; the GitHub alert
                                           marker "[!NOTE]" becomes a bold "Note" label line
    "- " list items                     -> List Bullet
    "1. " numbered items                -> List Number
    fenced code blocks (```)            -> one paragraph in a 'Code' style (Courier New),
                                           line breaks and tabs kept
    pipe tables                         -> Word tables (style Table Grid), header row in bold
    lines ending in a backslash         -> a line break inside the same paragraph
                                           (the "Type: / Default: / Values:" blocks)
    inline: **bold** -> bold run, `code` -> Courier New run, [text](url) -> text,
            ![image](url) -> dropped
    other lines                         -> Normal paragraphs (consecutive lines joined with a space)
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = (
    Path(__file__).resolve().parent.parent
    / "fetch" / "npm" / "normalize-url-9.0.1" / "package" / "readme.md"
)

IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\(([^()\s]*(?:\([^()\s]*\))?[^()\s]*)\)")
INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*)")
TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}")
ALERT = re.compile(r"^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]$")


def strip_links(text: str) -> str:
    """Drop images, keep the text of links (repeated so a link around an image goes too)."""
    previous = None
    while previous != text:
        previous = text
        text = IMAGE.sub("", text)
        text = LINK.sub(r"\1", text)
    return text


def add_inline(paragraph, text: str) -> None:
    """Add text to a paragraph as runs, turning inline Markdown into run formatting."""
    text = strip_links(text)
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            paragraph.add_run(part[1:-1]).font.name = "Courier New"
        elif part.startswith("**") and part.endswith("**") and len(part) > 4:
            paragraph.add_run(part[2:-2]).bold = True
        else:
            paragraph.add_run(part)


def code_style(document):
    """Return the 'Code' paragraph style, creating it if needed."""
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


def add_broken_lines(paragraph, lines: list[str]) -> None:
    """Add lines to one paragraph; a trailing backslash is a hard line break."""
    for number, line in enumerate(lines):
        if number:
            paragraph.add_run().add_break()
        add_inline(paragraph, line.strip().removesuffix("\\"))


def build(source: Path, out: Path) -> None:
    lines = source.read_text(encoding="utf-8").splitlines()
    document = Document()
    code = code_style(document)
    pending: list[str] = []

    def flush() -> None:
        if not pending:
            return
        paragraph = document.add_paragraph()
        if any(s.rstrip().endswith("\\") for s in pending):
            add_broken_lines(paragraph, pending)
        else:
            add_inline(paragraph, " ".join(s.strip() for s in pending))
        pending.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            block = []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                block.append(lines[i].replace("\t", "    "))
                i += 1
            document.add_paragraph("\n".join(block), style=code)
        elif not stripped:
            flush()
        elif stripped.startswith("#"):
            flush()
            level = len(stripped) - len(stripped.lstrip("#"))
            heading = document.add_heading(level=min(level, 5))
            add_inline(heading, strip_links(stripped[level:]).strip())
        elif stripped.startswith(">"):
            flush()
            quote = []
            while i < len(lines) and lines[i].strip().startswith(">"):
                quote.append(lines[i].strip()[1:].strip())
                i += 1
            paragraph = document.add_paragraph(style="Quote")
            if quote and ALERT.match(quote[0]):
                label = paragraph.add_run(ALERT.match(quote[0]).group(1).capitalize())
                label.bold = True
                label.add_break()
                quote = quote[1:]
            add_inline(paragraph, " ".join(quote))
            continue
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
            add_inline(document.add_paragraph(style="List Bullet"), stripped[2:])
        elif re.match(r"^\s*\d+\. ", line):
            flush()
            text = re.sub(r"^\d+\.\s+", "", stripped)
            add_inline(document.add_paragraph(style="List Number"), text)
        else:
            pending.append(line)
        i += 1
    flush()
    document.core_properties.title = "normalize-url README"
    document.core_properties.author = "Sindre Sorhus"
    document.save(str(out))


def main() -> None:
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    source = Path(sys.argv[2]) if len(sys.argv) == 3 else DEFAULT_SOURCE
    build(source, Path(sys.argv[1]))


if __name__ == "__main__":
    main()
