"""Lay the ddclient README out as a Word document, without rewording it.

Usage: python build_ddclient-readme.py OUT.docx [SOURCE]

Source: README.md of ddclient 3.10.0 ("DDCLIENT v3.10.0", a Perl client that updates dynamic
DNS entries), as shipped in the Debian package ddclient 3.10.0-2 at
/usr/share/doc/ddclient/README.md.gz (obtained with `apt-get download ddclient &&
dpkg -x ddclient_3.10.0-2_all.deb ddclient`, then
`zcat ddclient/usr/share/doc/ddclient/README.md.gz > ddclient-README.md`).
Default SOURCE: fetch/ddclient-README.md next to this script. The whole file is used.

Licence: ddclient is licensed under the GNU GPL, version 2 or later (GPL-2.0+, stated in
/usr/share/doc/ddclient/copyright, "Files: *"); the README is redistributed under the same
terms.

Mapping (Markdown -> Word):
- "# " .. "#### " headings -> Heading 1-4 styles;
- "* item" bullets -> 'List Bullet'; bullets nested deeper than their parent -> 'List Bullet 2';
- "1. item" numbered items -> 'List Number' (each new list gets its own numbering, starting
  at the number its first item has in the source);
- lines that continue a paragraph or list item (indented or not) are joined to it with a
  space, as Markdown renders them; a paragraph after a blank line that is indented to a list
  item's content column -> 'List Continue';
- fenced code (``` ... ```, also inside list items) and indented code blocks (4+ spaces, not
  continuing a paragraph) -> one paragraph per line in a 'Code' paragraph style (Courier New,
  9 pt), with the block's indentation removed; the fence lines themselves are dropped;
- the raw HTML badge block (<a ...><img ... alt="Packaging status"></a>) is dropped (it is an
  image link);
- inline markup removed: [text](url) -> text, `code` / ``code`` -> code; bare URLs are kept
  as text.
The text itself is not changed.
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE / "fetch/ddclient-README.md"


def inline(text: str) -> str:
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)  # image -> alt
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # link -> text
    text = re.sub(r"``\s?(.*?)\s?``", r"\1", text)  # ``code``
    text = re.sub(r"`([^`]*)`", r"\1", text)  # `code`
    text = re.sub(r"\*\*([^*]+)\*\*", r"\1", text)  # strong
    return re.sub(r"\s+", " ", text).strip()


def indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


class Builder:
    def __init__(self) -> None:
        self.doc = Document()
        code = self.doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
        code.base_style = self.doc.styles["Normal"]
        code.font.name = "Courier New"
        code.font.size = Pt(9)
        code.paragraph_format.space_after = Pt(0)
        self.prose: list[str] = []
        self.prose_style = "Normal"
        self.restart_numbering = True
        self.num_id = None
        self.item_number = 1

    def flush(self) -> None:
        if self.prose:
            p = self.doc.add_paragraph(inline(" ".join(self.prose)), style=self.prose_style)
            if self.prose_style == "List Number":
                self.number(p, self.item_number)
            self.prose = []

    def number(self, paragraph, first: int) -> None:
        """Give each numbered list its own numbering instance, starting at its first item's
        number (1 for every list but the one that resumes at "5." in TROUBLESHOOTING)."""
        if self.restart_numbering or self.num_id is None:
            numbering = self.doc.part.numbering_part.element
            style = self.doc.styles["List Number"]
            base_num = style.element.pPr.numPr.numId.val
            abstract = numbering.num_having_numId(base_num).abstractNumId.val
            num = numbering.add_num(abstract)
            override = OxmlElement("w:lvlOverride")
            override.set(qn("w:ilvl"), "0")
            start = OxmlElement("w:startOverride")
            start.set(qn("w:val"), str(first))
            override.append(start)
            num.append(override)
            self.num_id = num.numId
            self.restart_numbering = False
        pPr = paragraph._p.get_or_add_pPr()
        numPr = pPr.get_or_add_numPr()
        numPr.get_or_add_ilvl().val = 0
        numPr.get_or_add_numId().val = self.num_id

    def code(self, line: str) -> None:
        self.doc.add_paragraph(line.rstrip(), style="Code")

    def build(self, source: Path, out: Path) -> None:
        lines = source.read_text(encoding="utf-8").splitlines()
        item_indent = None  # content column of the current list item, if any
        bullet_indents: list[int] = []
        blank_before = True
        i = 0
        while i < len(lines):
            line = lines[i]
            stripped = line.strip()
            ind = indent_of(line)
            i += 1
            if not stripped:
                self.flush()
                blank_before = True
                continue
            heading = re.match(r"^(#{1,4})\s+(.*?)\s*#*\s*$", line)
            fence = re.match(r"^(\s*)```", line)
            numbered = re.match(r"^(\s*)(\d+)\.\s+(.*)$", line)
            bullet = re.match(r"^(\s*)[*+-]\s+(.*)$", line)
            if heading:
                self.flush()
                self.doc.add_heading(inline(heading.group(2)), level=len(heading.group(1)))
                item_indent, bullet_indents = None, []
                self.restart_numbering = True
            elif re.match(r"^\s*</?(a|img|p)\b", line):
                self.flush()  # raw HTML badge block: dropped
            elif fence:
                self.flush()
                cut = len(fence.group(1))
                while i < len(lines) and not re.match(r"^\s*```", lines[i]):
                    self.code(lines[i][cut:] if lines[i][:cut].strip() == "" else lines[i].lstrip())
                    i += 1
                i += 1  # closing fence
            elif numbered:
                self.flush()
                self.prose_style = "List Number"
                self.prose = [numbered.group(3)]
                self.item_number = int(numbered.group(2))
                item_indent = len(line) - len(numbered.group(3))
                bullet_indents = []
            elif bullet:
                self.flush()
                depth = len(bullet.group(1))
                while bullet_indents and bullet_indents[-1] >= depth:
                    bullet_indents.pop()
                self.prose_style = "List Bullet 2" if bullet_indents else "List Bullet"
                bullet_indents.append(depth)
                self.prose = [bullet.group(2)]
                item_indent = len(line) - len(bullet.group(2))
                self.restart_numbering = True
            elif self.prose:
                self.prose.append(stripped)  # paragraph continuation (lazy or indented)
            elif item_indent is not None and blank_before and ind >= item_indent:
                self.prose_style = "List Continue"
                self.prose = [stripped]
            elif ind >= 4:
                while True:  # indented code block
                    self.code(line[4:] if line.startswith("    ") else line.lstrip())
                    if i < len(lines) and lines[i].strip() and indent_of(lines[i]) >= 4:
                        line = lines[i]
                        i += 1
                    else:
                        break
            else:
                self.prose_style = "Normal"
                self.prose = [stripped]
                item_indent, bullet_indents = None, []
                self.restart_numbering = True
            blank_before = False
        self.flush()
        self.doc.save(str(out))


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    src = Path(sys.argv[2]) if len(sys.argv) == 3 else DEFAULT_SOURCE
    Builder().build(src, Path(sys.argv[1]))
