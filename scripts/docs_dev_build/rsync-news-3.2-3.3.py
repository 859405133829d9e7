#!/usr/bin/env python3
"""Build docs/rsync-news-3.2-3.3.docx from rsync's NEWS.md.

Source: usr/share/doc/rsync/NEWS.md.gz from the Debian package
rsync 3.5.0+ds1-0+deb12u1 (fetched with `apt-get download rsync`,
unpacked with `dpkg -x` into tools/rsyncx; decompressed to tools/rsync-NEWS.md).

Kept, unchanged in wording:
  * the contiguous run of sections "# NEWS for rsync 3.3.0 (6 Apr 2024)" down to
    the end of "# NEWS for rsync 3.2.4 (15 Apr 2022)" (i.e. up to, not
    including, "# NEWS for rsync 3.2.3"), and
  * the closing section "## Partial Protocol History" (the release table and
    its footnote).
Everything else (the newer 3.5.0 ... 3.4.0 sections and the older 3.2.3 ...
1.x sections) is left out; the cuts are at section boundaries.

Markdown is laid out as Word structure: a Title, "#" -> Heading 1,
"##" -> Heading 2, "###" -> Heading 3, "- " items -> List Bullet (nested
items -> List Bullet 2), fenced ```shell blocks -> monospace "Code" paragraphs,
the pipe table -> a Word table with a bold header row.  Only Markdown markup is
removed: `x` -> Courier run, [`x`](link) -> Courier run "x", **x** -> bold,
*x* -> italic, backslash escapes dropped, "----" rules dropped.

Usage: build_docx.py OUTPUT.docx
"""
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm, Pt

SRC = "/tmp/s16/bK/tools/rsync-NEWS.md"
FIRST = "# NEWS for rsync 3.3.0 (6 Apr 2024)"
STOP = "# NEWS for rsync 3.2.3 (6 Aug 2020)"
TAIL = "## Partial Protocol History"
TITLE = "NEWS for rsync"


def read_source():
    lines = open(SRC, encoding="utf-8").read().split("\n")  # noqa: SIM115
    a = lines.index(FIRST)
    b = lines.index(STOP)
    c = lines.index(TAIL)
    tail = lines[c:]
    # drop the build placeholder at the very end of the file
    tail = [t for t in tail if t.strip() != "@USE_GFM_PARSER@"]
    return lines[a:b] + [""] + tail


INLINE = re.compile(
    r"(\[`(?P<lcode>[^`]+)`\]\([^)]*\)"      # [`--opt`](rsync.1#opt)
    r"|\[(?P<ltext>[^\]]+)\]\([^)]*\)"       # [TEXT](link)
    r"|`(?P<code>[^`]+)`"                     # `code`
    r"|\*\*(?P<bold>.+?)\*\*"                 # **bold**
    r"|(?<![\w*\\])\*(?P<ital>[^*\s][^*]*?)\*(?!\w)"   # *italic*
    r")")


def unescape(s):
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!|])", r"\1", s)


def add_inline(par, text):
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            par.add_run(unescape(text[pos:m.start()]))
        if m.group("lcode") is not None:
            par.add_run(m.group("lcode")).font.name = "Courier New"
        elif m.group("ltext") is not None:
            par.add_run(unescape(m.group("ltext")))
        elif m.group("code") is not None:
            par.add_run(m.group("code")).font.name = "Courier New"
        elif m.group("bold") is not None:
            par.add_run(unescape(m.group("bold"))).bold = True
        elif m.group("ital") is not None:
            par.add_run(unescape(m.group("ital"))).italic = True
        pos = m.end()
    if pos < len(text):
        par.add_run(unescape(text[pos:]))
    return par


def indent_of(line):
    return len(line) - len(line.lstrip(" "))


def make_doc():
    doc = Document()
    styles = doc.styles
    code = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = styles["Normal"]
    code.font.name = "Courier New"
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(0)
    code.paragraph_format.left_indent = Cm(1)
    return doc


def build(out):
    lines = read_source()
    doc = make_doc()
    doc.add_heading(TITLE, level=0)
    n = len(lines)
    i = 0
    list_indent = []   # indentation of the "-" markers of the open list levels

    def collect(start, min_indent):
        """Lines of one paragraph / list item: until a blank line, a new item
        or a fence."""
        buf = []
        j = start
        while j < n and lines[j].strip():
            s = lines[j].strip()
            if s.startswith("- ") or s.startswith("```") or indent_of(lines[j]) < min_indent:
                break
            buf.append(s)
            j += 1
        return " ".join(buf), j

    while i < n:
        line = lines[i]
        s = line.strip()
        ind = indent_of(line)
        if not s:
            i += 1
            continue
        if set(s) == {"-"} and len(s) > 10:          # horizontal rule
            list_indent = []
            i += 1
            continue
        m = re.match(r"(#{1,3}) (.*)", s)
        if m and ind == 0:
            doc.add_heading(unescape(m.group(2)), level=len(m.group(1)))
            list_indent = []
            i += 1
            continue
        if s.startswith("```"):                       # fenced code block
            j = i + 1
            block = []
            while j < n and not lines[j].strip().startswith("```"):
                block.append(lines[j])
                j += 1
            body = [b for b in block if b.strip()]
            cut = min(indent_of(b) for b in body) if body else 0
            for b in block:
                doc.add_paragraph(b[cut:].rstrip(), style="Code")
            i = j + 1
            continue
        if s.startswith("|"):                         # pipe table
            rows = []
            while i < n and lines[i].strip().startswith("|"):
                cells = [c.strip() for c in lines[i].strip().strip("|").split("|")]
                if not all(re.fullmatch(r":?-+:?", c) for c in cells):
                    rows.append([unescape(c) for c in cells])
                i += 1
            table = doc.add_table(rows=1, cols=len(rows[0]))
            table.style = "Table Grid"
            for k, h in enumerate(rows[0]):
                cell = table.rows[0].cells[k]
                cell.text = ""
                cell.paragraphs[0].add_run(h).bold = True
            for row in rows[1:]:
                cells = table.add_row().cells
                for k, v in enumerate(row):
                    cells[k].text = v
            continue
        if s.startswith("- "):                        # list item
            # markers within one column of each other are siblings
            while list_indent and ind < list_indent[-1] - 1:
                list_indent.pop()
            if not list_indent or ind >= list_indent[-1] + 2:
                list_indent.append(ind)
            level = len(list_indent)
            text, j = collect(i + 1, ind + 1)
            item = s[2:] + (" " + text if text else "")
            style = "List Bullet" if level <= 1 else "List Bullet 2"
            add_inline(doc.add_paragraph(style=style), item)
            i = j
            continue
        # ordinary paragraph (possibly a continuation paragraph inside a list item)
        text, j = collect(i, ind)
        p = doc.add_paragraph(style="Normal")
        if ind:
            p.paragraph_format.left_indent = Cm(0.63)
        else:
            list_indent = []
        add_inline(p, text)
        i = j
    doc.core_properties.title = TITLE
    doc.core_properties.author = "rsync project"
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: build_docx.py OUTPUT.docx")
    build(sys.argv[1])
