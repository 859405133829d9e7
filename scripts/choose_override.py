"""Choose `llm.override_refusal_at` by replaying one LLM dev run at every bar.

When an LLM declines, rag shows the extractive answer instead if the extractive answerer's
confidence reaches the bar (rag/answering/llm.py). Run the LLM path once with the bar at 0 (every
refusal overruled; each overruled answer keeps its confidence), then replay: below a bar, an
overruled answer becomes the refusal it replaced. The bar chosen is the highest one at which the
LLM path keeps every right answer and adds no wrong refusal compared with overruling always: a
timid model may not hide an answer the documents hold.

    RAG_LLM__OVERRIDE_REFUSAL_AT=0 rag eval evals/benchmarks/seeds_dev.jsonl --docs seeds \
        --llm openai --llm-base-url URL --out OUT
    python scripts/choose_override.py evals/benchmarks/seeds_dev.jsonl OUT/answers.jsonl [...]

Dev files only: never the reported benchmark (evals/README.md).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evals.format import load_benchmark  # noqa: E402
from evals.gates import REPORTED_FILES  # noqa: E402
from evals.metrics import is_correct  # noqa: E402
from rag.answering.llm import DECLINED_NOTICE  # noqa: E402

BARS = (0.0, *(round(0.05 * i, 2) for i in range(1, 20)))


@dataclass(frozen=True)
class Outcome:
    answerable: bool
    right: bool
    refused: bool
    overruled_at: float | None  # the extractive confidence of an overruled refusal


def outcomes(bench: Path, answers: Path) -> list[Outcome]:
    questions = {q.id: q for q in load_benchmark(bench)}
    out = []
    for line in answers.read_text().splitlines():
        a = json.loads(line)
        q = questions[a["id"]]
        overruled = a.get("notice") == DECLINED_NOTICE and not a["abstained"]
        out.append(
            Outcome(
                q.answerable,
                q.answerable and not a["abstained"] and is_correct(q, a),
                a["abstained"],
                float(a.get("confidence") or 0.0) if overruled else None,
            )
        )
    return out


def at_bar(rows: list[Outcome], bar: float) -> tuple[int, int, int]:
    """(right, wrong refusals, unanswerable refused) with the bar at `bar`."""
    right = wrong_refusals = refused_unanswerable = 0
    for r in rows:
        refused = r.refused or (r.overruled_at is not None and r.overruled_at < bar)
        if r.answerable:
            right += r.right and not refused
            wrong_refusals += refused
        else:
            refused_unanswerable += refused
    return right, wrong_refusals, refused_unanswerable


def main(argv: list[str]) -> int:
    if len(argv) < 2 or len(argv) % 2:
        print(__doc__)
        return 2
    rows: list[Outcome] = []
    for bench, answers in zip(argv[::2], argv[1::2], strict=True):
        if Path(bench).name in REPORTED_FILES:
            print(f"{bench}: a reported benchmark; choose on dev files only", file=sys.stderr)
            return 2
        rows += outcomes(Path(bench), Path(answers))
    n_ans = sum(r.answerable for r in rows) or 1
    n_una = sum(not r.answerable for r in rows) or 1
    base = at_bar(rows, 0.0)
    chosen = 0.0
    print("bar   right  wrong refusals  unanswerable refused")
    for bar in BARS:
        right, wrong, refused = at_bar(rows, bar)
        print(f"{bar:.2f}  {right / n_ans:.3f}  {wrong / n_ans:14.3f}  {refused / n_una:20.3f}")
        if right >= base[0] and wrong <= base[1]:
            chosen = bar
    print(f"chosen: {chosen:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
