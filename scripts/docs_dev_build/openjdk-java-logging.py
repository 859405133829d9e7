#!/usr/bin/env python3
"""Rebuild docs/openjdk-java-logging.docx from the OpenJDK 17 java(1) man page.

Source: /usr/lib/jvm/java-17-openjdk-amd64/man/man1/java.1.gz (Debian package
openjdk-17-jre-headless).  Kept: the NAME section (source lines 27-29) and the
contiguous sections "ENABLE LOGGING WITH THE JVM UNIFIED LOGGING FRAMEWORK",
"VALIDATE JAVA VIRTUAL MACHINE FLAG ARGUMENTS" and "LARGE PAGES" (source lines
4401-5309, i.e. up to the start of "APPLICATION CLASS DATA SHARING").
The troff markup is converted to Word structure; the words are not changed.

usage: build_docx.py OUTPUT.docx
"""
import gzip
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm, Pt

SRC = "/usr/lib/jvm/java-17-openjdk-amd64/man/man1/java.1.gz"
RANGES = [(27, 29), (4401, 5309)]  # 1-based inclusive line ranges of java.1

ESC = [
    (r"\[aq]", "'"), (r"\[dq]", '"'), (r"\[bu]", "\u2022"),
    (r"\[lq]", "\u201c"), (r"\[rq]", "\u201d"), (r"\[em]", "\u2014"),
    (r"\[en]", "\u2013"), (r"\-", "-"), (r"\ ", " "), (r"\&", ""),
    (r"\\", "\\"),
]


def clean(s):
    s = re.sub(r"\\f\[[A-Z]*\]|\\f[BIRP]", "", s)
    for a, b in ESC:
        s = s.replace(a, b)
    return s


def all_code(s):
    """True if the troff line is entirely in constant-width bold font."""
    t = s.strip()
    return t.startswith(r"\f[CB]") and re.sub(r"\\f\[CB\].*?\\f\[R\]", "", t).strip() == ""


def main(out):
    with gzip.open(SRC, "rt", encoding="utf-8") as f:
        lines = f.read().split("\n")
    src = []
    for a, b in RANGES:
        src.extend(lines[a - 1:b])

    doc = Document()
    styles = doc.styles
    code = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = styles["Normal"]
    code.font.name = "Courier New"
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(0)
    code.paragraph_format.left_indent = Cm(1)
    doc.core_properties.title = "java(1) - JDK 17"

    doc.add_paragraph("java(1) \u2014 JDK 17 Commands (2021)", style="Title")

    buf = []          # pending text lines of the current paragraph
    mode = ["Normal"]  # style for pending paragraph
    rs = [0]          # .RS depth
    tpdesc = [False]  # pending paragraph is the description of a .TP tag

    def flush():
        if not buf:
            return
        raw = " ".join(x.strip() for x in buf)
        style = mode[0]
        if style == "Normal" and all(all_code(x) for x in buf):
            style = "Code"
        p = doc.add_paragraph(clean(raw).strip(), style=style)
        if style == "Normal" and (rs[0] > 0 or tpdesc[0]):
            p.paragraph_format.left_indent = Cm(1 * (rs[0] + tpdesc[0]))
        buf.clear()
        tpdesc[0] = False
        mode[0] = "Normal"

    i = 0
    n = len(src)
    while i < n:
        ln = src[i]
        if ln.startswith(".SH "):
            flush()
            doc.add_heading(clean(ln[4:]).strip('"'), level=1)
        elif ln.startswith(".SS "):
            flush()
            doc.add_heading(clean(ln[4:]).strip('"'), level=2)
        elif ln in (".PP", ".LP", ".P"):
            flush()
        elif ln == ".RS":
            flush()
            rs[0] += 1
        elif ln == ".RE":
            flush()
            rs[0] = max(0, rs[0] - 1)
        elif ln == ".TP":
            flush()
            # next line is the tag: ".B tag" or plain text
            i += 1
            tag = src[i]
            if tag.startswith(".B "):
                tag = tag[3:]
            if all_code(tag):
                doc.add_paragraph(clean(tag).strip(), style="Code")
            else:
                p = doc.add_paragraph()
                r = p.add_run(clean(tag).strip())
                r.bold = True
            mode[0] = "Normal"
            tpdesc[0] = True
        elif ln.startswith(".IP"):
            flush()
            arg = ln[3:].strip()
            if arg.startswith(r"\[bu]"):
                mode[0] = "List Bullet"
            elif re.match(r'^"?\d+\."?', arg):
                mode[0] = "List Number"
            else:
                mode[0] = "Normal"
        elif ln == ".nf":
            flush()
            i += 1
            while src[i] != ".fi":
                t = src[i]
                if t not in (r"\f[CB]", r"\f[R]", r"\f[C]"):
                    doc.add_paragraph(clean(t), style="Code")
                i += 1
        elif ln == ".TS":
            flush()
            i += 1
            # skip format lines (up to and including the one ending with '.')
            while not src[i].rstrip().endswith("."):
                i += 1
            i += 1
            rows, cur, cell, incell = [], [], [], False
            while src[i] != ".TE":
                t = src[i]
                if incell:
                    if t.startswith("T}"):
                        cur.append(clean(" ".join(cell)).strip())
                        cell, incell = [], False
                        rest = t[2:]
                        if rest.startswith("@T{"):
                            incell = True
                        elif rest == "":
                            rows.append(cur)
                            cur = []
                    else:
                        cell.append(t)
                elif t == "T{":
                    incell = True
                elif t == "_":
                    pass
                else:
                    rows.append([clean(c) for c in t.split("@")])
                i += 1
            if cur:
                rows.append(cur)
            table = doc.add_table(rows=0, cols=len(rows[0]))
            table.style = "Table Grid"
            for k, row in enumerate(rows):
                cells = table.add_row().cells
                for j, val in enumerate(row):
                    cells[j].text = val
                    if k == 0:
                        for r in cells[j].paragraphs[0].runs:
                            r.bold = True
            # mark first row as a repeating header row
            from docx.oxml import OxmlElement
            from docx.oxml.ns import qn
            trPr = table.rows[0]._tr.get_or_add_trPr()
            h = OxmlElement("w:tblHeader")
            h.set(qn("w:val"), "true")
            trPr.append(h)
        elif ln.startswith(".B "):
            buf.append(ln[3:])
        elif ln.startswith(".") and not ln.startswith(".\\"):
            flush()  # unknown request: paragraph break
        elif ln.startswith(".\\\""):
            pass
        else:
            buf.append(ln)
        i += 1
    flush()
    doc.save(out)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "openjdk-java-logging.docx")
