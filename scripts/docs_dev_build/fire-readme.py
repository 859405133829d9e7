"""Build fire-readme.docx: the Python Fire README laid out as a Word document.

Source: the long description (README.md) of Python Fire 0.7.1, taken from the
wheel's METADATA on PyPI (``pip download --no-deps fire`` gives
fire-0.7.1-py3-none-any.whl; the file is fire-0.7.1.dist-info/METADATA).
When SOURCE is a METADATA file, its RFC 822 header block (everything up to the
first blank line) is skipped and the Markdown body after it is used; a plain
README.md is used as it is.

Usage:
    python build_fire-readme.py OUT.docx [SOURCE]

SOURCE defaults to ../fetch/w_fire/fire-0.7.1.dist-info/METADATA next to this
script.

Licence: Python Fire and its README are Apache-2.0 (METADATA "License:
Apache-2.0"; README section "License"); this script only changes the layout.

Mapping (no sentence is reworded, added or dropped):
    "# " heading          -> Heading 1 (its badge image removed)
    "## " heading         -> Heading 2
    "### " heading        -> Heading 3
    "-   " list items     -> List Bullet (continuation lines joined)
    "1. " list items      -> List Number
    ``` fenced code       -> one paragraph per line in the 'Code' style
    | pipe | tables |     -> Word tables (style Table Grid, first row bold)
    other text lines      -> Normal paragraphs (wrapped lines joined by a space)
    inline `code`         -> run in Courier New
    _emphasis_ / **bold** -> italic / bold runs
    [text](url) links     -> their text; ![image](url) badges -> dropped
    <br>                  -> a line break inside the paragraph
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE.parent / "fetch" / "w_fire" / "fire-0.7.1.dist-info" / "METADATA"

IMAGE_LINK = re.compile(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)")
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[((?:\[[^\]]*\]|[^\[\]])*)\]\([^)]*\)")
INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|(?<![A-Za-z0-9])_[^_]+_(?![A-Za-z0-9])|<br\s*/?>)")


def read_markdown(path):
    text = Path(path).read_text(encoding="utf-8")
    if text.startswith("Metadata-Version:"):
        text = text.split("\n\n", 1)[1]
    return text.splitlines()


def clean(text):
    text = IMAGE_LINK.sub("", text)
    text = IMAGE.sub("", text)
    text = LINK.sub(r"\1", text)
    return text.strip()


def add_inline(paragraph, text, italic=False):
    text = re.sub(r"(<br\s*/?>)\s+", r"\1", clean(text))
    for piece in INLINE.split(text):
        if not piece:
            continue
        if re.fullmatch(r"<br\s*/?>", piece):
            paragraph.add_run().add_break()
        elif piece.startswith("`") and piece.endswith("`") and len(piece) > 1:
            run = paragraph.add_run(piece[1:-1])
            run.font.name = "Courier New"
            run.italic = italic or None
        elif piece.startswith("**") and piece.endswith("**") and len(piece) > 4:
            run = paragraph.add_run(piece[2:-2])
            run.bold = True
            run.italic = italic or None
        elif piece.startswith("_") and piece.endswith("_") and len(piece) > 2:
            add_inline(paragraph, piece[1:-1], italic=True)
        else:
            paragraph.add_run(piece).italic = italic or None


def code_style(document):
    styles = document.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def split_row(line):
    line = line.strip().removeprefix("|").removesuffix("|")
    return [cell.strip() for cell in line.split("|")]


def add_table(document, rows):
    header, body = rows[0], rows[2:]
    width = len(header)
    table = document.add_table(rows=0, cols=width)
    table.style = "Table Grid"
    for index, row in enumerate([header] + body):
        cells = table.add_row().cells
        for col in range(width):
            value = row[col] if col < len(row) else ""
            paragraph = cells[col].paragraphs[0]
            add_inline(paragraph, value)
            if index == 0:
                for run in paragraph.runs:
                    run.bold = True


def build(lines, out):
    document = Document()
    code = code_style(document)
    i = 0
    para = []
    list_item = None

    def flush():
        nonlocal para, list_item
        if list_item is not None:
            style, parts = list_item
            add_inline(document.add_paragraph(style=style), " ".join(parts))
            list_item = None
        if para:
            add_inline(document.add_paragraph(), " ".join(para))
            para = []

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                document.add_paragraph(lines[i], style=code)
                i += 1
            i += 1
            continue
        if stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(split_row(lines[i]))
                i += 1
            add_table(document, rows)
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        if heading:
            flush()
            level = len(heading.group(1))
            document.add_heading(clean(heading.group(2)), level=level)
            i += 1
            continue
        bullet = re.match(r"^[-*]\s+(.*)$", line)
        number = re.match(r"^\d+\.\s+(.*)$", line)
        if bullet or number:
            flush()
            style = "List Bullet" if bullet else "List Number"
            list_item = (style, [(bullet or number).group(1).strip()])
            i += 1
            continue
        if not stripped:
            flush()
            i += 1
            continue
        if list_item is not None and line.startswith(" "):
            list_item[1].append(stripped)
        else:
            if list_item is not None:
                flush()
            para.append(stripped)
        i += 1
    flush()
    document.save(out)


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit("usage: python build_fire-readme.py OUT.docx [SOURCE]")
    source = argv[2] if len(argv) == 3 else DEFAULT_SOURCE
    build(read_markdown(source), argv[1])


if __name__ == "__main__":
    main(sys.argv)
