"""Ingestion: files -> cleaned text -> chunks -> vectors -> Chroma, one committed document at a time.

The protocol, and what a kill between any two steps leaves (tests/index/test_crash.py kills at
every step through the `on_step` hook):
  1. "chunks_written"  a bounded batch of a document's chunks is in the collection, their dense
                       units (index.units) written just before them. Invisible: no record names
                       them. A re-run finds them by id and does not embed again.
  2. "committed"       the document's record (doc_id -> doc_hash) is upserted: the new version
                       is visible, the old version's chunks are not (readers check the hash).
  3. "removed"         --prune deleted a record (then its chunks).
  4. "swept"           chunks no record owns are deleted.
Readers key their lexical cache by the records themselves, so they always agree with step 2.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from index.chunking import Chunker, embedding_text
from index.discovery import FoundFile, discover
from index.embedding import Embedder
from index.loaders import CleanMode, LoadError, load_document
from index.store import ChunkStore, DocRecord, make_doc_id, this_host
from index.units import mean_vectors, unit_text, units_of
from rag.progress import Progress as ProgressFn
from rag.types import Chunk, FileResult, FileStatus, IngestReport

# Part of every document hash: bump it when cleaning or chunking changes, so that
# re-ingesting re-chunks documents made by an older version instead of calling them unchanged.
PIPELINE_VERSION = "48"

# Called after each step of the protocol above with the step's name; a test raises from it to
# stop the ingest exactly there, as a kill would.
StepHook = Callable[[str], None]

# Chunks embedded and written per batch: memory stays bounded whatever the size of a document.
WRITE_BATCH = 256
# Characters of a document given to the chunker at once (see Ingestor._split).
SECTION_CHARS = 500_000


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
        dense_units: bool = True,
        host: str | None = None,
        on_step: StepHook | None = None,
        write_batch: int = WRITE_BATCH,
        section_chars: int = SECTION_CHARS,
    ) -> None:
        self.store = store
        self.embedder = embedder
        self.chunker = chunker
        self.max_file_bytes = max_file_bytes
        self.fingerprint = fingerprint
        self.clean: CleanMode = clean
        self.dense_units = dense_units
        self.host = host or this_host()
        self.on_step = on_step
        self.write_batch = write_batch
        self.section_chars = section_chars

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
        found, problems = discover(paths)
        for path, reason in problems:
            report.results.append(FileResult(source=str(path), status="failed", reason=reason))
        names = assign_sources(found, known, self.host)
        batch = _Batch(self, report, progress)
        for i, (f, source) in enumerate(zip(found, names, strict=True)):
            if progress:
                progress("reading", i, len(found))
            item = self._prepare(f, source, known, report)
            if item is not None:
                batch.add(item)
        batch.flush()
        t_embed = time.perf_counter()
        if prune:
            self._prune(known, found, paths, report)
        if batch.changed or report.removed or self._has_orphans():
            self.store.sweep()
            self._step("swept")
        report.timings_ms = {
            "embed_store": (t_embed - t0) * 1000,
            "total": (time.perf_counter() - t0) * 1000,
        }
        return report

    def remove(self, ref: str) -> list[DocRecord]:
        """Remove the one document `ref` names (see ChunkStore.find); refuse an ambiguous name."""
        hits = self.store.find_one(ref, self.host)
        for d in hits:
            self.store.remove_document(d.doc_id)
            self._step("removed")
        return hits

    # ---- steps ---------------------------------------------------------------------------
    def _step(self, name: str) -> None:
        if self.on_step is not None:
            self.on_step(name)

    def _prepare(
        self, f: FoundFile, source: str, known: dict[str, DocRecord], report: IngestReport
    ) -> _Pending | None:
        key = str(f.path)
        doc_id = make_doc_id(key, self.host)
        try:
            doc = load_document(f.path, self.max_file_bytes, self.clean)
        except LoadError as err:
            report.results.append(
                FileResult(source=source, status="failed", reason=str(err), doc_id=doc_id)
            )
            return None
        # The source is part of the version: chunks carry it, so a renamed document gets chunks
        # that say its new name (and the old ones are swept), never a mix.
        doc_hash = hashlib.sha256(
            f"{doc.raw_sha256}\0{self.fingerprint}\0{PIPELINE_VERSION}\0{self.clean}\0{source}".encode()
        ).hexdigest()[:32]
        old = known.get(doc_id)
        root = str(f.root)
        if old is not None and old.doc_hash == doc_hash and old.root == root:
            report.results.append(
                FileResult(source=source, status="unchanged", chunks=old.n_chunks, doc_id=doc_id)
            )
            return None
        chunks = self._split(
            key, doc_id, source, doc.title, doc.text, doc_hash, doc.markdown, doc.page_starts,
            doc.rst, doc.plain,
        )
        if not chunks:
            report.results.append(FileResult(
                source=source, status="failed", reason="no text to index after cleaning",
                doc_id=doc_id,
            ))
            return None
        record = DocRecord(
            key=key, source=source, title=doc.title, doc_hash=doc_hash, n_chunks=len(chunks),
            chars=len(doc.text), doc_id=doc_id, root=root, host=self.host,
        )
        if old is not None and old.doc_hash == doc_hash:
            status: FileStatus = "unchanged"  # only the recorded ingest root moved
        else:
            status = "updated" if old else "added"
        return _Pending(
            record, doc.text, chunks, status, doc.kept_ratio, "; ".join(doc.notes)
        )

    def _split(
        self, key: str, doc_id: str, source: str, title: str, text: str, doc_hash: str,
        markdown: bool = False, page_starts: Sequence[int] | None = None, rst: bool = False,
        plain: bool = False,
    ) -> list[Chunk]:
        """Chunk a document section by section: the splitter's working memory grows with the text
        it is given (about 140 MB per MB of text), so a big file is fed to it in bounded pieces
        cut at paragraph breaks. Offsets stay offsets into the whole text; ids and positions run
        on across sections."""
        prefix = hashlib.sha256(f"{key}\0{doc_hash}".encode()).hexdigest()[:20]
        out: list[Chunk] = []
        for offset, section in sections(text, self.section_chars):
            # Page starts relative to the section (earlier ones negative) keep page numbers whole.
            starts = None if page_starts is None else [p - offset for p in page_starts]
            for c in self.chunker.split(
                key=key, source=source, title=title, text=section, doc_hash=doc_hash,
                markdown=markdown, page_starts=starts, rst=rst, plain=plain,
            ):
                n = len(out)
                out.append(replace(
                    c, id=f"{prefix}-{n:06d}", position=n, doc_id=doc_id,
                    start=c.start + offset, end=c.end + offset,
                ))
        return out

    def _write(self, chunks: list[Chunk]) -> None:
        """Embed and write chunks in bounded batches; those a killed run wrote are reused."""
        for i in range(0, len(chunks), self.write_batch):
            part = chunks[i : i + self.write_batch]
            present = self.store.existing_ids([c.id for c in part])
            new = [c for c in part if c.id not in present]
            if new:
                owners = {c.id: c for c in new}
                units = [u for c in new for u in units_of(c)] if self.dense_units else []
                # A chunk with units is not embedded itself: its vector is their mean (index.units).
                split = {u.chunk_id for u in units}
                whole = [c for c in new if c.id not in split]
                vectors = self.embedder.embed(
                    [embedding_text(c) for c in whole] + [unit_text(owners[u.chunk_id], u) for u in units]
                )
                unit_vectors = vectors[len(whole) :]
                if units:  # written first (ChunkStore.add_units)
                    self.store.add_units(units, owners, unit_vectors)
                by_chunk = dict(zip((c.id for c in whole), vectors[: len(whole)], strict=True))
                by_chunk |= mean_vectors(units, unit_vectors)
                self.store.add_chunks(new, np.stack([by_chunk[c.id] for c in new]))
            self._step("chunks_written")

    def _commit(self, p: _Pending, report: IngestReport) -> None:
        self.store.commit_document(p.record, p.text)
        self._step("committed")
        report.results.append(FileResult(
            source=p.record.source, status=p.status, chunks=len(p.chunks), doc_id=p.record.doc_id,
            reason=p.note, kept_ratio=round(p.kept_ratio, 4),
        ))

    def _prune(
        self, known: dict[str, DocRecord], found: list[FoundFile], paths: Sequence[Path],
        report: IngestReport,
    ) -> None:
        """Remove documents whose files are gone, among those that came from the paths given in
        this run on this host; never a document ingested from elsewhere or by another machine."""
        roots = [f.root for f in found]
        for p in paths:
            try:
                roots.append(Path(p).expanduser().resolve())
            except (OSError, RuntimeError):
                continue
        given = {str(r) for r in roots}
        present = {make_doc_id(str(f.path), self.host) for f in found}
        for rec in known.values():
            if rec.host != self.host or rec.doc_id in present:
                continue
            inside = rec.root in given or any(_is_under(rec.key, r) for r in given)
            if inside and not Path(rec.key).exists():
                self.store.remove_document(rec.doc_id)
                self._step("removed")
                report.results.append(
                    FileResult(source=rec.source, status="removed", doc_id=rec.doc_id)
                )

    def _has_orphans(self) -> bool:
        docs = self.store.documents()
        return self.store.count() != sum(d.n_chunks for d in docs.values())


class _Batch:
    """Small documents are embedded together (one model call for many), big ones in slices;
    every document is committed once all its chunks are written."""

    def __init__(self, ingestor: Ingestor, report: IngestReport, progress: ProgressFn | None):
        self.ingestor = ingestor
        self.report = report
        self.progress = progress
        self.items: list[_Pending] = []
        self.size = 0
        self.done = 0
        self.seen = 0
        self.changed = False

    def add(self, item: _Pending) -> None:
        self.items.append(item)
        self.size += len(item.chunks)
        self.seen += len(item.chunks)
        if self.size >= self.ingestor.write_batch:
            self.flush()

    def flush(self) -> None:
        if not self.items:
            return
        chunks = [c for p in self.items for c in p.chunks]
        step = self.ingestor.write_batch
        for i in range(0, len(chunks), step):
            self.ingestor._write(chunks[i : i + step])
            self.done += len(chunks[i : i + step])
            if self.progress:
                self.progress("embedding", self.done, self.seen)
        for p in self.items:
            self.ingestor._commit(p, self.report)
        self.changed = True
        self.items, self.size = [], 0


def assign_sources(found: list[FoundFile], known: dict[str, DocRecord], host: str) -> list[str]:
    """A unique display name per file: relative to the folder it was found in, with as many
    parent folders as it takes to tell it apart from the other files of this run and from the
    documents already stored (`rag ingest a/ b/` -> a/notes.md, b/notes.md). A document keeps
    the name it already has while that name is still one of its own and unique."""
    ids = [make_doc_id(str(f.path), host) for f in found]
    batch_ids = set(ids)
    taken = {d.source for d in known.values() if d.doc_id not in batch_ids}
    # Files of this run that share a name are all lengthened alike, so neither looks "the" one.
    by_rel: dict[str, list[int]] = {}
    for i, f in enumerate(found):
        by_rel.setdefault(f.rel, []).append(i)
    start = [0] * len(found)
    for group in by_rel.values():
        if len(group) < 2:
            continue
        depth = 0
        while len({_name_at(found[i], depth) for i in group}) < len(group):
            if all(depth >= len(found[i].names()) - 1 for i in group):
                break
            depth += 1
        for i in group:
            start[i] = depth
    out: list[str] = []
    for i, f in enumerate(found):
        names = f.names()
        old = known.get(ids[i])
        if old is not None and old.source in names and old.source not in taken:
            chosen = old.source
        else:
            chosen = next((n for n in names[start[i]:] if n not in taken), names[-1])
        taken.add(chosen)
        out.append(chosen)
    return out


def _name_at(f: FoundFile, depth: int) -> str:
    names = f.names()
    return names[min(depth, len(names) - 1)]


def sections(text: str, limit: int) -> list[tuple[int, str]]:
    """(offset, piece) covering `text` in order, each at most `limit` characters where a
    paragraph break (else a line break, else a space) allows; pieces are verbatim slices."""
    out: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = -1
        for sep in ("\n\n", "\n", " "):
            cut = text.rfind(sep, start + limit // 2, end)
            if cut > start:
                cut += len(sep)
                break
        if cut <= start:
            cut = end
        out.append((start, text[start:cut]))
        start = cut
    out.append((start, text[start:]))
    return out


def _is_under(path: str, folder: str) -> bool:
    return path.startswith(folder.rstrip("/") + "/")
