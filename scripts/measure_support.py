"""Measure the answer model as the LLM verifier's support check (issue #10, item 6), on dev files.

No dev file holds LLM answers labelled supported or not, so claims are made from the dev
questions themselves: a claim is the question with an answer put after it ("What port does the
server listen on by default — 8080."). For each answerable question whose evidence the retriever
found, three pairs:

- supported: the right answer, against the passage holding the evidence;
- wrong passage: the right answer, against a retrieved passage with neither evidence nor answer;
- wrong value: another question's answer from the same document, against the evidence passage
  (what a small model invents: on topic, cited right, the value wrong).

Each pair is judged by the verifier as it ships (`verify`, one sentence citing one passage:
similarity, term recall and the number and name checks) and scored by the answer model
(`support_probability`: its best sentence of the passage). Reported: each score's ROC AUC per kind
of negative, the verifier's kept rates, and the model's at the threshold that keeps as many
supported claims as the verifier does, chosen on even-numbered questions and applied to the
odd-numbered ones.

    python scripts/measure_support.py evals/benchmarks/docs_dev.jsonl --store DEV_STORE

Dev files only: never the reported benchmark (evals/README.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evals.format import BenchmarkQuestion, load_benchmark, normalise  # noqa: E402
from evals.gates import REPORTED_FILES  # noqa: E402
from rag.answering.crossencoder import support_probability  # noqa: E402
from rag.answering.verify import verify  # noqa: E402
from rag.assistant import Assistant  # noqa: E402
from rag.text import sentence_spans  # noqa: E402
from rag.types import ScoredChunk  # noqa: E402

KINDS = ("wrong_passage", "wrong_value")


def claim(q: BenchmarkQuestion, answer: str) -> str:
    return f"{q.question.strip().rstrip('?').strip()} — {answer}."


def holds(passage: ScoredChunk, snippets: Sequence[str]) -> bool:
    text = normalise(passage.chunk.text)
    return any(normalise(s) in text for s in snippets if s.strip())


def auc(pos: Sequence[float], neg: Sequence[float]) -> float | None:
    """Probability that a supported pair outscores an unsupported one (ties count half)."""
    if not pos or not neg:
        return None
    p, n = np.asarray(pos)[:, None], np.asarray(neg)[None, :]
    return round(float((p > n).mean() + 0.5 * (p == n).mean()), 3)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("benchmark", type=Path)
    ap.add_argument("--store", required=True)
    ap.add_argument("--out", type=Path, help="every pair's scores as JSON")
    args = ap.parse_args(argv)
    if args.benchmark.name in REPORTED_FILES:
        raise SystemExit(f"{args.benchmark}: a reported test file; measure on dev files only")
    assistant = Assistant.open(args.store)
    embed = assistant.embedder.embed
    threshold = assistant.settings.verify.min_support
    known = {d.source.rsplit("/", 1)[-1] for d in assistant.sources()}
    questions = [
        q for q in load_benchmark(args.benchmark)
        if q.answerable and q.answers and len(q.sources) == 1 and q.sources[0] in known
    ]
    by_source: dict[str, list[BenchmarkQuestion]] = {}
    for q in questions:
        by_source.setdefault(q.sources[0], []).append(q)
    pairs: list[dict[str, object]] = []
    for n, q in enumerate(questions):
        passages = assistant.retrieve(q.question)
        gold = next((p for p in passages if holds(p, q.evidence)), None)
        if gold is None:
            continue
        right = claim(q, q.answers[0])
        chosen: dict[str, tuple[str, ScoredChunk] | None] = {"supported": (right, gold)}
        other = next((p for p in passages if not holds(p, [*q.evidence, *q.answers])), None)
        chosen["wrong_passage"] = (right, other) if other else None
        wrong = next(
            (o.answers[0] for o in by_source[q.sources[0]] if o is not q and not holds(gold, o.answers[:1])),
            None,
        )
        chosen["wrong_value"] = (claim(q, wrong), gold) if wrong else None
        for kind, pair in chosen.items():
            if pair is None:
                continue
            text, passage = pair
            check = verify(f"{text} [1]", [passage], embed, threshold=threshold, auto_cite=False).checks[0]
            sentences = [passage.chunk.text[a:b] for a, b in sentence_spans(passage.chunk.text)]
            pairs.append({
                "id": q.id, "half": n % 2, "kind": kind, "claim": text,
                "verifier_score": check.score, "verifier_kept": check.supported,
                "model": support_probability(text, sentences),
            })
        if (n + 1) % 100 == 0:
            print(f"{n + 1}/{len(questions)}", file=sys.stderr, flush=True)

    def of(kind: str, key: str, half: int | None = None) -> list[float]:
        return [float(p[key]) for p in pairs if p["kind"] == kind and (half is None or p["half"] == half)]  # type: ignore[arg-type]

    # The model's threshold: as many supported claims kept as the verifier keeps, on half 0.
    kept_rate = float(np.mean(of("supported", "verifier_kept", 0) or [0.0]))
    fit = sorted(of("supported", "model", 0), reverse=True)
    model_t = fit[max(int(round(kept_rate * len(fit))) - 1, 0)] if fit else 0.5
    summary: dict[str, object] = {
        "benchmark": args.benchmark.name, "pairs": len(pairs), "verifier_threshold": threshold,
        "model_threshold_from_half_0": round(model_t, 4),
    }
    for kind in KINDS:
        summary[kind] = {
            "auc_verifier": auc(of("supported", "verifier_score"), of(kind, "verifier_score")),
            "auc_model": auc(of("supported", "model"), of(kind, "model")),
        }
    # Kept rates on half 1 (the questions the model's threshold was not chosen on).
    rules = {
        "verifier": lambda p: bool(p["verifier_kept"]),
        "model": lambda p: float(p["model"]) >= model_t,
        "both": lambda p: bool(p["verifier_kept"]) and float(p["model"]) >= model_t,
    }
    half1 = {
        f"{kind}_kept_{name}": np.mean([rule(p) for p in pairs if p["kind"] == kind and p["half"] == 1] or [0.0])
        for kind in ("supported", *KINDS)
        for name, rule in rules.items()
    }
    summary["half_1_kept_rates"] = {k: round(float(v), 3) for k, v in half1.items()}
    print(json.dumps(summary, indent=2))
    if args.out:
        args.out.write_text(json.dumps({"summary": summary, "pairs": pairs}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
