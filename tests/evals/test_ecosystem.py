"""Eval sets in BEIR, RAGAS and LabelledRagDataset formats: readers, detection, metrics, `rag eval`.

The hand-made examples live in tests/evals/ecosystem/: a five-document BEIR set about an island
(ordinary prose, not the seeds), and RAGAS / LabelledRagDataset sets over seeds/.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from evals import ecosystem
from evals.ecosystem import EcosystemFormatError, detect_format, ragas_row
from evals.ecosystem_runner import beir_metrics, rank_documents, term_recall, token_f1
from rag.cli import main

HERE = Path(__file__).parent / "ecosystem"
BEIR = HERE / "beir"
RAGAS = HERE / "ragas_testset.jsonl"
LABELLED = HERE / "labelled_rag_dataset.json"
NATIVE = Path(__file__).parents[2] / "evals" / "benchmarks" / "seeds_dev.jsonl"


# ---- reading -------------------------------------------------------------------------------------
def test_formats_are_detected() -> None:
    assert detect_format(BEIR) == "beir"
    assert detect_format(RAGAS) == "ragas"
    assert detect_format(LABELLED) == "llamaindex"
    assert detect_format(NATIVE) == "rag"


def test_undetectable_input_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "notes.json").write_text('{"text": "hello"}\n')
    with pytest.raises(EcosystemFormatError, match=r"notes.json: cannot tell the format.*--format"):
        detect_format(tmp_path / "notes.json")
    # Other JSON Lines go to rag's own strict loader, which names the line that is wrong.
    (tmp_path / "mine.jsonl").write_text('{"question": "Who?"\n')
    assert detect_format(tmp_path / "mine.jsonl") == "rag"
    with pytest.raises(EcosystemFormatError, match="not a BEIR set"):
        detect_format(tmp_path)
    with pytest.raises(EcosystemFormatError, match="no such file"):
        detect_format(tmp_path / "missing.json")


def test_beir_reader() -> None:
    beir = ecosystem.load_beir(BEIR)
    assert len(beir.corpus) == 5 and beir.corpus["ferry"][0] == "Vlieland ferry timetable"
    assert beir.split == "test"
    assert beir.qrels == {"q1": {"ferry": 2}, "q2": {"lighthouse": 1}, "q3": {"backup": 1},
                          "q4": {"bakery": 1}}
    assert "q5" in beir.queries  # present, but unjudged: not scored


def test_beir_reader_refuses_qrels_that_point_nowhere(tmp_path: Path) -> None:
    folder = tmp_path / "beir"
    shutil.copytree(BEIR, folder)
    with (folder / "qrels" / "test.tsv").open("a") as f:
        f.write("q1\tno-such-doc\t1\n")
    with pytest.raises(EcosystemFormatError, match=r"test.tsv:6: document 'no-such-doc'"):
        ecosystem.load_beir(folder)
    (folder / "qrels" / "test.tsv").write_text("query-id\tcorpus-id\tscore\nq1\tferry\tyes\n")
    with pytest.raises(EcosystemFormatError, match=r"test.tsv:2: expected .*integer score"):
        ecosystem.load_beir(folder)


def test_ragas_reader() -> None:
    items = ecosystem.load_ragas(RAGAS)
    assert [i.id for i in items] == ["ragas-0001", "ragas-0002", "ragas-0003"]
    assert items[1].question == "Who is the Luhansk regional governor?"
    assert items[1].reference == "Serhiy Haidai"
    assert items[1].contexts[0].startswith("Serhiy Haidai, Luhansk regional governor")


def test_ragas_reader_takes_a_json_list_and_reports_bad_samples(tmp_path: Path) -> None:
    listed = tmp_path / "set.json"
    listed.write_text(json.dumps([{"user_input": "Why?", "reference": "Because."}]))
    assert ecosystem.load_ragas(listed)[0].reference == "Because."
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"user_input": "ok?"}\n\n{"user_input": ""}\n')
    with pytest.raises(EcosystemFormatError, match=r"bad.jsonl:3: needs a non-empty string 'user_input'"):
        ecosystem.load_ragas(bad)
    bad.write_text('{"user_input": "q", "reference_contexts": "not a list"}\n')
    with pytest.raises(EcosystemFormatError, match="must be a list of strings"):
        ecosystem.load_ragas(bad)
    bad.write_text('{"user_input": [{"content": "hi", "type": "human"}]}\n')
    with pytest.raises(EcosystemFormatError, match="multi-turn"):
        ecosystem.load_ragas(bad)


def test_labelled_rag_dataset_reader(tmp_path: Path) -> None:
    items = ecosystem.load_labelled_rag(LABELLED)
    assert [(i.question, i.reference) for i in items] == [
        ("How many battalion tactical groups were positioned around Kyiv?", "20"),
        ("Who is the Luhansk regional governor?", "Serhiy Haidai"),
    ]
    bad = tmp_path / "ds.json"
    bad.write_text(json.dumps({"examples": [{"query": "q", "reference_answer": 3}]}))
    with pytest.raises(EcosystemFormatError, match=r"ds.json: example 1: 'reference_answer'"):
        ecosystem.load_labelled_rag(bad)


# ---- scoring -------------------------------------------------------------------------------------
def test_documents_are_ranked_by_their_best_chunk() -> None:
    names = {"a.txt": "A", "b.txt": "B", "c.txt": "C"}
    assert rank_documents(["b.txt", "a.txt", "b.txt", "x.txt", "c.txt"], names) == ["B", "A", "C"]


def test_beir_metrics_by_hand() -> None:
    qrels = {"q1": {"A": 2, "B": 1}, "q2": {"C": 1}, "q3": {"D": 0}}
    got = beir_metrics({"q1": ["B", "X", "A"], "q2": ["X", "Y"], "q3": ["D"]}, qrels)
    # q1: DCG = 1/log2(2) + 2/log2(4) = 2; ideal = 2 + 1/log2(3). q2: nothing found. q3: unjudged.
    ideal = 2 + 1 / 1.584962500721156
    assert got["ndcg_at_10"] == pytest.approx((2 / ideal + 0) / 2)
    assert got["recall_at_5"] == pytest.approx(0.5)
    assert got["mrr_at_10"] == pytest.approx(0.5)
    assert got["hit_at_1"] == pytest.approx(0.5)


def test_lexical_answer_scores() -> None:
    assert token_f1("Serhiy Haidai said so [1]", "Serhiy Haidai") == pytest.approx(2 * 0.4 / 1.4)
    assert token_f1("", "x") == 0.0
    assert term_recall("the battalion groups", "Twenty battalion tactical groups") == 1.0
    assert term_recall("battalions in Kharkiv", "battalion groups") == pytest.approx(0.5)


def test_ragas_row_uses_what_rag_retrieved() -> None:
    answer = {"answer": "It is 20. [1]", "retrieved": [{"text": "p1"}, {"text": "p2"}]}
    assert ragas_row("How many?", answer, "20", ["ctx"]) == {
        "user_input": "How many?", "retrieved_contexts": ["p1", "p2"], "response": "It is 20. [1]",
        "reference": "20", "reference_contexts": ["ctx"],
    }


def test_usage_errors_stop_before_any_model(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(BEIR), "--store", "x"]) == 2
    assert "a BEIR set brings its corpus" in capsys.readouterr().err
    assert main(["eval", str(RAGAS), "--min-accuracy", "0.5"]) == 2
    assert "--min-accuracy applies to rag's own benchmark format" in capsys.readouterr().err
    assert main(["eval", str(RAGAS), "--format", "beir", "--out", "/nonexistent/x"]) == 2
    assert "corpus.jsonl: cannot read file" in capsys.readouterr().err


# ---- `rag eval` end to end -------------------------------------------------------------------------
def _report(out: Path) -> dict[str, Any]:
    return dict(json.loads((out / "report.json").read_text()))


@pytest.mark.slow
def test_rag_eval_runs_a_beir_set(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["eval", str(BEIR), "--out", str(out)]) == 0
    report = _report(out)
    assert report["format"] == "beir" and report["queries"] == 4
    assert report["corpus_documents_not_indexed"] == []
    # Five short, distinct documents: every query's document comes first.
    assert report["metrics"]["hit_at_1"] == 1.0 and report["metrics"]["ndcg_at_10"] == 1.0
    results = [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]
    assert {r["query_id"]: r["ranked"][0] for r in results} == {
        "q1": "ferry", "q2": "lighthouse", "q3": "backup", "q4": "bakery"}
    # Run again: rag eval wipes only the folders it made, and does so.
    assert main(["eval", str(BEIR), "--out", str(out)]) == 0


@pytest.mark.slow
def test_rag_eval_runs_a_ragas_set_and_writes_a_ragas_dataset(
    tmp_path: Path, seeds_store: Path
) -> None:
    store = tmp_path / "store"
    shutil.copytree(seeds_store, store)
    out = tmp_path / "out"
    assert main(["eval", str(RAGAS), "--store", str(store), "--out", str(out)]) == 0
    m = _report(out)["metrics"]
    assert m["context_recall_at_k"] == 1.0  # every reference passage was retrieved
    assert m["abstention_rate"] == 0.0 and m["citations_valid"] == 1.0
    rows = [json.loads(line) for line in (out / "ragas_dataset.jsonl").read_text().splitlines()]
    assert [r["user_input"] for r in rows] == [i.question for i in ecosystem.load_ragas(RAGAS)]
    assert "20" in rows[0]["response"] and rows[0]["reference"] == "20 battalion tactical groups"
    assert rows[0]["retrieved_contexts"] and rows[0]["reference_contexts"]
    assert set(rows[0]) == {"user_input", "retrieved_contexts", "response", "reference",
                            "reference_contexts"}


@pytest.mark.slow
def test_rag_eval_runs_a_labelled_rag_dataset(tmp_path: Path, seeds_store: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(seeds_store, store)
    out = tmp_path / "out"
    assert main(["eval", str(LABELLED), "--store", str(store), "--out", str(out)]) == 0
    report = _report(out)
    assert report["format"] == "llamaindex" and report["questions"] == 2
    assert report["metrics"]["answer_contains_reference"] == 1.0



@pytest.mark.slow
def test_rag_eval_of_rags_own_format_also_writes_a_ragas_dataset(
    tmp_path: Path, seeds_store: Path
) -> None:
    store = tmp_path / "store"
    shutil.copytree(seeds_store, store)
    out = tmp_path / "out"
    code = main(["eval", str(NATIVE), "--store", str(store), "--out", str(out), "--limit", "2"])
    assert code == 0
    rows = [json.loads(line) for line in (out / "ragas_dataset.jsonl").read_text().splitlines()]
    answers = [json.loads(line) for line in (out / "answers.jsonl").read_text().splitlines()]
    assert [r["response"] for r in rows] == [a["answer"] for a in answers]
    assert len(rows) == 2 and all(r["reference_contexts"] for r in rows)
