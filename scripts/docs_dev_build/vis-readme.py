"""Build vis-readme.docx: the README of vis, the modal text editor, laid out as Word.

Source: README.md of vis 0.8 as shipped in the Debian package vis 0.8-1
(`apt-get download vis && dpkg -x vis_0.8-1_amd64.deb x_vis`, then
`zcat x_vis/usr/share/doc/vis/README.md.gz > vis/README.md`), the README of
Marc Andre Tanner's editor "combining modal editing with structural regular
expressions".

Usage: python build_vis-readme.py OUT.docx [SOURCE]
    SOURCE defaults to ../fetch/vis/README.md (relative to this script).

Licence: vis and its README are ISC-licensed ("Files: *  Copyright: 2014-2018,
Marc Andre Tanner  License: ISC" in debian/copyright); the Word file is a
re-layout of that text and carries the same licence.

Mapping (no sentence is reworded; text is copied as it stands):
    "# " title line                    -> Title style
    setext headings (text + "----")    -> Heading 1
    " * " / "   - " list items         -> List Bullet
    list items indented 4+ spaces      -> List Bullet 2
    indented continuation lines        -> joined to their list item
    indented code block (4 spaces, after a blank line, outside a list)
                                       -> one 'Code' paragraph per line
    ordinary paragraphs                -> Normal, lines joined by one space
    inline markup                      -> `code` as Courier New runs,
                                          *text* as italic runs,
                                          [text](url) as its text
    badge and image lines ([![...)     -> dropped (no text to show)
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE.parent / "fetch" / "vis" / "README.md"

LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*\)")
INLINE = re.compile(r"(`[^`]+`|\*[^*\s][^*]*\*)")
ITEM = re.compile(r"^( *)[-*] (.*)$")
SETEXT = re.compile(r"^-{3,}\s*$")


def code_style(doc):
    """Return the 'Code' paragraph style, creating it when missing."""
    styles = doc.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def add_runs(par, text):
    """Add text to a paragraph, turning inline Markdown into run formatting."""
    text = LINK.sub(r"\1", text)
    for piece in INLINE.split(text):
        if not piece:
            continue
        if piece.startswith("`") and piece.endswith("`") and len(piece) > 1:
            par.add_run(piece[1:-1]).font.name = "Courier New"
        elif piece.startswith("*") and piece.endswith("*") and len(piece) > 2:
            par.add_run(piece[1:-1]).italic = True
        else:
            par.add_run(piece)


def build(source, out):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    code_style(doc)
    para = []
    item = None  # [style, [text lines]] of the list item being collected
    in_list = False
    prev_blank = True

    def flush():
        nonlocal item
        if para:
            add_runs(doc.add_paragraph(), " ".join(para))
            para.clear()
        if item:
            add_runs(doc.add_paragraph(style=item[0]), " ".join(item[1]))
            item = None

    for i, raw in enumerate(lines):
        line = raw.rstrip()
        stripped = line.strip()
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if not stripped:
            flush()
            prev_blank = True
            continue
        if SETEXT.match(line):
            prev_blank = False
            continue
        if SETEXT.match(nxt) and not line.startswith(" "):
            flush()
            in_list = False
            add_runs(doc.add_heading("", level=1), stripped)
            prev_blank = False
            continue
        if line.startswith("# "):
            flush()
            add_runs(doc.add_paragraph(style="Title"), line[2:].strip())
            prev_blank = False
            continue
        if stripped.startswith(("[![", "![")):
            flush()
            prev_blank = False
            continue
        bullet = ITEM.match(line)
        if bullet:
            flush()
            in_list = True
            style = "List Bullet 2" if len(bullet.group(1)) >= 4 else "List Bullet"
            item = [style, [bullet.group(2).strip()]]
            prev_blank = False
            continue
        if item and line.startswith(" "):
            item[1].append(stripped)
            prev_blank = False
            continue
        if line.startswith("    ") and prev_blank and not in_list:
            flush()
            doc.add_paragraph(line[4:], style="Code")
            prev_blank = False
            continue
        if prev_blank:
            in_list = False
        para.append(stripped)
        prev_blank = False
    flush()
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: python build_vis-readme.py OUT.docx [SOURCE]")
    build(sys.argv[2] if len(sys.argv) == 3 else DEFAULT_SOURCE, sys.argv[1])
