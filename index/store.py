"""The Chroma store: chunk vectors, and a document table that says which chunks are committed.

Why a document table: Chroma has no multi-record transactions. A document's new chunks are
written first (in bounded batches, under ids that name the document version); then its one
document record is upserted (a single atomic write); then chunks no record owns are swept. Readers
trust only chunks whose document record names their (doc_id, doc_hash), so a kill at any point
leaves every document either wholly old or wholly new. A chunk's dense units (index.units) live in
a third collection under the same (doc_id, doc_hash); a unit only ever leads to its chunk, so it is
trusted exactly when that chunk is.

What readers build from the store (the BM25 cache) is keyed by `fingerprint(documents)`, a hash
of the committed (doc_id, doc_hash) pairs, not by a counter bumped after the fact: the commit
record itself is what makes a new lexical index due, so no kill can leave the two disagreeing.
"""

from __future__ import annotations

import hashlib
import socket
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from index.units import Unit, chunk_id_of
from rag.errors import AmbiguousDocumentError, StoreError
from rag.types import Chunk

STATE_ID = "__state__"
# The layout of records and chunk metadata. Bump it when they change: an older store is refused
# with one line telling the user to re-ingest, instead of being misread.
STORE_FORMAT = "3"
_PAGE = 2000

__all__ = ["STORE_FORMAT", "ChunkStore", "DocRecord", "StoreError", "fingerprint", "make_doc_id"]


def this_host() -> str:
    return socket.gethostname() or "localhost"


def make_doc_id(key: str, host: str = "") -> str:
    """A document's stable id: its file on its host. Display names may change; this does not."""
    return hashlib.sha256(f"{host}\0{key}".encode()).hexdigest()[:16]


@dataclass(frozen=True)
class DocRecord:
    key: str  # absolute path of the file on `host`
    source: str  # what citations show: unique in the store, relative to the folder ingested
    title: str
    doc_hash: str
    n_chunks: int
    chars: int
    doc_id: str = ""  # made from (host, key) when not given
    root: str = ""  # the path given to the ingest that added it: --prune stays inside it
    host: str = ""  # the machine whose file `key` is: another host's prune never touches it

    def __post_init__(self) -> None:
        if not self.doc_id:
            object.__setattr__(self, "doc_id", make_doc_id(self.key, self.host))


def fingerprint(docs: Mapping[str, DocRecord]) -> str:
    """What the committed state is: equal fingerprints mean the same chunks are searchable."""
    h = hashlib.sha256(STORE_FORMAT.encode())
    for doc_id in sorted(docs):
        h.update(f"\n{doc_id}:{docs[doc_id].doc_hash}".encode())
    return h.hexdigest()[:32]


def open_client(store_dir: Path, host: str | None, port: int, *, create: bool = True) -> Any:
    """A Chroma client for the folder (or server). create=False (read-only commands) refuses a
    folder that holds no store yet instead of making one where a mistyped --store points."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if host:
        try:
            return chromadb.HttpClient(host=host, port=port, settings=chroma_settings)
        except Exception as err:
            raise StoreError(
                f"cannot reach the Chroma server at {host}:{port} ({_short(err)}): "
                "start it, or check --chroma-host/--chroma-port"
            ) from None
    store_dir = Path(store_dir)
    if store_dir.exists() and not store_dir.is_dir():
        raise StoreError(f"--store {store_dir} is a file, not a folder: give a folder for the index")
    if not (store_dir / "chroma").is_dir():
        if not create:
            from rag.errors import EmptyStoreError

            raise EmptyStoreError(
                f"there is no store at {store_dir} yet: add documents with "
                f"`rag ingest PATH --store {store_dir}` (or check --store)"
            )
        try:
            (store_dir / "chroma").mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StoreError(
                f"cannot create the store folder {store_dir} ({err.strerror or err}): "
                "choose another --store"
            ) from None
    try:
        return chromadb.PersistentClient(path=str(store_dir / "chroma"), settings=chroma_settings)
    except Exception as err:
        raise StoreError(f"cannot open the store at {store_dir} ({_short(err)})") from None


def forget_client(store_dir: Path) -> None:
    """Drop chromadb's in-process client for a store folder about to be deleted. chromadb keeps
    one system per folder for the life of the process; a client for the folder made again would
    reuse the deleted database's handle ("no such table: acquire_write"). Other folders' clients
    are left alone."""
    from chromadb.api.shared_system_client import SharedSystemClient

    key = str(store_dir / "chroma")
    systems = getattr(SharedSystemClient, "_identifier_to_system", {})
    refcounts = getattr(SharedSystemClient, "_identifier_to_refcount", {})
    system = systems.pop(key, None)
    refcounts.pop(key, None)
    if system is not None:
        system.stop()


# How many neighbours Chroma's HNSW search explores (its default is 100). At 100 the graph search
# missed one of the exact 10 nearest units for 39 of docs_dev's 1,651 questions (11,976 units),
# and one of the 10 nearest chunks for 19 (6,831 chunks); which ones it missed changed from one
# build of the same store to the next, so the same question got other passages. At 1000 it
# missed 1 and 0 (scripts/measure_hnsw.py, eighteenth round); a query of that units collection
# took 2.9 ms instead of 1.5 (rag bench: a seeds-store chunk query 2.6 ms p50).
SEARCH_EF = 1000


def _vectors(client: Any, name: str) -> Any:
    """A cosine collection searched with SEARCH_EF; one made before SEARCH_EF is raised to it
    (the search breadth can change after creation, the distance cannot)."""
    collection = client.get_or_create_collection(
        name, configuration={"hnsw": {"space": "cosine", "ef_search": SEARCH_EF}}, embedding_function=None
    )
    hnsw = (collection.configuration or {}).get("hnsw") or {}
    if hnsw.get("ef_search", SEARCH_EF) < SEARCH_EF:
        collection.modify(configuration={"hnsw": {"ef_search": SEARCH_EF}})
    return collection


class ChunkStore:
    def __init__(self, client: Any, collection: str, where: str = "") -> None:
        self.client = client
        self.where = where or f"collection '{collection}'"
        self.chunks = _vectors(client, f"{collection}_chunks")
        self.docs = client.get_or_create_collection(f"{collection}_docs", embedding_function=None)
        # Each chunk's blocks, embedded on their own (index.units): found by query_units.
        self.units = _vectors(client, f"{collection}_units")
        self.max_batch = int(client.get_max_batch_size())
        self._format_marked = False
        self._check_format()

    # ---- format ----------------------------------------------------------------------------
    def _check_format(self) -> None:
        state = self._state()
        if state is None:
            if self.docs.count() == 0:
                return  # a new store: the format is written with the first document
            found = "1"
        else:
            found = str(state.get("format", "2"))
        if found != STORE_FORMAT:
            raise StoreError(
                f"the store at {self.where} was written by an older version of rag (store format "
                f"{found}, this version reads {STORE_FORMAT}): delete it and run `rag ingest` again"
            )

    def _state(self) -> dict[str, Any] | None:
        got = self.docs.get(ids=[STATE_ID], include=["metadatas"])
        metas = got.get("metadatas") or []
        return dict(metas[0]) if got["ids"] and metas and metas[0] else None

    def mark_format(self) -> None:
        """Written before the first chunk of a new store, so a reader can tell the layout."""
        if self._format_marked:
            return
        self._format_marked = True
        if self._state() is None:
            self.docs.upsert(
                ids=[STATE_ID], embeddings=[[1.0]], documents=["state"],
                metadatas=[{"format": STORE_FORMAT}],
            )

    # ---- reading -------------------------------------------------------------------------
    def documents(self) -> dict[str, DocRecord]:
        """The committed documents, by doc_id."""
        out: dict[str, DocRecord] = {}
        for ids, metas, _ in self._pages(self.docs, include=["metadatas"]):
            for id_, m in zip(ids, metas, strict=True):
                if id_ == STATE_ID or not m:
                    continue
                out[id_] = DocRecord(
                    key=str(m["key"]),
                    source=str(m["source"]),
                    title=str(m.get("title", "")),
                    doc_hash=str(m["doc_hash"]),
                    n_chunks=int(m["n_chunks"]),
                    chars=int(m.get("chars", 0)),
                    doc_id=id_,
                    root=str(m.get("root", "")),
                    host=str(m.get("host", "")),
                )
        return out

    def find(self, ref: str, host: str) -> list[DocRecord]:
        """Documents `ref` names: a doc_id, a source, a file path on this host, or (when nothing
        matches exactly) the end of a source ("notes.md" finds "a/notes.md" and "b/notes.md")."""
        ref = ref.strip()
        if not ref:
            return []
        docs = list(self.documents().values())
        exact = [d for d in docs if ref in (d.doc_id, d.source)]
        if not exact:
            try:
                path = str(Path(ref).expanduser().resolve())
            except (OSError, RuntimeError):
                path = ref
            exact = [d for d in docs if d.host in (host, "") and d.key in (ref, path)]
        if exact:
            return exact
        tail = "/" + ref.strip("/")
        return [d for d in docs if d.source.endswith(tail)]

    def find_one(self, ref: str, host: str) -> list[DocRecord]:
        """[the document] or []; a name that matches several is refused with the candidates."""
        hits = self.find(ref, host)
        if len(hits) > 1:
            listed = ", ".join(
                f"{d.source} (id {d.doc_id})" for d in sorted(hits, key=lambda d: d.source)
            )
            raise AmbiguousDocumentError(
                f"'{ref}' matches {len(hits)} documents: {listed}; give one of those sources, "
                "its path or its id"
            )
        return hits

    def snapshot(self) -> tuple[dict[str, DocRecord], str]:
        docs = self.documents()
        return docs, fingerprint(docs)

    def generation(self) -> str:
        """The committed state's fingerprint (the name is kept for older callers)."""
        return self.snapshot()[1]

    def document_text(self, doc_id: str) -> str | None:
        got = self.docs.get(ids=[doc_id], include=["documents"])
        texts = got.get("documents") or []
        return str(texts[0]) if got["ids"] and texts and texts[0] is not None else None

    def committed_chunks(self, docs: Mapping[str, DocRecord] | None = None) -> Iterator[Chunk]:
        """Every chunk that belongs to a committed document version (of `docs`, if given)."""
        owners = {d.doc_id: d.doc_hash for d in (docs or self.documents()).values()}
        for ids, metas, texts in self._pages(self.chunks, include=["metadatas", "documents"]):
            for id_, m, text in zip(ids, metas, texts, strict=True):
                if owners.get(_doc_id_of(m)) == m["doc_hash"]:
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

    def query_units(self, vector: np.ndarray, n: int) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) of the chunks of the n nearest units, best first; a
        chunk appears once, with its best unit. The chunk is read from the unit's id: fetching
        metadata would triple the query's time."""
        if n <= 0:
            return []
        res = self.units.query(query_embeddings=[vector.tolist()], n_results=n, include=["distances"])
        best: dict[str, float] = {}
        ids = res["ids"][0]
        dists = res["distances"][0] if res.get("distances") else [1.0] * len(ids)
        for unit_id, d in zip(ids, dists, strict=True):
            best.setdefault(chunk_id_of(unit_id), 1.0 - float(d))
        return list(best.items())

    def count(self) -> int:
        return int(self.chunks.count())

    def unit_count(self) -> int:
        return int(self.units.count())

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

    def add_units(self, units: Sequence[Unit], owners: Mapping[str, Chunk], vectors: np.ndarray) -> None:
        """Units before their chunks (Ingestor._write): a chunk found in the collection by a
        re-run after a kill has its units too."""
        for i in range(0, len(units), self.max_batch):
            part = units[i : i + self.max_batch]
            self.units.upsert(
                ids=[u.id for u in part],
                embeddings=vectors[i : i + self.max_batch].tolist(),
                metadatas=[_unit_meta(u, owners[u.chunk_id]) for u in part],
            )

    def commit_document(self, record: DocRecord, text: str) -> None:
        """The one write that makes a document version visible (or replaces the previous one)."""
        self.mark_format()
        self.docs.upsert(
            ids=[record.doc_id],
            embeddings=[[1.0]],
            documents=[text],
            metadatas=[
                {
                    "key": record.key,
                    "source": record.source,
                    "title": record.title,
                    "doc_hash": record.doc_hash,
                    "n_chunks": record.n_chunks,
                    "chars": record.chars,
                    "root": record.root,
                    "host": record.host,
                }
            ],
        )

    def remove_document(self, doc_id: str) -> None:
        # The record goes first: from then on its chunks are orphans, invisible to readers.
        self.docs.delete(ids=[doc_id])
        self.chunks.delete(where={"doc_id": doc_id})
        self.units.delete(where={"doc_id": doc_id})

    def sweep(self) -> int:
        """Delete chunks and units no committed document owns (left by a replaced version or a
        kill); the number of records deleted."""
        owners = {d.doc_id: d.doc_hash for d in self.documents().values()}
        deleted = 0
        for collection in (self.chunks, self.units):
            stale: list[str] = []
            for ids, metas, _ in self._pages(collection, include=["metadatas"]):
                for id_, m in zip(ids, metas, strict=True):
                    if owners.get(_doc_id_of(m)) != m["doc_hash"]:
                        stale.append(id_)
            for i in range(0, len(stale), self.max_batch):
                collection.delete(ids=stale[i : i + self.max_batch])
            deleted += len(stale)
        return deleted

    def bump_generation(self) -> str:
        """Kept for older callers: the fingerprint changes by itself with every commit."""
        return self.generation()

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


def _doc_id_of(m: Mapping[str, Any]) -> str:
    return str(m.get("doc_id") or make_doc_id(str(m.get("doc_key", ""))))


def _meta_of(c: Chunk) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "doc_id": c.doc_id or make_doc_id(c.doc_key),
        "doc_key": c.doc_key,
        "doc_hash": c.doc_hash,
        "source": c.source,
        "title": c.title,
        "start": c.start,
        "end": c.end,
        "position": c.position,
        "heading": c.heading,
        "context": c.context,
    }
    if c.page is not None:  # Chroma metadata cannot hold None
        meta["page"] = c.page
    return meta


def _unit_meta(u: Unit, chunk: Chunk) -> dict[str, Any]:
    return {
        "chunk": u.chunk_id,
        "doc_id": chunk.doc_id or make_doc_id(chunk.doc_key),
        "doc_hash": chunk.doc_hash,
        "start": u.start,
        "end": u.end,
    }


def _chunk_from(id_: str, m: Mapping[str, Any], text: str) -> Chunk:
    page = m.get("page")
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
        doc_id=_doc_id_of(m),
        heading=str(m.get("heading", "")),
        page=int(page) if page is not None else None,
        context=str(m.get("context", "")),
    )


def _short(err: BaseException) -> str:
    lines = str(err).strip().splitlines()
    text = lines[0] if lines else type(err).__name__
    return text if len(text) <= 160 else text[:157] + "..."
