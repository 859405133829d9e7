"""The lexical side: a bm25s index over the committed chunks, cached on disk per committed state.

The cache is a disposable copy of what Chroma holds, keyed by the fingerprint of the committed
document records (index.store.fingerprint): whenever the records differ from the ones it was
built for (another process ingested, or an ingest was killed after committing), it is rebuilt.
"""

from __future__ import annotations

import bisect
import contextlib
import json
import logging
import math
import os
import pickle
import re
import shutil
import time
import uuid
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import bm25s
import numpy as np

from index.chunking import retrieval_text
from rag.text import QUESTION_FILLER, SHORT_OPTION, STOPWORDS, mention_pattern, stem
from rag.types import Chunk

# bm25s logs every index build at DEBUG through its own handler.
logging.getLogger("bm25s").setLevel(logging.WARNING)
log = logging.getLogger(__name__)

# Part of the cache key: bump when tokenisation changes, so old caches are rebuilt, not reused.
# 7: one-letter options are terms; 8: British spellings read as American; 9: a name from code
# counts its words too (_with_name_parts).
CACHE_FORMAT = "9"
# bm25s's default pattern (words of two or more characters) with dotted numbers as one term:
# "1.2.0" and "3.7" had been dropped whole, one-digit parts and all, so a NEWS file's forty
# version sections looked alike to BM25. A word never takes the start of a version ("v1.2").
# A one-letter option ("-g") is a term too, as in rag.text.content_terms.
_TOKEN = rf"(?u)\d+(?:\.\d+)+|{SHORT_OPTION.pattern}|\b\w\w+\b(?!\.\d)"
_STOPWORDS = sorted(STOPWORDS)
# A Markdown backslash escape: the reader sees the character without the backslash.
_MARKDOWN_ESCAPE = re.compile(r"\\([_*`#\\\-\[\]().!<>])")
_QUERY_STOPWORDS = sorted(STOPWORDS | QUESTION_FILLER)


def _stem_all(words: list[str]) -> list[str]:
    return [stem(w) for w in words]


# A name from code made of words: camelCase humps ("zIndex", "maxPayload") or snake_case parts
# ("col2_min_width"). Its words count as terms beside the whole name, so "the z-index" or "the
# minimum width" meets the option that names it in code.
_COMPOUND_NAME = re.compile(r"\b[A-Za-z][a-z0-9]*(?:[A-Z][a-z0-9]+)+\b|\b[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+\b")
_NAME_PART = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")


def _with_name_parts(text: str) -> str:
    return _COMPOUND_NAME.sub(lambda m: f"{m.group()} {' '.join(_NAME_PART.findall(m.group()))}", text)


def _tokens(texts: list[str], stopwords: list[str]) -> list[list[str]]:
    # The answerer's stemmer (irregular verbs included), so both sides count the same terms.
    out = bm25s.tokenize(
        [_with_name_parts(t) for t in texts],
        token_pattern=_TOKEN,
        stopwords=stopwords,
        stemmer=_stem_all,
        return_ids=False,
        show_progress=False,
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

    @cached_property
    def _folded(self) -> tuple[str, list[int]]:
        """Every chunk's retrieval text, lower-cased and read as Markdown shows it (a README's
        "EXIV2\\_ENABLE\\_PNG" is EXIV2_ENABLE_PNG), in one string (one scan finds a name in
        all of them), with each chunk's start offset."""
        starts, parts, pos = [], [], 0
        for c in self.chunks:
            text = _MARKDOWN_ESCAPE.sub(r"\1", retrieval_text(c).lower())
            starts.append(pos)
            parts.append(text)
            pos += len(text) + 1
        return "\0".join(parts), starts

    @cached_property
    def _mentions(self) -> dict[str, list[int]]:
        return {}

    def mentioning(self, identifier: str) -> list[Chunk]:
        """The chunks that mention an identifier (rag.text.mention_pattern), in index order.
        One scan of all the text per name; retrieval and the refusal check ask the same one."""
        found = self._mentions.get(identifier)
        if found is None:
            folded, starts = self._folded
            found = []
            for m in mention_pattern(identifier).finditer(folded):
                i = bisect.bisect_right(starts, m.start()) - 1
                if not found or found[-1] != i:
                    found.append(i)
            if len(self._mentions) > 1000:
                self._mentions.clear()
            self._mentions[identifier] = found
        return [self.chunks[i] for i in found]

    def holds(self, pattern: re.Pattern[str]) -> bool:
        """Whether some chunk's lower-cased text matches the pattern."""
        return pattern.search(self._folded[0]) is not None

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
    # One folder per committed state, named by its fingerprint: writers build in a private
    # temporary folder and rename it into place, so a reader sees a complete folder or none, and
    # two processes rebuilding at once cannot trip over each other's files.
    def save(self, cache_dir: Path) -> None:
        """Best effort: the cache is disposable, so a failure to write it is not an error."""
        target = cache_dir / _folder_name(self.generation)
        if (target / _MARKER).is_file():
            return
        tmp = cache_dir / f".tmp-{os.getpid()}-{uuid.uuid4().hex}"
        try:
            tmp.mkdir(parents=True)
            if self.retriever is not None:
                self.retriever.save(str(tmp / "bm25s"))
            with open(tmp / "chunks.pkl", "wb") as fh:
                pickle.dump(self.chunks, fh, protocol=pickle.HIGHEST_PROTOCOL)
            (tmp / _MARKER).write_text(
                json.dumps({"generation": self.generation, "format": CACHE_FORMAT})
            )
            # Another process may have put the same index there first: theirs is as good.
            with contextlib.suppress(OSError):
                tmp.rename(target)
        except OSError:
            log.debug("could not write the lexical cache in %s", cache_dir, exc_info=True)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        _drop_old(cache_dir, keep=target.name)

    @classmethod
    def load(cls, cache_dir: Path, generation: str) -> LexicalIndex | None:
        """The cached index of this committed state, else None (also when another process is
        deleting it right now: the caller then builds one in memory)."""
        folder = cache_dir / _folder_name(generation)
        try:
            meta = json.loads((folder / _MARKER).read_text())
            if meta.get("generation") != generation or meta.get("format") != CACHE_FORMAT:
                return None
            with open(folder / "chunks.pkl", "rb") as fh:
                chunks = pickle.load(fh)
            retriever = bm25s.BM25.load(str(folder / "bm25s")) if chunks else None
        except Exception:  # a cache is never worth a crash: missing, partial, or from elsewhere
            return None
        return cls(chunks=chunks, generation=generation, retriever=retriever)


_MARKER = "generation.json"
# A folder of an older state is deleted only once it is this old, so that a reader that has
# just decided to load it will most likely finish first (and falls back to a rebuild if not).
_STALE_AFTER_S = 60.0


def _folder_name(generation: str) -> str:
    return f"v{CACHE_FORMAT}-{generation}"


def _drop_old(cache_dir: Path, keep: str) -> None:
    now = time.time()
    try:
        entries = list(cache_dir.iterdir())
    except OSError:
        return
    for entry in entries:
        if entry.name == keep:
            continue
        try:
            if now - entry.stat().st_mtime > _STALE_AFTER_S:
                shutil.rmtree(entry, ignore_errors=True)
        except OSError:
            continue


def normalise(scores: list[float]) -> np.ndarray:
    """Scale to [0, 1] by the best score, so BM25 and cosine scores can be mixed."""
    arr = np.asarray(scores, dtype=np.float64)
    top = float(arr.max()) if arr.size else 0.0
    return arr / top if top > 0 else arr
