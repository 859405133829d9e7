"""Lay the README of jc (JSON Convert) out as a Word document, without rewording it.

Usage: python build_jc-readme.py OUT.docx [SOURCE]

SOURCE: a Markdown README. By default the long description (the body after the
header block) of /usr/lib/python3/dist-packages/jc-1.22.5.egg-info/PKG-INFO from
Debian's package jc 1.22.5-1 (`apt-get download jc && dpkg -x jc_1.22.5-1_all.deb jc`,
looked for under /tmp/s23/bC/fetch/jc); that body is jc's README.md.
Licence: jc is MIT licensed (PKG-INFO "License: MIT"; debian/copyright "License: MIT"),
© 2019-2023 Kelly Brazil (README footer); debian/copyright: 2020, Kelly Brazil.

Mapping (Markdown -> Word):
- "#" .. "####" headings (and setext "===" / "---" underlines) -> Heading 1..4
- paragraphs (consecutive lines) -> one Normal paragraph, lines joined by a space
- "> " quotes (with their lazy continuation lines) -> 'Quote' paragraphs
- "-", "*", "+" items -> 'List Bullet'; "1." items -> 'List Number'
  (indented continuation lines are joined to the item)
- pipe tables -> Word tables ('Table Grid'), header row bold, the |---| rule dropped;
  a row with more cells than the header keeps only the header's number of cells
- fenced code blocks -> one 'Code' paragraph (Courier New 9 pt) per line
- inline `code` -> a Courier New run; **bold** -> bold run; *em* / _em_ -> italic run
- links [text](url), [text][ref] and [text] -> their text; <url> -> url;
  images ![alt](src) (badges, screenshots) and link reference definitions dropped
"""
import gzip
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT = "/tmp/s23/bC/fetch/jc/usr/lib/python3/dist-packages/jc-1.22.5.egg-info/PKG-INFO"
MONO = "Courier New"


def read_source(path: str) -> list[str]:
    if path.endswith(".gz"):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            raw = f.read()
    else:
        raw = Path(path).read_text(encoding="utf-8")
    lines = raw.split("\n")
    if Path(path).name in ("PKG-INFO", "METADATA"):  # drop the header block
        lines = lines[lines.index("") + 1:]
    return lines


IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINKED_IMAGE = re.compile(r"\[\s*!\[[^\]]*\]\([^)]*\)\s*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
REFLINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
BARE_REF = re.compile(r"\[([^\]]+)\](?!\()")
AUTOLINK = re.compile(r"<(https?://[^>]+)>")
REFDEF = re.compile(r"^\s*\[[^\]]+\]:\s+\S+")


REFS: set[str] = set()  # labels of the link reference definitions in the source


def strip_links(text: str) -> str:
    """Remove link and image markup (a link's text may itself be a code span)."""
    text = LINKED_IMAGE.sub("", text)
    text = IMAGE.sub("", text)
    text = LINK.sub(r"\1", text)
    text = REFLINK.sub(r"\1", text)
    parts = re.split(r"(`[^`]*`)", text)
    out = []
    for part in parts:
        if not (part.startswith("`") and part.endswith("`") and len(part) > 1):
            part = BARE_REF.sub(lambda m: m.group(1) if m.group(1).lower() in REFS else m.group(0), part)
            part = AUTOLINK.sub(r"\1", part)
        out.append(part)
    return "".join(out)


INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|(?<![\w*])\*[^*\s][^*]*\*(?![\w*])|(?<!\w)_[^_\s][^_]*_(?!\w))")


def add_runs(par, text: str) -> None:
    text = strip_links(text)
    for piece in INLINE.split(text):
        if not piece:
            continue
        if piece.startswith("`") and piece.endswith("`") and len(piece) > 1:
            run = par.add_run(piece[1:-1].strip() if piece[1:-1].strip() else piece[1:-1])
            run.font.name = MONO
        elif piece.startswith("**") and piece.endswith("**") and len(piece) > 4:
            par.add_run(piece[2:-2]).bold = True
        elif len(piece) > 2 and piece[0] == piece[-1] and piece[0] in "*_" and INLINE.fullmatch(piece):
            par.add_run(piece[1:-1]).italic = True
        else:
            par.add_run(piece)


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = MONO
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.space_before = Pt(0)
    return style


def split_row(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|"):
        line = line[:-1]
    return [c.strip() for c in line.split("|")]


HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
BULLET = re.compile(r"^(\s*)[-*+]\s+(.*)$")
NUMBER = re.compile(r"^(\s*)\d+[.)]\s+(.*)$")
FENCE = re.compile(r"^\s*(```|~~~)")
RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def build(lines: list[str], out: str) -> None:
    doc = Document()
    code_style(doc)
    REFS.update(m.group(1).lower() for m in (re.match(r"^\s*\[([^\]]+)\]:", x) for x in lines) if m)
    i, n = 0, len(lines)

    def block_end(j: int) -> bool:
        s = lines[j]
        return (not s.strip() or HEADING.match(s) or FENCE.match(s) or s.lstrip().startswith("|")
                or BULLET.match(s) or NUMBER.match(s) or s.startswith(">") or REFDEF.match(s))

    while i < n:
        line = lines[i]
        if not line.strip() or REFDEF.match(line):
            i += 1
            continue
        if FENCE.match(line):
            fence = FENCE.match(line).group(1)
            i += 1
            while i < n and not lines[i].strip().startswith(fence):
                doc.add_paragraph(lines[i].replace("\t", "    "), style="Code")
                i += 1
            i += 1
            continue
        m = HEADING.match(line)
        if m:
            par = doc.add_heading("", level=min(len(m.group(1)), 4))
            add_runs(par, m.group(2))
            i += 1
            continue
        if i + 1 < n and line.strip() and re.fullmatch(r"\s*(=+|-+)\s*", lines[i + 1]) and not BULLET.match(line):
            par = doc.add_heading("", level=1 if lines[i + 1].strip()[0] == "=" else 2)
            add_runs(par, line.strip())
            i += 2
            continue
        if line.lstrip().startswith("|"):
            rows = []
            while i < n and lines[i].lstrip().startswith("|"):
                if not RULE.match(lines[i]):
                    rows.append(split_row(lines[i]))
                i += 1
            width = len(rows[0])
            table = doc.add_table(rows=0, cols=width)
            table.style = "Table Grid"
            for r, cells in enumerate(rows):
                cells = (cells + [""] * width)[:width]
                row = table.add_row()
                for c, text in enumerate(cells):
                    par = row.cells[c].paragraphs[0]
                    add_runs(par, text)
                    if r == 0:
                        for run in par.runs:
                            run.bold = True
            continue
        if line.startswith(">"):
            text = [line.lstrip(">").strip()]
            i += 1
            while i < n and lines[i].strip() and not HEADING.match(lines[i]) and not FENCE.match(lines[i]):
                text.append(lines[i].lstrip(">").strip())
                i += 1
            text = " ".join(t for t in text if t)
            if strip_links(text).strip():
                add_runs(doc.add_paragraph(style="Quote"), text)
            continue
        m = BULLET.match(line) or NUMBER.match(line)
        if m:
            style = "List Bullet" if BULLET.match(line) else "List Number"
            if len(m.group(1)) >= 2:
                style += " 2"
            text = [m.group(2).strip()]
            i += 1
            while i < n and lines[i].strip() and not block_end(i):
                text.append(lines[i].strip())
                i += 1
            add_runs(doc.add_paragraph(style=style), " ".join(text))
            continue
        text = [line.strip()]
        i += 1
        while i < n and not block_end(i) and not (i + 1 < n and re.fullmatch(r"\s*(=+|-+)\s*", lines[i + 1])):
            text.append(lines[i].strip())
            i += 1
        joined = " ".join(text)
        if strip_links(joined).strip():
            add_runs(doc.add_paragraph(), joined)
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    build(read_source(sys.argv[2] if len(sys.argv) > 2 else DEFAULT), sys.argv[1])
