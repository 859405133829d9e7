"""Lay rsnapshot's README.md out as a Word document, without rewording it.

Usage: python build_rsnapshot-readme.py OUT.docx [SOURCE]

SOURCE defaults to fetch/rsnapshot/usr/share/doc/rsnapshot/README.md.gz beside this script:
the README.md of rsnapshot 1.4.5 as shipped in the Debian package rsnapshot 1.4.5-1
(`apt-get download rsnapshot && dpkg -x rsnapshot_1.4.5-1_all.deb fetch/rsnapshot`).
A plain (not gzipped) README.md is read as well.

Licence: rsnapshot and its documentation are GPL-2+ ("See the GNU General Public Licence"
in the README itself; `License: GPL-2+` in /usr/share/doc/rsnapshot/copyright).

Mapping from Markdown to Word:
- `#`, `##`, ... headings -> 'Heading 1', 'Heading 2', ... (badge image links removed);
- ` - item` bullets -> 'List Bullet'; ` 1. item` numbered items -> 'List Number';
- indented paragraphs that continue a list item -> 'List Continue';
- other 4-space-indented blocks (shell commands, crontab lines, config lines) -> one
  paragraph per line in a 'Code' style (Courier New), tabs kept;
- ordinary paragraphs -> 'Normal', their source lines joined with single spaces;
- `inline code` -> the same text in a Courier New run (backticks dropped);
- [text](url) links -> text; ![alt](src) images -> removed.
The text itself is not changed.
"""
import gzip
import re
import sys
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE / "fetch/rsnapshot/usr/share/doc/rsnapshot/README.md.gz"
MONO = "Courier New"


def read_source(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return data.decode("utf-8")


def strip_links(text: str) -> str:
    text = re.sub(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)", "", text)  # linked badge image
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # image
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # link -> its text
    return text


def add_inline(paragraph, text: str) -> None:
    """Add text to a paragraph, `code` spans as Courier New runs."""
    for i, part in enumerate(re.split(r"`([^`]*)`", strip_links(text))):
        if not part:
            continue
        run = paragraph.add_run(part)
        if i % 2:
            run.font.name = MONO


def code_style(document):
    style = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = MONO
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def blocks(lines):
    """Split the Markdown into (kind, payload) blocks."""
    out = []
    i = 0
    in_list = False
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        bullet = re.match(r"^ {0,3}[-*+]\s+(.*)$", line)
        number = re.match(r"^ {0,3}\d+\.\s+(.*)$", line)
        if heading:
            out.append(("heading", (len(heading.group(1)), heading.group(2))))
            in_list = False
            i += 1
        elif bullet or number:
            text = [(bullet or number).group(1)]
            i += 1
            # lazy / indented continuation lines of the same item
            while i < len(lines) and lines[i].strip() and not re.match(
                r"^ {0,3}([-*+]|\d+\.)\s+", lines[i]
            ):
                text.append(lines[i].strip())
                i += 1
            out.append(("bullet" if bullet else "number", " ".join(text)))
            in_list = True
        elif line.startswith("    ") or line.startswith("\t"):
            block = []
            while i < len(lines) and (lines[i].startswith("    ") or lines[i].startswith("\t")):
                block.append(lines[i])
                i += 1
            if in_list:
                out.append(("continue", " ".join(ln.strip() for ln in block)))
            else:
                out.append(("code", [ln[4:] if ln.startswith("    ") else ln[1:] for ln in block]))
        else:
            text = []
            while i < len(lines) and lines[i].strip() and not re.match(
                r"^(#{1,6}\s|    |\t| {0,3}([-*+]|\d+\.)\s)", lines[i]
            ):
                text.append(lines[i].strip())
                i += 1
            out.append(("para", " ".join(text)))
            in_list = False
    return out


def build(source: Path, out: Path) -> None:
    document = docx.Document()
    code_style(document)
    for kind, payload in blocks(read_source(source).splitlines()):
        if kind == "heading":
            level, text = payload
            document.add_heading(strip_links(text).strip(), level=min(level, 9))
        elif kind == "bullet":
            add_inline(document.add_paragraph(style="List Bullet"), payload)
        elif kind == "number":
            add_inline(document.add_paragraph(style="List Number"), payload)
        elif kind == "continue":
            add_inline(document.add_paragraph(style="List Continue"), payload)
        elif kind == "code":
            for line in payload:
                document.add_paragraph(line, style="Code")
        else:
            add_inline(document.add_paragraph(), payload)
    document.core_properties.title = "rsnapshot README"
    document.save(str(out))


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    build(Path(sys.argv[2]) if len(sys.argv) == 3 else DEFAULT_SOURCE, Path(sys.argv[1]))
