"""Fixtures for both tiers, and the rule that keeps the fast tier fast.

Fast tier (`make test-fast`, `-m "not slow"`): a deterministic fake embedder and an in-memory
Chroma (tests/fakes.py). Slow tier: the real MiniLM and a real Chroma store over seeds/, built
once per session; llama.cpp, servers and the browser. A test is slow when it is marked, or
when it uses one of REAL_FIXTURES (marked here, centrally). An unmarked test that loads the
real embedding model fails with a message saying so, so the fast tier cannot quietly grow slow.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/fakes.py

from fakes import FakeEmbedder, fake_assistant  # noqa: E402

# Fixtures that load the real model, a server or llama.cpp: a test using one is slow.
REAL_FIXTURES = frozenset({"seeds_store", "assistant", "gguf_path", "smollm2", "seeds_run"})
# Modules whose tests open real Assistants themselves (ingest with MiniLM, SIGKILL a real
# ingest); tests there that need no model can move to the fast_assistant fixture.
REAL_MODULES = frozenset({"tests/index/test_pipeline.py"})


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        module = Path(str(item.fspath)).resolve().relative_to(ROOT).as_posix()
        if REAL_FIXTURES & set(getattr(item, "fixturenames", ())) or module in REAL_MODULES:
            item.add_marker(pytest.mark.slow)
    # Files with a slow test first, each file kept whole and in order: `make test` hands files
    # to two workers in this order (pytest-xdist, --dist loadfile), so the long ones start at
    # once and the quick unit files fill the tail instead of one worker idling at the end.
    slow_files = {item.path for item in items if item.get_closest_marker("slow") is not None}
    items.sort(key=lambda item: item.path not in slow_files)


@pytest.fixture(autouse=True)
def _fast_tier_guard(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """In a test not marked slow, loading the real embedding model is an error."""
    if request.node.get_closest_marker("slow") is not None:
        return
    import index.embedding as embedding

    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError(
            f"{request.node.nodeid} loads the real embedding model: mark it "
            "@pytest.mark.slow, or use the fake_embedder / fake_assistant fixtures"
        )

    monkeypatch.setattr(embedding, "_load_sentence_transformer", refuse)
    monkeypatch.setattr(embedding._OrtEngine, "__init__", refuse)


@pytest.fixture()
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture()
def fast_assistant(tmp_path: Path) -> Any:
    """An Assistant over an in-memory Chroma with the fake embedder (fast tier)."""
    return fake_assistant(tmp_path / "store")


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with the five seeds ingested; tests must not modify it."""
    from rag import Assistant

    store = tmp_path_factory.mktemp("seeds-store")
    report = Assistant.open(store).ingest([SEEDS])
    assert report.ok and len(report.added) == 5
    return store


@pytest.fixture(scope="session")
def assistant(seeds_store: Path) -> Iterator[object]:
    from rag import Assistant

    a = Assistant.open(seeds_store)
    a.warm_up()
    yield a


@pytest.fixture()
def seeds_copy(tmp_path: Path) -> Path:
    """A private, writable copy of the seed files (found from this file, not the working folder)."""
    dst = tmp_path / "docs"
    shutil.copytree(SEEDS, dst)
    for f in dst.iterdir():
        f.chmod(0o644)
    return dst
