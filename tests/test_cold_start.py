"""Cold start of `rag ask`: the query path embeds with onnxruntime through a verified ONNX export
and imports neither torch, sentence-transformers, transformers nor llama-index. Times are
printed (run with -s to see them), never asserted: they depend on the machine's load."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from index.embedding import Embedder, export_onnx, export_path

QUESTION = "How many battalion tactical groups were positioned around Kyiv?"
HEAVY = ("torch", "sentence_transformers", "transformers", "llama_index", "llama_cpp", "gradio")
TEXTS = [
    "How many battalion tactical groups were positioned around Kyiv?",
    "ok",
    "Serhiy Haidai, Luhansk regional governor, said the shelling had not stopped.",
    " ".join(["A very long passage that goes past the 256 word-piece limit of the model."] * 30),
]

pytestmark = pytest.mark.slow


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(HF_HUB_OFFLINE="1", ANONYMIZED_TELEMETRY="False")
    return env


def test_fast_path_vectors_match_sentence_transformers() -> None:
    fast = Embedder(backend="onnx")
    reference = Embedder(backend="sentence-transformers")
    assert fast.engine == "onnxruntime" and reference.engine == "torch"
    a, b = fast.embed(TEXTS), reference.embed(TEXTS)
    assert a.dtype == np.float32 and a.shape == (len(TEXTS), fast.dim)
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)
    assert float((a * b).sum(axis=1).min()) >= 1 - 1e-5
    # One at a time (no padding) gives the same vectors as in a batch of mixed lengths.
    one = np.vstack([fast.embed_one(t) for t in TEXTS])
    assert float((one * a).sum(axis=1).min()) >= 1 - 1e-5


def test_export_into_an_empty_cache(tmp_path: Path) -> None:
    emb = Embedder(cache_dir=tmp_path)
    target = export_path(emb.model_path, tmp_path)
    assert emb.onnx_path == target and not target.exists()
    t = time.perf_counter()
    info = export_onnx(emb.model_path, target)
    print(f"\nONNX export + check: {time.perf_counter() - t:.1f} s, {info}")
    assert target.is_file() and info["min_cosine_vs_sentence_transformers"] >= 1 - 1e-5
    assert not list(target.parent.glob("*.tmp"))
    # A model whose files change gets a new cache entry.
    assert export_path(emb.model_path, tmp_path / "other") != target


def test_rag_ask_in_a_new_process_stays_light(seeds_store: Path) -> None:
    Embedder().warm_up()  # the export exists before the timed runs (made once per machine)
    cmd = [sys.executable, "-X", "importtime", "-m", "rag.cli", "ask", "--store", str(seeds_store),
           "--json", QUESTION]
    walls = []
    for _ in range(3):
        t = time.perf_counter()
        res = subprocess.run(cmd, capture_output=True, text=True, env=_env(), timeout=300)
        walls.append(time.perf_counter() - t)
        assert res.returncode == 0, res.stderr[-2000:]
    imported = {
        m.group(1).split(".")[0]
        for m in re.finditer(r"^import time:.*\|\s*(\S+)$", res.stderr, re.M)
    }
    assert not imported & set(HEAVY), sorted(imported & set(HEAVY))
    answer = json.loads(res.stdout)
    assert not answer["abstained"]
    assert any(c["source"] == "000_1714d7cfa7218c5a.txt" for c in answer["citations"])
    walls.sort()
    print(f"\ncold start `rag ask` (with -X importtime): median {walls[1]:.2f} s, runs {walls}")
