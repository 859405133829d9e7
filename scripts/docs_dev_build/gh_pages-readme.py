"""Build gh_pages-readme.docx from the gh-pages README (Markdown).

Usage: python build_gh_pages-readme.py OUT.docx SOURCE

Source: readme.md from the npm package gh-pages 6.3.0
(``npm pack gh-pages@6.3.0``, file ``package/readme.md``), by Tim Schaub.
Licence: MIT (package.json "license": "MIT", LICENSE file in the package).

The text is not reworded; only the Markdown layout is mapped to Word:
  * ``#``..``####`` headings -> "Heading 1".."Heading 4" (an HTML anchor such
    as ``<a id="dir">`dir`</a>`` keeps only its text);
  * ``*``/``-`` list items -> "List Bullet" ("List Bullet 2" when indented
    two or more spaces), continuation lines joined with a space;
  * fenced code blocks -> one paragraph per line in a "Code" paragraph style
    (Courier New 9 pt), the fence language dropped;
  * other lines -> "Normal" paragraphs, consecutive lines joined by a space;
  * inline ``code`` -> Courier New runs, ``**bold**`` -> bold runs,
    ``*em*``/``_em_`` -> italic runs, ``[text](url)`` -> the link text;
  * images (``![alt](url)``) are left out (a build-status badge).
Core properties carry fixed dates so that a rebuild gives the same document.
"""

import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

MONO = "Courier New"
FIXED = datetime.datetime(2024, 1, 1, 0, 0, 0)
INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|(?<![\w*])\*[^*\s][^*]*\*|(?<!\w)_[^_\s][^_]*_(?!\w))")


def strip_links(text):
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<a [^>]*>(.*?)</a>", r"\1", text)
    return text


def add_runs(par, text):
    for part in INLINE.split(strip_links(text)):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = par.add_run(part[1:-1])
            run.font.name = MONO
        elif part.startswith("**") and part.endswith("**") and len(part) > 4:
            add_bold(par, part[2:-2])
        elif len(part) > 2 and part[0] == part[-1] and part[0] in "*_":
            par.add_run(part[1:-1]).italic = True
        else:
            par.add_run(part)


def add_bold(par, text):
    for part in re.split(r"(`[^`]+`)", text):
        if not part:
            continue
        if part.startswith("`"):
            run = par.add_run(part[1:-1])
            run.font.name = MONO
        else:
            run = par.add_run(part)
        run.bold = True


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = MONO
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def build(out, source):
    with open(source, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    doc = Document()
    code = code_style(doc)
    para = []  # pending normal-paragraph lines
    item = None  # pending list item: [style, text]

    def flush():
        nonlocal para, item
        if para:
            text = " ".join(s.strip() for s in para).strip()
            if strip_links(text).strip():
                add_runs(doc.add_paragraph(), text)
            para = []
        if item:
            add_runs(doc.add_paragraph(style=item[0]), item[1])
            item = None

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i], style=code)
                i += 1
            i += 1
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        bullet = re.match(r"^(\s*)[*-]\s+(.*)$", line)
        if heading:
            flush()
            level = min(len(heading.group(1)), 4)
            add_runs(doc.add_heading(level=level), heading.group(2).strip())
        elif bullet:
            flush()
            style = "List Bullet 2" if len(bullet.group(1)) >= 2 else "List Bullet"
            item = [style, bullet.group(2).strip()]
        elif not stripped:
            flush()
        elif item:
            item[1] += " " + stripped
        else:
            para.append(line)
        i += 1
    flush()

    props = doc.core_properties
    props.title = "gh-pages"
    props.author = "Tim Schaub"
    props.created = FIXED
    props.modified = FIXED
    props.last_printed = FIXED
    props.revision = 1
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
