"""Lay out the fs-extra README as a Word document.

Source: README.md of the npm package fs-extra 11.4.1 ("fs-extra contains
methods that aren't included in the vanilla Node.js fs package"), obtained
with `npm pack fs-extra@11.4.1` and unpacked from fs-extra-11.4.1.tgz
(package/README.md).

Usage:
    python build_fs_extra-readme.py OUT.docx [SOURCE]

SOURCE defaults to fetch/x_fs-extra-11.4.1/package/README.md next to this
build folder.

Licence: fs-extra and its README are MIT licensed (package/LICENSE and the
"license" field of package/package.json); this document reproduces the
README text.

Mapping (no sentence is reworded; only Markdown markup is turned into layout):
    Title + "=====" underline         -> Heading 1
    Title + "-----" underline         -> Heading 2
    # / ## / ### / ####               -> Heading 1 / 2 / 3 / 4 (inline
                                          markup removed from headings)
    paragraphs (wrapped lines)         -> Normal paragraphs, lines joined with
                                          a space
    ``` fenced and 4-space indented
    code blocks                        -> one 'Code' paragraph per line
                                          (monospace)
    | pipe tables | (none at present)  -> Word table ('Table Grid'), header
                                          row bold
    - / * bullet items                 -> List Bullet
    1. numbered items                  -> List Number
    **bold**                           -> bold run; *emphasis* markers dropped
    `inline code`                      -> Courier New run
    [text](url)                        -> the link text only
    badge images ([![..](..)](..))     -> left out (no text)
    link reference definitions
    ("[1]: http://...")                -> left out (not shown by a Markdown
                                          renderer either)
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = (
    Path(__file__).resolve().parent.parent
    / "fetch"
    / "x_fs-extra-11.4.1"
    / "package"
    / "README.md"
)

BADGE = re.compile(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)")
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
REFDEF = re.compile(r"^\[[^\]]+\]:\s+\S+")
INLINE = re.compile(r"(\*\*[^*]+\*\*|`[^`]+`)")
EMPH = re.compile(r"(?<![A-Za-z0-9*])\*([^*`]+?)\*(?![A-Za-z0-9*])")
BULLET = re.compile(r"^[-*]\s+(.*)")
NUMBER = re.compile(r"^\d+\.\s+(.*)")
HEADING = re.compile(r"^(#{1,6})\s+(.*)")
TABLE_SEP = re.compile(r"^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?$")


def clean(text):
    """Remove badges, images, link targets and *emphasis* markers."""
    text = BADGE.sub("", text)
    text = IMAGE.sub("", text)
    text = LINK.sub(lambda m: m.group(1), text)
    parts = re.split(r"(`[^`]+`|\*\*[^*]+\*\*)", text)
    return "".join(
        p if p.startswith(("`", "**")) else EMPH.sub(r"\1", p)
        for p in parts
    )


def plain(text):
    """Heading text: cleaned, with `code` and **bold** markers removed."""
    return clean(text).replace("`", "").replace("**", "").strip()


def add_runs(paragraph, text, code_font="Courier New"):
    """Add text to a paragraph, turning **bold** and `code` into runs."""
    text = clean(text).strip()
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            paragraph.add_run(part[2:-2]).bold = True
        elif part.startswith("`") and part.endswith("`") and len(part) > 2:
            run = paragraph.add_run(part[1:-1])
            run.font.name = code_font
        else:
            paragraph.add_run(part)


def code_style(document):
    """Return the 'Code' paragraph style, creating it if needed."""
    styles = document.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.space_before = Pt(0)
    return style


def split_row(line):
    """Split a Markdown table row into its cells."""
    return [c.strip() for c in line.strip().strip("|").split("|")]


def add_table(document, rows):
    """Add a Markdown pipe table (header, separator, body rows) as a Word table."""
    header = split_row(rows[0])
    body = [split_row(r) for r in rows[2:]]
    table = document.add_table(rows=1 + len(body), cols=len(header))
    table.style = "Table Grid"
    for i, text in enumerate(header):
        cell = table.rows[0].cells[i]
        add_runs(cell.paragraphs[0], text)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for r, row in enumerate(body, start=1):
        for i, text in enumerate(row[: len(header)]):
            add_runs(table.rows[r].cells[i].paragraphs[0], text)


def is_setext(line, following):
    """Return 1 or 2 if `line` is a setext heading underlined by `following`."""
    if not line.strip() or BULLET.match(line.strip()) or line.startswith("    "):
        return 0
    if re.fullmatch(r"=+\s*", following):
        return 1
    if re.fullmatch(r"-{3,}\s*", following):
        return 2
    return 0


def build(source, out):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    document = Document()
    code = code_style(document)
    para = []
    item = {"style": None, "text": []}

    def flush():
        if para:
            text = " ".join(s.strip() for s in para)
            if clean(text).strip():
                add_runs(document.add_paragraph(), text)
            para.clear()
        if item["style"]:
            add_runs(document.add_paragraph(style=item["style"]), " ".join(item["text"]))
            item["style"] = None
            item["text"] = []

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                document.add_paragraph(lines[i], style=code)
                i += 1
            i += 1
            continue
        if line.startswith("    ") and not para and not item["style"] and stripped:
            while i < len(lines) and (lines[i].startswith("    ") or not lines[i].strip()):
                if lines[i].strip():
                    document.add_paragraph(lines[i][4:], style=code)
                i += 1
            continue
        if not stripped:
            flush()
            i += 1
            continue
        level = 0 if para or item["style"] else is_setext(line, following)
        if level:
            document.add_heading(plain(stripped), level=level)
            i += 2
            continue
        heading = HEADING.match(stripped)
        if heading:
            flush()
            document.add_heading(plain(heading.group(2)), level=len(heading.group(1)))
            i += 1
            continue
        if REFDEF.match(stripped):
            flush()
            i += 1
            continue
        if stripped.startswith("|") and TABLE_SEP.match(following.strip()):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(document, rows)
            continue
        bullet = BULLET.match(stripped)
        number = NUMBER.match(stripped)
        if bullet or number:
            flush()
            item["style"] = "List Bullet" if bullet else "List Number"
            item["text"] = [(bullet or number).group(1)]
            i += 1
            continue
        if item["style"]:
            item["text"].append(stripped)
        else:
            para.append(stripped)
        i += 1
    flush()
    document.save(out)


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    source = argv[2] if len(argv) > 2 else DEFAULT_SOURCE
    build(source, argv[1])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
