"""`rag eval` end to end, in-process, on a few seeds questions.

Runs cost a model load each, so the main run is one session-scoped fixture that the file,
report and re-scoring tests all read, and the other runs are kept to a handful of questions.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from evals.baseline import TOP_K as BASELINE_K
from evals.format import load_benchmark
from evals.runner import STORE_MARKER, UsageError, fresh_store, read_original
from rag.cli import main

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "seeds"
SEEDS = ROOT / "evals" / "benchmarks" / "seeds.jsonl"
LIMIT = 12


class Run:
    """One finished `rag eval` run: exit code, output folder, what it printed."""

    def __init__(self, code: int, out: Path, stdout: str, stderr: str) -> None:
        self.code = code
        self.out = out
        self.stdout = stdout
        self.stderr = stderr

    @property
    def report(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads((self.out / "report.json").read_text(encoding="utf-8"))
        return data

    def answers(self, name: str = "answers.jsonl") -> list[dict[str, Any]]:
        lines = (self.out / name).read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines]


def run_eval(argv: list[str], out: Path, capfd: Any = None) -> Run:
    code = main(["eval", *argv, "--out", str(out)])
    captured = capfd.readouterr() if capfd is not None else None
    return Run(code, out, captured.out if captured else "", captured.err if captured else "")


@pytest.fixture(scope="session")
def seeds_run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    out = tmp_path_factory.mktemp("eval") / "out"
    code = main(["eval", str(SEEDS), "--docs", str(DOCS), "--out", str(out), "--limit", str(LIMIT)])
    return Run(code, out, "", "")


# ---- the main run ----------------------------------------------------------------------------
@pytest.mark.slow
def test_run_writes_every_file(seeds_run: Run) -> None:
    assert seeds_run.code == 0
    for name in ("report.json", "answers.jsonl", "report.md", "report.png"):
        assert (seeds_run.out / name).is_file(), name
    assert (seeds_run.out / "store" / STORE_MARKER).is_file()
    assert not (seeds_run.out / "baseline_answers.jsonl").exists()
    assert (seeds_run.out / "report.png").read_bytes().startswith(b"\x89PNG")
    md = (seeds_run.out / "report.md").read_text(encoding="utf-8")
    assert "![metrics](report.png)" in md
    assert "| answer accuracy |" in md
    # The extractive answerer's refusal curve: a chart, a table and the operating point.
    assert (seeds_run.out / "refusal.png").read_bytes().startswith(b"\x89PNG")
    assert "## Refusal curve" in md and "![refusal curve](refusal.png)" in md
    curve = seeds_run.report["refusal_curve"]
    assert curve["threshold"] == seeds_run.report["settings"]["answering"]["threshold"]
    thresholds = [r["threshold"] for r in curve["rows"]]
    assert thresholds[:2] == [0.0, 0.05] and thresholds == sorted(thresholds)
    assert curve["threshold"] in thresholds  # the operating point is on the curve


@pytest.mark.slow
def test_report_describes_the_run(seeds_run: Run) -> None:
    report = seeds_run.report
    assert report["counts"]["questions"] == LIMIT
    assert report["questions_in_file"] == len(load_benchmark(SEEDS))
    assert report["k"] == report["settings"]["retrieval"]["top_k"]
    assert report["settings"]["answering"]["answerer"] == "extractive"
    assert Path(report["store"]) == seeds_run.out / "store"
    assert report["ingest"].startswith("5 added")
    assert report["gates"] == []
    assert "baseline" not in report
    for key in ("answer_accuracy", "evidence_hit_at_k", "mrr", "citations_valid"):
        value = report["metrics"][key]
        assert value is not None and 0.0 <= value <= 1.0, key


@pytest.mark.slow
def test_answers_file_has_one_answer_per_question_in_order(seeds_run: Run) -> None:
    answers = seeds_run.answers()
    expected = [q.id for q in load_benchmark(SEEDS)[:LIMIT]]
    assert [a["id"] for a in answers] == expected
    for a in answers:
        assert {"question", "answer", "abstained", "citations", "retrieved", "timings_ms"} <= set(a)
        assert len(a["retrieved"]) <= seeds_run.report["k"]


def counted(answers: list[dict[str, Any]]) -> dict[str, float | None]:
    """A few report figures counted by hand from answers.jsonl, without evals.metrics."""
    by_id = {q.id: q for q in load_benchmark(SEEDS)}
    answerable = [a for a in answers if by_id[a["id"]].answerable]
    unanswerable = [a for a in answers if not by_id[a["id"]].answerable]

    def share(hits: int, total: int) -> float | None:
        return hits / total if total else None

    return {
        "abstention_recall": share(sum(a["abstained"] for a in unanswerable), len(unanswerable)),
        "source_hit_at_k": share(
            sum(
                any(r["source"] in by_id[a["id"]].sources for r in a["retrieved"])
                for a in answerable
            ),
            len(answerable),
        ),
    }


@pytest.mark.slow
def test_report_agrees_with_a_hand_count_of_the_answers(seeds_run: Run) -> None:
    report = seeds_run.report
    for metric, value in counted(seeds_run.answers()).items():
        assert report["metrics"][metric] == pytest.approx(value), metric
    assert report["counts"]["abstained"] == sum(a["abstained"] for a in seeds_run.answers())


# ---- gates and an existing store -------------------------------------------------------------
@pytest.mark.slow
def test_failed_gate_exits_1_with_one_line_per_gate(
    seeds_run: Run, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    # Reuses the fixture's store (no --docs): no second ingest, and it covers that path too.
    store = str(seeds_run.out / "store")
    argv = [str(SEEDS), "--store", store, "--limit", "2", "--min-accuracy", "1.01",
            "--max-wrong-refusals", "1"]
    run = run_eval(argv, tmp_path / "out", capfd)
    assert run.code == 1
    failed = [line for line in run.stderr.splitlines() if line.startswith("gate failed")]
    assert len(failed) == 1
    assert failed[0].startswith("gate failed: answer accuracy ") and failed[0].endswith("< 1.01")
    assert "answer accuracy" in run.stdout  # the summary table is still printed
    gates = run.report["gates"]
    assert [(g["metric"], g["passed"]) for g in gates] == [
        ("answer_accuracy", False),
        ("wrong_refusal_rate", True),
    ]
    assert run.report["docs"] is None
    assert (seeds_run.out / "store" / STORE_MARKER).is_file()  # an existing store is not wiped


# ---- baseline --------------------------------------------------------------------------------
@pytest.mark.slow
def test_baseline_run(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    argv = [str(SEEDS), "--docs", str(DOCS), "--limit", "6", "--baseline"]
    run = run_eval(argv, tmp_path / "out", capfd)
    assert run.code == 0
    base = run.report["baseline"]
    assert base["k"] == BASELINE_K == 2
    assert base["counts"]["questions"] == 6
    assert base["counts"]["abstained"] == 0
    answers = run.answers("baseline_answers.jsonl")
    assert [a["id"] for a in answers] == [q.id for q in load_benchmark(SEEDS)[:6]]
    for a in answers:
        assert not a["abstained"] and a["citations"] == []
        assert len(a["retrieved"]) == 5  # retrieved at 5 so that hit@5 can be reported too
        assert a["answer"] == "\n\n".join(r["text"] for r in a["retrieved"][:2])
    # Hand count over the two passages the baseline answers from (its k).
    cut = [{**a, "retrieved": a["retrieved"][:BASELINE_K]} for a in answers]
    assert base["metrics"]["source_hit_at_k"] == pytest.approx(counted(cut)["source_hit_at_k"])
    assert base["metrics"]["evidence_hit_at_5"] >= base["metrics"]["evidence_hit_at_k"]
    assert set(run.report["ratios"]) == {
        "answer_accuracy", "evidence_hit_at_k", "evidence_hit_at_5", "source_hit_at_k", "mrr"
    }
    assert "ours / baseline" in run.stdout
    assert "| metric | ours | baseline | ours / baseline |" in (
        (run.out / "report.md").read_text(encoding="utf-8")
    )


# ---- usage errors: checked before any model is loaded ----------------------------------------
def test_bad_benchmark_file_exits_2_with_one_line(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "q1", "question": "Who?", "answerable": "yes"}\n', encoding="utf-8")
    run = run_eval([str(bad), "--docs", str(DOCS)], tmp_path / "out", capfd)
    assert run.code == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and f"{bad}:1" in lines[0]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--baseline"], "--baseline needs --docs"),
        (["--docs", "no-such-folder"], "not a folder"),
        (["--docs", str(DOCS), "--store", "x"], "do not also give --store"),
        (["--limit", "0"], "--limit must be at least 1"),
    ],
)
def test_usage_errors_exit_2(
    argv: list[str], message: str, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    run = run_eval([str(SEEDS), *argv], tmp_path / "out", capfd)
    assert run.code == 2
    assert message in run.stderr


def test_fresh_store_wipes_only_its_own_folders(tmp_path: Path) -> None:
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "keep.txt").write_text("precious")
    with pytest.raises(UsageError):
        fresh_store(foreign)
    assert (foreign / "keep.txt").is_file()

    ours = fresh_store(tmp_path / "ours")
    (ours / "old-index").write_text("stale")
    fresh_store(ours)
    assert sorted(p.name for p in ours.iterdir()) == [STORE_MARKER]


# ---- the runner over the API, on the fast tier ----------------------------------------------
class StubAssistant:
    """What the runner needs of an Assistant: settings, warm_up, ask, document_text."""

    def __init__(self) -> None:
        from rag.settings import load_settings

        # Not the extractive answerer: no refusal-curve sweep.
        self.settings = load_settings(store=Path("stub-store"), answerer="openai",
                                      llm_base_url="http://127.0.0.1:9/v1", llm_api_key="secret")
        self.asked: list[str] = []

    def warm_up(self) -> None:
        pass

    def ask(self, question: str) -> Any:
        from rag.types import Answer

        self.asked.append(question)
        return Answer(question, "Not found.", True, [], [], "stub")

    def document_text(self, source: str) -> str | None:
        return None


def test_runner_takes_typed_options_and_a_factory(tmp_path: Path) -> None:
    from evals.runner import EvalOptions, run_from_cli

    stub = StubAssistant()
    stores: list[Path | None] = []

    def factory(store: Path | None) -> Any:
        stores.append(store)
        return stub

    options = EvalOptions(questions=SEEDS, out=tmp_path / "out", limit=4,
                          max_wrong_refusals=1.0, min_accuracy=0.5)
    code = run_from_cli(options, factory)

    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert stores == [None]  # no --docs: the configured store
    assert stub.asked == [q.question for q in load_benchmark(SEEDS)[:4]]
    assert report["counts"]["abstained"] == 4
    assert report["settings"]["llm"]["api_key"] == "***"
    # Every answer abstained: accuracy 0 fails its gate; a wrong-refusal rate of 1 passes <= 1.
    assert code == 1
    assert [(g["metric"], g["passed"]) for g in report["gates"]] == [
        ("answer_accuracy", False), ("wrong_refusal_rate", True)
    ]


class SweepStub(StubAssistant):
    """An extractive Assistant as the runner sees it: it answers every question with a
    confidence, refusing below its own settings' threshold, as the real answerer does."""

    def __init__(self, threshold: float = 0.5, made_by: list[Any] | None = None) -> None:
        from rag.settings import load_settings

        super().__init__()
        self.settings = load_settings(store=Path("stub-store"), answer_threshold=threshold)
        self.made = made_by if made_by is not None else []

    def with_settings(self, **overrides: Any) -> SweepStub:
        other = SweepStub(made_by=self.made)
        other.settings = self.settings.updated(**overrides)
        self.made.append(other)
        return other

    def ask(self, question: str) -> Any:
        from rag.types import Answer

        self.asked.append(question)
        # Confidences 0.0, 0.25, 0.5, 0.75, ... by question order.
        confidence = (len(self.asked) - 1) * 0.25 % 1.0
        refused = confidence < self.settings.answering.threshold
        return Answer(question, "Not found." if refused else "An answer.", refused, [], [],
                      "extractive", confidence=confidence)


def test_the_sweep_asks_an_assistant_built_at_threshold_zero(tmp_path: Path) -> None:
    from evals.results import EvalResult
    from evals.runner import EvalOptions, make_plan, run, write_outputs

    configured = SweepStub(threshold=0.5)
    options = EvalOptions(questions=SEEDS, out=tmp_path / "out", limit=4)
    result = run(make_plan(options), options, lambda store: configured)

    assert isinstance(result, EvalResult)
    [asker] = configured.made
    assert asker.settings.answering.threshold == 0.0  # a new Assistant at threshold 0 ...
    assert configured.settings.answering.threshold == 0.5  # ... and the configured one untouched
    assert configured.asked == [] and len(asker.asked) == 4
    # The curve is marked at the configured threshold; the answers are those it gives.
    assert result.refusal_curve is not None and result.refusal_curve.threshold == 0.5
    given = [q.answer["abstained"] for q in result.system.questions]
    assert given == [True, True, False, False]  # confidences 0, 0.25, 0.5, 0.75
    assert result.system.counts.abstained == 2

    write_outputs(options.out, result)
    written = json.loads((options.out / "report.json").read_text(encoding="utf-8"))
    assert written == json.loads(json.dumps(result.to_json()))
    assert list(written) == ["benchmark", "questions_in_file", "docs", "store", "ingest", "k",
                             "settings", "counts", "metrics", "by_category", "timings_s",
                             "refusal_curve", "gates"]
    assert written["refusal_curve"]["threshold"] == 0.5
    assert [r["threshold"] for r in written["refusal_curve"]["rows"]][:3] == [0.0, 0.05, 0.1]
    lines = (options.out / "answers.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["abstained"] for line in lines] == given
    assert "0.50*" in (options.out / "report.md").read_text(encoding="utf-8")


def test_a_plain_text_citation_is_checked_against_the_file_without_its_line_end_spaces(tmp_path: Path) -> None:
    (tmp_path / "README.txt").write_text("Licensed under the GPL, version 2. \nRead COPYING.\n", encoding="utf-8")
    (tmp_path / "guide.md").write_text("# Guide\n", encoding="utf-8")
    assert read_original(tmp_path, "README.txt") == "Licensed under the GPL, version 2.\nRead COPYING.\n"
    assert read_original(tmp_path, "guide.md") is None  # converted formats: the stored text
