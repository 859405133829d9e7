"""Word (.docx, python-docx) and PowerPoint (.pptx, python-pptx) files as Markdown: Word heading
styles and slide titles become "#" headings, list styles "- " items, tables "| a | b |" rows."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from index.formats import Extracted, FormatError, visible_chars, zip_error

_NUMBERED = re.compile(r"\d+\. ")
_HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)


def read_docx(data: bytes) -> Extracted:
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
        blocks = list(_docx_blocks(document))
        title = (document.core_properties.title or "").strip()
        seen = _docx_seen_chars(document)
    except FormatError:
        raise
    except Exception as exc:  # python-docx raises zip, XML and KeyError types on damaged files
        raise zip_error(".docx", exc) from exc
    return Extracted(
        text="\n\n".join(_tighten(blocks)), title=title, markdown=True, seen_chars=seen or None
    )


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Office repeats a drawing's text box for readers without drawing support: once is enough.
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# What a reader sees besides the body, and what is not read: footnotes, endnotes and comments
# count as seen, so the ingest report says how much they were.
_NOTE_PARTS = ("/word/footnotes.xml", "/word/endnotes.xml", "/word/comments.xml")


def _in_fallback(element: Any) -> bool:
    return any(a.tag == _FALLBACK for a in element.iterancestors())


def _texts(element: Any) -> Iterator[str]:
    for t in element.iter(_W + "t"):
        if not _in_fallback(t):
            yield t.text or ""


def _docx_seen_chars(document: Any) -> int:
    """Content characters in the body (text boxes once) and in the notes and comments."""
    from lxml import etree

    seen = visible_chars("".join(_texts(document.element.body)))
    for part in document.part.package.iter_parts():
        if str(part.partname) in _NOTE_PARTS:
            seen += visible_chars("".join(_texts(etree.fromstring(part.blob))))
    return seen


def _docx_blocks(document: Any) -> Iterator[str]:
    """Paragraphs and tables in document order (python-docx lists them separately)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    # Numbered-list counters by level: Word renders 1., 2., 3. and so does the text. An empty
    # paragraph between items does not restart them; any other paragraph does.
    numbers: dict[int, int] = {}
    code: list[str] = []  # consecutive code paragraphs, one fenced block
    for child in _body_blocks(document.element.body):
        paragraph = Paragraph(child, document) if child.tag == _W + "p" else None
        raw = paragraph.text if paragraph is not None else ""
        # A heading set in a monospaced font (a README's "### `interpolateName`") is a heading:
        # read as code it closed the section above and joined its code block.
        if paragraph is not None and raw.strip() and not _heading_level(paragraph.style) and _is_code(paragraph):
            code.append(raw.rstrip())
            continue
        if code:
            yield "```\n" + "\n".join(code) + "\n```"
            code = []
        if paragraph is None:
            numbers = {}
            yield from _table_lines(
                [[cell.text for cell in row.cells] for row in Table(child, document).rows]
            )
            continue
        text = raw.strip()
        if not text:
            continue
        heading = _heading_level(paragraph.style)
        # A heading first: Word numbers headings too ("1. Introduction" is Heading 1's numbering).
        marker, level = ("", 0) if heading else _list_marker(paragraph)
        if marker == "1.":
            numbers = {k: v for k, v in numbers.items() if k <= level}
            numbers[level] = numbers.get(level, 0) + 1
            yield _item("   " * level + f"{numbers[level]}. ", text)
            continue
        if not marker:
            numbers = {}
        yield _item("   " * level + "- ", text) if marker else _docx_line(paragraph, text, heading)
    if code:
        yield "```\n" + "\n".join(code) + "\n```"


def _item(lead: str, text: str) -> str:
    """A list item, the lines after each line break in it (Word's Shift+Enter) indented under
    its first, as Markdown continues an item: cors-anywhere's "Recommended if you want to
    prevent users from using the proxy for normal browsing." below "requireHeader - If set, …"
    is that option's text, not a paragraph after the list."""
    return lead + text.replace("\n", "\n" + " " * len(lead))


# Code as Word users set it: a style named for it ("Code", "HTML Preformatted", "Source Code",
# "Macro Text") or a monospaced font on the style or on every run.
_CODE_STYLE = re.compile(r"code|preformatted|verbatim|listing|macro text|console", re.IGNORECASE)
_MONOSPACE = re.compile(
    r"mono|courier|consolas|menlo|monaco|lucida console|inconsolata|fira code", re.IGNORECASE
)


def _is_code(paragraph: Any) -> bool:
    if any(
        _CODE_STYLE.search(style.name or "") or _MONOSPACE.search(style.font.name or "")
        for style in _style_chain(paragraph.style)
    ):
        return True
    runs = [r for r in paragraph.runs if r.text.strip()]
    return bool(runs) and all(_MONOSPACE.search(_run_font(r)) for r in runs)


def _run_font(run: Any) -> str:
    if run.font.name:
        return str(run.font.name)
    style = run.style
    return str(style.font.name or "") if style is not None else ""


def _body_blocks(parent: Any) -> Iterator[Any]:
    """Paragraphs and tables, including those inside content controls (<w:sdt>), which Word
    templates wrap around cover pages, contents and whole sections, and inside text boxes."""
    for child in parent.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag in ("p", "tbl"):
            yield child
            if tag == "p":  # a text box anchored in the paragraph reads after it
                for box in child.iter(_W + "txbxContent"):
                    if not _in_fallback(box):
                        yield from _body_blocks(box)
        elif tag in ("sdt", "sdtContent", "customXml"):
            yield from _body_blocks(child)


def _docx_line(paragraph: Any, text: str, heading: int) -> str:
    if heading:
        return "#" * heading + " " + text
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    return "# " + text if style.lower() == "title" else text


def _list_marker(paragraph: Any) -> tuple[str, int]:
    """("1.", level) for a numbered item, ("-", level) for a bullet, ("", 0) for a paragraph.
    Word's own numbering on the paragraph decides (most documents number a "List Paragraph"
    that way, bullets and steps alike); else the style's name ("List Number", "List Bullet")."""
    num_pr = _num_pr(paragraph)
    if num_pr is not None and num_pr.numId is not None and num_pr.numId.val != 0:
        level = num_pr.ilvl.val if num_pr.ilvl is not None else 0
        fmt = _number_format(paragraph, num_pr.numId.val, level)
        return ("1." if fmt not in ("bullet", "none", "") else "-"), min(level, 3)
    style = ((paragraph.style.name if paragraph.style is not None else "") or "").lower()
    if style.startswith("list number"):
        return "1.", 0
    return ("-", 0) if style.startswith("list") else ("", 0)


def _num_pr(paragraph: Any) -> Any:
    """The paragraph's numbering properties, its own or its style's (or a base style's)."""
    for p_pr in [paragraph._p.pPr, *(style.element.pPr for style in _style_chain(paragraph.style))]:
        if p_pr is not None and p_pr.numPr is not None:
            return p_pr.numPr
    return None


def _number_format(paragraph: Any, num_id: int, level: int) -> str:
    """The numFmt of a numbering level ("decimal", "lowerLetter", "bullet"); "bullet" when the
    document's numbering part does not say."""
    try:
        numbering = paragraph.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return "bullet"
    abstract = numbering.xpath(f'./w:num[@w:numId="{int(num_id)}"]/w:abstractNumId/@w:val')
    if not abstract:
        return "bullet"
    found = numbering.xpath(
        f'./w:abstractNum[@w:abstractNumId="{int(abstract[0])}"]'
        f'/w:lvl[@w:ilvl="{int(level)}"]/w:numFmt/@w:val'
    )
    return str(found[0]) if found else "bullet"


def _heading_level(style: Any) -> int:
    """A heading style's level, or 0. A template's own heading styles ("Chapter Title") are
    based on Word's "Heading N", so the chain of base styles is followed."""
    for base in _style_chain(style):
        heading = _HEADING_STYLE.match(base.name or "")
        if heading:
            return min(int(heading.group(1)), 6)
    return 0


def _style_chain(style: Any) -> Iterator[Any]:
    """A style and the styles it is based on, nearest first (at most ten: a loop ends)."""
    for _ in range(10):
        if style is None:
            return
        yield style
        style = style.base_style


def read_pptx(data: bytes) -> Extracted:
    try:
        from pptx import Presentation

        deck = Presentation(io.BytesIO(data))
        blocks: list[str] = []
        for number, slide in enumerate(deck.slides, start=1):
            blocks.extend(_slide_blocks(slide, number))
        title = (deck.core_properties.title or "").strip()
    except Exception as exc:  # python-pptx raises zip, XML and KeyError types on damaged files
        raise zip_error(".pptx", exc) from exc
    return Extracted(text="\n\n".join(_tighten(blocks)), title=title, markdown=True)


def _slide_blocks(slide: Any, number: int) -> Iterator[str]:
    title_shape = slide.shapes.title
    title = title_shape.text_frame.text.strip() if title_shape is not None else ""
    # Every slide is a section, so its lines carry the slide's title as their heading path.
    yield "## " + (" ".join(title.split()) if title else f"Slide {number}")
    for shape in _flat_shapes(slide.shapes):
        if title_shape is not None and shape.shape_id == title_shape.shape_id:
            continue
        if getattr(shape, "has_table", False) and shape.has_table:
            yield from _table_lines([[c.text for c in row.cells] for row in shape.table.rows])
        elif getattr(shape, "has_text_frame", False) and shape.has_text_frame:
            for para in shape.text_frame.paragraphs:
                text = "".join(run.text for run in para.runs).strip()
                if text:
                    yield "   " * para.level + "- " + text if para.level else text
    if slide.has_notes_slide:
        notes = slide.notes_slide.notes_text_frame.text.strip()
        if notes:
            yield from (ln.strip() for ln in notes.splitlines() if ln.strip())


def _flat_shapes(shapes: Any) -> Iterator[Any]:
    """A slide's shapes, those inside groups too (a diagram's boxes are often grouped)."""
    for shape in shapes:
        if hasattr(shape, "shapes"):  # a group shape
            yield from _flat_shapes(shape.shapes)
        else:
            yield shape


def _table_lines(rows: list[list[str]]) -> Iterator[str]:
    for row in rows:
        cells = [" ".join(c.split()).replace("|", "\\|") for c in row]
        if any(cells):
            yield "| " + " | ".join(cells) + " |"


def _tighten(blocks: list[str]) -> list[str]:
    """Consecutive list items and table rows go on consecutive lines, as Markdown writes them."""
    out: list[str] = []
    for block in blocks:
        kind = _item_kind(block)
        if out and kind and kind == _item_kind(out[-1].rsplit("\n", 1)[-1]):
            out[-1] += "\n" + block
        else:
            out.append(block)
    return out


def _item_kind(line: str) -> str:
    stripped = line.lstrip()
    if stripped.startswith("| "):
        return "table"
    return "list" if stripped.startswith("- ") or _NUMBERED.match(stripped) else ""
