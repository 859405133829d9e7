#!/usr/bin/env python3
"""Build docs/i3-ipc-interface.docx from the i3 IPC interface document.

Source: usr/share/doc/i3-wm/ipc.html from the Debian package i3-wm 4.22-2
(AsciiDoc output, "IPC interface (interprocess communication)" by
Michael Stapelberg, June 2020), not installed here: fetched and unpacked with
    apt-get download i3-wm && dpkg -x i3-wm_4.22-2_amd64.deb x/i3-wm
SRC below is where the batch that made the file had unpacked it
(/tmp/s17/bV/tools/x/i3-wm); another unpacked copy can be given as the second
argument.

The HTML is laid out as a Word document:
  h1                          -> Title
  author / revision date      -> Normal paragraph under the title
  h2 (numbered sections)      -> Heading 1
  h3 (numbered subsections)   -> Heading 2
  paragraphs that consist only of a bold label ("Message:", "Reply:",
  "Example:") and the library language names in section 6
  (definition-list terms)     -> Heading 3
  other definition-list terms -> bold Normal paragraph, followed by the
                                 description as Normal paragraph(s)
  ul / nested ul              -> List Bullet / List Bullet 2
  ol                          -> List Number
  the "message types" table   -> Word table (bold header row, caption above)
  listing blocks (<pre>)      -> one paragraph per line in style "Code"
                                 (Courier New 9 pt)
  inline <code>               -> Courier New run, <strong> bold, <em> italic
  admonition blocks           -> Normal paragraph starting with the bold
                                 label ("Note", "Warning", ...)
Page set-up: A4, 2 cm margins, Normal 10 pt single-spaced with 3 pt after,
so that the whole document fits in about 15 pages.
Only the HTML markup is removed; the words are not changed.  Dropped: the
style sheet / scripts, the empty JavaScript table-of-contents placeholder
and its <noscript> message, the e-mail address, and the page footer
("Last updated ...").  The whole document is kept (not trimmed).

Usage: python scripts/docs_dev_build/i3-ipc-interface.py OUTPUT.docx [SOURCE.html]
"""
import re
import sys

import lxml.html
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm, Pt

SRC = "/tmp/s17/bV/tools/x/i3-wm/usr/share/doc/i3-wm/ipc.html"

WS = re.compile(r"\s+")


def make_doc():
    doc = Document()
    styles = doc.styles
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, side, Cm(2))
    normal = styles["Normal"]
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(3)
    normal.paragraph_format.line_spacing = 1.0
    code = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = styles["Normal"]
    code.font.name = "Courier New"
    code.font.size = Pt(8)
    code.paragraph_format.space_after = Pt(0)
    code.paragraph_format.left_indent = Cm(1)
    return doc


class Inline:
    """Collect runs (text, bold, italic, mono) from an element's inline content."""

    def __init__(self):
        self.runs = []

    def add(self, text, bold=False, italic=False, mono=False):
        if text:
            self.runs.append([text, bold, italic, mono])

    def walk(self, el, bold=False, italic=False, mono=False, skip_blocks=True):
        self.add(el.text, bold, italic, mono)
        for ch in el:
            tag = ch.tag if isinstance(ch.tag, str) else ""
            if skip_blocks and tag in ("div", "ul", "ol", "dl", "table", "pre"):
                pass  # block content handled by the caller
            elif tag == "br":
                self.add(" ", bold, italic, mono)
            else:
                self.walk(ch,
                          bold or tag in ("strong", "b"),
                          italic or tag in ("em", "i"),
                          mono or tag in ("code", "tt"),
                          skip_blocks)
            self.add(ch.tail, bold, italic, mono)

    def normalised(self):
        """Collapse whitespace across runs, strip the ends."""
        out = []
        prev_space = True
        for text, b, i, m in self.runs:
            t = WS.sub(" ", text)
            if prev_space:
                t = t.lstrip(" ")
            if not t:
                continue
            prev_space = t.endswith(" ")
            out.append([t, b, i, m])
        while out and out[-1][0].endswith(" "):
            out[-1][0] = out[-1][0].rstrip(" ")
            if not out[-1][0]:
                out.pop()
        return out


def fill(par, runs):
    for text, b, i, m in runs:
        r = par.add_run(text)
        if b:
            r.bold = True
        if i:
            r.italic = True
        if m:
            r.font.name = "Courier New"
    return par


def inline_runs(el):
    col = Inline()
    col.walk(el)
    return col.normalised()


def cls(el):
    return (el.get("class") or "").split()


class Builder:
    def __init__(self, doc):
        self.doc = doc
        self.section_title = ""

    def para(self, el, style=None):
        runs = inline_runs(el)
        if runs:
            fill(self.doc.add_paragraph(style=style), runs)

    def blocks(self, parent):
        for el in parent:
            if not isinstance(el.tag, str):
                continue
            self.block(el)

    def block(self, el):
        tag, c = el.tag, cls(el)
        if tag == "h2":
            self.section_title = WS.sub(" ", el.text_content()).strip()
            self.doc.add_heading(self.section_title, level=1)
        elif tag == "h3":
            self.doc.add_heading(WS.sub(" ", el.text_content()).strip(), level=2)
        elif tag == "h4":
            self.doc.add_heading(WS.sub(" ", el.text_content()).strip(), level=3)
        elif "sect1" in c or "sect2" in c or "sect3" in c or "sectionbody" in c \
                or tag in ("dd",) or "content" in c and tag == "div" and "listingblock" not in c:
            self.blocks(el)
        elif "paragraph" in c:
            for p in el.iter("p"):
                kids = [k for k in p if isinstance(k.tag, str)]
                if len(kids) == 1 and kids[0].tag == "strong" and not (p.text or "").strip() \
                        and not (kids[0].tail or "").strip():
                    self.doc.add_heading(WS.sub(" ", p.text_content()).strip(), level=3)
                else:
                    self.para(p)
        elif tag == "p":
            self.para(el)
        elif "listingblock" in c:
            pre = el.find(".//pre")
            text = pre.text_content().rstrip("\n")
            for line in text.split("\n"):
                self.doc.add_paragraph(line, style="Code")
        elif "ulist" in c:
            self.ulist(el.find("ul"), 1)
        elif "olist" in c:
            self.olist(el.find("ol"))
        elif "dlist" in c:
            self.dlist(el.find("dl"))
        elif "tableblock" in c:
            self.table(el.find("table"))
        elif "admonitionblock" in c:
            self.admonition(el)
        else:
            raise ValueError(f"unhandled block {tag} {c}")

    def list_item(self, li, style):
        # the item's own text: <p> children (and direct text), nested lists after
        runs = []
        col = Inline()
        col.add(li.text)
        for ch in li:
            if not isinstance(ch.tag, str):
                continue
            if ch.tag == "p":
                col.walk(ch)
                col.add(" ")
            col.add(ch.tail)
        runs = col.normalised()
        if runs:
            fill(self.doc.add_paragraph(style=style), runs)
        for ch in li:
            if isinstance(ch.tag, str) and ch.tag == "div":
                if "ulist" in cls(ch):
                    self.ulist(ch.find("ul"), 2)
                elif "olist" in cls(ch):
                    self.olist(ch.find("ol"))
                else:
                    self.block(ch)

    def ulist(self, ul, level):
        style = "List Bullet" if level == 1 else "List Bullet 2"
        for li in ul.findall("li"):
            self.list_item(li, style)

    def olist(self, ol):
        for li in ol.findall("li"):
            self.list_item(li, "List Number")

    def dlist(self, dl):
        as_heading = self.section_title.startswith("6. See also")
        for ch in dl:
            if not isinstance(ch.tag, str):
                continue
            if ch.tag == "dt":
                if as_heading:
                    self.doc.add_heading(WS.sub(" ", ch.text_content()).strip(), level=3)
                else:
                    runs = inline_runs(ch)
                    for r in runs:
                        r[1] = True
                    fill(self.doc.add_paragraph(), runs)
            elif ch.tag == "dd":
                self.blocks(ch)

    def table(self, table):
        cap = table.find("caption")
        if cap is not None:
            self.doc.add_paragraph(WS.sub(" ", cap.text_content()).strip(), style="Caption")
        head = [WS.sub(" ", th.text_content()).strip() for th in table.iterfind("thead/tr/th")]
        rows = []
        for tr in table.iterfind("tbody/tr"):
            rows.append([inline_runs(td) for td in tr.findall("td")])
        t = self.doc.add_table(rows=1 + len(rows), cols=len(head))
        t.style = "Table Grid"
        for j, h in enumerate(head):
            cell = t.rows[0].cells[j]
            cell.paragraphs[0].add_run(h).bold = True
        # mark the first row as a repeating header row
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        trPr = t.rows[0]._tr.get_or_add_trPr()
        hdr = OxmlElement("w:tblHeader")
        hdr.set(qn("w:val"), "true")
        trPr.append(hdr)
        for i, row in enumerate(rows, start=1):
            for j, runs in enumerate(row):
                fill(t.rows[i].cells[j].paragraphs[0], runs)

    def admonition(self, el):
        icon = el.find(".//td[@class='icon']")
        content = el.find(".//td[@class='content']")
        label = WS.sub(" ", icon.text_content()).strip()
        title = content.find("div[@class='title']")
        col = Inline()
        col.add(label + ": ", bold=True)
        if title is not None:
            col.add(title.text_content() + " ", bold=True)
            col.add(title.tail)
            # rest of the content after the title div
            for ch in content:
                if ch is title:
                    continue
                col.walk(ch) if isinstance(ch.tag, str) else None
                col.add(ch.tail)
        else:
            col.walk(content)
        fill(self.doc.add_paragraph(), col.normalised())


def build(src, out):
    root = lxml.html.parse(src).getroot()
    doc = make_doc()
    header = root.get_element_by_id("header")
    doc.add_heading(WS.sub(" ", header.find("h1").text_content()).strip(), level=0)
    author = header.find(".//span[@id='author']").text_content().strip()
    revdate = header.find(".//span[@id='revdate']").text_content().strip()
    doc.add_paragraph(f"{author}, {revdate}")
    content = root.get_element_by_id("content")
    b = Builder(doc)
    for el in content:
        if not isinstance(el.tag, str):
            continue
        if el.get("id") == "preamble":
            b.blocks(el.find("div"))
        else:
            b.block(el)
    doc.core_properties.title = "IPC interface (interprocess communication)"
    doc.core_properties.author = author
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: i3-ipc-interface.py OUTPUT.docx [SOURCE.html]")
    build(sys.argv[2] if len(sys.argv) == 3 else SRC, sys.argv[1])
