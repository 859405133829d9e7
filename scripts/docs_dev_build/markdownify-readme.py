"""Lay out the markdownify README as a Word document, without rewording it.

Source: the long description of the PyPI wheel markdownify 1.2.3
(``pip download --no-deps markdownify``), i.e. the reStructuredText that follows the header
block of ``markdownify-1.2.3.dist-info/METADATA`` inside
``markdownify-1.2.3-py3-none-any.whl``. SOURCE may be that wheel, the METADATA file, or a
plain README.rst.

Usage: python build_markdownify-readme.py OUT.docx [SOURCE]
(SOURCE defaults to ../fetch/pypi/markdownify-1.2.3-py3-none-any.whl beside this script.)

Licence: markdownify is MIT licensed (Copyright 2012-2018 Matthew Tretter; METADATA
classifier "License :: OSI Approved :: MIT License", LICENSE in the wheel), which permits
redistribution of the README text.

Mapping (reStructuredText -> Word):
- the badge substitutions (``|build| ...`` and their ``.. |x| image::`` definitions) and the
  hyperlink target ``.. _BeautifulSoup: ...`` are left out (images and link targets only);
- the document gets the Title "markdownify" (the package name, as on its PyPI page);
- a section title underlined with ``=`` -> Heading 1;
- a definition-list term (an option name such as ``strip``) -> Heading 2, and its indented
  definition -> Normal paragraphs;
- ``.. code:: python`` blocks and ``::`` literal blocks -> one paragraph per block in the
  'Code' paragraph style (Courier New 9 pt), lines kept as line breaks;
- other text -> Normal paragraphs, source lines joined with single spaces;
- inline markup is dropped and its text kept, as a reStructuredText renderer shows it:
  ````x```` and ```x``` -> a Courier New run, ``**x**`` -> a bold run, ``*x*`` -> an italic run,
  a paragraph's trailing ``::`` -> ``:`` and the escape ``\\...`` -> ``...``. No sentence is reworded, added or removed.
"""

import re
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE.parent / "fetch" / "pypi" / "markdownify-1.2.3-py3-none-any.whl"


def read_source(path: Path) -> str:
    """The README text: a wheel's METADATA body, a METADATA file's body, or a plain file."""
    if path.suffix == ".whl":
        with zipfile.ZipFile(path) as wheel:
            name = next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
            text = wheel.read(name).decode("utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    if text.startswith("Metadata-Version:"):
        text = text.split("\n\n", 1)[1]
    return text


INLINE = re.compile(r"``(`*[^`]+?)``|`([^`]+)`|\*\*([^*]+)\*\*|(?<![\w*])\*([^*\s][^*]*)\*")


def inline(text: str) -> list[tuple[str, str]]:
    """Split a paragraph into (text, kind) runs, dropping reStructuredText inline markup:
    kind is "" (plain), "literal", "strong" or "emphasis"."""
    text = re.sub(r"^\\\.\.\.", "...", text)
    if text.endswith("::"):
        text = text[:-1]
    runs, pos = [], 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            runs.append((text[pos:m.start()], ""))
        if m.group(1) is not None:
            runs.append((m.group(1), "literal"))
        elif m.group(2) is not None:
            runs.append((m.group(2), "literal"))
        elif m.group(3) is not None:
            runs.append((m.group(3), "strong"))
        else:
            runs.append((m.group(4), "emphasis"))
        pos = m.end()
    if pos < len(text):
        runs.append((text[pos:], ""))
    return runs


def indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def blocks(lines: list[str]):
    """Yield (kind, payload) blocks: heading, term, para, code."""
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        # badge line, substitution definitions, hyperlink targets
        if line.startswith(("|", ".. |", ".. _")):
            i += 1
            while i < n and lines[i].startswith(" "):
                i += 1
            continue
        if i + 1 < n and re.fullmatch(r"=+", lines[i + 1].strip() or "x"):
            yield "heading", line.strip()
            i += 2
            continue
        if line.startswith(".. code::"):
            i += 1
            code, i = take_indented(lines, i)
            yield "code", code
            continue
        # definition-list term: unindented line followed by an indented line
        if indent_of(line) == 0 and i + 1 < n and lines[i + 1].startswith("  ") and lines[i + 1].strip():
            yield "term", line.strip()
            i += 1
            body, i = take_indented(lines, i, dedent_code=False)
            yield from definition(body.split("\n"))
            continue
        para = []
        while i < n and lines[i].strip() and not lines[i].startswith(".. "):
            para.append(lines[i].strip())
            i += 1
        text = " ".join(para)
        yield "para", inline(text)
        if text.endswith("::"):
            code, i = take_indented(lines, i)
            yield "code", code


def take_indented(lines: list[str], i: int, dedent_code: bool = True):
    """Collect the indented block starting at (or after blank lines from) line i."""
    n = len(lines)
    block = []
    while i < n and (not lines[i].strip() or lines[i].startswith(" ")):
        block.append(lines[i])
        i += 1
    while block and not block[-1].strip():
        block.pop()
    while block and not block[0].strip():
        block.pop(0)
    width = min(indent_of(x) for x in block if x.strip())
    return "\n".join(x[width:] for x in block), i


def definition(lines: list[str]):
    """Paragraphs and literal blocks inside one definition."""
    i, n = 0, len(lines)
    while i < n:
        if not lines[i].strip():
            i += 1
            continue
        para = []
        while i < n and lines[i].strip() and indent_of(lines[i]) == 0:
            para.append(lines[i].strip())
            i += 1
        text = " ".join(para)
        yield "para", inline(text)
        if text.endswith("::"):
            code, i = take_indented(lines, i)
            yield "code", code


def build(out: Path, source: Path) -> None:
    document = Document()
    styles = document.styles
    code_style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code_style.base_style = styles["Normal"]
    code_style.font.name = "Courier New"
    code_style.font.size = Pt(9)
    document.core_properties.title = "markdownify"
    document.add_paragraph("markdownify", style="Title")
    lines = read_source(source).splitlines()
    for kind, payload in blocks(lines):
        if kind == "heading":
            document.add_heading(payload, level=1)
        elif kind == "term":
            document.add_heading(payload, level=2)
        elif kind == "code":
            document.add_paragraph(payload, style="Code")
        else:
            paragraph = document.add_paragraph()
            for text, kind in payload:
                run = paragraph.add_run(text)
                if kind == "literal":
                    run.font.name = "Courier New"
                elif kind == "strong":
                    run.bold = True
                elif kind == "emphasis":
                    run.italic = True
    document.save(str(out))


def main() -> None:
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    out = Path(sys.argv[1])
    source = Path(sys.argv[2]) if len(sys.argv) == 3 else DEFAULT_SOURCE
    build(out, source)


if __name__ == "__main__":
    main()
