"""Build basic_ftp-readme.docx from the README.md of the npm package basic-ftp.

Usage: python build_basic_ftp-readme.py OUT.docx SOURCE

SOURCE is README.md from the npm tarball basic-ftp-6.2.6.tgz
(`npm pack basic-ftp@6.2.6`, path package/README.md), by Patrick Juchli,
released under the MIT License (package.json "license": "MIT", LICENSE.txt).

The text is copied without rewording; only the Markdown markup becomes Word layout:
- `#`, `##`, `###` headings -> Word styles Heading 1, Heading 2, Heading 3;
- paragraphs -> Normal paragraphs (a paragraph's wrapped lines are joined with a space);
- `- item` lines -> List Bullet paragraphs;
- fenced code blocks -> one paragraph per line in a "Code" paragraph style (Courier New 9 pt);
- inline `code` -> Courier New runs, **bold** -> bold runs, [text](url) -> hyperlinks
  showing the same text;
- the badge images under the title and the `---` separator lines are left out
  (they carry no text).
Document dates are fixed so that a rebuild gives the same document.
"""
import datetime
import re
import sys
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

MONO = "Courier New"
INLINE = re.compile(r"(\*\*[^*]+\*\*|`[^`]+`|\[[^\]]+\]\([^)]+\))")
FIXED_DATE = datetime.datetime(2024, 1, 1, 0, 0, 0)


def add_hyperlink(paragraph, text, url):
    """Append a real hyperlink run showing text."""
    r_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "0563C1")
    props.append(color)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.append(underline)
    run.append(props)
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def add_inline(paragraph, text):
    """Add text to paragraph, turning inline Markdown into runs."""
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**"):
            paragraph.add_run(part[2:-2]).bold = True
        elif part.startswith("`") and part.endswith("`"):
            run = paragraph.add_run(part[1:-1])
            run.font.name = MONO
        elif part.startswith("["):
            m = re.match(r"\[([^\]]+)\]\(([^)]+)\)", part)
            add_hyperlink(paragraph, m.group(1), m.group(2))
        else:
            paragraph.add_run(part)


def code_style(document):
    style = document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = MONO
    style.font.size = Pt(9)
    style.font.color.rgb = RGBColor(0x20, 0x20, 0x20)
    style.paragraph_format.space_before = Pt(0)
    style.paragraph_format.space_after = Pt(0)
    return style


def build(out, source):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    document = docx.Document()
    code_style(document)
    props = document.core_properties
    props.title = "Basic FTP"
    props.author = "Patrick Juchli"
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE
    props.revision = 1

    para = []

    def flush():
        if para:
            add_inline(document.add_paragraph(), " ".join(s.strip() for s in para))
            para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            flush()
            i += 1
            while not lines[i].startswith("```"):
                document.add_paragraph(lines[i].rstrip(), style="Code")
                i += 1
        elif line.startswith("#"):
            flush()
            level = len(line) - len(line.lstrip("#"))
            document.add_heading(line[level:].strip(), level=level)
        elif line.startswith("- "):
            flush()
            add_inline(document.add_paragraph(style="List Bullet"), line[2:].strip())
        elif line.startswith("[![") or line.strip() in ("---", ""):
            flush()
        else:
            para.append(line)
        i += 1
    flush()
    document.save(out)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
