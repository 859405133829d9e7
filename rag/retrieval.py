"""Hybrid retrieval: dense (Chroma) and BM25 (bm25s), fused by reciprocal rank or weighted sum."""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path

from index.bm25 import LexicalIndex, normalise
from index.store import ChunkStore
from rag.protocols import EmbedOneFn as EmbedQuery
from rag.settings import RetrievalSettings
from rag.text import (
    asking_sentence,
    camel_names,
    document_name_terms,
    exact_names,
    file_name_keys,
    mention_pattern,
    name_key,
    project_names,
)
from rag.types import Chunk, ScoredChunk

# A short option with a number attached ("-i1", as exact_names lower-cases "-I1"): the option.
_OPTION_WITH_NUMBER = re.compile(r"(-[a-z])\d+")
# A figure: a number or a version, with its unit at most ("4.7", "1.1.1", "v2.3", "4.75mb"), or
# a hexadecimal number ("0x1f").
_FIGURE = re.compile(r"0x[0-9a-f]+|v?\d+(?:[.,]\d+)*[a-z%]{0,3}")
# A file's name: a stem, then an extension that starts with a letter ("i2pd.conf", not "8.4.0").
_FILE_NAME = re.compile(r"(.+)\.[A-Za-z][A-Za-z0-9]{0,4}")
_DIGITS = re.compile(r"\d+")
# The name of a way to write names ("snake_case", "camelCase", "kebab-case"): an asker's word for
# a style ("How do I keep my snake_case fields?"), which documents may write in plain words.
_NAMING_STYLE = re.compile(r"[a-z]+[_-]?case")
# The names of an address's form, which documents show by example ("tcp80: 185.49.140.67") more
# often than they name it: "What IPv4 address does the sample configuration list?" asks after one.
_ADDRESS_FORMS = {
    "ipv4": re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.])"),
    # Eight groups, or fewer around "::"; a digit in it, so "a::b" of C++ is none.
    "ipv6": re.compile(
        r"(?<![\w:])(?=[0-9a-f:]*\d)(?=[0-9a-f:]*::|(?:[0-9a-f]{1,4}:){7})[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?![\w:])"
    ),
}
# A name with a number, in the plural ("my MP3s"): the documents name it in the singular. Not a
# decade ("the 1960s" is no plural of the year 1960).
_NUMBERED_PLURAL = re.compile(r"([a-z][\w.-]*\d)s")
# The most documents a name a question gives may be about and still name a document: on docs_dev
# (the thirtieth round's starting code's answers), answers cited only from documents that never mention the
# project the question names were 44 unanswerable questions and 15 answerable ones (4 right) at
# 3 documents; 30 and 14 (3) at 1, 38 and 15 (4) at 2, 46 and 15 (4) at 5.
NAMED_MAX_DOCUMENTS = 3


def _in_a_series(name: str, names: tuple[str, ...]) -> bool:
    """One of file names that differ only in their numbers ("archive.1.dar, archive.10.dar,
    archive.2.dar"): a question listing them shows a pattern by example, the user's own files,
    which no document need name. Other names stay names: "MI55 and MI66" are no examples."""
    if "." not in name and "/" not in name:
        return False
    shape = _DIGITS.sub("#", name)
    return any(other != name and _DIGITS.sub("#", other) == shape for other in names)


class HybridRetriever:
    # How often a long-lived process looks for another process's ingest (server mode, UI).
    refresh_interval_s = 2.0

    def __init__(
        self,
        store: ChunkStore,
        embed_query: EmbedQuery,
        cache_dir: Path | None,
        *,
        candidates: int = 30,
        fusion: str = "rrf",
        rrf_k: int = 60,
        dense_weight: float = 0.5,
    ) -> None:
        self.store = store
        self.embed_query = embed_query
        self.cache_dir = cache_dir
        self.candidates = candidates
        self.fusion = fusion
        self.rrf_k = rrf_k
        self.dense_weight = dense_weight
        self._lexical: LexicalIndex | None = None
        self._by_id: dict[str, Chunk] = {}
        self._names: frozenset[str] = frozenset()  # document_name_terms of every source
        self._file_names: frozenset[str] = frozenset()  # rag.text.file_name_keys of every source
        # rag.text.project_names of every source -> the sources named after it, and its pattern.
        self._projects: dict[str, tuple[frozenset[str], re.Pattern[str]]] = {}
        self._checked_at = 0.0
        self._uncommitted = 0  # chunks in the collection that no committed document owns
        self._has_units = True  # the units collection holds anything (ingest.dense_units)
        self._lock = threading.Lock()

    @classmethod
    def from_settings(
        cls,
        store: ChunkStore,
        embed_query: EmbedQuery,
        cache_dir: Path | None,
        settings: RetrievalSettings,
    ) -> HybridRetriever:
        return cls(
            store,
            embed_query,
            cache_dir,
            candidates=settings.candidates,
            fusion=settings.fusion,
            rrf_k=settings.rrf_k,
            dense_weight=settings.dense_weight,
        )

    # ---- keeping the lexical side consistent with the collection -----------------------------
    def refresh(self, force: bool = False) -> None:
        """Make the lexical side (and the set of chunks dense hits may come from) match the
        committed documents. The cache is keyed by their fingerprint, so whatever the document
        table says, after any kill, is what gets searched."""
        now = time.monotonic()
        if not force and self._lexical is not None and now - self._checked_at < self.refresh_interval_s:
            return
        with self._lock:
            self._checked_at = now
            docs, fp = self.store.snapshot()
            self._uncommitted = max(0, self.store.count() - sum(d.n_chunks for d in docs.values()))
            self._has_units = self.store.unit_count() > 0
            if self._lexical is not None and self._lexical.generation == fp:
                return
            lexical = LexicalIndex.load(self.cache_dir, fp) if self.cache_dir else None
            if lexical is None:
                lexical = LexicalIndex.build(list(self.store.committed_chunks(docs)), fp)
                if self.cache_dir:
                    lexical.save(self.cache_dir)
            self._by_id = {c.id: c for c in lexical.chunks}
            sources = {c.source for c in lexical.chunks}
            self._names = frozenset(t for src in sources for t in document_name_terms(src))
            self._file_names = frozenset(k for src in sources for k in file_name_keys(src))
            by_project: dict[str, set[str]] = {}
            for src in sources:
                for name in project_names(src):
                    by_project.setdefault(name, set()).add(src)
            self._projects = {n: (frozenset(srcs), mention_pattern(n)) for n, srcs in by_project.items()}
            self._lexical = lexical

    def names_a_document(self, term: str) -> bool:
        """Whether the word (rag.text.content_terms) is one of a document's source's."""
        self.refresh()
        return term in self._names

    def documents_named(self, query: str) -> list[frozenset[str]]:
        """For each document the query names by the project its file is named after ("redir" of
        redir-manual.pdf, "serve-static" of serve_static-readme.md), the sources about it: those
        named after it and those whose text mentions it. Only a name that few documents are
        about (NAMED_MAX_DOCUMENTS) names one: a word many use ("install" of install.md) does
        not."""
        self.refresh()
        if self._lexical is None:
            return []
        asked = query.lower()
        named: list[frozenset[str]] = []
        for name, (sources, pattern) in self._projects.items():
            if pattern.search(asked) is None:
                continue
            about = sources | {c.source for c in self._lexical.mentioning(name)}
            if len(about) <= NAMED_MAX_DOCUMENTS:
                named.append(frozenset(about))
        return named

    def idf(self, term: str) -> float:
        self.refresh()
        return self._lexical.idf_of(term) if self._lexical else 1.0

    @property
    def chunk_count(self) -> int:
        self.refresh()
        return len(self._by_id)

    # ---- searching ---------------------------------------------------------------------------
    def dense(self, query: str, k: int) -> list[tuple[Chunk, float]]:
        self.refresh()
        by_id = self._by_id
        if not by_id:
            return []
        # Ask for more than k: chunks of an uncommitted or superseded version are skipped (only
        # committed (doc_id, doc_hash) chunks are in by_id), and a kill can leave many of them.
        extra = min(max(8, self._uncommitted), 500)
        vector = self.embed_query(query)
        # A chunk scores as its own embedding or its best unit's (index.units), whichever is closer.
        best: dict[str, float] = {}
        units = self.store.query_units(vector, k + extra) if self._has_units else []
        for i, s in [*self.store.query(vector, k + extra), *units]:
            if i in by_id and s > best.get(i, -2.0):
                best[i] = s
        ranked = sorted(best.items(), key=lambda t: (-t[1], by_id[t[0]].source, by_id[t[0]].position))
        return [(by_id[i], s) for i, s in ranked[:k]]

    def lexical(self, query: str, k: int) -> list[tuple[Chunk, float]]:
        self.refresh()
        return self._lexical.search(query, k) if self._lexical else []

    def retrieve(self, query: str, top_k: int, within: frozenset[str] | None = None) -> list[ScoredChunk]:
        """The top_k fused passages (of the sources `within`, when given and any of them is
        among the fused candidates); then, for each exact name the query gives (an option, a
        snake_case setting, a version) that none of them mentions, the best-ranked passage that
        does: BM25 reads "--memlimit-compress" as two common words, and a settings table has
        forty rows that look alike to the embedding."""
        dense = self.dense(query, self.candidates)
        lexical = self.lexical(query, self.candidates)
        fused = self._fuse(dense, lexical)
        if within is not None and any(p.chunk.source in within for p in fused):
            fused = [p for p in fused if p.chunk.source in within]
        top = fused[:top_k]
        rank = {p.chunk.id: i for i, p in enumerate(fused)}
        # The documents the question is about, by retrieval: of the passages naming it, one of
        # theirs comes first ("rustc's -g flag" over the rustc book, not Cargo's FAQ's "-g").
        near = {p.chunk.source for p in top}
        for name in exact_names(query):
            # The same cached scan the refusal check (unmentioned) reads: one definition of
            # "mentions", over what retrieval indexes.
            mentioning = self._lexical.mentioning(name) if self._lexical else []
            ids = {c.id for c in mentioning}
            if not mentioning or any(p.chunk.id in ids for p in top):
                continue
            best = min(
                mentioning,
                key=lambda c: (c.source not in near, rank.get(c.id, len(rank)), c.source, c.position),
            )
            top.append(fused[rank[best.id]] if best.id in rank else ScoredChunk(best, 0.0))
        return top

    def unmentioned(self, query: str) -> list[str]:
        """The exact names the query gives that no document mentions: a question about
        `log_file_mode` cannot be answered from documents that never name it (a project the
        store's files are named after is named by them: _names_a_project)."""
        self.refresh()
        if self._lexical is None or not self._lexical.chunks:
            return []
        names = exact_names(query)
        # A figure of the asker's own situation, told before the sentence that asks, is an
        # example ("… turns 4.7 into 4 …. Which option controls this?"), not what is asked after.
        sentence = asking_sentence(query)
        asked = set(exact_names(sentence))
        # A name from code in camel case is looked up as snake_case ones are, when the sentence
        # that asks gives it ("What is the default maxPayload?"): on docs_dev and the training
        # questions, 12 unanswerable questions gave one no document mentions, no answerable one.
        camel = [n.lower() for n in camel_names(sentence) if n.lower() not in names]
        names = (*names, *camel)
        return [
            n for n in names
            if not self._mentioned(n) and name_key(n) not in self._file_names
            and not self._option_with_value_mentioned(n) and not _in_a_series(n, names)
            and not self._names_a_project(n) and not _NAMING_STYLE.fullmatch(n)
            and (n in asked or not _FIGURE.fullmatch(n))
        ]

    def _mentioned(self, name: str) -> bool:
        assert self._lexical is not None
        if self._lexical.mentioning(name):
            return True
        form = _ADDRESS_FORMS.get(name)
        if form is not None:
            return self._lexical.holds(form)
        plural = _NUMBERED_PLURAL.fullmatch(name)
        return bool(plural and self._lexical.mentioning(plural.group(1)))

    def names_a_project(self, word: str) -> bool:
        """Whether the word is the name of a project the store's files are named after
        ("releases" of releases-usage.html; not "princess" of Zelda_Twilight_Princess.txt,
        whose project is its whole name)."""
        self.refresh()
        return name_key(word) in self._projects

    def _names_a_project(self, name: str) -> bool:
        """A project the store's files are named after, by its name ("jupyter_client" of
        jupyter_client-kernels.html) or by a file named after it ("i2pd.conf" asked of a store
        holding i2pd-sample-config.txt): its documents may be what is asked of, though their
        text never says its name."""
        if self.names_a_project(name):
            return True
        file = _FILE_NAME.fullmatch(name)
        return bool(file and file.group(1).replace("_", "-").lower() in self._projects)

    def _option_with_value_mentioned(self, name: str) -> bool:
        """"-I1", "-O3", "-j4": a short option with its number attached is that option set to
        it, which a manual documents as "-I infocode" and a list of the codes."""
        option = _OPTION_WITH_NUMBER.fullmatch(name)
        return bool(option and self._lexical and self._lexical.mentioning(option.group(1)))

    def _fuse(
        self, dense: list[tuple[Chunk, float]], lexical: list[tuple[Chunk, float]]
    ) -> list[ScoredChunk]:
        chunks: dict[str, Chunk] = {}
        d_score: dict[str, float] = {}
        b_score: dict[str, float] = {}
        fused: dict[str, float] = {}
        if self.fusion == "rrf":
            for side, scores in ((dense, d_score), (lexical, b_score)):
                for rank, (c, s) in enumerate(side):
                    chunks[c.id] = c
                    scores[c.id] = s
                    fused[c.id] = fused.get(c.id, 0.0) + 1.0 / (self.rrf_k + rank + 1)
        else:
            w = self.dense_weight
            for side, scores, weight in ((dense, d_score, w), (lexical, b_score, 1 - w)):
                norm = normalise([s for _, s in side])
                for (c, s), ns in zip(side, norm, strict=True):
                    chunks[c.id] = c
                    scores[c.id] = s
                    fused[c.id] = fused.get(c.id, 0.0) + weight * float(ns)
        order = sorted(fused, key=lambda i: (-fused[i], chunks[i].source, chunks[i].position))
        return [
            ScoredChunk(chunks[i], fused[i], d_score.get(i), b_score.get(i)) for i in order
        ]
