"""Build raw_body-readme.docx: the README of the npm package raw-body laid out as Word.

Source: README.md of raw-body 3.0.2 from the npm registry
(``npm pack raw-body@3.0.2 && tar xzf raw-body-3.0.2.tgz``, file ``package/README.md``).

Usage:
    python build_raw_body-readme.py OUT.docx [SOURCE]

SOURCE defaults to ``../fetch/rb/package/README.md`` next to this script.

Licence: raw-body is MIT licensed (Copyright (c) 2013-2014 Jonathan Ong,
Copyright (c) 2014-2022 Douglas Christopher Wilson); the text is reproduced
unchanged, as the MIT licence permits.

Mapping (no sentence is reworded):
    ``#`` .. ``####`` headings      -> Heading 1 .. Heading 4
    ``- `` / ``* `` list items      -> List Bullet (continuation lines joined with a space)
    ``1. `` list items              -> List Number
    fenced code blocks               -> one 'Code' paragraph per line (monospace style)
    other text                       -> Normal paragraphs, wrapped lines joined with a space
    inline markup                    -> ``**bold**`` as bold runs, `code` as monospace runs,
                                        ``[text](url)`` keeps the text only
    badge images and link reference definitions are dropped (they carry no sentence).
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE.parent / "fetch" / "rb" / "package" / "README.md"

LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
TOKENS = re.compile(r"(\*\*[^*]+\*\*|`[^`]+`)")
CODE = re.compile(r"(`[^`]+`)")
BADGE = re.compile(r"^\[!\[.*\]\[.*\]\]\[.*\]$")
LINKREF = re.compile(r"^\[[^\]]+\]:\s+\S+")
BULLET = re.compile(r"^\s*[-*]\s+(.*)$")
NUMBER = re.compile(r"^\s*\d+\.\s+(.*)$")
HEADING = re.compile(r"^(#{1,6})\s+(.*)$")


def code_style(doc):
    """Return the 'Code' paragraph style, creating it once."""
    styles = doc.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def add_inline(par, text):
    """Add text to a paragraph, turning Markdown inline markup into runs."""
    text = LINK.sub(r"\1", text)
    for part in TOKENS.split(text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**"):
            for inner in CODE.split(part[2:-2]):
                if not inner:
                    continue
                is_code = inner.startswith("`") and inner.endswith("`")
                run = par.add_run(inner[1:-1] if is_code else inner)
                run.bold = True
                if is_code:
                    run.font.name = "Courier New"
        elif part.startswith("`") and part.endswith("`"):
            run = par.add_run(part[1:-1])
            run.font.name = "Courier New"
        else:
            par.add_run(part)


def build(source, out):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    code = code_style(doc)
    buf = []  # pending paragraph lines
    item = None  # (style, [lines]) of the current list item

    def flush():
        nonlocal buf, item
        if buf:
            add_inline(doc.add_paragraph(), " ".join(s.strip() for s in buf))
            buf = []
        if item:
            style, parts = item
            add_inline(doc.add_paragraph(style=style), " ".join(s.strip() for s in parts))
            item = None

    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].startswith("```"):
                doc.add_paragraph(lines[i], style=code)
                i += 1
            i += 1
            continue
        if BADGE.match(line.strip()) or LINKREF.match(line.strip()):
            i += 1
            continue
        m = HEADING.match(line)
        if m:
            flush()
            level = min(len(m.group(1)), 4)
            add_inline(doc.add_heading("", level=level), m.group(2))
            i += 1
            continue
        if not line.strip():
            flush()
            i += 1
            continue
        b = BULLET.match(line)
        n = NUMBER.match(line)
        if b or n:
            flush()
            item = ("List Bullet" if b else "List Number", [(b or n).group(1)])
            i += 1
            continue
        if item:
            item[1].append(line)
        else:
            buf.append(line)
        i += 1
    flush()
    doc.save(out)


def main(argv):
    if len(argv) < 2:
        sys.exit("usage: python build_raw_body-readme.py OUT.docx [SOURCE]")
    source = argv[2] if len(argv) > 2 else DEFAULT_SOURCE
    build(source, argv[1])


if __name__ == "__main__":
    main(sys.argv)
