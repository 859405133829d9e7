"""Lay out the Bee-Queue README as a Word document.

Source: README.md of the npm package bee-queue 2.0.0 ("A simple, fast,
robust job/task queue for Node.js, backed by Redis"), obtained with
`npm pack bee-queue@2.0.0` and unpacked from bee-queue-2.0.0.tgz
(package/README.md).

Usage:
    python build_bee_queue-readme.py OUT.docx [SOURCE]

SOURCE defaults to fetch/npm/x_bee-queue-2.0.0/package/README.md next to this
build folder.

Licence: Bee-Queue and its README are MIT licensed (package/LICENSE and the
"license" field of package/package.json); this document reproduces the README
text.

Mapping (no sentence is reworded; only Markdown markup is turned into layout):
    # / ## / ### / ####              -> Heading 1 / Heading 2 / Heading 3 / Heading 4
    paragraphs                        -> Normal paragraphs (wrapped lines joined
                                         with a space)
    ``` fenced code blocks            -> one 'Code' paragraph per line (monospace)
    - bullet items                    -> List Bullet; items indented by two or
                                         more spaces -> List Bullet 2 / List Bullet 3
    1. numbered items                 -> List Number
    paragraphs indented under an item -> Normal paragraphs
    | pipe tables | (if any)          -> Word table ('Table Grid'), header row bold
    **bold**                          -> bold run
    _emphasis_ / *emphasis*           -> italic run
    `inline code`                     -> Courier New run
    [text](url) and [text][ref]       -> the link text only
    \\* and other backslash escapes   -> the escaped character
    badge/image lines, HTML anchors
    and [ref]: url definitions        -> left out (they show no text)
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
    / "npm"
    / "x_bee-queue-2.0.0"
    / "package"
    / "README.md"
)

IMAGE = re.compile(r"!\[[^\]]*\](\([^)]*\)|\[[^\]]*\])")
LINK = re.compile(r"\[([^\]]*)\](\([^)]*\)|\[[^\]]*\])")
TAG = re.compile(r"</?[A-Za-z][^>]*>")
ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")
INLINE = re.compile(
    r"(`[^`]+`|\*\*[^*]+\*\*|(?<![A-Za-z0-9\\])_[^_]+?_(?![A-Za-z0-9])"
    r"|(?<![A-Za-z0-9\\*])\*[^*\s][^*]*?\*(?![A-Za-z0-9*]))"
)
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
BULLET = re.compile(r"^(\s*)[-*+]\s+(.*)")
NUMBER = re.compile(r"^(\s*)\d+[.)]\s+(.*)")
REFDEF = re.compile(r"^\s*\[[^\]]+\]:\s+\S+")


def strip_links(text):
    """Drop images, keep link texts, drop HTML tags."""
    previous = None
    while previous != text:
        previous = text
        text = IMAGE.sub("", text)
        text = LINK.sub(lambda m: m.group(1), text)
    return TAG.sub("", text)


def shows_text(text):
    """True if the Markdown line has visible text once images and tags go."""
    return bool(strip_links(text).strip())


def add_runs(paragraph, text):
    """Add Markdown inline text to a paragraph as formatted runs."""
    text = strip_links(text).strip()
    for part in INLINE.split(text):
        if not part:
            continue
        if len(part) > 2 and part.startswith("`") and part.endswith("`"):
            run = paragraph.add_run(part[1:-1])
            run.font.name = "Courier New"
        elif len(part) > 4 and part.startswith("**") and part.endswith("**"):
            add_plain(paragraph, part[2:-2], bold=True)
        elif len(part) > 2 and part[0] in "_*" and part[-1] == part[0]:
            add_plain(paragraph, part[1:-1], italic=True)
        else:
            add_plain(paragraph, part)


def add_plain(paragraph, text, bold=False, italic=False):
    """Add text (which may hold `code` spans) with the given emphasis."""
    for piece in re.split(r"(`[^`]+`)", text):
        if not piece:
            continue
        if len(piece) > 2 and piece.startswith("`") and piece.endswith("`"):
            run = paragraph.add_run(piece[1:-1])
            run.font.name = "Courier New"
        else:
            run = paragraph.add_run(ESCAPE.sub(r"\1", piece))
        run.bold = bold or None
        run.italic = italic or None


def code_style(document):
    """Return the 'Code' paragraph style, creating it if needed."""
    styles = document.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_before = Pt(0)
    style.paragraph_format.space_after = Pt(0)
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
        paragraph = table.rows[0].cells[i].paragraphs[0]
        add_runs(paragraph, text)
        for run in paragraph.runs:
            run.bold = True
    for r, row in enumerate(body, start=1):
        for i, text in enumerate(row[: len(header)]):
            add_runs(table.rows[r].cells[i].paragraphs[0], text)


def list_style(kind, indent):
    """Word list style for a bullet or number item at a given indentation."""
    level = min(indent // 2, 2)
    base = "List Bullet" if kind == "bullet" else "List Number"
    return base if level == 0 else f"{base} {level + 1}"


def build(source, out):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    document = Document()
    code = code_style(document)
    block = {"style": None, "text": []}

    def flush():
        if block["text"]:
            text = " ".join(s.strip() for s in block["text"])
            if shows_text(text):
                add_runs(document.add_paragraph(style=block["style"]), text)
        block["style"] = None
        block["text"] = []

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                document.add_paragraph(lines[i], style=code)
                i += 1
            i += 1
            continue
        if not stripped:
            flush()
            i += 1
            continue
        if REFDEF.match(line):
            flush()
            i += 1
            continue
        heading = HEADING.match(line)
        if heading:
            flush()
            paragraph = document.add_heading(level=len(heading.group(1)))
            add_runs(paragraph, heading.group(2))
            i += 1
            continue
        if stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(document, rows)
            continue
        bullet = BULLET.match(line)
        number = NUMBER.match(line)
        if bullet or number:
            flush()
            match = bullet or number
            kind = "bullet" if bullet else "number"
            block["style"] = list_style(kind, len(match.group(1)))
            block["text"] = [match.group(2)]
            i += 1
            continue
        if block["style"] and line.startswith(" "):
            block["text"].append(stripped)
            i += 1
            continue
        if block["style"]:
            flush()
        block["text"].append(line)
        i += 1
    flush()
    document.save(out)


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit("usage: python build_bee_queue-readme.py OUT.docx [SOURCE]")
    source = argv[2] if len(argv) == 3 else DEFAULT_SOURCE
    build(source, argv[1])


if __name__ == "__main__":
    main(sys.argv)
