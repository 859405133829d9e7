#!/usr/bin/env python3
"""Build docs/colorama-readme.docx from the Colorama 0.4.6 README.

Source: the long description (README, reStructuredText) in
/work/main/.venv/lib/python3.11/site-packages/colorama-0.4.6.dist-info/METADATA

The README is laid out as a Word document:
  * the document title ("Colorama", underlined with '=')   -> Title style
  * sections underlined with '-'                          -> Heading 1
  * subsections underlined with '.'                       -> Heading 2
  * the terms of the "Init Keyword Args" definition list   -> Heading 3
  * '-' / '*' bullet items                                 -> List Bullet
  * ".. code-block::" and "::" literal blocks              -> "Code" paragraphs
                                                             (Courier New)
  * the two "formatting constants" literal blocks          -> Word tables whose
    header row holds the class names (Fore / Back / Style) and whose body row
    holds the constant names listed after each class name
  * ``literal`` inline markup                              -> Courier New run
Only reStructuredText markup is removed; the words are not changed.  The
badge images, the PayPal / Tidelift logo images (substitution definitions and
references) and the hyperlink targets (".. _name: url") are dropped.

Usage: build_docx.py OUTPUT.docx
"""
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm, Pt

SRC = ("/work/main/.venv/lib/python3.11/site-packages/"
       "colorama-0.4.6.dist-info/METADATA")

# literal blocks that become tables (identified by the paragraph before them)
TABLE_INTROS = ("Available formatting constants are",
                "These are fairly well supported, but not part of the standard")


def read_readme():
    text = open(SRC, encoding="utf-8").read()  # noqa: SIM115
    return text.split("\n\n", 1)[1].split("\n")   # drop the metadata header


INLINE = re.compile(
    r"(``(?P<lit>.+?)``"
    r"|`(?P<ref>[^`<]+?)(?:\s*<(?P<url>[^>]+)>)?`_{1,2}"
    r"|\|(?P<subst>[a-z]+)\|"
    r")")


def add_inline(par, text):
    """Add text to a paragraph, turning reST inline markup into run formatting."""
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            par.add_run(text[pos:m.start()])
        if m.group("lit") is not None:
            par.add_run(m.group("lit")).font.name = "Courier New"
        elif m.group("ref") is not None:
            par.add_run(m.group("ref").strip())
        elif m.group("subst") is not None:
            # |donate| is a PayPal button image: keep the word, drop the image
            par.add_run(m.group("subst"))
        pos = m.end()
    if pos < len(text):
        par.add_run(text[pos:])
    return par


def indent_of(line):
    return len(line) - len(line.lstrip(" "))


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


def add_constants_table(doc, block):
    """'Fore: A, B, C.' lines -> table, header row = class names."""
    pairs = []
    for line in block:
        if line.strip():
            name, values = line.strip().split(":", 1)
            pairs.append((name.strip(), values.strip()))
    table = doc.add_table(rows=2, cols=len(pairs))
    table.style = "Table Grid"
    for k, (name, values) in enumerate(pairs):
        hdr = table.rows[0].cells[k]
        hdr.text = ""
        hdr.paragraphs[0].add_run(name).bold = True
        table.rows[1].cells[k].text = values
    doc.add_paragraph()


def build(out):
    lines = read_readme()
    doc = make_doc()
    n = len(lines)
    i = 0
    pending_literal = None     # None, or the text of the paragraph ending in "::"
    in_kwargs = False          # inside the "Init Keyword Args" section

    def block_at(start, base):
        """Lines of an indented block (indent >= base), blank lines kept inside."""
        j = start
        out = []
        while j < n and (not lines[j].strip() or indent_of(lines[j]) >= base):
            out.append(lines[j][base:] if lines[j].strip() else "")
            j += 1
        while out and not out[-1]:
            out.pop()
        return out, j

    def para_lines(start, base):
        j = start
        buf = []
        while j < n and lines[j].strip() and indent_of(lines[j]) >= base \
                and not lines[j].strip().startswith(".. "):
            buf.append(lines[j].strip())
            j += 1
        return " ".join(buf), j

    def add_code(block):
        for b in block:
            doc.add_paragraph(b, style="Code")

    while i < n:
        line = lines[i]
        s = line.strip()
        if not s:
            i += 1
            continue
        ind = indent_of(line)

        # literal block after "::"
        if pending_literal is not None and ind > 0:
            block, j = block_at(i, ind)
            if pending_literal.startswith(TABLE_INTROS):
                add_constants_table(doc, block)
            else:
                add_code(block)
            pending_literal = None
            i = j
            continue
        pending_literal = None

        # underlined titles
        if ind == 0 and i + 1 < n and re.fullmatch(r"([=\-.])\1{2,}", lines[i + 1].strip() or "x"):
            ch = lines[i + 1].strip()[0]
            if ch == "=":
                doc.add_heading(s, level=0)
            else:
                doc.add_heading(s, level={"-": 1, ".": 2}[ch])
            in_kwargs = (s == "Init Keyword Args")
            i += 2
            continue

        # directives
        if s.startswith(".. code-block::"):
            j = i + 1
            while j < n and not lines[j].strip():
                j += 1
            block, j = block_at(j, indent_of(lines[j]))
            add_code(block)
            i = j
            continue
        if s.startswith(".. list-table::"):
            # one row: |tideliftlogo| (image, dropped) and a text cell
            j = i + 1
            while j < n and (not lines[j].strip() or indent_of(lines[j]) > ind):
                t = lines[j].strip()
                if t.startswith("- ") and "|" not in t:
                    text, j = para_lines(j + 1, indent_of(lines[j]) + 2)
                    add_inline(doc.add_paragraph(style="Normal"),
                               t[2:] + (" " + text if text else ""))
                    continue
                j += 1
            i = j
            continue
        if s.startswith(".. "):
            # images, substitution definitions, hyperlink targets: dropped
            i += 1
            while i < n and lines[i].strip() and indent_of(lines[i]) > ind:
                i += 1
            continue

        # bullet items
        if s.startswith(("- ", "* ")):
            text, j = para_lines(i + 1, ind + 2)
            item = s[2:] + (" " + text if text else "")
            add_inline(doc.add_paragraph(style="List Bullet"), item)
            i = j
            continue

        # definition-list terms in "Init Keyword Args": init(...):
        if in_kwargs and ind == 0 and re.fullmatch(r"init\(\w+=\w+\):", s):
            doc.add_heading(s, level=3)
            i += 1
            # the indented definition body is handled as ordinary content,
            # (paragraphs and code blocks), dedented below
            body, j = block_at(i, indent_of(lines[i]))
            lines[i:j] = body + [""] * ((j - i) - len(body))
            continue

        # ordinary paragraph
        text, j = para_lines(i, ind)
        if text.endswith("::"):
            text = text[:-2].rstrip()
            if not text.endswith(":"):
                text += ":"
            pending_literal = text
        p = doc.add_paragraph(style="Normal")
        if ind:
            p.paragraph_format.left_indent = Cm(1)
        add_inline(p, text)
        i = j

    doc.core_properties.title = "Colorama"
    doc.core_properties.author = "Jonathan Hartley"
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: build_docx.py OUTPUT.docx")
    build(sys.argv[1])
