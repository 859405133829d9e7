"""Fit the combined answer scorer (rag/answering/scorer.py) on TRAIN data only (`make fit-scorer`).

Train: the calibration part of the training data, which scripts/train_answerer.py holds out from
the cross-encoder (its CALIBRATION_* constants: one SQuAD train article, five written-question
documents whole, every fourth other written question). Fitted on questions the model was trained
on, the scorer would learn to trust the model's over-confident training scores and give the
other signals no weight. Each question is replayed as the answerer meets it: candidates from its
paragraph and near-miss paragraphs, the same lexical prefilter, the shipped cross-encoder, then
the features of rag.answering.scorer; the label is the training script's own (ta.is_positive:
the candidate holds an accepted answer inside the evidence). A seeded L2 logistic regression
(Newton steps, numpy) is fitted on those rows.

Dev (printed, never fitted on): the SQuAD dev articles, as top-1 accuracy and the refusal curve
for the cross-encoder alone and for the combined scorer. The threshold itself is chosen on the
dev sets (seeds_dev, docs_dev, SQuAD dev) in evals/README.md; nothing here reads seeds.jsonl or
docs_test.jsonl.
"""

from __future__ import annotations

import argparse
import bisect
import json
import math
import random
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import train_answerer as ta  # noqa: E402

from rag.answering import candidates as cand  # noqa: E402
from rag.answering import layout, subjects  # noqa: E402
from rag.answering.crossencoder import INFERENCE_VERSION, MODEL_DIR, CrossEncoder, sha256_of  # noqa: E402
from rag.answering.extractive import prefilter_keys  # noqa: E402
from rag.answering.scorer import (  # noqa: E402
    FEATURES,
    SCORER_CHECKSUM,
    SCORER_FILE,
    CombinedScorer,
    features,
    own_terms,
)
from rag.text import content_terms, exact_names, mentions_any  # noqa: E402

_BLOCK = re.compile(r"\n\s*\n")
CACHE = ROOT / "build" / "scorer"
# The scorer is fitted on the 8 candidates the prefilter keeps first, though the answerer reads
# 16: refitted on 16, it answered 4 fewer docs_dev questions (thirteenth round), its bias lower
# by the extra negatives.
FIT_PREFILTER = 8


@dataclass
class Question:
    question: str
    texts: list[str]  # candidates' model texts, prefiltered
    contexts: list[str]  # each candidate's passage
    kinds: list[tuple[str, int, str, str]]  # each candidate's kind, its passage's rank, its key, its title
    labels: list[int]
    answerable: bool
    idf: Callable[[str], float]  # over the corpus the question is asked of, as the store's BM25


def idf_over(passages: list[str]) -> Callable[[str], float]:
    """BM25's IDF over these passages, as index/bm25.py computes it over chunks."""
    n = len(passages)
    df = Counter(t for p in passages for t in set(content_terms(p)))
    return lambda t: math.log(1 + (n - df.get(t, 0) + 0.5) / (df.get(t, 0) + 0.5))


def replay(
    q: str, passages: list[str], gold: set[tuple[int, int]], idf: Callable[[str], float], prefilter: int,
    titles: list[str] | None = None,
) -> tuple[list[str], list[str], list[tuple[str, int, str, str]], list[int]]:
    """The answerer's pool over ranked passages and its prefilter; gold holds (passage, span);
    titles, the title of the section each passage opens under (as the answerer's
    Candidate.title falls back to its chunk's heading)."""
    weights = {t: idf(t) for t in set(content_terms(q, drop_question_words=True))}
    names = exact_names(q)
    spans = [
        (p_i, s_i, s, subjects.item_title(s.kind, text, s.start, titles[p_i] if titles else ""))
        for p_i, text in enumerate(passages)
        for s_i, s in enumerate(cand.spans(text))
    ]
    keys = prefilter_keys(
        weights,
        [own_terms(s.model_text, title) for _p, _s, s, title in spans],
        [p_i for p_i, _s, _span, _t in spans],
        [mentions_any(s.model_text, names) for _p, _s, s, _t in spans],
    )
    pool = [
        (key, s.model_text, passages[p_i], (s.kind, p_i, s.key, title), int((p_i, s_i) in gold))
        for key, (p_i, s_i, s, title) in zip(keys, spans, strict=True)
    ]
    pool.sort(key=lambda r: r[0])
    top = pool[:prefilter]
    return [r[1] for r in top], [r[2] for r in top], [r[3] for r in top], [r[4] for r in top]


def squad_questions(articles: list[dict], rng: random.Random, limit: int, prefilter: int) -> list[Question]:
    out: list[Question] = []
    for art in articles:
        paras = [p["context"] for p in art["paragraphs"]]
        idf = idf_over(paras)
        units = ta.article_units(art)
        para_terms = [set().union(*ts) if ts else set() for _c, _s, ts in units]
        for p_i, p in enumerate(art["paragraphs"]):
            sp = units[p_i][1]
            if not sp:
                continue
            for qa in p["qas"]:
                q = qa["question"].strip()
                qt = ta.terms(q)
                near = max((i for i in range(len(units)) if i != p_i), key=lambda i: ta.overlap(qt, para_terms[i]))
                # Retrieval order: the passage sharing more of the question first.
                order = sorted([p_i, near], key=lambda i: -ta.overlap(qt, para_terms[i]))
                gold: set[tuple[int, int]] = set()
                if not qa["is_impossible"]:
                    at = ta.span_at(sp, qa["answers"][0]["answer_start"])
                    if at is None:
                        continue
                    gold = {(order.index(p_i), at)}
                texts, ctx, kinds, labels = replay(q, [paras[i] for i in order], gold, idf, prefilter)
                out.append(Question(q, texts, ctx, kinds, labels, not qa["is_impossible"], idf))
    rng.shuffle(out)
    return out[:limit] if limit else out


def paragraphs(text: str) -> list[tuple[int, str]]:
    """The text's blank-line separated paragraphs, each with its offset."""
    out, pos = [], 0
    for m in [*_BLOCK.finditer(text), None]:
        end = m.start() if m else len(text)
        if text[pos:end].strip():
            out.append((pos, text[pos:end]))
        pos = m.end() if m else end
    return out


def section_titles(text: str, offsets: list[int]) -> list[str]:
    """subjects.section_title(text, off) for each offset, from one pass over the text's headings
    (an offset stands at a line's start, so a heading above it ends at or before it)."""
    heads = [(m.end(), m.group(1).strip()) for m in layout.HEADING_LINE.finditer(text)]
    ends = [end for end, _title in heads]
    return [heads[i - 1][1] if (i := bisect.bisect_right(ends, off)) else "" for off in offsets]


def ordinary_questions(prefilter: int) -> list[Question]:
    """The calibration part of the written questions (ta.written_questions), replayed over their
    documents' paragraphs; positives by the training script's own rule (ta.is_positive)."""
    docs = {
        (folder, n): ta.document_text(folder / n)
        for questions, folder in ta.TRAIN_SETS
        if questions.is_file()
        for n in ta.document_names(folder)
    }
    # Each document's paragraphs with their offsets (labels follow the evidence's place), their
    # candidates, section titles and terms, worked out once for all the questions that read them:
    # a question with no sources reads every paragraph of its folder, and working them out per
    # question had kept the refit from a clean clone over 35 minutes in this loop.
    blocks = {}
    for k, t in docs.items():
        paras = paragraphs(t)
        titles = section_titles(t, [off for off, _b in paras])
        blocks[k] = [(off, b, cand.spans(b), title, ta.terms(b)) for (off, b), title in zip(paras, titles, strict=True)]
    idf = idf_over([b for bs in blocks.values() for _o, b, _sp, _t, _w in bs])
    out: list[Question] = []
    for item, folder in ta.written_questions(part="calibration"):
        q = item["question"]
        qt = ta.terms(q)
        answers = [ta._norm(a) for a in item["answers"]]
        # paragraph, indices of its positive spans, title, terms
        pool: list[tuple[str, list[int], str, set[str]]] = []
        for n in item["sources"] or ta.document_names(folder):
            text = docs[(folder, n)]
            places = ta.evidence_places(text, item["evidence"])
            for off, b, sp, title, words in blocks[(folder, n)]:
                positive = [i for i, s in enumerate(sp) if ta.is_positive(text, off + s.start, off + s.end, places, answers)]
                pool.append((b, positive, title, words))
        ranked = sorted(pool, key=lambda bg: -ta.overlap(qt, bg[3]))
        chosen = [bg for bg in pool if bg[1]][:2] if item["answerable"] else []
        chosen += [bg for bg in ranked if bg not in chosen][: 4 - len(chosen)]
        chosen.sort(key=lambda bg: -ta.overlap(qt, bg[3]))
        gold = {(p_i, s_i) for p_i, (_b, g, _t, _w) in enumerate(chosen) for s_i in g}
        if item["answerable"] and not gold:
            continue
        texts, ctx, kinds, labels = replay(
            q, [b for b, _g, _t, _w in chosen], gold, idf, prefilter, [t for _b, _g, t, _w in chosen]
        )
        out.append(Question(q, texts, ctx, kinds, labels, item["answerable"], idf))
    return out


def featurise(qs: list[Question], model: CrossEncoder, cache: dict[str, list[float]]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Features per question; the cross-encoder's probabilities are cached (CACHE) because they
    take minutes on 2 cores and do not change while the features are worked on."""
    rows = []
    for i, q in enumerate(qs):
        key = json.dumps([q.question, q.texts])
        if key not in cache:
            cache[key] = [float(p) for p in model.probabilities(q.question, q.texts)]
        probs = np.array(cache[key])
        x = np.array([
            features(q.question, t, c, float(p), q.idf, kind=k, passage=r, key=key, title=title)
            for t, c, (k, r, key, title), p in zip(q.texts, q.contexts, q.kinds, probs, strict=True)
        ])
        rows.append((x, probs))
        if (i + 1) % 200 == 0:
            print(f"  featurised {i + 1}/{len(qs)}", flush=True)
    return rows


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> CombinedScorer:
    """L2-regularised logistic regression by Newton steps: deterministic, no extra dependency."""
    mean = x.mean(0)
    scale = np.where(x.std(0) > 1e-9, x.std(0), 1.0)
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    reg = np.full(z.shape[1], l2)
    reg[-1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(z @ w)))
        grad = z.T @ (p - y) + reg * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(reg + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return CombinedScorer(tuple(map(float, w[:-1])), float(w[-1]), tuple(map(float, mean)), tuple(map(float, scale)))


def rounded(scorer: CombinedScorer) -> CombinedScorer:
    """The weights to 12 significant digits: the fit's last bits vary with the order of
    floating-point sums (BLAS threads), and the shipped file must come out byte for byte the same."""
    def r(values: tuple[float, ...]) -> tuple[float, ...]:
        return tuple(float(f"{v:.12g}") for v in values)

    return CombinedScorer(r(scorer.weights), float(f"{scorer.bias:.12g}"), r(scorer.mean), r(scorer.scale))


def dev_curve(qs: list[Question], scores: list[np.ndarray]) -> dict:
    ans = [(float(s.max()), q.labels[int(s.argmax())] == 1) for q, s in zip(qs, scores, strict=True) if q.answerable]
    una = [float(s.max()) for q, s in zip(qs, scores, strict=True) if not q.answerable]
    rows = []
    for t in [round(0.05 * i, 2) for i in range(0, 20)]:
        rows.append({
            "threshold": t,
            "right": sum(1 for s, ok in ans if ok and s >= t) / len(ans),
            "wrong_refusals": sum(1 for s, _ in ans if s < t) / len(ans),
            "unanswerable_refused": sum(1 for s in una if s < t) / (len(una) or 1),
        })
    return {"top1_accuracy": sum(1 for _, ok in ans if ok) / len(ans), "answerable": len(ans),
            "unanswerable": len(una), "curve": rows}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--squad", type=Path, default=ta.SQUAD_DEFAULT)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--train-questions", type=int, default=500, help="SQuAD calibration questions sampled")
    ap.add_argument("--dev-questions", type=int, default=300, help="SQuAD dev questions sampled")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--prefilter", type=int, default=FIT_PREFILTER)
    ap.add_argument("--out", type=Path, default=MODEL_DIR)
    args = ap.parse_args()

    data = ta.load_squad(args.squad)
    calibration_articles = [a for a in data if a["title"] in ta.CALIBRATION_ARTICLES]
    dev_articles = [a for a in data if a["title"] in ta.DEV_ARTICLES]
    rng = random.Random(args.seed)
    train = squad_questions(calibration_articles, rng, args.train_questions, args.prefilter)
    train += ordinary_questions(args.prefilter)
    dev = squad_questions(dev_articles, random.Random(args.seed + 1), args.dev_questions, args.prefilter)
    print(f"train {len(train)} questions ({sum(q.answerable for q in train)} answerable); "
          f"SQuAD dev {len(dev)} ({sum(q.answerable for q in dev)} answerable)", flush=True)

    model = CrossEncoder(MODEL_DIR, threads=2)
    # Keyed by the model's checksum and how it is run: a retrained cross-encoder starts a fresh cache.
    cache_file = CACHE / f"ce-{sha256_of(MODEL_DIR / 'model.onnx')[:12]}-v{INFERENCE_VERSION}.json"
    cache: dict[str, list[float]] = json.loads(cache_file.read_text()) if cache_file.is_file() else {}
    tr = featurise(train, model, cache)
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    cache_file.write_text(json.dumps(cache))
    x = np.vstack([r[0] for r in tr])
    y = np.concatenate([np.array(q.labels, dtype=float) for q in train])
    scorer = rounded(fit(x, y, args.l2))
    print("weights (standardised):", {f: round(w, 3) for f, w in zip(FEATURES, scorer.weights, strict=True)},
          "bias", round(scorer.bias, 3))

    dv = featurise(dev, model, cache)
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    cache_file.write_text(json.dumps(cache))
    ce = dev_curve(dev, [r[1] for r in dv])
    comb = dev_curve(dev, [scorer.probabilities(r[0].tolist()) for r in dv])
    for name, c in (("cross-encoder alone", ce), ("combined", comb)):
        print(f"\nSQuAD dev, {name}: top-1 {c['top1_accuracy']:.3f}")
        print("threshold  right  wrong_refusals  unanswerable_refused")
        for r in c["curve"]:
            print(f"{r['threshold']:9.2f}  {r['right']:.3f}  {r['wrong_refusals']:14.3f}  {r['unanswerable_refused']:20.3f}")

    out = scorer.to_dict() | {
        "fitted_on": {"squad_train_questions": args.train_questions, "written": [str(q.relative_to(ROOT)) for q, _ in ta.TRAIN_SETS if q.is_file()],
                      "rows": len(y), "positives": int(y.sum())},
        "seed": args.seed, "l2": args.l2, "prefilter": args.prefilter,
        "squad_dev": {"cross_encoder_top1": round(ce["top1_accuracy"], 3), "combined_top1": round(comb["top1_accuracy"], 3)},
    }
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / SCORER_FILE
    path.write_text(json.dumps(out, indent=1) + "\n")
    (args.out / SCORER_CHECKSUM).write_text(f"{sha256_of(path)}  {SCORER_FILE}\n")
    print(f"\nwrote {path}; sha256 in {SCORER_CHECKSUM}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
