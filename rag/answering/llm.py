"""The LLM answerer: generate from the passages, verify every sentence, fall back when needed.

Whatever the model says, the user only ever sees sentences that the verifier traced to a
cited passage, or the extractive answer with a notice saying why.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from rag import markers
from rag.answering.base import Answerer, Draft, Turn
from rag.answering.llm_clients import LLMClient, LLMUnavailable
from rag.answering.prompt import PROMPT_BUDGET_TOKENS, build_condense_messages, build_messages
from rag.answering.verify import DEFAULT_THRESHOLD, Mode, SupportFn, verify
from rag.errors import one_line
from rag.followup import condense as heuristic_condense
from rag.followup import is_follow_up
from rag.protocols import EmbedFn
from rag.text import content_terms
from rag.types import ScoredChunk, SentenceCheck

NOT_SUPPORTED_NOTICE = (
    "the model's answer was not supported by the passages; showing the extractive answer"
)
DECLINED_NOTICE = (
    "the model declined to answer, but the passages hold a confident answer; "
    "showing the extractive answer"
)
EMPTY_NOTICE = "the model returned no answer; showing the extractive answer"
CONDENSE_MAX_TOKENS = 64
CONDENSE_MAX_CHARS = 300

# Labels a model may put before its reply, echoing the prompt's own cues.
_LABEL = re.compile(
    r"^\s*(?:answer|standalone question|question|rewritten question|user|assistant)\s*:\s*",
    re.IGNORECASE,
)
# A rewrite must keep at least this share of the follow-up's own content terms.
CONDENSE_MIN_KEPT = 0.5


class LLMAnswerer:
    """Answers with an LLM client; the fallback answerer covers failures and unsupported output."""

    def __init__(
        self,
        client: LLMClient,
        fallback: Answerer,
        embed: EmbedFn | None,
        *,
        verify_mode: Mode = "drop",
        max_tokens: int = 256,
        temperature: float = 0.1,
        threshold: float = DEFAULT_THRESHOLD,
        prompt_tokens: int = PROMPT_BUDGET_TOKENS,
        override_refusal_at: float | None = None,
        support: SupportFn | None = None,
    ) -> None:
        self.client = client
        self.fallback = fallback
        self.embed = embed
        self.verify_mode: Mode = verify_mode
        self.max_tokens = max_tokens
        self.temperature = temperature
        self.threshold = threshold
        self.prompt_tokens = prompt_tokens
        # A model refusal is overruled when the extractive answer's confidence reaches this;
        # None never overrules (the model's refusal stands).
        self.override_refusal_at = override_refusal_at
        # How auto-citation scores a claim against a passage; None: the verifier's own score.
        self.support = support
        self.name = client.name

    def warm_up(self) -> None:
        """Load a local model before the first question (its first call is the slow one)."""
        warm = getattr(self.client, "warm_up", None)
        if callable(warm):
            warm()

    def answer(self, question: str, passages: list[ScoredChunk]) -> Draft:
        final = Draft.refusal()
        for item in self.stream(question, passages):
            if isinstance(item, Draft):
                final = item
        return final

    def stream(self, question: str, passages: list[ScoredChunk]) -> Iterator[str | Draft]:
        if not passages:
            yield Draft.refusal()
            return
        messages = build_messages(question, passages, budget=self.prompt_tokens)
        pieces: list[str] = []
        try:
            for piece in self.client.stream_chat(messages, self.max_tokens, self.temperature):
                pieces.append(piece)
                yield piece
        except LLMUnavailable as e:
            yield self._fallback(question, passages, one_line(e))
            return
        yield self._finish(question, passages, "".join(pieces))

    def condense(self, history: list[Turn], question: str) -> str:
        """The standalone form of a follow-up, for retrieval; the Assistant looks for this."""
        if not history or not is_follow_up(question):
            return question  # Nothing to resolve, so no model call and no added latency.
        rewritten = condense(self.client, history, question)
        if rewritten != question:
            return rewritten
        return heuristic_condense(question, history)

    def _finish(self, question: str, passages: list[ScoredChunk], text: str) -> Draft:
        reply = _LABEL.sub("", text)
        if not markers.strip(reply).strip(" \t\n.,;:-–—*•"):
            # Nothing but white space or markers: there is no claim to verify.
            return self._fallback(question, passages, EMPTY_NOTICE)
        verified = verify(
            reply, passages, self.embed, self.verify_mode, self.threshold, support=self.support
        )
        if verified.refusal:
            return self._arbitrate(question, passages, verified.checks)
        if not verified.supported:
            return self._fallback(question, passages, NOT_SUPPORTED_NOTICE, verified.checks)
        return Draft(
            text=verified.text,
            abstained=False,
            citations=verified.citations,
            verification=verified.checks,
        )

    def _arbitrate(
        self, question: str, passages: list[ScoredChunk], checks: list[SentenceCheck]
    ) -> Draft:
        """The model refused: let its refusal stand unless the extractive answer is confident.

        Small models decline questions the passages plainly answer; a refusal is only worth
        passing on when the extractive answerer, too, finds no confident answer.
        """
        if self.override_refusal_at is None:
            return replace(Draft.refusal(), verification=checks)
        draft = self.fallback.answer(question, passages)
        confidence = extractive_confidence(draft)
        if draft.abstained or confidence is None or confidence < self.override_refusal_at:
            return replace(Draft.refusal(), verification=checks, confidence=confidence)
        return replace(draft, fallback=True, notice=DECLINED_NOTICE, verification=checks)

    def _fallback(
        self,
        question: str,
        passages: list[ScoredChunk],
        notice: str,
        checks: list[SentenceCheck] | None = None,
    ) -> Draft:
        draft = self.fallback.answer(question, passages)
        # The discarded answer's checks explain the fallback when the fallback has none.
        verification = draft.verification if draft.verification is not None else checks
        return replace(draft, fallback=True, notice=notice, verification=verification)


def extractive_confidence(draft: Draft) -> float | None:
    """How sure the extractive answerer is of its answer.

    Draft.confidence when the answerer reports it; otherwise the score of its first
    citation, which the logistic extractive answerer sets to the probability that the
    sentence answers the question.
    """
    if draft.confidence is not None:
        return draft.confidence
    return draft.citations[0].score if draft.citations else None


def condense(client: LLMClient, history: list[Turn], question: str) -> str:
    """Rewrite a follow-up as a standalone question; any failure keeps the question as asked."""
    if not history:
        return question
    messages = build_condense_messages(history, question)
    try:
        reply = "".join(client.stream_chat(messages, CONDENSE_MAX_TOKENS, 0.0))
    except LLMUnavailable:
        # Condensing only sharpens retrieval; the original question still works without it.
        # Anything else is a bug and must surface, not be hidden behind the original question.
        return question
    return _standalone(reply, question, history)


def _standalone(reply: str, question: str, history: list[Turn]) -> str:
    """Accept the rewrite only if it looks like a question about the same conversation."""
    lines = [_LABEL.sub("", line).strip().strip("\"'“”") for line in reply.splitlines()]
    candidate = next((line for line in lines if line), "")
    if not candidate or len(candidate) > CONDENSE_MAX_CHARS:
        return question
    terms = set(content_terms(candidate))
    asked = set(content_terms(question, drop_question_words=True))
    if asked:
        # A rewrite that loses what the follow-up asks about is a different question.
        keeps_question = len(asked & terms) / len(asked) >= CONDENSE_MIN_KEPT
        return candidate if keeps_question else question
    earlier = set(content_terms(" ".join(t.question for t in history[-2:])))
    return candidate if terms & earlier else question
