"""Lay out the README of ShellJS (npm package shelljs 0.10.0) as a Word document.

Source: README.md from the npm package shelljs 0.10.0 (`npm pack shelljs`, then
`tar xzf shelljs-0.10.0.tgz`: package/README.md), "ShellJS - Unix shell commands for
Node.js", with its command reference (cat, cd, chmod, cmd, cp, pushd/popd/dirs, echo,
exec, find, grep, head, ln, ls, mkdir, mv, pwd, rm, sed, set, sort, tail, tempdir, test,
to/toEnd, touch, uniq, which, exit, error, errorCode, ShellString, env, pipes) and its
configuration section (config.silent, config.fatal, config.verbose, config.globOptions,
config.reset()).

Usage: python build_shelljs-readme.py OUT.docx [SOURCE]
    SOURCE defaults to ../fetch/npm/shelljs-0.10.0/package/README.md beside this script.

Licence: ShellJS and its README are released under the BSD 3-Clause License
(package.json `license`: "BSD-3-Clause"; package/LICENSE: Copyright (c) 2012, Artur Adib
and ShellJS contributors); the README is reproduced here without changes to its wording.

Mapping (Markdown -> Word); no sentence is reworded, only Markdown and HTML markup is removed:
    "# " ... "###### " headings        -> Heading 1 ... Heading 6
    "+ " / "- " / "* " list items      -> List Bullet; indented continuation lines are
                                          joined to their item
    "1. " numbered items               -> List Number
    fenced code blocks (```)           -> one paragraph in a 'Code' style (Courier New),
                                          line breaks kept
    pipe tables                        -> Word tables (style Table Grid), header row in bold
    badge lines ([![..](..)](..))      -> dropped
    HTML comments (<!-- ... -->)       -> dropped (the text between them is kept)
    inline: **bold** -> bold run, _italic_ -> italic run, `code` -> Courier New run,
            [text](url) -> text, images -> dropped, backslash escapes (\\<) -> the character
    other lines                        -> Normal paragraphs (consecutive lines joined with
                                          a space)
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = (
    Path(__file__).resolve().parent.parent
    / "fetch" / "npm" / "shelljs-0.10.0" / "package" / "README.md"
)

IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\([^)\s]*\)")
COMMENT = re.compile(r"<!--.*?-->")
ESCAPE = re.compile(r"\\([\\`*_<>\[\](){}#+.!|-])")
INLINE = re.compile(r"(`[^`]+`|\*\*.+?\*\*|(?<!\w)_[^_]+?_(?!\w))")
HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
BULLET = re.compile(r"^[-+*]\s+(.*)$")
NUMBERED = re.compile(r"^\d+\.\s+(.*)$")
TABLE_RULE = re.compile(r"^\|?[\s:|-]+\|?[\s:|-]*$")


def clean(text: str) -> str:
    """Drop HTML comments and images, and keep the text of links."""
    text = COMMENT.sub("", text)
    text = IMAGE.sub("", text)
    previous = None
    while previous != text:
        previous = text
        text = LINK.sub(r"\1", text)
    return text


def add_inline(paragraph, text: str, bold: bool = False, italic: bool = False) -> None:
    """Add text as runs, turning inline Markdown into run formatting."""
    for part in INLINE.split(clean(text)):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = paragraph.add_run(part[1:-1])
            run.font.name = "Courier New"
        elif part.startswith("**") and part.endswith("**") and len(part) > 4:
            add_inline(paragraph, part[2:-2], True, italic)
            continue
        elif part.startswith("_") and part.endswith("_") and len(part) > 2:
            add_inline(paragraph, part[1:-1], bold, True)
            continue
        else:
            run = paragraph.add_run(ESCAPE.sub(r"\1", part))
        run.bold = bold or None
        run.italic = italic or None


def join(lines: list[str]) -> str:
    """Join wrapped source lines into one line of text."""
    return " ".join(line.strip() for line in lines if line.strip())


def code_style(document):
    """Return the 'Code' paragraph style, creating it on first use."""
    styles = document.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(6)
    return style


def split_row(line: str) -> list[str]:
    """Split a Markdown table row into its cells."""
    line = line.strip().removeprefix("|").removesuffix("|")
    return [cell.strip() for cell in line.split("|")]


def add_table(document, rows: list[str]) -> None:
    """Lay out a pipe table as a Word table with a bold header row."""
    header = split_row(rows[0])
    body = [split_row(r) for r in rows[1:] if not TABLE_RULE.match(r.strip())]
    table = document.add_table(rows=1 + len(body), cols=len(header))
    table.style = "Table Grid"
    for r, cells in enumerate([header, *body]):
        for c, text in enumerate(cells[: len(header)]):
            paragraph = table.cell(r, c).paragraphs[0]
            add_inline(paragraph, text)
            if r == 0:
                for run in paragraph.runs:
                    run.bold = True


def is_badge_line(line: str) -> bool:
    """True for a line made only of badge images and their links."""
    return line.startswith("[![") and not clean(line).strip()


def build(source: Path, out: Path) -> None:
    lines = source.read_text(encoding="utf-8").splitlines()
    document = Document()
    code = code_style(document)
    para: list[str] = []

    def flush() -> None:
        text = join(para)
        para.clear()
        if clean(text).strip():
            add_inline(document.add_paragraph(), text)

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            block = []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                block.append(lines[i])
                i += 1
            document.add_paragraph("\n".join(block), style=code)
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
        if not stripped or is_badge_line(stripped):
            flush()
            i += 1
            continue
        heading = HEADING.match(line)
        if heading:
            flush()
            marks, text = heading.groups()
            add_inline(document.add_heading(level=len(marks)), text)
            i += 1
            continue
        bullet = BULLET.match(line)
        numbered = NUMBERED.match(line)
        if bullet or numbered:
            flush()
            item = [(bullet or numbered).group(1)]
            i += 1
            while (
                i < len(lines)
                and lines[i].startswith(" ")
                and lines[i].strip()
                and not BULLET.match(lines[i].strip())
            ):
                item.append(lines[i])
                i += 1
            style = "List Bullet" if bullet else "List Number"
            add_inline(document.add_paragraph(style=style), join(item))
            continue
        para.append(line)
        i += 1
    flush()
    document.save(out)


def main() -> None:
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: python build_shelljs-readme.py OUT.docx [SOURCE]")
    source = Path(sys.argv[2]) if len(sys.argv) == 3 else DEFAULT_SOURCE
    build(source, Path(sys.argv[1]))


if __name__ == "__main__":
    main()
