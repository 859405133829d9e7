"""Where a new `rag ask` process spends its time: `python -m bench.coldstart STORE QUESTION`
prints one JSON object: cumulative seconds at the end of each stage."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def stages(store: Path, question: str) -> dict[str, float]:
    t0 = time.perf_counter()
    out: dict[str, float] = {}

    def lap(name: str) -> None:
        out[name] = round(time.perf_counter() - t0, 3)

    from rag.assistant import Assistant

    lap("import")
    a = Assistant.open(store)
    _ = a.store
    lap("open_store")
    a.retriever.refresh()
    lap("load_lexical_index")
    a.embedder.warm_up()
    lap("load_embedder")
    passages = a.retrieve(question)
    lap("retrieve")
    a.answerer.answer(question, passages)
    lap("answer")
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m bench.coldstart STORE QUESTION", file=sys.stderr)
        return 2
    print(json.dumps(stages(Path(args[0]), args[1])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
