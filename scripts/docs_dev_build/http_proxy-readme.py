"""Lay the README of http-proxy (node-http-proxy) out as a Word document, without rewording it.

Usage: python build_http_proxy-readme.py OUT.docx [SOURCE]

Source: README.md of the npm package http-proxy 1.18.1 (http-party/node-http-proxy), as
bundled in the Node build of the Python package gradio 6.31.0, the default SOURCE:
/work/main/.venv/lib/python3.11/site-packages/gradio/templates/node/build/node_modules/http-proxy/README.md
Licence: MIT (package.json "license": "MIT"; LICENSE file beside the README; the README's own
"License" section: Copyright (c) 2010 - 2016 Charlie Robbins, Jarrett Cruger & the Contributors),
which permits copying and redistribution.

Mapping from Markdown to Word:
- "#" heading -> "Title"; "###" -> "Heading 1", "####" -> "Heading 2", "#####" -> "Heading 3"
  (the README has no "##" level);
- "* " / "- " list items -> "List Bullet" (items indented by 3 or more spaces -> "List Bullet 2");
  a list item's wrapped continuation lines are joined into the same paragraph with a space;
- fenced code blocks (also those indented inside a list item) -> one paragraph per code line in
  a "Code" paragraph style (Courier New 9 pt);
- "> " block-quote lines (the licence text) -> plain paragraphs in the "Quote" style, wrapped
  lines joined with a space, "> " removed;
- plain paragraphs: wrapped lines joined with a space -> "Normal";
- inline markup removed: [text](url) -> text, `code` -> code, **b** -> b; badge images
  ([![alt](img)](url)) and the centred HTML logo block (<p>/<img>) are dropped, as are the
  "Back to top" navigation links; the words themselves are kept as written.
"""
import re
import sys

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = (
    "/work/main/.venv/lib/python3.11/site-packages/gradio/templates/node/build/"
    "node_modules/http-proxy/README.md"
)


def inline(text: str) -> str:
    text = re.sub(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)", "", text)  # badges
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)  # images
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links
    text = text.replace("`", "")
    text = re.sub(r"\*\*([^*]+)\*\*", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


def code_style(document):
    styles = document.styles
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style


def build(out: str, source: str) -> None:
    with open(source, encoding="utf-8") as f:
        lines = f.read().splitlines()
    document = docx.Document()
    code = code_style(document)
    current = None  # the paragraph that wrapped lines are appended to
    in_code = False
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("```"):
            in_code = not in_code
            current = None
            continue
        if in_code:
            document.add_paragraph(line, style=code)
            continue
        if not stripped:
            current = None
            continue
        if re.match(r"^</?(p|img)\b", stripped) or "[Back to top]" in stripped:
            current = None
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        if heading:
            level = len(heading.group(1))
            if level == 1:
                document.add_paragraph(inline(heading.group(2)), style="Title")
            else:
                document.add_heading(inline(heading.group(2)), level=max(1, level - 2))
            current = None
            continue
        if stripped.startswith(">"):
            text = inline(stripped[1:])
            if not text:
                current = None
            elif current is not None and current.style.name == "Quote":
                current.add_run(" " + text)
            else:
                current = document.add_paragraph(text, style="Quote")
            continue
        bullet = re.match(r"^(\s*)[*-]\s+(.*)$", line)
        if bullet:
            style = "List Bullet" if len(bullet.group(1)) < 3 else "List Bullet 2"
            current = document.add_paragraph(inline(bullet.group(2)), style=style)
            continue
        if current is not None:  # a wrapped line of the paragraph or item above
            current.add_run(" " + inline(line))
            continue
        current = document.add_paragraph(inline(line))
    document.save(out)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    build(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else DEFAULT_SOURCE)
