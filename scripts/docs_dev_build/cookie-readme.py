"""Lay out the README of the npm package "cookie" as a Word document, without rewording it.

Source: README.md of cookie 1.1.1 ("Basic HTTP cookie parser and serializer for
HTTP servers", jshttp/cookie), as shipped in the npm tarball
cookie-1.1.1.tgz (``npm pack cookie``, then ``tar xzf``), at package/README.md.

Usage:
    python build_cookie-readme.py OUT.docx [SOURCE]

SOURCE is the Markdown file; it defaults to fetch/cookie/package/README.md.

Licence: cookie is Copyright (c) 2012-2014 Roman Shtylman and
Copyright (c) 2015 Douglas Christopher Wilson, released under the MIT License
(package/LICENSE, "license": "MIT" in package.json). The resulting document is
distributed under the same terms.

Mapping from Markdown to Word:
    # heading (first one)       -> 'Title'
    ## / ### / #### heading     -> 'Heading 1' / 'Heading 2' / 'Heading 3'
    paragraph lines             -> one 'Normal' paragraph, lines joined with a space
    - item                      -> 'List Bullet'
    1. item                     -> 'List Number'
    ``` fenced block ```        -> one 'Code' paragraph per line (a monospace
                                   paragraph style made here); the fence's
                                   language tag is dropped
    | table |                   -> a Word table ('Table Grid'), header row bold
    `code` span                 -> run in Courier New
    **bold** / _italic_ / *italic*
                                -> bold / italic runs
    [text](url), [text][ref]    -> the link text only
    badge lines (images) and reference link definitions ([ref]: url)
                                -> left out: they are pictures and addresses,
                                   not text a reader reads
No sentence is changed: only Markdown markup is turned into Word formatting.
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "fetch/cookie/package/README.md"

LINK_RE = re.compile(r"!?\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
REFDEF_RE = re.compile(r"^\[[^\]]+\]:\s+\S+")
BADGE_RE = re.compile(r"^\[!\[")
HEADING_RE = re.compile(r"^(#{1,6})\s+(.*)$")
BULLET_RE = re.compile(r"^\s*[-*]\s+(.*)$")
NUMBER_RE = re.compile(r"^\s*\d+\.\s+(.*)$")
INLINE_RE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|(?<![\w])_[^_]+_(?![\w])|(?<![\w*])\*[^*]+\*(?![\w*]))")


def make_code_style(doc):
    """Add a monospace paragraph style called 'Code'."""
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(8.5)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.space_before = Pt(0)
    return style


def add_inline(paragraph, text):
    """Add text to a paragraph, turning inline Markdown into runs."""
    text = LINK_RE.sub(r"\1", text)
    for part in INLINE_RE.split(text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = paragraph.add_run(part[1:-1])
            run.font.name = "Courier New"
        elif part.startswith("**") and part.endswith("**") and len(part) > 4:
            paragraph.add_run(part[2:-2]).bold = True
        elif len(part) > 2 and part[0] == part[-1] and part[0] in "_*":
            paragraph.add_run(part[1:-1]).italic = True
        else:
            paragraph.add_run(part)


def split_row(line):
    """Split a Markdown table row into its cells."""
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def add_table(doc, rows):
    """Add a Markdown table (header, rule, body rows) as a Word table."""
    header = split_row(rows[0])
    body = [split_row(r) for r in rows[2:]]
    table = doc.add_table(rows=1 + len(body), cols=len(header))
    table.style = "Table Grid"
    for r, cells in enumerate([header] + body):
        for c, text in enumerate(cells[: len(header)]):
            paragraph = table.cell(r, c).paragraphs[0]
            add_inline(paragraph, text)
            if r == 0:
                for run in paragraph.runs:
                    run.bold = True


def build(source, out):
    """Read the Markdown README and write the Word document."""
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    make_code_style(doc)
    seen_title = False
    para = []

    def flush():
        if para:
            add_inline(doc.add_paragraph(), " ".join(s.strip() for s in para))
            para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].startswith("```"):
                doc.add_paragraph(lines[i], style="Code")
                i += 1
            i += 1
            continue
        if BADGE_RE.match(line) or REFDEF_RE.match(line):
            flush()
            i += 1
            continue
        heading = HEADING_RE.match(line)
        if heading:
            flush()
            level = len(heading.group(1))
            text = heading.group(2).strip()
            if not seen_title and level == 1:
                add_inline(doc.add_paragraph(style="Title"), text)
                seen_title = True
            else:
                add_inline(doc.add_heading(level=min(level - 1, 9) or 1), text)
            i += 1
            continue
        if line.lstrip().startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(doc, rows)
            continue
        bullet = BULLET_RE.match(line)
        number = NUMBER_RE.match(line)
        if bullet or number:
            flush()
            style = "List Bullet" if bullet else "List Number"
            item = [(bullet or number).group(1)]
            i += 1
            while (i < len(lines) and lines[i].strip()
                   and not BULLET_RE.match(lines[i]) and not NUMBER_RE.match(lines[i])
                   and not lines[i].startswith(("#", "```", "|"))):
                item.append(lines[i].strip())
                i += 1
            add_inline(doc.add_paragraph(style=style), " ".join(item))
            continue
        if not line.strip():
            flush()
        else:
            para.append(line)
        i += 1
    flush()
    doc.core_properties.title = "cookie README"
    doc.save(out)


def main(argv):
    """Command-line entry point."""
    if len(argv) < 2:
        sys.exit(__doc__)
    source = argv[2] if len(argv) > 2 else DEFAULT_SOURCE
    build(source, argv[1])


if __name__ == "__main__":
    main(sys.argv)
