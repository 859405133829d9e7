"""Build awilix-readme.docx from the Awilix README (Markdown) with python-docx.

Usage: python build_awilix-readme.py OUT.docx SOURCE

Source: README.md of the npm package awilix 13.0.5 (`npm pack awilix@13.0.5`,
path package/README.md inside the tarball), by Jeff Hansen.
Licence: MIT ("The MIT License (MIT) Copyright (c) Jeff Hansen 2016 to present",
package/LICENSE.md).

The whole README is converted; no text is reworded, added or dropped except for
Markdown markup itself. Mapping from Markdown to Word:
- `#`, `##`, `###` headings -> "Heading 1", "Heading 2", "Heading 3" styles.
- paragraphs (wrapped source lines joined with a space) -> "Normal".
- `-` list items -> "List Bullet", "List Bullet 2", "List Bullet 3" by nesting
  depth; numbered items -> "List Number" styles; a later paragraph that belongs
  to a list item -> "List Continue" styles of the same depth.
- fenced code blocks -> one paragraph in a "Code" paragraph style (Courier New),
  source lines kept as line breaks, indented when inside a list item.
- `> ` block quotes -> their paragraphs in the "Quote" style (lists and code
  inside a quote keep their list / code styles).
- `**bold**`, `_italic_` / `*italic*` -> bold / italic runs; `code` spans ->
  runs in the "Inline Code" character style (Courier New).
- links -> Word hyperlinks for http(s) targets; links to anchors inside the
  README or to repository-relative files keep their text only.
- badge and logo images (shields.io badges at the top) are left out, since a
  Word file carries no remote images; their alt text is not body text.
Document properties use fixed dates so that a rebuild gives the same document.
"""

import datetime
import re
import sys

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt

LIST_RE = re.compile(r"^(\s*)([-*+]|\d+\.)\s+(.*)$")
HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
FENCE_RE = re.compile(r"^(\s*)```")
INLINE_RE = re.compile(
    r"(?P<badge>\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\))"
    r"|(?P<image>!\[[^\]]*\]\([^)]*\))"
    r"|(?P<code>`[^`]+`)"
    r"|(?P<link>\[(?P<ltext>(?:[^\[\]]|`[^`]*`)+)\]\((?P<lurl>[^)\s]+)\))"
    r"|(?P<bold>\*\*(?P<btext>.+?)\*\*)"
    r"|(?P<ital>(?<![\w*])[_*](?P<itext>[^\s_*](?:.*?[^\s_*])?)[_*](?![\w*]))"
)


def parse_blocks(lines):
    """Split Markdown lines into a flat list of block tuples."""
    blocks = []
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        stripped = line.strip()
        indent = len(line) - len(line.lstrip(" "))
        if not stripped:
            i += 1
            continue
        if stripped.startswith(">") and indent == 0:
            inner = []
            while i < n and lines[i].strip().startswith(">"):
                text = lines[i].strip()[1:]
                inner.append(text.removeprefix(" "))
                i += 1
            blocks.append(("quote", parse_blocks(inner)))
            continue
        fence = FENCE_RE.match(line)
        if fence:
            code = []
            i += 1
            while i < n and lines[i].strip() != "```":
                raw = lines[i]
                cut = min(indent, len(raw) - len(raw.lstrip(" ")))
                code.append(raw[cut:])
                i += 1
            i += 1
            blocks.append(("code", code, indent // 2))
            continue
        heading = HEADING_RE.match(line)
        if heading and indent == 0:
            blocks.append(("heading", len(heading.group(1)), heading.group(2)))
            i += 1
            continue
        item = LIST_RE.match(line)
        if item:
            parts = [item.group(3)]
            i += 1
            while i < n:
                nxt = lines[i]
                nind = len(nxt) - len(nxt.lstrip(" "))
                if (not nxt.strip() or nind <= indent or LIST_RE.match(nxt)
                        or FENCE_RE.match(nxt)):
                    break
                parts.append(nxt.strip())
                i += 1
            ordered = item.group(2)[0].isdigit()
            blocks.append(("item", indent // 2 + 1, " ".join(parts), ordered))
            continue
        parts = [stripped]
        i += 1
        while i < n:
            nxt = lines[i]
            if (not nxt.strip() or LIST_RE.match(nxt) or FENCE_RE.match(nxt)
                    or HEADING_RE.match(nxt) or nxt.strip().startswith(">")):
                break
            parts.append(nxt.strip())
            i += 1
        if indent >= 2:
            blocks.append(("cont", indent // 2, " ".join(parts)))
        else:
            blocks.append(("para", " ".join(parts)))
    return blocks


def add_hyperlink(paragraph, url, text, bold, italic, code):
    part = paragraph.part
    rel_id = part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "InlineCode" if code else "Hyperlink")
    rpr.append(style)
    if bold:
        rpr.append(OxmlElement("w:b"))
    if italic:
        rpr.append(OxmlElement("w:i"))
    if code:
        color = OxmlElement("w:color")
        color.set(qn("w:val"), "0563C1")
        rpr.append(color)
        underline = OxmlElement("w:u")
        underline.set(qn("w:val"), "single")
        rpr.append(underline)
    run.append(rpr)
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def add_inline(paragraph, text, bold=False, italic=False, url=None):
    pos = 0
    for m in INLINE_RE.finditer(text):
        if m.start() > pos:
            emit(paragraph, text[pos:m.start()], bold, italic, False, url)
        if m.group("code"):
            emit(paragraph, m.group("code")[1:-1], bold, italic, True, url)
        elif m.group("link"):
            target = m.group("lurl")
            link_url = target if target.startswith("http") else None
            add_inline(paragraph, m.group("ltext"), bold, italic, link_url or url)
        elif m.group("bold"):
            add_inline(paragraph, m.group("btext"), True, italic, url)
        elif m.group("ital"):
            add_inline(paragraph, m.group("itext"), bold, True, url)
        pos = m.end()
    if pos < len(text):
        emit(paragraph, text[pos:], bold, italic, False, url)


def emit(paragraph, text, bold, italic, code, url):
    if not text:
        return
    if url:
        add_hyperlink(paragraph, url, text, bold, italic, code)
        return
    run = paragraph.add_run(text, style="Inline Code" if code else None)
    run.bold = bold or None
    run.italic = italic or None


def has_text(text):
    return bool(INLINE_RE.sub(lambda m: "" if m.group("badge") or m.group("image") else "x", text).strip())


def list_style(base, level):
    return base if level <= 1 else f"{base} {min(level, 3)}"


def render(doc, blocks, quoted=False):
    for block in blocks:
        kind = block[0]
        if kind == "heading":
            p = doc.add_paragraph(style=f"Heading {min(block[1], 4)}")
            add_inline(p, block[2])
        elif kind == "para":
            if not has_text(block[1]):
                continue
            p = doc.add_paragraph(style="Quote" if quoted else None)
            add_inline(p, block[1])
        elif kind == "item":
            base = "List Number" if block[3] else "List Bullet"
            p = doc.add_paragraph(style=list_style(base, block[1]))
            add_inline(p, block[2])
        elif kind == "cont":
            p = doc.add_paragraph(style=list_style("List Continue", block[1]))
            add_inline(p, block[2])
        elif kind == "code":
            p = doc.add_paragraph(style="Code")
            level = block[2] + (1 if quoted else 0)
            if level:
                p.paragraph_format.left_indent = Inches(0.25 * level + 0.25)
            for k, code_line in enumerate(block[1]):
                if k:
                    p.add_run().add_break()
                if code_line:
                    p.add_run(code_line)
        elif kind == "quote":
            render(doc, block[1], quoted=True)


def build(out, source):
    with open(source, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    doc = docx.Document()
    styles = doc.styles
    code = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = styles["Normal"]
    code.font.name = "Courier New"
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(6)
    inline = styles.add_style("Inline Code", WD_STYLE_TYPE.CHARACTER)
    inline.font.name = "Courier New"
    if "Hyperlink" not in [s.name for s in styles]:
        link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
        link.font.underline = True
    render(doc, parse_blocks(lines))
    fixed = datetime.datetime(2025, 1, 1, 0, 0, 0)
    props = doc.core_properties
    props.title = "Awilix README"
    props.author = "Jeff Hansen"
    props.subject = "awilix 13.0.5"
    props.created = fixed
    props.modified = fixed
    props.last_printed = fixed
    props.last_modified_by = "build_awilix-readme.py"
    props.revision = 1
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: build_awilix-readme.py OUT.docx SOURCE")
    build(sys.argv[1], sys.argv[2])
