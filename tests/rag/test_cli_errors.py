"""Every user-fixable problem is one line on stderr naming the thing and what to do, with a
non-zero exit, never a traceback; read-only commands never create a store. Real subprocesses of
`python -m rag.cli`, as a user would run them."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from rag import Assistant, RagError

ROOT = Path(__file__).resolve().parents[2]
BTG = "How many battalion tactical groups were positioned around Kyiv?"


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None,
        timeout: float = 300) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("RAG_")}
    full_env["PYTHONPATH"] = str(ROOT)
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "rag.cli", *args], capture_output=True, text=True,
                          cwd=cwd, env=full_env, timeout=timeout)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Case:
    args: list[str]
    expect: str  # a word the one line must contain
    env: dict[str, str] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)  # written under the working folder


CASES: dict[str, Case] = {
    "malformed rag.toml": Case(["sources"], "rag.toml", files={"rag.toml": b"top_k = \n"}),
    "non-UTF-8 rag.toml": Case(["sources"], "UTF-8", files={"rag.toml": b"top_k = 3 # \xff\xfe\n"}),
    "missing RAG_CONFIG file": Case(["sources"], "RAG_CONFIG", env={"RAG_CONFIG": "nowhere.toml"}),
    "--store is a file (ask)": Case(["ask", "q", "--store", "afile"], "afile", files={"afile": b"x"}),
    "--store is a file (ingest)": Case(["ingest", "doc.txt", "--store", "afile"], "afile",
                                       files={"afile": b"x", "doc.txt": b"Some text here.\n"}),
    "--store cannot be created": Case(["ingest", "doc.txt", "--store", "afile/sub"], "afile",
                                      files={"afile": b"x", "doc.txt": b"Some text here.\n"}),
    "unreachable Chroma server": Case(
        ["ingest", "doc.txt", "--chroma-host", "127.0.0.1", "--chroma-port", "PORT"], "Chroma",
        files={"doc.txt": b"Some text here.\n"}),
    "RAG_MAX_FILE_MB=inf": Case(["ingest", "doc.txt"], "ingest.max_file_mb", env={"RAG_MAX_FILE_MB": "inf"}),
    "RAG_MAX_FILE_MB=nan": Case(["ingest", "doc.txt"], "max_file_mb", env={"RAG_MAX_FILE_MB": "nan"}),
    "RAG_MAX_FILE_MB=1e12": Case(["ingest", "doc.txt"], "max_file_mb",
                                 env={"RAG_MAX_FILE_MB": "1e12"}),
    "RAG_TOP_K=-1": Case(["sources"], "retrieval.top_k", env={"RAG_TOP_K": "-1"}),
    "RAG_LLM_TIMEOUT_S=inf": Case(["sources"], "llm.timeout_s", env={"RAG_LLM_TIMEOUT_S": "inf"}),
    "RAG_LLM__TIMEOUT_S=inf": Case(["sources"], "llm.timeout_s", env={"RAG_LLM__TIMEOUT_S": "inf"}),
    "RAG_EMBED_MODEL=/nonexistent": Case(["ingest", "doc.txt"], "/nonexistent",
                                         env={"RAG_EMBED_MODEL": "/nonexistent"}),
    "non-UTF-8 --questions": Case(["ask", "--questions", "q.jsonl"], "q.jsonl",
                                  files={"q.jsonl": b'{"question": "caf\xe9?"}\n'}),
    "ask on a store that is not there": Case(["ask", "q", "--store", "typo"], "typo"),
    "sources on a store that is not there": Case(["sources", "--store", "typo"], "typo"),
    "remove on a store that is not there": Case(["remove", "x.txt", "--store", "typo"], "typo"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_one_line_and_a_non_zero_exit(name: str, tmp_path: Path) -> None:
    case = CASES[name]
    for rel, data in case.files.items():
        (tmp_path / rel).write_bytes(data)
    args = [a.replace("PORT", str(_free_port())) for a in case.args]
    res = run(args, tmp_path, case.env)
    lines = res.stderr.strip().splitlines()
    assert res.returncode != 0, (name, res.stdout, res.stderr)
    assert len(lines) == 1, (name, res.stderr)
    assert lines[0].startswith("rag: ") and case.expect in lines[0], (name, lines[0])
    assert "Traceback" not in res.stderr
    # Read-only commands leave no folder behind where a mistyped --store pointed.
    assert not (tmp_path / "typo").exists()
    assert not (tmp_path / ".rag").exists() or args[0] == "ingest"


def test_chat_on_a_store_that_is_not_there(tmp_path: Path) -> None:
    res = subprocess.run([sys.executable, "-m", "rag.cli", "chat", "--store", "typo"], input="q\n",
                         capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert res.returncode == 1 and "typo" in res.stderr and "Traceback" not in res.stderr
    assert not (tmp_path / "typo").exists()


@pytest.mark.slow
def test_null_question_is_reported_not_asked(seeds_store: Path, tmp_path: Path) -> None:
    (tmp_path / "q.jsonl").write_text(
        json.dumps({"id": "a", "question": None}) + "\n" + json.dumps({"id": "b", "question": BTG})
        + "\n"
    )
    res = run(["ask", "--questions", "q.jsonl", "--store", str(seeds_store)], tmp_path)
    out = [json.loads(line) for line in res.stdout.splitlines()]
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert "question" in out[0]["error"] and "None" not in json.dumps(out[0])
    assert out[1]["id"] == "b" and not out[1]["abstained"]


@pytest.mark.slow
def test_output_piped_into_head_ends_quietly(seeds_store: Path, tmp_path: Path) -> None:
    # Enough answers to overflow the pipe after `head -1` has gone.
    (tmp_path / "q.jsonl").write_text("".join(
        json.dumps({"id": i, "question": BTG}) + "\n" for i in range(40)))
    cmd = (f"{sys.executable} -m rag.cli ask --questions q.jsonl --store {seeds_store} | head -1; "
           "echo exit=${PIPESTATUS[0]} >&2")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    res = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True, cwd=tmp_path,
                         env=env, timeout=600)
    assert json.loads(res.stdout)["id"] == "0"
    assert "Traceback" not in res.stderr and "BrokenPipe" not in res.stderr, res.stderr
    assert res.stderr.strip().splitlines()[-1] == "exit=141"


@pytest.mark.slow
@pytest.mark.parametrize("top_k", [0, -1, 2.5, True, "3", 51])
def test_api_top_k_is_validated_like_the_setting(assistant: Assistant, top_k: object) -> None:
    with pytest.raises(RagError, match="top_k") as err:
        assistant.ask(BTG, top_k=top_k)  # type: ignore[arg-type]
    assert "\n" not in str(err.value)


@pytest.mark.slow
def test_api_question_that_is_not_text(assistant: Assistant) -> None:
    with pytest.raises(RagError, match="text"):
        assistant.ask(42)  # type: ignore[arg-type]
