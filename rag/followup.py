"""Turning a follow-up question into a standalone one without an LLM.

"And who said that?" after a question about Kherson means "who said that about Kherson": when a
question leans on the conversation (pronouns, no names of its own), the names and key terms of
the previous question are carried over for retrieval and answering.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rag.text import proper_names
from rag.types import Turn

_LEANS_ON_CONTEXT = re.compile(
    r"\b(it|its|they|them|their|he|him|his|she|her|there|that|this|those|these|then|the same|"
    r"the city|the region|the town|the country|the group|the official)\b|^\s*(and|what about|how about|also)\b",
    re.IGNORECASE,
)


def is_follow_up(question: str) -> bool:
    return bool(_LEANS_ON_CONTEXT.search(question)) and not proper_names(question)


def condense(question: str, history: Sequence[Turn] | None) -> str:
    """The question with the previous turn's names appended when it cannot stand alone."""
    if not history or not is_follow_up(question):
        return question
    last = history[-1]
    names = [n for n in _ordered_names(last.question) if n.lower() not in question.lower()]
    if not names:
        names = [n for n in _ordered_names(last.answer)[:3] if n.lower() not in question.lower()]
    if not names:
        return question
    return f"{question.rstrip()} ({', '.join(names)})"


def _ordered_names(text: str) -> list[str]:
    found = proper_names(text)
    ordered: list[str] = []
    for m in re.finditer(r"[A-Za-z][\w’'-]*", text):
        word = m.group(0)
        low = word.lower().removesuffix("'s").removesuffix("’s")
        if low in found and word[0].isupper() and low not in (o.lower() for o in ordered):
            ordered.append(word.removesuffix("'s").removesuffix("’s"))
    return ordered
