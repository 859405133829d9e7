"""A GGUF model served in this process by llama.cpp (the prebuilt xllamacpp wheel).

It speaks the OpenAI chat API on 127.0.0.1, so a local model goes through the same client,
timeouts and error messages as any remote server, and nothing has to be compiled.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

# llama.cpp's own log lines would bury rag's output; errors still reach the exception.
QUIET = -1


class LocalServer:
    """llama.cpp's server on a free loopback port; stops when closed or garbage-collected."""

    def __init__(
        self,
        model_path: str | Path,
        *,
        n_ctx: int = 4096,
        n_threads: int = 2,
        chat_template: str | None = None,
        port: int = 0,
        verbose: bool = False,
    ) -> None:
        """Load the model and start listening; raises ImportError, FileNotFoundError or
        RuntimeError (llama.cpp could not load the file)."""
        import xllamacpp

        path = Path(model_path)
        if not path.is_file():
            raise FileNotFoundError(f"model file not found: {path}")
        params = xllamacpp.CommonParams()
        params.model.path = str(path)
        params.n_ctx = n_ctx
        params.cpuparams.n_threads = n_threads
        params.cpuparams_batch.n_threads = n_threads
        params.hostnames = ["127.0.0.1"]
        params.port = port  # 0: the system picks a free port; listening_address tells which
        params.n_parallel = 1  # one generation at a time: two would halve each on a laptop CPU
        if chat_template:
            params.chat_template = chat_template  # a llama.cpp template name, e.g. "chatml"
        if not verbose:
            params.verbosity = QUIET
        self._server: Any = xllamacpp.Server(params)  # returns once the model is loaded
        self.base_url = f"{self._server.listening_address}/v1"

    def close(self) -> None:
        """Stop serving and free the model (xllamacpp stops the server when it is released)."""
        self._server = None
