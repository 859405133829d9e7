"""Choose `MODEL_WEIGHT` (rag/answering/extractive.py) on the dev files, from runs at threshold 0.

An answer's confidence is its best candidate's combined score, or the answer model's own
probability for it times the weight when that is higher; the threshold is applied to it. What an
answer quotes does not depend on either, so one threshold-0 run per dev file, with each question's
best candidate re-ranked on the run's store, gives every weight's answers. For each weight (0 to 1
by 0.1) the threshold is chosen by scripts/choose_threshold.py's rule; the weight chosen is the
one whose operating point handles the most questions well (of equals, the lowest). A two-part
question is ranked as one question here, so a few confidences differ from the answerer's.

    RAG_ANSWERING__THRESHOLD=0 rag eval evals/benchmarks/docs_dev.jsonl --docs D --out OUT
    python scripts/choose_model_weight.py evals/benchmarks/docs_dev.jsonl OUT OUT/store \
        evals/benchmarks/seeds_dev.jsonl OUT2 OUT2/store --first 1499

Seventeenth round: seeds_dev and docs_dev's first 1,499 questions (`--first 1499`, the questions
before that round's four fresh batches) gave 0.8, at threshold 0.07. Dev files only.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from choose_threshold import Run, choose, load_run  # noqa: E402

from evals import refusal  # noqa: E402
from rag.assistant import Assistant  # noqa: E402

WEIGHTS = [round(0.1 * i, 1) for i in range(0, 11)]


def best_candidates(store: Path, questions: list[str]) -> list[tuple[float, float]]:
    """(combined score, model probability) of each question's best candidate on `store`."""
    assistant = Assistant.open(str(store), answer_threshold=0.0)
    out = []
    for q in questions:
        ranked = assistant.extractive.rank(q, assistant.retrieve(q))
        out.append((ranked[0].score, ranked[0].probability) if ranked else (0.0, 0.0))
    return out


def weighted(answers: list[dict[str, Any]], best: list[tuple[float, float]], weight: float) -> list[dict[str, Any]]:
    """The run's answers with the confidence the answerer gives at `weight`; a refusal made before
    any candidate was scored (off topic, a name no document mentions) stays a refusal."""
    return [
        a if a.get("abstained") else {**a, "confidence": max(score, weight * p)}
        for a, (score, p) in zip(answers, best, strict=True)
    ]


def handled(runs: list[Run], threshold: float) -> int:
    """Answerable questions answered right plus unanswerable ones refused, pooled, at `threshold`."""
    total = 0
    for questions, answers in runs:
        row = refusal.curve(questions, answers, [threshold])[0]
        answerable = sum(q.answerable for q in questions)
        total += round((row.answer_accuracy or 0.0) * answerable)
        total += round((row.abstention_recall or 0.0) * (len(questions) - answerable))
    return total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("triples", nargs="+", type=Path, help="BENCH OUT_DIR STORE, repeated")
    ap.add_argument("--first", type=int, default=0, help="only each file's first N questions")
    ap.add_argument("--max-wrong-refusals", type=float, default=0.05)
    args = ap.parse_args(argv)
    if len(args.triples) % 3:
        ap.error("give benchmark files, run folders and stores in threes")
    runs: list[Run] = []
    tops: list[list[tuple[float, float]]] = []
    for bench, out, store in zip(args.triples[::3], args.triples[1::3], args.triples[2::3], strict=True):
        questions, answers = load_run(bench, out)
        if args.first:
            questions, answers = questions[: args.first], answers[: args.first]
        runs.append((questions, answers))
        tops.append(best_candidates(store, [q.question for q in questions]))
    results = []
    print("weight  threshold  handled well")
    for w in WEIGHTS:
        at_w = [(qs, weighted(ans, top, w)) for (qs, ans), top in zip(runs, tops, strict=True)]
        threshold, _rows, _per_file = choose(at_w, args.max_wrong_refusals)
        results.append((handled(at_w, threshold), -w, w, threshold))
        print(f"{w:6.1f}  {threshold:9.2f}  {results[-1][0]:12d}")
    _n, _neg, weight, threshold = max(results)
    print(f"\nchosen: weight {weight:.1f} at threshold {threshold:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
