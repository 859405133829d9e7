"""Measure the answer model as a passage reranker (issue #10, item 6), on dev files only.

For each question of a benchmark over an existing store: the fused top `--pool` passages
(`Assistant.retrieve`), each passage scored by its best candidate's combined score (the answer
model reading the prefiltered candidates of all pooled passages, as the answerer does), then
three ways compared at the shipped threshold:

- `fused`: the product today, the fused top_k passages, answered;
- `reranked`: the pool reordered by passage score (fused order breaks ties), its top_k answered;
- `pool`: every pooled passage answered (what reranking adds beyond reading more passages).

Reported per way: evidence hit@top_k over the passages answered from, answer accuracy, wrong
refusals, unanswerable refused, and the model's seconds per question.

    python scripts/measure_rerank.py evals/benchmarks/docs_dev.jsonl --store DEV_STORE --out OUT.json

Dev files only: never the reported benchmark (evals/README.md).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evals.format import BenchmarkQuestion, answer_matches, load_benchmark  # noqa: E402
from evals.gates import REPORTED_FILES  # noqa: E402
from evals.metrics import evidence_rank  # noqa: E402
from rag.assistant import Assistant  # noqa: E402
from rag.types import ScoredChunk  # noqa: E402

WAYS = ("fused", "reranked", "pool")


def reranked(assistant: Assistant, question: str, pool: list[ScoredChunk]) -> list[ScoredChunk]:
    """The pool ordered by each passage's best candidate score; fused order breaks ties, and
    passages none of whose candidates the model read keep their fused order after the rest."""
    best: dict[int, float] = {}
    for c in assistant.extractive.rank(question, pool):
        best[c.passage] = max(best.get(c.passage, 0.0), c.score)
    order = sorted(range(len(pool)), key=lambda i: (i not in best, -best.get(i, 0.0), i))
    return [pool[i] for i in order]


def evidence_hit(q: BenchmarkQuestion, passages: Sequence[ScoredChunk]) -> bool:
    """rag eval's evidence hit (evals.metrics.evidence_rank) over these passages."""
    retrieved = [{"source": p.chunk.source, "text": p.chunk.text} for p in passages]
    return evidence_rank(q, {"retrieved": retrieved}) is not None


def share(rows: list[dict[str, Any]], way: str, key: str) -> float:
    """The share of rows whose `way` has `key` true (0 for no rows), to three places."""
    return round(sum(bool(r[way][key]) for r in rows) / max(len(rows), 1), 3)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("benchmark", type=Path)
    ap.add_argument("--store", required=True)
    ap.add_argument("--pool", type=int, default=10, help="fused passages reranked (default 10)")
    ap.add_argument("--out", type=Path, help="per-question results as JSON")
    args = ap.parse_args(argv)
    if args.benchmark.name in REPORTED_FILES:
        raise SystemExit(f"{args.benchmark}: a reported test file; measure on dev files only")
    assistant = Assistant.open(args.store)
    top_k = assistant.settings.retrieval.top_k
    refuse_unmentioned = assistant.settings.answering.refuse_unmentioned
    answerer = assistant.extractive
    known = {d.source.rsplit("/", 1)[-1] for d in assistant.sources()}
    questions = [q for q in load_benchmark(args.benchmark) if all(s in known for s in q.sources)]
    rows = []
    seconds = dict.fromkeys(WAYS, 0.0)
    for n, q in enumerate(questions, 1):
        fused = assistant.retrieve(q.question)
        pool = assistant.retrieve(q.question, args.pool)
        t0 = time.perf_counter()
        ordered = reranked(assistant, q.question, pool)
        t_rank = time.perf_counter() - t0
        # A two-part question's passages run past top_k (Assistant.retrieve): as many reranked.
        given = {"fused": fused, "reranked": ordered[: len(fused)], "pool": pool}
        # The product refuses a question naming what no document mentions before answering.
        unmentioned = refuse_unmentioned and bool(assistant.retriever.unmentioned(q.question))
        row: dict[str, Any] = {"id": q.id, "answerable": q.answerable}
        for way, passages in given.items():
            t0 = time.perf_counter()
            draft = answerer.answer(q.question, passages)
            seconds[way] += time.perf_counter() - t0 + (t_rank if way == "reranked" else 0.0)
            refused = unmentioned or draft.abstained
            row[way] = {
                "hit": q.answerable and evidence_hit(q, passages),
                "right": q.answerable and not refused and answer_matches(q, draft.text),
                "refused": refused,
            }
        rows.append(row)
        if n % 50 == 0:
            print(f"{n}/{len(questions)}", file=sys.stderr, flush=True)
    answerable = [r for r in rows if r["answerable"]]
    unanswerable = [r for r in rows if not r["answerable"]]
    summary: dict[str, Any] = {"benchmark": args.benchmark.name, "questions": len(rows), "pool_size": args.pool, "top_k": top_k}
    for way in WAYS:
        summary[way] = {
            "evidence_hit": share(answerable, way, "hit"),
            "right": share(answerable, way, "right"),
            "wrong_refusals": share(answerable, way, "refused"),
            "unanswerable_refused": share(unanswerable, way, "refused"),
            "model_seconds_per_question": round(seconds[way] / max(len(rows), 1), 3),
        }
    print(json.dumps(summary, indent=2))
    if args.out:
        args.out.write_text(json.dumps({"summary": summary, "rows": rows}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
