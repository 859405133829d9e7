"""Builds the answerers from their settings sections; the extractive one is always there as the
fallback."""

from __future__ import annotations

from collections.abc import Callable

from rag.answering.base import Answerer
from rag.answering.extractive import ExtractiveAnswerer
from rag.protocols import EmbedFn
from rag.settings import AnsweringSettings, Settings


def build_extractive(
    answering: AnsweringSettings,
    idf: Callable[[str], float],
    *,
    threads: int,
) -> ExtractiveAnswerer:
    return ExtractiveAnswerer(
        idf=idf,
        threshold=answering.threshold,
        max_sentences=answering.max_sentences,
        max_words=answering.max_words,
        prefilter=answering.candidates,
        threads=threads,
        runner_up_ratio=answering.runner_up_ratio,
    )


def build_answerer(
    settings: Settings,
    extractive: ExtractiveAnswerer,
    embed: EmbedFn,
) -> Answerer:
    if settings.answering.answerer == "extractive":
        return extractive
    from rag.answering.llm import LLMAnswerer
    from rag.answering.llm_clients import LlamaCppClient, LLMClient, OpenAIClient

    llm = settings.llm
    client: LLMClient
    if settings.answering.answerer == "llamacpp":
        assert llm.model_path is not None
        client = LlamaCppClient(
            llm.model_path,
            chat_format=llm.chat_format,
            n_ctx=llm.n_ctx,
            n_threads=settings.threads,
            timeout_s=llm.timeout_s,
        )
    else:
        assert llm.base_url is not None
        client = OpenAIClient(
            llm.base_url,
            llm.model,
            llm.api_key,
            timeout_s=llm.timeout_s,
            max_retries=llm.max_retries,
        )
    return LLMAnswerer(
        client,
        extractive,
        embed,
        verify_mode=settings.verify.mode,
        threshold=settings.verify.min_support,
        max_tokens=llm.max_tokens,
        temperature=llm.temperature,
        prompt_tokens=llm.prompt_tokens,
        override_refusal_at=llm.override_refusal_at,
    )
