"""Lay the mpv README out as a Word document, without rewording it.

Usage: python build_mpv-readme.py OUT.docx [SOURCE]

Source: README.md of mpv 0.35.1 as shipped by the Debian package mpv 0.35.1-4
(/usr/share/doc/mpv/README.md.gz, fetched with `apt-get download mpv`, unpacked with
`dpkg -x`, decompressed with zcat). SOURCE defaults to /tmp/s23/bG/fetch/mpv-README.md.

Licence: mpv is GPLv2 "or later" by default (LGPLv2.1 "or later" with --enable-lgpl), as the
README's own License section and /usr/share/doc/mpv/copyright state; the README is
redistributed unchanged in wording under those terms.

Mapping from Markdown to Word:
- `#`, `##`, `###` headings -> Heading 1, Heading 2, Heading 3 (the top `# mpv` -> Title);
- `-` / `*` list items (with their wrapped continuation lines joined) -> 'List Bullet';
  `1.` items -> 'List Number';
- pipe tables -> Word tables (style 'Table Grid', header row bold);
- fenced code blocks and 4-space indented blocks -> one paragraph per code line in the
  'Code' style (Courier New 9 pt); inline `code` -> Courier New runs;
- **bold** -> bold runs; *emphasis* -> italic runs;
- link markup removed: [text](url) and [text][ref] -> text; reference definitions
  (`[ref]: url`) and images (`![alt](url)`) are dropped; <url> autolinks -> url;
- other lines -> 'Normal' paragraphs, wrapped lines of one paragraph joined with a space.
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

SOURCE = "/tmp/s23/bG/fetch/mpv-README.md"

INLINE = re.compile(r"(\*\*[^*]+\*\*|`[^`]+`|\*[^*\s][^*]*\*)")


def strip_links(text: str) -> str:
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", text)
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)
    return text


def add_runs(paragraph, text: str) -> None:
    for part in INLINE.split(strip_links(text)):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            paragraph.add_run(part[2:-2]).bold = True
        elif part.startswith("`") and part.endswith("`") and len(part) > 2:
            run = paragraph.add_run(part[1:-1])
            run.font.name = "Courier New"
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


def build(source: str, out: str) -> None:
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    document = Document()
    code_style(document)
    para: list[str] = []  # wrapped lines of the current block
    kind = None  # 'p', 'List Bullet', 'List Number'
    first_heading = True

    def flush():
        nonlocal para, kind
        if para:
            text = " ".join(s.strip() for s in para)
            if text.strip():
                p = document.add_paragraph(style=None if kind == "p" else kind)
                add_runs(p, text)
        para, kind = [], None

    i = 0
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
        if re.match(r"^\[[^\]]+\]:\s*\S+", stripped) or re.fullmatch(r"!\[[^\]]*\]\([^)]*\)", stripped):
            flush()
            i += 1
            continue
        m = re.match(r"^(#{1,6})\s+(.*)$", line)
        if m:
            flush()
            level = len(m.group(1))
            if level == 1 and first_heading:
                p = document.add_paragraph(style="Title")
                add_runs(p, m.group(2))
            else:
                p = document.add_heading(level=min(level, 3))
                add_runs(p, m.group(2))
            first_heading = False
            i += 1
            continue
        if stripped.startswith("|") and i + 1 < len(lines) and re.match(r"^\s*\|[\s:|-]+\|\s*$", lines[i + 1]):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                if not re.match(r"^\s*\|[\s:|-]+\|\s*$", lines[i]):
                    rows.append([c.strip() for c in lines[i].strip().strip("|").split("|")])
                i += 1
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    p = table.rows[r].cells[c].paragraphs[0]
                    add_runs(p, cell)
                    if r == 0:
                        for run in p.runs:
                            run.bold = True
            continue
        if not stripped:
            flush()
            i += 1
            continue
        if line.startswith("    ") and kind is None:
            # indented code block
            while i < len(lines) and (lines[i].startswith("    ") or not lines[i].strip()):
                if lines[i].strip():
                    document.add_paragraph(lines[i][4:], style="Code")
                i += 1
            continue
        mb = re.match(r"^\s*[-*]\s+(.*)$", line)
        mn = re.match(r"^\s*\d+\.\s+(.*)$", line)
        if mb or mn:
            flush()
            kind = "List Bullet" if mb else "List Number"
            para = [(mb or mn).group(1)]
            i += 1
            continue
        if kind is None:
            kind = "p"
        para.append(line)
        i += 1
    flush()
    document.core_properties.title = "mpv README"
    document.save(out)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    build(sys.argv[2] if len(sys.argv) > 2 else SOURCE, sys.argv[1])
