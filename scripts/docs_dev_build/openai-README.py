"""Build docs/openai-README.docx from the README (long description) in the
METADATA of the installed openai 3.60.0 distribution.

The README is laid out as a person would in Word: '#' -> Title,
'##' -> Heading 1, '###' -> Heading 2, '####' -> Heading 3, '- ' items ->
List Bullet, '1. ' items -> List Number, the Markdown table -> a Word table
with a header row, fenced code -> monospace paragraphs, '>' quotes -> Quote.
Inline Markdown markup (links, backticks, bold, italics) is removed, keeping
the visible text unchanged.  Badges/HTML comments are dropped.

Trimmed at section boundaries (README is ~1270 lines): kept the title,
intro, "Documentation" and "Installation" (METADATA lines 50-71, up to
"## Usage"), the sections "Handling errors" through "Timeouts" (lines
726-884, up to "## Advanced"), and "Microsoft Azure OpenAI" through the end
("Amazon Bedrock", "Versioning", "Requirements", "Contributing"; lines
1164-1317).  Everything else (Usage, async, streaming, realtime, types,
pagination, file uploads, webhooks, Advanced) is left out.
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

META = "/work/main/.venv/lib/python3.11/site-packages/openai-3.60.0.dist-info/METADATA"
OUT = sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).resolve().parents[2] / "evals" / "benchmarks" / "train_docs" / "openai-README.docx")

with open(META, encoding="utf-8") as f:
    raw = f.read()
readme = raw.split("\n\n", 1)[1]  # long description follows the header block
lines = readme.split("\n")


def section_slice(lines, start_heading, stop_heading=None):
    s = lines.index(start_heading)
    e = lines.index(stop_heading) if stop_heading else len(lines)
    return lines[s:e]


kept = (
    section_slice(lines, "# OpenAI Python API library", "## Usage")
    + section_slice(lines, "## Handling errors", "## Advanced")
    + section_slice(lines, "## Microsoft Azure OpenAI")
)


def clean_inline(t):
    t = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", t)            # images
    t = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", t)        # links
    # split off code spans so that emphasis markers are only removed outside them
    parts = re.split(r"(``\s?.*?\s?``|`[^`]*`)", t)
    out = []
    for k, part in enumerate(parts):
        if k % 2:
            out.append(part.strip("`").strip() if part.startswith("``") else part[1:-1])
        else:
            part = re.sub(r"\*\*(.+?)\*\*", r"\1", part)
            part = re.sub(r"(?<![\w])_(.+?)_(?![\w])", r"\1", part)
            out.append(part)
    return "".join(out).strip()


doc = Document()
styles = doc.styles
code = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
code.base_style = styles["Normal"]
code.font.name = "Courier New"
code.font.size = Pt(9)

i = 0
para_buf = []


def flush_para():
    global para_buf
    if para_buf:
        doc.add_paragraph(clean_inline(" ".join(x.strip() for x in para_buf)))
    para_buf = []


while i < len(kept):
    ln = kept[i]
    if ln.startswith("<!--") or re.match(r"^\[!\[", ln):
        flush_para()
        i += 1
        continue
    if ln.startswith("```"):
        flush_para()
        j = i + 1
        body = []
        while not kept[j].startswith("```"):
            body.append(kept[j])
            j += 1
        p = doc.add_paragraph(style="Code")
        for k, b in enumerate(body):
            run = p.add_run(b)
            if k < len(body) - 1:
                run.add_break()
        i = j + 1
        continue
    m = re.match(r"^(#{1,4}) (.*)$", ln)
    if m:
        flush_para()
        level = len(m.group(1))
        text = clean_inline(m.group(2))
        if level == 1:
            doc.add_heading(text, level=0)
        else:
            doc.add_heading(text, level=level - 1)
        i += 1
        continue
    if ln.startswith("|"):
        flush_para()
        rows = []
        while i < len(kept) and kept[i].startswith("|"):
            cells = [c.strip() for c in kept[i].strip().strip("|").split("|")]
            if not all(re.fullmatch(r"-+", c) for c in cells):
                rows.append([clean_inline(c) for c in cells])
            i += 1
        t = doc.add_table(rows=len(rows), cols=len(rows[0]))
        t.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, val in enumerate(row):
                cell = t.cell(r, c)
                cell.text = val
                if r == 0:
                    for run in cell.paragraphs[0].runs:
                        run.bold = True
        continue
    if ln.startswith(">"):
        flush_para()
        qs = []
        while i < len(kept) and kept[i].startswith(">"):
            q = kept[i].lstrip(">").strip()
            if q and q != "[!IMPORTANT]":
                qs.append(q)
            i += 1
        doc.add_paragraph(clean_inline(" ".join(qs)), style="Quote")
        continue
    m = re.match(r"^- (.*)$", ln)
    if m:
        flush_para()
        doc.add_paragraph(clean_inline(m.group(1)), style="List Bullet")
        i += 1
        continue
    m = re.match(r"^\d+\. (.*)$", ln)
    if m:
        flush_para()
        doc.add_paragraph(clean_inline(m.group(1)), style="List Number")
        i += 1
        continue
    if not ln.strip():
        flush_para()
        i += 1
        continue
    para_buf.append(ln)
    i += 1
flush_para()

doc.core_properties.title = "OpenAI Python API library"
doc.save(OUT)
print("wrote", OUT)
