"""RagRetriever inside llama-index's own query engine, with llama-index's MockLLM.

MockLLM echoes its prompt, so the response shows exactly what an LLM would have been given.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from llama_index.core.llms import MockLLM
from llama_index.core.query_engine import RetrieverQueryEngine
from llama_index.core.schema import TextNode

from rag.integrations.llama_index import RagRetriever
from rag.types import Chunk, ScoredChunk

BTG = "How many battalion tactical groups were positioned around Kyiv?"
SEED = "000_1714d7cfa7218c5a.txt"


@dataclass
class StubAssistant:
    hits: list[ScoredChunk]

    def retrieve(self, question: str, top_k: int | None = None) -> list[ScoredChunk]:
        self.asked = (question, top_k)
        return self.hits[: top_k or len(self.hits)]


def _chunk(i: int, text: str, **extra: Any) -> ScoredChunk:
    chunk = Chunk(f"c{i}", f"doc{i}.md", f"Doc {i}", text, 100 * i, 100 * i + len(text), **extra)
    return ScoredChunk(chunk, 1.0 - i / 10)


def test_nodes_carry_text_score_and_where_they_come_from() -> None:
    stub = StubAssistant([
        _chunk(1, "Install with pip.", doc_id="id-1", heading="Install › Requirements"),
        _chunk(2, "Page two says hello.", page=2),
    ])
    nodes = RagRetriever(stub, top_k=2).retrieve("how to install")  # type: ignore[arg-type]
    assert stub.asked == ("how to install", 2)
    assert [n.node.node_id for n in nodes] == ["c1", "c2"]
    assert [n.score for n in nodes] == pytest.approx([0.9, 0.8])
    first = nodes[0].node
    assert isinstance(first, TextNode)
    assert first.get_content() == "Install with pip."
    assert first.metadata == {
        "source": "doc1.md", "doc_id": "id-1", "title": "Doc 1", "heading": "Install › Requirements",
        "page": None, "start": 100, "end": 117, "chunk_id": "c1",
    }
    assert (first.start_char_idx, first.end_char_idx) == (100, 117)
    assert first.ref_doc_id == "id-1"
    assert nodes[1].node.ref_doc_id == "doc2.md"  # no doc_id yet: the source name stands in
    # The LLM sees where a passage is from, not offsets and ids.
    shown = first.get_content(metadata_mode="llm")  # type: ignore[arg-type]
    assert "source: doc1.md" in shown and "heading: Install › Requirements" in shown
    assert "chunk_id" not in shown and "start" not in shown and "page" not in shown  # page: None


def test_query_engine_with_mock_llm_over_a_stub() -> None:
    stub = StubAssistant([_chunk(1, "The ferry leaves at 08:15.")])
    engine = RetrieverQueryEngine.from_args(RagRetriever(stub), llm=MockLLM())  # type: ignore[arg-type]
    response = engine.query("When does the ferry leave?")
    assert "The ferry leaves at 08:15." in str(response)  # the passage reached the prompt
    assert [n.node.node_id for n in response.source_nodes] == ["c1"]


@pytest.mark.slow
def test_query_engine_over_the_seeds_store(assistant: Any) -> None:
    retriever = RagRetriever(assistant, top_k=3)
    engine = RetrieverQueryEngine.from_args(retriever, llm=MockLLM())
    response = engine.query(BTG)
    sources = [n.node.metadata["source"] for n in response.source_nodes]
    assert len(sources) == 3 and sources[0] == SEED
    top = response.source_nodes[0]
    assert "20 Russian 800-strong fast-response units" in top.node.get_content()
    assert top.score is not None and top.score > 0
    meta = top.node.metadata
    assert assistant.document_text(SEED)[meta["start"]:meta["end"]] == top.node.get_content()
    # Same passages, same order, as rag's own retrieval.
    assert [n.node.node_id for n in response.source_nodes] == [
        h.chunk.id for h in assistant.retrieve(BTG, 3)
    ]
    assert "20 Russian 800-strong" in str(response) and f"source: {SEED}" in str(response)
