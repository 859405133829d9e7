"""Build a Word version of the README of boxen, the npm package that draws boxes in the terminal.

Source: readme.md of the npm package boxen 8.0.1, by Sindre Sorhus and Caesarovich
(`npm pack boxen`, then `tar xzf boxen-8.0.1.tgz`: package/readme.md).

Usage: python build_boxen-readme.py OUT.docx [SOURCE]
    SOURCE defaults to ../fetch/npm/boxen-8.0.1/package/readme.md, next to this script's folder.

Licence: boxen and its readme are under the MIT License (Copyright (c) Sindre Sorhus,
package/license and package.json "license"); the text is reproduced without changing its wording.

Mapping from the Markdown source to Word (not one sentence is reworded; only markup goes):
    "#" to "#####" headings        -> Heading 1 to Heading 5
    "> " quoted tagline            -> a paragraph in the Quote style
    "- " / "* " list items          -> List Bullet paragraphs
    "1. " numbered items            -> List Number paragraphs
    pipe tables (none in 8.0.1)     -> Word tables in the Table Grid style, bold header row
    fenced code blocks (```)        -> one paragraph in a 'Code' style (Courier New 9 pt),
                                       line breaks kept, tabs shown as four spaces
    "Type:" / "Default:" / "Values:" lines ending in a backslash
                                    -> one paragraph with a line break after each line
    inline `code`                   -> a Courier New run
    inline **bold** / *italic*      -> bold / italic runs
    [text](url)                     -> text only; ![image](url) -> dropped (the screenshot)
    other consecutive lines         -> one Normal paragraph, lines joined with a space
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = (
    Path(__file__).resolve().parent.parent / "fetch" / "npm" / "boxen-8.0.1" / "package" / "readme.md"
)

IMAGE_RE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK_RE = re.compile(r"\[([^\]]+)\]\([^)]*\)")
INLINE_RE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|\*[^*\s][^*]*\*)")
RULE_RE = re.compile(r"^\|?\s*:?-{3,}")
BULLET_RE = re.compile(r"^\s*[-*] ")
NUMBER_RE = re.compile(r"^\s*\d+\. ")


def plain(text: str) -> str:
    """Remove images and keep only the text of links."""
    return LINK_RE.sub(r"\1", IMAGE_RE.sub("", text))


def add_runs(paragraph, text: str) -> None:
    """Append text to a paragraph, turning inline Markdown into run formatting."""
    for part in INLINE_RE.split(plain(text)):
        if not part:
            continue
        if len(part) > 2 and part[0] == part[-1] == "`":
            paragraph.add_run(part[1:-1]).font.name = "Courier New"
        elif len(part) > 4 and part.startswith("**") and part.endswith("**"):
            paragraph.add_run(part[2:-2]).bold = True
        elif len(part) > 2 and part[0] == part[-1] == "*":
            paragraph.add_run(part[1:-1]).italic = True
        else:
            paragraph.add_run(part)


def make_code_style(document):
    """Create the 'Code' paragraph style (monospaced, small, no extra spacing)."""
    style = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_before = Pt(0)
    style.paragraph_format.space_after = Pt(6)
    return style


def add_table(document, rows: list[list[str]]) -> None:
    """Add a Markdown pipe table as a Word table with a bold header row."""
    width = max(len(row) for row in rows)
    table = document.add_table(rows=0, cols=width)
    table.style = "Table Grid"
    for number, row in enumerate(rows):
        cells = table.add_row().cells
        for cell, text in zip(cells, row + [""] * (width - len(row)), strict=False):
            add_runs(cell.paragraphs[0], text)
            if number == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True


def build(source: Path, out: Path) -> None:
    """Read the Markdown README at source and write the Word document to out."""
    lines = source.read_text(encoding="utf-8").splitlines()
    document = Document()
    code = make_code_style(document)
    pending: list[str] = []

    def flush() -> None:
        if not pending:
            return
        paragraph = document.add_paragraph()
        if any(line.rstrip().endswith("\\") for line in pending):
            for number, line in enumerate(pending):
                if number:
                    paragraph.add_run().add_break()
                add_runs(paragraph, line.strip().removesuffix("\\"))
        else:
            add_runs(paragraph, " ".join(line.strip() for line in pending))
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
        elif not stripped or (IMAGE_RE.fullmatch(stripped)):
            flush()
        elif stripped.startswith("#"):
            flush()
            level = len(stripped) - len(stripped.lstrip("#"))
            add_runs(document.add_heading(level=min(level, 5)), stripped[level:].strip())
        elif stripped.startswith(">"):
            flush()
            add_runs(document.add_paragraph(style="Quote"), stripped[1:].strip())
        elif stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                row = lines[i].strip()
                if not RULE_RE.match(row):
                    rows.append([c.strip() for c in row.strip("|").split("|")])
                i += 1
            add_table(document, rows)
            continue
        elif BULLET_RE.match(line):
            flush()
            add_runs(document.add_paragraph(style="List Bullet"), stripped[2:])
        elif NUMBER_RE.match(line):
            flush()
            add_runs(document.add_paragraph(style="List Number"), NUMBER_RE.sub("", line))
        else:
            pending.append(line)
        i += 1
    flush()
    document.core_properties.title = "boxen README"
    document.core_properties.author = "Sindre Sorhus"
    document.save(str(out))


def main() -> None:
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    source = Path(sys.argv[2]) if len(sys.argv) == 3 else DEFAULT_SOURCE
    build(source, Path(sys.argv[1]))


if __name__ == "__main__":
    main()
