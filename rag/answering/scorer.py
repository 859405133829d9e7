"""The combined answer scorer: a logistic model over the cross-encoder's probability and a few
general signals the cross-encoder does not see or under-weighs.

The cross-encoder reads one candidate at a time, 96 word pieces, so it cannot tell that the
question's rarest term appears nowhere in the passage (the typical near-miss unanswerable
question) or that a "how many" question met a candidate without a number. These features are
computed the same way at query time (rag.answering.extractive) and when the weights are fitted
(scripts/fit_scorer.py, seeded, train data only); the weights ship as SCORER_FILE beside the
model, with their sha256 in SCORER_CHECKSUM.

Features (all general: no word lists taken from benchmark questions):
- ce_logit: the cross-encoder's logit, clipped;
- coverage: IDF-weighted share of the question's content terms found in the candidate;
- context_coverage: the same over the candidate's whole passage (heading and neighbours);
- rarest_in_context: whether the question's rarest term is in the passage at all;
- type_expected / type_present: the question asks for a number, a date or a name, and the
  candidate holds one that the question does not;
- new_terms: log of content terms the candidate adds to the question (a restatement of the
  question adds none);
- heading: the candidate is a section title (it names a topic; it rarely states the answer,
  yet it shares the question's words) - unless it dates the version a "when" question names,
  as a changelog's "Noteworthy changes in version 1.2.0 (2021-08-25)" does;
- passage_rank: 1 / (1 + the rank of its passage in retrieval);
- keyed / key_coverage: the candidate is a table row or a "key: value" line, and the share of
  its key's words (first cell, or the text before ":" / "=", snake_case split) that the question
  names: forty rows of a settings table all share the question's words, the row it asks about
  names them in its key;
- usage: the candidate is a command's usage line ("pkcon [OPTION...] [COMMAND]"): it names the
  program and its options, so it shares a question's words about any of them, yet it says
  what none of them does;
- other_version: the question names a version and the candidate names versions, none of them
  the asked one: a changelog's "v0.8.0 (2019-06-11)" is about another release than "When was
  v0.12.1 released?", though its line has the same form as the answer's;
- opens_with_asked: the candidate opens with a name the question gives exactly, or is a row or
  field keyed by it (rag.text.exact_names: an option, a snake_case setting, a version): it is
  that name's own entry, as "-u  Equivalent to --sort=no" is for "What does the -u option do?"
  while sharing none of its words, and as a sentence that mentions the option is not.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import numpy as np

from rag.answering.crossencoder import MODEL_DIR, ModelFileError, sha256_of
from rag.text import (
    content_terms,
    exact_names,
    has_date,
    mention_pattern,
    mentions_any,
    numbers,
    versions,
)

SCORER_FILE = "scorer.json"
SCORER_CHECKSUM = "scorer.sha256"
REFIT = "make fit-scorer"

FEATURES = (
    "ce_logit",
    "coverage",
    "context_coverage",
    "rarest_in_context",
    "type_expected",
    "type_present",
    "new_terms",
    "heading",
    "passage_rank",
    "keyed",
    "key_coverage",
    "usage",
    "other_version",
    "opens_with_asked",
)

# What the question asks for, from its wh-phrase: general English, not benchmark vocabulary.
_ASKS_NUMBER = re.compile(
    r"\bhow\s+(?:many|much|long|old|far|big|large|high|tall|often|fast|deep|wide|heavy)\b"
    r"|\bwhat\s+(?:percentage|percent|number|proportion|fraction|amount|size)\b",
    re.IGNORECASE,
)
# "which version", "in which tmux release": a version is asked for by number.
_ASKS_VERSION = re.compile(r"\b(?:what|which)\s+(?:\S+\s+)?(?:version|release)\b", re.IGNORECASE)
_ASKS_DATE = re.compile(
    r"^\s*when\b|\bwhen\s+(?:was|were|did|does|do|is|will|had|has)\b"
    r"|\b(?:what|which)\s+(?:year|date|day|month|decade|century)\b|\bsince\s+when\b",
    re.IGNORECASE,
)
_ASKS_NAME = re.compile(r"^\s*(?:who|whom|whose)\b|\b(?:who|whom|whose)\s+\w+\s*\?\s*$", re.IGNORECASE)
_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-zA-Z]+")
# A person's handle, as changelogs credit them ("by @romirk"); not an e-mail address's domain.
_HANDLE = re.compile(r"(?<![\w.@])@[A-Za-z][\w-]*")


def asks_version(question: str) -> bool:
    return _ASKS_VERSION.search(question) is not None


def expected_type(question: str) -> str | None:
    if _ASKS_NUMBER.search(question) or asks_version(question):
        return "number"
    if _ASKS_DATE.search(question):
        return "date"
    if _ASKS_NAME.search(question):
        return "name"
    return None


def type_present(kind: str, question: str, candidate: str) -> bool:
    """The candidate holds something of the asked type that the question does not."""
    if kind == "number":
        return bool(numbers(candidate) - numbers(question))
    if kind == "date":
        return has_date(candidate) and bool(numbers(candidate) - numbers(question) or not has_date(question))
    q_words = {w.lower() for w in _CAPITALISED.findall(question) + _HANDLE.findall(question)}
    names = _CAPITALISED.findall(candidate) + _HANDLE.findall(candidate)
    return any(w.lower() not in q_words for w in names)


def dates_version(asked: str | None, question: str, candidate: str) -> bool:
    """A "when" question names a version and the candidate names it too, with a date."""
    named = versions(question)
    return asked == "date" and bool(named & versions(candidate)) and has_date(candidate)


def other_version(question: str, candidate: str) -> bool:
    """The question names a version and the candidate names only others."""
    asked = versions(question)
    named = versions(candidate)
    return bool(asked and named) and not asked & named


# What may stand before an entry's name: list and table markup, quotes, code marks.
_ENTRY_MARKUP = " \t`*|#>'\"•"


def opens_with_asked(question: str, candidate: str, key: str = "") -> bool:
    """The candidate is the entry of a name the question gives: it opens with the name, or
    its key (a row's first cell, a field's name) mentions it."""
    names = exact_names(question)
    head = candidate.lstrip(_ENTRY_MARKUP).lower()
    return any(mention_pattern(n).match(head) for n in names) or mentions_any(key, names)


_KEY_SPLIT = re.compile(r"[_\W]+")

# An optional part of a usage line, one level of nesting ("[--gamma red[:green:blue]]"); not a
# Markdown link's text or label ("[docs](https://…)", "[5.3.1]: https://…").
_OPTIONAL = re.compile(r"\[[^\[\]\n]{0,60}(?:\[[^\[\]\n]{0,30}\][^\[\]\n]{0,30})*\](?![(:])")
# What a usage line holds besides its optional parts: the program, a subcommand, a required
# argument or two.
USAGE_WORDS = 5


def usage_line(candidate: str) -> bool:
    """A command's synopsis: optional parts in brackets and at most a few words besides, with
    no sentence end ("xdg-desktop-menu install [--noupdate] [--mode mode] desktop-file(s)")."""
    text = candidate.strip()
    if not text or text[-1] in ".:?!" or _OPTIONAL.search(text) is None:
        return False
    return len(_OPTIONAL.sub(" ", text).split()) <= USAGE_WORDS


def key_terms(key: str) -> set[str]:
    """The stemmed words of a row's first cell or a field's name (Span.key), snake_case split."""
    return set(content_terms(_KEY_SPLIT.sub(" ", key)))


@lru_cache(maxsize=4096)
def _term_set(text: str, *, drop_question_words: bool = False) -> frozenset[str]:
    """content_terms as a set, cached: a question and each passage are read once per candidate."""
    return frozenset(content_terms(text, drop_question_words=drop_question_words))


def own_terms(candidate: str, title: str = "") -> frozenset[str]:
    """A candidate's content terms with those of its section's title (an item's, a row's:
    rag.answering.subjects.item_title): the words the lexical prefilter and the coverage
    feature count as its own."""
    terms = _term_set(candidate)
    return terms | _term_set(title) if title else terms


def covered(weights: Mapping[str, float], terms: AbstractSet[str]) -> float:
    """The IDF-weighted share of the question's terms (weights: term -> IDF) found in terms."""
    return sum(w for t, w in weights.items() if t in terms) / (sum(weights.values()) or 1.0)


def features(
    question: str,
    candidate: str,
    context: str,
    probability: float,
    idf: Callable[[str], float],
    *,
    kind: str = "sentence",
    passage: int = 0,
    key: str = "",
    title: str = "",
) -> list[float]:
    """One candidate's feature vector, in FEATURES order. kind and key are the candidate's
    (rag.answering.candidates.Span); passage the rank of its passage."""
    q_terms = _term_set(question, drop_question_words=True)
    weights = {t: idf(t) for t in q_terms}
    c_terms = _term_set(candidate)
    x_terms = _term_set(context) | c_terms
    coverage = covered(weights, own_terms(candidate, title))
    context_coverage = covered(weights, x_terms)
    rarest = max(weights, key=lambda t: (weights[t], t)) if weights else None
    asked = expected_type(question)
    keys = key_terms(key)
    named = set(content_terms(_KEY_SPLIT.sub(" ", question))) | q_terms
    p = min(max(probability, 1e-4), 1 - 1e-4)
    return [
        math.log(p / (1 - p)),
        coverage,
        context_coverage,
        1.0 if rarest is None or rarest in x_terms else 0.0,
        1.0 if asked else 0.0,
        1.0 if asked and type_present(asked, question, candidate) else 0.0,
        math.log1p(len(c_terms - q_terms)),
        1.0 if kind == "heading" and not dates_version(asked, question, candidate) else 0.0,
        1.0 / (1 + passage),
        1.0 if keys else 0.0,
        len(keys & named) / len(keys) if keys else 0.0,
        1.0 if usage_line(candidate) else 0.0,
        1.0 if other_version(question, candidate) else 0.0,
        1.0 if opens_with_asked(question, candidate, key) else 0.0,
    ]


@dataclass(frozen=True)
class CombinedScorer:
    """sigmoid(bias + weights . (x - mean) / scale), the fitted logistic model."""

    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]

    def probabilities(self, rows: Sequence[Sequence[float]]) -> np.ndarray:
        if not rows:
            return np.zeros(0)
        x = (np.asarray(rows, dtype=np.float64) - np.asarray(self.mean)) / np.asarray(self.scale)
        return 1.0 / (1.0 + np.exp(-(x @ np.asarray(self.weights) + self.bias)))

    def to_dict(self) -> dict[str, object]:
        return {
            "features": list(FEATURES),
            "weights": list(self.weights),
            "bias": self.bias,
            "mean": list(self.mean),
            "scale": list(self.scale),
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> CombinedScorer:
        if data.get("features") != list(FEATURES):
            raise ValueError(f"features {data.get('features')} are not {list(FEATURES)}")
        vec = {k: tuple(float(v) for v in data[k]) for k in ("weights", "mean", "scale")}  # type: ignore[attr-defined]
        if any(len(v) != len(FEATURES) for v in vec.values()):
            raise ValueError("weights, mean and scale must have one value per feature")
        return cls(vec["weights"], float(data["bias"]), vec["mean"], vec["scale"])  # type: ignore[arg-type]


def load(model_dir: Path = MODEL_DIR) -> CombinedScorer:
    """The shipped weights, checksum-verified; ModelFileError (one line) when missing or corrupt."""
    path, sums = model_dir / SCORER_FILE, model_dir / SCORER_CHECKSUM
    if not path.is_file() or not sums.is_file():
        missing = path if not path.is_file() else sums
        raise ModelFileError(f"answer scorer file {missing} is missing; rebuild it with `{REFIT}`")
    recorded = sums.read_text().split()[0] if sums.read_text().split() else ""
    if sha256_of(path) != recorded:
        raise ModelFileError(
            f"answer scorer file {path} is corrupt (sha256 differs from {SCORER_CHECKSUM}); "
            f"rebuild it with `{REFIT}`"
        )
    try:
        return CombinedScorer.from_dict(json.loads(path.read_text()))
    except (ValueError, KeyError, TypeError) as err:
        raise ModelFileError(f"answer scorer file {path} is unreadable ({err}); rebuild it with `{REFIT}`") from None


@cache
def shared(model_dir: Path = MODEL_DIR) -> CombinedScorer:
    return load(model_dir)
