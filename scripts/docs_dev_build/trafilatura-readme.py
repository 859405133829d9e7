"""Build trafilatura-readme.docx from the Trafilatura README.

Source: the Markdown long description (README.md) of the Python package
trafilatura 2.3.1, as installed in /work/main/.venv (body of
site-packages/trafilatura-2.3.1.dist-info/METADATA after the header block;
a copy is at /tmp/s19/bD/fetch/trafilatura-README.md).  Licence: Apache-2.0.

Mapping (only markup is removed; the words are unchanged):
  # / ## / ### / ####  -> Heading 1 / 2 / 3 / 4
  "- item" lists       -> List Bullet (nested "  - item" -> List Bullet 2);
                          indented continuation lines are joined to the item
  ``` fenced code      -> one monospace (Courier New, 9 pt) paragraph per line
  other text           -> Normal paragraphs (lines of a paragraph joined by spaces)
  [text](url)          -> text;  **bold** -> bold run;  *italic* -> italic run
  badge/image lines (![...](...), <img>, <br/>) are dropped: they are pictures,
  not text.  The README has no table.

Usage: python scripts/docs_dev_build/trafilatura-readme.py OUTPUT.docx [SOURCE]
"""
import re
import sys

from docx import Document
from docx.shared import Pt

DEFAULT_SOURCE = "/tmp/s19/bD/fetch/trafilatura-README.md"


def strip_links(text):
    # images inside links first, then plain links
    text = re.sub(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)", "", text)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    return re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)


def add_runs(par, text):
    text = strip_links(text)
    for part in re.split(r"(\*\*[^*]+\*\*|\*[^*]+\*)", text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**"):
            par.add_run(part[2:-2]).bold = True
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            par.add_run(part[1:-1]).italic = True
        else:
            par.add_run(part)


def build(src, out):
    with open(src, encoding="utf-8") as f:
        lines = f.read().splitlines()
    doc = Document()
    buf, kind = [], None  # kind: ("para", None) or ("bullet", level)

    def flush():
        nonlocal buf, kind
        if buf:
            text = " ".join(s.strip() for s in buf)
            if kind == "para":
                p = doc.add_paragraph()
            else:
                p = doc.add_paragraph(style="List Bullet" if kind == 0 else "List Bullet 2")
            add_runs(p, text)
        buf, kind = [], None

    i = 0
    while i < len(lines):
        line = lines[i]
        s = line.strip()
        if s.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                p = doc.add_paragraph()
                r = p.add_run(lines[i])
                r.font.name = "Courier New"
                r.font.size = Pt(9)
                i += 1
            i += 1
            continue
        if not s or s.startswith("<img") or s.startswith("<br") or re.fullmatch(r"(\[?!\[[^\]]*\]\([^)]*\)\]?(\([^)]*\))?\s*)+", s):
            flush()
        elif m := re.match(r"^(#{1,4})\s+(.*)", line):
            flush()
            doc.add_heading(strip_links(m.group(2)), level=len(m.group(1)))
        elif m := re.match(r"^(\s*)[-*]\s+(.*)", line):
            flush()
            kind = 0 if len(m.group(1)) == 0 else 1
            buf = [m.group(2)]
        else:
            if kind is None:
                kind = "para"
            buf.append(s)
        i += 1
    flush()
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[2] if len(sys.argv) > 2 else DEFAULT_SOURCE, sys.argv[1])
