"""The bench's corpus generator: deterministic, real text, vectors derived from real embeddings."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from bench import corpus
from index.embedding import default_model_path


def _maker(seed: int = 0) -> corpus.TextMaker:
    return corpus.TextMaker(corpus.seed_sentences(), corpus.word_list(default_model_path()), seed=seed)


def test_word_list_is_whole_words() -> None:
    words = corpus.word_list(default_model_path())
    assert len(words) > 10_000
    assert all(w.isalpha() and not w.startswith("#") and len(w) >= 4 for w in words)


def test_text_maker_is_deterministic_and_varies_words() -> None:
    a, b = _maker(3), _maker(3)
    sa = [a.sentence() for _ in range(50)]
    assert sa == [b.sentence() for _ in range(50)]
    seed_vocab = {w for s in corpus.seed_sentences() for w in s.split()}
    new_words = {w for s in sa for w in s.split()} - seed_vocab
    assert len(new_words) > 20  # words of the word list came in


def test_write_documents_reaches_the_word_piece_budget(tmp_path: Path) -> None:
    maker = _maker()
    count = lambda t: len(t.split())  # noqa: E731  (a cheap stand-in for the tokenizer)
    info = corpus.write_documents(tmp_path, 40, 200, 24, count, maker, tokens_per_doc=500)
    assert info["word_pieces"] >= 40 * 176
    assert (tmp_path / "000_1714d7cfa7218c5a.txt").is_file()  # seeds at the top level
    assert len(list((tmp_path / "gen").glob("*.txt"))) == info["files"] - 5


def test_synthetic_documents_have_exact_offsets_and_unit_vectors() -> None:
    maker = _maker()
    rng = np.random.default_rng(0)
    texts = [maker.sentence() for _ in range(30)]
    vecs = rng.normal(size=(30, 8)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    pool = corpus.SentencePool(texts, np.array([len(t.split()) for t in texts]), vecs)
    docs = list(corpus.synthetic_documents(pool, maker, 25, first_index=7, chunk_tokens=60,
                                           chunks_per_doc=10, key_prefix="/x"))
    assert [len(d[3]) for d in docs] == [10, 10, 5]
    for key, _title, text, chunks, v in docs:
        assert v.shape == (len(chunks), 8)
        assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
        for c in chunks:
            assert text[c.start : c.end] == c.text and c.doc_key == key
    ids = [c.id for d in docs for c in d[3]]
    assert len(set(ids)) == len(ids)


def test_synthetic_questions_use_stored_words() -> None:
    qs = corpus.synthetic_questions(["alpha bravo charlie delta echo foxtrot golf"] * 3, 5)
    assert qs and all(q.text.startswith("What does the report say about") for q in qs)
    assert all(not q.real for q in qs)


def test_packaged_corpus_is_the_repository_seeds() -> None:
    """bench/data is what a wheel ships; it must not drift from seeds/ and the benchmarks."""
    root = Path(__file__).resolve().parents[2]
    packaged = corpus.seed_texts()
    assert packaged == {p.name: p.read_text(encoding="utf-8") for p in (root / "seeds").glob("*.txt")}
    for f in corpus.QUESTION_FILES:
        assert f.read_text(encoding="utf-8") == (root / "evals" / "benchmarks" / f.name).read_text(
            encoding="utf-8"
        )
    assert len(corpus.seed_questions()) > 100


def test_an_explicit_corpus_folder_is_used(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("One two three four five six. Seven eight nine ten eleven.")

    assert corpus.seed_sentences(tmp_path) == [
        "One two three four five six.", "Seven eight nine ten eleven."
    ]
