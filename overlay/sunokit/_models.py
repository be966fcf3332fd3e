"""Vendor-neutral results: Task and Track."""

from __future__ import annotations

import math
from typing import Any, Literal

import attrs

__all__ = [
    "TERMINAL_STATES",
    "Credits",
    "Lyrics",
    "LyricsVariant",
    "Task",
    "TaskError",
    "TaskState",
    "Track",
    "parse_duration",
]

TaskState = Literal[
    "queued", "running", "text_ready", "first_ready", "succeeded", "failed", "unknown"
]
TASK_STATES: tuple[TaskState, ...] = (
    "queued",
    "running",
    "text_ready",
    "first_ready",
    "succeeded",
    "failed",
    "unknown",
)
TERMINAL_STATES: frozenset[TaskState] = frozenset({"succeeded", "failed"})


def parse_duration(value: object) -> float | None:
    """Seconds as float: numbers pass, numeric strings ("240", "104.88") convert, else None.

    None also for what cannot be a duration: negative, NaN, infinite, or too large for a float
    (an integer like 10**400, as callbacks read it too).
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        try:
            number = float(value)
        except OverflowError:  # an integer beyond the float range
            return None
    elif isinstance(value, str):
        try:
            number = float(value.strip())
        except (ValueError, OverflowError):
            return None
    else:
        return None
    return number if math.isfinite(number) and number >= 0 else None


@attrs.frozen
class TaskError:
    """Why a task failed, in the vendor's words.

    `kind`: what the spec says the failure means, in the words of the API error kinds
    (`content_rejected` for a prompt the vendor refused, ...); None for a generic failure.
    """

    code: str | int | None
    message: str
    kind: str | None = None


@attrs.frozen
class Track:
    """One generated song."""

    id: str
    title: str | None = None
    audio_url: str | None = None
    stream_url: str | None = None
    image_url: str | None = None
    duration: float | None = None
    tags: str | None = None
    lyrics: str | None = None
    model: str | None = None
    created_at: str | int | None = None

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


@attrs.frozen
class LyricsVariant:
    """One set of lyrics a lyrics task wrote."""

    text: str
    title: str | None = None
    error: str | None = None  # why this variant failed, when the vendor says


@attrs.frozen
class Lyrics:
    """The result of `GenerateLyrics`: the variants the vendor wrote (usually two)."""

    variants: tuple[LyricsVariant, ...]

    @property
    def text(self) -> str:
        """The first variant's lyrics."""
        return self.variants[0].text if self.variants else ""


@attrs.frozen
class Credits:
    """The result of `GetCredits`: what the account has left, in the vendor's unit."""

    remaining: float
    extra: float | None = None  # bonus credits, where the vendor counts them apart


@attrs.frozen
class Task:
    """One snapshot of a job a vendor accepted; also the handle to poll it again.

    `operation` is the capability the job performs (`music.generate`, `lyrics.generate`, ...);
    `client.get(task)` reads its next snapshot from the poll operation of that capability.
    `result` is the typed result once the job has one (`Lyrics`, `Credits`, ...); music results
    stay in `tracks`. `raw` is the generated model (or the decoded JSON) the task was built from,
    for anything this type does not normalize.
    """

    vendor: str
    task_id: str
    state: TaskState
    vendor_state: str | None = None
    error: TaskError | None = None
    tracks: tuple[Track, ...] = ()
    raw: Any = attrs.field(default=None, repr=False, eq=False)
    operation: str = "music.generate"
    result: Any = None

    @property
    def done(self) -> bool:
        return self.state in TERMINAL_STATES

    def to_dict(self) -> dict[str, Any]:
        """The JSON form printed by the CLI and written to sidecar files."""
        return {
            "vendor": self.vendor,
            "task_id": self.task_id,
            "state": self.state,
            "vendor_state": self.vendor_state,
            "error": attrs.asdict(self.error) if self.error else None,
            "tracks": [track.to_dict() for track in self.tracks],
            "operation": self.operation,
            "result": attrs.asdict(self.result) if attrs.has(type(self.result)) else self.result,
        }
