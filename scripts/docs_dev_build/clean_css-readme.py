"""Lay out the clean-css README as a Word document, without rewording it.

Source: README.md of the npm package clean-css 5.3.3 (`npm pack clean-css@5.3.3`,
file package/README.md inside clean-css-5.3.3.tgz), upstream
https://github.com/clean-css/clean-css.

Usage: python build_clean_css-readme.py OUT.docx [SOURCE]
    SOURCE is the README.md (or the .tgz from `npm pack`); without it the script runs
    `npm pack clean-css@5.3.3` in a temporary folder and reads package/README.md from it.

Licence: clean-css is released under the MIT License (package.json "license": "MIT"); the
README text is copied unchanged, only laid out anew.

Mapping (Markdown -> Word):
    # / ## / ### headings      -> Heading 1 / Heading 2 / Heading 3
    "* " / "- " list items     -> List Bullet (nested items: List Bullet 2 / List Bullet 3)
    "1. " list items           -> List Number
    | pipe | tables |          -> Word table (style "Table Grid"), header row in bold
    ``` fenced code ```        -> one paragraph per line in a paragraph style named "Code"
                                  (Courier New 9 pt, no spacing)
    other lines                -> Normal paragraphs (consecutive lines joined with a space)
    `code`, **bold**, __bold__ -> runs in Courier New / bold, the markers dropped
    [text](url)                -> the link text; images, badges and raw HTML are left out
"""

from __future__ import annotations

import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
BADGE = re.compile(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|__[^_]+__)")
BULLET = re.compile(r"^(\s*)[*+-]\s+(.*)$")
NUMBER = re.compile(r"^(\s*)\d+\.\s+(.*)$")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def read_source(argument: str | None) -> str:
    """The README text, from a file, a .tgz from npm pack, or a fresh npm pack."""
    if argument and not argument.endswith(".tgz"):
        return Path(argument).read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        if argument:
            tgz = Path(argument)
        else:
            subprocess.run(["npm", "pack", "clean-css@5.3.3"], cwd=tmp, check=True,
                           capture_output=True)
            tgz = next(Path(tmp).glob("clean-css-*.tgz"))
        with tarfile.open(tgz) as archive:
            member = archive.extractfile("package/README.md")
            if member is None:
                raise SystemExit("package/README.md not found in the archive")
            return member.read().decode("utf-8")


def code_style(document: Document) -> None:
    """Add the 'Code' paragraph style: monospace, small, no space between lines."""
    style = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_before = Pt(0)
    style.paragraph_format.space_after = Pt(0)


def add_runs(paragraph, text: str) -> None:
    """Write text into paragraph, turning inline Markdown into run formatting."""
    text = BADGE.sub("", text)
    text = IMAGE.sub("", text)
    text = LINK.sub(r"\1", text)
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = paragraph.add_run(part[1:-1])
            run.font.name = "Courier New"
        elif (part.startswith("**") and part.endswith("**")) or (
            part.startswith("__") and part.endswith("__")
        ):
            paragraph.add_run(part[2:-2]).bold = True
        else:
            paragraph.add_run(part)


def table_cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def add_table(document: Document, rows: list[str]) -> None:
    header = table_cells(rows[0])
    body = [table_cells(r) for r in rows[2:]]
    table = document.add_table(rows=1 + len(body), cols=len(header))
    table.style = "Table Grid"
    for i, cells in enumerate([header, *body]):
        for j, cell in enumerate(cells[: len(header)]):
            paragraph = table.rows[i].cells[j].paragraphs[0]
            add_runs(paragraph, cell)
            if i == 0:
                for run in paragraph.runs:
                    run.bold = True


def list_style(base: str, indent: str) -> str:
    level = min(len(indent.expandtabs(4)) // 2, 2)
    return base if level == 0 else f"{base} {level + 1}"


def build(text: str, out: Path) -> None:
    document = Document()
    code_style(document)
    lines = text.splitlines()
    i = 0
    paragraph_lines: list[str] = []

    def flush() -> None:
        if paragraph_lines:
            add_runs(document.add_paragraph(), " ".join(s.strip() for s in paragraph_lines))
            paragraph_lines.clear()

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                document.add_paragraph(lines[i], style="Code")
                i += 1
            i += 1
            continue
        if stripped.startswith("<"):
            # raw HTML (the centred logo block at the top): skipped up to its closing tag
            flush()
            tag = re.match(r"<(\w+)", stripped)
            closing = f"</{tag.group(1)}>" if tag else ">"
            while i < len(lines) and closing not in lines[i]:
                i += 1
            i += 1
            continue
        if not stripped:
            flush()
            i += 1
            continue
        if BADGE.fullmatch(stripped) or IMAGE.fullmatch(stripped):
            flush()
            i += 1
            continue
        heading = HEADING.match(line)
        if heading:
            flush()
            level = min(len(heading.group(1)), 3)
            document.add_heading("", level=level)
            add_runs(document.paragraphs[-1], heading.group(2))
            i += 1
            continue
        if stripped.startswith("|") and i + 1 < len(lines) and set(lines[i + 1].strip()) <= set("|-: "):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(document, rows)
            continue
        bullet = BULLET.match(line)
        number = NUMBER.match(line)
        if bullet or number:
            flush()
            match = bullet or number
            style = list_style("List Bullet" if bullet else "List Number", match.group(1))
            item = [match.group(2)]
            i += 1
            # continuation lines indented under the item
            while (
                i < len(lines)
                and lines[i].strip()
                and lines[i].startswith("  ")
                and not BULLET.match(lines[i])
                and not NUMBER.match(lines[i])
            ):
                item.append(lines[i].strip())
                i += 1
            add_runs(document.add_paragraph(style=style), " ".join(item))
            continue
        paragraph_lines.append(line)
        i += 1
    flush()
    document.core_properties.title = "clean-css README"
    document.save(str(out))


def main(argv: list[str]) -> None:
    if len(argv) not in (2, 3):
        raise SystemExit(__doc__)
    build(read_source(argv[2] if len(argv) == 3 else None), Path(argv[1]))


if __name__ == "__main__":
    main(sys.argv)
