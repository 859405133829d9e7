"""Lay the xcape README out as a Word document, without rewording it.

Usage: python build_xcape-readme.py OUT.docx [SOURCE]

Source: README.md of xcape 1.2 (https://github.com/alols/xcape), as shipped in the
Debian bookworm package xcape 1.2-3+b1 at /usr/share/doc/xcape/README.md
(fetched with `apt-get download xcape && dpkg -x xcape_*.deb x_xcape`).
SOURCE defaults to /tmp/s25/bA/fetch/x_xcape/usr/share/doc/xcape/README.md.

Licence: xcape is free software under the GNU General Public License version 3 or
later (GPL-3.0+, stated in /usr/share/doc/xcape/copyright of the package), which
permits redistribution of its documentation.

Mapping (Markdown -> Word):
- Setext "====" heading -> Heading 1; Setext "----" heading -> Heading 2;
  ATX "#", "##", "###", "####" -> Heading 1..4 (the heading text verbatim, `code` marks dropped).
- Paragraph (consecutive text lines) -> one Normal paragraph, lines joined with a space.
- "+ ", "- ", "* " list item -> 'List Bullet'; "1. " item -> 'List Number'
  (continuation lines of the item are joined into it).
- Indented (4+ spaces beyond the current block) or fenced code lines -> one paragraph per
  line in a monospace character style (Courier New, 9 pt) named 'Code Line'.
- Pipe tables -> Word tables (first row bold).
- Inline: [text](url) -> text (link markup removed); `code` -> monospace run;
  *em* / _em_ -> italic run; **strong** -> bold run. Words are never changed.
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "/tmp/s25/bA/fetch/x_xcape/usr/share/doc/xcape/README.md"

INLINE = re.compile(r"(\*\*[^*]+\*\*|`[^`]+`|\*[^*\s][^*]*\*|\[[^\]]+\]\([^)]+\))")


def add_inline(paragraph, text):
    """Add text to paragraph, turning inline Markdown into run formatting."""
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            paragraph.add_run(text[pos:m.start()])
        tok = m.group(0)
        if tok.startswith("**"):
            paragraph.add_run(tok[2:-2]).bold = True
        elif tok.startswith("`"):
            run = paragraph.add_run(tok[1:-1])
            run.font.name = "Courier New"
        elif tok.startswith("["):
            paragraph.add_run(re.match(r"\[([^\]]+)\]", tok).group(1))
        else:
            paragraph.add_run(tok[1:-1]).italic = True
        pos = m.end()
    if pos < len(text):
        paragraph.add_run(text[pos:])


def plain(text):
    """Heading text: inline markup removed."""
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)
    return text.replace("`", "")


def code_style(doc):
    style = doc.styles.add_style("Code Line", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def build(src, out):
    lines = Path(src).read_text(encoding="utf-8").splitlines()
    doc = Document()
    code = code_style(doc)
    para = []  # pending text lines
    kind = None  # 'p', 'List Bullet', 'List Number'
    item_indent = 0
    in_fence = False

    def flush():
        nonlocal para, kind
        if para:
            p = doc.add_paragraph(style=None if kind == "p" else kind)
            add_inline(p, " ".join(s.strip() for s in para))
        para, kind = [], None

    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if line.strip().startswith("```"):
            flush()
            in_fence = not in_fence
            i += 1
            continue
        if in_fence:
            doc.add_paragraph(line, style=code)
            i += 1
            continue
        if not line.strip():
            flush()
            i += 1
            continue
        # Setext headings
        if line.strip() and re.fullmatch(r"=+\s*", nxt) and not line.startswith(" "):
            flush()
            doc.add_heading(plain(line.strip()), level=1)
            i += 2
            continue
        if line.strip() and re.fullmatch(r"-{3,}\s*", nxt) and not line.startswith(" "):
            flush()
            doc.add_heading(plain(line.strip()), level=2)
            i += 2
            continue
        m = re.match(r"(#{1,6})\s+(.*)", line)
        if m:
            flush()
            doc.add_heading(plain(m.group(2).strip()), level=min(len(m.group(1)), 4))
            i += 1
            continue
        # pipe table
        if line.lstrip().startswith("|") and re.match(r"\s*\|?\s*:?-{3,}", nxt):
            flush()
            rows = [line]
            i += 2
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                rows.append(lines[i])
                i += 1
            cells = [[c.strip() for c in r.strip().strip("|").split("|")] for r in rows]
            table = doc.add_table(rows=len(cells), cols=max(len(r) for r in cells))
            table.style = "Table Grid"
            for r, row in enumerate(cells):
                for c, val in enumerate(row):
                    p = table.cell(r, c).paragraphs[0]
                    add_inline(p, val)
                    if r == 0:
                        for run in p.runs:
                            run.bold = True
            continue
        indent = len(line) - len(line.lstrip(" "))
        mb = re.match(r"(\s*)([-+*])\s+(.*)", line)
        mn = re.match(r"(\s*)\d+\.\s+(.*)", line)
        # code: indented 4+ beyond the enclosing block
        base = item_indent if kind in ("List Bullet", "List Number") or item_indent else 0
        if indent >= base + 4 and not (mb or mn) or (indent >= base + 4 and not para):
            flush()
            while i < len(lines) and (not lines[i].strip() or
                                      len(lines[i]) - len(lines[i].lstrip(" ")) >= base + 4):
                # a blank line ends the block if the next text line is not code
                if not lines[i].strip():
                    j = i
                    while j < len(lines) and not lines[j].strip():
                        j += 1
                    if j >= len(lines) or len(lines[j]) - len(lines[j].lstrip(" ")) < base + 4:
                        break
                doc.add_paragraph(lines[i][base + 4:], style=code)
                i += 1
            continue
        if mb and indent < base + 4:
            flush()
            kind, para = "List Bullet", [mb.group(3)]
            item_indent = len(mb.group(1)) + 4
            i += 1
            continue
        if mn and indent < base + 4:
            flush()
            kind, para = "List Number", [mn.group(2)]
            item_indent = len(mn.group(1)) + 3
            i += 1
            continue
        if indent == 0:
            item_indent = 0
        if not para:
            kind = "p"
        para.append(line)
        i += 1
    flush()
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    build(sys.argv[2] if len(sys.argv) > 2 else DEFAULT_SOURCE, sys.argv[1])
