"""Lay the librsvg README out as a Word document, without rewording it.

Usage: python build_librsvg-readme.py OUT.docx [SOURCE]

Source: README.md of librsvg 2.54.7, as shipped by Debian bookworm in the package
librsvg2-2 2.54.7+dfsg-1~deb12u1 at /usr/share/doc/librsvg2-2/README.md.gz (the
default SOURCE; a .gz file is decompressed, a plain .md file is read as is).

Licence: librsvg is free software under the GNU Lesser General Public License,
version 2 or (at your option) any later version ("License: LGPL-2+" for "Files: *" in
/usr/share/doc/librsvg2-2/copyright); the README is part of that distribution.

Mapping from Markdown to Word:
  - "# Title" lines: the first one becomes the document Title, the others
    Heading 1; "## ..." Heading 2, "### ..." Heading 3.
  - Consecutive non-blank text lines are joined (with one space) into one paragraph
    in the 'Normal' style.
  - "* item" / "- item" lines (with their indented continuation lines) become one
    'List Bullet' paragraph each; "1. item" lines become 'List Number'.
  - Pipe tables become Word tables (style 'Table Grid'), the header row in bold.
  - Fenced code blocks (```) and 4-space indented blocks become one paragraph per
    line in a 'Code' paragraph style (Courier New, 9 pt).
  - "> " block quotes become one paragraph in the 'Quote' style, without the markers.
  - Inline markup: **bold** and ***bold italic*** become bold (italic) runs,
    *italic* italic runs, `code` runs in Courier New; the marker characters are removed.
  - Link markup is removed and only the link text is kept: [text](url), [text][ref],
    [text][] and <url> autolinks; reference definitions ("[ref]: url" lines) are
    dropped, as is the GitLab table-of-contents macro "[[_TOC_]]" (it is markup, not
    text). Images ![alt](src) keep their alt text.
  - Nothing else is changed: no word of the README is added, removed or reworded.
"""
import gzip
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "/usr/share/doc/librsvg2-2/README.md.gz"
MONO = "Courier New"


def read_source(path: str) -> list[str]:
    data = Path(path).read_bytes()
    if path.endswith(".gz"):
        data = gzip.decompress(data)
    return data.decode("utf-8").splitlines()


REFS: set[str] = set()  # names of the reference definitions ("[ref]: url") of the source


def strip_links(text: str) -> str:
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)  # images -> alt text
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # [text](url)
    text = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", text)  # [text][ref], [text][]
    text = re.sub(r"<((?:https?|mailto):[^>]+)>", r"\1", text)  # <url>
    text = re.sub(r"\[([^\]]+)\](?![(\[:])", lambda m: m.group(1) if m.group(1).lower() in REFS else m.group(0), text)
    return text


INLINE = re.compile(r"(\*\*\*.+?\*\*\*|\*\*.+?\*\*|`[^`]+`|(?<![\w*])\*(?!\s).+?(?<!\s)\*(?![\w*]))")


def add_runs(paragraph, text: str) -> None:
    text = strip_links(text)
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            paragraph.add_run(text[pos:m.start()])
        token = m.group(0)
        if token.startswith("***"):
            run = paragraph.add_run(token[3:-3])
            run.bold = run.italic = True
        elif token.startswith("**"):
            run = paragraph.add_run(token[2:-2])
            run.bold = True
        elif token.startswith("`"):
            run = paragraph.add_run(token[1:-1])
            run.font.name = MONO
        else:
            run = paragraph.add_run(token[1:-1])
            run.italic = True
        pos = m.end()
    if pos < len(text):
        paragraph.add_run(text[pos:])


def code_style(document):
    styles = document.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = MONO
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def split_row(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def build(out: str, source: str) -> None:
    lines = read_source(source)
    REFS.update(m.group(1).lower() for m in (re.match(r"^\s*\[([^\]]+)\]:\s*\S+", ln) for ln in lines) if m)
    document = Document()
    code = code_style(document)
    seen_title = False
    i = 0
    para: list[str] = []

    def flush():
        nonlocal para
        if para:
            add_runs(document.add_paragraph(style="Normal"), " ".join(para))
            para = []

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if re.match(r"^\[[^\]]+\]:\s*\S+", stripped) or stripped == "[[_TOC_]]":
            flush()
            i += 1
            continue
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                document.add_paragraph(lines[i], style=code)
                i += 1
            i += 1
            continue
        if not stripped:
            flush()
            i += 1
            continue
        m = re.match(r"^(#{1,6})\s+(.*?)\s*#*$", stripped)
        if m:
            flush()
            level = len(m.group(1))
            if level == 1 and not seen_title:
                heading = document.add_heading("", level=0)
                seen_title = True
            else:
                heading = document.add_heading("", level=min(level, 3))
            add_runs(heading, m.group(2))
            i += 1
            continue
        if stripped.startswith("|") and i + 1 < len(lines) and re.match(r"^\|?\s*:?-{3,}", lines[i + 1].strip()):
            flush()
            header = split_row(stripped)
            rows = []
            i += 2
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(split_row(lines[i]))
                i += 1
            table = document.add_table(rows=1 + len(rows), cols=len(header))
            table.style = "Table Grid"
            for r, cells in enumerate([header] + rows):
                for c, cell in enumerate(cells[: len(header)]):
                    p = table.rows[r].cells[c].paragraphs[0]
                    add_runs(p, cell)
                    if r == 0:
                        for run in p.runs:
                            run.bold = True
            continue
        m = re.match(r"^(\s*)([*+-]|\d+[.)])\s+(.*)$", line)
        if m and not re.match(r"^\s*([*-])\s*\1\s*\1", line):
            flush()
            style = "List Number" if m.group(2)[0].isdigit() else "List Bullet"
            item = [m.group(3).strip()]
            indent = len(m.group(1)) + 1
            i += 1
            while i < len(lines) and lines[i].strip() and len(lines[i]) - len(lines[i].lstrip()) >= indent \
                    and not re.match(r"^\s*([*+-]|\d+[.)])\s+", lines[i]):
                item.append(lines[i].strip())
                i += 1
            add_runs(document.add_paragraph(style=style), " ".join(item))
            continue
        if stripped.startswith(">"):
            flush()
            quote = []
            while i < len(lines) and lines[i].strip().startswith(">"):
                quote.append(lines[i].strip()[1:].strip())
                i += 1
            add_runs(document.add_paragraph(style="Quote"), " ".join(quote))
            continue
        if line.startswith("    ") and not para:
            while i < len(lines) and (lines[i].startswith("    ") or not lines[i].strip()):
                if lines[i].strip():
                    document.add_paragraph(lines[i][4:], style=code)
                i += 1
            continue
        para.append(stripped)
        i += 1
    flush()
    document.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    build(sys.argv[1], sys.argv[2] if len(sys.argv) == 3 else DEFAULT_SOURCE)
