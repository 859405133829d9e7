"""Lay out the JSONPath Plus README (npm package jsonpath-plus) as a Word file.

Source: npm package jsonpath-plus 10.4.0 (``npm pack jsonpath-plus`` then
``tar xzf jsonpath-plus-10.4.0.tgz``), file ``package/README.md``.

Usage::

    python build_jsonpath_plus-readme.py OUT.docx [SOURCE]

SOURCE defaults to ``package/README.md`` in the current directory.

Licence: the README belongs to JSONPath Plus, released under the MIT License
(``package/LICENSE``, ``"license": "MIT"`` in package.json); the Word file
is a reformatted copy under the same licence.

Mapping (no sentence is reworded; only Markdown markup is removed):

* ``#``..``####`` headings -> Word "Heading 1".."Heading 4";
* ``-``/``*`` list items -> "List Bullet", nested items (4 spaces per
  level) -> "List Bullet 2" / "List Bullet 3"; wrapped continuation lines
  are joined with a space;
* ``1.`` items -> "List Number";
* pipe tables -> Word tables (style "Table Grid", first row bold), ``\\|``
  becomes ``|`` and ``<br>`` a line break inside the cell;
* fenced code blocks -> one paragraph per line in a 'Code' paragraph style
  (Courier New, 9 pt);
* other text -> "Normal" paragraphs, soft-wrapped lines joined with a space;
* inline markup: code spans keep their text, ``[text](url)`` keeps the
  text, ``**``/``***``/``*``/``_`` emphasis markers and backslash escapes
  are dropped, HTML tags (``<small>``) are dropped and ``<http://...>``
  autolinks keep the address, while escaped ``\\<``/``\\>`` stay as ``<``/``>``;
* badge images (lines holding only ``[![...](...)](...)`` links) and the
  HTML comment are left out, as they carry no text.
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

CODE_SPAN = re.compile(r"(`+)(.+?)\1")
CODE_LINK = re.compile(r"\[(`[^`]+`)\]\([^)]*\)")
LT, GT = "\x00", "\x01"


def strip_plain(text):
    """Remove Markdown inline markup from text outside code spans."""
    text = text.replace("\\<", LT).replace("\\>", GT)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)
    text = re.sub(r"</?[a-zA-Z][^>]*>", "", text)
    text = re.sub(r"\*{1,3}([^*]+?)\*{1,3}", r"\1", text)
    text = re.sub(r"(?<![\w\\])_([^_]+?)_(?!\w)", r"\1", text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!<>|])", r"\1", text)
    return text.replace(LT, "<").replace(GT, ">")


def inline(text):
    """Markdown inline text -> plain text, code spans kept literally."""
    text = CODE_LINK.sub(r"\1", text)
    out = []
    pos = 0
    for m in CODE_SPAN.finditer(text):
        out.append(strip_plain(text[pos:m.start()]))
        inner = m.group(2)
        if len(inner) > 1 and inner.startswith(" ") and inner.endswith(" "):
            inner = inner[1:-1]
        out.append(inner)
        pos = m.end()
    out.append(strip_plain(text[pos:]))
    return "".join(out).strip()


def split_row(line):
    """Split a pipe-table row into cells, honouring ``\\|`` escapes."""
    line = line.strip()
    line = line.removeprefix("|")
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    cells = re.split(r"(?<!\\)\|", line)
    return [c.strip().replace("\\|", "|") for c in cells]


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def add_table(doc, rows):
    header = split_row(rows[0])
    body = [split_row(r) for r in rows[2:]]
    table = doc.add_table(rows=1 + len(body), cols=len(header))
    table.style = "Table Grid"
    for r, cells in enumerate([header] + body):
        for c in range(len(header)):
            raw = cells[c] if c < len(cells) else ""
            parts = [inline(p) for p in re.split(r"\s*<br>\s*", raw)]
            para = table.rows[r].cells[c].paragraphs[0]
            for i, part in enumerate(parts):
                if i:
                    para.add_run().add_break()
                run = para.add_run(part)
                run.bold = r == 0


def is_badge_line(line):
    rest = re.sub(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)", "", line).strip()
    return line.strip().startswith("[![") and not rest


def build(src, out):
    lines = Path(src).read_text(encoding="utf-8").splitlines()
    doc = Document()
    code_style(doc)
    para_buf = []
    item = None  # [style, text]

    def flush():
        nonlocal item
        if para_buf:
            doc.add_paragraph(inline(" ".join(para_buf)), style="Normal")
            para_buf.clear()
        if item:
            doc.add_paragraph(inline(item[1]), style=item[0])
            item = None

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i], style="Code")
                i += 1
            i += 1
            continue
        if not stripped or stripped.startswith("<!--") or is_badge_line(line):
            flush()
        elif m := re.match(r"(#{1,6})\s+(.*)", line):
            flush()
            doc.add_heading(inline(m.group(2)), level=min(len(m.group(1)), 4))
        elif stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(doc, rows)
            continue
        elif m := re.match(r"(\s*)[-*]\s+(.*)", line):
            flush()
            level = len(m.group(1).expandtabs(4)) // 4
            style = "List Bullet" if level == 0 else f"List Bullet {min(level + 1, 3)}"
            item = [style, m.group(2)]
        elif m := re.match(r"\s*\d+\.\s+(.*)", line):
            flush()
            item = ["List Number", m.group(1)]
        elif item:
            item[1] += " " + stripped
        else:
            para_buf.append(stripped)
        i += 1
    flush()
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: python build_jsonpath_plus-readme.py OUT.docx [SOURCE]")
    build(sys.argv[2] if len(sys.argv) > 2 else "package/README.md", sys.argv[1])
