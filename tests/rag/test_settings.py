from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

# The dev-chosen default the settings and the answerer share.
from rag.answering.extractive import DEFAULT_MAX_WORDS, DEFAULT_THRESHOLD
from rag.settings import FLAT_NAMES, Settings, SettingsError, load_settings, nest


@pytest.fixture(autouse=True)
def _no_outside_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Each test starts from the defaults: no RAG_* variable, no ./rag.toml."""
    import os

    for name in list(os.environ):
        if name.upper().startswith("RAG_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)


def _toml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    path = tmp_path / "rag.toml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("RAG_CONFIG", str(path))


def test_defaults() -> None:
    s = load_settings()
    assert s.retrieval.top_k == 5 and s.store == Path(".rag")
    assert s.answering.answerer == "extractive" and s.answering.threshold == DEFAULT_THRESHOLD
    assert s.answering.max_words == DEFAULT_MAX_WORDS


def test_nested_toml_then_nested_env_then_arguments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _toml(tmp_path, monkeypatch,
          '[retrieval]\ntop_k = 7\nfusion = "rrf"\ncandidates = 11\n[answering]\nthreshold = 0.3\n')
    s = load_settings()
    assert (s.retrieval.top_k, s.retrieval.fusion, s.retrieval.candidates) == (7, "rrf", 11)
    assert s.answering.threshold == 0.3
    monkeypatch.setenv("RAG_RETRIEVAL__TOP_K", "8")
    s = load_settings()
    # The variable changes one field; the rest of the toml's section stays.
    assert (s.retrieval.top_k, s.retrieval.fusion, s.retrieval.candidates) == (8, "rrf", 11)
    assert load_settings(retrieval={"top_k": 9}).retrieval.top_k == 9
    assert load_settings(retrieval={"top_k": 9}).retrieval.candidates == 11
    # None means "not given": the lower layers still apply.
    assert load_settings(top_k=None).retrieval.top_k == 8


def test_flat_names_of_earlier_versions_still_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _toml(tmp_path, monkeypatch, 'top_k = 7\nfusion = "rrf"\nanswer_threshold = 0.25\n')
    s = load_settings()
    assert (s.retrieval.top_k, s.retrieval.fusion, s.answering.threshold) == (7, "rrf", 0.25)
    monkeypatch.setenv("RAG_TOP_K", "8")
    monkeypatch.setenv("RAG_API_KEY", "k")
    monkeypatch.setenv("RAG_MAX_FILE_MB", "2")
    s = load_settings()
    assert (s.retrieval.top_k, s.api.key, s.ingest.max_file_mb) == (8, "k", 2.0)
    assert s.ingest.max_file_bytes == 2 * 1024 * 1024
    # The CLI passes flat keyword arguments.
    assert load_settings(top_k=9, answerer="openai", llm_base_url="http://h/v1").llm.base_url == (
        "http://h/v1"
    )
    assert load_settings(top_k=9).retrieval.top_k == 9


def test_a_nested_env_name_beats_its_flat_alias(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAG_TOP_K", "8")
    monkeypatch.setenv("RAG_RETRIEVAL__TOP_K", "9")
    assert load_settings().retrieval.top_k == 9


def test_every_flat_name_lands_on_a_real_field() -> None:
    sections = Settings.model_fields
    for flat, (section, name) in FLAT_NAMES.items():
        model = sections[section].annotation
        assert name in model.model_fields, flat  # type: ignore[union-attr]
    assert nest({"top_k": 3, "retrieval": {"fusion": "rrf"}, "store": "x"}) == {
        "retrieval": {"top_k": 3, "fusion": "rrf"}, "store": "x"
    }


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"top_k": 0}, "retrieval.top_k"),
        ({"retrieval": {"top_k": 0}}, "retrieval.top_k"),
        ({"answerer": "gpt"}, "answering.answerer"),
        ({"answerer": "llamacpp"}, "llm.model_path"),
        ({"answerer": "openai"}, "llm.base_url"),
        ({"chunk_tokens": 300}, "ingest.chunk_tokens"),
        ({"chunk_overlap": 100}, "chunk_overlap must be less than half"),
        ({"nonsense": 1}, "nonsense"),
        ({"retrieval": {"top_kk": 3}}, "retrieval.top_kk"),
    ],
)
def test_invalid_settings_give_one_line(overrides: dict[str, object], message: str) -> None:
    with pytest.raises(SettingsError) as err:
        load_settings(**overrides)
    text = str(err.value)
    assert message in text and "\n" not in text


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[retrieval]\ntop_kk = 3\n", "retrieval.top_kk: Extra inputs are not permitted"),
        ("[retreival]\ntop_k = 3\n", "retreival: Extra inputs are not permitted"),
        ("top_kk = 3\n", "top_kk: Extra inputs are not permitted"),
        ("[retrieval]\ntop_k = 0\n", "retrieval.top_k"),
    ],
)
def test_a_misspelt_or_invalid_toml_key_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, toml: str, message: str
) -> None:
    _toml(tmp_path, monkeypatch, toml)
    with pytest.raises(SettingsError) as err:
        load_settings()
    assert message in str(err.value) and "\n" not in str(err.value)


def test_an_unparsable_section_variable_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAG_RETRIEVAL", "not json")
    with pytest.raises(SettingsError, match="retrieval") as err:
        load_settings()
    assert "\n" not in str(err.value)


def test_updated_is_a_validated_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    s = load_settings(top_k=4)
    monkeypatch.setenv("RAG_RETRIEVAL__TOP_K", "9")  # not read again
    t = s.updated(answer_threshold=0.0, answering={"max_sentences": 2})
    assert (t.answering.threshold, t.answering.max_sentences, t.retrieval.top_k) == (0.0, 2, 4)
    assert s.answering.threshold == DEFAULT_THRESHOLD  # the original is unchanged
    with pytest.raises(SettingsError, match="answering.threshold"):
        s.updated(answer_threshold=2.0)


def test_describe_is_nested_and_public_masks_secrets() -> None:
    s = load_settings(api_key="k", llm_api_key="secret")
    assert s.describe()["retrieval"]["top_k"] == 5
    public = s.public()
    assert public["api"]["key"] == "***" and public["llm"]["api_key"] == "***"
    assert load_settings().public()["llm"]["api_key"] is None


def test_cli_flags_override_toml_and_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rag.cli import _open, build_parser

    _toml(tmp_path, monkeypatch, "[retrieval]\ntop_k = 7\n")
    monkeypatch.setenv("RAG_RETRIEVAL__TOP_K", "8")
    args = build_parser().parse_args(["ask", "q", "--top-k", "3", "--store", str(tmp_path)])
    assert _open(args).settings.retrieval.top_k == 3
    args = build_parser().parse_args(["ask", "q", "--store", str(tmp_path)])
    assert _open(args).settings.retrieval.top_k == 8


def test_the_cli_names_the_nested_setting(tmp_path: Path) -> None:
    import os

    env = {k: v for k, v in os.environ.items() if not k.upper().startswith("RAG_")}
    env["RAG_RETRIEVAL__TOP_K"] = "0"
    done = subprocess.run([sys.executable, "-m", "rag.cli", "sources", "--store", str(tmp_path)],
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert done.returncode == 2
    assert done.stderr.startswith("rag: invalid settings: retrieval.top_k")
    assert done.stderr.count("\n") == 1


def test_a_misspelt_nested_variable_is_an_error_other_rag_variables_are_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("RAG_DEBUG", "1")  # read by the CLI, not a setting
    assert load_settings().retrieval.top_k == 5
    monkeypatch.setenv("RAG_RETRIEVAL__TOP_KK", "3")
    with pytest.raises(SettingsError, match="retrieval.top_kk"):
        load_settings()
