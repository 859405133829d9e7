"""What a question takes for granted that the retrieved passages lack: then they cannot answer it,
however well a sentence of theirs matches its other words.

- The name of someone they describe but never name (unnamed_role).
- A number they never state (unstated_numbers).
- A small number, an ordinal or a year where they say the same thing with another one
  (swapped_number): "Who tells Bond he has five minutes to escape?" over "… tells him that he
  has three minutes to escape …".
- A name where a passage says the same thing with another one and never uses the question's
  (swapped_name): "An explosion filmed in Mexico holds the Guinness World Record for what?"
  over "An explosion filmed in Morocco holds a Guinness World Record …"; a two-word name no
  passage writes, one word of which a passage sets beside another name (swapped_pair):
  "… The Washington Observer …" over "… The Washington Post …"; a two-word name no passage
  writes, both words of which the passages write as names apart (recombined_pair): "What genre
  of games is Clawshot Princess?" over passages on "Twilight Princess" and its "Clawshot".
- A day of a month that sentence gives as another day of the same month (swapped_date): "Who
  returned to filming on 12 April?" over "… as planned on 22 April".
- A word whose opposite the sentence that says the question's other words uses instead
  (reversed_word): "On whose unofficial social media account did production promote the film?"
  over "… on Eon's official social media accounts".

Both number checks read only the sentence that asks (rag.text.asking_sentence): the figures of
the asker's own situation, told in sentences before it, are examples.

A yes-no question is exempt from the number checks: "Is the default port 8081?" asks whether
the figure is right, and "No, 8080" answers it.

Questions after the name of someone the passages describe but never name:

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
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from rag.text import (
    CARDINAL_WORDS,
    STOPWORDS,
    asking_sentence,
    content_terms,
    numbers,
    only_a_date,
    split_sentences,
    stem,
    versions,
)

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


# A number specific enough that a passage about it would state it: three digits or more, a
# decimal or a percentage ("$890,000", "25.45", "1.3", "53%"). Smaller whole numbers are often
# the asker's own ("an array of 16 tasks", "quality 99", "a score of 15"), which the documents
# answer by a rule or a range without repeating them.
MIN_DIGITS = 3
_PERCENTAGE = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s?(?:%|percent\b|per\s+cent\b)", re.IGNORECASE)
_NAMED_NUMBER = re.compile(r"[A-Za-z]+-\d[\w.]*")
_WRITTEN_NUMBER = re.compile(r"\d[\d,.]*")
# A version ("before 1.8.0") is a name, which the refusal of unmentioned names checks over every
# document (rag.retrieval.HybridRetriever.unmentioned).
_THREE_PART_VERSION = re.compile(r"\b[vV]?\d+\.\d+\.\d+[\w.-]*")
# A figure the question gives as an example of a kind ("the character that separates clusters
# of digits, like the comma in 42,000", "such as 2021-02-30"): no fact it takes for granted.
_EXAMPLE = re.compile(r"(?:,\s*like\b|\bsuch as\b|\be\.g\.|\bfor (?:example|instance)\b)[^,;?]*", re.IGNORECASE)
# A yes-no question asks whether a figure is right, so the number checks leave it.
_YES_NO = re.compile(
    r"\s*(?:is|are|was|were|does|do|did|can|could|will|would|should|shall|has|have|had|may|must)\b",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"\d[\d,.]*\d|\d|[A-Za-z][\w'’.-]*\w|[A-Za-z]")
# Which in order ("thirty-fourth"); how many is rag.text.CARDINAL_WORDS.
_ORDINALS = {
    w: n + 1 for n, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
    )
} | {"thirtieth": 30, "fortieth": 40, "fiftieth": 50}
_DIGIT_ORDINAL = re.compile(r"(\d{1,2})(?:st|nd|rd|th)")
# A year is a small number too: texts name a few, and askers add them to what they ask ("since
# its counteroffensive started in September 2022" over "since the counteroffensive started").
_YEAR = re.compile(r"1[5-9]\d\d|20\d\d")


def unstated_numbers(question: str, texts: Iterable[str]) -> list[str]:
    """The specific numbers (MIN_DIGITS) the question gives that none of the texts states
    ("The film took in $890,000 in advance screenings in what country?" over passages without
    890,000): an answer from them would be about another figure. Compared as rag.text.numbers
    normalises them ("2,500" and "2500"; "twelve" and "12")."""
    if _YES_NO.match(question):
        return []
    # Only the digits the question gives ("thirty-fourth" is no 30); a name's number is part
    # of the name ("SHA-256", written "sha256" elsewhere), as a version's are.
    plain = _THREE_PART_VERSION.sub("", _NAMED_NUMBER.sub("", _EXAMPLE.sub("", asking_sentence(question))))
    percentages = {m.group(1) for m in _PERCENTAGE.finditer(plain)}
    asked = {
        n for n in map(_unpadded, numbers(plain, spelled=False))
        if ("." in n or n in percentages or sum(ch.isdigit() for ch in n) >= MIN_DIGITS)
        and not _YEAR.fullmatch(n)
    }
    if not asked:
        return []
    stated: set[str] = set()
    for text in texts:
        # A version the text writes with its "v" ("Python >= v3.12") states the 3.12 asked.
        stated |= {_unpadded(n) for n in numbers(text) | versions(text)}
    return sorted(asked - stated)


# Words on one side of a number that place it: two, one of them a content word.
CONTEXT_WORDS = 2


def small_number(token: str) -> tuple[str, int] | None:
    """("cardinal" | "ordinal" | "year", value) of a whole number under 100 however written
    ("5", "five", "twenty-four", "8th", "eighth", "thirty-fourth") or of a year ("1965");
    None for anything else."""
    low = token.lower()
    if low.isdigit() and len(low) <= 2:
        return ("cardinal", int(low))
    if _YEAR.fullmatch(low):
        return ("year", int(low))
    if m := _DIGIT_ORDINAL.fullmatch(low):
        return ("ordinal", int(m.group(1)))
    *tens, last = low.split("-")
    if len(tens) > 1 or not all(t in CARDINAL_WORDS for t in tens):
        return None
    base = sum(CARDINAL_WORDS[t] for t in tens)
    if last in CARDINAL_WORDS:
        return ("cardinal", base + CARDINAL_WORDS[last])
    if last in _ORDINALS:
        return ("ordinal", base + _ORDINALS[last])
    return None


def swapped_number(question: str, texts: Iterable[str]) -> tuple[str, str] | None:
    """(the question's number, the texts' other one) when the question sets a small number or
    an ordinal in words the texts use around another one of its kind, and the texts never use
    the question's ("for his eighth appearance as James Bond" against "for his fourth
    appearance …"); None otherwise. The number checks for larger figures leave these out:
    small numbers stand in every text, so only their words place them."""
    if _YES_NO.match(question):
        return None
    asked = _TOKEN.findall(asking_sentence(question))
    if not any(small_number(t) for t in asked):
        return None  # most questions give no number: the passages need no reading
    sentences = [_TOKEN.findall(s) for text in texts for s in split_sentences(text)]
    used = {small_number(t) for s in sentences for t in s}
    lowered = [[t.lower() for t in s] for s in sentences]
    for i, token in enumerate(asked):
        value = small_number(token)
        # Texts name few years, so one they name elsewhere still cannot stand in another's
        # place; a small number they use anywhere may be the one meant.
        if value is None or (value in used and value[0] != "year"):
            continue
        contexts = _contexts([t.lower() for t in asked], i)
        placed = [
            (s, j) for context in contexts for s, low in zip(sentences, lowered, strict=True)
            for j in _placed(low, context)
        ]
        if any(small_number(s[j]) == value for s, j in placed):
            continue
        for s, j in placed:
            other = small_number(s[j])
            if other is not None and other[0] == value[0] and value not in map(small_number, s):
                return token, s[j]
    return None


def _contexts(tokens: list[str], i: int) -> list[tuple[int, list[str]]]:
    """The words on each side of tokens[i] that place it: (offset of the number from them,
    the words), when one of them is a content word."""
    sides = []
    if i >= CONTEXT_WORDS:
        sides.append((CONTEXT_WORDS, tokens[i - CONTEXT_WORDS : i]))
    if i + CONTEXT_WORDS < len(tokens):
        sides.append((-1, tokens[i + 1 : i + 1 + CONTEXT_WORDS]))
    return [
        (offset, words) for offset, words in sides
        if any(w not in STOPWORDS and small_number(w) is None for w in words)
    ]


def _placed(tokens: list[str], context: tuple[int, list[str]]) -> Iterator[int]:
    """Where a number stands in tokens with the same words beside it."""
    offset, words = context
    n = len(words)
    for k in range(len(tokens) - n + 1):
        if tokens[k : k + n] == words:
            j = k + offset if offset > 0 else k - 1
            if 0 <= j < len(tokens):
                yield j


_POSSESSIVE = re.compile(r"['’]s$")


def _word(token: str) -> str:
    """A token as names are compared: without accents ("Sévérine" is the "Severine" asked
    about) and without a possessive "'s"."""
    plain = "".join(
        ch for ch in unicodedata.normalize("NFKD", token) if not unicodedata.combining(ch)
    )
    return _POSSESSIVE.sub("", plain)


# A word of an identifier's second part: "FullPeriod", "StatsService" (not "McClory").
_CAMEL_HUMP = re.compile(r"[a-z]{3}[A-Z]")
# A phrase the question quotes: a label it copies ("the 'Version Made By' field"), which
# the refusal of unmentioned names checks over every document.
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|(?<!\w)'[^']*'(?!\w)|‘[^’]*’")


def _is_name(token: str) -> bool:
    """A capitalised word of three letters or more that is no common word: "Morocco",
    "McClory". Not an acronym ("README", "GPL": documents spell those in their titles and
    headings beside other ones), a title before a name ("Mr") nor an identifier ("FullPeriod":
    a setting's name, which the refusal of unmentioned names checks over every document)."""
    return (
        len(token) >= 3 and token[0].isupper() and any(ch.islower() for ch in token[1:])
        and not _CAMEL_HUMP.search(token)
        and token.lower() not in STOPWORDS and small_number(token) is None
    )


# The share of a question's other words the sentence that swaps its name must say.
SAID_SHARE = 0.5


def _dated(token: str) -> bool:
    return only_a_date(token.replace("-", " "))


class _Told(NamedTuple):
    """A sentence of a passage as the name checks read it."""

    tokens: list[str]  # its words as names are compared (_word)
    lowered: list[str]
    terms: frozenset[str]  # its content terms


@lru_cache(maxsize=64)
def _told(text: str) -> tuple[_Told, ...]:
    """A passage's sentences, read once for both name checks of a question."""
    out = []
    for s in split_sentences(text):
        tokens = [_word(t) for t in _TOKEN.findall(s)]
        out.append(_Told(tokens, [t.lower() for t in tokens], frozenset(content_terms(s))))
    return tuple(out)


def _sentences(texts: Iterable[str]) -> list[_Told]:
    """Every sentence of the passages, as _told reads them."""
    return [told for text in texts for told in _told(text)]


def _other_words(sentence: str, name: str) -> frozenset[str]:
    """The asking sentence's content terms but the name's: what a sentence that swaps the name
    must mostly say too, or it tells another matter in the same words ("a withdrawal from
    Kharkiv" in another article, against "a withdrawal from Kherson" asked about one)."""
    return frozenset(content_terms(sentence, drop_question_words=True)) - frozenset(content_terms(name))


def _says_most(rest: frozenset[str], told: _Told) -> bool:
    return len(rest & told.terms) >= SAID_SHARE * len(rest)


def _in_name(tokens: list[str], j: int) -> bool:
    """tokens[j] stands beside another capitalised word: it is a word of a longer name."""
    return any(0 <= k < len(tokens) and _is_name(tokens[k]) for k in (j - 1, j + 1))


def swapped_name(question: str, texts: Iterable[str]) -> tuple[str, str] | None:
    """(the question's name, the passage's other one) when the question sets a name in words a
    passage uses around another name, and that passage never uses the question's ("An explosion
    filmed in Mexico …" against "An explosion filmed in Morocco …"; "an undeveloped film script
    written by Saltzman" against "… written by McClory"); None otherwise. Only the passage that
    says the words is read for the name: a name it uses elsewhere may be the one meant, and a
    name the question gives that some passage places in the same words is taken to be right."""
    if _YES_NO.match(question):
        return None
    sentence = asking_sentence(question)
    asked = [_word(t) for t in _TOKEN.findall(sentence)]
    if not any(_is_name(t) for t in asked[1:]):
        return None
    quoted = {_word(t) for q in _QUOTED.findall(sentence) for t in _TOKEN.findall(q)}
    lowered = [t.lower() for t in asked]
    # Per passage: its words and its sentences.
    passages = [({t for told in _told(text) for t in told.lowered}, _told(text)) for text in texts]
    for i, token in enumerate(asked[1:], start=1):
        if not _is_name(token) or token in quoted:
            continue
        name = token.lower()
        rest = _other_words(sentence, token)
        for context in _contexts(lowered, i):
            placed = [
                (words, told, j) for words, sentences in passages for told in sentences
                for j in _placed(told.lowered, context)
            ]
            if any(told.lowered[j] == name for _, told, j in placed):
                continue
            for words, told, j in placed:
                other = told.tokens[j]
                if (
                    _is_name(other) and other.lower() not in lowered and name not in words
                    # A date stands against a date ("Friday-Sunday", "Saturday"), not a place.
                    and _dated(other) == _dated(token)
                    # A word of a longer name is no swap for a name of one word: "High Level
                    # web framework" against "Python web framework". Dates run on ("Friday–
                    # Saturday") as names do not.
                    and (_dated(other) or _in_name(told.tokens, j) == _in_name(asked, i))
                    and _says_most(rest, told)
                ):
                    return token, other
    return None


def _name_runs(sentence: str) -> list[list[str]]:
    """The runs of two or more capitalised words a sentence sets one space apart, as names are
    compared (_word): "The Legend of Zelda: Clawshot Princess" gives ["Clawshot", "Princess"]. A
    possessive's name is no part of the next one ("Nintendo's Official list")."""
    runs: list[list[str]] = []
    run: list[str] = []
    end = -1
    for token in _TOKEN.finditer(sentence):
        word = _word(token.group())
        if not _is_name(word):
            run = []
            continue
        if run and sentence[end : token.start()] == " ":
            run.append(word)
        else:
            run = [word]
            runs.append(run)
        end = token.end()
        if _POSSESSIVE.search(token.group()):
            run = []
    return [r for r in runs if len(r) >= 2]


def swapped_pair(question: str, texts: Iterable[str]) -> tuple[str, str] | None:
    """(the question's two-word name, the passages' other one) when the question gives a name
    of two capitalised words that no passage writes, and a passage's sentence that says most of
    the question's other words writes one of the two beside another name, or both the other way
    round: "Alyssa Rosenberg of The Washington Observer said what about the film?" against
    "Alyssa Rosenberg, writing for The Washington Post, stated …"; "Lawrence Orr writes for The
    Charlotte what?" against "Christopher Orr, writing in …"; "Royale Casino" against "Casino
    Royale". None otherwise. Words are compared as stems ("Append Blob", "Append Blobs"); a
    possessive's name is no part of the next one ("Nintendo's Official list")."""
    if _YES_NO.match(question):
        return None
    sentence = asking_sentence(question)
    asked = [pair for run in _name_runs(sentence) for pair in pairwise(run)]
    if not asked:
        return None
    sentences = _sentences(texts)
    written = {(stem(a), stem(b)) for told in sentences for a, b in pairwise(told.lowered)}
    for a, b in asked:
        first, second = stem(a.lower()), stem(b.lower())
        if (first, second) in written:
            continue
        rest = _other_words(sentence, f"{a} {b}")
        for told in sentences:
            if not _says_most(rest, told):
                continue
            for x, y in pairwise(told.tokens):
                if not (_is_name(x) and _is_name(y)):
                    continue
                sx, sy = stem(x.lower()), stem(y.lower())
                if (sx == first) != (sy == second) or (sx, sy) == (second, first):
                    return f"{a} {b}", f"{x} {y}"
    return None


# Opposites of general English, either way round: a question that turns one into the other asks
# what the sentence it copies does not say. Not "before"/"after", "more"/"less", "first"/"last"
# nor "most"/"least": a question asks "how long before" what a text times "after", and "first"
# or "most" of what the text ranks the other way. Those four turned up answerable questions of
# the SQuAD training excerpt and docs_dev, as "male"/"female" and the compass points did.
_OPPOSITES = (
    ("major", "minor"), ("larger", "smaller"), ("bigger", "smaller"), ("wider", "narrower"),
    ("longer", "shorter"), ("long", "short"), ("higher", "lower"), ("official", "unofficial"),
    ("opening", "closing"), ("increase", "decrease"), ("increased", "decreased"), ("won", "lost"),
    ("win", "lose"), ("positive", "negative"), ("success", "failure"), ("accepted", "rejected"),
    ("enable", "disable"), ("include", "exclude"), ("public", "private"), ("internal", "external"),
    ("early", "late"), ("earlier", "later"), ("inner", "outer"), ("upper", "lower"),
    ("open", "close"), ("import", "export"), ("input", "output"), ("minimum", "maximum"),
    ("ascending", "descending"), ("largest", "smallest"), ("highest", "lowest"), ("best", "worst"),
    ("oldest", "youngest"), ("older", "younger"), ("rise", "fall"), ("gain", "loss"),
    ("inside", "outside"), ("above", "below"), ("always", "never"),
)
_OPPOSITE: dict[str, frozenset[str]] = {
    word: frozenset(b if a == word else a for a, b in _OPPOSITES if word in (a, b))
    for pair in _OPPOSITES
    for word in pair
}


def reversed_word(question: str, texts: Iterable[str]) -> tuple[str, str] | None:
    """(the question's word, its opposite) when the passages' sentence that says most of the
    asking sentence's content terms (at least two, and half) says the opposite of one of its
    words and never the word: "… his unofficial social media account …" against "… Eon's
    official social media accounts"; "the long story 'The Hildebrand Rarity'" against "the
    short story …". Not of a yes-no question ("Is the release official?" is answered "no"),
    nor when the question says both ("more or less cost-effective")."""
    if _YES_NO.match(question):
        return None
    sentence = asking_sentence(question)
    asked = {t.lower() for t in _TOKEN.findall(sentence)}
    turned = [(w, o) for w in asked if w in _OPPOSITE for o in _OPPOSITE[w] if o not in asked]
    if not turned:
        return None
    best = _saying_most(sentence, texts)
    if best is None:
        return None
    said = set(best.lowered)
    return next(((w, o) for w, o in sorted(turned) if o in said and w not in said), None)


def _saying_most(sentence: str, texts: Iterable[str]) -> _Told | None:
    """The passages' sentence that says most of the asking sentence's content terms, when it
    says two at least and half of them: the sentence the question was made from, if any."""
    terms = frozenset(content_terms(sentence, drop_question_words=True))
    sentences = _sentences(texts)
    best = max(sentences, key=lambda told: len(terms & told.terms), default=None)
    if best is None or len(terms & best.terms) < max(2, SAID_SHARE * len(terms)):
        return None
    return best


# A day of a month, either way round: "12 April", "April 12th", "22nd of April".
_MONTH = "January|February|March|April|May|June|July|August|September|October|November|December"
_DAY_OF_MONTH = re.compile(
    rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})|({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?)\b"
)


def _days(text: str) -> dict[tuple[int, str], str]:
    """The days of months a text gives, (day, month) -> as written."""
    return {
        (int(m.group(1) or m.group(4)), m.group(2) or m.group(3)): m.group()
        for m in _DAY_OF_MONTH.finditer(text)
    }


def swapped_date(question: str, texts: Sequence[str]) -> tuple[str, str] | None:
    """(the question's day, the passages' other one) when the asking sentence gives a day of a
    month no passage gives, and the passages' sentence that says most of its words gives another
    day: "Who returned to filming on 12 April?" against "… he had returned to filming at Pinewood
    Studios as planned on 22 April"; "… its world premiere on 26 December …" against "… on 26
    October 2015". swapped_number leaves the day: a small number the passages use anywhere may be
    the one meant. On the SQuAD training excerpt (every paragraph as the passage of its own
    questions) it flags 6 of 348 unanswerable questions and none of 4,371 answerable ones; over
    docs_dev's retrieved passages, none."""
    if _YES_NO.match(question):
        return None
    sentence = asking_sentence(question)
    asked = _days(sentence)
    if not asked:
        return None
    given = {day for text in texts for day in _days(text)}
    best = _saying_most(sentence, texts)
    if best is None:
        return None
    near = _days(" ".join(best.tokens))
    for day, written in asked.items():
        if day in given:
            continue
        other = next((w for other_day, w in near.items() if other_day != day), None)
        if other is not None:
            return written, other
    return None


def recombined_pair(
    question: str, texts: Iterable[str], names_a_project: Callable[[str], bool] = lambda _w: False
) -> str | None:
    """The question's two-word name when the asking sentence gives a name of exactly two
    capitalised words that no passage writes, though the passages write each of the two as a
    name: "Clawshot Princess", "Twilight Enemies", "Jeff Nexus" asked of passages on "Twilight
    Princess", its "Clawshot" and "Javier Nexus". Such a name is made up of the passages' own, as
    an unanswerable question often is; a real one is written somewhere. A name with the name of a
    project the store's files are named after is exempt (names_a_project, on the lower-cased
    word): "the Releases Sphinx extension" asked of releases-usage.html, whose text says
    "Releases" and "Sphinx" apart. A name of three words or more is left to swapped_pair ("Azure
    Append Blob", written "Append Blob"). Its figures are in the README (forty-seventh round)."""
    if _YES_NO.match(question):
        return None
    pairs = [(run[0], run[1]) for run in _name_runs(asking_sentence(question)) if len(run) == 2]
    if not pairs:
        return None
    sentences = _sentences(texts)
    written = {(stem(a), stem(b)) for told in sentences for a, b in pairwise(told.lowered)}
    names = {stem(t.lower()) for told in sentences for t in told.tokens if _is_name(t)}
    for a, b in pairs:
        first, second = stem(a.lower()), stem(b.lower())
        if (first, second) in written or names_a_project(a.lower()) or names_a_project(b.lower()):
            continue
        if first in names and second in names:
            return f"{a} {b}"
    return None


def _unpadded(number: str) -> str:
    """"03" of "example 03" is the 3 of "example 3"."""
    return (number.lstrip("0") or "0") if number.isdigit() else number


def lacking(
    question: str, texts: Sequence[str], names_a_project: Callable[[str], bool] = lambda _w: False
) -> str | None:
    """Why the texts cannot answer the question, for the refusal's notice; None if nothing
    the question takes for granted is missing from them. names_a_project: whether a word is the
    name of a project the store's files are named after (recombined_pair)."""
    role = unnamed_role(question, texts)
    if role is not None:
        return f"The documents mention the {role} but never by name."
    swapped = (
        swapped_number(question, texts) or swapped_date(question, texts) or swapped_name(question, texts)
        or swapped_pair(question, texts) or reversed_word(question, texts)
    )
    if swapped is not None:
        return f"The documents say {swapped[1]} where the question says {swapped[0]}."
    recombined = recombined_pair(question, texts, names_a_project)
    if recombined is not None:
        return f"No passage found names {recombined}."
    unstated = set(unstated_numbers(question, texts))
    if unstated:
        # As the question writes them ("890,000", not the normalised "890000").
        written = dict.fromkeys(
            m.group().strip(",.") for m in _WRITTEN_NUMBER.finditer(question)
            if m.group().strip(",.").replace(",", "") in unstated
        )
        return f"No passage found states {', '.join(written)}."
    return None
