"""Lay out the object-hash README (Markdown) as a Word document, without rewording it.

Source: readme.markdown of the npm package object-hash 3.0.0
(`npm pack object-hash@3.0.0`, then `tar xzf object-hash-3.0.0.tgz`, file
`package/readme.markdown`).

Usage: python build_object_hash-readme.py OUT.docx [SOURCE]
    SOURCE defaults to fetch/objhash/readme.markdown beside this script's batch folder.

Licence: object-hash is MIT-licensed (package.json "license": "MIT", LICENSE file);
the README is redistributed here under the same licence.

Mapping (Markdown -> Word), every sentence kept as written:
    "# ", "## ", "### " headings   -> Title / Heading 1 / Heading 2
    "* " list items                -> List Bullet; items indented by two spaces -> List Bullet 2;
                                      indented continuation lines are joined to their item
    "1. " list items               -> List Number
    | pipe | tables |              -> Word tables (header row bold), style "Table Grid"
    fenced code blocks (```)       -> one paragraph per line in a 'Code' paragraph style
                                      (Courier New 9 pt, created here)
    other lines                    -> Normal paragraphs; consecutive lines joined with a space
    **bold**, *italic*, `code`     -> bold, italic and Courier New runs (markers dropped)
    [text](url)                    -> text; ![alt](img) inside a sentence -> alt text;
                                      paragraphs made only of badge images are left out
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = Path(__file__).resolve().parent.parent / "fetch" / "objhash" / "readme.markdown"

INLINE = re.compile(r"(\*\*[^*]+\*\*|`[^`]+`|\*[^*\s][^*]*\*)")
LINKED_IMAGE = re.compile(r"\[!\[([^\]]*)\]\([^)]*\)\]\([^)]*\)")
IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def only_images(text: str) -> bool:
    """True for a paragraph made of badge images and nothing else."""
    rest = LINKED_IMAGE.sub("", text)
    rest = IMAGE.sub("", rest)
    return rest.strip() == ""


def plain_links(text: str) -> str:
    text = LINKED_IMAGE.sub(r"\1", text)
    text = IMAGE.sub(r"\1", text)
    return LINK.sub(r"\1", text)


def add_runs(paragraph, text: str) -> None:
    """Add text to a paragraph, turning Markdown emphasis and code spans into run formatting."""
    for part in INLINE.split(plain_links(text)):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            paragraph.add_run(part[2:-2]).bold = True
        elif part.startswith("`") and part.endswith("`") and len(part) > 2:
            run = paragraph.add_run(part[1:-1])
            run.font.name = "Courier New"
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            paragraph.add_run(part[1:-1]).italic = True
        else:
            paragraph.add_run(part)


def code_style(document):
    style = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def add_table(document, rows: list[str]) -> None:
    cells = [[c.strip() for c in row.strip().strip("|").split("|")] for row in rows]
    cells = [r for r in cells if not all(re.fullmatch(r":?-{2,}:?", c) for c in r)]
    table = document.add_table(rows=len(cells), cols=max(len(r) for r in cells))
    table.style = "Table Grid"
    for i, row in enumerate(cells):
        for j, value in enumerate(row):
            paragraph = table.cell(i, j).paragraphs[0]
            add_runs(paragraph, value)
            if i == 0:
                for run in paragraph.runs:
                    run.bold = True


def build(source: Path, out: Path) -> None:
    document = Document()
    code_style(document)
    lines = source.read_text(encoding="utf-8").splitlines()
    paragraph_lines: list[str] = []
    item: tuple[str, list[str]] | None = None  # (style, lines)

    def flush() -> None:
        nonlocal item
        if paragraph_lines:
            text = " ".join(line.strip() for line in paragraph_lines)
            if not only_images(text):
                add_runs(document.add_paragraph(), text)
            paragraph_lines.clear()
        if item is not None:
            style, parts = item
            add_runs(document.add_paragraph(style=style), " ".join(p.strip() for p in parts))
            item = None

    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].startswith("```"):
                document.add_paragraph(lines[i], style="Code")
                i += 1
            i += 1
            continue
        heading = re.match(r"(#{1,6}) (.*)", line)
        if heading:
            flush()
            level = len(heading.group(1)) - 1
            add_runs(document.add_heading(level=min(level, 9)), heading.group(2).strip())
            i += 1
            continue
        if line.lstrip().startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(document, rows)
            continue
        bullet = re.match(r"( *)[*-] (.*)", line)
        number = re.match(r" *\d+\. (.*)", line)
        if bullet:
            flush()
            style = "List Bullet 2" if len(bullet.group(1)) >= 2 else "List Bullet"
            item = (style, [bullet.group(2)])
        elif number:
            flush()
            item = ("List Number", [number.group(1)])
        elif not line.strip():
            flush()
        elif item is not None and line.startswith(" "):
            item[1].append(line)
        else:
            if item is not None:
                flush()
            paragraph_lines.append(line)
        i += 1
    flush()
    document.save(str(out))


def main() -> None:
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    source = Path(sys.argv[2]) if len(sys.argv) == 3 else DEFAULT_SOURCE
    build(source, Path(sys.argv[1]))


if __name__ == "__main__":
    main()
