"""Errors the user can fix, and the one helper that turns any failure into one plain line.

They live at the bottom layer so that index/ (the store, ingestion) can raise them too; the CLI
prints them as one line with a non-zero exit, the page and the HTTP API show the same line. A
library's multi-line message or traceback text is cut to its first line, and long lines are cut
so a message never floods a terminal or a page.
"""

from __future__ import annotations

MAX_CHARS = 200


def one_line(error: BaseException | str, limit: int = MAX_CHARS) -> str:
    """The first non-empty line of an error (its type name if it has no message), at most
    `limit` characters."""
    text = str(error).strip()
    first = text.splitlines()[0].strip() if text else type(error).__name__
    return first if len(first) <= limit else first[: limit - 1] + "…"


class RagError(Exception):
    """A problem the user can fix; str() is one plain line."""


class EmptyQuestionError(RagError):
    pass


class EmptyStoreError(RagError):
    pass


class StoreError(RagError):
    """The store cannot be opened or written: a bad --store, an unreachable server, an old format."""


class AmbiguousDocumentError(RagError):
    """A name matches several documents; the message lists them."""
