from __future__ import annotations

from pathlib import Path

from index.chunking import Chunker
from index.embedding import Embedder
from index.loaders import load_document


def test_chunks_fit_minilm_and_offsets_are_exact(seeds_dir: Path) -> None:
    emb = Embedder()
    chunker = Chunker(lambda t: emb.tokenizer.encode(t, add_special_tokens=False).ids, 200, 24)
    for path in sorted(seeds_dir.iterdir()):
        doc = load_document(path, 10_000_000)
        chunks = chunker.split(key=str(path), source=path.name, title=doc.title, text=doc.text, doc_hash="h")
        assert chunks
        for i, c in enumerate(chunks):
            assert doc.text[c.start : c.end] == c.text
            # [CLS] and [SEP] are added by the model: the whole must fit in 256.
            assert emb.count_tokens(c.text) + 2 <= emb.max_tokens
            assert c.position == i and c.source == path.name
        # Every paragraph of the cleaned text is in some chunk.
        joined = " ".join(c.text for c in chunks)
        for para in doc.text.split("\n\n"):
            assert para[:60] in joined
