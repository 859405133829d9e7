"""A question that asks two things ("Which superuser does it create, and on which port does it
listen?") is answered part by part: the cross-encoder reads one question against one candidate,
and the best candidate for the whole rarely holds both answers.

The split is grammatical, not lexical: a coordinating "and" (after a comma or not) followed by a
wh-word, optionally behind a preposition ("and on which port"), or after a comma by an auxiliary
that opens a yes-no question (", and does it need …"), with enough words on each side to stand
alone; or one question with two objects behind the same preposition ("bug reports for
GNU sed and for GNU time"), asked once for each object.
"""

from __future__ import annotations

import re

_SPLIT = re.compile(
    r",?\s+and\s+(?=(?:(?:on|in|at|for|to|by|from|of|with|under|since|until)\s+)?"
    r"(?:what|which|who|whom|whose|when|where|why|how)\b)"
    # A yes-no question after a comma: "What is the oldest Python it is tested on, and does
    # tqdm need any dependencies?"
    r"|,\s+and\s+(?=(?:does|do|did|is|are|can|will|should|must|has|have)\s)",
    re.IGNORECASE,
)
_PREPOSITIONS = r"(?:of|for|in|on|at|to|by|from|with|about|under)"
# "<stem> <prep> A and <prep> B?": the last <prep> before A is the one "and" repeats.
_SHARED_STEM = re.compile(
    rf"^(?P<stem>.*\b(?P<prep>{_PREPOSITIONS})\s+)(?P<a>\S.*?),?\s+and\s+(?P=prep)\s+(?P<b>\S.*?)\s*\?*\s*$",
    re.IGNORECASE,
)
# "…, and where for libtasn1?": the second part says only what changes, behind a preposition
# the first part has; it is the first part with that preposition's object replaced.
_ELLIPTIC = re.compile(
    rf"^(?:what|which|who|whom|whose|when|where|why|how)\s+(?P<prep>{_PREPOSITIONS})\s+(?P<b>\S.*)$",
    re.IGNORECASE,
)
# Words each part needs to be a question of its own ("who and why?" is not two questions).
_MIN_WORDS = 3


def parts(question: str) -> list[str]:
    """The question's parts, each ending in "?"; [question] when it asks one thing."""
    pieces = [p.strip(" ,;") for p in _SPLIT.split(question.strip())]
    shared = _SHARED_STEM.match(question.strip()) if len(pieces) < 2 else None
    if shared:
        pieces = [shared["stem"] + shared["a"], shared["stem"] + shared["b"]]
    elif len(pieces) == 2:
        pieces[1] = _filled(pieces[0], pieces[1])
    if len(pieces) < 2 or any(len(p.split()) < _MIN_WORDS for p in pieces):
        return [question]
    return [(p[0].upper() + p[1:]).rstrip("?") + "?" for p in pieces]


def _filled(first: str, second: str) -> str:
    """second with what it leaves out taken from first: "Where should bug reports go for mawk"
    + "where for libtasn1?" -> "Where should bug reports go for libtasn1?"."""
    m = _ELLIPTIC.match(second.strip())
    if m is None:
        return second
    at = list(re.finditer(rf"\b{m['prep']}\s+", first, re.IGNORECASE))
    return first[: at[-1].end()] + m["b"] if at else second
