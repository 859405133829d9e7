"""The lexical side: a bm25s index over the committed chunks, cached on disk per store generation.

The cache is a disposable copy of what Chroma holds: it is rebuilt from the collection whenever
the store's generation differs from the one it was built for (another process ingested, or an
ingest was killed after committing). Writes go to a temporary folder renamed into place.
"""

from __future__ import annotations

import json
import logging
import math
import pickle
import shutil
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import bm25s
import numpy as np

from index.chunking import retrieval_text
from rag.text import QUESTION_FILLER, STOPWORDS, stem
from rag.types import Chunk

# bm25s logs every index build at DEBUG through its own handler.
logging.getLogger("bm25s").setLevel(logging.WARNING)

# Part of the cache key: bump when tokenisation changes, so old caches are rebuilt, not reused.
CACHE_FORMAT = "3"  # 3: chunks are indexed by retrieval_text (title, heading path)
_STOPWORDS = sorted(STOPWORDS)
_QUERY_STOPWORDS = sorted(STOPWORDS | QUESTION_FILLER)


def _stem_all(words: list[str]) -> list[str]:
    return [stem(w) for w in words]


def _tokens(texts: list[str], stopwords: list[str]) -> list[list[str]]:
    # The answerer's stemmer (irregular verbs included), so both sides count the same terms.
    out = bm25s.tokenize(
        texts, stopwords=stopwords, stemmer=_stem_all, return_ids=False, show_progress=False
    )
    return [list(t) for t in out]


@dataclass
class LexicalIndex:
    chunks: list[Chunk]
    generation: str
    retriever: bm25s.BM25 | None

    @classmethod
    def build(cls, chunks: list[Chunk], generation: str) -> LexicalIndex:
        chunks = sorted(chunks, key=lambda c: (c.source, c.position, c.id))
        if not chunks:
            return cls(chunks=[], generation=generation, retriever=None)
        retriever = bm25s.BM25()
        retriever.index(_tokens([retrieval_text(c) for c in chunks], _STOPWORDS), show_progress=False)
        return cls(chunks=chunks, generation=generation, retriever=retriever)

    @cached_property
    def _document_frequency(self) -> tuple[dict[str, int], np.ndarray]:
        """The BM25 matrix already counts, per term column, the chunks that hold the term."""
        if self.retriever is None:
            return {}, np.zeros(0, dtype=np.int64)
        return self.retriever.vocab_dict, np.diff(np.asarray(self.retriever.scores["indptr"]))

    def idf_of(self, term: str) -> float:
        """BM25's IDF of a stemmed term; a hyphenated one takes its parts' mean; one never seen
        counts as the rarest possible."""
        vocab, df = self._document_frequency
        n = len(self.chunks)
        i = vocab.get(term)
        if i is not None and i < len(df):
            return math.log(1 + (n - df[i] + 0.5) / (df[i] + 0.5))
        parts = [p for p in term.replace("'", "-").split("-") if p and p != term]
        if parts:
            return sum(self.idf_of(stem(p)) for p in parts) / len(parts)
        return math.log(1 + (n + 0.5) / 0.5)

    def search(self, query: str, k: int) -> list[tuple[Chunk, float]]:
        if self.retriever is None or k <= 0:
            return []
        q = _tokens([query], _QUERY_STOPWORDS)
        if not q[0]:
            return []
        k = min(k, len(self.chunks))
        docs, scores = self.retriever.retrieve(q, k=k, show_progress=False, n_threads=1)
        return [
            (self.chunks[int(i)], float(s))
            for i, s in zip(docs[0], scores[0], strict=True)
            if s > 0
        ]

    # ---- the on-disk cache -----------------------------------------------------------------
    def save(self, folder: Path) -> None:
        tmp = folder.with_name(folder.name + ".tmp")
        if tmp.exists():
            shutil.rmtree(tmp)
        tmp.mkdir(parents=True)
        if self.retriever is not None:
            self.retriever.save(str(tmp / "bm25s"))
        with open(tmp / "chunks.pkl", "wb") as fh:
            pickle.dump(self.chunks, fh, protocol=pickle.HIGHEST_PROTOCOL)
        # The marker is written last: a folder without it is incomplete and ignored.
        (tmp / "generation.json").write_text(
            json.dumps({"generation": self.generation, "format": CACHE_FORMAT})
        )
        old = folder.with_name(folder.name + ".old")
        if folder.exists():
            if old.exists():
                shutil.rmtree(old)
            folder.rename(old)
        tmp.rename(folder)
        if old.exists():
            shutil.rmtree(old, ignore_errors=True)

    @classmethod
    def load(cls, folder: Path, generation: str) -> LexicalIndex | None:
        """The cached index if it was built for this generation, else None."""
        try:
            meta = json.loads((folder / "generation.json").read_text())
            if meta.get("generation") != generation or meta.get("format") != CACHE_FORMAT:
                return None
            with open(folder / "chunks.pkl", "rb") as fh:
                chunks = pickle.load(fh)
            retriever = bm25s.BM25.load(str(folder / "bm25s")) if chunks else None
        except (OSError, ValueError, pickle.UnpicklingError, EOFError):
            return None
        return cls(chunks=chunks, generation=generation, retriever=retriever)


def normalise(scores: list[float]) -> np.ndarray:
    """Scale to [0, 1] by the best score, so BM25 and cosine scores can be mixed."""
    arr = np.asarray(scores, dtype=np.float64)
    top = float(arr.max()) if arr.size else 0.0
    return arr / top if top > 0 else arr
