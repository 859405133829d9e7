"""Lay the Axel README out as a Word document, without rewording it.

Usage: python build_axel-readme.py OUT.docx [SOURCE]

Source: README.md of Axel 2.17.11 ("AXEL - Lightweight CLI download accelerator"),
as shipped in the Debian package axel 2.17.11-3 at /usr/share/doc/axel/README.md
(obtained with `apt-get download axel && dpkg -x axel_2.17.11-3_amd64.deb axel`).
Default SOURCE: fetch/axel/usr/share/doc/axel/README.md next to this script.

Licence: Axel is licensed under GPL-2+ with the OpenSSL exception (stated in the README's
"License" section and in /usr/share/doc/axel/copyright); the README is redistributed
under the same terms.

Mapping (Markdown -> Word):
- "# ", "## ", "### ", "#### " headings (trailing "##" closers dropped) -> Heading 1-4 styles;
- "- item" / "* item" at column 0 -> 'List Bullet'; "  + item" (indented) -> 'List Bullet 2';
- consecutive prose lines -> one Normal paragraph (lines joined with a space, as Markdown
  renders them);
- indented code lines (4 spaces or a tab) -> one paragraph per line in a 'Code' paragraph
  style (Courier New, 9 pt), indentation removed;
- inline markup removed: [text](url) -> text, [![alt](img)](url) -> alt, `code` -> code,
  *em* / **strong** -> text (kept as plain runs).
The text itself is not changed.
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE / "fetch/axel/usr/share/doc/axel/README.md"


def inline(text: str) -> str:
    text = re.sub(r"\[!\[([^\]]*)\]\([^)]*\)\]\([^)]*\)", r"\1", text)  # linked image -> alt
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)  # image -> alt
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # link -> text
    text = re.sub(r"`([^`]*)`", r"\1", text)  # inline code
    text = re.sub(r"\*\*([^*]+)\*\*", r"\1", text)  # strong
    text = re.sub(r"(?<![\w*])\*([^*\s][^*]*)\*(?![\w*])", r"\1", text)  # emphasis
    return text.strip()


def build(source: Path, out: Path) -> None:
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

    lines = source.read_text(encoding="utf-8").splitlines()
    last_item = None
    for line in lines:
        if not line.strip():
            flush()
            last_item = None
            continue
        heading = re.match(r"^(#{1,4})\s+(.*?)\s*#*\s*$", line)
        bullet = re.match(r"^(\s*)[-*+]\s+(.*)$", line)
        if heading:
            flush()
            doc.add_heading(inline(heading.group(2)), level=len(heading.group(1)))
            last_item = None
        elif bullet:
            flush()
            style = "List Bullet 2" if bullet.group(1) else "List Bullet"
            last_item = doc.add_paragraph(inline(bullet.group(2)), style=style)
        elif line.startswith("    ") or line.startswith("\t"):
            flush()
            doc.add_paragraph(line[1:] if line.startswith("\t") else line[4:], style="Code")
        elif last_item is not None and line.startswith("  "):
            last_item.add_run(" " + inline(line))  # continuation of a list item
        else:
            prose.append(line.strip())
    flush()
    doc.core_properties.title = "AXEL - Lightweight CLI download accelerator"
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    build(Path(sys.argv[2]) if len(sys.argv) == 3 else DEFAULT_SOURCE, Path(sys.argv[1]))
