"""Data that crosses a boundary between layers: chunks, citations, answers, ingest reports.

Plain dataclasses (not pydantic) because they are built on the hot query path and
must import instantly.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

# What joins the levels of a heading path ("Install › Requirements"; index/chunking makes them).
HEADING_SEPARATOR = " › "


def location_label(heading: str, page: int | None, title: str = "") -> str:
    """Where a reader finds a passage again, as shown to people: "Install › Requirements",
    "page 3", both ("Setup, page 3"), or "" when the format has neither. A first heading that
    is the document's `title` (a Markdown page's "# Title") is dropped: it is shown already."""
    heading = heading.strip()
    if title and heading.split(HEADING_SEPARATOR, 1)[0].strip() == title.strip():
        heading = heading.partition(HEADING_SEPARATOR)[2].strip()
    parts = [heading, f"page {page}" if page is not None else ""]
    return ", ".join(p for p in parts if p)


@dataclass(frozen=True)
class Chunk:
    """A passage of a cleaned document; start/end are character offsets into that text."""

    id: str
    source: str
    title: str
    text: str
    start: int
    end: int
    doc_hash: str = ""
    position: int = 0
    doc_key: str = ""
    # Stable identity of the document (not its display name): see index/ for how it is made.
    doc_id: str = ""
    # Where a reader finds the passage again: "Install › Requirements" for Markdown/HTML,
    # the 1-based page for a PDF. Empty / None when the format has neither.
    heading: str = ""
    page: int | None = None
    # Retrieval-only context that is not part of the cited text: a split table's header row.
    context: str = ""

    @property
    def location(self) -> str:
        return location_label(self.heading, self.page, self.title)


@dataclass(frozen=True)
class ScoredChunk:
    """A retrieved chunk with its fused score and the per-retriever evidence behind it."""

    chunk: Chunk
    score: float
    dense_score: float | None = None
    bm25_score: float | None = None

    def to_dict(self) -> dict[str, Any]:
        c = self.chunk
        return {
            "source": c.source,
            "chunk_id": c.id,
            "text": c.text,
            "start": c.start,
            "end": c.end,
            "score": round(self.score, 6),
            "doc_id": c.doc_id,
            "heading": c.heading,
            "page": c.page,
        }


@dataclass(frozen=True)
class Citation:
    """What an [n] marker points at: a verbatim span of a cleaned document."""

    n: int
    source: str
    chunk_id: str
    text: str
    start: int
    end: int
    score: float
    doc_id: str = ""
    heading: str = ""
    page: int | None = None

    @classmethod
    def from_span(cls, n: int, chunk: Chunk, start: int, end: int, score: float) -> Citation:
        """Cite chunk.text[start:end]; offsets become offsets into the document text."""
        return cls(
            n=n,
            source=chunk.source,
            chunk_id=chunk.id,
            text=chunk.text[start:end],
            start=chunk.start + start,
            end=chunk.start + end,
            score=score,
            doc_id=chunk.doc_id,
            heading=chunk.heading,
            page=chunk.page,
        )

    @property
    def location(self) -> str:
        return location_label(self.heading, self.page)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["score"] = round(self.score, 6)
        return d


@dataclass(frozen=True)
class SentenceCheck:
    """The verification verdict on one sentence of a generated answer."""

    text: str
    supported: bool
    cited: list[int]
    score: float
    reason: str = ""
    # True when the model cited nothing (or the wrong passage) and rag found the passage that
    # supports the claim: `cited` then holds the passage rag attached.
    added_citation: bool = False

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["score"] = round(self.score, 4)
        return d


@dataclass
class Answer:
    question: str
    text: str
    abstained: bool
    citations: list[Citation]
    retrieved: list[ScoredChunk]
    answerer: str
    timings_ms: dict[str, float] = field(default_factory=dict)
    id: str | None = None
    fallback: bool = False
    notice: str | None = None
    verification: list[SentenceCheck] | None = None
    standalone_question: str | None = None
    # The answerer's probability that the answer is supported (None when it has none).
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {}
        if self.id is not None:
            d["id"] = self.id
        d.update(
            {
                "question": self.question,
                "answer": self.text,
                "abstained": self.abstained,
                "citations": [c.to_dict() for c in self.citations],
                "retrieved": [r.to_dict() for r in self.retrieved],
                "timings_ms": {k: round(v, 2) for k, v in self.timings_ms.items()},
                "answerer": self.answerer,
            }
        )
        if self.confidence is not None:
            d["confidence"] = round(self.confidence, 4)
        if self.fallback:
            d["fallback"] = True
        if self.notice:
            d["notice"] = self.notice
        if self.verification is not None:
            d["verification"] = [v.to_dict() for v in self.verification]
        if self.standalone_question and self.standalone_question != self.question:
            d["standalone_question"] = self.standalone_question
        return d


FileStatus = Literal["added", "updated", "unchanged", "removed", "failed"]


@dataclass(frozen=True)
class FileResult:
    source: str
    status: FileStatus
    chunks: int = 0
    reason: str = ""
    doc_id: str = ""
    # Share of the file's extracted characters kept after cleaning (1.0: nothing removed).
    kept_ratio: float | None = None


@dataclass
class IngestReport:
    results: list[FileResult] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)

    def _of(self, status: FileStatus) -> list[FileResult]:
        return [r for r in self.results if r.status == status]

    @property
    def added(self) -> list[FileResult]:
        return self._of("added")

    @property
    def updated(self) -> list[FileResult]:
        return self._of("updated")

    @property
    def unchanged(self) -> list[FileResult]:
        return self._of("unchanged")

    @property
    def removed(self) -> list[FileResult]:
        return self._of("removed")

    @property
    def failed(self) -> list[FileResult]:
        return self._of("failed")

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.removed)} removed, "
            f"{len(self.failed)} failed"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "results": [asdict(r) for r in self.results],
            "summary": self.summary(),
            "timings_ms": self.timings_ms,
        }


@dataclass(frozen=True)
class DocumentInfo:
    """One indexed document, as listed by `rag sources`."""

    source: str
    title: str
    chunks: int
    doc_hash: str
    chars: int
    doc_id: str = ""
    path: str = ""  # the file it was read from (on the host that ingested it)


@dataclass(frozen=True)
class Turn:
    """One earlier exchange of a conversation (the CLI, the page, follow-ups and answerers)."""

    question: str
    answer: str
