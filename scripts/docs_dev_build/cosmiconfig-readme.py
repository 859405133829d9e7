"""Lay out the README of cosmiconfig (npm package cosmiconfig 9.0.2) as a Word document.

Source: README.md from the npm package cosmiconfig 9.0.2 (`npm pack cosmiconfig`, then
`tar xzf cosmiconfig-9.0.2.tgz`: package/README.md). Cosmiconfig searches for and loads
configuration for a JavaScript program; the README covers installation, the result
object, the asynchronous and synchronous APIs (search, load, cache clearing), the
cosmiconfigOptions (searchStrategy, searchPlaces, loaders, packageProp, stopDir, cache,
transform, ignoreEmptySearchPlaces), loading JS modules, caching, the differences from
rc, and usage for end users (configuring cosmiconfig itself, $import).

Usage: python build_cosmiconfig-readme.py OUT.docx [SOURCE]
    SOURCE defaults to ../fetch/npm/cosmiconfig-9.0.2/package/README.md beside this script.

Licence: cosmiconfig and its README are released under the MIT License
(package.json `license`: "MIT"; package/LICENSE: Copyright (c) 2015 David Clark);
the README is reproduced here without changes to its wording.

Mapping (Markdown -> Word); no sentence is reworded, only Markdown markup is removed:
    "# " ... "#### " headings           -> Heading 1 ... Heading 4
    "- " list items                     -> List Bullet (nested: List Bullet 2 / 3);
                                           indented continuation lines join their item
    "1. " numbered items                -> List Number (nested: List Number 2)
    fenced code blocks (```)            -> one paragraph in a 'Code' style (Courier New),
                                           line breaks kept
    "> " block quotes                   -> Normal paragraphs (the "> " marks dropped)
    badge lines ([![..](..)](..))       -> dropped
    link reference definitions          -> dropped ("[result]: #result")
    inline: **bold** -> bold run, *italic* -> italic run, `code` -> Courier New run,
            [text](url) and [text] -> text, backslash escapes (\\() -> the character
    other lines                         -> Normal paragraphs (consecutive lines joined
                                           with a space, as Markdown renders them)
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = (
    Path(__file__).resolve().parent.parent
    / "fetch" / "npm" / "cosmiconfig-9.0.2" / "package" / "README.md"
)

IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\([^)\s]*\)")
REF_LINK = re.compile(r"\[((?:`[^`]*`|[^\]`])+)\](?!\()")
REF_DEF = re.compile(r"^\[([^\]]+)\]:\s+\S+\s*$")
LABELS: set[str] = set()
ESCAPE = re.compile(r"\\([\\`*_<>\[\](){}#+.!|-])")
INLINE = re.compile(r"(``\s.+?\s``|`[^`]+`|\*\*.+?\*\*|(?<![\w*])\*[^*\s][^*]*?\*(?![\w*]))")
HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
LIST_ITEM = re.compile(r"^( *)(-|\d+\.)\s+(.*)$")


def clean(text: str) -> str:
    """Drop images, and keep the text of inline links and of reference links
    whose label is defined in the document (other brackets are left alone)."""
    text = IMAGE.sub("", text)
    previous = None
    while previous != text:
        previous = text
        text = LINK.sub(r"\1", text)
    return REF_LINK.sub(
        lambda m: m.group(1) if m.group(1).lower() in LABELS else m.group(0), text
    )


def add_inline(paragraph, text: str, bold: bool = False, italic: bool = False) -> None:
    """Add text as runs, turning inline Markdown into run formatting."""
    for part in INLINE.split(clean(text)):
        if not part:
            continue
        if part.startswith("``") and part.endswith("``") and len(part) > 4:
            run = paragraph.add_run(part[2:-2].strip())
            run.font.name = "Courier New"
        elif part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = paragraph.add_run(part[1:-1])
            run.font.name = "Courier New"
        elif part.startswith("**") and part.endswith("**") and len(part) > 4:
            add_inline(paragraph, part[2:-2], True, italic)
            continue
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
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


def list_style(marker: str, indent: int) -> str:
    """Word list style for a Markdown list marker at a given indentation."""
    level = min(indent // 2, 2)
    base = "List Number" if marker[0].isdigit() else "List Bullet"
    return base if level == 0 else f"{base} {level + 1}"


def skip_line(stripped: str) -> bool:
    """True for badge lines and link reference definitions."""
    if stripped.startswith("[![") and not clean(stripped).strip():
        return True
    return bool(REF_DEF.match(stripped))


def build(source: Path, out: Path) -> None:
    lines = source.read_text(encoding="utf-8").splitlines()
    LABELS.update(
        m.group(1).lower() for m in (REF_DEF.match(x.strip()) for x in lines) if m
    )
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
        if not stripped or skip_line(stripped):
            flush()
            i += 1
            continue
        if stripped.startswith(">"):
            stripped = stripped.lstrip(">").strip()
            line = stripped
        heading = HEADING.match(line)
        if heading:
            flush()
            marks, text = heading.groups()
            add_inline(document.add_heading(level=len(marks)), text)
            i += 1
            continue
        item = LIST_ITEM.match(line)
        if item:
            flush()
            indent, marker, text = len(item.group(1)), item.group(2), item.group(3)
            parts = [text]
            i += 1
            while (
                i < len(lines)
                and lines[i].startswith(" ")
                and lines[i].strip()
                and not LIST_ITEM.match(lines[i])
                and not lines[i].strip().startswith("```")
            ):
                parts.append(lines[i])
                i += 1
            paragraph = document.add_paragraph(style=list_style(marker, indent))
            add_inline(paragraph, join(parts))
            continue
        para.append(stripped)
        i += 1
    flush()
    document.save(out)


def main() -> None:
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: python build_cosmiconfig-readme.py OUT.docx [SOURCE]")
    source = Path(sys.argv[2]) if len(sys.argv) == 3 else DEFAULT_SOURCE
    build(source, Path(sys.argv[1]))


if __name__ == "__main__":
    main()
