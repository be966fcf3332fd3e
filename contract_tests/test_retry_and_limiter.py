"""The retry policy and the rate limiter, tested as pure pieces with fake clocks: no sleeping."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sunokit._errors import (
    APIConnectionError,
    APIResponseError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    ContentRejectedError,
    InsufficientCreditsError,
    InvalidRequestError,
    MaintenanceError,
    NotFoundError,
    RateLimitError,
    ServerError,
)
from sunokit._limiter import Scope, SlidingWindowLimiter, from_rate_limit
from sunokit._retry import (
    DEFAULT_INITIAL_DELAY,
    DEFAULT_MAX_DELAY,
    DEFAULT_MAX_RETRIES,
    DEFAULT_MAX_RETRY_AFTER,
    DEFAULT_RETRY_BUDGET,
    JITTER_RANGE,
    RetryPolicy,
    add_jitter,
    backoff,
    is_retryable,
    parse_retry_after,
    server_hint,
)
from sunokit._specs import RateLimit, operation

NOW = datetime(2025, 1, 1, 12, 0, 0, tzinfo=timezone.utc)


class FakeClock:
    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def _status(cls: type[APIStatusError], retry_after: float | None = None) -> APIStatusError:
    return cls(
        "no", vendor="sunoapi_org", code=1, status_code=500, body=None, retry_after=retry_after
    )


ERRORS: dict[str, Callable[[], BaseException]] = {
    "rate_limit": lambda: _status(RateLimitError),
    "maintenance": lambda: _status(MaintenanceError),
    "server": lambda: _status(ServerError),
    "timeout": lambda: APITimeoutError("slow", vendor="sunoapi_org"),
    "timeout_unsent": lambda: APITimeoutError("slow", vendor="sunoapi_org", request_sent=False),
    "connection_sent": lambda: APIConnectionError("reset", vendor="sunoapi_org"),
    "connection_unsent": lambda: APIConnectionError(
        "refused", vendor="sunoapi_org", request_sent=False
    ),
    "auth": lambda: _status(AuthenticationError),
    "credits": lambda: _status(InsufficientCreditsError),
    "not_found": lambda: _status(NotFoundError),
    "invalid": lambda: _status(InvalidRequestError),
    "content": lambda: _status(ContentRejectedError),
    "plain_status": lambda: _status(APIStatusError),
    "bad_response": lambda: APIResponseError("garbled", vendor="sunoapi_org"),
    "drifted_response": lambda: APIResponseError("drift", vendor="sunoapi_org", body={"x": 1}),
    "foreign": lambda: RuntimeError("not ours"),
}

# (error, retried when idempotent (status), retried when not (submit) after a refusal in the
# vendor's own words, retried as a submit without one (a bare page from a proxy))
DECISIONS = [
    ("rate_limit", True, True, False),
    ("maintenance", True, True, False),
    ("server", True, False, False),
    ("timeout", True, False, False),
    ("timeout_unsent", True, True, True),  # connect or pool timeout: nothing was sent
    ("connection_sent", True, False, False),
    ("connection_unsent", True, True, True),
    ("auth", False, False, False),
    ("credits", False, False, False),
    ("not_found", False, False, False),
    ("invalid", False, False, False),
    ("content", False, False, False),
    ("plain_status", False, False, False),
    # an unreadable answer to a poll is retried like a 5xx; a readable but drifted one is not
    ("bad_response", True, False, False),
    ("drifted_response", False, False, False),
    ("foreign", False, False, False),
]


def test_defaults() -> None:
    assert DEFAULT_MAX_RETRIES == 3
    assert DEFAULT_INITIAL_DELAY == 0.5
    assert DEFAULT_MAX_DELAY == 8.0
    assert DEFAULT_MAX_RETRY_AFTER == 60.0
    assert DEFAULT_RETRY_BUDGET == 60.0
    policy = RetryPolicy()
    assert (policy.max_retries, policy.initial_delay, policy.max_delay, policy.budget) == (
        3,
        0.5,
        8.0,
        60.0,
    )


# --- decide: submit vs status x error type -----------------------------------------------------


@pytest.mark.parametrize(("name", "status_retries", "refused_retries", "bare_retries"), DECISIONS)
@pytest.mark.parametrize(
    ("idempotent", "refused"),
    [(True, False), (False, True), (False, False)],
    ids=["status", "submit-refused", "submit-bare"],
)
def test_decide_per_error_and_idempotency(
    name: str,
    status_retries: bool,
    refused_retries: bool,
    bare_retries: bool,
    idempotent: bool,
    refused: bool,
) -> None:
    expected = status_retries if idempotent else refused_retries if refused else bare_retries
    error = ERRORS[name]()
    assert is_retryable(error, idempotent=idempotent, refused=refused) is expected
    policy = RetryPolicy(jitter=False)
    delay = policy.decide(error, attempt=0, elapsed=0.0, idempotent=idempotent, refused=refused)
    if expected:
        assert delay == DEFAULT_INITIAL_DELAY
    else:
        assert delay is None


def test_submit_never_retries_after_the_request_may_have_arrived() -> None:
    policy = RetryPolicy(jitter=False)
    # a rate limit or maintenance answer without the vendor's own code (a bare proxy page)
    # proves nothing either
    for name in ("server", "timeout", "connection_sent", "rate_limit", "maintenance"):
        for attempt in range(3):
            assert (
                policy.decide(ERRORS[name](), attempt=attempt, elapsed=0, idempotent=False) is None
            )


def test_decide_stops_at_max_retries() -> None:
    policy = RetryPolicy(max_retries=2, jitter=False)
    error = ERRORS["server"]()
    assert policy.decide(error, attempt=0, elapsed=0, idempotent=True) == 0.5
    assert policy.decide(error, attempt=1, elapsed=0, idempotent=True) == 1.0
    assert policy.decide(error, attempt=2, elapsed=0, idempotent=True) is None


@pytest.mark.parametrize("policy", [RetryPolicy.disabled(), RetryPolicy(max_retries=0)])
def test_disabled_never_retries(policy: RetryPolicy) -> None:
    assert policy.max_retries == 0
    for name in ERRORS:
        assert policy.decide(ERRORS[name](), attempt=0, elapsed=0, idempotent=True) is None


def test_server_hint_wins_over_backoff() -> None:
    policy = RetryPolicy(jitter=False)
    hinted = _status(RateLimitError, retry_after=7.0)
    # Backoff at attempt 2 would be 2.0 s; the hint is used as is, without jitter.
    assert policy.decide(hinted, attempt=2, elapsed=0, idempotent=False, refused=True) == 7.0
    assert RetryPolicy(rng=random.Random(1)).decide(
        hinted, attempt=0, elapsed=0, idempotent=False, refused=True
    ) == pytest.approx(7.0)
    # A zero hint means "now".
    zero = _status(MaintenanceError, retry_after=0.0)
    assert policy.decide(zero, attempt=0, elapsed=0, idempotent=True) == 0.0


def test_server_hint_is_capped() -> None:
    huge = _status(RateLimitError, retry_after=3600.0)
    assert server_hint(huge) == DEFAULT_MAX_RETRY_AFTER
    policy = RetryPolicy(max_retry_after=10.0, budget=1000.0)
    assert policy.decide(huge, attempt=0, elapsed=0, idempotent=True) == 10.0


@pytest.mark.parametrize("bad", [-1.0, float("nan"), float("inf")])
def test_unusable_server_hint_falls_back_to_backoff(bad: float) -> None:
    error = _status(ServerError, retry_after=bad)
    assert server_hint(error) is None
    assert RetryPolicy(jitter=False).decide(error, attempt=1, elapsed=0, idempotent=True) == 1.0


def test_server_hint_only_for_status_errors() -> None:
    assert server_hint(ERRORS["timeout"]()) is None
    assert server_hint(RuntimeError()) is None


def test_budget_exhaustion() -> None:
    policy = RetryPolicy(budget=10.0, jitter=False)
    error = ERRORS["server"]()
    assert policy.decide(error, attempt=2, elapsed=8.0, idempotent=True) == 2.0  # 8 + 2 == 10
    assert policy.decide(error, attempt=2, elapsed=8.5, idempotent=True) is None
    assert policy.decide(error, attempt=0, elapsed=10.0, idempotent=True) is None
    hinted = _status(RateLimitError, retry_after=30.0)
    assert policy.decide(hinted, attempt=0, elapsed=0.0, idempotent=True) is None


def test_budget_bounds_the_sum_of_delays() -> None:
    policy = RetryPolicy(max_retries=100, budget=20.0, jitter=False)
    error = ERRORS["maintenance"]()
    elapsed, attempt = 0.0, 0
    while (
        delay := policy.decide(error, attempt=attempt, elapsed=elapsed, idempotent=True)
    ) is not None:
        elapsed += delay
        attempt += 1
    assert elapsed <= 20.0
    assert attempt < 100  # time ran out before attempts did
    assert elapsed + backoff(attempt) > 20.0


def test_jittered_decision_stays_within_range() -> None:
    policy = RetryPolicy(rng=random.Random(7))
    error = ERRORS["server"]()
    for attempt in range(3):
        delay = policy.decide(error, attempt=attempt, elapsed=0, idempotent=True)
        assert delay is not None
        full = backoff(attempt)
        assert JITTER_RANGE[0] * full <= delay <= full


def test_policy_validates_and_compares() -> None:
    with pytest.raises(ValueError, match="max_retries"):
        RetryPolicy(max_retries=-1)
    with pytest.raises(ValueError, match="budget"):
        RetryPolicy(budget=-1.0)
    # The generator is not part of equality.
    assert RetryPolicy(rng=random.Random(1)) == RetryPolicy(rng=random.Random(2))


# --- Retry-After --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Retry-After": "5"}, 5.0),
        ({"retry-after": "5"}, 5.0),
        ({"RETRY-AFTER": " 2 "}, 2.0),
        ({"Retry-After": "1.5"}, 1.5),
        ({"Retry-After": "0"}, 0.0),
        ({"retry-after-ms": "250"}, 0.25),
        ({"Retry-After-Ms": "1500.5"}, 1.5005),
        ({"retry-after-ms": "300", "retry-after": "9"}, 0.3),  # ms wins
        ({"retry-after-ms": "soon", "retry-after": "9"}, 9.0),  # bad ms falls back
        ({"retry-after-ms": "-5", "retry-after": "4"}, 4.0),
        ({"Retry-After": "3600"}, DEFAULT_MAX_RETRY_AFTER),  # capped
        ({"retry-after-ms": "999999"}, DEFAULT_MAX_RETRY_AFTER),
        ({}, None),
        ({"Content-Type": "application/json"}, None),
        ({"Retry-After": ""}, None),
        ({"Retry-After": "soon"}, None),
        ({"Retry-After": "-1"}, None),
        ({"Retry-After": "-0.5"}, None),
        ({"Retry-After": "nan"}, None),
        ({"Retry-After": "inf"}, None),
        ({"Retry-After": "Wed, 99 Foo 2025 99:99:99 GMT"}, None),
    ],
)
def test_parse_retry_after(headers: dict[str, str], expected: float | None) -> None:
    assert parse_retry_after(headers, now=NOW) == expected


def test_parse_retry_after_http_date() -> None:
    later = format_datetime(NOW + timedelta(seconds=30), usegmt=True)
    assert later.endswith("GMT")
    assert parse_retry_after({"Retry-After": later}, now=NOW) == 30.0
    far = format_datetime(NOW + timedelta(hours=2), usegmt=True)
    assert parse_retry_after({"Retry-After": far}, now=NOW) == DEFAULT_MAX_RETRY_AFTER
    assert parse_retry_after({"Retry-After": far}, now=NOW, cap=5.0) == 5.0
    # A date in the past is clock skew, not a usable hint.
    past = format_datetime(NOW - timedelta(seconds=30), usegmt=True)
    assert parse_retry_after({"Retry-After": past}, now=NOW) is None
    # A naive `now` and a date without a zone are both read as UTC.
    naive = "Wed, 01 Jan 2025 12:00:10 -0000"
    assert parse_retry_after({"Retry-After": naive}, now=NOW.replace(tzinfo=None)) == 10.0


def test_parse_retry_after_date_uses_current_time_by_default() -> None:
    soon = format_datetime(datetime.now(timezone.utc) + timedelta(seconds=20), usegmt=True)
    value = parse_retry_after({"Retry-After": soon})
    assert value is not None
    assert 15.0 <= value <= 20.0


def test_parse_retry_after_accepts_httpx_headers() -> None:
    assert parse_retry_after(httpx.Headers({"Retry-After": "3"})) == 3.0
    assert parse_retry_after(httpx.Headers({"Retry-After-Ms": "100"})) == 0.1


def test_parse_retry_after_cap_parameter() -> None:
    assert parse_retry_after({"Retry-After": "12"}, cap=10.0) == 10.0


# --- backoff and jitter -------------------------------------------------------------------------


def test_backoff_grows_and_caps() -> None:
    assert [backoff(n) for n in range(7)] == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0, 8.0]
    assert backoff(0, initial=1.0, maximum=30.0) == 1.0
    assert backoff(3, initial=1.0, maximum=30.0) == 8.0
    assert backoff(10, initial=1.0, maximum=30.0) == 30.0
    assert backoff(100_000) == DEFAULT_MAX_DELAY  # no overflow
    assert backoff(5, initial=0.0) == 0.0
    with pytest.raises(ValueError, match="attempt"):
        backoff(-1)


@given(st.integers(min_value=0, max_value=5000))
def test_backoff_is_monotonic_and_bounded(attempt: int) -> None:
    assert DEFAULT_INITIAL_DELAY <= backoff(attempt) <= DEFAULT_MAX_DELAY
    assert backoff(attempt) <= backoff(attempt + 1)


def test_jitter_bounds_with_seeded_random() -> None:
    rng = random.Random(12345)
    values = [add_jitter(4.0, rng) for _ in range(1000)]
    assert all(3.0 <= v <= 4.0 for v in values)
    assert min(values) < 3.1
    assert max(values) > 3.9
    # Reproducible with the same seed.
    assert add_jitter(4.0, random.Random(5)) == add_jitter(4.0, random.Random(5))


def test_jitter_without_rng_uses_module_random() -> None:
    assert 0.75 <= add_jitter(1.0) <= 1.0
    assert add_jitter(0.0) == 0.0


# --- limiter ------------------------------------------------------------------------------------


def test_client_scope_twenty_per_ten_seconds() -> None:
    clock = FakeClock()
    limiter = SlidingWindowLimiter(20, 10, clock=clock)
    for _ in range(20):
        assert limiter.reserve() == 0.0
        clock.advance(0.1)  # 20 reserves over 2 s
    # The first slot was booked at t0; the 21st must wait until t0 + 10.
    assert limiter.reserve() == pytest.approx(10.0 - 2.0)
    # The 22nd queues behind the second slot (t0 + 0.1).
    assert limiter.reserve() == pytest.approx(10.1 - 2.0)


def test_client_scope_ignores_the_key() -> None:
    clock = FakeClock()
    limiter = SlidingWindowLimiter(2, 1, clock=clock)
    assert limiter.reserve("a") == 0.0
    assert limiter.reserve("b") == 0.0
    assert limiter.reserve("c") == pytest.approx(1.0)
    assert limiter.tracked_keys == 1


def test_slots_free_up_as_time_passes() -> None:
    clock = FakeClock()
    limiter = SlidingWindowLimiter(3, 1, clock=clock)
    assert [limiter.reserve() for _ in range(3)] == [0.0, 0.0, 0.0]
    clock.advance(1.0)  # the first three left the window exactly now
    assert [limiter.reserve() for _ in range(3)] == [0.0, 0.0, 0.0]
    clock.advance(0.5)
    assert limiter.reserve() == pytest.approx(0.5)


def test_waiting_reservations_queue_in_order() -> None:
    clock = FakeClock(0.0)
    limiter = SlidingWindowLimiter(1, 2, clock=clock)
    assert [limiter.reserve() for _ in range(4)] == [0.0, 2.0, 4.0, 6.0]
    clock.advance(3.0)
    assert limiter.reserve() == pytest.approx(5.0)  # behind the booking at t=6


def test_task_scope_keeps_one_window_per_key() -> None:
    clock = FakeClock()
    limiter = SlidingWindowLimiter(3, 1, scope="task", clock=clock)
    assert [limiter.reserve("t1") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert [limiter.reserve("t2") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert limiter.reserve("t1") == pytest.approx(1.0)
    assert limiter.reserve("t2") == pytest.approx(1.0)
    assert limiter.reserve("t3") == 0.0
    assert limiter.tracked_keys == 3


def test_task_scope_forgets_idle_keys() -> None:
    clock = FakeClock()
    limiter = SlidingWindowLimiter(3, 1, scope="task", clock=clock)
    for n in range(100):
        limiter.reserve(f"task-{n}")
    assert limiter.tracked_keys == 100
    clock.advance(1.0)
    limiter.reserve("fresh")
    assert limiter.tracked_keys == 1
    # Keys used within the last windows are kept.
    clock.advance(0.5)
    limiter.reserve("other")
    assert limiter.tracked_keys == 2


def test_from_rate_limit() -> None:
    assert from_rate_limit(None) is None
    client = from_rate_limit(RateLimit(20, 10.0, "client"))
    assert client is not None
    assert (client.requests, client.per_seconds, client.scope) == (20, 10.0, "client")
    task = from_rate_limit(RateLimit(3, 1.0, "task"))
    assert task is not None
    assert task.scope == "task"
    with pytest.raises(ValueError, match="scope"):
        from_rate_limit(RateLimit(3, 1.0, "planet"))


def test_from_rate_limit_with_the_documented_limits() -> None:
    clock = FakeClock()
    submit = from_rate_limit(operation("sunoapi_org", "submit").rate_limit, clock=clock)
    assert submit is not None
    assert (submit.requests, submit.per_seconds, submit.scope) == (20, 10.0, "client")
    status = from_rate_limit(operation("apikley", "status").rate_limit, clock=clock)
    assert status is not None
    assert (status.requests, status.per_seconds, status.scope) == (3, 1.0, "task")


@pytest.mark.parametrize(
    ("requests", "per_seconds", "scope", "match"),
    [(0, 1.0, "client", "requests"), (1, 0.0, "client", "per_seconds"), (1, 1.0, "x", "scope")],
)
def test_limiter_validates(requests: int, per_seconds: float, scope: str, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        SlidingWindowLimiter(requests, per_seconds, scope=scope)  # type: ignore[arg-type]


def _assert_within_limit(send_times: list[float], requests: int, per_seconds: float) -> None:
    """No half-open window [t, t + per_seconds) holds more than `requests` send times."""
    times = sorted(send_times)
    for i in range(len(times) - requests):
        assert times[i + requests] - times[i] >= per_seconds - 1e-9, (i, times)


@pytest.mark.parametrize("scope", ["client", "task"])
def test_threads_reserving_concurrently_never_exceed_the_limit(scope: Scope) -> None:
    clock = FakeClock(0.0)
    clock_lock = threading.Lock()
    seen = threading.local()

    def ticking_clock() -> float:
        # Every read moves time forward a little, so bookings land at varied instants; the
        # thread-local copy tells each worker which "now" its reservation was made at.
        with clock_lock:
            clock.advance(0.001)
            seen.now = clock.now
            return clock.now

    limiter = SlidingWindowLimiter(5, 1.0, scope=scope, clock=ticking_clock)
    schedule: dict[str, list[float]] = {"a": [], "b": []}
    schedule_lock = threading.Lock()
    barrier = threading.Barrier(8)

    def worker(key: str) -> None:
        barrier.wait()
        for _ in range(50):
            wait = limiter.reserve(key)
            with schedule_lock:
                schedule[key].append(seen.now + wait)

    threads = [threading.Thread(target=worker, args=("ab"[n % 2],)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(len(times) for times in schedule.values()) == 400
    assert min(min(times) for times in schedule.values()) > 0  # no booking before its "now"
    if scope == "client":
        _assert_within_limit(schedule["a"] + schedule["b"], 5, 1.0)
        # Exact: after the first five, every booking is the one five back plus 1 s, so the
        # last of 400 is the fifth plus 79 s (the fifth is booked within the 0.4 s of ticks).
        assert 79.0 < max(schedule["a"] + schedule["b"]) <= 79.401
    else:
        for times in schedule.values():
            _assert_within_limit(times, 5, 1.0)
            assert 39.0 < max(times) <= 39.401


@settings(max_examples=200, deadline=None)
@given(
    requests=st.integers(min_value=1, max_value=6),
    per_seconds=st.sampled_from([0.5, 1.0, 2.5, 10.0]),
    gaps=st.lists(
        st.tuples(st.floats(min_value=0, max_value=3, allow_nan=False), st.sampled_from("xyz")),
        max_size=60,
    ),
    scope=st.sampled_from(["client", "task"]),
)
def test_no_window_ever_holds_more_than_the_limit(
    requests: int, per_seconds: float, gaps: list[tuple[float, str]], scope: Scope
) -> None:
    clock = FakeClock(0.0)
    limiter = SlidingWindowLimiter(requests, per_seconds, scope=scope, clock=clock)
    sends: dict[str, list[float]] = {}
    for gap, key in gaps:
        clock.advance(gap)
        wait = limiter.reserve(key)
        assert wait >= 0
        sends.setdefault(key if scope == "task" else "", []).append(clock.now + wait)
    for times in sends.values():
        _assert_within_limit(times, requests, per_seconds)
        # First come, first served within a key.
        assert times == sorted(times)


@given(
    requests=st.integers(min_value=1, max_value=5),
    gaps=st.lists(st.floats(min_value=0, max_value=2, allow_nan=False), max_size=40),
)
def test_reservations_are_not_wasteful(requests: int, gaps: list[float]) -> None:
    """A reservation waits only when the window is really full at the moment it is booked."""
    clock = FakeClock(0.0)
    limiter = SlidingWindowLimiter(requests, 1.0, clock=clock)
    sends: list[float] = []
    for gap in gaps:
        clock.advance(gap)
        wait = limiter.reserve()
        send = clock.now + wait
        if wait > 0:
            # Either it queues behind an earlier booking, or the booking `requests` back
            # leaves the window exactly when this one is sent.
            assert send == pytest.approx(sends[-1]) or (
                len(sends) >= requests and send == pytest.approx(sends[-requests] + 1.0)
            )
        sends.append(send)
