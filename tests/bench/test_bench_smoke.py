"""`rag bench` end to end at a tiny size: every reported field is there. Speed is never asserted."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bench import runner


def test_cli_arguments_reach_the_runner(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen: dict[str, Any] = {}

    def fake_run(config: runner.BenchConfig, open_assistant: Any) -> runner.BenchResult:
        seen["config"] = config
        seen["open"] = open_assistant
        return runner.BenchResult(created="now", machine={}, settings={})

    monkeypatch.setattr(runner, "run", fake_run)
    from rag.cli import main

    rc = main(["bench", "--sizes", "10000,1000", "--queries", "7", "--out", str(tmp_path)])
    assert rc == 0
    cfg = seen["config"]
    assert isinstance(cfg, runner.BenchConfig)
    assert cfg.sizes == [1000, 10000] and cfg.queries == 7 and cfg.out == tmp_path
    assert cfg.store_root is None and cfg.corpus_dir is None


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--sizes", "abc"], "--sizes 'abc': give chunk counts of at least 10"),
        (["--sizes", "5"], "--sizes '5': give chunk counts of at least 10"),
        (["--queries", "0"], "--queries must be at least 1, got 0"),
    ],
)
def test_bad_arguments_are_a_usage_error(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from rag.cli import main

    assert main(["bench", *argv]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]


@pytest.mark.parametrize(
    ("text", "sizes"), [("1000", [1000]), ("10_000,1000,1000", [1000, 10000])]
)
def test_parse_sizes(text: str, sizes: list[int]) -> None:
    assert runner.parse_sizes(text) == sizes


@pytest.mark.slow
def test_bench_small_run_writes_every_field(tmp_path: Path) -> None:
    out = tmp_path / "out"
    cfg = runner.BenchConfig(
        sizes=[40, 120], out=out, queries=8, cold_start_runs=1, compare_backends=True,
        backend_sample=4, answer_queries=3, ask_queries=2, pool_sentences=100,
        store_root=tmp_path / "stores",
    )
    runner.run(cfg)  # the default factory: Assistant.open(store, **settings)
    data = json.loads((out / "bench.json").read_text())
    # The verdicts, recomputed from the measurements in the file against the stated targets.
    largest = data["sizes"][-1]
    targets = runner.TARGETS
    assert data["targets_met"]["hybrid_p50"] == (
        largest["retrieval"]["hybrid"]["p50"] <= targets["hybrid_p50_ms_max"]
    )
    assert data["targets_met"]["ingest"] == (
        data["ingest"]["chunks_per_s"] >= targets["ingest_chunks_per_s_min"]
    )
    ing = data["ingest"]
    for key in ("chunks", "chunks_per_s", "embed_chunks_per_s", "store_chunks_per_s",
                "mean_word_pieces", "seconds", "peak_rss_mb", "engine"):
        assert key in ing, key
    assert ing["chunks"] >= 30
    # Measured through the embedder's Timing events: every chunk was embedded, none twice.
    assert ing["embed_s"] > 0 and ing["embed_chunks_per_s"] > 0
    assert ing["chunks_per_s"] == pytest.approx(ing["chunks"] / ing["seconds"], rel=0.01)
    assert [s["requested"] for s in data["sizes"]] == [40, 120]
    assert data["sizes"][1]["chunks"] >= 120 and data["sizes"][1]["synthetic_added"] > 0
    for size in data["sizes"]:
        for kind in ("query_embedding", "chroma_query", "dense", "bm25", "hybrid"):
            assert {"p50", "p95", "n"} <= size["retrieval"][kind].keys(), kind
        for key in ("answer", "ask"):
            assert {"p50", "p95"} <= size[key].keys()
        for key in ("store_mb", "rss_mb", "peak_rss_mb", "lexical_refresh_s"):
            assert isinstance(size[key], (int, float)), key
        cold = size["cold_start"]
        assert cold["returncodes"] == [0] and cold["median_s"] > 0
        assert "heavy_modules_imported" in cold and "answer" in cold["stages_s"]
    engines = data["embedding_backends"]["engines"]
    assert {"onnxruntime", "torch"} <= engines.keys()
    assert engines["onnxruntime"]["min_cosine_vs_torch"] > 0.9999
    assert (out / "bench.md").read_text().startswith("# rag bench")
    assert (out / "latency.png").stat().st_size > 1000
