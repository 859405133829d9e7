"""Hybrid fusion through HybridRetriever.retrieve, both modes, on a scripted dense side.

The dense side is a stub store returning fixed (id, cosine) hits; the lexical side is the real
BM25 index over the same chunks, whose texts are chosen so that exactly the named chunks match.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest

from rag.retrieval import HybridRetriever
from rag.types import Chunk


def chunk(cid: str, text: str, source: str | None = None) -> Chunk:
    return Chunk(id=cid, source=source or f"{cid}.txt", title="", text=text, start=0,
                 end=len(text))


CHUNKS = [
    chunk("a", "Harbour cranes were repaired during the winter months."),
    chunk("b", "The lighthouse keeper counted seventeen ships in the storm."),
    chunk("c", "Fishing quotas were discussed by the regional council."),
]


class ScriptedStore:
    """The store interface the retriever reads: generation, committed chunks, a dense query."""

    def __init__(
        self, chunks: list[Chunk], dense: list[tuple[str, float]], units: list[tuple[str, float]] = ()  # type: ignore[assignment]
    ) -> None:
        self._chunks = chunks
        self.dense = dense
        self.units = list(units)

    def snapshot(self) -> tuple[dict[str, object], str]:
        return {}, "g1"  # (committed document records, their fingerprint)

    def count(self) -> int:
        return 0  # no uncommitted chunks beside the committed ones

    def committed_chunks(self, docs: object = None) -> Iterator[Chunk]:
        return iter(self._chunks)

    def query(self, vector: np.ndarray, k: int) -> list[tuple[str, float]]:
        return self.dense[:k]

    def unit_count(self) -> int:
        return len(self.units)

    def query_units(self, vector: np.ndarray, k: int) -> list[tuple[str, float]]:
        assert self.units, "an empty units collection is not queried"
        return self.units[:k]


def retriever(
    dense: list[tuple[str, float]], fusion: str, units: list[tuple[str, float]] = (), **kw: float  # type: ignore[assignment]
) -> HybridRetriever:
    store = ScriptedStore(CHUNKS, dense, units)
    return HybridRetriever(store, lambda q: np.zeros(4), None, fusion=fusion,  # type: ignore[arg-type]
                           **kw)  # type: ignore[arg-type]


# ---- reciprocal rank fusion -----------------------------------------------------------------
def test_rrf_adds_reciprocal_ranks_from_both_sides() -> None:
    # Dense ranks a then b; only b holds "lighthouse", so BM25 ranks b first.
    r = retriever([("a", 0.9), ("b", 0.8)], "rrf", rrf_k=60)

    got = r.retrieve("lighthouse", 3)

    assert [s.chunk.id for s in got] == ["b", "a"]
    assert got[0].score == pytest.approx(1 / 62 + 1 / 61)
    assert got[1].score == pytest.approx(1 / 61)
    assert got[0].dense_score == 0.8 and got[0].bm25_score is not None and got[0].bm25_score > 0
    assert got[1].bm25_score is None  # a was found by the dense side only


def test_rrf_ties_are_broken_by_source_then_position() -> None:
    # a first on the dense side, c first on the lexical side: both score 1/61.
    r = retriever([("a", 0.9)], "rrf", rrf_k=60)

    got = r.retrieve("quotas", 3)

    assert [s.chunk.id for s in got] == ["a", "c"]
    assert got[0].score == got[1].score == pytest.approx(1 / 61)


def test_rrf_with_one_side_empty_keeps_the_other_sides_order() -> None:
    r = retriever([], "rrf", rrf_k=10)

    got = r.retrieve("storm ships", 3)

    assert [s.chunk.id for s in got] == ["b"]
    assert got[0].score == pytest.approx(1 / 11) and got[0].dense_score is None


# ---- weighted (normalised) fusion -------------------------------------------------------------
def test_weighted_normalises_each_side_by_its_best_score() -> None:
    # No chunk holds "zebra": the lexical side is empty, so only the dense weight counts.
    r = retriever([("a", 0.8), ("b", 0.4), ("c", 0.2)], "weighted", dense_weight=0.7)

    got = r.retrieve("zebra", 3)

    assert [s.chunk.id for s in got] == ["a", "b", "c"]
    assert [s.score for s in got] == pytest.approx([0.7, 0.35, 0.175])


def test_weighted_agreement_of_both_sides_scores_one() -> None:
    r = retriever([("b", 0.6), ("a", 0.3)], "weighted", dense_weight=0.7)

    got = r.retrieve("lighthouse", 3)

    assert got[0].chunk.id == "b" and got[0].score == pytest.approx(1.0)
    assert got[1].chunk.id == "a" and got[1].score == pytest.approx(0.35)


def test_weighted_lexical_only_hit_can_outrank_a_weak_dense_hit() -> None:
    r = retriever([("a", 0.5)], "weighted", dense_weight=0.2)

    got = r.retrieve("council quotas", 3)

    assert [s.chunk.id for s in got] == ["c", "a"]
    assert got[0].score == pytest.approx(0.8) and got[1].score == pytest.approx(0.2)


@pytest.mark.parametrize("fusion", ["rrf", "weighted"])
def test_nothing_found_on_either_side_is_empty(fusion: str) -> None:
    assert retriever([], fusion).retrieve("zebra", 3) == []


def test_dense_hits_of_uncommitted_chunks_are_skipped() -> None:
    # "x" is in the collection but no committed document names it (a killed ingest).
    r = retriever([("x", 0.99), ("a", 0.5)], "weighted", dense_weight=1.0)

    assert [s.chunk.id for s in r.retrieve("zebra", 3)] == ["a"]


# ---- dense units (index.units) ----------------------------------------------------------------
def test_a_chunk_scores_as_its_best_unit_when_that_is_closer() -> None:
    # c's own embedding is far (0.1), one of its blocks is close (0.9): c comes first.
    r = retriever([("a", 0.6), ("b", 0.5), ("c", 0.1)], "weighted", units=[("c", 0.9), ("a", 0.2)],
                  dense_weight=1.0)

    got = r.retrieve("zebra", 3)

    assert [s.chunk.id for s in got] == ["c", "a", "b"]
    assert [s.dense_score for s in got] == pytest.approx([0.9, 0.6, 0.5])


def test_a_unit_of_an_uncommitted_chunk_is_not_retrieved() -> None:
    r = retriever([("a", 0.6)], "weighted", units=[("gone", 0.95)], dense_weight=1.0)

    assert [s.chunk.id for s in r.retrieve("zebra", 3)] == ["a"]
