"""Lay out OpenNTPD's ntpd.conf(5) manual page as a Word document.

Source: the manual page ntpd.conf(5), "Network Time Protocol daemon
configuration file", from the Debian package openntpd 1:6.2p3-4.2+b1
(`apt-get download openntpd && dpkg -x`), file
/usr/share/man/man5/ntpd.conf.5.gz.  The page is rendered to text with
`MANWIDTH=80 man --nj --nh -P cat -l ntpd.conf.5.gz | col -bx` and that text
is laid out in Word; not a single sentence is reworded.

Usage:
    python build_openntpd-config.py OUT.docx [SOURCE]

SOURCE is either the compressed manual page (*.gz, rendered with man(1) as
above) or an already rendered text file; it defaults to
/usr/share/man/man5/ntpd.conf.5.gz.

Licence: OpenNTPD and its manual pages are under the ISC licence
(debian/copyright), which permits copying and redistribution; this script is
under the same licence.

Mapping from the rendered page to Word:
    page header line          -> Title (its first field, e.g. NTPD.CONF(5))
    page footer line          -> a Normal paragraph (date)
    section head (column 0)   -> Heading 1
    option tag (indent 5, with its description directly below at indent 13)
                              -> Heading 2 (a tag broken over two lines, with an
                                 unclosed "[", is joined again)
    paragraph (indent 5 or 13)-> Normal paragraph, its lines joined by spaces
    example (indent 19)       -> 'Code' paragraph style, one per line
    FILES entries (path, two or more spaces, description)
                              -> a two-column Word table
"""

import os
import re
import subprocess
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "/usr/share/man/man5/ntpd.conf.5.gz"


def read_source(path):
    """Return the rendered text lines of the manual page."""
    if path.endswith(".gz"):
        env = dict(os.environ, MANWIDTH="80")
        man = subprocess.run(
            ["man", "--nj", "--nh", "-P", "cat", "-l", path],
            check=True, capture_output=True, text=True, env=env,
        )
        col = subprocess.run(
            ["col", "-bx"], input=man.stdout,
            check=True, capture_output=True, text=True,
        )
        text = col.stdout
    else:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    return text.rstrip("\n").split("\n")


def indent(line):
    return len(line) - len(line.lstrip(" "))


def blocks(lines):
    """Split lines into blocks separated by blank lines."""
    block = []
    for line in lines:
        if line.strip():
            block.append(line)
        elif block:
            yield block
            block = []
    if block:
        yield block


def join(lines):
    return " ".join(line.strip() for line in lines)


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def add_table(doc, rows):
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for left, right in rows:
        cells = table.add_row().cells
        cells[0].text = left
        cells[1].text = right


def build(lines, out):
    doc = Document()
    code_style(doc)
    header, body, footer = lines[0], lines[1:-1], lines[-1]
    doc.add_paragraph(header.split()[0], style="Title")
    section = ""
    for block in blocks(body):
        first = block[0]
        if indent(first) == 0:
            section = first.strip()
            doc.add_heading(section, level=1)
            block = block[1:]
            if not block:
                continue
            first = block[0]
        level = indent(first)
        if level >= 19:
            for line in block:
                doc.add_paragraph(line.strip(), style="Code")
            continue
        pairs = [re.match(r"^\s+(\S+)\s{2,}(\S.*)$", line) for line in block]
        if section == "FILES" and all(pairs):
            add_table(doc, [(m.group(1), m.group(2)) for m in pairs])
            continue
        if level == 5 and len(block) > 1 and indent(block[1]) > level:
            tag, rest = [first], block[1:]
            while tag[-1].count("[") > tag[-1].count("]") and rest:
                tag.append(rest.pop(0))
            doc.add_heading(join(tag), level=2)
            if rest:
                doc.add_paragraph(join(rest))
            continue
        doc.add_paragraph(join(block))
    fields = re.split(r"\s{2,}", footer.strip())
    doc.add_paragraph(fields[1] if len(fields) == 3 else footer.strip())
    doc.save(out)


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit(__doc__)
    source = argv[2] if len(argv) == 3 else DEFAULT_SOURCE
    build(read_source(source), argv[1])


if __name__ == "__main__":
    main(sys.argv)
