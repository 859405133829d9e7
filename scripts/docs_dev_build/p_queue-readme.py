"""Lay out the README of p-queue (npm package p-queue 9.3.5) as a Word document.

Source: readme.md from the npm package p-queue 9.3.5 (`npm pack p-queue`, then
`tar xzf p-queue-9.3.5.tgz`: package/readme.md), the promise queue with concurrency
control by Sindre Sorhus and contributors.

Usage: python build_p_queue-readme.py OUT.docx [SOURCE]
    SOURCE defaults to ../fetch/npm/p-queue-9.3.5/package/readme.md beside this script.

Licence: p-queue and its readme are released under the MIT License (package.json
`license`, package/license: Copyright (c) Sindre Sorhus); the readme is reproduced here
without changes to its wording.

Mapping (Markdown -> Word); no sentence is reworded, only Markdown and HTML markup is removed:
    "# " ... "###### " headings        -> Heading 1 ... Heading 6 (link markup in a
                                          heading keeps only the link text)
    "> " block quote                   -> Quote style
    "> [!NOTE]", "> [!IMPORTANT]",
      "> [!WARNING]" alert markers     -> a bold label (NOTE, IMPORTANT, WARNING) that
                                          opens the following Quote paragraph
    "- " / "* " list items             -> List Bullet
    "1. " numbered items               -> List Number
    fenced code blocks (```)           -> one paragraph in a 'Code' style (Courier New),
                                          line breaks kept
    pipe tables                        -> Word tables (style Table Grid), header row in bold
    a line ending in a backslash       -> a line break inside the paragraph
    "---" rules and raw HTML blocks
      (the sponsor banner)             -> dropped
    inline: **bold** -> bold run, `code` -> Courier New run, [text](url) -> text
    other lines                        -> Normal paragraphs (consecutive lines joined)
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = (
    Path(__file__).resolve().parent.parent
    / "fetch" / "npm" / "p-queue-9.3.5" / "package" / "readme.md"
)

IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\([^)\s]*\)")
INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*)")
HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
BULLET = re.compile(r"^[-*]\s+(.*)$")
NUMBERED = re.compile(r"^\d+\.\s+(.*)$")
ALERT = re.compile(r"^>\s*\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*$")
TABLE_RULE = re.compile(r"^\|?[\s:|-]+\|[\s:|-]*$")
HTML_LINE = re.compile(r"^</?[a-zA-Z][^>]*>")


def strip_links(text: str) -> str:
    """Drop images and keep the text of links."""
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
            paragraph.add_run(part[1:-1]).font.name = "Courier New"
        elif part.startswith("**") and part.endswith("**") and len(part) > 4:
            paragraph.add_run(part[2:-2]).bold = True
        else:
            paragraph.add_run(part)


def add_lines(paragraph, lines: list[str]) -> None:
    """Add joined source lines; a line ending in a backslash is followed by a line break."""
    for i, line in enumerate(lines):
        text = line.strip()
        broke = text.endswith("\\")
        if broke:
            text = text[:-1].rstrip()
        if text:
            add_inline(paragraph, text)
        if i < len(lines) - 1:
            if broke:
                paragraph.add_run().add_break()
            else:
                paragraph.add_run(" ")


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
    body = [split_row(r) for r in rows[1:] if not TABLE_RULE.match(r)]
    table = document.add_table(rows=1 + len(body), cols=len(header))
    table.style = "Table Grid"
    for r, cells in enumerate([header, *body]):
        for c, text in enumerate(cells[: len(header)]):
            paragraph = table.cell(r, c).paragraphs[0]
            add_inline(paragraph, text)
            if r == 0:
                for run in paragraph.runs:
                    run.bold = True


def build(source: Path, out: Path) -> None:
    lines = source.read_text(encoding="utf-8").splitlines()
    document = Document()
    code = code_style(document)
    para: list[str] = []

    def flush() -> None:
        if para:
            add_lines(document.add_paragraph(), para)
            para.clear()

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
        if HTML_LINE.match(stripped) and not stripped.startswith("<br"):
            # A raw HTML block (the sponsor banner): skip to its closing tag.
            flush()
            tag = re.match(r"^<([a-zA-Z]+)", stripped).group(1)
            depth = 0
            while i < len(lines):
                depth += len(re.findall(rf"<{tag}\b", lines[i]))
                depth -= len(re.findall(rf"</{tag}>", lines[i]))
                i += 1
                if depth <= 0:
                    break
            continue
        if stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            add_table(document, rows)
            continue
        if not stripped or stripped == "---" or re.fullmatch(r"<br\s*/?>", stripped):
            flush()
            i += 1
            continue
        heading = HEADING.match(stripped)
        if heading:
            flush()
            marks, text = heading.groups()
            add_inline(document.add_heading(level=len(marks)), text)
            i += 1
            continue
        if stripped.startswith(">"):
            flush()
            label = None
            alert = ALERT.match(stripped)
            if alert:
                label = alert.group(1)
                i += 1
            quote: list[str] = []
            while i < len(lines) and lines[i].strip().startswith(">"):
                quote.append(lines[i].strip()[1:].strip())
                i += 1
            paragraph = document.add_paragraph(style="Quote")
            if label:
                paragraph.add_run(label).bold = True
                if quote:
                    paragraph.add_run().add_break()
            add_lines(paragraph, quote)
            continue
        bullet = BULLET.match(line)
        numbered = NUMBERED.match(line)
        if bullet or numbered:
            flush()
            style = "List Bullet" if bullet else "List Number"
            add_lines(document.add_paragraph(style=style), [(bullet or numbered).group(1)])
            i += 1
            continue
        para.append(line)
        i += 1
    flush()
    document.save(out)


def main() -> None:
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: python build_p_queue-readme.py OUT.docx [SOURCE]")
    source = Path(sys.argv[2]) if len(sys.argv) == 3 else DEFAULT_SOURCE
    build(source, Path(sys.argv[1]))


if __name__ == "__main__":
    main()
