"""The Python API. Components are built once from the validated settings; the CLI, the UI and the
eval runner are thin layers over this class."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from index.chunking import retrieval_text
from rag.answering.base import Answerer, Draft, Turn
from rag.answering.presupposed import lacking
from rag.errors import (
    AmbiguousDocumentError,
    EmptyQuestionError,
    EmptyStoreError,
    RagError,
    StoreError,
)
from rag.followup import condense
from rag.settings import Settings, load_settings
from rag.types import Answer, DocumentInfo, IngestReport, ScoredChunk

if TYPE_CHECKING:
    import numpy as np

    from index.embedding import Embedder
    from index.pipeline import Ingestor
    from index.store import ChunkStore, DocRecord
    from rag.answering.extractive import ExtractiveAnswerer
    from rag.progress import Progress as ProgressFn
    from rag.protocols import TextEmbedder
    from rag.retrieval import HybridRetriever


__all__ = [
    "AmbiguousDocumentError", "Assistant", "EmptyQuestionError", "EmptyStoreError", "RagError",
    "StoreError",
]


# Passages retrieved for each part of a two-part question, beside the whole question's top_k.
# Three since the forty-fourth round: on the 91 questions of docs_dev's 2,280 from docs-dev-8492
# that are asked in parts, 48 right with three, 45 with two, 47 with four.
PART_PASSAGES = 3

HistoryLike = Sequence[Turn] | Sequence[tuple[str, str]] | None


class Assistant:
    def __init__(
        self,
        settings: Settings,
        *,
        embedder: TextEmbedder | None = None,
        chroma_client: Any = None,
    ) -> None:
        """`embedder` and `chroma_client` replace the configured ones (tests: a fake embedder
        and chromadb.EphemeralClient); by default both are built from the settings on first use."""
        self.settings = settings
        self._chroma_client = chroma_client
        self._given_embedder = embedder
        if embedder is not None:
            self.__dict__["embedder"] = embedder  # what the cached property would hold
        # Only ingesting may create a store: a read-only call on a mistyped --store is told so.
        self._may_create = False
        # Called with each step of the ingest protocol (see index.pipeline); tests stop there.
        self.on_ingest_step: Callable[[str], None] | None = None

    @classmethod
    def open(cls, store: str | Path | None = None, **settings: Any) -> Assistant:
        """Open (or create) the store; keyword arguments override rag.toml and RAG_* settings."""
        return cls(load_settings(store=store, **settings))

    def with_settings(self, **overrides: Any) -> Assistant:
        """A new Assistant over the same store (and the same injected embedder and Chroma
        client) with these settings changed, validated like `Assistant.open`'s arguments
        (`answer_threshold=0.0`, `retrieval={"top_k": 8}`). This one is left as it is."""
        other = Assistant(
            self.settings.updated(**overrides),
            embedder=self._given_embedder,
            chroma_client=self._chroma_client,
        )
        other._may_create = self._may_create
        return other

    # ---- components, built on first use --------------------------------------------------
    @cached_property
    def embedder(self) -> Embedder:
        e = self.settings.embedding
        return _shared_embedder(e.model, e.batch_size, e.backend, self.settings.threads)

    @cached_property
    def store(self) -> ChunkStore:
        from index.store import ChunkStore, open_client

        s = self.settings
        client = self._chroma_client or open_client(
            s.store, s.chroma_host, s.chroma_port, create=self._may_create
        )
        where = f"{s.chroma_host}:{s.chroma_port}/{s.collection}" if s.chroma_host else str(s.store)
        return ChunkStore(client, s.collection, where=where)

    def allow_create(self) -> Assistant:
        """Let this Assistant make its store on first use (ingesting does so by itself; the
        page needs it before its first upload). Read-only uses never create one."""
        self._may_create = True
        return self

    def has_store(self) -> bool:
        """Whether there is a store to read (always, with a Chroma server)."""
        s = self.settings
        return bool(s.chroma_host) or self._chroma_client is not None or (
            Path(s.store) / "chroma"
        ).is_dir()

    @cached_property
    def retriever(self) -> HybridRetriever:
        from rag.retrieval import HybridRetriever

        return HybridRetriever.from_settings(
            self.store, self.embedder.embed_one, self._cache_dir / "bm25", self.settings.retrieval
        )

    @cached_property
    def extractive(self) -> ExtractiveAnswerer:
        from rag.answering.factory import build_extractive

        return build_extractive(
            self.settings.answering, self.retriever.idf, threads=self.settings.threads
        )

    @cached_property
    def answerer(self) -> Answerer:
        from rag.answering.factory import build_answerer

        return build_answerer(self.settings, self.extractive, self._embed_texts)

    @cached_property
    def ingestor(self) -> Ingestor:
        from index.chunking import Chunker
        from index.pipeline import Ingestor

        self._may_create = True  # an ingestor exists to write: it may make the store
        s = self.settings.ingest
        emb = self.embedder
        chunker = Chunker(
            lambda t: emb.tokenizer.encode(t, add_special_tokens=False).ids,
            s.chunk_tokens,
            s.chunk_overlap,
        )
        fingerprint = f"{emb.name}/{s.chunk_tokens}/{s.chunk_overlap}" + ("/units" if s.dense_units else "")
        return Ingestor(
            self.store, emb, chunker, max_file_bytes=s.max_file_bytes, fingerprint=fingerprint,
            clean=s.clean, dense_units=s.dense_units,
            on_step=self._ingest_step,
        )

    def _ingest_step(self, step: str) -> None:
        if self.on_ingest_step is not None:
            self.on_ingest_step(step)

    @property
    def _cache_dir(self) -> Path:
        s = self.settings
        if s.chroma_host:
            return s.store / f"cache-{s.chroma_host}-{s.chroma_port}-{s.collection}"
        return s.store / f"cache-{s.collection}"

    def _embed_texts(self, texts: list[str]) -> np.ndarray:
        return self.embedder.embed(texts)

    # ---- services --------------------------------------------------------------------------
    def ingest(
        self,
        paths: Sequence[str | Path] | str | Path,
        prune: bool = False,
        progress: ProgressFn | None = None,
    ) -> IngestReport:
        if isinstance(paths, (str, Path)):
            paths = [paths]
        self._may_create = True
        report = self.ingestor.ingest([Path(p) for p in paths], prune=prune, progress=progress)
        self.retriever.refresh(force=True)
        return report

    def retrieve(self, question: str, top_k: int | None = None) -> list[ScoredChunk]:
        """The top_k passages for the question; for a question that asks two things
        (rag.answering.compound), each part's best passages follow when the whole question's
        ranking missed them: its two halves often stand in two documents."""
        from rag.answering.compound import parts

        asked = parts(question, self.retriever.names_a_document)
        # A question in two parts may name a document in one of them only: each part is read
        # in the documents it names.
        within = self._named_sources(question) if len(asked) == 1 else None
        passages = self.retriever.retrieve(question, self._top_k(top_k), within)
        if len(asked) > 1:
            seen = {p.chunk.id for p in passages}
            for part in asked:
                for p in self.retriever.retrieve(part, PART_PASSAGES, self._named_sources(part)):
                    if p.chunk.id not in seen:
                        seen.add(p.chunk.id)
                        passages.append(p)
        return passages

    def _named_sources(self, question: str) -> frozenset[str] | None:
        """The documents a question names (HybridRetriever.documents_named), whose passages
        answer it: "What is redir's default log level?" is not answered from loglevel's README.
        None when it names none, or settings.retrieval.named_documents is off."""
        if not self.settings.retrieval.named_documents:
            return None
        named = self.retriever.documents_named(question)
        return frozenset().union(*named) if named else None

    def _top_k(self, top_k: object) -> int:
        """top_k checked like the setting: a whole number from 1 to 50 (None: the setting)."""
        if top_k is None:
            return self.settings.retrieval.top_k
        if isinstance(top_k, bool) or not isinstance(top_k, int) or not 1 <= top_k <= 50:
            raise RagError(f"top_k must be a whole number from 1 to 50, not {top_k!r}")
        return top_k

    def ask(
        self,
        question: str,
        history: HistoryLike = None,
        top_k: int | None = None,
        answerer: str | None = None,
    ) -> Answer:
        """Answer from the documents. answerer="extractive" skips a configured LLM for this call."""
        final: Answer | None = None
        for piece in self._run(question, history, top_k, answerer, streaming=False):
            if isinstance(piece, Answer):
                final = piece
        assert final is not None
        return final

    def stream(
        self,
        question: str,
        history: HistoryLike = None,
        top_k: int | None = None,
        answerer: str | None = None,
    ) -> Iterator[str | Answer]:
        """Yield text as it arrives, then the verified Answer."""
        yield from self._run(question, history, top_k, answerer, streaming=True)

    def _pick(self, answerer: str | None) -> Answerer:
        if answerer is None or answerer == self.settings.answering.answerer:
            return self.answerer
        if answerer == "extractive":
            return self.extractive
        raise RagError(
            f"answerer '{answerer}' is not configured here (configured: {self.settings.answering.answerer})"
        )

    def _run(
        self,
        question: str,
        history: HistoryLike,
        top_k: int | None,
        answerer_name: str | None,
        *,
        streaming: bool,
    ) -> Iterator[str | Answer]:
        t0 = time.perf_counter()
        answerer = self._pick(answerer_name)
        self._top_k(top_k)
        if question is not None and not isinstance(question, str):
            raise EmptyQuestionError(f"the question must be text, not {type(question).__name__}")
        question = (question or "").strip()
        if not question:
            raise EmptyQuestionError("the question is empty: type a question about your documents")
        standalone = self._standalone(question, _turns(history), answerer)
        if self.retriever.chunk_count == 0:
            raise EmptyStoreError(
                f"the store at {self.settings.store} has no documents yet: "
                "add some with `rag ingest PATH`"
            )
        passages = self.retrieve(standalone, top_k)
        t1 = time.perf_counter()
        draft: Draft | None = None
        absent = self.retriever.unmentioned(standalone) if self.settings.answering.refuse_unmentioned else []
        missing = (
            lacking(standalone, [retrieval_text(p.chunk) for p in passages], self.retriever.names_a_project)
            if self.settings.answering.refuse_presupposed and not absent
            else None
        )
        if absent:
            # The question names something no document mentions: nothing can answer it, and an
            # answer about a neighbouring setting or version would be wrong with a citation.
            draft = Draft.refusal(notice=f"No document mentions {', '.join(absent)}.")
            if streaming:
                yield draft.text
        elif missing is not None:
            # The passages lack what the question takes for granted (a name, a number): their
            # best match is about someone or something else.
            draft = Draft.refusal(notice=missing)
            if streaming:
                yield draft.text
        elif streaming:
            for piece in answerer.stream(standalone, passages):
                if isinstance(piece, Draft):
                    draft = piece
                else:
                    yield piece
        else:
            draft = answerer.answer(standalone, passages)
        assert draft is not None
        t2 = time.perf_counter()
        yield Answer(
            question=question,
            text=draft.text,
            abstained=draft.abstained,
            citations=draft.citations,
            retrieved=passages,
            answerer=answerer.name,
            timings_ms={
                "retrieve": (t1 - t0) * 1000,
                "answer": (t2 - t1) * 1000,
                "total": (t2 - t0) * 1000,
            },
            fallback=draft.fallback,
            notice=draft.notice,
            verification=draft.verification,
            confidence=draft.confidence,
            standalone_question=standalone,
        )

    def _standalone(self, question: str, history: list[Turn], answerer: Answerer) -> str:
        if not history:
            return question
        rewrite = getattr(answerer, "condense", None)
        if callable(rewrite):
            return str(rewrite(history, question))
        return condense(question, history)

    def sources(self) -> list[DocumentInfo]:
        if not self.has_store():
            return []  # nothing indexed yet (and no folder is made just to say so)
        docs = self.store.documents().values()
        return sorted((_info(d) for d in docs), key=lambda d: d.source)

    def document_text(self, source: str) -> str | None:
        """The cleaned text of the document a source, doc_id or path names (None if none)."""
        if not self.has_store():
            return None
        from index.store import this_host

        hits = self.store.find(source, this_host())
        return self.store.document_text(hits[0].doc_id) if len(hits) == 1 else None

    def remove(self, source: str) -> list[str]:
        """Remove the document a source, path or doc_id names; returns its source (or []).
        A name that matches several documents raises AmbiguousDocumentError listing them."""
        return [d.source for d in self.remove_documents(source)]

    def remove_documents(self, ref: str) -> list[DocumentInfo]:
        if not self.has_store():
            return []
        from index.store import this_host

        removed = self.store.find_one(ref, this_host())
        for d in removed:
            self.store.remove_document(d.doc_id)
        self.retriever.refresh(force=True)
        return [_info(d) for d in removed]

    def warm_up(self) -> None:
        """Load the models and the lexical index now rather than on the first question."""
        self.embedder.warm_up()
        self.retriever.refresh(force=True)
        warm = getattr(self.answerer, "warm_up", None)
        if callable(warm):
            warm()


_EMBEDDERS: dict[tuple[str | None, int, str, int], Embedder] = {}
_EMBEDDERS_LOCK = threading.Lock()


def _shared_embedder(model: str | None, batch: int, backend: str, threads: int) -> Embedder:
    """One model per process: several Assistants (UI sessions, tests) share its weights."""
    from index.embedding import Embedder

    key = (model, batch, backend, threads)
    with _EMBEDDERS_LOCK:
        if key not in _EMBEDDERS:
            _EMBEDDERS[key] = Embedder(
                Path(model) if model else None, batch_size=batch, backend=backend, threads=threads
            )
        return _EMBEDDERS[key]


def _info(d: DocRecord) -> DocumentInfo:
    return DocumentInfo(
        d.source, d.title, d.n_chunks, d.doc_hash, d.chars, doc_id=d.doc_id, path=d.key
    )


def _turns(history: HistoryLike) -> list[Turn]:
    if not history:
        return []
    return [h if isinstance(h, Turn) else Turn(str(h[0]), str(h[1])) for h in history]
