"""Build mdp-readme.docx: the README of mdp laid out in Word, without rewording.

Usage: python build_mdp-readme.py OUT.docx [SOURCE]

Source: README.md of mdp ("A command-line based markdown presentation tool",
https://github.com/visit1985/mdp), as shipped by the Debian package mdp 1.0.15
at /usr/share/doc/mdp/README.md (default SOURCE: the copy extracted with
`apt-get download mdp && dpkg -x mdp_*.deb mdp` under /tmp/s25/bC/fetch/mdp).

Licence: GPL-3+ (Copyright 2014-2018 Michael Goehler; stated in
/usr/share/doc/mdp/copyright of the same package).

Mapping from Markdown to Word (the text itself is not changed):
  * "#", "##", "###" ... heading lines   -> Heading 1, 2, 3 ... (by the number of #)
  * a line that is only ***text*** / **text** (used as section titles here) -> Heading 3
  * "---" horizontal rules               -> dropped (Word sections follow by headings)
  * "- " / "* " items                    -> 'List Bullet'; items indented 4+ spaces -> 'List Bullet 2'
  * "1. " items                          -> 'List Number' ('List Number 2' when indented)
  * indented continuation lines of a list item -> joined to that item with one space
  * indented (4 spaces) or ``` fenced code blocks -> one paragraph per line in a
    monospace 'Code' style (Courier New)
  * | pipe | tables |                     -> Word tables ('Table Grid'), header row bold
  * [text](url) links and ![alt](img) images -> their text only; <a ...>text</a> -> text
  * `inline code`                         -> the text in a Courier New run; **bold**, *italic*
    and ***bold italic*** -> runs with those attributes (markers removed)
  * consecutive plain lines               -> one Normal paragraph, lines joined by a space
"""

import re
import sys
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "/tmp/s25/bC/fetch/mdp/usr/share/doc/mdp/README.md"
MONO = "Courier New"

LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
HTML_A = re.compile(r"<a\b[^>]*>(.*?)</a>", re.I)
INLINE = re.compile(r"(\*\*\*[^*]+\*\*\*|\*\*[^*]+\*\*|(?<![\w*])\*[^*\s][^*]*\*|`[^`]+`)")


def strip_links(text):
    text = LINK.sub(lambda m: m.group(1), text)
    return HTML_A.sub(lambda m: m.group(1), text)


def add_runs(par, text):
    """Add text to a paragraph, turning inline markup into run attributes."""
    text = strip_links(text)
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            par.add_run(text[pos : m.start()])
        tok = m.group(0)
        if tok.startswith("***"):
            r = par.add_run(tok[3:-3])
            r.bold = True
            r.italic = True
        elif tok.startswith("**"):
            r = par.add_run(tok[2:-2])
            r.bold = True
        elif tok.startswith("`"):
            r = par.add_run(tok[1:-1])
            r.font.name = MONO
        else:
            r = par.add_run(tok[1:-1])
            r.italic = True
        pos = m.end()
    if pos < len(text):
        par.add_run(text[pos:])
    return par


def code_style(document):
    styles = document.styles
    if "Code" not in [s.name for s in styles]:
        st = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
        st.base_style = styles["Normal"]
        st.font.name = MONO
        st.font.size = Pt(9)
        st.paragraph_format.space_after = Pt(0)
    return "Code"


def table_cells(line):
    return [c.strip() for c in line.strip().strip("|").split("|")]


def build(out, source):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    d = docx.Document()
    code = code_style(d)
    para = []  # pending plain lines
    item = None  # last list paragraph (for continuation lines)
    i = 0

    def flush():
        nonlocal para
        if para:
            add_runs(d.add_paragraph(), " ".join(s.strip() for s in para))
            para = []

    while i < len(lines):
        line = lines[i]
        s = line.strip()
        if not s:
            flush()
            item = None
            i += 1
            continue
        if s.startswith("```"):
            flush()
            item = None
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                d.add_paragraph(lines[i], style=code)
                i += 1
            i += 1
            continue
        m = re.match(r"^(#{1,6})\s+(.*?)\s*#*$", s)
        if m and not line.startswith("    "):
            flush()
            item = None
            add_runs(d.add_heading(level=min(len(m.group(1)), 9)), m.group(2))
            i += 1
            continue
        if re.fullmatch(r"(-{3,}|\*{3,}|_{3,})", s):
            flush()
            item = None
            i += 1
            continue
        m = re.fullmatch(r"\*{2,3}([^*]+)\*{2,3}", s)
        if m and not para and item is None:
            add_runs(d.add_heading(level=3), m.group(1))
            i += 1
            continue
        indent = len(line) - len(line.lstrip(" "))
        m = re.match(r"^\s*([-*+]|\d+[.)])\s+(.*)$", line)
        if m:
            flush()
            numbered = m.group(1)[0].isdigit()
            style = ("List Number" if numbered else "List Bullet") + (" 2" if indent >= 4 else "")
            item = add_runs(d.add_paragraph(style=style), m.group(2))
            i += 1
            continue
        if item is not None and indent >= 2:
            add_runs(item, " " + s)
            i += 1
            continue
        if indent >= 4 and not para:
            while i < len(lines) and (lines[i].startswith("    ") or not lines[i].strip()):
                if lines[i].strip():
                    d.add_paragraph(lines[i][4:], style=code)
                elif i + 1 < len(lines) and not lines[i + 1].startswith("    "):
                    break
                i += 1
            continue
        if (
            s.startswith("|")
            and i + 1 < len(lines)
            and re.fullmatch(r"\|?[\s:|-]+\|?", lines[i + 1].strip())
        ):
            flush()
            item = None
            rows = [table_cells(line)]
            i += 2
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(table_cells(lines[i]))
                i += 1
            ncol = max(len(r) for r in rows)
            t = d.add_table(rows=len(rows), cols=ncol)
            t.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    p = t.cell(r, c).paragraphs[0]
                    add_runs(p, text)
                    if r == 0:
                        for run in p.runs:
                            run.bold = True
            continue
        item = None
        para.append(line)
        i += 1
    flush()
    d.save(out)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    build(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else DEFAULT_SOURCE)
