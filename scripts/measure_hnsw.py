"""Measure Chroma's approximate search against exact search on a store, at several search breadths.

For each `ef_search` given, every question of a benchmark file is embedded and searched in the
store's chunk and unit collections; the script counts the exact 10 nearest vectors (cosine, by
numpy over every stored vector) that the HNSW search's top `--k` left out, and times one query.
It sets `ef_search` on the store it is given, so give it a copy:

    rag eval evals/benchmarks/docs_dev.jsonl --docs evals/benchmarks/docs_dev --out OUT
    cp -r OUT/store /tmp/copy
    python scripts/measure_hnsw.py /tmp/copy evals/benchmarks/docs_dev.jsonl --ef 100 300 1000

Eighteenth round, docs_dev (6,831 chunks, 11,976 units, top 30): at 100 (Chroma's default) the
search left out one of the exact 10 for 19 questions' chunks and 39 questions' units, at 300 for
3 and 11, at 1000 for 0 and 1 (index.store.SEARCH_EF). It is a recall against speed trade; nothing
is fitted on the questions.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

COLLECTIONS = ("rag_chunks", "rag_units")


def measure(store: Path, queries: np.ndarray, ef: int, k: int) -> None:
    """One breadth, in a process of its own: Chroma loads a collection's index at its first query
    and keeps the breadth it had then."""
    import chromadb

    client = chromadb.PersistentClient(path=str(store / "chroma"))
    for name in COLLECTIONS:
        client.get_collection(name).modify(configuration={"hnsw": {"ef_search": ef}})
    for name in COLLECTIONS:
        col = client.get_collection(name)
        got = col.get(include=["embeddings"])
        vectors = np.asarray(got["embeddings"], dtype=np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        ids = got["ids"]
        left = affected = 0
        spent = 0.0
        for q in queries:
            t0 = time.perf_counter()
            found = set(col.query(query_embeddings=[q.tolist()], n_results=k, include=[])["ids"][0])
            spent += time.perf_counter() - t0
            missing = sum(ids[i] not in found for i in np.argsort(-(vectors @ q))[:10])
            left += missing
            affected += missing > 0
        ms = spent * 1000 / len(queries)
        print(f"{ef:9d}  {name:10s}  {len(ids):7d}  {left:8d}  {affected:9d}  {ms:8.2f}", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store", type=Path, help="a store folder (a copy: its ef_search is changed)")
    ap.add_argument("questions", type=Path, help="a benchmark JSONL file, or the .npy of its query vectors")
    ap.add_argument("--ef", type=int, nargs="+", default=[100, 300, 1000])
    ap.add_argument("--k", type=int, default=30, help="results asked of the HNSW search")
    args = ap.parse_args(argv)
    if args.questions.suffix == ".npy":
        measure(args.store, np.load(args.questions), args.ef[0], args.k)
        return 0

    from rag.assistant import Assistant

    questions = [json.loads(line)["question"] for line in args.questions.read_text().splitlines() if line.strip()]
    # The product's own query vectors (opening the store this way sets index.store.SEARCH_EF).
    retriever = Assistant.open(str(args.store)).retriever
    queries = np.asarray([retriever.embed_query(q) for q in questions], dtype=np.float32)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    print(f"{len(questions)} questions; exact 10 nearest left out of the HNSW top {args.k}")
    print("ef_search  collection  vectors  left out  questions  ms/query", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        saved = Path(tmp) / "queries.npy"
        np.save(saved, queries)
        for ef in args.ef:
            cmd = [sys.executable, __file__, str(args.store), str(saved), "--ef", str(ef), "--k", str(args.k)]
            subprocess.run(cmd, check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
