"""Lay out the README of the npm package ``ejs`` as a Word document.

Source: README.md of ejs 7.0.2 (Embedded JavaScript templates) from the npm
registry: ``npm pack ejs`` -> ``ejs-7.0.2.tgz`` -> ``package/README.md``.

Usage: python build_ejs-readme.py OUT.docx [SOURCE]
    SOURCE defaults to ``package/README.md`` in the current directory.

Licence: the README is part of ejs, Apache License 2.0 (package.json
"license": "Apache-2.0"; copyright mde@fleegix.org); the text is copied
without rewording and may be redistributed under that licence.

Mapping from Markdown to Word (no sentence is reworded, only markup goes):
    setext title (text over ``====``)    -> Title (badge image left out)
    ``## heading``                       -> Heading 1
    ``### heading``                      -> Heading 2
    ``#### heading``                     -> Heading 3
    paragraphs (lines joined by a space) -> Normal
    ``- item`` / ``* item`` (+ indented
    continuation lines)                  -> List Bullet
    ``1. item``                          -> List Number (each list restarts at 1)
    fenced code blocks, also inside a
    list item                            -> one 'Code' paragraph per line
    ``| a | b |`` tables                 -> Word tables (first row bold)
    ``code`` spans -> Courier New runs; ``*x*`` -> italic; ``**x**`` -> bold;
    ``[text](url)``, ``<a href=..>text</a>`` -> their text;
    ``<http://..>`` -> the address; ``<br/>`` and ``- - -`` rules are dropped.
    Runs of spaces inside a paragraph become one space, as Markdown shows them.
"""
import copy
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Pt

INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|\*[^*\s][^*]*\*)")
IMAGE = re.compile(r"\[?!\[[^\]]*\]\([^)]*\)\]?(\([^)]*\))?")
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
ANCHOR = re.compile(r"<a\s[^>]*>(.*?)</a>")
AUTOLINK = re.compile(r"<(https?://[^>]+)>")
FENCE = re.compile(r"^(\s*)```")
BULLET = re.compile(r"^\s*[-*]\s+(.*)$")
NUMBER = re.compile(r"^\s*\d+\.\s+(.*)$")
HEADING = re.compile(r"^(#{2,4})\s+(.*)$")
RULE = re.compile(r"^\s*(-\s*){3,}$")
STYLES = {2: "Heading 1", 3: "Heading 2", 4: "Heading 3"}


def clean(text):
    text = text.replace("<br/>", " ")
    text = IMAGE.sub("", text)
    text = ANCHOR.sub(r"\1", text)
    text = AUTOLINK.sub(r"\1", text)
    text = LINK.sub(r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


def add_inline(par, text):
    for part in INLINE.split(clean(text)):
        if not part:
            continue
        if len(part) > 1 and part[0] == part[-1] == "`":
            par.add_run(part[1:-1]).font.name = "Courier New"
        elif len(part) > 4 and part[:2] == part[-2:] == "**":
            par.add_run(part[2:-2]).bold = True
        elif len(part) > 2 and part[0] == part[-1] == "*":
            par.add_run(part[1:-1]).italic = True
        else:
            par.add_run(part)


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)


def restart_numbering(doc, par):
    """Give ``par`` (a List Number paragraph) a fresh list that starts at 1."""
    numbering = doc.part.numbering_part.element
    style = doc.styles["List Number"].element
    num_id = style.pPr.numPr.numId.val
    old = next(n for n in numbering.findall(qn("w:num")) if n.numId == num_id)
    new = copy.deepcopy(old)
    new_id = max(n.numId for n in numbering.findall(qn("w:num"))) + 1
    new.set(qn("w:numId"), str(new_id))
    override = new.makeelement(qn("w:lvlOverride"), {qn("w:ilvl"): "0"})
    start = override.makeelement(qn("w:startOverride"), {qn("w:val"): "1"})
    override.append(start)
    new.append(override)
    numbering.append(new)
    num_pr = par._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = new_id
    return new_id


def add_table(doc, rows):
    cells = [[c.strip() for c in r.strip().strip("|").split("|")] for r in rows]
    cells = [r for r in cells if not all(set(c) <= set("-: ") for c in r)]
    table = doc.add_table(rows=len(cells), cols=len(cells[0]))
    table.style = "Table Grid"
    for i, row in enumerate(cells):
        for j, value in enumerate(row):
            par = table.cell(i, j).paragraphs[0]
            add_inline(par, value)
            for run in par.runs:
                run.bold = run.bold or i == 0


def build(source, out):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    code_style(doc)
    para = []  # lines of the open paragraph or list item
    kind = None  # None, "Normal", "List Bullet" or "List Number"
    state = {"num": None}

    def flush():
        nonlocal para, kind
        if para:
            par = doc.add_paragraph(style=kind or "Normal")
            add_inline(par, " ".join(para))
            if kind == "List Number":
                if state["num"] is None:
                    state["num"] = restart_numbering(doc, par)
                else:
                    num_pr = par._p.get_or_add_pPr().get_or_add_numPr()
                    num_pr.get_or_add_ilvl().val = 0
                    num_pr.get_or_add_numId().val = state["num"]
        para, kind = [], None

    i = 0
    while i < len(lines):
        line = lines[i]
        fence = FENCE.match(line)
        if fence:
            flush()
            indent = len(fence.group(1))
            i += 1
            while i < len(lines) and not FENCE.match(lines[i]):
                doc.add_paragraph(lines[i][indent:], style="Code")
                i += 1
            i += 1
            continue
        if not line.strip():
            flush()
            if i + 1 < len(lines) and not (BULLET.match(lines[i + 1])
                                           or NUMBER.match(lines[i + 1])):
                state["num"] = None
            i += 1
            continue
        if set(line.strip()) == {"="}:
            title = clean(" ".join(para))
            para, kind = [], None
            doc.add_paragraph(title, style="Title")
            i += 1
            continue
        if RULE.match(line):
            flush()
            i += 1
            continue
        heading = HEADING.match(line)
        if heading:
            flush()
            state["num"] = None
            level = len(heading.group(1))
            doc.add_paragraph(clean(heading.group(2)), style=STYLES[level])
            i += 1
            continue
        if line.lstrip().startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(doc, rows)
            continue
        bullet, number = BULLET.match(line), NUMBER.match(line)
        if bullet or number:
            flush()
            kind = "List Bullet" if bullet else "List Number"
            para = [(bullet or number).group(1)]
        else:
            para.append(line.strip())
        i += 1
    flush()
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    build(sys.argv[2] if len(sys.argv) == 3 else "package/README.md", sys.argv[1])
