"""Pure decisions of wait(): is the stage reached, is the task over, how long to sleep."""

from __future__ import annotations

from typing import Literal

from ._models import TaskState

__all__ = ["DEFAULT_POLL_INTERVAL", "DEFAULT_WAIT_TIMEOUT", "Until", "next_sleep", "stage_reached"]

DEFAULT_POLL_INTERVAL = 5.0
DEFAULT_WAIT_TIMEOUT = 600.0

Until = Literal["first", "complete"]

_REACHED: dict[Until, frozenset[TaskState]] = {
    "first": frozenset({"first_ready", "succeeded"}),
    "complete": frozenset({"succeeded"}),
}


def stage_reached(state: TaskState, until: Until) -> bool:
    if until not in _REACHED:
        raise ValueError(f"until must be 'first' or 'complete', not {until!r}")
    return state in _REACHED[until]


def next_sleep(*, interval: float, now: float, deadline: float) -> float | None:
    """Seconds to sleep before the next poll, or None when the deadline leaves no room."""
    remaining = deadline - now
    if remaining <= 0:
        return None
    return min(interval, remaining)
