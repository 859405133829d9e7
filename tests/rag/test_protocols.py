"""One embedding protocol: the real Embedder and the tests' fake both implement it."""

from __future__ import annotations

from typing import Any

import numpy as np

from index.embedding import Embedder
from rag.protocols import TextEmbedder


def test_the_real_and_the_fake_embedder_are_text_embedders(fake_embedder: Any) -> None:
    assert isinstance(Embedder(), TextEmbedder)  # constructing it loads nothing
    assert isinstance(fake_embedder, TextEmbedder)


def test_fake_vectors_are_deterministic_unit_vectors_that_follow_shared_words(
    fake_embedder: Any,
) -> None:
    a, b, c = fake_embedder.embed(
        ["The ferry left the harbour.", "A ferry in the harbour.", "Tax rates rose in May."]
    )
    assert np.allclose([np.linalg.norm(v) for v in (a, b, c)], 1.0, atol=1e-5)
    assert float(a @ b) > 0.5 > abs(float(a @ c))
    assert np.array_equal(fake_embedder.embed_one("The ferry left the harbour."), a)
