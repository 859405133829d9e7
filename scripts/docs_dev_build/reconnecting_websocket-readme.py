"""Build reconnecting_websocket-readme.docx from the reconnecting-websocket README.

Usage: python build_reconnecting_websocket-readme.py OUT.docx SOURCE

SOURCE is ``package/README.md`` from the npm package reconnecting-websocket 4.4.0
(``npm pack reconnecting-websocket@4.4.0``), by Pedro Ladaria, MIT licence
(``package/LICENSE``, ``"license": "MIT"`` in package.json).

The text is not reworded; only the Markdown layout is turned into Word layout:

* ``#`` .. ``####`` headings -> Word styles Heading 1 .. Heading 4
* ``-`` / ``*`` list items -> List Bullet
* fenced code blocks -> one paragraph per line in a "Code" paragraph style
  (Courier New 9 pt, no spacing between lines); the fence language is dropped
* ``| a | b |`` pipe tables -> Word tables (style "Table Grid", bold header row)
* inline ``code`` -> Courier New runs, ``**bold**`` -> bold runs,
  ``[text](url)`` -> a hyperlink showing ``text``
* badge lines (images ``[![..](..)](..)``) are left out
* consecutive text lines form one paragraph (joined with a space)

Core properties get fixed values so that a rebuild gives the same document.
"""
import datetime
import re
import sys

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

FIXED_DATE = datetime.datetime(2024, 1, 1, 0, 0, 0)
INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|\[[^\]]+\]\([^)]+\))")


def add_hyperlink(paragraph, text, url):
    r_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    props.append(style)
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "0563C1")
    props.append(color)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.append(underline)
    run.append(props)
    text_el = OxmlElement("w:t")
    text_el.text = text
    text_el.set(qn("xml:space"), "preserve")
    run.append(text_el)
    link.append(run)
    paragraph._p.append(link)


def add_inline(paragraph, text):
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`"):
            run = paragraph.add_run(part[1:-1])
            run.font.name = "Courier New"
        elif part.startswith("**") and part.endswith("**"):
            paragraph.add_run(part[2:-2]).bold = True
        elif part.startswith("["):
            m = re.match(r"\[([^\]]+)\]\(([^)]+)\)", part)
            add_hyperlink(paragraph, m.group(1), m.group(2))
        else:
            paragraph.add_run(part)


def code_style(document):
    style = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.font.color.rgb = RGBColor(0x20, 0x20, 0x20)
    style.paragraph_format.space_before = Pt(0)
    style.paragraph_format.space_after = Pt(0)
    return style


def add_table(document, rows):
    cells = [[c.strip() for c in r.strip().strip("|").split("|")] for r in rows]
    header, body = cells[0], cells[2:]
    table = document.add_table(rows=1 + len(body), cols=len(header))
    table.style = "Table Grid"
    for i, row in enumerate([header] + body):
        for j, value in enumerate(row[: len(header)]):
            paragraph = table.cell(i, j).paragraphs[0]
            add_inline(paragraph, value)
            if i == 0:
                for run in paragraph.runs:
                    run.bold = True


def build(source, out):
    with open(source, encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    document = docx.Document()
    code_style(document)
    para = []

    def flush():
        if para:
            add_inline(document.add_paragraph(), " ".join(para))
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
        elif stripped.startswith(("[![", "![")):
            flush()
        elif re.match(r"#{1,4} ", stripped):
            flush()
            level = len(stripped) - len(stripped.lstrip("#"))
            add_inline(document.add_heading(level=level), stripped[level:].strip())
        elif re.match(r"[-*] +", stripped):
            flush()
            add_inline(document.add_paragraph(style="List Bullet"), re.sub(r"^[-*] +", "", stripped))
        elif stripped.startswith("|") and i + 1 < len(lines) and re.match(r"\|?[\s:|-]+$", lines[i + 1].strip()):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(document, rows)
            continue
        elif not stripped:
            flush()
        else:
            para.append(stripped)
        i += 1
    flush()

    props = document.core_properties
    props.title = "Reconnecting WebSocket"
    props.author = "Pedro Ladaria"
    props.comments = "From the README.md of the npm package reconnecting-websocket 4.4.0 (MIT)"
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE
    props.revision = 1
    document.save(out)


if __name__ == "__main__":
    build(sys.argv[2], sys.argv[1])
