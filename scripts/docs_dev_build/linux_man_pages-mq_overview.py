#!/usr/bin/env python3
"""Build docs/linux_man_pages-mq_overview.docx from the mq_overview(7) man page.

Source: /usr/share/man/man7/mq_overview.7.gz (Debian package manpages 6.03-2,
"Linux man-pages 6.03", page dated 2023-02-05; SPDX Linux-man-pages-copyleft).

The troff/man source is laid out as a Word document:
  .TH          -> Title ("mq_overview(7)") plus a line with the .TH footer words
  .SH          -> Heading 1
  .SS          -> Heading 2
  .TP tag      -> Heading 3 when the tag is a /proc file, else a bold term
                  paragraph; the body becomes indented Normal paragraphs
  .IP \\[bu]    -> List Bullet
  .TS/.TE      -> Word table ("Table Grid"), first row is a bold, repeating
                  header row
  .EX/.EE      -> monospace paragraphs in a "Code" style (Courier New)
  .B/.I/.BR/.RB/.IR/.RI -> bold / italic runs
Only troff markup is removed (escapes \\- \\~ \\[bu] etc. become the characters
they print); the words are not changed.  Comment lines are dropped.

Usage: build_docx.py OUTPUT.docx
"""
import gzip
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

SRC = "/usr/share/man/man7/mq_overview.7.gz"


def unescape(s):
    s = s.replace("\\-", "-").replace("\\~", " ").replace("\\ ", " ")
    s = s.replace("\\[bu]", "\u2022").replace("\\(bu", "\u2022")
    s = s.replace("\\%", "").replace("\\&", "")
    s = re.sub(r"\\f[BIRP]", "", s)
    s = s.replace("\\e", "\\")
    return s


def split_args(s):
    """Split macro arguments: blanks separate, double quotes group."""
    args, cur, inq, have = [], "", False, False
    for ch in s:
        if ch == '"':
            inq = not inq
            have = True
            continue
        if ch in " \t" and not inq:
            if have:
                args.append(cur)
                cur, have = "", False
            continue
        cur += ch
        have = True
    if have:
        args.append(cur)
    return args


FONTS = {"B": "B", "I": "I", "BR": "BR", "RB": "RB", "IR": "IR", "RI": "RI",
         "BI": "BI", "IB": "IB"}


def font_runs(macro, rest):
    """Runs [(text, bold, italic)] for a font macro line."""
    args = split_args(rest)
    if macro in ("B", "I"):
        text = unescape(" ".join(args))
        return [(text, macro == "B", macro == "I")]
    runs = []
    for k, a in enumerate(args):
        f = macro[k % 2]
        runs.append((unescape(a), f == "B", f == "I"))
    return runs


class Builder:
    def __init__(self):
        self.doc = Document()
        styles = self.doc.styles
        code = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
        code.base_style = styles["Normal"]
        code.font.name = "Courier New"
        code.font.size = Pt(9)
        code.paragraph_format.space_after = Pt(0)
        code.paragraph_format.left_indent = Cm(1)
        self.par = None          # paragraph being filled
        self.style = "Normal"    # style for the next paragraph
        self.indent = 0          # indentation level for the next paragraph
        self.in_tp = False

    def new_par(self, style="Normal", indent=None):
        self.par = None
        self.style = style
        if indent is not None:
            self.indent = indent

    def add_runs(self, runs):
        if self.par is None:
            self.par = self.doc.add_paragraph(style=self.style)
            if self.indent:
                self.par.paragraph_format.left_indent = Cm(1.0 * self.indent)
        elif self.par.runs:
            self.par.add_run(" ")
        for text, bold, italic in runs:
            r = self.par.add_run(text)
            if bold:
                r.bold = True
            if italic:
                r.italic = True

    def table(self, rows):
        ncol = max(len(r) for r in rows)
        t = self.doc.add_table(rows=0, cols=ncol)
        t.style = "Table Grid"
        for i, row in enumerate(rows):
            cells = t.add_row().cells
            for k in range(ncol):
                cells[k].text = ""
                run = cells[k].paragraphs[0].add_run(row[k] if k < len(row) else "")
                if i == 0:
                    run.bold = True
        tr_pr = t.rows[0]._tr.get_or_add_trPr()
        hdr = OxmlElement("w:tblHeader")
        hdr.set(qn("w:val"), "true")
        tr_pr.append(hdr)
        self.par = None


def build(out):
    lines = gzip.open(SRC, "rt", encoding="utf-8").read().split("\n")  # noqa: SIM115
    b = Builder()
    doc = b.doc
    rs = 0            # .RS nesting
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        i += 1
        if line.startswith('.\\"') or line.startswith("'\\\"") or line == "":
            continue
        if not line.startswith("."):
            b.add_runs([(unescape(line), False, False)])
            continue
        m = re.match(r"\.(\S+)\s*(.*)", line)
        macro, rest = m.group(1), m.group(2)
        if macro == "TH":
            a = split_args(rest)
            doc.add_heading(f"{a[0]}({a[1]})", level=0)
            p = doc.add_paragraph(f"{a[3]}, {a[2]}")
            p.runs[0].italic = True
            doc.core_properties.title = f"{a[0]}({a[1]})"
            doc.core_properties.author = "Michael Kerrisk"
            b.new_par()
        elif macro == "SH":
            doc.add_heading(unescape(rest.strip('"')), level=1)
            b.in_tp = False
            rs = 0
            b.new_par(indent=0)
        elif macro == "SS":
            doc.add_heading(unescape(rest.strip('"')), level=2)
            b.in_tp = False
            rs = 0
            b.new_par(indent=0)
        elif macro == "PP":
            b.new_par("Normal", indent=(1 if b.in_tp else 0) + rs)
            if not b.in_tp:
                b.indent = rs
        elif macro == "TP":
            # the next input line is the tag
            tag = lines[i]
            i += 1
            if tag.startswith("."):
                mm = re.match(r"\.(\S+)\s*(.*)", tag)
                runs = font_runs(mm.group(1), mm.group(2))
            else:
                runs = [(unescape(tag), False, False)]
            text = "".join(r[0] for r in runs)
            if "/proc/" in text:
                doc.add_heading(text, level=3)
                b.new_par("Normal", indent=1)
            else:
                b.new_par("Normal", indent=rs)
                b.add_runs([(t, True, it) for t, _, it in runs])
                b.new_par("Normal", indent=rs + 1)
            b.in_tp = True
        elif macro == "IP":
            a = split_args(rest)
            if a and unescape(a[0]) == "\u2022":
                b.new_par("List Bullet", indent=0)
            else:
                b.new_par("Normal", indent=1 if b.in_tp else rs)
        elif macro == "RS":
            rs += 1
        elif macro == "RE":
            rs = max(0, rs - 1)
            b.new_par("Normal", indent=1 if b.in_tp else rs)
        elif macro == "in":
            continue
        elif macro == "EX":
            while i < n and not lines[i].startswith(".EE"):
                l = lines[i]  # noqa: E741
                i += 1
                if l.startswith("."):
                    mm = re.match(r"\.(\S+)\s*(.*)", l)
                    text = "".join(r[0] for r in font_runs(mm.group(1), mm.group(2)))
                else:
                    text = unescape(l)
                doc.add_paragraph(text, style="Code")
            i += 1
            b.new_par("Normal")
        elif macro == "TS":
            # skip options and format lines (the format ends with '.')
            while i < n and not lines[i].rstrip().endswith("."):
                i += 1
            i += 1
            rows = []
            while i < n and not lines[i].startswith(".TE"):
                rows.append([unescape(c) for c in lines[i].split("\t")])
                i += 1
            i += 1
            b.table(rows)
            b.new_par("Normal")
        elif macro in FONTS:
            b.add_runs(font_runs(macro, rest))
        else:
            raise SystemExit(f"unhandled macro: {line}")
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: build_docx.py OUTPUT.docx")
    build(sys.argv[1])
