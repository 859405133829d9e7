"""A question that asks two things ("Which superuser does it create, and on which port does it
listen?") is answered part by part: the cross-encoder reads one question against one candidate,
and the best candidate for the whole rarely holds both answers.

The split is grammatical, not lexical: a coordinating "and" (after a comma or not) followed by a
wh-word, optionally behind a preposition ("and on which port"), or after a comma by an auxiliary
that opens a yes-no question (", and does it need …"), with enough words on each side to stand
alone; or one question with two objects behind the same preposition ("bug reports for
GNU sed and for GNU time"), asked once for each object; or one question about two documents named
side by side ("Under which licences are EbookLib and AWStats released?"), asked once for each.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rag.text import STOPWORDS, content_terms

_SPLIT = re.compile(
    r",?\s+and\s+(?=(?:(?:on|in|at|for|to|by|from|of|with|under|since|until|after|before|within|during|over|about|into|through)\s+)?"
    r"(?:what|which|who|whom|whose|when|where|why|how)\b)"
    # A yes-no question after a comma: "What is the oldest Python it is tested on, and does
    # tqdm need any dependencies?"
    r"|,\s+and\s+(?=(?:does|do|did|is|are|can|will|should|must|has|have)\s)"
    # A question whose wh-phrase comes later, behind a noun or an aside: "…, and the withdrawal
    # from which city did it call a tacit acknowledgment?", "…, and besides the area north of
    # Kyiv, around which city did Britain say …?". The wh-word in a question's word order (its
    # auxiliary after at most two words) tells it from a relative "which"; not across a
    # sentence's end, nor behind a condition (", and if not, what does it count?" asks on).
    r"|,\s+and\s+(?!(?:if|when|unless|otherwise)\b)(?=[^?.!]{0,60}?\b(?:which|what|whose)\s+(?:[\w'’-]+\s+){0,2}"
    r"(?:does|do|did|is|are|was|were|has|have|had|can|could|will|would|should|must)\s)",
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
_WH = frozenset({"what", "which", "who", "whom", "whose", "when", "where", "why", "how"})
# A past participle ends the second side: "… email-validator distributed?".
_PARTICIPLE = re.compile(r"[a-z]{3,}ed$")
# Words each part needs to be a question of its own ("who and why?" is not two questions).
_MIN_WORDS = 3

# "…, and which one does Flameshot use?": "one" stands for the thing the first part asks after.
_WHICH_ONE = re.compile(r"^(?P<wh>which|what)\s+ones?\b", re.IGNORECASE)
_ASKED_THING = re.compile(
    rf"^(?:{_PREPOSITIONS}\s+)?(?:which|what)\s+(?P<thing>[\w-]+(?:\s+[\w-]+)?)", re.IGNORECASE
)
# The thing asked after up to the auxiliary that follows it, wherever the wh-phrase stands ("I
# need both: which minimum Node.js version does wretch give"): up to three words, dots kept.
_ASKED_BEFORE_AUXILIARY = re.compile(
    r"\b(?:which|what)\s+(?P<thing>[\w.-]*\w(?:\s+[\w.-]*\w){0,2}?)\s+"
    r"(?:does|do|did|is|are|was|were|has|have|had|can|could|will|would|should|must)\b",
    re.IGNORECASE,
)

# Two things named side by side are two questions, unless the question sets them against each
# other ("the difference between gzip and xz", "how do X and Y compare").
_CONTRAST = re.compile(r"\b(?:between|differ\w*|compar\w*|versus|vs)\b", re.IGNORECASE)
# What opens a noun phrase; a name may follow one ("the micro editor and the mpmath library").
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "my", "your", "our"})
# Longest name a side may be ("the cssesc JavaScript library").
_MAX_NAME_WORDS = 4


def parts(question: str, named: Callable[[str], bool] | None = None) -> list[str]:
    """The question's parts, each ending in "?"; [question] when it asks one thing. named tells
    whether a word (rag.text.content_terms) names a document (rag.text.document_name_terms):
    two things side by side are asked after one by one only when each names one, as
    "EbookLib and AWStats" do and "the evening and the small hours" do not."""
    pieces = [p.strip(" ,;") for p in _SPLIT.split(question.strip())]
    shared = _SHARED_STEM.match(question.strip()) if len(pieces) < 2 else None
    if shared:
        pieces = [shared["stem"] + shared["a"], shared["stem"] + shared["b"]]
    elif len(pieces) == 2:
        pieces[1] = _filled(pieces[0], pieces[1])
    elif len(pieces) == 1 and named is not None:
        pieces = _each_named(question.strip(), named)
        if len(pieces) == 1:
            pieces = _side_by_side(question.strip(), named)
    if len(pieces) < 2 or any(len(p.split()) < _MIN_WORDS for p in pieces):
        return [question]
    return [(p[0].upper() + p[1:]).rstrip("?") + "?" for p in pieces]


def _filled(first: str, second: str) -> str:
    """second with what it leaves out taken from first: "Where should bug reports go for mawk"
    + "where for libtasn1?" -> "Where should bug reports go for libtasn1?"."""
    one = _WHICH_ONE.match(second.strip())
    thing = _asked_thing(first.strip())
    if one and thing:
        return f"{one['wh']} {thing}{second.strip()[one.end():]}"
    m = _ELLIPTIC.match(second.strip())
    if m is None:
        return second
    at = list(re.finditer(rf"\b{m['prep']}\s+", first, re.IGNORECASE))
    return first[: at[-1].end()] + m["b"] if at else second


def _asked_thing(first: str) -> str | None:
    before = _ASKED_BEFORE_AUXILIARY.search(first)
    if before:
        return before["thing"]
    asked = _ASKED_THING.match(first)
    return _thing(asked["thing"]) if asked else None


def _thing(words: str) -> str:
    """What "which <words> …" asks after: its two words ("build system"), or its first when the
    second reads as the verb ("environment variable", but "file" of "which file selects")."""
    first, _, second = words.partition(" ")
    if not second or second.lower() in STOPWORDS or (second.endswith("s") and not second.endswith("ss")):
        return first
    return words


def _side_by_side(question: str, named: Callable[[str], bool]) -> list[str]:
    """"Under which licences are EbookLib and AWStats released?" -> the question once with
    EbookLib, once with AWStats; [question] when it names no two things side by side. A side
    runs from "and" to the nearest function word (STOPWORDS; "the" opens a side, "released" or
    another past participle ends one), and both sides are cut to the shorter one's length:
    "…to install gpustat and RapidFuzz?" names "gpustat", not "install gpustat"."""
    if _CONTRAST.search(question):
        return [question]
    tokens = list(re.finditer(r"[^\s?]+", question))
    ands = [i for i, t in enumerate(tokens) if t.group().lower() == "and"]
    if len(ands) != 1:
        return [question]
    at = ands[0]
    left: list[re.Match[str]] = []
    for t in reversed(tokens[:at]):
        word = t.group().strip(",;:").lower()
        if t is not tokens[at - 1] and t.group()[-1:] in ",;:":
            break
        if word in _DETERMINERS:
            left.insert(0, t)
            break
        if not word or word in STOPWORDS or word in _WH or len(left) == _MAX_NAME_WORDS:
            break
        left.insert(0, t)
    right: list[re.Match[str]] = []
    for t in tokens[at + 1 :]:
        word = t.group().strip(",;:.").lower()
        starts = not right and word in _DETERMINERS
        if not starts and (not word or word in STOPWORDS or word in _WH or _PARTICIPLE.search(word)):
            break
        right.append(t)
        if len(right) == _MAX_NAME_WORDS or t.group()[-1:] in ",;:":
            break
    if not left or not right or (left[0].group().lower() in _DETERMINERS and len(left) == 1):
        return [question]
    if right[0].group().lower() in _DETERMINERS:
        if left[0].group().lower() not in _DETERMINERS:
            return [question]
    else:
        # "the minimum and maximum values": the determiner belongs to both.
        if left[0].group().lower() in _DETERMINERS:
            left = left[1:]
        n = min(len(left), len(right))
        left, right = left[-n:], right[:n]
    # A sentence's end after the second side stays the question's ("… and decimal.js. Which …").
    start, end = left[0].start(), right[-1].start() + len(right[-1].group().rstrip(",;:."))
    sides = (question[start : left[-1].end()], question[right[0].start() : end])
    if not all(_names(side, named) for side in sides):
        return [question]
    a = question[: left[-1].end()].rstrip(",;:") + question[end:]
    b = question[:start] + question[right[0].start() : end].rstrip(",;:") + question[end:]
    return [a, b]


def _names(words: str, named: Callable[[str], bool]) -> bool:
    """Whether the words name a document, also by a name with its language's suffix ("CountUp.js"
    of countup-readme.md, "Cropper.js" of cropperjs-readme.md)."""
    forms = (words, words.replace(".", " "), words.replace(".", ""))
    return any(named(t) for form in forms for t in content_terms(form))


# "each" standing for the things a question named before it: "each of them", "each README".
_EACH = re.compile(r"\beach(?:\s+of\s+(?:them|the\s+two|these|those|both))?\b", re.IGNORECASE)
# Where a question's last clause opens: after a sentence's end, a colon or a semicolon.
_CLAUSE_BREAK = re.compile(r"[.?!:;]\s+")


def _each_named(question: str, named: Callable[[str], bool]) -> list[str]:
    """"I build HTML e-mails with MJML and parse incoming messages with mailparser: which npm
    commands install each of them?" -> "which npm commands install MJML?", "… mailparser?":
    a last clause asking of "each" the two documents named before it is asked once for each.
    [question] unless exactly two documents are named there."""
    breaks = list(_CLAUSE_BREAK.finditer(question))
    if not breaks:
        return [question]
    context, clause = question[: breaks[-1].start()], question[breaks[-1].end() :]
    each = list(_EACH.finditer(clause))
    if len(each) != 1:
        return [question]
    found: dict[str, str] = {}
    for token in re.finditer(r"[^\s,;:()?!]+", context):
        name = token.group().rstrip(".")
        if _names(name, named):
            found.setdefault(name.lower(), name)
    if len(found) != 2:
        return [question]
    m = each[0]
    return [clause[: m.start()] + name + clause[m.end() :] for name in found.values()]
