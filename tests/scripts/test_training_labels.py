"""The training scripts label a candidate positive when it holds an accepted answer inside the
evidence, also when the evidence runs across a sentence end (the written questions copy what a
reader sees, not our sentence boundaries)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import fit_scorer  # noqa: E402
import train_answerer  # noqa: E402

DOC = (
    "Multiple input files are compressed with the .lz4 suffix. This mode also reduces "
    "notification level. Can also be combined with -m.\n\nThe default level is 1.\n"
)
EVIDENCE = [".lz4 suffix. This mode also reduces notification level. Can also"]


def _lz4_question(folder: Path) -> Path:
    """DOC as lz4.txt in folder, and one question on it whose evidence runs across a sentence end."""
    (folder / "lz4.txt").write_text(DOC, encoding="utf-8")
    questions = folder / "q.jsonl"
    questions.write_text(
        '{"id": "t-1", "question": "Which suffix do compressed files get?", "answers": [".lz4 suffix"],'
        ' "sources": ["lz4.txt"], "evidence": ' + repr(EVIDENCE).replace("'", '"') + ","
        ' "answerable": true, "category": "single_fact"}\n',
        encoding="utf-8",
    )
    return questions


def test_evidence_across_a_sentence_end_marks_the_sentence_holding_the_answer(tmp_path: Path) -> None:
    questions = _lz4_question(tmp_path)
    groups, unmatched = train_answerer.ordinary_pairs(random.Random(1), [(questions, tmp_path)])
    assert unmatched == 0
    labels = {p.candidate: p.label for p in groups[0]}
    assert labels["Multiple input files are compressed with the .lz4 suffix."] == 1.0
    # The evidence covers the start of the next sentences too, but not the answer there.
    assert labels.get("Can also be combined with -m.", 0.0) == 0.0
    assert sum(labels.values()) == 2  # the sentence, and it with the one leaning on it


def test_mined_negatives_join_their_question_and_never_as_a_positive(tmp_path: Path) -> None:
    questions = _lz4_question(tmp_path)
    answer = "Multiple input files are compressed with the .lz4 suffix."
    mined = {"q.jsonl:t-1": ["Some other sentence the model liked.", answer], "q.jsonl:t-2": ["Not this one."]}
    groups, _ = train_answerer.ordinary_pairs(random.Random(1), [(questions, tmp_path)], mined)
    labels = [(p.candidate, p.label) for p in groups[0]]
    assert ("Some other sentence the model liked.", 0.0) in labels
    assert (answer, 0.0) not in labels and (answer, 1.0) in labels
    assert all(c != "Not this one." for c, _ in labels)


def test_one_rule_labels_both_scripts() -> None:
    """The scorer fit labels a paragraph's spans by their place in the document with the
    training script's own rule (no second, approximate rule)."""
    places = train_answerer.evidence_places(DOC, EVIDENCE)
    answers = [".lz4 suffix"]
    (off, para), (off2, para2) = fit_scorer.paragraphs(DOC)
    assert DOC[off : off + len(para)] == para and DOC[off2 : off2 + len(para2)] == para2
    first = "Multiple input files are compressed with the .lz4 suffix."
    assert train_answerer.is_positive(DOC, off, off + len(first), places, answers)
    second = para.index("This mode")
    assert not train_answerer.is_positive(DOC, off + second, off + second + 44, places, answers)
    assert not train_answerer.is_positive(DOC, off2, off2 + len(para2), places, ["1"])


def test_the_calibration_part_is_held_out_from_the_model() -> None:
    model = list(train_answerer.written_questions(part="model"))
    held = list(train_answerer.written_questions(part="calibration"))
    ids = [item["id"] for item, _f in model], [item["id"] for item, _f in held]
    assert not set(ids[0]) & set(ids[1])
    assert len(ids[0]) + len(ids[1]) == len(list(train_answerer.written_questions(part="model")) + held)
    assert all(not set(item["sources"]) & train_answerer.CALIBRATION_DOCS for item, _f in model)
    assert any(item["answerable"] for item, _f in held) and any(not item["answerable"] for item, _f in held)
    for _questions, folder in train_answerer.TRAIN_SETS:
        assert not set(train_answerer.model_documents(folder)) & train_answerer.CALIBRATION_DOCS
    assert not set(train_answerer.CALIBRATION_ARTICLES) & set(train_answerer.DEV_ARTICLES)


def test_evidence_places_finds_every_occurrence() -> None:
    assert train_answerer.evidence_places("ab ab", ["ab", ""]) == [(0, 2), (3, 5)]


def test_the_training_pairs_do_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    """Negatives are sampled from a ranked set of candidates: ranked ties must not fall in the
    set's order, which changes with PYTHONHASHSEED, or one command gives different models."""
    import os
    import subprocess

    (tmp_path / "doc.txt").write_text(
        "Alpha beta gamma.\n\nDelta epsilon zeta.\n\nEta theta iota.\n\nKappa lambda mu.\n\n"
        "Nu xi omicron.\n\nPi rho sigma.\n\nTau upsilon phi.\n\nChi psi omega.\n\nPort is 8080.\n",
        encoding="utf-8",
    )
    (tmp_path / "q.jsonl").write_text(
        '{"id": "t-1", "question": "Which port?", "answers": ["8080"], "sources": ["doc.txt"],'
        ' "evidence": ["Port is 8080."], "answerable": true, "category": "single_fact"}\n',
        encoding="utf-8",
    )
    code = (
        "import random, sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]);"
        "import train_answerer as t; d = Path(sys.argv[2]);"
        "print(t.ordinary_pairs(random.Random(1), [(d / 'q.jsonl', d)]))"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", code, str(ROOT / "scripts"), str(tmp_path)],
            capture_output=True, text=True, check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(runs) == 1


def test_written_unanswerable_questions_are_negatives_of_their_plausible_sentence(tmp_path: Path) -> None:
    article = {"title": "Rivers", "paragraphs": [
        {"context": "The Amber river floods in May. It was bridged in 1820 by the town.", "qas": []},
        {"context": "The Grey river is short. It never floods.", "qas": []},
    ]}
    written = tmp_path / "written.jsonl"
    written.write_text(
        '{"id": "sq-u-rivers-001", "article": "Rivers", "paragraph": 0, '
        '"question": "When was the Amber river dammed?", "plausible_answer": "1820", "kind": "antonym"}\n',
        encoding="utf-8",
    )
    articles = train_answerer.with_written_questions([article], written)
    groups = train_answerer.squad_pairs(articles, random.Random(1))
    assert len(groups) == 1
    labels = {p.candidate: p.label for p in groups[0]}
    assert [label for text, label in labels.items() if "1820" in text] == [0.0]
    assert set(labels.values()) == {0.0}
    assert all(p.question == "When was the Amber river dammed?" for p in groups[0])


def test_a_written_question_on_a_dev_article_stops_the_script(tmp_path: Path) -> None:
    written = tmp_path / "written.jsonl"
    written.write_text(
        '{"id": "sq-u-x-001", "article": "IPod", "paragraph": 0, "question": "Who?", '
        '"plausible_answer": "Apple", "kind": "other_neutral"}\n',
        encoding="utf-8",
    )
    with pytest.raises(SystemExit, match="not a training article"):
        train_answerer.with_written_questions([{"title": "Rivers", "paragraphs": []}], written)
