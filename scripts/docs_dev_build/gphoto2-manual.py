"""Build gphoto2-manual.docx from the gphoto2(1) manual page.

Usage: python build_gphoto2-manual.py OUT.docx SOURCE

SOURCE is usr/share/man/man1/gphoto2.1.gz from the Debian bookworm package
gphoto2 2.5.28-2 (fetched with `apt-get download gphoto2` and unpacked with
`dpkg -x`). The page is DocBook-generated troff written by the gPhoto2 Team;
Debian's copyright file puts gphoto2 (Files: *) under the GNU LGPL, version 2
or later (LGPL-2+).

The words are taken from the troff source unchanged; only the markup is turned
into Word layout, the way a person retyping the man page would do it:

- `.TH` gives the document title "GPHOTO2(1)" (style Title).
- `.SH NAME` gives a Heading 1 per section.
- `.HP` (the SYNOPSIS) becomes one paragraph in a monospaced "Code" style,
  with `.br` as line breaks.
- `.PP` followed by `.RS` is a definition term (an option, a shell command,
  a variable): style "List" at the top level and "List 2" when nested; in
  the EXAMPLES section the terms are command lines and use a monospaced font.
- Text inside `.RS 4` ... `.RE` is the definition: style "List Continue"
  (one level) or "List Continue 2" (nested); `.sp` and blank lines start a
  new paragraph at the same level.
- Other `.PP` paragraphs use the Normal style.
- `.IP " N."` items (the NOTES) use the style "List Number".
- Font escapes \\fB and \\fI become bold and italic runs; \\fR and \\fP end them.
- Character escapes are resolved: \\- to "-", \\(lq and \\(rq to curly quotes,
  \\(aq and \\*(Aq to an apostrophe, \\e to a backslash; \\&, \\%, colour
  (\\m), size (\\s) and vertical motion (\\u, \\d) escapes are dropped.
- Comments and set-up requests (.ie, .el, .nh, .ad) are skipped.

Core properties carry a fixed date so that a rebuild gives the same document.
"""
import datetime
import gzip
import re
import sys

from docx import Document
from docx.shared import Pt

FIXED_DATE = datetime.datetime(2024, 1, 1, 0, 0, 0)
MONO = "Courier New"

ESCAPES = [
    ("\\*(Aq", "'"),
    ("\\(aq", "'"),
    ("\\(lq", "\u201c"),
    ("\\(rq", "\u201d"),
    ("\\-", "-"),
    ("\\&", ""),
    ("\\%", ""),
    ("\\e", "\\"),
    ("\\ ", " "),
]
DROP = re.compile(r"\\m\[[^\]]*\]|\\s[-+]?\d|\\[ud]")
FONT = re.compile(r"\\f([BIRP])")


def plain(text):
    """Resolve character escapes (not font changes)."""
    text = DROP.sub("", text)
    for old, new in ESCAPES:
        text = text.replace(old, new)
    return text


def runs_of(line, state):
    """Split one troff text line into (text, bold, italic) runs.

    `state` is a dict with the current font; it is updated in place because
    a font change carries over to the next input line."""
    out = []
    pos = 0
    for m in FONT.finditer(line):
        chunk = plain(line[pos:m.start()])
        if chunk:
            out.append((chunk, state["b"], state["i"]))
        kind = m.group(1)
        state["b"] = kind == "B"
        state["i"] = kind == "I"
        pos = m.end()
    chunk = plain(line[pos:])
    if chunk:
        out.append((chunk, state["b"], state["i"]))
    return out


class Block:
    def __init__(self, kind, level, section):
        self.kind = kind  # "para", "code", "item", "heading", "title"
        self.level = level
        self.section = section
        self.runs = []
        self.term = False

    def add_line(self, line, state):
        new = runs_of(line, state)
        if not new:
            return
        if self.runs and self.runs[-1][0] != "\n":
            new[0] = (" " + new[0][0], new[0][1], new[0][2])
        self.runs.extend(new)

    def add_break(self):
        if self.runs:
            self.runs.append(("\n", False, False))


def parse(source):
    blocks = []
    level = 0
    section = ""
    state = {"b": False, "i": False}
    current = None

    def start(kind):
        nonlocal current
        state["b"] = state["i"] = False
        current = Block(kind, level, section)
        blocks.append(current)
        return current

    for raw in source.splitlines():
        line = raw.rstrip("\n")
        if line.startswith((".\\\"", "'\\\"")):
            continue
        if line.startswith("."):
            parts = line.split(None, 1)
            req = parts[0]
            arg = parts[1] if len(parts) > 1 else ""
            if req == ".TH":
                fields = re.findall(r'"([^"]*)"', arg)
                block = start("title")
                block.runs.append((f"{fields[0]}({fields[1]})", False, False))
                current = None
            elif req == ".SH":
                level = 0
                section = arg.strip('"')
                block = start("heading")
                block.runs.append((section, False, False))
                current = None
            elif req == ".HP":
                start("code")
            elif req == ".br":
                if current is not None:
                    current.add_break()
            elif req in (".PP", ".sp"):
                start("para")
            elif req == ".IP":
                start("item")
            elif req == ".RS":
                if current is not None and current.kind == "para" and current.runs:
                    current.term = True
                level += 1
                start("para")
            elif req == ".RE":
                level = max(0, level - 1)
                start("para")
            # .ie .el .nh .ad and other set-up requests are skipped
            continue
        if not line.strip():
            start("para")
            continue
        if current is None:
            start("para")
        current.add_line(line, state)
    return [b for b in blocks if b.runs]


def style_for(block):
    if block.kind == "title":
        return "Title"
    if block.kind == "heading":
        return "Heading 1"
    if block.kind == "code":
        return "Code"
    if block.kind == "item":
        return "List Number"
    if block.term:
        return "List" if block.level == 0 else "List 2"
    if block.level == 0:
        return "Normal"
    return "List Continue" if block.level == 1 else "List Continue 2"


def build(out_path, src_path):
    with gzip.open(src_path, "rt", encoding="utf-8") as fh:
        source = fh.read()
    blocks = parse(source)

    doc = Document()
    code = doc.styles.add_style("Code", 1)
    code.base_style = doc.styles["Normal"]
    code.font.name = MONO
    code.font.size = Pt(9)

    for block in blocks:
        style = style_for(block)
        para = doc.add_paragraph(style=style)
        mono = block.term and block.section == "EXAMPLES"
        for text, bold, italic in block.runs:
            if text == "\n":
                para.add_run().add_break()
                continue
            run = para.add_run(text)
            if style in ("Title", "Heading 1"):
                continue
            run.bold = bold or None
            run.italic = italic or None
            if mono:
                run.font.name = MONO

    props = doc.core_properties
    props.title = "gphoto2(1) manual page"
    props.author = "The gPhoto2 Team"
    props.last_modified_by = ""
    props.comments = "Built from gphoto2.1.gz (Debian gphoto2 2.5.28-2)"
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE
    props.revision = 1
    doc.save(out_path)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: build_gphoto2-manual.py OUT.docx SOURCE")
    build(sys.argv[1], sys.argv[2])
