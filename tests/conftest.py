"""Session-wide fixtures: the real embedding model and a real Chroma store over seeds/, built once."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


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
    """A private, writable copy of the seed files."""
    dst = tmp_path / "docs"
    shutil.copytree(SEEDS, dst)
    for f in dst.iterdir():
        f.chmod(0o644)
    return dst
