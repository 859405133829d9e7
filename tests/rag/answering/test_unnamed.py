"""rag.answering.unnamed: a question after the name of someone the passages never name."""

from __future__ import annotations

import pytest

from rag.answering.unnamed import asked_role, unnamed_role

NEWS = (
    "A pro-Russian official said Russians were retreating to regroup. "
    "About two-thirds of the units have turned back north to Belarus, a senior U.S. defense "
    "official concurred Monday. Kremlin spokesman Dmitry Peskov declined to comment. "
    "Jake Sullivan, the national security adviser, warned of a long war."
)


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("What is the name of the pro-Russian official who said they would regroup?", "pro-Russian official"),
        ("What was the name of the elder sister who suggested the tour?", "elder sister"),
        ("Who was the maintainer that announced version 3.8?", "maintainer"),
        ("Who is the Kremlin spokesman who declined to comment?", "Kremlin spokesman"),
        # No name asked for, or asked for otherwise: nothing to check.
        ("Who said Russians were retreating?", None),
        ("What is the name of the file that holds the settings?", None),
        ("Who is the author of ripgrep, and who wrote pass?", None),
    ],
)
def test_the_role_a_question_asks_the_name_of(question: str, role: str | None) -> None:
    assert asked_role(question) == role


def test_a_role_the_text_only_mentions_unnamed_is_reported() -> None:
    asked = "What is the name of the pro-Russian official who said Russians were retreating?"
    assert unnamed_role(asked, [NEWS]) == "pro-Russian official"
    # A place before a comma is no name in apposition: the official stays unnamed.
    asked = "What is the name of the senior U.S. defense official who concurred on Monday?"
    assert unnamed_role(asked, [NEWS]) == "senior U.S. defense official"


@pytest.mark.parametrize(
    "question",
    [
        # Named right after the role, and in apposition before it.
        "What is the name of the Kremlin spokesman who declined to comment?",
        "What is the name of the national security adviser who warned of a long war?",
        # Never mentioned at all: nothing is known either way, so the answerer decides.
        "What is the name of the Russian general who ordered the retreat?",
    ],
)
def test_a_named_or_unmentioned_role_is_not_reported(question: str) -> None:
    assert unnamed_role(question, [NEWS]) is None


def test_one_named_mention_anywhere_is_enough() -> None:
    asked = "What is the name of the pro-Russian official who said Russians were retreating?"
    named_elsewhere = "The pro-Russian official, Vladimir Saldo, repeated it on television."
    assert unnamed_role(asked, [NEWS, named_elsewhere]) is None
