"""Build request-readme.docx from the README.md of the npm package request.

Usage: python build_request-readme.py OUT.docx SOURCE

SOURCE is README.md from the npm tarball request-2.88.2.tgz (`npm pack request@2.88.2`,
path package/README.md). The README is part of request, licensed under the Apache License 2.0
(package/LICENSE, "license": "Apache-2.0" in package.json).

The text is not reworded; only the Markdown markup is turned into Word layout:

- `#` .. `####` headings -> Heading 1 .. Heading 4 styles
- paragraphs (consecutive lines joined with a space) -> Normal
- `-`, `*` bullet items -> List Bullet / List Bullet 2 / List Bullet 3 by indentation;
  indented or directly following lines are joined to their item
- `1.` numbered items -> List Number (numbering restarts for every list)
- fenced code blocks -> one "Source Code" paragraph (Courier New) per block, line breaks kept
- inline `code` -> Courier New runs, **bold** -> bold, *italic* -> italic
- links `[text](url)` and `[text][ref]` -> their text; reference definitions (`[ref]: url`)
  are not shown, as in rendered Markdown
- lines made only of badge images, and `---` rules, are left out
"""

import datetime
import re
import sys
from copy import deepcopy

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

MONO = "Courier New"
FIXED_DATE = datetime.datetime(2020, 2, 11, 0, 0, 0)

HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
BULLET_RE = re.compile(r"^( *)[-*+]\s+(.*)$")
NUMBER_RE = re.compile(r"^( *)(\d+)[.)]\s+(.*)$")
FENCE_RE = re.compile(r"^\s*```")
REFDEF_RE = re.compile(r"^\s*\[[^\]]+\]:\s+\S+\s*$")
RULE_RE = re.compile(r"^\s*(-{3,}|\*{3,}|_{3,})\s*$")
BADGE_RE = re.compile(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)|!\[[^\]]*\]\([^)]*\)")

INLINE_RE = re.compile(
    r"(?P<code>`+)(?P<codetext>.+?)(?P=code)"
    r"|\[(?P<ltext>(?:[^\[\]]|\[[^\]]*\])+)\](?:\((?P<lurl>[^)\s]*)\)|\[(?P<lref>[^\]]*)\])"
    r"|\*\*(?P<bold>.+?)\*\*"
    r"|(?<![\w*])\*(?P<ital>[^*\s][^*]*?)\*(?![\w*])"
)


def add_inline(par, text, bold=False, italic=False):
    """Add text with Markdown inline markup to a paragraph as formatted runs."""
    pos = 0
    for m in INLINE_RE.finditer(text):
        if m.start() > pos:
            run = par.add_run(text[pos:m.start()])
            run.bold, run.italic = bold or None, italic or None
        if m.group("code"):
            run = par.add_run(m.group("codetext").strip() if m.group("code") != "`" else m.group("codetext"))
            run.font.name = MONO
            run.bold, run.italic = bold or None, italic or None
        elif m.group("ltext") is not None:
            add_inline(par, m.group("ltext"), bold, italic)
        elif m.group("bold") is not None:
            add_inline(par, m.group("bold"), True, italic)
        else:
            add_inline(par, m.group("ital"), bold, True)
        pos = m.end()
    if pos < len(text):
        run = par.add_run(text[pos:])
        run.bold, run.italic = bold or None, italic or None


def code_style(doc):
    style = doc.styles.add_style("Source Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = MONO
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(6)
    return style


def restart_numbering(doc, par):
    """Give a List Number paragraph a new numbering instance that starts at 1."""
    numbering = doc.part.numbering_part.element
    style_numpr = doc.styles["List Number"].element.pPr.numPr
    base_num_id = style_numpr.numId.val
    base = numbering.num_having_numId(base_num_id)
    abstract_id = base.abstractNumId.val
    num = numbering.add_num(abstract_id)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    num.append(override)
    numpr = deepcopy(style_numpr)
    numpr.numId.val = num.numId
    par._p.get_or_add_pPr().append(numpr)
    return num.numId


def set_num(par, num_id, template):
    numpr = deepcopy(template)
    numpr.numId.val = num_id
    par._p.get_or_add_pPr().append(numpr)


def convert(lines, doc):
    i = 0
    para = []  # pending paragraph lines
    item = None  # (style, level, [lines]) of the pending list item
    num_id = None  # numbering instance of the current numbered list
    numpr_template = doc.styles["List Number"].element.pPr.numPr

    def flush_para():
        if para:
            add_inline(doc.add_paragraph(style="Normal"), " ".join(s.strip() for s in para))
            para.clear()

    def flush_item():
        nonlocal item, num_id
        if item is None:
            return
        kind, level, text = item
        if kind == "bullet":
            style = "List Bullet" if level == 0 else f"List Bullet {min(level, 2) + 1}"
            par = doc.add_paragraph(style=style)
        else:
            par = doc.add_paragraph(style="List Number")
            if num_id is None:
                num_id = restart_numbering(doc, par)
            else:
                set_num(par, num_id, numpr_template)
        add_inline(par, " ".join(s.strip() for s in text))
        item = None

    while i < len(lines):
        line = lines[i].rstrip("\n")
        if FENCE_RE.match(line):
            flush_para()
            flush_item()
            i += 1
            block = []
            while i < len(lines) and not FENCE_RE.match(lines[i]):
                block.append(lines[i].rstrip("\n").rstrip())
                i += 1
            i += 1
            par = doc.add_paragraph(style="Source Code")
            for n, code_line in enumerate(block):
                run = par.add_run(code_line)
                if n < len(block) - 1:
                    run.add_break()
            continue
        i += 1
        if not line.strip():
            flush_para()
            continue
        if REFDEF_RE.match(line) or RULE_RE.match(line):
            flush_para()
            flush_item()
            continue
        if not BADGE_RE.sub("", line).strip():
            flush_para()
            continue
        h = HEADING_RE.match(line)
        if h:
            flush_para()
            flush_item()
            num_id = None
            add_inline(doc.add_heading("", level=min(len(h.group(1)), 4)), h.group(2))
            continue
        b = BULLET_RE.match(line)
        n = NUMBER_RE.match(line)
        if b or n:
            flush_para()
            flush_item()
            if b:
                indent = len(b.group(1))
                item = ("bullet", 0 if indent < 2 else (1 if indent < 4 else 2), [b.group(2)])
            else:
                item = ("number", 0, [n.group(3)])
            continue
        if item is not None and (line.startswith(" ") or lines[i - 2].strip()):
            item[2].append(line)
            continue
        flush_item()
        num_id = None
        para.append(line)
    flush_para()
    flush_item()


def main():
    out, source = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as f:
        lines = f.readlines()
    doc = Document()
    code_style(doc)
    convert(lines, doc)
    props = doc.core_properties
    props.title = "Request - Simplified HTTP client"
    props.subject = "README of the npm package request 2.88.2"
    props.author = "request contributors"
    props.last_modified_by = "request contributors"
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE
    props.revision = 1
    doc.save(out)


if __name__ == "__main__":
    main()
