"""The Embedder reports what embedding cost through Timing events (how ingest and bench see it)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from index.embedding import Embedder
from rag.progress import StepTotals, Timing


class StubEngine:
    kind = "stub"

    def encode_many(
        self, texts: list[str], batch_size: int, progress: Callable[[int], None] | None
    ) -> np.ndarray:
        return np.zeros((len(texts), 384), dtype=np.float32)


def test_each_embed_call_emits_one_timing_event_while_watched() -> None:
    emb = Embedder()  # builds nothing until the first embed
    emb._engine = StubEngine()  # type: ignore[assignment]  (no model in the fast tier)
    events: list[Timing] = []
    totals = StepTotals()
    stop_events, stop_totals = emb.timings.watch(events.append), emb.timings.watch(totals)

    emb.embed(["a", "b", "c"])
    emb.embed_one("d")
    stop_events()
    stop_totals()
    emb.embed(["e"])  # no longer watched

    assert [(e.step, e.items) for e in events] == [("embed", 3), ("embed", 1)]
    assert all(e.seconds >= 0 for e in events)
    assert (totals.calls, totals.items) == (2, 4)


def test_embedding_nothing_emits_nothing() -> None:
    emb = Embedder()
    events: list[Timing] = []
    emb.timings.watch(events.append)

    assert emb.embed([]).shape == (0, emb.dim)
    assert events == []
