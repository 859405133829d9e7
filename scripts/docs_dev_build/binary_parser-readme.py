"""Build binary_parser-readme.docx from the binary-parser README.

Usage: python build_binary_parser-readme.py OUT.docx SOURCE

Source: README.md of the npm package binary-parser 2.3.0
(`npm pack binary-parser@2.3.0`, file `package/README.md` in the tarball).
Licence: MIT (package.json "license": "MIT", LICENSE file in the package).

The text is copied without rewording; only the layout changes:
- `#`, `##`, `###` headings become Word "Heading 1", "Heading 2", "Heading 3";
- the lines of a Markdown paragraph are joined with single spaces into one
  Word paragraph (Markdown soft line breaks);
- `- ` items become "List Bullet" paragraphs ("List Bullet 2" when nested),
  `1. ` items become "List Number" paragraphs; continuation lines are joined;
- fenced code blocks become one "Code" paragraph per line (a paragraph style
  in Courier New 9 pt, added by this script); the fence lines and the
  language name are dropped and the fence's indentation is removed;
- `code spans` become Courier New runs, `**bold**` becomes bold runs;
- links keep their text (the link target is not shown);
- backslash escapes (`\\[`, `\\]`) are shown as the plain character;
- the paragraph made only of badge images (`[![...](...)](...)`) is dropped;
- Markdown tables (none in this README) would become Word tables.
Document properties carry fixed dates so that a rebuild gives the same
document.
"""
import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

MONO = "Courier New"
ESCAPES = {"\\[": "\ue000", "\\]": "\ue001", "\\*": "\ue002", "\\_": "\ue003"}
UNESCAPE = {"\ue000": "[", "\ue001": "]", "\ue002": "*", "\ue003": "_"}
INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|\[[^\]]+\]\([^)]+\))")
LINK = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")


def unescape(text):
    for key, value in UNESCAPE.items():
        text = text.replace(key, value)
    return text


def add_inline(paragraph, text):
    """Add Markdown inline text to a paragraph as runs."""
    for key, value in ESCAPES.items():
        text = text.replace(key, value)
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = paragraph.add_run(unescape(part[1:-1]))
            run.font.name = MONO
        elif part.startswith("**") and part.endswith("**") and len(part) > 4:
            add_bold(paragraph, part[2:-2])
        elif LINK.fullmatch(part):
            add_inline_plain(paragraph, LINK.fullmatch(part).group(1))
        else:
            paragraph.add_run(unescape(part))


def add_bold(paragraph, text):
    for part in re.split(r"(`[^`]+`)", text):
        if not part:
            continue
        if part.startswith("`"):
            run = paragraph.add_run(unescape(part[1:-1]))
            run.font.name = MONO
        else:
            run = paragraph.add_run(unescape(part))
        run.bold = True


def add_inline_plain(paragraph, text):
    for part in re.split(r"(`[^`]+`)", text):
        if not part:
            continue
        if part.startswith("`"):
            run = paragraph.add_run(unescape(part[1:-1]))
            run.font.name = MONO
        else:
            paragraph.add_run(unescape(part))


def is_badges(line):
    return re.fullmatch(r"(\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)\s*)+", line.strip()) is not None


def split_row(line):
    cells = line.strip().strip("|").split("|")
    return [c.strip() for c in cells]


def build(source, out):
    with open(source, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    doc = Document()
    code_style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code_style.base_style = doc.styles["Normal"]
    code_style.font.name = MONO
    code_style.font.size = Pt(9)
    code_style.paragraph_format.space_after = Pt(0)
    code_style.paragraph_format.space_before = Pt(0)

    i = 0
    para = []  # pending paragraph lines
    item = None  # pending list item: [style, [lines]]

    def flush():
        nonlocal para, item
        if para:
            add_inline(doc.add_paragraph(), " ".join(s.strip() for s in para))
            para = []
        if item:
            add_inline(doc.add_paragraph(style=item[0]), " ".join(s.strip() for s in item[1]))
            item = None

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        fence = re.match(r"^(\s*)```", line)
        if fence:
            flush()
            indent = len(fence.group(1))
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                code = lines[i]
                code = code[indent:] if code[:indent].strip() == "" else code.lstrip()
                doc.add_paragraph(code.rstrip(), style="Code")
                i += 1
            i += 1
            continue
        if not stripped:
            flush()
            i += 1
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        if heading:
            flush()
            level = min(len(heading.group(1)), 3)
            add_inline(doc.add_heading(level=level), heading.group(2).strip())
            i += 1
            continue
        if is_badges(line):
            flush()
            i += 1
            continue
        if stripped.startswith("|") and i + 1 < len(lines) and re.match(r"^\s*\|[\s:|-]+\|\s*$", lines[i + 1]):
            flush()
            header = split_row(line)
            rows = []
            i += 2
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(split_row(lines[i]))
                i += 1
            table = doc.add_table(rows=1 + len(rows), cols=len(header))
            table.style = "Table Grid"
            for r, cells in enumerate([header] + rows):
                for c, text in enumerate(cells[: len(header)]):
                    cell_par = table.cell(r, c).paragraphs[0]
                    if r == 0:
                        add_bold(cell_par, text)
                    else:
                        add_inline(cell_par, text)
            continue
        bullet = re.match(r"^(\s*)[-*]\s+(.*)$", line)
        number = re.match(r"^(\s*)\d+\.\s+(.*)$", line)
        if bullet or number:
            flush()
            match = bullet or number
            nested = len(match.group(1)) >= 2
            if bullet:
                style = "List Bullet 2" if nested else "List Bullet"
            else:
                style = "List Number 2" if nested else "List Number"
            item = [style, [match.group(2)]]
            i += 1
            continue
        if item and line.startswith(" "):
            item[1].append(line)
            i += 1
            continue
        if item:
            flush()
        para.append(line)
        i += 1
    flush()

    fixed = datetime.datetime(2024, 1, 1, 0, 0, 0)
    props = doc.core_properties
    props.title = "Binary-parser"
    props.author = ""
    props.last_modified_by = ""
    props.created = fixed
    props.modified = fixed
    props.last_printed = fixed
    props.revision = 1
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[2], sys.argv[1])
