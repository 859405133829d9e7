"""Build tslog-readme.docx from the tslog README (Markdown) with python-docx.

Usage: python build_tslog-readme.py OUT.docx SOURCE

Source: README.md of the npm package tslog 5.1.0 (``npm pack tslog@5.1.0``,
file ``package/README.md``). Licence: MIT (package.json "license": "MIT",
LICENSE file in the same package).

Mapping from Markdown to Word, without rewording the text:
- ``#`` .. ``####`` headings -> Heading 1 .. Heading 4 styles (an HTML anchor
  such as ``<a name=...></a>`` inside a heading is dropped, link text is kept).
- paragraphs -> Normal (soft line breaks inside a paragraph are joined with a
  space).
- ``-`` / ``*`` bullet items -> List Bullet (List Bullet 2 when indented);
  ``1.`` items -> List Number.
- ``>`` block quotes -> Quote style; a GitHub alert marker ``[!NOTE]`` or
  ``[!IMPORTANT]`` becomes a bold "Note" / "Important" label.
- fenced code blocks -> one "Code Block" paragraph style (Courier New 9 pt)
  per line, also when indented inside a list item.
- pipe tables -> Word tables (Table Grid style, header row in bold);
  ``\\|`` becomes ``|``, ``<br>`` a line break, other HTML tags are dropped.
- inline ``code`` -> Courier New runs, ``**bold**`` / ``<b>`` -> bold,
  ``*italic*`` / ``_italic_`` -> italic, ``[text](url)`` -> text.
- images and badges (``![alt](src)``) are left out.
Core properties get fixed dates so a rebuild gives the same document.
"""

import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

MONO = "Courier New"
FIXED_DATE = datetime.datetime(2025, 1, 1, 0, 0, 0)

INLINE = re.compile(
    r"(?P<img>!\[[^\]]*\]\([^)]*\))"
    r"|(?P<code>`+)(?P<codetext>.+?)(?P=code)"
    r"|\*\*(?P<bold>.+?)\*\*"
    r"|<b>(?P<hbold>.+?)</b>"
    r"|(?<![\w*])\*(?P<ital>[^*\s][^*]*?)\*(?![\w*])"
    r"|(?<![\w])_(?P<ital2>[^_\s][^_]*?)_(?![\w])"
    r"|\[(?P<ltext>(?:[^\[\]]|\[[^\]]*\])*)\]\((?P<lurl>[^)]*)\)"
    r"|(?P<br><br\s*/?>)"
    r"|(?P<tag></?[a-zA-Z][^>]*>)"
)


def add_runs(par, text, bold=False, italic=False):
    """Add text to par, turning inline Markdown into formatted runs."""
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            run = par.add_run(text[pos:m.start()])
            run.bold, run.italic = bold or None, italic or None
        pos = m.end()
        if m.group("img") or m.group("tag"):
            continue
        if m.group("br"):
            par.add_run().add_break()
        elif m.group("code"):
            run = par.add_run(m.group("codetext"))
            run.font.name = MONO
            run.bold, run.italic = bold or None, italic or None
        elif m.group("bold") is not None:
            add_runs(par, m.group("bold"), True, italic)
        elif m.group("hbold") is not None:
            add_runs(par, m.group("hbold"), True, italic)
        elif m.group("ital") is not None:
            add_runs(par, m.group("ital"), bold, True)
        elif m.group("ital2") is not None:
            add_runs(par, m.group("ital2"), bold, True)
        elif m.group("ltext") is not None:
            add_runs(par, m.group("ltext"), bold, italic)
    if pos < len(text):
        run = par.add_run(text[pos:])
        run.bold, run.italic = bold or None, italic or None


def split_row(line):
    """Split a Markdown table row on unescaped pipes."""
    line = line.strip()
    line = line.removeprefix("|")
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    cells = re.split(r"(?<!\\)\|", line)
    return [c.strip().replace("\\|", "|") for c in cells]


def is_only_images(text):
    rest = re.sub(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)", "", text)
    rest = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", rest)
    return rest.strip() == ""


def make_styles(doc):
    styles = doc.styles
    code = styles.add_style("Code Block", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = styles["Normal"]
    code.font.name = MONO
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(0)
    code.paragraph_format.space_before = Pt(0)


def add_table(doc, rows):
    header = split_row(rows[0])
    body = [split_row(r) for r in rows[2:]]
    ncols = len(header)
    table = doc.add_table(rows=1 + len(body), cols=ncols)
    table.style = "Table Grid"
    for r, cells in enumerate([header] + body):
        for c in range(ncols):
            text = cells[c] if c < len(cells) else ""
            par = table.cell(r, c).paragraphs[0]
            add_runs(par, text, bold=(r == 0))


def convert(src_text, doc):
    lines = src_text.split("\n")
    i = 0
    para = []
    quote = []

    def flush_para():
        if para:
            text = " ".join(s.strip() for s in para)
            if not is_only_images(text):
                add_runs(doc.add_paragraph(style="Normal"), text)
            para.clear()

    def flush_quote():
        if not quote:
            return
        chunks, cur = [], []
        for q in quote:
            if q.strip() == "":
                if cur:
                    chunks.append(cur)
                cur = []
            else:
                cur.append(q.strip())
        if cur:
            chunks.append(cur)
        for chunk in chunks:
            m = re.match(r"\[!(NOTE|IMPORTANT|TIP|WARNING|CAUTION)\]$", chunk[0])
            if m:
                label = doc.add_paragraph(style="Quote")
                label.add_run(m.group(1).capitalize()).bold = True
                chunk = chunk[1:]
            if chunk:
                add_runs(doc.add_paragraph(style="Quote"), " ".join(chunk))
        quote.clear()

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        fence = re.match(r"^(\s*)(```+)", line)
        if fence:
            flush_para()
            flush_quote()
            indent = len(fence.group(1))
            i += 1
            while i < len(lines) and not re.match(r"^\s*```+\s*$", lines[i]):
                code_line = lines[i]
                if code_line[:indent].strip() == "":
                    code_line = code_line[indent:]
                doc.add_paragraph(code_line.rstrip(), style="Code Block")
                i += 1
            i += 1
            continue
        if stripped.startswith(">"):
            flush_para()
            quote.append(re.sub(r"^>\s?", "", stripped))
            i += 1
            continue
        flush_quote()
        if stripped == "":
            flush_para()
            i += 1
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        if heading:
            flush_para()
            level = min(len(heading.group(1)), 4)
            add_runs(doc.add_heading("", level=level), heading.group(2).strip())
            i += 1
            continue
        if stripped.startswith("|") and i + 1 < len(lines) and re.match(r"^\s*\|[\s:|-]+\|\s*$", lines[i + 1]):
            flush_para()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(doc, rows)
            continue
        bullet = re.match(r"^(\s*)[-*]\s+(.*)$", line)
        number = re.match(r"^(\s*)\d+\.\s+(.*)$", line)
        if bullet or number:
            flush_para()
            m = bullet or number
            item = [m.group(2)]
            i += 1
            while i < len(lines) and lines[i].strip() and not re.match(r"^\s*([-*]|\d+\.)\s+", lines[i]) \
                    and not re.match(r"^\s*```", lines[i]) and not lines[i].strip().startswith("#"):
                item.append(lines[i].strip())
                i += 1
            if bullet:
                style = "List Bullet 2" if len(m.group(1)) >= 2 else "List Bullet"
            else:
                style = "List Number"
            add_runs(doc.add_paragraph(style=style), " ".join(item))
            continue
        if re.match(r"^\s*<[^>]+>\s*$", line):
            flush_para()
            i += 1
            continue
        para.append(line)
        i += 1
    flush_para()
    flush_quote()


def main():
    out, src = sys.argv[1], sys.argv[2]
    with open(src, encoding="utf-8") as fh:
        text = fh.read()
    doc = Document()
    make_styles(doc)
    convert(text, doc)
    props = doc.core_properties
    props.title = "tslog README"
    props.author = "tslog authors"
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE
    props.revision = 1
    doc.save(out)


if __name__ == "__main__":
    main()
