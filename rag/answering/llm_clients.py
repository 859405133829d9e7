"""Two thin chat clients behind one interface: in-process llama.cpp and any OpenAI-style server.

Both import their library only when first used, so the CLI starts fast when no LLM is
configured, and both turn every failure into LLMUnavailable with a one-line message the
answerer can show as a notice before falling back to the extractive answer.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from rag.errors import one_line

Messages = list[dict[str, str]]


class LLMUnavailable(Exception):
    """The model could not answer; str(error) is one line, fit to show to a user."""


class LLMClient(Protocol):
    name: str

    def stream_chat(self, messages: Messages, max_tokens: int, temperature: float) -> Iterator[str]:
        """Yield the reply's text pieces as they are generated."""
        ...


class LlamaCppClient:
    """A GGUF model run in this process by llama.cpp; loaded on first use, once.

    llama.cpp runs as an in-process OpenAI-style server on a loopback port (the prebuilt
    xllamacpp wheel: nothing to compile), and OpenAIClient talks to it, so a local model has
    the same streaming, timeouts and error messages as a remote one.
    """

    name = "llamacpp"

    def __init__(
        self,
        model_path: str | Path,
        chat_format: str | None = None,
        n_ctx: int = 4096,
        n_threads: int = 2,
        timeout_s: float = 120.0,
    ) -> None:
        self.model_path = Path(model_path)
        # A llama.cpp template name ("chatml", "gemma", ...); None: the GGUF's own template.
        self.chat_format = chat_format
        self.n_ctx = n_ctx
        self.n_threads = n_threads
        self.timeout_s = timeout_s
        self._server: Any = None
        self._client: OpenAIClient | None = None
        # One llama.cpp context serves one generation at a time (e.g. two UI users).
        self._lock = threading.Lock()

    def stream_chat(self, messages: Messages, max_tokens: int, temperature: float) -> Iterator[str]:
        with self._lock:
            client = self._load()
            yield from client.stream_chat(messages, max_tokens, temperature)

    def warm_up(self) -> None:
        """Load the weights and run one token, so the first answer starts at full speed."""
        try:
            for _ in self.stream_chat([{"role": "user", "content": "Hi"}], 1, 0.0):
                break
        except LLMUnavailable:
            pass  # the first real question reports the problem, with its fallback

    def close(self) -> None:
        """Free the model's memory; the next call loads it again."""
        with self._lock:
            self._client = None
            if self._server is not None:
                self._server.close()
                self._server = None

    def _load(self) -> OpenAIClient:
        if self._client is not None:
            return self._client
        if not self.model_path.is_file():
            raise LLMUnavailable(f"model file not found: {self.model_path}")
        try:
            from rag.answering.local_server import LocalServer

            server = LocalServer(
                self.model_path,
                n_ctx=self.n_ctx,
                n_threads=self.n_threads,
                chat_template=self.chat_format,
            )
        except ImportError as e:
            raise LLMUnavailable("xllamacpp is not installed (pip install 'rag[llamacpp]')") from e
        except (RuntimeError, ValueError, OSError) as e:
            raise LLMUnavailable(f"could not load {self.model_path.name}: {one_line(e)}") from e
        self._server = server
        self._client = OpenAIClient(server.base_url, None, timeout_s=self.timeout_s, max_retries=0)
        return self._client


class OpenAIClient:
    """Any server speaking the OpenAI chat API: llama.cpp's server, vLLM, Ollama, OpenAI."""

    name = "openai"

    def __init__(
        self,
        base_url: str,
        model: str | None,
        api_key: str | None = None,
        timeout_s: float = 60.0,
        max_retries: int = 1,
        extra_body: dict[str, Any] | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        # Server-specific request fields, e.g. llama.cpp's {"grammar": ...}.
        self.extra_body = extra_body
        # None or "" means "whatever the server serves": single-model servers need no name.
        self.model = model or ""
        self.api_key = api_key
        self.timeout_s = timeout_s
        self.max_retries = max_retries
        self._client: Any = None
        self._model_checked = False

    def stream_chat(self, messages: Messages, max_tokens: int, temperature: float) -> Iterator[str]:
        import openai

        received = 0
        try:
            client = self._connect()
            self._check_model(client)
            stream = client.chat.completions.create(
                model=self.model,
                messages=messages,
                max_tokens=max_tokens,
                temperature=temperature,
                stream=True,
                extra_body=self.extra_body,
            )
            try:
                for chunk in stream:
                    received += 1
                    piece = _delta_text(chunk.choices)
                    if piece:
                        yield piece
            finally:
                stream.close()
        except (openai.OpenAIError, ValueError, KeyError, TypeError, AttributeError) as e:
            raise self._unavailable(e) from e
        if received == 0:
            raise LLMUnavailable(f"LLM server at {self.base_url} sent a malformed reply")

    def _connect(self) -> Any:
        if self._client is None:
            import openai

            self._client = openai.OpenAI(
                base_url=self.base_url,
                api_key=self.api_key or "not-needed",
                timeout=self.timeout_s,
                max_retries=self.max_retries,
            )
        return self._client

    def _check_model(self, client: Any) -> None:
        """Fail clearly on an unknown model: some servers (llama.cpp's) silently serve another."""
        if self._model_checked:
            return
        import openai

        try:
            served = [m.id for m in client.models.list()]
        except openai.APIStatusError:
            served = []  # No model listing on this server; the completion call will tell.
        if not self.model:
            if not served:
                raise LLMUnavailable(f"no model name given and {self.base_url} lists no models")
            self.model = served[0]
        elif served and self.model not in served:
            listed = ", ".join(served[:3]) + (", …" if len(served) > 3 else "")
            raise LLMUnavailable(
                f"model '{self.model}' is not served by {self.base_url} (it serves: {listed})"
            )
        self._model_checked = True

    def _unavailable(self, e: Exception) -> LLMUnavailable:
        import openai

        where = f"LLM server at {self.base_url}"
        if isinstance(e, openai.APITimeoutError):
            return LLMUnavailable(f"{where} did not answer within {self.timeout_s:g}s")
        if isinstance(e, openai.APIConnectionError):
            return LLMUnavailable(f"{where} is unreachable")
        if isinstance(e, openai.NotFoundError):
            return LLMUnavailable(f"model '{self.model}' is not served by {self.base_url}")
        if isinstance(e, openai.AuthenticationError | openai.PermissionDeniedError):
            return LLMUnavailable(f"{where} rejected the API key")
        if isinstance(e, openai.APIStatusError):
            detail = one_line(re.sub(r"^Error code: \d+ - ", "", e.message))
            return LLMUnavailable(f"{where} answered HTTP {e.status_code}: {detail}")
        if isinstance(e, openai.APIError) and not isinstance(e, openai.APIResponseValidationError):
            return LLMUnavailable(f"{where} reported an error: {one_line(e.message)}")
        return LLMUnavailable(f"{where} sent a malformed reply")


def _delta_text(choices: Any) -> str:
    """The text of a streamed chunk; role-only and usage-only chunks carry none."""
    if not choices:
        return ""
    first = choices[0]
    delta = first["delta"] if isinstance(first, dict) else first.delta
    content = delta.get("content") if isinstance(delta, dict) else delta.content
    if content is not None and not isinstance(content, str):
        raise TypeError("content is not text")
    return content or ""
