"""Build json2csv-readme.docx from the json2csv README, as a person would lay it out in Word.

Usage: python build_json2csv-readme.py OUT.docx SOURCE

Source: README.md of the npm package json2csv 5.0.7 (``npm pack json2csv@5.0.7``,
path ``package/README.md`` inside json2csv-5.0.7.tgz), the whole file.
Licence: json2csv is MIT licensed ("license": "MIT" in its package.json).

Mapping (the words are not changed, only the Markdown markup is turned into Word layout):
- ``#`` .. ``#####`` headings -> "Heading 1" .. "Heading 5" (the first ``#`` heading -> "Title");
- paragraphs -> "Normal" paragraphs (wrapped source lines joined with a space, a line ending in
  two spaces -> a line break);
- ``-`` / ``*`` list items -> "List Bullet" (nested items -> "List Bullet 2"), ``1.`` items -> "List Number";
- fenced code blocks -> one paragraph in a "Code" paragraph style (Courier New 9 pt), lines kept;
- pipe tables -> Word tables ("Table Grid", header row bold);
- inline ``code`` -> Courier New run, ``**bold**`` -> bold, ``*em*`` / ``_em_`` -> italic,
  links -> their text as a hyperlink, ``<kbd>X</kbd>`` -> X;
- badge images, screenshots (``![...](...)``) and link reference definitions are left out,
  as they are not text.
Document properties use fixed dates so a rebuild gives the same document.
"""
import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

FIXED = datetime.datetime(2024, 1, 1, 12, 0, 0)
MONO = "Courier New"

INLINE = re.compile(
    r"(?P<code>`[^`]+`)"
    r"|(?P<img>!\[[^\]]*\]\([^)]*\))"
    r"|(?P<link>\[(?P<ltext>[^\]]+)\]\((?P<lurl>[^)]+)\))"
    r"|(?P<reflink>\[(?P<rtext>[^\]]+)\](?:\[(?P<rref>[^\]]*)\])?)"
    r"|(?P<bold>\*\*(?P<btext>[^*]+)\*\*)"
    r"|(?P<em>(?<![\w*])\*(?P<etext>[^*\s][^*]*)\*(?![\w*])|(?<!\w)_(?P<utext>[^_\s][^_]*)_(?!\w))"
    r"|(?P<kbd><kbd>(?P<ktext>[^<]*)</kbd>)"
)


def add_hyperlink(paragraph, text, url, **fmt):
    r_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = paragraph.add_run(text)
    run.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    run.font.underline = True
    if fmt.get("mono"):
        run.font.name = MONO
    link.append(run._r)
    paragraph._p.append(link)


def add_inline(paragraph, text, refs):
    """Add text with Markdown inline markup turned into runs."""
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            paragraph.add_run(text[pos:m.start()])
        if m.group("code"):
            paragraph.add_run(m.group("code")[1:-1]).font.name = MONO
        elif m.group("img"):
            pass
        elif m.group("link"):
            add_hyperlink(paragraph, strip_marks(m.group("ltext")), m.group("lurl"))
        elif m.group("reflink"):
            key = (m.group("rref") or m.group("rtext")).lower()
            if key in refs:
                add_hyperlink(paragraph, strip_marks(m.group("rtext")), refs[key])
            else:
                paragraph.add_run(m.group(0))
        elif m.group("bold"):
            add_inline_styled(paragraph, m.group("btext"), bold=True)
        elif m.group("em"):
            add_inline_styled(paragraph, m.group("etext") or m.group("utext"), italic=True)
        elif m.group("kbd"):
            paragraph.add_run(m.group("ktext"))
        pos = m.end()
    if pos < len(text):
        paragraph.add_run(text[pos:])


def add_inline_styled(paragraph, text, bold=False, italic=False):
    for part in re.split(r"(`[^`]+`)", text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = paragraph.add_run(part[1:-1])
            run.font.name = MONO
        else:
            run = paragraph.add_run(part)
        run.bold = bold or None
        run.italic = italic or None


def strip_marks(text):
    return text.replace("`", "")


def add_text_with_breaks(paragraph, lines, refs):
    """Join wrapped lines; a line ending in two spaces ends with a line break."""
    for i, line in enumerate(lines):
        hard = line.endswith("  ")
        add_inline(paragraph, line.strip(), refs)
        if i < len(lines) - 1:
            if hard:
                paragraph.add_run().add_break()
            else:
                paragraph.add_run(" ")


def setup_styles(doc):
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    code = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = normal
    code.font.name = MONO
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(6)
    code.paragraph_format.left_indent = Pt(12)


def is_table_sep(line):
    return bool(re.match(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$", line))


def split_row(line):
    line = line.strip().removeprefix("|").removesuffix("|")
    return [c.strip() for c in line.split("|")]


def build(src, out):
    lines = src.splitlines()
    refs = {}
    body = []
    for line in lines:
        m = re.match(r"^\[([^\]]+)\]:\s*(\S+)\s*$", line)
        if m:
            refs[m.group(1).lower()] = m.group(2)
        else:
            body.append(line)

    doc = Document()
    setup_styles(doc)
    props = doc.core_properties
    props.title = "json2csv"
    props.author = "json2csv contributors"
    props.created = FIXED
    props.modified = FIXED
    props.last_printed = FIXED
    props.revision = 1

    i = 0
    first_heading = True
    n = len(body)
    while i < n:
        line = body[i]
        stripped = line.strip()
        if not stripped:
            i += 1
            continue
        fence = re.match(r"^(\s*)(```+)", line)
        if fence:
            indent = len(fence.group(1))
            i += 1
            code_lines = []
            while i < n and not body[i].strip().startswith("```"):
                code_lines.append(body[i][indent:] if body[i][:indent].strip() == "" else body[i])
                i += 1
            i += 1
            p = doc.add_paragraph(style="Code")
            for k, cl in enumerate(code_lines):
                if k:
                    p.add_run().add_break()
                p.add_run(cl.rstrip())
            continue
        h = re.match(r"^(#{1,6})\s+(.*?)\s*#*\s*$", line)
        if h:
            level = len(h.group(1))
            if first_heading and level == 1:
                p = doc.add_paragraph(style="Title")
                first_heading = False
            else:
                p = doc.add_paragraph(style=f"Heading {min(level, 9)}")
            add_inline(p, h.group(2), refs)
            i += 1
            continue
        if re.match(r"^!\[.*\]\(.*\)\s*$", stripped) or re.match(
            r"^(\[!\[[^\]]*\]\[[^\]]*\]\]\[[^\]]*\]\s*)+$", stripped
        ):
            i += 1
            continue
        if stripped.startswith("|") and i + 1 < n and is_table_sep(body[i + 1]):
            header = split_row(line)
            rows = []
            i += 2
            while i < n and body[i].strip().startswith("|"):
                rows.append(split_row(body[i]))
                i += 1
            table = doc.add_table(rows=1 + len(rows), cols=len(header))
            table.style = "Table Grid"
            for c, cell_text in enumerate(header):
                cp = table.rows[0].cells[c].paragraphs[0]
                add_inline_styled(cp, cell_text, bold=True)
            for r, row in enumerate(rows, start=1):
                for c in range(len(header)):
                    add_inline(table.rows[r].cells[c].paragraphs[0], row[c] if c < len(row) else "", refs)
            continue
        item = re.match(r"^(\s*)([-*]|\d+\.)\s+(.*)$", line)
        if item:
            depth = len(item.group(1)) // 2
            numbered = item.group(2)[0].isdigit()
            style = "List Number" if numbered else "List Bullet"
            if depth:
                style += " 2"
            text_lines = [item.group(3)]
            i += 1
            while i < n and body[i].strip() and not re.match(r"^\s*([-*]|\d+\.)\s+", body[i]) \
                    and not body[i].strip().startswith("```") and not body[i].startswith("#"):
                text_lines.append(body[i].strip())
                i += 1
            p = doc.add_paragraph(style=style)
            add_text_with_breaks(p, text_lines, refs)
            continue
        para = [line]
        i += 1
        while i < n and body[i].strip() and not re.match(r"^(\s*)(```|#{1,6}\s|[-*]\s|\d+\.\s|\|)", body[i]):
            para.append(body[i])
            i += 1
        p = doc.add_paragraph()
        add_text_with_breaks(p, para, refs)

    doc.save(out)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: build_json2csv-readme.py OUT.docx SOURCE")
    with open(sys.argv[2], encoding="utf-8") as f:
        src = f.read()
    build(src, sys.argv[1])


if __name__ == "__main__":
    main()
