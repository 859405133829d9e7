"""The refusal curve: what each answer threshold would give, from one run at threshold 0.

The extractive answerer refuses exactly when its confidence (the answer model's best probability)
is below the threshold, and what it answers otherwise does not depend on the threshold. So one
run that answers everything, with each answer's confidence, yields the metrics of every
threshold: `apply_threshold` turns it into the answers of one operating point, `curve` sweeps.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from evals.format import BenchmarkQuestion, answer_matches
from evals.results import CurveRow
from rag.answering.base import NOT_FOUND

THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(0, 20))


def grid(operating: float) -> list[float]:
    """The curve's thresholds: the 0.05 grid and the operating one, which need not lie on it
    (a threshold chosen at 0.01 steps), so the table and the chart can mark it."""
    return sorted({*THRESHOLDS, round(operating, 4)})


def apply_threshold(answer: dict[str, Any], threshold: float) -> dict[str, Any]:
    """The answer as the answerer gives it at `threshold` (a refusal below it)."""
    conf = answer.get("confidence")
    if answer.get("abstained") or conf is None or conf >= threshold:
        return answer
    return {**answer, "answer": NOT_FOUND, "abstained": True, "citations": []}


def curve(
    questions: Sequence[BenchmarkQuestion],
    answers: Sequence[dict[str, Any]],
    thresholds: Sequence[float] = THRESHOLDS,
) -> list[CurveRow]:
    """One row per threshold: answer accuracy, wrong refusals, unanswerable refused."""
    answerable = [(q, a) for q, a in zip(questions, answers, strict=True) if q.answerable]
    unanswerable = [a for q, a in zip(questions, answers, strict=True) if not q.answerable]
    rows: list[CurveRow] = []
    for t in thresholds:
        given = [(q, apply_threshold(a, t)) for q, a in answerable]
        refused = [apply_threshold(a, t)["abstained"] for a in unanswerable]
        rows.append(
            CurveRow(
                threshold=t,
                answer_accuracy=_share(
                    [not a["abstained"] and answer_matches(q, a["answer"]) for q, a in given]
                ),
                wrong_refusal_rate=_share([a["abstained"] for _q, a in given]),
                abstention_recall=_share(refused),
            )
        )
    return rows


def operating_point(
    rows: Sequence[CurveRow], max_wrong_refusals: float, answerable: int, unanswerable: int
) -> float:
    """Among the thresholds whose wrong-refusal rate stays within the target, the one that
    handles the most questions well: answerable ones answered right plus unanswerable ones
    refused (SQuAD 2.0's measure). Refusals alone would buy one refused unanswerable question
    with any number of wrong refusals under the limit: on the twelfth round's dev files, 0.08 to
    0.09 refused one more for thirteen more wrong refusals. Of equals, the lowest. Meant for dev sets only."""
    ok = [r for r in rows if (r.wrong_refusal_rate or 0.0) <= max_wrong_refusals]
    if not ok:
        return 0.0

    def handled(r: CurveRow) -> float:
        return round((r.answer_accuracy or 0.0) * answerable + (r.abstention_recall or 0.0) * unanswerable, 6)

    best = max(handled(r) for r in ok)
    return min(r.threshold for r in ok if handled(r) == best)


def _share(flags: Sequence[bool]) -> float | None:
    return sum(flags) / len(flags) if flags else None
