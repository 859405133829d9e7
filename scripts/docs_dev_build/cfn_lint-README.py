"""Build docs/cfn_lint-README.docx from the cfn-lint README (Markdown long
description in the METADATA of the cfn-lint 1.51.0 distribution).

The text is kept as it is; only Markdown markup is turned into Word layout:
  #  -> Title, ## -> Heading 1, ### -> Heading 2, ####+ -> Heading 3
  - / *  items -> List Bullet (nested: List Bullet 2)
  1. items     -> List Number
  | tables |   -> Word table with a bold header row
  ``` blocks   -> one paragraph per line in a monospace font
  links -> their text, inline code/emphasis markers removed, badge images
  and <img> tags dropped, <br /> inside a table cell -> line break.
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.shared import Pt

META = Path("/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/"
            "cfn_lint-1.51.0.dist-info/METADATA")
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "evals" / "benchmarks" / "train_docs" / "cfn_lint-README.docx"

LINK = re.compile(r"\[([^\]]*)\]\((?:<[^>]*>|[^()\s]*(?:\([^)]*\)[^()\s]*)*)\)")


def inline(s: str) -> str:
    s = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", s)          # images
    s = re.sub(r"\[(!\[[^\]]*\]\([^)]*\))\]\([^)]*\)", "", s)  # linked badges
    s = LINK.sub(lambda m: m.group(1), s)
    s = s.replace("`", "")
    s = re.sub(r"\*\*(.+?)\*\*", r"\1", s)
    s = re.sub(r"(?<![\w/])_(.+?)_(?![\w])", r"\1", s)
    return s.strip()


def main() -> None:
    text = META.read_text(encoding="utf-8")
    body = text.split("\n\n", 1)[1]          # long description after headers
    lines = body.splitlines()

    doc = Document()
    i = 0
    para_buf: list[str] = []

    def flush():
        if para_buf:
            t = inline(" ".join(x.strip() for x in para_buf))
            if t:
                doc.add_paragraph(t)
            para_buf.clear()

    while i < len(lines):
        line = lines[i]
        st = line.strip()
        if st.startswith("```"):
            flush()
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                p = doc.add_paragraph()
                r = p.add_run(lines[i])
                r.font.name = "Courier New"
                r.font.size = Pt(9)
                p.paragraph_format.space_after = Pt(0)
                i += 1
            i += 1
            continue
        if not st:
            flush()
            i += 1
            continue
        if st.startswith("<img") or re.fullmatch(r"(\[!\[.*\]\(.*\)\]\(.*\)\s*)+", st):
            flush()
            i += 1
            continue
        m = re.match(r"^(#+)\s+(.*)$", st)
        if m:
            flush()
            level = len(m.group(1))
            t = inline(m.group(2))
            if level == 1:
                doc.add_heading(t, level=0)
            else:
                doc.add_heading(t, level=min(level - 1, 3))
            i += 1
            continue
        if st.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                cells = [c.strip() for c in lines[i].strip().strip("|").split("|")]
                if not all(re.fullmatch(r":?-+:?", c) for c in cells if c):
                    rows.append(cells)
                i += 1
            ncol = len(rows[0])
            table = doc.add_table(rows=0, cols=ncol)
            table.style = "Table Grid"
            for ri, row in enumerate(rows):
                cells = table.add_row().cells
                for ci in range(ncol):
                    raw = row[ci] if ci < len(row) else ""
                    parts = [inline(x) for x in re.split(r"<br\s*/?>", raw)]
                    cells[ci].text = "\n".join(p for p in parts if p)
                    if ri == 0:
                        for run in cells[ci].paragraphs[0].runs:
                            run.bold = True
            continue
        m = re.match(r"^(\s*)[-*]\s+(.*)$", line)
        if m and not st.startswith("**"):
            flush()
            indent = len(m.group(1))
            item = [m.group(2)]
            i += 1
            while i < len(lines) and lines[i].strip() and \
                    not re.match(r"^\s*([-*]|\d+\.)\s+", lines[i]) and \
                    lines[i].startswith(" "):
                item.append(lines[i].strip())
                i += 1
            style = "List Bullet 2" if indent >= 2 else "List Bullet"
            doc.add_paragraph(inline(" ".join(item)), style=style)
            continue
        m = re.match(r"^\s*\d+\.\s+(.*)$", line)
        if m:
            flush()
            doc.add_paragraph(inline(m.group(1)), style="List Number")
            i += 1
            continue
        if st.startswith(">"):
            para_buf.append(st.lstrip("> "))
            i += 1
            continue
        para_buf.append(line)
        i += 1
    flush()
    doc.core_properties.title = "AWS CloudFormation Linter"
    doc.save(OUT)
    print("wrote", OUT, file=sys.stderr)


if __name__ == "__main__":
    main()
