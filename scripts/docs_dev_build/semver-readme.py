"""Lay out the README of node-semver (the npm package ``semver``) as a Word file.

Source: README.md of the npm package semver 7.8.6
(``npm pack semver`` -> semver-7.8.6.tgz, file ``package/README.md``).

Usage: python build_semver-readme.py OUT.docx [SOURCE]
    SOURCE defaults to fetch/semver/package/README.md (relative to the batch folder).

Licence: the README is part of node-semver, ISC License,
Copyright (c) Isaac Z. Schlueter and Contributors; the ISC licence permits
copying and redistribution with the copyright notice. This script is offered
under the same terms.

Mapping (no sentence is reworded; only Markdown markup is turned into layout):
- setext title (``===`` underline) -> Title style
- ``## x`` / ``### x`` / ``#### x`` -> Heading 1 / Heading 2 / Heading 3
- ``*`` or ``-`` list items -> List Bullet; items indented by two or more
  spaces -> List Bullet 2; continuation lines are joined with one space
- fenced code blocks -> one paragraph per line in a 'Code' paragraph style
  (Courier New 9 pt); the language tag of the fence is dropped
- HTML comments (``<!-- ... -->``) are left out, as a reader does not see them
- other lines -> Normal paragraphs, consecutive lines joined with one space
- inline ``code`` -> Courier New run, ``**bold**`` -> bold run,
  ``*em*`` / ``_em_`` -> italic run, ``[text](url)`` -> the text,
  ``<https://...>`` -> the address
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = Path(__file__).resolve().parent.parent / "fetch/semver/package/README.md"

INLINE = re.compile(
    r"(?P<code>`[^`]+`)"
    r"|(?P<bold>\*\*[^*]+\*\*)"
    r"|(?P<link>\[[^\]]+\]\([^)]+\))"
    r"|(?P<auto><https?://[^>]+>)"
    r"|(?P<em>(?<![\w*])\*[^*\s][^*]*\*(?![\w*]))"
    r"|(?P<uem>(?<!\w)_[^_\s][^_]*_(?!\w))"
)
LINK = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")


def add_inline(par, text):
    """Add text to a paragraph, turning inline Markdown into runs."""
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            par.add_run(text[pos:m.start()])
        kind = m.lastgroup
        tok = m.group()
        if kind == "code":
            run = par.add_run(tok[1:-1])
            run.font.name = "Courier New"
        elif kind == "bold":
            par.add_run(tok[2:-2]).bold = True
        elif kind == "link":
            par.add_run(LINK.match(tok).group(1))
        elif kind == "auto":
            par.add_run(tok[1:-1])
        else:
            par.add_run(tok[1:-1]).italic = True
        pos = m.end()
    if pos < len(text):
        par.add_run(text[pos:])


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def build(src, out):
    lines = Path(src).read_text(encoding="utf-8").splitlines()
    doc = Document()
    code_style(doc)
    para = []  # pending lines of a Normal paragraph
    item = None  # [style, [lines]] of a pending list item

    def flush():
        nonlocal para, item
        if para:
            add_inline(doc.add_paragraph(), " ".join(para))
            para = []
        if item:
            add_inline(doc.add_paragraph(style=item[0]), " ".join(item[1]))
            item = None

    i = 0
    while i < len(lines):
        raw = lines[i]
        line = raw.strip()
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if line.startswith("<!--"):
            flush()
            while "-->" not in lines[i]:
                i += 1
            i += 1
            continue
        if line.startswith("```"):
            flush()
            i += 1
            while not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i], style="Code")
                i += 1
            i += 1
            continue
        if line and re.fullmatch(r"=+", nxt.strip()):
            flush()
            add_inline(doc.add_paragraph(style="Title"), line)
            i += 2
            continue
        m = re.match(r"(#{2,4}) (.*)", line)
        if m:
            flush()
            add_inline(doc.add_heading(level=len(m.group(1)) - 1), m.group(2))
            i += 1
            continue
        m = re.match(r"( *)[*-] (.*)", raw)
        if m:
            flush()
            style = "List Bullet 2" if len(m.group(1)) >= 2 else "List Bullet"
            item = [style, [m.group(2).strip()]]
            i += 1
            continue
        if not line:
            flush()
        elif item:
            item[1].append(line)
        else:
            para.append(line)
        i += 1
    flush()
    doc.save(out)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    src = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_SOURCE
    build(src, sys.argv[1])


if __name__ == "__main__":
    main()
