"""SunoClient and AsyncSunoClient: one shared core, two thin drivers.

The core (`_ClientCore`) builds calls, parses answers and decides about retries and waiting;
the drivers only send, sleep and loop.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import httpx

from . import _specs
from ._adapters import Adapter, Call, get_adapter
from ._adapters._base import RawResponse
from ._errors import (
    APIConnectionError,
    APIError,
    APIResponseError,
    APITimeoutError,
    ConfigurationError,
    TaskFailedError,
    WaitTimeoutError,
)
from ._limiter import SlidingWindowLimiter, from_rate_limit
from ._models import Task
from ._requests import MusicRequest
from ._retry import DEFAULT_MAX_RETRIES, RetryPolicy
from ._validation import validate_or_raise
from ._waiting import DEFAULT_POLL_INTERVAL, DEFAULT_WAIT_TIMEOUT, Until, next_sleep, stage_reached

__all__ = ["DEFAULT_TIMEOUT", "AsyncSunoClient", "SunoClient"]

DEFAULT_TIMEOUT = 30.0

T = TypeVar("T")
OnUpdate = Callable[[Task], object]


class _ClientCore:
    """Everything but I/O: configuration, calls, parsing, retry decisions."""

    def __init__(
        self,
        vendor: str,
        *,
        api_key: str | None,
        base_url: str | None,
        timeout: float | httpx.Timeout,
        max_retries: int,
        callback_url: str | None,
        poll_interval: float,
        clock: Callable[[], float],
    ) -> None:
        self.clock = clock
        self.vendor = _specs.check_vendor(vendor)
        self.adapter: Adapter = get_adapter(vendor)
        key = api_key if api_key is not None else os.environ.get(self.adapter.env_var)
        if not key:
            raise ConfigurationError(
                f"no API key for {vendor}: pass api_key=... or set the environment variable "
                f"{self.adapter.env_var}"
            )
        if max_retries < 0:
            raise ConfigurationError("max_retries must be >= 0")
        self._api_key = key
        self.base_url = (base_url or self.adapter.default_base_url).rstrip("/")
        self.timeout = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
        self.retry = RetryPolicy(max_retries=max_retries)
        self.callback_url = callback_url
        self.poll_interval = poll_interval
        self.submit_limiter = self._limiter("submit")
        self.status_limiter = self._limiter("status")

    def _limiter(self, role: str) -> SlidingWindowLimiter | None:
        return from_rate_limit(_specs.operation(self.vendor, role).rate_limit, clock=self.clock)

    def generated_client(self, http_client: httpx.Client | httpx.AsyncClient | None) -> Any:
        client = self.adapter.package.AuthenticatedClient(
            base_url=self.base_url,
            token=self._api_key,
            timeout=self.timeout,
            raise_on_unexpected_status=False,
        )
        if http_client is not None:
            # The generated client sends through a given httpx client as it is: give it the
            # vendor's base URL (unless it has one) and the key.
            if not str(http_client.base_url):
                http_client.base_url = httpx.URL(self.base_url)
            http_client.headers["Authorization"] = f"Bearer {self._api_key}"
            if isinstance(http_client, httpx.AsyncClient):
                client.set_async_httpx_client(http_client)
            else:
                client.set_httpx_client(http_client)
        return client

    def submit_call(self, request: MusicRequest) -> Call:
        role, body = self.adapter.wire_body(request, callback_url=self.callback_url)
        call = self.adapter.submit_call(role, body)
        validate_or_raise(self.vendor, dict(call.wire_body or {}), role=role)
        return call

    def raw(self, response: Any) -> RawResponse:
        return RawResponse(
            status_code=int(response.status_code),
            headers=dict(response.headers),
            content=bytes(response.content),
            parsed=response.parsed,
        )

    def transport_error(self, error: Exception) -> APIError:
        """Translate what httpx or the generated code raised into the sunokit tree."""
        name = type(error).__name__
        if isinstance(error, httpx.ConnectTimeout):
            return APITimeoutError(
                f"{self.vendor}: connect timeout", vendor=self.vendor, request_sent=False
            )
        if isinstance(error, httpx.TimeoutException):
            return APITimeoutError(
                f"{self.vendor}: {name} (the request may have been processed)", vendor=self.vendor
            )
        if isinstance(error, httpx.ConnectError):
            return APIConnectionError(
                f"{self.vendor}: cannot connect ({error})", vendor=self.vendor, request_sent=False
            )
        if isinstance(error, httpx.TransportError):
            return APIConnectionError(
                f"{self.vendor}: connection failed ({name})", vendor=self.vendor
            )
        return APIResponseError(
            f"{self.vendor}: unreadable answer ({name}: {error})", vendor=self.vendor
        )

    def __repr__(self) -> str:
        return f"<{self.vendor} at {self.base_url}>"


class _Driver:
    def __init__(self, core: _ClientCore, clock: Callable[[], float]) -> None:
        self._core = core
        self._clock = clock

    @property
    def vendor(self) -> str:
        return self._core.vendor

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(vendor={self._core.vendor!r}, base_url={self._core.base_url!r})"
        )


_CAUGHT = (httpx.HTTPError, ValueError, KeyError, TypeError, AttributeError)


class SunoClient(_Driver):
    """Synchronous client for one vendor: submit, get, wait, generate."""

    def __init__(
        self,
        vendor: str,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        callback_url: str | None = None,
        poll_interval: float = DEFAULT_POLL_INTERVAL,
        http_client: httpx.Client | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        core = _ClientCore(
            vendor,
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            callback_url=callback_url,
            poll_interval=poll_interval,
            clock=clock,
        )
        super().__init__(core, clock)
        self._client = core.generated_client(http_client)
        self._sleep = sleep

    def close(self) -> None:
        self._client.get_httpx_client().close()

    def __enter__(self) -> SunoClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _send(
        self, call: Call, parse: Callable[[RawResponse], T], *, idempotent: bool, key: str
    ) -> T:
        core = self._core
        limiter = core.submit_limiter if call.role != "status" else core.status_limiter
        started = self._clock()
        attempt = 0
        while True:
            if limiter is not None:
                wait = limiter.reserve(key)
                if wait > 0:
                    self._sleep(wait)
            try:
                try:
                    response = call.endpoint.sync_detailed(client=self._client, **call.kwargs)
                except _CAUGHT as error:
                    raise core.transport_error(error) from error
                return parse(core.raw(response))
            except APIError as error:
                delay = core.retry.decide(
                    error, attempt=attempt, elapsed=self._clock() - started, idempotent=idempotent
                )
                if delay is None:
                    raise
                self._sleep(delay)
                attempt += 1

    def submit(self, request: MusicRequest) -> Task:
        """Validate locally, then submit once (retried only when the vendor provably refused)."""
        call = self._core.submit_call(request)
        adapter = self._core.adapter
        task_id = self._send(call, adapter.task_id_from_submit, idempotent=False, key="")
        return Task(vendor=self.vendor, task_id=task_id, state="queued")

    def get(self, task_id: str) -> Task:
        adapter = self._core.adapter
        return self._send(
            adapter.status_call(task_id),
            lambda raw: adapter.task_from_status(task_id, raw),
            idempotent=True,
            key=task_id,
        )

    def wait(
        self,
        task_id: str,
        *,
        until: Until = "complete",
        timeout: float = DEFAULT_WAIT_TIMEOUT,
        on_update: OnUpdate | None = None,
    ) -> Task:
        deadline = self._clock() + timeout
        last: Task | None = None
        while True:
            task = self.get(task_id)
            if on_update is not None and (
                last is None or (task.state, task.vendor_state) != (last.state, last.vendor_state)
            ):
                on_update(task)
            last = task
            if task.state == "failed":
                raise TaskFailedError(task)
            if stage_reached(task.state, until):
                return task
            pause = next_sleep(
                interval=self._core.poll_interval, now=self._clock(), deadline=deadline
            )
            if pause is None:
                raise WaitTimeoutError(task, task_id, timeout)
            self._sleep(pause)

    def generate(
        self,
        request: MusicRequest,
        *,
        until: Until = "complete",
        timeout: float = DEFAULT_WAIT_TIMEOUT,
        on_update: OnUpdate | None = None,
    ) -> Task:
        task = self.submit(request)
        if on_update is not None:
            on_update(task)
        return self.wait(task.task_id, until=until, timeout=timeout, on_update=on_update)


async def _async_sleep(seconds: float) -> None:
    await asyncio.sleep(seconds)


class AsyncSunoClient(_Driver):
    """Asynchronous twin of SunoClient, with the same methods awaited."""

    def __init__(
        self,
        vendor: str,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        callback_url: str | None = None,
        poll_interval: float = DEFAULT_POLL_INTERVAL,
        http_client: httpx.AsyncClient | None = None,
        sleep: Callable[[float], Awaitable[None]] = _async_sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        core = _ClientCore(
            vendor,
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            callback_url=callback_url,
            poll_interval=poll_interval,
            clock=clock,
        )
        super().__init__(core, clock)
        self._client = core.generated_client(http_client)
        self._sleep = sleep

    async def aclose(self) -> None:
        await self._client.get_async_httpx_client().aclose()

    async def __aenter__(self) -> AsyncSunoClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def _send(
        self, call: Call, parse: Callable[[RawResponse], T], *, idempotent: bool, key: str
    ) -> T:
        core = self._core
        limiter = core.submit_limiter if call.role != "status" else core.status_limiter
        started = self._clock()
        attempt = 0
        while True:
            if limiter is not None:
                wait = limiter.reserve(key)
                if wait > 0:
                    await self._sleep(wait)
            try:
                try:
                    response = await call.endpoint.asyncio_detailed(
                        client=self._client, **call.kwargs
                    )
                except _CAUGHT as error:
                    raise core.transport_error(error) from error
                return parse(core.raw(response))
            except APIError as error:
                delay = core.retry.decide(
                    error, attempt=attempt, elapsed=self._clock() - started, idempotent=idempotent
                )
                if delay is None:
                    raise
                await self._sleep(delay)
                attempt += 1

    async def submit(self, request: MusicRequest) -> Task:
        call = self._core.submit_call(request)
        adapter = self._core.adapter
        task_id = await self._send(call, adapter.task_id_from_submit, idempotent=False, key="")
        return Task(vendor=self.vendor, task_id=task_id, state="queued")

    async def get(self, task_id: str) -> Task:
        adapter = self._core.adapter
        return await self._send(
            adapter.status_call(task_id),
            lambda raw: adapter.task_from_status(task_id, raw),
            idempotent=True,
            key=task_id,
        )

    async def wait(
        self,
        task_id: str,
        *,
        until: Until = "complete",
        timeout: float = DEFAULT_WAIT_TIMEOUT,
        on_update: OnUpdate | None = None,
    ) -> Task:
        deadline = self._clock() + timeout
        last: Task | None = None
        while True:
            task = await self.get(task_id)
            if on_update is not None and (
                last is None or (task.state, task.vendor_state) != (last.state, last.vendor_state)
            ):
                on_update(task)
            last = task
            if task.state == "failed":
                raise TaskFailedError(task)
            if stage_reached(task.state, until):
                return task
            pause = next_sleep(
                interval=self._core.poll_interval, now=self._clock(), deadline=deadline
            )
            if pause is None:
                raise WaitTimeoutError(task, task_id, timeout)
            await self._sleep(pause)

    async def generate(
        self,
        request: MusicRequest,
        *,
        until: Until = "complete",
        timeout: float = DEFAULT_WAIT_TIMEOUT,
        on_update: OnUpdate | None = None,
    ) -> Task:
        task = await self.submit(request)
        if on_update is not None:
            on_update(task)
        return await self.wait(task.task_id, until=until, timeout=timeout, on_update=on_update)
