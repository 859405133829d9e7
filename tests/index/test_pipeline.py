"""Ingestion on the real stack: content-hash updates, prune, bad input, and a kill mid-ingest."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfWriter

from rag import Assistant
from rag.cli import main as cli

ARTICLE = (
    "Kupiansk logistics hub changes hands\n\n"
    "The garrison of Kupiansk withdrew across the Oskil river on Saturday, officials said.\n\n"
    "Residents reported that the bridge near the railway station had been destroyed overnight.\n"
)


@pytest.fixture()
def fresh(tmp_path: Path) -> Assistant:
    return Assistant.open(tmp_path / "store")


def consistent(a: Assistant) -> None:
    """Every committed document's chunks, and nothing else, are in the store; every dense unit
    (index.units) belongs to one of those chunks."""
    docs = a.store.documents()
    assert a.store.count() == sum(d.n_chunks for d in docs.values())
    assert a.retriever.chunk_count == a.store.count()
    chunk_ids = set(a.store.chunks.get(include=[])["ids"])
    units = a.store.units.get(include=["metadatas"])["metadatas"] or []
    assert {str(m["chunk"]) for m in units} <= chunk_ids


def test_reingest_unchanged_does_no_embedding(fresh: Assistant, seeds_copy: Path) -> None:
    first = fresh.ingest([seeds_copy])
    assert len(first.added) == 5 and first.ok
    calls: list[int] = []
    real = fresh.embedder.embed
    fresh.embedder.embed = lambda texts, progress=None: calls.append(len(texts)) or real(texts)  # type: ignore[method-assign]
    try:
        again = fresh.ingest([seeds_copy])
    finally:
        del fresh.embedder.embed
    assert len(again.unchanged) == 5 and not again.added and not again.updated
    assert calls == []
    consistent(fresh)


def test_changed_file_replaces_its_chunks_and_prune_removes(fresh: Assistant, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(ARTICLE)
    (docs / "b.txt").write_text(ARTICLE.replace("Kupiansk", "Lyman").replace("Oskil", "Zherebets"))
    assert len(fresh.ingest([docs]).added) == 2
    old_ids = set(fresh.store.chunks.get(where={"source": "a.txt"}, include=[])["ids"])
    # Its three paragraphs are embedded on their own too (the heading line joins the first).
    assert fresh.store.units.count() == 4

    (docs / "a.txt").write_text(ARTICLE.replace("Saturday", "Sunday"))
    report = fresh.ingest([docs])
    assert [r.source for r in report.updated] == ["a.txt"] and len(report.unchanged) == 1
    new_ids = set(fresh.store.chunks.get(where={"source": "a.txt"}, include=[])["ids"])
    assert new_ids and not (new_ids & old_ids)
    assert "Sunday" in fresh.ask("On which day did the Kupiansk garrison withdraw?").text
    consistent(fresh)

    (docs / "b.txt").unlink()
    assert not fresh.ingest([docs]).removed  # without --prune, nothing is removed
    report = fresh.ingest([docs], prune=True)
    assert [r.source for r in report.removed] == ["b.txt"]
    assert [d.source for d in fresh.sources()] == ["a.txt"]
    assert fresh.store.units.count() == 2  # the old version's and b.txt's are gone
    consistent(fresh)


def test_dense_units_can_be_switched_off_and_the_switch_reingests(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    plain = Assistant.open(tmp_path / "store", dense_units=False)
    assert len(plain.ingest([tmp_path / "a.txt"]).added) == 1
    assert plain.store.units.count() == 0
    assert "Oskil" in plain.ask("Which river did the Kupiansk garrison withdraw across?").text

    again = Assistant.open(tmp_path / "store")  # the default: units on
    assert [r.source for r in again.ingest([tmp_path / "a.txt"]).updated] == ["a.txt"]
    assert again.store.units.count() == 2
    consistent(again)


def test_remove_by_source(fresh: Assistant, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    fresh.ingest([tmp_path / "a.txt"])
    assert fresh.remove("a.txt") == ["a.txt"]
    assert fresh.sources() == [] and fresh.remove("a.txt") == []
    consistent(fresh)


def bad_inputs(folder: Path) -> dict[str, str]:
    """Files named after what is wrong with them -> a word their reason must contain."""
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 100)
    (folder / "undecodable.txt").write_bytes(bytes(range(128, 256)) * 20)
    (folder / "slides.docx").write_bytes(b"PK\x03\x04")
    (folder / "slides.key").write_bytes(b"PK\x03\x04")
    (folder / "huge.txt").write_text("A long sentence about Kharkiv and the war. " * 40_000)
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    with open(folder / "scan.pdf", "wb") as fh:
        writer.write(fh)
    return {
        "empty.txt": "empty",
        "binary.txt": "binary",
        "undecodable.txt": "text",
        "slides.docx": "unreadable .docx",
        "slides.key": "unsupported",
        "huge.txt": "limit",
        "scan.pdf": "text layer",
    }


def test_bad_inputs_fail_one_by_one_and_the_rest_is_ingested(tmp_path: Path) -> None:
    expected = bad_inputs(tmp_path / "docs")
    a = Assistant.open(tmp_path / "store", max_file_mb=1.0)
    report = a.ingest([tmp_path / "docs", tmp_path / "missing.txt"])
    failed = {Path(r.source).name: r.reason for r in report.failed}
    assert set(failed) == set(expected) | {"missing.txt"}
    for name, word in expected.items():
        assert word in failed[name], (name, failed[name])
        assert "\n" not in failed[name]
    assert "not found" in failed["missing.txt"]
    assert [r.source for r in report.added] == ["good.txt"] and not report.ok
    consistent(a)


def test_cli_ingest_exits_non_zero_and_names_each_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    bad_inputs(tmp_path / "docs")
    monkeypatch.setenv("RAG_MAX_FILE_MB", "1")
    code = cli(["ingest", str(tmp_path / "docs"), "--store", str(tmp_path / "s")])
    err = capsys.readouterr().err
    assert code == 1
    lines = [line for line in err.splitlines() if line.startswith("rag: ")]
    assert len(lines) == 7
    assert any("huge.txt" in line and "limit" in line for line in lines)
    assert all("Traceback" not in line for line in err.splitlines())


def test_kill_mid_ingest_leaves_the_previous_state_queryable(tmp_path: Path, seeds_copy: Path) -> None:
    store = tmp_path / "store"
    before = Assistant.open(store)
    before.ingest([seeds_copy])
    expected_docs = {d.source: d.chunks for d in before.sources()}
    del before

    batch = tmp_path / "batch"
    batch.mkdir()
    seed_text = (seeds_copy / "001_4c1f483199f9eca4.txt").read_text()
    for i in range(80):
        (batch / f"extra{i:03d}.txt").write_text(f"Report number {i} from Izyum.\n\n" + seed_text)
    sqlite = store / "chroma" / "chroma.sqlite3"
    mtime = sqlite.stat().st_mtime
    proc = subprocess.Popen(
        [sys.executable, "-m", "rag.cli", "ingest", str(batch), "--store", str(store)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 180
        # Wait for the first committed write, then kill while the batch is still going.
        while sqlite.stat().st_mtime == mtime and proc.poll() is None:
            assert time.monotonic() < deadline, "the ingest never started writing"
            time.sleep(0.05)
        time.sleep(1.0)
        assert proc.poll() is None, "the ingest finished before it could be killed"
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)

    after = Assistant.open(store)
    docs = {d.source: d.chunks for d in after.sources()}
    for source, n in expected_docs.items():
        assert docs[source] == n
    assert len(docs) < len(expected_docs) + 80, "the kill came too late to test anything"
    answer = after.ask("How many battalion tactical groups were positioned around Kyiv?")
    assert "20" in answer.text and answer.citations[0].source == "000_1714d7cfa7218c5a.txt"
    # Half-written documents are invisible, and the next ingest completes the batch.
    committed = {d.key for d in after.store.documents().values()}
    assert all(c.chunk.doc_key in committed for c in after.retrieve("Izyum report", 20))
    report = after.ingest([batch])
    assert report.ok and len(after.sources()) == len(expected_docs) + 80
    consistent(after)
