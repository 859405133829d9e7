"""Lay the duperemove README out as a Word document, without rewording it.

Usage: python build_duperemove-readme.py OUT.docx [SOURCE]

Source: README.md of duperemove v0.11, as shipped in Debian's package
duperemove 0.11.2-3 (/usr/share/doc/duperemove/README.md.gz, decompressed;
fetched with `apt-get download duperemove && dpkg -x`). SOURCE defaults to
fetch/duperemove-README.md beside this script.

Licence: duperemove is GPL-2 (Copyright 2013-2016 SUSE), as stated in
/usr/share/doc/duperemove/copyright; the README is redistributed under it.

Mapping (Markdown -> Word):
- "# x" / "## x" (and setext underlines) -> Heading 1 / Heading 2 ...
- lines starting "+ ", "- ", "* " -> paragraphs in style 'List Bullet'
- lines starting "1. " -> 'List Number'
- pipe tables -> Word tables (header row first)
- fenced code blocks and lines indented by 4 spaces -> one paragraph per
  line in a monospace paragraph style 'Code' (Courier New 9 pt)
- other runs of lines -> one paragraph, lines joined by a space
- link markup: [text](url) -> text, <url> -> url, images/badges dropped,
  inline `code` keeps its text without the backticks, **x**/*x* -> x
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

HERE = Path(__file__).resolve().parent


def inline(text: str) -> str:
    text = re.sub(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)", "", text)  # badges
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links
    text = re.sub(r"\[([^\]]*)\]\[[^\]]*\]", r"\1", text)  # reference links
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)
    text = re.sub(r"`([^`]*)`", r"\1", text)
    text = re.sub(r"\*\*([^*]+)\*\*", r"\1", text)
    text = re.sub(r"(?<!\w)\*([^*\s][^*]*)\*", r"\1", text)
    return text.strip()


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def build(src: str, out: str) -> None:
    doc = Document()
    code_style(doc)
    lines = src.splitlines()
    para: list[str] = []

    def flush():
        if para:
            text = inline(" ".join(s.strip() for s in para))
            if text:
                doc.add_paragraph(text)
            para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if line.strip().startswith("<!--"):  # HTML comment
            flush()
            while i < len(lines) and "-->" not in lines[i]:
                i += 1
            i += 1
            continue
        if line.strip().startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i], style="Code")
                i += 1
            i += 1
            continue
        m = re.match(r"^(#{1,6})\s+(.*)$", line)
        if m:
            flush()
            doc.add_heading(inline(m.group(2).rstrip("#")), level=len(m.group(1)))
            i += 1
            continue
        if line.strip() and re.match(r"^(=+|-+)\s*$", nxt) and not para:
            doc.add_heading(inline(line), level=1 if nxt.startswith("=") else 2)
            i += 2
            continue
        if not line.strip():
            flush()
            i += 1
            continue
        if line.startswith("    ") and not para:
            while i < len(lines) and (lines[i].startswith("    ") or not lines[i].strip()):
                # a blank line inside an indented block stays part of it when more code follows
                if not lines[i].strip():
                    j = i
                    while j < len(lines) and not lines[j].strip():
                        j += 1
                    if j < len(lines) and lines[j].startswith("    "):
                        i = j
                        continue
                    break
                doc.add_paragraph(lines[i][4:], style="Code")
                i += 1
            continue
        m = re.match(r"^\s*[+*-]\s+(.*)$", line)
        if m:
            flush()
            doc.add_paragraph(inline(m.group(1)), style="List Bullet")
            i += 1
            continue
        m = re.match(r"^\s*\d+[.)]\s+(.*)$", line)
        if m:
            flush()
            doc.add_paragraph(inline(m.group(1)), style="List Number")
            i += 1
            continue
        if line.strip().startswith("|") and re.match(r"^\s*\|?\s*:?-+", nxt):
            flush()
            rows = [line]
            i += 2
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            cells = [[inline(c) for c in r.strip().strip("|").split("|")] for r in rows]
            table = doc.add_table(rows=len(cells), cols=len(cells[0]))
            table.style = "Table Grid"
            for r, row in enumerate(cells):
                for c, val in enumerate(row[: len(cells[0])]):
                    table.cell(r, c).text = val
            continue
        para.append(line)
        i += 1
    flush()
    doc.core_properties.title = "Duperemove README"
    doc.save(out)


if __name__ == "__main__":
    out = sys.argv[1]
    source = Path(sys.argv[2]) if len(sys.argv) > 2 else HERE / "fetch" / "duperemove-README.md"
    build(source.read_text(encoding="utf-8"), out)
