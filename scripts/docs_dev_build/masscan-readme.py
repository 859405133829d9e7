"""Build masscan-readme.docx from the masscan README.

Usage: python build_masscan-readme.py OUT.docx SOURCE

SOURCE is README.md from the Debian package masscan 2:1.3.2+ds1-1
(bookworm), file usr/share/doc/masscan/README.md.gz, unpacked with
gunzip (or zcat).  The README is part of masscan by Robert David Graham,
licensed under the GNU Affero General Public License version 3 (AGPL-3,
per debian/copyright of the package).

Mapping from Markdown to Word (the words are not changed):
- "# " headings become Heading 1, "## " headings become Heading 2;
- paragraphs become Normal paragraphs, their soft line breaks joined
  with single spaces;
- "* " items become "List Bullet" paragraphs, "1. " items become
  "List Number" paragraphs (Word numbers them), continuation lines are
  joined to their item;
- indented code blocks (tab or four spaces after a blank line) and
  fenced code blocks become one "Source Code" paragraph (Courier New)
  per line, one level of indentation removed, fence lines dropped;
- inline `code` becomes a Courier New run, **bold** bold, *text*
  italic, [text](url) a hyperlink showing text;
- the build-status badge image on the first line is left out.
Document dates are fixed so that a rebuild gives the same document.
"""

import datetime
import re
import sys

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

MONO = "Courier New"
INLINE = re.compile(
    r"(`[^`]+`)|(\*\*[^*]+\*\*)|(\*[^*\s][^*]*\*)|(\[[^\]]+\]\([^)]+\))"
)
FIXED_DATE = datetime.datetime(2024, 1, 1, 0, 0, 0)


def add_hyperlink(paragraph, text, url):
    """Append a hyperlink run showing text and pointing at url."""
    r_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    props.append(style)
    run.append(props)
    node = OxmlElement("w:t")
    node.text = text
    node.set(qn("xml:space"), "preserve")
    run.append(node)
    link.append(run)
    paragraph._p.append(link)


def add_inline(paragraph, text):
    """Add text to paragraph, turning Markdown inline markup into runs."""
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            paragraph.add_run(text[pos:m.start()])
        token = m.group(0)
        if m.group(1):
            run = paragraph.add_run(token[1:-1])
            run.font.name = MONO
        elif m.group(2):
            paragraph.add_run(token[2:-2]).bold = True
        elif m.group(3):
            paragraph.add_run(token[1:-1]).italic = True
        else:
            label, url = re.match(r"\[([^\]]+)\]\(([^)]+)\)", token).groups()
            add_hyperlink(paragraph, label, url)
        pos = m.end()
    if pos < len(text):
        paragraph.add_run(text[pos:])


def make_styles(document):
    styles = document.styles
    code = styles.add_style("Source Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = styles["Normal"]
    code.font.name = MONO
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(0)
    code.paragraph_format.left_indent = Pt(18)
    link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    link.font.underline = True


def dedent(line):
    if line.startswith("\t"):
        return line[1:]
    if line.startswith("    "):
        return line[4:]
    return line.lstrip()


def is_indented(line):
    return line.startswith(("\t", "    "))


def parse(lines):
    """Yield (kind, text) blocks: h1, h2, para, bullet, number, code."""
    blocks = []
    current = None  # [kind, list of text lines]
    prev_blank = True
    i = 0
    while i < len(lines):
        raw = lines[i].rstrip("\n")
        blank = raw.strip() == ""
        if blank:
            if current:
                blocks.append(current)
                current = None
            prev_blank = True
            i += 1
            continue
        if prev_blank and is_indented(raw):
            # indented code block, possibly holding a fenced block
            code = []
            while i < len(lines):
                line = lines[i].rstrip("\n")
                if line.strip() and not is_indented(line):
                    break
                code.append(dedent(line).rstrip())
                i += 1
            while code and not code[-1]:
                code.pop()
            code = [c for c in code if not c.startswith("```")]
            blocks.append(["code", code])
            prev_blank = True
            continue
        stripped = raw.strip()
        heading = re.match(r"^(#{1,2}) (.*)$", raw)
        bullet = re.match(r"^\s*\* (.*)$", raw)
        number = re.match(r"^\d+\. (.*)$", raw)
        if heading:
            if current:
                blocks.append(current)
            blocks.append([f"h{len(heading.group(1))}", [heading.group(2).strip()]])
            current = None
        elif bullet:
            if current:
                blocks.append(current)
            current = ["bullet", [bullet.group(1).strip()]]
        elif number:
            if current:
                blocks.append(current)
            current = ["number", [number.group(1).strip()]]
        elif stripped.startswith("[![") and i == 0:
            pass  # build-status badge image
        elif current:
            current[1].append(stripped)
        else:
            current = ["para", [stripped]]
        prev_blank = False
        i += 1
    if current:
        blocks.append(current)
    return blocks


def build(out, source):
    with open(source, encoding="utf-8") as f:
        lines = f.readlines()
    document = docx.Document()
    make_styles(document)
    props = document.core_properties
    props.title = "MASSCAN: Mass IP port scanner"
    props.author = "Robert David Graham"
    props.comments = "Built from masscan README.md (Debian masscan 2:1.3.2+ds1-1)"
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE
    props.revision = 1
    styles = {
        "h1": "Heading 1",
        "h2": "Heading 2",
        "para": "Normal",
        "bullet": "List Bullet",
        "number": "List Number",
    }
    for kind, text in parse(lines):
        if kind == "code":
            for line in text:
                document.add_paragraph(line, style="Source Code")
            continue
        paragraph = document.add_paragraph(style=styles[kind])
        add_inline(paragraph, " ".join(t.strip() for t in text))
    document.save(out)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
