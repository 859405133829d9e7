#!/usr/bin/env python3
"""Build docs/pspg-README.docx from the pspg 5.7.2 README (Markdown).

Source: usr/share/doc/pspg/README.md.gz from the Debian package
pspg 5.7.2-1 (fetched with `apt-get download pspg`, unpacked with
`dpkg -x pspg_5.7.2-1_amd64.deb tools/x-pspg`).

The Markdown is laid out as a Word document:
  "# ..."   -> Title
  "## ..."  -> Heading 1
  "### ..." -> Heading 2
  "- " / "* " items -> List Bullet
  "1. " items      -> List Number (none in the kept part, handled anyway)
  pipe tables      -> Word tables ("Table Grid") with a bold header row
  indented code blocks and <pre> blocks -> paragraphs in a monospace
                      paragraph style "Code" (Courier New)
Only Markdown/HTML markup is removed (`x` -> Courier run, **x** -> bold,
[text](url) -> text, <kbd>x</kbd>/<key>x</key>/<code>x</code> -> x,
"\\|" -> "|"); the words are not changed.  Dropped: the build-status badge,
the two sections that hold only images ("Video presentation",
"Screenshots") and the screenshot image line in "Custom themes".
Trimmed at a section boundary: everything from "## Note - compilation issue"
to the end (compilation notes, per-distribution installation commands,
Solaris notes, Possible ToDo, st_menu, Note) is left out.

Usage: build_docx.py OUTPUT.docx
"""
import gzip
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm, Pt

SRC = "/tmp/s16/bO/tools/x-pspg/usr/share/doc/pspg/README.md.gz"
STOP_AT = "## Note - compilation issue"
DROP_SECTIONS = {"## Video presentation", "## Screenshots"}

INLINE = re.compile(
    r"(`(?P<code>[^`]+)`"
    r"|\*\*(?P<bold>.+?)\*\*"
    r"|!\[[^\]]*\]\([^)]*\)"                       # image: dropped
    r"|\[(?P<ltext>[^\]]+)\]\((?P<url>[^)]+)\)"    # link: keep text
    r"|<(?:kbd|key)>(?P<kbd>.*?)</(?:kbd|key)>"
    r"|<code>(?P<hcode>.*?)</code>"
    r")")


def read_source():
    lines = gzip.open(SRC, "rt", encoding="utf-8").read().split("\n")  # noqa: SIM115
    out = []
    skipping = False
    for line in lines:
        if line.strip() == STOP_AT:
            break
        if line.startswith("## "):
            skipping = line.strip() in DROP_SECTIONS
        if skipping:
            continue
        out.append(line)
    # drop the build-status badge at the top
    while out and not out[0].startswith("# "):
        out.pop(0)
    return out


def add_inline(par, text):
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            par.add_run(text[pos:m.start()])
        if m.group("code") is not None:
            par.add_run(m.group("code")).font.name = "Courier New"
        elif m.group("bold") is not None:
            par.add_run(m.group("bold")).bold = True
        elif m.group("ltext") is not None:
            inner = m.group("ltext")
            if inner.startswith("`") and inner.endswith("`"):
                par.add_run(inner.strip("`")).font.name = "Courier New"
            else:
                par.add_run(inner)
        elif m.group("kbd") is not None:
            par.add_run(m.group("kbd"))
        elif m.group("hcode") is not None:
            par.add_run(m.group("hcode")).font.name = "Courier New"
        pos = m.end()
    if pos < len(text):
        par.add_run(text[pos:])
    return par


def plain(text):
    """Text of a table cell or heading without markup."""
    text = text.replace("\\|", "|")
    text = re.sub(r"<(?:kbd|key)>(.*?)</(?:kbd|key)>", r"\1", text)
    text = re.sub(r"`([^`]+)`", r"\1", text)
    return text.strip()


def split_row(line):
    s = line.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|"):
        s = s[:-1]
    cells = re.split(r"(?<!\\)\|", s)
    return [plain(c) for c in cells]


def make_doc():
    doc = Document()
    styles = doc.styles
    code = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = styles["Normal"]
    code.font.name = "Courier New"
    code.font.size = Pt(8.5)
    code.paragraph_format.space_after = Pt(0)
    code.paragraph_format.left_indent = Cm(0.5)
    return doc


def build(out):
    lines = read_source()
    doc = make_doc()
    n = len(lines)
    i = 0
    while i < n:
        line = lines[i]
        s = line.strip()
        if not s:
            i += 1
            continue
        # <pre> ... </pre> block
        if s.startswith("<pre>"):
            i += 1
            block = []
            while i < n and lines[i].strip() != "</pre>":
                block.append(lines[i].rstrip())
                i += 1
            i += 1
            while block and not block[0]:
                block.pop(0)
            while block and not block[-1]:
                block.pop()
            for b in block:
                doc.add_paragraph(b, style="Code")
            continue
        # indented code block
        if line.startswith("    ") and not line.lstrip().startswith(("- ", "* ")):
            block = []
            while i < n and (lines[i].startswith("    ") or not lines[i].strip()):
                block.append(lines[i][4:].rstrip())
                i += 1
            while block and not block[-1]:
                block.pop()
            for b in block:
                doc.add_paragraph(b, style="Code")
            continue
        # headings
        m = re.match(r"(#{1,4}) (.*)", s)
        if m:
            level = len(m.group(1)) - 1      # "#" -> Title (0), "##" -> 1, ...
            doc.add_heading(plain(m.group(2)), level=level)
            i += 1
            continue
        # image-only line
        if re.fullmatch(r"!\[[^\]]*\]\([^)]*\)", s):
            i += 1
            continue
        # pipe table
        if s.startswith("|") and i + 1 < n and re.match(r"^\|[\s:|-]+\|?\s*$", lines[i + 1].strip()):
            header = split_row(s)
            i += 2
            rows = []
            while i < n and lines[i].strip().startswith("|"):
                rows.append(split_row(lines[i]))
                i += 1
            table = doc.add_table(rows=1, cols=len(header))
            table.style = "Table Grid"
            for k, h in enumerate(header):
                cell = table.rows[0].cells[k]
                cell.text = ""
                cell.paragraphs[0].add_run(h).bold = True
            for row in rows:
                cells = table.add_row().cells
                for k, v in enumerate(row[:len(header)]):
                    cells[k].text = v
            doc.add_paragraph()
            continue
        # bullet item (with indented continuation lines)
        m = re.match(r"([-*]) (.*)", s)
        if m:
            buf = [m.group(2)]
            i += 1
            while i < n and lines[i].startswith("  ") and lines[i].strip() \
                    and not re.match(r"[-*] ", lines[i].strip()):
                buf.append(lines[i].strip())
                i += 1
            add_inline(doc.add_paragraph(style="List Bullet"), " ".join(buf))
            continue
        m = re.match(r"\d+\. (.*)", s)
        if m:
            add_inline(doc.add_paragraph(style="List Number"), m.group(1))
            i += 1
            continue
        # ordinary paragraph
        buf = []
        while i < n and lines[i].strip() and not lines[i].startswith("    ") \
                and not lines[i].strip().startswith(("<pre>", "|", "#", "- ", "* ")):
            buf.append(lines[i].strip())
            i += 1
        if not buf:       # safety: unknown construct, keep the line as text
            buf = [s]
            i += 1
        add_inline(doc.add_paragraph(style="Normal"), " ".join(buf))
    doc.core_properties.title = "pspg - Postgres Pager"
    doc.core_properties.author = "Pavel Stehule"
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: build_docx.py OUTPUT.docx")
    build(sys.argv[1])
