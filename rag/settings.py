"""The one settings object. Precedence: defaults < rag.toml < RAG_* environment < explicit arguments.

Settings are read here and nowhere else; components receive the validated object.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

CONFIG_FILE_ENV = "RAG_CONFIG"
DEFAULT_CONFIG_FILE = "rag.toml"


class SettingsError(ValueError):
    """A one-line description of an invalid setting."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RAG_", extra="forbid", validate_default=True)

    # Storage
    store: Path = Field(Path(".rag"), description="folder holding the index")
    chroma_host: str | None = Field(None, description="use a Chroma server at this host")
    chroma_port: int = Field(8000, ge=1, le=65535)
    collection: str = Field("rag", min_length=3, max_length=60)

    # Ingestion
    chunk_tokens: int = Field(200, ge=32, le=254, description="word pieces per chunk")
    chunk_overlap: int = Field(24, ge=0, le=128)
    max_file_mb: float = Field(50.0, gt=0)
    embed_batch_size: int = Field(64, ge=1, le=1024)
    # auto: onnxruntime on a verified ONNX export of the model (made once, cached), else torch.
    embed_backend: Literal["auto", "torch", "onnx", "sentence-transformers"] = "auto"
    embed_model: str | None = Field(None, description="path of a sentence-transformers model")
    threads: int = Field(2, ge=1, le=256)

    # Retrieval
    top_k: int = Field(5, ge=1, le=50)
    candidates: int = Field(30, ge=1, le=500, description="hits per retriever before fusion")
    # Measured on the seeds questions (README, "Retrieval"): a convex mix of max-normalised
    # scores beat reciprocal rank fusion on MRR (0.94 vs 0.88) at equal hit@5.
    fusion: Literal["rrf", "weighted"] = "weighted"
    rrf_k: int = Field(60, ge=1)
    dense_weight: float = Field(0.7, ge=0.0, le=1.0)

    # Answering
    answerer: Literal["extractive", "llamacpp", "openai"] = "extractive"
    max_sentences: int = Field(3, ge=1, le=10)
    abstain_threshold: float = Field(
        0.5, ge=0.0, le=1.0, description="refuse when no sentence scores this probability"
    )

    # LLM answerers
    llm_model_path: Path | None = None
    llm_chat_format: str | None = None
    llm_n_ctx: int = Field(4096, ge=512)
    llm_base_url: str | None = None
    llm_model: str | None = Field(None, description="model name; default: the server's first")
    llm_api_key: str | None = None
    llm_timeout_s: float = Field(60.0, gt=0)
    llm_max_retries: int = Field(1, ge=0, le=10)
    llm_max_tokens: int = Field(256, ge=16, le=4096)
    llm_temperature: float = Field(0.1, ge=0.0, le=2.0)
    # Prompt size in tokens: the best passage sentences with their neighbours, not whole
    # chunks. 350 keeps prompt reading near 5 s for a 1.5B model on two cores (README).
    llm_prompt_tokens: int = Field(350, ge=100, le=32768)
    # Overrule a model's refusal with the extractive answer when the extractive answerer's
    # confidence reaches this (None: never). 0.85 maximised right minus wrong extractive
    # answers above the bar on seeds_dev (19 right, 4 wrong; README, "LLM answers").
    llm_override_refusal_at: float | None = Field(0.85, ge=0.0, le=1.0)
    verify_mode: Literal["drop", "mark"] = "drop"

    @field_validator("collection")
    @classmethod
    def _collection_name(cls, v: str) -> str:
        if not v.replace("-", "").replace("_", "").isalnum():
            raise ValueError("use letters, digits, '-' and '_' only")
        return v

    @model_validator(mode="after")
    def _check(self) -> Settings:
        if self.chunk_overlap >= self.chunk_tokens // 2:
            raise ValueError("chunk_overlap must be less than half of chunk_tokens")
        if self.answerer == "llamacpp" and self.llm_model_path is None:
            raise ValueError("the llamacpp answerer needs llm_model_path (--model PATH)")
        if self.answerer == "openai" and not self.llm_base_url:
            raise ValueError("the openai answerer needs llm_base_url (--llm-base-url URL)")
        return self

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml_file = Path(os.environ.get(CONFIG_FILE_ENV, DEFAULT_CONFIG_FILE))
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        if toml_file.is_file():
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=toml_file))
        return tuple(sources)

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    def describe(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


def load_settings(**overrides: Any) -> Settings:
    """Build settings; None-valued overrides mean 'not given' so lower layers still apply."""
    given = {k: v for k, v in overrides.items() if v is not None}
    try:
        return Settings(**given)
    except ValidationError as err:
        raise SettingsError(_one_line(err)) from None


def _one_line(err: ValidationError) -> str:
    parts = []
    for e in err.errors():
        where = ".".join(str(x) for x in e["loc"]) or "settings"
        msg = e["msg"].removeprefix("Value error, ")
        parts.append(f"{where}: {msg}")
    return "invalid settings: " + "; ".join(parts)
