#!/usr/bin/env python3
"""Build docs/dialog-manual.docx from the dialog(1) manual page.

Source: usr/share/man/man1/dialog.1.gz ($Date: 2022/07/28 08:13:25 $) from
the Debian package dialog 1.3-20230209-1 (not installed here: fetched with
`apt-get download dialog` and unpacked with
`dpkg -x dialog_1.3-20230209-1_amd64.deb x`).  SRC below is where the batch
that made the file had unpacked it (/tmp/s17/bQ/tools/debs/x/); point it at
your own unpacked copy to rebuild.

The roff source is laid out as a Word document:
  * the page name "DIALOG(1)" (from .TH) -> Title
  * .SH sections -> Heading 1, .SS subsections -> Heading 2
  * the variable names of the ENVIRONMENT section (.TP tags) -> Heading 3
  * .bP bullets -> List Bullet, the numbered steps of RUN-TIME CONFIGURATION
    (.TP "1.", "2.", "3.") -> List Number, their lettered sub-steps -> List 2
  * .TS/.TE tables -> Word tables with a bold header row (Table Grid)
  * .Ex/.Ee example blocks -> a monospace paragraph style "Code"
  * other .TP tagged paragraphs -> Normal paragraphs "tag<TAB>text"
Only the roff markup is turned into formatting (\\fB bold, \\fI italic, the
strings \\*p/\\*l = dialog, \\*L = Dialog, \\*(`` / \\*('' = curly quotes);
the words are not changed.

Trimmed at section boundaries: the sections NAME, SYNOPSIS and DESCRIPTION are
kept, the long OPTIONS section (option reference for every widget) is left
out, and everything from RUN-TIME CONFIGURATION to the end (KEY BINDINGS,
ENVIRONMENT, FILES, EXAMPLES, DIAGNOSTICS, PORTABILITY, COMPATIBILITY, BUGS,
AUTHOR, CONTRIBUTORS) is kept.

Usage: python scripts/docs_dev_build/dialog-manual.py OUTPUT.docx
"""
import gzip
import re
import shlex
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm, Pt

SRC = "/tmp/s17/bQ/tools/debs/x/usr/share/man/man1/dialog.1.gz"

STRINGS = {"p": "dialog", "l": "dialog", "L": "Dialog", "D": "DIALOG",
           "``": "\u201c", "''": "\u201d"}
SPECIAL = {"en": "\u2013", "em": "\u2014", "bu": "\u2022", "lq": "\u201c",
           "rq": "\u201d"}


def read_lines():
    lines = gzip.open(SRC, "rt", encoding="utf-8").read().split("\n")  # noqa: SIM115
    keep = []
    section = None
    for line in lines:
        m = re.match(r'^\.SH\s+"?([^"]*)"?\s*$', line)
        if m:
            section = m.group(1)
        if section is None or section == "OPTIONS":
            continue
        keep.append(line)
    return keep


TOKEN = re.compile(r"\\f(\(..|\[[^\]]*\]|.)"      # font change
                   r"|\\\*(\(..|\[[^\]]*\]|.)"    # string
                   r"|\\\((..)"                   # special character
                   r"|\\(.)")                     # other escape


def runs_of(text, font="R"):
    """Split roff text into [(text, font)] runs; font is R, B, I or CW."""
    out = []
    buf = []
    prev = font

    def flush():
        if buf:
            out.append(("".join(buf), font))
            buf.clear()

    pos = 0
    for m in TOKEN.finditer(text):
        buf.append(text[pos:m.start()])
        pos = m.end()
        if m.group(1) is not None:
            f = m.group(1).strip("([]")
            flush()
            if f == "P":
                font, prev = prev, font
            else:
                prev, font = font, {"R": "R", "B": "B", "I": "I"}.get(f, "CW")
        elif m.group(2) is not None:
            buf.append(STRINGS[m.group(2).strip("([]")])
        elif m.group(3) is not None:
            buf.append(SPECIAL[m.group(3)])
        else:
            c = m.group(4)
            buf.append({"-": "-", "e": "\\", "\\": "\\", "&": "", " ": " ",
                        "%": "", "'": "'", ".": "."}[c])
    buf.append(text[pos:])
    flush()
    return [(t, f) for t, f in out if t]


def add_runs(par, runs):
    for t, f in runs:
        if f == "BR":
            par.add_run().add_break()
            continue
        r = par.add_run(t)
        if f == "B":
            r.bold = True
        elif f == "I":
            r.italic = True
        elif f == "CW":
            r.font.name = "Courier New"


def macro_runs(line):
    """Runs for .B/.I/.BR/.BI/.IR/.RB lines."""
    name, _, rest = line[1:].partition(" ")
    args = shlex.split(rest.replace("\\", "\\\\"), posix=True) if rest else []
    if name in ("B", "I"):
        return runs_of(" ".join(args), name)
    fonts = [name[0], name[1]]
    runs = []
    for k, a in enumerate(args):
        runs += runs_of(a, fonts[k % 2])
    return runs


def make_doc():
    doc = Document()
    code = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = doc.styles["Normal"]
    code.font.name = "Courier New"
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(0)
    code.paragraph_format.left_indent = Cm(1)
    return doc


def build(out):
    lines = read_lines()
    doc = make_doc()
    doc.add_paragraph("DIALOG(1)", style="Title")
    section = None
    pending = []          # text lines of the paragraph being filled
    style = "Normal"      # style of that paragraph
    tag = None            # runs of a .TP tag, prepended to the paragraph
    tp_wait = False       # next text line is a .TP tag
    in_code = False
    in_table = False
    table_rows = []
    para_extra = []       # lines forced with .br inside a paragraph  # noqa: F841

    def flush():
        nonlocal pending, tag, style
        if not pending and tag is None:
            return
        runs = []
        for k, l in enumerate(pending):  # noqa: E741
            if l == "\n":                  # .br: line break
                runs.append(("\n", "BR"))
                continue
            if k and runs and runs[-1][1] != "BR" and not runs[-1][0][-1:].isspace():
                runs.append((" ", "R"))
            runs += (macro_runs(l) if re.match(r"^\.(B|I|BR|BI|IR|RB|IB)\b", l)
                     else runs_of(l))
        p = doc.add_paragraph(style=style)
        if tag is not None:
            add_runs(p, tag)
            p.add_run("\t")
            p.paragraph_format.left_indent = Cm(2)
            p.paragraph_format.first_line_indent = Cm(-2)
        add_runs(p, runs)
        pending = []
        tag = None
        style = "Normal"

    def emit_table(rows):
        header, body = rows[0], rows[1:]  # noqa: F841
        ncol = max(len(r) for r in rows)
        t = doc.add_table(rows=0, cols=ncol)
        t.style = doc.styles["Table Grid"]
        for k, r in enumerate(rows):
            cells = t.add_row().cells
            for c in range(ncol):
                txt = r[c] if c < len(r) else ""
                par = cells[c].paragraphs[0]
                runs = runs_of(txt)
                if k == 0:
                    runs = [(x, "B") for x, _ in runs]
                add_runs(par, runs)
        # mark the first row as a header row (repeats on each page)
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        trPr = t.rows[0]._tr.get_or_add_trPr()
        th = OxmlElement("w:tblHeader")
        th.set(qn("w:val"), "true")
        trPr.append(th)

    env_heads = []        # consecutive ENVIRONMENT tags -> one Heading 3

    i = 0
    n = len(lines)
    table_fmt_done = False
    while i < n:
        line = lines[i]
        i += 1
        if in_table:
            if line.startswith(".TE"):
                in_table = False
                emit_table(table_rows)
                table_rows = []
                continue
            if not table_fmt_done:
                if line.rstrip().endswith("."):
                    table_fmt_done = True
                continue
            if line.strip() in ("_", "=") or not line.strip():
                continue
            if line.startswith("T{"):
                continue
            table_rows.append(line.split("/"))
            continue
        if in_code:
            if line.startswith(".Ee"):
                in_code = False
                continue
            if line.startswith(".\\\""):
                continue
            p = doc.add_paragraph(style="Code")
            add_runs(p, [(t, "R") for t, _ in runs_of(line)])
            continue
        if line.startswith(".\\\"") or line.strip() == "." or line.startswith("'\\\""):
            continue
        if line.startswith("."):
            req = line[1:].split()[0] if line[1:].split() else ""
            if req == "SH":
                flush()
                name = re.match(r'^\.SH\s+"?([^"]*)"?', line).group(1)
                section = name
                doc.add_heading(name, level=1)
                continue
            if req == "SS":
                flush()
                doc.add_heading(line[4:].strip().strip('"'), level=2)
                continue
            if req in ("PP", "LP", "P", "IP", "RS", "RE", "ne", "nh", "na", "ad"):
                flush()
                continue
            if req == "br":
                # line break inside SYNOPSIS / DIAGNOSTICS: new paragraph part
                if section == "SYNOPSIS":
                    flush()
                else:
                    pending.append("\n")
                continue
            if req == "bP":
                flush()
                style = "List Bullet"
                continue
            if req == "TP":
                flush()
                tp_wait = True
                continue
            if req == "Ex":
                flush()
                in_code = True
                continue
            if req == "TS":
                flush()
                in_table = True
                table_fmt_done = False
                continue
            if req in ("B", "I", "BR", "BI", "IR", "RB", "IB"):
                if tp_wait:
                    tp_wait = False
                    tag = macro_runs(line)
                    continue
                pending.append(line)
                continue
            raise ValueError(f"unhandled request: {line}")
        # text line
        if tp_wait:
            tp_wait = False
            t = line.strip()
            if section == "RUN-TIME CONFIGURATION" and re.fullmatch(r"\d\.", t):
                style = "List Number"
                continue
            if section == "RUN-TIME CONFIGURATION" and re.fullmatch(r"[a-d]\)", t):
                style = "List 2"
                tag = runs_of(t)
                continue
            if section == "ENVIRONMENT":
                env_heads.append(runs_of(t))
                # collect consecutive tags without body into one heading
                if i < n and lines[i].startswith(".TP"):
                    continue
                h = doc.add_heading(level=3)
                for k, r in enumerate(env_heads):
                    if k:
                        h.add_run().add_break()
                    for txt, _ in r:
                        h.add_run(txt)
                env_heads = []
                continue
            tag = runs_of(t)
            continue
        if not line.strip():
            flush()
            continue
        pending.append(line)
    flush()
    doc.core_properties.title = "DIALOG(1)"
    doc.core_properties.subject = "dialog - display dialog boxes from shell scripts"
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: dialog-manual.py OUTPUT.docx")
    build(sys.argv[1])
