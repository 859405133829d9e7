"""`rag eval` over BEIR, RAGAS and LabelledRagDataset sets (rag's own format: evals/runner.py).

- BEIR: the corpus is written out as one text file per document, ingested into a fresh store,
  and every judged query is retrieved: nDCG@10, recall@5/10, MRR@10 and hit@1 over documents
  (a document's rank is that of its best chunk, the usual way to score passage retrievers).
- RAGAS / LabelledRagDataset: every question is asked, over --docs (a fresh store) or --store.
  Without an LLM judge the scores are lexical: how much of the reference contexts the retrieved
  passages hold, how much of the reference answer the answer holds, plus rag's own citation
  validity. The answers are also written as a RAGAS evaluation dataset (ragas_dataset.jsonl)
  so ragas' LLM metrics can be run on them elsewhere.
"""

from __future__ import annotations

import math
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, cast

from tqdm import tqdm

from evals import ecosystem, metrics, report, runner
from evals.ecosystem import BeirSet, EcosystemFormatError, QAItem
from evals.format import normalise
from evals.results import BeirResult, QASetResult
from rag.text import content_terms

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
DEPTH = 10  # documents ranked per BEIR query (nDCG@10 is BEIR's headline metric)
CHUNKS_PER_QUERY = 50  # chunks retrieved to rank DEPTH distinct documents
RAGAS_FILE = "ragas_dataset.jsonl"
_GATES = ("min_accuracy", "min_abstention", "max_wrong_refusals", "min_evidence_hit")
_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,100}$")


def run_from_cli(options: runner.EvalOptions, factory: runner.AssistantFactory) -> int:
    try:
        chosen = options.format or "auto"
        fmt = ecosystem.detect_format(options.questions) if chosen == "auto" else chosen
        if fmt == "rag":
            return _run_native(options, factory)
        _check_args(options, fmt)
        if fmt == "beir":
            beir = ecosystem.load_beir(options.questions)
            return run_beir(beir, options, factory)
        items = (ecosystem.load_ragas(options.questions) if fmt == "ragas"
                 else ecosystem.load_labelled_rag(options.questions))
        if options.limit:
            items = items[: options.limit]
        return run_qa(items, fmt, options, factory)
    except (EcosystemFormatError, runner.UsageError) as err:
        print(f"rag: {err}", file=sys.stderr)
        return EXIT_USAGE


def _check_args(options: runner.EvalOptions, fmt: str) -> None:
    given = [g for g in _GATES if getattr(options, g, None) is not None]
    if given or options.baseline:
        what = "--" + (given[0].replace("_", "-") if given else "baseline")
        raise runner.UsageError(f"{what} applies to rag's own benchmark format, not to {fmt}")
    limit = options.limit
    if limit is not None and limit < 1:
        raise runner.UsageError(f"--limit must be at least 1, got {limit}")
    docs = options.docs
    if fmt == "beir":
        if docs is not None or options.store is not None or options.chroma_host:
            raise runner.UsageError(
                "a BEIR set brings its corpus: it is indexed into a fresh store under --out "
                "(do not give --docs, --store or --chroma-host)"
            )
        runner.check_wipeable(options.out / "store")
        runner.check_wipeable(options.out / "corpus")
    elif docs is not None:
        if not docs.is_dir():
            raise runner.UsageError(f"--docs {docs}: not a folder")
        if options.store is not None or options.chroma_host:
            raise runner.UsageError("--docs builds a fresh store under --out; do not also give "
                                    "--store or --chroma-host")
        runner.check_wipeable(options.out / "store")


# ---- rag's own format: the existing runner, plus the RAGAS dataset of its answers ----------------
def _run_native(options: runner.EvalOptions, factory: runner.AssistantFactory) -> int:
    code, result = runner.run_and_report(options, factory)
    if result is None:
        return code
    rows = [
        ecosystem.ragas_row(
            r.question.question, r.answer, r.question.answers[0] if r.question.answers else None,
            list(r.question.evidence),
        )
        for r in result.system.questions
    ]
    ecosystem.write_jsonl(options.out / RAGAS_FILE, rows)
    print(f"RAGAS dataset: {options.out / RAGAS_FILE}")
    return code


# ---- RAGAS and LabelledRagDataset ----------------------------------------------------------------
def run_qa(
    items: list[QAItem], fmt: str, options: runner.EvalOptions, factory: runner.AssistantFactory
) -> int:
    out: Path = options.out
    out.mkdir(parents=True, exist_ok=True)
    plan = runner.Plan(questions=[], total_in_file=len(items), out=out,
                       docs=options.docs, gates=[])
    t0 = time.perf_counter()
    assistant, ingested = runner.open_assistant(plan, factory)
    ingest_s = time.perf_counter() - t0
    answers: list[dict[str, Any]] = []
    t0 = time.perf_counter()
    for item in tqdm(items, desc="questions", unit="q", file=sys.stderr, disable=None):
        answers.append(replace(assistant.ask(item.question), id=item.id).to_dict())
    k = assistant.settings.retrieval.top_k
    scores = qa_metrics(items, answers, runner.document_texts(assistant, plan.docs), k)
    result = QASetResult(
        format=fmt,
        benchmark=str(options.questions),
        questions=len(items),
        docs=str(plan.docs) if plan.docs else None,
        store=str(assistant.settings.store),
        ingest=ingested,
        k=k,
        metrics=scores,
        timings_s={"ingest_s": ingest_s, "answering_s": time.perf_counter() - t0},
    )
    report.write_answers(out / "answers.jsonl", answers)
    ecosystem.write_jsonl(out / RAGAS_FILE, [
        ecosystem.ragas_row(i.question, a, i.reference, i.contexts)
        for i, a in zip(items, answers, strict=True)
    ])
    _write_report(out, result, QA_LABELS, k)
    print(f"report: {out / 'report.md'}\nRAGAS dataset: {out / RAGAS_FILE}")
    return EXIT_OK


QA_LABELS = {
    "context_recall_at_k": "reference-context words in the top-k passages",
    "answer_reference_recall": "reference-answer words in the answer",
    "answer_contains_reference": "answer contains the reference answer",
    "answer_token_f1": "answer token F1 against the reference",
    "abstention_rate": "abstained",
    "cited_answers_valid": "answers with all citations valid",
    "citations_valid": "citations valid",
    "latency_p50_ms": "latency p50 (ms)",
    "latency_p95_ms": "latency p95 (ms)",
}


def qa_metrics(
    items: Sequence[QAItem], answers: Sequence[dict[str, Any]], doc_text: metrics.DocText, k: int
) -> metrics.Metrics:
    """Lexical scores; an abstention scores 0 on every answer metric (these sets have answers)."""
    with_ctx = [(i, a) for i, a in zip(items, answers, strict=True) if i.contexts]
    with_ref = [(i, a) for i, a in zip(items, answers, strict=True) if i.reference]
    ctx_recall = []
    for i, a in with_ctx:
        seen = " ".join(str(r["text"]) for r in a["retrieved"][:k])
        ctx_recall.append(sum(term_recall(c, seen) for c in i.contexts) / len(i.contexts))

    def given(a: dict[str, Any]) -> str:
        return "" if a["abstained"] else _unmarked(str(a["answer"]))

    # metrics' citation and latency functions read only the answer half of each pair.
    pairs = cast(list[metrics.Pair], [(None, a) for a in answers])
    return {
        "context_recall_at_k": _mean(ctx_recall),
        "answer_reference_recall": _mean([term_recall(str(i.reference), given(a))
                                          for i, a in with_ref]),
        "answer_contains_reference": _mean([
            float(bool(given(a)) and normalise(str(i.reference)) in normalise(given(a)))
            for i, a in with_ref
        ]),
        "answer_token_f1": _mean([token_f1(given(a), str(i.reference)) for i, a in with_ref]),
        "abstention_rate": _mean([float(bool(a["abstained"])) for a in answers]),
        "cited_answers_valid": metrics.cited_answers_valid(pairs, doc_text),
        "citations_valid": metrics.citations_valid(pairs, doc_text),
        "latency_p50_ms": metrics.latency_ms(pairs, 50),
        "latency_p95_ms": metrics.latency_ms(pairs, 95),
    }


def term_recall(reference: str, text: str) -> float:
    """Share of the reference's distinct content words (stemmed) that `text` contains."""
    wanted = set(content_terms(reference))
    if not wanted:
        return 1.0
    return len(wanted & set(content_terms(text))) / len(wanted)


def token_f1(answer: str, reference: str) -> float:
    """SQuAD-style token F1 over lower-cased words (with repeats)."""
    a, r = normalise(answer).split(), normalise(reference).split()
    if not a or not r:
        return 0.0
    common = 0
    pool = list(r)
    for token in a:
        if token in pool:
            pool.remove(token)
            common += 1
    if common == 0:
        return 0.0
    precision, recall = common / len(a), common / len(r)
    return 2 * precision * recall / (precision + recall)


def _unmarked(text: str) -> str:
    from rag.markers import strip

    return strip(text)


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


# ---- BEIR ---------------------------------------------------------------------------------------
BEIR_LABELS = {
    "ndcg_at_10": "nDCG@10",
    "recall_at_5": "recall@5",
    "recall_at_10": "recall@10",
    "mrr_at_10": "MRR@10",
    "hit_at_1": "hit@1",
    "latency_p50_ms": "retrieval latency p50 (ms)",
    "latency_p95_ms": "retrieval latency p95 (ms)",
}


def run_beir(beir: BeirSet, options: runner.EvalOptions, factory: runner.AssistantFactory) -> int:
    from rag.progress import TqdmProgress

    out: Path = options.out
    out.mkdir(parents=True, exist_ok=True)
    names = write_corpus(beir, runner.fresh_store(out / "corpus"))
    store = runner.fresh_store(out / "store")
    assistant = factory(store)
    t0 = time.perf_counter()
    with TqdmProgress() as progress:
        ingested = assistant.ingest(sorted(out / "corpus" / n for n in names), progress=progress)
    ingest_s = time.perf_counter() - t0
    for r in ingested.failed:
        print(f"rag: corpus document {names.get(r.source, r.source)}: {r.reason}", file=sys.stderr)
    assistant.warm_up()

    query_ids = sorted(beir.qrels)
    if options.limit:
        query_ids = query_ids[: options.limit]
    rankings: dict[str, list[str]] = {}
    times: list[float] = []
    for qid in tqdm(query_ids, desc="queries", unit="q", file=sys.stderr, disable=None):
        t = time.perf_counter()
        hits = assistant.retrieve(beir.queries[qid], CHUNKS_PER_QUERY)
        times.append((time.perf_counter() - t) * 1000)
        rankings[qid] = rank_documents([Path(h.chunk.source).name for h in hits], names)
    scores = beir_metrics(rankings, beir.qrels)
    scores["latency_p50_ms"] = metrics.percentile(times, 50)
    scores["latency_p95_ms"] = metrics.percentile(times, 95)
    result = BeirResult(
        format="beir",
        benchmark=str(options.questions),
        split=beir.split,
        corpus_documents=len(beir.corpus),
        queries=len(query_ids),
        ingest=ingested.summary(),
        corpus_documents_not_indexed=sorted(names.get(r.source, r.source) for r in ingested.failed),
        metrics=scores,
        timings_s={"ingest_s": ingest_s},
    )
    report.write_answers(out / "results.jsonl", [
        {"query_id": q, "ranked": rankings[q], "relevant": beir.qrels[q]} for q in query_ids
    ])
    _write_report(out, result, BEIR_LABELS, None)
    print(f"report: {out / 'report.md'}")
    return EXIT_OK


def write_corpus(beir: BeirSet, folder: Path) -> dict[str, str]:
    """One .txt file per corpus document; returns file name -> corpus id."""
    names: dict[str, str] = {}
    for doc_id, (title, text) in beir.corpus.items():
        # Ids that are safe file names stay readable; others (slashes, spaces) get a number.
        name = f"{doc_id}.txt" if _SAFE_ID.match(doc_id) else f"doc-{len(names):07d}.txt"
        while name in names:
            name = f"doc-{len(names):07d}-{name}"
        names[name] = doc_id
        body = f"{title.strip()}\n\n{text.strip()}\n" if title.strip() else f"{text.strip()}\n"
        (folder / name).write_text(body, encoding="utf-8")
    return names


def rank_documents(sources: Sequence[str], names: dict[str, str]) -> list[str]:
    """Corpus ids in order of their best chunk, at most DEPTH."""
    ranked: list[str] = []
    for source in sources:
        doc_id = names.get(source)
        if doc_id is not None and doc_id not in ranked:
            ranked.append(doc_id)
    return ranked[:DEPTH]


def beir_metrics(
    rankings: dict[str, list[str]], qrels: dict[str, dict[str, int]]
) -> metrics.Metrics:
    """Means over queries; linear gain in nDCG, as pytrec_eval (which BEIR uses) computes it."""
    ndcg, r5, r10, mrr, hit1 = [], [], [], [], []
    for qid, ranked in rankings.items():
        rel = qrels[qid]
        relevant = {d for d, s in rel.items() if s > 0}
        if not relevant:
            continue
        dcg = sum(rel.get(d, 0) / math.log2(i + 2) for i, d in enumerate(ranked[:10]))
        ideal = sorted((s for s in rel.values() if s > 0), reverse=True)[:10]
        idcg = sum(s / math.log2(i + 2) for i, s in enumerate(ideal))
        ndcg.append(dcg / idcg)
        r5.append(len(relevant & set(ranked[:5])) / len(relevant))
        r10.append(len(relevant & set(ranked[:10])) / len(relevant))
        first = next((i for i, d in enumerate(ranked[:10], start=1) if d in relevant), None)
        mrr.append(1 / first if first else 0.0)
        hit1.append(float(bool(ranked) and ranked[0] in relevant))
    return {"ndcg_at_10": _mean(ndcg), "recall_at_5": _mean(r5), "recall_at_10": _mean(r10),
            "mrr_at_10": _mean(mrr), "hit_at_1": _mean(hit1)}


# ---- report -------------------------------------------------------------------------------------
def _write_report(
    out: Path, result: QASetResult | BeirResult, labels: dict[str, str], k: int | None
) -> None:
    rows = [["metric", "value"]]
    for key, label in labels.items():
        shown = label.replace("top-k", f"top-{k}") if k is not None else label
        rows.append([shown, report.fmt_value(key, result.metrics.get(key))])
    data = result.to_json()
    report.write_json(out / "report.json", data)
    lines = [f"# rag eval — {result.format}: {result.benchmark}", "",
             report.markdown_table(rows), ""]
    for key in ("questions", "queries", "corpus_documents", "split", "ingest", "docs", "store"):
        if data.get(key) is not None:
            lines.append(f"- {key}: {data[key]}")
    (out / "report.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(report.text_table(rows))
