"""Watching long work: the one progress callback type, timing events, and the terminal bar.

`Progress` is what ingest, the page, eval and bench all report through: (stage, done, total).
`Timing` events are how a component says what a step cost (the embedder emits one per call),
so a benchmark can measure through them instead of replacing methods on shared objects.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Any

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
    """One tqdm bar per stage; silent when stderr is not a terminal."""

    def __init__(self) -> None:
        self._bar: Any = None
        self._stage = ""

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not sys.stderr.isatty():
            return
        from tqdm import tqdm

        if stage != self._stage or self._bar is None:
            self.close()
            self._stage = stage
            self._bar = tqdm(total=total, desc=stage, unit="chunk" if stage == "embedding" else "file",
                             file=sys.stderr, leave=False)
        self._bar.total = total
        self._bar.n = done
        self._bar.refresh()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> TqdmProgress:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
