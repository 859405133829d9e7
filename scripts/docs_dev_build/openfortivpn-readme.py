"""Lay the openfortivpn README out as a Word document, without rewording it.

Usage: python build_openfortivpn-readme.py OUT.docx [SOURCE]

Source: README.md of openfortivpn 1.19.0, as shipped by the Debian package
openfortivpn 1.19.0-2 (bookworm) at /usr/share/doc/openfortivpn/README.md.gz
(fetched with `apt-get download openfortivpn && dpkg -x`); SOURCE may be that
.gz file or a decompressed copy (default: README.md beside this script as
openfortivpn-README.md).
Licence: GPL-3+ (Copyright (C) 2015 Adrien Vergé; stated in the package's
/usr/share/doc/openfortivpn/copyright).

Mapping (Markdown -> Word):
  * "Title\n=====" and "# x"              -> Heading 1
  * "Title\n-----" and "## x"             -> Heading 2
  * "### x" / "#### x"                    -> Heading 3 / Heading 4
  * "* item" / "- item" (nested by indent) -> 'List Bullet' / 'List Bullet 2'
  * "1.  item"                            -> 'List Number'
  * text indented under a list item       -> 'List Continue' (or 'List Continue 2')
  * fenced (```) or indented code blocks  -> one paragraph per line in a
                                            monospace 'Code' style (Courier New)
  * "| a | b |" pipe tables               -> Word tables (first row bold)
  * paragraphs: wrapped lines joined with a space
  * inline markup: [text](url) and [text][n] -> text; ![..](..) images and
    "[n]: url" reference lines dropped; **bold** -> bold run; `code` -> run in
    Courier New; the text itself is kept word for word.
"""
import gzip
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

LINK = re.compile(r"!?\[([^\]]*)\]\(\s*[^)]*\)|\[([^\]]+)\]\[[^\]]*\]")
INLINE = re.compile(r"(\*\*[^*]+\*\*|`[^`]+`|\*[^*\s][^*]*\*|_[^_\s][^_]*_)")


def read_source(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return data.decode("utf-8")


def strip_links(text: str) -> str:
    return LINK.sub(lambda m: m.group(1) if m.group(1) is not None else m.group(2), text)


def add_runs(par, text: str) -> None:
    text = strip_links(text)
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            par.add_run(part[2:-2]).bold = True
        elif part.startswith("`") and part.endswith("`") and len(part) > 2:
            run = par.add_run(part[1:-1])
            run.font.name = "Courier New"
        elif len(part) > 2 and part[0] in "*_" and part[-1] == part[0]:
            par.add_run(part[1:-1]).italic = True
        else:
            par.add_run(part)


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def build(src: str, out: str) -> None:
    doc = Document()
    code_style(doc)
    lines = src.split("\n")
    i = 0
    para: list[str] = []
    para_style = [None]
    list_stack: list[int] = []  # indents of open list items

    def flush():
        if para:
            p = doc.add_paragraph(style=para_style[0])
            add_runs(p, " ".join(s.strip() for s in para))
            para.clear()
        para_style[0] = None

    def cont_style(indent):
        depth = sum(1 for d in list_stack if d < indent)
        return None if depth == 0 else ("List Continue" if depth == 1 else "List Continue 2")

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        indent = len(line) - len(line.lstrip(" "))
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if not stripped:
            flush()
            i += 1
            continue
        if re.match(r"^\[[^\]]+\]:\s+\S", stripped):  # reference link definition
            flush()
            i += 1
            continue
        if stripped.startswith("[![") or stripped.startswith("!["):  # badges
            flush()
            i += 1
            continue
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                text = lines[i][indent:] if lines[i][:indent].strip() == "" else lines[i]
                doc.add_paragraph(text.rstrip(), style="Code")
                i += 1
            i += 1
            continue
        if nxt.strip() and re.fullmatch(r"=+|-+", nxt.strip()) and indent == 0 and not para:
            flush()
            doc.add_heading(strip_links(stripped), level=1 if nxt.strip()[0] == "=" else 2)
            list_stack.clear()
            i += 2
            continue
        m = re.match(r"^(#{1,6})\s+(.*?)\s*#*$", stripped)
        if m and indent == 0:
            flush()
            doc.add_heading(strip_links(m.group(2)), level=len(m.group(1)))
            list_stack.clear()
            i += 1
            continue
        if stripped.startswith("|") and nxt.strip().startswith("|") and re.fullmatch(r"[|:\- ]+", nxt.strip()):
            flush()
            rows = [stripped]
            i += 2
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i].strip())
                i += 1
            cells = [[c.strip() for c in r.strip("|").split("|")] for r in rows]
            table = doc.add_table(rows=len(cells), cols=max(len(r) for r in cells))
            table.style = "Table Grid"
            for r, row in enumerate(cells):
                for c, text in enumerate(row):
                    p = table.cell(r, c).paragraphs[0]
                    add_runs(p, text)
                    if r == 0:
                        for run in p.runs:
                            run.bold = True
            continue
        mb = re.match(r"^(\s*)[*-]\s+(.*)$", line)
        mn = re.match(r"^(\s*)\d+\.\s+(.*)$", line)
        if mb or mn:
            flush()
            m = mb or mn
            ind = len(m.group(1))
            while list_stack and list_stack[-1] >= ind:
                list_stack.pop()
            depth = len(list_stack)
            list_stack.append(ind)
            if mb:
                para_style[0] = "List Bullet" if depth == 0 else "List Bullet 2"
            else:
                para_style[0] = "List Number" if depth == 0 else "List Number 2"
            para.append(m.group(2))
            i += 1
            continue
        if indent >= 4 and not para and not list_stack:  # indented code block
            doc.add_paragraph(line[4:].rstrip(), style="Code")
            i += 1
            continue
        if list_stack and indent <= list_stack[-1] and not para:
            while list_stack and list_stack[-1] >= indent:
                list_stack.pop()
        if not para:
            para_style[0] = cont_style(indent) if list_stack else None
        para.append(stripped)
        i += 1
    flush()
    doc.save(out)


if __name__ == "__main__":
    out = sys.argv[1]
    src = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).with_name("openfortivpn-README.md")
    build(read_source(src), out)
