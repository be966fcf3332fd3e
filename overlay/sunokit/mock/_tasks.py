"""Mock tasks: the neutral lifecycle queued -> text -> first -> complete (or failed), by clock."""

from __future__ import annotations

import dataclasses
import math
import threading
from collections.abc import Callable
from typing import Any, Literal

__all__ = ["ManualClock", "MockFile", "MockTask", "MockTrack", "Stage", "StageTimings"]

Stage = Literal["queued", "text", "first", "complete", "failed"]
Failure = Literal["sensitive", "generic"]

# Stage -> the neutral task states (x-sunokit-task-states values) that represent it, best
# first. Vendors without a lyrics or first-track stage fall back to "running".
STAGE_STATES: dict[str, tuple[str, ...]] = {
    "queued": ("queued",),
    "text": ("text_ready", "running", "queued"),
    "first": ("first_ready", "running", "text_ready", "queued"),  # a table with no middle: waiting
    "complete": ("succeeded",),
    "failed": ("failed",),
}


@dataclasses.dataclass(frozen=True)
class StageTimings:
    """Seconds after submission at which a task reaches each stage (cumulative).

    `StageTimings(0, 0, 0)` completes immediately. A failing task fails at `text`.
    """

    text: float = 0.2
    first: float = 0.4
    complete: float = 0.6

    def __post_init__(self) -> None:
        for name in ("text", "first", "complete"):
            value = getattr(self, name)
            if (
                isinstance(value, bool)
                or not isinstance(value, (int, float))
                or not math.isfinite(value)
                or value < 0
            ):
                raise ValueError(f"StageTimings.{name} must be a finite number >= 0")
        if not self.text <= self.first <= self.complete:
            raise ValueError("StageTimings must satisfy text <= first <= complete")


class ManualClock:
    """A clock for tests: `clock()` is the current time, `clock.advance(s)` moves it."""

    def __init__(self, start: float = 0.0) -> None:
        self._now = float(start)
        self._lock = threading.Lock()

    def __call__(self) -> float:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> float:
        try:
            seconds = float(seconds)
        except (OverflowError, TypeError, ValueError):
            raise ValueError("advance by a finite number of seconds >= 0") from None
        if not math.isfinite(seconds) or seconds < 0:
            raise ValueError("a clock only moves forward, by a finite number of seconds")
        with self._lock:
            if not math.isfinite(self._now + seconds):
                raise ValueError(f"the clock cannot move past {self._now!r} by {seconds!r} s")
            self._now += seconds
            return self._now

    def __repr__(self) -> str:
        return f"ManualClock({self._now!r})"


@dataclasses.dataclass
class MockTrack:
    id: str
    index: int
    duration: float
    frequency: float
    colour: tuple[int, int, int]


@dataclasses.dataclass(frozen=True)
class MockFile:
    """A result file the mock serves under /__mock__/media/<name>, made when it is fetched."""

    name: str
    media_type: str
    make: Callable[[], bytes]
    redirect: str | None = None  # served as a redirect there (an uploaded URL, not fetched)


@dataclasses.dataclass
class MockTask:
    """One job: a music task (role submit/extend or a music-family create polled like them) or
    a task of another capability (lyrics, WAV, stems, ...; `capability` is the spec's
    x-sunokit-operation of its create, `poll` the operationId that reads it)."""

    id: str
    number: int
    role: str
    body: dict[str, Any]
    created: float  # by the injected clock
    wall: float  # unix time, for the timestamps in answers
    base_url: str  # absolute base for media URLs, from the submit request
    tracks: list[MockTrack]
    failure: Failure | None = None
    reason: str | None = None
    callback_url: str | None = None
    callback_secret: str | None = None
    signature_header: str | None = None
    callbacks_enqueued: list[str] = dataclasses.field(default_factory=list)
    polls: int = 0
    operation: str = ""  # operationId of the create that made it
    capability: str = ""  # its x-sunokit-operation
    poll: str | None = None  # the operationId that reads it (None: answered at once)
    source: MockTask | None = None  # the task it acts on (a track's task, a separation, ...)
    source_track: MockTrack | None = None
    files: dict[str, MockFile] = dataclasses.field(default_factory=dict)  # result files by role
    data: dict[str, Any] = dataclasses.field(default_factory=dict)  # what its renderer keeps

    def stage(self, now: float, timings: StageTimings) -> Stage:
        elapsed = now - self.created
        if self.failure is not None:
            return "failed" if elapsed >= timings.text else "queued"
        if elapsed >= timings.complete:
            return "complete"
        if elapsed >= timings.first:
            return "first"
        if elapsed >= timings.text:
            return "text"
        return "queued"

    def reached(self, now: float, timings: StageTimings) -> list[Stage]:
        """Every stage this task has passed through so far, in order."""
        current = self.stage(now, timings)
        if current == "failed":
            return ["queued", "failed"]
        order: list[Stage] = ["queued", "text", "first", "complete"]
        return order[: order.index(current) + 1]
