"""Build chromadb-readme.docx from the Chroma README.

Source: the Markdown long description (README.md) of the Python package
chromadb 1.5.9, read from
/work/main/.venv/lib/python3*/site-packages/chromadb-1.5.9.dist-info/METADATA
(the part after the first blank line). Licence: Apache-2.0.

Mapping (only markup is removed, words are unchanged):
  - "#", "##" headings          -> Word "Heading 1" / "Heading 2"
  - "- item" list items         -> "List Bullet" paragraphs
  - "1. item" list items        -> "List Number" paragraphs
  - ``` fenced code blocks      -> one paragraph per line in Courier New 9 pt
  - HTML blocks (<p>...</p>)    -> tags removed; the remaining text as Normal
                                   paragraphs ("|" separators dropped)
  - images ![alt](url)          -> dropped (pure markup)
  - [text](url) links           -> text; **bold** -> bold run; `code` -> text
  - other lines                 -> Normal paragraphs (soft-wrapped lines joined)
The source has no tables.

Usage: python scripts/docs_dev_build/chromadb-readme.py OUTPUT.docx [SOURCE]
SOURCE defaults to the installed METADATA file; a plain README.md also works.
"""
import glob
import re
import sys

from docx import Document
from docx.shared import Pt

LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")


def load(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if path.endswith("METADATA"):
        text = text.split("\n\n", 1)[1]
    return text.splitlines()


def inline(par, text):
    text = IMAGE.sub("", text)
    text = LINK.sub(r"\1", text)
    text = text.replace("`", "")
    for i, part in enumerate(re.split(r"\*\*", text)):
        if part:
            run = par.add_run(part)
            run.bold = i % 2 == 1


def main():
    out = sys.argv[1]
    src = sys.argv[2] if len(sys.argv) > 2 else glob.glob(
        "/work/main/.venv/lib/python3*/site-packages/chromadb-*.dist-info/METADATA")[0]
    lines = load(src)
    doc = Document()
    para = []  # pending Normal paragraph lines

    def flush():
        if para:
            inline(doc.add_paragraph(), " ".join(s.strip() for s in para))
            para.clear()

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
        elif s.startswith("<"):
            flush()
            text = re.sub(r"<[^>]*>", "", s).strip()
            text = text.strip("|").strip()
            if text:
                doc.add_paragraph(text)
        elif not s or IMAGE.fullmatch(s):
            flush()
        elif m := re.match(r"(#+)\s+(.*)", s):
            flush()
            doc.add_heading(m.group(2), level=min(len(m.group(1)), 3))
        elif m := re.match(r"[-*]\s+(.*)", s):
            flush()
            inline(doc.add_paragraph(style="List Bullet"), m.group(1))
        elif m := re.match(r"\d+\.\s+(.*)", s):
            flush()
            inline(doc.add_paragraph(style="List Number"), m.group(1))
        elif s.startswith("**") and s.endswith("**"):
            flush()
            inline(doc.add_paragraph(), s)
        else:
            para.append(s)
        i += 1
    flush()
    doc.save(out)


if __name__ == "__main__":
    main()
