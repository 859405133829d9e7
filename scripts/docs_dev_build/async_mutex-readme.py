"""Build async_mutex-readme.docx from the async-mutex README.

Source: npm registry, package async-mutex 0.5.0, file package/README.md
(`npm pack async-mutex@0.5.0 && tar xzf async-mutex-0.5.0.tgz`).
Licence: MIT (package.json "license", LICENSE).

Usage: python build/build_async_mutex-readme.py OUT.docx SOURCE

Layout as a person would make it in Word: '#' headings become Heading 1/2/3,
fenced and indented code blocks a Courier New "Source Code" paragraph style,
inline code monospaced runs, **bold** bold runs, links their (underlined) text.
The three badge images at the top are left out. The text is not reworded;
soft-wrapped Markdown lines are joined into one paragraph. Core-property dates
are fixed (2024-01-01) so a rebuild gives the same document.
"""
import datetime
import pathlib
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt, RGBColor

INLINE = re.compile(r"(\*\*.+?\*\*|`[^`]+`|\[[^\]]+\]\([^)]+\))")


def add_inline(par, text):
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**"):
            inner = part[2:-2]
            # bold text may itself hold inline code
            for sub in re.split(r"(`[^`]+`)", inner):
                if not sub:
                    continue
                if sub.startswith("`"):
                    r = par.add_run(sub[1:-1])
                    r.font.name = "Courier New"
                else:
                    r = par.add_run(sub)
                r.bold = True
        elif part.startswith("`"):
            r = par.add_run(part[1:-1])
            r.font.name = "Courier New"
        elif part.startswith("["):
            m = re.match(r"\[([^\]]+)\]\(([^)]+)\)", part)
            r = par.add_run(m.group(1))
            r.underline = True
            r.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
        else:
            par.add_run(part)


def main(out, source):
    lines = pathlib.Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    code_style = doc.styles.add_style("Source Code", WD_STYLE_TYPE.PARAGRAPH)
    code_style.base_style = doc.styles["Normal"]
    code_style.font.name = "Courier New"
    code_style.font.size = Pt(9)
    code_style.paragraph_format.space_after = Pt(0)

    para: list[str] = []

    def flush():
        if para:
            p = doc.add_paragraph()
            add_inline(p, " ".join(s.strip() for s in para))
            para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("[![") or line.startswith("!["):
            i += 1  # badge images
            continue
        if line.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].startswith("```"):
                doc.add_paragraph(lines[i], style="Source Code")
                i += 1
            i += 1
            continue
        if line.startswith("    ") and not para:
            doc.add_paragraph(line[4:], style="Source Code")
            i += 1
            continue
        m = re.match(r"^(#{1,6})\s+(.*)$", line)
        if m:
            flush()
            level = min(len(m.group(1)), 3)
            h = doc.add_heading(level=level)
            add_inline(h, m.group(2).strip())
            i += 1
            continue
        if not line.strip():
            flush()
            i += 1
            continue
        para.append(line)
        i += 1
    flush()

    when = datetime.datetime(2024, 1, 1, 0, 0, 0)
    cp = doc.core_properties
    cp.title = "async-mutex"
    cp.author = "async-mutex README"
    cp.last_modified_by = "async-mutex README"
    cp.created = when
    cp.modified = when
    cp.last_printed = when
    cp.revision = 1
    doc.save(out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
