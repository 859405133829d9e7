"""scripts/measure_rerank.py and scripts/measure_support.py: the reranking order, the AUC, and
refusing the reported test files."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import measure_rerank  # noqa: E402
import measure_support  # noqa: E402


def test_passages_are_reordered_by_their_best_candidate_and_unread_ones_keep_fused_order() -> None:
    scored = [SimpleNamespace(passage=2, score=0.9), SimpleNamespace(passage=0, score=0.3),
              SimpleNamespace(passage=2, score=0.1), SimpleNamespace(passage=3, score=0.3)]
    assistant = SimpleNamespace(extractive=SimpleNamespace(rank=lambda q, pool: scored))
    pool = ["p0", "p1", "p2", "p3", "p4"]
    assert measure_rerank.reranked(assistant, "q", pool) == ["p2", "p0", "p3", "p1", "p4"]  # type: ignore[arg-type]


def test_auc_counts_pairs_won_and_half_the_ties() -> None:
    assert measure_support.auc([0.9, 0.8], [0.1, 0.2]) == 1.0
    assert measure_support.auc([0.5], [0.5]) == 0.5
    assert measure_support.auc([0.2], [0.9, 0.1]) == 0.5
    assert measure_support.auc([], [0.1]) is None


@pytest.mark.parametrize("script", [measure_rerank, measure_support])
def test_a_reported_test_file_is_refused(script: object, tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="reported test file"):
        script.main([str(tmp_path / "seeds.jsonl"), "--store", str(tmp_path / "store")])  # type: ignore[attr-defined]
