"""Build isort-readme.docx from the isort README (PyPI long description).

Usage: python build_isort-readme.py OUT.docx SOURCE

SOURCE is the README of isort 9.0.2 as published on PyPI: the file
``isort-9.0.2.dist-info/METADATA`` inside the wheel fetched with
``pip download --no-deps isort==9.0.2`` (its body, after the metadata
headers, is the project's README.md, ``Description-Content-Type:
text/markdown``). A plain README.md may be given instead.

Licence: isort is distributed under the MIT License (``License-Expression:
MIT`` in the same METADATA; copyright Timothy Crosley and contributors).

Mapping from Markdown to Word (no text is reworded):
- ``#`` / ``##`` headings -> Title / Heading 1; a setext heading underlined
  with ``---`` -> Heading 2.
- paragraphs -> Normal paragraphs, their source lines joined with spaces.
- ``-`` bullet items (with their indented continuation lines) -> List Bullet.
- fenced code blocks -> one paragraph per block in the "Code" style
  (Courier New 9 pt), line breaks kept.
- inline ``code`` -> Courier New runs; ``**bold**`` -> bold runs;
  links ``[text](url)`` and ``<url>`` -> their text; Markdown backslash
  escapes (``\\"``, ``\\_``, ``\\'``, ``\\@``) -> the plain character.
- badge images, pictures, link reference definitions and horizontal
  rules (``---``, ``___``) are layout only and are left out.
"""

import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

INLINE = re.compile(r"(\*\*.+?\*\*|`[^`]+`)")


def read_readme(path):
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    if text.startswith("Metadata-Version:"):
        text = text.split("\n\n", 1)[1]
    return text.splitlines()


def clean(text):
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)", "", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)
    text = re.sub(r"\\([\"'_@*\[\]\\`])", r"\1", text)
    return text


def add_runs(paragraph, text):
    for part in INLINE.split(clean(text)):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**"):
            paragraph.add_run(part[2:-2]).bold = True
        elif part.startswith("`") and part.endswith("`"):
            run = paragraph.add_run(part[1:-1])
            run.font.name = "Courier New"
        else:
            paragraph.add_run(part)


def is_layout_only(line):
    s = line.strip()
    if re.fullmatch(r"[-_]{3,}", s):
        return True
    if re.fullmatch(r"\[[^\]]+\]:\s*\S+", s):
        return True
    without = re.sub(r"\[!\[[^\]]*\]\([^)]*\)\](\([^)]*\)|\[[^\]]*\])", "", s)
    without = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", without)
    return s != "" and without.strip() == ""


def build(out, source):
    lines = read_readme(source)
    doc = Document()
    code_style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code_style.base_style = doc.styles["Normal"]
    code_style.font.name = "Courier New"
    code_style.font.size = Pt(9)
    code_style.paragraph_format.space_after = Pt(6)

    i = 0
    para = []
    bullet = None

    def flush():
        nonlocal para, bullet
        if bullet is not None:
            add_runs(doc.add_paragraph(style="List Bullet"), " ".join(bullet))
            bullet = None
        if para:
            add_runs(doc.add_paragraph(), " ".join(para))
            para = []

    while i < len(lines):
        line = lines[i]
        s = line.strip()
        if s.startswith("```"):
            flush()
            i += 1
            block = []
            while i < len(lines) and not lines[i].strip().startswith("```"):
                block.append(lines[i])
                i += 1
            doc.add_paragraph("\n".join(block), style="Code")
            i += 1
            continue
        if (i + 1 < len(lines) and s and re.fullmatch(r"-{3,}", lines[i + 1].strip())
                and not is_layout_only(line)):
            flush()
            add_runs(doc.add_heading(level=2), s)
            i += 2
            continue
        if s.startswith("#"):
            flush()
            level = len(s) - len(s.lstrip("#"))
            add_runs(doc.add_heading(level=level - 1), s.lstrip("#").strip())
            i += 1
            continue
        if not s or is_layout_only(line):
            flush()
            i += 1
            continue
        if re.match(r"-\s+", s):
            flush()
            bullet = [re.sub(r"^-\s+", "", s)]
            i += 1
            continue
        if bullet is not None and line.startswith(" "):
            bullet.append(s)
            i += 1
            continue
        if bullet is not None:
            flush()
        para.append(s)
        i += 1
    flush()

    props = doc.core_properties
    props.title = "isort README"
    props.author = "isort authors"
    fixed = datetime.datetime(2025, 1, 1, 0, 0, 0)
    props.created = fixed
    props.modified = fixed
    props.last_printed = fixed
    props.revision = 1
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
