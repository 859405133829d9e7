"""Lay out the README of the npm package ``table`` as a Word document.

Source: README.md of the npm package table 6.10.2 by Gajus Kuizinas
(``npm pack table && tar xzf table-6.10.2.tgz``, file ``package/README.md``).

Usage::

    python build_table-readme.py OUT.docx [SOURCE]

SOURCE defaults to ``fetch/npm/table/package/README.md``.

Licence: the README is part of table, BSD-3-Clause (package.json ``license``,
package/LICENSE); this script may be used under the same terms.

Mapping (no sentence is reworded; text is copied as it stands):

* ``#`` .. ``######`` headings -> Word styles Title (level 1) and Heading 1..5;
* ``*`` / ``-`` list items -> List Bullet (nested items -> List Bullet 2 / 3),
  ``1.`` items -> List Number;
* fenced code blocks -> one paragraph per line in a 'Code' paragraph style
  (Courier New, 9 pt);
* ``>`` quotations -> Quote style;
* pipe tables -> Word tables (style Table Grid), header row in bold;
* inline markup: ``code`` -> Courier New run, ``**bold**`` -> bold run,
  ``_x_`` / ``*x*`` -> italic run, ``[text](url)`` -> text, a trailing
  backslash -> line break inside the paragraph;
* badges, images and ``<a name=...>`` anchors carry no prose and are left out.
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "fetch/npm/table/package/README.md"

INLINE = re.compile(
    r"(`[^`]+`)"  # code
    r"|(\*\*_[^*]+_\*\*|_\*\*[^*]+\*\*_)"  # bold italic
    r"|(\*\*[^*]+\*\*)"  # bold
    r"|(?<![\w*])(_[^_]+_|\*[^*\s][^*]*\*)(?![\w*])"  # italic
)
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINKED_IMAGE = re.compile(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)")


def code_style(doc):
    styles = doc.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.space_before = Pt(0)
    return style


def add_inline(par, text):
    """Add text with inline Markdown turned into runs."""
    text = LINKED_IMAGE.sub("", text)
    text = IMAGE.sub("", text)
    text = LINK.sub(r"\1", text)
    parts = text.split("\n")
    for n, part in enumerate(parts):
        if n:
            par.add_run().add_break()
        pos = 0
        for m in INLINE.finditer(part):
            if m.start() > pos:
                par.add_run(part[pos:m.start()])
            tok = m.group(0)
            if m.group(1):
                run = par.add_run(tok[1:-1])
                run.font.name = "Courier New"
            elif m.group(2):
                run = par.add_run(tok[3:-3])
                run.bold = True
                run.italic = True
            elif m.group(3):
                run = par.add_run(re.sub(r"(?<!\w)_([^_]+)_(?!\w)", r"\1", tok[2:-2]))
                run.bold = True
            else:
                run = par.add_run(tok[1:-1])
                run.italic = True
            pos = m.end()
        if pos < len(part):
            par.add_run(part[pos:])


def split_row(line):
    line = line.strip()
    line = line.removeprefix("|")
    line = line.removesuffix("|")
    return [c.strip() for c in line.split("|")]


def add_table(doc, rows):
    header, body = rows[0], rows[2:]
    table = doc.add_table(rows=1 + len(body), cols=len(header))
    table.style = "Table Grid"
    for r, cells in enumerate([header, *body]):
        for c, cell in enumerate(cells[: len(header)]):
            par = table.cell(r, c).paragraphs[0]
            add_inline(par, cell)
            if r == 0:
                for run in par.runs:
                    run.bold = True


def build(source, out):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    code = code_style(doc)
    para = []

    def flush():
        if para:
            text = " ".join(para)
            text = text.replace("\\ ", "\n")
            text = text.removesuffix("\\")
            if IMAGE.sub("", LINKED_IMAGE.sub("", text)).strip():
                add_inline(doc.add_paragraph(), text)
            para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            i += 1
            block = []
            while i < len(lines) and not lines[i].strip().startswith("```"):
                block.append(lines[i])
                i += 1
            while block and not block[-1].strip():
                block.pop()
            while block and not block[0].strip():
                block.pop(0)
            for b in block:
                doc.add_paragraph(b, style=code)
            i += 1
            continue
        if not stripped or re.fullmatch(r'<a name="[^"]*"></a>', stripped):
            flush()
            i += 1
            continue
        m = re.match(r"(#{1,6})\s+(.*)", stripped)
        if m:
            flush()
            level = len(m.group(1))
            if level == 1:
                add_inline(doc.add_paragraph(style="Title"), m.group(2))
            else:
                add_inline(doc.add_heading(level=level - 1), m.group(2))
            i += 1
            continue
        if stripped.startswith("|") and i + 1 < len(lines) and re.match(r"\s*\|?\s*:?-{3,}", lines[i + 1]):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(split_row(lines[i]))
                i += 1
            add_table(doc, rows)
            continue
        m = re.match(r"(\s*)([*-]|\d+\.)\s+(.*)", line)
        if m:
            flush()
            indent = len(m.group(1).expandtabs(4))
            depth = min(indent // 2, 2) if indent < 4 else min(indent // 4, 2)
            if m.group(2)[0].isdigit():
                style = "List Number" if depth == 0 else f"List Number {depth + 1}"
            else:
                style = "List Bullet" if depth == 0 else f"List Bullet {depth + 1}"
            text = m.group(3)
            i += 1
            while (
                i < len(lines)
                and lines[i].strip()
                and lines[i].startswith("  ")
                and not re.match(r"\s*([*-]|\d+\.)\s+", lines[i])
            ):
                text += " " + lines[i].strip()
                i += 1
            add_inline(doc.add_paragraph(style=style), text)
            continue
        if stripped.startswith(">"):
            flush()
            quote = []
            while i < len(lines) and lines[i].strip().startswith(">"):
                quote.append(lines[i].strip()[1:].strip())
                i += 1
            add_inline(doc.add_paragraph(style="Quote"), " ".join(quote))
            continue
        para.append(stripped)
        i += 1
    flush()
    doc.core_properties.title = "table README"
    doc.save(out)


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    out = argv[1]
    source = argv[2] if len(argv) > 2 else DEFAULT_SOURCE
    build(source, out)


if __name__ == "__main__":
    main(sys.argv)
