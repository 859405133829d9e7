"""Build pip_tools-readme.docx from the pip-tools README.

Usage: python build_pip_tools-readme.py OUT.docx SOURCE

Source: README.md of the pip-tools 7.7.0 source distribution from PyPI
(``pip download --no-deps --no-binary :all: pip-tools==7.7.0``, file
``pip_tools-7.7.0/README.md`` inside ``pip_tools-7.7.0.tar.gz``).
Licence: pip-tools is distributed under the BSD-3-Clause licence
(``License-Expression: BSD-3-Clause`` in PKG-INFO).

Mapping from Markdown to Word (the wording is not changed):
- ``#``, ``##``, ``###`` headings -> "Heading 1", "Heading 2",
  "Heading 3" styles;
- paragraphs -> "Normal" paragraphs, soft line breaks joined with a space;
- ``- item`` list items -> "List Bullet", nested items -> "List Bullet 2";
- fenced code blocks -> one "Code Block" paragraph per block (Courier New,
  9 pt), lines kept with line breaks;
- inline ``code`` -> Courier New runs, ``**bold**`` -> bold runs,
  ``_italic_`` -> italic runs;
- links ``[text](url)`` and reference links ``[text][ref]`` -> their text,
  autolinks ``<url>`` -> the URL;
- badge images, the overview image, HTML comments, MyST targets such as
  ``(updating-requirements)=`` and link reference definitions are left out.
Document properties carry fixed dates so that a rebuild gives the same text.
"""

import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

MONO = "Courier New"
FIXED_DATE = datetime.datetime(2025, 1, 1, 0, 0, 0)

INLINE = re.compile(
    r"(?P<code>`[^`]+`)"
    r"|(?P<bold>\*\*[^*]+\*\*)"
    r"|(?P<italic>(?<![\w])_[^_]+_(?![\w]))"
    r"|(?P<link>\[[^\]]+\]\([^)]+\))"
    r"|(?P<ref>\[[^\]]+\]\[[^\]]*\])"
    r"|(?P<auto><https?://[^>]+>)"
    r"|(?P<shortref>\[[^\]]+\](?![(\[]))"
)
REF_DEF = re.compile(r"^\[[^\]]+\]:")
IMAGE_LINE = re.compile(r"^\s*\[?!\[")
LIST_ITEM = re.compile(r"^(?P<indent> *)- (?P<text>.*)$")


def add_inline(paragraph, text, bold=False, italic=False):
    """Add runs for Markdown inline text to a paragraph."""
    pos = 0
    for match in INLINE.finditer(text):
        if match.start() > pos:
            run = paragraph.add_run(text[pos:match.start()])
            run.bold = bold or None
            run.italic = italic or None
        kind = match.lastgroup
        token = match.group(0)
        if kind == "code":
            run = paragraph.add_run(token[1:-1])
            run.font.name = MONO
            run.bold = bold or None
            run.italic = italic or None
        elif kind == "bold":
            add_inline(paragraph, token[2:-2], bold=True, italic=italic)
        elif kind == "italic":
            add_inline(paragraph, token[1:-1], bold=bold, italic=True)
        elif kind in ("link", "ref", "shortref"):
            label = token[1:token.index("]")]
            add_inline(paragraph, label, bold=bold, italic=italic)
        elif kind == "auto":
            run = paragraph.add_run(token[1:-1])
            run.bold = bold or None
            run.italic = italic or None
        pos = match.end()
    if pos < len(text):
        run = paragraph.add_run(text[pos:])
        run.bold = bold or None
        run.italic = italic or None


def code_style(document):
    """Create the monospaced paragraph style used for code blocks."""
    style = document.styles.add_style("Code Block", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = MONO
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(6)
    return style


def strip_comments(lines):
    """Drop HTML comment lines, link reference definitions and MyST targets."""
    out = []
    skip_next_url = False
    for line in lines:
        stripped = line.strip()
        if skip_next_url:
            skip_next_url = False
            if stripped.startswith("http"):
                continue
        if stripped.startswith("<!--") and stripped.endswith("-->"):
            continue
        if REF_DEF.match(stripped):
            if stripped.endswith(":"):
                skip_next_url = True
            continue
        if re.fullmatch(r"\([\w-]+\)=", stripped):
            continue
        out.append(line)
    return out


def build(source, out):
    with open(source, encoding="utf-8") as handle:
        lines = strip_comments(handle.read().splitlines())

    document = Document()
    style = code_style(document)
    props = document.core_properties
    props.title = "pip-tools = pip-compile + pip-sync"
    props.author = "pip-tools contributors"
    props.comments = "Built from the pip-tools 7.7.0 README.md"
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE
    props.revision = 1

    i = 0
    para = []
    item = None  # (level, [text lines])

    def flush_para():
        if para:
            add_inline(document.add_paragraph(), " ".join(para))
            para.clear()

    def flush_item():
        nonlocal item
        if item is not None:
            level, texts = item
            name = "List Bullet" if level == 0 else "List Bullet 2"
            add_inline(document.add_paragraph(style=name), " ".join(texts))
            item = None

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush_para()
            flush_item()
            block = []
            i += 1
            while not lines[i].strip().startswith("```"):
                block.append(lines[i])
                i += 1
            while block and not block[-1].strip():
                block.pop()
            paragraph = document.add_paragraph(style=style)
            for n, code_line in enumerate(block):
                run = paragraph.add_run(code_line)
                if n < len(block) - 1:
                    run.add_break()
            i += 1
            continue
        if not stripped:
            flush_para()
            flush_item()
            i += 1
            continue
        if IMAGE_LINE.match(line):
            i += 1
            continue
        heading = re.match(r"^(#{1,6}) (.*)$", line)
        if heading:
            flush_para()
            flush_item()
            level = len(heading.group(1))
            add_inline(document.add_heading(level=level), heading.group(2))
            i += 1
            continue
        bullet = LIST_ITEM.match(line)
        if bullet:
            flush_para()
            flush_item()
            item = (1 if len(bullet.group("indent")) >= 2 else 0, [bullet.group("text")])
            i += 1
            continue
        if item is not None and line.startswith(" "):
            item[1].append(stripped)
            i += 1
            continue
        flush_item()
        para.append(stripped)
        i += 1
    flush_para()
    flush_item()
    document.save(out)


if __name__ == "__main__":
    build(sys.argv[2], sys.argv[1])
