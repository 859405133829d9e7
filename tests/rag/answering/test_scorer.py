"""The combined answer scorer: its features follow general rules, its shipped weights match the
checksum scripts/fit_scorer.py recorded, and a missing or corrupt file is one clear line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from rag.answering import scorer as sc
from rag.answering.crossencoder import ModelFileError, sha256_of
from rag.answering.extractive import ExtractiveAnswerer
from rag.types import Chunk, ScoredChunk


def flat_idf(_term: str) -> float:
    return 1.0


def vec(question: str, candidate: str, context: str = "", p: float = 0.5) -> dict[str, float]:
    return dict(zip(sc.FEATURES, sc.features(question, candidate, context or candidate, p, flat_idf), strict=True))


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How many workers does the server start?", "number"),
        ("What percentage of users upgraded?", "number"),
        ("When was version 2 released?", "date"),
        ("In which year did the project start?", "date"),
        ("Who maintains the package?", "name"),
        ("What does the --force option do?", None),
        ("In which tmux version did socket activation arrive?", "number"),
        ("Which release dropped Python 2?", "number"),
        ("Which versions of the file are kept?", None),
    ],
)
def test_expected_answer_type_comes_from_the_wh_phrase(question: str, kind: str | None) -> None:
    assert sc.expected_type(question) == kind


def test_a_number_question_needs_a_number_the_question_does_not_already_hold() -> None:
    q = "How many workers does version 3 start?"
    assert vec(q, "Version 3 starts 8 workers by default.")["type_present"] == 1.0
    assert vec(q, "Version 3 starts workers on demand.")["type_present"] == 0.0


def test_a_who_question_finds_a_name_in_a_handle() -> None:
    q = "Who added fish prompt changing?"
    assert vec(q, "Add fish prompt changing by @romirk in pull 475")["type_present"] == 1.0
    assert vec(q, "Write to bugs@example.org about fish prompt changing.")["type_present"] == 0.0


def test_coverage_is_idf_weighted_and_context_counts_the_passage() -> None:
    idf = {"port": 1.0, "postgres": 5.0}
    q = "Which port does postgres listen on?"
    f = sc.features(q, "The port is 5432.", "PostgreSQL notes: postgres uses the port below.", 0.5, lambda t: idf.get(t, 1.0))
    row = dict(zip(sc.FEATURES, f, strict=True))
    assert row["coverage"] < row["context_coverage"]
    assert row["rarest_in_context"] == 1.0
    far = dict(zip(sc.FEATURES, sc.features(q, "The port is 5432.", "The port is 5432.", 0.5, lambda t: idf.get(t, 1.0)), strict=True))
    assert far["rarest_in_context"] == 0.0


def test_a_heading_that_dates_the_asked_version_is_not_read_as_a_mere_title() -> None:
    def heading(question: str, title: str) -> float:
        row = sc.features(question, title, title, 0.5, lambda t: 1.0, kind="heading")
        return dict(zip(sc.FEATURES, row, strict=True))["heading"]

    dated = "Noteworthy changes in version 1.2.0 (2021-08-25)"
    assert heading("When was pinentry 1.2.0 released?", dated) == 0.0
    assert heading("When was pinentry 1.1.0 released?", dated) == 1.0  # another version's
    assert heading("What changed in pinentry 1.2.0?", dated) == 1.0  # no date asked
    assert heading("When was pinentry 1.2.0 released?", "Changes in version 1.2.0") == 1.0


def test_shipped_weights_match_their_checksum_and_load() -> None:
    recorded = (sc.MODEL_DIR / sc.SCORER_CHECKSUM).read_text().split()[0]
    assert sha256_of(sc.MODEL_DIR / sc.SCORER_FILE) == recorded
    model = sc.load()
    assert len(model.weights) == len(sc.FEATURES)
    # The cross-encoder's own judgement must still count, and positively.
    assert model.weights[sc.FEATURES.index("ce_logit")] > 0


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "model"
    folder.mkdir()
    for name in (sc.SCORER_FILE, sc.SCORER_CHECKSUM):
        shutil.copyfile(sc.MODEL_DIR / name, folder / name)
    return folder


def test_a_missing_or_corrupt_weights_file_is_one_line_naming_the_fix(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    data = json.loads((folder / sc.SCORER_FILE).read_text())
    data["bias"] += 1
    (folder / sc.SCORER_FILE).write_text(json.dumps(data))
    with pytest.raises(ModelFileError) as err:
        sc.load(folder)
    assert "\n" not in str(err.value) and "corrupt" in str(err.value) and sc.REFIT in str(err.value)
    (folder / sc.SCORER_FILE).unlink()
    with pytest.raises(ModelFileError, match="missing"):
        sc.load(folder)


def test_the_answerer_ranks_refuses_and_reports_confidence_by_the_combined_score() -> None:
    class Constant:
        def probabilities(self, question: str, candidates: list[str]) -> np.ndarray:
            return np.full(len(candidates), 0.5)

    # Only the number feature counts: the candidate with a new number wins and sets the confidence.
    weights = tuple(4.0 if f == "type_present" else 0.0 for f in sc.FEATURES)
    combiner = sc.CombinedScorer(weights, -2.0, (0.0,) * len(sc.FEATURES), (1.0,) * len(sc.FEATURES))
    text = "The server starts workers on demand.\n\nThe server starts 8 workers by default."
    chunk = Chunk(id="c", source="a.txt", title="T", text=text, start=0, end=len(text))
    answerer = ExtractiveAnswerer(Constant(), combiner=combiner, threshold=0.5)  # type: ignore[arg-type]
    draft = answerer.answer("How many workers does the server start?", [ScoredChunk(chunk, 1.0)])
    assert not draft.abstained and "8 workers" in draft.text and "on demand" not in draft.text
    assert draft.confidence == pytest.approx(1 / (1 + np.exp(-2.0)))
    refused = answerer.answer("How many threads does the server use?", [ScoredChunk(Chunk(id="d", source="a.txt", title="T", text="The server uses threads.", start=0, end=24), 1.0)])
    assert refused.abstained


def test_a_row_whose_key_the_question_names_scores_its_key_coverage() -> None:
    q = "What is the default value of work_mem?"
    row = sc.features(q, "Parameter: work_mem; Default: 4MB", "", 0.5, flat_idf, kind="row", key="`work_mem`")
    other = sc.features(
        q, "Parameter: hash_mem_multiplier; Notes: work_mem", "", 0.5, flat_idf, kind="row", key="hash_mem_multiplier"
    )
    named = dict(zip(sc.FEATURES, row, strict=True)), dict(zip(sc.FEATURES, other, strict=True))
    assert named[0]["keyed"] == named[1]["keyed"] == 1.0
    assert named[0]["key_coverage"] == 1.0 and named[1]["key_coverage"] == pytest.approx(1 / 3)
    field = dict(zip(sc.FEATURES, sc.features("Which port?", "port = 8080", "", 0.5, flat_idf, kind="field", key="port"), strict=True))
    assert field["key_coverage"] == 1.0
    sentence = vec(q, "The work_mem default is 4MB.")
    assert sentence["keyed"] == sentence["key_coverage"] == 0.0


def test_heading_and_passage_rank_features() -> None:
    title = dict(zip(sc.FEATURES, sc.features("Debugger?", "Debugger", "", 0.5, flat_idf, kind="heading", passage=3), strict=True))
    assert title["heading"] == 1.0 and title["passage_rank"] == 0.25
    assert vec("Debugger?", "Debugger")["heading"] == 0.0 and vec("Debugger?", "Debugger")["passage_rank"] == 1.0


@pytest.mark.parametrize(
    ("candidate", "usage"),
    [
        ("SYNOPSIS pkcon [OPTION...] [COMMAND]", True),
        ("xdg-desktop-menu install [--noupdate] [--mode mode] directory-file(s) desktop-file(s)", True),
        ("[--set property value] [--gamma red[:green:blue]]", True),
        ("Set the level [default 3] of logging for the server when it runs.", False),
        ("See the [docs](https://example.org) for more", False),
        ("[5.3.1]: https://github.com/example/compare/v5.3.0...v5.3.1", False),
        ("The format of the time command is: time [option] command [arg]", False),
    ],
)
def test_a_usage_line_is_told_from_prose_and_links(candidate: str, usage: bool) -> None:
    assert sc.usage_line(candidate) is usage
    assert vec("Which pkcon option installs a package?", candidate)["usage"] == float(usage)


def test_a_candidate_naming_only_another_version_than_the_asked_one_is_marked() -> None:
    q = "On what date was json5 v0.12.1 released?"
    assert vec(q, "v0.8.0 (2019-06-11)")["other_version"] == 1.0
    assert vec(q, "v0.12.1 (2025-08-12)")["other_version"] == 0.0
    # No version asked, or none named: nothing to contradict.
    assert vec("When was json5 first released?", "v0.8.0 (2019-06-11)")["other_version"] == 0.0
    assert vec(q, "Releases are tagged on GitHub.")["other_version"] == 0.0


def test_the_entry_of_the_asked_option_is_marked_but_a_sentence_mentioning_it_is_not() -> None:
    q = "What does the -u option of ctags do?"
    assert vec(q, '-u     Equivalent to --sort=no (i.e. "unsorted").')["opens_with_asked"] == 1.0
    assert vec(q, "`-u`: Equivalent to --sort=no.")["opens_with_asked"] == 1.0
    assert vec(q, "Use -u when the order does not matter.")["opens_with_asked"] == 0.0
    assert vec(q, "-x     Print a tabular, human-readable cross reference.")["opens_with_asked"] == 0.0
    assert vec("What does ctags do?", "-u     Equivalent to --sort=no.")["opens_with_asked"] == 0.0
    row = sc.features("What is the default of work_mem?", "Parameter: work_mem; Default: 4MB", "", 0.5, flat_idf, kind="row", key="work_mem")
    assert dict(zip(sc.FEATURES, row, strict=True))["opens_with_asked"] == 1.0


def test_an_items_section_title_counts_toward_its_coverage() -> None:
    q = "What are the requirements?"
    plain = dict(zip(sc.FEATURES, sc.features(q, "PostgreSQL 15", "", 0.5, lambda t: 1.0, kind="item"), strict=True))
    titled = dict(
        zip(sc.FEATURES, sc.features(q, "PostgreSQL 15", "", 0.5, lambda t: 1.0, kind="item", title="Requirements"), strict=True)
    )
    assert plain["coverage"] == 0.0 and titled["coverage"] == 1.0
