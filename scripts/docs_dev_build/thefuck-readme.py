"""Lay out the README of *The Fuck* (thefuck) as a Word document, without rewording it.

Usage:  python build_thefuck-readme.py OUT.docx [SOURCE]

Source: README.md of The Fuck 3.29, as shipped in the Debian bookworm package
thefuck 3.29-0.3 (/usr/share/doc/thefuck/README.md.gz; fetched with
`apt-get download thefuck && dpkg -x thefuck_3.29-0.3_all.deb x_thefuck`, then
`zcat x_thefuck/usr/share/doc/thefuck/README.md.gz > thefuck-README.md`).
SOURCE defaults to fetch/thefuck-README.md beside this script; a .gz file is read directly.

Licence: The Fuck is MIT licensed ("License MIT" section of the README, and
"License: Expat" in /usr/share/doc/thefuck/copyright), which permits redistribution.

Mapping (Markdown -> Word):
  * "#", "##", "###" headings          -> Heading 1 / 2 / 3 (badges after a title dropped)
  * "*", "-", "+" list items             -> 'List Bullet' (nested items -> 'List Bullet 2');
    continuation lines are joined to their item
  * "1." list items                      -> 'List Number'
  * fenced code blocks (```)             -> one paragraph per line in a monospace
                                            'Code' style (Courier New 9 pt); fences dropped
  * pipe tables                          -> Word tables ('Table Grid'), header row bold
  * **bold** / *italic*                  -> bold / italic runs; `code` -> Courier New run
  * [text](url), [text][ref]             -> text only; images/badges ([![..]..]) dropped;
    reference definitions ("[x]: url") and inline HTML anchors dropped
  * HTML entities (&ndash;)              -> the characters they stand for
  * other text lines                     -> Normal paragraphs, wrapped lines joined by spaces
"""
import gzip
import html
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

IMAGE = re.compile(r"\[!\[[^\]]*\](?:\[[^\]]*\]|\([^)]*\))\](?:\[[^\]]*\]|\([^)]*\))|!\[[^\]]*\](?:\[[^\]]*\]|\([^)]*\))")
LINK = re.compile(r"\[([^\]]+)\](?:\((?:[^()]|\([^()]*\))*\)|\[[^\]]*\])")
AUTOLINK = re.compile(r"<(https?://[^>]+)>")
HTML_TAG = re.compile(r"</?a\b[^>]*>(?:#</a>)?|<br\s*/?>|<!--.*?-->")
REFDEF = re.compile(r"^\s*\[[^\]]+\]:\s+\S+")
INLINE = re.compile(r"(\*\*(?:[^*]|\*[^*]+\*)+\*\*|`[^`]+`|\*[^*\s][^*]*\*)")


def clean(text: str) -> str:
    text = IMAGE.sub("", text)
    text = LINK.sub(r"\1", text)
    text = AUTOLINK.sub(r"\1", text)
    text = HTML_TAG.sub("", text)
    return html.unescape(text)


def add_runs(paragraph, text: str) -> None:
    for part in INLINE.split(clean(text)):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            paragraph.add_run(re.sub(r"\*([^*]+)\*", r"\1", part[2:-2])).bold = True
        elif part.startswith("`") and part.endswith("`") and len(part) > 2:
            paragraph.add_run(part[1:-1]).font.name = "Courier New"
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            paragraph.add_run(part[1:-1]).italic = True
        else:
            paragraph.add_run(part)


def code_style(document):
    style = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def table_cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def build(source: Path, out: Path) -> None:
    if source.suffix == ".gz":
        with gzip.open(source, "rt", encoding="utf-8") as fh:
            raw = fh.read()
    else:
        raw = source.read_text(encoding="utf-8")
    lines = raw.splitlines()
    document = Document()
    code_style(document)
    para: list[str] = []  # pending Normal paragraph lines
    item = None  # pending list item: [style, text]

    def flush():
        nonlocal para, item
        if para:
            add_runs(document.add_paragraph(), " ".join(s.strip() for s in para))
            para = []
        if item:
            add_runs(document.add_paragraph(style=item[0]), item[1])
            item = None

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                document.add_paragraph(lines[i].rstrip(), style="Code")
                i += 1
            i += 1
            continue
        if REFDEF.match(line) or stripped.startswith("<!--"):
            flush()
            i += 1
            continue
        if not stripped:
            flush()
            i += 1
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        if heading:
            flush()
            level = min(len(heading.group(1)), 3)
            h = document.add_heading(level=level)
            add_runs(h, clean(heading.group(2)).strip())
            i += 1
            continue
        if stripped.startswith("|") or (i + 1 < len(lines) and re.match(r"^\s*\|?\s*:?-{3,}", lines[i + 1]) and "|" in line):
            flush()
            rows = []
            while i < len(lines) and "|" in lines[i] and lines[i].strip():
                if not re.match(r"^\s*\|?[\s:|-]+$", lines[i]):
                    rows.append(table_cells(lines[i]))
                i += 1
            width = max(len(r) for r in rows)
            table = document.add_table(rows=0, cols=width)
            table.style = "Table Grid"
            for n, row in enumerate(rows):
                cells = table.add_row().cells
                for j, text in enumerate(row):
                    p = cells[j].paragraphs[0]
                    add_runs(p, text)
                    if n == 0:
                        for run in p.runs:
                            run.bold = True
            continue
        bullet = re.match(r"^(\s*)([*+-]|\d+\.)\s+(.*)$", line)
        if bullet:
            flush()
            nested = len(bullet.group(1).expandtabs(4)) >= 2
            numbered = bullet.group(2)[0].isdigit()
            style = ("List Number" if numbered else "List Bullet") + (" 2" if nested else "")
            item = [style, bullet.group(3).strip()]
            i += 1
            continue
        text = clean(stripped)
        if not text.strip():
            i += 1
            continue
        if item:
            item[1] += " " + stripped
        else:
            para.append(stripped)
        i += 1
    flush()
    document.save(str(out))


if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    out = Path(sys.argv[1])
    src = Path(sys.argv[2]) if len(sys.argv) > 2 else here / "fetch" / "thefuck-README.md"
    build(src, out)
