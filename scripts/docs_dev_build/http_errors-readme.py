"""Build http_errors-readme.docx: the README of the npm package http-errors, laid out as Word.

Source: README.md of the npm package http-errors 2.0.1 (`npm pack http-errors`,
then `tar xzf http-errors-2.0.1.tgz`, file `package/README.md`).

Usage: python build_http_errors-readme.py OUT.docx [SOURCE]
    SOURCE defaults to package/README.md in the current directory.

Licence: http-errors and its README are Copyright (c) 2014 Jonathan Ong and
(c) 2016 Douglas Christopher Wilson, under the MIT licence (package/LICENSE),
which permits copying, modifying and redistributing the text.

Mapping from Markdown to Word (no sentence is reworded):
    # / ## / ### / #### heading    -> Heading 1 / 2 / 3 / 4
    paragraph lines                -> one Normal paragraph (lines joined by spaces)
    "- item" (+ indented lines)    -> List Bullet (continuation lines joined by spaces)
    "1. item"                      -> List Number
    | pipe | table |               -> Word table (style "Table Grid"), header row bold
    ``` fenced code ```            -> one 'Code' paragraph per code line (monospace)
    `code` / **bold**              -> monospace run / bold run, the markers removed
    [text](url), [text][ref]       -> the link text; \\[ \\] \\( \\) -> the bare bracket
    badge lines (images only), <!-- comments -->, [ref]: url definitions
                                   -> left out (pictures and link targets, not text)
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

INLINE = re.compile(r"(\*\*[^*]+\*\*|`[^`]+`)")
LINK = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
REFDEF = re.compile(r"^\[[^\]]+\]:\s+\S+")
ESCAPE = re.compile(r"\\([\[\]()|*_`\\])")


def code_style(doc):
    """Return the 'Code' paragraph style, creating it if needed."""
    styles = doc.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def plain(text):
    """Drop link targets and Markdown escapes, keeping the visible text."""
    kept = []

    def hold(m):
        kept.append(m.group(1))
        return f"\0{len(kept) - 1}\0"

    text = LINK.sub(r"\1", ESCAPE.sub(hold, text))
    return re.sub("\0(\\d+)\0", lambda m: kept[int(m.group(1))], text)


def add_inline(par, text):
    """Add text to a paragraph, turning `code` and **bold** into runs."""
    text = plain(text)
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**"):
            par.add_run(part[2:-2]).bold = True
        elif part.startswith("`") and part.endswith("`"):
            run = par.add_run(part[1:-1])
            run.font.name = "Courier New"
        else:
            par.add_run(part)


def split_row(line):
    """Split a Markdown table row into cell texts."""
    body = line.strip().strip("|")
    return [c.strip() for c in re.split(r"(?<!\\)\|", body)]


def add_table(doc, rows):
    """Add a Word table from Markdown table rows (the separator row dropped)."""
    header, body = split_row(rows[0]), [split_row(r) for r in rows[2:]]
    table = doc.add_table(rows=1 + len(body), cols=len(header))
    table.style = "Table Grid"
    for r, cells in enumerate([header] + body):
        for c, text in enumerate(cells):
            par = table.cell(r, c).paragraphs[0]
            add_inline(par, text)
            if r == 0:
                for run in par.runs:
                    run.bold = True


def build(src, out):
    """Convert the Markdown file src into the Word file out."""
    lines = src.read_text(encoding="utf-8").splitlines()
    doc = Document()
    code = code_style(doc)
    i = 0
    para = []
    item = []

    def flush():
        if para:
            add_inline(doc.add_paragraph(), " ".join(s.strip() for s in para))
            para.clear()
        if item:
            add_inline(doc.add_paragraph(style=item[0]),
                       " ".join(s.strip() for s in item[1:]))
            item.clear()

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i].rstrip(), style=code)
                i += 1
            i += 1
            continue
        if (not stripped or stripped.startswith(("[![", "<!--"))
                or REFDEF.match(stripped)):
            flush()
        elif m := re.match(r"(#{1,4}) (.*)", stripped):
            flush()
            doc.add_heading(plain(m.group(2)), level=len(m.group(1)))
        elif stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(doc, rows)
            continue
        elif m := re.match(r"- (.*)", stripped):
            flush()
            item.extend(["List Bullet", m.group(1)])
        elif m := re.match(r"\d+\. (.*)", stripped):
            flush()
            item.extend(["List Number", m.group(1)])
        elif item and line.startswith(" "):
            item.append(stripped)
        else:
            if item:
                flush()
            para.append(line)
        i += 1
    flush()
    doc.save(out)


def main():
    """Parse the command line and build the Word file."""
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = Path(sys.argv[1])
    src = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("package/README.md")
    build(src, out)


if __name__ == "__main__":
    main()
