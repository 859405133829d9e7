"""Word (.docx, python-docx) and PowerPoint (.pptx, python-pptx) files as Markdown: Word heading
styles and slide titles become "#" headings, list styles "- " items, tables "| a | b |" rows."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from index.formats import Extracted, FormatError, zip_error

_NUMBERED = re.compile(r"\d+\. ")
_HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)


def read_docx(data: bytes) -> Extracted:
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
        blocks = list(_docx_blocks(document))
        title = (document.core_properties.title or "").strip()
    except FormatError:
        raise
    except Exception as exc:  # python-docx raises zip, XML and KeyError types on damaged files
        raise zip_error(".docx", exc) from exc
    return Extracted(text="\n\n".join(_tighten(blocks)), title=title, markdown=True)


def _docx_blocks(document: Any) -> Iterator[str]:
    """Paragraphs and tables in document order (python-docx lists them separately)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    number = 0  # numbered-list counter: Word renders 1., 2., 3. and so does the text
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            line = _docx_paragraph(Paragraph(child, document))
            number = number + 1 if line.startswith("1. ") else 0
            if line:
                yield f"{number}. {line[3:]}" if number else line
        elif tag == "tbl":
            yield from _table_lines(
                [[cell.text for cell in row.cells] for row in Table(child, document).rows]
            )


def _docx_paragraph(paragraph: Any) -> str:
    text = paragraph.text.strip()
    if not text:
        return ""
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    heading = _HEADING_STYLE.match(style)
    if heading:
        return "#" * min(int(heading.group(1)), 6) + " " + text
    if style.lower() == "title":
        return "# " + text
    if style.lower().startswith("list number"):
        return "1. " + text
    if style.lower().startswith("list"):
        return "- " + text
    return text


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
    for shape in slide.shapes:
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
