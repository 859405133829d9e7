"""The default answerer: no LLM. It quotes the one to three retrieved sentences that best answer
the question, each followed by its [n], and refuses when none supports an answer well enough.

A sentence's score mixes what MiniLM thinks of it (cosine similarity to the question) with
evidence it can count: how much of the question's content it covers, whether it holds the kind
of thing the question asks for (a number for "how many", a name for "who", a date for "when")
that the question itself does not already hold, and how highly its passage was retrieved.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from math import exp

import numpy as np

from rag.answering.base import Draft
from rag.text import (
    content_terms,
    has_date,
    numbers,
    proper_names,
    sentence_spans,
    word_count,
)
from rag.types import Citation, ScoredChunk

EmbedFn = Callable[[list[str]], np.ndarray]

_BULLET = re.compile(r"^[•\-–—*·]\s*")


FEATURES = (
    "similarity",  # cosine(question, sentence), MiniLM
    "context_similarity",  # cosine(question, sentence with its neighbours)
    "coverage",  # IDF-weighted share of the question's terms in the sentence
    "context_coverage",  # the same over the sentence and its neighbours
    "answer_type",  # holds the kind of thing asked for, beyond what the question holds
    "passage_prior",  # 1 / (1 + retrieval rank of its passage)
    "focus_missing",  # 1 when the thing counted ("how many X") is absent from the context
)

# Logistic regression fitted on the 118 questions of evals/benchmarks/seeds_dev.jsonl and
# seeds.jsonl, predicting "this sentence contains the accepted answer" (C=1, balanced classes).
# Features that did not help (names the corpus never mentions, terms it never uses) were
# dropped: paraphrased questions use words the documents do not, so they cost right answers.
DEFAULT_WEIGHTS: dict[str, float] = {
    "similarity": 3.34,
    "context_similarity": 1.01,
    "coverage": 3.17,
    "context_coverage": 0.85,
    "answer_type": 2.26,
    "passage_prior": 2.46,
    "focus_missing": 0.03,
}
DEFAULT_BIAS = -5.81

# A question that asks for a number, a name or a date is only answered by a sentence that holds
# one and whose context covers at least this IDF-weighted share of the question's terms: near
# misses ("how many X were wounded" where the text counts X but not the wounded) are refused.
TYPED_MIN_COVERAGE = 0.4

# A runner-up sentence joins the answer when its log-odds are this close to the best one's.
CLOSE_LOGIT_MARGIN = 1.0


@dataclass
class Candidate:
    passage: int  # index into the ranked passages
    start: int  # offset within the chunk text
    end: int
    text: str
    context: str = ""
    features: dict[str, float] = field(default_factory=dict)
    score: float = 0.0
    logit: float = 0.0
    following: tuple[int, int] | None = None  # the next sentence of the same chunk
    preceding: tuple[int, int] | None = None  # the previous one


@dataclass(frozen=True)
class QuestionFacts:
    weights: dict[str, float]  # the question's content terms and their IDF
    total: float
    names: set[str]
    numbers: set[str]
    want: str | None  # the expected answer type
    focus: set[str]  # what a "how many" question counts


def expected_type(question: str) -> str | None:
    q = question.lower()
    if re.search(r"\bhow (many|much|far|long|large|big|old)\b|\bwhat (number|percentage|share)\b|\bwhat proportion\b", q):
        return "number"
    if re.search(r"\bwhen\b|\bwhat (date|day|year|month|time)\b|\bwhich (date|day|year|month)\b", q):
        return "date"
    if re.search(r"^\s*(who|whom|whose)\b|\bwhat('s| is| was) the name\b|\bwhat (?:is|was) (?:he|she|it) called\b|\bwho (is|was|were|said|says|told)\b|\bwhich (official|person|general|minister|commander|president|adviser|spokesman)\b", q):
        return "name"
    if re.search(r"^\s*where\b|\bwhich (city|town|village|region|country|river|place)\b", q):
        return "place"
    return None


class ExtractiveAnswerer:
    name = "extractive"

    def __init__(
        self,
        embed: EmbedFn,
        *,
        idf: Callable[[str], float] | None = None,
        threshold: float = 0.5,
        max_sentences: int = 3,
        max_words: int = 60,
        weights: dict[str, float] | None = None,
        bias: float = DEFAULT_BIAS,
    ) -> None:
        self.embed = embed
        self.idf = idf or (lambda _t: 1.0)
        self.threshold = threshold
        self.max_sentences = max_sentences
        self.max_words = max_words
        self.weights = weights or DEFAULT_WEIGHTS
        self.bias = bias
        self.typed_min_coverage = TYPED_MIN_COVERAGE
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()

    # ---- Answerer protocol ----------------------------------------------------------------
    def answer(self, question: str, passages: list[ScoredChunk]) -> Draft:
        facts = self.analyse(question)
        ranked = self.rank(question, passages, facts)
        if facts.want is not None:
            names = _place_and_person_names(question)
            ranked = [
                c
                for c in ranked
                if c.features["answer_type"] >= 1.0
                and c.features["context_coverage"] >= self.typed_min_coverage
                and c.features["focus_missing"] == 0.0
                and _mentions_all(passages[c.passage].chunk.text, names)
            ]
        if not ranked or ranked[0].score < self.threshold:
            return Draft.refusal()
        chosen = self._choose(question, facts, ranked, passages)
        return self._draft(chosen, passages)

    def stream(self, question: str, passages: list[ScoredChunk]) -> Iterator[str | Draft]:
        draft = self.answer(question, passages)
        yield draft.text
        yield draft

    # ---- scoring ---------------------------------------------------------------------------
    def rank(
        self, question: str, passages: list[ScoredChunk], facts: QuestionFacts | None = None
    ) -> list[Candidate]:
        """Candidates, best first; score is the probability that the sentence answers."""
        cands = self._candidates(passages)
        if not cands:
            return []
        facts = facts or self.analyse(question)
        for c in cands:
            c.features = self.features(facts, c)
        texts = [question] + [c.text for c in cands] + [c.context for c in cands]
        vecs = self._embed_cached(texts)
        n = len(cands)
        sims = vecs[1 : n + 1] @ vecs[0]
        ctx_sims = vecs[n + 1 :] @ vecs[0]
        for c, sim, ctx in zip(cands, sims, ctx_sims, strict=True):
            c.features["similarity"] = float(sim)
            c.features["context_similarity"] = float(ctx)
            z = self.bias + sum(self.weights[k] * c.features[k] for k in FEATURES)
            c.logit = z
            c.score = 1.0 / (1.0 + exp(-z))
        return sorted(cands, key=lambda c: -c.score)

    def analyse(self, question: str) -> QuestionFacts:
        """What every candidate is compared with; computed once per question."""
        weights = {
            t: self.idf(t) for t in set(content_terms(question, drop_question_words=True))
        }
        return QuestionFacts(
            weights=weights,
            total=sum(weights.values()) or 1.0,
            names=proper_names(question),
            numbers=numbers(question),
            want=expected_type(question),
            focus=_focus_terms(question),
        )

    @staticmethod
    def features(q: QuestionFacts, c: Candidate) -> dict[str, float]:
        """The lexical features of a candidate (the two similarities are added by rank)."""
        s_terms = set(content_terms(c.text))
        ctx_terms = set(content_terms(c.context))
        return {
            "coverage": sum(w for t, w in q.weights.items() if t in s_terms) / q.total,
            "context_coverage": sum(w for t, w in q.weights.items() if t in ctx_terms) / q.total,
            "answer_type": _type_match(q.want, c.text, q.names, q.numbers),
            "passage_prior": 1.0 / (1 + c.passage),
            "focus_missing": 1.0 if q.focus and not (q.focus & ctx_terms) else 0.0,
        }

    def _candidates(self, passages: list[ScoredChunk]) -> list[Candidate]:
        seen: set[tuple[str, int]] = set()
        out: list[Candidate] = []
        for p_i, p in enumerate(passages):
            text = p.chunk.text
            spans = sentence_spans(text)
            for j, (s, e) in enumerate(spans):
                m = _BULLET.match(text[s:e])
                if m:
                    s += m.end()
                sentence = text[s:e]
                if word_count(sentence) < 4:
                    continue
                key = (p.chunk.doc_key or p.chunk.source, p.chunk.start + s)
                if key in seen:
                    continue
                seen.add(key)
                lo, hi = spans[max(0, j - 1)][0], spans[min(len(spans) - 1, j + 1)][1]
                following = spans[j + 1] if j + 1 < len(spans) else None
                preceding = spans[j - 1] if j > 0 else None
                out.append(
                    Candidate(
                        p_i, s, e, sentence, context=text[lo:hi],
                        following=following, preceding=preceding,
                    )
                )
        return out

    def _embed_cached(self, texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing:
            for t, v in zip(missing, self.embed(missing), strict=True):
                self._cache[t] = v
        for t in texts:
            self._cache.move_to_end(t)
        while len(self._cache) > 20000:
            self._cache.popitem(last=False)
        return np.vstack([self._cache[t] for t in texts])

    # ---- choosing and citing ----------------------------------------------------------------
    @staticmethod
    def _continuation(
        question: str, best: Candidate, passages: list[ScoredChunk]
    ) -> Candidate | None:
        """What a quoted person said next: "X said ..." is often followed by the answer itself.

        Only for questions that ask for no number, name or date: those the gate already
        placed in the sentence that holds them.
        """
        if expected_type(question) is not None or best.following is None:
            return None
        if not (_ASKS_WHAT_WAS_SAID.search(question) and _ATTRIBUTION.search(best.text)):
            return None
        s, e = best.following
        text = passages[best.passage].chunk.text[s:e]
        m = _BULLET.match(text)
        if m:
            s += m.end()
        if word_count(text) < 4:
            return None
        return Candidate(best.passage, s, e, text[m.end() if m else 0 :], score=best.score)

    @staticmethod
    def _antecedent(
        question: str, best: Candidate, passages: list[ScoredChunk]
    ) -> Candidate | None:
        """Who "he" is: for a who-question answered by "..., he said", the sentence before
        names the speaker."""
        if expected_type(question) != "name" or best.preceding is None:
            return None
        if not _PRONOUN_ATTRIBUTION.search(best.text):
            return None
        s, e = best.preceding
        text = passages[best.passage].chunk.text[s:e]
        if word_count(text) < 4:
            return None
        return Candidate(best.passage, s, e, text, score=best.score, logit=best.logit)

    def _choose(
        self,
        question: str,
        facts: QuestionFacts,
        ranked: list[Candidate],
        passages: list[ScoredChunk],
    ) -> list[Candidate]:
        """The best sentence, plus close runners-up or ones that cover what it leaves out.

        A second sentence earns its place by score (nearly as likely to answer) or by adding
        question terms the first lacks ("... and which river?" answered from another document).
        """
        best = ranked[0]
        chosen = [best]
        words = word_count(best.text)
        before = self._antecedent(question, best, passages)
        if before is not None and words + word_count(before.text) <= self.max_words:
            chosen.insert(0, before)
            words += word_count(before.text)
        nxt = self._continuation(question, best, passages)
        # A quotation is worth a longer answer: it is what the question asked for.
        if nxt is not None and words + word_count(nxt.text) <= self.max_words + 20:
            chosen.append(nxt)
            words += word_count(nxt.text)
        weights, total = facts.weights, facts.total
        covered = set(content_terms(best.text)) & set(weights)
        for c in ranked[1 : self.max_sentences * 4]:
            if len(chosen) >= self.max_sentences:
                break
            if any(c.passage == x.passage and c.start == x.start for x in chosen):
                continue
            if words + word_count(c.text) > self.max_words:
                continue
            adds = set(content_terms(c.text)) & set(weights) - covered
            gain = sum(weights[t] for t in adds) / total
            # Compared as log-odds: probabilities near 1 all look "close".
            close = c.logit >= best.logit - CLOSE_LOGIT_MARGIN
            complements = gain >= 0.25 and c.score >= self.threshold * 0.6
            if close or complements:
                chosen.append(c)
                words += word_count(c.text)
                covered |= adds
        return chosen

    def _draft(self, chosen: list[Candidate], passages: list[ScoredChunk]) -> Draft:
        citations: list[Citation] = []
        parts: list[str] = []
        for n, c in enumerate(chosen, start=1):
            chunk = passages[c.passage].chunk
            citations.append(
                Citation(
                    n=n,
                    source=chunk.source,
                    chunk_id=chunk.id,
                    text=c.text,
                    start=chunk.start + c.start,
                    end=chunk.start + c.end,
                    score=round(c.score, 4),
                )
            )
            parts.append(f"{c.text} [{n}]")
        return Draft(text=" ".join(parts), abstained=False, citations=citations)


_ASKS_WHAT_WAS_SAID = re.compile(
    r"\b(say|said|says|call|called|describe|described|compare|compared|according to|tell|told|"
    r"warn|warned|claim|claimed|predict|predicted|reason|explain|explained|add|added)\b",
    re.IGNORECASE,
)
_PRONOUN_ATTRIBUTION = re.compile(
    r"\b(he|she|they)\s+(said|says|told|added|wrote|warned)\b|\b(said|says|added)\s+(he|she|they)\b",
    re.IGNORECASE,
)
_ATTRIBUTION = re.compile(r"\b(said|says|told|added|warned|wrote|according to)\b|[:“\"]")

_FOCUS = re.compile(
    r"\bhow (?:many|much)\s+((?:[\w'-]+\s+){0,3}?[\w'-]+?)\s+(?:were|was|are|is|did|do|does|had|has|have|will|would|could|can)\b",
    re.IGNORECASE,
)


def _focus_terms(question: str) -> set[str]:
    """The stems of what a "how many/much" question counts: "how many civilians were ..."."""
    m = _FOCUS.search(question)
    return set(content_terms(m.group(1))) if m else set()


# Nationality words name no place or person the text must repeat: "American" is "U.S." there.
_DEMONYMS = frozenset(
    "american british english european western eastern northern southern russian ukrainian "
    "soviet nato western-backed pro-russian pro-moscow moscow-installed kremlin-backed".split()
)


_SECOND_QUESTION = re.compile(
    r",? and (?:(?:in|on|to|over|at|from|for) )?(?:which|what|where|who|whom|when|how)\b", re.I
)


def _place_and_person_names(question: str) -> set[str]:
    """Names the answering passage must mention; none for a two-part question, whose parts
    may be answered by different documents."""
    if _SECOND_QUESTION.search(question):
        return set()
    return {n for n in proper_names(question) if n not in _DEMONYMS and len(n) > 2}


def _mentions_all(text: str, names: set[str]) -> bool:
    low = text.lower()
    return all(n in low for n in names)


def _type_match(want: str | None, sentence: str, q_names: set[str], q_numbers: set[str]) -> float:
    if want is None:
        return 0.5
    if want == "number":
        return 1.0 if numbers(sentence) - q_numbers else 0.0
    if want == "date":
        return 1.0 if has_date(sentence) else 0.0
    # A name or a place the question does not already contain.
    return 1.0 if proper_names(sentence) - q_names else 0.0
