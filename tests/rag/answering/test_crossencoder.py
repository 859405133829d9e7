"""The shipped answer model: its files match the checksums the training script recorded, it
loads without torch, and a missing or corrupt file is one clear line naming the fix."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rag.answering import crossencoder as ce

REPO = Path(__file__).resolve().parents[3]


def test_shipped_files_match_the_recorded_checksums() -> None:
    recorded = ce.recorded_checksums()
    assert set(recorded) == {ce.MODEL_FILE, ce.TOKENIZER_FILE}
    for name, digest in recorded.items():
        assert ce.sha256_of(ce.MODEL_DIR / name) == digest, name


def test_shipped_model_is_small_enough_to_commit() -> None:
    assert (ce.MODEL_DIR / ce.MODEL_FILE).stat().st_size <= 50 * 1024 * 1024


def test_the_query_path_does_not_import_torch() -> None:
    code = (
        "import sys; import rag.answering.extractive, rag.answering.crossencoder as c; "
        "m = c.CrossEncoder(); m.probabilities('q', ['a sentence']); "
        "print('torch' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert out.stdout.strip() == "False"


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "model"
    shutil.copytree(ce.MODEL_DIR, target)
    return target


def test_a_missing_model_file_names_it_and_the_fix(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / ce.MODEL_FILE).unlink()
    with pytest.raises(ce.ModelFileError) as err:
        ce.CrossEncoder(folder)
    msg = str(err.value)
    assert "\n" not in msg and ce.MODEL_FILE in msg and "make train-answerer" in msg


def test_a_corrupt_model_file_names_it_and_the_fix(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    with (folder / ce.MODEL_FILE).open("r+b") as f:
        f.seek(1000)
        f.write(b"\x00" * 16)
    with pytest.raises(ce.ModelFileError) as err:
        ce.CrossEncoder(folder)
    assert "corrupt" in str(err.value) and "make train-answerer" in str(err.value)


def test_an_unloadable_file_with_a_matching_checksum_is_still_one_line(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / ce.MODEL_FILE).write_bytes(b"not onnx")
    with pytest.raises(ce.ModelFileError) as err:
        ce.CrossEncoder(folder, verify=False)
    assert "\n" not in str(err.value) and "make train-answerer" in str(err.value)


def test_a_long_question_is_cut_deliberately_and_the_candidate_keeps_its_room() -> None:
    model = ce.shared()
    long_q = "why " * 500
    feed = ce.encode_pairs(model.tokenizer, long_q, ["the answer is here"], ce.MAX_LENGTH)
    ids = feed["input_ids"][0].tolist()
    assert len(ids) <= ce.MAX_LENGTH
    # [CLS] + capped question + [SEP] + the whole candidate + [SEP]
    assert len(ids) == 1 + ce.MAX_QUESTION_TOKENS + 1 + 4 + 1
    assert len(model.probabilities(long_q, ["the answer is here"])) == 1


def test_the_model_prefers_the_answering_sentence() -> None:
    model = ce.shared()
    p = model.probabilities(
        "What is the default port of the server?",
        ["The server listens on port 8080 by default.", "The project was started in 2019."],
    )
    assert p[0] > p[1]


def test_a_candidates_score_does_not_depend_on_the_others_read_with_it() -> None:
    # The int8 model scales activations per run: batched, a long neighbour (and its padding)
    # would move this candidate's score.
    model = ce.shared()
    q = "What is the default port of the server?"
    alone = model.logits(q, ["The server listens on port 8080 by default."])
    crowd = model.logits(q, [
        "The server listens on port 8080 by default.",
        "Configuration " * 60,
        "No.",
    ])
    assert crowd[0] == alone[0]
    assert model.logits(q, []).shape == (0,)


def test_support_probability_uses_the_best_passage() -> None:
    high = ce.support_probability(
        "The server listens on port 8080.",
        ["The cat sat on the mat.", "By default the server listens on port 8080."],
    )
    assert 0.0 <= high <= 1.0
    assert ce.support_probability("anything", []) == 0.0


def test_pairs_run_side_by_side_score_as_run_one_by_one() -> None:
    # Two one-thread sessions share the pairs out (pair_logits); a pair's logit must not depend
    # on which session read it, nor on the others.
    question = "Which port does the server listen on by default?"
    candidates = [f"The server listens on port {8000 + i} unless told otherwise{'.' * i}" for i in range(7)]
    alone = ce.CrossEncoder(threads=1)
    shared = ce.CrossEncoder(threads=2)
    assert len(shared.sessions) == 2 and len(alone.sessions) == 1
    assert shared.logits(question, candidates).tolist() == alone.logits(question, candidates).tolist()
    assert shared.logits(question, candidates[3:4]).tolist() == alone.logits(question, candidates)[3:4].tolist()
