"""Build docs/sprintf_js-readme.docx from the README of sprintf-js.

Source: npm registry, package sprintf-js 1.1.3, file package/README.md
(`npm pack sprintf-js@1.1.3 && tar xzf sprintf-js-1.1.3.tgz`).
Licence: BSD-3-Clause (package.json "license", LICENSE).

The README is laid out as a person would in Word: Markdown headings become
Title/Heading styles, bullet lists become List Bullet / List Bullet 2, indented
code blocks use a monospaced "Source Code" paragraph style, inline code becomes
monospaced runs, bold stays bold, links keep their visible text (underlined),
badge images and link reference definitions (which a reader never sees) are
left out, and <sup> footnote markers become superscript. The text is not
reworded. Core-property dates are fixed so that a rebuild is identical.

Usage: python build/build_sprintf_js-readme.py OUT.docx SOURCE
"""
import datetime
import pathlib
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt, RGBColor

MONO = "Courier New"
FIXED = datetime.datetime(2024, 1, 1, 0, 0, 0)

INLINE = re.compile(
    r"(?P<code>`[^`]+`)"
    r"|(?P<bold>\*\*(?:[^*]|\*(?!\*))+?\*\*)"
    r"|(?P<ital>\*[^*\s][^*]*?\*)"
    r"|(?P<img>!\[[^\]]*\]\[[^\]]*\])"
    r"|(?P<link>\[(?P<ltext>[^\]]+)\](?:\([^)]*\)|\[[^\]]*\]))"
    r"|(?P<sup><sup>(?P<stext>.*?)</sup>)"
    r"|(?P<tag></?[a-zA-Z][^>]*>)"
)


def add_inline(par, text, bold=False, italic=False, size=None):
    """Add text with Markdown inline markup as runs of par."""
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            _run(par, text[pos:m.start()], bold, italic, size=size)
        if m.group("code"):
            _run(par, m.group("code")[1:-1], bold, italic, mono=True, size=size)
        elif m.group("bold"):
            add_inline(par, m.group("bold")[2:-2], True, italic, size)
        elif m.group("ital"):
            add_inline(par, m.group("ital")[1:-1], bold, True, size)
        elif m.group("img"):
            pass
        elif m.group("link"):
            start = len(par.runs)
            add_inline(par, m.group("ltext"), bold, italic, size)
            for r in par.runs[start:]:
                r.font.underline = True
                r.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
        elif m.group("sup"):
            inner = re.sub(r"<[^>]+>", "", m.group("stext"))
            r = _run(par, inner, bold, italic, size=size)
            r.font.superscript = True
        pos = m.end()
    if pos < len(text):
        _run(par, text[pos:], bold, italic, size=size)


def _run(par, text, bold, italic, mono=False, size=None):
    r = par.add_run(text)
    r.bold = bold or None
    r.italic = italic or None
    if mono:
        r.font.name = MONO
    if size:
        r.font.size = size
    return r


def build(out, source):
    lines = pathlib.Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    styles = doc.styles
    code_style = styles.add_style("Source Code", WD_STYLE_TYPE.PARAGRAPH)
    code_style.base_style = styles["Normal"]
    code_style.font.name = MONO
    code_style.font.size = Pt(9)
    code_style.paragraph_format.space_after = Pt(0)

    i = 0
    para_buf: list[str] = []

    def flush():
        if para_buf:
            text = " ".join(s.strip() for s in para_buf)
            small = text.startswith("<small>")
            p = doc.add_paragraph()
            add_inline(p, text, size=Pt(8) if small else None)
            para_buf.clear()

    while i < len(lines):
        line = lines[i]
        # link reference definitions are invisible in the rendered README
        if re.match(r"^\s*\[[^\]]+\]:\s+\S+", line):
            flush()
            i += 1
            continue
        if not line.strip():
            flush()
            i += 1
            continue
        h = re.match(r"^(#{1,6})\s+(.*)$", line)
        if h:
            flush()
            level = len(h.group(1))
            if level == 1:
                p = doc.add_paragraph(style="Title")
            else:
                p = doc.add_paragraph(style=f"Heading {level - 1}")
            add_inline(p, h.group(2))
            i += 1
            continue
        if line.startswith("    ") and not para_buf and not re.match(r"^\s*[*-]\s", line):
            # indented code block (blank lines inside kept)
            block = []
            while i < len(lines) and (lines[i].startswith("    ") or not lines[i].strip()):
                block.append(lines[i][4:])
                i += 1
            while block and not block[-1].strip():
                block.pop()
            for b in block:
                doc.add_paragraph(b, style="Source Code")
            continue
        b = re.match(r"^(\s*)[*-]\s+(.*)$", line)
        if b:
            flush()
            indent = len(b.group(1))
            style = "List Bullet" if indent < 2 else "List Bullet 2"
            p = doc.add_paragraph(style=style)
            add_inline(p, b.group(2))
            i += 1
            continue
        # a paragraph made only of badge images is not text
        if re.fullmatch(r"(\s*\[!\[[^\]]*\]\[[^\]]*\]\]\[[^\]]*\])+\s*", line):
            flush()
            i += 1
            continue
        para_buf.append(line)
        i += 1
    flush()

    cp = doc.core_properties
    cp.title = "sprintf-js"
    cp.author = "sprintf-js contributors"
    cp.created = FIXED
    cp.modified = FIXED
    cp.last_printed = FIXED
    cp.revision = 1
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    build(sys.argv[1], sys.argv[2])
