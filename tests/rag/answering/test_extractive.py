"""The extractive answerer on hand-made passages, with a small deterministic embedding."""

from __future__ import annotations

import hashlib

import numpy as np

from rag.answering.extractive import ExtractiveAnswerer, expected_type
from rag.text import content_terms
from rag.types import Chunk, ScoredChunk


def bag_of_words(texts: list[str]) -> np.ndarray:
    """Hashed bag of stems: similar wording gives similar vectors, like a (weak) real model."""
    out = np.zeros((len(texts), 256), dtype=np.float32)
    for i, t in enumerate(texts):
        for term in content_terms(t, drop_question_words=True):
            out[i, int(hashlib.md5(term.encode()).hexdigest(), 16) % 256] += 1.0
        norm = np.linalg.norm(out[i])
        out[i] /= norm if norm else 1.0
    return out


DOC = (
    "Kharkiv fell quiet.\n\n"
    "Serhiy Haidai, Luhansk regional governor, said the situation had deteriorated. "
    "The city is 50 kilometers from the border.\n\n"
    "Troops withdrew on Friday after heavy fighting."
)


def passages(text: str = DOC, start: int = 100) -> list[ScoredChunk]:
    chunk = Chunk(id="c1", source="a.txt", title="T", text=text, start=start, end=start + len(text))
    return [ScoredChunk(chunk, 1.0)]


def answerer() -> ExtractiveAnswerer:
    return ExtractiveAnswerer(bag_of_words)


def test_picks_the_sentence_with_the_asked_for_name() -> None:
    draft = answerer().answer("Who is the Luhansk regional governor?", passages())
    assert not draft.abstained
    assert draft.text.startswith("Serhiy Haidai")
    c = draft.citations[0]
    assert (c.n, c.source, c.chunk_id) == (1, "a.txt", "c1")
    assert DOC[c.start - 100 : c.end - 100] == c.text
    assert draft.text.endswith("[1]") or "[1]" in draft.text


def test_number_question_needs_a_number() -> None:
    draft = answerer().answer("How many kilometers is the city from the border?", passages())
    assert "50 kilometers" in draft.text


def test_unrelated_question_is_refused_without_citations() -> None:
    draft = answerer().answer("What did Taylor Swift gain ownership of?", passages())
    assert draft.abstained and draft.citations == []


def test_typed_near_miss_is_refused() -> None:
    # The text counts kilometers, not casualties: a number alone must not answer this.
    draft = answerer().answer("How many civilians were wounded in Kharkiv?", passages())
    assert draft.abstained


def test_no_passages_is_a_refusal() -> None:
    assert answerer().answer("Who is the governor?", []).abstained


def test_bullets_are_not_part_of_the_quote() -> None:
    text = "• Ukraine is making gains in the southern Kherson region, pushing back Russia."
    draft = answerer().answer("Where is Ukraine making gains?", passages(text, 0))
    assert draft.citations and draft.citations[0].text.startswith("Ukraine is making gains")


def test_expected_types() -> None:
    assert expected_type("How many units were there?") == "number"
    assert expected_type("When did they leave?") == "date"
    assert expected_type("Who is the governor?") == "name"
    assert expected_type("Which city was retaken first?") == "place"
    assert expected_type("What did the ministry say?") is None
