"""Build connect_history_api_fallback-readme.docx from the project's README.md.

Usage: python build_connect_history_api_fallback-readme.py OUT.docx SOURCE

Source: README.md of connect-history-api-fallback 2.0.0 from the npm registry
(`npm pack connect-history-api-fallback@2.0.0`, file `package/README.md`).
Licence: MIT (package.json "license": "MIT", LICENSE file in the package).

Mapping from the Markdown (and the few HTML tags it uses) to Word, without
rewording any text:
- `<h1>` -> Title; `<h2>` and `##` -> Heading 1; `###` -> Heading 2.
- `<p>` and plain paragraphs -> Normal (wrapped source lines joined by a space).
- `- item` -> List Bullet (a tab-indented item -> List Bullet 2);
  `1. item` -> List Number; continuation lines are joined to their item.
- `> quote` -> Quote.
- fenced code blocks -> one "Code Block" paragraph per block (Courier New,
  source lines kept as line breaks).
- inline `code` -> Courier New run; **bold** -> bold run; *italic* -> italic run;
  [text](url) -> its text only; HTML comments are dropped.
Document dates are fixed so that a rebuild gives the same document.
"""
import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

MONO = "Courier New"
FIXED_DATE = datetime.datetime(2024, 1, 1, 0, 0, 0)
INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|\*[^*\s][^*]*\*)")
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def add_inline(par, text):
    """Add text to a paragraph, turning inline Markdown into run formatting."""
    text = LINK.sub(r"\1", text)
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`"):
            run = par.add_run(part[1:-1])
            run.font.name = MONO
        elif part.startswith("**") and part.endswith("**"):
            par.add_run(part[2:-2]).bold = True
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            par.add_run(part[1:-1]).italic = True
        else:
            par.add_run(part)


def code_style(doc):
    style = doc.styles.add_style("Code Block", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = MONO
    style.font.size = Pt(9)
    return style


def build(out, source):
    with open(source, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    doc = Document()
    code_style(doc)
    props = doc.core_properties
    props.title = "connect-history-api-fallback"
    props.author = "connect-history-api-fallback authors"
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE
    props.revision = 1

    para = []  # pending plain paragraph lines
    item = None  # pending list item: [style, lines]

    def flush():
        nonlocal para, item
        if para:
            add_inline(doc.add_paragraph(), " ".join(s.strip() for s in para))
            para = []
        if item:
            add_inline(doc.add_paragraph(style=item[0]), " ".join(s.strip() for s in item[1]))
            item = None

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            block = []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                block.append(lines[i])
                i += 1
            par = doc.add_paragraph(style="Code Block")
            for n, code in enumerate(block):
                run = par.add_run(code)
                if n < len(block) - 1:
                    run.add_break()
            i += 1
            continue
        if not stripped or stripped.startswith("<!--"):
            flush()
        elif m := re.match(r"<h(\d)[^>]*>(.*)</h\d>$", stripped):
            flush()
            if m.group(1) == "1":
                doc.add_heading(m.group(2), level=0)
            else:
                doc.add_heading(m.group(2), level=int(m.group(1)) - 1)
        elif m := re.match(r"<p[^>]*>(.*)</p>$", stripped):
            flush()
            add_inline(doc.add_paragraph(), m.group(1))
        elif m := re.match(r"(#{2,6})\s+(.*)$", line):
            flush()
            doc.add_heading(m.group(2), level=len(m.group(1)) - 1)
        elif m := re.match(r"(\s*)[-*]\s+(.*)$", line):
            flush()
            style = "List Bullet 2" if m.group(1).startswith("\t") else "List Bullet"
            item = [style, [m.group(2)]]
        elif m := re.match(r"\s*\d+\.\s+(.*)$", line):
            flush()
            item = ["List Number", [m.group(1)]]
        elif stripped.startswith(">"):
            flush()
            add_inline(doc.add_paragraph(style="Quote"), stripped.lstrip("> ").strip())
        elif item and line.startswith(" "):
            item[1].append(line)
        else:
            if item:
                flush()
            para.append(line)
        i += 1
    flush()
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    build(sys.argv[1], sys.argv[2])
