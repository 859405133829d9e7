"""Build pino_pretty-readme.docx: the pino-pretty README laid out as a Word document.

Source: ``package/Readme.md`` of the npm package pino-pretty 13.2.0
(``npm pack pino-pretty@13.2.0 && tar xzf pino-pretty-13.2.0.tgz``).

Usage::

    python build_pino_pretty-readme.py OUT.docx [SOURCE]

SOURCE defaults to ``package/Readme.md`` in the current directory.

Licence: pino-pretty and its README are MIT licensed (``"license": "MIT"`` in
package.json, LICENSE in the package); this script is offered under the same terms.

Mapping (no sentence is reworded; soft-wrapped lines of one paragraph or list item
are joined with a space):

* ``#`` / ``##`` / ``###`` headings -> Heading 1 / Heading 2 / Heading 3
* ``-`` and ``*`` list items -> List Bullet (nested items -> List Bullet 2)
* ``1.`` list items -> List Number
* fenced code blocks -> one 'Code' paragraph per line (monospace style made here)
* Markdown tables -> Word tables (first row bold)
* other text -> Normal paragraphs
* inline markup: ``code`` -> monospace run, ``**x**``/``__x__`` -> bold,
  ``_x_``/``*x*`` -> italic, ``[text](url)`` and ``[text][ref]`` -> text;
  badge images, ``![alt](src)`` images, ``<a id>`` anchors and link reference
  definitions are left out, as a reader of the rendered README does not see them as text.
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

INLINE = re.compile(
    r"(`[^`]+`)"  # code
    r"|(\*\*[^*]+\*\*|__[^_]+__)"  # bold
    r"|(?<![\w\\])(_[^_\s][^_]*_|\*[^*\s][^*]*\*)(?!\w)"  # italic
)
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")
ANCHOR = re.compile(r"<a id=\"[^\"]*\"></a>")
REFDEF = re.compile(r"^\[[^\]]+\]:\s+\S+")
LIST = re.compile(r"^(\s*)([-*]|\d+\.)\s+(.*)$")
HEADING = re.compile(r"^(#{1,6})\s+(.*)$")


def clean(text: str) -> str:
    """Drop images and anchors, keep the visible text of links."""
    text = ANCHOR.sub("", text)
    text = IMAGE.sub("", text)
    text = re.sub(r"\[\]\([^)]*\)", "", text)  # a link left empty by a badge image
    return LINK.sub(r"\1", text).strip()


def add_runs(paragraph, text: str) -> None:
    """Add text to a paragraph, turning inline Markdown into run formatting."""
    pos = 0
    for match in INLINE.finditer(text):
        if match.start() > pos:
            paragraph.add_run(text[pos : match.start()])
        code, bold, italic = match.groups()
        if code:
            run = paragraph.add_run(code[1:-1])
            run.font.name = "Courier New"
        elif bold:
            paragraph.add_run(bold[2:-2]).bold = True
        else:
            paragraph.add_run(italic[1:-1]).italic = True
        pos = match.end()
    if pos < len(text):
        paragraph.add_run(text[pos:])


def code_style(document):
    """A 'Code' paragraph style: monospace, no space after."""
    style = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = "Courier New"
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
            paragraph = table.cell(i, j).paragraphs[0]
            add_runs(paragraph, clean(value))
            if i == 0:
                for run in paragraph.runs:
                    run.bold = True


def build(source: Path, out: Path) -> None:
    lines = source.read_text(encoding="utf-8").splitlines()
    document = Document()
    code_style(document)
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                document.add_paragraph(lines[i], style="Code")
                i += 1
            i += 1
            continue
        if not stripped or REFDEF.match(stripped) or not clean(stripped):
            i += 1
            continue
        heading = HEADING.match(stripped)
        if heading:
            level = min(len(heading.group(1)), 3)
            document.add_heading(clean(heading.group(2)), level=level)
            i += 1
            continue
        if stripped.startswith("|"):
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(document, rows)
            continue
        item = LIST.match(line)
        if item:
            indent, marker, text = item.groups()
            parts = [text.strip()]
            i += 1
            while i < len(lines) and lines[i].strip() and not LIST.match(lines[i]) \
                    and lines[i].startswith(" ") and not lines[i].strip().startswith("```"):
                parts.append(lines[i].strip())
                i += 1
            if marker[0].isdigit():
                style = "List Number"
            else:
                style = "List Bullet 2" if len(indent) >= 2 else "List Bullet"
            add_runs(document.add_paragraph(style=style), clean(" ".join(parts)))
            continue
        parts = [stripped]
        i += 1
        while i < len(lines) and lines[i].strip() and not LIST.match(lines[i]) \
                and not HEADING.match(lines[i].strip()) and not lines[i].strip().startswith(("```", "|")):
            parts.append(lines[i].strip())
            i += 1
        text = clean(" ".join(parts))
        if text:
            add_runs(document.add_paragraph(), text)
    document.save(str(out))


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    src = Path(sys.argv[2]) if len(sys.argv) == 3 else Path("package/Readme.md")
    build(src, Path(sys.argv[1]))
