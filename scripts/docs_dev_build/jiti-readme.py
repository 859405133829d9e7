"""Lay out the README of jiti (the TypeScript/ESM runtime loader for Node.js) as a Word file.

Source: README.md of the npm package jiti 2.7.0, as unpacked from the registry tarball
(`npm pack jiti@2.7.0 && tar xzf jiti-2.7.0.tgz`, giving `package/README.md`).

Usage: python build_jiti-readme.py OUT.docx [SOURCE]
       (SOURCE defaults to package/README.md)

Licence: jiti and its README are published under the MIT licence
(package.json "license": "MIT"; "Published under the MIT license" in the README).

Mapping from Markdown to Word (no sentence is reworded, added or dropped):
- "# ", "## ", "### " headings -> Heading 1, Heading 2, Heading 3;
- "- " list items -> List Bullet ("  - " nested items -> List Bullet 2);
- "1. " list items -> List Number;
- fenced code blocks -> one paragraph per line in a 'Code' paragraph style (monospace);
- "> " block quotes -> Quote style; a GitHub alert marker such as "[!IMPORTANT]" becomes
  its label as GitHub shows it ("Important") in bold;
- Markdown tables -> Word tables (header row bold);
- inline `code` -> monospace run, **bold** -> bold run, [text](url) -> the link text;
- badge images, HTML comments and raw HTML lines (<br>, <a>, <img>) are left out, since a
  reader of the rendered README sees no text in them.
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*)")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
ALERT = re.compile(r"^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]$")


def code_style(doc):
    """Return the 'Code' paragraph style, creating it in a monospace font."""
    styles = doc.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def add_inline(par, text):
    """Add text to a paragraph, turning `code` and **bold** into formatted runs."""
    text = LINK.sub(r"\1", IMAGE.sub("", text))
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = par.add_run(part[1:-1])
            run.font.name = "Courier New"
        elif part.startswith("**") and part.endswith("**") and len(part) > 3:
            par.add_run(part[2:-2]).bold = True
        else:
            par.add_run(part)
    return par


def plain(text):
    """Heading text as GitHub renders it: no ticks, no link targets."""
    return LINK.sub(r"\1", text).replace("`", "").strip()


def is_table_row(line):
    return line.strip().startswith("|") and line.strip().endswith("|")


def cells(line):
    return [c.strip() for c in line.strip().strip("|").split("|")]


def add_table(doc, rows):
    header, body = rows[0], [r for r in rows[1:] if not re.fullmatch(r"[\s|:-]+", r)]
    head = cells(header)
    table = doc.add_table(rows=1, cols=len(head))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, head, strict=False):
        cell.text = ""
        par = cell.paragraphs[0]
        add_inline(par, text)
        for run in par.runs:
            run.bold = True
    for row in body:
        new = table.add_row().cells
        for cell, text in zip(new, cells(row), strict=False):
            cell.text = ""
            add_inline(cell.paragraphs[0], text)


def build(source, out):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    code = code_style(doc)
    para = []
    i = 0

    def flush():
        if para:
            add_inline(doc.add_paragraph(), " ".join(s.strip() for s in para))
            para.clear()

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i], style=code)
                i += 1
            i += 1
            continue
        if stripped.startswith("<"):
            flush()
            i += 1
            continue
        if not stripped or not LINK.sub("", IMAGE.sub("", stripped)).strip() and "![" in stripped:
            flush()
            i += 1
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        if heading:
            flush()
            level = min(len(heading.group(1)), 3)
            doc.add_heading(plain(heading.group(2)), level=level)
            i += 1
            continue
        if is_table_row(line):
            flush()
            rows = []
            while i < len(lines) and is_table_row(lines[i]):
                rows.append(lines[i])
                i += 1
            add_table(doc, rows)
            continue
        if stripped.startswith(">"):
            flush()
            quote = []
            while i < len(lines) and lines[i].strip().startswith(">"):
                quote.append(lines[i].strip()[1:].strip())
                i += 1
            for text in quote:
                if not text:
                    continue
                alert = ALERT.match(text)
                par = doc.add_paragraph(style="Quote")
                if alert:
                    par.add_run(alert.group(1).capitalize()).bold = True
                else:
                    add_inline(par, text)
            continue
        bullet = re.match(r"^(\s*)[-*]\s+(.*)$", line)
        if bullet:
            flush()
            style = "List Bullet 2" if len(bullet.group(1)) >= 2 else "List Bullet"
            add_inline(doc.add_paragraph(style=style), bullet.group(2))
            i += 1
            continue
        number = re.match(r"^\s*\d+\.\s+(.*)$", line)
        if number:
            flush()
            add_inline(doc.add_paragraph(style="List Number"), number.group(1))
            i += 1
            continue
        para.append(line)
        i += 1
    flush()
    doc.save(out)


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    out = argv[1]
    source = argv[2] if len(argv) > 2 else "package/README.md"
    build(source, out)


if __name__ == "__main__":
    main(sys.argv)
