"""Lay the Vulture README out as a Word document, without rewording it.

Usage: python build_vulture-readme.py OUT.docx [SOURCE]

Source: the README of Vulture 2.16 ("Find dead code", https://github.com/jendrikseipp/vulture),
as shipped in the long description of the PyPI wheel vulture-2.16-py3-none-any.whl
(`pip download --no-deps vulture==2.16`, file vulture-2.16.dist-info/METADATA: the Markdown body
after the header block). SOURCE may be that METADATA file or the bare README.md; by default the
METADATA unpacked in fetch/pypi/ beside this script is read.

Licence: Vulture is released under the MIT License (vulture-2.16.dist-info/licenses/LICENSE.txt,
"License: The MIT License (MIT)" in METADATA), which permits redistribution.

Mapping from Markdown to Word (the words themselves are kept as written):
  - "#", "##", "###", "####" headings   -> Word styles Heading 1 .. Heading 4
  - "*" / "-" list items (with their wrapped continuation lines) -> style 'List Bullet'
  - "1." list items                    -> style 'List Number'
  - pipe tables                         -> Word tables (style 'Table Grid'), the header row bold,
                                           the |---| separator row dropped
  - fenced code blocks and 4-space indented blocks -> one paragraph per line in a paragraph
                                           style 'Code' (Courier New 9 pt)
  - other text                          -> 'Normal' paragraphs; wrapped lines are joined with spaces
  - inline markup: [text](url) -> text, <url> -> url, `code` -> Courier New run,
    **bold** -> bold run, *x* / _x_ -> italic run, backslash escapes -> the bare character,
    HTML tags such as <span ...> are removed (their text kept)
  - dropped because a rendered README does not show them as text: badge lines (images only)
    and <!-- ... --> comment blocks (which hide a draft "noqa" section and error-code table).
"""
import re
import sys
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE / "fetch/pypi/vulture-2.16.dist-info/METADATA"
MONO = "Courier New"


def readme_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if path.name == "METADATA":  # the long description follows the first blank line
        text = text.split("\n\n", 1)[1]
    return text


def strip_comments(text: str) -> str:
    return re.sub(r"<!--.*?-->", "", text, flags=re.S)


INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|(?<![\w\\])\*[^*\s][^*]*\*|(?<!\w)_[^_\s][^_]*_(?!\w))")


def clean(text: str) -> str:
    """Remove link and HTML markup from a piece of inline text (keeps code spans as they are)."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)  # autolinks
    text = re.sub(r"</?[a-zA-Z][^>]*>", "", text)  # HTML tags
    return text


def unescape(text: str) -> str:
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!<>|])", r"\1", text)


def add_runs(par, text: str) -> None:
    text = clean(text)
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = par.add_run(part[1:-1])
            run.font.name = MONO
        elif part.startswith("**") and part.endswith("**") and len(part) > 4:
            par.add_run(unescape(part[2:-2])).bold = True
        elif (part[0] in "*_") and part.endswith(part[0]) and len(part) > 2:
            par.add_run(unescape(part[1:-1])).italic = True
        else:
            par.add_run(unescape(part))


def code_style(document):
    style = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = MONO
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def add_table(document, rows: list[str]) -> None:
    cells = [[c.strip() for c in r.strip().strip("|").split("|")] for r in rows]
    cells = [r for r in cells if not all(re.fullmatch(r":?-+:?", c) for c in r)]
    table = document.add_table(rows=len(cells), cols=len(cells[0]))
    table.style = "Table Grid"
    for i, row in enumerate(cells):
        for j, value in enumerate(row):
            par = table.cell(i, j).paragraphs[0]
            add_runs(par, value)
            if i == 0:
                for run in par.runs:
                    run.bold = True


def build(source: Path, out: Path) -> None:
    lines = strip_comments(readme_text(source)).split("\n")
    document = docx.Document()
    code_style(document)
    i, n = 0, len(lines)
    prev_blank = True
    while i < n:
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            prev_blank = True
            i += 1
            continue
        if stripped.startswith("```"):  # fenced code block
            i += 1
            while i < n and not lines[i].strip().startswith("```"):
                document.add_paragraph(lines[i], style="Code")
                i += 1
            i += 1
        elif line.startswith("    ") and prev_blank:  # indented code block
            while i < n and (lines[i].startswith("    ") or not lines[i].strip()):
                if lines[i].strip():
                    document.add_paragraph(lines[i][4:], style="Code")
                i += 1
        elif m := re.match(r"(#{1,6})\s+(.*)", stripped):
            level = min(len(m.group(1)), 4)
            par = document.add_paragraph(style=f"Heading {level}")
            add_runs(par, m.group(2).strip())
            i += 1
        elif stripped.startswith("|"):
            rows = []
            while i < n and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(document, rows)
        elif m := re.match(r"([*-]|\d+\.)\s+(.*)", stripped):
            style = "List Number" if m.group(1)[0].isdigit() else "List Bullet"
            parts = [m.group(2)]
            i += 1
            while i < n and lines[i].strip() and lines[i].startswith("  ") \
                    and not re.match(r"([*-]|\d+\.)\s", lines[i].strip()):
                parts.append(lines[i].strip())
                i += 1
            add_runs(document.add_paragraph(style=style), " ".join(parts))
        else:  # a paragraph: wrapped lines up to a blank line or another block
            parts = []
            while i < n and lines[i].strip() and not re.match(r"(#|\||```|[*-]\s|\d+\.\s)", lines[i].strip()):
                parts.append(lines[i].strip())
                i += 1
            text = " ".join(parts)
            if clean(text).strip():  # badge-only lines leave nothing
                add_runs(document.add_paragraph(), text)
        prev_blank = False
    document.core_properties.title = "Vulture - Find dead code"
    document.save(str(out))


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    build(Path(sys.argv[2]) if len(sys.argv) == 3 else DEFAULT_SOURCE, Path(sys.argv[1]))
