"""The official benchmark must not regress: every metric stays within evals.gates.SEEDS_GATES.

The four gates the CLI has flags for are passed as flags, so the exit code path of
`rag eval` is exercised too; the others are checked against report.json.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evals.gates import FLAG_GATES, SEEDS_GATES, failures
from rag.cli import main

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "seeds"
SEEDS = ROOT / "evals" / "benchmarks" / "seeds.jsonl"


def gate_flags() -> list[str]:
    flags: list[str] = []
    for dest, (metric, op) in FLAG_GATES.items():
        for gate in SEEDS_GATES:
            if (gate.metric, gate.op) == (metric, op):
                flags += ["--" + dest.replace("_", "-"), str(gate.threshold)]
    return flags


def test_every_cli_gate_has_a_seeds_threshold() -> None:
    assert len(gate_flags()) == 2 * len(FLAG_GATES)


@pytest.mark.slow
def test_seeds_benchmark_meets_the_regression_gates(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code = main(["eval", str(SEEDS), "--docs", str(DOCS), "--out", str(out), *gate_flags()])
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["counts"]["questions"] == 78
    # All failures at once, with the measured values, rather than the first one only.
    assert failures(SEEDS_GATES, report["metrics"]) == []
    assert code == 0
