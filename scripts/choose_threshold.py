"""Choose `answering.threshold` on the dev files pooled, from runs at threshold 0.

One run per dev file that answers everything (each answer keeps its confidence) gives every
threshold's answers (evals/refusal.py). Pooled, at 0.01 steps, the threshold chosen is the one
that handles the most questions well (answerable ones answered right, unanswerable ones refused)
with at most 5% wrong refusals, pooled and on each file; of equals, the lowest
(`evals.refusal.operating_point`). Until the twelfth round: the most unanswerable questions
refused within the limit.

    RAG_ANSWERING__THRESHOLD=0 rag eval evals/benchmarks/seeds_dev.jsonl --store S --out OUT1
    RAG_ANSWERING__THRESHOLD=0 rag eval evals/benchmarks/docs_dev.jsonl --store D --out OUT2
    python scripts/choose_threshold.py evals/benchmarks/seeds_dev.jsonl OUT1 \
        evals/benchmarks/docs_dev.jsonl OUT2

Dev files only: never the reported benchmark (evals/README.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evals import refusal  # noqa: E402
from evals.format import BenchmarkQuestion, load_benchmark  # noqa: E402
from evals.gates import REPORTED_FILES  # noqa: E402
from evals.results import CurveRow  # noqa: E402

STEPS = [round(0.01 * i, 2) for i in range(0, 31)]


def load_run(bench: Path, out: Path) -> tuple[list[BenchmarkQuestion], list[dict[str, Any]]]:
    if bench.name in REPORTED_FILES:
        raise SystemExit(f"{bench}: a reported test file; choose on dev files only")
    questions = load_benchmark(bench)
    by_id = {a["id"]: a for a in map(json.loads, (out / "answers.jsonl").read_text().splitlines())}
    return questions, [by_id[q.id] for q in questions]


Run = tuple[list[BenchmarkQuestion], list[dict[str, Any]]]


def choose(runs: list[Run], max_wrong_refusals: float) -> tuple[float, list[CurveRow], list[list[CurveRow]]]:
    """The operating threshold of threshold-0 runs pooled, with the pooled curve and each run's."""
    questions = [q for qs, _ in runs for q in qs]
    rows = refusal.curve(questions, [a for _, ans in runs for a in ans], STEPS)
    # The limit holds on each dev file as well as pooled: the targets are per corpus, and a
    # large file's few wrong refusals must not hide a small file's many.
    per_file = [refusal.curve(qs, ans, STEPS) for qs, ans in runs]
    within = [
        r for i, r in enumerate(rows)
        if all((f[i].wrong_refusal_rate or 0.0) <= max_wrong_refusals for f in per_file)
    ]
    answerable = sum(q.answerable for q in questions)
    chosen = refusal.operating_point(within, max_wrong_refusals, answerable, len(questions) - answerable)
    return chosen, rows, per_file


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pairs", nargs="+", type=Path, help="BENCH OUT_DIR, repeated")
    ap.add_argument("--max-wrong-refusals", type=float, default=0.05)
    args = ap.parse_args(argv)
    if len(args.pairs) % 2:
        ap.error("give benchmark files and run folders in pairs")
    benches: list[Path] = args.pairs[::2]
    runs = [load_run(b, o) for b, o in zip(benches, args.pairs[1::2], strict=True)]
    questions = [q for qs, _ in runs for q in qs]
    chosen, rows, per_file = choose(runs, args.max_wrong_refusals)
    answerable = sum(q.answerable for q in questions)
    print("threshold  right  wrong refusals      unanswerable refused")
    for r in rows:
        wrong = round((r.wrong_refusal_rate or 0.0) * answerable)
        print(
            f"{r.threshold:9.2f}  {r.answer_accuracy or 0:.3f}  {r.wrong_refusal_rate or 0:.3f}"
            f" ({wrong:3d})       {r.abstention_recall or 0:.3f}"
        )
    print(f"\nchosen: {chosen:.2f}")
    for bench, curve in zip(benches, per_file, strict=True):
        r = curve[STEPS.index(chosen)]
        print(
            f"  {bench.name}: right {r.answer_accuracy or 0:.3f}, wrong refusals "
            f"{r.wrong_refusal_rate or 0:.3f}, unanswerable refused {r.abstention_recall or 0:.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
