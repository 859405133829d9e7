"""Every metric of evals.metrics (and the gates) on small hand-made answer dicts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from evals import gates, metrics
from evals.format import BenchmarkQuestion
from evals.metrics import Pair

DOCS = {
    "a.txt": "Kupiansk had been an important logistics hub. It fell in September.",
    "b.txt": "Serhiy Haidai, Luhansk regional governor, said the situation was bad.",
}


def doc_text(source: str) -> str | None:
    return DOCS.get(source)


def question(qid: str, answerable: bool = True, **fields: Any) -> BenchmarkQuestion:
    if answerable:
        defaults: dict[str, Any] = {
            "answers": ["Kupiansk"],
            "sources": ["a.txt"],
            "evidence": ["an important logistics hub"],
        }
    else:
        defaults = {"answers": [], "sources": [], "evidence": []}
    defaults.update(fields)
    return BenchmarkQuestion(
        id=qid, question=f"question {qid}?", answerable=answerable, **defaults
    )


def chunk(source: str, text: str) -> dict[str, Any]:
    return {"source": source, "chunk_id": "c", "text": text, "start": 0, "end": len(text)}


def answer(
    text: str = "Kupiansk was a hub. [1]",
    abstained: bool = False,
    citations: list[dict[str, Any]] | None = None,
    retrieved: list[dict[str, Any]] | None = None,
    total_ms: float | None = 100.0,
) -> dict[str, Any]:
    return {
        "question": "q",
        "answer": text,
        "abstained": abstained,
        "citations": citations or [],
        "retrieved": retrieved or [],
        "timings_ms": {} if total_ms is None else {"retrieve": 1.0, "total": total_ms},
        "answerer": "extractive",
    }


def cite(source: str, text: str) -> dict[str, Any]:
    return {"n": 1, "source": source, "chunk_id": "c", "text": text, "start": 0, "end": 1}


REFUSAL = "The documents do not contain an answer to this question."
HUB = chunk("a.txt", "Kupiansk had been an important\nlogistics hub.")
OTHER = chunk("b.txt", "Serhiy Haidai, Luhansk regional governor, said")


# ---- answering -------------------------------------------------------------------------------
def mixed_pairs() -> list[Pair]:
    """2 answerable (1 correct, 1 refused) and 2 unanswerable (1 refused, 1 answered)."""
    return [
        (question("1"), answer("It was KUPIANSK. [1]")),
        (question("2"), answer(REFUSAL, abstained=True)),
        (question("3", answerable=False), answer(REFUSAL, abstained=True)),
        (question("4", answerable=False), answer("Something made up. [1]")),
    ]


def test_answer_accuracy_counts_only_answerable_and_matching() -> None:
    assert metrics.answer_accuracy(mixed_pairs()) == 0.5


def test_an_abstention_is_never_correct_even_if_it_quotes_the_answer() -> None:
    pairs: list[Pair] = [(question("1"), answer("Kupiansk? Not in the documents.", abstained=True))]
    assert metrics.answer_accuracy(pairs) == 0.0


def test_accuracy_uses_the_format_rule_with_must_include() -> None:
    q = question("1", answers=["soldiers alive"], must_include=["political imperative"])
    assert not metrics.is_correct(q, answer("keeping its soldiers alive"))
    assert metrics.is_correct(q, answer("soldiers alive or “the Political  Imperative”"))


def test_wrong_refusals_abstention_recall_and_precision() -> None:
    pairs = mixed_pairs()
    assert metrics.wrong_refusal_rate(pairs) == 0.5
    assert metrics.abstention_recall(pairs) == 0.5
    # Two abstentions, one of them on an unanswerable question.
    assert metrics.abstention_precision(pairs) == 0.5


def test_rates_with_an_empty_denominator_are_none() -> None:
    only_answerable: list[Pair] = [(question("1"), answer())]
    assert metrics.abstention_recall(only_answerable) is None
    assert metrics.abstention_precision(only_answerable) is None  # nothing abstained
    only_unanswerable: list[Pair] = [(question("1", answerable=False), answer())]
    assert metrics.answer_accuracy(only_unanswerable) is None
    assert metrics.wrong_refusal_rate(only_unanswerable) is None
    assert metrics.evidence_hit_at_k(only_unanswerable) is None
    assert metrics.mrr(only_unanswerable) is None


# ---- retrieval -------------------------------------------------------------------------------
def test_source_hit_compares_file_names_within_k() -> None:
    nested = chunk("sub/dir/a.txt", "x")
    assert metrics.source_hit(question("1"), answer(retrieved=[OTHER, nested]))
    assert not metrics.source_hit(question("1"), answer(retrieved=[OTHER, nested]), k=1)
    assert not metrics.source_hit(question("1"), answer(retrieved=[]))


def test_evidence_rank_normalises_both_sides() -> None:
    q = question("1", evidence=["an IMPORTANT logistics hub"])
    assert metrics.evidence_rank(q, answer(retrieved=[OTHER, HUB])) == 2
    assert metrics.evidence_rank(q, answer(retrieved=[OTHER, HUB]), k=1) is None


def test_evidence_matches_a_chunk_as_a_reader_sees_it_without_markdown() -> None:
    """Evidence is the text a reader sees (a Word table's cells, a page's text by trafilatura);
    a chunk holds the same as Markdown: its pipes, rules, bullets and ticks are no words."""
    table = chunk("hubs.docx", "| Hub | Ports | USB |\n|---|---|---|\n| ExSys EX-1113HMS | 16 | 3.1 |")
    assert metrics.evidence_rank(question("1", evidence=["ExSys EX-1113HMS 16 3.1"]), answer(retrieved=[table])) == 1
    listed = chunk("conf.html", "## Options\n\n- `textall` - all info in text format\n- **textalldate** - with time stamp")
    q = question("2", evidence=["textalldate - with time stamp"])
    assert metrics.evidence_rank(q, answer(retrieved=[OTHER, listed])) == 2
    # Words still count: other cells are no hit.
    assert metrics.evidence_rank(question("3", evidence=["ExSys EX-1113HMS 8 3.1"]), answer(retrieved=[table])) is None


def test_evidence_copied_from_a_markdown_files_html_matches_the_rows_read_from_it() -> None:
    row = chunk("ncu-readme.md", "| --concurrency <n> | Max number of concurrent HTTP requests. (default: 8) |")
    q = question("1", evidence=["<td>--concurrency &lt;n&gt;</td>\n<td>Max number of concurrent HTTP requests. (default: <code>8</code>)"])
    assert metrics.evidence_rank(q, answer(retrieved=[OTHER, row])) == 2
    assert metrics.evidence_rank(question("2", evidence=["(default: <code>9</code>)"]), answer(retrieved=[row])) is None


def test_any_evidence_snippet_counts() -> None:
    q = question("1", evidence=["not in any chunk", "regional governor"])
    assert metrics.evidence_rank(q, answer(retrieved=[HUB, OTHER])) == 2


def test_evidence_split_over_two_chunks_is_not_a_hit() -> None:
    halves = [chunk("a.txt", "Kupiansk had been an important"), chunk("a.txt", "logistics hub.")]
    assert metrics.evidence_rank(question("1"), answer(retrieved=halves)) is None


def test_retrieval_rates_and_mrr() -> None:
    pairs: list[Pair] = [
        (question("1"), answer(retrieved=[HUB, OTHER])),  # rank 1
        (question("2"), answer(retrieved=[OTHER, HUB])),  # rank 2
        (question("3"), answer(retrieved=[OTHER])),  # miss
        (question("4", answerable=False), answer(retrieved=[HUB])),  # not counted
    ]
    assert metrics.source_hit_at_k(pairs) == pytest.approx(2 / 3)
    assert metrics.evidence_hit_at_k(pairs) == pytest.approx(2 / 3)
    assert metrics.evidence_hit_at_k(pairs, k=1) == pytest.approx(1 / 3)
    assert metrics.mrr(pairs) == pytest.approx((1 + 1 / 2 + 0) / 3)
    assert metrics.mrr(pairs, k=1) == pytest.approx(1 / 3)


# ---- citations -------------------------------------------------------------------------------
def test_citation_validity_is_verbatim_containment_in_the_source() -> None:
    assert metrics.citation_is_valid(cite("a.txt", "It fell in September."), doc_text)
    assert not metrics.citation_is_valid(cite("a.txt", "It fell in september."), doc_text)
    assert not metrics.citation_is_valid(cite("b.txt", "It fell in September."), doc_text)
    assert not metrics.citation_is_valid(cite("missing.txt", "It fell"), doc_text)
    # An empty span is in every document and proves nothing.
    assert not metrics.citation_is_valid(cite("a.txt", "  "), doc_text)


def test_citation_shares() -> None:
    good = cite("a.txt", "It fell in September.")
    bad = cite("a.txt", "It fell in October.")
    pairs: list[Pair] = [
        (question("1"), answer(citations=[good, good])),  # all valid
        (question("2"), answer(citations=[good, bad])),  # one invalid
        (question("3"), answer(citations=[])),  # answered without citing: fails
        (question("4"), answer(REFUSAL, abstained=True, citations=[bad])),  # abstained: ignored
    ]
    assert metrics.cited_answers_valid(pairs, doc_text) == pytest.approx(1 / 3)
    assert metrics.citations_valid(pairs, doc_text) == pytest.approx(3 / 4)
    assert metrics.counts(pairs)["citations"] == 4


def test_citation_shares_without_answers_or_citations_are_none() -> None:
    refused: list[Pair] = [(question("1"), answer(REFUSAL, abstained=True))]
    assert metrics.cited_answers_valid(refused, doc_text) is None
    assert metrics.citations_valid(refused, doc_text) is None
    uncited: list[Pair] = [(question("1"), answer())]
    assert metrics.cited_answers_valid(uncited, doc_text) == 0.0
    assert metrics.citations_valid(uncited, doc_text) is None


# ---- length and latency ----------------------------------------------------------------------
def test_answer_words_ignore_citation_markers() -> None:
    assert metrics.answer_words("Kupiansk was a hub. [1] It fell.[2]") == 6


def test_median_answer_words_skips_abstentions() -> None:
    pairs: list[Pair] = [
        (question("1"), answer("one [1]")),
        (question("2"), answer("one two three [1]")),
        (question("3"), answer(REFUSAL, abstained=True)),
    ]
    assert metrics.median_answer_words(pairs) == 2.0
    assert metrics.median_answer_words(pairs[2:]) is None


def test_percentile_interpolates_linearly() -> None:
    values = [10.0, 20.0, 30.0, 40.0, 50.0]
    assert metrics.percentile(values, 50) == 30.0
    assert metrics.percentile(values, 95) == pytest.approx(48.0)
    assert metrics.percentile(values, 0) == 10.0
    assert metrics.percentile(values, 100) == 50.0
    assert metrics.percentile([7.0], 95) == 7.0
    assert metrics.percentile([], 50) is None


def test_latency_uses_total_and_skips_answers_without_timings() -> None:
    pairs: list[Pair] = [
        (question(str(i)), answer(total_ms=t)) for i, t in enumerate([300.0, 100.0, None, 200.0])
    ]
    assert metrics.latency_ms(pairs, 50) == 200.0
    assert metrics.latency_ms(pairs, 95) == pytest.approx(290.0)


# ---- all at once -----------------------------------------------------------------------------
def test_compute_has_every_metric_and_counts_add_up() -> None:
    pairs = mixed_pairs()
    result = metrics.compute(pairs, doc_text, k=5)
    assert set(result) == {
        "answer_accuracy", "wrong_refusal_rate", "abstention_recall", "abstention_precision",
        "source_hit_at_k", "evidence_hit_at_k", "mrr", "cited_answers_valid", "citations_valid",
        "median_answer_words", "latency_p50_ms", "latency_p95_ms",
    }
    assert set(result) <= set(gates.LABELS)
    assert metrics.counts(pairs) == {
        "questions": 4, "answerable": 2, "unanswerable": 2, "abstained": 2, "correct": 1,
        "citations": 0,
    }


def test_by_category() -> None:
    pairs: list[Pair] = [
        (question("1", category="single_fact"), answer("Kupiansk")),
        (question("2", category="single_fact"), answer("no idea")),
        (question("3", answerable=False, category="unanswerable_absent"), answer(abstained=True)),
        (question("4"), answer("Kupiansk")),
    ]
    cats = metrics.by_category(pairs)
    assert cats["single_fact"] == {
        "questions": 2, "answer_accuracy": 0.5, "abstention_recall": None
    }
    assert cats["unanswerable_absent"]["abstention_recall"] == 1.0
    assert cats["uncategorised"]["questions"] == 1


# ---- gates -----------------------------------------------------------------------------------
def test_gate_messages() -> None:
    assert gates.Gate("answer_accuracy", ">=", 0.85).failure(0.81) == (
        "gate failed: answer accuracy 0.81 < 0.85"
    )
    assert gates.Gate("answer_accuracy", ">=", 0.85).failure(0.85) is None
    assert gates.Gate("wrong_refusal_rate", "<=", 0.1).failure(0.125) == (
        "gate failed: wrong refusals 0.125 > 0.1"
    )
    # A gate on a metric that could not be computed fails rather than passing silently.
    assert gates.Gate("abstention_recall", ">=", 0.5).failure(None) is not None


def test_gates_from_cli_flags() -> None:
    from evals.runner import EvalOptions

    built = EvalOptions(Path("q.jsonl"), min_accuracy=0.8, max_wrong_refusals=0.1,
                        min_evidence_hit=0.9).gates()
    assert built == [
        gates.Gate("answer_accuracy", ">=", 0.8),
        gates.Gate("wrong_refusal_rate", "<=", 0.1),
        gates.Gate("evidence_hit_at_k", ">=", 0.9),
    ]
    measured: dict[str, float | None] = {
        "answer_accuracy": 0.9, "wrong_refusal_rate": 0.2, "evidence_hit_at_k": 0.95,
    }
    assert gates.failures(built, measured) == ["gate failed: wrong refusals 0.2 > 0.1"]
    checked = gates.Gate("wrong_refusal_rate", "<=", 0.1).check(measured)
    assert (checked.value, checked.passed, checked.message) == (
        0.2, False, "gate failed: wrong refusals 0.2 > 0.1"
    )
