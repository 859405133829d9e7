"""Build magic_string-readme.docx from the README of magic-string.

Source: npm registry, package magic-string 1.4.5 (Rich Harris), file
`package/README.md` from `npm pack magic-string@1.4.5`. Licence: MIT
(package.json "license").

The README is laid out as a person would in Word: Markdown headings become
Heading 1/2/3 styles, bullet lists become List Bullet (nested ones List Bullet 2),
fenced code blocks become paragraphs in a monospaced "Code" style, inline code
is set in Consolas, **bold** and _italic_ keep their emphasis, links keep
their text. The text itself is not reworded. The badge images at the top
(raw HTML) are left out. Core-property dates are fixed so that a rebuild is
identical.

Usage: python build/build_magic_string-readme.py OUT.docx SOURCE_README.md
"""
import datetime as dt
import pathlib
import re
import sys
import zipfile

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt, RGBColor

FIXED = dt.datetime(2024, 1, 1, 0, 0, 0)
INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|(?<![\w])_[^_]+_(?![\w])|\[[^\]]*\]\((?:<[^>]*>|[^)]*)\))")


def add_inline(par, text):
    """Add text to a paragraph, turning Markdown inline markup into runs."""
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            par.add_run(text[pos:m.start()])
        tok = m.group(0)
        if tok.startswith("`"):
            run = par.add_run(tok[1:-1])
            run.font.name = "Consolas"
        elif tok.startswith("**"):
            add_bold(par, tok[2:-2])
        elif tok.startswith("_"):
            par.add_run(tok[1:-1]).italic = True
        else:
            label = re.match(r"\[([^\]]*)\]", tok).group(1)
            if label.startswith("`") and label.endswith("`"):
                run = par.add_run(label[1:-1])
                run.font.name = "Consolas"
            else:
                par.add_run(label)
        pos = m.end()
    if pos < len(text):
        par.add_run(text[pos:])


def add_bold(par, text):
    for part in re.split(r"(`[^`]+`)", text):
        if not part:
            continue
        if part.startswith("`"):
            run = par.add_run(part[1:-1])
            run.font.name = "Consolas"
        else:
            run = par.add_run(part)
        run.bold = True


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Consolas"
    style.font.size = Pt(9)
    style.font.color.rgb = RGBColor(0x20, 0x20, 0x20)
    style.paragraph_format.space_after = Pt(0)
    return style


def build(out, source):
    lines = pathlib.Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    code_style(doc)
    props = doc.core_properties
    props.title = "magic-string"
    props.author = "Rich Harris"
    props.created = props.modified = props.last_printed = FIXED
    props.revision = 1

    i = 0
    para_buf: list[str] = []

    def flush():
        if para_buf:
            add_inline(doc.add_paragraph(), " ".join(s.strip() for s in para_buf))
            para_buf.clear()

    while i < len(lines):
        line = lines[i]
        if line.startswith("<") or line.startswith("  <") or line.startswith("     "):
            # raw HTML badge block at the top of the README: left out
            flush()
            i += 1
            continue
        if line.startswith("```"):
            flush()
            i += 1
            while not lines[i].startswith("```"):
                doc.add_paragraph(lines[i].replace("\t", "    "), style="Code")
                i += 1
            i += 1
            continue
        m = re.match(r"^(#{1,4})\s+(.*)$", line)
        if m:
            flush()
            level = len(m.group(1))
            if level == 1:
                doc.add_heading(m.group(2), level=0)
            else:
                h = doc.add_heading(level=level - 1)
                add_inline(h, m.group(2))
            i += 1
            continue
        m = re.match(r"^(\s*)- (.*)$", line)
        if m:
            flush()
            style = "List Bullet 2" if len(m.group(1)) >= 2 else "List Bullet"
            text = m.group(2)
            # continuation lines of the same item
            while i + 1 < len(lines) and re.match(r"^\s{2,}\S", lines[i + 1]) and not re.match(r"^\s*- ", lines[i + 1]):
                i += 1
                text += " " + lines[i].strip()
            add_inline(doc.add_paragraph(style=style), text)
            i += 1
            continue
        if line.startswith(">"):
            flush()
            text = line.lstrip("> ").strip()
            if text == "[!NOTE]":
                add_bold(doc.add_paragraph(style="Intense Quote"), "Note")
            elif text:
                p = doc.add_paragraph(style="Intense Quote")
                add_inline(p, text)
            i += 1
            continue
        if not line.strip():
            flush()
            i += 1
            continue
        para_buf.append(line)
        i += 1
    flush()
    doc.save(out)
    normalise_zip(out)


def normalise_zip(path):
    """Rewrite the .docx zip with fixed entry timestamps so rebuilds are identical."""
    with zipfile.ZipFile(path) as zin:
        entries = [(info.filename, zin.read(info.filename)) for info in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zout.writestr(info, data)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
