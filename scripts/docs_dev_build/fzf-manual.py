#!/usr/bin/env python3
"""Build docs/fzf-manual.docx from the fzf(1) manual page (fzf 0.38.0).

Source: usr/share/man/man1/fzf.1.gz from the Debian package fzf 0.38.0-1+b1
(fetched with `apt-get download fzf`, unpacked with `dpkg -x` into
tools/fzfx/).  The roff source is laid out as a Word document:

  * .TH title                     -> Title
  * .SH                           -> Heading 1
  * .SS                           -> Heading 2
  * .TP tag (option / variable)   -> Heading 3, body as Normal paragraphs
  * event names in AVAILABLE EVENTS -> Heading 3
  * "- item" lines, the list of AVAILABLE KEYS and the list of affected
    actions under --filepath-word -> List Bullet
  * runs of ".BR value description" lines (scoring schemes, algorithms,
    tiebreak criteria, exit status, field index examples) -> two-column
    Word tables
  * the AVAILABLE ACTIONS block (whose first line is the column header
    "ACTION:  DEFAULT BINDINGS (NOTES):") -> Word table with a bold header row
  * indented example lines (after "e.g." etc.) -> monospace "Code" paragraphs
  * \\fB / \\fI font changes -> bold / italic runs

Only the roff markup is removed; the words are not changed.

Selection (trimmed at section boundaries): the page is kept from the start
(NAME, SYNOPSIS, DESCRIPTION, OPTIONS: "Search mode", "Search result",
"Interface") and from ".SH ENVIRONMENT VARIABLES" to the end.  The OPTIONS
subsections "Layout", "Display", "History", "Preview" and "Scripting" are
left out.

Usage: build_docx.py OUTPUT.docx
"""
import gzip
import os
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm, Pt

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "fzfx/usr/share/man/man1/fzf.1.gz")
SKIP_SS = {"Layout", "Display", "History", "Preview", "Scripting"}


# --------------------------------------------------------------------------
# roff helpers

def roff_args(s):
    """Split the arguments of a roff request (quotes group, an unterminated
    quote runs to the end of the line)."""
    args = []
    i, n = 0, len(s)
    while i < n:
        while i < n and s[i] == " ":
            i += 1
        if i >= n:
            break
        if s[i] == '"':
            j = s.find('"', i + 1)
            if j < 0:
                args.append(s[i + 1:])
                break
            args.append(s[i + 1:j])
            i = j + 1
        else:
            j = s.find(" ", i)
            if j < 0:
                j = n
            args.append(s[i:j])
            i = j
    return args


def unescape(s):
    s = s.replace("\\\\", "\x00")
    s = s.replace("\\-", "-").replace("\\&", "").replace("\\ ", " ")
    return s.replace("\x00", "\\")


FONT = re.compile(r"\\f([BIRP])")


def runs_of(text, font="R"):
    """Split text with \\fB/\\fI/\\fR escapes into (text, font) runs."""
    out = []
    pos = 0
    for m in FONT.finditer(text):
        if m.start() > pos:
            out.append((unescape(text[pos:m.start()]), font))
        font = "R" if m.group(1) == "P" else m.group(1)
        pos = m.end()
    if pos < len(text):
        out.append((unescape(text[pos:]), font))
    return out, font


def plain(text):
    return unescape(FONT.sub("", text))


def request_runs(req, args):
    """Runs for .B / .I / .BR / .BI style requests (alternating fonts)."""
    fonts = {"B": "BB", "I": "II", "BR": "BR", "BI": "BI", "IR": "IR", "RB": "RB"}[req]
    runs = []
    for k, a in enumerate(args):
        f = fonts[k % 2]
        sub, _ = runs_of(a, f)
        runs.extend(sub)
    if req in ("B", "I") and len(args) > 1:
        # .B a b c -> words joined by spaces
        runs = []
        sub, _ = runs_of(" ".join(args), fonts[0])
        runs.extend(sub)
    return runs


# --------------------------------------------------------------------------
# document helpers

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


def add_runs(par, runs):
    for text, font in runs:
        if not text:
            continue
        r = par.add_run(text)
        if font == "B":
            r.bold = True
        elif font == "I":
            r.italic = True
    return par


def strip_runs(runs):
    """Collapse whitespace inside runs and trim the ends."""
    out = []
    for t, f in runs:
        t = re.sub(r"\s+", " ", t)
        out.append([t, f])
    while out and not out[0][0].strip():
        out.pop(0)
    while out and not out[-1][0].strip():
        out.pop()
    if out:
        out[0][0] = out[0][0].lstrip()
        out[-1][0] = out[-1][0].rstrip()
    return [tuple(x) for x in out]


def runs_text(runs):
    return "".join(t for t, _ in runs)


# --------------------------------------------------------------------------

def select_lines(lines):
    """Drop the .ig block and the left-out OPTIONS subsections."""
    out = []
    skipping = False
    in_ig = False
    for line in lines:
        if line.startswith(".ig"):
            in_ig = True
            continue
        if in_ig:
            if line.startswith(".."):
                in_ig = False
            continue
        if line.startswith(".SS "):
            name = " ".join(roff_args(line[4:]))
            skipping = name in SKIP_SS
        elif line.startswith(".SH "):
            skipping = False
        if not skipping:
            out.append(line)
    return out


def build(outpath):
    raw = gzip.open(SRC, "rt", encoding="utf-8").read().split("\n")  # noqa: SIM115
    lines = select_lines(raw)
    doc = make_doc()

    para = []            # runs of the paragraph being collected
    font = ["R"]         # current font carried across text lines
    br_table = []        # rows of a ".BR value description" table
    section = [""]       # current .SS name
    expect_tag = [False]
    pending_bullets = []  # single bold words collected (--filepath-word)

    def flush_para():
        if para:
            runs = strip_runs(para)
            text = runs_text(runs)
            if text:
                m = re.match(r"^- (.*)", text)
                if m:
                    p = doc.add_paragraph(style="List Bullet")
                    runs[0] = (runs[0][0][2:], runs[0][1])
                    add_runs(p, runs)
                elif (len(runs) == 1 and runs[0][1] == "B"
                      and " " not in text and text.islower()):
                    pending_bullets.append(runs)
                else:
                    flush_bullets()
                    add_runs(doc.add_paragraph(style="Normal"), runs)
            para.clear()

    def flush_bullets():
        for runs in pending_bullets:
            add_runs(doc.add_paragraph(style="List Bullet"), runs)
        pending_bullets.clear()

    def flush_table():
        if br_table:
            t = doc.add_table(rows=0, cols=2)
            t.style = "Table Grid"
            for key, desc in br_table:
                cells = t.add_row().cells
                cells[0].text = ""
                add_runs(cells[0].paragraphs[0], strip_runs(key))
                cells[1].text = ""
                add_runs(cells[1].paragraphs[0], strip_runs(desc))
            br_table.clear()
            doc.add_paragraph(style="Normal")

    def flush_all():
        flush_para()
        flush_bullets()
        flush_table()

    code = []

    def flush_code():
        while code and not code[-1].strip():
            code.pop()
        if code:
            ind = min(len(c) - len(c.lstrip(" ")) for c in code if c.strip())
            for c in code:
                doc.add_paragraph(plain(c[ind:]) if c.strip() else "", style="Code")
            code.clear()

    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        s = line.rstrip()

        # ---- the AVAILABLE ACTIONS block: a real table with a header row
        if section[0] == "AVAILABLE ACTIONS:" and s.lstrip().startswith("\\fBACTION:"):
            flush_all()
            header = plain(s).split("  ")
            header = [h.strip() for h in header if h.strip()]
            rows = []
            i += 1
            while i < n and lines[i].startswith("    "):
                row = lines[i].strip()
                m = re.match(r"(\\fB.*?\\fR)\s*(.*)$", row)
                rows.append((m.group(1), m.group(2)))
                i += 1
            t = doc.add_table(rows=1, cols=2)
            t.style = "Table Grid"
            for k, h in enumerate(header):
                c = t.rows[0].cells[k]
                c.text = ""
                c.paragraphs[0].add_run(h).bold = True
            for a, b in rows:
                cells = t.add_row().cells
                cells[0].text = ""
                add_runs(cells[0].paragraphs[0], strip_runs(runs_of(a)[0]))
                cells[1].text = ""
                b = re.sub(r"(\\fI[^\\]*?)  +", r"\1 ", b)  # spacing inside key lists
                add_runs(cells[1].paragraphs[0], strip_runs(runs_of(b)[0]))
            doc.add_paragraph(style="Normal")
            continue

        # ---- indented example lines -> code
        if s and s[0] == " " and not br_table and not (
                section[0].startswith("AVAILABLE KEYS")):
            flush_para()
            flush_bullets()
            code.append(s)
            i += 1
            # keep blank lines inside a code block if code continues
            while i < n and (lines[i].startswith(" ") or
                             (not lines[i].strip() and i + 1 < n and lines[i + 1].startswith("     "))):
                code.append(lines[i].rstrip())
                i += 1
            flush_code()
            continue
        if s and s[0] == " " and br_table:
            # continuation of the description of the last table row
            key, desc = br_table[-1]
            br_table[-1] = (key, desc + [(" ", "R")] + runs_of(s.strip())[0])
            i += 1
            continue

        if s.startswith(".TH"):
            args = roff_args(s[3:])
            doc.add_heading(args[4], level=0)
            doc.core_properties.title = args[4]
        elif s.startswith(".SH "):
            flush_all()
            doc.add_heading(plain(" ".join(roff_args(s[4:]))), level=1)
            section[0] = ""
        elif s.startswith(".SS "):
            flush_all()
            name = s[4:].strip()
            section[0] = name
            doc.add_heading(plain(name), level=2)
        elif s == ".TP":
            flush_all()
            expect_tag[0] = True
        elif s in (".br", ".RS", ".RE") or s.startswith(".RS "):
            flush_para()
        elif s == "":
            flush_para()
            if not (i + 1 < n and lines[i + 1].startswith(".BR ")):
                flush_bullets()
        elif re.match(r"^\.(B|I|BR|BI|IR|RB)( |$)", s):
            req, _, rest = s[1:].partition(" ")
            args = roff_args(rest)
            runs = request_runs(req, args)
            if expect_tag[0]:
                doc.add_heading(plain(runs_text(runs)), level=3)
                expect_tag[0] = False
            elif req == "BR" and len(args) == 2 and args[1].startswith(" "):
                # value / description pair
                flush_para()
                br_table.append(([(args[0], "B")], runs_of(args[1])[0]))
            elif req == "BR" and br_table:
                br_table.append((runs_of(" ".join(args))[0], []))
            else:
                flush_table()
                if req == "B" and not para:
                    # a bold line on its own (e.g. "Project homepage:")
                    para.extend(runs)
                else:
                    para.extend([(" ", "R")] + runs)
        elif s.startswith("."):
            pass  # other requests: ignore
        else:
            flush_table()
            if expect_tag[0]:
                # .TP followed by a plain text line: the tag is the whole line
                # (only "Note that most options ..." which is not selected)
                expect_tag[0] = False
            if section[0] == "AVAILABLE EVENTS:" and re.fullmatch(r"\\fI[^\\]+\\fR", s):
                flush_all()
                doc.add_heading(plain(s), level=3)
            elif section[0].startswith("AVAILABLE KEYS"):
                flush_para()
                add_runs(doc.add_paragraph(style="List Bullet"),
                         strip_runs(runs_of(re.sub(r"(\\fR) +", r"\1 ", s))[0]))
            else:
                sub, font[0] = runs_of(s, "R")
                para.extend([(" ", "R")] + sub)
        i += 1
    flush_all()
    flush_code()
    doc.core_properties.author = "Junegunn Choi"
    doc.save(outpath)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: build_docx.py OUTPUT.docx")
    build(sys.argv[1])
