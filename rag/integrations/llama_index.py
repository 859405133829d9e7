"""rag's hybrid retrieval as a llama-index retriever.

    from llama_index.core.query_engine import RetrieverQueryEngine
    from rag import Assistant
    from rag.integrations.llama_index import RagRetriever

    retriever = RagRetriever(Assistant.open(".rag"), top_k=5)
    engine = RetrieverQueryEngine.from_args(retriever, llm=my_llm)

Everything goes through `Assistant.retrieve`, so the store, fusion and settings are rag's own.
Each node keeps the chunk's id, so a node can be traced back to the passage a rag citation
would name: metadata carries source, doc_id, title, heading, page, and start/end offsets into
the cleaned document text (also set as the node's start_char_idx/end_char_idx).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from llama_index.core.base.base_retriever import BaseRetriever
from llama_index.core.schema import (
    NodeRelationship,
    NodeWithScore,
    QueryBundle,
    RelatedNodeInfo,
    TextNode,
)

if TYPE_CHECKING:
    from rag.assistant import Assistant
    from rag.types import ScoredChunk

# Shown to an LLM next to the passage: where it is from. Offsets and ids only help programs.
_LLM_METADATA = ("source", "title", "heading", "page")


class RagRetriever(BaseRetriever):
    def __init__(self, assistant: Assistant, top_k: int | None = None, **kwargs: Any) -> None:
        self._assistant = assistant
        self._top_k = top_k
        super().__init__(**kwargs)

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        hits = self._assistant.retrieve(query_bundle.query_str, self._top_k)
        return [to_node(hit) for hit in hits]


def to_node(hit: ScoredChunk) -> NodeWithScore:
    c = hit.chunk
    metadata: dict[str, Any] = {
        "source": c.source,
        "doc_id": c.doc_id,
        "title": c.title,
        "heading": c.heading,
        "page": c.page,
        "start": c.start,
        "end": c.end,
        "chunk_id": c.id,
    }
    # An empty heading or page would only be noise in the prompt.
    hidden = [k for k, v in metadata.items() if k not in _LLM_METADATA or v in ("", None)]
    node = TextNode(
        id_=c.id,
        text=c.text,
        metadata=metadata,
        start_char_idx=c.start,
        end_char_idx=c.end,
        excluded_llm_metadata_keys=hidden,
        excluded_embed_metadata_keys=list(metadata),
        relationships={
            # The document the chunk came from; its doc_id once documents have one.
            NodeRelationship.SOURCE: RelatedNodeInfo(node_id=c.doc_id or c.source),
        },
    )
    return NodeWithScore(node=node, score=hit.score)
