"""Lay out the websockets README (reStructuredText) as a Word document, without rewording it.

Usage: python build_websockets-readme.py OUT.docx [SOURCE]

Source: the long description (README.rst) of the PyPI package websockets 17.4, i.e. the body
after the header block of
/work/main/.venv/lib/python3.11/site-packages/websockets-17.4.dist-info/METADATA
(used when SOURCE is not given; SOURCE may also be a plain README.rst file).

Licence: websockets is released under the BSD 3-Clause licence (METADATA
"License-Expression: BSD-3-Clause"; the README's last line says so too), which permits
redistribution of its documentation.

Mapping (reStructuredText -> Word):
  - a document title "websockets" (alt text of the logo image) -> style 'Title'
  - section titles (a line underlined with -, = or ~) -> 'Heading 1' / 'Heading 2'
    in order of first appearance of the underline character
  - paragraphs (consecutive lines) -> one 'Normal' paragraph, lines joined by a space
  - "* " / "- " items -> 'List Bullet'; "1. " items -> 'List Number' (the number is kept
    as the list style's own numbering, so the text is the item without its number);
    continuation lines are joined into the item; an indented paragraph inside a list item
    becomes a further 'List Bullet'/'List Number' continuation paragraph ('List Continue')
  - ".. code:: LANG" blocks and "::" literal blocks -> one paragraph per code line in a
    monospace character style (Courier New), indentation kept
  - tables (grid or simple) -> Word tables, one cell per column (none in this README)
  - inline markup removed: ``code`` -> code (monospace run), **strong** -> bold run,
    *emphasis* -> italic run, `text <url>`_ -> text, `text`_ / word_ -> text / word,
    :rfc:`6455` -> RFC 6455
  - dropped: images and badges (.. image::, |substitution| lines and their definitions),
    link targets (.. _name: url), comments (.. anything else)
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = Path(
    "/work/main/.venv/lib/python3.11/site-packages/websockets-17.4.dist-info/METADATA"
)
UNDERLINE = re.compile(r"^([-=~^\"'`#*+])\1{2,}\s*$")
BULLET = re.compile(r"^(\s*)[*-]\s+(.*)$")
NUMBER = re.compile(r"^(\s*)\d+\.\s+(.*)$")


def read_source(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    if path.name == "METADATA":
        # The long description is the body after the first blank line of the header block.
        text = text.split("\n\n", 1)[1]
    return text.splitlines()


def inline_runs(text: str) -> list[tuple[str, str]]:
    """Split text into (kind, text) runs with link and role markup removed."""
    text = re.sub(r":rfc:`(\d+)`", r"RFC \1", text)
    text = re.sub(r":[a-z]+:`([^`]+)`", r"\1", text)
    text = re.sub(r"`([^`<]+?)\s*<[^>]+>`__?", r"\1", text)  # `text <url>`_
    text = re.sub(r"(?<!`)`([^`]+)`__?", r"\1", text)  # `text`_
    text = re.sub(r"\b([A-Za-z][\w-]*)__?(?=[\s.,;:!?)]|$)", r"\1", text)  # word_
    runs: list[tuple[str, str]] = []
    pos = 0
    for m in re.finditer(r"``(.+?)``|\*\*(.+?)\*\*|(?<![\w*])\*([^*\s][^*]*?)\*(?![\w*])", text):
        if m.start() > pos:
            runs.append(("plain", text[pos:m.start()]))
        if m.group(1) is not None:
            runs.append(("code", m.group(1)))
        elif m.group(2) is not None:
            runs.append(("bold", m.group(2)))
        else:
            runs.append(("italic", m.group(3)))
        pos = m.end()
    if pos < len(text):
        runs.append(("plain", text[pos:]))
    return runs


def add_text(doc, text: str, style: str):
    para = doc.add_paragraph(style=style)
    for kind, chunk in inline_runs(text):
        run = para.add_run(chunk)
        if kind == "code":
            run.style = "Code Char"
        elif kind == "bold":
            run.bold = True
        elif kind == "italic":
            run.italic = True
    return para


def code_style(doc):
    styles = doc.styles
    para = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    para.base_style = styles["Normal"]
    para.font.name = "Courier New"
    para.font.size = Pt(9)
    para.paragraph_format.space_after = Pt(0)
    char = styles.add_style("Code Char", WD_STYLE_TYPE.CHARACTER)
    char.font.name = "Courier New"


def add_table(doc, rows: list[list[str]]):
    table = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    table.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            table.cell(i, j).text = "".join(t for _, t in inline_runs(cell))


def build(lines: list[str], out: str) -> None:
    doc = Document()
    code_style(doc)
    heading_chars: list[str] = []
    i = 0
    n = len(lines)

    def indented_block(start: int) -> tuple[list[str], int]:
        """Lines of an indented block starting at start (blank lines inside are kept)."""
        block: list[str] = []
        j = start
        while j < n and (not lines[j].strip() or lines[j].startswith((" ", "\t"))):
            block.append(lines[j])
            j += 1
        while block and not block[-1].strip():
            block.pop()
        return block, j

    while i < n:
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            i += 1
            continue
        # Directives, link targets, comments.
        if stripped.startswith(".. "):
            m = re.match(r"\.\. (image|code|code-block|sourcecode)::\s*(.*)$", stripped)
            block, j = indented_block(i + 1)
            if m and m.group(1) == "image":
                alt = [b.strip()[len(":alt:"):].strip() for b in block if b.strip().startswith(":alt:")]
                if alt and i < 3:
                    doc.add_paragraph(alt[0], style="Title")
            elif m:
                body = [b for b in block if not b.strip().startswith(":")]
                while body and not body[0].strip():
                    body.pop(0)
                indent = min(len(b) - len(b.lstrip()) for b in body if b.strip())
                for b in body:
                    doc.add_paragraph(b[indent:].rstrip(), style="Code")
            i = j
            continue
        if re.fullmatch(r"(\|[^|]+\|\s*)+", stripped):
            i += 1
            continue
        # Section title.
        if i + 1 < n and UNDERLINE.match(lines[i + 1]) and len(lines[i + 1].strip()) >= len(stripped):
            ch = lines[i + 1].strip()[0]
            if ch not in heading_chars:
                heading_chars.append(ch)
            level = min(heading_chars.index(ch) + 1, 3)
            add_text(doc, stripped, f"Heading {level}")
            i += 2
            continue
        # Simple table: a line of ===== columns.
        if re.fullmatch(r"=+( +=+)+", stripped):
            rows = []
            i += 1
            while i < n and lines[i].strip():
                if not re.fullmatch(r"=+( +=+)+", lines[i].strip()):
                    rows.append(re.split(r"\s{2,}", lines[i].strip()))
                i += 1
            add_table(doc, rows)
            continue
        # Lists.
        m = BULLET.match(line) or NUMBER.match(line)
        if m:
            style = "List Bullet" if BULLET.match(line) else "List Number"
            base = len(m.group(1))
            item = [m.group(2).strip()]
            i += 1
            extra: list[list[str]] = []
            while i < n:
                nxt = lines[i]
                if not nxt.strip():
                    # A blank line; an indented paragraph may follow inside the item.
                    if i + 1 < n and lines[i + 1].startswith(" " * (base + 2)) and lines[i + 1].strip() \
                            and not (BULLET.match(lines[i + 1]) or NUMBER.match(lines[i + 1])):
                        extra.append([])
                        i += 1
                        continue
                    break
                if BULLET.match(nxt) or NUMBER.match(nxt):
                    break
                if not nxt.startswith(" " * (base + 1)):
                    break
                (extra[-1] if extra else item).append(nxt.strip())
                i += 1
            add_text(doc, " ".join(item), style)
            for para in extra:
                add_text(doc, " ".join(para), "List Continue")
            continue
        # Paragraph, possibly ending with "::" (a literal block follows).
        para = [stripped]
        i += 1
        while i < n and lines[i].strip() and not (i + 1 < n and UNDERLINE.match(lines[i + 1])) \
                and not lines[i].strip().startswith(".. "):
            para.append(lines[i].strip())
            i += 1
        text = " ".join(para)
        literal = text.endswith("::")
        if literal:
            text = text[:-1] if not text.endswith(" ::") else text[:-3]
        if text:
            add_text(doc, text, "Normal")
        if literal:
            block, j = indented_block(i)
            while block and not block[0].strip():
                block.pop(0)
            if block:
                indent = min(len(b) - len(b.lstrip()) for b in block if b.strip())
                for b in block:
                    doc.add_paragraph(b[indent:].rstrip(), style="Code")
            i = j
    doc.core_properties.title = "websockets README"
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    source = Path(sys.argv[2]) if len(sys.argv) == 3 else DEFAULT_SOURCE
    build(read_source(source), sys.argv[1])
