"""Build resolve-readme.docx from the README of the npm package ``resolve``.

Usage: python build_resolve-readme.py OUT.docx SOURCE

SOURCE is ``package/readme.markdown`` from ``resolve-1.22.14.tgz`` (fetched with
``npm pack resolve@1.22.14``).  The README is by James Halliday and the
browserify/resolve contributors and is distributed under the MIT licence, as
stated in the package's ``package.json`` and LICENSE file.

The text is not reworded; only the Markdown markup is turned into Word layout:

* ``#`` / ``##`` headings -> "Heading 1" / "Heading 2" (badge images and the
  ``<sup>`` badge in the title are dropped, they are pictures, not text);
* paragraphs -> "Normal" (hard-wrapped source lines are joined with a space);
* ``*`` / ``-`` bullets -> "List Bullet", nested bullets -> "List Bullet 2",
  an indented paragraph inside a bullet -> "List Continue";
* fenced code blocks -> one "Code" paragraph per line (Courier New, 9 pt);
* inline ``code`` -> Courier New runs, ``**bold**`` -> bold, ``*italic*`` ->
  italic, ``[text](url)`` -> the link text;
* link reference definitions (``[1]: https://...``) are not shown, as on a
  rendered README page.

Core properties get fixed dates so that a rebuild gives the same document.
"""

import datetime
import re
import sys

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

FIXED = datetime.datetime(2025, 1, 1, 0, 0, 0)
INLINE = re.compile(r"(`[^`]+`|\*\*[^*]+\*\*|\*[^*\s][^*]*\*|\[[^\]]+\]\([^)]+\))")
BADGE = re.compile(r"\[!\[[^\]]*\]\[[^\]]*\]\]\[[^\]]*\]|\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)"
                   r"|\[!\[[^\]]*\]\[[^\]]*\]\]\([^)]*\)")
BULLET = re.compile(r"^(\s*)[*-] (.*)$")
REFDEF = re.compile(r"^\[[^\]]+\]: \S+")


def add_runs(par, text):
    """Add text to a paragraph, turning inline Markdown into run formatting."""
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`"):
            run = par.add_run(part[1:-1])
            run.font.name = "Courier New"
        elif part.startswith("**") and part.endswith("**"):
            par.add_run(part[2:-2]).bold = True
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            par.add_run(part[1:-1]).italic = True
        elif part.startswith("["):
            link = re.match(r"\[([^\]]+)\]\(([^)]+)\)", part)
            add_runs(par, link.group(1))
        else:
            par.add_run(part)


def code_style(doc):
    style = doc.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.space_before = Pt(0)
    return style


def convert(lines, doc):
    i = 0
    para = []  # pending lines of a paragraph: (style, text)
    pstyle = "Normal"

    def flush():
        nonlocal para
        if para:
            add_runs(doc.add_paragraph(style=pstyle), " ".join(para))
        para = []

    while i < len(lines):
        line = lines[i].rstrip("\n")
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            i += 1
            while not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i].rstrip("\n"), style="Code")
                i += 1
            i += 1
            continue
        if not stripped:
            flush()
            i += 1
            continue
        if REFDEF.match(stripped):
            flush()
            i += 1
            continue
        heading = re.match(r"^(#{1,6}) (.*)$", line)
        if heading:
            flush()
            text = re.sub(r"\s*<sup>.*</sup>", "", heading.group(2)).strip()
            doc.add_heading(text, level=len(heading.group(1)))
            i += 1
            continue
        if BADGE.sub("", stripped).strip() == "":
            flush()
            i += 1
            continue
        bullet = BULLET.match(line)
        if bullet:
            flush()
            pstyle = "List Bullet" if len(bullet.group(1)) == 0 else "List Bullet 2"
            para = [bullet.group(2).strip()]
            i += 1
            continue
        if line.startswith(" ") and pstyle.startswith("List") and not para:
            # an indented paragraph that belongs to the preceding bullet item
            pstyle = "List Continue"
            para = [stripped]
            i += 1
            continue
        if not para:
            pstyle = "Normal"
        para.append(stripped)
        i += 1
    flush()


def main():
    out, source = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as fh:
        lines = fh.readlines()
    doc = Document()
    code_style(doc)
    convert(lines, doc)
    props = doc.core_properties
    props.title = "resolve"
    props.author = "James Halliday and contributors"
    props.created = FIXED
    props.modified = FIXED
    props.last_printed = FIXED
    props.revision = 1
    doc.save(out)


if __name__ == "__main__":
    main()
