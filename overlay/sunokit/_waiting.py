"""Pure decisions of wait(): is the stage reached, is the task over, whom to tell, how long to sleep.

No I/O, no clock, no sleeping: the drivers in `_client.py` fetch the task, hand it to
`Waiter.observe()` with the current time, and do what the returned `Step` says. A wait is
bounded twice, as stamina bounds retries: by its deadline and by a number of polls derived from
it, so a clock that does not advance (an injected fake, a suspended machine) cannot make it spin.
"""

from __future__ import annotations

import math
from typing import Literal

import attrs
from typing_extensions import assert_never

from ._errors import ConfigurationError, SunokitError, TaskFailedError, WaitTimeoutError
from ._models import Task, TaskState

__all__ = [
    "DEFAULT_POLL_INTERVAL",
    "DEFAULT_WAIT_TIMEOUT",
    "Progress",
    "Step",
    "Until",
    "Waiter",
    "check_wait_options",
    "max_polls",
    "next_sleep",
    "progress",
    "stage_reached",
]

#: Seconds between two polls of wait().
DEFAULT_POLL_INTERVAL = 5.0
#: Seconds wait() waits for the requested stage before WaitTimeoutError.
DEFAULT_WAIT_TIMEOUT = 600.0

Until = Literal["first", "complete"]
Progress = Literal["reached", "failed", "pending"]

_UNTIL: tuple[Until, ...] = ("first", "complete")


def progress(state: TaskState, until: Until) -> Progress:
    """Where a task in `state` stands for a wait `until` the given stage (exhaustive)."""
    if until not in _UNTIL:
        raise ValueError(f"until must be 'first' or 'complete', not {until!r}")
    match state:
        case "succeeded":
            return "reached"
        case "first_ready":
            return "reached" if until == "first" else "pending"
        case "failed":
            return "failed"
        case "queued" | "running" | "text_ready" | "unknown":
            # "unknown" (a status this version does not know) is not terminal: keep polling.
            return "pending"
        case _:
            assert_never(state)


def stage_reached(state: TaskState, until: Until) -> bool:
    return progress(state, until) == "reached"


def next_sleep(*, interval: float, now: float, deadline: float) -> float | None:
    """Seconds to sleep before the next poll, or None when the deadline leaves no room."""
    remaining = deadline - now
    if remaining <= 0:
        return None
    return min(interval, remaining)


#: More polls than any real wait makes (a poll every millisecond for 30 years); bounds the count
#: for huge timeouts, where timeout / interval would overflow.
MAX_POLLS = 10**12


def max_polls(timeout: float, interval: float) -> int:
    """Polls a wait of `timeout` seconds needs at `interval`: one per interval, the first and
    one at the deadline (at most MAX_POLLS)."""
    ratio = timeout / interval
    return MAX_POLLS if ratio >= MAX_POLLS else math.ceil(ratio) + 2


def check_wait_options(*, until: object, timeout: object) -> None:
    """ConfigurationError for a wait that cannot run (generate() checks before it submits)."""
    if until not in _UNTIL:
        raise ConfigurationError(f"until must be 'first' or 'complete', not {until!r}")
    if (
        isinstance(timeout, bool)
        or not isinstance(timeout, (int, float))
        or not math.isfinite(timeout)
        or timeout < 0
    ):
        raise ConfigurationError(f"timeout must be a finite number >= 0, not {timeout!r}")


def _changed(task: Task, previous: Task | None) -> bool:
    return previous is None or (task.state, task.vendor_state) != (
        previous.state,
        previous.vendor_state,
    )


@attrs.frozen
class Step:
    """What the driver does after one poll: tell `on_update` (when `notify`), then raise
    `error`, or return the task (`done`), or sleep `delay` seconds and poll again."""

    notify: bool
    done: bool = False
    error: SunokitError | None = None
    delay: float = 0.0


@attrs.define
class Waiter:
    """The state of one wait(): the last task seen, the polls made, the deadline."""

    task_id: str
    until: Until
    timeout: float
    interval: float
    deadline: float
    limit: int
    polls: int = 0
    last: Task | None = None

    @classmethod
    def start(
        cls,
        task_id: str,
        *,
        until: Until,
        timeout: float,
        interval: float,
        now: float,
        last: Task | None = None,
    ) -> Waiter:
        """A wait starting at `now`; `last` is a task already reported (generate's submit)."""
        check_wait_options(until=until, timeout=timeout)
        if not (isinstance(interval, (int, float)) and math.isfinite(interval) and interval > 0):
            raise ConfigurationError(f"poll_interval must be a finite number > 0, not {interval!r}")
        return cls(
            task_id,
            until,
            float(timeout),
            float(interval),
            now + timeout,
            max_polls(timeout, interval),
            last=last,
        )

    def observe(self, task: Task, *, now: float) -> Step:
        """Decide what follows a poll that returned `task` at time `now`."""
        self.polls += 1
        notify = _changed(task, self.last)
        self.last = task
        match progress(task.state, self.until):
            case "reached":
                return Step(notify=notify, done=True)
            case "failed":
                return Step(notify=notify, error=TaskFailedError(task))
            case "pending":
                pass
            case _ as unreachable:
                assert_never(unreachable)
        pause = next_sleep(interval=self.interval, now=now, deadline=self.deadline)
        if pause is None or self.polls >= self.limit:
            return Step(notify=notify, error=WaitTimeoutError(task, self.task_id, self.timeout))
        return Step(notify=notify, delay=pause)
