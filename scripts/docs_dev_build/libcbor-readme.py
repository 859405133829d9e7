"""Build libcbor-readme.docx from the libcbor README.

Source: /usr/share/doc/libcbor0.8/README.md, Debian package libcbor0.8,
version 0.8.0-2+b1 (libcbor upstream 0.8.0, MIT/Expat licence).

Mapping (only Markdown markup is removed, the words are unchanged):
  - `#`, `##`, `###` headings      -> Word styles Heading 1, Heading 2, Heading 3
                                      (a link in a heading keeps its text only)
  - ` - item` list lines           -> List Bullet paragraphs
  - ``` fenced code blocks         -> one monospace (Courier New) paragraph per line
  - **bold** spans                 -> bold runs; [text](url) links -> their text;
                                      `code` spans -> monospace runs
  - <details>/<summary> HTML tags  -> dropped, the summary text kept as a paragraph
  - badge/image-only lines         -> dropped (they are images, not words)
  - other consecutive text lines   -> one Normal paragraph (lines joined by a space)
The README has no table, so the document has none.

Usage: python scripts/docs_dev_build/libcbor-readme.py OUTPUT.docx [SOURCE]
"""
import re
import sys

from docx import Document
from docx.shared import Pt

SRC = "/usr/share/doc/libcbor0.8/README.md"
MONO = "Courier New"

IMG_ONLY = re.compile(r"^\s*(\[?!\[[^\]]*\]\([^)]*\)\]?(\([^)]*\))?\s*)+$")
TOKEN = re.compile(r"(\*\*[^*]+\*\*|`[^`]+`|\[[^\]]+\]\([^)]+\))")


def add_inline(par, text):
    for part in TOKEN.split(text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**"):
            par.add_run(part[2:-2]).bold = True
        elif part.startswith("`") and part.endswith("`"):
            par.add_run(part[1:-1]).font.name = MONO
        elif part.startswith("[") and "](" in part:
            add_inline(par, part[1:part.index("](")])
        else:
            par.add_run(part)


def strip_links(text):
    return re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text).strip()


def build(out, src):
    with open(src, encoding="utf-8") as f:
        lines = f.read().splitlines()
    doc = Document()
    para = []

    def flush():
        if para:
            add_inline(doc.add_paragraph(), " ".join(s.strip() for s in para))
            para.clear()

    in_code = False
    for line in lines:
        if line.startswith("```"):
            flush()
            in_code = not in_code
            continue
        if in_code:
            p = doc.add_paragraph()
            r = p.add_run(line.replace("\t", "    "))
            r.font.name = MONO
            r.font.size = Pt(9)
            continue
        s = line.strip()
        m = re.match(r"^(#{1,6})\s+(.*)$", s)
        if m:
            flush()
            doc.add_heading(strip_links(m.group(2)), level=len(m.group(1)))
        elif re.match(r"^-\s+", s):
            flush()
            add_inline(doc.add_paragraph(style="List Bullet"), re.sub(r"^-\s+", "", s))
        elif not s or IMG_ONLY.match(s) or s in ("<details>", "</details>"):
            flush()
        elif s.startswith("<summary>"):
            flush()
            doc.add_paragraph(re.sub(r"</?summary>", "", s).strip())
        else:
            para.append(s)
    flush()
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    build(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else SRC)
