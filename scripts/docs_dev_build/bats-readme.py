"""Lay the Bats-core README out as a Word document, without rewording it.

Usage: python build_bats-readme.py OUT.docx [SOURCE]

Source: README.md of Bats-core (Bash Automated Testing System), as shipped in the
Debian package bats 1.8.2-1 (/usr/share/doc/bats/README.md.gz; fetched with
`apt-get download bats && dpkg -x bats_1.8.2-1_all.deb x_bats`). SOURCE defaults to
that file under /tmp/s25/bB/fetch; a .gz source is decompressed.

Licence: MIT ("Bats is released under an MIT-style license"; Debian copyright file
/usr/share/doc/bats/copyright: "License: MIT"), which permits redistribution.

Mapping from Markdown to Word:
- "# ", "## ", "### " headings -> styles Heading 1, 2, 3 (the "# " line is the document title).
- "- " / "* " items -> 'List Bullet'; items indented by two or more spaces -> 'List Bullet 2';
  "1. " items -> 'List Number'.
- fenced code blocks (```) -> one paragraph per code line in a monospace 'Code' style
  (Courier New); inline `code` -> a Courier New run; **bold** -> a bold run.
- pipe tables -> Word tables (header row bold); the README has none, but the script handles them.
- ordinary lines separated by blank lines -> one 'Normal' paragraph each, lines joined by a space.
- link markup removed: [text](url) and [text][ref] -> text, <url> -> url; badge images
  ([![alt](img)](url)) are pictures, not text, and are dropped; reference definitions
  ("[ref]: url") and HTML comments (<!-- ... -->) are markup and are dropped.
No words are changed, added or reordered.
"""
import gzip
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "/tmp/s25/bB/fetch/x_bats/usr/share/doc/bats/README.md.gz"
MONO = "Courier New"


def read(path):
    if path.endswith(".gz"):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            return f.read()
    with open(path, encoding="utf-8") as f:
        return f.read()


def strip_links(text):
    text = re.sub(r"\[!\[[^\]]*\]\([^)]*\)\](\([^)]*\)|\[[^\]]*\])", "", text)  # badges
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", "", text)  # bare images
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", text)
    text = re.sub(r"\[([^\]]+)\](?!\()", r"\1", text)  # shortcut reference links [Gitter]
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)
    return text


def add_runs(paragraph, text):
    """Inline markup: `code` -> monospace run, **bold** -> bold run."""
    for part in re.split(r"(`[^`]+`|\*\*[^*]+\*\*)", text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`"):
            run = paragraph.add_run(part[1:-1])
            run.font.name = MONO
        elif part.startswith("**") and part.endswith("**"):
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


def build(out, source):
    text = read(source)
    text = re.sub(r"<!--.*?-->\n?", "", text, flags=re.S)
    document = Document()
    code_style(document)
    lines = text.split("\n")
    para = []  # pending ordinary lines

    def flush():
        if para:
            joined = strip_links(" ".join(s.strip() for s in para)).strip()
            if joined:
                add_runs(document.add_paragraph(style="Normal"), joined)
            para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].startswith("```"):
                document.add_paragraph(lines[i], style="Code")
                i += 1
            i += 1
            continue
        if re.match(r"^\[[^\]]+\]:\s*\S+", line):  # reference definition
            flush()
            i += 1
            continue
        m = re.match(r"^(#{1,6})\s+(.*)$", line)
        if m:
            flush()
            level = len(m.group(1))
            document.add_heading(strip_links(m.group(2)).strip(), level=level)
            i += 1
            continue
        if line.strip().startswith("|") and i + 1 < len(lines) and re.match(r"^\s*\|?[\s:|-]+\|", lines[i + 1]):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                if not re.match(r"^\s*\|?[\s:|-]+\|?\s*$", lines[i]):
                    rows.append([c.strip() for c in lines[i].strip().strip("|").split("|")])
                i += 1
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    p = table.cell(r, c).paragraphs[0]
                    add_runs(p, strip_links(cell))
                    if r == 0:
                        for run in p.runs:
                            run.bold = True
            continue
        m = re.match(r"^(\s*)([-*]|\d+\.)\s+(.*)$", line)
        if m:
            flush()
            indent, marker, item = m.groups()
            if marker[0].isdigit():
                style = "List Number"
            else:
                style = "List Bullet 2" if len(indent) >= 2 else "List Bullet"
            add_runs(document.add_paragraph(style=style), strip_links(item).strip())
            i += 1
            continue
        if not line.strip():
            flush()
            i += 1
            continue
        para.append(line)
        i += 1
    flush()
    document.save(out)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    build(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else DEFAULT_SOURCE)
