"""Lay the fuzzel README out as a Word document, without rewording it.

Usage: python build_fuzzel-readme.py OUT.docx [SOURCE]

Source: README.md of fuzzel 1.8.2 (https://codeberg.org/dnkl/fuzzel), as shipped in the
Debian bookworm package fuzzel 1.8.2-2 at /usr/share/doc/fuzzel/README.md (fetched with
`apt-get download fuzzel && dpkg -x fuzzel_1.8.2-2_amd64.deb x_fuzzel`). SOURCE defaults to
fetch/x_fuzzel/usr/share/doc/fuzzel/README.md beside this script.

Licence: fuzzel is released under the MIT licence (README "License" section and
debian/copyright: "License: Expat"); the README is part of that distribution.

Mapping from Markdown to Word:
- "#", "##", "###" headings -> Heading 1, Heading 2, Heading 3 (the text of the title line);
- "- " and "* " list items -> 'List Bullet' paragraphs; "1. " items -> 'List Number';
- fenced code blocks (```) -> one paragraph per code line in a monospace 'Code' paragraph
  style (Courier New 9 pt), the fence lines themselves dropped;
- other text lines -> 'Normal' paragraphs, consecutive lines of one paragraph joined by a space;
- inline markup: `code` -> Courier New run; **bold** -> bold run; _italic_ -> italic run;
  links [text](url) -> their text only; images and badge images (![alt](src), also inside
  links) are dropped; footnote marks [^1] -> "[1]", the footnote definition "[^1]: text"
  -> a Normal paragraph "[1] text" (its indented continuation lines joined to it).
Markdown tables do not occur in this README (a table would become a Word table).
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE / "fetch/x_fuzzel/usr/share/doc/fuzzel/README.md"

INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|(?<![\w])_[^_]+_(?![\w]))")


def clean_links(text: str) -> str:
    text = re.sub(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)", "", text)  # linked badge images
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images
    text = re.sub(r"\[\^(\d+)\]", r"[\1]", text)  # footnote marks
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # links -> text
    return text.strip()


def add_runs(paragraph, text: str) -> None:
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = paragraph.add_run(part[1:-1])
            run.font.name = "Courier New"
        elif part.startswith("**") and part.endswith("**") and len(part) > 3:
            paragraph.add_run(part[2:-2]).bold = True
        elif part.startswith("_") and part.endswith("_") and len(part) > 1:
            paragraph.add_run(part[1:-1]).italic = True
        else:
            paragraph.add_run(part)


def build(source: Path, out: Path) -> None:
    doc = Document()
    code_style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code_style.base_style = doc.styles["Normal"]
    code_style.font.name = "Courier New"
    code_style.font.size = Pt(9)
    code_style.paragraph_format.space_after = Pt(0)

    lines = source.read_text(encoding="utf-8").splitlines()
    buffer: list[str] = []  # lines of the current paragraph
    kind = None  # style of the current paragraph

    def flush() -> None:
        nonlocal buffer, kind
        if buffer:
            text = clean_links(" ".join(s.strip() for s in buffer))
            if text:
                add_runs(doc.add_paragraph(style=kind or "Normal"), text)
        buffer, kind = [], None

    in_code = False
    for line in lines:
        if line.strip().startswith("```"):
            flush()
            in_code = not in_code
            continue
        if in_code:
            doc.add_paragraph(line.rstrip(), style="Code")
            continue
        if not line.strip():
            flush()
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        if heading:
            flush()
            doc.add_heading(clean_links(heading.group(2)), level=len(heading.group(1)))
            continue
        bullet = re.match(r"^\s*[-*]\s+(.*)$", line)
        number = re.match(r"^\s*\d+\.\s+(.*)$", line)
        footnote = re.match(r"^\[\^(\d+)\]:\s*(.*)$", line)
        if bullet or number:
            flush()
            kind = "List Bullet" if bullet else "List Number"
            buffer = [(bullet or number).group(1)]
        elif footnote:
            flush()
            buffer = [f"[{footnote.group(1)}] {footnote.group(2)}"]
        else:
            buffer.append(line)
    flush()
    doc.save(str(out))


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    build(Path(sys.argv[2]) if len(sys.argv) == 3 else DEFAULT_SOURCE, Path(sys.argv[1]))
