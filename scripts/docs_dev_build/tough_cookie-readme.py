"""Build tough_cookie-readme.docx: the tough-cookie README laid out as a Word file.

Source: README.md of the npm package tough-cookie 6.1.0 (``npm pack tough-cookie``,
``package/README.md`` in tough-cookie-6.1.0.tgz), the RFC 6265 cookie library
for Node.js by Salesforce and contributors.

Usage::

    python build_tough_cookie-readme.py OUT.docx [SOURCE]

SOURCE defaults to ``README.md`` in the current directory.

Licence: the README is part of tough-cookie, BSD-3-Clause (see the package's
LICENSE file); this script is offered under the same terms.

Mapping (no sentence is reworded; only Markdown markup is turned into Word
formatting):

* ``#`` .. ``####`` headings -> Heading 1 .. Heading 4 (badge images removed);
* paragraphs (wrapped lines joined with a space) -> Normal;
* ``-`` / ``*`` items -> List Bullet; ``1.`` items -> List Number;
  indented text under a list item -> List Continue;
* fenced code blocks -> a paragraph style named 'Code' (monospace), one
  paragraph per block with line breaks kept;
* ``>`` block quotes -> Quote; a GitHub alert marker such as ``[!NOTE]``
  becomes a bold first line (NOTE, IMPORTANT);
* pipe tables -> Word tables (the source has none, but the rule is kept);
* inline markup: ``**bold**`` -> bold run, ```code``` -> monospace run,
  ``[text](url)`` and ``[text][ref]`` -> text; HTML entities are decoded;
  link reference definitions at the end are dropped.
"""

import html
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

IMAGE = re.compile(r"!\[[^\]]*\](\([^)]*\)|\[[^\]]*\])")
BADGE = re.compile(r"\[!\[[^\]]*\](\([^)]*\)|\[[^\]]*\])\](\([^)]*\)|\[[^\]]*\])")
LINK = re.compile(r"\[([^\]]+)\](\([^)]*\)|\[[^\]]*\])")
REFDEF = re.compile(r"^\[[^\]]+\]:\s+\S+")
INLINE = re.compile(r"(\*\*[^*]+\*\*|`[^`]+`)")
BULLET = re.compile(r"^(\s*)[-*]\s+(.*)$")
NUMBER = re.compile(r"^(\s*)\d+\.\s+(.*)$")
HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
ALERT = re.compile(r"^\[!(\w+)\]\s*$")


def clean(text):
    """Remove images and link targets, decode entities."""
    text = BADGE.sub("", text)
    text = IMAGE.sub("", text)
    text = LINK.sub(r"\1", text)
    return html.unescape(text).strip()


def add_runs(par, text):
    """Add text to a paragraph, turning **bold** and `code` into runs."""
    for piece in INLINE.split(clean(text)):
        if not piece:
            continue
        if piece.startswith("**") and piece.endswith("**"):
            par.add_run(piece[2:-2]).bold = True
        elif piece.startswith("`") and piece.endswith("`"):
            run = par.add_run(piece[1:-1])
            run.font.name = "Courier New"
        else:
            par.add_run(piece)


def code_style(doc):
    """Return the 'Code' paragraph style, creating it when missing."""
    styles = doc.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(6)
    return style


def add_code(doc, lines):
    par = doc.add_paragraph(style="Code")
    for i, line in enumerate(lines):
        if i:
            par.add_run().add_break()
        par.add_run(line)


def add_table(doc, rows):
    cells = [[clean(c) for c in row.strip().strip("|").split("|")] for row in rows]
    cells = [r for r in cells if not all(re.fullmatch(r":?-+:?", c) for c in r)]
    table = doc.add_table(rows=len(cells), cols=max(len(r) for r in cells))
    table.style = "Table Grid"
    for r, row in enumerate(cells):
        for c, value in enumerate(row):
            table.cell(r, c).text = value


def build(source, out):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    code_style(doc)
    para = []
    style = "Normal"

    def flush():
        nonlocal para, style
        if para:
            add_runs(doc.add_paragraph(style=style), " ".join(para))
        para, style = [], "Normal"

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            block = []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                block.append(lines[i])
                i += 1
            add_code(doc, block)
        elif not stripped or REFDEF.match(stripped):
            flush()
        elif HEADING.match(line):
            flush()
            level, text = HEADING.match(line).groups()
            doc.add_heading(clean(text).rstrip(" ·"), level=min(len(level), 4))
        elif stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(doc, rows)
            continue
        elif stripped.startswith(">"):
            flush()
            text = stripped.lstrip(">").strip()
            alert = ALERT.match(text)
            if alert:
                doc.add_paragraph(style="Quote").add_run(alert.group(1).upper()).bold = True
            else:
                para, style = [text], "Quote"
                while i + 1 < len(lines) and lines[i + 1].strip().startswith(">"):
                    i += 1
                    para.append(lines[i].strip().lstrip(">").strip())
                flush()
        elif BULLET.match(line) and not line.startswith("    "):
            flush()
            para, style = [BULLET.match(line).group(2)], "List Bullet"
        elif NUMBER.match(line) and not line.startswith("    "):
            flush()
            para, style = [NUMBER.match(line).group(2)], "List Number"
        elif line.startswith("  ") and not para:
            para, style = [stripped], "List Continue"
        else:
            para.append(stripped)
        i += 1
    flush()
    doc.core_properties.title = "tough-cookie README"
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    build(sys.argv[2] if len(sys.argv) > 2 else "README.md", sys.argv[1])
