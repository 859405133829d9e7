"""A question asking two things is split where a coordinating "and" opens a second wh-question."""

from __future__ import annotations

import pytest

from rag.answering.compound import parts


def test_two_wh_questions_are_two_parts() -> None:
    assert parts("Which superuser does the package create, and on which port does the server listen?") == [
        "Which superuser does the package create?",
        "On which port does the server listen?",
    ]
    assert parts("What values can the -x option take and what do they mean?") == [
        "What values can the -x option take?",
        "What do they mean?",
    ]


@pytest.mark.parametrize(
    "question",
    [
        "Which port and which host does it use?",  # too short to stand alone
        "What did the ministry say on Tuesday and on Thursday?",  # one question, two objects
        "Can xz open .7z archives, and if not, what should I use?",
        "What is the default port?",
    ],
)
def test_one_question_stays_whole(question: str) -> None:
    assert parts(question) == [question]
