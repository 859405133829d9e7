"""Build uhubctl-readme.docx: the uhubctl README laid out in Word, without rewording.

Usage: python build_uhubctl-readme.py OUT.docx [SOURCE]

Source: README.md of uhubctl 2.5.0 as shipped by Debian's package uhubctl 2.5.0-1
(/usr/share/doc/uhubctl/README.md.gz, fetched with `apt-get download uhubctl` and
unpacked with `dpkg -x`; SOURCE may be the .md or the .md.gz; default is the path
below). Upstream: https://github.com/mvp/uhubctl.
Licence: GPL-2 ("This file can be distributed under the terms and conditions of the
GNU General Public License version 2", stated in the README itself and in
/usr/share/doc/uhubctl/copyright).

Mapping from Markdown to Word (the words are kept as they are):
- "Title" + "=====" (setext level 1) -> Heading 1; "---" underline -> Heading 2;
  "#### x" -> Heading 4, "##### x" -> Heading 5 (wrapping _..._ emphasis dropped).
- pipe tables -> Word tables (style "Table Grid"), the first row bold, the
  alignment row dropped.
- "* x" / "- x" items -> 'List Bullet'; "1. x" items -> 'List Number'; wrapped
  continuation lines are joined to their item; indented text that follows an item
  after a blank line -> 'List Continue'.
- fenced (```) and indented (4+ spaces) code -> one paragraph per line in the
  monospace paragraph style "Code" (Courier New 9 pt), indentation kept.
- "> x" block quotes -> 'Quote'; the emoji codes :warning: and :arrow_right: are shown
  as the emoji GitHub renders for them.
- inline: [text](url) -> text (link markup removed); `code` -> monospace run;
  **bold** -> bold run.
- other lines: consecutive lines joined into one Normal paragraph.
"""
from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "/tmp/s25/bD/fetch/x_uhubctl/usr/share/doc/uhubctl/README.md.gz"
EMOJI = {":warning:": "\u26a0\ufe0f", ":arrow_right:": "\u27a1\ufe0f"}
INLINE = re.compile(r"\[([^\]]+)\]\([^)]*\)|`([^`]+)`|\*\*([^*]+)\*\*")


def read(source: str) -> list[str]:
    raw = Path(source).read_bytes()
    if source.endswith(".gz"):
        raw = gzip.decompress(raw)
    return raw.decode("utf-8").splitlines()


def add_runs(paragraph, text: str) -> None:
    for code, emo in EMOJI.items():
        text = text.replace(code, emo)
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            paragraph.add_run(text[pos : m.start()])
        if m.group(1) is not None:
            add_runs(paragraph, m.group(1))  # link: keep its text only
        elif m.group(2) is not None:
            run = paragraph.add_run(m.group(2))
            run.font.name = "Courier New"
        else:
            paragraph.add_run(m.group(3)).bold = True
        pos = m.end()
    if pos < len(text):
        paragraph.add_run(text[pos:])


def plain(text: str) -> str:
    text = text.strip()
    if len(text) > 2 and text.startswith("_") and text.endswith("_"):
        text = text[1:-1]
    return text


def build(out: str, source: str) -> None:
    lines = read(source)
    doc = Document()
    code_style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code_style.font.name = "Courier New"
    code_style.font.size = Pt(9)
    code_style.paragraph_format.space_after = Pt(0)

    def code_line(text: str) -> None:
        doc.add_paragraph(text, style="Code")

    i, n = 0, len(lines)
    in_list = False  # the previous block was a list item
    while i < n:
        line = lines[i]
        stripped = line.strip()
        nxt = lines[i + 1] if i + 1 < n else ""
        if not stripped:
            i += 1
            continue
        # setext headings
        if re.fullmatch(r"=+", nxt.strip() or "x") and not stripped.startswith("|"):
            doc.add_heading(plain(stripped), level=1)
            i += 2
            in_list = False
            continue
        if re.fullmatch(r"-{3,}", nxt.strip() or "x") and not stripped.startswith("|"):
            doc.add_heading(plain(stripped), level=2)
            i += 2
            in_list = False
            continue
        m = re.match(r"(#{1,6})\s+(.*)", stripped)
        if m and not line.startswith(" "):
            heading = doc.add_heading("", level=len(m.group(1)))
            add_runs(heading, plain(m.group(2)))
            i += 1
            in_list = False
            continue
        # fenced code
        if stripped.startswith("```"):
            i += 1
            while i < n and not lines[i].strip().startswith("```"):
                code_line(lines[i])
                i += 1
            i += 1
            continue
        # tables
        if stripped.startswith("|"):
            rows = []
            while i < n and lines[i].strip().startswith("|"):
                cells = [c.strip() for c in lines[i].strip().strip("|").split("|")]
                if not all(re.fullmatch(r":?-+:?", c) for c in cells):
                    rows.append(cells)
                i += 1
            table = doc.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, cells in enumerate(rows):
                for c, text in enumerate(cells[: len(rows[0])]):
                    para = table.cell(r, c).paragraphs[0]
                    add_runs(para, text)
                    if r == 0:
                        for run in para.runs:
                            run.bold = True
            in_list = False
            continue
        # block quotes
        if stripped.startswith(">"):
            parts = []
            while i < n and lines[i].strip() and not re.match(r"\s*([*-]|\d+\.)\s", lines[i]):
                parts.append(lines[i].strip().lstrip(">").strip())
                i += 1
            add_runs(doc.add_paragraph(style="Quote"), " ".join(parts))
            continue
        # list items
        m = re.match(r"(\s*)([*-]|\d+\.)\s+(.*)", line)
        if m:
            indent = len(m.group(1))
            style = "List Number" if m.group(2)[0].isdigit() else "List Bullet"
            parts = [m.group(3).strip()]
            i += 1
            while (
                i < n
                and lines[i].strip()
                and not re.match(r"\s*([*-]|\d+\.)\s", lines[i])
                and len(lines[i]) - len(lines[i].lstrip()) > indent
            ):
                parts.append(lines[i].strip())
                i += 1
            add_runs(doc.add_paragraph(style=style), " ".join(parts))
            in_list = True
            continue
        indent = len(line) - len(line.lstrip())
        # indented code: 4+ spaces outside a list, 6+ inside one
        if (indent >= 4 and not in_list) or indent >= 6:
            while i < n and (not lines[i].strip() or len(lines[i]) - len(lines[i].lstrip()) >= indent):
                if lines[i].strip():
                    code_line(lines[i][indent:])
                elif i + 1 < n and len(lines[i + 1]) - len(lines[i + 1].lstrip()) < indent:
                    break
                i += 1
            continue
        # paragraphs (inside a list context: List Continue)
        parts = []
        while i < n and lines[i].strip():
            nl = lines[i + 1] if i + 1 < n else ""
            if parts and (
                re.fullmatch(r"(=+|-{3,})", nl.strip())
                or re.match(r"\s*([*-]|\d+\.)\s", lines[i])
                or lines[i].strip().startswith(("```", "|", ">", "#"))
            ):
                break
            parts.append(lines[i].strip())
            i += 1
        style = "List Continue" if in_list and indent >= 2 else None
        add_runs(doc.add_paragraph(style=style), " ".join(parts))
        if indent < 2:
            in_list = False
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    build(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else DEFAULT_SOURCE)
