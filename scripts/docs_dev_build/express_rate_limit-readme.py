"""Lay out the express-rate-limit README as a Word document.

Source: readme.md of the npm package express-rate-limit 8.7.5
(``npm pack express-rate-limit`` then ``tar xzf express-rate-limit-8.7.5.tgz``,
file ``package/readme.md``).

Usage: python build_express_rate_limit-readme.py OUT.docx [SOURCE]
SOURCE defaults to ``readme.md`` in the current directory.

Licence: the README is part of express-rate-limit, MIT licence
(c) Nathan Friedly and Vedant K; the text is reproduced unchanged.

Mapping (no sentence is reworded):
- the HTML ``<h1>`` title -> Title style;
- ``##`` headings -> Heading 1, ``###`` headings -> Heading 2;
- prose paragraphs -> Normal paragraphs (hard line breaks joined by spaces,
  Markdown link and code markup removed, link text kept);
- ``-`` items -> List Bullet, ``1.`` items -> List Number;
- fenced code blocks -> one paragraph per line in a 'Code' paragraph style
  (monospace);
- the pipe table -> a Word table with a bold header row (escaped ``\\|``
  becomes ``|``, backticks and link brackets removed);
- badge images, the sponsor logo (HTML ``<div>``/``<p>`` blocks), horizontal
  rules and the link reference definitions at the end are left out, since
  they carry no reader text.
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
REFLINK = re.compile(r"\[(`?[^\]]+`?)\](?!\()")
REFDEF = re.compile(r"^\[[^\]]+\]:")


def inline(text: str) -> str:
    """Strip Markdown inline markup, keeping the visible text."""
    text = LINK.sub(r"\1", text)
    text = REFLINK.sub(r"\1", text)
    text = text.replace("\\|", "|")
    text = re.sub(r"`([^`]*)`", r"\1", text)
    text = re.sub(r"\*\*([^*]+)\*\*", r"\1", text)
    return text.strip()


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def split_row(line: str) -> list[str]:
    body = line.strip().strip("|")
    cells = re.split(r"(?<!\\)\|", body)
    return [inline(c) for c in cells]


def add_table(doc, rows):
    header, data = rows[0], rows[2:]
    table = doc.add_table(rows=1 + len(data), cols=len(header))
    table.style = "Table Grid"
    for j, cell in enumerate(header):
        run = table.cell(0, j).paragraphs[0].add_run(cell)
        run.bold = True
    for i, row in enumerate(data, start=1):
        for j, cell in enumerate(row):
            table.cell(i, j).text = cell


def build(source: Path, out: Path) -> None:
    lines = source.read_text(encoding="utf-8").splitlines()
    doc = Document()
    code_style(doc)
    para: list[str] = []

    def flush():
        if para:
            doc.add_paragraph(inline(" ".join(s.strip() for s in para)))
            para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        m_title = re.match(r"<h1[^>]*>\s*(.*?)\s*</h1>", stripped)
        if m_title:
            flush()
            doc.add_paragraph(re.sub(r"<[^>]+>", "", m_title.group(1)).strip(), style="Title")
        elif stripped.startswith(("<div", "<p")):
            flush()
            end = "</div>" if stripped.startswith("<div") else "</p>"
            while end not in lines[i]:
                i += 1
        elif stripped.startswith("```"):
            flush()
            i += 1
            while not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i].replace("\t", "    "), style="Code")
                i += 1
        elif stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(split_row(lines[i]))
                i += 1
            add_table(doc, rows)
            continue
        elif stripped.startswith("#"):
            flush()
            level = len(stripped) - len(stripped.lstrip("#"))
            doc.add_heading(inline(stripped[level:]), level=max(level - 1, 1))
        elif REFDEF.match(stripped):
            flush()
            # a reference definition may wrap onto an indented URL line
            if i + 1 < len(lines) and lines[i + 1].startswith("\t"):
                i += 1
        elif stripped == "---":
            flush()
        elif re.match(r"^[-*] ", stripped):
            flush()
            doc.add_paragraph(inline(stripped[2:]), style="List Bullet")
        elif re.match(r"^\d+\. ", stripped):
            flush()
            doc.add_paragraph(inline(stripped.split(" ", 1)[1]), style="List Number")
        elif not stripped:
            flush()
        else:
            para.append(stripped)
        i += 1
    flush()
    doc.save(out)


def main() -> None:
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    out = Path(sys.argv[1])
    source = Path(sys.argv[2]) if len(sys.argv) == 3 else Path("readme.md")
    build(source, out)


if __name__ == "__main__":
    main()
