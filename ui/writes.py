"""What the page and the HTTP API share about changing documents: one lock per Assistant, and
the one-line summary of an upload.

`rag serve` runs both in one process over one Assistant. Two ingests at once must not happen:
an ingest ends by sweeping chunks no committed document owns, which would include the other
ingest's chunks that are written but not yet committed (README, "One writer at a time").
"""

from __future__ import annotations

import threading
from typing import Any

from rag.types import FileResult

_ATTR = "_ui_document_lock"
_GUARD = threading.Lock()


def document_lock(assistant: Any) -> threading.Lock:
    """The lock every upload and removal over `assistant` holds while it changes the store.

    Kept on the object itself, so it lives exactly as long as the Assistant (and works for the
    stand-ins tests use, which need be neither hashable nor weak-referenceable).
    """
    with _GUARD:
        attrs: dict[str, Any] = vars(assistant)
        lock = attrs.get(_ATTR)
        if not isinstance(lock, type(_GUARD)):
            lock = attrs[_ATTR] = threading.Lock()
        return lock


def upload_summary(results: list[FileResult]) -> str:
    """'2 added, 1 failed': what an upload did, counted by status in the order met."""
    counts: dict[str, int] = {}
    for r in results:
        counts[r.status] = counts.get(r.status, 0) + 1
    return ", ".join(f"{n} {status}" for status, n in counts.items()) or "nothing to add"
