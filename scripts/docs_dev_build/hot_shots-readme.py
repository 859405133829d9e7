"""Build hot_shots-readme.docx from the hot-shots README.md.

Usage: python build_hot_shots-readme.py OUT.docx SOURCE

SOURCE is package/README.md from the npm tarball of hot-shots 18.0.0
(``npm pack hot-shots@18.0.0``). hot-shots is released under the MIT licence
("hot-shots is licensed under the MIT license." in its README and LICENSE).

The text is copied without rewording; only the Markdown syntax is turned into
Word layout:

* ``#`` .. ``######`` headings -> Heading 1 .. Heading 6 styles;
* ``*``/``-`` bullet items -> List Bullet, List Bullet 2, List Bullet 3 by
  indentation; continuation lines are joined to their item with a space;
* ``1.`` numbered items -> List Number;
* an indented paragraph after a blank line inside a list -> List Continue;
* fenced code blocks -> one paragraph per line in the monospaced "macro"
  style (Courier New), leading spaces kept;
* pipe tables -> Word tables (Table Grid), header row in bold;
* inline ``code`` -> Courier New run, ``**bold**`` -> bold, ``*italic*`` ->
  italic, ``[text](url)`` -> a hyperlink showing the text;
* the build-status badge image (``![Build Status](...)``) is left out, as an
  image cannot be fetched; nothing else is dropped.

Document core properties are set to fixed values so that a rebuild gives
the same document text and metadata.
"""

import datetime
import re
import sys

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

MONO = "Courier New"
INLINE = re.compile(
    r"(`[^`]+`)"                      # code span
    r"|(\*\*[^*]+\*\*)"               # bold
    r"|(\[[^\]]+\]\([^)\s]+\))"       # link
    r"|(?<![\w*])(\*[^*\s][^*]*\*)(?![\w*])"  # italic
)
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
BULLET = re.compile(r"^( *)[*-] +(.*)$")
NUMBER = re.compile(r"^( *)\d+\. +(.*)$")
HEADING = re.compile(r"^(#{1,6}) +(.*)$")
IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)\s*$")


def add_hyperlink(paragraph, text, url, mono=False):
    part = paragraph.part
    r_id = part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "0563C1")
    rpr.append(color)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    rpr.append(underline)
    if mono:
        fonts = OxmlElement("w:rFonts")
        for attr in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(attr), MONO)
        rpr.insert(0, fonts)
    run.append(rpr)
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def add_inline(paragraph, text):
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            paragraph.add_run(text[pos:m.start()])
        token = m.group(0)
        if m.group(1):
            run = paragraph.add_run(token[1:-1])
            run.font.name = MONO
        elif m.group(2):
            inner = token[2:-2]
            run = paragraph.add_run(inner)
            run.bold = True
        elif m.group(3):
            lm = LINK.match(token)
            label = lm.group(1)
            mono = label.startswith("`") and label.endswith("`")
            add_hyperlink(paragraph, label.strip("`") if mono else label, lm.group(2), mono)
        else:
            inner = token[1:-1]
            if "`" in inner:
                for part in re.split(r"(`[^`]+`)", inner):
                    if not part:
                        continue
                    run = paragraph.add_run(part.strip("`") if part.startswith("`") else part)
                    run.italic = True
                    if part.startswith("`"):
                        run.font.name = MONO
            else:
                run = paragraph.add_run(inner)
                run.italic = True
        pos = m.end()
    if pos < len(text):
        paragraph.add_run(text[pos:])


def split_row(line):
    cells = line.strip().strip("|").split("|")
    return [c.strip() for c in cells]


def build(out, source):
    with open(source, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    doc = docx.Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    code_style = doc.styles["macro"]
    code_style.font.name = MONO
    code_style.font.size = Pt(9)
    code_style.font.color.rgb = RGBColor(0x20, 0x20, 0x20)
    code_style.paragraph_format.space_after = Pt(0)

    props = doc.core_properties
    fixed = datetime.datetime(2024, 1, 1, 0, 0, 0)
    props.created = fixed
    props.modified = fixed
    props.last_printed = fixed
    props.revision = 1
    props.author = "hot-shots contributors"
    props.last_modified_by = "build_hot_shots-readme.py"
    props.title = "hot-shots README"
    props.subject = "hot-shots 18.0.0"

    i = 0
    current = None      # paragraph being continued (list item or plain text)
    in_list = False
    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            i += 1
            while i < len(lines) and not lines[i].startswith("```"):
                code = lines[i]
                doc.add_paragraph(code if code.strip() else "", style="macro")
                i += 1
            i += 1
            current = None
            continue
        if not line.strip():
            current = None
            i += 1
            continue
        if IMAGE.match(line):
            current = None
            i += 1
            continue
        m = HEADING.match(line)
        if m:
            level = len(m.group(1))
            h = doc.add_heading("", level=level)
            add_inline(h, m.group(2).strip())
            current = None
            in_list = False
            i += 1
            continue
        if line.lstrip().startswith("|") and i + 1 < len(lines) and re.match(r"^\s*\|[-:| ]+\|\s*$", lines[i + 1]):
            header = split_row(line)
            rows = []
            i += 2
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                rows.append(split_row(lines[i]))
                i += 1
            table = doc.add_table(rows=1 + len(rows), cols=len(header))
            table.style = doc.styles["Table Grid"]
            for c, cell_text in enumerate(header):
                p = table.rows[0].cells[c].paragraphs[0]
                add_inline(p, cell_text)
                for run in p.runs:
                    run.bold = True
            for r, row in enumerate(rows, start=1):
                for c, cell_text in enumerate(row):
                    add_inline(table.rows[r].cells[c].paragraphs[0], cell_text)
            current = None
            in_list = False
            continue
        m = BULLET.match(line)
        if m:
            level = min(len(m.group(1)) // 2, 2)
            style = "List Bullet" if level == 0 else f"List Bullet {level + 1}"
            current = doc.add_paragraph(style=style)
            add_inline(current, m.group(2))
            in_list = True
            i += 1
            continue
        m = NUMBER.match(line)
        if m:
            current = doc.add_paragraph(style="List Number")
            add_inline(current, m.group(2))
            in_list = True
            i += 1
            continue
        if current is not None and (line.startswith(" ") or in_list or current.style.name == "Normal"):
            # continuation line of the item or paragraph above
            add_inline(current, " " + line.strip())
            i += 1
            continue
        if in_list and line.startswith("  "):
            current = doc.add_paragraph(style="List Continue")
            add_inline(current, line.strip())
            i += 1
            continue
        in_list = False
        current = doc.add_paragraph()
        add_inline(current, line.strip())
        i += 1
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
