"""Retry policy as small pure pieces: no I/O, no sleeping, no clock.

The drivers in `_client.py` own the loop. They ask `RetryPolicy.decide()` how long to wait
after a failure and sleep through their own injectable `sleep`, so tests run without
real sleeping and without a global testing switch.

A retry is bounded twice, as in stamina: by `max_retries` and by `budget`, the total seconds
from the first attempt.

The rule for creates (submits spend credits; `idempotent=False`): a create is sent again only
when the failure proves that the vendor did not accept it. Exactly two things prove that:

- the vendor refused it in its own words: a parseable body carrying one of the vendor's
  documented error codes that means "rate limited" or "under maintenance" (`refused=True`,
  decided by the client from the spec's code table);
- nothing left this machine: the connection could not be opened (connect error, connect
  timeout) or no connection became free in the pool (pool timeout) (`request_sent=False`).

Everything else may have created a task and is never re-sent: a bare HTTP 429/503 page (an HTML
page or an empty body, typically from a proxy or CDN in front of the vendor), any 5xx, a read or
write timeout, a dropped connection, an unreadable answer.

Status polls and other reads (`idempotent=True`) are retried on rate limits, maintenance, server
errors, unreadable answers and any connection failure.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

import attrs

from ._errors import (
    APIConnectionError,
    APIResponseError,
    APIStatusError,
    MaintenanceError,
    RateLimitError,
    ServerError,
)

__all__ = [
    "DEFAULT_INITIAL_DELAY",
    "DEFAULT_MAX_DELAY",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_MAX_RETRY_AFTER",
    "DEFAULT_RETRY_BUDGET",
    "JITTER_RANGE",
    "RetryPolicy",
    "add_jitter",
    "backoff",
    "is_retryable",
    "parse_retry_after",
    "server_hint",
]

#: Retries after the first attempt (so at most 1 + 3 requests).
DEFAULT_MAX_RETRIES = 3
#: Backoff before the first retry, in seconds.
DEFAULT_INITIAL_DELAY = 0.5
#: Ceiling of the exponential backoff, in seconds.
DEFAULT_MAX_DELAY = 8.0
#: Ceiling of a server's Retry-After hint, in seconds.
DEFAULT_MAX_RETRY_AFTER = 60.0
#: Total seconds, from the first attempt, after which no further retry starts.
DEFAULT_RETRY_BUDGET = 60.0
#: The backoff is multiplied by a factor drawn uniformly from this range.
JITTER_RANGE = (0.75, 1.0)


def _header(headers: Mapping[str, str], name: str) -> str | None:
    """Case-insensitive lookup that works on plain dicts as well as on `httpx.Headers`."""
    value = headers.get(name)
    if value is not None:
        return value
    for key, item in headers.items():
        if key.lower() == name:
            return item
    return None


def _seconds(text: str) -> float | None:
    try:
        value = float(text.strip())
    except ValueError:
        return None
    # float() also accepts "nan" and "inf"; neither is a usable delay.
    if not math.isfinite(value) or value < 0:
        return None
    return value


def parse_retry_after(
    headers: Mapping[str, str],
    *,
    now: datetime | None = None,
    cap: float = DEFAULT_MAX_RETRY_AFTER,
) -> float | None:
    """Seconds the server asks us to wait, or None when it gives no usable hint.

    `retry-after-ms` (milliseconds) is read first, then `Retry-After` as seconds (integer or
    float) or as an HTTP date compared with `now` (default: the current UTC time). Negative,
    non-finite or unparsable values give None, and so does a date in the past, which usually
    means clock skew; the caller's backoff then applies. The result never exceeds `cap`.
    """
    milliseconds = _header(headers, "retry-after-ms")
    if milliseconds is not None:
        value = _seconds(milliseconds)
        if value is not None:
            return min(value / 1000.0, cap)

    text = _header(headers, "retry-after")
    if text is None:
        return None
    value = _seconds(text)
    if value is not None:
        return min(value, cap)

    try:
        when = parsedate_to_datetime(text.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    current = now if now is not None else datetime.now(timezone.utc)
    if current.tzinfo is None:
        current = current.replace(tzinfo=timezone.utc)
    delta = (when - current).total_seconds()
    if delta < 0:
        return None
    return min(delta, cap)


def backoff(
    attempt: int,
    *,
    initial: float = DEFAULT_INITIAL_DELAY,
    maximum: float = DEFAULT_MAX_DELAY,
) -> float:
    """Capped exponential backoff without jitter: `initial * 2**attempt`, at most `maximum`.

    `attempt` counts the retries already made, so attempt 0 gives `initial`.
    """
    if attempt < 0:
        raise ValueError(f"attempt must be >= 0, not {attempt}")
    # 2.0**attempt raises OverflowError past 1023; any exponent this large is capped anyway.
    return min(initial * 2.0 ** min(attempt, 1000), maximum)


def add_jitter(delay: float, rng: random.Random | None = None) -> float:
    """`delay` times a factor drawn uniformly from `JITTER_RANGE` (0.75 to 1.0).

    Jitter only shortens, so a capped backoff stays within its cap and the budget check
    sees the real delay. `rng=None` uses the `random` module's shared generator; pass a
    seeded `random.Random` for reproducible delays.
    """
    low, high = JITTER_RANGE
    factor = rng.uniform(low, high) if rng is not None else random.uniform(low, high)
    return delay * factor


def is_retryable(error: BaseException, *, idempotent: bool, refused: bool = False) -> bool:
    """Whether another attempt is safe and may help, ignoring counts and time (see the module
    docstring for the rule).

    `refused`: the answer carried one of the vendor's documented error codes in a parseable
    body, so the vendor itself said it did not carry the request out. Only then is a rate limit
    or maintenance answer a reason to re-send a create.
    """
    if idempotent:
        return isinstance(
            error, (RateLimitError, MaintenanceError, ServerError, APIConnectionError)
        ) or (isinstance(error, APIResponseError) and error.body is None)
    if isinstance(error, (RateLimitError, MaintenanceError)):
        return refused
    return isinstance(error, APIConnectionError) and not error.request_sent


def server_hint(error: BaseException, *, cap: float = DEFAULT_MAX_RETRY_AFTER) -> float | None:
    """The error's `retry_after` in seconds, capped, or None when it carries no usable one."""
    if not isinstance(error, APIStatusError) or error.retry_after is None:
        return None
    hint = float(error.retry_after)
    if not math.isfinite(hint) or hint < 0:
        return None
    return min(hint, cap)


@attrs.frozen
class RetryPolicy:
    """When to retry and how long to wait first; `decide()` is the only entry point.

    A delay is the server's hint when the error carries one (capped at `max_retry_after`),
    otherwise the capped exponential `backoff()`, with `add_jitter()` applied when `jitter`
    is true. Retrying stops after `max_retries` retries, or when the next attempt would
    start more than `budget` seconds after the first.
    """

    max_retries: int = attrs.field(default=DEFAULT_MAX_RETRIES, validator=attrs.validators.ge(0))
    initial_delay: float = attrs.field(
        default=DEFAULT_INITIAL_DELAY, validator=attrs.validators.ge(0)
    )
    max_delay: float = attrs.field(default=DEFAULT_MAX_DELAY, validator=attrs.validators.ge(0))
    budget: float = attrs.field(default=DEFAULT_RETRY_BUDGET, validator=attrs.validators.ge(0))
    max_retry_after: float = attrs.field(
        default=DEFAULT_MAX_RETRY_AFTER, validator=attrs.validators.ge(0)
    )
    jitter: bool = True
    #: Source of jitter; None uses the `random` module. Not part of equality or repr.
    rng: random.Random | None = attrs.field(default=None, eq=False, repr=False)

    @classmethod
    def disabled(cls) -> RetryPolicy:
        """A policy that never retries."""
        return cls(max_retries=0)

    def decide(
        self,
        error: BaseException,
        *,
        attempt: int,
        elapsed: float,
        idempotent: bool,
        refused: bool = False,
    ) -> float | None:
        """Seconds to wait before the next attempt, or None to give up and re-raise.

        `attempt` counts the retries already made (0 after the first failure); `elapsed` is
        the time since the first attempt started; `refused` as in `is_retryable`.
        """
        if attempt >= self.max_retries or not is_retryable(
            error, idempotent=idempotent, refused=refused
        ):
            return None
        delay = server_hint(error, cap=self.max_retry_after)
        if delay is None:
            delay = backoff(attempt, initial=self.initial_delay, maximum=self.max_delay)
            if self.jitter:
                delay = add_jitter(delay, self.rng)
        if elapsed + delay > self.budget:
            return None
        return delay
