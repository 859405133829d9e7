"""Build agentkeepalive-readme.docx: the agentkeepalive README laid out as a Word document.

Source: README.md of the npm package agentkeepalive 4.6.0
(`npm pack agentkeepalive` -> agentkeepalive-4.6.0.tgz, file package/README.md),
the keep-alive http.Agent for Node.js by the node-modules project.

Usage:
    python build_agentkeepalive-readme.py OUT.docx [SOURCE]

SOURCE defaults to ../fetch/ak/package/README.md next to this script.

Licence: the README is part of agentkeepalive, released under the MIT licence
(package/LICENSE); this script is under the same MIT licence.

Mapping (no sentence is reworded; only Markdown markup is dropped):
    # / ## / ### headings       -> Title / Heading 1 / Heading 2
    "- " / "* " list items       -> List Bullet (nested items -> List Bullet 2);
                                    soft-wrapped continuation lines are joined with a space
    "1. " list items             -> List Number
    fenced code blocks           -> one 'Code' paragraph (monospace) per line
    pipe tables                  -> Word tables (first row bold as header, the
                                    ":---:" alignment row dropped, HTML in cells
                                    reduced to its text)
    other text                   -> Normal paragraphs (soft-wrapped lines joined)
    inline markup                -> `code` keeps its text, [text](url) keeps text,
                                    images, badges, link reference definitions and
                                    HTML comments are left out
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE.parent / "fetch" / "ak" / "package" / "README.md"


def inline(text):
    """Drop Markdown/HTML inline markup, keep the words."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images
    text = re.sub(r"<img[^>]*>", "", text)
    text = re.sub(r"<br\s*/?>", " ", text)
    text = re.sub(r"\[!\[[^\]]*\]\[[^\]]*\]\]\[[^\]]*\]", "", text)  # reference badges
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links
    text = re.sub(r"<[^>]+>", "", text)  # other tags
    text = text.replace("`", "")
    return re.sub(r"[ \t]+$", "", text.strip())


def add_code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def add_table(doc, rows):
    cells = []
    for row in rows:
        parts = row.strip().strip("|").split("|")
        if all(re.fullmatch(r"\s*:?-+:?\s*", p) for p in parts):
            continue
        cells.append([inline(p) for p in parts])
    width = max(len(r) for r in cells)
    table = doc.add_table(rows=len(cells), cols=width)
    table.style = "Table Grid"
    for i, row in enumerate(cells):
        for j, value in enumerate(row):
            cell = table.cell(i, j)
            cell.text = value
            if i == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True


def build(source, out):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    add_code_style(doc)
    para = []  # pending Normal paragraph lines
    item = None  # pending list item: [style, text]
    i = 0

    def flush():
        nonlocal para, item
        if para:
            doc.add_paragraph(inline(" ".join(s.strip() for s in para)))
            para = []
        if item:
            doc.add_paragraph(inline(item[1]), style=item[0])
            item = None

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("<!--"):
            flush()
        elif stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i].rstrip(), style="Code")
                i += 1
        elif re.match(r"^\[[^\]]+\]:\s", stripped) or re.match(r"^\[!\[", stripped):
            flush()  # link reference definitions and badge lines
        elif "|" in stripped and (stripped.startswith("|") or stripped.endswith("|")):
            flush()
            rows = []
            while i < len(lines) and "|" in lines[i]:
                rows.append(lines[i])
                i += 1
            add_table(doc, rows)
            continue
        elif m := re.match(r"^(#{1,6})\s+(.*)$", line):
            flush()
            level = len(m.group(1)) - 1
            if level == 0:
                doc.add_heading(inline(m.group(2)), level=0)
            else:
                doc.add_heading(inline(m.group(2)), level=min(level, 9))
        elif m := re.match(r"^(\s*)[-*]\s+(.*)$", line):
            flush()
            style = "List Bullet 2" if len(m.group(1)) >= 2 else "List Bullet"
            item = [style, m.group(2)]
        elif m := re.match(r"^(\s*)\d+\.\s+(.*)$", line):
            flush()
            item = ["List Number", m.group(2)]
        elif not stripped:
            flush()
        elif item:
            item[1] += " " + stripped
        else:
            para.append(line)
        i += 1
    flush()
    doc.save(out)


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    source = argv[2] if len(argv) > 2 else DEFAULT_SOURCE
    build(source, argv[1])


if __name__ == "__main__":
    main(sys.argv)
