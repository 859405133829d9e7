"""Test doubles for the fast tier: a deterministic embedder and an in-memory Chroma.

FakeEmbedder has the Embedder's interface (rag.protocols.TextEmbedder, plus the tokenizer and
the Timing events the pipeline and bench use). Its vectors are sums of per-word pseudo-random
unit vectors (seeded by a hash of the stemmed word), normalised: texts that share words are
close, texts that share none are nearly orthogonal. So retrieval and answering behave
plausibly, and every run gives the same numbers, without loading MiniLM.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Sequence
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import numpy as np

from rag.answering.extractive import ExtractiveAnswerer
from rag.progress import Observers
from rag.text import content_terms
from rag.types import Chunk, ScoredChunk

DIM = 384


@cache
def _word_vector(term: str) -> np.ndarray:
    seed = int.from_bytes(hashlib.sha256(term.encode()).digest()[:8], "little")
    v = np.random.default_rng(seed).standard_normal(DIM).astype(np.float32)
    return v / np.linalg.norm(v)


def fake_vector(text: str) -> np.ndarray:
    terms = content_terms(text) or [text.strip().lower() or "<empty>"]
    v = np.sum([_word_vector(t) for t in terms], axis=0).astype(np.float32)
    return v / max(float(np.linalg.norm(v)), 1e-9)


class FakeEmbedder:
    """Same interface as index.embedding.Embedder; vectors are hashed bags of words."""

    max_tokens = 256
    engine = "fake"
    backend = "fake"
    batch_size = 64
    threads = 1

    def __init__(self) -> None:
        from index.embedding import default_model_path

        # The real MiniLM *tokenizer* (tokenizers, no model weights: milliseconds), so chunk
        # sizes in word pieces are the real ones.
        self.model_path = default_model_path()
        self.timings = Observers()
        self.calls = 0

    @property
    def name(self) -> str:
        return "fake-minilm"

    @property
    def dim(self) -> int:
        return DIM

    @cached_property
    def tokenizer(self) -> Any:
        from index.embedding import word_piece_tokenizer

        return word_piece_tokenizer(self.model_path)

    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer.encode(text, add_special_tokens=False).ids)

    def embed(
        self, texts: Sequence[str], progress: Callable[[int], None] | None = None
    ) -> np.ndarray:
        self.calls += 1
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for i, t in enumerate(texts):
            out[i] = fake_vector(t)
        if progress and len(texts):
            progress(len(texts))
        self.timings.emit("embed", 0.0, len(texts))
        return out

    def embed_one(self, text: str) -> np.ndarray:
        return self.embed([text])[0]

    def warm_up(self) -> None:
        pass


def ephemeral_client() -> Any:
    """An in-memory Chroma client; give each test its own collection name (see unique_name)."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    return chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))


def unique_name(prefix: str = "t") -> str:
    # In-memory clients of one process share their collections: one name per test.
    return f"{prefix}{uuid.uuid4().hex[:12]}"


def fake_assistant(store: Path, **settings: Any) -> Any:
    """An Assistant over an in-memory Chroma with the fake embedder; everything else is real."""
    from rag.assistant import Assistant
    from rag.settings import load_settings

    return Assistant(
        load_settings(store=store, collection=unique_name(), **settings),
        embedder=FakeEmbedder(),
        chroma_client=ephemeral_client(),
    )


class OverlapScorer:
    """A stand-in for the cross-encoder: probability = share of the question's content terms in
    the candidate. A weak but honest reader, so tests exercise the answerer's logic, not a
    model's knowledge."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def probabilities(self, question: str, candidates: Sequence[str]) -> np.ndarray:
        self.calls.append(list(candidates))
        q = set(content_terms(question, drop_question_words=True))
        return np.array(
            [len(q & set(content_terms(c))) / (len(q) or 1) for c in candidates], dtype=np.float32
        )


def passages_of(text: str, start: int = 100, n: int = 1) -> list[ScoredChunk]:
    """text as the one retrieved passage of document f"{n}.txt", standing at `start` in it."""
    chunk = Chunk(id=f"c{n}", source=f"{n}.txt", title="T", text=text, start=start, end=start + len(text))
    return [ScoredChunk(chunk, 1.0)]


def overlap_answerer(**kw: Any) -> ExtractiveAnswerer:
    """The extractive answerer reading with OverlapScorer (threshold 0.5 unless given)."""
    kw.setdefault("threshold", 0.5)
    return ExtractiveAnswerer(OverlapScorer(), **kw)
