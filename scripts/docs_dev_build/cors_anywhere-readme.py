"""Build cors_anywhere-readme.docx: the CORS Anywhere README laid out as a Word document.

Source: npm registry, package cors-anywhere 0.4.4, file package/README.md
(`npm pack cors-anywhere@0.4.4 && tar xzf cors-anywhere-0.4.4.tgz`).
Licence: MIT (package.json "license"; the README's own License section).

Usage: python build/build_cors_anywhere-readme.py OUT.docx SOURCE

Layout as a person would do it in Word: Markdown headings become Heading 1/2/3, bullet
items become "List Bullet" paragraphs, fenced code blocks go into a monospaced
"Source Code" paragraph style, inline code becomes Courier New runs, **bold** stays bold,
links keep their visible text (underlined), the two CI badge images at the top are left
out, no title is added (the README has none). The wording is not changed. Core-property dates are fixed so a rebuild is identical.
"""
import datetime
import pathlib
import re
import sys
import zipfile

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

MONO = "Courier New"
FIXED = datetime.datetime(2024, 1, 1, 0, 0, 0)

INLINE = re.compile(r"(\*\*(?P<bold>.+?)\*\*|`(?P<code>[^`]+)`|\[(?P<ltext>[^\]]+)\]\((?P<url>[^)]+)\))")


def add_inline(par, text):
    """Add text with **bold**, `code` and [links](url) as runs."""
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            par.add_run(text[pos:m.start()])
        if m.group("bold") is not None:
            inner = m.group("bold")
            # bold text may itself hold links or code: keep their visible text
            start = 0
            for sub in INLINE.finditer(inner):
                if sub.start() > start:
                    par.add_run(inner[start:sub.start()]).bold = True
                r = par.add_run(sub.group("code") or sub.group("ltext") or sub.group("bold"))
                r.bold = True
                if sub.group("code"):
                    r.font.name = MONO
                if sub.group("ltext"):
                    r.underline = True
                start = sub.end()
            if start < len(inner):
                par.add_run(inner[start:]).bold = True
        elif m.group("code") is not None:
            r = par.add_run(m.group("code"))
            r.font.name = MONO
        else:
            ltext = m.group("ltext")
            code = ltext.startswith("`") and ltext.endswith("`")
            r = par.add_run(ltext.strip("`") if code else ltext)
            r.underline = True
            if code:
                r.font.name = MONO
        pos = m.end()
    if pos < len(text):
        par.add_run(text[pos:])


def add_lines(par, lines):
    """Join source lines into one paragraph; a line ending in two spaces is a hard break."""
    for i, line in enumerate(lines):
        hard = line.endswith("  ")
        add_inline(par, line.strip())
        if i < len(lines) - 1:
            if hard:
                par.add_run().add_break()
            else:
                par.add_run(" ")


def build(out, source):
    text = pathlib.Path(source).read_text(encoding="utf-8")
    lines = text.splitlines()
    doc = Document()
    styles = doc.styles
    code_style = styles.add_style("Source Code", WD_STYLE_TYPE.PARAGRAPH)
    code_style.base_style = styles["Normal"]
    code_style.font.name = MONO
    code_style.font.size = Pt(9)
    code_style.paragraph_format.space_after = Pt(6)

    i = 0
    para: list[str] = []
    item: list[str] | None = None

    def flush():
        nonlocal para, item
        if para:
            add_lines(doc.add_paragraph(), para)
            para = []
        if item is not None:
            add_lines(doc.add_paragraph(style="List Bullet"), item)
            item = None

    while i < len(lines):
        line = lines[i]
        if line.startswith("[![") and i < 3:  # CI badges: images only
            i += 1
            continue
        if line.startswith("```"):
            flush()
            body = []
            i += 1
            while i < len(lines) and not lines[i].startswith("```"):
                body.append(lines[i])
                i += 1
            i += 1
            p = doc.add_paragraph(style="Source Code")
            for k, b in enumerate(body):
                p.add_run(b)
                if k < len(body) - 1:
                    p.add_run().add_break()
            continue
        m = re.match(r"^(#{1,6})\s+(.*)$", line)
        if m:
            flush()
            h = doc.add_heading(level=len(m.group(1)))
            add_inline(h, m.group(2).strip())
            i += 1
            continue
        if not line.strip():
            flush()
            i += 1
            continue
        m = re.match(r"^[*-]\s+(.*)$", line)
        if m:
            flush()
            item = [m.group(1) + ("  " if line.endswith("  ") else "")]
            i += 1
            continue
        if item is not None and line.startswith("  "):
            item.append(line.strip() + ("  " if line.endswith("  ") else ""))
            i += 1
            continue
        if item is not None:
            flush()
        para.append(line)
        i += 1
    flush()

    cp = doc.core_properties
    cp.title = "CORS Anywhere"
    cp.author = "Rob Wu"
    cp.last_modified_by = "Rob Wu"
    cp.revision = 1
    cp.created = FIXED
    cp.modified = FIXED
    cp.last_printed = FIXED
    doc.save(out)
    fix_zip_dates(out)


def fix_zip_dates(path):
    """Rewrite the .docx zip with a fixed timestamp on every member (byte-identical rebuilds)."""
    with zipfile.ZipFile(path) as z:
        members = [(info, z.read(info.filename)) for info in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in members:
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            z.writestr(fixed, data)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    build(sys.argv[1], sys.argv[2])
