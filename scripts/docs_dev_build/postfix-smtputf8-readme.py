#!/usr/bin/env python3
"""Build docs/postfix-smtputf8-readme.docx from the Postfix SMTPUTF8_README.

Source: usr/share/doc/postfix/html/SMTPUTF8_README.html from the Debian
package postfix-doc 3.7.11-0+deb12u1 (not installed here: fetched with
`apt-get download postfix-doc` and unpacked with
`dpkg -x postfix-doc_3.7.11-0+deb12u1_all.deb pfx`; SRC below is where the
batch that made the file had unpacked it, /tmp/s17/bS/tools/pfx; point it at
your own unpacked copy to rebuild).  The HTML is laid out as a Word document
with real Word structure; only the HTML markup is removed, the words are not
changed:

  <h1>            -> Title (the logo image is dropped)
  <h2> / <h3>     -> Heading 1 / Heading 2
  <p>             -> Normal (inside <blockquote>: Quote)
  <ul><li>        -> List Bullet, nested list -> List Bullet 2;
                     further paragraphs of an item -> List Continue (2)
  <table>         -> Word table ("Table Grid"), <th> row = bold header row
                     that repeats on each page
  <pre>           -> one paragraph per line in a monospace style "Code"
  <b>             -> bold run, <a> -> plain text, <tt>/<code> -> Courier run
  <hr>            -> dropped

Usage: python scripts/docs_dev_build/postfix-smtputf8-readme.py OUTPUT.docx
"""
import re
import sys

import lxml.html
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

SRC = "/tmp/s17/bS/tools/pfx/usr/share/doc/postfix/html/SMTPUTF8_README.html"

INLINE = {"a", "b", "strong", "i", "em", "tt", "code", "span", "img", "br", "font"}
BLOCK = {"p", "pre", "ul", "ol", "table", "blockquote", "h1", "h2", "h3", "h4", "hr", "div"}


def make_doc():
    doc = Document()
    styles = doc.styles
    code = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = styles["Normal"]
    code.font.name = "Courier New"
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(0)
    code.paragraph_format.left_indent = Cm(1)
    # make East-Asian / complex-script font follow too
    rpr = code.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.append(rfonts)
    for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(a), "Courier New")
    return doc


def inline_runs(el, fmt=frozenset(), out=None):
    """Collect (text, formats) runs from the inline content of el."""
    if out is None:
        out = []
    if el.text:
        out.append((el.text, fmt))
    for ch in el:
        tag = ch.tag if isinstance(ch.tag, str) else ""
        f = fmt
        if tag in ("b", "strong"):
            f = fmt | {"bold"}
        elif tag in ("i", "em"):
            f = fmt | {"italic"}
        elif tag in ("tt", "code"):
            f = fmt | {"mono"}
        if tag == "br":
            out.append(("\n", fmt))
        elif tag and tag != "img":
            inline_runs(ch, f, out)
        if ch.tail:
            out.append((ch.tail, fmt))
    return out


def normalise(runs):
    """Collapse HTML whitespace across runs; strip the ends."""
    res = []
    prev_space = True
    for text, fmt in runs:
        t = re.sub(r"\s+", " ", text)
        if prev_space and t.startswith(" "):
            t = t[1:]
        if not t:
            continue
        prev_space = t.endswith(" ")
        res.append([t, fmt])
    while res and res[-1][0].endswith(" "):
        res[-1][0] = res[-1][0].rstrip(" ")
        if not res[-1][0]:
            res.pop()
    return res


def write_runs(par, runs):
    for text, fmt in runs:
        r = par.add_run(text)
        if "bold" in fmt:
            r.bold = True
        if "italic" in fmt:
            r.italic = True
        if "mono" in fmt:
            r.font.name = "Courier New"


class Builder:
    def __init__(self, doc):
        self.doc = doc

    def para(self, runs, style, indent=None):
        runs = normalise(runs)
        if not runs:
            return None
        p = self.doc.add_paragraph(style=style)
        if indent is not None:
            p.paragraph_format.left_indent = indent
        write_runs(p, runs)
        return p

    def pre(self, el, indent=None):
        # lines of the preformatted block, keeping bold runs
        runs = inline_runs(el)
        lines = [[]]
        for text, fmt in runs:
            parts = text.split("\n")
            for k, part in enumerate(parts):
                if k:
                    lines.append([])
                if part:
                    lines[-1].append((part, fmt))
        # drop the leading/trailing empty line of <pre>\n...\n</pre>
        while lines and not "".join(t for t, _ in lines[0]).strip():
            lines.pop(0)
        while lines and not "".join(t for t, _ in lines[-1]).strip():
            lines.pop()
        for ln in lines:
            p = self.doc.add_paragraph(style="Code")
            if indent is not None:
                p.paragraph_format.left_indent = indent
            write_runs(p, ln)

    def table(self, el):
        rows = el.findall(".//tr")
        ncols = max(len(r.findall("th") + r.findall("td")) for r in rows)
        t = self.doc.add_table(rows=0, cols=ncols)
        t.style = "Table Grid"
        for r in rows:
            cells = [c for c in r if isinstance(c.tag, str) and c.tag in ("th", "td")]
            row = t.add_row()
            header = all(c.tag == "th" for c in cells)
            if header:
                trpr = row._tr.get_or_add_trPr()
                h = OxmlElement("w:tblHeader")
                h.set(qn("w:val"), "true")
                trpr.append(h)
            for k, c in enumerate(cells):
                cell = row.cells[k]
                p = cell.paragraphs[0]
                runs = normalise(inline_runs(c))
                for text, fmt in runs:
                    run = p.add_run(text)
                    if header or "bold" in fmt:
                        run.bold = True

    def blocks(self, el, ctx):
        """Walk a container element; ctx = dict(style=..., level=..., quote=...)."""
        pending = []
        if el.text:
            pending.append((el.text, frozenset()))

        def flush():
            if pending and normalise(pending):
                self.para(list(pending), ctx["first_style"]())
            pending.clear()

        for ch in el:
            tag = ch.tag if isinstance(ch.tag, str) else ""
            if tag in BLOCK or tag == "li":
                flush()
                self.block(ch, ctx)
            elif tag:
                # inline element at container level
                f = frozenset()
                if tag in ("b", "strong"):
                    f = frozenset({"bold"})
                elif tag in ("tt", "code"):
                    f = frozenset({"mono"})
                if tag != "img":
                    sub = inline_runs(ch, f)
                    pending.extend(sub)
            if ch.tail:
                pending.append((ch.tail, frozenset()))
        flush()

    def block(self, el, ctx):
        tag = el.tag
        if tag == "h1":
            self.doc.add_heading(" ".join(el.text_content().split()), level=0)
        elif tag == "h2":
            self.doc.add_heading(" ".join(el.text_content().split()), level=1)
        elif tag == "h3":
            self.doc.add_heading(" ".join(el.text_content().split()), level=2)
        elif tag == "h4":
            self.doc.add_heading(" ".join(el.text_content().split()), level=3)
        elif tag == "hr":
            return
        elif tag == "p":
            self.para(inline_runs(el), ctx["first_style"]())
        elif tag == "pre":
            self.pre(el, Cm(1 + 0.63 * ctx["level"]))
        elif tag == "table":
            self.table(el)
        elif tag == "blockquote":
            sub = dict(ctx)
            sub["first_style"] = lambda: "Quote"
            self.blocks(el, sub)
        elif tag in ("ul", "ol"):
            level = ctx["level"] + 1
            for li in el:
                if not isinstance(li.tag, str) or li.tag != "li":
                    continue
                kind = "List Bullet" if tag == "ul" else "List Number"
                first = {"done": False}

                def style(kind=kind, level=level, first=first):
                    suffix = "" if level == 1 else f" {level}"
                    if not first["done"]:
                        first["done"] = True
                        return kind + suffix
                    return "List Continue" + suffix

                self.blocks(li, {"first_style": style, "level": level})
        elif tag == "div":
            self.blocks(el, ctx)
        else:
            raise ValueError(tag)


def build(out):
    tree = lxml.html.fromstring(open(SRC, encoding="utf-8").read())  # noqa: SIM115
    body = tree.find("body")
    doc = make_doc()
    b = Builder(doc)
    b.blocks(body, {"first_style": lambda: "Normal", "level": 0})
    doc.core_properties.title = "Postfix SMTPUTF8 support"
    doc.core_properties.author = "Wietse Venema"
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: postfix-smtputf8-readme.py OUTPUT.docx")
    build(sys.argv[1])
