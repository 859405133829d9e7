"""A candidate answer: one span of a retrieved passage (rag.answering.candidates.Span), placed
in its document, with what the answerer's scorers made of it; and when two candidates share text.
"""

from __future__ import annotations

from dataclasses import dataclass

from rag.types import Chunk


@dataclass
class Candidate:
    passage: int  # index into the ranked passages
    start: int  # offsets within the chunk text
    end: int
    text: str  # verbatim
    model_text: str  # what the model reads
    kind: str
    key: str = ""  # a row's first cell, a field's name (candidates.Span.key)
    coverage: float = 0.0
    probability: float = 0.0  # the cross-encoder's
    score: float = 0.0  # the combined scorer's: ranks, refuses and is the confidence
    block: tuple[int, int] | None = None  # candidates.Span.block
    # Where the chunk stands in its document: overlapping chunks hold the same text, and a
    # quote must not repeat what another one, cut from the neighbouring chunk, already says.
    doc: str = ""
    offset: int = 0
    # The title of an item's or a row's section: "PostgreSQL 15" under "## Requirements" is a
    # requirement, and counts the question's "requirements" as its own word (rank, features).
    title: str = ""

    @property
    def in_document(self) -> tuple[int, int]:
        """Where the candidate stands in its document: (start, end) past the chunk's offset."""
        return self.offset + self.start, self.offset + self.end


def document_of(chunk: Chunk) -> str:
    """The document a chunk is cut from, as Candidate.doc names it."""
    return chunk.doc_id or chunk.doc_key or chunk.source


def same_text(a: Candidate, b: Candidate) -> bool:
    """Both are cut from one chunk, or from two chunks of one document (offsets then compare)."""
    return a.passage == b.passage or (bool(a.doc) and a.doc == b.doc)


def contains(a: Candidate, b: Candidate) -> bool:
    (a0, a1), (b0, b1) = a.in_document, b.in_document
    return same_text(a, b) and a0 <= b0 and b1 <= a1 and a1 - a0 > b1 - b0


def overlaps(a: Candidate, b: Candidate) -> bool:
    """Candidates may share text (a sentence, and that sentence with the one it leans on, or one
    sentence in two overlapping chunks): quote it once."""
    (a0, a1), (b0, b1) = a.in_document, b.in_document
    return same_text(a, b) and a0 < b1 and b0 < a1
