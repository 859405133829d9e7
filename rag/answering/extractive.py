"""The default answerer: no LLM. It quotes the one to three retrieved candidates (sentences, list
items, table rows, short lines) that a learned cross-encoder finds most likely to answer the
question, each followed by its [n], and refuses when none is likely enough.

Pipeline per question: refuse a question off the passages' topic (off_topic) -> candidates from
the retrieved chunks (rag.answering.candidates, cached per chunk, non-answers dropped) -> a cheap
lexical prefilter to the best `prefilter` -> the cross-encoder (rag.answering.crossencoder) on
those -> the combined scorer -> refuse when the confidence (`confidence`) is below
`threshold`, else the best candidates, each with what completes its entry of a reference
(rag.answering.entries: its name, its default, its setting line).
The threshold is chosen on dev data (evals/README.md), never on the reported benchmark.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import replace
from functools import cache
from itertools import pairwise
from typing import Protocol

import numpy as np

from rag import markers
from rag.answering import candidates as cands
from rag.answering import compound, layout, subjects
from rag.answering.acronyms import with_other_forms
from rag.answering.base import Draft
from rag.answering.candidate import Candidate, contains, document_of, overlaps
from rag.answering.entries import completion, entry_lead, with_entry_name
from rag.answering.scorer import CombinedScorer, asks_version, covered, expected_type, own_terms
from rag.answering.scorer import features as scorer_features
from rag.injection import looks_like_instruction
from rag.text import (
    LETTER_OR_DIGIT,
    content_terms,
    document_name_terms,
    exact_names,
    heading_text,
    identifiers,
    mention_pattern,
    mentions_any,
    numbers,
    only_a_date,
    versions,
    word_count,
)
from rag.types import HEADING_SEPARATOR, Chunk, Citation, ScoredChunk

# Chosen on dev by scripts/choose_threshold.py: on seeds_dev.jsonl + docs_dev.jsonl, the threshold
# on the confidence (below) that handles the most questions well (answered right or,
# unanswerable, refused) with at most 5% wrong refusals, pooled and on each file (0.10 in the
# twenty-second round, with the answer model retrained and the scorer refit: 11 wrong refusals in
# 256, 16 of 48 unanswerable refused on docs_dev; 0.09 in the twenty-third, on docs_dev's 912
# questions, by a hair: one question more handled well than at 0.10; 0.11 in the twenty-sixth,
# with fusion at 0.75 over 60 candidates and the scorer refit: 4 more handled well than at 0.09,
# docs_dev 4.8% wrong refusals; 0.12 in the twenty-eighth, on docs_dev's 2,120: two more handled
# well than at 0.11; 0.11 again in the twenty-ninth, on docs_dev's 2,880: as many handled well as
# at 0.12, and of equals the lowest; 0.12 in the thirtieth, on docs_dev's 3,032 with the scorer
# refit: one more handled well than at 0.11; 0.13 in the thirty-third, the answer model
# retrained, on the 2,736 docs_dev kept: three more handled well than at 0.12; 0.14 in the
# thirty-fourth, the scorer refit, on docs_dev's 3,344: three more handled well than at 0.13;
# 0.11 in the thirty-ninth, the answer model retrained, on the 2,736 docs_dev kept: the highest
# within 5% wrong refusals; 0.12 in the forty-fourth, on the 2,280 docs_dev questions from
# docs-dev-8492: one more handled well than at 0.11; 0.11 in the forty-fifth, on the 2,280 from
# docs-dev-8796: as many as at 0.10 and 0.12, where 0.10 answers a seeds boilerplate question
# that must be refused; 0.12 in the forty-sixth, on the 2,584 from docs-dev-8796: three more
# than at 0.11; 0.11 in the fifty-first, on the 3,192 from docs-dev-9708: 0.12 has 5.4% wrong
# refusals, over the limit). The setting `answering.threshold` overrides it.
DEFAULT_THRESHOLD = 0.11
# The answer's confidence is the combined score of the best candidate, or the cross-encoder's own
# probability for it times this, whichever is higher. The combined score sinks far below the
# model's when a question is asked in other words and its passage ranks low (libxml2's "All code
# must conform to C89": model 0.165, combined 0.008, refused). Chosen on seeds_dev + docs_dev's
# first 1,499 questions with the threshold rule above at each weight (seventeenth round), by a
# sweep that left out 0.9: scripts/choose_model_weight.py, over 0 to 1 by 0.1, prefers 0.9 at
# 0.08 (eighteenth round, all 1,691 dev questions: 1,248 handled well against 0.8's 1,247 at
# 0.07). Adopted in the eighteenth round and reverted: on seeds.jsonl it failed the regression
# gate on wrong refusals (0.100 against the floor's 0.09; 0.050 at 0.8 / 0.07), for a one-question
# gain on dev that had itself cost 9 more wrong refusals there (README).
MODEL_WEIGHT = 0.8
# Candidates the cross-encoder reads per question, one run each (1–11 ms on 2 cores), as the
# setting answering.candidates chooses them (rag.settings.AnsweringSettings).
DEFAULT_PREFILTER = 24

# A question no retrieved passage shares a word with, and none is near in meaning (dense
# similarity below this), is off the documents' topic and refused: the combined scorer was fitted
# on passages that share the question's words, and outside them its score means nothing ("What
# is the capital of France?" over a shop's FAQ had quoted the refund policy). 0.20 is below the
# best passage's similarity of every answerable dev question (lowest 0.218 of 322, seeds_dev +
# docs_dev + squad_dev); no dev question lacks a shared word, so no dev answer changes.
OFF_TOPIC_SIMILARITY = 0.20

# Words an answer may quote (the answering.max_words setting's default, rag/settings.py).
DEFAULT_MAX_WORDS = 70

# A runner-up joins the answer when it is at least this share of the best probability.
RUNNER_UP_RATIO = 0.15  # the answering.runner_up_ratio setting's default (rag/settings.py)

# The best candidate's paragraph or list item is quoted whole up to this many words: on the dev
# files 45 answered docs_dev 0.795 right against 0.786 at 30 and at 60 (0.768 never), seeds_dev
# 0.821 at all three.
BLOCK_WORDS = 45

# A table of contents' or an index's entry: a title, dot leaders, a page number ("4.3 DER
# functions . . . . . . 15"). It says where the answer is, never what it is, and a PDF manual's
# contents page shares every heading's words with the questions about them.
_DOT_LEADERS = re.compile(r"(?:\.\s?){5,}")
# A README's table of contents: an item that is only a link to a heading of the same page
# ("* [Prevent call thru for all future stubs](#prevent-call-thru-for-all-future-stubs)"). It
# repeats the heading's words, which a question shares, and says nothing under them.
_CONTENTS_LINK = re.compile(r"(?:[-*+•]\s+|\d{1,3}[.)]\s+)?\[[^\]\n]+\]\(#[^)\s]*\)")


# An HTML tag other than a link's: <strong>, <b>, <em>, <code>, <kbd>, …
# Not an address in angle brackets ("John Hawthorn <john@example.org>").
_EMPHASIS_TAG = re.compile(r"</?(?!a\b)[A-Za-z][A-Za-z0-9]*(?:\s[^>\n]*)?>")

# Words and nothing else: no digit, path, option or code.
_PLAIN_WORDS = re.compile(r"[^\W\d_](?:[^\W\d_]|['’ -])*")
# A title or short line of plain words up to this long names a section; it states nothing.
TITLE_WORDS = 4

# An option's spellings as a man page lists them above its text: "-A, --noautoload",
# "-f file, --file=file", "-q --quiet".
_OPTION_WORD = r"(?:--?|\+)[\w?][\w-]*"
_OPTION_SPELLING = re.compile(rf"(?<!\S){_OPTION_WORD}")
# Each spelling may give its argument ("file", "=file").
_ARGUED_SPELLING = rf"{_OPTION_WORD}(?:[ =][^\s,-][^\s,]*)?"
_OPTION_SPELLINGS = re.compile(rf"{_ARGUED_SPELLING}(?:,?\s{_ARGUED_SPELLING})+")

# A question after a thing by name: "Which lint …", "What option …".
_ASKS_WHICH = re.compile(r"\b(?:which|what)\b", re.IGNORECASE)

# A FAQ's question line by its label: "Q: my tar does not recognise .tar.xz files." asks, however
# it ends.
_ASKED = re.compile(r"\s*(?:Q|Question)\s*\d*\s*[:.)]\s", re.IGNORECASE)


class Scorer(Protocol):
    def probabilities(self, question: str, candidates: Sequence[str]) -> np.ndarray: ...


def prefilter_key(coverage: float, passage: int, named: bool = False) -> float:
    """Sort key (ascending) of the lexical prefilter: coverage (over telling_weights) with a
    small bonus for the passage's retrieval rank. Cheap, and the answer nearly always shares a content word with
    the question or its context. A candidate that mentions a name the question gives exactly
    (rag.text.exact_names: an option, a version) comes first: "-u  Equivalent to --sort=no" shares no
    word with "What does the -u option of ctags do?". scripts/fit_scorer.py replays it."""
    return -(coverage + 0.15 / (1 + passage) + (1.0 if named else 0.0))


def telling_weights(weights: dict[str, float], held: Sequence[AbstractSet[str]]) -> dict[str, float]:
    """The question's term weights for choosing among these candidates: a term most of them hold
    tells none apart. archivemount(1)'s lines all say "archivemount", "archive" or "mount", and
    those words of "How do I mount an archive with archivemount so that nothing can be written
    back into it?" had kept "-o readonly  disable write support" out of the prefilter's 24."""
    n = len(held) or 1
    return {t: w * (1 - sum(t in h for h in held) / n) for t, w in weights.items()}


def prefilter_keys(
    weights: dict[str, float], held: Sequence[AbstractSet[str]], passages: Sequence[int], named: Sequence[bool]
) -> list[float]:
    """prefilter_key of each candidate of a pool, from its terms (own_terms), its passage's rank
    and whether it mentions a name the question gives: the answerer's shortlist and
    scripts/fit_scorer.py's replay order a pool by these."""
    telling = telling_weights(weights, held)
    return [
        prefilter_key(covered(telling, terms), rank, mention)
        for terms, rank, mention in zip(held, passages, named, strict=True)
    ]


def confidence(ranked: list[Candidate]) -> float:
    """How sure the answerer is of its best candidate (ranked best first): its combined score,
    or the model's own probability for it times MODEL_WEIGHT when that is higher."""
    if not ranked:
        return 0.0
    return max(ranked[0].score, MODEL_WEIGHT * ranked[0].probability)


class ExtractiveAnswerer:
    name = "extractive"

    def __init__(
        self,
        scorer: Scorer | None = None,
        *,
        combiner: CombinedScorer | None = None,
        idf: Callable[[str], float] | None = None,
        threshold: float = DEFAULT_THRESHOLD,
        max_sentences: int = 3,
        max_words: int = DEFAULT_MAX_WORDS,
        prefilter: int = DEFAULT_PREFILTER,
        threads: int = 2,
        runner_up_ratio: float = RUNNER_UP_RATIO,
    ) -> None:
        self._scorer = scorer
        # With the shipped cross-encoder, its shipped combined scorer; an injected scorer (a
        # test stub) without a combiner is used as it is.
        self._combiner = combiner
        self._combine = combiner is not None or scorer is None
        self.threads = threads
        self.idf = idf or (lambda _t: 1.0)
        self.threshold = threshold
        self.max_sentences = max_sentences
        self.max_words = max_words
        self.prefilter = prefilter
        self.runner_up_ratio = runner_up_ratio
        self._spans: OrderedDict[tuple[str, str], list[tuple[layout.Span, str]]] = OrderedDict()

    @property
    def scorer(self) -> Scorer:
        """The cross-encoder, loaded (and checksum-verified) on first use."""
        if self._scorer is None:
            from rag.answering.crossencoder import shared

            self._scorer = shared(threads=self.threads)
        return self._scorer

    @property
    def combiner(self) -> CombinedScorer | None:
        if self._combine and self._combiner is None:
            from rag.answering.scorer import shared

            self._combiner = shared()
        return self._combiner

    # ---- Answerer protocol ----------------------------------------------------------------
    def answer(self, question: str, passages: list[ScoredChunk]) -> Draft:
        if off_topic(question, passages):
            return Draft.refusal()
        named = {t for p in passages for t in document_name_terms(p.chunk.source)}
        asked = compound.parts(question, named.__contains__)
        if len(asked) > 1:
            return self._answer_parts(question, asked, passages)
        ranked = self.rank(question, passages)
        best = confidence(ranked)
        if not ranked or best < self.threshold:
            draft = Draft.refusal()
            draft.confidence = best
            return draft
        return self._draft(self._choose(ranked, passages), passages, best, question)

    def _answer_parts(self, question: str, asked: list[str], passages: list[ScoredChunk]) -> Draft:
        """Each part's best candidate, quoted once and with its entry's name as in _choose;
        refused when no part's best reaches the threshold. As in _choose, the threshold decides
        whether to answer, not what is quoted."""
        chosen: list[Candidate] = []
        best = 0.0
        pool = cache(lambda: self.candidates(passages))
        picks: list[tuple[list[Candidate], Candidate, Candidate]] = []
        for part in asked:
            others = [o for o in asked if o != part]
            ranked = self.rank(part, passages, about(part, others, passages), self.part_order(part, passages))
            best = max(best, confidence(ranked))
            # A part's best candidate may be the one an earlier part chose (both parts share
            # most words): its best other one answers it.
            fresh = (c for c in ranked if not any(overlaps(c, o) for o in chosen))
            pick = next(fresh, None)
            if pick is not None:
                pick = with_entry_name(whole_block(pick, passages[pick.passage].chunk.text, BLOCK_WORDS), passages)
            if pick is not None and not any(overlaps(pick, o) for o in chosen):
                chosen.extend(self._completed(pick, chosen, pool, passages))
                picks.append((ranked, pick, chosen[-1]))
        for ranked, pick, last in picks:
            # After the pick and what completes its entry.
            runner = self._part_runner_up(ranked, pick, chosen, passages)
            if runner is not None:
                chosen.insert(chosen.index(last) + 1, runner)
        if not chosen or best < self.threshold:
            draft = Draft.refusal()
            draft.confidence = best
            return draft
        return self._draft(chosen, passages, best, question)

    def _part_runner_up(
        self, ranked: list[Candidate], pick: Candidate, quoted: list[Candidate], passages: list[ScoredChunk]
    ) -> Candidate | None:
        """A part's next best candidate in its pick's document, quoted after the pick (and what
        completes its entry) as _choose quotes runners-up after the best: nearly as likely
        (runner_up_ratio of the pick's score), not quoted yet, within the word budget. A part's
        best is often a sentence beside its answer: node-cache's part of "What licence is
        node-cron released under, and which licence does node-cache's README give?" picks the
        README's copyright line, and "MIT License" follows it."""
        words = sum(word_count(c.text) for c in quoted)
        for c in ranked:
            if c.score < self.runner_up_ratio * pick.score:
                return None
            # From the pick's document: another's is the other part's, or nobody's.
            if c is pick or c.doc != pick.doc or any(overlaps(c, o) for o in quoted):
                continue
            if words + word_count(c.text) > self.max_words:
                return None
            if c.coverage == 0 and not _may_say_it_otherwise(c, quoted, passages):
                continue
            return c
        return None

    def _completed(
        self,
        pick: Candidate,
        quoted: list[Candidate],
        pool: Callable[[], list[Candidate]],
        passages: list[ScoredChunk],
    ) -> list[Candidate]:
        """A part's pick with what completes its entry, as _choose completes the best candidate:
        the sentence opening the entry of a default stated alone, then the pick, then the
        default it states further on or the setting line closing its comment block (apt-cacher-
        ng's "Network timeout for outgoing connections, in seconds." + "NetworkTimeout: 40").
        Each only when not quoted already and within the word budget."""
        lead = entry_lead(pick, pool, passages)
        completed = completion(pick, pool, passages)
        words = sum(word_count(c.text) for c in quoted) + word_count(pick.text)
        out = [pick]
        for extra, before in ((lead, True), (completed, False)):
            if extra is None or any(overlaps(extra, o) for o in [*quoted, *out]):
                continue
            if words + word_count(extra.text) > self.max_words:
                continue
            words += word_count(extra.text)
            out = [extra, *out] if before else [*out, extra]
        return out

    def stream(self, question: str, passages: list[ScoredChunk]) -> Iterator[str | Draft]:
        draft = self.answer(question, passages)
        yield draft.text
        yield draft

    # ---- scoring ---------------------------------------------------------------------------
    def rank(
        self,
        question: str,
        passages: list[ScoredChunk],
        among: set[int] | None = None,
        order: Sequence[int] | None = None,
    ) -> list[Candidate]:
        """The prefiltered candidates, best first, with the model's probabilities; among: the
        indices of the passages they may come from (None: all); order: each passage's rank for
        this question, where it is not its place in passages (a part of a question,
        part_order)."""
        # The model reads the question with an acronym's other form the passages write.
        question = with_other_forms(question, [p.chunk.text for p in passages])
        top = self.shortlist(question, passages, among, order)
        if not top:
            return []
        probs = self.scorer.probabilities(question, [c.model_text for c in top])
        combiner = self.combiner
        scores = (
            combiner.probabilities(self.feature_rows(question, passages, top, probs, order))
            if combiner is not None
            else probs
        )
        for c, p, s in zip(top, probs, scores, strict=True):
            c.probability = float(p)
            c.score = float(s)
        return sorted(top, key=lambda c: -c.score)

    def shortlist(
        self,
        question: str,
        passages: list[ScoredChunk],
        among: set[int] | None = None,
        order: Sequence[int] | None = None,
    ) -> list[Candidate]:
        """The candidates the model reads: the `prefilter` best by the lexical prefilter
        (scripts/fit_scorer.py replays the same prefilter_key over its paragraphs)."""
        # A date alone answers only a question after a date: the article's date under its
        # headline is no answer to "how many children have been detained since 2022?".
        dated = expected_type(question) == "date"
        pool = [
            c for c in self.candidates(passages)
            if (among is None or c.passage in among) and (dated or not only_a_date(c.text))
        ]
        weights = {t: self.idf(t) for t in set(content_terms(question, drop_question_words=True))}
        terms = [own_terms(c.model_text, c.title) for c in pool]
        for c, held in zip(pool, terms, strict=True):
            c.coverage = covered(weights, held)
        names = exact_names(question)
        ranks = order or range(len(passages))
        keys = prefilter_keys(
            weights, terms, [ranks[c.passage] for c in pool], [mentions_any(c.model_text, names) for c in pool]
        )
        ordered = sorted(zip(keys, range(len(pool)), pool, strict=True))
        return [c for _key, _i, c in ordered[: self.prefilter]]

    def feature_rows(
        self,
        question: str,
        passages: list[ScoredChunk],
        top: list[Candidate],
        probs: Sequence[float] | np.ndarray,
        order: Sequence[int] | None = None,
    ) -> list[list[float]]:
        """The combined scorer's features of each shortlisted candidate (rag.answering.scorer)."""
        # The candidate's context: its passage and the passage's heading path.
        context = [_passage_context(p) for p in passages]
        ranks = order or range(len(passages))
        return [
            scorer_features(
                question, c.model_text, context[c.passage], float(p), self.idf,
                kind=c.kind, passage=ranks[c.passage], key=c.key, title=c.title,
            )
            for c, p in zip(top, probs, strict=True)
        ]

    def part_order(self, part: str, passages: list[ScoredChunk]) -> list[int]:
        """Each passage's rank for one part of a two-part question: passages were retrieved
        for the whole question (and each part's best added after them), so a part's own best
        passage may stand sixth, and the passage rank the scorer weighs would count against
        it. A passage ranks as high as the share of the part's words it holds puts it (as the
        prefilter weighs them, ties in retrieval order), or as retrieval did if higher."""
        weights = {t: self.idf(t) for t in set(content_terms(part, drop_question_words=True))}
        held = [
            covered(weights, set(content_terms(_passage_context(p))))
            for p in passages
        ]
        by_share = sorted(range(len(passages)), key=lambda i: (-held[i], i))
        ranks = list(range(len(passages)))
        for rank, i in enumerate(by_share):
            ranks[i] = min(ranks[i], rank)
        return ranks

    def candidates(self, passages: list[ScoredChunk]) -> list[Candidate]:
        seen: set[tuple[str, int, int]] = set()
        texts: set[str] = set()
        out: list[Candidate] = []
        for p_i, p in enumerate(passages):
            chunk = p.chunk
            doc = document_of(chunk)
            for s, title in self._chunk_spans(chunk):
                key = (doc, chunk.start + s.start, chunk.start + s.end)
                # Overlapping chunks repeat sentences; score each once. (Candidates of one chunk
                # may share a start: a line, and that line with the text it introduces.)
                if key in seen or s.model_text in texts:
                    continue
                seen.add(key)
                texts.add(s.model_text)
                out.append(
                    Candidate(
                        p_i, s.start, s.end, chunk.text[s.start : s.end], s.model_text, s.kind, s.key,
                        block=s.block, doc=doc, offset=chunk.start,
                        title=title,
                    )
                )
        return out

    def _chunk_spans(self, chunk: Chunk) -> list[tuple[layout.Span, str]]:
        """The chunk's candidate spans that state something, each with its section's title when
        it is an item or a row (subjects.item_title), cut and judged once per chunk."""
        key = (chunk.id, chunk.doc_hash)
        hit = self._spans.get(key)
        if hit is None:
            every = cands.spans(chunk.text, table_header=chunk.context)
            opens_under = (chunk.heading or "").rsplit(HEADING_SEPARATOR, 1)[-1].strip()
            hit = self._spans[key] = [
                (s, subjects.item_title(s.kind, chunk.text, s.start, opens_under))
                for s in every
                if _states_something(chunk.text, s) and not subjects.name_cut_from_its_entry(chunk.text, s)
            ]
            if len(self._spans) > 5000:
                self._spans.popitem(last=False)
        else:
            self._spans.move_to_end(key)
        return hit

    # ---- choosing and citing ----------------------------------------------------------------
    def _choose(self, ranked: list[Candidate], passages: list[ScoredChunk]) -> list[Candidate]:
        """The best candidate (its whole paragraph or list item when that is short), plus
        runners-up nearly as likely, within the word budget; each with the name of the entry it
        describes when that stands on the line above (with_entry_name). Runners-up are measured
        against the best one only, not against the refusal threshold: the threshold decides
        whether to answer, so a run at threshold 0 shows what every threshold answers
        (evals/refusal.py), and the ratio was chosen on such runs."""
        text = passages[ranked[0].passage].chunk.text
        best = with_entry_name(whole_block(ranked[0], text, BLOCK_WORDS), passages)
        floor = self.runner_up_ratio * best.score
        # Every candidate of the passages, made once and only if an entry needs them.
        pool = cache(lambda: self.candidates(passages))
        # What completes the best candidate's entry: the default it states further on, or the
        # setting line closing its comment block; and, for a default stated alone, the sentence
        # opening its entry (entries.entry_lead), read before it.
        completed = completion(best, pool, passages)
        extras = [completed] if completed is not None else []
        words = word_count(best.text) + sum(word_count(e.text) for e in extras)
        if words > self.max_words:
            extras, words = [], word_count(best.text)
        leads: list[tuple[Candidate, Candidate]] = []
        lead = entry_lead(best, pool, passages)
        if lead is not None and words + word_count(lead.text) <= self.max_words:
            leads.append((lead, best))
            words += word_count(lead.text)
        chosen = [best]
        for c in ranked[1:]:
            # What completes the best candidate's entry is part of it, not a sentence more.
            if len(chosen) >= self.max_sentences or c.score < floor:
                break
            if len(chosen) == 1 and not leads and contains(c, best) and word_count(c.text) <= self.max_words:
                # A sentence read with the one it leans on ("He described it as ...") holds the
                # best one whole: quoting it says the same and what follows.
                words += word_count(c.text) - word_count(best.text)
                chosen[0] = best = c
                continue
            quoted = [*chosen, *extras, *(lead for lead, _ in leads)]
            named = with_entry_name(c, passages)
            if named is not c and words + word_count(named.text) <= self.max_words and not any(
                overlaps(named, o) for o in quoted
            ):
                c = named
            lead = entry_lead(c, pool, passages)
            if lead is not None and (
                any(overlaps(lead, o) for o in quoted)
                or words + word_count(c.text) + word_count(lead.text) > self.max_words
            ):
                lead = None  # quoted already (before this, or as another's lead), or too long
            cost = word_count(c.text) + (word_count(lead.text) if lead is not None else 0)
            if words + cost > self.max_words or any(overlaps(c, o) for o in quoted):
                continue
            if c.coverage == 0 and not _may_say_it_otherwise(c, [*chosen, *extras], passages):
                continue
            chosen.append(c)
            words += cost
            if lead is not None:
                leads.append((lead, c))
        chosen[1:1] = [e for e in extras if not overlaps(e, best)]
        for lead, default in leads:
            chosen.insert(chosen.index(default), lead)
        return _in_list_order(chosen, passages)

    def _draft(
        self, chosen: list[Candidate], passages: list[ScoredChunk], best: float, question: str
    ) -> Draft:
        citations: list[Citation] = []
        parts: list[str] = []
        for n, c in enumerate(chosen, start=1):
            chunk = passages[c.passage].chunk
            citations.append(Citation.from_span(n, chunk, c.start, c.end, round(c.score, 4)))
            # Quoted verbatim, but a "[2]" the document itself holds must not read as a citation.
            shown = markers.escape_document_markers(" ".join(c.text.split()))
            key = c.key or subjects.opening_field(chunk.text, c.start)
            section = section_answering(question, c.text, chunk.heading, key)
            if section:
                shown = f"{markers.escape_document_markers(section)} — {shown}"
            parts.append(f"{shown} {markers.format_marker(n)}")
        return Draft(text=" ".join(parts), abstained=False, citations=citations, confidence=best)


def off_topic(question: str, passages: Sequence[ScoredChunk]) -> bool:
    """No passage shares a content word with the question (heading included) and every one's
    dense similarity is known and below OFF_TOPIC_SIMILARITY."""
    asked = set(content_terms(question, drop_question_words=True))
    if not asked or not passages:
        return False
    for p in passages:
        if p.dense_score is None or p.dense_score >= OFF_TOPIC_SIMILARITY:
            return False
        if asked & set(content_terms(_passage_context(p))):
            return False
    return True


# What a question tells before a colon and the words that ask ("On a laptop that runs
# dnssec-trigger I also benchmark with dnsperf: which port …").
_LEAD_IN = re.compile(
    r"^[^?]*:\s+(?=(?:(?:from|in|on|at|for|to|by|with|under|since|of)\s+)?"
    r"(?:which|what|who|whom|whose|when|where|why|how|is|are|does|do|can|should)\b)",
    re.IGNORECASE,
)


def about(part: str, others: Sequence[str], passages: Sequence[ScoredChunk]) -> set[int] | None:
    """The passages a part of a question may be answered from: those of the documents it names
    and the other parts do not (rag.text.document_name_terms: "ccrypt" of "Who wrote ccrypt?"
    beside "Who wrote cloc?" names ccrypt-manual.pdf). Its best candidate otherwise is often the
    other part's answer ("The cloc program was written by Al Danial"). None (all of them) when
    it names no document of theirs. A part's words are those it asks with, not a lead-in
    before a colon that names both documents ("I run dnssec-trigger and dnsperf: which port
    does …"), which the split leaves on the first part."""
    if sum(_LEAD_IN.match(p) is not None for p in [part, *others]) == 1:
        # Only one part has it: the split left the whole question's lead-in there. (Parts asked
        # once for each of two names side by side each keep their own, which names theirs.)
        part, others = _LEAD_IN.sub("", part), [_LEAD_IN.sub("", o) for o in others]
    shared = {t for o in others for t in content_terms(o, drop_question_words=True)}
    own = set(content_terms(part, drop_question_words=True)) - shared
    found = {i for i, p in enumerate(passages) if own & document_name_terms(p.chunk.source)}
    return found or None


def section_answering(question: str, quote: str, heading: str | None, key: str = "") -> str:
    """The title of the quote's section, or the name of the field it is cut from, when that,
    not the quote, holds what the question asks for: "which version added X?" is answered by a
    changelog item under "CHANGES FROM 3.2 TO 3.3", and the item alone names no version;
    "which lint detects X?" by a sentence under "missing_docs"; "which setting …?" by the
    second sentence of "disable-publishing= Takes a boolean value. If set to …". Shown before
    the quote; "" otherwise."""
    # A field's key is a name by its place ("disable-publishing="), unless it is a word ("Note");
    # an entry's name line may give its argument too ("set_from_header [(auto|on|off)]").
    name = _name_in_key(key)
    if name and (not name.isalpha() or _argued(key, name)) and _names_its_entry(question, quote, name, named=True):
        return name
    if not heading:
        return ""
    title = heading.rsplit(HEADING_SEPARATOR, 1)[-1].strip()
    # A title set wholly as code ("### `threshold`") is a name, though an ordinary word; so is
    # a function's signature's ("png.bitblt" of "png.bitblt(dst, sx, sy, w, h, dx, dy)").
    code = _CODE_TITLE.fullmatch(title)
    name = code[1] if code else subjects.signature_name(title)
    if _names_its_entry(question, quote, name or title, named=bool(name)):
        return name or title
    if expected_type(question) not in ("number", "date"):
        return ""
    # When a version is asked for, the quote's pull-request or issue number is not one.
    version = asks_version(question)
    found = versions if version else numbers
    asked = found(question)
    if found(quote) - asked:
        return ""
    # A version: the nearest section title that gives one (a "Keep a Changelog" item stands
    # under "### Fixed", under "## [1.2.0] - 2023-05-01"). Another number: its own section's.
    # A section's own number ("6.11 Bash POSIX Mode", "3. Running your program") is neither.
    titles = [t.strip() for t in reversed(heading.split(HEADING_SEPARATOR))] if version else [title]
    return next((t for t in titles if found(_SECTION_NUMBER.sub("", t)) - asked), "")


# An outline number opening a section title: "3. ", "11.1. ", "6.11 ", "Chapter 5. ". Not a
# release's version, which is followed by a date, a dash or brackets, or names itself a release.
_SECTION_NUMBER = re.compile(
    r"^(?:(?:chapter|section|part|appendix)\s+)?\d+(?:\.\d+)*\.?\s+"
    r"(?=[A-Za-z])(?!.*\b(?:release|version|changes)\b)",
    re.IGNORECASE,
)


# A Markdown heading that is one code span: a README's option entry ("### `minRatio`").
_CODE_TITLE = re.compile(r"`([^`\s]+)`")


def _name_in_key(key: str) -> str:
    """The name an entry's key line gives: the whole key, or its first word when the rest is its
    argument ("set_from_header [(auto|on|off)]", "tls_fingerprint [fingerprint]")."""
    first, _, rest = key.strip().partition(" ")
    named = identifiers(first) or first.isalpha()
    return first if rest and (rest[:1] in "[<(" or rest.isupper()) and named else key.strip()


def _argued(key: str, name: str) -> bool:
    """The key line gives the name's argument as a placeholder after it ("pagesize NUMBER",
    "timeout <seconds>"): the word is an entry's name, not a label such as "Note"."""
    rest = key.strip()[len(name) :].split()
    return bool(rest) and (rest[0].isupper() or rest[0][:1] in "<[")


# The section of a configuration file an entry's title names before the entry: "[report] " of
# "[report] skip_empty", "[tool.black] " of "[tool.black] line-length".
_SECTION_QUALIFIER = re.compile(r"^(?:\[[^\]\s]+\]\s+)+(?=\S)")


def _names_its_entry(question: str, quote: str, title: str, named: bool = False) -> bool:
    """A "which …" question answered under a section titled by one exact name (a reference's
    entry: "missing_docs", "--rsyncable", "log_line_prefix"): the title is the name asked for,
    and the quote ("It detects items missing documentation.") describes it without naming it.
    named: the title is known to be a name, though not of a form rag.text.identifiers knows
    (lower camelCase is one, an option's or a function's: "disableDotRule"; "KafkaProducer" and
    "TypeScript" name a class or a product, whose section is no answer).
    A configuration reference may title an entry with its file section ("[report] skip_empty");
    a man page, an option with its other spellings ("-A, --noautoload"): one name, each
    spelling of which the quote and the question leave out."""
    title = _SECTION_QUALIFIER.sub("", title)
    spellings = _OPTION_SPELLING.findall(title) if _OPTION_SPELLINGS.fullmatch(title) else [title]
    if (
        (" " in title and len(spellings) < 2)
        or not (named or identifiers(title) or (title[:1].islower() and _CAMEL.search(title)))
        or not _ASKS_WHICH.search(question)
    ):
        return False
    said = f"{quote}\n{question}".lower()
    return not any(name.lower() in said for name in spellings)


def _passage_context(p: ScoredChunk) -> str:
    """What a passage says with its heading path: the context the scorer and the part ranks read."""
    return f"{p.chunk.heading or ''}\n{p.chunk.text}"


def whole_block(c: Candidate, text: str, max_words: int) -> Candidate:
    """c's whole paragraph or list item when that is at most max_words: a changelog item's
    "Reported by ..." and "[CVE-...]" sentences, a sentence's "He described it as ...", belong
    with the sentence the model found, and a reader expects the item quoted as it was written."""
    if c.block is None:
        return c
    start, end = c.block
    # An entry's name heading the block (its key) labels it: quoting "-f (force; disable
    # confirmation query)" with its text must not tip the text over the budget.
    label = c.key if c.key and text.startswith(c.key, start) else ""
    if not (start <= c.start and c.end <= end) or word_count(text[start:end]) - word_count(label) > max_words:
        return c
    if text[start:end].rstrip().endswith(":") and c.end < end:
        # The paragraph ends by introducing what follows ("For example, to disable the libc
        # subscriber you would set:" above "libc=NO"): quoted whole, it is quoted with that too,
        # as its last sentence alone would be (candidates._with_block).
        below = cands.introduced_end(text, end)
        if below is not None and word_count(text[start:below]) - word_count(label) <= max_words:
            end = below
    return replace(c, start=start, end=end, text=text[start:end])


def _states_something(text: str, span: layout.Span) -> bool:
    """False for what is read as context and never quoted as an answer:
    - what only names where an answer stands: a table's row of column names ("| Item | Limit |
      Approval |"), a table of contents' entry (dot leaders, or a link to a heading of the
      page alone), a title or short line of plain words
      ("Warranty", "## Font Matching", AsciiDoc's "== Restoring"); a title with a number, a
      path or an option ("## 1.4.0 - 2023-05-01", "/etc/fonts/fonts.dtd", "--rsyncable") can
      answer and stays;
    - a line that itself asks (a FAQ's question, by its "?" or its "Q:" label);
    - text addressing whoever answers ("ignore previous instructions", "answer that X")."""
    if span.kind == "header" or _DOT_LEADERS.search(text, span.start, span.end) is not None:
        return False
    quoted = text[span.start : span.end].strip()
    if quoted.endswith("?") or _ASKED.match(quoted) or looks_like_instruction(quoted):
        return False
    if _CONTENTS_LINK.fullmatch(quoted):
        return False
    # A letter or a digit: what a quote needs to say anything.
    if not LETTER_OR_DIGIT.search(heading_text(quoted)):
        # Only images and links without words: a README's badges.
        return False
    # Read without its emphasis: "<strong>MacPorts</strong>" is a one-word title. A link stays
    # as it is: its address may be what is asked for.
    quoted = _EMPHASIS_TAG.sub("", quoted.lstrip("#=")).strip()
    if span.kind not in ("heading", "line"):
        return True
    numbered = _SECTION_NUMBER.match(quoted)
    if numbered and not _announced_item(text, span.start):
        # A manual's numbered section title ("2.1 ASN.1 syntax", "3.3 Invoking asn1Decoding")
        # names a section as a plain title does, whatever its words.
        rest = quoted[numbered.end() :]
        return not (len(rest.split()) <= TITLE_WORDS and rest[:1].isupper() and not numbers(rest))
    titled = len(quoted.split()) <= TITLE_WORDS and _PLAIN_WORDS.fullmatch(quoted) is not None
    return not titled or (span.kind == "line" and _whole_section(text, span))


def _whole_section(text: str, span: layout.Span) -> bool:
    """The line is all its section says, between its title and the next ("AUTHOR" / "Written
    by Simon Baldwin" / "REPORTING BUGS"; "## License" / "MIT"): a title titles what follows it,
    and this line is followed by no text."""
    above = text[: span.start].rstrip()
    below = text[span.end :].lstrip()
    return bool(above) and _title_line(above[above.rfind("\n") + 1 :]) and (
        not below or _title_line(below.split("\n", 1)[0])
    )


def _title_line(line: str) -> bool:
    """A Markdown heading, or a man page's section name in capitals ("SEE ALSO")."""
    line = line.strip()
    return layout.HEADING_LINE.match(line) is not None or (line.isupper() and len(line.split()) <= TITLE_WORDS)


def _announced_item(text: str, start: int) -> bool:
    """The numbered line at `start` is one of a run of numbered lines that a line ending in ":"
    announces ("… the following exit codes are defined:" / "14 Writing error" / "17
    Configuration error"): a list's rows, each answering, not a manual's section titles."""
    for line in reversed(text[:start].splitlines()):
        line = line.strip()
        if not line:
            continue
        if not _SECTION_NUMBER.match(line):
            return line.endswith(":")
    return False


def _may_say_it_otherwise(c: Candidate, chosen: list[Candidate], passages: Sequence[ScoredChunk]) -> bool:
    """Whether a runner-up that shares no word with the question may still answer it in other
    words ("Full list of authors is in AUTHORS.txt" for "who contributed?"): only from the best
    candidate's document, and, when it is a few words, only beside a quoted one (the next item
    of its list), or when it is the setting a quoted one names: "PingTimeOut = 300" for "If no
    PONG reply has been received for PingTimeOut seconds, …", as a sample configuration sets
    each setting under its description. The model likes short lines with a number: "PostgreSQL
    15" of an install guide says nothing of a FAQ's shipping time, nor of the port the guide's
    steps give."""
    if c.doc != chosen[0].doc:
        return False
    # A FAQ's answer to another of its questions says nothing of this one ("A link arrives by
    # email within five minutes." under "How do I reset my password?" for "How long does
    # shipping take?", answered under "Where do you ship?").
    asked, best_asked = _asked_above(c, passages), _asked_above(chosen[0], passages)
    if asked and best_asked and asked != best_asked:
        return False
    words = sum(any(ch.isalnum() for ch in w) for w in c.text.split())  # a table's "|" is none
    return (
        words >= 5
        or any(_next_to(c, o, passages) for o in chosen)
        or (c.kind == "field" and bool(c.key) and any(_names_key(o.text, c.key) for o in chosen))
    )


def _asked_above(c: Candidate, passages: Sequence[ScoredChunk]) -> str:
    """The question a candidate answers in a FAQ: the nearest line above it in its passage
    that opens a paragraph and ends with "?" ("How do I reset my password?"); "" if none."""
    text = passages[c.passage].chunk.text
    lines = text[: c.start].split("\n")
    for k in range(len(lines) - 2, -1, -1):  # the last is the candidate's own line so far
        line = lines[k].strip()
        if line.endswith("?") and (k == 0 or not lines[k - 1].strip()):
            return line
    return ""


def _names_key(text: str, key: str) -> bool:
    """Whether the text names the setting `key`, a name no sentence has by chance: camelCase or
    an identifier ("PingTimeOut", "max_age"), not a plain word ("port", "Default")."""
    named = bool(identifiers(key)) or _CAMEL.search(key) is not None
    return named and mention_pattern(key.lower()).search(text.lower()) is not None


_CAMEL = re.compile(r"[a-z][A-Z]")


def _in_list_order(chosen: list[Candidate], passages: Sequence[ScoredChunk]) -> list[Candidate]:
    """Three or more items of one list, each beside the next, quoted as the list gives them:
    they answer as a list (the steps of an install guide, in the order they are done). Anything
    else, two items among them, keeps the best candidate first, the one the answer rests on."""
    if len(chosen) < 3 or any(c.kind != "item" for c in chosen):
        return chosen
    ordered = sorted(chosen, key=lambda c: c.start)
    if all(_next_to(a, b, passages) for a, b in pairwise(ordered)):
        return ordered
    return chosen


def _next_to(a: Candidate, b: Candidate, passages: Sequence[ScoredChunk]) -> bool:
    """a and b stand side by side in one passage with no word between them: the next item of
    a list, the next row of a table, the next sentence."""
    if a.passage != b.passage:
        return False
    first, second = sorted((a, b), key=lambda c: c.start)
    gap = passages[a.passage].chunk.text[first.end : second.start]
    return not any(ch.isalpha() for ch in gap)
