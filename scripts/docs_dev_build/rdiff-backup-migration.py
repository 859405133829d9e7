#!/usr/bin/env python3
"""Build docs/rdiff-backup-migration.docx from rdiff-backup's migration guide.

Source: docs/migration.adoc of rdiff-backup 2.2.2, as shipped in the Debian
package rdiff-backup 2.2.2-1 at /usr/share/doc/rdiff-backup/migration.adoc.gz
(not installed here: fetched with `apt-get download rdiff-backup`, unpacked
with `dpkg -x rdiff-backup_2.2.2-1_amd64.deb rdiffx`).  SRC below is where
the batch that made the file had unpacked it (/tmp/s17/bW/tools/rdiffx);
another unpacked copy can be given as the second argument.

The AsciiDoc text is laid out as a Word document:
  =  title            -> Title
  == / === / ====     -> Heading 1 / Heading 2 / Heading 3
  =====               -> Heading 4
  ". item"            -> List Number
  "* item"            -> List Bullet
  |=== tables         -> Word table, first row is a bold, repeated header row
  ---- blocks and
  indented literals   -> monospace paragraph style "Code"
  NOTE:/CAUTION:/TIP: -> Normal paragraph with the label in bold
Only AsciiDoc markup is removed (`x` and `+x+` -> Courier run, *x* -> bold,
URL[text] -> text, "`x`" -> curly quotes, {page-name} -> its value); words are
not changed.  Dropped: the attribute lines (:sectnums: ...), the
"link:.[Home...]" navigation line, the ''''' rule and the toc::[] macro.
Not trimmed.

Usage: python scripts/docs_dev_build/rdiff-backup-migration.py OUTPUT.docx [SOURCE.adoc[.gz]]
"""
import gzip
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

SRC = "/tmp/s17/bW/tools/rdiffx/usr/share/doc/rdiff-backup/migration.adoc.gz"

MONO = "Courier New"


def read_lines(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return fh.read().split("\n")


INLINE = re.compile(
    r"(`\+(?P<pass>.+?)\+`"                       # `+literal+`
    r"|\"`(?P<dq>[^`]+?)`\""                       # "`quoted`"
    r"|`(?P<code>[^`]+?)`"                         # `code`
    r"|(?<![\w*])\*(?P<bold>[^*\s][^*]*?)\*(?!\w)"  # *bold*
    r"|(?P<url>https?://[^\s\[]+)\[(?P<utext>[^\]]*)\]"  # URL[text]
    r"|(?<![\w])_(?P<ital>[^_\s][^_]*?)_(?![\w])"   # _italic_
    r")")


def add_inline(par, text, attrs):
    for k, v in attrs.items():
        text = text.replace("{%s}" % k, v)  # noqa: UP031
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            par.add_run(text[pos:m.start()])
        if m.group("pass") is not None:
            par.add_run(m.group("pass")).font.name = MONO
        elif m.group("dq") is not None:
            par.add_run("\u201c%s\u201d" % m.group("dq"))  # noqa: UP031
        elif m.group("code") is not None:
            par.add_run(m.group("code")).font.name = MONO
        elif m.group("bold") is not None:
            par.add_run(m.group("bold")).bold = True
        elif m.group("url") is not None:
            label = m.group("utext").rstrip("^") or m.group("url")
            par.add_run(label)
        elif m.group("ital") is not None:
            par.add_run(m.group("ital")).italic = True
        pos = m.end()
    if pos < len(text):
        par.add_run(text[pos:])
    return par


def plain(text, attrs):
    """Cell text without AsciiDoc markup (keeps the words)."""
    for k, v in attrs.items():
        text = text.replace("{%s}" % k, v)  # noqa: UP031
    text = re.sub(r"`\+(.+?)\+`", r"\1", text)
    text = re.sub(r"`([^`]+?)`", r"\1", text)
    return text.strip()


def make_doc():
    doc = Document()
    styles = doc.styles
    code = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = styles["Normal"]
    code.font.name = MONO
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(0)
    code.paragraph_format.left_indent = Cm(1)
    return doc


def mark_header(row):
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def add_table(doc, rows, attrs):
    ncols = len(rows[0])
    table = doc.add_table(rows=0, cols=ncols)
    table.style = "Table Grid"
    for r, cells in enumerate(rows):
        row = table.add_row()
        for c, txt in enumerate(cells):
            cell = row.cells[c]
            p = cell.paragraphs[0]
            if r == 0:
                p.add_run(plain(txt, attrs)).bold = True
            else:
                # keep code in monospace inside cells
                add_inline(p, txt, attrs)
        if r == 0:
            mark_header(row)
    doc.add_paragraph()


HEAD = re.compile(r"^(=+) (.*)$")
ADMON = re.compile(r"^(NOTE|CAUTION|TIP|WARNING|IMPORTANT): (.*)$")


def build(src, out):
    lines = read_lines(src)
    attrs = {}
    doc = make_doc()
    n = len(lines)
    i = 0

    def blank(s):
        return not s.strip()

    def gather(j, stop_on_item=False):
        """Join the lines of a paragraph starting at j (until blank line)."""
        buf = []
        while j < n and not blank(lines[j]):
            s = lines[j]
            if stop_on_item and buf and (re.match(r"^\.{1,2} ", s) or s.startswith("* ")):
                break
            if s.strip() == "+":
                break
            buf.append(s.strip())
            j += 1
        return " ".join(buf), j

    while i < n:
        line = lines[i]
        s = line.strip()
        if blank(line):
            i += 1
            continue
        # attribute entries
        m = re.match(r"^:([\w-]+):\s*(.*)$", line)
        if m:
            if m.group(2):
                attrs[m.group(1)] = m.group(2)
            i += 1
            continue
        # navigation line, horizontal rule, toc macro, block attributes
        if line.startswith("link:.[") or set(s) == {"'"} or s == "toc::[]" \
                or re.match(r"^\[[^\]]*\]$", s) or s == "+":
            i += 1
            continue
        # headings
        m = HEAD.match(line)
        if m:
            level = len(m.group(1)) - 1
            text = m.group(2)
            if level == 0:
                # title: resolve attributes defined on the following lines
                j = i + 1
                while j < n and re.match(r"^:([\w-]+):", lines[j]):
                    mm = re.match(r"^:([\w-]+):\s*(.*)$", lines[j])
                    if mm.group(2):
                        attrs[mm.group(1)] = mm.group(2)
                    j += 1
                p = doc.add_heading("", level=0)
                add_inline(p, text, attrs)
            else:
                p = doc.add_heading("", level=min(level, 4))
                add_inline(p, text, attrs)
            i += 1
            continue
        # delimited literal block
        if s == "----":
            j = i + 1
            while j < n and lines[j].strip() != "----":
                doc.add_paragraph(lines[j].rstrip(), style="Code")
                j += 1
            i = j + 1
            continue
        # tables
        if s == "|===":
            j = i + 1
            rows = []
            header = None
            cur = []
            while j < n and lines[j].strip() != "|===":
                t = lines[j].strip()
                if not t:
                    if header is None and cur:
                        header = cur
                        rows.append(cur)
                        cur = []
                    j += 1
                    continue
                cells = [c for c in t.split("|")[1:]] if t.startswith("|") else [t]
                cur.extend(c.strip() for c in cells)
                if header is not None and len(cur) == len(header):
                    rows.append(cur)
                    cur = []
                j += 1
            if cur:
                rows.append(cur)
            add_table(doc, rows, attrs)
            i = j + 1
            continue
        # indented literal paragraph
        if line[0] in " \t":
            j = i
            while j < n and not blank(lines[j]) and lines[j][0] in " \t":
                doc.add_paragraph(lines[j].strip(), style="Code")
                j += 1
            i = j
            continue
        # numbered list items
        if re.match(r"^\. ", line):
            text, j = gather(i, stop_on_item=True)
            add_inline(doc.add_paragraph(style="List Number"), text[2:], attrs)
            i = j
            continue
        # bullet list items
        if line.startswith("* "):
            text, j = gather(i, stop_on_item=True)
            add_inline(doc.add_paragraph(style="List Bullet"), text[2:], attrs)
            i = j
            continue
        # admonitions
        m = ADMON.match(line)
        text, j = gather(i)
        p = doc.add_paragraph()
        if m:
            p.add_run(m.group(1) + ":").bold = True
            add_inline(p, " " + text[len(m.group(1)) + 2:], attrs)
        else:
            add_inline(p, text, attrs)
        i = j
    doc.core_properties.title = "rdiff-backup: " + attrs.get("page-name", "")
    doc.core_properties.author = "rdiff-backup project"
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: rdiff-backup-migration.py OUTPUT.docx [SOURCE.adoc[.gz]]")
    build(sys.argv[2] if len(sys.argv) == 3 else SRC, sys.argv[1])
