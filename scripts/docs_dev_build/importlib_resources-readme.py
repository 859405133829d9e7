"""Lay the importlib_resources README out as a Word document, without rewording it.

Usage: python build_importlib_resources-readme.py OUT.docx [SOURCE]

Source: the long description (the reStructuredText README) of importlib_resources 7.1.0, i.e. the
body after the header block of
/work/main/.venv/lib/python3.11/site-packages/importlib_resources-7.1.0.dist-info/METADATA
(the default SOURCE; a bare README.rst works too).
Licence: Apache-2.0 (License-Expression in that METADATA; LICENSE file in the same dist-info).

Mapping (reStructuredText -> Word):
- a title underlined with "=" -> "Heading 1"; underlined with "-" -> "Heading 2";
- ".. image::" badge directives and their indented options -> dropped (images, not text);
- ".. list-table::" -> a Word table ("Table Grid"), first row bold when :header-rows: 1;
- "* " / "- " items -> "List Bullet"; "1. " / "#. " items -> "List Number";
- ".. code-block::" / "::" literal blocks -> one paragraph per line in a Courier New style;
- a paragraph's lines are joined with single spaces; ``literal`` -> literal text;
  `text <url>`_ -> text; `text`_ -> text (link markup removed, the words kept).
"""
import re
import sys
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT = "/work/main/.venv/lib/python3.11/site-packages/importlib_resources-7.1.0.dist-info/METADATA"


def body(text: str) -> str:
    """The README: for a METADATA file, everything after the header block's first blank line."""
    if text.startswith("Metadata-Version:"):
        return text.split("\n\n", 1)[1]
    return text


def inline(s: str) -> str:
    s = re.sub(r"`([^`<]+?)\s*<[^>]+>`_{1,2}", r"\1", s)  # `text <url>`_
    s = re.sub(r"`([^`]+)`_{1,2}", r"\1", s)  # `text`_
    s = re.sub(r"``([^`]+)``", r"\1", s)  # ``literal``
    return s


def code_style(document):
    styles = document.styles
    if "Code" not in [s.name for s in styles]:
        st = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
        st.base_style = styles["Normal"]
        st.font.name = "Courier New"
        st.font.size = Pt(9)
        st.paragraph_format.space_after = Pt(0)
    return "Code"


def build(lines: list[str], out: str) -> None:
    document = docx.Document()
    code = code_style(document)
    i, n = 0, len(lines)
    para: list[str] = []

    def flush():
        if para:
            document.add_paragraph(inline(" ".join(x.strip() for x in para)))
            para.clear()

    def indented_block(j):
        """Lines from j while blank or indented; returns (block lines, next index)."""
        block = []
        while j < n and (not lines[j].strip() or lines[j].startswith((" ", "\t"))):
            block.append(lines[j])
            j += 1
        while block and not block[-1].strip():
            block.pop()
        return block, j

    while i < n:
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < n else ""
        if line.strip() and re.fullmatch(r"([=\-~^])\1{2,}", nxt.strip()) and len(nxt.strip()) >= len(line.strip()) - 1:
            flush()
            level = 1 if nxt.strip()[0] == "=" else 2
            document.add_heading(inline(line.strip()), level=level)
            i += 2
            continue
        if line.startswith(".. image::") or line.startswith(".. |"):
            flush()
            _, i = indented_block(i + 1)
            continue
        if line.startswith(".. list-table::"):
            flush()
            block, i = indented_block(i + 1)
            header = any(":header-rows: 1" in b for b in block)
            rows: list[list[str]] = []
            for b in block:
                s = b.strip()
                if s.startswith("* - "):
                    rows.append([inline(s[4:])])
                elif s.startswith("- ") and rows:
                    rows[-1].append(inline(s[2:]))
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, val in enumerate(row):
                    cell = table.cell(r, c)
                    cell.text = val
                    if header and r == 0:
                        for run in cell.paragraphs[0].runs:
                            run.bold = True
            continue
        if line.startswith(".. code-block::") or line.startswith(".. code::") or line.strip() == "::":
            flush()
            block, i = indented_block(i + 1)
            block = [b for b in block if not b.strip().startswith(":")]
            while block and not block[0].strip():
                block.pop(0)
            indent = min((len(b) - len(b.lstrip()) for b in block if b.strip()), default=0)
            for b in block:
                document.add_paragraph(b[indent:], style=code)
            continue
        m = re.match(r"\s*([*\-+]|\d+\.|#\.)\s+(.*)", line)
        if m and not para:
            style = "List Bullet" if m.group(1) in "*-+" else "List Number"
            item = [m.group(2)]
            i += 1
            while i < n and lines[i].startswith("  ") and lines[i].strip():
                item.append(lines[i].strip())
                i += 1
            document.add_paragraph(inline(" ".join(item)), style=style)
            continue
        if not line.strip():
            flush()
            i += 1
            continue
        para.append(line)
        i += 1
    flush()
    document.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    out = sys.argv[1]
    src = sys.argv[2] if len(sys.argv) > 2 else DEFAULT
    build(body(Path(src).read_text(encoding="utf-8")).splitlines(), out)
