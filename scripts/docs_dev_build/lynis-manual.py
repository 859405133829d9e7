"""Lay out the lynis(8) manual page as a Word document.

Source: the manual page lynis(8) ("Lynis - System and security auditing tool",
version 1.32, 14 Feb 2020), /usr/share/man/man8/lynis.8.gz from the Debian
package lynis 3.0.8-1.1 (``apt-get download lynis && dpkg -x``).

Usage:
    python build_lynis-manual.py OUT.docx [SOURCE]

SOURCE is the man page (gzip-compressed or plain roff); it defaults to
``fetch/x/lynis/usr/share/man/man8/lynis.8.gz``.

Licence: Lynis and its manual page are GPL-3+ (Copyright 2007-2020 Michael
Boelen, CISOfy; see debian/copyright of the lynis package).  The document is
a re-layout of that text and stays under the same licence.

Mapping (no sentence of the source is reworded; roff escapes are resolved):
    .TH               -> document title (Title style) and a subtitle line
    .SH               -> Heading 1
    .nf/.fi block     -> 'Code' paragraph style (monospace), one per line
    "- text" items    -> List Bullet (the leading dash is the bullet)
    .IP term + body   -> a bold term paragraph followed by its body paragraph
    .TP / .B term     -> the same definition layout (bold term, body)
    EXIT CODES .IP    -> a Word table with the columns "Code" and "Meaning"
    plain text        -> Normal paragraphs (filled lines joined by a space)
"""

import gzip
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "fetch/x/lynis/usr/share/man/man8/lynis.8.gz"


def read_source(path):
    data = Path(path).read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data.decode("utf-8")


def unescape(text):
    """Resolve the roff escapes used by this page."""
    text = re.sub(r"\\f[BIRPC]", "", text)
    text = text.replace("\\-", "-").replace("\\<", "<").replace("\\>", ">")
    text = text.replace("\\ ", " ").replace("\\(em", "\u2014")
    text = text.replace("\\e", "\\")
    return text.strip()


def macro_args(rest):
    """Split macro arguments as roff does (double quotes group words)."""
    parts = re.findall(r'"[^"]*"|\S+', rest.strip())
    return unescape(" ".join(p.strip('"') for p in parts))


def parse(src):
    """Turn the roff source into a list of (kind, payload) blocks."""
    blocks = []
    para = []
    mode = None  # None, "term", "code"
    term = None

    def flush():
        nonlocal para, term
        text = " ".join(p for p in para if p)
        if term is not None:
            blocks.append(("def", (term, text)))
        elif text:
            blocks.append(("para", text))
        para = []
        term = None

    lines = src.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if mode == "code":
            if line.startswith(".fi"):
                mode = None
            elif line.startswith(".fam"):
                continue
            elif line.strip():
                blocks.append(("code", unescape(line)))
            continue
        if line.startswith(".TH"):
            flush()
            parts = re.findall(r'"[^"]*"|\S+', line[3:])
            parts = [p.strip('"') for p in parts]
            blocks.append(("title", parts))
        elif line.startswith(".SH"):
            flush()
            blocks.append(("h1", macro_args(line[3:])))
        elif line.startswith(".nf"):
            flush()
            mode = "code"
        elif line.startswith(".TP"):
            flush()
            nxt = lines[i]
            i += 1
            nxt = nxt.removeprefix(".B")
            term = macro_args(nxt)
        elif line.startswith(".IP"):
            flush()
            arg = macro_args(line[3:])
            if arg:
                term = arg
        elif line.startswith((".PP", ".RS", ".RE")):
            flush()
        elif line.startswith("."):
            continue
        elif not line.strip():
            flush()
        else:
            text = unescape(line)
            if text:
                para.append(text)
    flush()
    return blocks


def ensure_code_style(doc):
    styles = doc.styles
    if "Code" not in [s.name for s in styles]:
        style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.font.name = "Courier New"
        style.font.size = Pt(9)
        style.paragraph_format.space_after = Pt(0)


def add_definition(doc, term, body):
    head = doc.add_paragraph()
    head.add_run(term).bold = True
    head.paragraph_format.space_after = Pt(0)
    if body:
        p = doc.add_paragraph(body)
        p.paragraph_format.left_indent = Pt(24)


def build(out, source):
    blocks = parse(read_source(source))
    doc = Document()
    ensure_code_style(doc)
    section = None
    table = None
    for kind, payload in blocks:
        if kind == "title":
            name, sect = payload[0], payload[1]
            doc.add_paragraph(f"{name}({sect})", style="Title")
            rest = " \u2014 ".join(p for p in payload[2:] if p)
            if rest:
                doc.add_paragraph(rest)
            continue
        if kind == "h1":
            section = payload
            table = None
            doc.add_heading(payload, level=1)
            continue
        if kind == "code":
            doc.add_paragraph(payload, style="Code")
            continue
        if kind == "def":
            term, body = payload
            if term.startswith("- ") and not body:
                doc.add_paragraph(term[2:], style="List Bullet")
            elif section == "EXIT CODES":
                if table is None:
                    table = doc.add_table(rows=1, cols=2)
                    table.style = "Table Grid"
                    table.rows[0].cells[0].text = "Code"
                    table.rows[0].cells[1].text = "Meaning"
                row = table.add_row()
                row.cells[0].text = term
                row.cells[1].text = body
            else:
                add_definition(doc, term, body)
            continue
        if kind == "para":
            if payload.startswith("- "):
                doc.add_paragraph(payload[2:], style="List Bullet")
            else:
                doc.add_paragraph(payload)
    doc.save(out)


def main(argv):
    if len(argv) < 2:
        sys.exit("usage: python build_lynis-manual.py OUT.docx [SOURCE]")
    source = argv[2] if len(argv) > 2 else DEFAULT_SOURCE
    build(argv[1], source)


if __name__ == "__main__":
    main(sys.argv)
