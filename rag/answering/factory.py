"""Builds the configured answerer; the extractive one is always there as the fallback."""

from __future__ import annotations

from rag.answering.base import Answerer
from rag.answering.extractive import ExtractiveAnswerer
from rag.protocols import EmbedFn
from rag.settings import Settings


def build_answerer(
    settings: Settings,
    extractive: ExtractiveAnswerer,
    embed: EmbedFn,
) -> Answerer:
    if settings.answerer == "extractive":
        return extractive
    from rag.answering.llm import LLMAnswerer
    from rag.answering.llm_clients import LlamaCppClient, LLMClient, OpenAIClient

    client: LLMClient
    if settings.answerer == "llamacpp":
        assert settings.llm_model_path is not None
        client = LlamaCppClient(
            settings.llm_model_path,
            chat_format=settings.llm_chat_format,
            n_ctx=settings.llm_n_ctx,
            n_threads=settings.threads,
            timeout_s=settings.llm_timeout_s,
        )
    else:
        assert settings.llm_base_url is not None
        client = OpenAIClient(
            settings.llm_base_url,
            settings.llm_model,
            settings.llm_api_key,
            timeout_s=settings.llm_timeout_s,
            max_retries=settings.llm_max_retries,
        )
    return LLMAnswerer(
        client,
        extractive,
        embed,
        verify_mode=settings.verify_mode,
        max_tokens=settings.llm_max_tokens,
        temperature=settings.llm_temperature,
        prompt_tokens=settings.llm_prompt_tokens,
        override_refusal_at=settings.llm_override_refusal_at,
    )
