"""Build pm2-readme.docx from the README.md of the npm package pm2 7.0.4.

Usage: python build_pm2-readme.py OUT.docx SOURCE
  SOURCE is package/README.md from `npm pack pm2@7.0.4`.

Licence: PM2 is made available under the GNU Affero General Public License 3.0
(AGPL 3.0), as stated in the README and in package.json ("license": "AGPL-3.0").

Mapping from Markdown to Word (the words themselves are not changed):
  - the centred HTML banner at the top: its bold/italic text lines become the
    document title ("Title" style) and subtitle ("Subtitle" style); the logo
    pictures and download/version badges are left out;
  - "## " headings -> Heading 1, "### " headings -> Heading 2;
  - paragraphs: consecutive lines are joined with a space, as Markdown renders them;
  - fenced code blocks -> one paragraph per line in a "Code" paragraph style
    (Courier New 9 pt); "#" lines inside code blocks stay code;
  - inline **bold**, *italic* and `code` -> bold, italic and Courier New runs;
  - [text](url) links -> their text; image lines ![alt](url) and the "___" rule
    are left out.
"""
import datetime
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

FIXED_DATE = datetime.datetime(2024, 1, 1, 0, 0, 0)
INLINE = re.compile(r"(\*\*[^*]+\*\*|`[^`]+`|\*[^*]+\*)")
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)\s*$")
TAG = re.compile(r"<[^>]+>")


def add_inline(paragraph, text):
    text = LINK.sub(r"\1", text)
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            paragraph.add_run(part[2:-2]).bold = True
        elif part.startswith("`") and part.endswith("`") and len(part) > 2:
            run = paragraph.add_run(part[1:-1])
            run.font.name = "Courier New"
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            paragraph.add_run(part[1:-1]).italic = True
        else:
            paragraph.add_run(part)


def banner_lines(html_lines):
    """Text lines of the HTML banner: the <b>/<i> text, tags removed."""
    out = []
    for line in html_lines:
        if "<b>" in line or "<i>" in line:
            text = TAG.sub("", line).strip()
            if text:
                out.append(text)
    return out


def build(out_path, source):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    code_style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code_style.base_style = doc.styles["Normal"]
    code_style.font.name = "Courier New"
    code_style.font.size = Pt(9)
    code_style.paragraph_format.space_after = Pt(0)

    i = 0
    # HTML banner at the top of the README.
    if lines and lines[0].startswith("<div"):
        j = 0
        while j < len(lines) and not lines[j].startswith("</div>"):
            j += 1
        texts = banner_lines(lines[: j + 1])
        if texts:
            doc.add_paragraph(texts[0], style="Title")
        for t in texts[1:]:
            doc.add_paragraph(t, style="Subtitle")
        i = j + 1

    para = []

    def flush():
        if para:
            add_inline(doc.add_paragraph(), " ".join(s.strip() for s in para))
            para.clear()

    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].startswith("```"):
                doc.add_paragraph(lines[i], style="Code")
                i += 1
        elif line.startswith("### "):
            flush()
            add_inline(doc.add_heading(level=2), line[4:].strip())
        elif line.startswith("## "):
            flush()
            add_inline(doc.add_heading(level=1), line[3:].strip())
        elif not line.strip() or line.strip() == "___" or IMAGE.match(line):
            flush()
        else:
            para.append(line)
        i += 1
    flush()

    props = doc.core_properties
    props.title = "PM2 README"
    props.author = "PM2 README (npm package pm2 7.0.4)"
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE
    props.revision = 1
    doc.save(out_path)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
