"""The one interface every answerer implements, so LLM answerers slot in beside the extractive one."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol

from rag.types import Citation, ScoredChunk, SentenceCheck

NOT_FOUND = "The documents do not contain an answer to this question."


@dataclass(frozen=True)
class Turn:
    """One earlier exchange of a conversation."""

    question: str
    answer: str


@dataclass
class Draft:
    """What an answerer produces; the Assistant adds question, retrieval and timings."""

    text: str
    abstained: bool
    citations: list[Citation] = field(default_factory=list)
    fallback: bool = False
    notice: str | None = None
    verification: list[SentenceCheck] | None = None
    # The answer model's probability that the best candidate answers (extractive answers).
    confidence: float | None = None

    @classmethod
    def refusal(cls, notice: str | None = None) -> Draft:
        return cls(text=NOT_FOUND, abstained=True, citations=[], notice=notice)


class Answerer(Protocol):
    name: str

    def answer(self, question: str, passages: list[ScoredChunk]) -> Draft:
        """Answer from the ranked passages only; cite with [n] markers."""
        ...

    def stream(self, question: str, passages: list[ScoredChunk]) -> Iterator[str | Draft]:
        """Yield text pieces as they arrive, then exactly one final (verified) Draft."""
        ...
