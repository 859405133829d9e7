"""rag: answers questions from your documents and shows where every answer comes from.

    from rag import Assistant
    assistant = Assistant.open(store=".rag")
    assistant.ingest(["seeds/"])
    answer = assistant.ask("How many battalion tactical groups were positioned around Kyiv?")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import rag.offline  # noqa: F401  (first: telemetry off before any dependency is imported)
from rag.types import Answer, Citation, DocumentInfo, IngestReport, ScoredChunk

if TYPE_CHECKING:
    from rag.assistant import Assistant
    from rag.errors import EmptyQuestionError, EmptyStoreError, RagError
    from rag.settings import Settings, SettingsError

__all__ = [
    "Answer",
    "Assistant",
    "Citation",
    "DocumentInfo",
    "EmptyQuestionError",
    "EmptyStoreError",
    "IngestReport",
    "RagError",
    "ScoredChunk",
    "Settings",
    "SettingsError",
]

_LAZY = {
    "Assistant": "rag.assistant",
    "RagError": "rag.errors",
    "EmptyQuestionError": "rag.errors",
    "EmptyStoreError": "rag.errors",
    "Settings": "rag.settings",
    "SettingsError": "rag.settings",
}


def __getattr__(name: str) -> Any:
    # Imported on first use so that `import rag` stays instant for the CLI.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'rag' has no attribute {name!r}")
