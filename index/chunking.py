"""Sentence-aware chunking with llama-index's SentenceSplitter, measured in MiniLM word pieces."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from rag.types import Chunk

TokenizeFn = Callable[[str], list[int]]


class Chunker:
    def __init__(self, tokenize: TokenizeFn, chunk_tokens: int, overlap: int) -> None:
        from llama_index.core.node_parser import SentenceSplitter

        self._splitter: Any = SentenceSplitter(
            chunk_size=chunk_tokens,
            chunk_overlap=overlap,
            tokenizer=tokenize,
            paragraph_separator="\n\n",
            include_metadata=False,
            include_prev_next_rel=False,
        )

    def split(self, *, key: str, source: str, title: str, text: str, doc_hash: str) -> list[Chunk]:
        from llama_index.core import Document

        nodes = self._splitter.get_nodes_from_documents([Document(text=text, id_=doc_hash)])
        prefix = hashlib.sha256(f"{key}\0{doc_hash}".encode()).hexdigest()[:20]
        chunks: list[Chunk] = []
        search_from = 0
        for node in nodes:
            body = node.get_content()
            start = node.start_char_idx
            if start is None or text[start : start + len(body)] != body:
                # The splitter could not place the chunk; find it ourselves so offsets are exact.
                start = text.find(body, search_from)
                if start < 0:
                    continue
            search_from = start + 1
            chunks.append(
                Chunk(
                    id=f"{prefix}-{len(chunks):05d}",
                    source=source,
                    title=title,
                    text=body,
                    start=start,
                    end=start + len(body),
                    doc_hash=doc_hash,
                    position=len(chunks),
                    doc_key=key,
                )
            )
        return chunks


def embedding_text(chunk: Chunk) -> str:
    """What the dense model sees: the title gives context that a mid-article chunk lacks."""
    if chunk.title and not chunk.text.startswith(chunk.title):
        return f"{chunk.title}\n{chunk.text}"
    return chunk.text
