"""Build url_loader-readme.docx: the url-loader README laid out as a Word document.

Source: npm registry, package url-loader 4.1.1 (webpack-contrib), file package/README.md
(`npm pack url-loader@4.1.1 && tar xzf url-loader-4.1.1.tgz`). Licence: MIT (package.json
"license", LICENSE).

The text is not reworded. Layout choices, as a person would make them in Word:
- the centred logo <div> and the badge image links at the top are left out, as are the
  reference-style link definitions at the end (they are URLs, not text a reader sees);
- "#" becomes the Title, "##"/"###"/"####" become Heading 1/2/3;
- paragraphs are the Markdown paragraphs (source lines joined with a space);
- a paragraph that is only bold text (e.g. "webpack.config.js") is a bold paragraph;
- fenced code blocks go into a Courier New "Source Code" paragraph style, line by line;
- inline code becomes a Courier New run; bold stays bold; links keep their text only;
- the Options table becomes a Word table (Table Grid style) with a bold header row.
Core-property dates and zip entry times are fixed to 2024-01-01 so a rebuild gives the same file.

Usage: python build/build_url_loader-readme.py OUT.docx SOURCE
"""
import datetime as dt
import io
import pathlib
import re
import sys
import zipfile

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

INLINE = re.compile(r"(\*\*.+?\*\*|`[^`]+`|\[[^\]]+\]\([^)]*\)|\[[^\]]+\]\[[^\]]*\])")


def add_inline(par, text, bold=False):
    """Add text to a paragraph, turning **bold**, `code` and [links](url) into runs."""
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            par.add_run(text[pos : m.start()]).bold = bold or None
        tok = m.group(0)
        if tok.startswith("**"):
            add_inline(par, tok[2:-2], bold=True)
        elif tok.startswith("`"):
            run = par.add_run(tok[1:-1])
            run.font.name = "Courier New"
            run.bold = bold or None
        else:
            inner = tok[1 : tok.index("]")]
            add_inline(par, inner, bold=bold)
        pos = m.end()
    if pos < len(text):
        par.add_run(text[pos:]).bold = bold or None


def cell_text(cell):
    cell = cell.strip().replace("\\|", "|")
    return cell


def split_row(line):
    line = line.strip().strip("|")
    cells = re.split(r"(?<!\\)\|", line)
    return [cell_text(c) for c in cells]


def build(out, source):
    lines = pathlib.Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    styles = doc.styles
    code = styles.add_style("Source Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = styles["Normal"]
    code.font.name = "Courier New"
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(0)

    i = 0
    n = len(lines)
    para: list[str] = []

    def flush():
        if not para:
            return
        text = " ".join(s.strip() for s in para)
        p = doc.add_paragraph()
        m = re.fullmatch(r"\*\*(.+)\*\*", text)
        if m:
            add_inline(p, m.group(1), bold=True)
        else:
            add_inline(p, text)
        para.clear()

    while i < n:
        line = lines[i]
        s = line.strip()
        if s.startswith("<div") :  # centred logo block
            while i < n and not lines[i].strip().startswith("</div>"):
                i += 1
            i += 1
            continue
        if s.startswith("[![") or re.match(r"^\[[^\]]+\]: ", s):  # badges, link definitions
            flush()
            i += 1
            continue
        if s.startswith("```"):
            flush()
            i += 1
            block = []
            while i < n and not lines[i].strip().startswith("```"):
                block.append(lines[i])
                i += 1
            i += 1
            for b in block:
                doc.add_paragraph(b, style="Source Code")
            continue
        m = re.match(r"^(#{1,6})\s+(.*)$", s)
        if m:
            flush()
            level = len(m.group(1))
            text = m.group(2)
            if level == 1:
                h = doc.add_paragraph(style="Title")
            else:
                h = doc.add_paragraph(style=f"Heading {min(level - 1, 9)}")
            add_inline(h, text)
            i += 1
            continue
        if s.startswith("|"):
            flush()
            rows = []
            while i < n and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            header = split_row(rows[0])
            body = [split_row(r) for r in rows[2:]]
            table = doc.add_table(rows=1 + len(body), cols=len(header))
            table.style = "Table Grid"
            for c, text in enumerate(header):
                cp = table.rows[0].cells[c].paragraphs[0]
                add_inline(cp, text, bold=True)
            for r, row in enumerate(body, 1):
                for c, text in enumerate(row):
                    add_inline(table.rows[r].cells[c].paragraphs[0], text)
            continue
        if not s:
            flush()
            i += 1
            continue
        para.append(line)
        i += 1
    flush()

    fixed = dt.datetime(2024, 1, 1, 0, 0, 0)
    cp = doc.core_properties
    cp.title = "url-loader"
    cp.author = "webpack-contrib"
    cp.last_modified_by = "webpack-contrib"
    cp.created = fixed
    cp.modified = fixed
    cp.last_printed = fixed
    cp.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    # rewrite the package with fixed zip entry times so that a rebuild is byte-identical
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zin, zipfile.ZipFile(
        out, "w", zipfile.ZIP_DEFLATED
    ) as zout:
        for item in zin.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zout.writestr(info, zin.read(item.filename))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    build(sys.argv[1], sys.argv[2])
