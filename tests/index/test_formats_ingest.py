"""Ordinary documents through the real pipeline (real Chroma, real MiniLM): kept whole,
chunked by structure, retrievable; office and e-book files made here with their libraries."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

ORDINARY = Path("/work/shared/fixtures/ordinary")
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
VOCABULARY_KEPT = 0.97

pytestmark = pytest.mark.slow


def _vocabulary(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W_]+", text)}


@pytest.fixture(scope="module")
def ordinary_store(tmp_path_factory: pytest.TempPathFactory, office: Any) -> object:
    from rag import Assistant

    docs = tmp_path_factory.mktemp("ordinary-docs")
    for source in [*ORDINARY.glob("*"), FIXTURES / "tmux-README.txt",
                   FIXTURES / "nodejs-commit-queue.md"]:
        if source.is_file():
            shutil.copy(source, docs / source.name)
    office.docx(docs / "handbook.docx")
    office.pptx(docs / "deck.pptx")
    office.epub(docs / "river.epub")
    assistant = Assistant.open(tmp_path_factory.mktemp("ordinary-store"))
    report = assistant.ingest([docs])
    assert report.ok, [(r.source, r.reason) for r in report.failed]
    assistant.docs = docs  # type: ignore[attr-defined]
    assistant.report = report  # type: ignore[attr-defined]
    return assistant


def test_every_line_of_text_and_markdown_is_kept(ordinary_store: object) -> None:
    a: object = ordinary_store
    docs: Path = a.docs  # type: ignore[attr-defined]
    for path in sorted(docs.glob("*")):
        if path.suffix not in (".txt", ".md"):
            continue
        text = a.document_text(path.name)  # type: ignore[attr-defined]
        assert text is not None
        kept = {ln.strip() for ln in text.splitlines()}
        for line in path.read_text(encoding="utf-8").splitlines():
            assert line.strip() in kept, (path.name, line)


def test_vocabulary_is_kept(ordinary_store: object) -> None:
    a: object = ordinary_store
    docs: Path = a.docs  # type: ignore[attr-defined]
    for path in sorted(docs.glob("*")):
        if path.suffix not in (".txt", ".md"):
            continue
        source = _vocabulary(path.read_text(encoding="utf-8"))
        kept = _vocabulary(a.document_text(path.name) or "")  # type: ignore[attr-defined]
        share = len(source & kept) / len(source)
        assert share >= VOCABULARY_KEPT, (path.name, share)


def test_kept_ratio_is_reported(ordinary_store: object) -> None:
    report = ordinary_store.report  # type: ignore[attr-defined]
    for result in report.added:
        assert result.kept_ratio == 1.0, result


@pytest.mark.parametrize(
    ("question", "source", "expected_line", "heading"),
    [
        ("What is the default port setting?", "install.md", "| port | 8080 |",
         "Installing Widget Server › Steps"),
        ("How much RAM is required?", "install.md", "- 2 GB of RAM",
         "Installing Widget Server › Requirements"),
        # The FAQ's first line stands alone above the questions: a plain-text title.
        ("How long does shipping take?", "faq.txt", "Shipping takes 3-5 business days",
         "Acme Cloud FAQ"),
        ("By how much did revenue grow?", "deck.pptx", "Revenue grew by twelve percent",
         "Quarterly Results"),
        ("Where does the river rise?", "river.epub", "The river rises in the northern hills.",
         "Chapter One"),
        ("How many workers does the widget use by default?", "handbook.docx", "| workers | 4 |",
         "Configuration › Defaults"),
    ],
)
def test_lines_are_retrievable_with_their_heading(
    ordinary_store: object, question: str, source: str, expected_line: str, heading: str
) -> None:
    hits = ordinary_store.retrieve(question, top_k=5)  # type: ignore[attr-defined]
    holding = [
        h.chunk for h in hits
        if h.chunk.source == source and expected_line in h.chunk.text.splitlines()
    ]
    assert holding, [(h.chunk.source, h.chunk.text[:80]) for h in hits]
    assert holding[0].heading == heading


@pytest.mark.parametrize(
    ("question", "source", "line"),
    [
        ("What port does the server listen on by default?", "install.md",
         "The server listens on port 8080 by default."),
        ("How long does shipping take?", "faq.txt", "Shipping takes 3-5 business days"),
        ("What is the refund policy for monthly plans?", "faq.txt",
         "Monthly plans are not refundable."),
        ("How much RAM is required?", "install.md", "2 GB of RAM"),
    ],
)
def test_ordinary_questions_are_answered_from_the_right_line(
    ordinary_store: object, question: str, source: str, line: str
) -> None:
    answer = ordinary_store.ask(question)  # type: ignore[attr-defined]
    assert not answer.abstained, answer.text
    first = answer.citations[0]
    assert first.source == source and line in first.text, (first.source, first.text)
    assert line in answer.text and "[1]" in answer.text


@pytest.mark.parametrize(
    "question", ["What is the capital of France?", "How do I bake sourdough bread?"]
)
def test_a_question_off_the_documents_topic_is_refused(ordinary_store: object, question: str) -> None:
    assert ordinary_store.ask(question).abstained  # type: ignore[attr-defined]


def test_seed_chunks_hold_no_page_chrome(assistant: object) -> None:
    chunks = list(assistant.store.committed_chunks())  # type: ignore[attr-defined]
    assert len({c.source for c in chunks}) == 5
    for chunk in chunks:
        assert "Sign up for" not in chunk.text
        assert "Leave a Reply" not in chunk.text


SCRAPED = (
    "Home\nNews\nSport\n"
    "The river flows through the valley and feeds the farms that line its banks, and the "
    "farmers depend on it for water during the long dry summer months.\n"
    "Leave a Reply\nYour email address will not be published.\n"
    + "".join(f"Other Story Number {i} About Something Else Entirely\n" for i in range(30))
)


def test_cli_clean_flag_and_the_kept_ratio_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from rag.cli import main

    page = tmp_path / "docs" / "page.txt"
    page.parent.mkdir()
    page.write_text(SCRAPED, encoding="utf-8")
    assert main(["ingest", str(page.parent), "--store", str(tmp_path / "auto")]) == 0
    err = capsys.readouterr().err
    assert "warning: page.txt: only" in err and "--clean off" in err
    assert main(["ingest", str(page.parent), "--store", str(tmp_path / "off"), "--clean", "off"]) == 0
    assert "warning" not in capsys.readouterr().err

    from rag import Assistant

    cleaned = Assistant.open(tmp_path / "auto").document_text("page.txt") or ""
    kept = Assistant.open(tmp_path / "off").document_text("page.txt") or ""
    assert "Leave a Reply" not in cleaned and "farms" in cleaned
    assert kept.splitlines() == SCRAPED.splitlines()


def test_pdf_chunks_know_their_page_in_the_store(tmp_path: Path, office: Any) -> None:
    from rag import Assistant

    body = [
        "The pump is installed on the wall bracket with four steel bolts.",
        "The pump is connected to the water supply with a flexible hose.",
        "The filter is cleaned every spring with warm water and a soft brush.",
    ]
    pages = [["ACME Pump Manual", body[i], f"Page {i + 1} of 3"] for i in range(3)]
    docs = tmp_path / "docs"
    docs.mkdir()
    office.pdf(docs / "pump.pdf", pages)
    assistant = Assistant.open(tmp_path / "store")
    report = assistant.ingest([docs])
    assert report.ok and report.added[0].kept_ratio is not None
    hits = assistant.retrieve("How is the filter cleaned?", top_k=3)
    top = hits[0].chunk
    assert top.text == body[2] and top.page == 3
    assert {c.page for c in assistant.store.committed_chunks()} == {1, 2, 3}
