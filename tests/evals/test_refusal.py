"""The refusal curve from one run at threshold 0, and the operating point chosen on it."""

from __future__ import annotations

from pathlib import Path

from evals import refusal, report
from evals.format import BenchmarkQuestion
from evals.results import Curve, CurveRow
from rag.answering.base import NOT_FOUND


def q(i: int, answerable: bool = True) -> BenchmarkQuestion:
    if answerable:
        return BenchmarkQuestion(
            id=f"q{i}", question=f"question {i}?", answers=["8080"], sources=["a.txt"],
            evidence=["port 8080"], answerable=True,
        )
    return BenchmarkQuestion(
        id=f"q{i}", question=f"question {i}?", answers=[], sources=[], evidence=[],
        answerable=False,
    )


def a(text: str, conf: float) -> dict:
    return {"answer": text, "abstained": False, "citations": [{"n": 1}], "confidence": conf}


QUESTIONS = [q(1), q(2), q(3), q(4, answerable=False), q(5, answerable=False)]
ANSWERS = [
    a("The port is 8080 [1]", 0.9),
    a("The port is 8080 [1]", 0.4),
    a("The host is local [1]", 0.7),  # answered, but wrong
    a("Something [1]", 0.3),
    a("Something else [1]", 0.8),
]


def test_apply_threshold_refuses_below_it_only() -> None:
    assert refusal.apply_threshold(ANSWERS[0], 0.5) is ANSWERS[0]
    refused = refusal.apply_threshold(ANSWERS[1], 0.5)
    assert refused["abstained"] and refused["answer"] == NOT_FOUND and refused["citations"] == []
    # An answer without a confidence (an LLM's) is left alone.
    plain = {"answer": "x", "abstained": False, "citations": []}
    assert refusal.apply_threshold(plain, 0.99) is plain


def test_curve_rows_count_each_threshold() -> None:
    rows = {r.threshold: r for r in refusal.curve(QUESTIONS, ANSWERS, [0.0, 0.5, 0.85, 0.95])}
    assert rows[0.0] == CurveRow(
        threshold=0.0, answer_accuracy=2 / 3, wrong_refusal_rate=0.0, abstention_recall=0.0
    )
    assert rows[0.5].answer_accuracy == 1 / 3
    assert rows[0.5].wrong_refusal_rate == 1 / 3
    assert rows[0.5].abstention_recall == 0.5
    assert rows[0.85].abstention_recall == 1.0
    assert rows[0.95].wrong_refusal_rate == 1.0


def test_operating_point_handles_most_questions_within_the_target_at_the_lowest_threshold() -> None:
    rows = refusal.curve(QUESTIONS, ANSWERS, [0.0, 0.3, 0.5, 0.8])
    # Within 0 wrong refusals nothing unanswerable is refused at 0 or 0.3: keep the lower.
    assert refusal.operating_point(rows, 0.0, 3, 2) == 0.0
    # 0.5 refuses one unanswerable question and one answered right: no better than 0.
    assert refusal.operating_point(rows, 0.34, 3, 2) == 0.0
    # Counted over more unanswerable questions, the same rates make 0.5 worth it.
    assert refusal.operating_point(rows, 0.34, 3, 20) == 0.5
    # 0.31 and 0.35 both refuse the 0.3 answer and nothing answerable: the lower wins.
    rows = refusal.curve(QUESTIONS, ANSWERS, [0.0, 0.31, 0.35])
    assert refusal.operating_point(rows, 0.0, 3, 2) == 0.31


def test_report_marks_the_operating_point_and_draws_the_chart(tmp_path: Path) -> None:
    curve = Curve(0.5, refusal.curve(QUESTIONS, ANSWERS, [0.0, 0.5, 0.8]))
    rows = report.refusal_rows(curve)
    assert rows[0][0] == "threshold" and rows[2][0] == "0.50*"
    section = "\n".join(report.refusal_section(curve, "refusal.png"))
    assert "## Refusal curve" in section and "![refusal curve](refusal.png)" in section
    report.write_refusal_chart(tmp_path / "refusal.png", curve)
    assert (tmp_path / "refusal.png").stat().st_size > 1000


def test_an_operating_threshold_off_the_grid_is_on_the_curve() -> None:
    """A threshold chosen at 0.01 steps (0.09) still gets its starred row and chart point."""
    assert refusal.grid(0.09) == sorted([*refusal.THRESHOLDS, 0.09])
    assert refusal.grid(0.1) == list(refusal.THRESHOLDS)
    curve = Curve(0.09, refusal.curve(QUESTIONS, ANSWERS, refusal.grid(0.09)))
    assert [r.threshold for r in curve.rows if curve.is_operating(r)] == [0.09]
