"""The HTTP API: OpenAI-compatible chat completions with citations, plus ask, documents, health.

A thin layer over rag.Assistant, like the page: it never touches the store or the retriever.
Answering is blocking CPU work, so it runs in worker threads behind a bounded admission queue
(`Admission`): at most `api_concurrency` answers at once, `api_queue_size` more waiting, and
anything beyond that is refused at once with 429 and Retry-After rather than left hanging.
Every error is one JSON line in OpenAI's shape: {"error": {"message", "type", "code"}}.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import math
import re
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, MutableMapping
from dataclasses import asdict
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, File, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse
from fastapi.security import HTTPBearer
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from rag.assistant import Assistant, EmptyQuestionError, EmptyStoreError, RagError
from rag.types import Answer, FileResult, IngestReport
from ui.writes import document_lock, upload_summary

log = logging.getLogger("ui.api")

MODEL = "rag"
UPLOADS_FOLDER = "uploads"  # the page keeps its uploads there too (ui/handlers.py)
API_PREFIX = "/v1/"

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class ApiError(Exception):
    """An error the client can act on; becomes {"error": {...}} with its status."""

    def __init__(
        self,
        status: int,
        message: str,
        type_: str = "invalid_request_error",
        code: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.message, self.type, self.code = status, message, type_, code
        self.headers = headers or {}


def error_body(message: str, type_: str, code: str | None = None) -> dict[str, Any]:
    return {"error": {"message": message, "type": type_, "code": code}}


def _error_response(err: ApiError) -> JSONResponse:
    return JSONResponse(error_body(err.message, err.type, err.code), err.status, err.headers)


# ---- admission: a bounded queue in front of the worker threads ----------------------------------
class Admission:
    """At most `running` calls at once and `waiting` more queued; beyond that, 429 at once.

    Only touched from the event loop's thread, so plain counters need no lock.
    """

    def __init__(self, running: int, waiting: int, what: str) -> None:
        self.running, self.limit, self.what = running, running + waiting, what
        self._sem = asyncio.Semaphore(running)
        self._admitted = 0
        self._mean_s = 1.0  # smoothed service time, for an honest Retry-After

    @property
    def admitted(self) -> int:
        return self._admitted

    async def enter(self) -> Ticket:
        if self._admitted >= self.limit:
            wait = math.ceil(self._mean_s * (self._admitted + 1) / self.running)
            raise ApiError(
                429,
                f"too many {self.what} in progress ({self._admitted}); retry in {wait} s",
                "rate_limit_error",
                "queue_full",
                {"Retry-After": str(min(max(wait, 1), 60))},
            )
        self._admitted += 1
        try:
            await self._sem.acquire()
        except BaseException:  # cancelled while waiting: give the place back
            self._admitted -= 1
            raise
        return Ticket(self)

    def _leave(self, seconds: float) -> None:
        self._sem.release()
        self._admitted -= 1
        self._mean_s = 0.8 * self._mean_s + 0.2 * seconds


class Ticket:
    def __init__(self, admission: Admission) -> None:
        self._admission, self._t0, self._done = admission, time.perf_counter(), False

    def release(self) -> None:
        if not self._done:  # idempotent: a stream's finally and an error path may both call it
            self._done = True
            self._admission._leave(time.perf_counter() - self._t0)


# ---- request gate: key and body size before anything is parsed ----------------------------------
class ApiGate:
    """ASGI middleware for /v1 routes: bearer key (401) and body size (413), before routing.

    In front of FastAPI's body parsing on purpose: a request without the key learns nothing
    about the body rules, and an oversized body is refused before it is read into memory.
    """

    def __init__(
        self, app: ASGIApp, api_key: str | None, max_body: int, max_upload: int
    ) -> None:
        self.app, self.api_key, self.max_body, self.max_upload = app, api_key, max_body, max_upload

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = str(scope.get("path", ""))
        if scope["type"] != "http" or not path.startswith(API_PREFIX):
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        if self.api_key is not None and not _key_ok(headers.get("authorization", ""), self.api_key):
            err = ApiError(401, "missing or wrong API key: send 'Authorization: Bearer <key>'",
                           "authentication_error", "invalid_api_key",
                           {"WWW-Authenticate": "Bearer"})
            await _error_response(err)(scope, receive, send)
            return
        upload = path.rstrip("/") == "/v1/documents" and scope.get("method") == "POST"
        limit = self.max_upload if upload else self.max_body
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await _error_response(_too_large(limit))(scope, receive, send)
            return
        await self._limited(scope, receive, send, limit)

    async def _limited(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        """A body without Content-Length (chunked) is counted as it arrives.

        Past the limit the 413 is sent from here and the app is told the client went away;
        whatever the app answers to that is dropped. (Raising instead would not work: FastAPI
        turns any error while reading the body into its own 400.)
        """
        seen = 0
        started = refused = False

        async def counting_receive() -> Message:
            nonlocal seen, refused
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit and not started:
                    refused = True
                    await _error_response(_too_large(limit))(scope, receive, send)
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if refused:
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        await self.app(scope, counting_receive, guarded_send)


def _too_large(limit: int) -> ApiError:
    return ApiError(413, f"the request body is over the limit of {limit} bytes",
                    "invalid_request_error", "body_too_large")


def _key_ok(header: str, key: str) -> bool:
    scheme, _, token = header.partition(" ")
    # compare_digest: the time taken must not tell an attacker how much of a guess was right.
    return scheme.lower() == "bearer" and hmac.compare_digest(
        token.strip().encode("utf-8"), key.encode("utf-8")
    )


# ---- request and response shapes ------------------------------------------------------------------
class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")

    role: str
    content: str | list[dict[str, Any]] | None = None


class ChatRequest(BaseModel):
    """OpenAI's chat-completions request; parameters rag has no use for are accepted and ignored
    (clients send temperature, max_tokens, stream_options, user, ...)."""

    model_config = ConfigDict(extra="allow")

    model: str = MODEL
    messages: list[ChatMessage]
    stream: bool = False
    top_k: int | None = Field(None, ge=1, le=50, description="rag extension: passages to retrieve")


class AskRequest(BaseModel):
    """rag's own question shape: unknown fields are refused, so a typo is not silently ignored."""

    model_config = ConfigDict(extra="forbid")

    question: str
    history: list[tuple[str, str]] = Field(default_factory=list,
                                           description="earlier (question, answer) pairs")
    top_k: int | None = Field(None, ge=1, le=50)


def split_conversation(messages: list[ChatMessage]) -> tuple[str, list[tuple[str, str]]]:
    """The last user message is the question; earlier user/assistant pairs are the history.

    System messages are not used: rag's answers come from the documents, not from a prompt.
    """
    turns = [(m.role, _text(m.content)) for m in messages if m.role in ("user", "assistant")]
    if not turns or turns[-1][0] != "user":
        raise ApiError(400, "the last message must be the user's question", code="no_question")
    history: list[tuple[str, str]] = []
    pending: str | None = None
    for role, text in turns[:-1]:
        if role == "user":
            if pending is not None:  # two questions in a row: the first had no answer
                history.append((pending, ""))
            pending = text
        else:
            history.append((pending or "", text))
            pending = None
    if pending is not None:
        history.append((pending, ""))
    return turns[-1][1], history


def _text(content: str | list[dict[str, Any]] | None) -> str:
    if content is None or isinstance(content, str):
        return content or ""
    parts: list[str] = []
    for part in content:
        if part.get("type") != "text":
            raise ApiError(400, f"only text content is supported, not {part.get('type')!r}",
                           code="unsupported_content")
        parts.append(str(part.get("text", "")))
    return "\n".join(parts)


def answer_extras(answer: Answer) -> dict[str, Any]:
    """What travels next to the content: the [n] sources, and whether rag declined to answer."""
    extra: dict[str, Any] = {
        "citations": [c.to_dict() for c in answer.citations],
        "abstained": answer.abstained,
    }
    if answer.confidence is not None:
        extra["confidence"] = round(answer.confidence, 4)
    if answer.notice:
        extra["notice"] = answer.notice
    return extra


# ---- the app ----------------------------------------------------------------------------------
# Only describes the key to the OpenAPI page (its "Authorize" button); ApiGate enforces it.
_KEY_DOC = [Depends(HTTPBearer(auto_error=False, description="the server's RAG_API_KEY, if set"))]


def create_api(
    assistant: Assistant,
    *,
    api_key: str | None = None,
    concurrency: int | None = None,
    queue_size: int | None = None,
) -> FastAPI:
    """The API over one Assistant; keyword arguments override its settings (tests)."""
    s = assistant.settings
    key = api_key if api_key is not None else s.api.key
    key = key or None  # an empty RAG_API_KEY means no key, not "the empty key"
    answers = Admission(concurrency or s.api.concurrency,
                        s.api.queue_size if queue_size is None else queue_size, "questions")
    # Ingesting holds the embedding model for a long time; one at a time, a few waiting.
    writes = Admission(1, 4, "document changes")
    models = sorted({MODEL, s.collection})

    app = FastAPI(
        title="rag API",
        version="1",
        description="Answers from your documents with a citation for every claim. "
        "`/v1/chat/completions` speaks OpenAI's protocol; citations travel in "
        "`message.citations` (and in the last stream chunk's `delta.citations`).",
    )
    _install_error_handlers(app)
    app.add_middleware(
        ApiGate,
        api_key=key,
        max_body=s.api.max_body_bytes,
        max_upload=int(s.api.max_upload_mb * 1024 * 1024),
    )

    @app.get("/healthz", tags=["health"])
    async def healthz() -> dict[str, Any]:
        return {"status": "ok", "answering": answers.admitted}

    @app.get("/v1/models", dependencies=_KEY_DOC, tags=["openai"])
    async def list_models() -> dict[str, Any]:
        return {"object": "list", "data": [_model_card(m) for m in models]}

    @app.get("/v1/models/{model_id}", dependencies=_KEY_DOC, tags=["openai"])
    async def get_model(model_id: str) -> dict[str, Any]:
        _check_model(model_id, models)
        return _model_card(model_id)

    @app.post("/v1/chat/completions", dependencies=_KEY_DOC, tags=["openai"], response_model=None)
    async def chat_completions(req: ChatRequest) -> dict[str, Any] | StreamingResponse:
        _check_model(req.model, models)
        question, history = split_conversation(req.messages)
        _check_question(question)
        if req.stream:
            return await _stream_chat(assistant, answers, req, question, history)
        ticket = await answers.enter()
        try:
            answer = await run_in_threadpool(
                _call, lambda: assistant.ask(question, history=history, top_k=req.top_k)
            )
        finally:
            ticket.release()
        message = {"role": "assistant", "content": answer.text, **answer_extras(answer)}
        return {
            **_envelope("chat.completion", req.model),
            "choices": [{"index": 0, "message": message, "finish_reason": "stop",
                         "logprobs": None}],
        }

    @app.post("/v1/ask", dependencies=_KEY_DOC, tags=["rag"])
    async def ask(req: AskRequest) -> dict[str, Any]:
        """Exactly `Answer.to_dict()`, as `rag ask --json` prints it."""
        _check_question(req.question)
        ticket = await answers.enter()
        try:
            answer = await run_in_threadpool(
                _call, lambda: assistant.ask(req.question, history=req.history, top_k=req.top_k)
            )
        finally:
            ticket.release()
        return answer.to_dict()

    @app.get("/v1/documents", dependencies=_KEY_DOC, tags=["rag"])
    async def list_documents() -> dict[str, Any]:
        docs = await run_in_threadpool(_call, assistant.sources)
        return {"object": "list", "data": [asdict(d) for d in docs]}

    @app.post("/v1/documents", dependencies=_KEY_DOC, tags=["rag"])
    async def upload_documents(
        files: list[UploadFile] = File(..., description="files to index"),  # noqa: B008
    ) -> JSONResponse:
        """Saved under the store's uploads/ folder, then indexed; one result per file."""
        ticket = await writes.enter()
        try:
            results = await _save_and_ingest(assistant, files)
        finally:
            ticket.release()
        body = {"results": [asdict(r) for r in results], "summary": upload_summary(results)}
        if results and all(r.status == "failed" for r in results):
            reasons = "; ".join(f"{r.source}: {r.reason}" for r in results)
            body.update(error_body(f"nothing was indexed ({reasons})", "invalid_request_error",
                                   "ingest_failed"))
            return JSONResponse(body, 422)
        return JSONResponse(body)

    @app.delete("/v1/documents/{ref:path}", dependencies=_KEY_DOC, tags=["rag"])
    async def remove_document(ref: str) -> dict[str, Any]:
        """Remove by doc_id or by source name."""
        ticket = await writes.enter()
        try:
            removed = await run_in_threadpool(_call, lambda: _remove(assistant, ref))
        finally:
            ticket.release()
        return {"removed": removed}

    @app.api_route("/v1/{rest:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
                   include_in_schema=False)
    async def unknown_route(rest: str) -> None:
        # Without this, the page mounted at / would answer with its own 404 shape.
        raise ApiError(404, f"no such API route: /v1/{rest}", "not_found_error", "unknown_route")

    return app


def _install_error_handlers(app: FastAPI) -> None:
    async def api_error(_: Request, err: Exception) -> JSONResponse:
        assert isinstance(err, ApiError)
        return _error_response(err)

    async def invalid(_: Request, err: Exception) -> JSONResponse:
        assert isinstance(err, RequestValidationError)
        return _error_response(ApiError(400, describe_validation(err.errors())))

    async def http_error(_: Request, err: Exception) -> JSONResponse:
        assert isinstance(err, StarletteHTTPException)
        type_ = "not_found_error" if err.status_code == 404 else "invalid_request_error"
        return JSONResponse(error_body(str(err.detail), type_), err.status_code,
                            dict(err.headers or {}))

    async def unexpected(request: Request, err: Exception) -> JSONResponse:
        log.exception("%s %s failed", request.method, request.url.path, exc_info=err)
        return JSONResponse(error_body("internal error (the details are in the server log)",
                                       "server_error"), 500)

    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(Exception, unexpected)


def describe_validation(errors: Any) -> str:
    """FastAPI's list of validation errors as one line a person can act on."""
    parts: list[str] = []
    for e in list(errors)[:3]:
        loc = [str(x) for x in e.get("loc", ()) if x != "body"]
        where = ".".join(loc)
        kind = e.get("type", "")
        if kind == "json_invalid":
            detail = (e.get("ctx") or {}).get("error", "")
            parts.append(f"the request body is not valid JSON ({detail})" if detail
                         else "the request body is not valid JSON")
        elif kind == "missing":
            parts.append(f"missing field '{where}'" if where else "the request needs a JSON body")
        elif kind == "extra_forbidden":
            parts.append(f"unknown field '{where}'")
        else:
            parts.append(f"{where}: {e.get('msg', 'invalid')}" if where else str(e.get("msg")))
    return "; ".join(parts) or "invalid request"


def _model_card(model_id: str) -> dict[str, Any]:
    return {"id": model_id, "object": "model", "created": 0, "owned_by": "rag"}


def _check_model(model: str, models: list[str]) -> None:
    if model not in models:
        raise ApiError(404, f"the model '{model}' does not exist (available: {', '.join(models)})",
                       code="model_not_found")


def _check_question(question: str) -> None:
    # Checked before queueing: an empty question should not wait for a slot to be refused.
    if not question.strip():
        raise ApiError(400, "the question is empty", code="empty_question")


def _envelope(kind: str, model: str) -> dict[str, Any]:
    return {"id": f"chatcmpl-{uuid.uuid4().hex}", "object": kind, "created": int(time.time()),
            "model": model}


def _call(fn: Callable[[], Any]) -> Any:
    """Run an Assistant call; its user-fixable errors become 4xx."""
    try:
        return fn()
    except EmptyQuestionError as err:
        raise ApiError(400, str(err), code="empty_question") from None
    except EmptyStoreError as err:
        raise ApiError(409, str(err), code="empty_store") from None
    except RagError as err:
        raise ApiError(400, str(err)) from None


# ---- streaming --------------------------------------------------------------------------------
_END = object()


def _next(it: Iterator[Any]) -> Any:
    # StopIteration cannot cross a thread boundary into a coroutine: use a sentinel.
    return _call(lambda: next(it, _END))


async def _stream_chat(
    assistant: Assistant,
    answers: Admission,
    req: ChatRequest,
    question: str,
    history: list[tuple[str, str]],
) -> StreamingResponse:
    """Server-sent events in OpenAI's chunk format.

    Only the verified answer is sent as content: an LLM's raw tokens may contain sentences that
    verification then drops, and streamed text cannot be taken back. Raw pieces still produce a
    keep-alive comment, so proxies and clients see the connection is working.
    The first step runs before the response starts, so an empty store or question is still a
    proper 4xx status rather than an error inside a 200 stream.
    """
    ticket = await answers.enter()
    try:
        pieces = assistant.stream(question, history=history, top_k=req.top_k)
        first = await run_in_threadpool(_next, pieces)
    except BaseException:
        ticket.release()
        raise
    envelope = _envelope("chat.completion.chunk", req.model)

    def chunk(delta: dict[str, Any], finish: str | None = None) -> str:
        body = {**envelope, "choices": [{"index": 0, "delta": delta, "finish_reason": finish,
                                         "logprobs": None}]}
        return f"data: {json.dumps(body, ensure_ascii=False)}\n\n"

    async def events() -> AsyncIterator[str]:
        try:
            yield chunk({"role": "assistant", "content": ""})
            piece = first
            while not isinstance(piece, Answer):
                if piece is _END:
                    raise RagError("the answerer stopped without an answer")
                yield ": working\n\n"
                piece = await run_in_threadpool(_next, pieces)
            yield chunk({"content": piece.text})
            yield chunk(answer_extras(piece), finish="stop")
        except ApiError as err:
            yield f"data: {json.dumps(error_body(err.message, err.type, err.code))}\n\n"
        except Exception:
            log.exception("streaming an answer to %r failed", question)
            yield f"data: {json.dumps(error_body('internal error', 'server_error'))}\n\n"
        finally:
            ticket.release()
        yield "data: [DONE]\n\n"

    return _TicketedStream(ticket, events(), media_type="text/event-stream",
                           headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


class _TicketedStream(StreamingResponse):
    """Gives the queue place back however the response ends.

    The generator's own `finally` does not run when the client leaves before the first chunk
    (a never-started generator has nothing to clean up), which would leak a place for good.
    """

    def __init__(self, ticket: Ticket, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._ticket = ticket

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)  # type: ignore[arg-type]
        finally:
            self._ticket.release()


# ---- documents --------------------------------------------------------------------------------
_UNSAFE = re.compile(r"[^A-Za-z0-9._ -]+")


def safe_name(filename: str | None) -> str:
    """A file name that cannot leave the uploads folder or hide itself."""
    base = re.split(r"[/\\]", filename or "")[-1]
    name = _UNSAFE.sub("_", base).strip(" .")[:200]
    return name or "upload"


def free_path(folder: Path, name: str, data: bytes) -> tuple[Path, bool]:
    """Where to keep `data`: its own name, or name-1, name-2, ... if a different file has it.

    Returns the path and whether the file already holds exactly these bytes.
    """
    stem, suffix = Path(name).stem, Path(name).suffix
    for i in range(1000):
        path = folder / (name if i == 0 else f"{stem}-{i}{suffix}")
        if not path.exists():
            return path, False
        if path.is_file() and path.read_bytes() == data:
            return path, True
    raise ApiError(409, f"too many different uploads named {name}", code="name_taken")


async def _save_and_ingest(assistant: Assistant, files: list[UploadFile]) -> list[FileResult]:
    folder = Path(assistant.settings.store) / UPLOADS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    created: set[Path] = set()
    failed: list[FileResult] = []
    for f in files:
        data = await f.read()
        name = safe_name(f.filename)
        try:
            path, same = free_path(folder, name, data)
            if not same:
                tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.part")
                tmp.write_bytes(data)
                tmp.replace(path)  # whole or absent: never a half-written document
                created.add(path)
        except OSError as err:
            failed.append(FileResult(name, "failed", reason=f"could not save it ({err.strerror})"))
            continue
        saved.append(path)
    if not saved:
        return failed
    def ingest() -> IngestReport:
        with document_lock(assistant):
            return assistant.ingest(saved)

    try:
        report = await run_in_threadpool(_call, ingest)
    except BaseException:
        for path in created:
            path.unlink(missing_ok=True)
        raise
    for r in report.results:
        # A file that could not be indexed must not sit in the store looking as if it were.
        path = folder / Path(r.source).name
        if r.status == "failed" and path in created:
            path.unlink(missing_ok=True)
    return failed + report.results


def _remove(assistant: Assistant, ref: str) -> list[str]:
    """Remove the one document `ref` (a doc_id, source or path) names; delete its file only if
    it is an upload kept in the store (as the page does), never a file ingested from elsewhere."""
    uploads = (Path(assistant.settings.store) / UPLOADS_FOLDER).resolve()
    with document_lock(assistant):
        removed = assistant.remove_documents(ref) if ref else []
        for doc in removed:
            path = Path(doc.path) if doc.path else None
            if path is not None and path.parent == uploads:
                path.unlink(missing_ok=True)
    if not removed:
        raise ApiError(404, f"no document with id or source '{ref}'", "not_found_error",
                       "document_not_found")
    return [d.source for d in removed]
