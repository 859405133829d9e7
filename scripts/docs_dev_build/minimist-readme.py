"""Build minimist-readme.docx: the minimist README laid out as a Word document.

Source: README.md of the npm package minimist 1.2.8 (`npm pack minimist`,
package/README.md in minimist-1.2.8.tgz).

Usage: python build_minimist-readme.py OUT.docx [SOURCE]
    SOURCE defaults to ../fetch/minimist/README.md beside this script's folder.

Licence: minimist is MIT-licensed (Copyright James Halliday and contributors);
its README is redistributed here under the same MIT licence.

Mapping (no sentence is reworded; wrapped lines of one paragraph are joined):
    "# Title"            -> Heading 1 (badge images and <sup> dropped)
    "## Title"           -> Heading 2
    "* item"             -> List Bullet (continuation lines joined)
    indented paragraph    -> paragraph in the 'List Continue' style
    ``` fenced code ```   -> one 'Code' paragraph per line (Courier New 9 pt)
    other text            -> Normal paragraph
    badge lines, link reference definitions ("[x]: url") -> dropped
    inline `code`         -> run in Courier New; [text](url) -> text
"""

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\[[^\]]*\]")
INLINE = re.compile(r"(`[^`]+`)")


def clean(text):
    """Drop link targets and images, keep the visible text."""
    text = re.sub(r"<sup>.*?</sup>", "", text)
    text = re.sub(r"\[!\[[^\]]*\]\[[^\]]*\]\]\[[^\]]*\]", "", text)
    text = re.sub(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)", "", text)
    return LINK.sub(lambda m: m.group(1) or m.group(2) or "", text).strip()


def add_runs(par, text):
    """Add text to a paragraph, inline code in a monospace font."""
    for part in INLINE.split(text):
        if not part:
            continue
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            run = par.add_run(part[1:-1])
            run.font.name = "Courier New"
        else:
            par.add_run(part)


def code_style(doc):
    styles = doc.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def build(src, out):
    lines = Path(src).read_text(encoding="utf-8").splitlines()
    doc = Document()
    code_style(doc)
    buf = []
    kind = None

    def flush():
        nonlocal buf, kind
        if buf:
            text = clean(" ".join(s.strip() for s in buf))
            if text:
                style = {"bullet": "List Bullet", "cont": "List Continue"}.get(kind, "Normal")
                add_runs(doc.add_paragraph(style=style), text)
        buf, kind = [], None

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            indent = len(line) - len(line.lstrip())
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                doc.add_paragraph(lines[i][indent:].rstrip().expandtabs(4), style="Code")
                i += 1
            i += 1
            continue
        skip = re.match(r"^\[[^\]]+\]:\s", stripped) or (
            stripped.startswith("[![") and not clean(stripped)
        )
        if not stripped or skip:
            flush()
        elif line.startswith("#"):
            flush()
            level = len(line) - len(line.lstrip("#"))
            title = clean(line.lstrip("#"))
            if title:
                doc.add_heading(title, level=min(level, 3))
        elif re.match(r"^[*-] ", line):
            flush()
            kind = "bullet"
            buf = [line[2:]]
        elif line.startswith("  ") and kind is None:
            kind = "cont"
            buf = [line]
        else:
            if kind is None:
                kind = "normal"
            buf.append(line)
        i += 1
    flush()
    doc.save(out)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    default = Path(__file__).resolve().parent.parent / "fetch" / "minimist" / "README.md"
    src = sys.argv[2] if len(sys.argv) > 2 else default
    build(src, out)


if __name__ == "__main__":
    main()
