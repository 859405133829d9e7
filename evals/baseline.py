"""The naive baseline: what a user builds from the llama-index starter tutorial.

    documents = SimpleDirectoryReader(DOCS).load_data()
    index = VectorStoreIndex.from_documents(documents)
    index.as_query_engine().query(question)

Kept as the tutorial has it: default chunking (SentenceSplitter, 1024 tokens, 200 overlap) on
the raw files (no boilerplate removal), dense retrieval of the top 2 chunks, an in-memory
store, and the same embedding model as ours so that only the pipeline differs.

Its "answer" is the concatenated text of the two retrieved chunks, and it never abstains. A
generating LLM would add a second variable (which model?), and the chunks are exactly what
such an LLM would read: if the answer is not in them, no honest LLM could give it. The
containment scoring rule therefore gives the baseline the best accuracy it could reach with
those chunks, which makes the comparison conservative for us.

It produces answer dicts in the shape of `Answer.to_dict()`, so evals.metrics scores both.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tqdm import tqdm

from evals.format import BenchmarkQuestion

TOP_K = 2  # the tutorial's default similarity_top_k
FAIR_K = 5  # retrieved as well, to compare evidence hit at our default top_k
EMBED_BATCH_SIZE = 64


def describe() -> dict[str, Any]:
    """The baseline's settings, for report.json."""
    from llama_index.core.node_parser import SentenceSplitter

    splitter = SentenceSplitter()
    return {
        "pipeline": "llama-index VectorStoreIndex.from_documents(SimpleDirectoryReader(docs))",
        "chunk_size": splitter.chunk_size,
        "chunk_overlap": splitter.chunk_overlap,
        "top_k": TOP_K,
        "fair_k": FAIR_K,
        "llm": "MockLLM (answer = concatenated text of the top-2 chunks; never abstains)",
    }


class Baseline:
    """The tutorial index over one documents folder; build once, then answer many questions."""

    def __init__(self, docs: Path) -> None:
        self.docs = docs
        self._retriever: Any = None

    def build(self) -> None:
        # First: importing index.embedding sets HF_HUB_OFFLINE, which huggingface_hub reads
        # once, when llama-index imports it.
        from index.embedding import default_model_path

        model_path = default_model_path()
        from llama_index.core import Settings, SimpleDirectoryReader, VectorStoreIndex
        from llama_index.core.llms import MockLLM
        from llama_index.embeddings.huggingface import HuggingFaceEmbedding

        # Without this, anything resolving the default LLM would try to reach OpenAI.
        Settings.llm = MockLLM()
        embed = HuggingFaceEmbedding(
            model_name=str(model_path), device="cpu", embed_batch_size=EMBED_BATCH_SIZE
        )
        documents = SimpleDirectoryReader(str(self.docs)).load_data()
        index = VectorStoreIndex.from_documents(documents, embed_model=embed)
        # One retrieval of FAIR_K serves both k: dense ranking does not depend on k, so its first
        # TOP_K nodes are what a top-2 retriever returns.
        self._retriever = index.as_retriever(similarity_top_k=FAIR_K)

    def ask(self, question: BenchmarkQuestion) -> dict[str, Any]:
        if self._retriever is None:
            self.build()
        t0 = time.perf_counter()
        nodes = self._retriever.retrieve(question.question)
        elapsed = (time.perf_counter() - t0) * 1000
        retrieved = [_node_dict(n) for n in nodes]
        return {
            "id": question.id,
            "question": question.question,
            "answer": "\n\n".join(r["text"] for r in retrieved[:TOP_K]),
            "abstained": False,
            "citations": [],
            "retrieved": retrieved,
            "timings_ms": {"retrieve": round(elapsed, 2), "total": round(elapsed, 2)},
            "answerer": "llama-index-baseline",
        }

    def run(self, questions: Sequence[BenchmarkQuestion]) -> list[dict[str, Any]]:
        if self._retriever is None:
            self.build()
        bar = tqdm(questions, desc="baseline", unit="q", file=sys.stderr, disable=None)
        return [self.ask(q) for q in bar]


def _node_dict(scored: Any) -> dict[str, Any]:
    node = scored.node
    return {
        "source": str(node.metadata.get("file_name", "")),
        "chunk_id": str(node.node_id),
        "text": node.get_content(),
        "start": node.start_char_idx,
        "end": node.end_char_idx,
        "score": round(float(scored.score or 0.0), 6),
    }
