"""The vector collections are cosine and searched with index.store.SEARCH_EF, also in a store made
before the search breadth was raised (Chroma's default of 100 missed near neighbours)."""

from __future__ import annotations

from pathlib import Path

from index.store import SEARCH_EF, ChunkStore, open_client


def test_new_collections_are_cosine_and_searched_wide(tmp_path: Path) -> None:
    store = ChunkStore(open_client(tmp_path / "store", None, 8000), "rag")
    for collection in (store.chunks, store.units):
        hnsw = collection.configuration["hnsw"]
        assert (hnsw["space"], hnsw["ef_search"]) == ("cosine", SEARCH_EF)
    assert SEARCH_EF > 100


def test_an_older_store_is_searched_wide_and_stays_cosine(tmp_path: Path) -> None:
    client = open_client(tmp_path / "store", None, 8000)
    for name in ("rag_chunks", "rag_units"):
        # How stores were made until the eighteenth round: Chroma's default breadth.
        client.get_or_create_collection(name, metadata={"hnsw:space": "cosine"}, embedding_function=None)
    assert client.get_collection("rag_chunks").configuration["hnsw"]["ef_search"] == 100
    store = ChunkStore(client, "rag")
    for collection in (store.chunks, store.units):
        hnsw = collection.configuration["hnsw"]
        assert (hnsw["space"], hnsw["ef_search"]) == ("cosine", SEARCH_EF)
