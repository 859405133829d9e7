#!/usr/bin/env python3
"""Build docs/yt-dlp-installation.docx from the yt-dlp README.

Source: /usr/share/doc/yt-dlp/README.txt.gz from the Debian package
yt-dlp 2023.03.04-1 (not installed here: fetched with
`apt-get download yt-dlp`, unpacked with
`dpkg -x yt-dlp_2023.03.04-1_all.deb x-yt-dlp`).  README.txt is the
plain-text (pandoc) rendering of upstream's README.md.  SRC below is where
the batch that made the file had unpacked it (/tmp/s17/bX/tools/x-yt-dlp);
another unpacked copy can be given as the second argument.

Kept: the title and the opening paragraph, then the whole INSTALLATION
part (UPDATE, RELEASE FILES, DEPENDENCIES, COMPILE) up to, not including,
"USAGE AND OPTIONS".  Dropped: the table of contents, the NEW FEATURES part,
the badge line "[Windows] [Unix] ..." under INSTALLATION.

The text is laid out as a Word document: Title, Heading 1-3, List Bullet
(with List Continue for the indented paragraphs inside a list item), the
three RELEASE FILES tables as Word tables with a bold header row, and the
indented command blocks in a monospace paragraph style "Code".  Words are
not changed; only the line wrapping of README.txt is undone.  The one
run-together "Example usage: * ... * ..." paragraph (a bullet list in the
upstream README.md) is laid out as "Example usage:" plus three bullets.

Usage: python scripts/docs_dev_build/yt-dlp-installation.py OUTPUT.docx [SRC_README.txt[.gz]]
"""
import gzip
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm, Pt

SRC = "/tmp/s17/bX/tools/x-yt-dlp/usr/share/doc/yt-dlp/README.txt.gz"

H1 = {"INSTALLATION"}
H2 = {"UPDATE", "RELEASE FILES", "DEPENDENCIES", "COMPILE"}
H3 = {"Recommended", "Alternatives", "Misc", "Strongly recommended",
      "Networking", "Metadata", "Deprecated", "Standalone PyInstaller Builds",
      "Platform-independent Binary (UNIX)",
      "Standalone Py2Exe Builds (Windows)", "Related scripts",
      "Forking the project"}


def read_lines(src):
    opener = gzip.open if src.endswith(".gz") else open
    with opener(src, "rt", encoding="utf-8") as f:
        lines = f.read().split("\n")
    title = lines[0].strip("[]")                      # "[YT-DLP]" -> "YT-DLP"
    # opening paragraph: first paragraph after the badge lines
    i = 1
    while not lines[i].startswith("yt-dlp is"):
        i += 1
    intro = []
    while lines[i].strip():
        intro.append(lines[i].strip())
        i += 1
    start = lines.index("INSTALLATION")
    end = lines.index("USAGE AND OPTIONS")
    return title, " ".join(intro), lines[start:end]


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


def add_table(doc, block):
    """block: the lines of a pandoc simple table (between the ---- rules)."""
    rule = block[2]                       # "----...---- ----...----"
    split = rule.index(" ", 3) + 1        # start column of the 2nd column
    header = block[1]
    cols = [header[:split].strip(), header[split:].strip()]
    rows, cur = [], None
    for line in block[3:-1]:
        if not line.strip():
            cur = None
            continue
        a, b = line[:split].strip(), line[split:].strip()
        if cur is None:
            cur = [a, b]
            rows.append(cur)
        else:
            cur[0] = (cur[0] + " " + a).strip()
            cur[1] = (cur[1] + " " + b).strip()
    t = doc.add_table(rows=1, cols=2)
    t.style = "Table Grid"
    for c, txt in zip(t.rows[0].cells, cols):  # noqa: B905
        c.text = ""
        c.paragraphs[0].add_run(txt).bold = True
    for r in rows:
        cells = t.add_row().cells
        cells[0].text, cells[1].text = r
    doc.add_paragraph()


def build(src, out):
    title, intro, lines = read_lines(src)
    doc = make_doc()
    doc.add_heading(title, level=0)
    doc.add_paragraph(intro)
    n = len(lines)
    i = 0
    while i < n:
        line = lines[i]
        s = line.strip()
        if not s:
            i += 1
            continue
        if s in H1 or s in H2 or s in H3:
            doc.add_heading(s, level=1 if s in H1 else 2 if s in H2 else 3)
            i += 1
            continue
        if s.startswith("[Windows]"):             # badge/link line: dropped
            while i < n and lines[i].strip():
                i += 1
            continue
        if s.startswith("---") and line.startswith("  "):   # simple table
            j = i + 1
            while not (lines[j].strip().startswith("---") and lines[j].startswith("  ")
                       and set(lines[j].strip()) == {"-"}):
                j += 1
            add_table(doc, lines[i:j + 1])
            i = j + 1
            continue
        if line.startswith("    "):                # command block
            while i < n and lines[i].startswith("    "):
                doc.add_paragraph(lines[i][4:], style="Code")
                i += 1
            continue
        if line.startswith("-   "):                # bullet list item
            buf = [s[1:].strip()]
            i += 1
            while i < n and lines[i].startswith("    ") and lines[i].strip():
                buf.append(lines[i].strip())
                i += 1
            doc.add_paragraph(" ".join(buf), style="List Bullet")
            # indented paragraphs belonging to the same item
            while i + 1 < n and not lines[i].strip() and lines[i + 1].startswith("    ") \
                    and not lines[i + 1].startswith("     "):
                i += 1
                buf = []
                while i < n and lines[i].startswith("    ") and lines[i].strip():
                    buf.append(lines[i].strip())
                    i += 1
                doc.add_paragraph(" ".join(buf), style="List Continue")
            continue
        # ordinary paragraph
        buf = []
        while i < n and lines[i].strip():
            buf.append(lines[i].strip())
            i += 1
        text = " ".join(buf)
        if text.startswith("Example usage: * "):
            parts = text.split(" * ")
            doc.add_paragraph(parts[0])
            for p in parts[1:]:
                doc.add_paragraph(p, style="List Bullet")
            continue
        m = re.match(r"(.*available here) (Example usage:)$", text)
        if m:
            doc.add_paragraph(m.group(1))
            doc.add_paragraph(m.group(2))
            continue
        doc.add_paragraph(text)
    doc.core_properties.title = "yt-dlp: Installation"
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: yt-dlp-installation.py OUTPUT.docx [SRC_README.txt[.gz]]")
    build(sys.argv[2] if len(sys.argv) == 3 else SRC, sys.argv[1])
