"""Follow-up questions made standalone without an LLM (rag/followup.py)."""

from __future__ import annotations

import pytest

from rag.answering.base import Turn
from rag.followup import condense, is_follow_up

KHERSON = [Turn("When did Russian troops leave Kherson?", "They left Kherson on 11 November [1].")]


@pytest.mark.parametrize(
    "question",
    ["Who said that?", "And what about the bridge?", "How many people lived there?",
     "What did he announce?"],
)
def test_questions_leaning_on_the_conversation_are_follow_ups(question: str) -> None:
    assert is_follow_up(question)


@pytest.mark.parametrize(
    "question",
    ["Who is the governor of Luhansk?", "How many ships sank?", "What did Zelensky announce?"],
)
def test_self_contained_questions_are_not(question: str) -> None:
    assert not is_follow_up(question)


def test_follow_up_gets_the_previous_questions_names() -> None:
    assert condense("Who said that?", KHERSON) == "Who said that? (Russian, Kherson)"


def test_names_already_in_the_question_are_not_repeated() -> None:
    history = [Turn("Did Ukraine and Russia talk in Istanbul?", "Yes [1].")]

    # Typed in lower case, "istanbul" is no name of the question's own, but it is there.
    assert condense("And what did they agree in istanbul?", history) == (
        "And what did they agree in istanbul? (Ukraine, Russia)"
    )


def test_names_come_from_the_answer_when_the_question_had_none() -> None:
    history = [Turn("Who leads the region?", "Serhiy Haidai leads Luhansk [1].")]

    assert condense("What did he say?", history) == "What did he say? (Serhiy, Haidai, Luhansk)"


@pytest.mark.parametrize("history", [None, []])
def test_without_history_the_question_is_kept(history: list[Turn] | None) -> None:
    assert condense("Who said that?", history) == "Who said that?"


def test_standalone_question_is_kept_whatever_the_history() -> None:
    assert condense("Who is the governor of Luhansk?", KHERSON) == "Who is the governor of Luhansk?"


def test_nothing_to_carry_over_keeps_the_question() -> None:
    history = [Turn("what happened next?", "the troops withdrew [1].")]

    assert condense("Who said that?", history) == "Who said that?"
