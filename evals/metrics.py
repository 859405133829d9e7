"""Scores of one evaluation run, as pure functions over (question, answer dict) pairs.

An answer dict is what `Answer.to_dict()` returns and what the runner writes to answers.jsonl,
so every number in report.json can be recomputed from that file alone. Rates whose denominator
is empty are None rather than 0 or 1: "no unanswerable questions" is not "perfect abstention".
The metric definitions are listed in evals/README.md.
"""

from __future__ import annotations

import html
import re
import statistics
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import PurePosixPath
from typing import Any

from evals.format import BenchmarkQuestion, answer_matches, normalise
from rag import markers

AnswerDict = Mapping[str, Any]
Pair = tuple[BenchmarkQuestion, AnswerDict]
# Looks up the text a citation must stand in, by the citation's source name; None if unknown.
DocText = Callable[[str], str | None]
Metrics = dict[str, float | None]



def ratio(hits: int, total: int) -> float | None:
    return hits / total if total else None


def _answerable(pairs: Iterable[Pair]) -> list[Pair]:
    return [(q, a) for q, a in pairs if q.answerable]


def _unanswerable(pairs: Iterable[Pair]) -> list[Pair]:
    return [(q, a) for q, a in pairs if not q.answerable]


def _given(pairs: Iterable[Pair]) -> list[Pair]:
    """Pairs whose answer did not abstain."""
    return [(q, a) for q, a in pairs if not a["abstained"]]


# ---- answering -----------------------------------------------------------------------------
def is_correct(question: BenchmarkQuestion, answer: AnswerDict) -> bool:
    """Answerable, answered (an abstention never counts, whatever its text) and matching."""
    return (
        question.answerable
        and not answer["abstained"]
        and answer_matches(question, str(answer["answer"]))
    )


def answer_accuracy(pairs: Sequence[Pair]) -> float | None:
    """Share of answerable questions answered correctly."""
    answerable = _answerable(pairs)
    return ratio(sum(is_correct(q, a) for q, a in answerable), len(answerable))


def wrong_refusal_rate(pairs: Sequence[Pair]) -> float | None:
    """Share of answerable questions where the system abstained."""
    answerable = _answerable(pairs)
    return ratio(sum(bool(a["abstained"]) for _, a in answerable), len(answerable))


def abstention_recall(pairs: Sequence[Pair]) -> float | None:
    """Share of unanswerable questions where the system abstained."""
    unanswerable = _unanswerable(pairs)
    return ratio(sum(bool(a["abstained"]) for _, a in unanswerable), len(unanswerable))


def abstention_precision(pairs: Sequence[Pair]) -> float | None:
    """Share of abstentions that were on unanswerable questions."""
    abstained = [q for q, a in pairs if a["abstained"]]
    return ratio(sum(not q.answerable for q in abstained), len(abstained))


# ---- retrieval (answerable questions only: the others have no sources or evidence) ----------
def _basename(source: str) -> str:
    # Benchmark sources are names relative to the documents folder, the store's may carry
    # sub-folders: the file name is what both agree on.
    return PurePosixPath(source.replace("\\", "/")).name


def _top(answer: AnswerDict, k: int | None) -> list[AnswerDict]:
    retrieved: list[AnswerDict] = list(answer.get("retrieved") or [])
    return retrieved if k is None else retrieved[:k]


def source_hit(question: BenchmarkQuestion, answer: AnswerDict, k: int | None = None) -> bool:
    """Some of the top-k chunks comes from one of the question's source files."""
    wanted = {_basename(s) for s in question.sources}
    return any(_basename(str(r["source"])) in wanted for r in _top(answer, k))


# Markup a reader does not see, on either side of an evidence match: a Markdown table's pipes
# and rule rows, heading and list markers, code ticks, emphasis stars, Sphinx's "¶" permalinks.
# Evidence is copied from the text a reader sees (trafilatura's text of a page, python-docx's
# cells of a Word table: "ExSys EX-1113HMS 16 3.1"); chunks hold the same text as Markdown
# ("| ExSys EX-1113HMS | 16 | 3.1 |").
_MARKUP = re.compile(
    r"[|¶`*]|^[ \t:|-]*-{3,}[ \t:|-]*$|^[ \t]*(?:#{1,6}|[-+•]|\d+[.)])[ \t]+|(?<=\s)[-+•][ \t]+",
    re.MULTILINE,
)


# Raw HTML in a Markdown file is markup as well: evidence copied from the file holds
# "(default: <code>8</code>)" where the reader, which reads the file's HTML tables, has "(default: 8)".
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")


def reader_view(text: str) -> str:
    """Text as a reader sees it, normalised (evals.format.normalise), for evidence matching."""
    return normalise(_MARKUP.sub(" ", _TAG.sub("", html.unescape(text))))


def evidence_rank(
    question: BenchmarkQuestion, answer: AnswerDict, k: int | None = None
) -> int | None:
    """1-based rank of the first top-k chunk containing some evidence snippet, or None.

    Both sides are read as a reader sees them (reader_view), so that line breaks, curly quotes
    and Markdown markup do not hide a hit. A snippet split across two chunks is not a hit: the
    answerer would not see it whole either.
    """
    snippets = [reader_view(e) for e in question.evidence]
    for rank, r in enumerate(_top(answer, k), start=1):
        text = reader_view(str(r["text"]))
        if any(s in text for s in snippets):
            return rank
    return None


def source_hit_at_k(pairs: Sequence[Pair], k: int | None = None) -> float | None:
    answerable = _answerable(pairs)
    return ratio(sum(source_hit(q, a, k) for q, a in answerable), len(answerable))


def evidence_hit_at_k(pairs: Sequence[Pair], k: int | None = None) -> float | None:
    answerable = _answerable(pairs)
    hits = sum(evidence_rank(q, a, k) is not None for q, a in answerable)
    return ratio(hits, len(answerable))


def mrr(pairs: Sequence[Pair], k: int | None = None) -> float | None:
    """Mean over answerable questions of 1/rank of the first evidence chunk (0 if none)."""
    answerable = _answerable(pairs)
    if not answerable:
        return None
    ranks = [evidence_rank(q, a, k) for q, a in answerable]
    return sum(1 / r for r in ranks if r is not None) / len(answerable)


# ---- citations -----------------------------------------------------------------------------
def citation_is_valid(citation: AnswerDict, doc_text: DocText) -> bool:
    """The cited text stands verbatim (character for character) in its source document."""
    text = str(citation.get("text") or "")
    # An empty span is contained in every document, so it would prove nothing.
    if not text.strip():
        return False
    doc = doc_text(str(citation.get("source") or ""))
    return doc is not None and text in doc


def cited_answers_valid(pairs: Sequence[Pair], doc_text: DocText) -> float | None:
    """Share of given (not abstained) answers that have citations, all of them valid.

    An answer without any citation fails: the product promises a checkable source for every
    answer, and counting it as vacuously valid would reward not citing.
    """
    given = _given(pairs)
    ok = sum(
        bool(a.get("citations")) and all(citation_is_valid(c, doc_text) for c in a["citations"])
        for _, a in given
    )
    return ratio(ok, len(given))


def citations_valid(pairs: Sequence[Pair], doc_text: DocText) -> float | None:
    """Share of all citations of given answers that are valid."""
    citations = [c for _, a in _given(pairs) for c in a.get("citations") or []]
    return ratio(sum(citation_is_valid(c, doc_text) for c in citations), len(citations))


# ---- length and speed ----------------------------------------------------------------------
def answer_words(text: str) -> int:
    """Words of an answer, not counting [n] citation markers."""
    return len(markers.strip(text).split())


def median_answer_words(pairs: Sequence[Pair]) -> float | None:
    lengths = [answer_words(str(a["answer"])) for _, a in _given(pairs)]
    return float(statistics.median(lengths)) if lengths else None


def percentile(values: Sequence[float], pct: float) -> float | None:
    """Linear interpolation between closest ranks (numpy's default), pct in [0, 100]."""
    if not values:
        return None
    ordered = sorted(values)
    pos = (len(ordered) - 1) * pct / 100
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def latency_ms(pairs: Sequence[Pair], pct: float) -> float | None:
    """Percentile of timings_ms.total over all questions that report it."""
    totals = [
        float(a["timings_ms"]["total"]) for _, a in pairs if "total" in (a.get("timings_ms") or {})
    ]
    return percentile(totals, pct)


# ---- everything at once --------------------------------------------------------------------
def counts(pairs: Sequence[Pair]) -> dict[str, int]:
    return {
        "questions": len(pairs),
        "answerable": len(_answerable(pairs)),
        "unanswerable": len(_unanswerable(pairs)),
        "abstained": sum(bool(a["abstained"]) for _, a in pairs),
        "correct": sum(is_correct(q, a) for q, a in pairs),
        "citations": sum(len(a.get("citations") or []) for _, a in _given(pairs)),
    }


def compute(pairs: Sequence[Pair], doc_text: DocText, k: int | None = None) -> Metrics:
    """Every metric of the report; k limits the retrieval metrics to the first k chunks."""
    return {
        "answer_accuracy": answer_accuracy(pairs),
        "wrong_refusal_rate": wrong_refusal_rate(pairs),
        "abstention_recall": abstention_recall(pairs),
        "abstention_precision": abstention_precision(pairs),
        "source_hit_at_k": source_hit_at_k(pairs, k),
        "evidence_hit_at_k": evidence_hit_at_k(pairs, k),
        "mrr": mrr(pairs, k),
        "cited_answers_valid": cited_answers_valid(pairs, doc_text),
        "citations_valid": citations_valid(pairs, doc_text),
        "median_answer_words": median_answer_words(pairs),
        "latency_p50_ms": latency_ms(pairs, 50),
        "latency_p95_ms": latency_ms(pairs, 95),
    }


def by_category(pairs: Sequence[Pair]) -> dict[str, dict[str, float | int | None]]:
    """Per benchmark category: size, and accuracy or abstention recall as fits the category."""
    groups: dict[str, list[Pair]] = {}
    for q, a in pairs:
        groups.setdefault(q.category or "uncategorised", []).append((q, a))
    out: dict[str, dict[str, float | int | None]] = {}
    for name, group in sorted(groups.items()):
        out[name] = {
            "questions": len(group),
            "answer_accuracy": answer_accuracy(group),
            "abstention_recall": abstention_recall(group),
        }
    return out
