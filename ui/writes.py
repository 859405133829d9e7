"""One lock per Assistant for changes to its documents, shared by the page and the HTTP API.

`rag serve` runs both in one process over one Assistant. Two ingests at once must not happen:
an ingest ends by sweeping chunks no committed document owns, which would include the other
ingest's chunks that are written but not yet committed (README, "One writer at a time").
"""

from __future__ import annotations

import threading
from typing import Any

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
