"""Lay the RapidFuzz README out as a Word document, without rewording it.

Usage: python build_rapidfuzz-readme.py OUT.docx [SOURCE]

Source: README.md of RapidFuzz 3.14.6, from the PyPI source distribution
rapidfuzz-3.14.6.tar.gz (fetched with `pip download --no-deps --no-binary rapidfuzz
rapidfuzz==3.*`, unpacked with `tar xzf`); the default SOURCE is that unpacked file,
/tmp/s24/bG/fetch/pypi/rapidfuzz-3.14.6/README.md.
Licence: MIT (RapidFuzz's LICENSE file in the same sdist; "License: MIT" in its PKG-INFO;
the README's own "License" section says so too).

Mapping (Markdown / inline HTML -> Word):
- `<h1>` holding only the logo image -> 'Title' with the image's alt text ("RapidFuzz");
  `<h4>` -> 'Heading 4'; `#`..`####` headings -> 'Heading 1'..'Heading 4'.
- `<p>` blocks of badge images are dropped (images only); a `<p>` of links keeps the
  link texts and the separators as one paragraph.
- Paragraph lines are joined with single spaces (Markdown soft line breaks); `<br>` dropped.
- `- item` -> 'List Bullet'; `1) item` / `1. item` -> 'List Number' (the number is left
  to Word's numbering).
- ``` fenced code -> one paragraph per line in the monospace style 'Code' (Courier New 9 pt).
- `> quote` lines -> 'Quote'; the `:heavy_multiplication_x:` shortcode -> its emoji character,
  `&nbsp;` -> a space.
- Pipe tables -> Word tables (style 'Table Grid'), header row bold.
- Inline: `[text](url)` and `[text][ref]` -> text; images and linked images dropped;
  `**bold**` -> bold run; `` `code` `` -> Courier New run; `<img>` and `---` rules dropped.
"""
import html
import re
import sys

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "/tmp/s24/bG/fetch/pypi/rapidfuzz-3.14.6/README.md"

LINKED_IMAGE = re.compile(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)")
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")
TAG = re.compile(r"<[^>]+>")
SHORTCODES = {":heavy_multiplication_x:": "\u2716"}


def clean(text: str) -> str:
    """Inline markup that is not formatting: links, images, tags, entities."""
    text = LINKED_IMAGE.sub("", text)
    text = IMAGE.sub("", text)
    text = LINK.sub(r"\1", text)
    text = TAG.sub("", text)
    for code, char in SHORTCODES.items():
        text = text.replace(code, char)
    text = html.unescape(text).replace("\xa0", " ")
    return re.sub(r"[ \t]+", " ", text).strip()


def add_runs(paragraph, text: str) -> None:
    """Add text to a paragraph, turning **bold** and `code` into run formatting."""
    for part in re.split(r"(\*\*[^*]+\*\*|`[^`]+`)", text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            paragraph.add_run(part[2:-2]).bold = True
        elif part.startswith("`") and part.endswith("`") and len(part) > 2:
            paragraph.add_run(part[1:-1]).font.name = "Courier New"
        else:
            paragraph.add_run(part)


def code_style(document):
    style = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def build(source: str, out: str) -> None:
    with open(source, encoding="utf-8") as f:
        lines = f.read().splitlines()
    document = docx.Document()
    code_style(document)
    para: list[str] = []
    style = [None]

    def flush():
        if para:
            text = clean(" ".join(para))
            if re.search(r"\w", text):
                add_runs(document.add_paragraph(style=style[0]), text)
        para.clear()
        style[0] = None

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                document.add_paragraph(lines[i].rstrip(), style="Code")
                i += 1
            i += 1
            continue
        if stripped.startswith("<h1"):
            flush()
            block = [line]
            while "</h1>" not in lines[i]:
                i += 1
                block.append(lines[i])
            alt = re.search(r'alt="([^"]*)"', " ".join(block))
            document.add_paragraph(alt.group(1) if alt else clean(" ".join(block)), style="Title")
            i += 1
            continue
        m = re.match(r"<h([1-6])[^>]*>(.*)</h\1>", stripped)
        if m:
            flush()
            document.add_heading(clean(m.group(2)), level=int(m.group(1)))
            i += 1
            continue
        if stripped.startswith("<p"):
            flush()
            block = [line]
            while "</p>" not in lines[i]:
                i += 1
                block.append(lines[i])
            text = clean(" ".join(block))
            if re.search(r"\w", text):
                document.add_paragraph(text)
            i += 1
            continue
        if stripped.startswith("<img"):
            flush()
            i += 1
            continue
        if re.fullmatch(r"-{3,}|\*{3,}", stripped):
            flush()
            i += 1
            continue
        m = re.match(r"(#{1,6})\s+(.*)", stripped)
        if m:
            flush()
            document.add_heading(clean(m.group(2)), level=len(m.group(1)))
            i += 1
            continue
        if stripped.startswith("|"):
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
                    p = table.cell(r, c).paragraphs[0]
                    add_runs(p, clean(cell))
                    if r == 0:
                        for run in p.runs:
                            run.bold = True
            continue
        m = re.match(r"[-*+]\s+(.*)", stripped)
        if m:
            flush()
            para.append(m.group(1))
            style[0] = "List Bullet"
            i += 1
            continue
        m = re.match(r"\d+[.)]\s+(.*)", stripped)
        if m:
            flush()
            para.append(m.group(1))
            style[0] = "List Number"
            i += 1
            continue
        if stripped.startswith(">"):
            if style[0] != "Quote":
                flush()
                style[0] = "Quote"
            body = stripped[1:].strip()
            if body:
                para.append(body)
            else:
                flush()
                style[0] = "Quote"
            i += 1
            continue
        if not stripped:
            flush()
            i += 1
            continue
        if style[0] == "Quote":
            flush()
        para.append(stripped)
        i += 1
    flush()
    document.save(out)


if __name__ == "__main__":
    build(sys.argv[2] if len(sys.argv) > 2 else DEFAULT_SOURCE, sys.argv[1])
