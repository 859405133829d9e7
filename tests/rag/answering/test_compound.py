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


def test_a_second_part_that_gives_only_its_object_borrows_the_first_parts_words() -> None:
    assert parts("Where should bug reports go for mawk, and where for libtasn1?") == [
        "Where should bug reports go for mawk?",
        "Where should bug reports go for libtasn1?",
    ]
    # A preposition the first part lacks leaves the second part as it was asked.
    assert parts("Which package holds the server, and which in the client?") == [
        "Which package holds the server?",
        "Which in the client?",
    ]


def test_two_objects_behind_one_preposition_are_asked_one_by_one() -> None:
    assert parts("Which e-mail addresses take bug reports for GNU sed and for GNU time?") == [
        "Which e-mail addresses take bug reports for GNU sed?",
        "Which e-mail addresses take bug reports for GNU time?",
    ]
    # The preposition "and" repeats is the last one before the first object.
    assert parts("What is the ratio of reads to writes and of hits to misses?") == [
        "What is the ratio of reads to writes?",
        "What is the ratio of hits to misses?",
    ]


@pytest.mark.parametrize(
    "question",
    [
        "Which port and which host does it use?",  # too short to stand alone
        "Can xz open .7z archives, and if not, what should I use?",
        "What is the default port?",
        "What is the difference between gzip and xz?",  # no preposition repeated
    ],
)
def test_one_question_stays_whole(question: str) -> None:
    assert parts(question) == [question]


def test_a_yes_no_question_after_a_comma_is_a_part_of_its_own() -> None:
    assert parts("What is the oldest Python it is tested on, and does tqdm need any dependencies?") == [
        "What is the oldest Python it is tested on?",
        "Does tqdm need any dependencies?",
    ]
    # Without the comma "and is" joins words, not questions.
    question = "Which file is read first and is it required?"
    assert parts(question) == [question]
