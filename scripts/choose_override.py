"""Choose `llm_override_refusal_at` on dev runs of the extractive answerer.

When an LLM declines although the extractive answerer is confident, rag shows the extractive
answer (rag/answering/llm.py). The bar is where that pays: over the extractive answers at or above
a confidence, right answers minus wrong ones (a wrong fact on an answerable question, or any
answer to an unanswerable one) is largest. One run of `rag eval` per dev set gives every answer
and its confidence; nothing about the LLM is needed, since the override only replaces refusals.

    python scripts/choose_override.py evals/benchmarks/seeds_dev.jsonl OUT1/answers.jsonl \
        evals/benchmarks/docs_dev.jsonl OUT2/answers.jsonl

Dev files only: never the reported benchmark (evals/README.md).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evals.format import load_benchmark  # noqa: E402
from evals.metrics import is_correct  # noqa: E402

BARS = tuple(round(0.05 * i, 2) for i in range(2, 20))
REPORTED = ("seeds.jsonl", "docs_test.jsonl")


def outcomes(bench: Path, answers: Path) -> list[tuple[float, int]]:
    """(confidence, +1 right / -1 wrong) of every answer given."""
    questions = {q.id: q for q in load_benchmark(bench)}
    out = []
    for line in answers.read_text().splitlines():
        a = json.loads(line)
        if a["abstained"] or a.get("confidence") is None:
            continue
        q = questions[a["id"]]
        out.append((float(a["confidence"]), 1 if q.answerable and is_correct(q, a) else -1))
    return out


def main(argv: list[str]) -> int:
    if len(argv) < 2 or len(argv) % 2:
        print(__doc__)
        return 2
    pooled: list[tuple[float, int]] = []
    for bench, answers in zip(argv[::2], argv[1::2], strict=True):
        if Path(bench).name in REPORTED:
            print(f"{bench}: a reported benchmark; choose on dev files only", file=sys.stderr)
            return 2
        pooled += outcomes(Path(bench), Path(answers))
    print("bar   right  wrong  gain")
    best = (float("-inf"), 1.0)
    for bar in BARS:
        right = sum(1 for c, o in pooled if c >= bar and o > 0)
        wrong = sum(1 for c, o in pooled if c >= bar and o < 0)
        print(f"{bar:.2f}  {right:5d}  {wrong:5d}  {right - wrong:4d}")
        # Ties go to the higher bar: overrule a model only as often as it pays.
        if right - wrong >= best[0]:
            best = (right - wrong, bar)
    print(f"chosen: {best[1]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
