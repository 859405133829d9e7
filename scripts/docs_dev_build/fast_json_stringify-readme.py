"""Build fast_json_stringify-readme.docx from the fast-json-stringify README.

Usage: python build_fast_json_stringify-readme.py OUT.docx SOURCE

Source: README.md of the npm package fast-json-stringify 7.3.12
(``npm pack fast-json-stringify@7.3.12``, file ``package/README.md``),
licensed under the MIT licence (package.json "license": "MIT").

The text is copied without rewording; only the Markdown layout is mapped
to Word layout:

* ``#`` .. ``#####`` headings -> "Heading 1" .. "Heading 5";
* paragraphs -> "Normal" (soft line breaks joined by a space, ``<br>`` kept
  as a line break);
* ``-``/``*`` list items -> "List Bullet" (indented items -> "List Bullet 2"),
  ``1.`` items -> "List Number"; continuation lines join their item;
* fenced code blocks -> one "Code Block" paragraph (Courier New) per line;
* pipe tables -> Word tables ("Table Grid"), header row in bold; the
  alignment row is dropped;
* ``> `` quotes -> "Quote";
* inline code -> Courier New runs, ``**``/``__`` -> bold, ``*``/``_`` ->
  italic, links -> their text (the URL is dropped), inline HTML tags
  (``<a name>`` anchors, ``<a href>``) -> their text;
* lines made only of badge images are dropped.

Core properties get fixed dates so that a rebuild gives the same document.
"""

import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

FIXED_DATE = datetime.datetime(2024, 1, 1, 0, 0, 0)
CODE_FONT = "Courier New"

LINK_RE = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(([^()\s]*(?:\([^()]*\))?[^()\s]*)\)")
TAG_RE = re.compile(r"</?(?:a|br|img|span|sup|sub)\b[^>]*>", re.IGNORECASE)
BADGE_LINE_RE = re.compile(r"^(\s*\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)\s*)+$")
ANCHOR_LINE_RE = re.compile(r'^\s*<a name="[^"]*"></a>\s*$')
HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
BULLET_RE = re.compile(r"^(\s*)[-*+]\s+(.*)$")
NUMBER_RE = re.compile(r"^(\s*)\d+[.)]\s+(.*)$")
FENCE_RE = re.compile(r"^\s*(```+|~~~+)")


def strip_links(text):
    """Replace Markdown links by their text and drop images and HTML tags."""
    previous = None
    while previous != text:
        previous = text
        text = LINK_RE.sub(lambda m: "" if m.group(1) else m.group(2), text)
    text = re.sub(r"<br\s*/?>", "\n", text, flags=re.IGNORECASE)
    return TAG_RE.sub("", text)


def inline_runs(text):
    """Split Markdown inline text into (text, bold, italic, code) pieces."""
    text = strip_links(text)
    pieces = []
    bold = italic = False
    buf = []

    def flush():
        if buf:
            pieces.append(("".join(buf), bold, italic, False))
            buf.clear()

    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c == "\\" and i + 1 < n and text[i + 1] in "\\`*_{}[]()#+-.!|<>":
            buf.append(text[i + 1])
            i += 2
            continue
        if c == "`":
            j = i
            while j < n and text[j] == "`":
                j += 1
            ticks = text[i:j]
            end = text.find(ticks, j)
            if end != -1:
                flush()
                code = text[j:end]
                if code.startswith(" ") and code.endswith(" ") and code.strip():
                    code = code[1:-1]
                pieces.append((code, bold, italic, True))
                i = end + len(ticks)
                continue
            buf.append(ticks)
            i = j
            continue
        if c in "*_" and text[i:i + 2] in ("**", "__"):
            prev = text[i - 1] if i > 0 else " "
            nxt = text[i + 2] if i + 2 < n else " "
            if (not bold and not nxt.isspace() and not (c == "_" and prev.isalnum())) or (
                bold and not prev.isspace() and not (c == "_" and nxt.isalnum())
            ):
                flush()
                bold = not bold
                i += 2
                continue
        if c in "*_":
            prev = text[i - 1] if i > 0 else " "
            nxt = text[i + 1] if i + 1 < n else " "
            opening = not italic and not nxt.isspace() and not (c == "_" and prev.isalnum())
            closing = italic and not prev.isspace() and not (c == "_" and nxt.isalnum())
            if (opening and (c == "*" or not prev.isalnum()) and closing_exists(text, i, c)) or closing:
                flush()
                italic = not italic
                i += 1
                continue
        buf.append(c)
        i += 1
    flush()
    return pieces


def closing_exists(text, i, delim):
    """True when an emphasis opened at text[i] is closed later on the line."""
    rest = text[i + 1:]
    for m in re.finditer(re.escape(delim), rest):
        k = m.start()
        if k > 0 and not rest[k - 1].isspace():
            after = rest[k + 1] if k + 1 < len(rest) else " "
            if delim == "*" or not after.isalnum():
                return True
    return False


def add_inline(paragraph, text, force_bold=False):
    for piece, bold, italic, code in inline_runs(text):
        parts = piece.split("\n")
        for k, part in enumerate(parts):
            run = paragraph.add_run(part)
            if k < len(parts) - 1:
                run.add_break()
            if bold or force_bold:
                run.bold = True
            if italic:
                run.italic = True
            if code:
                run.style = "Code Char"


def setup_styles(doc):
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    code = styles.add_style("Code Block", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = normal
    code.font.name = CODE_FONT
    code.font.size = Pt(9)
    code.paragraph_format.space_before = Pt(0)
    code.paragraph_format.space_after = Pt(0)
    char = styles.add_style("Code Char", WD_STYLE_TYPE.CHARACTER)
    char.font.name = CODE_FONT
    char.font.size = Pt(10)


def split_row(line):
    line = line.strip()
    line = line.removeprefix("|").removesuffix("|")
    cells, cur, in_code = [], [], False
    for ch in line:
        if ch == "`":
            in_code = not in_code
        if ch == "|" and not in_code:
            cells.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
    cells.append("".join(cur).strip())
    return cells


def add_table(doc, rows):
    header, body = rows[0], rows[1:]
    ncols = len(header)
    table = doc.add_table(rows=0, cols=ncols)
    table.style = "Table Grid"
    for r, row in enumerate([header] + body):
        cells = table.add_row().cells
        for c in range(ncols):
            value = row[c] if c < len(row) else ""
            para = cells[c].paragraphs[0]
            add_inline(para, value, force_bold=(r == 0))


def is_block_start(line):
    return bool(
        HEADING_RE.match(line)
        or BULLET_RE.match(line)
        or NUMBER_RE.match(line)
        or FENCE_RE.match(line)
        or line.lstrip().startswith("|")
        or line.lstrip().startswith(">")
        or ANCHOR_LINE_RE.match(line)
    )


def convert(lines, doc):
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        if not line.strip() or ANCHOR_LINE_RE.match(line) or BADGE_LINE_RE.match(line):
            i += 1
            continue
        fence = FENCE_RE.match(line)
        if fence:
            marker = fence.group(1)
            i += 1
            while i < n and not lines[i].strip().startswith(marker):
                doc.add_paragraph(lines[i], style="Code Block")
                i += 1
            i += 1
            continue
        heading = HEADING_RE.match(line)
        if heading:
            level = len(heading.group(1))
            add_inline(doc.add_heading("", level=level), heading.group(2))
            i += 1
            continue
        if line.lstrip().startswith("|"):
            rows = []
            while i < n and lines[i].lstrip().startswith("|"):
                cells = split_row(lines[i])
                if not all(re.fullmatch(r":?-+:?", c) for c in cells if c) or not any(cells):
                    rows.append(cells)
                i += 1
            add_table(doc, rows)
            continue
        if line.lstrip().startswith(">"):
            parts = []
            while i < n and lines[i].lstrip().startswith(">"):
                parts.append(lines[i].lstrip()[1:].strip())
                i += 1
            add_inline(doc.add_paragraph(style="Quote"), " ".join(p for p in parts if p))
            continue
        item = BULLET_RE.match(line) or NUMBER_RE.match(line)
        if item:
            numbered = NUMBER_RE.match(line) is not None and BULLET_RE.match(line) is None
            indent = len(item.group(1).expandtabs(4))
            parts = [item.group(2)]
            i += 1
            while i < n and lines[i].strip() and not is_block_start(lines[i]):
                parts.append(lines[i].strip())
                i += 1
            if numbered:
                style = "List Number 2" if indent >= 2 else "List Number"
            else:
                style = "List Bullet 2" if indent >= 2 else "List Bullet"
            add_inline(doc.add_paragraph(style=style), join_soft(parts))
            continue
        parts = [line.strip()]
        i += 1
        while i < n and lines[i].strip() and not is_block_start(lines[i]):
            parts.append(lines[i].strip())
            i += 1
        add_inline(doc.add_paragraph(), join_soft(parts))


def join_soft(parts):
    """Join soft-wrapped lines with a space; a trailing <br> stays a break."""
    out = ""
    for k, part in enumerate(parts):
        if k and not re.search(r"<br\s*/?>$", out, flags=re.IGNORECASE):
            out += " "
        out += part
    return out


def main(out_path, source_path):
    with open(source_path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    doc = Document()
    setup_styles(doc)
    convert(lines, doc)
    props = doc.core_properties
    props.title = "fast-json-stringify"
    props.author = "fastify"
    props.subject = "README of fast-json-stringify 7.3.12"
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE
    props.revision = 1
    doc.save(out_path)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
