"""scripts/choose_threshold.py pools dev runs at threshold 0 and applies the operating-point rule;
it refuses the reported test files."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import choose_threshold  # noqa: E402

QUESTIONS = [
    {"id": "a1", "question": "What port?", "answers": ["8080"], "sources": ["a.txt"],
     "evidence": ["port 8080"], "answerable": True},
    {"id": "a2", "question": "What host?", "answers": ["local"], "sources": ["a.txt"],
     "evidence": ["host local"], "answerable": True},
    {"id": "u1", "question": "What colour?", "answers": [], "sources": [], "evidence": [],
     "answerable": False},
]


def run(tmp: Path, name: str, confidences: dict[str, float]) -> tuple[Path, Path]:
    bench = tmp / name
    bench.write_text("".join(json.dumps(q) + "\n" for q in QUESTIONS), encoding="utf-8")
    out = tmp / f"{name}-out"
    out.mkdir()
    texts = {"a1": "The port is 8080 [1]", "a2": "The host is local [1]", "u1": "Blue [1]"}
    answers = [
        {"id": i, "answer": texts[i], "abstained": False, "citations": [{"n": 1}], "confidence": c}
        for i, c in confidences.items()
    ]
    (out / "answers.jsonl").write_text("".join(json.dumps(a) + "\n" for a in answers))
    return bench, out


def test_pools_the_runs_and_picks_the_lowest_threshold_refusing_most(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The unanswerable answers score 0.04 and 0.10; every answerable one scores 0.5 or more.
    b1, o1 = run(tmp_path, "one_dev.jsonl", {"a1": 0.9, "a2": 0.5, "u1": 0.04})
    b2, o2 = run(tmp_path, "two_dev.jsonl", {"a1": 0.8, "a2": 0.6, "u1": 0.10})
    assert choose_threshold.main([str(b1), str(o1), str(b2), str(o2)]) == 0
    assert "chosen: 0.11" in capsys.readouterr().out


def test_the_limit_holds_on_each_dev_file_not_only_pooled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Pooled, 0.21 refuses both unanswerable questions for 1 wrong refusal in 4 (within 0.3),
    # but that is 1 in 2 of the first file's answerable questions.
    b1, o1 = run(tmp_path, "one_dev.jsonl", {"a1": 0.9, "a2": 0.08, "u1": 0.10})
    b2, o2 = run(tmp_path, "two_dev.jsonl", {"a1": 0.8, "a2": 0.6, "u1": 0.20})
    argv = [str(b1), str(o1), str(b2), str(o2), "--max-wrong-refusals", "0.3"]
    assert choose_threshold.main(argv) == 0
    assert "chosen: 0.00" in capsys.readouterr().out


def test_refuses_a_reported_test_file(tmp_path: Path) -> None:
    bench, out = run(tmp_path, "seeds.jsonl", {"a1": 0.9, "a2": 0.5, "u1": 0.04})
    with pytest.raises(SystemExit, match="reported test file"):
        choose_threshold.main([str(bench), str(out)])
