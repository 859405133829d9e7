"""Build mgetty-manual.docx from the mgetty(8) manual page.

Usage: python build_mgetty-manual.py OUT.docx SOURCE

SOURCE is the man page as shipped by Debian: usr/share/man/man8/mgetty.8.gz
from the package mgetty 1.2.1-1.2 (bookworm), unpacked with dpkg -x. It may
be given gzipped or plain.

Licence: mgetty+sendfax, including its manual pages, is Copyright (C) 1993
by Gert Doering and distributed under the GNU GPL (see
/usr/share/doc/mgetty/copyright in the package).

Mapping (the words of the page are kept as they are; only layout is set):
- .TH              -> "Title" paragraph "mgetty(8)", then a "Subtitle"
                      paragraph with the manual's name; the date and source
                      fields go into the page footer.
- .SH NAME         -> "Heading 1" paragraph with the section name.
- text lines       -> joined into "Normal" paragraphs; a blank line starts a
                      new paragraph.
- .B / .I          -> bold / italic run; .RB / .RI alternate roman with bold /
                      italic runs and are joined without spaces (as troff does).
- .TP + tag line   -> a bold "Normal" paragraph holding the tag (option or
                      file name), then the tag's text in paragraphs indented
                      by 0.5 inch, until the next .TP or .SH.
- a paragraph that is a shell command line starting with "mgetty -" (the
  example under -m) -> the "macro" (Macro Text) style, set in Courier New, indented.
- .IX              -> dropped (index entry, not printed by man either).
- escapes          -> \\- as "-", \\\\ as "\\", as man prints them; `` and ''
                      are kept as they are.
The core properties carry fixed dates, so that running the script again
gives the same document.
"""
import datetime
import gzip
import re
import sys

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Inches, Pt

FIXED_DATE = datetime.datetime(2024, 1, 1, 12, 0, 0)


def read_source(path):
    with open(path, "rb") as handle:
        raw = handle.read()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    return raw.decode("latin-1").splitlines()


def unescape(text):
    text = text.replace("\\\\", "\x00")
    text = text.replace("\\-", "-")
    return text.replace("\x00", "\\")


def macro_args(rest):
    """Split macro arguments the way troff does (double quotes group)."""
    return [a if not a.startswith('"') else a[1:-1]
            for a in re.findall(r'"[^"]*"|\S+', rest)]


class Builder:
    def __init__(self):
        self.doc = Document()
        style = self.doc.styles["Normal"]
        style.font.name = "Calibri"
        style.font.size = Pt(11)
        macro = self.doc.styles["macro"]
        macro.font.name = "Courier New"
        macro.font.size = Pt(10)
        self.runs = []          # pending runs: (text, bold, italic)
        self.indent = False     # inside a .TP body
        self.tag_next = False   # next line is a .TP tag
        self.tag_runs = None    # collecting the tag line

    def add_run_text(self, text, bold=False, italic=False):
        self.runs.append((unescape(text), bold, italic))

    def flush(self):
        runs, self.runs = self.runs, []
        if not runs:
            return
        # join runs: a space between source lines, none inside .RB/.RI
        pieces = []
        for i, (text, bold, italic, *glue) in enumerate(runs):
            if i and not (glue and glue[0]):
                pieces.append((" ", False, False))
            pieces.append((text, bold, italic))
        plain = "".join(p[0] for p in pieces).strip()
        if not plain:
            return
        if self.indent and plain.startswith("mgetty -"):
            par = self.doc.add_paragraph(plain, style="macro")
            par.paragraph_format.left_indent = Inches(0.5)
            return
        par = self.doc.add_paragraph()
        if self.indent:
            par.paragraph_format.left_indent = Inches(0.5)
        for text, bold, italic in pieces:
            run = par.add_run(text)
            run.bold = bold or None
            run.italic = italic or None

    def add_tag(self, text):
        par = self.doc.add_paragraph()
        par.paragraph_format.space_after = Pt(2)
        par.paragraph_format.keep_with_next = True
        par.add_run(unescape(text).strip()).bold = True

    def alternate(self, args, second_bold, second_italic):
        for i, arg in enumerate(args):
            odd = i % 2 == 1
            self.runs.append((unescape(arg), odd and second_bold,
                              odd and second_italic, i > 0))

    def build(self, lines):
        for line in lines:
            line = line.rstrip()
            if line.startswith("."):
                name, _, rest = line[1:].partition(" ")
                if name == "TH":
                    args = macro_args(rest)
                    self.doc.add_paragraph(f"{args[0]}({args[1]})", style="Title")
                    self.doc.add_paragraph(args[4], style="Subtitle")
                    footer = self.doc.sections[0].footer.paragraphs[0]
                    footer.text = f"{args[3]}\t{args[2]}\t{args[0]}({args[1]})"
                    footer.alignment = WD_ALIGN_PARAGRAPH.LEFT
                    continue
                if name == "IX":
                    continue
                if name == "SH":
                    self.flush()
                    self.indent = False
                    self.doc.add_heading(unescape(" ".join(macro_args(rest))), level=1)
                    continue
                if name == "TP":
                    self.flush()
                    self.indent = False
                    self.tag_next = True
                    continue
                if self.tag_next and name in ("B", "I"):
                    self.add_tag(rest)
                    self.tag_next = False
                    self.indent = True
                    continue
                if name == "B":
                    self.add_run_text(rest, bold=True)
                elif name == "I":
                    self.add_run_text(rest, italic=True)
                elif name == "RB":
                    self.alternate(macro_args(rest), True, False)
                elif name == "RI":
                    self.alternate(macro_args(rest), False, True)
                elif name in ("PP", "P", "LP"):
                    self.flush()
                    self.indent = False
                else:
                    raise SystemExit(f"unhandled macro: {line}")
                continue
            if not line.strip():
                self.flush()
                continue
            if self.tag_next:
                self.add_tag(line)
                self.tag_next = False
                self.indent = True
                continue
            self.add_run_text(line)
        self.flush()

    def save(self, out):
        props = self.doc.core_properties
        props.title = "mgetty(8) - smart modem getty"
        props.subject = "mgetty+sendfax manual"
        props.author = "Gert Doering"
        props.last_modified_by = "build_mgetty-manual.py"
        props.created = FIXED_DATE
        props.modified = FIXED_DATE
        props.last_printed = FIXED_DATE
        props.revision = 1
        self.doc.save(out)


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    out, source = sys.argv[1], sys.argv[2]
    builder = Builder()
    builder.build(read_source(source))
    builder.save(out)


if __name__ == "__main__":
    main()
