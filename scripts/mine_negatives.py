"""Mine hard negatives for the answer model from its own mistakes (read by
`scripts/train_answerer.py --mined`; tried in the twenty-fourth round and not shipped, README).

For each written training question the cross-encoder learns from (scripts/train_answerer.py's
"model" part: never the calibration part, never a dev or test file), the candidates of its
documents that share the most words with it are scored by the shipped cross-encoder, and the
ones it scores highest that are not the answer become extra negatives of that question
(train_answerer.ordinary_pairs). The lexical negatives the training script picks by itself are
what a word count finds confusing; these are what the model finds confusing: on docs_dev the
answerer's commonest failure is a wrong candidate the model ranks above the right one.

A candidate that holds an accepted answer is never a negative, even outside the evidence: the
same fact is often stated twice, and a mined "negative" that answers would teach the model to
miss it.

Deterministic: the same model and data give the same file. The file records the checksum of the
model it was mined with; train_answerer reads the file, not the model, so a model trained on it
is reproduced from the file whatever model is shipped by then.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import train_answerer as ta  # noqa: E402

from rag.answering import candidates as cand  # noqa: E402
from rag.answering.crossencoder import MODEL_DIR, MODEL_FILE, CrossEncoder, sha256_of  # noqa: E402

OUT = ta.MINED
# Candidates the model reads per question: the answerer's prefilter reads 24 of a few passages;
# a question's documents hold more, so the pool is wider.
POOL = 30
# Negatives kept per question, and the least probability one must have: below it the model is
# not confused by it, and the lexical negatives already cover it.
PER_QUESTION = 3
FLOOR = 0.2


def key(questions: Path, item: dict) -> str:
    return f"{questions.name}:{item['id']}"


def mine(model: CrossEncoder, pool: int, per_question: int, floor: float) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    docs: dict[Path, tuple[str, list[cand.Span]]] = {}
    seen: dict[str, set[str]] = {}

    def words(text: str) -> set[str]:
        if text not in seen:
            seen[text] = ta.terms(text)
        return seen[text]

    done = 0
    for questions, folder in ta.TRAIN_SETS:
        for item, _folder in ta.written_questions([(questions, folder)], part="model"):
            q = item["question"]
            qt = ta.terms(q)
            answers = [ta._norm(a) for a in item["answers"]]
            texts: dict[str, bool] = {}  # model text -> is the answer
            for name in item["sources"] or ta.model_documents(folder):
                path = folder / name
                if path not in docs:
                    text = ta.document_text(path)
                    docs[path] = (text, cand.spans(text))
                text, spans = docs[path]
                places = ta.evidence_places(text, item["evidence"])
                for s in spans:
                    positive = ta.is_positive(text, s.start, s.end, places, answers)
                    says = bool(answers) and any(a and a in ta._norm(s.model_text) for a in answers)
                    texts[s.model_text] = texts.get(s.model_text, False) or positive or says
            others = sorted((c for c, ans in texts.items() if not ans), key=lambda c: (-ta.overlap(qt, words(c)), c))
            read = others[:pool]
            if read:
                probs = model.probabilities(q, read)
                ranked = sorted(zip(read, probs, strict=True), key=lambda cp: (-float(cp[1]), cp[0]))
                kept = [c for c, p in ranked[:per_question] if p >= floor]
                if kept:
                    out[key(questions, item)] = kept
            done += 1
            if done % 250 == 0:
                print(f"  mined {done} questions, {len(out)} with negatives", flush=True)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pool", type=int, default=POOL)
    ap.add_argument("--per-question", type=int, default=PER_QUESTION)
    ap.add_argument("--floor", type=float, default=FLOOR)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    model = CrossEncoder(MODEL_DIR, threads=2)
    negatives = mine(model, args.pool, args.per_question, args.floor)
    data = {
        "mined_with": f"{MODEL_FILE} sha256 {sha256_of(MODEL_DIR / MODEL_FILE)}",
        "pool": args.pool, "per_question": args.per_question, "floor": args.floor,
        "questions": len(negatives), "negatives": negatives,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, indent=0, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {sum(map(len, negatives.values()))} negatives for {len(negatives)} questions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
