#!/usr/bin/env python3
"""Build docs/markdown-contributing.docx from Python-Markdown's
"Contributing to Python-Markdown" guide.

Source: usr/share/doc/python-markdown-doc/docs/contributing.html from the
Debian package python-markdown-doc 3.4.1-2+deb12u1 (Python-Markdown 3.4.1;
not installed here), fetched and unpacked with
    apt-get download python-markdown-doc
    dpkg -x python-markdown-doc_3.4.1-2+deb12u1_all.deb x_python-markdown-doc
SRC below is where the batch that made the file had unpacked it
(/tmp/s18/bC/tools/x_python-markdown-doc); another copy can be given as the
second argument.
Only the main body (<div class="body">) is used; the site navigation,
sidebar, footer, the "¶" permalinks and the <style> block are left out.

The HTML structure is mapped to real Word structure:
    h1 -> Title, h2 -> Heading 1, h3 -> Heading 2, h4 -> Heading 3,
    <p> -> Normal, <ul><li> -> List Bullet (nested: List Bullet 2),
    <ol><li> -> List Number, <pre> code blocks -> monospace "Code" style
    (one paragraph per line), <table> -> Word table (bold header row),
    admonitions -> bold title paragraph + Normal paragraphs,
    inline <code> -> Courier New run, <strong> -> bold, <em> -> italic,
    links -> their text.
Words are not changed; only whitespace inside paragraphs is normalised
(HTML line wrapping).

Usage: python scripts/docs_dev_build/markdown-contributing.py OUTPUT.docx [SOURCE.html]
"""
import re
import sys

import lxml.html
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm, Pt

SRC = ("/tmp/s18/bC/tools/x_python-markdown-doc/usr/share/doc/"
       "python-markdown-doc/docs/contributing.html")

HEADINGS = {"h1": 0, "h2": 1, "h3": 2, "h4": 3}


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


class Inline:
    """Collect inline runs (text, bold, italic, mono) of an element."""

    def __init__(self):
        self.runs = []

    def add(self, text, **fmt):
        if text:
            self.runs.append((text, fmt))

    def walk(self, el, fmt=None, top=True):
        fmt = dict(fmt or {})
        if not top:
            tag = el.tag
            if tag == "code":
                fmt["mono"] = True
            elif tag in ("strong", "b"):
                fmt["bold"] = True
            elif tag in ("em", "i"):
                fmt["italic"] = True
        self.add(el.text, **fmt)
        for child in el:
            if not isinstance(child.tag, str):        # comments
                self.add(child.tail, **fmt)
                continue
            if child.tag == "a" and "headerlink" in (child.get("class") or ""):
                self.add(child.tail, **fmt)
                continue
            if child.tag in ("ul", "ol", "div", "pre", "p", "table"):
                continue       # block children are handled by the caller
            self.walk(child, fmt, top=False)
            self.add(child.tail, **fmt)
        return self

    def normalised(self):
        """Join runs, collapse whitespace across run boundaries."""
        out = []
        for text, fmt in self.runs:
            text = re.sub(r"\s+", " ", text)
            if out and out[-1][1] == fmt:
                out[-1] = (out[-1][0] + text, fmt)
            else:
                out.append((text, fmt))
        # strip leading/trailing whitespace of the whole paragraph
        if out:
            out[0] = (out[0][0].lstrip(), out[0][1])
            out[-1] = (out[-1][0].rstrip(), out[-1][1])
        # avoid double spaces across boundaries
        cleaned = []
        for text, fmt in out:
            if cleaned and cleaned[-1][0].endswith(" ") and text.startswith(" "):
                text = text[1:]
            cleaned.append((text, fmt))
        return [(t, f) for t, f in cleaned if t]


def fill(par, el):
    for text, fmt in Inline().walk(el).normalised():
        run = par.add_run(text)
        if fmt.get("mono"):
            run.font.name = "Courier New"
        if fmt.get("bold"):
            run.bold = True
        if fmt.get("italic"):
            run.italic = True
    return par


def add_code(doc, pre):
    text = pre.text_content()
    lines = text.split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    for line in lines:
        doc.add_paragraph(line, style="Code")


def add_table(doc, table):
    rows = table.findall(".//tr")
    header = [c.text_content().strip() for c in rows[0]]
    t = doc.add_table(rows=1, cols=len(header))
    t.style = "Table Grid"
    for k, h in enumerate(header):
        cell = t.rows[0].cells[k]
        cell.text = ""
        cell.paragraphs[0].add_run(h).bold = True
    for tr in rows[1:]:
        cells = t.add_row().cells
        for k, td in enumerate(tr):
            cells[k].text = ""
            fill(cells[k].paragraphs[0], td)


def add_list(doc, lst, depth=0):
    numbered = lst.tag == "ol"
    if numbered:
        style = "List Number" if depth == 0 else "List Number 2"
    else:
        style = "List Bullet" if depth == 0 else "List Bullet 2"
    for li in lst.findall("li"):
        first = True
        # an <li> holds either inline text or <p> blocks (+ nested blocks)
        if li.find("p") is None:
            fill(doc.add_paragraph(style=style), li)
            first = False
        for child in li:
            if child.tag == "p":
                if first:
                    fill(doc.add_paragraph(style=style), child)
                    first = False
                else:
                    p = fill(doc.add_paragraph(style="Normal"), child)
                    p.paragraph_format.left_indent = Cm(1.27 * (depth + 1))
            elif child.tag in ("ul", "ol"):
                add_list(doc, child, depth + 1)
            elif child.tag == "div" or child.tag == "pre":
                block(doc, child, depth)


def block(doc, el, depth=0):
    tag = el.tag
    cls = el.get("class") or ""
    if tag in HEADINGS:
        level = HEADINGS[tag]
        h = doc.add_heading(level=level)
        fill(h, el)
    elif tag == "p":
        fill(doc.add_paragraph(style="Normal"), el)
    elif tag in ("ul", "ol"):
        add_list(doc, el, depth)
    elif tag == "pre":
        add_code(doc, el)
    elif tag == "div" and "codehilite" in cls:
        add_code(doc, el.find(".//pre"))
    elif tag == "div" and "admonition" in cls:
        for child in el:
            if child.tag == "p" and "admonition-title" in (child.get("class") or ""):
                p = fill(doc.add_paragraph(style="Normal"), child)
                for run in p.runs:
                    run.bold = True
            else:
                block(doc, child, depth)
    elif tag == "table":
        add_table(doc, el)
    elif tag in ("style", "script"):
        pass
    elif tag == "div":
        for child in el:
            block(doc, child, depth)
    else:
        raise ValueError(f"unhandled element <{tag} class={cls!r}>")


def build(src, out):
    tree = lxml.html.parse(src)
    body = tree.xpath('//div[@class="body"]')[0]
    doc = make_doc()
    for child in body:
        if isinstance(child.tag, str):
            block(doc, child)
    doc.core_properties.title = "Contributing to Python-Markdown"
    doc.core_properties.author = "The Python-Markdown Project"
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: markdown-contributing.py OUTPUT.docx [SOURCE.html]")
    build(sys.argv[2] if len(sys.argv) == 3 else SRC, sys.argv[1])
