"""Questions after the name of someone the passages describe but never name.

"What is the name of the pro-Russian official who said …?" over an article that only ever says
"A pro-Russian official said …" has no answer, yet the sentence that says it is the best match
the answer model has ever seen for the question: it quotes every other word of it. Such
near misses are the usual unanswerable question about news and reference texts, whose sources
are often unnamed. The check is grammatical, not a word list: the question asks for the name of
a person it describes by a relative clause ("the <role> who …", "Who was the <role> that …"),
and every mention of that description in the passages stands without a name beside it (a name
directly after it, "spokesman Igor Konashenkov", or in apposition before it, "Jake Sullivan, the
national security adviser,").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# The description a question gives of the person whose name it asks for.
_ASKS_NAME_OF = re.compile(
    r"\bnames?\s+of\s+(?:the|that|this|a|an)\s+(?P<role>[^?,;]+?)\s+(?:who|whom)\b"
    r"|^\s*who\s+(?:is|was|are|were)\s+(?:the|that|this)\s+(?P<who>[^?,;]+?)\s+(?:who|whom|that)\b",
    re.IGNORECASE,
)
# A description longer than this is a clause, not a role.
MAX_ROLE_WORDS = 7
# What names a person: a capitalised word or a handle ("@romirk").
_NAME = re.compile(r"[A-Z@][\w.'’-]*")
_FIRST_AFTER = re.compile(r"\s*(?:,\s*|\(\s*)?(?P<word>[^\s,;:()]+)")
_APPOSITION_BEFORE = re.compile(r"(?P<word>[^\s,;:()]+)\s*,\s*(?:(?:the|a|an)\s+)?$", re.IGNORECASE)


def asked_role(question: str) -> str | None:
    """The description of the person whose name the question asks for ("pro-Russian official"),
    or None when it asks for no one's name that way."""
    m = _ASKS_NAME_OF.search(question)
    if m is None:
        return None
    role = (m.group("role") or m.group("who")).strip()
    return role if 0 < len(role.split()) <= MAX_ROLE_WORDS else None


def _named(text: str, start: int, end: int) -> bool:
    after = _FIRST_AFTER.match(text, end)
    if after and _NAME.fullmatch(after.group("word")):
        return True
    # "Jake Sullivan, the national security adviser, said": a name in apposition before, set
    # off by commas on both sides (a place before a comma is no name: "to Belarus, a senior
    # official concurred").
    before = _APPOSITION_BEFORE.search(text, 0, start)
    return bool(before and _NAME.fullmatch(before.group("word")) and text[end:].lstrip().startswith(","))


def unnamed_role(question: str, texts: Iterable[str]) -> str | None:
    """The role the question asks the name of, when the texts mention it and never with a name;
    None otherwise (also when they never mention it: then nothing is known either way)."""
    role = asked_role(question)
    if role is None:
        return None
    words = [re.escape(w) for w in role.split()]
    pattern = re.compile(r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w-])", re.IGNORECASE)
    mentioned = False
    for text in texts:
        for m in pattern.finditer(text):
            if _named(text, m.start(), m.end()):
                return None
            mentioned = True
    return role if mentioned else None
