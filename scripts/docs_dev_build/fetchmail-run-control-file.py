#!/usr/bin/env python3
"""Build docs/fetchmail-run-control-file.docx from the fetchmail(1) man page.

Source: usr/share/man/man1/fetchmail.1.gz from the Debian package
fetchmail 6.4.37-1 (man page dated 2022-07-16, "fetchmail 6.4.37"),
unpacked with `dpkg -x fetchmail_6.4.37-1_amd64.deb tools/fetchmailx`.

Only a contiguous part of the man page is used: from the section
"THE RUN CONTROL FILE" up to the end of "CONFIGURATION EXAMPLES"
(source lines 1683-2603; the sections KEYWORD/OPTION SUMMARY,
DEBUGGING FETCHMAIL and INTERACTION WITH RFC 822 lie in between).
The NAME line of the page is used as a subtitle under the title.

The troff (man + tbl) markup is turned into Word structure; the words are
not changed:
  .SH                -> Heading 1        .SS -> Heading 2
  "Here are the legal ... options:" lines introducing the three tbl
  tables             -> Heading 3
  .TS/.TE tbl tables -> Word tables ("Table Grid"), bold header row
  .nf/.fi blocks     -> "Code" paragraphs (Courier New), except the list of
                        protocol identifiers (-> List Bullet) and the header
                        order list in INTERACTION WITH RFC 822 (-> List Number)
  "1. ", "2. ", "3. " paragraphs in "Enabling fetchmail core dumps"
                     -> List Number (the number itself is Word's numbering)
  \\fB/\\fI          -> bold / italic runs;  .BR x (1) -> x(1)
  .UR/.UE            -> the link text
  .IP                -> indented paragraph
Escapes: \\- -> -, \\& -> nothing, \\e -> \\, \\~ -> space.

Usage: build_docx.py SOURCE.1.gz OUTPUT.docx
"""
import gzip
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

START = ".SH THE RUN CONTROL FILE"
STOP = ".SH THE USE AND ABUSE OF MULTIDROP MAILBOXES"
BULLET_BLOCK_FIRST = "auto (or AUTO)"      # protocol identifiers
NUMBER_BLOCK_FIRST = "Return-Path:"        # RFC 822 header order
HEADING3 = re.compile(r"^Here are the legal .*:$")


def unescape(s):
    s = s.replace("\\-", "-").replace("\\&", "").replace("\\~", " ")
    s = s.replace("\\e", "\\")
    return s


FONT = re.compile(r"\\f([BIPR])")


def runs_of(text):
    """Split troff text into (text, bold, italic) runs."""
    out = []
    bold = ital = False
    pos = 0
    for m in FONT.finditer(text):
        if m.start() > pos:
            out.append((unescape(text[pos:m.start()]), bold, ital))
        f = m.group(1)
        bold, ital = f == "B", f == "I"
        pos = m.end()
    if pos < len(text):
        out.append((unescape(text[pos:]), bold, ital))
    return out


def add_runs(par, text):
    for t, b, i in runs_of(text):
        if not t:
            continue
        r = par.add_run(t)
        if b:
            r.bold = True
        if i:
            r.italic = True
    return par


def plain(text):
    return "".join(t for t, _, _ in runs_of(text))


def restart_numbering(doc, par):
    """Give `par` (style List Number) a fresh numbering that starts at 1."""
    numbering = doc.part.numbering_part.element
    style = doc.styles["List Number"]
    num_id = int(style.element.pPr.numPr.numId.val)
    old = [n for n in numbering.findall(qn("w:num")) if int(n.get(qn("w:numId"))) == num_id][0]
    abstract_id = old.find(qn("w:abstractNumId")).get(qn("w:val"))
    new_id = max(int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))) + 1
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(new_id))
    a = OxmlElement("w:abstractNumId")
    a.set(qn("w:val"), abstract_id)
    num.append(a)
    ov = OxmlElement("w:lvlOverride")
    ov.set(qn("w:ilvl"), "0")
    so = OxmlElement("w:startOverride")
    so.set(qn("w:val"), "1")
    ov.append(so)
    num.append(ov)
    numbering.append(num)
    pPr = par._p.get_or_add_pPr()
    numPr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), str(new_id))
    numPr.append(ilvl)
    numPr.append(nid)
    pPr.append(numPr)
    return new_id


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


def read_lines(src):
    lines = gzip.open(src, "rt", encoding="utf-8").read().split("\n")  # noqa: SIM115
    name = None
    for i, l in enumerate(lines):  # noqa: E741
        if l.startswith(".SH NAME"):
            name = lines[i + 1]
            break
    a = lines.index(START)
    b = lines.index(STOP)
    return name, lines[a:b]


def parse_table(block):
    """block: lines between .TS and .TE. Returns rows (list of cell strings)."""
    rows = []
    i = 1  # skip the format line ("l l l lw34.")
    cur = None
    while i < len(block):
        l = block[i]  # noqa: E741
        if l == "_":
            i += 1
            continue
        if cur is None:
            cells = l.split("\t")
            if cells[-1] == "T{":
                cells = cells[:-1]
                text = []
                i += 1
                while block[i] != "T}":
                    text.append(block[i])
                    i += 1
                cells.append(" ".join(text))
            if rows and len(cells) < len(rows[0]):
                # the source's "sslfingerprint" row has two spaces instead of
                # a tab before its first empty cell: keep the T{ } text in
                # the Function column, as the author meant
                cells = cells[:-1] + [""] * (len(rows[0]) - len(cells)) + cells[-1:]
            rows.append(cells)
        i += 1
    return rows


def build(src, out):
    name, lines = read_lines(src)
    doc = make_doc()
    doc.add_heading("fetchmail", level=0)
    p = doc.add_paragraph(style="Subtitle")
    add_runs(p, name)

    para = []          # pending troff text lines of the current paragraph
    para_style = {"style": "Normal", "indent": False}
    state = {"numbered": None, "after_list": False}

    def flush():
        if not para:
            return
        text = " ".join(para)
        para.clear()
        m = re.match(r"^(\d)\. (.*)$", text)
        if HEADING3.match(plain(text)):
            doc.add_heading(plain(text), level=3)
        elif m:
            if state["numbered"] is None:
                p = doc.add_paragraph(style="List Number")
                add_runs(p, m.group(2))
                state["numbered"] = "default"
            else:
                p = doc.add_paragraph(style="List Number")
                add_runs(p, m.group(2))
        else:
            p = doc.add_paragraph(style="Normal")
            if para_style["indent"]:
                p.paragraph_format.left_indent = Cm(1)
            add_runs(p, text)
        para_style["indent"] = False

    i = 0
    n = len(lines)
    while i < n:
        l = lines[i]  # noqa: E741
        if l.startswith(".SH ") or l.startswith(".SS "):
            flush()
            title = l[4:].strip().strip('"')
            doc.add_heading(plain(title), level=1 if l.startswith(".SH") else 2)
        elif l in (".PP", ".P", ".LP", ".sp", "") or l.startswith(".\\\""):
            flush()
        elif l == ".IP":
            flush()
            para_style["indent"] = True
        elif l == ".nf":
            # a code paragraph ends the current paragraph
            flush()
            j = i + 1
            block = []
            while lines[j] != ".fi":
                block.append(lines[j])
                j += 1
            first = unescape(block[0]).strip() if block else ""
            if first.startswith(BULLET_BLOCK_FIRST):
                for b in block:
                    doc.add_paragraph(unescape(b).strip(), style="List Bullet")
            elif first.startswith(NUMBER_BLOCK_FIRST):
                for k, b in enumerate(block):
                    p = doc.add_paragraph(style="List Number")
                    p.add_run(unescape(b).strip())
                    if k == 0:
                        num_id = restart_numbering(doc, p)
                    else:
                        pPr = p._p.get_or_add_pPr()
                        numPr = OxmlElement("w:numPr")
                        ilvl = OxmlElement("w:ilvl")
                        ilvl.set(qn("w:val"), "0")
                        nid = OxmlElement("w:numId")
                        nid.set(qn("w:val"), str(num_id))
                        numPr.append(ilvl)
                        numPr.append(nid)
                        pPr.append(numPr)
            else:
                # drop the common indentation of the block
                ind = min((len(b) - len(b.lstrip(" ")) for b in block if b.strip()), default=0)
                for b in block:
                    doc.add_paragraph(unescape(b[ind:]), style="Code")
            para_style["indent"] = False
            i = j
        elif l == ".TS":
            flush()
            j = i + 1
            block = []
            while lines[j] != ".TE":
                block.append(lines[j])
                j += 1
            rows = parse_table(block)
            header, body = rows[0], rows[1:]
            table = doc.add_table(rows=1, cols=len(header))
            table.style = "Table Grid"
            for k, h in enumerate(header):
                c = table.rows[0].cells[k]
                c.text = ""
                c.paragraphs[0].add_run(" ".join(plain(h).split())).bold = True
            for row in body:
                cells = table.add_row().cells
                for k, v in enumerate(row):
                    cells[k].text = ""
                    if k == len(row) - 1:
                        add_runs(cells[k].paragraphs[0], v)
                    else:
                        cells[k].paragraphs[0].add_run(" ".join(plain(v).split()))
            i = j
        elif l.startswith(".BR "):
            parts = l[4:].split()
            para.append("\\fB" + parts[0] + "\\fP" + "".join(parts[1:]))
        elif l.startswith(".UR "):
            pass           # the link text follows on the next line
        elif l == ".UE":
            pass
        elif l.startswith("."):
            raise SystemExit(f"unhandled request: {l}")
        else:
            para.append(l)
        i += 1
    flush()
    doc.core_properties.title = "fetchmail(1): the run control file, keyword/option summary, configuration examples"
    doc.core_properties.author = "Eric S. Raymond, Matthias Andree et al. (fetchmail reference manual)"
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: build_docx.py SOURCE.1.gz OUTPUT.docx")
    build(sys.argv[1], sys.argv[2])
