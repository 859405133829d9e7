"""Lay the EncFS README out as a Word document, without rewording it.

Usage: python build_encfs-readme.py OUT.docx [SOURCE]

Source: README.md of EncFS 1.9.5 as shipped in the Debian package encfs 1.9.5-2
(/usr/share/doc/encfs/README.md, from `apt-get download encfs && dpkg -x`); it is the
upstream README of https://github.com/vgough/encfs.
Default SOURCE: /usr/share/doc/encfs/README.md, where the package installs it. encfs is not
installed here: the batch unpacked the .deb (`apt-get download encfs &&
dpkg -x encfs_1.9.5-2_amd64.deb x_encfs`) and read x_encfs/usr/share/doc/encfs/README.md,
so pass such an unpacked copy as SOURCE.
Licence: EncFS is free software, GPL-3 (with an OpenSSL linking exception) per
/usr/share/doc/encfs/copyright; the README itself says the software is "licensed under the LGPL".
Either way redistribution is permitted.

Mapping (Markdown -> Word):
- "#", "##", "###" headings  -> 'Heading 1', 'Heading 2', 'Heading 3'
- "-", "*", "+" list items    -> 'List Bullet' paragraphs; "1." items -> 'List Number'
- pipe tables                 -> Word tables ('Table Grid'), header row in bold
- fenced/indented code lines  -> one paragraph per line in a monospace 'Code' style
- consecutive text lines      -> one 'Normal' paragraph (line breaks inside a paragraph
                                 become spaces; the words are unchanged)
- **bold**, _italic_/*italic*, `code` -> bold, italic and monospace runs
- links [text](url), [text][ref], images ![alt](src) -> their text only; reference
  definitions "[ref]: url" are dropped (link markup)
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "/usr/share/doc/encfs/README.md"
MONO = "Courier New"


def strip_links(text: str) -> str:
    for _ in range(3):  # nested image-in-link: [![alt](src)](href)
        text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
        text = re.sub(r"\[([^\]]*)\]\[[^\]]*\]", r"\1", text)
    return text


INLINE = re.compile(r"(\*\*[^*]+\*\*|`[^`]+`|(?<![\w*])\*[^*\s][^*]*\*(?![\w*])|(?<!\w)_[^_\s][^_]*_(?!\w))")


def add_runs(paragraph, text: str) -> None:
    for part in INLINE.split(strip_links(text)):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            paragraph.add_run(part[2:-2]).bold = True
        elif part.startswith("`") and part.endswith("`") and len(part) > 2:
            paragraph.add_run(part[1:-1]).font.name = MONO
        elif (part[0] == part[-1] and part[0] in "*_") and len(part) > 2:
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


def build(source: Path, out: Path) -> None:
    lines = source.read_text(encoding="utf-8").splitlines()
    document = Document()
    code_style(document)
    para: list[str] = []

    def flush():
        if para:
            add_runs(document.add_paragraph(), " ".join(s.strip() for s in para))
            para.clear()

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
        if re.match(r"^\[[^\]]+\]:\s*\S+", stripped):  # link reference definition
            flush()
            i += 1
            continue
        m = re.match(r"^(#{1,6})\s+(.*?)\s*#*$", line)
        if m:
            flush()
            level = min(len(m.group(1)), 3)
            add_runs(document.add_heading(level=level), m.group(2))
            i += 1
            continue
        if stripped.startswith("|") and i + 1 < len(lines) and re.match(r"^\s*\|?[\s:|-]+\|?\s*$", lines[i + 1]) and "-" in lines[i + 1]:
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
                    add_runs(p, cell)
                    if r == 0:
                        for run in p.runs:
                            run.bold = True
            continue
        m = re.match(r"^\s*([-*+]|\d+[.)])\s+(.*)$", line)
        if m:
            flush()
            item = [m.group(2)]
            i += 1
            while i < len(lines) and lines[i].startswith("   ") and lines[i].strip() and not re.match(r"^\s*([-*+]|\d+[.)])\s+", lines[i]):
                item.append(lines[i].strip())
                i += 1
            style = "List Number" if m.group(1)[0].isdigit() else "List Bullet"
            add_runs(document.add_paragraph(style=style), " ".join(item))
            continue
        if line.startswith("    ") and not para:
            document.add_paragraph(line[4:], style="Code")
            i += 1
            continue
        if not stripped:
            flush()
        else:
            para.append(line)
        i += 1
    flush()
    document.core_properties.title = "EncFS - an Encrypted Filesystem"
    document.save(str(out))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    build(Path(sys.argv[2] if len(sys.argv) > 2 else DEFAULT_SOURCE), Path(sys.argv[1]))
