"""Our mock vendors in your own tests: no credits, no network, every fault switch at hand.

`mock_vendor(vendor)` serves a stateful mock of the vendor (`sunokit.mock`) with uvicorn on a
free loopback port for the duration of a `with` block and wires a `SunoClient` to it:

    import sunokit
    from sunokit.testing import mock_vendor

    with mock_vendor("sunoapi_org") as mocked:
        mocked.set_fault("server_error", scope="status", times=1)   # retried by the client
        task = mocked.client.generate(sunokit.Description("a calm piano tune"))
        assert task.state == "succeeded"
        assert mocked.stats.accepted_submissions == 1

In pytest the `sunokit_mock` fixture does the same (the plugin is registered through the
`pytest11` entry point, so installing sunokit is enough). Choose the vendor and the mock's
options with a marker, or parametrize the fixture indirectly with a vendor name:

    @pytest.mark.sunokit_mock(vendor="apikley", credits=0)
    def test_out_of_credits(sunokit_mock):
        with pytest.raises(sunokit.InsufficientCreditsError):
            sunokit_mock.client.submit(sunokit.Description("a calm piano tune"))

Operations the spec sends to another host (file uploads) reach the same mock: the client's
`upload_base_url` is the mock's base URL.

Callbacks: vendors whose spec documents callbacks send them to the mock's own receiver
(`<base_url>/__mock__/inbox`, read back with `mocked.inbox`) unless you pass `callback_url`.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator, Mapping
from typing import Any

import httpx

from . import _specs
from ._client import AsyncSunoClient, SunoClient
from .mock import Fault, MockStats, MockVendor, StageTimings, create_app, serve_in_thread

__all__ = ["DEFAULT_TIMINGS", "MockedVendor", "mock_vendor"]

# Fast enough for a test suite, slow enough that every stage is observable by polling.
DEFAULT_TIMINGS = StageTimings(text=0.05, first=0.1, complete=0.15)
_POLL_INTERVAL = 0.02


@dataclasses.dataclass(frozen=True)
class MockedVendor:
    """A running mock vendor and a client wired to it.

    `client`: a SunoClient for the mock. `http`: a plain httpx client (downloads of the
    tracks' media, the mock's /__mock__ control endpoints). `mock`: the MockVendor itself
    (stats, tasks, callbacks, faults).
    """

    vendor: str
    base_url: str
    mock: MockVendor
    client: SunoClient
    http: httpx.Client
    client_options: Mapping[str, Any]

    @property
    def api_key(self) -> str:
        return self.mock.api_key

    @property
    def stats(self) -> MockStats:
        return self.mock.stats

    @property
    def inbox(self) -> list[dict[str, Any]]:
        """The callbacks the mock's own receiver got: [{"headers", "body"}, ...]."""
        return self.mock.inbox

    def set_fault(self, fault: Fault | str, **options: Any) -> Fault:
        """Switch a fault on: `set_fault("maintenance", scope="submit", times=2)`."""
        return self.mock.set_fault(fault, **options)

    def clear_faults(self) -> None:
        self.mock.clear_faults()

    def async_client(self, **options: Any) -> AsyncSunoClient:
        """A new AsyncSunoClient for the mock (use it as `async with`); options override."""
        return AsyncSunoClient(self.vendor, **{**self.client_options, **options})

    def new_client(self, **options: Any) -> SunoClient:
        """Another SunoClient for the mock (use it as `with`); options override."""
        return SunoClient(self.vendor, **{**self.client_options, **options})


@contextlib.contextmanager
def mock_vendor(
    vendor: str,
    *,
    callback_url: str | None = None,
    client_options: Mapping[str, Any] | None = None,
    **mock_options: Any,
) -> Iterator[MockedVendor]:
    """Serve a mock of `vendor` on 127.0.0.1 and yield it with a wired SunoClient.

    `mock_options` are `sunokit.mock.create_app`'s (timings, credits, faults, rate_limits,
    sensitive_word, durations, api_key, ...); timings default to `DEFAULT_TIMINGS`.
    `client_options` go to the SunoClient (poll_interval, max_retries, timeout, ...).
    """
    mock_options.setdefault("timings", DEFAULT_TIMINGS)
    mock = create_app(vendor, **mock_options)
    with serve_in_thread(mock) as running:
        options: dict[str, Any] = {
            "api_key": running.api_key,
            "base_url": running.base_url,
            # the mock serves the file-upload host's paths too, on its one server
            "upload_base_url": running.base_url,
            "callback_url": callback_url or _default_callback_url(mock.vendor, running.base_url),
            "poll_interval": _POLL_INTERVAL,
            **(client_options or {}),
        }
        with (
            SunoClient(mock.vendor, **options) as client,
            # trust_env=False: the mock is on loopback, never behind the caller's proxy.
            httpx.Client(base_url=running.base_url, timeout=30.0, trust_env=False) as http,
        ):
            yield MockedVendor(
                vendor=mock.vendor,
                base_url=running.base_url,
                mock=mock,
                client=client,
                http=http,
                client_options=options,
            )


def _default_callback_url(vendor: str, base_url: str) -> str | None:
    """The mock's own receiver, for vendors whose spec documents callbacks."""
    if "callbacks" in _specs.operation(vendor, "submit").definition:
        return f"{base_url}/__mock__/inbox"
    return None
