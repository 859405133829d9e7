"""Lay out the README of JSON Server (json-server) as a Word document.

Source: the README.md of the npm package json-server 0.17.4 (`npm pack json-server@0.17.4`,
then `tar xzf json-server-0.17.4.tgz`: `package/README.md`), "Get a full fake REST API with
zero coding in less than 30 seconds", by typicode.

Usage: python build_json_server-readme.py OUT.docx [SOURCE]
    SOURCE defaults to fetch/n/json-server-0.17.4/package/README.md (relative to the batch
    folder, the folder above this script).

Licence: json-server is released under the MIT License (package/LICENSE, README "License" section,
package.json `license`), which permits redistribution of this adapted layout.

Mapping (no sentence is reworded; only Markdown/HTML markup is replaced by Word layout):
    # heading (badge image dropped)  -> Title
    ## / ### / #### headings         -> Heading 1 / Heading 2 / Heading 3
    <h2 align="center">..</h2>       -> Heading 1
    <p> blocks holding only &nbsp; or sponsor logo images, <!-- toc --> comments -> dropped
    paragraphs (wrapped lines)       -> Normal paragraphs, lines joined with one space
    "- " / "* " list items           -> List Bullet; nested "  * " -> List Bullet 2;
                                        "    + " -> List Bullet 3
    "1. " list items                 -> List Number (none in this README)
    ``` fenced code blocks           -> one 'Code' paragraph (Courier New 9 pt) per line
    Markdown tables                  -> Word tables, first row bold (none in this README)
    `inline code`                    -> Courier New run; __bold__ / **bold** -> bold run;
    a paragraph wrapped in _.._      -> italic paragraph
    [text](url) links                -> their text; images ![..](..) are dropped
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = Path(__file__).resolve().parent.parent / "fetch/n/json-server-0.17.4/package/README.md"
INLINE = re.compile(r"(`[^`]+`|__[^_]+__|\*\*[^*]+\*\*)")
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
HTML_HEADING = re.compile(r"^<h([1-6])[^>]*>(.*)</h\1>$")
BLOCK_START = re.compile(r"^(#|```|<|\s*[-*+] |\s*\d+\. |\|)")


def code_style(document):
    """The 'Code' paragraph style: monospaced, small, no space between lines."""
    styles = document.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def add_inline(paragraph, text, italic=False, bold=False):
    """Add text to a paragraph, turning inline Markdown markup into run formatting."""
    text = LINK.sub(r"\1", IMAGE.sub("", text))
    if not bold:
        text = text.strip()
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`"):
            run = paragraph.add_run(part[1:-1])
            run.font.name = "Courier New"
        elif part[:2] in ("__", "**") and part[-2:] == part[:2]:
            add_inline(paragraph, part[2:-2], italic=italic, bold=True)
            continue
        else:
            run = paragraph.add_run(part)
        run.italic = italic or None
        run.bold = bold or None


def add_text(paragraph, text):
    """Add a paragraph's text; one wrapped wholly in single underscores is set in italics."""
    text = text.strip()
    if len(text) > 2 and text.startswith("_") and text.endswith("_") and not text.startswith("__"):
        add_inline(paragraph, text[1:-1], italic=True)
    else:
        add_inline(paragraph, text)


def split_row(line):
    return [c.strip() for c in line.strip().strip("|").split("|")]


def add_table(document, rows):
    header, body = rows[0], rows[2:]
    table = document.add_table(rows=1 + len(body), cols=len(header))
    table.style = "Table Grid"
    for r, cells in enumerate([header, *body]):
        for c, text in enumerate(cells):
            paragraph = table.cell(r, c).paragraphs[0]
            add_inline(paragraph, text)
            if r == 0:
                for run in paragraph.runs:
                    run.bold = True


def skip_html_block(lines, i):
    """Skip an HTML block (<p>..</p>, <!-- -->) and return the index after it."""
    if lines[i].strip().startswith("<p") and "</p>" not in lines[i]:
        while i < len(lines) and "</p>" not in lines[i]:
            i += 1
    return i + 1


def build(source, out):
    document = Document()
    code = code_style(document)
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            i += 1
            continue
        if stripped.startswith("```"):
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                document.add_paragraph(lines[i], style=code)
                i += 1
            i += 1
            continue
        html_heading = HTML_HEADING.match(stripped)
        if html_heading:
            add_inline(document.add_heading(level=int(html_heading.group(1)) - 1), html_heading.group(2))
            i += 1
            continue
        if stripped.startswith("<"):
            i = skip_html_block(lines, i)
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", stripped)
        if heading:
            add_inline(document.add_heading(level=len(heading.group(1)) - 1), heading.group(2))
            i += 1
            continue
        if stripped.startswith("|") and i + 1 < len(lines) and re.match(r"^\|?\s*:?-+", lines[i + 1].strip()):
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(split_row(lines[i]))
                i += 1
            add_table(document, rows)
            continue
        item = re.match(r"^(\s*)([-*+]|\d+\.)\s+(.*)$", line)
        if item:
            depth = min(len(item.group(1)) // 2, 2)
            style = "List Number" if item.group(2)[0].isdigit() else "List Bullet"
            if depth:
                style += f" {depth + 1}"
            add_text(document.add_paragraph(style=style), item.group(3))
            i += 1
            continue
        body = []
        while i < len(lines) and lines[i].strip() and not BLOCK_START.match(lines[i]):
            body.append(lines[i].strip())
            i += 1
        if not body:
            body.append(stripped)
            i += 1
        add_text(document.add_paragraph(), " ".join(body))
    document.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    build(sys.argv[2] if len(sys.argv) == 3 else DEFAULT_SOURCE, sys.argv[1])
