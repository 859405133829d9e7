#!/usr/bin/env python3
"""Build docs/tqdm-README.docx from the tqdm 4.70.1 README.

Source: the long description (README.rst, reStructuredText) in
/work/main/.venv/lib/python3.11/site-packages/tqdm-4.70.1.dist-info/METADATA
(everything after the first blank line, i.e. after the metadata header).

Layout in Word:
  * the document title "tqdm" -> Title style
  * section levels "-----" / "~~~~~" / "+++++" -> Heading 1 / 2 / 3
  * "- " / "* " bullet items -> List Bullet, nested items -> List Bullet 2
  * ".. code::" literal blocks -> paragraphs in a monospace "Code" style
  * the "Parameters" and "Extra CLI Options" field lists (numpydoc style
    "name  : type" followed by an indented description) -> Word tables with
    a bold header row (column labels Parameter / Type / Description)
  * inline ``literal`` -> Courier New run, *x* -> italic, **x** -> bold,
    `text <url>`__ -> text
Only the markup is removed; the words of the README are not changed.
Dropped: the transition line, badge / image substitutions (|Logo|, |Versions| ...), image
directives and substitution definitions, the ".. contents::" directive and
the "Featured Sponsors" logo table.
Trimmed at a section boundary: everything from the section
"Examples and Advanced Usage" to the end is left out.

Usage: build_docx.py OUTPUT.docx
"""
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm, Pt

SRC = ("/work/main/.venv/lib/python3.11/site-packages/"
       "tqdm-4.70.1.dist-info/METADATA")
STOP_AT = "Examples and Advanced Usage"
TABLE_SECTIONS = {"Parameters", "Extra CLI Options"}
LEVELS = {"=": 0, "-": 1, "~": 2, "+": 3}


def read_readme():
    text = open(SRC, encoding="utf-8").read()  # noqa: SIM115
    body = text.split("\n\n", 1)[1]          # drop the metadata header
    lines = body.split("\n")
    for i, line in enumerate(lines):
        if line.strip() == STOP_AT and i + 1 < len(lines) \
                and set(lines[i + 1].strip()) == {"-"}:
            return lines[:i]
    return lines


INLINE = re.compile(
    r"(``(?P<lit>.+?)``"
    r"|\*\*(?P<bold>.+?)\*\*"
    r"|(?<![\w*])\*(?P<ital>[^*\s][^*]*?)\*(?!\w)"
    r"|`(?P<ref>[^`<]+?)(?:\s*<(?P<url>[^>]+)>)?`_{1,2}"
    r")")
SUBST = re.compile(r"\s*\|[A-Za-z][\w .-]*\|")


def strip_subst(text):
    """Remove image substitution references such as |GitHub-Issues|."""
    return SUBST.sub("", text).strip()


def add_inline(par, text):
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            par.add_run(text[pos:m.start()])
        if m.group("lit") is not None:
            par.add_run(m.group("lit")).font.name = "Courier New"
        elif m.group("bold") is not None:
            par.add_run(m.group("bold")).bold = True
        elif m.group("ital") is not None:
            par.add_run(m.group("ital")).italic = True
        elif m.group("ref") is not None:
            par.add_run(m.group("ref").strip())
        pos = m.end()
    if pos < len(text):
        par.add_run(text[pos:])
    return par


def plain(text):
    return re.sub(r"``(.+?)``", r"\1", text)


def indent_of(line):
    return len(line) - len(line.lstrip(" "))


def is_subst_only(s):
    return bool(s) and not SUBST.sub("", " " + s).strip()


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


def is_underline(line):
    s = line.strip()
    return len(s) >= 3 and len(set(s)) == 1 and s[0] in LEVELS and indent_of(line) == 0


def build(out):
    lines = read_readme()
    doc = make_doc()
    n = len(lines)
    i = 0
    section = None

    while i < n:
        line = lines[i]
        s = line.strip()
        if not s:
            i += 1
            continue
        ind = indent_of(line)

        # headings (underlined)
        if i + 1 < n and is_underline(lines[i + 1]) and ind == 0 and not is_underline(line):
            level = LEVELS[lines[i + 1].strip()[0]]
            title = plain(s)
            doc.add_heading(title, level=level)
            section = title
            i += 2
            continue
        # transition line
        if len(s) >= 4 and set(s) == {"-"} and ind == 0:
            i += 1
            continue
        # substitution-only lines (badges, images)
        if is_subst_only(s):
            i += 1
            continue
        # directives
        if s.startswith(".. code::"):
            i += 1
            while i < n and not lines[i].strip():
                i += 1
            base = indent_of(lines[i])
            block = []
            while i < n and (not lines[i].strip() or indent_of(lines[i]) >= base):
                block.append(lines[i][base:] if lines[i].strip() else "")
                i += 1
            while block and not block[-1]:
                block.pop()
            for b in block:
                doc.add_paragraph(b, style="Code")
            continue
        if s.startswith(".. "):
            i += 1
            while i < n and (lines[i].strip().startswith(":") or
                             (lines[i].strip() and indent_of(lines[i]) > ind)):
                i += 1
            continue
        # the sponsors logo table (simple rst table) and its caption
        if s == "**Featured Sponsors**":
            i += 1
            while i < n and not lines[i].strip():
                i += 1
            while i < n and lines[i].strip():
                i += 1
            continue
        # field lists in Parameters / Extra CLI Options -> Word table
        if section in TABLE_SECTIONS and s.startswith("* ") and " : " in s:
            table = doc.add_table(rows=1, cols=3)
            table.style = "Table Grid"
            for k, h in enumerate(["Parameter", "Type", "Description"]):
                cell = table.rows[0].cells[k]
                cell.text = ""
                cell.paragraphs[0].add_run(h).bold = True
            while i < n and lines[i].strip().startswith("* ") and " : " in lines[i]:
                name, typ = lines[i].strip()[2:].split(" : ", 1)
                i += 1
                desc = []
                while i < n and lines[i].strip() and indent_of(lines[i]) > 0:
                    desc.append(lines[i].strip())
                    i += 1
                cells = table.add_row().cells
                cells[0].text = ""
                cells[0].paragraphs[0].add_run(name.strip()).font.name = "Courier New"
                cells[1].text = ""
                add_inline(cells[1].paragraphs[0], typ.strip())
                cells[2].text = ""
                add_inline(cells[2].paragraphs[0], " ".join(desc))
                while i < n and not lines[i].strip():
                    i += 1
            doc.add_paragraph()
            continue
        # bullet items
        m = re.match(r"([-*]) (.*)", s)
        if m:
            item = [m.group(2)]
            j = i + 1
            while j < n and lines[j].strip() and indent_of(lines[j]) >= ind + 2 \
                    and not re.match(r"[-*] ", lines[j].strip()):
                item.append(lines[j].strip())
                j += 1
            text = " ".join(item)
            style = "List Bullet" if ind == 0 else "List Bullet 2"
            add_inline(doc.add_paragraph(style=style), strip_subst(text))
            i = j
            continue
        # ordinary paragraph (stops at a bullet line)
        buf = []
        j = i
        while j < n and lines[j].strip() and not re.match(r"[-*] ", lines[j].strip()) \
                and not (j + 1 < n and is_underline(lines[j + 1]) and j > i):
            buf.append(lines[j].strip())
            j += 1
        text = " ".join(buf)
        if not text.startswith("``"):
            text = strip_subst(text)
        if text:
            p = doc.add_paragraph(style="Normal")
            add_inline(p, text)
        i = j
    doc.core_properties.title = "tqdm"
    doc.core_properties.author = "tqdm developers"
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: build_docx.py OUTPUT.docx")
    build(sys.argv[1])
