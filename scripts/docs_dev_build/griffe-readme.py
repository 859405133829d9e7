"""Build griffe-readme.docx from the Griffe project README.

Source: the README of Griffe ("Signatures for entire Python programs"), as
shipped in the long description of the installed Python wheel
griffe 2.4.1 (PyPI package ``griffe``, licence ISC), file
/work/main/.venv/lib/python3.*/site-packages/griffe-2.4.1.dist-info/METADATA
(the Markdown body after the metadata header block).

Mapping (only markup is removed, words are unchanged):
  - ``#``/``##``/``###`` headings      -> Heading 1 / Heading 2 / Heading 3
  - ``- item`` list items               -> "List Bullet" paragraphs
  - fenced code blocks (```)            -> one paragraph per line in Courier New
  - ordinary paragraphs                 -> "Normal" paragraphs (lines joined)
  - inline ``**bold**``                  -> bold run; ```code``` -> Courier New run;
    ``[text](url)`` -> text; ``*italic*`` -> italic run
  - badge images, the logo <img>, HTML comments and ``---`` rules are dropped
  - the HTML sponsors block: the ``<b>`` labels ("Silver sponsors", "Bronze
    sponsors") become bold paragraphs and each sponsor link becomes a
    "List Bullet" paragraph holding the image's alt text (the sponsor name)
The source has no tables, so the document has none.

Usage: python scripts/docs_dev_build/griffe-readme.py OUTPUT.docx [SOURCE]
"""
import glob
import re
import sys

from docx import Document
from docx.shared import Pt

MONO = "Courier New"


def default_source():
    hits = glob.glob("/work/main/.venv/lib/python3*/site-packages/griffe-2.4.1.dist-info/METADATA")
    return hits[0]


def read_markdown(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if path.endswith("METADATA"):
        # metadata header ends at the first blank line
        text = text.split("\n\n", 1)[1]
    return text.splitlines()


INLINE = re.compile(r"(\*\*[^*]+\*\*|`[^`]+`|\[[^\]]+\]\([^)]+\)|\*[^*\s][^*]*\*)")


def add_inline(par, text):
    for piece in INLINE.split(text):
        if not piece:
            continue
        if piece.startswith("**"):
            add_inline_run(par, piece[2:-2], bold=True)
        elif piece.startswith("`"):
            r = par.add_run(piece[1:-1])
            r.font.name = MONO
        elif piece.startswith("["):
            m = re.match(r"\[([^\]]+)\]\(([^)]+)\)", piece)
            add_inline(par, m.group(1))
        elif piece.startswith("*"):
            r = par.add_run(piece[1:-1])
            r.italic = True
        else:
            par.add_run(piece)


def add_inline_run(par, text, bold=False):
    # bold text may itself contain links/code
    start = len(par.runs)
    add_inline(par, text)
    for r in par.runs[start:]:
        r.bold = bold


def code_par(doc, line):
    p = doc.add_paragraph()
    r = p.add_run(line)
    r.font.name = MONO
    r.font.size = Pt(9)


def build(lines, out):
    doc = Document()
    i = 0
    para = []
    in_comment = False

    def flush():
        if para:
            p = doc.add_paragraph()
            add_inline(p, " ".join(s.strip() for s in para))
            para.clear()

    while i < len(lines):
        line = lines[i]
        s = line.strip()
        if in_comment:
            if "-->" in s:
                in_comment = False
            i += 1
            continue
        if s.startswith("<!--"):
            flush()
            if "-->" not in s:
                in_comment = True
            i += 1
            continue
        if s.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                code_par(doc, lines[i])
                i += 1
            i += 1
            continue
        if not s:
            flush()
            i += 1
            continue
        if s.startswith("[![") or s == "---" or s.startswith("<img"):
            flush()
            i += 1
            continue
        if s.startswith("<"):
            # HTML sponsors block
            flush()
            for label in re.findall(r"<b>([^<]+)</b>", s):
                p = doc.add_paragraph()
                p.add_run(label).bold = True
            for alt in re.findall(r'<img alt="([^"]+)"', s):
                doc.add_paragraph(alt, style="List Bullet")
            i += 1
            continue
        m = re.match(r"(#{1,3})\s+(.*)", s)
        if m:
            flush()
            h = doc.add_heading(level=len(m.group(1)))
            add_inline(h, m.group(2))
            i += 1
            continue
        if re.match(r"[-*]\s+", s) and not s.startswith("*And"):
            flush()
            p = doc.add_paragraph(style="List Bullet")
            add_inline(p, re.sub(r"^[-*]\s+", "", s))
            i += 1
            continue
        para.append(s)
        i += 1
    flush()
    doc.save(out)


if __name__ == "__main__":
    out = sys.argv[1]
    src = sys.argv[2] if len(sys.argv) > 2 else default_source()
    build(read_markdown(src), out)
