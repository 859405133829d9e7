"""The chat page over HTTP: one real app, launched on a seeds store, driven with gradio_client.

The app is launched once per session over a copy of the seeds store (`running_app`, also used
by test_browser.py); each test starts a new conversation. The last section exercises the
handlers directly, with stand-ins for failures a live store cannot easily produce.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gradio as gr
import pytest
from gradio_client import Client, handle_file

from rag.answering.base import NOT_FOUND, Turn
from rag.assistant import Assistant, EmptyStoreError
from rag.settings import load_settings
from rag.types import Answer, Chunk, Citation, ScoredChunk
from ui.app import ASK_CONCURRENCY, QUEUE_SIZE, build_app, launch
from ui.handlers import AskView, Handlers, chat_messages

# Gradio's queue trips pandas 3 deprecations on every event; they are Gradio's to fix, not ours.
pytestmark = [
    pytest.mark.filterwarnings("ignore:.*no_silent_downcasting.*"),
    pytest.mark.filterwarnings("ignore:The copy keyword is deprecated"),
]

QUESTION = "Who is the Luhansk regional governor?"
SEED_FILE = "004_2de2fe75480d23cb.txt"


@dataclass
class RunningApp:
    url: str
    assistant: Assistant
    store: Path
    demo: gr.Blocks


_RUNNING: RunningApp | None = None


def running_app(
    seeds_store: Path, tmp_path_factory: pytest.TempPathFactory, config: pytest.Config
) -> RunningApp:
    """Launch the page once over a seeds store, however many test modules ask for it."""
    global _RUNNING
    if _RUNNING is None:
        # A private copy of the session's seeds store (ingested once, in tests/conftest.py):
        # these tests add and remove documents, and the shared store must stay as it is.
        store = tmp_path_factory.mktemp("ui") / "store"
        shutil.copytree(seeds_store, store)
        assistant = Assistant.open(store)
        assistant.warm_up()
        demo = build_app(assistant)
        port = _free_port()
        launch(demo, "127.0.0.1", port, block=False)
        config.add_cleanup(demo.close)
        _RUNNING = RunningApp(f"http://127.0.0.1:{port}/", assistant, store, demo)
    return _RUNNING


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def app(
    seeds_store: Path, tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config
) -> RunningApp:
    return running_app(seeds_store, tmp_path_factory, pytestconfig)


@pytest.fixture(scope="module")
def session_client(app: RunningApp) -> Iterator[Client]:
    # One client (closing one takes a second); each test starts a new conversation instead.
    c = Client(app.url, verbose=False)
    yield c
    c.close()


@pytest.fixture
def client(session_client: Client) -> Client:
    chat, sources, status = session_client.predict(api_name="/new_conversation")
    assert chat == [] and status == "" and "Sources for the answer" in sources
    return session_client


def _close_all(clients: list[Client]) -> None:
    with ThreadPoolExecutor(len(clients)) as pool:
        list(pool.map(Client.close, clients))


def _ask(client: Client, question: str) -> tuple[list[dict[str, Any]], str, str, str]:
    chat, sources, status, box = client.predict(question, 5, "extractive", api_name="/ask")
    return chat, sources, status, box


def _text(message: dict[str, Any]) -> str:
    content = message["content"]
    if isinstance(content, str):
        return content
    return "".join(part.get("text", "") for part in content)


# ---- asking --------------------------------------------------------------------------------------
@pytest.mark.slow
def test_answer_cites_and_highlights_its_source(client: Client) -> None:
    chat, sources, status, box = _ask(client, QUESTION)
    answer = _text(chat[-1])
    assert chat[-1]["role"] == "assistant" and "Haidai" in answer
    assert 'href="#source-1"' in answer
    assert SEED_FILE in sources and "<mark>" in sources and 'id="source-1"' in sources
    assert "Haidai" in sources.split("<mark>", 1)[1].split("</mark>", 1)[0]
    assert "Answered by extractive" in status
    assert box == ""  # the input is cleared for the next question


@pytest.mark.slow
def test_follow_up_continues_the_conversation(client: Client) -> None:
    _ask(client, QUESTION)
    chat, sources, _, _ = _ask(client, "What did he say about the situation?")
    assert [m["role"] for m in chat] == ["user", "assistant"] * 2
    # Only the latest answer links to the cards the panel now shows.
    assert "#source-" not in _text(chat[1])
    assert "#source-1" in _text(chat[3]) and "<mark>" in sources


@pytest.mark.slow
def test_refusal_shows_not_found_and_the_closest_passages(client: Client) -> None:
    chat, sources, status, _ = _ask(client, "What is the boiling point of mercury on Mars?")
    assert _text(chat[-1]) == NOT_FOUND.replace(".", "\\.")
    assert "Not found in the documents" in sources
    assert "does not support an answer" in sources and "<mark>" not in sources
    assert "No answer" in status


@pytest.mark.slow
def test_empty_question_gets_a_message_not_an_error(client: Client) -> None:
    chat, _, status, _ = _ask(client, "   ")
    assert chat == []
    assert "status-error" in status and "question is empty" in status
    assert "Traceback" not in status


# ---- documents -----------------------------------------------------------------------------------
@pytest.mark.slow
def test_upload_lists_answers_and_removes_a_file(
    client: Client, app: RunningApp, tmp_path: Path
) -> None:
    note = tmp_path / "zorblax-note.txt"
    note.write_text("The Zorblax lantern festival is held every April in Quentin Harbor.\n")
    result, table, _, files = client.predict([handle_file(note)], api_name="/upload_documents")
    assert "zorblax-note.txt" in result and "added" in result and files is None
    assert "zorblax-note.txt" in [row[0] for row in table["data"]]
    assert (app.store / "uploads" / "zorblax-note.txt").is_file()

    chat, sources, _, _ = _ask(client, "When is the Zorblax lantern festival held?")
    assert "April" in _text(chat[-1]) and "zorblax-note.txt" in sources

    result, table, _ = client.predict("zorblax-note.txt", api_name="/remove_document")
    assert "Removed zorblax-note.txt" in result
    assert "zorblax-note.txt" not in [row[0] for row in table["data"]]
    assert not (app.store / "uploads" / "zorblax-note.txt").exists()


@pytest.mark.slow
def test_failed_upload_says_why_and_keeps_nothing(
    client: Client, app: RunningApp, tmp_path: Path
) -> None:
    empty = tmp_path / "blank.txt"
    empty.write_text("   \n")
    result, table, _, _ = client.predict([handle_file(empty)], api_name="/upload_documents")
    assert "blank.txt" in result and "failed" in result and "status-error" in result
    assert "blank.txt" not in [row[0] for row in table["data"]]
    assert not (app.store / "uploads" / "blank.txt").exists()


@pytest.mark.slow
def test_unsupported_file_is_reported_and_not_kept(app: RunningApp, tmp_path: Path) -> None:
    # The page's file picker refuses other types; the handler must still cope with one.
    data = tmp_path / "slides.key"
    data.write_text("a,b\n1,2\n")
    outcome = Handlers(app.assistant).upload([str(data)])
    assert [r.status for r in outcome.results] == ["failed"]
    assert "unsupported file type" in outcome.results[0].reason
    assert not (app.store / "uploads" / "slides.key").exists()


@pytest.mark.slow
def test_removing_nothing_gets_a_message(client: Client) -> None:
    result, table, _ = client.predict(None, api_name="/remove_document")
    assert "Choose a document" in result and "status-error" in result
    assert SEED_FILE in [row[0] for row in table["data"]]


@pytest.mark.slow
def test_upload_while_others_ask_corrupts_nothing(app: RunningApp, tmp_path: Path) -> None:
    note = tmp_path / "quokka-note.txt"
    note.write_text("Quokkas on Rottnest Island were counted at 12,000 in the last survey.\n")
    askers = [Client(app.url, verbose=False) for _ in range(2)]
    uploader = Client(app.url, verbose=False)
    try:
        asks = [c.submit(QUESTION, 5, "extractive", api_name="/ask") for c in askers]
        upload = uploader.submit([handle_file(note)], api_name="/upload_documents")
        for job in asks:
            chat, sources, _, _ = job.result(timeout=180)
            assert "Haidai" in _text(chat[-1]) and SEED_FILE in sources
        result, table, _, _ = upload.result(timeout=180)
        assert "added" in result
        assert {SEED_FILE, "quokka-note.txt"} <= {row[0] for row in table["data"]}
        uploader.predict("quokka-note.txt", api_name="/remove_document")
    finally:
        _close_all([*askers, uploader])


@pytest.mark.slow
def test_queue_is_bounded_and_uploads_wait_for_each_other(app: RunningApp) -> None:
    fns = {fn.name: fn for fn in app.demo.fns.values()}
    assert fns["upload_documents"].concurrency_id == fns["remove_document"].concurrency_id
    assert fns["upload_documents"].concurrency_id != fns["ask"].concurrency_id
    assert app.demo._queue.max_size == QUEUE_SIZE


@pytest.mark.slow
def test_asks_run_two_at_a_time(app: RunningApp, monkeypatch: pytest.MonkeyPatch) -> None:
    """Observed, not read from the config: four asks at once, at most two inside the Assistant."""
    real_ask = app.assistant.ask
    lock = threading.Lock()
    active = peak = 0
    two_inside, release = threading.Event(), threading.Event()

    def held_ask(*args: Any, **kwargs: Any) -> Answer:
        nonlocal active, peak
        with lock:
            active += 1
            peak = max(peak, active)
            if active >= 2:
                two_inside.set()
        try:
            release.wait(timeout=120)
            return real_ask(*args, **kwargs)
        finally:
            with lock:
                active -= 1

    monkeypatch.setattr(app.assistant, "ask", held_ask)
    clients = [Client(app.url, verbose=False) for _ in range(4)]
    try:
        with ThreadPoolExecutor(4) as pool:
            jobs = [pool.submit(_ask, c, QUESTION) for c in clients]
            assert two_inside.wait(timeout=120), "two asks never ran at the same time"
            time.sleep(1.0)  # while two are held, give a third every chance to get in
            seen = peak
            release.set()
            for job in jobs:
                assert "Haidai" in _text(job.result(timeout=180)[0][-1])
        assert seen == ASK_CONCURRENCY == 2
    finally:
        release.set()
        _close_all(clients)


# ---- failures, through the handlers --------------------------------------------------------------
@pytest.mark.slow
def test_llm_down_falls_back_and_says_so(app: RunningApp) -> None:
    handlers = Handlers(_llm_down(app))
    views = list(handlers.ask(QUESTION, [], 5, "openai"))
    final = views[-1]
    assert final.done and "Haidai" in final.exchanges[-1].answer
    assert "status-notice" in final.status and "<mark>" in final.sources
    assert "status-notice" in final.sources  # the notice sits above the cards too
    # The same page can still choose the extractive answerer outright.
    direct = list(handlers.ask(QUESTION, [], 5, "extractive"))[-1]
    assert direct.done and direct.status.count("status-notice") == 0


def _llm_down(app: RunningApp) -> Assistant:
    """An Assistant whose LLM server is unreachable, sharing the warmed models of the app's one."""
    with socket.socket() as s:  # a port nobody listens on: connections are refused at once
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    down = Assistant(load_settings(
        store=app.store, answerer="openai", llm_base_url=f"http://127.0.0.1:{closed}/v1",
        llm_timeout_s=5, llm_max_retries=0,
    ))
    for name in ("embedder", "store", "retriever", "extractive"):
        down.__dict__[name] = getattr(app.assistant, name)
    return down


class StubAssistant:
    """Just enough of an Assistant for the handlers; records what it was asked."""

    def __init__(self, tmp: Path, *, fail: Exception | None = None, answerer: str = "extractive"):
        self.settings = load_settings(store=tmp, answerer=answerer,
                                      llm_base_url="http://127.0.0.1:9/v1")
        self.fail = fail
        self.histories: list[list[Turn]] = []

    def ask(
        self, question: str, history: list[Turn], top_k: int | None = None,
        answerer: str | None = None,
    ) -> Answer:
        self.histories.append(list(history))
        if self.fail:
            raise self.fail
        return _stub_answer(question)

    def stream(
        self, question: str, history: list[Turn], top_k: int | None = None,
        answerer: str | None = None,
    ) -> Iterator[Any]:
        self.histories.append(list(history))
        yield "Blue "
        yield "[1]"
        yield _stub_answer(question, notice="The language model did not answer; extractive here.")

    def document_text(self, source: str) -> str:
        return "Before. The sky is blue. After."


def _stub_answer(question: str, notice: str | None = None) -> Answer:
    chunk = Chunk("c1", "sky.txt", "Sky", "The sky is blue.", 8, 24)
    cite = Citation(1, "sky.txt", "c1", "The sky is blue.", 8, 24, 0.9)
    return Answer(question, "The sky is blue [1].", False, [cite], [ScoredChunk(chunk, 0.5)],
                  "extractive", {"total": 12.0}, fallback=notice is not None, notice=notice)


def _handlers(stub: StubAssistant) -> Handlers:
    return Handlers(stub)  # type: ignore[arg-type]


def test_history_reaches_the_assistant_as_turns(tmp_path: Path) -> None:
    stub = StubAssistant(tmp_path)
    h = _handlers(stub)
    first = list(h.ask("What colour is the sky?", []))[-1]
    second = list(h.ask("Why?", first.exchanges))[-1]
    assert stub.histories[-1] == [Turn("What colour is the sky?", "The sky is blue [1].")]
    assert len(chat_messages(second)) == 4


def test_llm_answers_stream_then_settle(tmp_path: Path) -> None:
    stub = StubAssistant(tmp_path, answerer="openai")
    views = list(_handlers(stub).ask("What colour is the sky?", [], 5, "openai"))
    partial = [v for v in views if v.pending and "Blue" in v.pending[1]]
    assert partial, "no streamed text was shown"
    assert "#source-" not in partial[-1].pending[1]  # type: ignore[index]
    final = views[-1]
    assert "extractive here" in final.status and 'id="source-1"' in final.sources


def test_empty_store_message_points_at_the_documents_tab(tmp_path: Path) -> None:
    stub = StubAssistant(tmp_path, fail=EmptyStoreError("the store at x has no documents yet"))
    final = list(_handlers(stub).ask("Anything?", []))[-1]
    assert "No documents yet" not in final.status  # the Assistant's words, capitalised
    assert "The store at x has no documents yet" in final.status
    assert "Documents tab" in final.status and not final.done


def test_unexpected_error_is_logged_and_shown_briefly(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    stub = StubAssistant(tmp_path, fail=ZeroDivisionError("secret internals"))
    earlier: list[Any] = []
    views: list[AskView] = list(_handlers(stub).ask("Anything?", earlier))
    final = views[-1]
    assert "Something went wrong" in final.status and "secret" not in final.status
    assert final.exchanges == [] and not final.done
    assert "ZeroDivisionError" in caplog.text
