"""A store folder deleted and made again in one process opens as a new, empty store."""

from __future__ import annotations

import shutil
from pathlib import Path

from index.store import forget_client, open_client


def test_a_store_folder_made_again_gets_a_new_client(tmp_path: Path) -> None:
    store = tmp_path / "store"
    first = open_client(store, None, 8000)
    first.get_or_create_collection("chunks").add(ids=["a"], documents=["x"], embeddings=[[0.0, 1.0]])
    forget_client(store)
    shutil.rmtree(store)
    again = open_client(store, None, 8000)
    assert again.get_or_create_collection("chunks").count() == 0
    forget_client(tmp_path / "never-opened")  # nothing to forget is not an error
