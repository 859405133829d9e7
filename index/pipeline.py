"""Ingestion: files -> cleaned text -> chunks -> vectors -> Chroma, one committed document at a time."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from index.chunking import Chunker, embedding_text
from index.embedding import Embedder
from index.loaders import CleanMode, LoadError, discover_files, load_document
from index.store import ChunkStore, DocRecord
from rag.progress import Progress as ProgressFn
from rag.types import Chunk, FileResult, FileStatus, IngestReport

# Part of every document hash: bump it when cleaning or chunking changes, so that
# re-ingesting re-chunks documents made by an older version instead of calling them unchanged.
PIPELINE_VERSION = "3"


@dataclass
class _Pending:
    record: DocRecord
    text: str
    chunks: list[Chunk]
    status: FileStatus
    kept_ratio: float = 1.0
    note: str = ""


class Ingestor:
    def __init__(
        self,
        store: ChunkStore,
        embedder: Embedder,
        chunker: Chunker,
        *,
        max_file_bytes: int,
        fingerprint: str,
        clean: CleanMode = "auto",
    ) -> None:
        self.store = store
        self.embedder = embedder
        self.chunker = chunker
        self.max_file_bytes = max_file_bytes
        self.fingerprint = fingerprint
        self.clean: CleanMode = clean

    def ingest(
        self,
        paths: Sequence[Path],
        *,
        prune: bool = False,
        progress: ProgressFn | None = None,
    ) -> IngestReport:
        t0 = time.perf_counter()
        report = IngestReport()
        known = self.store.documents()
        pending: list[_Pending] = []
        seen: set[str] = set()
        files = list(self._discover(paths, report))
        for i, (path, source) in enumerate(files):
            if progress:
                progress("reading", i, len(files))
            item = self._prepare(path, source, known, report)
            seen.add(str(path))
            if item is not None:
                pending.append(item)
        t_read = time.perf_counter()
        self._embed_and_commit(pending, report, progress)
        t_embed = time.perf_counter()
        if prune:
            self._prune(known, report)
        changed = bool(pending or report.removed)
        if changed or self._has_orphans(known):
            self.store.sweep()
            self.store.bump_generation()
        report.timings_ms = {
            "read": (t_read - t0) * 1000,
            "embed_store": (t_embed - t_read) * 1000,
            "total": (time.perf_counter() - t0) * 1000,
        }
        return report

    def remove(self, source: str) -> list[str]:
        """Remove documents whose source name or file path is `source`; returns their sources."""
        wanted = str(Path(source).expanduser().resolve()) if source else ""
        hits = [
            d for d in self.store.documents().values() if source in (d.source, d.key) or d.key == wanted
        ]
        for d in hits:
            self.store.remove_document(d.key)
        if hits:
            self.store.bump_generation()
        return [d.source for d in hits]

    # ---- steps ---------------------------------------------------------------------------
    def _discover(self, paths: Sequence[Path], report: IngestReport) -> Iterator[tuple[Path, str]]:
        for root in paths:
            files, failures = discover_files([root])
            for path, reason in failures:
                report.results.append(FileResult(source=str(path), status="failed", reason=reason))
            base = Path(root).expanduser()
            for f in files:
                f = f.resolve()
                source = f.relative_to(base.resolve()).as_posix() if base.is_dir() else f.name
                yield f, source

    def _prepare(
        self, path: Path, source: str, known: dict[str, DocRecord], report: IngestReport
    ) -> _Pending | None:
        try:
            doc = load_document(path, self.max_file_bytes, self.clean)
        except LoadError as err:
            report.results.append(FileResult(source=source, status="failed", reason=str(err)))
            return None
        key = str(path)
        doc_hash = hashlib.sha256(
            f"{doc.raw_sha256}\0{self.fingerprint}\0{PIPELINE_VERSION}\0{self.clean}".encode()
        ).hexdigest()[:32]
        old = known.get(key)
        if old is not None and old.doc_hash == doc_hash and old.source == source:
            report.results.append(FileResult(source=source, status="unchanged", chunks=old.n_chunks))
            return None
        chunks = self.chunker.split(
            key=key, source=source, title=doc.title, text=doc.text, doc_hash=doc_hash,
            markdown=doc.markdown, page_starts=doc.page_starts, rst=doc.rst,
        )
        if not chunks:
            report.results.append(
                FileResult(source=source, status="failed", reason="no text to index after cleaning")
            )
            return None
        record = DocRecord(
            key=key, source=source, title=doc.title, doc_hash=doc_hash,
            n_chunks=len(chunks), chars=len(doc.text),
        )
        return _Pending(
            record, doc.text, chunks, "updated" if old else "added", doc.kept_ratio,
            "; ".join(doc.notes),
        )

    def _embed_and_commit(
        self, pending: list[_Pending], report: IngestReport, progress: ProgressFn | None
    ) -> None:
        total = sum(len(p.chunks) for p in pending)
        done = 0
        # Embed several small documents per model call; commit each document on its own.
        for group in _groups(pending, min_chunks=self.embedder.batch_size * 2):
            chunks = [c for p in group for c in p.chunks]
            new = self._not_stored(chunks)
            if new:
                vectors = self.embedder.embed([embedding_text(c) for c in new])
                self.store.add_chunks(new, vectors)
            for p in group:
                self.store.commit_document(p.record, p.text)
                report.results.append(
                    FileResult(
                        source=p.record.source, status=p.status, chunks=len(p.chunks),
                        reason=p.note, kept_ratio=round(p.kept_ratio, 4),
                    )
                )
            done += len(chunks)
            if progress:
                progress("embedding", done, total)

    def _not_stored(self, chunks: list[Chunk]) -> list[Chunk]:
        """Chunks a killed ingest already wrote need no second embedding."""
        present = self.store.existing_ids([c.id for c in chunks])
        return [c for c in chunks if c.id not in present]

    def _prune(self, known: dict[str, DocRecord], report: IngestReport) -> None:
        for key, rec in known.items():
            if not Path(key).exists():
                self.store.remove_document(key)
                report.results.append(FileResult(source=rec.source, status="removed"))

    def _has_orphans(self, known: dict[str, DocRecord]) -> bool:
        return self.store.count() != sum(d.n_chunks for d in known.values())


def _groups(items: list[_Pending], min_chunks: int) -> Iterator[list[_Pending]]:
    group: list[_Pending] = []
    size = 0
    for item in items:
        group.append(item)
        size += len(item.chunks)
        if size >= min_chunks:
            yield group
            group, size = [], 0
    if group:
        yield group
