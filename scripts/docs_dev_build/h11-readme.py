"""Lay the h11 README out as a Word document, without rewording it.

Usage: python build_h11-readme.py OUT.docx [SOURCE]

Source: the README of h11 0.16.0 ("A pure-Python, bring-your-own-I/O implementation of
HTTP/1.1"), i.e. the long description (reStructuredText) in the installed wheel's
/work/main/.venv/lib/python3.11/site-packages/h11-0.16.0.dist-info/METADATA; the e-mail style
header block (everything up to the first blank line) is skipped.
Default SOURCE: that METADATA file.

Licence: h11 is MIT-licensed ("License: MIT" in METADATA, LICENSE.txt in the dist-info, and
the README's own "*License?* MIT" entry); the README is redistributed under the same terms.

Mapping (reStructuredText -> Word):
- a title line underlined with "=" -> Heading 1; underlined with "-" -> Heading 2;
- ".. image::" directives (CI / coverage / docs badges) with their indented options -> dropped
  (they are pictures with no text of their own);
- ".. code-block:: LANG" + its indented block -> one paragraph per line in a 'Code'
  paragraph style (Courier New, 9 pt), the common indentation removed;
- "1) text" enumerated items (with their indented continuation lines) -> 'List Number';
- a paragraph that is wholly "*...*" (the FAQ questions) -> a Normal paragraph in italics;
- other consecutive prose lines -> one Normal paragraph (lines joined with a space, as
  reStructuredText renders them);
- inline markup removed: `text <url>`_ and `text <url>`__ -> text, ``literal`` -> literal
  (kept as a Courier New run), *emphasis* -> text.
The text itself is not changed.
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = Path(
    "/work/main/.venv/lib/python3.11/site-packages/h11-0.16.0.dist-info/METADATA"
)


def strip_links(text: str) -> str:
    text = re.sub(r"`([^`<]*?)\s*<[^>]*>`__?", r"\1", text)  # `text <url>`_ -> text
    text = re.sub(r"(?<!`)`([^`]+)`_", r"\1", text)  # `name`_ reference -> name
    return text


def add_inline(paragraph, text: str, italic: bool = False) -> None:
    """Add text to a paragraph, ``literals`` as Courier New runs, *emphasis* as italics."""
    text = strip_links(text)
    for part in re.split(r"(``[^`]+``)", text):
        if not part:
            continue
        if part.startswith("``") and part.endswith("``"):
            run = paragraph.add_run(part[2:-2])
            run.font.name = "Courier New"
            run.italic = italic
            continue
        for sub in re.split(r"((?<![\w*])\*[^*\s][^*]*\*(?![\w*]))", part):
            if not sub:
                continue
            if sub.startswith("*") and sub.endswith("*") and len(sub) > 2:
                paragraph.add_run(sub[1:-1]).italic = True
            else:
                paragraph.add_run(sub).italic = italic or None


def body_of(source: Path) -> list[str]:
    lines = source.read_text(encoding="utf-8").splitlines()
    if lines and lines[0].startswith("Metadata-Version:"):
        lines = lines[lines.index("") + 1 :]
    return lines


def build(source: Path, out: Path) -> None:
    doc = Document()
    code = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = doc.styles["Normal"]
    code.font.name = "Courier New"
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(0)

    lines = body_of(source)
    prose: list[str] = []

    def flush() -> None:
        if not prose:
            return
        text = " ".join(prose)
        m = re.fullmatch(r"\*([^*]+)\*", text)
        if m:  # a paragraph that is wholly emphasised (the FAQ questions)
            add_inline(doc.add_paragraph(), m.group(1), italic=True)
        else:
            add_inline(doc.add_paragraph(), text)
        prose.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if line.strip() and re.fullmatch(r"=+", nxt) and len(nxt) >= len(line.strip()):
            flush()
            doc.add_heading(line.strip(), level=1)
            i += 2
            continue
        if line.strip() and re.fullmatch(r"-+", nxt) and len(nxt) >= len(line.strip()):
            flush()
            doc.add_heading(line.strip(), level=2)
            i += 2
            continue
        if line.startswith(".. image::"):
            flush()
            i += 1
            while i < len(lines) and (lines[i].startswith(" ") and lines[i].strip()):
                i += 1
            continue
        if line.startswith(".. code-block::"):
            flush()
            i += 1
            block: list[str] = []
            while i < len(lines) and (not lines[i].strip() or lines[i].startswith(" ")):
                block.append(lines[i])
                i += 1
            while block and not block[-1].strip():
                block.pop()
            while block and not block[0].strip():
                block.pop(0)
            indent = min(len(b) - len(b.lstrip()) for b in block if b.strip())
            for b in block:
                doc.add_paragraph(b[indent:], style="Code")
            continue
        m = re.match(r"(\d+)\)\s+(.*)", line)
        if m:
            flush()
            item = [m.group(2)]
            i += 1
            while i < len(lines) and lines[i].startswith(" ") and lines[i].strip():
                item.append(lines[i].strip())
                i += 1
            add_inline(doc.add_paragraph(style="List Number"), " ".join(item))
            continue
        if not line.strip():
            flush()
        else:
            prose.append(line.strip())
        i += 1
    flush()
    doc.save(str(out))


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    build(Path(sys.argv[2]) if len(sys.argv) == 3 else DEFAULT_SOURCE, Path(sys.argv[1]))
