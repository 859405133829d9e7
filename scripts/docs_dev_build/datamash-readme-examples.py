#!/usr/bin/env python3
"""Build docs/datamash-readme-examples.docx from the GNU datamash documentation.

Sources (Debian package datamash 1.7-2, GNU datamash 1.7; not installed
here: fetched with `apt-get download datamash` and unpacked with
`dpkg -x datamash_1.7-2_amd64.deb x`):
  x/usr/share/doc/datamash/README.gz            (README, Markdown-ish)
  x/usr/share/doc/datamash/examples/readme.md   (usage examples, Markdown)
BASE below is where the batch that made the file had unpacked it
(/tmp/s17/bU/tools/x); point it at your own unpacked copy to rebuild.

The two texts are laid out as one Word document, README first, then the
examples file:
  README title "GNU Datamash"            -> Title
  README "===" sections                  -> Heading 1
  examples "# GNU Datamash - Usage ..."  -> Heading 1
  examples "##" sections                 -> Heading 2
  examples "###" sections                -> Heading 3
  "* " / "- " items                      -> List Bullet
  "1. " items                            -> List Number
  indented literal blocks / ``` blocks   -> monospace paragraph style "Code"
  example output that starts with a header line (GroupBy(...) ...) -> Word
  table with a bold header row (one cell per whitespace-separated column)
Only Markdown markup is removed (`x` -> Courier run, **x** -> bold, *x* ->
italic, [text](url) -> text); the words are not changed.

Usage: python scripts/docs_dev_build/datamash-readme-examples.py OUTPUT.docx
"""
import gzip
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm, Pt

BASE = "/tmp/s17/bU/tools/x/usr/share/doc/datamash/"
README = BASE + "README.gz"
EXAMPLES = BASE + "examples/readme.md"

INLINE = re.compile(
    r"(`(?P<code>[^`]+)`"
    r"|\*\*(?P<bold>.+?)\*\*"
    r"|(?<![\w*])\*(?P<ital>[^*\s][^*]*?)\*(?!\w)"
    r"|\[(?P<ltext>[^\]]+)\]\((?P<url>[^)]+)\)"
    r")")


def add_inline(par, text):
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            par.add_run(text[pos:m.start()])
        if m.group("code") is not None:
            par.add_run(m.group("code")).font.name = "Courier New"
        elif m.group("bold") is not None:
            par.add_run(m.group("bold")).bold = True
        elif m.group("ital") is not None:
            par.add_run(m.group("ital")).italic = True
        elif m.group("ltext") is not None:
            par.add_run(m.group("ltext"))
        pos = m.end()
    if pos < len(text):
        par.add_run(text[pos:])
    return par


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


def indent_of(line):
    return len(line) - len(line.lstrip(" "))


def add_table(doc, rows):
    ncol = max(len(r) for r in rows)
    t = doc.add_table(rows=0, cols=ncol)
    t.style = "Table Grid"
    for k, r in enumerate(rows):
        cells = t.add_row().cells
        for c, val in enumerate(r):
            cells[c].text = val
            if k == 0:
                for run in cells[c].paragraphs[0].runs:
                    run.bold = True
    # mark the first row as a repeating header row
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    trPr = t.rows[0]._tr.get_or_add_trPr()
    h = OxmlElement("w:tblHeader")
    h.set(qn("w:val"), "true")
    trPr.append(h)


def code_block(doc, block):
    """Literal block; output that starts with a header line becomes a table."""
    i = 0
    while i < len(block):
        line = block[i]
        if line.startswith("$ ") and i + 1 < len(block) and block[i + 1].startswith("GroupBy("):
            doc.add_paragraph(line, style="Code")
            rows = []
            j = i + 1
            while j < len(block) and block[j].strip() and not block[j].startswith("$"):
                rows.append(block[j].split())
                j += 1
            add_table(doc, rows)
            i = j
            continue
        doc.add_paragraph(line, style="Code")
        i += 1


def render(doc, lines, heading_map, setext_title):
    n = len(lines)
    i = 0
    first_setext = True
    while i < n:
        line = lines[i]
        s = line.strip()
        if not s:
            i += 1
            continue
        ind = indent_of(line)
        # setext headings (README)
        if ind == 0 and i + 1 < n and lines[i + 1].strip() and set(lines[i + 1].strip()) == {"="}:
            if first_setext and setext_title:
                doc.add_heading(s, level=0)
            else:
                doc.add_heading(s, level=1)
            first_setext = False
            i += 2
            continue
        # ATX headings (examples)
        m = re.match(r"^(#+)\s+(.*)$", line)
        if m:
            doc.add_heading(m.group(2), level=heading_map[len(m.group(1))])
            i += 1
            continue
        # fenced code
        if s.startswith("```"):
            j = i + 1
            block = []
            while j < n and not lines[j].strip().startswith("```"):
                block.append(lines[j])
                j += 1
            code_block(doc, block)
            i = j + 1
            continue
        # indented literal block
        if ind >= 4:
            j = i
            block = []
            while j < n and (not lines[j].strip() or indent_of(lines[j]) >= 4):
                block.append(lines[j][4:] if lines[j].strip() else "")
                j += 1
            while block and not block[-1]:
                block.pop()
            # a blank line inside a literal block separates two code blocks
            cur = []
            for b in block + [""]:
                if b:
                    cur.append(b)
                elif cur:
                    code_block(doc, cur)
                    cur = []
            i = j
            continue
        # bullet list item (with indented continuation lines)
        m = re.match(r"^([*-])\s+(.*)$", s)
        if m and ind < 4:
            text = [m.group(2).strip()]
            j = i + 1
            while j < n and lines[j].strip() and indent_of(lines[j]) > ind \
                    and not re.match(r"^[*-]\s", lines[j].strip()):
                text.append(lines[j].strip())
                j += 1
            add_inline(doc.add_paragraph(style="List Bullet"), " ".join(text))
            i = j
            continue
        # numbered list item
        m = re.match(r"^\d+\.\s+(.*)$", s)
        if m and ind < 4:
            add_inline(doc.add_paragraph(style="List Number"), m.group(1).strip())
            i += 1
            continue
        # paragraph: until blank line, heading, list item or literal block
        text = [s]
        j = i + 1
        while j < n and lines[j].strip():
            nxt = lines[j]
            if indent_of(nxt) >= 4 or re.match(r"^(#+\s|[*-]\s|\d+\.\s)", nxt.strip()):
                break
            if j + 1 < n and lines[j + 1].strip() and set(lines[j + 1].strip()) == {"="}:
                break
            text.append(nxt.strip())
            j += 1
        add_inline(doc.add_paragraph(), " ".join(text))
        i = j


def build(out):
    doc = make_doc()
    readme = gzip.open(README, "rt", encoding="utf-8").read().split("\n")  # noqa: SIM115
    examples = open(EXAMPLES, encoding="utf-8").read().split("\n")  # noqa: SIM115
    render(doc, readme, {}, setext_title=True)
    render(doc, examples, {1: 1, 2: 2, 3: 3}, setext_title=False)
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: datamash-readme-examples.py OUTPUT.docx")
    build(sys.argv[1])
