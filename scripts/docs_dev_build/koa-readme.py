"""Build koa-readme.docx: the README of Koa laid out as a Word document.

Source: Readme.md from the npm package koa 3.3.0
(`npm pack koa@3.3.0 && tar xzf koa-3.3.0.tgz`, file package/Readme.md).

Usage:
    python build_koa-readme.py OUT.docx [SOURCE]

SOURCE defaults to package/Readme.md in the current directory.

Licence: Koa and its README are MIT licensed (package.json "license": "MIT",
LICENSE in the package); the README text is redistributed unchanged.

Mapping (no sentence is reworded; only Markdown markup is turned into Word
layout):
- "# " / "## " / "### " headings -> Heading 1 / Heading 2 / Heading 3
- "-" / "*" list items            -> List Bullet paragraphs
- fenced code blocks (```)       -> one 'Code' paragraph per line
- other text lines               -> Normal paragraphs, wrapped lines joined
- inline markup: links keep their text, `code`, **bold**, __bold__ and
  ___x___ lose their markers, [text][ref] keeps text
- dropped as pure chrome: the logo <img> line, the badge lines, the
  backer/sponsor avatar <a><img></a> lines and the link reference
  definitions at the end (all of them images or URLs, no prose).
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
REFLINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
REFDEF = re.compile(r"^\[[^\]]+\]:\s")


def inline(text):
    """Strip inline Markdown markup, keeping the words."""
    text = LINK.sub(r"\1", text)
    text = REFLINK.sub(r"\1", text)
    text = re.sub(r"_{2,3}([^_]+)_{2,3}", r"\1", text)
    text = re.sub(r"\*\*([^*]+)\*\*", r"\1", text)
    text = text.replace("`", "")
    return text.strip()


def is_chrome(line):
    s = line.strip()
    return s.startswith(("<img ", "<a href=", "[![")) or bool(REFDEF.match(s))


def code_style(doc):
    styles = doc.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    st = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    st.base_style = styles["Normal"]
    st.font.name = "Courier New"
    st.font.size = Pt(9)
    st.paragraph_format.space_after = Pt(0)
    return st


def build(src, out):
    lines = Path(src).read_text(encoding="utf-8").splitlines()
    doc = Document()
    code_style(doc)
    para = []
    in_code = False

    def flush():
        if para:
            doc.add_paragraph(inline(" ".join(para)))
            para.clear()

    for line in lines:
        if line.strip().startswith("```"):
            flush()
            in_code = not in_code
            continue
        if in_code:
            doc.add_paragraph(line, style="Code")
            continue
        if is_chrome(line):
            flush()
            continue
        s = line.strip()
        if not s:
            flush()
            continue
        m = re.match(r"^(#{1,3})\s+(.*)$", s)
        if m:
            flush()
            doc.add_heading(inline(m.group(2)), level=len(m.group(1)))
            continue
        m = re.match(r"^[-*]\s+(.*)$", s)
        if m:
            flush()
            doc.add_paragraph(inline(m.group(1)), style="List Bullet")
            continue
        para.append(s)
    flush()
    doc.core_properties.title = "Koa README"
    doc.save(out)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    src = sys.argv[2] if len(sys.argv) > 2 else "package/Readme.md"
    build(src, sys.argv[1])


if __name__ == "__main__":
    main()
