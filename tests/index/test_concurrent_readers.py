"""Readers rebuilding the lexical cache at the same moment never crash each other: each builds in
its own temporary folder and renames it into place, and a reader that finds a cache half gone
builds one in memory instead."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from index.bm25 import LexicalIndex
from rag.types import Chunk

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
# Each run starts 4 fresh processes (about 20 s of CPU on 2 cores); `make test` does 5 runs, and
# RAG_READER_RUNS=20 repeats the full check (run by hand: 80 processes, 0 crashes).
READERS, RUNS = 4, int(os.environ.get("RAG_READER_RUNS", "5"))

READER = textwrap.dedent('''
    import sys
    from rag import Assistant
    a = Assistant.open(sys.argv[1])
    a.retriever.refresh(force=True)
    hits = a.retriever.lexical("battalion tactical groups around Kyiv", 5)
    assert hits and hits[0][0].source == "000_1714d7cfa7218c5a.txt", hits
    print(len(a.retriever._by_id))
''')


def _chunk(i: int) -> Chunk:
    return Chunk(id=f"c{i}", source=f"s{i}.txt", title="", text=f"word{i} shared text", start=0,
                 end=10, doc_hash="h", doc_id=f"d{i}")


def test_a_cache_is_found_only_complete_and_only_for_its_state(tmp_path: Path) -> None:
    index = LexicalIndex.build([_chunk(i) for i in range(5)], "state-1")
    index.save(tmp_path)
    assert LexicalIndex.load(tmp_path, "state-2") is None
    loaded = LexicalIndex.load(tmp_path, "state-1")
    assert loaded is not None and [c.id for c in loaded.chunks] == [c.id for c in index.chunks]
    # A folder without its marker (a writer killed mid-save) is ignored, and no temp folder stays.
    folder = next(tmp_path.iterdir())
    (folder / "generation.json").unlink()
    assert LexicalIndex.load(tmp_path, "state-1") is None
    index.save(tmp_path)  # a second save of the same state does not fail either
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".tmp")]
    # A cache that is not there at all (deleted under us) is None, not an exception.
    shutil.rmtree(tmp_path)
    assert LexicalIndex.load(tmp_path, "state-1") is None


@pytest.mark.slow
def test_four_readers_rebuilding_a_stale_cache_at_once_never_crash(tmp_path: Path) -> None:
    store = tmp_path / "store"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    res = subprocess.run([sys.executable, "-m", "rag.cli", "ingest", str(SEEDS), "--store",
                          str(store)], capture_output=True, text=True, env=env, timeout=600)
    assert res.returncode == 0, res.stderr
    script = tmp_path / "reader.py"
    script.write_text(READER)
    cache = store / "cache-rag" / "bm25"
    crashes: list[str] = []
    for run in range(RUNS):
        shutil.rmtree(cache, ignore_errors=True)  # stale: every reader must rebuild it
        procs = [subprocess.Popen([sys.executable, str(script), str(store)], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for _ in range(READERS)]
        for p in procs:
            out, err = p.communicate(timeout=300)
            if p.returncode != 0:
                crashes.append(f"run {run}: exit {p.returncode}: {err.strip()[-500:]}")
            elif int(out.split()[-1]) == 0:
                crashes.append(f"run {run}: saw no chunks")
    assert crashes == []
    # What is left is one complete cache folder, no temporary ones.
    assert [p.name.startswith("v") for p in cache.iterdir()] == [True]
