"""Lay the UltraJSON (ujson) README out as a Word document, without rewording it.

Usage: python build_ujson-readme.py OUT.docx [SOURCE]

Source: the long description (README.md) of the PyPI package ujson 6.1.0, i.e. the body of
ujson-6.1.0.dist-info/METADATA in the wheel
ujson-6.1.0-cp311-cp311-manylinux_2_24_x86_64.manylinux_2_28_x86_64.whl (fetched with
`pip download ujson --no-deps`). SOURCE may be that METADATA file (its RFC 822 header block,
up to the first empty line, is skipped) or the README.md itself; the default is
fetch/ujson/README.md beside this script.
Upstream: https://github.com/ultrajson/ultrajson
Licence: BSD-3-Clause AND TCL (METADATA "License-Expression", LICENSE.txt in the wheel);
redistribution permitted.

Mapping (the words are kept as they are):
- "#" .. "####" headings -> Word styles Heading 1 .. Heading 4;
- paragraphs (consecutive text lines) -> one Normal paragraph, lines joined with a space;
- "- " items -> 'List Bullet'; "1. " items -> 'List Number';
- "> " block quotes -> 'Quote' paragraphs; the GitHub alert marker line "> [!WARNING]" is dropped;
- fenced code blocks -> one paragraph per code line in the character-level monospace style 'Code'
  (Courier New 9 pt), the fence lines themselves dropped;
- pipe tables -> Word tables (style 'Table Grid'), first row bold, the |---| rule row dropped;
- inline `code` -> Courier New run; *em* -> italic; **strong** -> bold;
- link markup removed: [text](url) -> text; lines made only of badge images
  ([![alt](img)](url)) are dropped, as they carry no text.
"""
import re
import sys
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

MONO = "Courier New"
INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|\*[^*]+\*)")


def read_source(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    if text.startswith("Metadata-Version:"):
        text = text.split("\n\n", 1)[1]
    return text.splitlines()


def unlink(text: str) -> str:
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)


def add_runs(paragraph, text: str) -> None:
    for part in INLINE.split(unlink(text)):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`"):
            paragraph.add_run(part[1:-1]).font.name = MONO
        elif part.startswith("**") and part.endswith("**"):
            paragraph.add_run(part[2:-2]).bold = True
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            paragraph.add_run(part[1:-1]).italic = True
        else:
            paragraph.add_run(part)


def code_style(document):
    style = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = MONO
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def build(lines: list[str], out: str) -> None:
    document = docx.Document()
    code_style(document)
    i, para = 0, []

    def flush():
        if para:
            add_runs(document.add_paragraph(), " ".join(para))
            para.clear()

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
        elif re.fullmatch(r"(\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)\s*)+", stripped):
            flush()  # badge line
        elif m := re.match(r"(#{1,4})\s+(.*)", stripped):
            flush()
            add_runs(document.add_heading(level=len(m.group(1))), m.group(2))
        elif stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                if not re.fullmatch(r"\|[\s:|-]+\|", lines[i].strip()):
                    rows.append(cells(lines[i]))
                i += 1
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    p = table.cell(r, c).paragraphs[0]
                    add_runs(p, value)
                    if r == 0:
                        for run in p.runs:
                            run.bold = True
            continue
        elif stripped.startswith(">"):
            flush()
            quote = []
            while i < len(lines) and lines[i].strip().startswith(">"):
                body = lines[i].strip()[1:].strip()
                if not re.fullmatch(r"\[!\w+\]", body):
                    quote.append(body)
                i += 1
            add_runs(document.add_paragraph(style="Quote"), " ".join(quote))
            continue
        elif m := re.match(r"[-*]\s+(.*)", stripped):
            flush()
            add_runs(document.add_paragraph(style="List Bullet"), m.group(1))
        elif m := re.match(r"\d+\.\s+(.*)", stripped):
            flush()
            add_runs(document.add_paragraph(style="List Number"), m.group(1))
        else:
            para.append(stripped)
        i += 1
    flush()
    document.save(out)


if __name__ == "__main__":
    out = sys.argv[1]
    source = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).parent / "fetch/ujson/README.md"
    build(read_source(source), out)
