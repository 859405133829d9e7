"""Build grunt_contrib_watch-readme.docx from the grunt-contrib-watch README.

Source: npm registry, package grunt-contrib-watch 1.1.0, file package/README.md
(`npm pack grunt-contrib-watch@1.1.0 && tar xzf grunt-contrib-watch-1.1.0.tgz`).
Licence: MIT (package.json "license").

The text is not reworded. Layout as a person would do it in Word:
- the first-level heading becomes the Title, ## / ### / #### / ##### become Heading 1-4;
- badge images are dropped, links keep their visible text (underlined);
- "> ..." lines become an indented Quote paragraph;
- fenced code blocks become paragraphs in a Courier New "Source Code" style;
- inline `code` becomes a Courier New run, *emphasis* italic, **strong** bold;
- "* ..." list items become List Bullet paragraphs;
- "---" rules are dropped;
- core properties and zip member dates are fixed (2024-01-01) so a rebuild gives the same file.

Usage: python build_grunt_contrib_watch-readme.py OUT.docx SOURCE_README.md
"""
import datetime
import io
import pathlib
import re
import sys
import zipfile

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Inches, Pt

FIXED = datetime.datetime(2024, 1, 1, 0, 0, 0)

BADGE = re.compile(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)")
INLINE = re.compile(
    r"(`[^`]+`)"                      # inline code
    r"|(\*\*[^*]+\*\*)"               # strong
    r"|(\[[^\]]+\]\([^)\s]+\))"       # link
    r"|((?<![\w*])\*[^*\s][^*]*\*(?![\w*]))"  # *emphasis*
    r"|((?<![\w_])_[^_\s][^_]*_(?![\w_]))"    # _emphasis_
)


def add_runs(par, text, bold=False, italic=False):
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            r = par.add_run(text[pos:m.start()])
            r.bold, r.italic = bold or None, italic or None
        tok = m.group(0)
        if m.group(1):
            r = par.add_run(tok[1:-1])
            r.font.name = "Courier New"
            r.bold, r.italic = bold or None, italic or None
        elif m.group(2):
            add_runs(par, tok[2:-2], bold=True, italic=italic)
        elif m.group(3):
            lm = re.match(r"\[([^\]]+)\]\(([^)\s]+)\)", tok)
            before = len(par.runs)
            add_runs(par, lm.group(1), bold=bold, italic=italic)
            for r in par.runs[before:]:
                r.underline = True
        else:
            add_runs(par, tok[1:-1], bold=bold, italic=True)
        pos = m.end()
    if pos < len(text):
        r = par.add_run(text[pos:])
        r.bold, r.italic = bold or None, italic or None


def code_style(doc):
    st = doc.styles.add_style("Source Code", WD_STYLE_TYPE.PARAGRAPH)
    st.base_style = doc.styles["Normal"]
    st.font.name = "Courier New"
    st.font.size = Pt(9)
    st.paragraph_format.space_after = Pt(0)
    st.paragraph_format.space_before = Pt(0)
    st.paragraph_format.left_indent = Inches(0.3)
    return st


def build(out, src):
    lines = pathlib.Path(src).read_text(encoding="utf-8").splitlines()
    doc = Document()
    code = code_style(doc)
    i = 0
    para_buf = []

    def flush():
        if para_buf:
            text = " ".join(s.strip() for s in para_buf)
            add_runs(doc.add_paragraph(), text)
            para_buf.clear()

    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].startswith("```"):
                doc.add_paragraph(lines[i].rstrip(), style=code)
                i += 1
            i += 1
            continue
        m = re.match(r"^(#{1,6})\s+(.*)$", line)
        if m:
            flush()
            level = len(m.group(1))
            text = BADGE.sub("", m.group(2)).strip()
            p = doc.add_heading(level=0) if level == 1 else doc.add_heading(level=min(level - 1, 9))
            add_runs(p, text)
            i += 1
            continue
        if line.startswith(">"):
            flush()
            add_runs(doc.add_paragraph(style="Quote"), line.lstrip(">").strip())
            i += 1
            continue
        if re.match(r"^\s*\*\s+", line) and not line.strip().startswith("**"):
            flush()
            text = re.sub(r"^\s*\*\s+", "", line).strip()
            add_runs(doc.add_paragraph(style="List Bullet"), text)
            i += 1
            continue
        if line.strip() == "---":
            flush()
            i += 1
            continue
        if not line.strip():
            flush()
            i += 1
            continue
        para_buf.append(line)
        # a line ending in two spaces is a hard break in Markdown: keep it as its own line
        if line.endswith("  "):
            flush()
        i += 1
    flush()

    cp = doc.core_properties
    cp.title = "grunt-contrib-watch v1.1.0"
    cp.author = "grunt-contrib-watch contributors"
    cp.last_modified_by = "grunt-contrib-watch contributors"
    cp.revision = 1
    cp.created = FIXED
    cp.modified = FIXED
    cp.last_printed = FIXED
    buf = io.BytesIO()
    doc.save(buf)
    # rewrite the package with fixed member dates so a rebuild is byte-identical
    src_zip = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src_zip.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, src_zip.read(info.filename))


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
