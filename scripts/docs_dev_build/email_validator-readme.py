"""Build email_validator-readme.docx: the email-validator README laid out in Word, words unchanged.

Usage: python build_email_validator-readme.py OUT.docx [SOURCE]

Source: the README of email-validator 2.4.0 (https://github.com/JoshData/python-email-validator),
as shipped in the long description of its wheel's metadata: fetched with
`pip download --no-deps --only-binary=:all: email-validator==2.4.0` into /tmp/s24/bE/fetch/pypi and
taken from email_validator-2.4.0.dist-info/METADATA inside email_validator-2.4.0-py3-none-any.whl
(the body after the header block, i.e. after the first empty line), saved as
/tmp/s24/bE/fetch/pypi/email_validator.METADATA. SOURCE may name such a METADATA file or a plain
README.md; the default is the file above.

Licence: The Unlicense (public domain dedication): "License: Unlicense" in the METADATA, and the
README's own License section: "This project is free of any copyright restrictions per the
Unlicense."

Mapping from Markdown to Word (the text itself is never reworded):
  - "# ..." to "###### ..." headings, and setext headings (a line underlined with === or ---)
                                            -> Word styles "Heading 1" .. "Heading 6"
  - "- " / "* " / "+ " list items           -> "List Bullet" (indented two spaces or more: "List Bullet 2")
  - "1. " numbered items                    -> "List Number" (indented: "List Number 2")
  - indented continuation lines of an item  -> joined to that item with one space
  - ordinary lines up to a blank line       -> one "Normal" paragraph, lines joined with one space
  - fenced code blocks (```)                -> one paragraph per line in the monospace style "Code"
                                               (Courier New 9 pt, based on "No Spacing")
  - pipe tables                             -> Word tables (style "Table Grid"), the header row bold,
                                               the |---| separator row dropped
  - inline `code` (any number of backticks) -> a Courier New run, backticks removed
  - **bold**, *italic*, _italic_            -> bold / italic runs, markers removed
  - [text](url), <url>                      -> text / url (link markup removed)
  - images and badge lines ([![alt](img)](url)), horizontal rules (---), HTML comments,
    reference-link definitions              -> dropped (they carry no text)
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "/tmp/s24/bE/fetch/pypi/email_validator.METADATA"

IMAGE_LINK = re.compile(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)")
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
AUTOLINK = re.compile(r"<(https?://[^>]+)>")
REFDEF = re.compile(r"^\[[^\]]+\]:\s+\S+\s*$")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
BULLET = re.compile(r"^(\s*)[-*+]\s+(.*)$")
NUMBER = re.compile(r"^(\s*)\d+[.)]\s+(.*)$")
CODE_SPAN = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)")
SETEXT = re.compile(r"^(=+|-+)\s*$")
RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
EMPHASIS = re.compile(r"\*\*(.+?)\*\*|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])|(?<!\w)_(?!\s)(.+?)(?<!\s)_(?!\w)")


def read_source(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if path.name.endswith("METADATA"):
        # the long description is the body after the header block's first empty line
        text = text.split("\n\n", 1)[1]
    return text


def strip_links(text: str) -> str:
    text = IMAGE_LINK.sub("", text)
    text = IMAGE.sub("", text)
    text = LINK.sub(r"\1", text)
    return AUTOLINK.sub(r"\1", text)


def add_runs(paragraph, text: str) -> None:
    """Add text as runs: code spans in Courier New, emphasis as bold/italic, markers removed."""
    text = strip_links(text)
    for i, part in enumerate(CODE_SPAN.split(text)):
        if i % 3 == 1:  # the backtick run of a code span
            continue
        if i % 3 == 2:  # code span
            run = paragraph.add_run(part)
            run.font.name = "Courier New"
            continue
        pos = 0
        for m in EMPHASIS.finditer(part):
            if m.start() > pos:
                paragraph.add_run(part[pos:m.start()])
            if m.group(1) is not None:
                paragraph.add_run(m.group(1)).bold = True
            else:
                paragraph.add_run(m.group(2) if m.group(2) is not None else m.group(3)).italic = True
            pos = m.end()
        if pos < len(part):
            paragraph.add_run(part[pos:])


def code_style(document):
    styles = document.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["No Spacing"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    return style


def split_row(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|"):
        line = line[:-1]
    return [c.strip() for c in line.split("|")]


def build(source: Path, out: Path) -> None:
    lines = read_source(source).splitlines()
    document = Document()
    code = code_style(document)
    i = 0
    para: list[str] = []  # pending lines of a Normal paragraph
    item: tuple[str, list[str]] | None = None  # pending list item: (style, lines)

    def flush() -> None:
        nonlocal para, item
        if para:
            add_runs(document.add_paragraph(style="Normal"), " ".join(s.strip() for s in para))
            para = []
        if item:
            add_runs(document.add_paragraph(style=item[0]), " ".join(s.strip() for s in item[1]))
            item = None

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                document.add_paragraph(lines[i], style=code)
                i += 1
            i += 1
            continue
        if stripped.startswith("<!--"):
            flush()
            while i < len(lines) and "-->" not in lines[i]:
                i += 1
            i += 1
            continue
        if not stripped:
            flush()
            i += 1
            continue
        if REFDEF.match(stripped):
            flush()
            i += 1
            continue
        if stripped.startswith("|") and i + 1 < len(lines) and TABLE_SEP.match(lines[i + 1]):
            flush()
            header = split_row(stripped)
            rows = []
            i += 2
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(split_row(lines[i]))
                i += 1
            table = document.add_table(rows=1 + len(rows), cols=len(header))
            table.style = "Table Grid"
            for r, cells in enumerate([header] + rows):
                for c in range(len(header)):
                    p = table.rows[r].cells[c].paragraphs[0]
                    add_runs(p, cells[c] if c < len(cells) else "")
                    if r == 0:
                        for run in p.runs:
                            run.bold = True
            continue
        if not para and not item and RULE.match(line):  # horizontal rule
            i += 1
            continue
        if (not para and not item and i + 1 < len(lines) and SETEXT.match(lines[i + 1])
                and not BULLET.match(line) and not NUMBER.match(line)):
            add_runs(document.add_heading(level=1 if lines[i + 1].startswith("=") else 2), stripped)
            i += 2
            continue
        m = HEADING.match(line)
        if m:
            flush()
            add_runs(document.add_heading(level=len(m.group(1))), m.group(2))
            i += 1
            continue
        m = BULLET.match(line) or NUMBER.match(line)
        if m:
            flush()
            nested = len(m.group(1).expandtabs()) >= 2
            kind = "List Bullet" if BULLET.match(line) else "List Number"
            item = (kind + (" 2" if nested else ""), [m.group(2)])
            if not IMAGE_LINK.sub("", IMAGE.sub("", m.group(2))).strip():
                item = None
            i += 1
            continue
        if item and line[:1].isspace():
            item[1].append(line)
            i += 1
            continue
        if item:
            flush()
        if not strip_links(stripped).strip():  # badge-only line
            i += 1
            continue
        para.append(line)
        i += 1
    flush()
    document.save(str(out))


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    build(Path(sys.argv[2] if len(sys.argv) == 3 else DEFAULT_SOURCE), Path(sys.argv[1]))
