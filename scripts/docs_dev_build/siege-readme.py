"""Lay the Siege README out as a Word document, without rewording it.

Usage: python build_siege-readme.py OUT.docx [SOURCE]

Source: README.md of Siege 4.0.7 (HTTP regression test and benchmark utility by Jeffrey
Fulmer), as shipped in the Debian package siege 4.0.7-1+b1 at
/usr/share/doc/siege/README.md.gz (obtained with `apt-get download siege &&
dpkg -x siege_4.0.7-1+b1_amd64.deb fetch/siege`). SOURCE may be the .md or the .md.gz;
default: fetch/siege/usr/share/doc/siege/README.md.gz next to this script.

Licence: Siege is GPL-2+ with an OpenSSL linking exception (/usr/share/doc/siege/copyright);
the README itself carries a verbatim-copying permission notice in its "LICENSE" section
("Permission is granted to anyone to make or distribute verbatim copies of this document
... provided that the copyright notice and this permission notice are preserved"), which
this rendering keeps.

Mapping (Markdown -> Word):
- "# Title" (ATX) -> Heading 1; a text line underlined with "-----" (setext) -> Heading 2,
  and with "=====" -> Heading 1;
- "- item" / "* item" -> 'List Bullet'; "1. item" -> 'List Number' (none occur in this README);
- fenced or 4-space-indented code lines -> one paragraph per line in a 'Code' paragraph
  style (Courier New, 9 pt);
- consecutive prose lines -> one Normal paragraph, lines joined with a single space and runs
  of spaces collapsed, as Markdown renders them;
- inline markup removed: [text](url) -> text, <url> -> url, `code` -> code, *em*/**strong** ->
  text.
The words themselves are not changed.
"""
import gzip
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE / "fetch/siege/usr/share/doc/siege/README.md.gz"


def read(source: Path) -> list[str]:
    raw = gzip.decompress(source.read_bytes()) if source.suffix == ".gz" else source.read_bytes()
    return raw.decode("utf-8").splitlines()


def inline(text: str) -> str:
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)
    text = re.sub(r"`([^`]*)`", r"\1", text)
    text = re.sub(r"\*\*([^*]+)\*\*", r"\1", text)
    text = re.sub(r"(?<![\w*])\*([^*\s][^*]*)\*(?![\w*])", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


def build(source: Path, out: Path) -> None:
    lines = read(source)
    doc = Document()
    code = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = doc.styles["Normal"]
    code.font.name = "Courier New"
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(0)

    prose: list[str] = []

    def flush() -> None:
        if prose:
            doc.add_paragraph(inline(" ".join(prose)))
            prose.clear()

    in_fence = False
    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        nxt = lines[i + 1].rstrip() if i + 1 < len(lines) else ""
        if line.startswith("```"):
            flush()
            in_fence = not in_fence
        elif in_fence:
            doc.add_paragraph(line, style="Code")
        elif not line.strip():
            flush()
        elif line.strip() and re.fullmatch(r"-{3,}|={3,}", nxt) and not prose:
            doc.add_heading(inline(line), level=1 if nxt.startswith("=") else 2)
            i += 1  # skip the underline
        elif m := re.match(r"(#{1,6})\s+(.*?)\s*#*$", line):
            flush()
            doc.add_heading(inline(m.group(2)), level=len(m.group(1)))
        elif m := re.match(r"[-*+]\s+(.*)", line):
            flush()
            doc.add_paragraph(inline(m.group(1)), style="List Bullet")
        elif m := re.match(r"\d+[.)]\s+(.*)", line):
            flush()
            doc.add_paragraph(inline(m.group(1)), style="List Number")
        elif (line.startswith("    ") or line.startswith("\t")) and not prose:
            doc.add_paragraph(line.strip(), style="Code")
        else:
            prose.append(line)
        i += 1
    flush()
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    build(Path(sys.argv[2]) if len(sys.argv) == 3 else DEFAULT_SOURCE, Path(sys.argv[1]))
