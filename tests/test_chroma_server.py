"""Server mode: a real `chroma run` on loopback, `rag ingest`/`rag ask` through it, and a second
process's ingest becoming visible to an Assistant that is already open."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
HOST = "127.0.0.1"
QUESTION = "How many battalion tactical groups were positioned around Kyiv?"
EXTRA_FACT = (
    "The Varnholt lighthouse on Kestrel Island\n\n"
    "The Varnholt lighthouse on Kestrel Island has exactly 417 steps. It was built in 1887 by "
    "the engineer Miriam Oskarsdottir and is painted in red and white bands.\n"
)
EXTRA_QUESTION = "How many steps does the Varnholt lighthouse have?"

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(HF_HUB_OFFLINE="1", ANONYMIZED_TELEMETRY="False", **extra)
    return env


def _rag(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    res = subprocess.run([sys.executable, "-m", "rag.cli", *args], capture_output=True, text=True,
                         env=env or _env(), timeout=600, cwd=ROOT)
    assert res.returncode == 0, f"rag {' '.join(args)}:\n{res.stdout[-2000:]}\n{res.stderr[-3000:]}"
    return res


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    exe = Path(sys.executable).parent / "chroma"
    if not exe.is_file():
        pytest.skip("the chroma CLI is not installed next to this Python")
    port = _free_port()
    data = tmp_path_factory.mktemp("chroma-server")
    log = open(data.parent / f"chroma-{port}.log", "w")  # noqa: SIM115  (closed below)
    proc = subprocess.Popen(
        [str(exe), "run", "--path", str(data), "--host", HOST, "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT, env=_env(),
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                pytest.fail(f"chroma run exited with {proc.returncode}: see {log.name}")
            try:
                with urllib.request.urlopen(f"http://{HOST}:{port}/api/v2/heartbeat", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("the Chroma server did not answer its heartbeat within 60 s")
                time.sleep(0.25)
        yield port
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def test_ingest_and_ask_through_the_server(chroma_server: int, tmp_path: Path) -> None:
    port = str(chroma_server)
    store = tmp_path / "client-store"
    server = ("--chroma-host", HOST, "--chroma-port", port)
    _rag("ingest", str(SEEDS), *server, "--store", str(store))
    res = _rag("ask", QUESTION, *server, "--store", str(store), "--json")
    answer = json.loads(res.stdout)
    assert not answer["abstained"], answer["answer"]
    assert "000_1714d7cfa7218c5a.txt" in {c["source"] for c in answer["citations"]}
    # Nothing of the index went into the local folder: only the lexical cache does.
    assert not (store / "chroma").exists()
    # A client with another local folder (another machine) sees the same documents.
    res = _rag("sources", *server, "--store", str(tmp_path / "elsewhere"), "--json")
    assert len(json.loads(res.stdout)) == 5


def test_an_open_assistant_sees_another_process_ingest(chroma_server: int, tmp_path: Path) -> None:
    from rag import Assistant

    collection = "twoproc"
    env = _env(RAG_COLLECTION=collection)
    server = ("--chroma-host", HOST, "--chroma-port", str(chroma_server))
    _rag("ingest", str(SEEDS), *server, "--store", str(tmp_path / "writer"), env=env)

    reader = Assistant.open(tmp_path / "reader", chroma_host=HOST, chroma_port=chroma_server,
                            collection=collection)
    reader.retriever.refresh_interval_s = 0.5  # the class default is 2 s; a test need not wait
    before = reader.retriever.chunk_count
    assert before > 0
    first = reader.retrieve(EXTRA_QUESTION)
    assert all(r.chunk.source != "lighthouse.txt" for r in first)

    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "lighthouse.txt").write_text(EXTRA_FACT, encoding="utf-8")
    _rag("ingest", str(extra), *server, "--store", str(tmp_path / "writer"), env=env)

    deadline = time.monotonic() + 30
    while reader.retriever.chunk_count == before:
        assert time.monotonic() < deadline, "the open Assistant never saw the new document"
        time.sleep(0.2)
    answer = reader.ask(EXTRA_QUESTION)
    assert not answer.abstained, answer.text
    assert "417" in answer.text
    assert {c.source for c in answer.citations} == {"lighthouse.txt"}
    assert "lighthouse.txt" in {d.source for d in reader.sources()}


def test_prune_from_another_folder_or_host_leaves_the_first_folders_documents(
    chroma_server: int, tmp_path: Path
) -> None:
    import shutil

    from rag import Assistant

    collection = "prunescope"
    first = tmp_path / "first"
    shutil.copytree(SEEDS, first)
    env = _env(RAG_COLLECTION=collection)
    server = ("--chroma-host", HOST, "--chroma-port", str(chroma_server))
    _rag("ingest", str(first), *server, "--store", str(tmp_path / "host-a"), env=env)
    # Gone from this machine's disk, as another host's files are: a prune of another folder
    # must not take them.
    shutil.rmtree(first)
    other = tmp_path / "other"
    other.mkdir()
    (other / "lighthouse.txt").write_text(EXTRA_FACT, encoding="utf-8")
    res = _rag("ingest", str(other), "--prune", *server, "--store", str(tmp_path / "host-b"),
               env=env)
    assert "1 added, 0 updated, 0 unchanged, 0 removed" in res.stdout
    listed = json.loads(_rag("sources", "--json", *server, "--store", str(tmp_path / "b"),
                             env=env).stdout)
    assert len(listed) == 6
    # Another host pruning the very same folder path removes nothing of this host's either.
    b = Assistant.open(tmp_path / "host-b", chroma_host=HOST, chroma_port=chroma_server,
                       collection=collection)
    b.ingestor.host = "another-host"
    first.mkdir()
    report = b.ingest([first], prune=True)
    assert not report.removed and len(b.sources()) == 6
    # This host pruning its own folder does remove the vanished files.
    a = Assistant.open(tmp_path / "host-a", chroma_host=HOST, chroma_port=chroma_server,
                       collection=collection)
    report = a.ingest([first], prune=True)
    assert len(report.removed) == 5 and [d.source for d in a.sources()] == ["lighthouse.txt"]


def test_a_server_dying_mid_ingest_is_one_line(tmp_path: Path) -> None:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    exe = Path(sys.executable).parent / "chroma"
    if not exe.is_file():
        pytest.skip("the chroma CLI is not installed next to this Python")
    port = _free_port()
    server = subprocess.Popen([str(exe), "run", "--path", str(tmp_path / "data"), "--host", HOST,
                               "--port", str(port)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, env=_env())
    batch = tmp_path / "batch"
    batch.mkdir()
    seed = (SEEDS / "001_4c1f483199f9eca4.txt").read_text()
    for i in range(60):
        (batch / f"extra{i:03d}.txt").write_text(f"Report number {i} from Izyum.\n\n" + seed)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://{HOST}:{port}/api/v2/heartbeat", timeout=2):
                    break
            except OSError:
                assert time.monotonic() < deadline, "the Chroma server did not start"
                time.sleep(0.25)
        ingest = subprocess.Popen(
            [sys.executable, "-m", "rag.cli", "ingest", str(batch), "--chroma-host", HOST,
             "--chroma-port", str(port), "--store", str(tmp_path / "client")],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(), cwd=ROOT,
        )
        client = chromadb.HttpClient(host=HOST, port=port,
                                     settings=ChromaSettings(anonymized_telemetry=False))
        deadline = time.monotonic() + 300
        while True:  # kill the server once the ingest has written something
            try:
                if client.get_collection("rag_chunks").count() > 0:
                    break
            except Exception:
                pass
            assert ingest.poll() is None, "the ingest ended before the server could be killed"
            assert time.monotonic() < deadline, "the ingest never wrote anything"
            time.sleep(0.2)
    finally:
        server.kill()
        server.wait()
    _, err = ingest.communicate(timeout=300)
    assert ingest.returncode == 1, err[-2000:]
    assert "Traceback" not in err, err[-2000:]
    lines = [line for line in err.strip().splitlines() if not line.startswith("progress: ")]
    assert len(lines) == 1 and lines[0].startswith("rag: ") and "Chroma server" in lines[0], lines
