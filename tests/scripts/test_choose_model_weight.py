"""scripts/choose_model_weight.py gives each threshold-0 answer the confidence the answerer would
give at a weight, keeps early refusals, and refuses the reported test files."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import choose_model_weight  # noqa: E402


def test_the_confidence_is_the_combined_score_or_the_weighted_model_probability() -> None:
    answers = [
        {"id": "a", "abstained": False, "confidence": 0.01},
        {"id": "b", "abstained": False, "confidence": 0.5},
        {"id": "c", "abstained": True, "confidence": 0.0},  # refused before any candidate was scored
    ]
    best = [(0.01, 0.2), (0.5, 0.3), (0.0, 0.9)]
    got = choose_model_weight.weighted(answers, best, 0.8)
    assert [a["confidence"] for a in got] == [pytest.approx(0.16), 0.5, 0.0]
    assert got[2]["abstained"] and answers[0]["confidence"] == 0.01  # the run is not changed
    assert [a["confidence"] for a in choose_model_weight.weighted(answers, best, 0.0)] == [0.01, 0.5, 0.0]


def test_refuses_a_reported_test_file(tmp_path: Path) -> None:
    bench = tmp_path / "seeds.jsonl"
    bench.write_text("", encoding="utf-8")
    with pytest.raises(SystemExit, match="dev files only"):
        choose_model_weight.main([str(bench), str(tmp_path), str(tmp_path)])
