"""The typed result of one `rag eval` run over rag's own benchmark format.

`evals.runner.run` returns an `EvalResult`; the report writer, the gates and the terminal summary
read its fields. `EvalResult.to_json()` is exactly what report.json holds and
`SystemRun.answer_records()` what answers.jsonl holds, so the files keep their shape.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from evals.format import BenchmarkQuestion
from evals.gates import GateResult

AnswerRecord = dict[str, Any]  # Answer.to_dict() with "id": one line of answers.jsonl


@dataclass(frozen=True)
class Metrics:
    """Every score of a run (definitions: evals/README.md). None: no question to compute it
    from, which is not 0 or 1."""

    answer_accuracy: float | None = None
    wrong_refusal_rate: float | None = None
    abstention_recall: float | None = None
    abstention_precision: float | None = None
    source_hit_at_k: float | None = None
    evidence_hit_at_k: float | None = None
    mrr: float | None = None
    cited_answers_valid: float | None = None
    citations_valid: float | None = None
    median_answer_words: float | None = None
    latency_p50_ms: float | None = None
    latency_p95_ms: float | None = None
    # Evidence hit at 5 chunks, whatever k the system retrieves (None when it retrieves fewer):
    # the figure rag and the baseline are compared on.
    evidence_hit_at_5: float | None = None

    @classmethod
    def from_dict(cls, values: dict[str, float | None]) -> Metrics:
        return cls(**values)

    def get(self, name: str) -> float | None:
        """The metric a gate or a table row names (None for a name that is not a metric)."""
        return getattr(self, name, None) if name in _METRIC_NAMES else None

    def to_dict(self) -> dict[str, float | None]:
        return asdict(self)


_METRIC_NAMES = frozenset(f.name for f in fields(Metrics))


@dataclass(frozen=True)
class Counts:
    questions: int
    answerable: int
    unanswerable: int
    abstained: int
    correct: int
    citations: int


@dataclass(frozen=True)
class CategoryRow:
    name: str
    questions: int
    answer_accuracy: float | None
    abstention_recall: float | None


@dataclass(frozen=True)
class CurveRow:
    threshold: float
    answer_accuracy: float | None
    wrong_refusal_rate: float | None
    abstention_recall: float | None


@dataclass(frozen=True)
class Curve:
    """The extractive answerer's refusal curve; `threshold` is the operating one (the
    setting answering.threshold), marked in the tables and the chart."""

    threshold: float
    rows: list[CurveRow]

    def is_operating(self, row: CurveRow) -> bool:
        return abs(row.threshold - self.threshold) < 1e-9

    def to_json(self) -> dict[str, Any]:
        return {"threshold": self.threshold, "rows": [asdict(r) for r in self.rows]}


@dataclass(frozen=True)
class QuestionResult:
    question: BenchmarkQuestion
    answer: AnswerRecord  # as the system answered it, at the operating threshold
    correct: bool


@dataclass
class SystemRun:
    """One system's answers to the benchmark and their scores (rag's, or the baseline's)."""

    k: int
    settings: dict[str, Any]
    counts: Counts
    metrics: Metrics
    by_category: list[CategoryRow]
    timings_s: dict[str, float]
    questions: list[QuestionResult]

    def answer_records(self) -> list[AnswerRecord]:
        return [q.answer for q in self.questions]

    def to_json(self) -> dict[str, Any]:
        return {
            "k": self.k,
            "settings": self.settings,
            "counts": asdict(self.counts),
            "metrics": self.metrics.to_dict(),
            "by_category": {
                c.name: {
                    "questions": c.questions,
                    "answer_accuracy": c.answer_accuracy,
                    "abstention_recall": c.abstention_recall,
                }
                for c in self.by_category
            },
            "timings_s": self.timings_s,
        }


@dataclass
class EvalResult:
    benchmark: str
    questions_in_file: int
    docs: str | None
    store: str
    ingest: str | None  # the ingest summary line, when --docs was ingested
    system: SystemRun
    refusal_curve: Curve | None = None
    baseline: SystemRun | None = None
    ratios: dict[str, float | None] | None = None  # ours / baseline, per metric
    gates: list[GateResult] = field(default_factory=list)

    @property
    def failed_gates(self) -> list[GateResult]:
        return [g for g in self.gates if not g.passed]

    def to_json(self) -> dict[str, Any]:
        """report.json: the run's own fields at the top, then curve, baseline, ratios, gates."""
        out: dict[str, Any] = {
            "benchmark": self.benchmark,
            "questions_in_file": self.questions_in_file,
            "docs": self.docs,
            "store": self.store,
            "ingest": self.ingest,
            **self.system.to_json(),
        }
        if self.refusal_curve is not None:
            out["refusal_curve"] = self.refusal_curve.to_json()
        if self.baseline is not None:
            out["baseline"] = self.baseline.to_json()
        if self.ratios is not None:
            out["ratios"] = self.ratios
        out["gates"] = [asdict(g) for g in self.gates]
        return out


@dataclass
class QASetResult:
    """`rag eval` over a RAGAS test set or a LabelledRagDataset (evals/ecosystem_runner.py)."""

    format: str
    benchmark: str
    questions: int
    docs: str | None
    store: str
    ingest: str | None
    k: int
    metrics: dict[str, float | None]  # the lexical scores, by name (ecosystem_runner.QA_LABELS)
    timings_s: dict[str, float]

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class BeirResult:
    """`rag eval` over a BEIR folder: retrieval scores over documents."""

    format: str
    benchmark: str
    split: str
    corpus_documents: int
    queries: int
    ingest: str
    corpus_documents_not_indexed: list[str]
    metrics: dict[str, float | None]  # by name (ecosystem_runner.BEIR_LABELS)
    timings_s: dict[str, float]

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
