"""Build react_player-readme.docx from the ReactPlayer README.

Usage: python build_react_player-readme.py OUT.docx SOURCE

SOURCE is README.md from the npm package react-player 2.16.0
(`npm pack react-player@2.16.0`, file package/README.md), by Pete Cook and
contributors, licensed under the MIT licence (package.json "license": "MIT").

The text is copied without rewording; only the Markdown/HTML markup is turned
into Word layout:
- the HTML heading block at the top (<h1>) becomes a Title paragraph, and the
  centred <p> with the project description becomes a centred paragraph (the
  badge images, which carry no text, are left out);
- "###" headings become Heading 1 and "####" headings become Heading 2;
- "> " lines become paragraphs in the Quote style;
- "* " / "- " items become List Bullet (nested items List Bullet 2);
- fenced code blocks become one paragraph per line in a monospaced "Code"
  paragraph style (Courier New); `inline code` becomes Courier New runs,
  **bold** bold runs and *emphasis* italic runs;
- links and HTML anchors keep their visible text only; "<br/>" becomes a line
  break and "&nbsp;" a no-break space;
- Markdown pipe tables and the closing HTML <table> become Word tables (style
  Table Grid, header row in bold);
- the "---" rule is left out.
Core document properties get fixed dates so that rebuilding gives the same
document text.
"""

import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

MONO = "Courier New"
INLINE = re.compile(
    r"(?P<code>`[^`]+`)"
    r"|(?P<img>!\[[^\]]*\]\([^)]*\))"
    r"|(?P<link>\[(?P<ltext>[^\]]*)\]\((?P<lurl>[^)]*)\))"
    r"|(?P<bold>\*\*[^*]+\*\*)"
    r"|(?P<em>\*[^*\s][^*]*\*)"
    r"|(?P<br><br\s*/?>)"
    r"|(?P<nbsp>&nbsp;)"
    r"|(?P<tag></?[a-zA-Z][^>]*>)"
)


def add_inline(par, text, bold=False, italic=False, mono=False):
    """Add text with Markdown inline markup to a paragraph as runs."""
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            run = par.add_run(text[pos:m.start()])
            run.bold, run.italic = bold or None, italic or None
            if mono:
                run.font.name = MONO
        if m.group("code"):
            run = par.add_run(m.group("code")[1:-1])
            run.font.name = MONO
            run.bold, run.italic = bold or None, italic or None
        elif m.group("img") or m.group("tag"):
            pass
        elif m.group("link") is not None:
            add_inline(par, m.group("ltext"), bold, italic, mono)
        elif m.group("bold"):
            add_inline(par, m.group("bold")[2:-2], True, italic, mono)
        elif m.group("em"):
            add_inline(par, m.group("em")[1:-1], bold, True, mono)
        elif m.group("br"):
            par.add_run().add_break()
        elif m.group("nbsp"):
            par.add_run("\u00a0")
        pos = m.end()
    if pos < len(text):
        run = par.add_run(text[pos:])
        run.bold, run.italic = bold or None, italic or None
        if mono:
            run.font.name = MONO


def split_row(line):
    line = line.strip()
    line = line.removeprefix("|").removesuffix("|")
    return [c.strip() for c in line.split("|")]


def is_table_start(lines, i):
    return (
        i + 1 < len(lines)
        and "|" in lines[i]
        and re.fullmatch(r"\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)+\|?\s*", lines[i + 1]) is not None
    )


def add_table(doc, rows):
    ncols = max(len(r) for r in rows)
    table = doc.add_table(rows=0, cols=ncols)
    table.style = "Table Grid"
    for r, cells in enumerate(rows):
        row = table.add_row()
        for c in range(ncols):
            par = row.cells[c].paragraphs[0]
            if c < len(cells):
                add_inline(par, cells[c], bold=(r == 0))


def build(out, source):
    with open(source, encoding="utf-8") as f:
        lines = f.read().split("\n")

    doc = Document()
    styles = doc.styles
    code = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = styles["Normal"]
    code.font.name = MONO
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(0)
    code.paragraph_format.space_before = Pt(0)

    props = doc.core_properties
    fixed = datetime.datetime(2024, 1, 1, 0, 0, 0)
    props.created = fixed
    props.modified = fixed
    props.last_printed = fixed
    props.author = "Pete Cook and contributors"
    props.title = "ReactPlayer README"
    props.revision = 1

    i = 0
    para_buf = []

    def flush():
        if para_buf:
            par = doc.add_paragraph()
            add_inline(par, " ".join(s.strip() for s in para_buf))
            para_buf.clear()

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        # HTML block: title, centred paragraphs, closing table
        if stripped.startswith("<h1"):
            flush()
            block = []
            while "</h1>" not in lines[i]:
                block.append(lines[i])
                i += 1
            block.append(lines[i])
            text = re.sub(r"<[^>]+>", "", " ".join(block)).strip()
            doc.add_paragraph(text, style="Title")
            i += 1
            continue
        if stripped.startswith("<p"):
            flush()
            block = []
            while "</p>" not in lines[i]:
                block.append(lines[i].strip())
                i += 1
            block.append(lines[i].strip())
            inner = " ".join(block)
            inner = re.sub(r"^<p[^>]*>|</p>$", "", inner).strip()
            text = re.sub(r"<[^>]+>", "", inner).strip()
            if text:
                par = doc.add_paragraph()
                par.alignment = WD_ALIGN_PARAGRAPH.CENTER
                add_inline(par, inner)
            i += 1
            continue
        if stripped.startswith("<table"):
            flush()
            cells = []
            while "</table>" not in lines[i]:
                if lines[i].strip().startswith("<td"):
                    block = []
                    while "</td>" not in lines[i]:
                        block.append(lines[i].strip())
                        i += 1
                    block.append(lines[i].strip())
                    cells.append(re.sub(r"<[^>]+>", "", " ".join(block)).strip())
                i += 1
            table = doc.add_table(rows=1, cols=len(cells))
            table.style = "Table Grid"
            for c, text in enumerate(cells):
                table.rows[0].cells[c].paragraphs[0].add_run(text)
            i += 1
            continue
        if stripped.startswith("```"):
            flush()
            i += 1
            while not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i].rstrip(), style="Code")
                i += 1
            i += 1
            continue
        m = re.match(r"^(#{1,6})\s+(.*)$", line)
        if m:
            flush()
            level = max(1, len(m.group(1)) - 2)
            par = doc.add_paragraph(style=f"Heading {level}")
            add_inline(par, m.group(2).strip())
            i += 1
            continue
        if is_table_start(lines, i):
            flush()
            rows = [split_row(lines[i])]
            i += 2
            while i < len(lines) and "|" in lines[i] and lines[i].strip():
                rows.append(split_row(lines[i]))
                i += 1
            add_table(doc, rows)
            continue
        m = re.match(r"^(\s*)[*-]\s+(.*)$", line)
        if m and stripped != "---":
            flush()
            style = "List Bullet 2" if len(m.group(1)) >= 2 else "List Bullet"
            par = doc.add_paragraph(style=style)
            add_inline(par, m.group(2).strip())
            i += 1
            continue
        if stripped.startswith(">"):
            flush()
            par = doc.add_paragraph(style="Quote")
            add_inline(par, stripped.lstrip(">").strip())
            i += 1
            continue
        if not stripped or stripped == "---":
            flush()
            i += 1
            continue
        para_buf.append(line)
        i += 1
    flush()
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: build_react_player-readme.py OUT.docx SOURCE")
    build(sys.argv[1], sys.argv[2])
