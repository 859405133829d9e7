"""`rag eval`: ask every benchmark question with one Assistant, score, report, apply gates.

A layer over the Python API: it takes typed `EvalOptions` and an `AssistantFactory` (the CLI
passes one that applies its flags; tests pass their own), never the CLI's argparse namespace.
Everything that can be wrong with the options or the benchmark file is checked before any model
is loaded, so a typo costs a second, not a model load.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tqdm import tqdm

from evals import gates as gating
from evals import metrics, refusal, report
from evals.format import BenchmarkFormatError, BenchmarkQuestion, load_benchmark
from evals.results import (
    CategoryRow,
    Counts,
    Curve,
    EvalResult,
    Metrics,
    QuestionResult,
    SystemRun,
)

if TYPE_CHECKING:
    from rag.assistant import Assistant

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
# factory(store): an Assistant over `store` (None: the configured one) with the caller's settings.
AssistantFactory = Callable[[Path | None], "Assistant"]

# Left in a store folder that `rag eval` made, so it only ever wipes its own folders.
STORE_MARKER = ".rag-eval-store"
FAIR_K = 5  # evidence hit is also reported at this k for both systems


class UsageError(Exception):
    """A problem with the command line; str() is one line."""


@dataclass(frozen=True)
class EvalOptions:
    """What `rag eval` was asked to do; the threshold fields are gates (None: no gate)."""

    questions: Path
    out: Path = Path("evals/out")
    docs: Path | None = None  # ingest this folder into a fresh store under out/store first
    baseline: bool = False
    limit: int | None = None
    store: Path | None = None  # only to refuse it next to `docs`
    chroma_host: str | None = None  # likewise
    min_accuracy: float | None = None
    min_abstention: float | None = None
    max_wrong_refusals: float | None = None
    min_evidence_hit: float | None = None
    extra_gates: list[gating.Gate] = field(default_factory=list)
    # auto | rag | beir | ragas | llamaindex (evals/ecosystem.py reads the others)
    format: str = "auto"

    def gates(self) -> list[gating.Gate]:
        made = [
            gating.Gate(metric, op, float(value))
            for name, (metric, op) in gating.FLAG_GATES.items()
            if (value := getattr(self, name)) is not None
        ]
        return made + list(self.extra_gates)


@dataclass(frozen=True)
class Plan:
    questions: list[BenchmarkQuestion]
    total_in_file: int
    out: Path
    docs: Path | None
    gates: list[gating.Gate]


def run_from_cli(options: EvalOptions, factory: AssistantFactory) -> int:
    """The entry point `rag eval` calls: run, write the report, print, return the exit code."""
    return run_and_report(options, factory)[0]


def run_and_report(
    options: EvalOptions, factory: AssistantFactory
) -> tuple[int, EvalResult | None]:
    """run_from_cli, also handing back the result (None when the options were refused)."""
    try:
        plan = make_plan(options)
    except (UsageError, BenchmarkFormatError) as err:
        print(f"rag: {err}", file=sys.stderr)
        return EXIT_USAGE, None
    result = run(plan, options, factory)
    write_outputs(plan.out, result)
    print(report.text_table(report.summary_rows(result)))
    if result.refusal_curve is not None:
        print("\nrefusal curve (* = operating threshold):")
        print(report.text_table(report.refusal_rows(result.refusal_curve)))
    print(f"report: {plan.out / 'report.md'}")
    for gate in result.failed_gates:
        print(gate.message, file=sys.stderr)
    return (EXIT_FAILED if result.failed_gates else EXIT_OK), result


# ---- checks before any work ------------------------------------------------------------------
def make_plan(options: EvalOptions) -> Plan:
    limit = options.limit
    if limit is not None and limit < 1:
        raise UsageError(f"--limit must be at least 1, got {limit}")
    docs = options.docs
    if docs is not None:
        if not docs.is_dir():
            raise UsageError(f"--docs {docs}: not a folder")
        # --docs means a fresh store made here; an existing one given too would be ambiguous.
        if options.store is not None:
            raise UsageError("--docs builds a fresh store under --out; do not also give --store")
        if options.chroma_host:
            raise UsageError("--docs makes a fresh local store: do not also give --chroma-host")
        check_wipeable(options.out / "store")
    elif options.baseline:
        raise UsageError("--baseline needs --docs DIR (the baseline indexes that folder itself)")
    if options.baseline and importlib.util.find_spec("llama_index.embeddings") is None:
        raise UsageError("--baseline needs the baseline extra: pip install 'rag[baseline]'")
    questions = load_benchmark(options.questions)
    total = len(questions)
    return Plan(
        questions=questions[:limit] if limit else questions,
        total_in_file=total,
        out=options.out,
        docs=docs,
        gates=options.gates(),
    )


# ---- the run ---------------------------------------------------------------------------------
def run(plan: Plan, options: EvalOptions, factory: AssistantFactory) -> EvalResult:
    """Ask every question, score the answers, apply the gates."""
    plan.out.mkdir(parents=True, exist_ok=True)
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    assistant, ingest_summary = open_assistant(plan, factory)
    timings["ingest_s"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    configured = assistant.settings
    # The extractive answerer is asked at threshold 0 (an Assistant built so, not a changed
    # one) and the configured threshold applied afterwards (evals/refusal.py): the same answers,
    # plus the refusal curve of every threshold.
    sweep = configured.answering.answerer == "extractive"
    threshold = configured.answering.threshold
    asker = assistant.with_settings(answering={"threshold": 0.0}) if sweep else assistant
    if asker is not assistant:
        asker.warm_up()
    raw = ask_all(asker, plan.questions)
    answers = [refusal.apply_threshold(a, threshold) for a in raw] if sweep else raw
    timings["answering_s"] = time.perf_counter() - t0

    k = configured.retrieval.top_k
    pairs = list(zip(plan.questions, answers, strict=True))
    scores = score(pairs, document_texts(assistant, plan.docs), k)
    system = system_run(pairs, scores, k, configured.public(), timings)
    result = EvalResult(
        benchmark=str(options.questions),
        questions_in_file=plan.total_in_file,
        docs=str(plan.docs) if plan.docs else None,
        store=str(configured.store),
        ingest=ingest_summary,
        system=system,
        refusal_curve=Curve(threshold, refusal.curve(plan.questions, raw, refusal.grid(threshold))) if sweep else None,
    )
    if options.baseline and plan.docs is not None:
        result.baseline = run_baseline(plan.docs, plan.questions)
        result.ratios = report.ratios(scores, result.baseline.metrics)
    result.gates = [g.check(scores) for g in plan.gates]
    return result


def system_run(
    pairs: Sequence[metrics.Pair],
    scores: Metrics,
    k: int,
    settings: dict[str, Any],
    timings: dict[str, float],
) -> SystemRun:
    return SystemRun(
        k=k,
        settings=settings,
        counts=Counts(**metrics.counts(pairs)),
        metrics=scores,
        by_category=[
            CategoryRow(
                name,
                int(row["questions"] or 0),
                row["answer_accuracy"],
                row["abstention_recall"],
            )
            for name, row in metrics.by_category(pairs).items()
        ],
        timings_s=timings,
        questions=[QuestionResult(q, dict(a), metrics.is_correct(q, a)) for q, a in pairs],
    )


def open_assistant(plan: Plan, factory: AssistantFactory) -> tuple[Assistant, str | None]:
    """The Assistant to evaluate, over a freshly ingested store when --docs is given."""
    if plan.docs is None:
        assistant = factory(None)
        assistant.warm_up()
        return assistant, None
    from rag.progress import TqdmProgress

    store = fresh_store(plan.out / "store")
    assistant = factory(store)
    with TqdmProgress() as progress:
        ingested = assistant.ingest([plan.docs], progress=progress)
    for r in ingested.failed:
        print(f"rag: {r.source}: {r.reason}", file=sys.stderr)
    # Load the models now so the first question's latency does not include them.
    assistant.warm_up()
    return assistant, ingested.summary()


def fresh_store(path: Path) -> Path:
    """Empty `path` for a new store (make_plan has checked that rag eval made it)."""
    check_wipeable(path)
    if path.exists():
        from index.store import forget_client

        forget_client(path)  # a run before in this process may still hold it open
        shutil.rmtree(path)
    path.mkdir(parents=True)
    (path / STORE_MARKER).write_text("made by `rag eval`, which wipes it on every run\n")
    return path


def check_wipeable(path: Path) -> None:
    # A typo in --out must not wipe someone's folder: only folders rag eval made are wiped.
    if path.exists() and any(path.iterdir()) and not (path / STORE_MARKER).is_file():
        raise UsageError(
            f"{path} exists and was not made by rag eval; not wiping it (choose another --out)"
        )


def ask_all(assistant: Assistant, questions: Sequence[BenchmarkQuestion]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for q in tqdm(questions, desc="questions", unit="q", file=sys.stderr, disable=None):
        out.append(replace(assistant.ask(q.question), id=q.id).to_dict())
    return out


def score(pairs: Sequence[metrics.Pair], doc_text: metrics.DocText, k: int) -> Metrics:
    return Metrics.from_dict(
        {
            **metrics.compute(pairs, doc_text, k),
            # Only meaningful when the system retrieved at least FAIR_K chunks.
            "evidence_hit_at_5": metrics.evidence_hit_at_k(pairs, FAIR_K) if k >= FAIR_K else None,
        }
    )


def document_texts(assistant: Assistant, docs: Path | None) -> metrics.DocText:
    """Where citations are checked: the original file under --docs, else the stored text."""
    cache: dict[str, str | None] = {}

    def text(source: str) -> str | None:
        if source not in cache:
            original = read_original(docs, source) if docs is not None else None
            cache[source] = original if original is not None else assistant.document_text(source)
        return cache[source]

    return text


def read_original(docs: Path, source: str) -> str | None:
    """The file's own text, for plain-text files only, without the spaces at its lines' ends:
    no reader sees them, and ingestion drops them (a quote across "version 2. " and the next
    line had failed on that space alone).

    HTML, PDF and Markdown files are converted before indexing, so a correct citation need not
    appear in their raw bytes; for those the stored (cleaned) text is the reference.
    """
    path = docs / source
    if path.suffix.lower() != ".txt":
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return "\n".join(line.rstrip(" \t") for line in text.split("\n"))


def run_baseline(docs: Path, questions: Sequence[BenchmarkQuestion]) -> SystemRun:
    from evals.baseline import FAIR_K as BASE_FAIR_K
    from evals.baseline import TOP_K, Baseline, describe

    t0 = time.perf_counter()
    base = Baseline(docs)
    base.build()
    built = time.perf_counter() - t0
    answers = base.run(questions)
    pairs = list(zip(questions, answers, strict=True))
    # The baseline cites nothing, so its citation metrics come out n/a or 0 whatever we pass.
    scores = Metrics.from_dict(
        {
            **metrics.compute(pairs, lambda _source: None, TOP_K),
            "evidence_hit_at_5": metrics.evidence_hit_at_k(pairs, BASE_FAIR_K),
        }
    )
    timings = {"index_s": built, "answering_s": time.perf_counter() - t0 - built}
    return system_run(pairs, scores, TOP_K, describe(), timings)


# ---- output ----------------------------------------------------------------------------------
def write_outputs(out: Path, result: EvalResult) -> None:
    report.write_answers(out / "answers.jsonl", result.system.answer_records())
    base = result.baseline
    if base is not None:
        report.write_answers(out / "baseline_answers.jsonl", base.answer_records())
    report.write_json(out / "report.json", result.to_json())
    report.write_chart(
        out / "report.png",
        result.system.metrics,
        base.metrics if base else None,
        result.system.k,
        base.k if base else None,
    )
    curve = result.refusal_curve
    if curve is not None:
        report.write_refusal_chart(out / "refusal.png", curve)
    report.write_markdown(out / "report.md", result, "report.png", "refusal.png" if curve else None)
