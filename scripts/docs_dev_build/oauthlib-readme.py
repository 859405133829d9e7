"""Lay the OAuthLib README out as a Word document, without rewording it.

Usage: python build_oauthlib-readme.py OUT.docx [SOURCE]

Source: the long description (reStructuredText README) of the PyPI package
oauthlib 4.0.1, i.e. the body after the header block of
/work/main/.venv/lib/python3.11/site-packages/oauthlib-4.0.1.dist-info/METADATA
(the default SOURCE; a plain README.rst works too).
Licence: BSD-3-Clause ("OAuthLib is yours to use and abuse according to the terms
of the BSD-3-Clause license", README "License" section; METADATA "License:
BSD-3-Clause"; LICENSE file in the same dist-info folder).

Mapping (reStructuredText -> Word):
- title underlined with "=" -> style "Heading 1"; sections underlined with "-"
  -> "Heading 2"; "~" or "^" -> "Heading 3";
- a paragraph wholly in *...* -> a normal paragraph in italics;
- "1. item" -> "List Number"; "- item" / "* item" -> "List Bullet", one level deeper
  ("List Bullet 2") when indented under another item;
- simple/grid tables -> Word tables (style "Table Grid"), header row in bold;
- "::" literal blocks and ".. code-block::" -> one paragraph per code line in
  the monospace character style below (Courier New);
- inline ``code`` -> a Courier New run; `text`_ and `text <url>`_ -> text only
  (link markup removed); **bold** / *italic* inline -> bold / italic runs;
- ".. image::" badges (with their :target:/:alt: options) and ".. _name: url"
  link targets are markup only and are dropped.
Every other line keeps its words; lines of one paragraph are joined with spaces.
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.shared import Pt

DEFAULT_SOURCE = "/work/main/.venv/lib/python3.11/site-packages/oauthlib-4.0.1.dist-info/METADATA"
MONO = "Courier New"
UNDERLINE_LEVEL = {"=": 1, "-": 2, "~": 3, "^": 3}


def read_source(path: str) -> list[str]:
    text = Path(path).read_text(encoding="utf-8")
    if Path(path).name == "METADATA":  # body after the header block
        text = text.split("\n\n", 1)[1]
    return text.splitlines()


INLINE = re.compile(r"``(?P<code>.+?)``|`(?P<link>[^`<]+?)(?:\s*<[^>]+>)?`__?|\*\*(?P<bold>.+?)\*\*|\*(?P<ital>[^*]+?)\*")


def add_inline(par, text: str, italic: bool = False) -> None:
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            par.add_run(text[pos:m.start()]).italic = italic or None
        if m.group("code") is not None:
            run = par.add_run(m.group("code"))
            run.font.name = MONO
        elif m.group("link") is not None:
            par.add_run(m.group("link")).italic = italic or None
        elif m.group("bold") is not None:
            run = par.add_run(m.group("bold"))
            run.bold = True
        else:
            par.add_run(m.group("ital")).italic = True
        pos = m.end()
    if pos < len(text):
        par.add_run(text[pos:]).italic = italic or None


def add_code(doc, lines: list[str]) -> None:
    while lines and not lines[-1].strip():
        lines.pop()
    indent = min((len(ln) - len(ln.lstrip()) for ln in lines if ln.strip()), default=0)
    for line in lines:
        par = doc.add_paragraph()
        run = par.add_run(line[indent:])
        run.font.name = MONO
        run.font.size = Pt(9)


def add_table(doc, rows: list[list[str]]) -> None:
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            par = table.cell(i, j).paragraphs[0]
            add_inline(par, cell)
            if i == 0:
                for run in par.runs:
                    run.bold = True


def grid_rows(block: list[str]) -> list[list[str]]:
    rows = []
    for line in block:
        if line.startswith("|"):
            rows.append([c.strip() for c in line.strip().strip("|").split("|")])
    return rows


def build(out: str, source: str) -> None:
    lines = read_source(source)
    doc = Document()
    i, n = 0, len(lines)
    para: list[str] = []

    def flush():
        if para:
            text = " ".join(s.strip() for s in para)
            m = re.fullmatch(r"\*([^*].*)\*", text)
            p = doc.add_paragraph()
            add_inline(p, m.group(1) if m else text, italic=bool(m))
            para.clear()

    while i < n:
        line = lines[i]
        stripped = line.strip()
        nxt = lines[i + 1] if i + 1 < n else ""
        # headings: text line followed by an underline of one repeated character
        if stripped and nxt and re.fullmatch(r"([=\-~^])\1{2,}", nxt.strip()) and len(nxt.strip()) >= len(stripped) - 1:
            flush()
            doc.add_heading(stripped, level=UNDERLINE_LEVEL[nxt.strip()[0]])
            i += 2
            continue
        if not stripped:
            flush()
            i += 1
            continue
        # directives: images dropped with their options, code blocks kept
        if stripped.startswith(".. "):
            flush()
            is_code = stripped.startswith(".. code-block::") or stripped.startswith(".. code::")
            i += 1
            block = []
            while i < n and (not lines[i].strip() or lines[i].startswith((" ", "\t"))):
                block.append(lines[i])
                i += 1
            if is_code:
                body = [ln for ln in block if not ln.strip().startswith(":")]
                while body and not body[0].strip():
                    body.pop(0)
                add_code(doc, body)
            continue
        # grid tables
        if stripped.startswith("+-") or stripped.startswith("+="):
            flush()
            block = []
            while i < n and lines[i].strip().startswith(("+", "|")):
                block.append(lines[i].strip())
                i += 1
            add_table(doc, grid_rows(block))
            continue
        # list items
        m = re.match(r"^(\s*)([-*]|\d+\.)\s+(.*)$", line)
        if m:
            flush()
            depth = len(m.group(1)) // 2
            text = [m.group(3)]
            cont_indent = len(m.group(1)) + len(m.group(2)) + 1
            i += 1
            while i < n and lines[i].strip() and not re.match(r"^\s*([-*]|\d+\.)\s+", lines[i]) \
                    and len(lines[i]) - len(lines[i].lstrip()) >= cont_indent:
                text.append(lines[i].strip())
                i += 1
            numbered = m.group(2)[0].isdigit()
            style = "List Number" if numbered else "List Bullet"
            if depth:
                style += " 2"
            p = doc.add_paragraph(style=style)
            add_inline(p, " ".join(text))
            continue
        # paragraph ending with "::" introduces a literal block
        if stripped.endswith("::") and not stripped.startswith(".."):
            para.append(stripped[:-3] if stripped.endswith(" ::") else stripped[:-1])
            flush()
            i += 1
            block = []
            while i < n and (not lines[i].strip() or lines[i].startswith((" ", "\t"))):
                block.append(lines[i])
                i += 1
            while block and not block[0].strip():
                block.pop(0)
            add_code(doc, block)
            continue
        para.append(line)
        i += 1
    flush()
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    build(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else DEFAULT_SOURCE)
