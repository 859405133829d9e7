"""A question and its passages naming one thing in two forms: an acronym and the words it
abbreviates ("IE" and "Internet Explorer", "DoT" and "DNS-over-TLS").

The answer model reads the question beside one candidate; when the question writes "IE" and
the candidate "Internet Explorer 10+", nothing tells it the two are one, and the candidate that
shares the question's other words wins ("Chrome 8+"). The question it reads gives both forms
when the passages write the other one, so the model and the term features see what they share.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# An acronym: two to six letters, two of them capitals at least, as written ("IE", "DoT", "TLS").
_ACRONYM = re.compile(r"(?<![\w-])(?=(?:[a-z]*[A-Z]){2})[A-Za-z]{2,6}(?![\w-])")


def _spelled_out(acronym: str) -> re.Pattern[str]:
    """The words an acronym abbreviates, each opening with its letter in its case, apart by a
    space or a hyphen: "DoT" is "DNS over TLS" or "DNS-over-TLS", not "dot"."""
    words = r"[\s-]+".join(rf"{re.escape(letter)}[\w.]*" for letter in acronym)
    return re.compile(rf"(?<![\w-]){words}(?![\w-])")


def _writes(text: str, acronym: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", text) is not None


def with_other_forms(question: str, texts: Sequence[str]) -> str:
    """The question with, after an acronym it gives that the texts write only spelled out, the
    words they write ("IE (Internet Explorer)"), and after words it gives that the texts write
    only as an acronym, the acronym ("DNS-over-TLS (DoT)"). Unchanged when there is none."""
    joined = "\n".join(texts)
    additions: list[tuple[int, str]] = []
    for m in _ACRONYM.finditer(question):
        acronym = m.group()
        if _writes(joined, acronym):
            continue
        spelled = _spelled_out(acronym).search(joined)
        if spelled:
            additions.append((m.end(), spelled.group()))
    for acronym in dict.fromkeys(_ACRONYM.findall(joined)):
        if _writes(question, acronym):
            continue
        spelled = _spelled_out(acronym).search(question)
        if spelled and not any(at == spelled.end() for at, _ in additions):
            additions.append((spelled.end(), acronym))
    for at, form in sorted(additions, reverse=True):
        question = f"{question[:at]} ({form}){question[at:]}"
    return question
