"""The answer model's own training questions: well-formed, evidence verbatim, and kept apart
from the files that are reported."""

from __future__ import annotations

from pathlib import Path

from evals.format import check_evidence, load_benchmark

BENCH = Path(__file__).resolve().parents[2] / "evals" / "benchmarks"


def test_training_questions_load_and_their_evidence_is_verbatim() -> None:
    questions = load_benchmark(BENCH / "train_ordinary.jsonl")
    assert len(questions) == 1866
    assert sum(not q.answerable for q in questions) == 291
    assert check_evidence(questions, BENCH / "train_ordinary") == []


def test_training_questions_are_not_benchmark_questions() -> None:
    train = {q.question for name in ("train_ordinary.jsonl", "train_docs.jsonl") for q in load_benchmark(BENCH / name)}
    for name in ("seeds.jsonl", "seeds_dev.jsonl", "docs_dev.jsonl", "docs_test.jsonl"):
        assert not train & {q.question for q in load_benchmark(BENCH / name)}
