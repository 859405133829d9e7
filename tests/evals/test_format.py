"""The benchmark files are well-formed, their evidence is real, and the loader fails loudly."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from evals.format import (
    BenchmarkFormatError,
    BenchmarkQuestion,
    answer_matches,
    check_evidence,
    load_benchmark,
    normalise,
)

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "seeds"
SEEDS = ROOT / "evals" / "benchmarks" / "seeds.jsonl"
DEV = ROOT / "evals" / "benchmarks" / "seeds_dev.jsonl"

# Lines of the scraped pages that the product strips before indexing. Evidence taken from them
# would reward a system for answering from page furniture, so none may be used as evidence.
BOILERPLATE_MARKERS = (
    "Subscribe to The Week",
    "Escape your echo chamber",
    "Sign up for",
    "From our morning news briefing",
    "A free daily email",
    "Peter has worked",
    "The Week UK",
    "London Daily",
    "Focus on the big picture",
    "Jun 01, 2025",
    "An abandoned Russian military vehicle",
    "Read the original article",
    "MIN READ",
    "More in Russo-Ukrainian War",
    "Trending on",
    "(Photo:",
    "Leave a Reply",
    "Your email address",
)
# Everything after these lines is a list of other stories.
BOILERPLATE_TAILS = ("Sign up for Today's Best Articles", "Related Articles")


def _boilerplate_lines(text: str) -> list[str]:
    lines = text.splitlines()
    out: list[str] = []
    in_tail = False
    for line in lines:
        in_tail = in_tail or any(t in line for t in BOILERPLATE_TAILS)
        if line.strip() and (in_tail or any(m in line for m in BOILERPLATE_MARKERS)):
            out.append(line)
    return out


@pytest.fixture(scope="module")
def seeds() -> list[BenchmarkQuestion]:
    return load_benchmark(SEEDS)


@pytest.fixture(scope="module")
def dev() -> list[BenchmarkQuestion]:
    return load_benchmark(DEV)


@pytest.fixture(scope="module", params=["seeds", "dev"])
def questions(request: pytest.FixtureRequest) -> list[BenchmarkQuestion]:
    return load_benchmark(SEEDS if request.param == "seeds" else DEV)


# ---- the shipped benchmark files


def test_evidence_stands_verbatim_in_sources(questions: list[BenchmarkQuestion]) -> None:
    assert check_evidence(questions, DOCS) == []


def test_every_source_contributes_evidence(questions: list[BenchmarkQuestion]) -> None:
    # A source listed without evidence from it cannot be checked, and for two-document
    # questions it would hide that only one half of the answer is supported.
    for q in questions:
        for name in q.sources:
            text = (DOCS / name).read_text(encoding="utf-8")
            assert any(e in text for e in q.evidence), f"{q.id}: no evidence from {name}"


def test_evidence_is_not_boilerplate(questions: list[BenchmarkQuestion]) -> None:
    for q in questions:
        for name in q.sources:
            junk = _boilerplate_lines((DOCS / name).read_text(encoding="utf-8"))
            for snippet in q.evidence:
                assert not any(snippet in line for line in junk), f"{q.id}: {snippet!r}"


def test_answers_are_supported_by_evidence(questions: list[BenchmarkQuestion]) -> None:
    # An answer quoting the evidence must score as correct, otherwise the question is unfair.
    for q in questions:
        if q.answerable:
            assert answer_matches(q, " ".join(q.evidence)), q.id


def test_question_text_does_not_give_the_answer_away(questions: list[BenchmarkQuestion]) -> None:
    # Containment scoring would credit a system that merely echoes the question.
    for q in questions:
        if q.answerable:
            assert not answer_matches(q, q.question), q.id


def test_ids_unique_and_numbered(
    seeds: list[BenchmarkQuestion], dev: list[BenchmarkQuestion]
) -> None:
    for qs, prefix in ((seeds, "seeds"), (dev, "dev")):
        ids = [q.id for q in qs]
        assert len(ids) == len(set(ids))
        assert ids == [f"{prefix}-{i:03d}" for i in range(1, len(ids) + 1)]
    assert not {q.id for q in seeds} & {q.id for q in dev}


def test_seeds_counts(seeds: list[BenchmarkQuestion]) -> None:
    assert len(seeds) >= 70
    assert sum(not q.answerable for q in seeds) >= 16
    cats = [q.category for q in seeds]
    assert cats.count("paraphrase") >= 15
    assert cats.count("two_documents") >= 5
    assert cats.count("unanswerable_boilerplate") >= 6
    assert cats.count("unanswerable_absent") >= 10
    assert {name for q in seeds for name in q.sources} == {p.name for p in DOCS.glob("*.txt")}


def test_two_document_questions_cite_two_files(questions: list[BenchmarkQuestion]) -> None:
    for q in questions:
        if q.category == "two_documents":
            assert len(set(q.sources)) >= 2, q.id


def test_dev_set_is_separate(seeds: list[BenchmarkQuestion], dev: list[BenchmarkQuestion]) -> None:
    assert len(dev) == 40
    assert sum(not q.answerable for q in dev) >= 10
    seed_questions = {normalise(q.question) for q in seeds}
    assert not [q.id for q in dev if normalise(q.question) in seed_questions]


# ---- normalise and the scoring rule


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Haidai", "haidai"),
        ("  Kyiv\n\tand   Kharkiv ", "kyiv and kharkiv"),
        ("2,000 square kilometres", "2000 square kilometres"),
        ("1,000,000", "1000000"),
        ("in 2014, 300 fled", "in 2014, 300 fled"),
        ("1,23", "1,23"),
        ("Russia\u2019s \u201ccity of death\u201d", 'russia\'s "city of death"'),
        ("\u2018special operation\u2019", "'special operation'"),
        ("Feb. 24 \u2014 the only", "feb. 24 - the only"),
        ("two\u2013thirds", "two-thirds"),
        ("said\u00a0Russians", "said russians"),
        ("`[\u2060255, 255, 0]` by default", "`[255, 255, 0]` by default"),
        ("zero\u200bwidth soft\u00adhyphen\ufeff", "zerowidth softhyphen"),
        ("", ""),
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def _question(**overrides: object) -> BenchmarkQuestion:
    data: dict[str, object] = {
        "id": "t-1",
        "question": "How much territory was liberated?",
        "answers": ["2,000 square", "2000 sq"],
        "must_include": ["kilometres"],
        "sources": ["a.txt"],
        "evidence": ["around 2,000 square kilometres"],
        "answerable": True,
    }
    data.update(overrides)
    return BenchmarkQuestion.model_validate(data)


def test_answer_matches_uses_normalised_containment() -> None:
    q = _question()
    assert answer_matches(q, "Around 2000 Square   Kilometres were freed.")
    assert not answer_matches(q, "Around 2,000 square miles.")  # must_include missing
    assert not answer_matches(q, "About 20 kilometres.")


def test_an_accepted_answer_must_occur_as_whole_words() -> None:
    q = _question(answers=["step", "-i"], must_include=[])
    assert answer_matches(q, "Use step, s: Step in.") and answer_matches(q, "-i, --ignore-case")
    assert not answer_matches(q, "simple stepping and inspection")
    assert not answer_matches(q, "--no-ignore-case -ix")


def test_answer_matches_refuses_unanswerable() -> None:
    q = _question(answers=[], must_include=[], sources=[], evidence=[], answerable=False)
    with pytest.raises(ValueError):
        answer_matches(q, "anything")


# ---- model rules


@pytest.mark.parametrize(
    "overrides",
    [
        {"id": "  "},
        {"question": ""},
        {"answers": []},
        {"sources": []},
        {"evidence": []},
        {"answers": ["ok", ""]},
        {"sources": ["../secret.txt"]},
        {"answerable": "true"},
        {"answerable": False},
        {"category": "unanswerable_absent"},
        {"category": "trivia"},
        {"answer": ["typo field"]},
    ],
)
def test_model_rejects(overrides: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        _question(**overrides)


def test_unanswerable_question_is_valid_without_lists() -> None:
    q = _question(answers=[], must_include=[], sources=[], evidence=[], answerable=False)
    assert not q.answerable
    assert q.must_include == []


# ---- load_benchmark errors


def _line(**overrides: object) -> str:
    row: dict[str, object] = {
        "id": "x-001",
        "question": "Who is the Luhansk regional governor?",
        "answers": ["Haidai"],
        "sources": ["004.txt"],
        "evidence": ["Serhiy Haidai, Luhansk regional governor"],
        "answerable": True,
    }
    row.update(overrides)
    return json.dumps({k: v for k, v in row.items() if v is not None})


def _load_error(tmp_path: Path, lines: list[str]) -> str:
    path = tmp_path / "bench.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(BenchmarkFormatError) as info:
        load_benchmark(path)
    message = str(info.value)
    assert "\n" not in message
    assert str(path) in message
    return message


def test_load_reports_bad_json_with_line(tmp_path: Path) -> None:
    msg = _load_error(tmp_path, [_line(), '{"id": "x-002", "question": ', _line(id="x-003")])
    assert re.search(r"bench\.jsonl:2: bad JSON", msg), msg


def test_load_reports_missing_field_with_line(tmp_path: Path) -> None:
    msg = _load_error(tmp_path, [_line(answers=None)])
    assert "bench.jsonl:1" in msg
    assert "missing field 'answers'" in msg


def test_load_reports_duplicate_id_with_line(tmp_path: Path) -> None:
    msg = _load_error(tmp_path, [_line(), _line(id="x-002"), _line()])
    assert "bench.jsonl:3" in msg
    assert "duplicate id 'x-001'" in msg
    assert "line 1" in msg


def test_load_reports_rule_violation_with_line(tmp_path: Path) -> None:
    msg = _load_error(tmp_path, [_line(), _line(id="x-002", answerable=False)])
    assert "bench.jsonl:2 (id 'x-002')" in msg
    assert "unanswerable" in msg


def test_load_reports_unknown_field_and_non_object(tmp_path: Path) -> None:
    assert "unknown field 'answer'" in _load_error(tmp_path, [_line(answer=["Haidai"])])
    assert "bench.jsonl:1: expected a JSON object" in _load_error(tmp_path, ['["x-001"]'])


def test_load_rejects_empty_and_missing_files(tmp_path: Path) -> None:
    assert "no questions" in _load_error(tmp_path, [""])
    with pytest.raises(BenchmarkFormatError, match="cannot read"):
        load_benchmark(tmp_path / "absent.jsonl")


def test_load_skips_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "bench.jsonl"
    path.write_text(_line() + "\n\n" + _line(id="x-002") + "\n", encoding="utf-8")
    assert [q.id for q in load_benchmark(path)] == ["x-001", "x-002"]


# ---- check_evidence


def test_check_evidence_reports_missing_file_and_snippet(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Serhiy Haidai, Luhansk regional governor, said", "utf-8")
    good = _question(sources=["a.txt"], evidence=["Luhansk regional governor"])
    bad_snippet = _question(id="t-2", sources=["a.txt"], evidence=["Donetsk governor"])
    bad_file = _question(id="t-3", sources=["a.txt", "gone.txt"], evidence=["Serhiy Haidai"])
    problems = check_evidence([good, bad_snippet, bad_file], tmp_path)
    assert len(problems) == 2
    assert problems[0].startswith("t-2: evidence not found verbatim")
    assert problems[1].startswith("t-3: source file not found")
