"""Client-side rate limiting that keeps one client under the vendor's documented limits.

The limiter does no I/O and never sleeps: `reserve()` books a send time and returns how long
the caller must wait for it, so the sync driver calls `sleep(limiter.reserve(key))` and the
async driver `await asyncio.sleep(limiter.reserve(key))`. One limiter is shared by every
call of one client instance, across threads.

Reservations are exact: the limiter remembers the booked send times, and a new booking goes
to the earliest moment at which no window of `per_seconds` holds more than `requests` sends.
Bookings for one key are first come, first served.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Literal, get_args

from ._specs import RateLimit

__all__ = ["Scope", "SlidingWindowLimiter", "from_rate_limit"]

#: "client": one window for the whole client; "task": one window per key (task id).
Scope = Literal["client", "task"]

_SCOPES: tuple[str, ...] = get_args(Scope)


class SlidingWindowLimiter:
    """At most `requests` sends in any `per_seconds` window, per client or per key.

    With `scope="client"` every call shares one window and the key is ignored. With
    `scope="task"` each key (a task id) has its own window; a key idle for longer than the
    window is forgotten (swept at most once per window length), so memory stays bounded by
    the keys used in the last two windows.
    `clock` must be monotonic; tests inject a fake one.
    """

    def __init__(
        self,
        requests: int,
        per_seconds: float,
        *,
        scope: Scope = "client",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if requests < 1:
            raise ValueError(f"requests must be >= 1, not {requests}")
        if not per_seconds > 0:
            raise ValueError(f"per_seconds must be > 0, not {per_seconds}")
        if scope not in _SCOPES:
            raise ValueError(f"scope must be one of {', '.join(_SCOPES)}, not {scope!r}")
        self.requests = requests
        self.per_seconds = float(per_seconds)
        self.scope: Scope = scope
        self._clock = clock
        self._lock = threading.Lock()
        # Booked send times per key, ascending; only the last `requests` ever matter.
        self._windows: dict[str, deque[float]] = {}
        self._last_sweep = float("-inf")

    def __repr__(self) -> str:
        return (
            f"SlidingWindowLimiter(requests={self.requests}, per_seconds={self.per_seconds:g}, "
            f"scope={self.scope!r})"
        )

    @property
    def tracked_keys(self) -> int:
        """How many keys currently hold a window (for tests and diagnostics)."""
        with self._lock:
            return len(self._windows)

    def reserve(self, key: str = "") -> float:
        """Book the next free send slot for `key` and return the seconds to wait until it (>= 0)."""
        if self.scope == "client":
            key = ""
        with self._lock:
            now = self._clock()
            self._sweep(now)
            window = self._windows.get(key)
            if window is None:
                window = self._windows[key] = deque(maxlen=self.requests)
            send_at = now
            if window:
                # Bookings stay in order (first come, first served). With a monotonic clock this
                # already follows from the rule below; it guards against a clock that steps back.
                send_at = max(send_at, window[-1])
                if len(window) == self.requests:
                    # The oldest of the last `requests` bookings must leave the window first.
                    send_at = max(send_at, window[0] + self.per_seconds)
            window.append(send_at)
            return send_at - now

    def _sweep(self, now: float) -> None:
        """Forget keys whose last booking left the window; at most once per window length."""
        if now - self._last_sweep < self.per_seconds:
            return
        self._last_sweep = now
        horizon = now - self.per_seconds
        idle = [key for key, window in self._windows.items() if not window or window[-1] <= horizon]
        for key in idle:
            del self._windows[key]


def from_rate_limit(
    limit: RateLimit | None,
    *,
    clock: Callable[[], float] = time.monotonic,
) -> SlidingWindowLimiter | None:
    """The limiter for a documented limit from the specs, or None when none is documented."""
    if limit is None:
        return None
    if limit.scope not in _SCOPES:
        raise ValueError(
            f"unknown rate-limit scope {limit.scope!r}; expected one of {', '.join(_SCOPES)}"
        )
    scope: Scope = "task" if limit.scope == "task" else "client"
    return SlidingWindowLimiter(limit.requests, limit.per_seconds, scope=scope, clock=clock)
