"""Corpora of any size, made here from the seed documents: nothing is downloaded.

Text: sentences of seeds/*.txt, recombined, with a share of their words swapped for words of a
word list (the whole words of the embedding model's own vocabulary, about 20k English words), so
the vocabulary grows with the corpus the way real text does and BM25 has real work to do.

Two ways into a store:
- `write_documents`: .txt files that go through Assistant.ingest (real chunking, real
  embeddings): used for the ingest measurement and the first corpus size.
- `synthetic_documents`: chunks with vectors derived from real embeddings, written straight
  into a ChunkStore, so a 100k-chunk store fills in minutes rather than hours. Each chunk's
  text is made of pool sentences that were embedded for real; its vector is a random convex
  mixture of those sentences' embeddings, re-normalised. BM25 always sees the real text.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

import numpy as np

from rag.text import split_sentences
from rag.types import Chunk

# Package data, so `rag bench` works from an installed wheel, not only in a checkout: copies of
# seeds/*.txt and the seeds questions (tests/bench/test_bench_corpus.py keeps them identical).
DATA: Traversable = files("bench") / "data"
SEEDS_DIR: Traversable = DATA / "seeds"
QUESTION_FILES: list[Traversable] = [
    DATA / "questions" / "seeds.jsonl",
    DATA / "questions" / "seeds_dev.jsonl",
]

CountFn = Callable[[str], int]
_WORD = re.compile(r"^([^A-Za-z]*)([A-Za-z]{4,})([^A-Za-z]*)$")


@dataclass(frozen=True)
class Question:
    text: str
    sources: tuple[str, ...] = ()  # seed files holding the answer, for a sanity hit rate
    real: bool = True


def seed_texts(seeds_dir: Path | Traversable | None = None) -> dict[str, str]:
    """name -> text of every *.txt in seeds_dir (default: the packaged seeds)."""
    root = SEEDS_DIR if seeds_dir is None else seeds_dir
    found = sorted((p for p in root.iterdir() if p.name.endswith(".txt")), key=lambda p: p.name)
    return {p.name: p.read_text(encoding="utf-8") for p in found}


def seed_sentences(seeds_dir: Path | Traversable | None = None) -> list[str]:
    out: list[str] = []
    for text in seed_texts(seeds_dir).values():
        for s in split_sentences(text):
            s = " ".join(s.split())
            if len(s.split()) >= 5:
                out.append(s)
    if not out:
        raise FileNotFoundError(f"no sentences in {seeds_dir or SEEDS_DIR}/*.txt")
    return out


def word_list(model_path: Path) -> list[str]:
    """Whole English words of the model's word-piece vocabulary (no '##' pieces, no symbols)."""
    vocab = (model_path / "vocab.txt").read_text(encoding="utf-8").splitlines()
    words = sorted({w for w in vocab if len(w) >= 4 and w.isascii() and w.isalpha()})
    if len(words) < 100:
        raise ValueError(f"{model_path}/vocab.txt has too few words for a word list")
    return words


def seed_questions(question_files: list[Path] | list[Traversable] | None = None) -> list[Question]:
    out: list[Question] = []
    for f in QUESTION_FILES if question_files is None else question_files:
        if not f.is_file():
            continue
        for line in f.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            sources = tuple(item.get("sources") or ()) if item.get("answerable", True) else ()
            out.append(Question(str(item["question"]), sources, True))
    return out


class TextMaker:
    """Recombines seed sentences and swaps words for words of a word list (deterministic)."""

    def __init__(self, sentences: list[str], words: list[str], seed: int = 0, swap: float = 0.3):
        self.sentences = sentences
        self.words = words
        self.rng = np.random.default_rng(seed)
        self.swap = swap

    def mutate(self, sentence: str, swap: float | None = None) -> str:
        p = self.swap if swap is None else swap
        toks = sentence.split(" ")
        draws = self.rng.random(len(toks))
        picks = self.rng.integers(0, len(self.words), len(toks))
        for i, tok in enumerate(toks):
            if draws[i] >= p:
                continue
            m = _WORD.match(tok)
            if not m:
                continue
            new = self.words[int(picks[i])]
            if m.group(2)[0].isupper():
                new = new.capitalize()
            toks[i] = m.group(1) + new + m.group(3)
        return " ".join(toks)

    def sentence(self) -> str:
        return self.mutate(self.sentences[int(self.rng.integers(0, len(self.sentences)))])

    def title(self, n: int) -> str:
        picks = self.rng.integers(0, len(self.words), 3)
        return f"Report {n:05d}: " + " ".join(self.words[int(i)].capitalize() for i in picks)

    def document(self, n: int, target_tokens: int, count_tokens: CountFn) -> tuple[str, int]:
        """A title line and paragraphs of 3-6 sentences, about target_tokens word pieces."""
        title = self.title(n)
        paras: list[str] = []
        tokens = count_tokens(title)
        while tokens < target_tokens:
            k = int(self.rng.integers(3, 7))
            para = " ".join(self.sentence() for _ in range(k))
            paras.append(para)
            tokens += count_tokens(para)
        return title + "\n\n" + "\n\n".join(paras) + "\n", tokens


def write_documents(
    folder: Path,
    target_chunks: int,
    chunk_tokens: int,
    overlap: int,
    count_tokens: CountFn,
    maker: TextMaker,
    *,
    include_seeds: bool = True,
    tokens_per_doc: int = 1800,
    seeds_dir: Path | None = None,
) -> dict[str, int]:
    """Write .txt files that chunk into about target_chunks chunks; the seed documents are
    copied in too (at the top level, so their sources match the benchmark questions)."""
    folder.mkdir(parents=True, exist_ok=True)
    step = max(1, chunk_tokens - overlap)
    budget = target_chunks * step
    written_tokens = 0
    files = 0
    if include_seeds:
        for name, text in seed_texts(seeds_dir).items():
            (folder / name).write_text(text, encoding="utf-8")
            written_tokens += count_tokens(text)
            files += 1
    gen = folder / "gen"
    gen.mkdir(exist_ok=True)
    n = 0
    while written_tokens < budget:
        want = min(tokens_per_doc, max(chunk_tokens, budget - written_tokens))
        text, tokens = maker.document(n, want, count_tokens)
        (gen / f"doc_{n:05d}.txt").write_text(text, encoding="utf-8")
        written_tokens += tokens
        files += 1
        n += 1
    return {"files": files, "word_pieces": written_tokens}


@dataclass
class SentencePool:
    """Sentences embedded for real: the raw material of synthetic chunks."""

    texts: list[str]
    tokens: np.ndarray  # word pieces per sentence
    vectors: np.ndarray  # (n, dim) normalised float32

    @classmethod
    def build(
        cls,
        maker: TextMaker,
        size: int,
        count_tokens: CountFn,
        embed: Callable[[list[str]], np.ndarray],
    ) -> SentencePool:
        texts = [maker.sentence() for _ in range(size)]
        tokens = np.array([max(1, count_tokens(t)) for t in texts], dtype=np.int64)
        vectors = np.asarray(embed(texts), dtype=np.float32)
        return cls(texts, tokens, vectors)


def synthetic_documents(
    pool: SentencePool,
    maker: TextMaker,
    n_chunks: int,
    *,
    first_index: int,
    chunk_tokens: int,
    chunks_per_doc: int,
    key_prefix: str,
    noise: float = 0.02,
) -> Iterator[tuple[str, str, str, list[Chunk], np.ndarray]]:
    """Yield (doc key, title, document text, chunks, vectors) until n_chunks chunks are made."""
    rng = maker.rng
    dim = pool.vectors.shape[1]
    made = 0
    doc_no = first_index
    while made < n_chunks:
        m = min(chunks_per_doc, n_chunks - made)
        title = maker.title(doc_no)
        source = f"synthetic/doc_{doc_no:06d}.txt"
        key = f"{key_prefix}/{source}"
        bodies: list[str] = []
        vecs = np.empty((m, dim), dtype=np.float32)
        for j in range(m):
            picks: list[int] = []
            tokens = 0
            while tokens < chunk_tokens - 12:
                i = int(rng.integers(0, len(pool.texts)))
                picks.append(i)
                tokens += int(pool.tokens[i])
            # A little more word swapping so the lexical vocabulary keeps growing with size.
            bodies.append(" ".join(maker.mutate(pool.texts[i], 0.08) for i in picks))
            weights = rng.dirichlet(np.ones(len(picks))) * pool.tokens[picks]
            v = (weights / weights.sum()) @ pool.vectors[picks]
            v = v + rng.normal(0.0, noise / np.sqrt(dim), dim)
            vecs[j] = v / np.linalg.norm(v)
        text = title + "\n\n" + "\n\n".join(bodies) + "\n"
        doc_hash = hashlib.sha256(text.encode()).hexdigest()[:32]
        chunks: list[Chunk] = []
        pos = len(title) + 2
        for j, body in enumerate(bodies):
            chunks.append(
                Chunk(
                    id=f"syn{doc_no:06d}-{j:05d}",
                    source=source,
                    title=title,
                    text=body,
                    start=pos,
                    end=pos + len(body),
                    doc_hash=doc_hash,
                    position=j,
                    doc_key=key,
                )
            )
            pos += len(body) + 2
        yield key, title, text, chunks, vecs
        made += m
        doc_no += 1


def synthetic_questions(texts: list[str], n: int, seed: int = 1) -> list[Question]:
    """Questions made of a few content words of stored chunks (they have lexical matches)."""
    rng = np.random.default_rng(seed)
    out: list[Question] = []
    if not texts:
        return out
    for _ in range(n):
        words = [w.strip(".,;:\"'()") for w in texts[int(rng.integers(0, len(texts)))].split()]
        words = [w for w in words if len(w) >= 5 and w.isalpha()]
        if len(words) < 3:
            continue
        k = int(rng.integers(3, min(7, len(words)) + 1))
        start = int(rng.integers(0, len(words) - k + 1))
        out.append(Question("What does the report say about " + " ".join(words[start : start + k]) + "?",
                            (), False))
    return out
