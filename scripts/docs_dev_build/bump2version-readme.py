"""Lay out the bump2version README as a Word document, without rewording it.

Source: the README of bump2version 1.0.1 ("Version-bump your software with a
single command!", the maintained fork of bumpversion, by Christian Verkerk and
contributors), as published in the PyPI wheel
bump2version-1.0.1-py2.py3-none-any.whl (``pip download --no-deps
bump2version``): the long description in
``bump2version-1.0.1.dist-info/METADATA``, after its header block.

Usage:
    python build_bump2version-readme.py OUT.docx [SOURCE]

SOURCE is the wheel (.whl), its METADATA file, or the README Markdown itself;
it defaults to bump2version-1.0.1-py2.py3-none-any.whl in the current folder.
When the text starts with a "Metadata-Version:" header block, everything up
to the first blank line is skipped.

Licence: bump2version is released under the MIT License (METADATA
``License: MIT``; "bump2version is licensed under the MIT License" in the
README itself). The resulting document is distributed under the same terms.

Mapping from the Markdown to Word:
    # / ## / ### / #### heading       -> 'Title' / 'Heading 1' / 'Heading 2' /
                                         'Heading 3' (inline markup removed)
    paragraph (consecutive lines)     -> 'Normal' paragraph, lines joined by a
                                         space, leading indentation dropped
    "<br />" inside a paragraph       -> the paragraph is split there
    "`--option`" alone on a line with
    its description on the next lines -> the option as a 'Normal' paragraph in
                                         bold Courier New, the description as
                                         a 'Normal' paragraph after it
    "* item" / "- item"               -> 'List Bullet' (continuation lines joined)
    "1. item"                         -> 'List Number'
    | a | b | table                   -> Word table ('Table Grid'), first row
                                         bold, the |---| separator row dropped
    ```lang fenced block and blocks
    indented by four or more spaces   -> one 'Code' paragraph per line (a
                                         monospace style made here)
    [text](url)                       -> the link text (the address is dropped)
    `code`                            -> a run in Courier New
    **bold** / _italic_ / _**both**_  -> bold / italic / bold italic runs
    ![alt](image) badge lines         -> left out (pictures, not text)
Nothing else is changed: every sentence of the README is kept word for word.
"""

import re
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "bump2version-1.0.1-py2.py3-none-any.whl"

IMAGE_RE = re.compile(r"\[?!\[[^\]]*\]\([^)]*\)(?:\]\([^)]*\))?")
LINK_RE = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^()]*\))*\)")
INLINE_RE = re.compile(
    r"(`[^`]+`"  # code span
    r"|_\*\*.+?\*\*_"  # bold italic
    r"|\*\*.+?\*\*"  # bold
    r"|(?<![\w`])_[^_\s][^_]*_(?![\w`]))"  # italic
)
HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
TABLE_SEP_RE = re.compile(r"^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
BULLET_RE = re.compile(r"^( *)[-*] (.*)$")
NUMBER_RE = re.compile(r"^( *)\d+\. (.*)$")
OPTION_RE = re.compile(r"^`[^`]+`$")
BR_RE = re.compile(r"\s*<br\s*/?>\s*")
HEADING_STYLES = {1: "Title", 2: "Heading 1", 3: "Heading 2", 4: "Heading 3"}


def read_source(path):
    """Return the README Markdown text from a wheel, METADATA or .md file."""
    path = Path(path)
    if path.suffix == ".whl":
        with zipfile.ZipFile(path) as whl:
            name = next(n for n in whl.namelist() if n.endswith(".dist-info/METADATA"))
            text = whl.read(name).decode("utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    if text.startswith("Metadata-Version:"):
        text = text.split("\n\n", 1)[1]
    return text


def code_style(doc):
    """Create (once) the monospace 'Code' paragraph style."""
    styles = doc.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def add_runs(par, text, bold=False, italic=False):
    """Add text to a paragraph, turning inline Markdown into run formatting."""
    text = LINK_RE.sub(r"\1", text)
    pos = 0
    for m in INLINE_RE.finditer(text):
        if m.start() > pos:
            run = par.add_run(text[pos:m.start()])
            run.bold, run.italic = bold or None, italic or None
        tok = m.group(0)
        if tok.startswith("`"):
            run = par.add_run(tok[1:-1])
            run.font.name = "Courier New"
            run.bold, run.italic = bold or None, italic or None
        elif tok.startswith("_**"):
            add_runs(par, tok[3:-3], True, True)
        elif tok.startswith("**"):
            add_runs(par, tok[2:-2], True, italic)
        else:
            add_runs(par, tok[1:-1], bold, True)
        pos = m.end()
    if pos < len(text):
        run = par.add_run(text[pos:])
        run.bold, run.italic = bold or None, italic or None


def plain(text):
    """Heading text: link text kept, inline markers removed."""
    text = LINK_RE.sub(r"\1", text)
    return text.replace("`", "").replace("**", "")


def add_paragraph(doc, lines, style=None):
    """Join lines into paragraphs, splitting at <br />."""
    joined = " ".join(line.strip() for line in lines)
    for part in BR_RE.split(joined):
        if part:
            add_runs(doc.add_paragraph(style=style), part)


def add_table(doc, rows):
    """Add a Markdown table as a Word table with a bold header row."""
    cells = [[c.strip() for c in r.strip().strip("|").split("|")] for r in rows]
    cells = [r for r in cells if not TABLE_SEP_RE.match("|".join(r))]
    width = max(len(r) for r in cells)
    table = doc.add_table(rows=len(cells), cols=width)
    table.style = "Table Grid"
    for i, row in enumerate(cells):
        for j, value in enumerate(row):
            add_runs(table.cell(i, j).paragraphs[0], value, bold=(i == 0))


def build(text, out):
    doc = Document()
    code_style(doc)
    lines = text.split("\n")
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            i += 1
            continue
        if stripped.startswith("```"):
            i += 1
            while i < n and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i].rstrip(), style="Code")
                i += 1
            i += 1
            continue
        if line.startswith("    "):
            block = []
            while i < n and (lines[i].startswith("    ") or not lines[i].strip()):
                block.append(lines[i])
                i += 1
            while block and not block[-1].strip():
                block.pop()
            indent = min(len(b) - len(b.lstrip()) for b in block if b.strip())
            for b in block:
                doc.add_paragraph(b[indent:].rstrip(), style="Code")
            continue
        m = HEADING_RE.match(line)
        if m:
            level = len(m.group(1))
            doc.add_paragraph(plain(m.group(2)), style=HEADING_STYLES.get(level, "Heading 4"))
            i += 1
            continue
        if IMAGE_RE.fullmatch(stripped) or (
            IMAGE_RE.search(stripped) and not IMAGE_RE.sub("", stripped).strip()
        ):
            i += 1
            continue
        if stripped.startswith("|"):
            rows = []
            while i < n and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(doc, rows)
            continue
        mb, mn = BULLET_RE.match(line), NUMBER_RE.match(line)
        if mb or mn:
            style = "List Bullet" if mb else "List Number"
            item = [(mb or mn).group(2)]
            i += 1
            while i < n and lines[i].strip() and lines[i].startswith("  ") \
                    and not BULLET_RE.match(lines[i]) and not NUMBER_RE.match(lines[i]):
                item.append(lines[i])
                i += 1
            add_paragraph(doc, item, style)
            continue
        if OPTION_RE.match(stripped) and i + 1 < n and lines[i + 1].startswith("  ") \
                and lines[i + 1].strip():
            par = doc.add_paragraph()
            run = par.add_run(stripped[1:-1])
            run.bold = True
            run.font.name = "Courier New"
            i += 1
            desc = []
            while i < n and lines[i].strip():
                desc.append(lines[i])
                i += 1
            add_paragraph(doc, desc)
            continue
        para = [line]
        i += 1
        while i < n and lines[i].strip() and not lines[i].strip().startswith(("```", "#", "|")) \
                and not BULLET_RE.match(lines[i]) and not NUMBER_RE.match(lines[i]):
            para.append(lines[i])
            i += 1
        add_paragraph(doc, para)
    doc.core_properties.title = "bump2version README"
    doc.save(out)


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    source = argv[2] if len(argv) > 2 else DEFAULT_SOURCE
    build(read_source(source), argv[1])


if __name__ == "__main__":
    main(sys.argv)
