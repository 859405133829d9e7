"""Build pretty_ms-readme.docx: the pretty-ms README laid out as a Word document.

Source: npm registry, package pretty-ms 10.0.0, file `package/readme.md`
(`npm pack pretty-ms@10.0.0 && tar xzf pretty-ms-10.0.0.tgz`).
Licence: MIT (package.json "license", file `package/license`), (c) Sindre Sorhus.

Usage: python build/build_pretty_ms-readme.py OUT.docx SOURCE

The text is not reworded. Markdown is mapped to Word as a person would lay it out:
`#` to Title, `##`/`###`/`####`/`#####` to Heading 1-4, the blockquote tagline to the
Quote style, `-` items to List Bullet, fenced code blocks to a monospaced "Source Code"
paragraph style (one paragraph per block, line breaks kept), inline code to Courier New
runs, `*text*` to italics, `**text**` to bold, links to their underlined text, and a
trailing backslash (hard line break) to a line break. Core-property dates are fixed so
that a rebuild gives the same document; zip entries get a fixed date as well, so a
rebuild is byte-identical.
"""
import datetime as dt
import io
import pathlib
import re
import sys
import zipfile

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt, RGBColor

MONO = "Courier New"
FIXED = dt.datetime(2024, 1, 1, 0, 0, 0)

INLINE = re.compile(
    r"(`[^`]+`)"  # inline code
    r"|(\*\*[^*]+\*\*)"  # bold
    r"|(\[[^\]]+\]\([^)]+\))"  # link
    r"|(\*[^*]+\*)"  # italic
)


def add_inline(par, text, italic=False, bold=False):
    """Add text with Markdown inline markup to a paragraph as formatted runs."""
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            r = par.add_run(text[pos:m.start()])
            r.italic = italic or None
            r.bold = bold or None
        tok = m.group(0)
        if m.group(1):
            r = par.add_run(tok[1:-1])
            r.font.name = MONO
            r.italic = italic or None
            r.bold = bold or None
        elif m.group(2):
            add_inline(par, tok[2:-2], italic=italic, bold=True)
        elif m.group(3):
            label = tok[1:tok.index("](")]
            # link label may itself hold inline code
            before = len(par.runs)
            add_inline(par, label, italic=italic, bold=bold)
            for r in par.runs[before:]:
                r.underline = True
                r.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
        else:
            add_inline(par, tok[1:-1], italic=True, bold=bold)
        pos = m.end()
    if pos < len(text):
        r = par.add_run(text[pos:])
        r.italic = italic or None
        r.bold = bold or None


def add_lines(par, lines):
    """Add lines joined like Markdown: a trailing backslash is a hard line break."""
    for i, line in enumerate(lines):
        hard = line.endswith("\\")
        if hard:
            line = line[:-1]
        add_inline(par, line)
        if i < len(lines) - 1:
            if hard:
                par.add_run().add_break()
            else:
                par.add_run(" ")


def main(out, source):
    lines = pathlib.Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    styles = doc.styles
    code = styles.add_style("Source Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = styles["Normal"]
    code.font.name = MONO
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(6)

    i = 0
    para: list[str] = []

    def flush():
        if para:
            p = doc.add_paragraph()
            add_lines(p, para)
            para.clear()

    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            flush()
            block = []
            i += 1
            while not lines[i].startswith("```"):
                block.append(lines[i])
                i += 1
            p = doc.add_paragraph(style="Source Code")
            for j, b in enumerate(block):
                p.add_run(b)
                if j < len(block) - 1:
                    p.add_run().add_break()
            i += 1
            continue
        m = re.match(r"^(#{1,6}) (.*)$", line)
        if m:
            flush()
            level = len(m.group(1))
            if level == 1:
                p = doc.add_paragraph(style="Title")
            else:
                p = doc.add_paragraph(style=f"Heading {level - 1}")
            add_inline(p, m.group(2))
            i += 1
            continue
        if line.startswith("> "):
            flush()
            p = doc.add_paragraph(style="Quote")
            add_inline(p, line[2:])
            i += 1
            continue
        if re.match(r"^[-*] ", line):
            flush()
            p = doc.add_paragraph(style="List Bullet")
            add_inline(p, line[2:])
            i += 1
            continue
        if not line.strip():
            flush()
            i += 1
            continue
        para.append(line)
        i += 1
    flush()

    cp = doc.core_properties
    cp.title = "pretty-ms"
    cp.author = "Sindre Sorhus"
    cp.last_modified_by = "Sindre Sorhus"
    cp.revision = 1
    cp.created = FIXED
    cp.modified = FIXED
    cp.last_printed = FIXED
    buf = io.BytesIO()
    doc.save(buf)
    # python-docx stamps zip entries with the current time: rewrite them with a fixed one
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, src.read(info.filename))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
