"""Check a generated answer sentence by sentence against the passages it cites.

A sentence survives only if it cites a passage that exists, that passage is close to it
in meaning and wording, and every number and proper name in it occurs in what it cites.
Small models invent numbers and names while staying on topic, so similarity alone would
let exactly the most harmful errors through; the exact-match checks close that gap.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from rag import markers
from rag.answering.base import NOT_FOUND
from rag.injection import looks_like_instruction
from rag.protocols import EmbedFn
from rag.text import content_terms, numbers, proper_names, sentence_spans, stem, words
from rag.types import Chunk, Citation, ScoredChunk, SentenceCheck

Mode = Literal["drop", "mark"]

SupportFn = Callable[[str, str], float]
"""support(claim, passage_text) -> score in [0, 1]; what auto-citation ranks passages by.

None means the verifier's own score (MiniLM similarity mixed with term recall); a learned
cross-encoder can be passed instead without touching the checks around it."""

# A sentence is kept when its support score reaches this. With all-MiniLM-L6-v2 the score
# (mean of cosine and term recall) measured 0.52-0.95 on faithful paraphrases and 0.04-0.52
# on related but different claims, so 0.5 keeps nearly all paraphrases; what slips through
# is on topic, and the number and name checks below catch the usual inventions. Without
# embeddings the score is term recall alone, which drops more paraphrases but the same lies.
DEFAULT_THRESHOLD = 0.5
COSINE_WEIGHT = 0.5
# A second passage cited next to a supporting one is kept only if it supports the
# sentence at least this fraction of the threshold, or holds one of its numbers or names.
EXTRA_CITATION_RATIO = 0.5
UNSUPPORTED_MARK = " [unsupported]"
INSTRUCTION_ONLY = "its only support is an instruction inside a document"
CITATION_ADDED = "citation added by rag"
# Fewer words than this assert nothing a citation could back ("Answer:", "Eiffel Tower.").
MIN_CLAIM_WORDS = 3
_STOP_AT_END = re.compile(r"[.!?…]+[\"'”’)\]]*\s*$")

# Markers written after the full stop ("claim.[1]"): the grammar is rag.markers'.
_MARKER_AFTER_STOP = re.compile(
    r"([.!?])((?:[ \t]*" + markers.MARKER.pattern + r")+)", re.IGNORECASE
)
_BULLET = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)])\s+")
_CONDITIONAL = re.compile(r"^\W*(?:if|when|unless)\b", re.IGNORECASE)
_NOT_A_NUMBER = re.compile(r"\bones?\b", re.IGNORECASE)

# Words that open a sentence with a capital without being names.
# fmt: off
_DISCOURSE = frozenset(
    {
        "however", "therefore", "thus", "hence", "overall", "additionally", "moreover",
        "furthermore", "meanwhile", "instead", "although", "though", "since", "while", "yes",
        "today", "currently", "first", "second", "third", "finally", "later", "initially",
        "originally", "specifically", "unlike", "despite", "following", "besides", "also",
    }
)
# fmt: on

_ABOUT_SOURCES = r"(?:passages?|documents?|context|texts?|sources?|information(?: provided)?)"
_STRONG_REFUSALS = [
    re.compile(
        _ABOUT_SOURCES + r"\b.*\b(?:do|does|did)\s*(?:not|n't)\s+"
        r"(?:contain|mention|say|state|include|provide|specify|answer|cover|discuss)",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:not|never)\s+(?:mentioned|stated|specified|provided|given|found|included)\s+"
        r"in\s+(?:the|these|any)\s+" + _ABOUT_SOURCES,
        re.IGNORECASE,
    ),
    re.compile(r"\bi\s+(?:do\s+not|don't|don’t|cannot|can't|can’t)\s+know\b", re.IGNORECASE),
    re.compile(r"\b(?:there is|there's)\s+no\s+information\b", re.IGNORECASE),
    re.compile(
        r"\b(?:i|we)\s+(?:cannot|can't|can’t|am unable to|are unable to)\s+"
        r"(?:answer|determine|find|tell)\b",
        re.IGNORECASE,
    ),
]
# Phrases that are refusals only when the sentence cites nothing, since a cited sentence
# like "The cause was not mentioned in the inquiry [2]" can be a real claim.
_WEAK_REFUSALS = [
    re.compile(r"\bnot\s+(?:mentioned|stated|specified|known|provided)\b", re.IGNORECASE),
    re.compile(r"\b(?:there is|there's|there are)\s+no\s+(?:mention|details?)\b", re.IGNORECASE),
    re.compile(r"\bno\s+(?:information|mention)\s+(?:of|about|on)\b", re.IGNORECASE),
]


@dataclass
class Verified:
    """The surviving answer, its citations, and the verdict on every sentence.

    checks[i].cited holds the passage numbers as the model wrote them (1-based positions
    in `passages`); the numbers in `text` and `citations` are the renumbered ones.
    """

    text: str
    citations: list[Citation]
    checks: list[SentenceCheck]
    refusal: bool = False

    @property
    def supported(self) -> bool:
        """True when at least one sentence of the answer passed."""
        return any(c.supported for c in self.checks)


@dataclass
class _Unit:
    """One sentence of the answer, as written, with the passage numbers it cites."""

    raw: str
    newline_before: bool
    cited: list[int]
    claim: str


@dataclass
class _Support:
    """How well one passage supports one claim: score and its best sentence."""

    passage: int
    score: float  # with the terms of all passages the sentence cites pooled
    own: float  # with this passage's terms alone
    span: tuple[int, int]


@dataclass
class _Verdict:
    check: SentenceCheck
    supports: list[_Support] = field(default_factory=list)
    kept: list[int] = field(default_factory=list)


@dataclass
class _Context:
    """What judging any one sentence needs to know about the whole answer."""

    views: dict[int, _View]
    n_passages: int
    titles: set[frozenset[str]]
    threshold: float


@dataclass
class _View:
    """A cited passage prepared once per verification: sentences, terms, facts, vectors."""

    chunk: Chunk
    spans: list[tuple[int, int]]
    sentence_terms: list[set[str]]
    terms: set[str]
    numbers: set[str]
    vocabulary: set[str]
    vectors: np.ndarray | None = None


def verify(
    answer_text: str,
    passages: list[ScoredChunk],
    embed: EmbedFn | None,
    mode: Mode = "drop",
    threshold: float = DEFAULT_THRESHOLD,
    *,
    support: SupportFn | None = None,
    auto_cite: bool = True,
) -> Verified:
    """Keep (or mark) only the sentences the passages support; renumber citations.

    With auto_cite, a claim that cites nothing, a passage that does not exist, or a passage
    that does not support it is checked against every retrieved passage; the best one that
    passes the same checks becomes its citation (SentenceCheck.added_citation).
    """
    units = _units(answer_text)
    refusals = [is_refusal(u.claim, bool(u.cited)) for u in units]
    views = _views(units, passages)
    claim_vectors = _embed_all(units, views, refusals, embed)
    context = _Context(views, len(passages), _titles(passages), threshold)
    verdicts = [
        _refusal_verdict(u) if refused else _judge(u, context, claim_vectors.get(i))
        for i, (u, refused) in enumerate(zip(units, refusals, strict=True))
    ]
    if auto_cite:
        _auto_cite(units, verdicts, refusals, passages, context, claim_vectors, embed, support)
    kept = [
        (u, v)
        for u, v, refused in zip(units, verdicts, refusals, strict=True)
        if not refused and (v.check.supported or mode == "mark")
    ]
    numbering = _numbering(kept)
    text = _render(kept, numbering)
    citations = _citations(kept, numbering, passages)
    any_supported = any(v.check.supported for v in verdicts)
    return Verified(
        text=text,
        citations=citations,
        checks=[v.check for v in verdicts],
        # Only a reply that opens with a refusal is one; a refusal-like sentence further on
        # is usually an echo of the prompt's own instruction by a weak model.
        refusal=bool(refusals) and refusals[0] and not any_supported,
    )


def is_refusal(sentence: str, cites: bool = False) -> bool:
    """Whether a sentence says the passages lack the answer rather than answering."""
    text = " ".join(sentence.split())
    if not text:
        return False
    if text.rstrip(".").lower() == NOT_FOUND.rstrip(".").lower():
        return True
    if _CONDITIONAL.match(text):
        return False  # "If the passages do not contain…" states a rule, not a refusal.
    if any(p.search(text) for p in _STRONG_REFUSALS):
        return True
    return not cites and any(p.search(text) for p in _WEAK_REFUSALS)


# ---- splitting ---------------------------------------------------------------------------


def _units(answer_text: str) -> list[_Unit]:
    # "claim.[1] Next" would otherwise stay one sentence: the splitter needs space after
    # the stop, and a marker after the stop belongs to the sentence before it.
    text = _markers_before_stop(answer_text)
    units: list[_Unit] = []
    prev_end = 0
    for s, e in sentence_spans(text):
        raw = text[s:e]
        newline = "\n" in text[prev_end:s]
        prev_end = e
        claim = _claim_text(raw)
        if not claim and units:
            # A marker on a line of its own cites the sentence before it.
            units[-1] = _merge(units[-1], raw)
            continue
        units.append(_Unit(raw, newline, markers.parse(raw), claim))
    return units


def _markers_before_stop(text: str) -> str:
    return _MARKER_AFTER_STOP.sub(lambda m: " " + m.group(2).strip() + m.group(1), text)


def _merge(unit: _Unit, marker_text: str) -> _Unit:
    raw = _markers_before_stop(f"{unit.raw} {marker_text.strip()}")
    return _Unit(raw, unit.newline_before, markers.parse(raw), unit.claim)


def _claim_text(raw: str) -> str:
    return _BULLET.sub("", markers.strip(raw)).strip()


# ---- passages and embeddings -------------------------------------------------------------


def _views(units: list[_Unit], passages: list[ScoredChunk]) -> dict[int, _View]:
    cited = {n for u in units for n in u.cited if 1 <= n <= len(passages)}
    return {n: _view(passages[n - 1].chunk) for n in sorted(cited)}


def _view(chunk: Chunk) -> _View:
    spans = sentence_spans(chunk.text) or [(0, len(chunk.text))]
    # A document's instructions to the assistant are data, never evidence: their words,
    # numbers and names cannot support a claim ("answer that the capital is Berlin").
    spans = [(s, e) for s, e in spans if not looks_like_instruction(chunk.text[s:e])]
    full = "\n".join([chunk.title, *(chunk.text[s:e] for s, e in spans)])
    vocab = set(words(full))
    return _View(
        chunk=chunk,
        spans=spans,
        sentence_terms=[set(content_terms(chunk.text[s:e])) for s, e in spans],
        terms=set(content_terms(full)),
        numbers=numbers(full),
        vocabulary=vocab | {stem(w) for w in vocab},
    )


def _embed_all(
    units: list[_Unit], views: dict[int, _View], refusals: list[bool], embed: EmbedFn | None
) -> dict[int, np.ndarray]:
    """One embedding call for all claims and cited sentences: batching is what is cheap."""
    claims = [i for i, u in enumerate(units) if u.claim and u.cited and not refusals[i]]
    if embed is None or not claims or not views:
        return {}
    sentences = [v.chunk.text[s:e] for v in views.values() for s, e in v.spans]
    vectors = np.asarray(embed([units[i].claim for i in claims] + sentences), dtype=np.float32)
    offset = len(claims)
    for v in views.values():
        v.vectors = vectors[offset : offset + len(v.spans)]
        offset += len(v.spans)
    return {i: vectors[k] for k, i in enumerate(claims)}


# ---- judging one sentence ----------------------------------------------------------------


def _refusal_verdict(unit: _Unit) -> _Verdict:
    return _Verdict(SentenceCheck(unit.raw, False, unit.cited, 0.0, "refusal"))


def _titles(passages: list[ScoredChunk]) -> set[frozenset[str]]:
    return {frozenset(content_terms(p.chunk.title)) for p in passages} - {frozenset()}


def _judge(unit: _Unit, context: _Context, vector: np.ndarray | None) -> _Verdict:
    views, threshold = context.views, context.threshold
    valid = [n for n in unit.cited if 1 <= n <= context.n_passages]
    problem = _form_problem(unit, valid, context.titles)
    if problem:
        return _Verdict(SentenceCheck(unit.raw, False, unit.cited, 0.0, problem))
    valid = [n for n in valid if views[n].spans]
    if not valid:
        return _Verdict(SentenceCheck(unit.raw, False, unit.cited, 0.0, INSTRUCTION_ONLY))
    # Passage-level recall pools all cited passages: one sentence may draw on several.
    pooled = set().union(*(views[n].terms for n in valid))
    supports = sorted(
        (_support(unit.claim, n, views[n], pooled, vector) for n in valid),
        key=lambda s: -s.own,
    )
    score = max(s.score for s in supports)
    missing = _missing_facts(unit.claim, [views[n] for n in valid])
    reason = missing or (
        "" if score >= threshold else f"weak support ({score:.2f} < {threshold:.2f})"
    )
    check = SentenceCheck(unit.raw, not reason, unit.cited, score, reason)
    kept = _kept_citations(unit.claim, supports, views, threshold)
    return _Verdict(check, supports, kept)


def _form_problem(unit: _Unit, valid: list[int], titles: set[frozenset[str]]) -> str:
    if not unit.cited:
        return "no citation"
    if not valid:
        bad = "".join(f"[{n}]" for n in unit.cited)
        return f"cites a passage that does not exist: {bad}"
    if unit.claim.rstrip().endswith("?"):
        return "a question, not a claim"
    # Models echo the prompt's "[n] Title" headers; a bare title asserts nothing.
    if frozenset(content_terms(unit.claim)) in titles:
        return "a passage title, not a claim"
    return ""


def _support(
    claim: str, n: int, view: _View, pooled_terms: set[str], vector: np.ndarray | None
) -> _Support:
    """Best sentence of a passage for a claim; term recall counts half sentence, half passage."""
    terms = set(content_terms(claim))
    cosines = view.vectors @ vector if vector is not None and view.vectors is not None else None

    def score(j: int, passage_recall: float) -> float:
        lexical = 0.5 * _recall(terms, view.sentence_terms[j]) + 0.5 * passage_recall
        if cosines is None:
            return lexical
        return COSINE_WEIGHT * float(cosines[j]) + (1 - COSINE_WEIGHT) * lexical

    own, pooled = _recall(terms, view.terms), _recall(terms, pooled_terms)
    best = max(range(len(view.spans)), key=lambda j: (score(j, own), -j))
    return _Support(n, score(best, pooled), score(best, own), view.spans[best])


def _recall(terms: set[str], found: set[str]) -> float:
    return len(terms & found) / len(terms) if terms else 0.0


def _required_facts(claim: str) -> tuple[set[str], set[str]]:
    # "one" is far more often a pronoun ("one of the") than a quantity.
    nums = numbers(_NOT_A_NUMBER.sub(" ", claim))
    names = proper_names(claim)
    first = words(claim[:40])[:1]
    if first and first[0] in _DISCOURSE:
        names.discard(first[0])
    return nums, names


def _missing_facts(claim: str, views: Sequence[_View]) -> str:
    nums, names = _required_facts(claim)
    have_numbers = set().union(*(v.numbers for v in views))
    vocabulary = set().union(*(v.vocabulary for v in views))
    missing_numbers = sorted(nums - have_numbers)
    if missing_numbers:
        return f"number {', '.join(missing_numbers)} not in the cited passage"
    missing_names = sorted(w for w in names if w not in vocabulary and stem(w) not in vocabulary)
    if missing_names:
        return f"name {', '.join(missing_names)} not in the cited passage"
    return ""


def _kept_citations(
    claim: str, supports: list[_Support], views: dict[int, _View], threshold: float
) -> list[int]:
    """Drop extra citations that add nothing, so each [n] shown points at real support."""
    nums, names = _required_facts(claim)
    kept = [supports[0].passage]
    for s in supports[1:]:
        view = views[s.passage]
        adds_fact = bool(nums & view.numbers) or any(w in view.vocabulary for w in names)
        if s.own >= EXTRA_CITATION_RATIO * threshold or adds_fact:
            kept.append(s.passage)
    return kept


# ---- auto-citation ------------------------------------------------------------------------


def _auto_cite(
    units: list[_Unit],
    verdicts: list[_Verdict],
    refusals: list[bool],
    passages: list[ScoredChunk],
    context: _Context,
    claim_vectors: dict[int, np.ndarray],
    embed: EmbedFn | None,
    support: SupportFn | None,
) -> None:
    """Give each failed claim the retrieved passage that supports it, if one does (in place).

    Small models often state a fact the passages hold but forget the [n], or cite the
    neighbouring passage; dropping such a claim throws away a right answer.
    """
    rescue = [
        i
        for i, (u, v, refused) in enumerate(zip(units, verdicts, refusals, strict=True))
        if not refused and not v.check.supported and _is_claim(u.claim, context.titles)
    ]
    if not rescue:
        return
    for n in range(1, len(passages) + 1):
        if n not in context.views:
            context.views[n] = _view(passages[n - 1].chunk)
    if support is None:
        missing = [i for i in rescue if i not in claim_vectors]
        _embed_missing(missing, units, context, embed, claim_vectors)
    for i in rescue:
        found = _best_passage(units[i], context, claim_vectors.get(i), support)
        if found is not None:
            units[i], verdicts[i] = found


def _is_claim(claim: str, titles: set[frozenset[str]]) -> bool:
    """Worth a citation: a statement of a few words, not a question or an echoed title."""
    if len(words(claim)) < MIN_CLAIM_WORDS or claim.rstrip().endswith("?"):
        return False
    return frozenset(content_terms(claim)) not in titles


def _embed_missing(
    claims: list[int],
    units: list[_Unit],
    context: _Context,
    embed: EmbedFn | None,
    claim_vectors: dict[int, np.ndarray],
) -> None:
    """Embed, in one call, the claims and passage sentences the first pass did not need."""
    if embed is None:
        return
    views = [v for v in context.views.values() if v.vectors is None and v.spans]
    texts = [units[i].claim for i in claims]
    texts += [v.chunk.text[s:e] for v in views for s, e in v.spans]
    if not texts:
        return
    vectors = np.asarray(embed(texts), dtype=np.float32)
    for k, i in enumerate(claims):
        claim_vectors[i] = vectors[k]
    offset = len(claims)
    for v in views:
        v.vectors = vectors[offset : offset + len(v.spans)]
        offset += len(v.spans)


def _best_passage(
    unit: _Unit, context: _Context, vector: np.ndarray | None, support: SupportFn | None
) -> tuple[_Unit, _Verdict] | None:
    """The best-supporting passage that also holds the claim's numbers and names."""
    best: tuple[float, int, _Support] | None = None
    for n, view in sorted(context.views.items()):
        if not view.spans:
            continue  # only instructions: never evidence
        found = _support(unit.claim, n, view, view.terms, vector)
        if support is None:
            score = found.own
        else:
            score = support(unit.claim, " ".join(view.chunk.text[s:e] for s, e in view.spans))
        if score < context.threshold or _missing_facts(unit.claim, [view]):
            continue
        if best is None or score > best[0]:
            best = (score, n, found)
    if best is None:
        return None
    score, n, found = best
    raw = _with_marker(unit.raw, n)
    check = SentenceCheck(raw, True, [n], score, CITATION_ADDED, added_citation=True)
    return _Unit(raw, unit.newline_before, [n], unit.claim), _Verdict(check, [found], [n])


def _with_marker(raw: str, n: int) -> str:
    """The sentence with the model's markers replaced by [n], before its final stop."""
    bare = markers.renumber(raw, lambda _old: None)
    stop = _STOP_AT_END.search(bare)
    if stop is None:
        return f"{bare} {markers.format_marker(n)}"
    return f"{bare[: stop.start()]} {markers.format_marker(n)}{bare[stop.start() :]}"


# ---- output --------------------------------------------------------------------------------


def _numbering(kept: list[tuple[_Unit, _Verdict]]) -> dict[int, int]:
    """Old passage number -> new marker number, in order of first use in the kept text."""
    numbering: dict[int, int] = {}
    for unit, verdict in kept:
        for n in unit.cited:
            if n in verdict.kept and n not in numbering:
                numbering[n] = len(numbering) + 1
    return numbering


def _render(kept: list[tuple[_Unit, _Verdict]], numbering: dict[int, int]) -> str:
    parts: list[str] = []
    for unit, verdict in kept:
        sentence = _renumber(unit.raw, verdict.kept, numbering)
        if not verdict.check.supported:
            sentence += UNSUPPORTED_MARK
        if parts:
            parts.append("\n" if unit.newline_before else " ")
        parts.append(sentence)
    return "".join(parts).strip()


def _renumber(raw: str, allowed: list[int], numbering: dict[int, int]) -> str:
    return markers.renumber(raw, lambda n: numbering.get(n) if n in allowed else None)


def _citations(
    kept: list[tuple[_Unit, _Verdict]], numbering: dict[int, int], passages: list[ScoredChunk]
) -> list[Citation]:
    best: dict[int, _Support] = {}
    for _, verdict in kept:
        for sup in verdict.supports:
            if sup.passage in numbering and (
                sup.passage not in best or sup.own > best[sup.passage].own
            ):
                best[sup.passage] = sup
    citations = []
    for old, new in sorted(numbering.items(), key=lambda kv: kv[1]):
        chunk = passages[old - 1].chunk
        s, e = best[old].span
        citations.append(Citation.from_span(new, chunk, s, e, best[old].own))
    return citations
