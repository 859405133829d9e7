"""Lay the gojq README out as a Word document, without rewording it.

Usage: python build_gojq-readme.py OUT.docx [SOURCE]

Source: README.md of gojq 0.12.11 (https://github.com/itchyny/gojq), as shipped by the
Debian bookworm package gojq 0.12.11-1 in /usr/share/doc/gojq/README.md.gz (obtained with
`apt-get download gojq && dpkg -x gojq_0.12.11-1_amd64.deb y`). SOURCE may be that file,
gzipped or not; by default it is fetch/y/usr/share/doc/gojq/README.md.gz beside this script.

Licence: gojq and its README are released under the MIT License (README "License" section;
debian/copyright: "Copyright: 2019-2021 itchyny", "License: Expat").

Mapping from Markdown to Word (the text itself is kept word for word):
  - "# ", "## ", "### " headings -> styles Heading 1, Heading 2, Heading 3;
  - "- " list items -> style List Bullet; items indented by two spaces -> List Bullet 2;
    numbered items ("1. ") -> List Number; an item's continuation lines join the item;
  - fenced code blocks (```) -> one paragraph per line in a monospace "Code" style
    (Courier New 9 pt), leading spaces and tabs kept, fence lines dropped;
  - pipe tables -> Word tables (first row bold), the |---| separator row dropped;
  - inline `code` -> a Courier New run, the backticks dropped; **bold** -> bold run;
  - links [text](url) -> text; bare "https://..." text is kept as written;
  - badge lines (only image links such as [![CI Status](...)](...)) and images -> dropped;
  - other consecutive lines -> one Normal paragraph, lines joined by a space.
"""
import gzip
import re
import sys
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE / "fetch/y/usr/share/doc/gojq/README.md.gz"
MONO = "Courier New"

IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
BADGE_LINK = re.compile(r"\[\s*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*)")


def read_source(path: Path) -> str:
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data.decode("utf-8")


def strip_links(text: str) -> str:
    text = IMAGE.sub("", text)
    text = BADGE_LINK.sub("", text)
    return LINK.sub(r"\1", text)


def add_runs(paragraph, text: str) -> None:
    for part in INLINE.split(strip_links(text)):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            paragraph.add_run(part[1:-1]).font.name = MONO
        elif part.startswith("**") and part.endswith("**") and len(part) > 4:
            paragraph.add_run(part[2:-2]).bold = True
        else:
            paragraph.add_run(part)


def code_style(document):
    style = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = MONO
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def build(source: str, out: str) -> None:
    document = docx.Document()
    code_style(document)
    lines = source.splitlines()
    i = 0
    para: list[str] = []
    item: tuple[str, list[str]] | None = None  # (style, lines)

    def flush():
        nonlocal para, item
        if para:
            add_runs(document.add_paragraph(), " ".join(s.strip() for s in para))
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
                document.add_paragraph(lines[i].rstrip("\n"), style="Code")
                i += 1
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
            add_runs(document.add_heading(level=level), heading.group(2).strip())
            i += 1
            continue
        if stripped.startswith("|") and i + 1 < len(lines) and re.match(r"^\s*\|[\s:|-]+\|\s*$", lines[i + 1]):
            flush()
            rows = [stripped]
            i += 2
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i].strip())
                i += 1
            cells = [[c.strip() for c in r.strip("|").split("|")] for r in rows]
            table = document.add_table(rows=len(cells), cols=max(len(r) for r in cells))
            table.style = "Table Grid"
            for r, row in enumerate(cells):
                for c, text in enumerate(row):
                    p = table.cell(r, c).paragraphs[0]
                    add_runs(p, text)
                    if r == 0:
                        for run in p.runs:
                            run.bold = True
            continue
        if not strip_links(stripped).strip():  # a line of badges or images only
            flush()
            i += 1
            continue
        bullet = re.match(r"^(\s*)[-*]\s+(.*)$", line)
        number = re.match(r"^(\s*)\d+\.\s+(.*)$", line)
        if bullet or number:
            flush()
            m = bullet or number
            nested = len(m.group(1)) >= 2
            style = ("List Bullet" if bullet else "List Number") + (" 2" if nested else "")
            item = (style, [m.group(2)])
            i += 1
            continue
        if item and line.startswith(" "):
            item[1].append(line)
            i += 1
            continue
        if item:
            flush()
        para.append(line)
        i += 1
    flush()
    document.save(out)


def main() -> None:
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    source = Path(sys.argv[2]) if len(sys.argv) == 3 else DEFAULT_SOURCE
    build(read_source(source), sys.argv[1])


if __name__ == "__main__":
    main()
