"""Lay the YAPF README (reStructuredText) out as a Word document, without rewording it.

Usage: python build_yapf-readme.py OUT.docx [SOURCE]

Source: README.rst of YAPF 0.32.0 (Google's Python formatter), as shipped by the Debian
bookworm package yapf3 0.32.0-1 in /usr/share/doc/yapf3/README.rst.gz
(`apt-get download yapf3 && dpkg -x yapf3_0.32.0-1_all.deb yapf3`). SOURCE may be the .rst or
the .rst.gz; by default the copy extracted under /tmp/s24/bF/fetch is used.

Licence: Apache License 2.0 ("Copyright: 2015-2018 Google Inc. / License: Apache-2.0" in
/usr/share/doc/yapf3/copyright), which permits redistribution of the text.

Mapping from reStructuredText to Word:
  - title with '=' over- and underline          -> style 'Title'
  - section title underlined with '='             -> 'Heading 1'
  - section title with '-' over- and underline    -> 'Heading 2'
  - paragraph (lines joined with one space)       -> 'Normal' paragraph
  - '- item' bullet list item                     -> 'List Bullet'
  - '1. item' enumerated list item                -> 'List Number'
  - definition list term (a knob name, ``X``)     -> 'Normal' paragraph in bold; its
    indented body is laid out by the same rules
  - '.. code-block::' and '::' literal blocks     -> one paragraph per line in style 'Code'
    (Courier New 9 pt, leading spaces kept); a paragraph ending in '::' ends in ':'
  - '.. footer::' body                            -> 'Normal' paragraph(s)
  - badges ('.. image::'), '.. contents::' and hyperlink targets ('.. _x: url') are dropped
  - inline markup removed: ``literal`` -> literal, `text <url>`_ -> text, `name`_ -> name,
    name_ -> name, `x` -> x, '\\s' after a literal -> 's'
The README has no tables; there is nothing else to map.
"""
import gzip
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "/tmp/s24/bF/fetch/yapf3/usr/share/doc/yapf3/README.rst.gz"


def read_source(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return f.read().splitlines()


def inline(text):
    text = re.sub(r"`([^`<]+?)\s*<[^>]*>`__?", r"\1", text)  # `text <url>`_
    text = re.sub(r"``(.+?)``\\s", r"\1s", text)  # ``Token``\s
    text = re.sub(r"``(.+?)``", r"\1", text)  # ``literal``
    text = re.sub(r"`([^`]+?)`__?", r"\1", text)  # `name`_
    text = re.sub(r"`([^`]+?)`", r"\1", text)  # `default role`
    text = re.sub(r"\b([\w.]+)_(?=[\s.,;:)]|$)", r"\1", text)  # name_ (style.py_)
    return text


def indent_of(line):
    return len(line) - len(line.lstrip(" "))


def is_rule(line):
    s = line.strip()
    return len(s) >= 3 and len(set(s)) == 1 and s[0] in "=-~^*#"


def take_indented(lines, i, min_indent=1):
    """Lines from i on that are blank or indented at least min_indent; dedented."""
    block = []
    while i < len(lines) and (not lines[i].strip() or indent_of(lines[i]) >= min_indent):
        block.append(lines[i])
        i += 1
    while block and not block[-1].strip():
        block.pop()
    while block and not block[0].strip():
        block.pop(0)
    if block:
        cut = min(indent_of(ln) for ln in block if ln.strip())
        block = [ln[cut:] for ln in block]
    return block, i


class Writer:
    def __init__(self):
        self.doc = Document()
        styles = self.doc.styles
        code = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
        code.base_style = styles["Normal"]
        code.font.name = "Courier New"
        code.font.size = Pt(9)
        code.paragraph_format.space_after = Pt(0)

    def para(self, text, style=None, bold=False):
        p = self.doc.add_paragraph(style=style)
        run = p.add_run(text)
        run.bold = bold or None

    def code(self, block):
        for line in block:
            self.para(line.rstrip(), "Code")


def layout(lines, w):
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        s = line.strip()
        if not s:
            i += 1
            continue
        # over- and underlined title
        if is_rule(line) and i + 2 < n and is_rule(lines[i + 2]) and lines[i + 1].strip():
            title = lines[i + 1].strip()
            style = "Title" if s[0] == "=" else "Heading 2"
            w.para(inline(title), style)
            i += 3
            continue
        # underlined title
        if i + 1 < n and is_rule(lines[i + 1]) and len(lines[i + 1].strip()) >= len(s) and indent_of(line) == 0:
            w.para(inline(s), "Heading 1" if lines[i + 1].strip()[0] == "=" else "Heading 2")
            i += 2
            continue
        # directives
        m = re.match(r"\.\. (\S+?)::\s*(.*)$", s)
        if m:
            kind = m.group(1)
            body, i = take_indented(lines, i + 1)
            if kind == "code-block":
                w.code(body)
            elif kind == "footer":
                layout(body, w)
            # image, contents: dropped
            continue
        if re.match(r"\.\. _", s):  # hyperlink target
            i += 1
            continue
        # bullet / enumerated list item
        m = re.match(r"(- |\d+\. )(.*)$", s)
        if m:
            style = "List Bullet" if m.group(1) == "- " else "List Number"
            parts = [m.group(2)]
            i += 1
            while i < n and lines[i].strip() and indent_of(lines[i]) > indent_of(line):
                parts.append(lines[i].strip())
                i += 1
            w.para(inline(" ".join(parts)), style)
            continue
        # definition list: term followed directly by an indented body
        if i + 1 < n and lines[i + 1].strip() and indent_of(lines[i + 1]) > indent_of(line):
            w.para(inline(s), bold=True)
            body, i = take_indented(lines, i + 1, indent_of(line) + 1)
            layout(body, w)
            continue
        # paragraph
        parts = []
        while i < n and lines[i].strip():
            parts.append(lines[i].strip())
            i += 1
        text = " ".join(parts)
        if text.endswith("::"):
            text = text[:-1]
            w.para(inline(text))
            body, i = take_indented(lines, i)
            w.code(body)
        else:
            w.para(inline(text))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    source = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_SOURCE
    w = Writer()
    layout(read_source(source), w)
    w.doc.save(out)


if __name__ == "__main__":
    main()
