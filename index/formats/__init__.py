"""Readers that turn one file format into text for the index (Markdown where the format has
structure, so headings, lists and tables reach the chunker)."""

from __future__ import annotations

from dataclasses import dataclass

CHROME_ONLY = "nothing left after removing page chrome"


class FormatError(ValueError):
    """str(err) is a one-line reason, e.g. 'unreadable .docx: it is password-protected'."""


@dataclass(frozen=True)
class Extracted:
    text: str
    title: str = ""
    markdown: bool = False  # headings are "#" lines the chunker can follow
    rst: bool = False  # headings are reStructuredText underlined titles
    plain: bool = False  # headings are short stand-alone lines of plain text
    # Offsets in `text` where page 2, 3, ... begin (PDF); page 1 begins at 0.
    page_starts: tuple[int, ...] | None = None
    # Alphanumeric characters the reader saw before removing anything (None: removed nothing).
    seen_chars: int | None = None


def visible_chars(text: str) -> int:
    """Characters that carry content; markup, spacing and punctuation do not count, so a
    Markdown rendering and the plain text of the same page measure the same."""
    return sum(map(str.isalnum, text))


def zip_error(kind: str, exc: Exception) -> FormatError:
    """One line for a damaged or encrypted Office/EPUB file (they are zip containers; an
    encrypted Office file is an OLE container instead, so it is 'not a zip file')."""
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if "zip" in message.lower():
        return FormatError(
            f"unreadable {kind}: not a valid {kind} container "
            "(damaged, or password-protected: remove the password first)"
        )
    if len(message) > 120:
        message = message[:117] + "..."
    return FormatError(f"unreadable {kind}: {message}")
