"""Lay the asciinema README out as a Word document, without rewording it.

Usage: python build_asciinema-readme.py OUT.docx [SOURCE]

Source: README.md of asciinema 2.2.0, as shipped by Debian 12 in the package
asciinema 2.2.0-1 (/usr/share/doc/asciinema/README.md.gz; fetched with
`apt-get download asciinema` and unpacked with `dpkg -x`). SOURCE may be the .md
or the .md.gz; the default is the unpacked copy under fetch/.

Licence: GPL-3.0-or-later ("All code is licensed under the GPL, v3 or later",
README "License" section; Debian copyright file: GPL-3+).

Mapping (Markdown -> Word):
- "#", "##", "###" headings -> "Heading 1", "Heading 2", "Heading 3";
- "-"/"*" list items -> "List Bullet" (continuation lines joined with a space);
  "1." items -> "List Number";
- pipe tables -> Word tables (style "Table Grid"); the README has none, the
  code is kept for completeness;
- fenced code blocks -> one paragraph per line in the monospace style "Code"
  (Courier New, 9 pt); the fence lines and language tags are dropped;
- "> " block quotes -> "Quote" style, lines joined;
- other text lines -> "Normal" paragraphs, wrapped lines joined with a space;
- inline markup removed, text kept: [text](url) and [text][ref] and [text] ->
  text; **bold** -> bold run; `code` -> Courier New run; <kbd>X</kbd> -> X;
  "&copy;" -> "©"; image-only lines (the badges and the demo image) and the
  link reference definition "[pypi]: ..." are dropped, as they show no text.
"""
import gzip
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = Path(__file__).parent / "fetch/x_asciinema/usr/share/doc/asciinema/README.md.gz"
MONO = "Courier New"


def read_source(path: Path) -> list[str]:
    data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    return data.decode("utf-8").splitlines()


def strip_links(text: str) -> str:
    text = re.sub(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)", "", text)  # linked images
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", "", text)  # images
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # [text](url)
    text = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", text)  # [text][ref]
    text = re.sub(r"\[([^\]]+)\](?!\()", r"\1", text)  # [ref]
    text = re.sub(r"</?kbd>", "", text)
    text = text.replace("&copy;", "\u00a9")
    text = text.replace("\\\\", "\\")
    return text


def add_inline(paragraph, text: str) -> None:
    """Add runs: **bold** bold, `code` monospace (kept verbatim), the rest plain."""
    for part in re.split(r"(`[^`]+`)", text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`"):
            paragraph.add_run(part[1:-1]).font.name = MONO
            continue
        for sub in re.split(r"(\*\*[^*]+\*\*)", strip_links(part)):
            if sub.startswith("**") and sub.endswith("**"):
                paragraph.add_run(sub[2:-2]).bold = True
            elif sub:
                paragraph.add_run(sub)


def code_style(document):
    style = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = MONO
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def build(lines: list[str], out: Path) -> None:
    document = Document()
    code_style(document)
    i = 0
    pending: list[str] = []  # lines of the current block
    kind = None  # "para", "bullet", "number", "quote"

    def flush():
        nonlocal pending, kind
        if pending:
            style = {"para": "Normal", "bullet": "List Bullet", "number": "List Number",
                     "quote": "Quote"}[kind]
            add_inline(document.add_paragraph(style=style), " ".join(pending))
        pending, kind = [], None

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                document.add_paragraph(lines[i], style="Code")
                i += 1
            i += 1
            continue
        if not stripped:
            flush()
        elif m := re.match(r"^(#{1,6})\s+(.*)$", line):
            flush()
            level = min(len(m.group(1)), 3)
            add_inline(document.add_heading(level=level), m.group(2))
        elif re.match(r"^\[[^\]]+\]:\s+\S+$", stripped):
            flush()  # link reference definition: no text to show
        elif strip_links(stripped).strip() == "":
            flush()  # image-only line (badges, demo image)
        elif stripped.startswith("|") and stripped.endswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                cells = [c.strip() for c in lines[i].strip().strip("|").split("|")]
                if not all(re.fullmatch(r":?-+:?", c) for c in cells):
                    rows.append(cells)
                i += 1
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, cells in enumerate(rows):
                for c, cell in enumerate(cells):
                    add_inline(table.cell(r, c).paragraphs[0], cell)
            continue
        elif m := re.match(r"^\s*[-*]\s+(.*)$", line):
            flush()
            kind, pending = "bullet", [m.group(1)]
        elif m := re.match(r"^\s*\d+\.\s+(.*)$", line):
            flush()
            kind, pending = "number", [m.group(1)]
        elif stripped.startswith(">"):
            if kind != "quote":
                flush()
                kind = "quote"
            pending.append(stripped.lstrip(">").strip())
        else:
            if kind is None:
                kind = "para"
            pending.append(stripped)
        i += 1
    flush()
    document.save(str(out))


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    source = Path(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_SOURCE
    build(read_source(source), Path(sys.argv[1]))


if __name__ == "__main__":
    main()
