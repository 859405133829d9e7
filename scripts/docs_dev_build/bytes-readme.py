"""Lay out the README of the npm package ``bytes`` (bytes.js) as a Word document.

Source: ``Readme.md`` of the npm package bytes 3.1.2 (``npm pack bytes`` then
``tar xzf bytes-3.1.2.tgz``, file ``package/Readme.md``), the README of
https://github.com/visionmedia/bytes.js by TJ Holowaychuk and Jed Watson.

Usage::

    python build_bytes-readme.py OUT.docx [SOURCE]

SOURCE defaults to ``../fetch/bytes/package/Readme.md`` beside this script.

Licence: the README is part of bytes, released under the MIT licence
(``package/LICENSE``); the Word file is a relayout of it under the same licence.

Mapping (no sentence is reworded; only Markdown markup is turned into Word layout):

* ``#`` heading -> Heading 1, ``##`` -> Heading 2, ``###``/``####`` -> Heading 3.
* A paragraph (consecutive text lines) -> one Normal paragraph, its lines joined
  with single spaces; ``**bold**`` -> bold run, ```code``` -> run in the Code font,
  ``[text](url)`` -> the link text.
* A paragraph that is only ``**Label**`` -> a Normal paragraph in bold.
* ``*`` / ``-`` list items -> List Bullet; ``1.`` items -> List Number.
* A pipe table -> a Word table ('Table Grid'), the header row in bold; the
  Markdown separator row is dropped, backticks are removed from cells.
* A fenced code block -> one paragraph per line in the paragraph style 'Code'
  (Courier New, 9 pt), created by this script.
* Badge images (``[![...]...]``) and link reference definitions
  (``[name]: url``) are not text a reader sees and are left out.
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = Path(__file__).resolve().parent.parent / "fetch" / "bytes" / "package" / "Readme.md"
CODE_FONT = "Courier New"

INLINE = re.compile(r"(\*\*[^*]+\*\*|`[^`]+`|\[[^\]]+\]\([^)]+\))")
LINK_DEF = re.compile(r"^\[[^\]]+\]:\s+\S+")
BADGE = re.compile(r"^\[!\[")
HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
BULLET = re.compile(r"^\s*[*-]\s+(.*)$")
NUMBERED = re.compile(r"^\s*\d+\.\s+(.*)$")
TABLE_SEP = re.compile(r"^\|?\s*:?-{3,}")


def add_inline(paragraph, text: str) -> None:
    """Add text to a paragraph, turning inline Markdown markup into runs."""
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**"):
            paragraph.add_run(part[2:-2]).bold = True
        elif part.startswith("`") and part.endswith("`"):
            paragraph.add_run(part[1:-1]).font.name = CODE_FONT
        elif part.startswith("["):
            add_inline(paragraph, re.match(r"\[([^\]]+)\]", part).group(1))
        else:
            paragraph.add_run(part)


def cell_text(cell: str) -> str:
    """The text of one Markdown table cell, without backticks."""
    return cell.strip().replace("`", "")


def split_row(line: str) -> list[str]:
    """The cells of one Markdown table row."""
    return [cell_text(c) for c in line.strip().strip("|").split("|")]


def code_style(document):
    """The paragraph style used for code blocks."""
    style = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = CODE_FONT
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def build(source: Path, out: Path) -> None:
    document = Document()
    code_style(document)
    lines = source.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if not stripped or LINK_DEF.match(stripped) or BADGE.match(stripped):
            i += 1
            continue
        if stripped.startswith("```"):
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                document.add_paragraph(lines[i], style="Code")
                i += 1
            i += 1
            continue
        heading = HEADING.match(stripped)
        if heading:
            level = min(len(heading.group(1)), 3)
            add_inline(document.add_heading(level=level), heading.group(2))
            i += 1
            continue
        if stripped.startswith("|"):
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                if not TABLE_SEP.match(lines[i].strip().lstrip("|").strip()):
                    rows.append(split_row(lines[i]))
                i += 1
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    cell = table.cell(r, c)
                    cell.text = text
                    if r == 0:
                        for run in cell.paragraphs[0].runs:
                            run.bold = True
            continue
        bullet = BULLET.match(line)
        numbered = NUMBERED.match(line)
        if bullet or numbered:
            style = "List Bullet" if bullet else "List Number"
            add_inline(document.add_paragraph(style=style), (bullet or numbered).group(1).strip())
            i += 1
            continue
        # an ordinary paragraph: consecutive text lines
        parts = []
        while i < len(lines):
            current = lines[i].strip()
            if (
                not current
                or current.startswith(("```", "|", "#"))
                or BULLET.match(lines[i])
                or NUMBERED.match(lines[i])
            ):
                break
            parts.append(current)
            i += 1
        add_inline(document.add_paragraph(), " ".join(parts))
    document.core_properties.title = "bytes README"
    document.save(out)


def main() -> None:
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    out = Path(sys.argv[1])
    source = Path(sys.argv[2]) if len(sys.argv) == 3 else DEFAULT_SOURCE
    build(source, out)


if __name__ == "__main__":
    main()
