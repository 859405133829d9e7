"""Build mocha_junit_reporter-readme.docx from the mocha-junit-reporter README.

Usage: python build_mocha_junit_reporter-readme.py OUT.docx SOURCE

Source: README.md of the npm package mocha-junit-reporter 2.2.1
(``npm pack mocha-junit-reporter@2.2.1``, file ``package/README.md``).
Licence: MIT (the ``license`` field of the package's package.json).

The text is not reworded; only the Markdown markup is turned into Word layout:

* ``#``, ``##``, ``###`` headings -> styles Heading 1, Heading 2, Heading 3;
* paragraphs (consecutive non-blank lines) -> Normal paragraphs, the lines
  joined with a single space;
* fenced code blocks -> one paragraph per line in a monospaced "Code" style
  (Courier New 9 pt, no spacing between lines); the fence language is dropped;
* ``-``/``*`` items -> List Bullet, ``1.`` items -> List Number;
* pipe tables -> Word tables (style Table Grid) whose first row is bold;
* inline ``code`` -> Courier New runs, ``**bold**`` -> bold runs,
  ``*text*`` -> italic runs, the markup characters removed;
* links ``[text](url)`` and ``[text][ref]`` -> their text only; badge images
  (``[![alt][img]][link]``) and the reference link definitions at the end are
  left out, as they are link targets, not text.

The core properties carry fixed dates so that a rebuild gives the same
document.
"""

import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

FIXED_DATE = datetime.datetime(2024, 1, 1, 0, 0, 0)
MONO = "Courier New"

INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|\*[^*\s][^*]*\*)")
IMAGE_LINK = re.compile(r"\[!\[[^\]]*\]\[[^\]]*\]\]\[[^\]]*\]")
LINK = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")
REF_DEF = re.compile(r"^\[[^\]]+\]:\s+\S+")
HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
BULLET = re.compile(r"^\s*[-*]\s+(.*)$")
NUMBERED = re.compile(r"^\s*\d+\.\s+(.*)$")
FENCE = re.compile(r"^\s*```")


def add_inline(paragraph, text, bold=False):
    """Add text to a paragraph, turning inline Markdown into run formatting."""
    text = LINK.sub(r"\1", text)
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = paragraph.add_run(part[1:-1])
            run.font.name = MONO
        elif part.startswith("**") and part.endswith("**") and len(part) > 4:
            run = paragraph.add_run(part[2:-2])
            run.bold = True
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            run = paragraph.add_run(part[1:-1])
            run.italic = True
        else:
            run = paragraph.add_run(part)
        if bold:
            run.bold = True


def code_style(document):
    """Return a monospaced paragraph style for code blocks."""
    style = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = MONO
    style.font.size = Pt(9)
    style.paragraph_format.space_before = Pt(0)
    style.paragraph_format.space_after = Pt(0)
    return style


def split_row(line):
    """Split a Markdown table row into its cell texts."""
    line = line.strip().removeprefix("|").removesuffix("|")
    return [cell.strip() for cell in line.split("|")]


def add_table(document, rows):
    """Add a Markdown pipe table (header, separator, body) as a Word table."""
    header = split_row(rows[0])
    body = [split_row(r) for r in rows[2:]]
    table = document.add_table(rows=1 + len(body), cols=len(header))
    table.style = "Table Grid"
    for r, cells in enumerate([header] + body):
        for c, text in enumerate(cells):
            cell = table.cell(r, c)
            add_inline(cell.paragraphs[0], text, bold=(r == 0))


def build(source, out):
    lines = source.read_text(encoding="utf-8").splitlines()
    document = Document()
    code = code_style(document)
    para = []

    def flush():
        if para:
            p = document.add_paragraph()
            add_inline(p, " ".join(s.strip() for s in para))
            para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        if FENCE.match(line):
            flush()
            i += 1
            while i < len(lines) and not FENCE.match(lines[i]):
                document.add_paragraph(lines[i], style=code)
                i += 1
            i += 1
            continue
        if not line.strip() or REF_DEF.match(line):
            flush()
            i += 1
            continue
        if IMAGE_LINK.fullmatch(line.strip()):
            flush()
            i += 1
            continue
        m = HEADING.match(line)
        if m:
            flush()
            level = min(len(m.group(1)), 3)
            h = document.add_heading(level=level)
            add_inline(h, m.group(2).strip())
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
        m = BULLET.match(line) or NUMBERED.match(line)
        if m:
            flush()
            style = "List Bullet" if BULLET.match(line) else "List Number"
            p = document.add_paragraph(style=style)
            add_inline(p, m.group(1).strip())
            i += 1
            continue
        para.append(line)
        i += 1
    flush()

    props = document.core_properties
    props.title = "JUnit Reporter for Mocha"
    props.author = "mocha-junit-reporter"
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE
    props.revision = 1
    document.save(out)


def main():
    from pathlib import Path

    if len(sys.argv) != 3:
        sys.exit("usage: build_mocha_junit_reporter-readme.py OUT.docx SOURCE")
    build(Path(sys.argv[2]), sys.argv[1])


if __name__ == "__main__":
    main()
