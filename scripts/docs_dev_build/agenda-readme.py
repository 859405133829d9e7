"""Lay out the Agenda README as a Word document.

Source: README.md of the npm package agenda 4.4.0 ("A light-weight job
scheduling library for Node.js"), obtained with `npm pack agenda@4.4.0` and
unpacked from agenda-4.4.0.tgz (package/README.md).

Usage:
    python build_agenda-readme.py OUT.docx [SOURCE]

SOURCE defaults to fetch/x_agenda/package/README.md next to this build folder.

Licence: Agenda and its README are MIT licensed (package/LICENSE.md and the
"license" field of package/package.json); this document reproduces the README
text.

Mapping (no sentence is reworded; only Markdown markup is turned into layout):
    # / ## / ### / ####            -> Heading 1 / Heading 2 / Heading 3 / Heading 4
    paragraphs (wrapped lines)      -> Normal paragraphs, lines joined with a space
    ``` fenced and 4-space indented
    code blocks                     -> one 'Code' paragraph per line (monospace)
    | pipe tables |                 -> Word table ('Table Grid'), header row bold
    - / * bullet items              -> List Bullet (indented continuation lines
                                       are joined to their item)
    1. numbered items               -> List Number
    **bold**                        -> bold run; _emphasis_ markers are dropped
    `inline code`                   -> Courier New run
    [text](url)                     -> the link text only
    HTML blocks (<p>, <a>, <img>)   -> their text, if any, as Normal paragraphs;
                                       image-only lines are left out.
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = Path(__file__).resolve().parent.parent / "fetch" / "x_agenda" / "package" / "README.md"

LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
INLINE = re.compile(r"(\*\*[^*]+\*\*|`[^`]+`)")
EMPH = re.compile(r"(?<![A-Za-z0-9])_{1,2}([^_`]+?)_{1,2}(?![A-Za-z0-9])")
TAG = re.compile(r"<[^>]+>")
BULLET = re.compile(r"^[-*]\s+(.*)")
NUMBER = re.compile(r"^\d+\.\s+(.*)")
HEADING = re.compile(r"^(#{1,6})\s+(.*)")


def clean(text):
    """Remove link targets, HTML tags and emphasis markers from a line."""
    text = LINK.sub(lambda m: m.group(1), text)
    text = TAG.sub("", text)
    parts = re.split(r"(`[^`]+`)", text)
    return "".join(p if p.startswith("`") else EMPH.sub(r"\1", p) for p in parts)


def add_runs(paragraph, text, code_font="Courier New"):
    """Add text to a paragraph, turning **bold** and `code` into runs."""
    text = clean(text).strip()
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            paragraph.add_run(part[2:-2]).bold = True
        elif part.startswith("`") and part.endswith("`") and len(part) > 2:
            run = paragraph.add_run(part[1:-1])
            run.font.name = code_font
        else:
            paragraph.add_run(part)


def code_style(document):
    """Return the 'Code' paragraph style, creating it if needed."""
    styles = document.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.space_before = Pt(0)
    return style


def split_row(line):
    """Split a Markdown table row into its cells."""
    cells = line.strip().strip("|").split("|")
    return [c.strip() for c in cells]


def add_table(document, rows):
    """Add a Markdown pipe table (header, separator, body rows) as a Word table."""
    header = split_row(rows[0])
    body = [split_row(r) for r in rows[2:]]
    table = document.add_table(rows=1 + len(body), cols=len(header))
    table.style = "Table Grid"
    for i, text in enumerate(header):
        cell = table.rows[0].cells[i]
        add_runs(cell.paragraphs[0], text)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for r, row in enumerate(body, start=1):
        for i, text in enumerate(row[: len(header)]):
            add_runs(table.rows[r].cells[i].paragraphs[0], text)


def build(source, out):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    document = Document()
    code = code_style(document)
    para = []
    item = {"style": None, "text": []}

    def flush():
        if para:
            text = " ".join(s.strip() for s in para)
            if clean(text).strip():
                add_runs(document.add_paragraph(), text)
            para.clear()
        if item["style"]:
            add_runs(document.add_paragraph(style=item["style"]), " ".join(item["text"]))
            item["style"] = None
            item["text"] = []

    i = 0
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
        if line.startswith("    ") and not para and not item["style"] and stripped:
            while i < len(lines) and (lines[i].startswith("    ") or not lines[i].strip()):
                if lines[i].strip():
                    document.add_paragraph(lines[i][4:], style=code)
                i += 1
            continue
        if not stripped:
            flush()
            i += 1
            continue
        heading = HEADING.match(stripped)
        if heading:
            flush()
            level = len(heading.group(1))
            p = document.add_heading(level=min(level, 9))
            add_runs(p, heading.group(2))
            i += 1
            continue
        if stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(document, rows)
            continue
        bullet = BULLET.match(line)
        number = NUMBER.match(line)
        if bullet or number:
            flush()
            item["style"] = "List Bullet" if bullet else "List Number"
            item["text"] = [(bullet or number).group(1).strip()]
            i += 1
            continue
        if item["style"] and line.startswith("  "):
            item["text"].append(stripped)
            i += 1
            continue
        if item["style"]:
            flush()
        para.append(line)
        i += 1
    flush()
    document.save(out)


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit("usage: python build_agenda-readme.py OUT.docx [SOURCE]")
    source = argv[2] if len(argv) == 3 else DEFAULT_SOURCE
    build(source, argv[1])


if __name__ == "__main__":
    main(sys.argv)
