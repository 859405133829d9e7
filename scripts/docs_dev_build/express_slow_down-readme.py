"""Build express_slow_down-readme.docx from the express-slow-down README.

Usage: python build_express_slow_down-readme.py OUT.docx SOURCE

SOURCE is ``package/readme.md`` from the npm package express-slow-down 3.1.1
(``npm pack express-slow-down@3.1.1``). Licence: MIT (package.json "license":
"MIT"; README: "MIT (c) Nathan Friedly, Vedant K").

The text is taken over unchanged; only Markdown markup is turned into Word
layout, the way a person would lay the README out in Word:

* ``#`` .. ``####`` headings -> Word styles "Heading 1" .. "Heading 4"
  (HTML tags such as ``<div align="center">`` and link targets are dropped,
  the heading text is kept).
* plain paragraphs (wrapped source lines joined with a space) -> "Normal".
* ``> `` block quotes -> "Quote" style, one paragraph per quoted paragraph.
* ``- `` list items -> "List Bullet" style.
* fenced code blocks -> one paragraph in a monospaced "Code" style
  (Courier New 9 pt) with the lines kept as line breaks; the fence language
  is dropped.
* inline ``code`` -> Courier New run; ``**bold**`` -> bold run;
  ``[text](url)`` -> the text, as a hyperlink-coloured underlined run.
* lines made only of HTML tags (``<div>``, ``</div>``) and badge image links
  (``[![...](...)](...)``) are left out, as they carry no text.

Tables: the source has none. Core properties carry fixed dates so that a
rebuild gives the same document.
"""

import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt, RGBColor

FIXED_DATE = datetime.datetime(2024, 1, 1, 0, 0, 0)
INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|\[[^\]]+\]\([^)]*\))")
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
TAG = re.compile(r"<[^>]+>")
BADGE = re.compile(r"^\[!\[")


def add_inline(par, text):
    """Add text to par, turning `code`, **bold** and [links](url) into runs."""
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = par.add_run(part[1:-1])
            run.font.name = "Courier New"
        elif part.startswith("**") and part.endswith("**") and len(part) > 4:
            add_bold(par, part[2:-2])
        elif LINK.fullmatch(part):
            inner = LINK.fullmatch(part).group(1)
            for piece in re.split(r"(`[^`]+`)", inner):
                if not piece:
                    continue
                if piece.startswith("`") and piece.endswith("`"):
                    run = par.add_run(piece[1:-1])
                    run.font.name = "Courier New"
                else:
                    run = par.add_run(piece)
                run.font.underline = True
                run.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
        else:
            par.add_run(part)


def add_bold(par, text):
    for part in INLINE.split(text):
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = par.add_run(part[1:-1])
            run.font.name = "Courier New"
        else:
            run = par.add_run(LINK.sub(r"\1", part))
        run.bold = True


def heading_text(text):
    text = TAG.sub("", text)
    text = LINK.sub(r"\1", text)
    return text.replace("`", "").strip()


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(6)
    return style


def build(out, source):
    with open(source, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    doc = Document()
    code_style(doc)
    props = doc.core_properties
    props.title = "Express Slow Down"
    props.author = "Nathan Friedly, Vedant K"
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE
    props.revision = 1

    para = []  # pending paragraph lines
    quote = []  # pending block-quote lines

    def flush_para():
        if para:
            add_inline(doc.add_paragraph(), " ".join(s.strip() for s in para))
            para.clear()

    def flush_quote():
        if quote:
            chunks, cur = [], []
            for q in quote:
                if q.strip():
                    cur.append(q.strip())
                elif cur:
                    chunks.append(cur)
                    cur = []
            if cur:
                chunks.append(cur)
            for chunk in chunks:
                add_inline(doc.add_paragraph(style="Quote"), " ".join(chunk))
            quote.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush_para()
            flush_quote()
            block = []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                block.append(lines[i].replace("\t", "    "))
                i += 1
            p = doc.add_paragraph(style="Code")
            for n, code_line in enumerate(block):
                run = p.add_run(code_line)
                if n < len(block) - 1:
                    run.add_break()
            i += 1
            continue
        m = re.match(r"^(#{1,4})\s+(.*)$", line)
        if m:
            flush_para()
            flush_quote()
            doc.add_heading(heading_text(m.group(2)), level=len(m.group(1)))
        elif stripped.startswith(">"):
            flush_para()
            quote.append(stripped[1:])
        elif stripped.startswith("- "):
            flush_para()
            flush_quote()
            add_inline(doc.add_paragraph(style="List Bullet"), stripped[2:])
        elif not stripped:
            flush_para()
            flush_quote()
        elif BADGE.match(stripped) or not TAG.sub("", stripped).strip():
            flush_para()
        else:
            flush_quote()
            para.append(line)
        i += 1
    flush_para()
    flush_quote()
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
