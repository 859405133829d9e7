"""The lexical index: search, IDF, and its on-disk cache keyed by the store's generation."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from index.bm25 import CACHE_FORMAT, LexicalIndex, normalise
from rag.text import stem
from rag.types import Chunk


def chunk(cid: str, text: str) -> Chunk:
    return Chunk(id=cid, source=f"{cid}.txt", title="", text=text, start=0, end=len(text))


CHUNKS = [
    chunk("a", "The ferry to the island leaves at noon."),
    chunk("b", "The ferry was cancelled because of the storm."),
    chunk("c", "Lighthouse repairs finished in March."),
    chunk("d", "Tourists visited the old lighthouse and the ferry terminal."),
]


@pytest.fixture
def index() -> LexicalIndex:
    return LexicalIndex.build(CHUNKS, "gen-1")


def test_search_finds_stemmed_terms_and_ranks_by_bm25(index: LexicalIndex) -> None:
    hits = index.search("cancelled ferries", 4)

    assert [c.id for c, _ in hits][0] == "b"
    assert {c.id for c, _ in hits} == {"a", "b", "d"}  # "ferries" matches "ferry"
    assert all(s > 0 for _, s in hits)


def test_a_name_from_code_is_found_by_its_words() -> None:
    """canvas-confetti's "zIndex Integer (default: 100)" for "What z-index does it use?", and
    Cloup's "col2_min_width" for the minimum width of a column: the name's words are terms."""
    index = LexicalIndex.build(
        [*CHUNKS, chunk("e", "zIndex Integer (default: 100): on top."), chunk("f", "Set col2_min_width.")], "gen-1"
    )

    assert [c.id for c, _ in index.search("the z-index", 4)] == ["e"]
    assert [c.id for c, _ in index.search("minimum width of a column", 4)] == ["f"]
    assert [c.id for c, _ in index.search("zIndex", 4)] == ["e"]


def test_question_words_alone_find_nothing(index: LexicalIndex) -> None:
    assert index.search("what was it?", 4) == []


def test_idf_follows_the_bm25_formula(index: LexicalIndex) -> None:
    n = len(CHUNKS)
    ferry, lighthouse, storm = stem("ferry"), stem("lighthouse"), stem("storm")

    assert index.idf_of(ferry) == pytest.approx(math.log(1 + (n - 3 + 0.5) / (3 + 0.5)))
    assert index.idf_of(lighthouse) == pytest.approx(math.log(1 + (n - 2 + 0.5) / (2 + 0.5)))
    assert index.idf_of(storm) > index.idf_of(lighthouse) > index.idf_of(ferry)
    # A term never seen counts as the rarest possible.
    assert index.idf_of("zebra") == pytest.approx(math.log(1 + (n + 0.5) / 0.5))


def test_saved_index_loads_for_its_generation_only(index: LexicalIndex, tmp_path: Path) -> None:
    folder = tmp_path / "bm25"
    index.save(folder)

    loaded = LexicalIndex.load(folder, "gen-1")

    assert loaded is not None
    assert [c.id for c in loaded.chunks] == [c.id for c in index.chunks]
    assert loaded.search("storm", 2) == index.search("storm", 2)
    assert loaded.idf_of(stem("ferry")) == index.idf_of(stem("ferry"))
    assert LexicalIndex.load(folder, "gen-2") is None  # another ingest happened since


def test_each_committed_state_has_its_own_folder(index: LexicalIndex, tmp_path: Path) -> None:
    # A reader still on the older state keeps its folder until it is stale (index/bm25.py).
    folder = tmp_path / "bm25"
    index.save(folder)
    LexicalIndex.build(CHUNKS[:2], "gen-2").save(folder)

    older = LexicalIndex.load(folder, "gen-1")
    newer = LexicalIndex.load(folder, "gen-2")
    assert older is not None and len(older.chunks) == len(CHUNKS)
    assert newer is not None and len(newer.chunks) == 2
    assert not [p for p in folder.iterdir() if p.name.startswith(".tmp")]  # no temp folders left


def test_incomplete_or_foreign_cache_is_ignored(index: LexicalIndex, tmp_path: Path) -> None:
    folder = tmp_path / "bm25"
    index.save(folder)
    (saved,) = [p for p in folder.iterdir() if (p / "generation.json").is_file()]
    (saved / "generation.json").write_text('{"generation": "gen-1", "format": "old"}')
    assert CACHE_FORMAT != "old"
    assert LexicalIndex.load(folder, "gen-1") is None

    (saved / "generation.json").unlink()  # the marker is written last: no marker, no cache
    assert LexicalIndex.load(folder, "gen-1") is None
    assert LexicalIndex.load(tmp_path / "missing", "gen-1") is None


def test_empty_index_searches_and_saves(tmp_path: Path) -> None:
    empty = LexicalIndex.build([], "gen-0")
    assert empty.search("ferry", 3) == []
    empty.save(tmp_path / "bm25")
    loaded = LexicalIndex.load(tmp_path / "bm25", "gen-0")
    assert loaded is not None and loaded.chunks == []


def test_normalise_scales_by_the_best_score() -> None:
    assert normalise([2.0, 1.0, 0.5]).tolist() == [1.0, 0.5, 0.25]
    assert normalise([]).tolist() == []
    assert normalise([0.0, 0.0]).tolist() == [0.0, 0.0]


def test_mentioning_finds_an_exact_name_in_any_chunk() -> None:
    index = LexicalIndex.build(
        [chunk("a", "| `log_filename` | `'postgresql.log'` |"), chunk("b", "| `log_file_mode` | `0600` |"),
         chunk("c", "Use --keep-going to go on."), chunk("d", "Set log_file_mode with care.")],
        "gen-m",
    )
    assert [c.id for c in index.mentioning("log_file_mode")] == ["b", "d"]
    assert index.mentioning("--keep") == [] and index.mentioning("log_file") == []


def test_a_name_is_found_as_markdown_shows_it_without_its_backslash_escapes() -> None:
    index = LexicalIndex.build([chunk("a", "| PNG support | -DEXIV2\\_ENABLE\\_PNG=Off |")], "gen-e")
    assert [c.id for c in index.mentioning("exiv2_enable_png")] == ["a"]


def test_a_version_is_one_term() -> None:
    # A NEWS file: every section says the same words; only the version tells them apart, and
    # its one-digit parts ("1", "2", "0") had all been dropped as too short to be words.
    sections = [
        chunk(f"s{i}", f"Noteworthy changes in version {v}\n\nThe pinentry qt and gtk dialogs were improved.")
        for i, v in enumerate(["1.1.0", "1.2.0", "0.9.5", "v1.3"])
    ]
    index = LexicalIndex.build(sections, "gen-v")
    assert index.search("When was pinentry 1.2.0 released?", 1)[0][0].id == "s1"
    assert index.search("What changed in 1.3?", 1)[0][0].id == "s3"
    assert index.idf_of("1.2.0") < index.idf_of("never-seen")


def test_a_one_letter_option_is_a_term() -> None:
    # "-g" had been dropped as a one-letter word: every flag's section looked alike to BM25.
    sections = [
        chunk("a", "The -O flag is an alias for opt-level=3. This flag sets the flag of flags."),
        chunk("b", "The -g flag is an alias for debuginfo=2. This flag controls debug info."),
        chunk("c", "This flag controls the linker. It takes e-mail style names."),
    ]
    index = LexicalIndex.build(sections, "gen-o")
    assert index.search("What does the -g flag do?", 1)[0][0].id == "b"
    assert index.idf_of("flag") < index.idf_of("-g") < index.idf_of("never-seen")

