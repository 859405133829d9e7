"""Lay out the README of the npm package method-override as a Word document.

Source: README.md of method-override 3.0.0 from the npm registry
(`npm pack method-override@3.0.0`, file package/README.md in the tarball).

Usage: python build_method_override-readme.py OUT.docx [SOURCE]
    SOURCE defaults to README.md in the current directory.

Licence: the README and the package are under the MIT licence
(Copyright (c) 2014 Jonathan Ong, 2014 Douglas Christopher Wilson),
which permits redistribution.

Mapping (the text itself is not reworded):
    # / ## / ### / ####       -> Heading 1 / Heading 2 / Heading 3 / Heading 4
    "- " list items            -> List Bullet (continuation lines joined)
    ```fenced code``` lines    -> one 'Code' paragraph per line (monospace style)
    other text lines           -> Normal paragraphs (wrapped lines joined)
    **bold**, _em_ / *em*      -> bold / italic runs; `code` -> Courier New run
    [text](url), [text][ref]   -> the link text only
    badge images, HTML comments and link reference definitions are left out.
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

INLINE = re.compile(r"(\*\*[^*]+\*\*|`[^`]+`|\*[^*\s][^*]*\*|_[^_\s][^_]*_)")
LINK = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")


def add_runs(par, text):
    """Add text to a paragraph, turning inline Markdown into run formatting."""
    text = LINK.sub(r"\1", text)
    for piece in INLINE.split(text):
        if not piece:
            continue
        if piece.startswith("**") and piece.endswith("**"):
            par.add_run(piece[2:-2]).bold = True
        elif piece.startswith("`") and piece.endswith("`"):
            run = par.add_run(piece[1:-1])
            run.font.name = "Courier New"
        elif len(piece) > 2 and piece[0] in "*_" and piece[-1] == piece[0]:
            par.add_run(piece[1:-1]).italic = True
        else:
            par.add_run(piece)


def code_style(doc):
    """Return the 'Code' paragraph style, creating it if needed."""
    styles = doc.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def skip_line(line):
    """Lines with no reader text: badges, link definitions, HTML comments."""
    s = line.strip()
    return (
        s.startswith("[![")
        or re.match(r"^\[[^\]]+\]:\s", s) is not None
        or (s.startswith("<!--") and s.endswith("-->"))
    )


def build(out, source):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    doc = Document()
    code = code_style(doc)
    para = []  # pending lines of a paragraph or list item
    kind = None  # "p" or "li"

    def flush():
        nonlocal para, kind
        if para:
            style = "List Bullet" if kind == "li" else None
            p = doc.add_paragraph(style=style)
            add_runs(p, " ".join(s.strip() for s in para))
        para, kind = [], None

    in_code = False
    for line in lines:
        if in_code:
            if line.strip().startswith("```"):
                in_code = False
            else:
                doc.add_paragraph(line, style=code)
            continue
        if line.strip().startswith("```"):
            flush()
            in_code = True
            continue
        if skip_line(line):
            flush()
            continue
        heading = re.match(r"^(#{1,4})\s+(.*)$", line)
        if heading:
            flush()
            h = doc.add_heading(level=len(heading.group(1)))
            add_runs(h, heading.group(2).strip())
            continue
        if not line.strip():
            flush()
            continue
        item = re.match(r"^[-*]\s+(.*)$", line)
        if item:
            flush()
            para, kind = [item.group(1)], "li"
            continue
        if kind is None:
            kind = "p"
        para.append(line)
    flush()
    doc.save(out)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    source = sys.argv[2] if len(sys.argv) > 2 else "README.md"
    build(out, source)


if __name__ == "__main__":
    main()
