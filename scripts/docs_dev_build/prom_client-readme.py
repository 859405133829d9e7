"""Build prom_client-readme.docx from the README.md of prom-client.

Usage: python build_prom_client-readme.py OUT.docx SOURCE

SOURCE is README.md from the npm package prom-client 15.1.3
(``npm pack prom-client@15.1.3``, path ``package/README.md`` inside the
tarball). prom-client is licensed under the Apache License 2.0 (see the
``license`` field of its package.json and the LICENSE file in the tarball).

The text is copied without rewording; only the layout is translated from
Markdown to Word:

* ``#`` .. ``#####`` headings become the styles Heading 1 .. Heading 5; the
  build-status badge image link in the first heading is dropped (it is an
  image, not text).
* Consecutive text lines form one paragraph (style Normal); the hard line
  breaks of the Markdown source are joined with a single space.
* ``- `` items become List Bullet paragraphs.
* Fenced code blocks become one paragraph per source line in a "Code"
  paragraph style (Courier New, 9 pt); blank lines inside a block are kept.
* Inline ``code`` spans become Courier New runs, ``**text**`` becomes bold,
  ``[text](url)`` keeps its text and ``<url>`` keeps the address.
* The document's core properties get fixed values, so that building again
  gives the same document.
"""

import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

MONO = "Courier New"
INLINE = re.compile(
    r"(`[^`]+`)"  # code span
    r"|(\*\*[^*]+\*\*)"  # bold
    r"|(\[(?:\*\*)?[^\]]+?(?:\*\*)?\]\([^)]+\))"  # link
    r"|(<https?://[^>]+>)"  # autolink
)
BADGE = re.compile(r"\s*\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)")


def add_inline(paragraph, text, bold=False):
    """Add text with Markdown inline markup as runs of paragraph."""
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            paragraph.add_run(text[pos : m.start()]).bold = bold or None
        code, strong, link, auto = m.groups()
        if code:
            run = paragraph.add_run(code[1:-1])
            run.font.name = MONO
            run.bold = bold or None
        elif strong:
            add_inline(paragraph, strong[2:-2], bold=True)
        elif link:
            label = link[1 : link.index("](")]
            add_inline(paragraph, label, bold=bold)
        else:
            paragraph.add_run(auto[1:-1]).bold = bold or None
        pos = m.end()
    if pos < len(text):
        paragraph.add_run(text[pos:]).bold = bold or None


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = MONO
    style.font.size = Pt(9)
    style.paragraph_format.space_before = Pt(0)
    style.paragraph_format.space_after = Pt(0)
    return style


def build(source, out):
    with open(source, encoding="utf-8") as f:
        lines = f.read().splitlines()
    doc = Document()
    code_style(doc)
    para = []  # pending paragraph lines
    bullet = None  # pending list item lines

    def flush():
        nonlocal para, bullet
        if para:
            add_inline(doc.add_paragraph(), " ".join(para))
        if bullet:
            add_inline(doc.add_paragraph(style="List Bullet"), " ".join(bullet))
        para, bullet = [], None

    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            flush()
            i += 1
            while not lines[i].startswith("```"):
                doc.add_paragraph(lines[i], style="Code")
                i += 1
        elif m := re.match(r"(#{1,5}) (.*)", line):
            flush()
            heading = doc.add_heading(level=len(m.group(1)))
            add_inline(heading, BADGE.sub("", m.group(2)))
        elif line.startswith("- "):
            flush()
            bullet = [line[2:].strip()]
        elif not line.strip():
            flush()
        elif bullet is not None:
            bullet.append(line.strip())
        else:
            para.append(line.strip())
        i += 1
    flush()

    props = doc.core_properties
    fixed = datetime.datetime(2024, 1, 1, 0, 0, 0)
    props.created = props.modified = props.last_printed = fixed
    props.author = props.last_modified_by = "prom-client contributors"
    props.title = "Prometheus client for node.js"
    props.revision = 1
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[2], sys.argv[1])
