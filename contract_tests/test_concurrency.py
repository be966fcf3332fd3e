"""The in-flight bound (`max_concurrency`): many concurrent calls on one client all succeed.

Without a bound, 1,000 concurrent generate() calls on one default client queue inside httpx's
connection pool, where the pool timeout runs: most fail with a PoolTimeout (issue 11, item 4).
With at most `max_concurrency` requests let into the pool, the rest wait in sunokit with no
timeout running. `bench/concurrent_generate.py` measures 100 / 300 / 1,000.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import Counter
from typing import Any

import httpx
import pytest
import sunokit
from sunokit._client import DEFAULT_MAX_CONCURRENCY
from sunokit.testing import mock_vendor

VENDOR = "sunosay"  # no documented rate limit: the bound is the only throttle


class _Counting:
    """Counts the requests in flight through an httpx transport (the pool's view)."""

    def __init__(self) -> None:
        self.now = 0
        self.peak = 0
        self.lock = threading.Lock()

    def enter(self) -> None:
        with self.lock:
            self.now += 1
            self.peak = max(self.peak, self.now)

    def leave(self) -> None:
        with self.lock:
            self.now -= 1


class _AsyncCountingTransport(httpx.AsyncHTTPTransport):
    def __init__(self, counter: _Counting) -> None:
        super().__init__()
        self.counter = counter

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.counter.enter()
        try:
            await asyncio.sleep(0.005)  # long enough for the callers to pile up
            response = await super().handle_async_request(request)
            await response.aread()
            return response
        finally:
            self.counter.leave()


class _CountingTransport(httpx.HTTPTransport):
    def __init__(self, counter: _Counting) -> None:
        super().__init__()
        self.counter = counter

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.counter.enter()
        try:
            time.sleep(0.005)
            response = super().handle_request(request)
            response.read()
            return response
        finally:
            self.counter.leave()


def test_300_concurrent_async_generate_on_one_client_all_succeed() -> None:
    """A short timeout that an unbounded client misses in the pool queue (265 of 300 failed
    with APITimeoutError at timeout=2 before the bound); with the default bound, none do."""

    async def run(mocked: Any) -> Counter[str]:
        async with mocked.async_client(timeout=2.0) as client:
            results = await asyncio.gather(
                *(
                    client.generate(sunokit.Description(f"song {n}"), timeout=60)
                    for n in range(300)
                ),
                return_exceptions=True,
            )
        return Counter(type(result).__name__ for result in results)

    with mock_vendor(VENDOR, rate_limits=False) as mocked:
        assert asyncio.run(run(mocked)) == {"Task": 300}


def test_async_bound_holds_and_is_reached() -> None:
    counter = _Counting()

    async def run(mocked: Any) -> None:
        async with (
            httpx.AsyncClient(transport=_AsyncCountingTransport(counter)) as http,
            mocked.async_client(max_concurrency=5, http_client=http) as client,
        ):
            task = await client.submit(sunokit.Description("one song"))
            await asyncio.gather(*(client.get(task) for _ in range(60)))

    with mock_vendor(VENDOR, rate_limits=False) as mocked:
        asyncio.run(run(mocked))
    assert counter.peak == 5


def test_async_semaphore_is_made_per_event_loop() -> None:
    """An asyncio.Semaphore is bound to the loop it first waits on: each loop gets its own."""
    client = sunokit.AsyncSunoClient(VENDOR, api_key="sk-test-0123456789", max_concurrency=2)

    async def slots() -> tuple[object, object]:
        return client._slots(), client._slots()

    first, again = asyncio.run(slots())
    second, _ = asyncio.run(slots())
    assert first is again
    assert second is not first
    assert (
        sunokit.AsyncSunoClient(VENDOR, api_key="sk-test-0123456789", max_concurrency=None)._slots()
        is None
    )


def test_sync_bound_holds_across_threads() -> None:
    counter = _Counting()
    with (
        mock_vendor(VENDOR, rate_limits=False) as mocked,
        httpx.Client(transport=_CountingTransport(counter)) as http,
        mocked.new_client(max_concurrency=3, http_client=http) as client,
    ):
        task = client.submit(sunokit.Description("one song"))
        threads = [threading.Thread(target=client.get, args=(task,)) for _ in range(16)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert 1 <= counter.peak <= 3


def test_no_bound_lets_every_request_into_the_pool() -> None:
    counter = _Counting()

    async def run(mocked: Any) -> None:
        async with (
            httpx.AsyncClient(transport=_AsyncCountingTransport(counter)) as http,
            mocked.async_client(max_concurrency=None, http_client=http) as client,
        ):
            task = await client.submit(sunokit.Description("one song"))
            await asyncio.gather(*(client.get(task) for _ in range(40)))

    with mock_vendor(VENDOR, rate_limits=False) as mocked:
        asyncio.run(run(mocked))
    assert counter.peak > DEFAULT_MAX_CONCURRENCY


@pytest.mark.parametrize("bad", [0, -1, 2.5, True, "20"])
def test_max_concurrency_is_checked(bad: object) -> None:
    for cls in (sunokit.SunoClient, sunokit.AsyncSunoClient):
        with pytest.raises(sunokit.ConfigurationError, match="max_concurrency"):
            cls(VENDOR, api_key="sk-test-0123456789", max_concurrency=bad)  # type: ignore[arg-type]


def test_default_is_the_kept_alive_connections_of_httpx() -> None:
    assert httpx._config.DEFAULT_LIMITS.max_keepalive_connections == DEFAULT_MAX_CONCURRENCY
    assert sunokit.SunoClient.__init__.__kwdefaults__["max_concurrency"] == DEFAULT_MAX_CONCURRENCY
