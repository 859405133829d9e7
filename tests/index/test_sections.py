"""A big document reaches the chunker in bounded sections cut at paragraph breaks; the pieces are
verbatim slices, so chunk offsets stay offsets into the whole text."""

from __future__ import annotations

from index.pipeline import sections


def test_sections_are_bounded_verbatim_and_cut_at_paragraphs() -> None:
    paragraphs = [f"Paragraph {i} " + "word " * (i % 7 + 3) for i in range(200)]
    text = "\n\n".join(paragraphs)
    pieces = sections(text, 300)
    assert "".join(p for _, p in pieces) == text
    assert all(text[o : o + len(p)] == p for o, p in pieces)
    assert all(len(p) <= 300 for _, p in pieces) and len(pieces) > 10
    assert all(p.endswith("\n\n") for _, p in pieces[:-1])


def test_a_text_without_breaks_is_still_cut_within_the_limit() -> None:
    text = "x" * 1000
    pieces = sections(text, 300)
    assert [len(p) for _, p in pieces] == [300, 300, 300, 100]
    assert sections("short", 300) == [(0, "short")]
