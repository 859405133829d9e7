"""Errors the user can fix. str(err) is one plain line naming the thing and what to do.

They live at the bottom layer so that index/ (the store, ingestion) can raise them too; the CLI
prints them as one line with a non-zero exit, the page shows them in its status line.
"""

from __future__ import annotations


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
