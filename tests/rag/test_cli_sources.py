"""The CLI's plain answer output names each source the way a reader finds it again: the heading
path of a Markdown/HTML passage, the page of a PDF one (fast tier: fake embedder, in-memory
Chroma)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import pytest

from rag import cli
from rag.types import Answer, Chunk, Citation, ScoredChunk

GUIDE = """# Installing Widget Server

## Requirements
- Python 3.11 or newer
- 2 GB of RAM

## Configuration

### Defaults
The server listens on port 8080 by default.
"""


def _answer(citations: list[Citation], **kw: Any) -> Answer:
    base: dict[str, Any] = dict(
        question="q", text="a [1]", abstained=False, citations=citations, retrieved=[],
        answerer="extractive",
    )
    base.update(kw)
    return Answer(**base)


def _cite(n: int, source: str, heading: str = "", page: int | None = None) -> Citation:
    return Citation(n, source, "c", "The passage  text.", 10, 27, 0.9, heading=heading, page=page)


def test_sources_name_heading_path_and_page() -> None:
    out = cli.format_sources(_answer([
        _cite(1, "install.md", heading="Configuration › Defaults"),
        _cite(2, "manual.pdf", page=3),
        _cite(3, "notes.txt"),
        _cite(4, "guide.pdf", heading="Setup", page=12),
    ]))
    lines = out.splitlines()
    assert lines[0] == "Sources:"
    assert "  [1] install.md › Configuration › Defaults" in lines
    assert "  [2] manual.pdf, page 3" in lines
    assert "  [3] notes.txt" in lines
    assert "  [4] guide.pdf › Setup, page 12" in lines
    assert '      "The passage text."' in lines  # the quote follows on its own line


def test_the_document_title_is_not_repeated_as_the_first_heading() -> None:
    cite = _cite(1, "install.md", heading="Widget Server › Requirements")
    chunk = Chunk("c", "install.md", "Widget Server", "x", 0, 1, heading=cite.heading)
    out = cli.format_sources(_answer([cite], retrieved=[ScoredChunk(chunk, 0.5)]))
    assert "  [1] install.md › Requirements" in out.splitlines()
    intro = _cite(1, "install.md", heading="Widget Server")
    out = cli.format_sources(_answer([intro], retrieved=[ScoredChunk(chunk, 0.5)]))
    assert "  [1] install.md" in out.splitlines()


def test_closest_passages_of_a_refusal_say_where_they_are() -> None:
    chunk = Chunk("c", "manual.pdf", "Manual", "Nothing relevant here.", 0, 22, page=5)
    out = cli.format_sources(
        _answer([], abstained=True, retrieved=[ScoredChunk(chunk, 0.1)])
    )
    assert "  - manual.pdf, page 5: Nothing relevant here." in out.splitlines()


def test_rag_ask_prints_the_heading_path_of_the_cited_line(
    fast_assistant: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "install.md").write_text(GUIDE, encoding="utf-8")
    assert fast_assistant.ingest([docs]).ok

    def opened(_args: argparse.Namespace, *_a: Any, **_kw: Any) -> Any:
        return fast_assistant

    monkeypatch.setattr(cli, "_open", opened)
    code = cli.main(["ask", "What port does the server listen on by default?"])

    out = capsys.readouterr().out
    assert code == cli.EXIT_OK, out
    assert "8080" in out.split("Sources:")[0]
    cited = [line for line in out.splitlines() if line.startswith("  [")]
    # The page's "# Installing Widget Server" is the document title: not repeated in the path.
    assert cited[:1] == ["  [1] install.md › Configuration › Defaults"], out
