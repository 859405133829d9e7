"""Build fastest_validator-readme.docx from the README of fastest-validator.

Usage: python build_fastest_validator-readme.py OUT.docx SOURCE

Source: README.md of the npm package fastest-validator 1.19.1
(`npm pack fastest-validator@1.19.1`, file package/README.md), by Icebob
(Norbert Mereg). Licence: MIT (package.json "license": "MIT"; the README's
"License" section says the project is available under the MIT license).

The text is laid out as a person would in Word, without rewording:
- `#` .. `######` headings become the styles Heading 1 .. Heading 6;
- paragraphs (consecutive text lines) become Normal paragraphs, lines joined
  with a space;
- `*` / `-` list items become List Bullet (List Bullet 2 when indented),
  `1.` items become List Number;
- `>` quotes become the Quote style (a `- ` item inside a quote becomes
  List Bullet; empty quote lines are left out);
- fenced code blocks become one paragraph per line in a "Code" paragraph
  style (Courier New, 9 pt); the fence lines themselves are dropped;
- pipe tables become Word tables (style Table Grid, header row bold);
- inline `code` becomes a Courier New run, **bold** and _italic_ / *italic*
  become bold and italic runs, [text](url) keeps its text only;
- images and badges (![alt](url)) are left out, as are lines that hold only
  images (the photo and badges at the top of the README).
Core properties carry fixed dates so that a rebuild gives the same document.
"""
import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
INLINE = re.compile(r"(`+)(.+?)\1|\*\*(.+?)\*\*|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])|(?<!\w)_(?!\s)(.+?)(?<!\s)_(?!\w)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
BULLET = re.compile(r"^(\s*)[*-]\s+(.*)$")
NUMBER = re.compile(r"^(\s*)\d+\.\s+(.*)$")
FENCE = re.compile(r"^\s*(`{3,})")
SEPARATOR = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)+\|?\s*$")


def clean(text):
    """Drop images and link targets, keep the link text."""
    text = IMAGE.sub("", text)
    text = LINK.sub(r"\1", text)
    return text


def add_runs(par, text, bold=False, italic=False):
    text = clean(text)
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            plain(par, text[pos:m.start()], bold, italic)
        if m.group(2) is not None:
            run = plain(par, m.group(2), bold, italic)
            run.font.name = "Courier New"
        elif m.group(3) is not None:
            add_runs(par, m.group(3), True, italic)
        else:
            inner = m.group(4) if m.group(4) is not None else m.group(5)
            add_runs(par, inner, bold, True)
        pos = m.end()
    if pos < len(text):
        plain(par, text[pos:], bold, italic)


def plain(par, text, bold, italic):
    run = par.add_run(text)
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    return run


def split_row(line):
    """Split a table row on | outside backticks and not escaped."""
    cells, cur, in_code, i = [], "", False, 0
    line = line.strip()
    while i < len(line):
        ch = line[i]
        if ch == "\\" and i + 1 < len(line) and line[i + 1] == "|":
            cur += "|"
            i += 2
            continue
        if ch == "`":
            in_code = not in_code
        if ch == "|" and not in_code:
            cells.append(cur)
            cur = ""
        else:
            cur += ch
        i += 1
    cells.append(cur)
    if line.startswith("|"):
        cells = cells[1:]
    if line.endswith("|") and cells:
        cells = cells[:-1]
    return [c.strip() for c in cells]


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_before = Pt(0)
    style.paragraph_format.space_after = Pt(0)
    return style


def build(out, source):
    with open(source, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    doc = Document()
    code_style(doc)
    props = doc.core_properties
    props.title = "fastest-validator README"
    props.author = "Icebob"
    fixed = datetime.datetime(2024, 1, 1, 0, 0, 0)
    props.created = fixed
    props.modified = fixed
    props.last_printed = fixed
    props.revision = 1

    para = []

    def flush():
        if para:
            text = " ".join(s.strip() for s in para)
            if clean(text).strip():
                add_runs(doc.add_paragraph(), text)
            para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        fence = FENCE.match(line)
        if fence:
            flush()
            mark = fence.group(1)
            i += 1
            while i < len(lines) and not lines[i].strip().startswith(mark):
                doc.add_paragraph(lines[i].replace("\t", "    "), style="Code")
                i += 1
            i += 1
            continue
        if not line.strip():
            flush()
            i += 1
            continue
        heading = HEADING.match(line)
        if heading:
            flush()
            h = doc.add_heading(level=len(heading.group(1)))
            add_runs(h, heading.group(2))
            i += 1
            continue
        if "|" in line and i + 1 < len(lines) and SEPARATOR.match(lines[i + 1]):
            flush()
            header = split_row(line)
            rows = []
            i += 2
            while i < len(lines) and "|" in lines[i] and lines[i].strip():
                rows.append(split_row(lines[i]))
                i += 1
            ncols = len(header)
            table = doc.add_table(rows=1 + len(rows), cols=ncols)
            table.style = "Table Grid"
            for r, cells in enumerate([header] + rows):
                for c in range(ncols):
                    text = cells[c] if c < len(cells) else ""
                    cell_par = table.rows[r].cells[c].paragraphs[0]
                    add_runs(cell_par, text)
                    if r == 0:
                        for run in cell_par.runs:
                            run.bold = True
            continue
        bullet = BULLET.match(line)
        number = NUMBER.match(line)
        if bullet or number:
            flush()
            m = bullet or number
            level = len(m.group(1).replace("\t", "    ")) // 2
            base = "List Bullet" if bullet else "List Number"
            style = base if level == 0 else f"{base} 2"
            add_runs(doc.add_paragraph(style=style), m.group(2).strip())
            i += 1
            continue
        if line.lstrip().startswith(">"):
            flush()
            quoted = line.lstrip()[1:].strip()
            item = BULLET.match(quoted)
            if item:
                add_runs(doc.add_paragraph(style="List Bullet"), item.group(2))
            elif quoted:
                add_runs(doc.add_paragraph(style="Quote"), quoted)
            i += 1
            continue
        para.append(line)
        i += 1
    flush()
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
