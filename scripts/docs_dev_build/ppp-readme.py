"""Lay out the ppp README (ppp-2.4.9) as a Word document.

Source:  the plain-text README of the Point-to-Point Protocol package ppp,
         shipped by Debian package ppp 2.4.9-1+1.1+b1 as
         /usr/share/doc/ppp/README.gz (obtained with
         `apt-get download ppp && dpkg -x ppp_*.deb ppp`).

Usage:   python build_ppp-readme.py OUT.docx [SOURCE]
         SOURCE defaults to /usr/share/doc/ppp/README.gz; it may be the
         gzip-compressed file or the uncompressed text.

Licence: the README states "All of the code can be freely used and
         redistributed"; pppd, pppstats and pppdump are under BSD-style
         notices, some plugins are GPL'd (see debian/copyright of ppp).

Mapping (no sentence is reworded; only line breaks inside a paragraph are
joined with a single space):
  * a line followed by a line of asterisks      -> Heading 1 (text kept,
                                                   the asterisk rule dropped)
  * "* item" and top-level "- item" paragraphs  -> List Bullet
  * indented "  - item" lines inside a bullet   -> List Bullet 2
  * indented continuation lines                 -> joined to their item
  * tab-indented lines with one field           -> 'Code' paragraph style
  * lines whose fields are separated by tabs    -> rows of a Word table
                                                   (consecutive rows form one
                                                   table)
  * any other block of lines                    -> Normal paragraph
"""

import gzip
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "/usr/share/doc/ppp/README.gz"


def read_source(path):
    data = Path(path).read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data.decode("utf-8")


def blocks(text):
    """Split the text into blocks of lines separated by blank lines."""
    block = []
    for line in text.splitlines():
        if line.strip():
            block.append(line.rstrip())
        elif block:
            yield block
            block = []
    if block:
        yield block


def items(block):
    """Turn one block of lines into (kind, payload) items."""
    out = []
    for line in block:
        fields = [f for f in line.strip().split("\t") if f]
        if "\t" in line and len(fields) >= 2:
            out.append(["row", fields])
        elif line.startswith("\t"):
            out.append(["code", line.strip()])
        elif m := re.match(r"^[*-] (.*)", line):
            out.append(["List Bullet", m.group(1)])
        elif m := re.match(r"^ {2}- (.*)", line):
            out.append(["List Bullet 2", m.group(1)])
        elif out and out[-1][0] not in ("row", "code"):
            out[-1][1] += " " + line.strip()
        else:
            out.append(["Normal", line.strip()])
    return out


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    return style


def build(out_path, source):
    text = read_source(source)
    doc = Document()
    code_style(doc)
    doc.core_properties.title = "ppp README"
    for block in blocks(text):
        if len(block) == 2 and re.fullmatch(r"\*+", block[1]):
            doc.add_heading(block[0], level=1)
            continue
        table = None
        for kind, payload in items(block):
            if kind == "row":
                if table is None:
                    table = doc.add_table(rows=0, cols=len(payload))
                    table.style = "Table Grid"
                cells = table.add_row().cells
                for cell, value in zip(cells, payload, strict=False):
                    cell.text = value
                continue
            table = None
            if kind == "code":
                doc.add_paragraph(payload, style="Code")
            else:
                doc.add_paragraph(payload, style=kind)
    doc.save(out_path)


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit("usage: python build_ppp-readme.py OUT.docx [SOURCE]")
    source = argv[2] if len(argv) == 3 else DEFAULT_SOURCE
    build(argv[1], source)


if __name__ == "__main__":
    main(sys.argv)
