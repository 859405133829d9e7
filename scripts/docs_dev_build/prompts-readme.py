"""Lay out the README of the npm package prompts as a Word document.

Source: readme.md of the npm package prompts 2.4.2 (`npm pack prompts@2.4.2`,
then `tar xzf prompts-2.4.2.tgz`, file `package/readme.md`), by Terkel Gjervig.

Usage:
    python build_prompts-readme.py OUT.docx [SOURCE]

SOURCE defaults to `fetch/n/prompts-2.4.2/package/readme.md` (relative to the
batch folder).

Licence: the README is part of prompts, released under the MIT licence
(package.json "license": "MIT"; `license` file in the tarball,
Copyright (c) 2018 Terkel Gjervig Nielsen).

Mapping (no sentence is reworded; only markup is interpreted):
    <h1> HTML heading / "## " / "### " / "#### "  -> Title / Heading 1 / 2 / 3
    "* " list items                                -> List Bullet
    "1. " list items                               -> List Number
    Markdown tables                                -> Word tables (header row bold)
    fenced code blocks                             -> one 'Code' paragraph per line
    "> " quoted lines                              -> Quote
    other text lines                               -> Normal paragraphs (lines of a
                                                      paragraph joined by a space;
                                                      "<br>" becomes a line break)
    **bold**                                       -> bold run
    `code`                                         -> run in a monospace font
    [text](url), <kbd>x</kbd>, <b>, <sub>          -> their text only
    images, badges, HTML comments, "***" rules     -> dropped
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "fetch/n/prompts-2.4.2/package/readme.md"
MONO = "Consolas"

INLINE = re.compile(r"(\*\*.+?\*\*|`[^`]+`)")


def clean(text):
    """Strip links, images and inline HTML tags, keeping their text."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"<img[^>]*>", "", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"</?(kbd|b|sub|a|p)\b[^>]*>", "", text)
    return text


def add_runs(par, text):
    """Add text to a paragraph, with bold, code runs and <br> line breaks."""
    pieces = re.split(r"<br\s*/?>", clean(text))
    for i, piece in enumerate(pieces):
        if i:
            par.add_run().add_break()
        piece = piece.replace("\\|", "|")
        for part in INLINE.split(piece):
            if not part:
                continue
            if part.startswith("**") and part.endswith("**") and len(part) > 4:
                par.add_run(part[2:-2]).bold = True
            elif part.startswith("`") and part.endswith("`") and len(part) > 2:
                par.add_run(part[1:-1]).font.name = MONO
            else:
                par.add_run(part)


def split_row(line):
    """Split a Markdown table row into cells, honouring escaped pipes."""
    line = line.strip().strip("|")
    cells = re.split(r"(?<!\\)\|", line)
    return [c.strip() for c in cells]


def make_code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = MONO
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.space_before = Pt(0)
    return style


def build(source, out):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    make_code_style(doc)
    para = []  # pending lines of a Normal paragraph

    def flush():
        if para:
            p = doc.add_paragraph()
            add_runs(p, " ".join(s.strip() for s in para))
            para.clear()

    i = 0
    in_comment = False
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if in_comment:
            if "-->" in stripped:
                in_comment = False
            i += 1
            continue
        if stripped.startswith("<!--"):
            flush()
            in_comment = "-->" not in stripped
            i += 1
            continue
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i], style="Code")
                i += 1
            i += 1
            continue
        if stripped.startswith("|") and i + 1 < len(lines) and re.match(
            r"^\|?\s*:?-+", lines[i + 1].strip()
        ):
            flush()
            header = split_row(line)
            rows = []
            i += 2
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(split_row(lines[i]))
                i += 1
            table = doc.add_table(rows=1 + len(rows), cols=len(header))
            table.style = "Table Grid"
            for c, text in enumerate(header):
                cell = table.rows[0].cells[c].paragraphs[0]
                add_runs(cell, text)
                for run in cell.runs:
                    run.bold = True
            for r, row in enumerate(rows, start=1):
                for c, text in enumerate(row[: len(header)]):
                    add_runs(table.rows[r].cells[c].paragraphs[0], text)
            continue
        m = re.match(r"^<h1[^>]*>(.*)</h1>$", stripped)
        if m:
            flush()
            doc.add_heading(clean(m.group(1)), level=0)
            i += 1
            continue
        m = re.match(r"^(#{2,4})\s+(.*)$", stripped)
        if m:
            flush()
            doc.add_heading(clean(m.group(2)), level=len(m.group(1)) - 1)
            i += 1
            continue
        if not stripped or stripped == "***" or stripped in ("<br />", "<br>"):
            flush()
            i += 1
            continue
        if re.match(r"^</?p\b[^>]*>$", stripped) or re.match(
            r"^(<img[^>]*>|!\[[^\]]*\]\([^)]*\)|</?a\b[^>]*>)$", stripped
        ):
            flush()
            i += 1
            continue
        m = re.match(r"^[*-]\s+(.*)$", stripped)
        if m:
            flush()
            add_runs(doc.add_paragraph(style="List Bullet"), m.group(1))
            i += 1
            continue
        m = re.match(r"^\d+\.\s+(.*)$", stripped)
        if m:
            flush()
            add_runs(doc.add_paragraph(style="List Number"), m.group(1))
            i += 1
            continue
        if stripped.startswith(">"):
            flush()
            add_runs(doc.add_paragraph(style="Quote"), stripped.lstrip(">").strip())
            i += 1
            continue
        para.append(line)
        i += 1
    flush()
    doc.save(out)


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    out = argv[1]
    source = argv[2] if len(argv) > 2 else DEFAULT_SOURCE
    build(source, out)


if __name__ == "__main__":
    main(sys.argv)
