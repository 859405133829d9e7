"""The default answerer: no LLM. It quotes the one to three retrieved sentences that best answer
the question, each followed by its [n], and refuses when none supports an answer well enough.

A sentence's score mixes what MiniLM thinks of it (cosine similarity to the question) with
evidence it can count: how much of the question's content it covers, whether it holds the kind
of thing the question asks for (a number for "how many", a name for "who", a date for "when")
that the question itself does not already hold, and how highly its passage was retrieved.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np

from rag.answering.base import Draft
from rag.text import (
    content_terms,
    has_date,
    numbers,
    proper_names,
    sentence_spans,
    word_count,
)
from rag.types import Citation, ScoredChunk

EmbedFn = Callable[[list[str]], np.ndarray]

_BULLET = re.compile(r"^[•\-–—*·]\s*")


@dataclass(frozen=True)
class Weights:
    similarity: float = 0.55
    coverage: float = 0.30
    answer_type: float = 0.10
    passage: float = 0.05
    missing_name_penalty: float = 0.25


@dataclass
class Candidate:
    passage: int  # index into the ranked passages
    start: int  # offset within the chunk text
    end: int
    text: str
    similarity: float = 0.0
    coverage: float = 0.0
    answer_type: float = 0.0
    score: float = 0.0


def expected_type(question: str) -> str | None:
    q = question.lower()
    if re.search(r"\bhow (many|much|far|long|large|big|old)\b|\bwhat (number|percentage|share)\b|\bwhat proportion\b", q):
        return "number"
    if re.search(r"\bwhen\b|\bwhat (date|day|year|month|time)\b|\bwhich (date|day|year|month)\b", q):
        return "date"
    if re.search(r"^\s*(who|whom|whose)\b|\bwho (is|was|were|said|says|told)\b|\bwhich (official|person|general|minister|commander|president|adviser|spokesman)\b", q):
        return "name"
    if re.search(r"^\s*where\b|\bwhich (city|town|village|region|country|river|place)\b", q):
        return "place"
    return None


class ExtractiveAnswerer:
    name = "extractive"

    def __init__(
        self,
        embed: EmbedFn,
        *,
        threshold: float = 0.38,
        max_sentences: int = 3,
        max_words: int = 70,
        weights: Weights | None = None,
    ) -> None:
        self.embed = embed
        self.threshold = threshold
        self.max_sentences = max_sentences
        self.max_words = max_words
        self.weights = weights or Weights()
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()

    # ---- Answerer protocol ----------------------------------------------------------------
    def answer(self, question: str, passages: list[ScoredChunk]) -> Draft:
        ranked = self.rank(question, passages)
        if not ranked or ranked[0].score < self.threshold:
            return Draft.refusal()
        chosen = self._choose(ranked)
        return self._draft(chosen, passages)

    def stream(self, question: str, passages: list[ScoredChunk]) -> Iterator[str | Draft]:
        draft = self.answer(question, passages)
        yield draft.text
        yield draft

    # ---- scoring ---------------------------------------------------------------------------
    def rank(self, question: str, passages: list[ScoredChunk]) -> list[Candidate]:
        cands = self._candidates(passages)
        if not cands:
            return []
        vecs = self._embed_cached([question] + [c.text for c in cands])
        sims = vecs[1:] @ vecs[0]
        q_terms = set(content_terms(question, drop_question_words=True))
        q_names = proper_names(question)
        q_numbers = numbers(question)
        want = expected_type(question)
        w = self.weights
        missing = _names_missing(q_names, passages)
        for c, sim in zip(cands, sims, strict=True):
            c.similarity = float(sim)
            c.coverage = _coverage(q_terms, c.text)
            c.answer_type = _type_match(want, c.text, q_names, q_numbers)
            prior = 1.0 / (1 + c.passage)
            c.score = (
                w.similarity * c.similarity
                + w.coverage * c.coverage
                + w.answer_type * c.answer_type
                + w.passage * prior
                - w.missing_name_penalty * missing
            )
        return sorted(cands, key=lambda c: -c.score)

    def _candidates(self, passages: list[ScoredChunk]) -> list[Candidate]:
        seen: set[tuple[str, int]] = set()
        out: list[Candidate] = []
        for p_i, p in enumerate(passages):
            text = p.chunk.text
            for s, e in sentence_spans(text):
                m = _BULLET.match(text[s:e])
                if m:
                    s += m.end()
                sentence = text[s:e]
                if word_count(sentence) < 4:
                    continue
                key = (p.chunk.doc_key or p.chunk.source, p.chunk.start + s)
                if key in seen:
                    continue
                seen.add(key)
                out.append(Candidate(passage=p_i, start=s, end=e, text=sentence))
        return out

    def _embed_cached(self, texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing:
            for t, v in zip(missing, self.embed(missing), strict=True):
                self._cache[t] = v
        for t in texts:
            self._cache.move_to_end(t)
        while len(self._cache) > 20000:
            self._cache.popitem(last=False)
        return np.vstack([self._cache[t] for t in texts])

    # ---- choosing and citing ----------------------------------------------------------------
    def _choose(self, ranked: list[Candidate]) -> list[Candidate]:
        best = ranked[0]
        chosen = [best]
        words = word_count(best.text)
        for c in ranked[1 : self.max_sentences * 3]:
            if len(chosen) >= self.max_sentences:
                break
            close = c.score >= best.score - 0.04 and c.score >= self.threshold + 0.08
            if close and words + word_count(c.text) <= self.max_words:
                chosen.append(c)
                words += word_count(c.text)
        return chosen

    def _draft(self, chosen: list[Candidate], passages: list[ScoredChunk]) -> Draft:
        citations: list[Citation] = []
        parts: list[str] = []
        for n, c in enumerate(chosen, start=1):
            chunk = passages[c.passage].chunk
            citations.append(
                Citation(
                    n=n,
                    source=chunk.source,
                    chunk_id=chunk.id,
                    text=c.text,
                    start=chunk.start + c.start,
                    end=chunk.start + c.end,
                    score=round(c.score, 4),
                )
            )
            parts.append(f"{c.text} [{n}]")
        return Draft(text=" ".join(parts), abstained=False, citations=citations)


def _coverage(q_terms: set[str], sentence: str) -> float:
    if not q_terms:
        return 0.0
    s_terms = set(content_terms(sentence))
    return len(q_terms & s_terms) / len(q_terms)


def _type_match(want: str | None, sentence: str, q_names: set[str], q_numbers: set[str]) -> float:
    if want is None:
        return 0.5
    if want == "number":
        return 1.0 if numbers(sentence) - q_numbers else 0.0
    if want == "date":
        return 1.0 if has_date(sentence) else 0.0
    # A name or a place the question does not already contain.
    return 1.0 if proper_names(sentence) - q_names else 0.0


def _names_missing(q_names: set[str], passages: list[ScoredChunk]) -> float:
    """Share of the question's proper names that no retrieved passage mentions at all."""
    if not q_names:
        return 0.0
    text = " ".join(p.chunk.text for p in passages).lower()
    absent = [n for n in q_names if n not in text]
    return len(absent) / len(q_names)
