#!/usr/bin/env python3
"""Build docs/dirtyjson-readme.docx from the dirtyjson 1.0.8 README.

Source: the long description (README, reStructuredText) in
/work/main/.venv/lib/python3.11/site-packages/dirtyjson-1.0.8.dist-info/METADATA
(Python distribution dirtyjson 1.0.8, Scott Maxwell; MIT or AFL-2.1).

The whole README is laid out as a Word document:
  * the document title            -> style "Title"
  * "----" underlined sections     -> "Heading 1"
  * top-level API signatures       -> "Heading 2"  (load(...), loads(...),
                                      dirtyjson.Error(...), Position(), ...)
  * method signatures (indented)   -> "Heading 3"  (add_with_attributes(...), ...)
  * the JSON -> Python grid table  -> a Word table with a bold header row
  * the exception attributes       -> "List Bullet" items (term in bold)
  * literal blocks after "::"      -> monospace paragraph style "Code"
  * ".. note::" directives         -> "Quote" paragraphs with a bold "Note:" label
Only reST markup is removed (``x`` / `x` -> Courier run, *x* -> italic run,
"Text::" -> "Text:"); the words are not changed.  The two reST comment lines
below the title (".. dirtyjson ..." / ".. Scott Maxwell ...") are dropped.

Usage: build_docx.py OUTPUT.docx
"""
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm, Pt

SRC = ("/work/main/.venv/lib/python3.11/site-packages/"
       "dirtyjson-1.0.8.dist-info/METADATA")

INLINE = re.compile(
    r"``(?P<lit>.+?)``"
    r"|`(?P<role>[^`]+?)`(?!_)"
    r"|(?<![\w*])\*(?P<ital>[^*\s][^*]*?)\*(?!\w)")

SIGNATURE = re.compile(r"^[\w.]+\(.*\):?$")


def read_readme():
    text = open(SRC, encoding="utf-8").read()  # noqa: SIM115
    body = text.split("\n\n", 1)[1]          # drop the metadata header
    return body.rstrip("\n").split("\n")


def indent_of(line):
    return len(line) - len(line.lstrip(" "))


def add_inline(par, text):
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            par.add_run(text[pos:m.start()])
        if m.group("lit") is not None:
            par.add_run(m.group("lit")).font.name = "Courier New"
        elif m.group("role") is not None:
            par.add_run(m.group("role")).font.name = "Courier New"
        else:
            par.add_run(m.group("ital")).italic = True
        pos = m.end()
    if pos < len(text):
        par.add_run(text[pos:])
    return par


def plain(text):
    return re.sub(r"`+([^`]+)`+", r"\1", text)


def make_doc():
    doc = Document()
    styles = doc.styles
    code = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = styles["Normal"]
    code.font.name = "Courier New"
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(0)
    code.paragraph_format.left_indent = Cm(1)
    return doc


def build(out):
    lines = read_readme()
    n = len(lines)
    doc = make_doc()
    i = 0
    pending_code = False
    in_note = None          # indentation level of an open ".. note::" body
    first_note_par = False

    def next_nonblank(j):
        while j < n and not lines[j].strip():
            j += 1
        return j

    def body_par(text, ind):
        nonlocal first_note_par
        if in_note is not None and ind > in_note:
            p = doc.add_paragraph(style="Quote")
            if first_note_par:
                p.add_run("Note: ").bold = True
                first_note_par = False
        else:
            p = doc.add_paragraph(style="Normal")
            if ind:
                p.paragraph_format.left_indent = Cm(0.6 * min(ind // 3, 3))
        return add_inline(p, text)

    while i < n:
        line = lines[i]
        s = line.strip()
        if not s:
            i += 1
            continue
        ind = indent_of(line)
        if in_note is not None and ind <= in_note:
            in_note = None

        # literal block after "::"
        if pending_code:
            pending_code = False
            if ind > code_base:  # noqa: F821
                j = i
                block = []
                while j < n and (not lines[j].strip() or indent_of(lines[j]) >= ind):
                    block.append(lines[j][ind:] if lines[j].strip() else "")
                    j += 1
                while block and not block[-1]:
                    block.pop()
                for b in block:
                    doc.add_paragraph(b, style="Code")
                i = j
                continue

        # title (first line, "=" underline)
        if i + 1 < n and set(lines[i + 1].strip()) == {"="} and ind == 0:
            doc.add_heading(plain(s), level=0)
            i += 2
            continue
        # sections ("-" underline)
        if i + 1 < n and len(lines[i + 1].strip()) >= 3 and set(lines[i + 1].strip()) == {"-"} \
                and ind == 0:
            doc.add_heading(s, level=1)
            i += 2
            continue
        # note directive
        if s == ".. note::":
            in_note = ind
            first_note_par = True
            i += 1
            continue
        # comments
        if s.startswith(".. "):
            i += 1
            while i < n and lines[i].strip() and indent_of(lines[i]) > ind:
                i += 1
            continue
        # grid table
        if s.startswith("+-"):
            rows = []
            header_done = False
            nrows_header = 0
            while i < n and lines[i].strip()[:1] in ("+", "|"):
                t = lines[i].strip()
                if t.startswith("|"):
                    rows.append([c.strip() for c in t.strip("|").split("|")])
                elif "=" in t and not header_done:
                    header_done = True
                    nrows_header = len(rows)
                i += 1
            table = doc.add_table(rows=0, cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                cells = table.add_row().cells
                for k, v in enumerate(row):
                    cells[k].text = ""
                    run = cells[k].paragraphs[0].add_run(plain(v))
                    if r < nrows_header:
                        run.bold = True
            continue

        j = next_nonblank(i + 1)
        single = i + 1 < n and not lines[i + 1].strip()
        followed_by_block = single and j < n and indent_of(lines[j]) > ind
        # API signatures
        if SIGNATURE.match(s) and followed_by_block:
            doc.add_heading(s, level=2 if ind == 0 else 3)
            i += 1
            continue
        # definition-list term (exception attributes) -> bullet item
        if re.match(r"^\w+$", s) and followed_by_block:
            k = j
            buf = []
            dind = indent_of(lines[j])
            while k < n and lines[k].strip() and indent_of(lines[k]) >= dind:
                buf.append(lines[k].strip())
                k += 1
            p = doc.add_paragraph(style="List Bullet")
            p.add_run(s).bold = True
            p.add_run(": ")
            add_inline(p, " ".join(buf))
            i = k
            continue
        # ordinary paragraph
        buf = []
        k = i
        while k < n and lines[k].strip() and indent_of(lines[k]) == ind:
            buf.append(lines[k].strip())
            k += 1
        text = " ".join(buf)
        if text.endswith("::"):
            pending_code = True
            code_base = ind  # noqa: F841
            text = text[:-1]
        body_par(text, ind)
        i = k

    doc.core_properties.title = "dirtyjson --- JSON decoder"
    doc.core_properties.author = "Scott Maxwell"
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: build_docx.py OUTPUT.docx")
    build(sys.argv[1])
