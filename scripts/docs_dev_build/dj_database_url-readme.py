"""Build dj_database_url-readme.docx from the dj-database-url README.

Usage: python build_dj_database_url-readme.py OUT.docx SOURCE

SOURCE is the README of dj-database-url 3.1.2 (reStructuredText), either as
README.rst or as the package metadata file that carries it unchanged as the
long description: ``dj_database_url-3.1.2.dist-info/METADATA`` inside the PyPI
wheel ``dj_database_url-3.1.2-py3-none-any.whl`` (``pip download --no-deps
dj-database-url==3.1.2``).  When the file starts with ``Metadata-Version:``
the header fields up to the first blank line are skipped.

Licence of the source text: BSD-3-Clause (Copyright (c) Kenneth Reitz &
individual contributors), as stated in the wheel's ``licenses/LICENSE`` and
its ``License-Expression`` field.

Mapping (no text is reworded; only reStructuredText markup is interpreted):

* section titles: the first underline character met (``~``) gives the
  ``Title`` style, the next (``-``) ``Heading 1``, the next (``^``)
  ``Heading 2``;
* ordinary paragraphs: ``Normal``, with the source's line breaks joined by
  spaces;
* ``*`` / ``-`` bullet items: ``List Bullet``; ``1.`` enumerated items:
  ``List Number`` (a list whose first item is ``1.`` restarts the
  numbering); further paragraphs inside an item: ``List Continue``;
* ``.. code-block::`` directives and ``::`` literal blocks: one paragraph per
  line in the monospaced ``Code`` paragraph style (Courier New); a paragraph
  ending in ``::`` loses one colon, as reStructuredText renders it;
* the grid table: a Word table (``Table Grid``), header row in bold, a cell
  spanning several source lines keeps one line per source line;
* footnotes ``.. [n] text``: a paragraph ``[n] text`` in the
  ``Footnote Text`` style where they stand; references ``[n]_`` become
  ``[n]``;
* inline markup: ````literal```` in Courier New, ``**strong**`` in bold,
  ```text <url>`_`` keeps its text, ``|name|__`` is replaced by its
  ``.. |name| replace::`` text, ```interpreted``` keeps its text;
* left out: the three ``.. image::`` badges, substitution definitions and
  ``__ url`` link targets (markup, not text).
"""
import datetime
import itertools
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

ADORN = re.compile(r"^([~\-^=`#*+.:'\"_])\1+\s*$")
BULLET = re.compile(r"^([*-]) +")
ENUM = re.compile(r"^(\d+)\. +")
FOOTNOTE = re.compile(r"^\.\. \[(\d+)\] +(.*)$")
SUBST = re.compile(r"^\.\. \|([^|]+)\| replace:: +(.*)$")
INLINE = re.compile(
    r"``(?P<lit>.+?)``"
    r"|\*\*(?P<strong>.+?)\*\*"
    r"|`(?P<ltext>[^`<]+?) <[^>]+>`__?"
    r"|\|(?P<sub>[^|]+)\|__?"
    r"|(?P<fn>\[\d+\])_"
    r"|`(?P<interp>[^`]+)`"
)
FIXED_DATE = datetime.datetime(2024, 1, 1, 0, 0, 0)


def read_source(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    if lines and lines[0].startswith("Metadata-Version:"):
        lines = lines[lines.index("") + 1:]
    return lines


def indent_of(line):
    return len(line) - len(line.lstrip(" "))


def dedent(lines):
    body = [ln for ln in lines if ln.strip()]
    if not body:
        return lines
    n = min(indent_of(ln) for ln in body)
    return [ln[n:] if ln.strip() else "" for ln in lines]


class Builder:
    def __init__(self, lines):
        self.lines = lines
        self.subs = {}
        for ln in lines:
            m = SUBST.match(ln.strip())
            if m:
                self.subs[m.group(1)] = m.group(2)
        self.levels = []
        self.num_id = None
        self.doc = Document()
        self._styles()

    def new_numbering(self):
        """A new numbering instance of the List Number style, restarting at 1."""
        numbering = self.doc.part.numbering_part.element
        style_num = self.doc.styles["List Number"].element.pPr.numPr.numId.val
        abstract = numbering.num_having_numId(style_num).abstractNumId.val
        num = numbering.add_num(abstract)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return num.numId

    def _styles(self):
        styles = self.doc.styles
        code = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
        code.base_style = styles["Normal"]
        code.font.name = "Courier New"
        code.font.size = Pt(9)
        code.paragraph_format.space_after = Pt(0)
        if "Footnote Text" not in [s.name for s in styles]:
            foot = styles.add_style("Footnote Text", WD_STYLE_TYPE.PARAGRAPH)
            foot.base_style = styles["Normal"]
            foot.font.size = Pt(9)

    # inline markup -------------------------------------------------------
    def add_inline(self, par, text):
        pos = 0
        for m in INLINE.finditer(text):
            if m.start() > pos:
                par.add_run(text[pos:m.start()])
            if m.group("lit") is not None:
                par.add_run(m.group("lit")).font.name = "Courier New"
            elif m.group("strong") is not None:
                par.add_run(m.group("strong")).bold = True
            elif m.group("ltext") is not None:
                par.add_run(m.group("ltext"))
            elif m.group("sub") is not None:
                name = m.group("sub")
                self.add_inline(par, self.subs.get(name, name))
            elif m.group("fn") is not None:
                par.add_run(m.group("fn"))
            else:
                par.add_run(m.group("interp"))
            pos = m.end()
        if pos < len(text):
            par.add_run(text[pos:])

    def paragraph(self, text, style=None):
        par = self.doc.add_paragraph(style=style)
        if style == "List Number":
            num_pr = par._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = 0
            num_pr.get_or_add_numId().val = self.num_id
        self.add_inline(par, text)
        return par

    def code(self, lines):
        lines = dedent(lines)
        while lines and not lines[-1].strip():
            lines.pop()
        while lines and not lines[0].strip():
            lines.pop(0)
        for ln in lines:
            self.doc.add_paragraph(ln, style="Code")

    # blocks ---------------------------------------------------------------
    @staticmethod
    def indented_block(lines, i, min_indent):
        """Lines from i that are blank or indented by at least min_indent."""
        j = i
        while j < len(lines) and (not lines[j].strip() or indent_of(lines[j]) >= min_indent):
            j += 1
        while j > i and not lines[j - 1].strip():
            j -= 1
        return lines[i:j], j

    def table(self, rows_src):
        border = rows_src[0]
        cols = [k for k, ch in enumerate(border) if ch == "+"]
        rows, header_rows, current = [], 0, None
        for ln in rows_src[1:]:
            if ln.startswith("+"):
                if current is not None:
                    rows.append(current)
                current = None
                if "=" in ln:
                    header_rows = len(rows)
                continue
            cells = [ln[a + 1:b].strip() for a, b in itertools.pairwise(cols)]
            if current is None:
                current = [[c] if c else [] for c in cells]
            else:
                for k, c in enumerate(cells):
                    if c:
                        current[k].append(c)
        table = self.doc.add_table(rows=0, cols=len(cols) - 1)
        table.style = "Table Grid"
        for r, row in enumerate(rows):
            cells = table.add_row().cells
            for k, parts in enumerate(row):
                par = cells[k].paragraphs[0]
                for n, part in enumerate(parts):
                    if n:
                        par.add_run().add_break()
                    self.add_inline(par, part)
                if r < header_rows:
                    for run in par.runs:
                        run.bold = True

    def blocks(self, lines, list_style=None):
        i = 0
        first = True
        while i < len(lines):
            ln = lines[i]
            s = ln.strip()
            if not s:
                i += 1
                continue
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            # section title
            if ADORN.match(nxt) and len(nxt.strip()) >= len(s) and not ADORN.match(ln):
                ch = nxt.strip()[0]
                if ch not in self.levels:
                    self.levels.append(ch)
                level = self.levels.index(ch)
                self.paragraph(s, "Title" if level == 0 else f"Heading {level}")
                i += 2
                continue
            # grid table
            if s.startswith("+-"):
                j = i
                while j < len(lines) and lines[j].strip().startswith(("+", "|")):
                    j += 1
                self.table([x.strip() for x in lines[i:j]])
                i = j
                continue
            # explicit markup
            if s.startswith(".. "):
                fn = FOOTNOTE.match(s)
                body, j = self.indented_block(lines, i + 1, indent_of(ln) + 1)
                if fn:
                    text = " ".join([fn.group(2)] + [b.strip() for b in body if b.strip()])
                    self.paragraph(f"[{fn.group(1)}] {text}", "Footnote Text")
                elif s.startswith(".. code-block::"):
                    self.code(body)
                # images, substitution definitions: markup only
                i = j
                continue
            if s.startswith("__ "):
                i += 1
                continue
            # lists
            m = BULLET.match(ln) or ENUM.match(ln)
            if m:
                style = "List Bullet" if BULLET.match(ln) else "List Number"
                if style == "List Number" and (self.num_id is None or m.group(1) == "1"):
                    self.num_id = self.new_numbering()
                width = m.end()
                item = [" " * width + ln[width:]]
                body, j = self.indented_block(lines, i + 1, width)
                self.blocks(dedent(item + body), style)
                i = j
                continue
            # paragraph
            j = i
            while j < len(lines) and lines[j].strip() and not ADORN.match(lines[j]):
                if j > i and (BULLET.match(lines[j]) or ENUM.match(lines[j])):
                    break
                j += 1
            if j < len(lines) and ADORN.match(lines[j]) and j - i >= 1 and j > i + 1:
                j -= 1  # the last line is a section title
            text = " ".join(x.strip() for x in lines[i:j])
            literal = text.endswith("::")
            if literal:
                text = text[:-1]
            if first and list_style:
                style = list_style
            elif list_style:
                style = "List Continue"
            else:
                style = None
            self.paragraph(text, style)
            first = False
            i = j
            if literal:
                while i < len(lines) and not lines[i].strip():
                    i += 1
                body, i = self.indented_block(lines, i, indent_of(ln) + 1)
                self.code(body)

    def build(self, out):
        self.blocks(self.lines)
        props = self.doc.core_properties
        props.title = "DJ-Database-URL"
        props.author = "Jazzband community"
        props.created = FIXED_DATE
        props.modified = FIXED_DATE
        props.last_printed = FIXED_DATE
        props.revision = 1
        self.doc.save(out)


def main():
    out, source = sys.argv[1], sys.argv[2]
    Builder(read_source(source)).build(out)


if __name__ == "__main__":
    main()
