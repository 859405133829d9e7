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


def test_progress_is_a_plain_line_every_few_seconds_when_not_a_terminal() -> None:
    import io

    from rag.progress import TqdmProgress

    out = io.StringIO()  # not a terminal
    progress = TqdmProgress(stream=out, every_s=0.0)
    progress("reading", 1, 1)
    progress("embedding", 256, 20000)
    lines = out.getvalue().splitlines()
    assert lines[-1] == "progress: reading 1/1 files, embedding 256/20000 chunks"
    quiet = TqdmProgress(stream=io.StringIO(), every_s=3600.0)
    quiet("embedding", 1, 2)
    assert quiet.stream.getvalue() == ""  # type: ignore[attr-defined]
