"""Build signale-readme.docx: the README of signale laid out as a Word document.

Source: readme.md of the npm package signale 1.4.0 (`npm pack signale`, then
`tar xzf signale-1.4.0.tgz`, file package/readme.md), the hackable console logger
by Klaus Sinani.

Usage: python build_signale-readme.py OUT.docx [SOURCE]
    SOURCE defaults to ../fetch/sg/package/readme.md (relative to this script).

Licence: signale and its README are MIT-licensed (package/license.md,
"MIT License, Copyright (c) Klaus Sinani"); the Word file is a re-layout of
that text and carries the same licence.

Mapping (no sentence is reworded; text is copied as it stands):
    <h1> title block            -> Title style
    <h4> tagline                -> Subtitle style
    "## ", "### ", "#### ", "##### " headings -> Heading 1, 2, 3, 4
    "- " list items             -> List Bullet
    "1. " list items            -> List Number
    fenced code blocks          -> one 'Code' paragraph per line (monospace style)
    <summary> text of <details> -> plain paragraph in italics
    ordinary paragraphs         -> Normal; `code` spans -> Courier New runs,
                                   **bold** -> bold runs, [text](url) -> text
    images, badges, <div>, <p>, <br/>, </details> -> dropped (no text to show)
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE.parent / "fetch" / "sg" / "package" / "readme.md"

LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
INLINE = re.compile(r"(\*\*`[^`]+`\*\*|\*\*[^*]+\*\*|`[^`]+`)")
TAG = re.compile(r"<[^>]+>")


def code_style(doc):
    """Return the 'Code' paragraph style, creating it when missing."""
    styles = doc.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def add_runs(par, text):
    """Add text to a paragraph, turning inline Markdown into run formatting."""
    text = LINK.sub(r"\1", text)
    for piece in INLINE.split(text):
        if not piece:
            continue
        bold = piece.startswith("**") and piece.endswith("**")
        if bold:
            piece = piece[2:-2]
        code = piece.startswith("`") and piece.endswith("`") and len(piece) > 1
        if code:
            piece = piece[1:-1]
        run = par.add_run(piece)
        run.bold = bold or None
        if code:
            run.font.name = "Courier New"


def build(source, out):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    code_style(doc)
    para = []
    in_code = False
    pending_tag = None

    def flush():
        if para:
            add_runs(doc.add_paragraph(), " ".join(para))
            para.clear()

    for raw in lines:
        line = raw.rstrip()
        if in_code:
            if line.startswith("```"):
                in_code = False
            else:
                doc.add_paragraph(line, style="Code")
            continue
        if line.startswith("```"):
            flush()
            in_code = True
            continue
        stripped = line.strip()
        if pending_tag:
            if stripped.startswith("</"):
                pending_tag = None
            elif stripped:
                if pending_tag == "h1":
                    doc.add_paragraph(stripped, style="Title")
                else:
                    doc.add_paragraph(stripped, style="Subtitle")
            continue
        heading = re.match(r"^(#{2,5}) (.*)$", line)
        if heading:
            flush()
            level = len(heading.group(1)) - 1
            add_runs(doc.add_heading("", level=level), heading.group(2))
            continue
        if stripped.startswith(("<h1", "<h4")):
            flush()
            pending_tag = "h1" if stripped.startswith("<h1") else "h4"
            continue
        if stripped.startswith("<summary>"):
            flush()
            doc.add_paragraph().add_run(TAG.sub("", stripped)).italic = True
            continue
        if stripped.startswith(("<", "[![", "![")):
            flush()
            continue
        bullet = re.match(r"^\s*[-*] (.*)$", line)
        number = re.match(r"^\s*\d+\. (.*)$", line)
        if bullet or number:
            flush()
            style = "List Bullet" if bullet else "List Number"
            add_runs(doc.add_paragraph(style=style), (bullet or number).group(1))
            continue
        if not stripped:
            flush()
            continue
        para.append(stripped)
    flush()
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: python build_signale-readme.py OUT.docx [SOURCE]")
    build(sys.argv[2] if len(sys.argv) == 3 else DEFAULT_SOURCE, sys.argv[1])
