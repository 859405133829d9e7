"""The one embedding protocol: what the answerers, the verifier and retrieval need from a model.

index.embedding.Embedder (MiniLM) implements it, and so does the tests' deterministic fake, so
every layer above can be tested without loading a model. Functions that need only one method
take it as `EmbedFn` / `EmbedOneFn` (a bound `.embed` / `.embed_one`), never a private alias.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, runtime_checkable

import numpy as np

# embedder.embed: texts -> (len(texts), dim) float32 rows, L2-normalised.
EmbedFn = Callable[[list[str]], np.ndarray]
# embedder.embed_one: one text -> a (dim,) vector.
EmbedOneFn = Callable[[str], np.ndarray]


@runtime_checkable
class TextEmbedder(Protocol):
    """Sentence embeddings, L2-normalised float32, plus the word-piece count chunking uses."""

    @property
    def dim(self) -> int: ...

    @property
    def name(self) -> str: ...

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_one(self, text: str) -> np.ndarray: ...

    def count_tokens(self, text: str) -> int: ...

    def warm_up(self) -> None: ...
