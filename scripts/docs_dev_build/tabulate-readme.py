"""Lay the python-tabulate README out as a Word document, without rewording it.

Usage: python build_tabulate-readme.py OUT.docx [SOURCE]

Source: README.md of python-tabulate 0.8.9 (Sergey Astanin and contributors),
as shipped by Debian in python3-tabulate 0.8.9-1
(/usr/share/doc/python3-tabulate/README.md.gz, obtained with
`apt-get download python3-tabulate && dpkg -x`). SOURCE defaults to
/usr/share/doc/python3-tabulate/README.md.gz, where the package installs it (a .gz
path is read directly, a decompressed copy works too). python3-tabulate is not
installed here: the batch read a decompressed copy of that file from the unpacked
.deb, so pass such a copy (or the unpacked .gz) as SOURCE.

Licence: MIT (Expat), "Copyright (c) 2011-2020 Sergey Astanin and contributors",
as stated in /usr/share/doc/python3-tabulate/copyright.

Mapping (Markdown -> Word):
- Setext "===" heading -> Heading 1; Setext "---" heading -> Heading 2;
  ATX "#".."######" headings -> Heading 1..6
- paragraphs (consecutive non-blank lines) -> one Normal paragraph, lines joined
  with a space
- "-", "*", "+" list items (with their indented continuation lines) ->
  'List Bullet'; "1." items -> 'List Number'
- indented (4-space) and fenced code blocks -> one paragraph per line in a
  monospace paragraph style "Code" (Courier New 9 pt), blank lines kept
- pipe tables -> Word tables (style 'Table Grid'), header row bold
- link markup removed: [text](url) -> text; image badges ![..](..) and
  badge links [![..](..)](..) dropped; paragraphs left empty are skipped
- inline `code` -> monospace run without backticks; backslash escapes
  (\\_ etc.) -> the bare character. The words themselves are not changed.
"""
import gzip
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "/usr/share/doc/python3-tabulate/README.md.gz"

IMG_LINK = re.compile(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)")
IMG = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
ESC = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
BULLET = re.compile(r"^( {0,3})[-*+]\s+(.*)$")
NUMBER = re.compile(r"^( {0,3})\d+[.)]\s+(.*)$")
ATX = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")
TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def clean(text: str) -> str:
    """Remove link and image markup and backslash escapes (backticks are kept
    here and handled when runs are added)."""
    text = IMG_LINK.sub("", text)
    text = IMG.sub("", text)
    text = LINK.sub(r"\1", text)
    return text


def add_runs(paragraph, text: str) -> None:
    """Add text to a paragraph, inline `code` spans in Courier New."""
    parts = re.split(r"(`[^`]+`)", text)
    for part in parts:
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = paragraph.add_run(part[1:-1])
            run.font.name = "Courier New"
        else:
            paragraph.add_run(ESC.sub(r"\1", part))


def code_style(document):
    style = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = "Courier New"
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


def build(lines: list[str], out: str) -> None:
    document = Document()
    code_style(document)
    i = 0
    n = len(lines)
    para: list[str] = []

    def flush_para():
        if para:
            text = clean(" ".join(s.strip() for s in para)).strip()
            if text:
                add_runs(document.add_paragraph(), text)
            para.clear()

    while i < n:
        line = lines[i].rstrip("\n")
        nxt = lines[i + 1].rstrip("\n") if i + 1 < n else ""
        # blank line
        if not line.strip():
            flush_para()
            i += 1
            continue
        # fenced code
        if FENCE.match(line):
            flush_para()
            i += 1
            while i < n and not FENCE.match(lines[i]):
                document.add_paragraph(lines[i].rstrip("\n"), style="Code")
                i += 1
            i += 1
            continue
        # setext headings
        if not para and line.strip() and re.fullmatch(r"=+\s*", nxt) and not line.startswith("    "):
            document.add_heading(clean(line.strip()), level=1)
            i += 2
            continue
        if not para and line.strip() and re.fullmatch(r"-{3,}\s*", nxt) and not line.startswith("    "):
            document.add_heading(clean(line.strip()), level=2)
            i += 2
            continue
        m = ATX.match(line)
        if m:
            flush_para()
            document.add_heading(clean(m.group(2)), level=len(m.group(1)))
            i += 1
            continue
        # pipe table
        if "|" in line and TABLE_SEP.match(nxt) and not line.startswith("    "):
            flush_para()
            header = split_row(line)
            rows = []
            i += 2
            while i < n and "|" in lines[i] and lines[i].strip():
                rows.append(split_row(lines[i]))
                i += 1
            table = document.add_table(rows=1 + len(rows), cols=len(header))
            table.style = "Table Grid"
            for r, cells in enumerate([header] + rows):
                for c in range(len(header)):
                    cell = table.rows[r].cells[c]
                    p = cell.paragraphs[0]
                    add_runs(p, clean(cells[c] if c < len(cells) else ""))
                    if r == 0:
                        for run in p.runs:
                            run.bold = True
            continue
        # list items with continuation lines
        mb, mn = BULLET.match(line), NUMBER.match(line)
        if (mb or mn) and not para:
            style = "List Bullet" if mb else "List Number"
            item = [(mb or mn).group(2)]
            i += 1
            while i < n and lines[i].strip() and lines[i].startswith("  ") \
                    and not BULLET.match(lines[i]) and not NUMBER.match(lines[i]):
                item.append(lines[i].strip())
                i += 1
            add_runs(document.add_paragraph(style=style), clean(" ".join(item)).strip())
            continue
        # indented code block (starts after a blank line / not inside a paragraph)
        if line.startswith("    ") and not para:
            block = []
            while i < n:
                cur = lines[i].rstrip("\n")
                if cur.startswith("    "):
                    block.append(cur[4:])
                    i += 1
                elif not cur.strip():
                    # blank line: part of the block only if more code follows
                    j = i
                    while j < n and not lines[j].strip():
                        j += 1
                    if j < n and lines[j].startswith("    "):
                        block.extend([""] * (j - i))
                        i = j
                    else:
                        break
                else:
                    break
            for code in block:
                document.add_paragraph(code, style="Code")
            continue
        para.append(line)
        i += 1
    flush_para()
    document.save(out)


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    source = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_SOURCE
    opener = gzip.open if source.endswith(".gz") else open
    with opener(source, "rt", encoding="utf-8") as f:
        lines = f.readlines()
    build(lines, out)


if __name__ == "__main__":
    main()
