"""Lay NeoMutt's README.md out as a Word document, without rewording it.

Usage: python build_neomutt-readme.py OUT.docx [SOURCE]

Source: README.md of NeoMutt 20220429, as shipped by Debian 12 in package
neomutt 20220429+dfsg1-4.1 (/usr/share/doc/neomutt/README.md.gz, decompressed);
default SOURCE is /tmp/s22/bF/fetch/neomutt-README.md.
Licence: NeoMutt is GPL-2+ (README "Copyright" section; Debian's
/usr/share/doc/neomutt/copyright, "Files: *" -> "License: GPL-2+").

Mapping (Markdown -> Word):
- "# ", "## ", "### " headings -> Heading 1 / Heading 2 / Heading 3;
- lines made only of badge images ([![alt](img)](link)) -> dropped (pictures, no text);
- "* " / "- " list items (with their indented continuation lines) -> 'List Bullet';
  "1. " items -> 'List Number';
- pipe tables -> Word tables (style 'Table Grid'), first row bold as the header,
  the "| --- |" separator row dropped;
- indented (4 spaces) or fenced code lines -> one paragraph per line in a monospace
  (Courier New) character style; `inline code` -> monospace run, backticks removed;
- other consecutive lines -> one paragraph (lines joined with a space);
- link markup removed: [text](url "title") -> text, [text][ref] -> text, <url> -> url;
  the words themselves are kept as written.
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.shared import Pt

SOURCE = "/tmp/s22/bF/fetch/neomutt-README.md"
MONO = "Courier New"


def unlink(text: str) -> str:
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images
    text = re.sub(r"\[([^\]]+)\]\((?:[^()\s]+)(?:\s+\"[^\"]*\")?\)", r"\1", text)  # [t](u "x")
    text = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", text)  # [t][ref]
    text = re.sub(r"<((?:https?|irc|mailto)[^>]+)>", r"\1", text)  # <url>
    return text


def add_runs(paragraph, text: str) -> None:
    """Add text to a paragraph: `code` in monospace, **bold**, plain otherwise."""
    for part in re.split(r"(`[^`]+`|\*\*[^*]+\*\*)", unlink(text)):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`"):
            run = paragraph.add_run(part[1:-1])
            run.font.name = MONO
        elif part.startswith("**") and part.endswith("**"):
            paragraph.add_run(part[2:-2]).bold = True
        else:
            paragraph.add_run(part)


def cells(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|"):
        line = line[:-1]
    return [c.strip() for c in line.split("|")]


def build(out: str, source: str) -> None:
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    style = doc.styles["Normal"]
    style.font.size = Pt(11)
    i = 0
    para: list[str] = []

    def flush() -> None:
        if para:
            add_runs(doc.add_paragraph(), " ".join(s.strip() for s in para))
            para.clear()

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            flush()
            i += 1
            continue
        m = re.match(r"^(#{1,6})\s+(.*)$", line)
        if m:
            flush()
            doc.add_heading(unlink(m.group(2)).strip(), level=min(len(m.group(1)), 3))
            i += 1
            continue
        if re.fullmatch(r"(\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)\s*)+", stripped):
            flush()  # badge line: pictures only
            i += 1
            continue
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph().add_run(lines[i]).font.name = MONO
                i += 1
            i += 1
            continue
        if line.startswith("    ") and not para:
            doc.add_paragraph().add_run(line[4:]).font.name = MONO
            i += 1
            continue
        if stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                row = cells(lines[i])
                if not all(re.fullmatch(r":?-+:?", c) for c in row if c):
                    rows.append(row)
                i += 1
            width = max(len(r) for r in rows)
            table = doc.add_table(rows=len(rows), cols=width)
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c in range(width):
                    cell = table.cell(r, c)
                    p = cell.paragraphs[0]
                    add_runs(p, row[c] if c < len(row) else "")
                    if r == 0:
                        for run in p.runs:
                            run.bold = True
            continue
        m = re.match(r"^([*-]|\d+\.)\s+(.*)$", line)
        if m:
            flush()
            item = [m.group(2)]
            i += 1
            while i < len(lines) and lines[i].startswith("  ") and lines[i].strip() \
                    and not re.match(r"^\s*([*-]|\d+\.)\s+", lines[i]):
                item.append(lines[i].strip())
                i += 1
            style_name = "List Number" if m.group(1)[0].isdigit() else "List Bullet"
            add_runs(doc.add_paragraph(style=style_name), " ".join(item))
            continue
        para.append(line)
        i += 1
    flush()
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    build(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else SOURCE)
