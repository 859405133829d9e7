"""Watching long work: the one progress callback type, timing events, and the progress display.

`Progress` is what ingest, the page, eval and bench all report through: (stage, done, total).
`TqdmProgress` shows it as tqdm bars on a terminal, and as a plain line every few seconds
otherwise (a log, a pipe, CI), so a long ingest is visibly alive.
`Timing` events are how a component says what a step cost (the embedder emits one per call),
so a benchmark can measure through them instead of replacing methods on shared objects.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Any, TextIO

_UNITS = {"embedding": "chunks", "reading": "files"}

# progress(stage, done, total): e.g. ("embedding", 640, 1200). Called from the working thread.
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Timing:
    """One step that took `seconds` over `items` things (texts embedded, chunks written)."""

    step: str
    seconds: float
    items: int = 0


OnTiming = Callable[[Timing], None]


class Observers:
    """A list of timing callbacks a component calls; `watch` returns the way to stop."""

    def __init__(self) -> None:
        self._fns: list[OnTiming] = []

    def watch(self, fn: OnTiming) -> Callable[[], None]:
        self._fns.append(fn)
        return lambda: self._fns.remove(fn) if fn in self._fns else None

    def emit(self, step: str, seconds: float, items: int = 0) -> None:
        if self._fns:
            event = Timing(step, seconds, items)
            for fn in list(self._fns):
                fn(event)


@dataclass
class StepTotals:
    """Sums Timing events per step: `with embedder.timings.watch(totals)` style accounting."""

    seconds: float = 0.0
    items: int = 0
    calls: int = 0

    def __call__(self, event: Timing) -> None:
        self.seconds += event.seconds
        self.items += event.items
        self.calls += 1

    def per_second(self) -> float:
        return self.items / self.seconds if self.seconds else 0.0


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
