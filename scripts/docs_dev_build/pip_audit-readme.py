"""Build pip_audit-readme.docx from the pip-audit README.md.

Usage: python build_pip_audit-readme.py OUT.docx SOURCE

SOURCE is README.md from the PyPI source distribution pip_audit-2.10.1.tar.gz
(``pip download --no-deps --no-binary :all: pip-audit==2.10.1``, file
``pip_audit-2.10.1/README.md``). pip-audit is licensed under the Apache 2.0
License (as its README and PKG-INFO state).

The text is not reworded; only the Markdown markup is turned into Word layout,
the way the README reads once rendered:

* the setext title (``pip-audit`` underlined with ``=``) -> Title style;
  ``## x`` -> Heading 1; ``### x`` -> Heading 2; ``#### x`` -> Heading 3;
* paragraphs (consecutive non-blank lines) -> one Normal paragraph, the
  source line breaks joined with a space;
* ``*`` / ``-`` bullet items -> List Bullet (nested items -> List Bullet 2),
  continuation lines joined to their item;
* fenced code blocks -> one paragraph per line in a "Code" paragraph style
  (Courier New 9 pt), kept as they are; the fence lines themselves dropped;
* pipe tables -> Word tables (style "Table Grid"), the header row bold,
  the ``|---|`` separator row dropped;
* inline ``code`` -> Courier New run; ``**bold**`` -> bold run;
  ``*italic*`` -> italic run; ``[text](url)`` -> its text;
* HTML comments, badge/image lines and link reference definitions
  (``[#x]: url``) are not shown by a rendered README and are dropped.

Core properties get fixed dates so that a rebuild gives the same document.
"""

import datetime
import re
import sys

from docx import Document
from docx.shared import Pt

FIXED = datetime.datetime(2025, 1, 1, 0, 0, 0)
INLINE = re.compile(r"(\*\*[^*]+\*\*|`[^`]+`|\*[^*\s][^*]*\*)")
LINK = re.compile(r"!?\[([^\]]*)\]\(([^)]*)\)|\[([^\]]+)\]\[[^\]]*\]")


def unlink(text):
    """Replace Markdown links by their visible text."""
    return LINK.sub(lambda m: m.group(1) if m.group(1) is not None else m.group(3), text)


def add_inline(par, text, bold=False):
    """Add text to a paragraph, turning inline Markdown into runs."""
    text = unlink(text)
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = par.add_run(part[1:-1])
            run.font.name = "Courier New"
            run.bold = bold or None
        elif part.startswith("**") and part.endswith("**") and len(part) > 4:
            add_inline(par, part[2:-2], bold=True)
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            run = par.add_run(part[1:-1])
            run.italic = True
            run.bold = bold or None
        else:
            par.add_run(part).bold = bold or None


def split_row(line):
    cells = line.strip().removeprefix("|").removesuffix("|")
    return [c.strip() for c in cells.split("|")]


def is_badge(line):
    s = line.strip()
    return s.startswith(("[![", "![")) or re.match(r"^\[#[^\]]+\]:", s)


def build(out, source):
    with open(source, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    doc = Document()
    code = doc.styles.add_style("Code", 1)
    code.base_style = doc.styles["Normal"]
    code.font.name = "Courier New"
    code.font.size = Pt(9)
    code.paragraph_format.space_after = Pt(0)

    i = 0
    n = len(lines)
    para = []
    in_comment = False

    def flush():
        if para:
            add_inline(doc.add_paragraph(), " ".join(s.strip() for s in para))
            para.clear()

    while i < n:
        line = lines[i]
        s = line.strip()
        if in_comment:
            if "-->" in s:
                in_comment = False
            i += 1
            continue
        if s.startswith("<!--"):
            flush()
            if "-->" not in s:
                in_comment = True
            i += 1
            continue
        if s.startswith("```"):
            flush()
            i += 1
            while i < n and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i], style="Code")
                i += 1
            i += 1
            continue
        if i + 1 < n and s and re.fullmatch(r"=+", lines[i + 1].strip()):
            flush()
            doc.add_paragraph(s, style="Title")
            i += 2
            continue
        m = re.match(r"^(#{2,4})\s+(.*)$", s)
        if m:
            flush()
            h = doc.add_paragraph(style=f"Heading {len(m.group(1)) - 1}")
            add_inline(h, m.group(2))
            i += 1
            continue
        if not s:
            flush()
            i += 1
            continue
        if is_badge(line):
            flush()
            i += 1
            continue
        if s.startswith("|"):
            flush()
            rows = []
            while i < n and lines[i].strip().startswith("|"):
                if not re.fullmatch(r"[|\s:-]+", lines[i].strip()):
                    rows.append(split_row(lines[i]))
                i += 1
            ncols = max(len(r) for r in rows)
            table = doc.add_table(rows=len(rows), cols=ncols)
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c in range(ncols):
                    cell_par = table.cell(r, c).paragraphs[0]
                    add_inline(cell_par, row[c] if c < len(row) else "")
                    if r == 0:
                        for run in cell_par.runs:
                            run.bold = True
            continue
        m = re.match(r"^(\s*)[*-]\s+(.*)$", line)
        if m:
            flush()
            level = 2 if len(m.group(1)) >= 2 else 1
            item = [m.group(2)]
            i += 1
            while i < n and lines[i].strip() and not re.match(r"^\s*[*-]\s+", lines[i]) \
                    and lines[i].startswith("  "):
                item.append(lines[i].strip())
                i += 1
            style = "List Bullet" if level == 1 else "List Bullet 2"
            add_inline(doc.add_paragraph(style=style), " ".join(item))
            continue
        para.append(line)
        i += 1
    flush()

    props = doc.core_properties
    props.title = "pip-audit README"
    props.author = "pip-audit authors"
    props.created = FIXED
    props.modified = FIXED
    props.last_printed = FIXED
    props.revision = 1
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
