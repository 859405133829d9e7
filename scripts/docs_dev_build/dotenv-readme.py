"""Build dotenv-readme.docx: the README of the npm package dotenv laid out as a Word document.

Source: README.md of the npm package dotenv 18.0.10 (``npm pack dotenv``, then
``tar xzf dotenv-18.0.10.tgz``; the file is ``package/README.md``), by Scott Motte
and contributors, https://github.com/motdotla/dotenv.

Usage:
    python build_dotenv-readme.py OUT.docx [SOURCE]

SOURCE defaults to ../fetch/dotenv-18.0.10/package/README.md next to this script.

Licence: the README is part of dotenv, distributed under the BSD 2-Clause licence
(``package/LICENSE``: Copyright (c) 2015, Scott Motte); redistribution with the
copyright notice is permitted.

Mapping (no sentence is reworded; only Markdown/HTML markup is dropped):
    ``#`` .. ``#####`` headings       -> Heading 1 .. Heading 5 (badge images dropped)
    ``<summary>text</summary>``       -> Heading 3 (collapsible sections / FAQ questions)
    ``<details>``, ``</details>``,
    ``<img>``, ``&nbsp;`` lines        -> dropped (layout only)
    paragraphs (soft-wrapped lines)   -> Normal paragraphs, lines joined with a space
    ``*`` / ``-`` list items           -> List Bullet
    ``1.`` list items                  -> List Number
    ``>`` block quotes                 -> Quote
    fenced code blocks                -> one 'Code' paragraph per line (monospace style)
    pipe tables                       -> Word tables (style 'Table Grid', bold header row)
    inline ``code``                   -> monospace run; ``**bold**`` -> bold run;
    ``[text](url)``                   -> text; images ``![alt](src)`` -> dropped;
    ``<br>`` inside a table cell      -> line break
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = Path(__file__).resolve().parent.parent / "fetch" / "dotenv-18.0.10" / "package" / "README.md"

INLINE = re.compile(
    r"(?P<dcode>``\s?(?P<dc>.+?)\s?``)"
    r"|(?P<code>`(?P<c>[^`]+)`)"
    r"|(?P<img>!\[[^\]]*\]\([^)]*\))"
    r"|(?P<link>\[(?P<lt>[^\]]+)\]\([^)]*\))"
    r"|(?P<bold>\*\*(?P<b>.+?)\*\*)"
    r"|(?P<br><br\s*/?>)"
)


def code_style(doc):
    styles = doc.styles
    if "Code" not in [s.name for s in styles]:
        st = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
        st.base_style = styles["Normal"]
        st.font.name = "Consolas"
        st.font.size = Pt(9)
        st.paragraph_format.space_after = Pt(0)
    return "Code"


def add_inline(par, text, bold=False):
    """Add Markdown inline text to a paragraph as runs."""
    text = text.replace("&nbsp;", " ")
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            par.add_run(text[pos:m.start()]).bold = bold or None
        if m.group("dcode"):
            r = par.add_run(m.group("dc"))
            r.font.name = "Consolas"
        elif m.group("code"):
            r = par.add_run(m.group("c"))
            r.font.name = "Consolas"
            r.bold = bold or None
        elif m.group("img"):
            pass
        elif m.group("link"):
            add_inline(par, m.group("lt"), bold)
        elif m.group("bold"):
            add_inline(par, m.group("b"), True)
        elif m.group("br"):
            par.add_run().add_break()
        pos = m.end()
    if pos < len(text):
        par.add_run(text[pos:]).bold = bold or None


def split_row(line):
    cells = line.strip().strip("|").split("|")
    return [c.strip() for c in cells]


def build(src, out):
    lines = Path(src).read_text(encoding="utf-8").splitlines()
    doc = Document()
    code = code_style(doc)
    para = []

    def flush():
        if para:
            add_inline(doc.add_paragraph(), " ".join(s.strip() for s in para))
            para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        s = line.strip()
        if s.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i], style=code)
                i += 1
            i += 1
            continue
        m = re.match(r"^(#{1,6})\s+(.*)$", line)
        if m:
            flush()
            level = min(len(m.group(1)), 5)
            title = re.sub(r"\s*\[!\[.*$", "", m.group(2)).strip()
            add_inline(doc.add_heading(level=level), title)
            i += 1
            continue
        sm = re.search(r"<summary>(.*?)</summary>", s)
        if sm:
            flush()
            add_inline(doc.add_heading(level=3), sm.group(1))
            i += 1
            continue
        if s in ("", "&nbsp;", "<details>", "</details>") or s.startswith("<img "):
            flush()
            i += 1
            continue
        if s.startswith("|") and i + 1 < len(lines) and re.match(r"^\|[\s:|-]+\|$", lines[i + 1].strip()):
            flush()
            header = split_row(s)
            rows = []
            i += 2
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(split_row(lines[i]))
                i += 1
            table = doc.add_table(rows=1 + len(rows), cols=len(header))
            table.style = "Table Grid"
            for r, cells in enumerate([header] + rows):
                for c, cell in enumerate(cells):
                    p = table.cell(r, c).paragraphs[0]
                    add_inline(p, cell, bold=(r == 0))
            continue
        lm = re.match(r"^\s*[*-]\s+(.*)$", line)
        nm = re.match(r"^\s*\d+\.\s+(.*)$", line)
        if lm or nm:
            flush()
            item = [(lm or nm).group(1)]
            i += 1
            while i < len(lines) and lines[i].startswith("  ") and lines[i].strip() \
                    and not re.match(r"^\s*([*-]|\d+\.)\s+", lines[i]):
                item.append(lines[i].strip())
                i += 1
            style = "List Bullet" if lm else "List Number"
            add_inline(doc.add_paragraph(style=style), " ".join(item))
            continue
        if s.startswith(">"):
            flush()
            quote = [[]]
            while i < len(lines) and lines[i].strip().startswith(">"):
                q = lines[i].strip()[1:].strip()
                if q:
                    quote[-1].append(q)
                else:
                    quote.append([])
                i += 1
            for q in quote:
                if q:
                    add_inline(doc.add_paragraph(style="Quote"), " ".join(q))
            continue
        para.append(line)
        i += 1
    flush()
    doc.core_properties.title = "dotenv README"
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    build(sys.argv[2] if len(sys.argv) > 2 else DEFAULT_SOURCE, sys.argv[1])
