"""Build igmpproxy-conf.docx: the igmpproxy.conf(5) man page laid out as a Word document.

Source: igmpproxy.conf(5), the configuration file manual of igmpproxy 0.3, from the
Debian package igmpproxy 0.3-1 (`apt-get download igmpproxy && dpkg -x`), file
/usr/share/man/man5/igmpproxy.conf.5.gz (plain or gzip-compressed roff is accepted).

Usage: python build_igmpproxy-conf.py OUT.docx [SOURCE]
    SOURCE defaults to fetch/igmpproxy/usr/share/man/man5/igmpproxy.conf.5.gz

Licence: igmpproxy and its manual pages are GPL-2+ (debian/copyright); this script
only re-lays out the text, and the output carries the same licence.

Mapping (no sentence is reworded; roff requests are interpreted the way man(1) joins
text, i.e. each input line is joined to the previous one by a single space):
    .TH name section           -> Title paragraph "name(section)"
    .SH heading                -> Heading 1
    a paragraph directly followed by .RS (an option or keyword entry such as
    "ratelimit limit")         -> Heading 2 (the term)
    text between .RS and .RE   -> Normal paragraphs indented by 0.5 inch
    blank line / .PP           -> paragraph break
    .B / .I / .BR text         -> bold / italic / bold+roman runs
    .br                        -> line break inside the paragraph
    lines of the EXAMPLE section -> one 'Code' paragraph (monospace) per line
    the man page has no lists or tables, so no List Bullet / List Number
    paragraphs or Word tables are produced.
    .\\" comments are dropped; \\- becomes "-", \\& is removed.
"""
import gzip
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Inches, Pt

DEFAULT_SOURCE = "fetch/igmpproxy/usr/share/man/man5/igmpproxy.conf.5.gz"


def read_source(path):
    data = Path(path).read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data.decode("utf-8").splitlines()


def unescape(text):
    text = text.replace("\\-", "-").replace("\\&", "")
    text = text.replace("\\fB", "").replace("\\fI", "").replace("\\fR", "").replace("\\fP", "")
    return text


def request_runs(line):
    """Turn one roff line into a list of (text, bold, italic) runs."""
    if line.startswith(".B ") or line == ".B":
        return [(unescape(line[3:].strip()), True, False)]
    if line.startswith(".I ") or line == ".I":
        return [(unescape(line[3:].strip()), False, True)]
    if line.startswith(".BR "):
        parts = re.findall(r'"[^"]*"|\S+', line[4:])
        runs = []
        for i, part in enumerate(parts):
            runs.append((unescape(part.strip('"')), i % 2 == 0, False))
        return runs
    return [(unescape(line), False, False)]


def parse(lines):
    """Yield blocks: ("title", text), ("h1", text), ("para", runs, indented), ("code", text)."""
    blocks = []
    runs = []
    indented = False
    section = ""

    def flush():
        nonlocal runs
        if runs and any(t.strip() for t, _, _ in runs):
            blocks.append(["para", runs, indented])
        runs = []

    for raw in lines:
        line = raw.rstrip()
        if line.startswith('.\\"'):
            continue
        if line.startswith(".TH "):
            parts = re.findall(r'"[^"]*"|\S+', line[4:])
            blocks.append(["title", f"{parts[0]}({parts[1]})"])
            continue
        if line.startswith(".SH "):
            flush()
            section = line[4:].strip().strip('"')
            blocks.append(["h1", section])
            continue
        if section == "EXAMPLE":
            if line and not line.startswith("."):
                blocks.append(["code", line.rstrip()])
            continue
        if line == ".RS" or line.startswith(".RS "):
            if runs:
                flush()
                if blocks and blocks[-1][0] == "para":
                    blocks[-1][0] = "h2"
            indented = True
            continue
        if line == ".RE":
            flush()
            indented = False
            continue
        if line in (".PP", ".P", ".LP") or not line.strip():
            flush()
            continue
        if line == ".br":
            runs.append(("\n", False, False))
            continue
        if runs and runs[-1][0] != "\n":
            runs.append((" ", False, False))
        runs.extend(request_runs(line))
    flush()
    return blocks


def clean_runs(runs):
    """Drop the joining space before a line break and after one."""
    out = []
    for text, bold, italic in runs:
        if text == "\n" and out and out[-1][0] == " ":
            out.pop()
        out.append((text, bold, italic))
    return out


def build(out_path, source):
    doc = Document()
    if "Code" not in [s.name for s in doc.styles]:
        code = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
        code.base_style = doc.styles["Normal"]
        code.font.name = "Courier New"
        code.font.size = Pt(9)
        code.paragraph_format.space_after = Pt(0)
    for block in parse(read_source(source)):
        kind = block[0]
        if kind == "title":
            doc.add_paragraph(block[1], style="Title")
        elif kind == "h1":
            doc.add_heading(block[1], level=1)
        elif kind == "code":
            doc.add_paragraph(block[1], style="Code")
        else:
            runs, indented = block[1], block[2]
            if kind == "h2":
                text = "".join(t for t, _, _ in runs).strip()
                doc.add_heading(re.sub(r"\s+", " ", text), level=2)
                continue
            para = doc.add_paragraph()
            if indented:
                para.paragraph_format.left_indent = Inches(0.5)
            for text, bold, italic in clean_runs(runs):
                if text == "\n":
                    para.add_run().add_break()
                    continue
                run = para.add_run(text)
                run.bold = bold or None
                run.italic = italic or None
    doc.save(out_path)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    source = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_SOURCE
    build(out, source)


if __name__ == "__main__":
    main()
