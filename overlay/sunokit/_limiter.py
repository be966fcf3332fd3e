"""Client-side rate limits that hold the vendors' documented limits, in one process or many.

A documented limit of `requests` per `per_seconds` is `requests` permits. A request takes a
permit just before it is sent and holds it until its answer is back (or its send failed), then
for `per_seconds` more. The vendor counted the request at the latest when it answered, so two
requests on one permit reach the vendor at least `per_seconds` apart, whatever delayed either
between taking the permit and arriving (a new connection, the pool, a busy event loop, another
process): no window of `per_seconds` ever holds more than `requests` of them. (Booking send times
instead lets a late request and a prompt one share a window: the vendor saw 21 to 39 per window.)
The price is one round trip per permit and window: `requests` per `per_seconds` + round trip.

A request that finds every permit taken is told how long to wait before asking again: until the
earliest permit frees, which is known for an answered request and at the earliest `per_seconds`
after the send for one still in flight (polled with backoff once overdue). Waiters are not
queued, so nothing is left behind when a waiting process dies; a process that dies holding a
permit loses it for `lease` seconds at most.

Where the permits live is a backend's business (`LimiterBackend`, one interface, sync and async):

- `InProcessBackend`, the default: one client's memory; pure, with an injectable clock;
- `SQLiteBackend` (`sqlite:///path/to/file.db`): every process on one machine;
- `RedisBackend` (`redis://host:port/db`): every machine that reaches one Redis server, on the
  server's clock (so the machines' clocks need not agree).

`Limiters` turns the specs' `x-sunokit-rate-limit` entries into windows for one vendor and API key:
scope `client` and `account` mean one window per API key and documented limit (operations that
document the same numbers share it, as the vendor and the mock count them together); scope `task`
one window per API key, operation and task id. Windows are named by a digest of the API key,
never the key itself.
"""

from __future__ import annotations

import abc
import asyncio
import contextlib
import hashlib
import os
import sqlite3
import threading
import time
import uuid
import weakref
from collections import deque
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal, get_args
from urllib.parse import urlsplit

import attrs

from . import _specs
from ._errors import ConfigurationError
from ._specs import RateLimit

__all__ = [
    "DEFAULT_LEASE",
    "ENV_VAR",
    "Gate",
    "InProcessBackend",
    "Limit",
    "LimiterBackend",
    "Limiters",
    "RedisBackend",
    "SQLiteBackend",
    "Scope",
    "account_digest",
    "backend_from_url",
    "resolve_backend",
    "retry_after",
]

#: "client" and "account": one window per API key; "task": one window per key and task id.
Scope = Literal["client", "account", "task"]
_SCOPES: tuple[str, ...] = get_args(Scope)

#: The environment variable read when `rate_limiter=None`.
ENV_VAR = "SUNOKIT_LIMITER_URL"

#: Seconds after which a permit whose answer never came back is free again (its process died).
DEFAULT_LEASE = 120.0
#: Shortest and longest pause while the earliest permit waits for an overdue answer.
MIN_POLL = 0.005
MAX_POLL = 0.25


@attrs.frozen
class Limit:
    """One documented limit: at most `requests` in any `per_seconds`, per `scope`."""

    requests: int
    per_seconds: float
    scope: Scope

    def __attrs_post_init__(self) -> None:
        if isinstance(self.requests, bool) or self.requests < 1:
            raise ValueError(f"requests must be >= 1, not {self.requests}")
        if not self.per_seconds > 0:
            raise ValueError(f"per_seconds must be > 0, not {self.per_seconds}")
        if self.scope not in _SCOPES:
            raise ValueError(f"scope must be one of {', '.join(_SCOPES)}, not {self.scope!r}")

    @classmethod
    def from_rate_limit(cls, limit: RateLimit) -> Limit:
        """The limit documented in a spec (`x-sunokit-rate-limit`)."""
        if limit.scope not in _SCOPES:
            raise ValueError(
                f"unknown rate-limit scope {limit.scope!r}; expected one of {', '.join(_SCOPES)}"
            )
        return cls(limit.requests, limit.per_seconds, limit.scope)  # type: ignore[arg-type]


def retry_after(
    now: float, per_seconds: float, earliest_free: float | None, earliest_send: float | None
) -> float:
    """Seconds to wait before asking again when every permit is taken.

    `earliest_free`: the earliest time an answered permit frees; `earliest_send`: the earliest
    send among permits still in flight (they free `per_seconds` after their answer, so not before
    `earliest_send + per_seconds`; past that the answer is overdue and is polled for, backing off).
    """
    waits: list[float] = []
    if earliest_free is not None:
        waits.append(earliest_free - now)
    if earliest_send is not None:
        due = earliest_send + per_seconds - now
        waits.append(due if due > 0 else min(MAX_POLL, max(MIN_POLL, -due / 4)))
    return max(MIN_POLL, min(waits)) if waits else MIN_POLL


def _check_lease(lease: float) -> float:
    if not lease > 0:
        raise ValueError(f"lease must be > 0 seconds, not {lease!r}")
    return float(lease)


class LimiterBackend(abc.ABC):
    """Where the permits live. `window` names one window; `token` one request's permit.

    `acquire` takes a permit for `token` and returns 0.0, or returns the seconds to wait before
    asking again (> 0) and takes nothing. `release` frees `token`'s permit `per_seconds` from
    now. The async twins must not block the event loop; by default they call the sync ones.
    """

    @abc.abstractmethod
    def acquire(self, window: str, limit: Limit, token: str) -> float: ...

    @abc.abstractmethod
    def release(self, window: str, limit: Limit, token: str) -> None: ...

    async def aacquire(self, window: str, limit: Limit, token: str) -> float:
        return self.acquire(window, limit, token)

    async def arelease(self, window: str, limit: Limit, token: str) -> None:
        self.release(window, limit, token)

    def close(self) -> None:  # noqa: B027 - nothing to close by default
        """Close connections (the client calls it for a backend it made from a URL)."""

    async def aclose(self) -> None:
        self.close()


class _Permits:
    """One window in memory: permits in flight (token -> send time) and answered (free times)."""

    __slots__ = ("done", "held", "limit")

    def __init__(self, limit: Limit) -> None:
        self.limit = limit
        self.held: dict[str, float] = {}  # in send order: the first is the earliest
        self.done: deque[float] = deque()  # ascending: released in time order

    def purge(self, now: float, lease: float) -> None:
        while self.done and self.done[0] <= now:
            self.done.popleft()
        stale = [token for token, sent in self.held.items() if sent <= now - lease]
        for token in stale:
            del self.held[token]

    def __len__(self) -> int:
        return len(self.held) + len(self.done)


class InProcessBackend(LimiterBackend):
    """Permits in memory, shared by the clients given this object (each client makes its own
    by default). Thread-safe; `clock` must be monotonic (tests inject a fake one)."""

    def __init__(
        self, *, clock: Callable[[], float] = time.monotonic, lease: float = DEFAULT_LEASE
    ) -> None:
        self._clock = clock
        self._lease = _check_lease(lease)
        self._lock = threading.Lock()
        self._windows: dict[str, _Permits] = {}
        self._last_sweep = float("-inf")

    def __repr__(self) -> str:
        return f"InProcessBackend(windows={self.tracked_windows})"

    @property
    def tracked_windows(self) -> int:
        """How many windows hold permits (for tests and diagnostics)."""
        with self._lock:
            return len(self._windows)

    def acquire(self, window: str, limit: Limit, token: str) -> float:
        with self._lock:
            now = self._clock()
            self._sweep(now)
            permits = self._windows.get(window)
            if permits is None:
                permits = self._windows[window] = _Permits(limit)
            permits.purge(now, self._lease)
            if len(permits) < limit.requests:
                permits.held[token] = now
                return 0.0
            return retry_after(
                now,
                limit.per_seconds,
                permits.done[0] if permits.done else None,
                next(iter(permits.held.values()), None),
            )

    def release(self, window: str, limit: Limit, token: str) -> None:
        with self._lock:
            now = self._clock()
            permits = self._windows.get(window)
            if permits is None:
                permits = self._windows[window] = _Permits(limit)
            permits.held.pop(token, None)
            # Even a permit lost to the lease is counted again: a slow answer still counts.
            permits.done.append(now + limit.per_seconds)

    def _sweep(self, now: float) -> None:
        """Forget windows holding no permit; at most once a second."""
        if now - self._last_sweep < 1.0:
            return
        self._last_sweep = now
        for window, permits in list(self._windows.items()):
            permits.purge(now, self._lease)
            if not permits:
                del self._windows[window]


_SQLITE_SCHEMA = """
CREATE TABLE IF NOT EXISTS sunokit_permits (
    window TEXT NOT NULL,
    token TEXT NOT NULL,
    held INTEGER NOT NULL,  -- 1: in flight since `at`; 0: answered, free at `at`
    at REAL NOT NULL,
    PRIMARY KEY (window, token)
)
"""


class SQLiteBackend(LimiterBackend):
    """Permits in an SQLite file, shared by every process on this machine that opens it.

    `clock` is the wall clock by default: every process reads the same one, and it survives a
    reboot (times more than a window and a lease ahead, left by a clock set back, are dropped).
    The async
    methods run in a worker thread: a busy file waits there, not in the event loop.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        clock: Callable[[], float] = time.time,
        lease: float = DEFAULT_LEASE,
        timeout: float = 30.0,
    ) -> None:
        self.path = Path(path)
        self._clock = clock
        self._lease = _check_lease(lease)
        self._lock = threading.Lock()
        self._last_sweep = float("-inf")
        deadline = time.monotonic() + timeout
        while True:  # bounded by `timeout`
            db: sqlite3.Connection | None = None
            try:
                db = sqlite3.connect(
                    self.path, timeout=timeout, isolation_level=None, check_same_thread=False
                )
                # Switching a new file to WAL can fail at once ("locked", no busy wait) while
                # another process does the same: try again until the timeout.
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                db.execute(_SQLITE_SCHEMA)
                self._db = db
                break
            except sqlite3.OperationalError as error:
                if db is not None:
                    db.close()
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise self._unusable(error) from None
                time.sleep(0.01)
            except sqlite3.Error as error:
                if db is not None:
                    db.close()
                raise self._unusable(error) from None

    def __repr__(self) -> str:
        return f"SQLiteBackend({str(self.path)!r})"

    def _unusable(self, error: Exception) -> ConfigurationError:
        return ConfigurationError(
            f"rate limiter: cannot use the SQLite file {str(self.path)!r}: {error}"
        )

    def acquire(self, window: str, limit: Limit, token: str) -> float:
        with self._lock, _store_errors(self):
            db = self._db
            db.execute("BEGIN IMMEDIATE")
            try:
                now = self._clock()
                self._purge(window, limit, now)
                counts = {
                    held: (count, first)
                    for held, count, first in db.execute(
                        "SELECT held, COUNT(*), MIN(at) FROM sunokit_permits "
                        "WHERE window = ? GROUP BY held",
                        (window,),
                    )
                }
                in_flight, first_send = counts.get(1, (0, None))
                answered, first_free = counts.get(0, (0, None))
                if in_flight + answered < limit.requests:
                    db.execute(
                        "INSERT OR REPLACE INTO sunokit_permits VALUES (?, ?, 1, ?)",
                        (window, token, now),
                    )
                    wait = 0.0
                else:
                    wait = retry_after(now, limit.per_seconds, first_free, first_send)
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
            return wait

    def release(self, window: str, limit: Limit, token: str) -> None:
        with self._lock, _store_errors(self):
            self._db.execute(
                "INSERT OR REPLACE INTO sunokit_permits VALUES (?, ?, 0, ?)",
                (window, token, self._clock() + limit.per_seconds),
            )

    async def aacquire(self, window: str, limit: Limit, token: str) -> float:
        return await asyncio.to_thread(self.acquire, window, limit, token)

    async def arelease(self, window: str, limit: Limit, token: str) -> None:
        await asyncio.to_thread(self.release, window, limit, token)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _purge(self, window: str, limit: Limit, now: float) -> None:
        # Later than a lease past a window: left by a clock set back, not by a request (a
        # tighter bound would drop the fresh release of a process whose clock read came later).
        horizon = now + limit.per_seconds + self._lease
        self._db.execute(
            "DELETE FROM sunokit_permits WHERE window = ? AND (at > ? OR "
            "(held = 0 AND at <= ?) OR (held = 1 AND at <= ?))",
            (window, horizon, now, now - self._lease),
        )
        if now - self._last_sweep >= 60.0:  # other windows (finished tasks), once a minute
            self._last_sweep = now
            self._db.execute(
                "DELETE FROM sunokit_permits WHERE (held = 0 AND at <= ?) OR (held = 1 AND at <= ?)",
                (now, now - self._lease),
            )


# KEYS: the window's permits in flight (token -> send time) and answered (token -> free time).
# ARGV: requests, per_seconds, lease, token, now ("" for the server's clock). Returns
# {granted, now, earliest free, earliest send} as strings.
_REDIS_CLOCK = """
if redis.replicate_commands then redis.replicate_commands() end
local now = tonumber(ARGV[5])
if not now then
  local t = redis.call('TIME')
  now = tonumber(t[1]) + tonumber(t[2]) / 1000000
end
local per = tonumber(ARGV[2])
local lease = tonumber(ARGV[3])
local ttl = math.ceil((lease + per) * 1000)
"""
_REDIS_ACQUIRE = (
    _REDIS_CLOCK
    + """
-- Later than a lease past a window: left by a clock set back, not by a request.
local horizon = string.format('(%.6f', now + per + lease)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', string.format('%.6f', now))
redis.call('ZREMRANGEBYSCORE', KEYS[2], horizon, '+inf')
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', string.format('%.6f', now - lease))
redis.call('ZREMRANGEBYSCORE', KEYS[1], horizon, '+inf')
local count = redis.call('ZCARD', KEYS[1]) + redis.call('ZCARD', KEYS[2])
if count < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], string.format('%.6f', now), ARGV[4])
  redis.call('PEXPIRE', KEYS[1], ttl)
  return {1, string.format('%.6f', now), '', ''}
end
local free = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
local sent = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, string.format('%.6f', now), free[2] or '', sent[2] or ''}
"""
)
_REDIS_RELEASE = (
    _REDIS_CLOCK
    + """
redis.call('ZREM', KEYS[1], ARGV[4])
redis.call('ZADD', KEYS[2], string.format('%.6f', now + per), ARGV[4])
redis.call('PEXPIRE', KEYS[2], ttl)
return 1
"""
)


class RedisBackend(LimiterBackend):
    """Permits in Redis, shared by every process and machine using the same server.

    Times come from the Redis server (`TIME`), so the machines' clocks need not agree; pass
    `clock` only to test with a fake or scaled clock (every user must then pass the same).
    The async methods use redis-py's asyncio client: no round trip blocks the event loop.
    """

    def __init__(
        self,
        url: str,
        *,
        clock: Callable[[], float] | None = None,
        lease: float = DEFAULT_LEASE,
        prefix: str = "sunokit:limiter:",
    ) -> None:
        try:
            import redis
            import redis.asyncio
        except ImportError:
            raise ConfigurationError(
                "a redis:// rate limiter needs the redis package: pip install 'sunokit[redis]'"
            ) from None
        self._url = url
        self._where = _safe_location(url)
        self._clock = clock
        self._lease = _check_lease(lease)
        self._prefix = prefix
        self._redis_error: type[Exception] = redis.RedisError
        self._sync: Any = redis.Redis.from_url(url)
        self._acquire = self._sync.register_script(_REDIS_ACQUIRE)
        self._release = self._sync.register_script(_REDIS_RELEASE)
        self._async_clients: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Any] = (
            weakref.WeakKeyDictionary()
        )

    def __repr__(self) -> str:
        return f"RedisBackend({self._where!r})"

    def _keys(self, window: str) -> list[str]:
        # One hash tag: both keys of a window live on one Redis Cluster slot.
        return [f"{self._prefix}{{{window}}}:held", f"{self._prefix}{{{window}}}:done"]

    def _args(self, limit: Limit, token: str) -> list[str]:
        now = "" if self._clock is None else repr(float(self._clock()))
        return [str(limit.requests), repr(limit.per_seconds), repr(self._lease), token, now]

    def acquire(self, window: str, limit: Limit, token: str) -> float:
        with _store_errors(self, self._redis_error):
            answer = self._acquire(keys=self._keys(window), args=self._args(limit, token))
        return _redis_wait(answer, limit)

    def release(self, window: str, limit: Limit, token: str) -> None:
        with _store_errors(self, self._redis_error):
            self._release(keys=self._keys(window), args=self._args(limit, token))

    def _async(self) -> Any:
        """redis-py's asyncio client for the running loop (its connections belong to a loop)."""
        import redis.asyncio

        loop = asyncio.get_running_loop()
        client = self._async_clients.get(loop)
        if client is None:
            connection = redis.asyncio.Redis.from_url(self._url)
            client = (
                connection,
                connection.register_script(_REDIS_ACQUIRE),
                connection.register_script(_REDIS_RELEASE),
            )
            self._async_clients[loop] = client
        return client

    async def aacquire(self, window: str, limit: Limit, token: str) -> float:
        _, acquire, _ = self._async()
        with _store_errors(self, self._redis_error):
            answer = await acquire(keys=self._keys(window), args=self._args(limit, token))
        return _redis_wait(answer, limit)

    async def arelease(self, window: str, limit: Limit, token: str) -> None:
        _, _, release = self._async()
        with _store_errors(self, self._redis_error):
            await release(keys=self._keys(window), args=self._args(limit, token))

    def close(self) -> None:
        self._sync.close()

    async def aclose(self) -> None:
        self._sync.close()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # pragma: no cover - aclose is awaited, so a loop runs
            return
        client = self._async_clients.pop(loop, None)
        if client is not None:
            await client[0].aclose()


def _redis_wait(answer: Any, limit: Limit) -> float:
    granted, now, free, sent = (
        part.decode() if isinstance(part, bytes) else str(part) for part in answer
    )
    if int(granted):
        return 0.0
    return retry_after(
        float(now),
        limit.per_seconds,
        float(free) if free else None,
        float(sent) if sent else None,
    )


@contextlib.contextmanager
def _store_errors(backend: LimiterBackend, *kinds: type[Exception]) -> Iterator[None]:
    """A store that fails (unreachable, locked, full) is a ConfigurationError naming it (without
    credentials); nothing was sent."""
    caught: tuple[type[Exception], ...] = (sqlite3.Error, OSError, *kinds)
    try:
        yield
    except caught as error:
        raise ConfigurationError(
            f"rate limiter {backend!r} failed ({type(error).__name__}: {error}); nothing was sent"
        ) from None


def _safe_location(url: str) -> str:
    """A URL without its user name and password (for messages and reprs)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}{parts.path}"


def backend_from_url(url: str, *, source: str = "rate_limiter") -> LimiterBackend:
    """The backend a URL names: redis://, rediss://, unix:// (Redis), sqlite:///path, memory://.

    `source` names the argument or variable the URL came from, for the error.
    """
    scheme, _, rest = url.partition("://")
    scheme = scheme.lower()
    if scheme in ("redis", "rediss", "unix"):
        try:
            return RedisBackend(url)
        except ValueError as error:
            if isinstance(error, ConfigurationError):
                raise
            raise ConfigurationError(
                f"{source}: not a usable Redis URL ({_safe_location(url)!r}): {error}"
            ) from None
    if scheme == "sqlite" and rest.startswith("/") and len(rest) > 1:
        return SQLiteBackend(rest)
    if scheme == "memory" and not rest:
        return InProcessBackend()
    shown = f"{scheme}://..." if rest else repr(url[:40])
    raise ConfigurationError(
        f"{source}: unsupported rate limiter URL {shown}; expected redis://host:port/db, "
        "rediss://..., unix:///path.sock, sqlite:///absolute/path.db or memory://"
    )


def resolve_backend(
    value: str | LimiterBackend | None, *, clock: Callable[[], float] = time.monotonic
) -> tuple[LimiterBackend, bool]:
    """The client's backend for its `rate_limiter=` argument, and whether the client owns it.

    None: the URL in SUNOKIT_LIMITER_URL, else a new in-process backend on the client's clock.
    """
    if value is None:
        from_env = os.environ.get(ENV_VAR, "").strip()
        if not from_env:
            return InProcessBackend(clock=clock), True
        return backend_from_url(from_env, source=f"the environment variable {ENV_VAR}"), True
    if isinstance(value, str):
        return backend_from_url(value, source="rate_limiter"), True
    if isinstance(value, LimiterBackend):
        return value, False
    raise ConfigurationError(
        f"rate_limiter must be a URL string, a sunokit LimiterBackend or None, "
        f"not {type(value).__name__}"
    )


def account_digest(vendor: str, api_key: str) -> str:
    """What names an account in a shared store: a digest of vendor and key, never the key."""
    return hashlib.blake2b(
        api_key.encode(), digest_size=16, person=b"sunokit-limiter", salt=vendor.encode()[:16]
    ).hexdigest()


class Gate:
    """One request's way through its limit: ask before each attempt, release after it.

    `pause()` returns 0.0 once a permit is held (send now) or the seconds to sleep before
    asking again; `done()` releases the permit after the answer (or the failed send).
    """

    __slots__ = ("_backend", "_held", "_limit", "_window")

    def __init__(self, backend: LimiterBackend | None, window: str, limit: Limit | None) -> None:
        self._backend = backend
        self._window = window
        self._limit = limit
        self._held: str | None = None

    @property
    def limited(self) -> bool:
        return self._backend is not None and self._limit is not None

    def pause(self) -> float:
        if self._backend is None or self._limit is None or self._held is not None:
            return 0.0
        token = uuid.uuid4().hex
        wait = self._backend.acquire(self._window, self._limit, token)
        if wait <= 0:
            self._held = token
            return 0.0
        return wait

    def done(self) -> None:
        token, self._held = self._held, None
        if token is not None and self._backend is not None and self._limit is not None:
            self._backend.release(self._window, self._limit, token)

    async def apause(self) -> float:
        if self._backend is None or self._limit is None or self._held is not None:
            return 0.0
        token = uuid.uuid4().hex
        wait = await self._backend.aacquire(self._window, self._limit, token)
        if wait <= 0:
            self._held = token
            return 0.0
        return wait

    async def adone(self) -> None:
        token, self._held = self._held, None
        if token is not None and self._backend is not None and self._limit is not None:
            await self._backend.arelease(self._window, self._limit, token)


#: The gate of every request without a documented limit (it holds no state).
FREE = Gate(None, "", None)


class Limiters:
    """The documented limits of one vendor's operations, for one API key, in one backend.

    `gate(operation_id, key)` is the way through the limit of that operation (`key`: the task
    id, for task-scoped limits); an operation without a documented limit passes freely.
    """

    def __init__(
        self, vendor: str, api_key: str, backend: LimiterBackend, *, owns_backend: bool = False
    ) -> None:
        self.vendor = vendor
        self.backend = backend
        self.owns_backend = owns_backend
        self._account = f"{vendor}:{account_digest(vendor, api_key)}"
        self._limits: dict[str, Limit] = {}
        for operation in _specs.operations(vendor):
            documented = operation.rate_limit
            if documented is not None:
                self._limits[operation.operation_id] = Limit.from_rate_limit(documented)

    def __repr__(self) -> str:
        return f"Limiters({self.vendor!r}, {self.backend!r})"

    def limit(self, operation_id: str) -> Limit | None:
        """The documented limit of an operation, or None."""
        return self._limits.get(operation_id)

    def window(self, operation_id: str, key: str = "") -> str:
        """The name of the window a request of `operation_id` (for task `key`) counts in."""
        limit = self._limits[operation_id]
        if limit.scope == "task":
            return f"{self._account}:{operation_id}:task:{key}"
        return f"{self._account}:{limit.requests}/{limit.per_seconds:g}s"

    def gate(self, operation_id: str, key: str = "") -> Gate:
        limit = self._limits.get(operation_id)
        if limit is None:
            return FREE
        return Gate(self.backend, self.window(operation_id, key), limit)

    def close(self) -> None:
        if self.owns_backend:
            self.backend.close()

    async def aclose(self) -> None:
        if self.owns_backend:
            await self.backend.aclose()
