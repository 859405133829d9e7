#!/usr/bin/env python3
"""Build docs/ifupdown-interfaces-reference.docx from the interfaces(5) manual page.

Source: interfaces(5) ("/etc/network/interfaces - network interface
configuration for ifup and ifdown", dated 24 July 2017) from the Debian
package ifupdown 0.8.41 (not installed here), fetched and unpacked with

    apt-get download ifupdown
    dpkg -x ifupdown_0.8.41_amd64.deb x-ifupdown

i.e. the file x-ifupdown/usr/share/man/man5/interfaces.5.gz.  SRC below is
where the batch that made the file had unpacked it (beside its build script,
in /tmp/s17/bR/tools/); point it at your own unpacked copy to rebuild.

The roff source is read directly and laid out as a Word document:

* the NAME line becomes the document Title;
* .SH sections become Heading 1, .SS subsections ("The static Method") Heading 2,
  the bold "Options" line of each method Heading 3;
* the option lists of each method (.RS/.TP .../.RE) become Word tables with a
  bold header row ("Option", "Description");
* the four hook-script directories become a numbered list (List Number), the
  other tagged paragraphs (.TP: command options, environment variables) bullet
  items (List Bullet) with the tag in bold and the text after a line break;
* example blocks (.EX/.EE) become monospace paragraphs in a "Code" style;
* .B/.I/.BI/.BR/.IR and \\fB \\fI \\fR \\fP become bold / italic runs.

Only roff markup is removed (\\- becomes "-", \\% is dropped, trailing
padding blanks in option tags are dropped); the words are not changed.
The whole page is used (no trimming).

Usage: python scripts/docs_dev_build/ifupdown-interfaces-reference.py OUTPUT.docx
"""
import gzip
import re
import shlex
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm, Pt

SRC = "/tmp/s17/bR/tools/x-ifupdown/usr/share/man/man5/interfaces.5.gz"

FONT_MACROS = {"B": "BB", "I": "II", "BI": "BI", "BR": "BR", "IR": "IR", "RB": "RB", "RI": "RI", "IB": "IB"}


def unescape(s):
    return s.replace("\\-", "-").replace("\\%", "").replace("\\e", "\\")


def inline(text, base="R"):
    """Split a roff text line with \\f escapes into (text, font) segments."""
    segs = []
    font = base
    prev = base
    pos = 0
    for m in re.finditer(r"\\f([BIRP])", text):
        if m.start() > pos:
            segs.append((unescape(text[pos:m.start()]), font))
        new = m.group(1)
        if new == "P":
            font, prev = prev, font
        else:
            font, prev = new, font
        pos = m.end()
    if pos < len(text):
        segs.append((unescape(text[pos:]), font))
    return segs


def macro_args(rest):
    try:
        return shlex.split(rest, posix=True)
    except ValueError:
        return rest.split()


def font_macro(name, rest):
    """Segments for .B/.I/.BI/.BR/... (alternating fonts, no blanks between)."""
    args = macro_args(rest.replace("\\", "\\\\")) if rest else []
    args = [a.replace("\\\\", "\\") for a in args]
    pattern = FONT_MACROS[name]
    if name in ("B", "I"):
        # .B / .I print all their arguments in one font, separated by blanks
        args = [" ".join(args)] if args else []
    segs = []
    for k, a in enumerate(args):
        f = pattern[k % 2]
        segs.extend(inline(a, base=f))
    return segs


def read_source():
    return gzip.open(SRC, "rt", encoding="utf-8").read().split("\n")


def parse(lines):
    """Turn the roff lines into a list of blocks."""
    blocks = []          # (kind, data)
    para = []            # segments of the current paragraph
    section = None
    in_rs = False
    rows = []            # option table rows: [term segs, desc segs]
    tp = None            # current tagged paragraph: [term segs, desc segs] or None
    expect_tag = False
    in_ex = False
    code = []

    def add_segs(target, segs):
        if not segs:
            return
        if target and target[-1][0] and not target[-1][0].endswith(" ") and segs[0][0] \
                and not segs[0][0].startswith(" "):
            target.append((" ", "R"))
        target.extend(segs)

    def flush_para():
        nonlocal para
        if para:
            para[-1] = (para[-1][0].rstrip(), para[-1][1])
            blocks.append(("para", para))
            para = []

    def flush_tp():
        nonlocal tp
        if tp is not None:
            if in_rs:
                rows.append(tp)
            else:
                blocks.append(("item", (section, tp)))
            tp = None

    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if in_ex:
            if line.startswith(".EE"):
                blocks.append(("code", code))
                code = []
                in_ex = False
            else:
                code.append(unescape(line))
            continue
        if line.startswith(".\\\"") or line.startswith("'\\\""):
            continue
        if line.startswith(".de "):
            while i < len(lines) and lines[i] != "..":
                i += 1
            i += 1
            continue
        if line.startswith("."):
            m = re.match(r"\.(\S+)\s*(.*)", line)
            if not m:
                continue
            name, rest = m.group(1), m.group(2)
            if name == "TH":
                continue
            if name == "SH":
                flush_tp(); flush_para()  # noqa: E702
                section = " ".join(macro_args(rest))
                blocks.append(("h1", section))
                continue
            if name == "SS":
                flush_tp(); flush_para()  # noqa: E702
                blocks.append(("h2", " ".join(macro_args(rest))))
                continue
            if name in ("P", "PP", "LP"):
                flush_tp(); flush_para()  # noqa: E702
                continue
            if name == "EX":
                flush_tp(); flush_para()  # noqa: E702
                in_ex = True
                continue
            if name == "RS":
                flush_tp(); flush_para()  # noqa: E702
                in_rs = True
                rows = []
                continue
            if name == "RE":
                flush_tp()
                blocks.append(("table", rows))
                rows = []
                in_rs = False
                continue
            if name == "TP":
                flush_tp(); flush_para()  # noqa: E702
                tp = [[], []]
                expect_tag = True
                continue
            if name in FONT_MACROS:
                segs = font_macro(name, rest)
                if name == "B" and rest.strip() == "Options" and not in_rs and tp is None:
                    flush_para()
                    blocks.append(("h3", "Options"))
                    continue
                if expect_tag:
                    add_segs(tp[0], segs)
                    expect_tag = False
                elif tp is not None:
                    add_segs(tp[1], segs)
                else:
                    add_segs(para, segs)
                continue
            raise ValueError("unhandled macro: " + line)
        # text line
        if not line.strip():
            continue
        segs = inline(line)
        if expect_tag:
            add_segs(tp[0], segs)
            expect_tag = False
        elif tp is not None:
            add_segs(tp[1], segs)
        else:
            add_segs(para, segs)
    flush_tp(); flush_para()  # noqa: E702
    return blocks


def clean_term(segs):
    """Drop the padding blanks/tabs that the source uses to align option tags."""
    out = [(re.sub(r"[ \t]+$", "", t) if k == len(segs) - 1 else t, f) for k, (t, f) in enumerate(segs)]
    return [(t.replace("\t", ""), f) for t, f in out if t]


def add_runs(par, segs):
    for text, font in segs:
        if not text:
            continue
        r = par.add_run(text)
        if font == "B":
            r.bold = True
        elif font == "I":
            r.italic = True


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
    blocks = parse(read_source())
    doc = make_doc()
    k = 0
    while k < len(blocks):
        kind, data = blocks[k]
        if kind == "h1" and data == "NAME":
            # the NAME line is the title of the document
            k += 1
            title = "".join(t for t, _ in blocks[k][1])
            doc.add_heading(title, level=0)
            k += 1
            continue
        if kind == "h1":
            doc.add_heading(data, level=1)
        elif kind == "h2":
            doc.add_heading(data, level=2)
        elif kind == "h3":
            doc.add_heading(data, level=3)
        elif kind == "para":
            add_runs(doc.add_paragraph(style="Normal"), data)
        elif kind == "code":
            while data and not data[-1].strip():
                data.pop()
            for line in data:
                doc.add_paragraph(line, style="Code")
        elif kind == "item":
            section, (term, desc) = data
            style = "List Number" if section == "HOOK SCRIPTS" else "List Bullet"
            p = doc.add_paragraph(style=style)
            add_runs(p, clean_term(term))
            for r in p.runs:
                r.bold = True
            if desc:
                p.runs[-1].add_break()
                add_runs(p, desc)
        elif kind == "table":
            rows = [(clean_term(t), d) for t, d in data]
            if len(rows) == 1 and not rows[0][1]:
                # "(No options)"
                add_runs(doc.add_paragraph(style="Normal"), rows[0][0])
            else:
                table = doc.add_table(rows=1, cols=2)
                table.style = "Table Grid"
                for c, h in enumerate(("Option", "Description")):
                    cell = table.rows[0].cells[c]
                    cell.text = ""
                    cell.paragraphs[0].add_run(h).bold = True
                for term, desc in rows:
                    cells = table.add_row().cells
                    cells[0].text = ""
                    add_runs(cells[0].paragraphs[0], term)
                    cells[1].text = ""
                    add_runs(cells[1].paragraphs[0], desc)
        k += 1
    doc.core_properties.title = "interfaces(5) - network interface configuration for ifup and ifdown"
    doc.core_properties.author = "Anthony Towns, Joey Hess (ifupdown)"
    doc.core_properties.subject = "ifupdown 0.8.41 manual page, 24 July 2017"
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: ifupdown-interfaces-reference.py OUTPUT.docx")
    build(sys.argv[1])
