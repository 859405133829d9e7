"""The held-out benchmarks must not regress: every metric stays within evals.gates.SEEDS_GATES
(news, seeds.jsonl) and evals.gates.DOCS_TEST_GATES (ordinary documents, docs_test.jsonl).

The four gates the CLI has flags for are passed as flags, so the exit code path of
`rag eval` is exercised too; the others are checked against report.json.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evals.gates import DOCS_TEST_GATES, FLAG_GATES, SEEDS_GATES, Gate, failures
from rag.cli import main

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "evals" / "benchmarks"
SETS = {
    "seeds": (BENCH / "seeds.jsonl", ROOT / "seeds", SEEDS_GATES, 78),
    "docs_test": (BENCH / "docs_test.jsonl", BENCH / "docs_test", DOCS_TEST_GATES, 54),
}


def gate_flags(gates: list[Gate]) -> list[str]:
    flags: list[str] = []
    for dest, (metric, op) in FLAG_GATES.items():
        for gate in gates:
            if (gate.metric, gate.op) == (metric, op):
                flags += ["--" + dest.replace("_", "-"), str(gate.threshold)]
    return flags


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_cli_gate_has_a_threshold(name: str) -> None:
    assert len(gate_flags(SETS[name][2])) == 2 * len(FLAG_GATES)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(SETS))
def test_held_out_benchmark_meets_the_regression_gates(name: str, tmp_path: Path) -> None:
    questions, docs, gates, count = SETS[name]
    out = tmp_path / "out"
    code = main(["eval", str(questions), "--docs", str(docs), "--out", str(out), *gate_flags(gates)])
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["counts"]["questions"] == count
    # All failures at once, with the measured values, rather than the first one only.
    assert failures(gates, report["metrics"]) == []
    assert code == 0
