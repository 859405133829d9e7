"""Build shortuuid-readme.docx: the shortuuid README laid out as a Word document.

Source: the README of shortuuid 1.0.13 (Stavros Korokithakis), as shipped in the
long description of the PyPI wheel's METADATA
(``pip download --no-deps shortuuid==1.0.13``, then
``shortuuid-1.0.13.dist-info/METADATA``). A plain README.md works too.

Usage: python build_shortuuid-readme.py OUT.docx [SOURCE]
(SOURCE defaults to shortuuid-1.0.13.dist-info/METADATA beside the script.)

Licence: shortuuid and its README are BSD-3-Clause; this script is offered under
the same terms.

Mapping (the text is never reworded):
- the METADATA header block (up to the first blank line) is dropped;
- setext headings (``===`` underline) -> Heading 1, (``---`` underline) -> Heading 2;
  ATX headings (``#``, ``##``, ...) -> Heading 1, 2, ...;
- ``-``/``*`` list items -> List Bullet, ``1.`` items -> List Number
  (continuation lines are joined with a space);
- pipe tables -> Word tables (header row in bold);
- fenced code blocks -> one paragraph per line in a 'Code' paragraph style
  (Courier New 9 pt);
- other lines -> Normal paragraphs, consecutive lines joined with a space;
- inline `code` -> Courier New run without the backticks; [text](url) -> text;
  badge images (a line holding only ``[![...](...)](...)``) are left out.
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

INLINE = re.compile(r"`([^`]+)`|\[([^\]]+)\]\([^)]+\)")
BADGE = re.compile(r"^\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)$")
BULLET = re.compile(r"^\s*[-*]\s+(.*)$")
NUMBER = re.compile(r"^\s*\d+\.\s+(.*)$")
ATX = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")


def read_source(path):
    text = Path(path).read_text(encoding="utf-8")
    if text.startswith("Metadata-Version:"):
        text = text.split("\n\n", 1)[1]
    return text.splitlines()


def add_runs(par, text):
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            par.add_run(text[pos:m.start()])
        if m.group(1) is not None:
            run = par.add_run(m.group(1))
            run.font.name = "Courier New"
        else:
            par.add_run(m.group(2))
        pos = m.end()
    if pos < len(text):
        par.add_run(text[pos:])


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def split_row(line):
    return [c.strip() for c in line.strip().strip("|").split("|")]


def build(lines, out):
    doc = Document()
    code_style(doc)
    buf, kind = [], None

    def flush():
        nonlocal buf, kind
        if buf:
            style = {"bullet": "List Bullet", "number": "List Number"}.get(kind)
            add_runs(doc.add_paragraph(style=style), " ".join(buf))
        buf, kind = [], None

    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if line.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].startswith("```"):
                doc.add_paragraph(lines[i], style="Code")
                i += 1
        elif line.strip() and re.fullmatch(r"=+|-+", nxt.strip()) and kind is None:
            flush()
            level = 1 if nxt.strip().startswith("=") else 2
            doc.add_heading(line.strip(), level=level)
            i += 1
        elif ATX.match(line):
            flush()
            m = ATX.match(line)
            doc.add_heading(m.group(2), level=len(m.group(1)))
        elif line.startswith("|") and re.fullmatch(r"\|?[\s:|-]+\|?", nxt.strip()):
            flush()
            head = split_row(line)
            rows = []
            i += 2
            while i < len(lines) and lines[i].startswith("|"):
                rows.append(split_row(lines[i]))
                i += 1
            table = doc.add_table(rows=1 + len(rows), cols=len(head))
            table.style = "Table Grid"
            for r, cells in enumerate([head, *rows]):
                for c, cell in enumerate(cells[: len(head)]):
                    par = table.cell(r, c).paragraphs[0]
                    add_runs(par, cell)
                    if r == 0:
                        for run in par.runs:
                            run.bold = True
            continue
        elif not line.strip() or BADGE.match(line.strip()):
            flush()
        elif BULLET.match(line) and not line.startswith("    "):
            flush()
            kind, buf = "bullet", [BULLET.match(line).group(1).strip()]
        elif NUMBER.match(line) and not line.startswith("    "):
            flush()
            kind, buf = "number", [NUMBER.match(line).group(1).strip()]
        else:
            buf.append(line.strip())
        i += 1
    flush()
    doc.save(out)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    default = Path(__file__).with_name("shortuuid-1.0.13.dist-info") / "METADATA"
    source = sys.argv[2] if len(sys.argv) > 2 else default
    build(read_source(source), sys.argv[1])


if __name__ == "__main__":
    main()
