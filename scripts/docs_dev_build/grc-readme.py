"""Lay out the README of grc (Generic Colouriser) as a Word document.

Source: the README of grc 1.13.1 by Radovan Garabik, as shipped in the Debian
package grc 1.13.1-1 at /usr/share/doc/grc/README.markdown.gz
(`apt-get download grc && dpkg -x grc_1.13.1-1_all.deb fetch/grc`).

Usage:
    python build_grc-readme.py OUT.docx [SOURCE]

SOURCE is the README in Markdown, plain or gzip-compressed; it defaults to
fetch/grc/usr/share/doc/grc/README.markdown.gz.

Licence: grc and its README are released under the GPL, version 2 or any
later version (see /usr/share/doc/grc/copyright); the Word file is a
re-layout of that text and carries the same licence.

Mapping (the text is kept word for word, only Markdown markup is dropped):
    "# title"            -> Heading 1
    "## title"           -> Heading 2
    "### title"          -> Heading 3
    "- item"             -> List Bullet (one paragraph per item)
    "1. item"            -> List Number
    lines indented by 4 spaces (code blocks) -> one 'Code' paragraph per line
    "| a | b |" rows     -> a Word table (header row in bold)
    other lines          -> Normal paragraphs; the lines of one Markdown
                            paragraph are joined with single spaces
    `code` spans         -> Courier New runs; **bold** -> bold runs;
                            *italic* -> italic runs; <URL> -> the URL;
                            [text](URL) -> the link text
"""

import gzip
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "fetch/grc/usr/share/doc/grc/README.markdown.gz"
INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|\*[^*\s][^*]*\*|<https?://[^>]+>|\[[^\]]+\]\([^)]+\))")


def read_source(path):
    data = Path(path).read_bytes()
    if path.endswith(".gz"):
        data = gzip.decompress(data)
    return data.decode("utf-8").splitlines()


def add_runs(paragraph, text):
    """Add text to a paragraph, turning inline Markdown into run formatting."""
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = paragraph.add_run(part[1:-1])
            run.font.name = "Courier New"
        elif part.startswith("**") and part.endswith("**") and len(part) > 4:
            paragraph.add_run(part[2:-2]).bold = True
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            paragraph.add_run(part[1:-1]).italic = True
        elif part.startswith("<") and part.endswith(">"):
            paragraph.add_run(part[1:-1])
        elif part.startswith("[") and part.endswith(")"):
            paragraph.add_run(part[1 : part.index("](")])
        else:
            paragraph.add_run(part)


def code_style(document):
    style = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def add_table(document, rows):
    cells = [[c.strip() for c in row.strip().strip("|").split("|")] for row in rows]
    cells = [r for r in cells if not all(re.fullmatch(r":?-+:?", c) for c in r)]
    table = document.add_table(rows=len(cells), cols=max(len(r) for r in cells))
    table.style = "Table Grid"
    for i, row in enumerate(cells):
        for j, text in enumerate(row):
            paragraph = table.cell(i, j).paragraphs[0]
            add_runs(paragraph, text)
            if i == 0:
                for run in paragraph.runs:
                    run.bold = True


def build(lines, out):
    document = Document()
    code_style(document)
    paragraph_lines = []

    def flush():
        if paragraph_lines:
            add_runs(document.add_paragraph(), " ".join(paragraph_lines))
            paragraph_lines.clear()

    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        heading = re.match(r"(#{1,3}) (.*)", line)
        bullet = re.match(r"[-*] (.*)", line)
        number = re.match(r"\d+\. (.*)", line)
        if not line:
            flush()
        elif line.startswith(("    ", "\t")):
            flush()
            block = []
            while i < len(lines) and (lines[i].startswith(("    ", "\t")) or not lines[i].strip()):
                block.append(lines[i].rstrip())
                i += 1
            while block and not block[-1]:
                block.pop()
            for code in block:
                text = code[4:] if code.startswith("    ") else code.lstrip("\t")
                document.add_paragraph(text, style="Code")
            continue
        elif heading:
            flush()
            document.add_heading(heading.group(2), level=len(heading.group(1)))
        elif bullet:
            flush()
            add_runs(document.add_paragraph(style="List Bullet"), bullet.group(1))
        elif number:
            flush()
            add_runs(document.add_paragraph(style="List Number"), number.group(1))
        elif line.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(document, rows)
            continue
        else:
            paragraph_lines.append(line.strip())
        i += 1
    flush()
    document.core_properties.title = "grc - Generic Colouriser (README)"
    document.save(out)


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    source = sys.argv[2] if len(sys.argv) == 3 else DEFAULT_SOURCE
    build(read_source(source), sys.argv[1])


if __name__ == "__main__":
    main()
