#!/usr/bin/env python3
"""Build docs/shellcheck-manual.docx from the shellcheck(1) manual page.

Source: usr/share/man/man1/shellcheck.1.gz from the Debian package
shellcheck 0.9.0-1 (not installed here: fetched with
`apt-get download shellcheck` and unpacked with
`dpkg -x shellcheck_0.9.0-1_amd64.deb x_shellcheck`).  SRC below is where the
batch that made the file had unpacked it (/tmp/s18/bD/tools/x_shellcheck);
another unpacked copy can be given as the second argument.  The page is
Pandoc-generated groff (-man); this script reads that subset of groff and
lays the text out as a Word document:

  .TH               -> Title ("SHELLCHECK(1)")
  .SH               -> Heading 1
  OPTIONS .TP items -> a Word table (header row "Option" / "Description")
  FORMATS .TP items -> Heading 2 (term) + body paragraphs
  DIRECTIVES        -> the paragraph "Valid keys are:" becomes Heading 2,
                       the keys (.TP items) Heading 3
  .IP \\[bu]         -> List Bullet
  .nf ... .fi       -> one paragraph per line in a monospace "Code" style
  \\f[B] / \\f[I] / \\f[V] \\f[C] -> bold / italic / Courier New runs

Only the groff markup is removed; the words are not changed.  Nothing is
trimmed.

Usage: python scripts/docs_dev_build/shellcheck-manual.py OUTPUT.docx [SOURCE.1.gz]
"""
import gzip
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm, Pt

SRC = "/tmp/s18/bD/tools/x_shellcheck/usr/share/man/man1/shellcheck.1.gz"

# order matters: the unpaddable space "\ " must go before "\[rs]" becomes "\"
ESCAPES = {
    "\\ ": " ", r"\-": "-", r"\[aq]": "'", r"\[dq]": '"', r"\[rs]": "\\",
    r"\[at]": "@", r"\[ti]": "~", r"\[bu]": "\u2022",
}
FONT = re.compile(r"\\f\[(B|I|R|V|C|VB|VI|CB|CI)\]")


def unescape(s):
    for k, v in ESCAPES.items():
        s = s.replace(k, v)
    return s


def runs(text):
    """Split groff text into (string, font) pieces."""
    out = []
    font = "R"
    pos = 0
    for m in FONT.finditer(text):
        if m.start() > pos:
            out.append((unescape(text[pos:m.start()]), font))
        font = m.group(1)
        pos = m.end()
    if pos < len(text):
        out.append((unescape(text[pos:]), font))
    return out


def strip_fonts(text):
    return "".join(s for s, _ in runs(text))


def add_runs(par, text):
    for s, f in runs(text):
        r = par.add_run(s)
        if f in ("B", "CB", "VB"):
            r.bold = True
        if f in ("I", "CI", "VI"):
            r.italic = True
        if f in ("V", "C", "CB", "CI", "VB", "VI"):
            r.font.name = "Courier New"
    return par


def parse(src):
    """Return a list of blocks: (kind, data) in document order."""
    with gzip.open(src, "rt", encoding="utf-8") as f:
        lines = f.read().split("\n")
    # skip the Pandoc preamble (comments and the font-remapping conditionals)
    start = next(i for i, line in enumerate(lines) if line.startswith(".TH "))
    lines = lines[start:]
    blocks = []
    i = 0
    n = len(lines)

    def text_until_request(j):
        buf = []
        while j < n and not lines[j].startswith("."):
            buf.append(lines[j])
            j += 1
        return " ".join(buf), j

    while i < n:
        ln = lines[i]
        if ln.startswith(".TH "):
            title = re.findall(r'"([^"]*)"', ln)
            blocks.append(("title", f"{title[0]}({title[1]})"))
            i += 1
        elif ln.startswith(".SH "):
            blocks.append(("h1", ln[4:].strip()))
            i += 1
        elif ln in (".PP", ".hy") or ln.startswith('.\\"'):
            i += 1
            if ln == ".PP":
                t, i = text_until_request(i)
                blocks.append(("p", t))
        elif ln == ".TP":
            term = lines[i + 1]
            body, j = text_until_request(i + 2)
            blocks.append(("term", term, body))
            i = j
        elif ln.startswith(".IP \\[bu]"):
            t, i = text_until_request(i + 1)
            blocks.append(("bullet", t))
        elif ln == ".IP":
            i += 1
        elif ln == ".nf":
            j = i + 1
            code = []
            while lines[j] != ".fi":
                if lines[j] not in ("\\f[C]", "\\f[R]"):
                    code.append(unescape(lines[j]))
                j += 1
            blocks.append(("code", code))
            i = j + 1
        elif ln == ".RS":
            blocks.append(("rs",))
            i += 1
        elif ln == ".RE":
            blocks.append(("re",))
            i += 1
        elif ln == "":
            i += 1
        else:
            raise ValueError(f"unhandled line {i}: {ln!r}")
    return blocks


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


def build(src, out):
    blocks = parse(src)
    doc = make_doc()
    section = None
    table = None          # OPTIONS table
    cell = None           # current description cell (for .RS continuations)
    in_rs = False
    for b in blocks:
        kind = b[0]
        if kind == "title":
            doc.add_heading(b[1], level=0)
        elif kind == "h1":
            section = b[1]
            table = cell = None
            doc.add_heading(section, level=1)
        elif kind == "rs":
            in_rs = True
        elif kind == "re":
            in_rs = False
        elif kind == "term":
            term, body = b[1], b[2]
            if section == "OPTIONS":
                if table is None:
                    table = doc.add_table(rows=1, cols=2)
                    table.style = "Table Grid"
                    hdr = table.rows[0].cells
                    for c, h in zip(hdr, ("Option", "Description"), strict=True):
                        c.text = ""
                        c.paragraphs[0].add_run(h).bold = True
                row = table.add_row().cells
                add_runs(row[0].paragraphs[0], term)
                add_runs(row[1].paragraphs[0], body)
                cell = row[1]
            else:
                level = 3 if section == "DIRECTIVES" else 2
                doc.add_heading(strip_fonts(term), level=level)
                add_runs(doc.add_paragraph(), body)
        elif kind == "p":
            if in_rs and cell is not None:
                add_runs(cell.add_paragraph(), b[1])
            elif section == "DIRECTIVES" and strip_fonts(b[1]) == "Valid keys are:":
                doc.add_heading("Valid keys are:", level=2)
            else:
                add_runs(doc.add_paragraph(), b[1])
        elif kind == "bullet":
            add_runs(doc.add_paragraph(style="List Bullet"), b[1])
        elif kind == "code":
            for line in b[1]:
                doc.add_paragraph(line, style="Code")
    doc.core_properties.title = "SHELLCHECK(1)"
    doc.core_properties.subject = "shellcheck - Shell script analysis tool"
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: shellcheck-manual.py OUTPUT.docx [SOURCE.1.gz]")
    build(sys.argv[2] if len(sys.argv) == 3 else SRC, sys.argv[1])
