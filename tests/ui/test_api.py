"""The HTTP API over real HTTP: uvicorn on a free 127.0.0.1 port in a thread.

Slow tests serve a copy of the seeds store with the page mounted, as `rag serve` does, and use
the `openai` client and httpx. Fast tests serve a stub Assistant (no models) to pin down the
protocol: the queue's 429, error mapping, stream framing, the conversation split.
"""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from rag.assistant import Assistant, EmptyStoreError
from rag.settings import load_settings
from rag.types import Answer, Chunk, Citation, DocumentInfo, ScoredChunk
from ui import server as server_module
from ui.api import (
    Admission,
    ApiError,
    ChatMessage,
    create_api,
    free_path,
    safe_name,
    split_conversation,
)
from ui.server import bind, build_server, is_loopback

KEY = "test-key-8f1c"
BTG = "How many battalion tactical groups were positioned around Kyiv?"
SEED = "000_1714d7cfa7218c5a.txt"
CLIENT_TIMEOUT = 120.0  # a hang fails the test instead of stalling the run


@dataclass
class Running:
    url: str
    server: uvicorn.Server
    thread: threading.Thread

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)


def start(app: FastAPI) -> Running:
    sock = bind("127.0.0.1", 0)
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    ready = threading.Event()
    for _ in range(600):
        if server.started:
            ready.set()
            break
        if not thread.is_alive():
            break
        ready.wait(0.1)
    assert server.started, "the API server did not start"
    return Running(f"http://127.0.0.1:{port}", server, thread)


def assert_one_line_error(resp: httpx.Response, status: int) -> dict[str, Any]:
    assert resp.status_code == status, resp.text
    err = resp.json()["error"]
    assert isinstance(err["message"], str) and err["message"] and "\n" not in err["message"]
    assert isinstance(err["type"], str) and err["type"]
    return dict(err)


# ---- the real thing ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def live(seeds_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Assistant]]:
    """API + page over a private copy of the seeds store (uploads and removals change it)."""
    store = tmp_path_factory.mktemp("api") / "store"
    shutil.copytree(seeds_store, store)
    assistant = Assistant.open(store, api_max_body_bytes=65536)
    assistant.warm_up()
    running = start(build_server(assistant, api_key=KEY, concurrency=2, queue_size=8))
    yield running.url, assistant
    running.stop()


@pytest.fixture()
def http(live: tuple[str, Assistant]) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live[0], timeout=CLIENT_TIMEOUT,
                      headers={"Authorization": f"Bearer {KEY}"}) as c:
        yield c


def _openai(url: str, key: str = KEY) -> Any:
    from openai import OpenAI

    return OpenAI(base_url=f"{url}/v1", api_key=key, timeout=CLIENT_TIMEOUT, max_retries=0)


@pytest.mark.slow
def test_openai_client_gets_a_cited_answer(live: tuple[str, Assistant]) -> None:
    client = _openai(live[0])
    done = client.chat.completions.create(
        model="rag", messages=[{"role": "user", "content": BTG}],
        temperature=0.3, max_tokens=200, user="someone",  # ignored, as OpenAI clients send them
    )
    message = done.choices[0].message
    assert "20" in message.content and "[1]" in message.content
    assert message.abstained is False
    cited = message.citations
    assert SEED in {c["source"] for c in cited}
    for c in cited:
        assert {"source", "doc_id", "text", "start", "end", "score", "heading", "page"} <= set(c)
        doc = live[1].document_text(c["source"])
        assert doc is not None and c["text"] in doc


@pytest.mark.slow
def test_openai_client_streams_the_answer_then_the_citations(live: tuple[str, Assistant]) -> None:
    stream = _openai(live[0]).chat.completions.create(
        model="rag", stream=True, messages=[{"role": "user", "content": BTG}],
        stream_options={"include_usage": False},
    )
    text, citations, finish = "", None, None
    for chunk in stream:
        delta = chunk.choices[0].delta
        text += delta.content or ""
        if getattr(delta, "citations", None) is not None:
            citations = delta.citations
        finish = chunk.choices[0].finish_reason or finish
    assert "20" in text and finish == "stop"
    assert citations is not None and SEED in {c["source"] for c in citations}


@pytest.mark.slow
def test_a_question_the_documents_do_not_answer_is_abstained(live: tuple[str, Assistant]) -> None:
    done = _openai(live[0]).chat.completions.create(
        model="rag", messages=[{"role": "user", "content": "What is Taylor Swift's latest album?"}]
    )
    message = done.choices[0].message
    assert message.abstained is True and message.citations == []


@pytest.mark.slow
def test_earlier_turns_are_the_history(http: httpx.Client) -> None:
    body = {"model": "rag", "messages": [
        {"role": "system", "content": "You are helpful."},
        {"role": "user", "content": "Who is the Luhansk regional governor?"},
        {"role": "assistant", "content": "Serhiy Haidai, Luhansk regional governor, said [1]"},
        {"role": "user", "content": "What did he say?"},
    ]}
    resp = http.post("/v1/chat/completions", json=body)
    assert resp.status_code == 200
    assert resp.json()["choices"][0]["message"]["content"]


@pytest.mark.slow
def test_ask_returns_the_answer_dict(http: httpx.Client, live: tuple[str, Assistant]) -> None:
    resp = http.post("/v1/ask", json={"question": BTG})
    assert resp.status_code == 200
    got = resp.json()
    want = live[1].ask(BTG).to_dict()
    got.pop("timings_ms"), want.pop("timings_ms")
    assert got == want


@pytest.mark.slow
def test_the_models_health_docs_and_page_are_served(
    http: httpx.Client, live: tuple[str, Assistant]
) -> None:
    assert [m.id for m in _openai(live[0]).models.list()] == ["rag"]
    assert http.get("/healthz").json()["status"] == "ok"
    assert httpx.get(f"{live[0]}/healthz").status_code == 200  # no key needed to check health
    assert httpx.get(f"{live[0]}/docs").status_code == 200
    spec = httpx.get(f"{live[0]}/openapi.json").json()
    assert "/v1/chat/completions" in spec["paths"] and "/v1/documents" in spec["paths"]
    assert "HTTPBearer" in spec["components"]["securitySchemes"]  # /docs can send the key
    page = httpx.get(f"{live[0]}/")
    assert page.status_code == 200 and "gradio" in page.text.lower()


@pytest.mark.slow
def test_without_the_key_every_api_route_is_401(live: tuple[str, Assistant]) -> None:
    url = live[0]
    for method, path in [("GET", "/v1/models"), ("POST", "/v1/chat/completions"),
                         ("POST", "/v1/ask"), ("GET", "/v1/documents"),
                         ("DELETE", "/v1/documents/x.txt")]:
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": KEY}):
            resp = httpx.request(method, url + path, headers=headers, json={"question": "x"})
            assert_one_line_error(resp, 401)
    with pytest.raises(Exception, match="401|API key"):
        _openai(url, key="wrong").models.list()


@pytest.mark.slow
def test_bad_requests_get_the_right_4xx(http: httpx.Client) -> None:
    url = "/v1/chat/completions"
    hdr = {"Content-Type": "application/json"}
    assert "JSON" in assert_one_line_error(http.post(url, content=b'{"model": ', headers=hdr),
                                           400)["message"]
    assert "messages" in assert_one_line_error(http.post(url, json={"model": "rag"}), 400)["message"]
    empty = http.post(url, json={"messages": [{"role": "user", "content": "   "}]})
    assert assert_one_line_error(empty, 400)["code"] == "empty_question"
    last_not_user = http.post(url, json={"messages": [{"role": "assistant", "content": "hi"}]})
    assert_one_line_error(last_not_user, 400)
    unknown_model = http.post(url, json={"model": "gpt-4o", "messages": [
        {"role": "user", "content": BTG}]})
    assert assert_one_line_error(unknown_model, 404)["code"] == "model_not_found"
    assert_one_line_error(http.post("/v1/ask", json={"question": ""}), 400)
    assert "qestion" in assert_one_line_error(http.post("/v1/ask", json={"qestion": BTG}),
                                              400)["message"]
    # Over the 64 KiB limit: declared, and sent chunked without a length.
    big = json.dumps({"messages": [{"role": "user", "content": "x" * 70_000}]}).encode()
    assert_one_line_error(http.post(url, content=big, headers=hdr), 413)
    chunked = http.post(url, content=iter([big[i:i + 8192] for i in range(0, len(big), 8192)]),
                        headers=hdr)
    assert_one_line_error(chunked, 413)
    assert_one_line_error(http.delete("/v1/documents/no-such-document.txt"), 404)
    assert assert_one_line_error(http.get("/v1/embeddings"), 404)["code"] == "unknown_route"


@pytest.mark.slow
def test_documents_upload_list_and_remove(http: httpx.Client, live: tuple[str, Assistant]) -> None:
    store = live[1].settings.store
    before = {d["source"] for d in http.get("/v1/documents").json()["data"]}
    note = b"# Ferry timetable\n\nThe ferry to Vlieland leaves the harbour at 08:15 every weekday.\n"
    resp = http.post("/v1/documents", files=[("files", ("../../ferry.md", note, "text/markdown"))])
    assert resp.status_code == 200, resp.text
    assert [(r["source"], r["status"]) for r in resp.json()["results"]] == [("ferry.md", "added")]
    assert (store / "uploads" / "ferry.md").read_bytes() == note  # the name lost its path
    assert not (store.parent / "ferry.md").exists()

    # A different file under a taken name is kept beside it, never over it.
    other = note.replace(b"08:15", b"09:40")
    resp = http.post("/v1/documents", files=[("files", ("ferry.md", other, "text/markdown"))])
    assert [r["source"] for r in resp.json()["results"]] == ["ferry-1.md"]
    assert (store / "uploads" / "ferry.md").read_bytes() == note

    # An upload that cannot be indexed says why and leaves the store as it was.
    listed = {d["source"] for d in http.get("/v1/documents").json()["data"]}
    bad = http.post("/v1/documents", files=[("files", ("empty.txt", b"", "text/plain"))])
    assert bad.status_code == 422 and bad.json()["results"][0]["status"] == "failed"
    assert bad.json()["results"][0]["reason"]
    assert not (store / "uploads" / "empty.txt").exists()
    assert {d["source"] for d in http.get("/v1/documents").json()["data"]} == listed
    assert listed == before | {"ferry.md", "ferry-1.md"}

    assert http.delete("/v1/documents/ferry.md").json() == {"removed": ["ferry.md"]}
    assert http.delete("/v1/documents/ferry-1.md").json() == {"removed": ["ferry-1.md"]}
    assert_one_line_error(http.delete("/v1/documents/ferry.md"), 404)
    assert {d["source"] for d in http.get("/v1/documents").json()["data"]} == before


@pytest.mark.slow
def test_thirty_concurrent_requests_end_in_answers_or_429(live: tuple[str, Assistant]) -> None:
    """Queue of 8 behind 2 answering: every request ends, as an answer or a 429, never a 5xx."""
    body = {"model": "rag", "messages": [{"role": "user", "content": BTG}]}

    def one(_: int) -> httpx.Response:
        return httpx.post(f"{live[0]}/v1/chat/completions", json=body, timeout=CLIENT_TIMEOUT,
                          headers={"Authorization": f"Bearer {KEY}"})

    with ThreadPoolExecutor(30) as pool:
        responses = list(pool.map(one, range(30)))
    statuses = [r.status_code for r in responses]
    assert set(statuses) <= {200, 429}, statuses
    # A 429 is only given while 10 are admitted, and every admitted request is answered.
    assert statuses.count(200) >= 10
    for r in responses:
        if r.status_code == 429:
            assert int(r.headers["Retry-After"]) >= 1
            assert_one_line_error(r, 429)
        else:
            assert "20" in r.json()["choices"][0]["message"]["content"]


# ---- the protocol, over a stub Assistant (no models) ----------------------------------------------
@dataclass
class StubAssistant:
    """Answers instantly, or waits for `gate` (to hold the queue full)."""

    settings: Any
    gate: threading.Event | None = None
    fail: Exception | None = None
    calls: list[tuple[str, Any]] = field(default_factory=list)

    def _answer(self, question: str, history: Any) -> Answer:
        self.calls.append((question, history))
        if self.gate is not None:
            assert self.gate.wait(CLIENT_TIMEOUT)
        if self.fail is not None:
            raise self.fail
        chunk = Chunk("c1", "a.txt", "A", "The sky is blue today.", 10, 32, doc_id="d-a")
        citation = Citation.from_span(1, chunk, 0, 22, 0.9)
        return Answer(question, "The sky is blue today. [1]", False, [citation],
                      [ScoredChunk(chunk, 0.9)], "extractive")

    def ask(self, question: str, history: Any = None, top_k: int | None = None) -> Answer:
        return self._answer(question, history)

    def stream(self, question: str, history: Any = None, top_k: int | None = None) -> Iterator[Any]:
        answer = self._answer(question, history)
        yield answer.text
        yield answer

    def sources(self) -> list[DocumentInfo]:
        return [DocumentInfo("a.txt", "A", 1, "h", 32, doc_id="d-a")]

    def remove_documents(self, ref: str) -> list[DocumentInfo]:
        return [d for d in self.sources() if ref in (d.doc_id, d.source)]


@pytest.fixture()
def stub(tmp_path: Path) -> StubAssistant:
    return StubAssistant(load_settings(store=tmp_path / "store"))


def _serve_stub(stub: StubAssistant, **options: Any) -> Running:
    return start(create_api(stub, **options))  # type: ignore[arg-type]


def test_a_full_queue_answers_429_with_retry_after_at_once(stub: StubAssistant) -> None:
    stub.gate = threading.Event()
    running = _serve_stub(stub, concurrency=1, queue_size=1)
    body = {"messages": [{"role": "user", "content": "Is the sky blue?"}]}
    try:
        with ThreadPoolExecutor(2) as pool:
            held = [pool.submit(httpx.post, f"{running.url}/v1/chat/completions", json=body,
                                timeout=CLIENT_TIMEOUT) for _ in range(2)]
            # One answering, one waiting: the queue is full until the gate opens.
            for _ in range(600):
                if httpx.get(f"{running.url}/healthz").json()["answering"] == 2:
                    break
                threading.Event().wait(0.05)
            refused = httpx.post(f"{running.url}/v1/chat/completions", json=body,
                                 timeout=CLIENT_TIMEOUT)
            assert_one_line_error(refused, 429)
            assert int(refused.headers["Retry-After"]) >= 1
            stub.gate.set()
            assert [f.result().status_code for f in held] == [200, 200]
        # Places are given back: the next request is answered.
        ok = httpx.post(f"{running.url}/v1/chat/completions", json=body, timeout=CLIENT_TIMEOUT)
        assert ok.status_code == 200
    finally:
        stub.gate.set()
        running.stop()


def test_stream_framing_and_store_errors(stub: StubAssistant) -> None:
    running = _serve_stub(stub)
    url = f"{running.url}/v1/chat/completions"
    body: dict[str, Any] = {"model": "rag", "stream": True,
                            "messages": [{"role": "user", "content": "Is the sky blue?"}]}
    try:
        with httpx.stream("POST", url, json=body, timeout=CLIENT_TIMEOUT) as resp:
            assert resp.headers["content-type"].startswith("text/event-stream")
            events = [line[6:] for line in resp.iter_lines() if line.startswith("data: ")]
        assert events[-1] == "[DONE]"
        chunks = [json.loads(e) for e in events[:-1]]
        assert {c["object"] for c in chunks} == {"chat.completion.chunk"}
        assert chunks[0]["choices"][0]["delta"]["role"] == "assistant"
        assert "".join(c["choices"][0]["delta"].get("content", "") for c in chunks) == (
            "The sky is blue today. [1]")
        last = chunks[-1]["choices"][0]
        assert last["finish_reason"] == "stop" and last["delta"]["abstained"] is False
        assert last["delta"]["citations"][0]["doc_id"] == "d-a"

        # An empty store is a status before the stream starts, not an error inside a 200.
        stub.fail = EmptyStoreError("the store at x has no documents yet")
        for stream in (True, False):
            resp = httpx.post(url, json={**body, "stream": stream}, timeout=CLIENT_TIMEOUT)
            assert assert_one_line_error(resp, 409)["code"] == "empty_store"
        stub.fail = RuntimeError("boom")
        resp = httpx.post(url, json={**body, "stream": False}, timeout=CLIENT_TIMEOUT)
        assert assert_one_line_error(resp, 500)["message"].startswith("internal error")
        # Remove by doc_id as well as by source.
        assert httpx.delete(f"{running.url}/v1/documents/d-a").json() == {"removed": ["a.txt"]}
    finally:
        running.stop()


def test_no_key_configured_means_open_and_empty_key_is_no_key(stub: StubAssistant) -> None:
    running = _serve_stub(stub, api_key="")
    try:
        assert httpx.get(f"{running.url}/v1/models").status_code == 200
    finally:
        running.stop()


def test_conversation_split() -> None:
    def m(role: str, content: Any) -> ChatMessage:
        return ChatMessage(role=role, content=content)

    q, hist = split_conversation([
        m("system", "be brief"), m("user", "q1"), m("assistant", "a1"),
        m("user", "q2"), m("user", [{"type": "text", "text": "q3"}]),
    ])
    assert q == "q3" and hist == [("q1", "a1"), ("q2", "")]
    with pytest.raises(ApiError, match="last message"):
        split_conversation([m("user", "q"), m("assistant", "a")])
    with pytest.raises(ApiError, match="image_url"):
        split_conversation([m("user", [{"type": "image_url", "image_url": {"url": "x"}}])])


def test_upload_names_are_safe_and_never_overwrite(tmp_path: Path) -> None:
    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name("C:\\Users\\me\\report v2.pdf") == "report v2.pdf"
    assert safe_name("..") == "upload" and safe_name(None) == "upload"
    assert safe_name("a;rm -rf *.md") == "a_rm -rf _.md"
    (tmp_path / "a.md").write_bytes(b"one")
    assert free_path(tmp_path, "a.md", b"one") == (tmp_path / "a.md", True)
    assert free_path(tmp_path, "a.md", b"two") == (tmp_path / "a-1.md", False)


def test_admission_refuses_beyond_running_plus_waiting() -> None:
    import asyncio

    async def scenario() -> list[str]:
        adm = Admission(1, 1, "questions")
        first = await adm.enter()
        waiting = asyncio.create_task(adm.enter())
        await asyncio.sleep(0)
        outcomes = []
        try:
            await adm.enter()
        except ApiError as err:
            outcomes.append(f"{err.status}")
        first.release()
        first.release()  # idempotent
        second = await waiting
        outcomes.append(f"admitted={adm.admitted}")
        second.release()
        outcomes.append(f"admitted={adm.admitted}")
        return outcomes

    assert asyncio.run(scenario()) == ["429", "admitted=1", "admitted=0"]


def test_serving_beyond_loopback_without_a_key_warns(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("example.org")

    def taken(host: str, port: int) -> Any:
        raise OSError(98, "Address already in use")

    monkeypatch.setattr(server_module, "bind", taken)
    stub = StubAssistant(load_settings(store=tmp_path))
    assert server_module.serve(stub, host="0.0.0.0", port=1) == 1  # type: ignore[arg-type]
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("rag: warning: serving on 0.0.0.0 without an API key")
    assert err[1] == "rag: cannot serve on 0.0.0.0:1: Address already in use"
    keyed = StubAssistant(load_settings(store=tmp_path, api_key="k"))
    server_module.serve(keyed, host="0.0.0.0", port=1)  # type: ignore[arg-type]
    assert "warning" not in capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore:.*no_silent_downcasting.*")
@pytest.mark.filterwarnings("ignore:The copy keyword is deprecated")
def test_the_mounted_page_still_answers(live: tuple[str, Assistant]) -> None:
    """The chat page's own events work when it shares the port with the API."""
    from gradio_client import Client

    client = Client(f"{live[0]}/", verbose=False)
    try:
        chat, sources, _status, _box = client.predict(
            "Who is the Luhansk regional governor?", 5, "extractive", api_name="/ask"
        )
    finally:
        client.close()
    assert "Haidai" in str(chat[-1]["content"]) and "004_2de2fe75480d23cb.txt" in sources


@pytest.mark.slow
def test_rag_serve_command_serves_the_api_with_a_key(seeds_store: Path, tmp_path: Path) -> None:
    """`python -m rag.cli serve` end to end: a key from RAG_API_KEY, a clean exit on Ctrl-C."""
    import os
    import signal
    import subprocess
    import sys

    store = tmp_path / "store"
    shutil.copytree(seeds_store, store)
    sock = bind("127.0.0.1", 0)
    port = sock.getsockname()[1]
    sock.close()
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "RAG_API_KEY": KEY,
           "PYTHONPATH": os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.Popen(
        [sys.executable, "-m", "rag.cli", "serve", "--store", str(store), "--port", str(port)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(900):
            if proc.poll() is not None:
                break
            try:
                if httpx.get(f"{url}/healthz", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                threading.Event().wait(0.2)
        assert proc.poll() is None, proc.communicate()[1]
        assert httpx.get(f"{url}/v1/models").status_code == 401
        done = _openai(url).chat.completions.create(
            model="rag", messages=[{"role": "user", "content": BTG}])
        assert "20" in done.choices[0].message.content
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert f"the API at {url}/v1" in out and "warning" not in err


def test_a_stream_gives_its_place_back_even_if_it_never_started() -> None:
    import asyncio
    import contextlib

    from ui.api import _TicketedStream

    async def scenario() -> int:
        admission = Admission(1, 0, "questions")
        ticket = await admission.enter()

        async def never_started() -> Any:
            yield "data: x\n\n"

        async def receive() -> dict[str, Any]:
            return {"type": "http.disconnect"}

        async def send(message: Any) -> None:
            raise OSError("the client went away")

        response = _TicketedStream(ticket, never_started())
        with contextlib.suppress(Exception):
            await response({"type": "http", "asgi": {"spec_version": "2.4"}}, receive, send)
        return admission.admitted

    assert asyncio.run(scenario()) == 0


def test_page_and_api_share_one_document_lock(stub: StubAssistant) -> None:
    from ui.handlers import Handlers
    from ui.writes import document_lock

    other = StubAssistant(stub.settings)
    assert document_lock(stub) is document_lock(stub)
    assert document_lock(stub) is not document_lock(other)
    assert Handlers(stub)._docs_lock is document_lock(stub)  # type: ignore[arg-type]


def test_api_settings_come_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from rag.settings import SettingsError

    monkeypatch.setenv("RAG_API_KEY", "from-env")
    monkeypatch.setenv("RAG_API__QUEUE_SIZE", "8")
    s = load_settings(store=tmp_path)
    assert (s.api.key, s.api.queue_size, s.api.concurrency) == ("from-env", 8, 2)
    with pytest.raises(SettingsError, match="api.concurrency"):
        load_settings(store=tmp_path, api={"concurrency": 0})
