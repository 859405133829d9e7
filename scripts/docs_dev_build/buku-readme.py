"""Lay out the buku README (Markdown with some inline HTML) as a Word document.

Usage: python build_buku-readme.py OUT.docx [SOURCE]

Source: README.md of buku 4.7 (Arun Prakash Jana and contributors,
https://github.com/jarun/buku), as shipped by Debian 12 in the package
buku 4.7+ds-1 at /usr/share/doc/buku/README.md.gz (`apt-get download buku`,
`dpkg -x`). SOURCE may be that .gz file or a decompressed copy; the default is
/tmp/s23/bB/fetch/x/buku/usr/share/doc/buku/README.md.gz.

Licence: buku is GPL-3.0-or-later (debian/copyright: "License: GPL-3+"; the
README's licence badge: GPLv3). The README text is reproduced unchanged.

Mapping (no text is reworded; only markup is interpreted):
  <h1>...</h1> (HTML title)     -> 'Title' paragraph
  ### heading / #### heading    -> 'Heading 1' / 'Heading 2'
  "- item" (nested "  - item")  -> 'List Bullet' ('List Bullet 2')
  "1. item"                     -> 'List Number', numbering restarted per list
  text indented under a list    -> a plain paragraph indented like the item
  | table |                      -> Word table ('Table Grid'), first row bold
  ``` fences and indented code  -> one 'Code' paragraph (Courier New 9 pt) per line
  `inline code`                 -> Courier New run, backticks dropped
  **bold**, *italic*            -> bold / italic runs
  [text](url)                   -> text (link markup removed); ![img](...) dropped
  HTML tags (<p>, <a>, <img>, <details>, <br> ...) -> removed; a line starting
                                   with a tag, or ending in <br>, is its own paragraph;
                                   lines left empty (badges, images) are dropped
"""
import gzip
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

DEFAULT_SOURCE = "/tmp/s23/bB/fetch/x/buku/usr/share/doc/buku/README.md.gz"

INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|\*[^*\s][^*]*\*)")


def read(path):
    if path.endswith(".gz"):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            return f.read()
    with open(path, encoding="utf-8") as f:
        return f.read()


def strip_markup(text):
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # links -> text
    text = re.sub(r"<[^>]+>", "", text)  # HTML tags
    return text


def add_runs(paragraph, text):
    text = strip_markup(text)
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = paragraph.add_run(part[1:-1])
            run.font.name = "Courier New"
        elif part.startswith("**") and part.endswith("**") and len(part) > 4:
            paragraph.add_run(part[2:-2]).bold = True
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            paragraph.add_run(part[1:-1]).italic = True
        else:
            paragraph.add_run(part)


class Builder:
    def __init__(self):
        self.doc = Document()
        styles = self.doc.styles
        code = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
        code.base_style = styles["Normal"]
        code.font.name = "Courier New"
        code.font.size = Pt(9)
        code.paragraph_format.space_after = Pt(0)
        self.numbering_restart_needed = True

    def code(self, line, indent_pt=0):
        p = self.doc.add_paragraph(line.rstrip("\n"), style="Code")
        if indent_pt:
            p.paragraph_format.left_indent = Pt(indent_pt)

    def restart_numbering(self, paragraph):
        """Give this 'List Number' paragraph a fresh w:num so the list starts at 1."""
        numbering = self.doc.part.numbering_part.element
        style = self.doc.styles["List Number"]
        num_pr = style.element.pPr.numPr
        base_num_id = num_pr.numId.val
        base = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == str(base_num_id))
        abstract_id = base.find(qn("w:abstractNumId")).get(qn("w:val"))
        new_id = max(int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))) + 1
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(new_id))
        abstract = OxmlElement("w:abstractNumId")
        abstract.set(qn("w:val"), abstract_id)
        num.append(abstract)
        override = OxmlElement("w:lvlOverride")
        override.set(qn("w:ilvl"), "0")
        start = OxmlElement("w:startOverride")
        start.set(qn("w:val"), "1")
        override.append(start)
        num.append(override)
        numbering.append(num)
        ppr = paragraph._p.get_or_add_pPr()
        npr = OxmlElement("w:numPr")
        ilvl = OxmlElement("w:ilvl")
        ilvl.set(qn("w:val"), "0")
        nid = OxmlElement("w:numId")
        nid.set(qn("w:val"), str(new_id))
        npr.append(ilvl)
        npr.append(nid)
        ppr.append(npr)
        self.current_num = new_id

    def numbered(self, text):
        p = self.doc.add_paragraph(style="List Number")
        if self.numbering_restart_needed:
            self.restart_numbering(p)
            self.numbering_restart_needed = False
        else:
            ppr = p._p.get_or_add_pPr()
            npr = OxmlElement("w:numPr")
            ilvl = OxmlElement("w:ilvl")
            ilvl.set(qn("w:val"), "0")
            nid = OxmlElement("w:numId")
            nid.set(qn("w:val"), str(self.current_num))
            npr.append(ilvl)
            npr.append(nid)
            ppr.append(npr)
        add_runs(p, text)

    def table(self, rows):
        cells = [[c.strip() for c in r.strip().strip("|").split("|")] for r in rows]
        cells = [r for r in cells if not all(re.fullmatch(r":?-+:?", c) for c in r)]
        t = self.doc.add_table(rows=len(cells), cols=len(cells[0]))
        t.style = "Table Grid"
        for i, row in enumerate(cells):
            for j, value in enumerate(row):
                para = t.cell(i, j).paragraphs[0]
                add_runs(para, value)
                if i == 0:
                    for r in para.runs:
                        r.bold = True

    def build(self, text):
        lines = text.split("\n")
        i = 0
        list_indent = None  # content indent of the current list item, or None
        para = []

        def flush():
            if para:
                joined = " ".join(s.strip() for s in para)
                if strip_markup(joined).strip():
                    p = self.doc.add_paragraph()
                    if list_indent is not None:
                        p.paragraph_format.left_indent = Pt(18)
                    add_runs(p, joined)
                para.clear()

        while i < len(lines):
            line = lines[i]
            stripped = line.strip()
            indent = len(line) - len(line.lstrip(" "))
            if stripped.startswith("```"):
                flush()
                i += 1
                while i < len(lines) and not lines[i].strip().startswith("```"):
                    code_line = lines[i]
                    if list_indent is not None:
                        code_line = code_line[min(list_indent, len(code_line) - len(code_line.lstrip(" "))):]
                    self.code(code_line, 18 if list_indent is not None else 0)
                    i += 1
                i += 1
                continue
            if not stripped:
                flush()
                i += 1
                continue
            m_h1 = re.match(r"<h1[^>]*>(.*)</h1>", stripped)
            if m_h1:
                flush()
                self.doc.add_paragraph(strip_markup(m_h1.group(1)), style="Title")
                i += 1
                continue
            m_head = re.match(r"(#{1,6})\s+(.*)", stripped)
            if m_head and indent < 4:
                flush()
                list_indent = None
                self.numbering_restart_needed = True
                level = max(1, len(m_head.group(1)) - 2)
                h = self.doc.add_heading(level=level)
                add_runs(h, m_head.group(2))
                i += 1
                continue
            if stripped.startswith("<"):
                # a line of inline HTML stands on its own: tags removed, text kept
                flush()
                para.append(line)
                flush()
                i += 1
                continue
            if stripped.startswith("|"):
                flush()
                rows = []
                while i < len(lines) and lines[i].strip().startswith("|"):
                    rows.append(lines[i])
                    i += 1
                self.table(rows)
                continue
            m_bullet = re.match(r"( *)[-*] (.*)", line)
            m_number = re.match(r"( *)(\d+)\. (.*)", line)
            if m_bullet:
                flush()
                nested = len(m_bullet.group(1)) >= 2
                p = self.doc.add_paragraph(style="List Bullet 2" if nested else "List Bullet")
                add_runs(p, m_bullet.group(2))
                list_indent = len(m_bullet.group(1)) + 2
                i += 1
                continue
            if m_number:
                flush()
                self.numbered(m_number.group(3))
                list_indent = len(m_number.group(1)) + len(m_number.group(2)) + 2
                i += 1
                continue
            code_indent = (list_indent or 0) + 4
            if indent >= code_indent and not para:
                strip_n = code_indent
                while i < len(lines) and (not lines[i].strip() or len(lines[i]) - len(lines[i].lstrip(" ")) >= code_indent):
                    # a blank line ends the block unless more code follows
                    if not lines[i].strip():
                        j = i
                        while j < len(lines) and not lines[j].strip():
                            j += 1
                        if j >= len(lines) or len(lines[j]) - len(lines[j].lstrip(" ")) < code_indent:
                            break
                    self.code(lines[i][strip_n:], 18 if list_indent is not None else 0)
                    i += 1
                continue
            if stripped.endswith("<br>"):
                # an HTML line break ends the paragraph
                para.append(line)
                flush()
            elif list_indent is None or indent >= 1 or para:
                para.append(line)
            else:
                # unindented text ends the list
                list_indent = None
                self.numbering_restart_needed = True
                para.append(line)
            i += 1
        flush()
        return self.doc


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    out = sys.argv[1]
    source = sys.argv[2] if len(sys.argv) == 3 else DEFAULT_SOURCE
    Builder().build(read(source)).save(out)


if __name__ == "__main__":
    main()
