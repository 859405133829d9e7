"""Crash consistency of the ingest protocol, deterministically: the ingest is stopped at every
step it reports (index.pipeline: chunks written, document committed, document removed, swept),
and then a fresh reader must search exactly what `sources()` lists, never a superseded chunk, and
the next ingest must repair everything. The batch updates a file, adds one, and moves one (an
identity change, with --prune), so every kind of record change is cut at every point."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from index.units import units_of
from rag import Assistant

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SMALL = {"chunk_tokens": 64, "chunk_overlap": 8}  # many chunks from short texts: more steps


class Killed(BaseException):
    """Raised from the step hook; BaseException so that no handler on the way swallows it."""


def article(place: str, word: str, n: int = 8) -> str:
    body = "\n\n".join(
        f"In {place}, report {i} says the {word} convoy number {i * 7} crossed the bridge at dawn "
        f"while residents of district {i} counted {i * 13} vehicles along the river road."
        for i in range(1, n + 1)
    )
    return f"News from {place}\n\n{body}\n"


def _cli(*args: str) -> None:
    env = dict(os.environ, RAG_CHUNK_TOKENS=str(SMALL["chunk_tokens"]),
               RAG_CHUNK_OVERLAP=str(SMALL["chunk_overlap"]))
    res = subprocess.run([sys.executable, "-m", "rag.cli", *args], capture_output=True, text=True,
                         cwd=ROOT, timeout=600, env=env)
    assert res.returncode == 0, res.stderr[-2000:]


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(docs folder after the edits, store holding the state before them) — the store made by
    a separate process, so its files are complete when copied."""
    base = tmp_path_factory.mktemp("crash")
    docs = base / "docs"
    (docs / "old").mkdir(parents=True)
    (docs / "keep.txt").write_text(article("Izyum", "grey"))
    (docs / "change.txt").write_text(article("Lyman", "amber"))
    (docs / "old" / "move.txt").write_text(article("Kupiansk", "violet"))
    store = base / "store"
    _cli("ingest", str(docs), "--store", str(store))
    # The edits the interrupted ingest is about: an update, an addition, a move.
    (docs / "change.txt").write_text(article("Lyman", "crimson", n=9))
    (docs / "added.txt").write_text(article("Balakliia", "teal"))
    (docs / "new").mkdir()
    (docs / "old" / "move.txt").rename(docs / "new" / "moved.txt")
    return docs, store


def _open(store: Path, hook: Callable[[str], None] | None = None) -> Assistant:
    a = Assistant.open(store, **SMALL)  # type: ignore[arg-type]
    a.on_ingest_step = hook
    a.ingestor.write_batch = 4
    return a


def _steps(scenario: tuple[Path, Path], tmp_path: Path) -> list[str]:
    docs, store = scenario
    copy = tmp_path / "record"
    shutil.copytree(store, copy)
    steps: list[str] = []
    _open(copy, steps.append).ingest([docs], prune=True)
    return steps


def assert_reader_agrees(store: Path) -> None:
    reader = Assistant.open(store, **SMALL)  # type: ignore[arg-type]
    docs = reader.store.documents()
    listed = reader.sources()
    assert sum(d.chunks for d in listed) == reader.retriever.chunk_count
    assert len({d.path for d in listed}) == len(listed), "two records for one file"
    committed = {(d.doc_id, d.doc_hash) for d in docs.values()}
    for question in ("crimson convoy crossed the bridge", "amber convoy Lyman", "violet Kupiansk"):
        for hit in reader.retrieve(question, 20):
            c = hit.chunk
            assert (c.doc_id, c.doc_hash) in committed, f"superseded chunk retrieved: {c.text[:60]}"
            assert c.source == docs[c.doc_id].source


def test_every_step_of_the_ingest_protocol_can_be_killed(
    scenario: tuple[Path, Path], tmp_path: Path
) -> None:
    docs, store = scenario
    steps = _steps(scenario, tmp_path)
    # The protocol's steps all occur, several writes per document among them.
    assert {"chunks_written", "committed", "removed", "swept"} <= set(steps)
    assert steps.count("chunks_written") >= 4
    for k, step in enumerate(steps):
        copy = tmp_path / f"kill-{k}"
        shutil.copytree(store, copy)

        def kill(name: str, countdown: list[int] = [k]) -> None:  # noqa: B006
            if countdown[0] == 0:
                raise Killed(name)
            countdown[0] -= 1

        with pytest.raises(Killed):
            _open(copy, kill).ingest([docs], prune=True)
        assert_reader_agrees(copy)

        # The next ingest repairs everything: each file once, no orphan, nothing superseded.
        again = _open(copy)
        report = again.ingest([docs], prune=True)
        assert report.ok, (k, step, report.summary())
        sources = sorted(d.source for d in again.sources())
        assert sources == ["added.txt", "change.txt", "keep.txt", "new/moved.txt"], (k, step)
        counted = sum(d.chunks for d in again.sources())
        assert again.store.count() == counted == again.retriever.chunk_count, (k, step)
        assert unit_owners(again) <= set(again.store.chunks.get(include=[])["ids"]), (k, step)
        assert_reader_agrees(copy)


def unit_owners(a: Assistant) -> set[str]:
    """The chunk ids the store's dense units point at (index.units)."""
    metas = a.store.units.get(include=["metadatas"])["metadatas"] or []
    return {str(m["chunk"]) for m in metas if m}


def test_a_rerun_after_a_kill_reuses_the_chunks_already_written(
    scenario: tuple[Path, Path], tmp_path: Path
) -> None:
    docs, store = scenario
    copy = tmp_path / "reuse"
    shutil.copytree(store, copy)
    writes = 0

    def kill_late(name: str) -> None:
        nonlocal writes
        writes += name == "chunks_written"
        if writes == 3:
            raise Killed(name)

    with pytest.raises(Killed):
        _open(copy, kill_late).ingest([docs], prune=True)
    again = _open(copy)
    embedded: list[int] = []
    real = again.embedder.embed
    again.embedder.embed = lambda texts, progress=None: embedded.append(len(texts)) or real(texts)  # type: ignore[method-assign]
    try:
        assert again.ingest([docs], prune=True).ok
    finally:
        del again.embedder.embed
    # What a full ingest of the changed files embeds: each chunk's units, or the chunk itself
    # when it has none (index.units).
    fresh = [c for c in again.store.committed_chunks() if c.source != "keep.txt"]
    total_new = sum(len(units_of(c)) or 1 for c in fresh)
    most_per_chunk = max(len(units_of(c)) or 1 for c in fresh)
    # Three batches of at most 4 chunks were written before the kill: at most 12 chunks (and
    # their units) fewer, at least 1.
    assert total_new - 12 * most_per_chunk <= sum(embedded) < total_new
