"""EPUB books (ebooklib): chapters in reading order, each chapter's XHTML turned into Markdown by
the standard-library converter (a book has no page chrome to guess away)."""

from __future__ import annotations

import io
import warnings
import zipfile
from collections.abc import Iterator
from typing import Any

from index.formats import Extracted, FormatError, zip_error
from index.formats.htmltext import html_to_markdown


def read_epub(data: bytes) -> Extracted:
    try:
        from ebooklib import ITEM_DOCUMENT, epub

        if not zipfile.is_zipfile(io.BytesIO(data)):
            raise FormatError(
                "unreadable .epub: not a valid .epub container "
                "(damaged, or password-protected: remove the password first)"
            )
        with warnings.catch_warnings():  # ebooklib warns about its own future defaults
            warnings.simplefilter("ignore")
            book = epub.read_epub(io.BytesIO(data), options={"ignore_ncx": True})
        toc = dict(_toc_titles(book.toc))
        chapters = [
            _chapter(book.get_item_with_id(idref), ITEM_DOCUMENT, toc) for idref, _ in book.spine
        ]
        titles = book.get_metadata("DC", "title")
        title = str(titles[0][0]).strip() if titles else ""
    except FormatError:
        raise
    except Exception as exc:  # ebooklib raises zip, XML and KeyError types on damaged files
        raise zip_error(".epub", exc) from exc
    if _encrypted(data):
        raise FormatError("unreadable .epub: it is DRM-protected (encrypted content)")
    return Extracted(text="\n\n".join(c for c in chapters if c), title=title, markdown=True)


def _toc_titles(entries: Any) -> Iterator[tuple[str, str]]:
    """(file name, chapter title) from the table of contents, which nests as tuples/lists."""
    for entry in entries:
        if isinstance(entry, (tuple, list)):
            yield from _toc_titles(entry)
        elif getattr(entry, "href", None) and getattr(entry, "title", None):
            yield str(entry.href).split("#", 1)[0], str(entry.title).strip()


def _chapter(item: Any, document_type: int, toc: dict[str, str]) -> str:
    from ebooklib.epub import EpubNav

    # The navigation document is the table of contents, not text of the book.
    if item is None or item.get_type() != document_type or isinstance(item, EpubNav):
        return ""
    page_title, text = html_to_markdown(item.get_content().decode("utf-8", errors="replace"))
    chapter_title = toc.get(item.get_name(), "") or page_title
    if chapter_title and not text.lstrip().startswith("#"):
        # A chapter without its own heading is still a section, named by its <title>.
        text = f"# {chapter_title}\n\n{text}"
    return text.strip()


def _encrypted(data: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "META-INF/encryption.xml" in archive.namelist()
