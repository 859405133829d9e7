"""Progress for long work, fed by the (stage, done, total) callbacks: tqdm bars on a terminal,
and a plain line every few seconds otherwise (a log, a pipe, CI), so a long ingest is visibly alive."""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import Any, TextIO

_UNITS = {"embedding": "chunks", "reading": "files"}


class TqdmProgress:
    """One tqdm bar per stage on a terminal; a line at most every `every_s` seconds elsewhere."""

    def __init__(self, stream: TextIO | None = None, every_s: float = 5.0) -> None:
        self._stream = stream
        self._bars: dict[str, Any] = {}
        self._every_s = every_s
        self._last_line = time.monotonic()
        self._state: dict[str, tuple[int, int]] = {}

    @property
    def stream(self) -> TextIO:
        return self._stream or sys.stderr

    def __call__(self, stage: str, done: int, total: int) -> None:
        self._state[stage] = (done, total)
        if self.stream.isatty():
            self._bar(stage, done, total)
        elif time.monotonic() - self._last_line >= self._every_s:
            self._line()

    def _bar(self, stage: str, done: int, total: int) -> None:
        from tqdm import tqdm

        bar = self._bars.get(stage)
        if bar is None:
            bar = self._bars[stage] = tqdm(total=total, desc=stage, unit=_UNITS.get(stage, "item"),
                                           file=self.stream, leave=False)
        bar.total = total
        bar.n = done
        bar.refresh()

    def _line(self) -> None:
        self._last_line = time.monotonic()
        parts = [f"{stage} {done}/{total} {_UNITS.get(stage, '')}".rstrip()
                 for stage, (done, total) in self._state.items()]
        print("progress: " + ", ".join(parts), file=self.stream, flush=True)

    def close(self) -> None:
        for bar in self._bars.values():
            bar.close()
        self._bars.clear()

    def __enter__(self) -> TqdmProgress:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
