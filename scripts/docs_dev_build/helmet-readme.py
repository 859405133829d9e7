"""Lay out Helmet's README as a Word document, without rewording it.

Source: README.md of the npm package helmet 8.3.0 (`npm pack helmet`, then
`tar xzf helmet-8.3.0.tgz`, file `package/README.md`).

Usage: python build_helmet-readme.py OUT.docx [SOURCE]
       (SOURCE defaults to ./package/README.md)

Licence: Helmet and its README are under the MIT licence ("license": "MIT" in
package.json); the Word file is the same text, laid out anew.

Mapping (Markdown -> Word), every sentence kept word for word:
  - "# ", "## ", "### " headings       -> Heading 1, Heading 2, Heading 3
  - <summary><code>X</code></summary>  -> Heading 3 "X" (the header's section title)
  - <details ...>, </details>          -> dropped (HTML wrappers only)
  - fenced code blocks (```)           -> one 'Code' paragraph per line (monospace style)
  - "- " / "* " list items             -> List Bullet
  - "1. " list items                   -> List Number
  - "| a | b |" tables                 -> Word tables (header row bold)
  - "> " quotes                        -> Quote style
  - other lines, joined per paragraph  -> Normal paragraphs
  - inline `code`                      -> monospace run; **bold** -> bold run
  - [text](url), [text][ref]           -> text only; "[ref]: url" definitions dropped
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*)")
LINK = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")
REFDEF = re.compile(r"^\[[^\]]+\]:\s+\S+")
SUMMARY = re.compile(r"^<summary>(?:<code>)?(.*?)(?:</code>)?</summary>$")


def add_inline(paragraph, text):
    """Add text to a paragraph, with `code` as monospace runs and **x** as bold runs."""
    text = LINK.sub(r"\1", text)
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = paragraph.add_run(part[1:-1])
            run.font.name = "Courier New"
        elif part.startswith("**") and part.endswith("**") and len(part) > 3:
            paragraph.add_run(part[2:-2]).bold = True
        else:
            paragraph.add_run(part)


def code_style(document):
    styles = document.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def add_table(document, rows):
    cells = [[c.strip() for c in r.strip().strip("|").split("|")] for r in rows]
    cells = [r for r in cells if not all(re.fullmatch(r":?-+:?", c) for c in r)]
    table = document.add_table(rows=len(cells), cols=max(len(r) for r in cells))
    table.style = "Table Grid"
    for i, row in enumerate(cells):
        for j, text in enumerate(row):
            paragraph = table.cell(i, j).paragraphs[0]
            add_inline(paragraph, text)
            if i == 0:
                for run in paragraph.runs:
                    run.bold = True


def build(source, out):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    document = Document()
    code_style(document)
    para = []

    def flush():
        if para:
            add_inline(document.add_paragraph(), " ".join(s.strip() for s in para))
            para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                document.add_paragraph(lines[i], style="Code")
                i += 1
        elif not stripped:
            flush()
        elif m := re.match(r"^(#{1,3})\s+(.*)$", stripped):
            flush()
            add_inline(document.add_heading(level=len(m.group(1))), m.group(2))
        elif m := SUMMARY.match(stripped):
            flush()
            add_inline(document.add_heading(level=3), m.group(1))
        elif re.match(r"^</?details\b[^>]*>$", stripped) or REFDEF.match(stripped):
            flush()
        elif stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(document, rows)
            continue
        elif m := re.match(r"^[-*]\s+(.*)$", stripped):
            flush()
            add_inline(document.add_paragraph(style="List Bullet"), m.group(1))
        elif m := re.match(r"^\d+\.\s+(.*)$", stripped):
            flush()
            add_inline(document.add_paragraph(style="List Number"), m.group(1))
        elif m := re.match(r"^>\s?(.*)$", stripped):
            flush()
            add_inline(document.add_paragraph(style="Quote"), m.group(1))
        else:
            para.append(line)
        i += 1
    flush()
    document.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    build(sys.argv[2] if len(sys.argv) == 3 else "package/README.md", sys.argv[1])
