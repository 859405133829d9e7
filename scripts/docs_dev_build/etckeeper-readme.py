"""Build etckeeper-readme.docx: the etckeeper README laid out as a Word document.

Source: README.mdwn of etckeeper (Joey Hess), as shipped by the Debian package
etckeeper 1.18.20-1 in /usr/share/doc/etckeeper/README.mdwn.gz
(`apt-get download etckeeper && dpkg -x etckeeper_1.18.20-1_all.deb DIR`).

Usage: python build_etckeeper-readme.py OUT.docx [SOURCE]
  SOURCE defaults to /usr/share/doc/etckeeper/README.mdwn.gz; a plain (not
  gzipped) README.mdwn is read as well.

Licence: etckeeper, and so its README, is GPL-2+ (debian/copyright: "etckeeper
is licensed under version 2 or greater of the GNU GPL"); this document is
redistributed under the same terms.

Mapping (the text is not reworded; only the Markdown markup is turned into
Word layout):
  - "## Title" lines            -> Heading 1 (the README has no "#" title)
  - paragraphs (lines joined     -> Normal paragraphs, the wrapped lines joined
    up to a blank line)            with single spaces
  - lines indented by a tab      -> one 'Code' paragraph (monospace) per line
  - "* item" lines               -> List Bullet
  - `code` spans                 -> monospace runs without the backticks
  - *word* and _word_            -> italic runs without the markers
  - <http://...> autolinks       -> the bare URL
"""

import gzip
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "/usr/share/doc/etckeeper/README.mdwn.gz"
INLINE = re.compile(r"`([^`]+)`|\*([^*\s][^*]*)\*|\b_([^_\s][^_]*)_\b|<(https?://[^>]+)>")


def read_source(path):
    data = Path(path).read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data.decode("utf-8")


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def add_inline(paragraph, text):
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            paragraph.add_run(text[pos:m.start()])
        code, star, under, url = m.groups()
        if code is not None:
            run = paragraph.add_run(code)
            run.font.name = "Courier New"
        elif star is not None or under is not None:
            run = paragraph.add_run(star if star is not None else under)
            run.italic = True
        else:
            paragraph.add_run(url)
        pos = m.end()
    if pos < len(text):
        paragraph.add_run(text[pos:])


def build(source, out):
    doc = Document()
    doc.core_properties.title = "etckeeper README"
    doc.core_properties.author = "Joey Hess"
    code_style(doc)
    para = []

    def flush():
        if para:
            add_inline(doc.add_paragraph(), " ".join(s.strip() for s in para))
            para.clear()

    for line in read_source(source).splitlines():
        if line.startswith("\t"):
            flush()
            doc.add_paragraph(line[1:].rstrip(), style="Code")
        elif not line.strip():
            flush()
        elif line.startswith("## "):
            flush()
            doc.add_heading(line[3:].strip(), level=1)
        elif line.startswith("* "):
            flush()
            add_inline(doc.add_paragraph(style="List Bullet"), line[2:].strip())
        else:
            para.append(line)
    flush()
    doc.save(out)


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit(__doc__)
    build(argv[2] if len(argv) == 3 else DEFAULT_SOURCE, argv[1])


if __name__ == "__main__":
    main(sys.argv)
