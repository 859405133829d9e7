"""Build newman-readme.docx from the README.md of the newman npm package.

Usage: python build_newman-readme.py OUT.docx SOURCE

Source: README.md of newman 6.2.2, the command-line collection runner for
Postman, taken unchanged from the npm registry tarball (``npm pack
newman@6.2.2``, path ``package/README.md``).
Licence: Apache-2.0 (Copyright Postdot Technologies, Inc.), as stated in the
README's "License" section and in package.json.

The text is not reworded; only the Markdown layout is turned into Word layout:

- ``#`` .. ``####`` headings -> "Heading 1" .. "Heading 4" paragraphs;
- ``-``/``*`` bullets -> "List Bullet" (nested: "List Bullet 2");
- ``1.`` numbered items -> "List Number" (nested: "List Number 2"), each list
  restarting at its own first number;
- indented or lazy continuation lines join their list item;
- fenced code blocks -> one paragraph per line in a monospaced "Code" style;
- pipe tables -> Word tables ("Table Grid", bold header row); the CLI
  reporter table, which a blank line splits in two, is kept as one table;
- inline code -> Courier New runs, ``**bold**`` -> bold, ``_x_``/``*x*`` ->
  italic, ``[text](url)`` -> its text, ``<br />`` -> a line break;
- images and badges, HTML tags (their text is kept), and the "back to top"
  navigation links are left out.

Core properties carry fixed dates so that a rebuild gives the same document.
"""

import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Pt

INLINE = re.compile(
    r"(?P<code>`+)(?P<codetext>.+?)(?P=code)"
    r"|(?P<badge>\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\))"
    r"|(?P<image>!\[[^\]]*\]\([^)]*\))"
    r"|\[(?P<linktext>(?:[^\[\]]|\[[^\]]*\])*)\]\((?P<url>[^)\s]*)\)"
    r"|\*\*(?P<bold>.+?)\*\*"
    r"|(?<!\w)_(?P<ital>[^_]+?)_(?!\w)"
    r"|(?<![\w*])\*(?P<ital2>[^*\s][^*]*?)\*(?!\w)"
    r"|(?P<br><br\s*/?>[ \t]*\n?[ \t]*)"
    r"|(?P<tag></?[a-zA-Z][^>]*>)"
    r"|\\(?P<esc>[\\`*_{}\[\]()#+\-.!|])"
    r"|(?P<soft>[ \t]*\n[ \t]*)"
)

LIST_ITEM = re.compile(r"^(\s*)([-*+]|\d+\.)\s+(.*)$")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
FENCE = re.compile(r"^```")
TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
BACK_TO_TOP = "[back to top](#table-of-contents)"
CODE_FONT = "Courier New"


def add_run(par, text, bold=False, italic=False, code=False):
    if not text:
        return
    run = par.add_run(text)
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    if code:
        run.font.name = CODE_FONT
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), CODE_FONT)


def add_inline(par, text, bold=False, italic=False):
    """Append Markdown inline text to a paragraph as formatted runs."""
    pos = 0
    for m in INLINE.finditer(text):
        add_run(par, text[pos:m.start()], bold, italic)
        pos = m.end()
        if m.group("code"):
            add_run(par, m.group("codetext").replace("\\|", "|"), bold, italic, code=True)
        elif m.group("badge") or m.group("image") or m.group("tag"):
            continue
        elif m.group("linktext") is not None:
            add_inline(par, m.group("linktext"), bold, italic)
        elif m.group("bold"):
            add_inline(par, m.group("bold"), True, italic)
        elif m.group("ital"):
            add_inline(par, m.group("ital"), bold, True)
        elif m.group("ital2"):
            add_inline(par, m.group("ital2"), bold, True)
        elif m.group("br") is not None:
            par.add_run().add_break()
        elif m.group("esc"):
            add_run(par, m.group("esc"), bold, italic)
        elif m.group("soft") is not None:
            add_run(par, " ", bold, italic)
    add_run(par, text[pos:], bold, italic)


def visible(text):
    """Whether inline Markdown/HTML text has any text left once rendered."""
    stripped = re.sub(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)|!\[[^\]]*\]\([^)]*\)|<[^>]+>", "", text)
    return bool(stripped.strip())


def trim(text):
    """Drop leading tags/images and leading or trailing line breaks."""
    text = re.sub(r"^(?:\s|<[^>]+>|!\[[^\]]*\]\([^)]*\))+", "", text)
    text = re.sub(r"(?:\s|<br\s*/?>|\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\))+$", "", text)
    return text


def split_row(line):
    line = line.strip()
    line = line.removeprefix("|")
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    return [c.strip() for c in re.split(r"(?<!\\)\|", line)]


class Builder:
    def __init__(self):
        self.doc = Document()
        styles = self.doc.styles
        code = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
        code.base_style = styles["Normal"]
        code.font.name = CODE_FONT
        code.font.size = Pt(9)
        code.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), CODE_FONT)
        code.paragraph_format.space_after = Pt(0)
        self.numbering = self.doc.part.numbering_part.element
        self.open_lists = {}

    def new_num(self, style_name, start):
        """A fresh numbering instance for a numbered list style, from start."""
        style_num = self.doc.styles[style_name].element.pPr.numPr.numId.val
        abstract = self.numbering.num_having_numId(style_num).abstractNumId.val
        num = self.numbering.add_num(abstract)
        num.add_lvlOverride(ilvl=0).add_startOverride(start)
        return num.numId

    def list_item(self, level, marker, text):
        numbered = marker[0].isdigit()
        kind = "List Number" if numbered else "List Bullet"
        style = kind if level == 0 else f"{kind} 2"
        par = self.doc.add_paragraph(style=style)
        if numbered:
            num_id = self.open_lists.get(style)
            if num_id is None:
                num_id = self.new_num(style, int(marker[:-1]))
                self.open_lists[style] = num_id
            num_pr = par._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = 0
            num_pr.get_or_add_numId().val = num_id
        if level == 0:
            self.open_lists.pop("List Number 2", None)
            self.open_lists.pop("List Bullet 2", None)
        add_inline(par, text)

    def table(self, rows):
        ncols = len(rows[0])
        table = self.doc.add_table(rows=0, cols=ncols)
        table.style = self.doc.styles["Table Grid"]
        for i, cells in enumerate(rows):
            cells = (cells + [""] * ncols)[:ncols]
            row = table.add_row()
            for cell, text in zip(row.cells, cells, strict=False):
                add_inline(cell.paragraphs[0], text, bold=(i == 0))
        return table

    def build(self, lines):
        i = 0
        n = len(lines)
        pending_table = None  # rows of the last table, if nothing came after it
        while i < n:
            line = lines[i]
            stripped = line.strip()
            if not stripped:
                i += 1
                continue
            if stripped.startswith("|") and not (
                i + 1 < n and TABLE_SEP.match(lines[i + 1])
            ) and pending_table is not None:
                # table rows after a blank line: continue the previous table
                while i < n and lines[i].strip().startswith("|"):
                    row = pending_table.add_row()
                    for cell, text in zip(row.cells, split_row(lines[i]), strict=False):
                        add_inline(cell.paragraphs[0], text)
                    i += 1
                continue
            pending_table = None
            if FENCE.match(stripped):
                i += 1
                while i < n and not FENCE.match(lines[i].strip()):
                    par = self.doc.add_paragraph(style="Code")
                    add_run(par, lines[i].rstrip("\n"), code=True)
                    i += 1
                i += 1
                self.open_lists.clear()
                continue
            m = HEADING.match(line)
            if m:
                level = min(len(m.group(1)), 4)
                par = self.doc.add_paragraph(style=f"Heading {level}")
                add_inline(par, trim(m.group(2)))
                i += 1
                self.open_lists.clear()
                continue
            if stripped.startswith("|") and i + 1 < n and TABLE_SEP.match(lines[i + 1]):
                rows = [split_row(line)]
                i += 2
                while i < n and lines[i].strip().startswith("|"):
                    rows.append(split_row(lines[i]))
                    i += 1
                pending_table = self.table(rows)
                self.open_lists.clear()
                continue
            m = LIST_ITEM.match(line)
            if m:
                indent = len(m.group(1).expandtabs(4))
                level = 0 if indent < 2 else 1
                parts = [m.group(3)]
                i += 1
                while i < n:
                    nxt = lines[i]
                    s = nxt.strip()
                    if not s or LIST_ITEM.match(nxt) or FENCE.match(s) or HEADING.match(nxt) \
                            or s.startswith("|"):
                        break
                    parts.append(s)
                    i += 1
                self.list_item(level, m.group(2), trim("\n".join(parts)))
                # a blank line followed by something other than a list item ends the list
                j = i
                while j < n and not lines[j].strip():
                    j += 1
                if j > i and (j >= n or not LIST_ITEM.match(lines[j])):
                    self.open_lists.clear()
                continue
            # ordinary paragraph
            parts = [stripped]
            i += 1
            while i < n:
                s = lines[i].strip()
                if not s or FENCE.match(s) or HEADING.match(lines[i]) or LIST_ITEM.match(lines[i]) \
                        or s.startswith("|"):
                    break
                parts.append(s)
                i += 1
            self.open_lists.clear()
            text = "\n".join(parts)
            if text == BACK_TO_TOP or not visible(text):
                continue
            add_inline(self.doc.add_paragraph(), trim(text))

    def save(self, out):
        props = self.doc.core_properties
        props.title = "newman - the cli companion for postman (README)"
        props.author = "Postdot Technologies, Inc."
        props.subject = "README.md of newman 6.2.2"
        props.comments = "Built from the newman 6.2.2 npm package README.md"
        fixed = datetime.datetime(2024, 1, 1, 0, 0, 0)
        props.created = fixed
        props.modified = fixed
        props.last_printed = fixed
        props.revision = 1
        self.doc.save(out)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: build_newman-readme.py OUT.docx SOURCE")
    out, source = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    builder = Builder()
    builder.build(lines)
    builder.save(out)


if __name__ == "__main__":
    main()
