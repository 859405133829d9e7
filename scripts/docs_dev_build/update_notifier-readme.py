"""Lay out the README of update-notifier (npm package update-notifier 7.3.1) as Word.

Source: readme.md from the npm package update-notifier 7.3.1 (`npm pack update-notifier`,
then `tar xzf update-notifier-7.3.1.tgz`: package/readme.md), the module that informs
users of a command-line app about updates of its npm package, by Sindre Sorhus and the
Yeoman team.

Usage: python build_update_notifier-readme.py OUT.docx [SOURCE]
    SOURCE defaults to ../fetch/npm/update-notifier-7.3.1/package/readme.md beside this
    script.

Licence: update-notifier and its readme are released under the BSD 2-Clause License
(package.json `license`: BSD-2-Clause; package/license: Copyright Google and Sindre
Sorhus). The readme is reproduced here without changes to its wording.

Mapping (Markdown -> Word); no sentence is reworded, only Markdown markup is removed:
    "# " ... "##### " headings       -> Heading 1 ... Heading 5
    "> " block quote                  -> Quote style
    "![](...)" image lines            -> dropped (the screenshot is not shipped)
    "- " list items                   -> List Bullet
    "1. " numbered items              -> List Number
    fenced code blocks (```)          -> one paragraph in a 'Code' style (Courier New),
                                         line breaks kept
    pipe tables                       -> Word tables (style Table Grid), header row bold
    a line ending in a backslash      -> a line break inside the paragraph
    inline: **bold** -> bold run, *italic* -> italic run, `code` -> Courier New run,
            [text](url) -> text
    other lines                       -> Normal paragraphs (consecutive lines joined
                                         with a space)
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = (
    Path(__file__).resolve().parent.parent
    / "fetch" / "npm" / "update-notifier-7.3.1" / "package" / "readme.md"
)

IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\([^)\s]*\)")
INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|\*[^*\s][^*]*\*)")
HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
BULLET = re.compile(r"^[-*]\s+(.*)$")
NUMBERED = re.compile(r"^\d+\.\s+(.*)$")
TABLE_RULE = re.compile(r"^\|?[\s:|-]+\|[\s:|-]*$")
CODE_FONT = "Courier New"


def strip_links(text: str) -> str:
    """Drop images and keep only the text of links."""
    text = IMAGE.sub("", text)
    previous = None
    while previous != text:
        previous = text
        text = LINK.sub(r"\1", text)
    return text


def add_inline(paragraph, text: str) -> None:
    """Add text as runs, turning inline Markdown into run formatting."""
    for part in INLINE.split(strip_links(text)):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            paragraph.add_run(part[1:-1]).font.name = CODE_FONT
        elif part.startswith("**") and part.endswith("**") and len(part) > 4:
            paragraph.add_run(part[2:-2]).bold = True
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            paragraph.add_run(part[1:-1]).italic = True
        else:
            paragraph.add_run(part)


def add_lines(paragraph, lines: list[str]) -> None:
    """Add source lines to one paragraph: a trailing backslash is a line break,
    other line ends become a space."""
    for index, line in enumerate(lines):
        hard_break = line.endswith("\\")
        add_inline(paragraph, line[:-1] if hard_break else line)
        if index < len(lines) - 1:
            if hard_break:
                paragraph.add_run().add_break()
            else:
                paragraph.add_run(" ")


def code_style(document):
    """Return the 'Code' paragraph style, creating it on first use."""
    styles = document.styles
    if "Code" in [style.name for style in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = CODE_FONT
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(6)
    return style


def split_row(line: str) -> list[str]:
    """Split a Markdown table row into its cells."""
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def add_table(document, rows: list[str]) -> None:
    """Lay out a pipe table as a Word table with a bold header row."""
    cells = [split_row(row) for row in rows if not TABLE_RULE.match(row)]
    width = max(len(row) for row in cells)
    table = document.add_table(rows=len(cells), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            paragraph = table.cell(r, c).paragraphs[0]
            add_inline(paragraph, text)
            if r == 0:
                for run in paragraph.runs:
                    run.bold = True


def is_block_start(line: str) -> bool:
    """Tell whether a line opens a block other than a plain paragraph."""
    stripped = line.strip()
    return (
        not stripped
        or stripped.startswith(("```", ">", "|"))
        or bool(HEADING.match(stripped))
        or bool(BULLET.match(stripped))
        or bool(NUMBERED.match(stripped))
    )


def convert(source: Path, out: Path) -> None:
    """Read the Markdown readme and write it as a Word document."""
    lines = source.read_text(encoding="utf-8").splitlines()
    document = Document()
    code = code_style(document)
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            i += 1
            continue
        if stripped.startswith("```"):
            j = i + 1
            block = []
            while j < len(lines) and not lines[j].strip().startswith("```"):
                block.append(lines[j])
                j += 1
            paragraph = document.add_paragraph(style=code)
            for index, text in enumerate(block):
                paragraph.add_run(text)
                if index < len(block) - 1:
                    paragraph.add_run().add_break()
            i = j + 1
            continue
        heading = HEADING.match(stripped)
        if heading:
            level = len(heading.group(1))
            document.add_heading(strip_links(heading.group(2)).strip(), level=level)
            i += 1
            continue
        if IMAGE.fullmatch(stripped):
            i += 1
            continue
        if stripped.startswith("|"):
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(document, rows)
            continue
        if stripped.startswith(">"):
            quote = []
            while i < len(lines) and lines[i].strip().startswith(">"):
                quote.append(lines[i].strip()[1:].strip())
                i += 1
            add_lines(document.add_paragraph(style="Quote"), quote)
            continue
        item = BULLET.match(stripped) or NUMBERED.match(stripped)
        if item:
            style = "List Bullet" if BULLET.match(stripped) else "List Number"
            text = [item.group(1)]
            i += 1
            while i < len(lines) and lines[i].startswith("  ") and lines[i].strip():
                text.append(lines[i].strip())
                i += 1
            add_lines(document.add_paragraph(style=style), text)
            continue
        text = [stripped]
        i += 1
        while i < len(lines) and not is_block_start(lines[i]):
            text.append(lines[i].strip())
            i += 1
        add_lines(document.add_paragraph(), text)
    document.core_properties.title = "update-notifier"
    document.save(out)


def main() -> None:
    """Parse the command line and build the document."""
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = Path(sys.argv[1])
    source = Path(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_SOURCE
    convert(source, out)


if __name__ == "__main__":
    main()
