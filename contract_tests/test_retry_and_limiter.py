"""The retry policy and the rate limiter, tested as pure pieces with fake clocks: no sleeping.

The limiter against the mock, other processes and Redis: test_limiter_backends.py."""

from __future__ import annotations

import heapq
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
from sunokit._limiter import (
    MAX_POLL,
    MIN_POLL,
    Gate,
    InProcessBackend,
    Limit,
    Limiters,
    account_digest,
    retry_after,
)
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


def _limited(
    requests: int, per_seconds: float, clock: FakeClock, scope: str = "client"
) -> tuple[InProcessBackend, Callable[[str], Gate]]:
    """A backend on `clock`, and a new gate (one request) through a limit of it per key."""
    backend = InProcessBackend(clock=clock)
    limit = Limit(requests, per_seconds, scope)  # type: ignore[arg-type]

    def gate(key: str = "") -> Gate:
        return Gate(backend, f"w:{key}" if scope == "task" else "w", limit)

    return backend, gate


def test_client_scope_twenty_per_ten_seconds() -> None:
    clock = FakeClock()
    _, gate = _limited(20, 10, clock)
    for _ in range(20):
        request = gate()
        assert request.pause() == 0.0
        clock.advance(0.05)  # the answer takes 50 ms
        request.done()
        clock.advance(0.05)  # 20 requests over 2 s
    # The first answer came at t0 + 0.05: its permit is free at t0 + 10.05.
    assert gate().pause() == pytest.approx(10.05 - 2.0)


def test_a_permit_is_held_until_the_answer_and_a_window_after() -> None:
    """The bug: a slot booked per send time is free `per_seconds` after the send, though the
    request may reach the vendor much later (a new connection, the pool, a busy loop)."""
    clock = FakeClock(0.0)
    _, gate = _limited(1, 2, clock)
    first = gate()
    assert first.pause() == 0.0
    second = gate()
    assert second.pause() == pytest.approx(2.0)  # in flight: not before its send + 2 s
    clock.advance(1.5)
    first.done()  # the answer came after 1.5 s: the vendor may have counted it just now
    clock.advance(0.5)
    assert second.pause() == pytest.approx(1.5)  # not at 2.0: at the answer + 2 s
    clock.advance(1.5)
    assert second.pause() == 0.0


def test_an_overdue_answer_is_polled_for_with_backoff() -> None:
    assert retry_after(10.0, 2.0, None, 8.0) == MIN_POLL  # due right now
    assert retry_after(10.0, 2.0, None, 7.9) == pytest.approx(0.025)  # 0.1 s overdue
    assert retry_after(10.0, 2.0, None, 0.0) == MAX_POLL  # long overdue: capped
    assert retry_after(10.0, 2.0, 11.0, 9.5) == pytest.approx(1.0)  # the earlier of both
    assert retry_after(10.0, 2.0, 13.0, 9.5) == pytest.approx(1.5)
    assert retry_after(10.0, 2.0, None, None) == MIN_POLL


def test_a_failed_send_frees_its_permit_a_window_later() -> None:
    clock = FakeClock(0.0)
    _, gate = _limited(1, 1, clock)
    request = gate()
    assert request.pause() == 0.0
    request.done()
    request.done()  # twice is once
    assert gate().pause() == pytest.approx(1.0)


def test_slots_free_up_as_time_passes() -> None:
    clock = FakeClock()
    _, gate = _limited(3, 1, clock)
    for _ in range(3):
        request = gate()
        assert request.pause() == 0.0
        request.done()
    clock.advance(1.0)  # the first three left the window exactly now
    for _ in range(3):
        request = gate()
        assert request.pause() == 0.0
        request.done()
    clock.advance(0.5)
    assert gate().pause() == pytest.approx(0.5)


def test_task_scope_keeps_one_window_per_key() -> None:
    clock = FakeClock()
    backend, gate = _limited(3, 1, clock, scope="task")
    for key in ("t1", "t2"):
        for _ in range(3):
            request = gate(key)
            assert request.pause() == 0.0
            request.done()
    assert gate("t1").pause() == pytest.approx(1.0)
    assert gate("t2").pause() == pytest.approx(1.0)
    assert gate("t3").pause() == 0.0
    assert backend.tracked_windows == 3


def test_idle_windows_are_forgotten() -> None:
    clock = FakeClock()
    backend, gate = _limited(3, 1, clock, scope="task")
    for n in range(100):
        request = gate(f"task-{n}")
        request.pause()
        request.done()
    assert backend.tracked_windows == 100
    clock.advance(1.0)
    gate("fresh").pause()  # in flight
    assert backend.tracked_windows == 1
    clock.advance(1.0)
    gate("other").pause()
    assert backend.tracked_windows == 2  # "fresh" still waits for its answer


def test_limits_come_from_the_specs() -> None:
    limiters = Limiters("sunoapi_org", "key-1", InProcessBackend())
    assert limiters.limit("submit_music") == Limit(20, 10.0, "client")
    # Both creates document the same account-wide limit: one window, as the vendor counts it.
    assert limiters.window("submit_music") == limiters.window("extend_music", "any")
    assert not limiters.gate("get_task").limited
    assert limiters.gate("get_task").pause() == 0.0
    apikley = Limiters("apikley", "key-1", InProcessBackend())
    assert apikley.limit("get_task") == Limit(3, 1.0, "task")
    assert apikley.window("get_task", "A") != apikley.window("get_task", "B")
    # Every documented limit of every vendor is understood.
    for vendor in ("sunoapi_org", "apikley", "sunoapi_com", "sunosay", "relay"):
        Limiters(vendor, "k", InProcessBackend())


def test_windows_are_named_by_a_digest_of_the_key_never_the_key() -> None:
    key = "sk-SECRET-abcdef"
    limiters = Limiters("sunoapi_org", key, InProcessBackend())
    window = limiters.window("submit_music")
    assert key not in window
    assert account_digest("sunoapi_org", key) in window
    assert account_digest("sunoapi_org", key) != account_digest("sunoapi_org", key + "x")
    assert account_digest("sunoapi_org", key) != account_digest("apikley", key)
    assert Limiters("sunoapi_org", key + "x", InProcessBackend()).window("submit_music") != window


def test_from_rate_limit() -> None:
    assert Limit.from_rate_limit(RateLimit(20, 10.0, "client")) == Limit(20, 10.0, "client")
    assert Limit.from_rate_limit(RateLimit(20, 10.0, "account")).scope == "account"
    assert Limit.from_rate_limit(RateLimit(3, 1.0, "task")).scope == "task"
    with pytest.raises(ValueError, match="scope"):
        Limit.from_rate_limit(RateLimit(3, 1.0, "planet"))
    documented = operation("apikley", "status").rate_limit
    assert documented is not None
    assert Limit.from_rate_limit(documented) == Limit(3, 1.0, "task")


@pytest.mark.parametrize(
    ("requests", "per_seconds", "scope", "match"),
    [(0, 1.0, "client", "requests"), (1, 0.0, "client", "per_seconds"), (1, 1.0, "x", "scope")],
)
def test_limit_validates(requests: int, per_seconds: float, scope: str, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        Limit(requests, per_seconds, scope)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="lease"):
        InProcessBackend(lease=0)


def _assert_within_limit(arrivals: list[float], requests: int, per_seconds: float) -> None:
    """No half-open window [t, t + per_seconds) holds more than `requests` arrivals."""
    times = sorted(arrivals)
    for i in range(len(times) - requests):
        assert times[i + requests] - times[i] >= per_seconds - 1e-9, (i, times)


def _simulate(
    requests: int,
    per_seconds: float,
    traffic: list[tuple[float, float, float, str]],
    scope: str = "client",
) -> dict[str, list[float]]:
    """Requests through one limiter over a simulated network; the vendor's arrival times per key.

    `traffic`: (gap before the request starts, delay to the vendor, delay of the answer, key).
    Time is the fake clock: every event happens at its own instant, in order.
    """
    clock = FakeClock(0.0)
    _, gate = _limited(requests, per_seconds, clock, scope=scope)
    events: list[tuple[float, int, str, int]] = []
    gates: list[Gate] = []
    start = 0.0
    for n, (gap, _, _, key) in enumerate(traffic):
        start += gap
        gates.append(gate(key))
        heapq.heappush(events, (start, n, "ask", n))
    arrivals: dict[str, list[float]] = {}
    seq = len(traffic)
    for _ in range(100_000):  # bounded: every request is sent within a few windows
        if not events:
            break
        now, _, kind, n = heapq.heappop(events)
        clock.now = now
        seq += 1
        if kind == "answer":
            gates[n].done()
            continue
        wait = gates[n].pause()
        if wait > 0:
            heapq.heappush(events, (now + wait, seq, "ask", n))
            continue
        _, out, back, key = traffic[n]
        arrivals.setdefault(key if scope == "task" else "", []).append(now + out)
        heapq.heappush(events, (now + out + back, seq, "answer", n))
    assert not events, "the simulation did not finish"
    assert sum(len(times) for times in arrivals.values()) == len(traffic)
    return arrivals


@settings(max_examples=200, deadline=None)
@given(
    requests=st.integers(min_value=1, max_value=6),
    per_seconds=st.sampled_from([0.5, 1.0, 2.5, 10.0]),
    traffic=st.lists(
        st.tuples(
            st.floats(min_value=0, max_value=3),
            st.floats(min_value=0, max_value=4),  # to the vendor: up to longer than a window
            st.floats(min_value=0, max_value=4),
            st.sampled_from("xyz"),
        ),
        max_size=60,
    ),
    scope=st.sampled_from(["client", "task"]),
)
def test_no_window_at_the_vendor_ever_holds_more_than_the_limit(
    requests: int,
    per_seconds: float,
    traffic: list[tuple[float, float, float, str]],
    scope: str,
) -> None:
    """Whatever delays a request on its way to the vendor or back."""
    for times in _simulate(requests, per_seconds, traffic, scope).values():
        _assert_within_limit(times, requests, per_seconds)


@given(requests=st.integers(min_value=1, max_value=5), count=st.integers(1, 40))
def test_without_network_delays_the_limit_is_used_in_full(requests: int, count: int) -> None:
    """All at once, answered at once: a full window now, then one more every `per_seconds`."""
    arrivals = _simulate(requests, 1.0, [(0.0, 0.0, 0.0, "x")] * count)[""]
    assert sorted(arrivals) == [pytest.approx(float(k // requests)) for k in range(count)]


def test_threads_acquiring_concurrently_never_exceed_the_limit() -> None:
    clock = FakeClock(0.0)
    clock_lock = threading.Lock()

    def ticking_clock() -> float:
        # Every read moves time forward a little: waiting threads ask again until it is time.
        with clock_lock:
            clock.advance(0.001)
            return clock.now

    backend = InProcessBackend(clock=ticking_clock)
    limit = Limit(5, 1.0, "client")
    sends: list[float] = []
    sends_lock = threading.Lock()
    barrier = threading.Barrier(8)

    def worker() -> None:
        barrier.wait()
        for _ in range(25):
            request = Gate(backend, "w", limit)
            for _ in range(100_000):  # bounded: a permit frees within a window of ticks
                if request.pause() == 0.0:
                    break
            with sends_lock:
                sends.append(clock.now)
            request.done()

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(sends) == 200
    # A send is recorded after its grant and before its release: still at most 5 a window.
    _assert_within_limit(sends, 5, 1.0)
