"""The Chroma store: chunk vectors, and a document table that says which chunks are committed.

Why a document table: Chroma has no multi-record transactions. A document's new chunks are
written first, under new ids; then its one document record is upserted (a single atomic write);
then its old chunks are deleted. Readers trust only chunks whose document record names their
doc_hash, so a kill at any point leaves every document either wholly old or wholly new, and
orphans are swept by the next ingest.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from rag.types import Chunk

STATE_ID = "__state__"
_PAGE = 2000


@dataclass(frozen=True)
class DocRecord:
    key: str  # absolute path of the file: the document's identity
    source: str  # what citations show: the path relative to the folder it was ingested from
    title: str
    doc_hash: str
    n_chunks: int
    chars: int


class StoreError(RuntimeError):
    pass


def open_client(store_dir: Path, host: str | None, port: int) -> Any:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if host:
        try:
            return chromadb.HttpClient(host=host, port=port, settings=chroma_settings)
        except Exception as err:
            raise StoreError(f"cannot reach the Chroma server at {host}:{port}: {err}") from None
    store_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(store_dir / "chroma"), settings=chroma_settings)


class ChunkStore:
    def __init__(self, client: Any, collection: str) -> None:
        self.client = client
        self.chunks = client.get_or_create_collection(
            f"{collection}_chunks", metadata={"hnsw:space": "cosine"}, embedding_function=None
        )
        self.docs = client.get_or_create_collection(
            f"{collection}_docs", embedding_function=None
        )
        self.max_batch = int(client.get_max_batch_size())

    # ---- reading -------------------------------------------------------------------------
    def generation(self) -> str:
        got = self.docs.get(ids=[STATE_ID], include=["metadatas"])
        metas = got.get("metadatas") or []
        return str(metas[0].get("generation", "")) if metas and metas[0] else ""

    def documents(self) -> dict[str, DocRecord]:
        out: dict[str, DocRecord] = {}
        for ids, metas, _ in self._pages(self.docs, include=["metadatas"]):
            for id_, m in zip(ids, metas, strict=True):
                if id_ == STATE_ID or not m:
                    continue
                out[id_] = DocRecord(
                    key=id_,
                    source=str(m["source"]),
                    title=str(m.get("title", "")),
                    doc_hash=str(m["doc_hash"]),
                    n_chunks=int(m["n_chunks"]),
                    chars=int(m.get("chars", 0)),
                )
        return out

    def document_text(self, key: str) -> str | None:
        got = self.docs.get(ids=[key], include=["documents"])
        texts = got.get("documents") or []
        return str(texts[0]) if texts and texts[0] is not None else None

    def committed_chunks(self) -> Iterator[Chunk]:
        """Every chunk that belongs to a committed document version."""
        docs = {d.key: d.doc_hash for d in self.documents().values()}
        for ids, metas, texts in self._pages(self.chunks, include=["metadatas", "documents"]):
            for id_, m, text in zip(ids, metas, texts, strict=True):
                if docs.get(str(m["doc_key"])) == m["doc_hash"]:
                    yield _chunk_from(id_, m, text)

    def query(self, vector: np.ndarray, n: int) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) of the n nearest chunks."""
        if n <= 0:
            return []
        res = self.chunks.query(
            query_embeddings=[vector.tolist()], n_results=n, include=["distances"]
        )
        ids = res["ids"][0]
        dists = res["distances"][0] if res.get("distances") else [1.0] * len(ids)
        return [(i, 1.0 - float(d)) for i, d in zip(ids, dists, strict=True)]

    def count(self) -> int:
        return int(self.chunks.count())

    def existing_ids(self, ids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for i in range(0, len(ids), self.max_batch):
            got = self.chunks.get(ids=list(ids[i : i + self.max_batch]), include=[])
            found.update(got["ids"])
        return found

    # ---- writing -------------------------------------------------------------------------
    def add_chunks(self, chunks: Sequence[Chunk], vectors: np.ndarray) -> None:
        for i in range(0, len(chunks), self.max_batch):
            part = chunks[i : i + self.max_batch]
            self.chunks.upsert(
                ids=[c.id for c in part],
                embeddings=vectors[i : i + self.max_batch].tolist(),
                documents=[c.text for c in part],
                metadatas=[_meta_of(c) for c in part],
            )

    def commit_document(self, record: DocRecord, text: str) -> None:
        self.docs.upsert(
            ids=[record.key],
            embeddings=[[1.0]],
            documents=[text],
            metadatas=[
                {
                    "source": record.source,
                    "title": record.title,
                    "doc_hash": record.doc_hash,
                    "n_chunks": record.n_chunks,
                    "chars": record.chars,
                }
            ],
        )

    def remove_document(self, key: str) -> None:
        self.docs.delete(ids=[key])
        self.chunks.delete(where={"doc_key": key})

    def sweep(self) -> int:
        """Delete chunks no committed document owns (left by a replaced version or a kill)."""
        docs = {d.key: d.doc_hash for d in self.documents().values()}
        stale: list[str] = []
        for ids, metas, _ in self._pages(self.chunks, include=["metadatas"]):
            for id_, m in zip(ids, metas, strict=True):
                if docs.get(str(m["doc_key"])) != m["doc_hash"]:
                    stale.append(id_)
        for i in range(0, len(stale), self.max_batch):
            self.chunks.delete(ids=stale[i : i + self.max_batch])
        return len(stale)

    def bump_generation(self) -> str:
        gen = uuid.uuid4().hex
        self.docs.upsert(
            ids=[STATE_ID], embeddings=[[1.0]], documents=["state"],
            metadatas=[{"generation": gen}],
        )
        return gen

    # ---- helpers -------------------------------------------------------------------------
    @staticmethod
    def _pages(
        collection: Any, include: list[str]
    ) -> Iterator[tuple[list[str], list[Any], list[Any]]]:
        offset = 0
        while True:
            got = collection.get(include=include, limit=_PAGE, offset=offset)
            ids = got["ids"]
            if not ids:
                return
            metas = got.get("metadatas") or [None] * len(ids)
            texts = got.get("documents") or [None] * len(ids)
            yield ids, metas, texts
            offset += len(ids)


def _meta_of(c: Chunk) -> dict[str, Any]:
    return {
        "doc_key": c.doc_key,
        "doc_hash": c.doc_hash,
        "source": c.source,
        "title": c.title,
        "start": c.start,
        "end": c.end,
        "position": c.position,
        "heading": c.heading,
        "page": c.page if c.page is not None else 0,  # Chroma metadata cannot hold None
        "context": c.context,
    }


def _chunk_from(id_: str, m: dict[str, Any], text: str) -> Chunk:
    return Chunk(
        id=id_,
        source=str(m["source"]),
        title=str(m.get("title", "")),
        text=text,
        start=int(m["start"]),
        end=int(m["end"]),
        doc_hash=str(m["doc_hash"]),
        position=int(m.get("position", 0)),
        doc_key=str(m["doc_key"]),
        heading=str(m.get("heading", "")),
        page=int(m["page"]) if m.get("page") else None,
        context=str(m.get("context", "")),
    )
