"""Lay out the uvloop README in Word, without rewording it.

Usage: python build_uvloop-readme.py OUT.docx [SOURCE]

Source: the long description (reStructuredText README) of uvloop 0.23.0, i.e. the body after
the header block of
/work/main/.venv/lib/python3.11/site-packages/uvloop-0.23.0.dist-info/METADATA
(upstream: https://github.com/MagicStack/uvloop, README.rst). SOURCE defaults to that METADATA
file; a plain README.rst may be given instead.

Licence: uvloop is dual-licensed under the MIT and Apache 2.0 licences (stated at the end of
the README itself and in the License/License-File fields of METADATA: LICENSE-MIT,
LICENSE-APACHE), both of which permit redistribution.

Mapping (reStructuredText -> Word):
  * section titles (a line underlined with ---/===/~~~)   -> 'Heading 1' (=== -> 'Heading 1',
    --- -> 'Heading 1', ~~~ -> 'Heading 2'; the README uses only ---)
  * paragraphs (consecutive text lines)                  -> 'Normal', lines joined by one space
  * "1. item" enumerated list items                      -> 'List Number'
  * "- item" / "* item" bullet list items                -> 'List Bullet'
  * literal blocks ("::" paragraphs, ".. code::" blocks) -> one 'Code' paragraph per line
    (a custom paragraph style in Courier New, 9 pt), indentation kept
  * simple/grid tables (none in this README)             -> Word tables ('Table Grid')
  * ".. image::" directives with their options           -> dropped (badges and a chart)
  * inline markup: `text <url>`_ -> text; ``literal`` -> literal in a Courier New run;
    **strong** -> bold run; *emphasis* -> italic run; a trailing "::" -> ":" as rst renders it.
The words themselves are not changed.
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "/work/main/.venv/lib/python3.11/site-packages/uvloop-0.23.0.dist-info/METADATA"
UNDERLINE = re.compile(r"^([=\-~^])\1{2,}\s*$")
ENUM = re.compile(r"^(\d+)\.\s+(.*)$")
BULLET = re.compile(r"^[-*]\s+(.*)$")
INLINE = re.compile(r"`([^`<]+?)\s*<[^>]+>`_|``(.+?)``|\*\*(.+?)\*\*|\*(.+?)\*")


def read_source(path: str) -> list[str]:
    text = Path(path).read_text(encoding="utf-8")
    if Path(path).name == "METADATA":  # body after the first empty line (the header block)
        text = text.split("\n\n", 1)[1]
    return text.splitlines()


def add_inline(par, text: str) -> None:
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            par.add_run(text[pos:m.start()])
        link, literal, strong, emph = m.groups()
        if link is not None:
            par.add_run(link)
        elif literal is not None:
            run = par.add_run(literal)
            run.font.name = "Courier New"
        elif strong is not None:
            par.add_run(strong).bold = True
        else:
            par.add_run(emph).italic = True
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


def build(lines: list[str], out: str) -> None:
    doc = Document()
    code_style(doc)
    i, n = 0, len(lines)

    def literal_block(start: int) -> int:
        """Emit the indented block that starts at or after `start`; return the index after it."""
        j = start
        while j < n and not lines[j].strip():
            j += 1
        if j >= n or not lines[j].startswith((" ", "\t")):
            return start
        block = []
        base = None
        while j < n and (not lines[j].strip() or lines[j].startswith((" ", "\t"))):
            line = lines[j]
            if line.strip():
                ind = len(line) - len(line.lstrip())
                base = ind if base is None else min(base, ind)
            block.append(line)
            j += 1
        while block and not block[-1].strip():
            block.pop()
        for line in block:
            doc.add_paragraph(line[base:] if line.strip() else "", style="Code")
        return j

    while i < n:
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            i += 1
            continue
        if i + 1 < n and UNDERLINE.match(lines[i + 1]) and not line.startswith(" "):
            level = 2 if lines[i + 1][0] in "~^" else 1
            doc.add_heading(stripped, level=level)
            i += 2
            continue
        if stripped.startswith(".. image::"):
            i += 1
            while i < n and lines[i].startswith((" ", "\t")) and lines[i].strip():
                i += 1
            continue
        if re.match(r"^\.\.\s+code::", stripped):
            i = literal_block(i + 1)
            continue
        m_enum, m_bullet = ENUM.match(line), BULLET.match(line)
        if m_enum or m_bullet:
            parts = [(m_enum or m_bullet).group(2 if m_enum else 1)]
            i += 1
            while i < n and lines[i].strip() and lines[i].startswith("   ") \
                    and not lines[i].strip().startswith(".."):
                parts.append(lines[i].strip())
                i += 1
            text = " ".join(parts)
            par = doc.add_paragraph(style="List Number" if m_enum else "List Bullet")
            literal = text.endswith("::")
            add_inline(par, text[:-1] if literal else text)
            # an item's own indented ".. code::" block
            j = i
            while j < n and not lines[j].strip():
                j += 1
            if j < n and re.match(r"^\s+\.\.\s+code::", lines[j]):
                i = literal_block(j + 1)
            elif literal:
                i = literal_block(i)
            continue
        # ordinary paragraph
        parts = []
        while i < n and lines[i].strip() and not (i + 1 < n and UNDERLINE.match(lines[i + 1])):
            parts.append(lines[i].strip())
            i += 1
        text = " ".join(parts)
        literal = text.endswith("::")
        if literal:
            text = text[:-2].rstrip() if text[:-2].endswith(" ") else text[:-1]
            text = text.rstrip()
        par = doc.add_paragraph()
        add_inline(par, text)
        if literal:
            i = literal_block(i)
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    build(read_source(sys.argv[2] if len(sys.argv) > 2 else DEFAULT_SOURCE), sys.argv[1])
