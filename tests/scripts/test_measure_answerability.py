"""scripts/measure_answerability.py: which sentence each question is paired with, and the AUC
by label."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import measure_answerability as ma  # noqa: E402

CONTEXT = "The bridge opened in 1932. The deck carries six lanes. John Bradfield designed the bridge."


def _qa(question: str, answer: str, impossible: bool) -> dict:
    item = [{"text": answer, "answer_start": CONTEXT.index(answer)}] if answer else []
    return {
        "question": question, "is_impossible": impossible,
        "answers": [] if impossible else item, "plausible_answers": item if impossible else [],
    }


def test_each_question_is_paired_with_the_sentence_holding_its_answer_or_its_plausible_one() -> None:
    article = {"title": "Bridge", "paragraphs": [{"context": CONTEXT, "qas": [
        _qa("When did the bridge open?", "1932", False),
        _qa("Who painted the bridge?", "John Bradfield", True),
        _qa("How long is the bridge?", "", True),  # no plausible answer: nothing to pair
    ]}]}
    pos, neg = ma.sentence_pairs([article])
    assert [(p.question, p.candidate, p.label) for p in pos] == [
        ("When did the bridge open?", "The bridge opened in 1932.", 1.0)
    ]
    assert [(p.candidate, p.label) for p in neg] == [("John Bradfield designed the bridge.", 0.0)]


def test_auc_by_label_is_high_when_answerable_questions_score_higher() -> None:
    assert ma.labelled_auc([1, 0, 1, 0], [0.9, 0.1, 0.8, 0.2]) == 1.0
    assert ma.labelled_auc([1, 0], [0.1, 0.9]) == 0.0
    assert ma.labelled_auc([1, 1], [0.1, 0.9]) is None
