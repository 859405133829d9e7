"""The Python API end to end on the real stack: seeds in a real Chroma store, the real model."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag import Assistant, EmptyQuestionError, EmptyStoreError
from rag.answering.base import Turn

BTG = "How many battalion tactical groups were positioned around Kyiv?"


def test_answers_a_number_with_a_verbatim_citation(assistant: Assistant, seeds_dir: Path) -> None:
    answer = assistant.ask(BTG)
    assert not answer.abstained
    assert "20" in answer.text
    assert answer.citations and answer.citations[0].source == "000_1714d7cfa7218c5a.txt"
    for c in answer.citations:
        assert c.text in (seeds_dir / c.source).read_text(encoding="utf-8")
        assert f"[{c.n}]" in answer.text


def test_citation_offsets_point_into_the_cleaned_document(assistant: Assistant) -> None:
    answer = assistant.ask("Who is the Luhansk regional governor?")
    assert "Haidai" in answer.text
    for c in answer.citations:
        cleaned = assistant.document_text(c.source)
        assert cleaned is not None and cleaned[c.start : c.end] == c.text


def test_boilerplate_is_refused_and_never_indexed(assistant: Assistant) -> None:
    answer = assistant.ask("What did Taylor Swift gain ownership of?")
    assert answer.abstained
    assert answer.citations == []
    assert "do not contain" in answer.text
    texts = assistant.store.chunks.get(include=["documents"])["documents"]
    assert texts
    for banned in ("Sign up for", "Leave a Reply", "Taylor Swift", "has worked as"):
        assert not any(banned in t for t in texts), banned


def test_answer_to_dict_has_the_documented_fields(assistant: Assistant) -> None:
    d = assistant.ask(BTG).to_dict()
    assert list(d) == [
        "question", "answer", "abstained", "citations", "retrieved", "timings_ms", "answerer",
        "confidence",
    ]
    assert 0.0 <= d["confidence"] <= 1.0
    where = {"doc_id", "heading", "page"}  # the document's stable id, and where in it
    assert set(d["citations"][0]) == {"n", "source", "chunk_id", "text", "start", "end", "score"} | where
    assert set(d["retrieved"][0]) == {"source", "chunk_id", "text", "start", "end", "score"} | where
    assert d["retrieved"][0]["doc_id"] in {doc.doc_id for doc in assistant.sources()}
    assert set(d["timings_ms"]) == {"retrieve", "answer", "total"}
    assert d["answerer"] == "extractive"


def test_top_k_limits_the_retrieved_passages(assistant: Assistant) -> None:
    assert len(assistant.ask(BTG, top_k=2).retrieved) == 2
    assert len(assistant.ask(BTG).retrieved) == 5


def test_empty_question_is_a_plain_error(assistant: Assistant) -> None:
    with pytest.raises(EmptyQuestionError, match="empty"):
        assistant.ask("   ")


def test_empty_store_is_a_plain_error(tmp_path: Path) -> None:
    with pytest.raises(EmptyStoreError, match="rag ingest"):
        Assistant.open(tmp_path / "empty").ask(BTG)


def test_follow_up_carries_the_previous_subject(assistant: Assistant) -> None:
    first = assistant.ask("Who is the Luhansk regional governor?")
    follow = assistant.ask("What did he say about it?", history=[Turn(first.question, first.text)])
    assert follow.standalone_question and "Luhansk" in follow.standalone_question
    assert not follow.abstained
    assert any(c.source == "004_2de2fe75480d23cb.txt" for c in follow.citations)


def test_sources_lists_every_document(assistant: Assistant, seeds_dir: Path) -> None:
    docs = assistant.sources()
    assert [d.source for d in docs] == sorted(p.name for p in seeds_dir.iterdir())
    assert all(d.chunks > 0 for d in docs)
