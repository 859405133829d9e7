"""Lay ranger's README.md out as a Word document, without rewording it.

Usage: python build_ranger-readme.py OUT.docx [SOURCE]

Source: README.md of ranger 1.9.3, as shipped by the Debian package ranger
(bookworm, 1.9.3-5) at /usr/share/doc/ranger/README.md.gz (SOURCE may be that .gz
or the decompressed file; default: fetch/ranger/usr/share/doc/ranger/README.md.gz
next to this script).
Licence: ranger is GNU GPL version 3 or later (README "About" list: "License: GNU
General Public License Version 3"; debian/copyright: GPL-3.0+), which permits
redistribution of this rendering.

Mapping (Markdown -> Word):
- "Title" underlined with === -> Heading 1; underlined with --- -> Heading 2;
  "### x" -> Heading 3 (ATX "#"/"##" -> Heading 1/2).
- "* item" / "- item" -> 'List Bullet' (indented sub-items -> 'List Bullet 2');
  "1. item" -> 'List Number'; continuation lines are joined to their item.
- Paragraph lines are joined with single spaces into one Normal paragraph.
- ``` fenced blocks and 4-space indented blocks -> one paragraph per line in a
  monospace 'Code' style (Courier New).
- Markdown tables (| a | b |) -> Word tables (none in this README).
- Markup removed: images ![..](..) and badges dropped; [text](url) -> text;
  raw HTML tags (<img>, <a>, <p>, <details>, <summary>, <sub>) dropped, their
  text kept; **bold** -> bold run, *em* -> italic run, `code` / ```code```
  -> Courier New run. No text is reworded.
"""
import gzip
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE / "fetch/ranger/usr/share/doc/ranger/README.md.gz"
MONO = "Courier New"


def read_source(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return data.decode("utf-8")


def strip_markup(text: str) -> str:
    """Remove image, badge, link and HTML markup, keeping the visible words."""
    text = re.sub(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)", "", text)  # linked badge
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # image
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # link -> its text
    text = re.sub(r"<[^>]+>", "", text)  # HTML tags
    return text


def add_runs(paragraph, text: str) -> None:
    """Add text with **bold**, *italic* and `code` spans as formatted runs."""
    text = strip_markup(text)
    pattern = re.compile(r"(```.+?```|`[^`]+`|\*\*[^*]+\*\*|\*[^*\s][^*]*\*)")
    pos = 0
    for m in pattern.finditer(text):
        if m.start() > pos:
            paragraph.add_run(text[pos:m.start()])
        token = m.group(0)
        if token.startswith("```"):
            run = paragraph.add_run(token[3:-3])
            run.font.name = MONO
        elif token.startswith("`"):
            run = paragraph.add_run(token[1:-1])
            run.font.name = MONO
        elif token.startswith("**"):
            paragraph.add_run(token[2:-2]).bold = True
        else:
            paragraph.add_run(token[1:-1]).italic = True
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


def build(source_text: str, out: Path) -> None:
    document = Document()
    code = code_style(document)
    lines = source_text.splitlines()
    i = 0
    para: list[str] = []
    item: tuple[str, list[str]] | None = None  # (style, lines)

    def flush():
        nonlocal para, item
        if para:
            text = " ".join(s.strip() for s in para)
            if strip_markup(text).strip():
                add_runs(document.add_paragraph(), strip_markup(text).strip())
            para = []
        if item:
            style, parts = item
            add_runs(document.add_paragraph(style=style), " ".join(s.strip() for s in parts))
            item = None

    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        stripped = line.strip()
        # setext headings
        if stripped and re.fullmatch(r"=+", nxt.strip() or "x") and not line.startswith(" "):
            flush()
            document.add_heading(strip_markup(stripped), level=1)
            i += 2
            continue
        if stripped and re.fullmatch(r"-{3,}", nxt.strip() or "x") and not line.startswith(" "):
            flush()
            document.add_heading(strip_markup(stripped), level=2)
            i += 2
            continue
        m = re.match(r"^(#{1,6})\s+(.*)$", line)
        if m:
            flush()
            document.add_heading(strip_markup(m.group(2).strip()), level=min(len(m.group(1)), 4))
            i += 1
            continue
        # fenced code
        if stripped.startswith("```") and not stripped[3:].strip().endswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                document.add_paragraph(lines[i], style=code)
                i += 1
            i += 1
            continue
        # tables
        if stripped.startswith("|") and stripped.endswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                cells = [c.strip() for c in lines[i].strip().strip("|").split("|")]
                if not all(re.fullmatch(r":?-+:?", c) for c in cells):
                    rows.append(cells)
                i += 1
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            table.style = "Table Grid"
            for r, cells in enumerate(rows):
                for c, cell in enumerate(cells):
                    table.cell(r, c).text = strip_markup(cell).replace("`", "")
            continue
        # list items
        m = re.match(r"^(\s*)([*-]|\d+\.)\s+(.*)$", line)
        if m:
            flush()
            indent = len(m.group(1))
            if m.group(2)[0].isdigit():
                style = "List Number"
            else:
                style = "List Bullet 2" if indent >= 2 else "List Bullet"
            item = (style, [m.group(3)])
            i += 1
            continue
        # indented code (not a list continuation)
        if line.startswith("    ") and item is None and not para:
            while i < len(lines) and (lines[i].startswith("    ") or not lines[i].strip()):
                if lines[i].strip():
                    document.add_paragraph(lines[i][4:], style=code)
                i += 1
            continue
        if not stripped:
            flush()
            i += 1
            continue
        if item is not None and line.startswith(" "):
            item[1].append(line)
        else:
            if item is not None:
                flush()
            para.append(line)
        i += 1
    flush()
    document.core_properties.title = "ranger README"
    document.save(str(out))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    source = Path(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_SOURCE
    build(read_source(source), Path(sys.argv[1]))
