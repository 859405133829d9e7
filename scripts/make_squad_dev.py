"""Write the open-domain dev benchmark (`evals/benchmarks/squad_dev.jsonl` over
`evals/benchmarks/squad_dev/`) from the answer model's three SQuAD dev articles.

The held-out checks include an encyclopedia set (articles, crowd-written questions, a quarter of
them unanswerable but plausible). The answer model's own dev figures score candidates of one or
two paragraphs; this set runs the same kind of questions through the whole product (ingest,
retrieval, answering, refusal) with `rag eval`. Its articles are scripts/train_answerer.py's
DEV_ARTICLES, which neither the model nor the combined scorer is fitted on.

Each article becomes one plain-text document: its title, then its paragraphs, blank-line apart.
Seeded sample: 50 answerable questions per article and 50 unanswerable ones (all from
"Spectre (2015 film)", the only dev article that has them), so a quarter are unanswerable.
A question's accepted answers are its crowd answers; its evidence is the answer with up to 40
characters either side, cut at spaces, verbatim in the document.

    python scripts/make_squad_dev.py          # rewrites the files; same seed, same files
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import train_answerer as ta  # noqa: E402

OUT_DOCS = ROOT / "evals" / "benchmarks" / "squad_dev"
OUT_QUESTIONS = ROOT / "evals" / "benchmarks" / "squad_dev.jsonl"
PER_ARTICLE = 50
UNANSWERABLE = 50
CONTEXT = 40

SOURCES = """# Sources of squad_dev/

Three Wikipedia articles as the SQuAD 2.0 training split holds them (the excerpt in
../shared/data/squad2-train-excerpt: "{titles}"), one plain-text file each: the title, then
the paragraphs blank-line apart, unchanged. Written by `scripts/make_squad_dev.py`.

Rajpurkar, Jia and Liang, "Know What You Don't Know: Unanswerable Questions for SQuAD"
(ACL 2018). Licence: CC BY-SA 4.0 (the text is Wikipedia's, CC BY-SA).
"""


def document_name(title: str) -> str:
    return f"{title}.txt"


def document_text(article: dict) -> str:
    title = article["title"].replace("_", " ")
    return "\n\n".join([title, *(p["context"].strip() for p in article["paragraphs"])]) + "\n"


def evidence(context: str, start: int, answer: str) -> str:
    """The answer with up to CONTEXT characters either side, cut at spaces."""
    a = max(0, start - CONTEXT)
    b = min(len(context), start + len(answer) + CONTEXT)
    if a > 0:
        a = context.find(" ", a, start) + 1 or a
    if b < len(context):
        cut = context.rfind(" ", start + len(answer), b)
        b = cut if cut > 0 else b
    return context[a:b].strip()


def questions(articles: list[dict], rng: random.Random) -> list[dict]:
    out: list[dict] = []
    impossible: list[dict] = []
    for art in articles:
        name = document_name(art["title"])
        answerable = []
        for p in art["paragraphs"]:
            ctx = p["context"]
            for qa in p["qas"]:
                q = " ".join(qa["question"].split())
                if qa["is_impossible"]:
                    impossible.append({"question": q})
                    continue
                first = qa["answers"][0]
                ev = evidence(ctx, first["answer_start"], first["text"])
                answers = sorted({a["text"].strip() for a in qa["answers"] if a["text"].strip() in ev})
                if not answers or any(a.lower() in q.lower() for a in answers):
                    continue  # an answer the question itself holds scores nothing
                answerable.append({"question": q, "answers": answers, "sources": [name], "evidence": [ev]})
        out += rng.sample(answerable, min(PER_ARTICLE, len(answerable)))
    out += rng.sample(impossible, min(UNANSWERABLE, len(impossible)))
    rows = []
    for i, item in enumerate(out, start=1):
        ok = "answers" in item
        rows.append({
            "id": f"squad-dev-{i:03d}",
            "question": item["question"],
            "answers": item.get("answers", []),
            "must_include": [],
            "sources": item.get("sources", []),
            "evidence": item.get("evidence", []),
            "answerable": ok,
            "category": "single_fact" if ok else "unanswerable_absent",
        })
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--squad", type=Path, default=ta.SQUAD_DEFAULT)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    data = ta.load_squad(args.squad)  # checks it is the excerpt the dev articles come from
    articles = [a for t in ta.DEV_ARTICLES for a in data if a["title"] == t]
    if len(articles) != len(ta.DEV_ARTICLES):
        print(f"make_squad_dev: {args.squad} lacks the dev articles {ta.DEV_ARTICLES}", file=sys.stderr)
        return 1
    OUT_DOCS.mkdir(parents=True, exist_ok=True)
    for art in articles:
        (OUT_DOCS / document_name(art["title"])).write_text(document_text(art), encoding="utf-8")
    OUT_DOCS.with_name(f"{OUT_DOCS.name}.SOURCES.md").write_text(SOURCES.format(titles='", "'.join(ta.DEV_ARTICLES)), encoding="utf-8")
    rows = questions(articles, random.Random(args.seed))
    OUT_QUESTIONS.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    n_ans = sum(r["answerable"] for r in rows)
    print(f"wrote {OUT_QUESTIONS.relative_to(ROOT)}: {n_ans} answerable + {len(rows) - n_ans} unanswerable, "
          f"over {len(articles)} documents in {OUT_DOCS.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
