from __future__ import annotations

from pathlib import Path

import pytest

from rag.settings import SettingsError, load_settings


def test_defaults() -> None:
    s = load_settings()
    assert s.top_k == 5 and s.store == Path(".rag") and s.answerer == "extractive"


def test_precedence_toml_then_env_then_arguments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    toml = tmp_path / "rag.toml"
    toml.write_text('top_k = 7\nfusion = "weighted"\ncandidates = 11\n')
    monkeypatch.setenv("RAG_CONFIG", str(toml))
    assert load_settings().top_k == 7
    monkeypatch.setenv("RAG_TOP_K", "8")
    s = load_settings()
    assert (s.top_k, s.fusion, s.candidates) == (8, "weighted", 11)
    assert load_settings(top_k=9).top_k == 9
    # None means "not given": the lower layers still apply.
    assert load_settings(top_k=None).top_k == 8


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"top_k": 0}, "top_k"),
        ({"answerer": "gpt"}, "answerer"),
        ({"answerer": "llamacpp"}, "llm_model_path"),
        ({"answerer": "openai"}, "llm_base_url"),
        ({"chunk_tokens": 300}, "chunk_tokens"),
        ({"nonsense": 1}, "nonsense"),
    ],
)
def test_invalid_settings_give_one_line(overrides: dict[str, object], message: str) -> None:
    with pytest.raises(SettingsError) as err:
        load_settings(**overrides)
    text = str(err.value)
    assert message in text and "\n" not in text
