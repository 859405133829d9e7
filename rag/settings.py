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
    # allow_inf_nan=False: "inf" or "nan" from an environment variable is refused, not used.
    model_config = SettingsConfigDict(
        env_prefix="RAG_", extra="forbid", validate_default=True, allow_inf_nan=False
    )

    # Storage
    store: Path = Field(Path(".rag"), description="folder holding the index")
    chroma_host: str | None = Field(None, description="use a Chroma server at this host")
    chroma_port: int = Field(8000, ge=1, le=65535)
    collection: str = Field("rag", min_length=3, max_length=60)

    # Ingestion
    chunk_tokens: int = Field(200, ge=32, le=254, description="word pieces per chunk")
    chunk_overlap: int = Field(24, ge=0, le=128)
    max_file_mb: float = Field(50.0, gt=0, le=4096)
    embed_batch_size: int = Field(64, ge=1, le=1024)
    # auto: onnxruntime on a verified ONNX export of the model (made once, cached), else torch.
    embed_backend: Literal["auto", "torch", "onnx", "sentence-transformers"] = "auto"
    embed_model: str | None = Field(None, description="path of a sentence-transformers model")
    threads: int = Field(2, ge=1, le=256)
    # Page-chrome removal: "auto" runs the scraped-page cleaner only on text that looks like a
    # scraped web page (HTML always gets main-content extraction), "web" on every text, "off"
    # keeps everything.
    clean: Literal["auto", "web", "off"] = "auto"

    # Retrieval
    top_k: int = Field(5, ge=1, le=50)
    candidates: int = Field(30, ge=1, le=500, description="hits per retriever before fusion")
    # Measured on the seeds questions (README, "Retrieval"): a convex mix of max-normalised
    # scores beat reciprocal rank fusion on MRR (0.94 vs 0.88) at equal hit@5.
    fusion: Literal["rrf", "weighted"] = "weighted"
    rrf_k: int = Field(60, ge=1, le=10_000)
    dense_weight: float = Field(0.7, ge=0.0, le=1.0)

    # Answering
    answerer: Literal["extractive", "llamacpp", "openai"] = "extractive"
    max_sentences: int = Field(3, ge=1, le=10)
    # Chosen on dev data for at most 5% wrong refusals (evals/README.md), not on the benchmark.
    answer_threshold: float = Field(
        0.1, ge=0.0, le=1.0, description="refuse when no candidate's combined score reaches this"
    )
    answer_candidates: int = Field(
        12, ge=1, le=100, description="candidates the answer model reads per question"
    )
    # Runners-up quoted after the best candidate must score at least this share of its score:
    # lower quotes more (more answers contain the fact, longer answers), higher quotes less.
    # 0.3 chosen on the dev files (docs_dev 0.594 -> 0.656 right, seeds_dev 0.607 -> 0.643; median
    # words 24 -> 36 and 35 -> 44) against 0.6; wrong refusals unchanged.
    answer_runner_up_ratio: float = Field(0.3, gt=0.0, le=1.0)

    # LLM answerers
    llm_model_path: Path | None = None
    llm_chat_format: str | None = None
    llm_n_ctx: int = Field(4096, ge=512, le=1_048_576)
    llm_base_url: str | None = None
    llm_model: str | None = Field(None, description="model name; default: the server's first")
    llm_api_key: str | None = None
    llm_timeout_s: float = Field(60.0, gt=0, le=3600)
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

    # HTTP API (`rag serve`, ui/api.py)
    # None: the API is open to whoever reaches the port, so keep it on 127.0.0.1 without one.
    api_key: str | None = Field(None, description="bearer token every /v1 route requires")
    # Questions and chat histories are small; a cap turns a runaway or hostile body into a 413
    # before it is read into memory. Uploads have their own, larger cap.
    api_max_body_bytes: int = Field(1_048_576, ge=1024)
    api_max_upload_mb: float = Field(100.0, gt=0, description="cap on one upload request")
    # Answers at once: each holds a CPU core (embedding, scoring), so more than the cores only
    # slows every answer down. Waiting requests queue up to api_queue_size; beyond that a 429
    # with Retry-After tells clients to come back, instead of letting them hang.
    api_concurrency: int = Field(2, ge=1, le=64)
    api_queue_size: int = Field(16, ge=0, le=1024)

    @field_validator("collection")
    @classmethod
    def _collection_name(cls, v: str) -> str:
        if not v.replace("-", "").replace("_", "").isalnum():
            raise ValueError("use letters, digits, '-' and '_' only")
        return v

    @field_validator("embed_model")
    @classmethod
    def _model_folder(cls, v: str | None) -> str | None:
        if v is not None and not Path(v).expanduser().is_dir():
            raise ValueError(f"{v} is not a folder holding a sentence-transformers model")
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
        toml_file = config_file()
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        if toml_file is not None:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=toml_file))
        return tuple(sources)

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    def describe(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


def config_file() -> Path | None:
    """The rag.toml to read: RAG_CONFIG's file (which must exist), else ./rag.toml if present."""
    named = os.environ.get(CONFIG_FILE_ENV)
    if named:
        path = Path(named).expanduser()
        if not path.is_file():
            raise SettingsError(
                f"{CONFIG_FILE_ENV}={named}: no such file; fix the path or unset {CONFIG_FILE_ENV}"
            )
        return path
    default = Path(DEFAULT_CONFIG_FILE)
    return default if default.is_file() else None


def _check_toml(path: Path) -> None:
    """A broken rag.toml is one line naming the file and the place, not a parser traceback."""
    import tomllib

    try:
        tomllib.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as err:
        raise SettingsError(f"{path}: not UTF-8 text (byte {err.start}); save it as UTF-8") from None
    except tomllib.TOMLDecodeError as err:
        raise SettingsError(f"{path}: not valid TOML ({err}); fix or remove the file") from None
    except OSError as err:
        raise SettingsError(f"{path}: cannot read it ({err.strerror or err})") from None


def load_settings(**overrides: Any) -> Settings:
    """Build settings; None-valued overrides mean 'not given' so lower layers still apply."""
    given = {k: v for k, v in overrides.items() if v is not None}
    toml_file = config_file()
    if toml_file is not None:
        _check_toml(toml_file)
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
