"""The optional aiohttp transport (`pip install 'sunokit[aiohttp]'`, as openai-python offers).

`httpx_aiohttp.HttpxAiohttpClient` is an httpx.AsyncClient whose transport is aiohttp; it is
passed as `http_client=`. Its exception map turns aiohttp's `ClientConnectionError` — the base
class of a connection dropped *after* the request was written (`ServerDisconnectedError`,
`ClientOSError`) — into `httpx.ConnectTimeout`, which on httpx's own transport proves nothing
was sent. Taken at face value, a create whose connection dropped after the vendor accepted it
would be re-sent: billed twice. sunokit judges such a translated error by its cause.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import socket

import httpx
import pytest
import sunokit
from sunokit._client import _ClientCore
from sunokit.testing import MockedVendor, mock_vendor

aiohttp = pytest.importorskip("aiohttp")
httpx_aiohttp = pytest.importorskip("httpx_aiohttp")

VENDOR = "sunoapi_org"
_markers = itertools.count()


def _core() -> _ClientCore:
    return _ClientCore(
        VENDOR,
        api_key="k1",
        base_url="https://x.test",
        timeout=5,
        max_retries=0,
        callback_url=None,
        webhook_secret=None,
        poll_interval=1,
        clock=lambda: 0.0,
    )


def _translated(httpx_class: type[Exception], cause: BaseException) -> Exception:
    """What httpx_aiohttp raises: `raise httpx_class(str(cause)) from cause`."""
    try:
        raise httpx_class(str(cause)) from cause
    except Exception as error:
        return error


def _connector_error() -> BaseException:
    key = aiohttp.client_reqrep.ConnectionKey("127.0.0.1", 1, False, True, None, None, None)
    return aiohttp.ClientConnectorError(key, OSError(111, "Connection refused"))


@pytest.mark.parametrize(
    ("cause", "httpx_class", "sent"),
    [
        (aiohttp.ServerDisconnectedError(), httpx.ConnectTimeout, True),
        (aiohttp.ClientOSError(104, "Connection reset by peer"), httpx.ConnectTimeout, True),
        (aiohttp.ClientConnectionError("closed"), httpx.ConnectTimeout, True),
        (_connector_error(), httpx.ConnectError, False),
    ],
    ids=["server-disconnected", "reset", "connection-error", "connect-refused"],
)
def test_a_translated_error_is_judged_by_its_cause(
    cause: BaseException, httpx_class: type[Exception], sent: bool
) -> None:
    mapped = _core().transport_error(_translated(httpx_class, cause))
    assert isinstance(mapped, sunokit.APIConnectionError)
    assert mapped.request_sent is sent


def test_an_unknown_library_behind_a_not_sent_class_counts_as_maybe_sent() -> None:
    class ForeignDisconnect(Exception):
        pass

    ForeignDisconnect.__module__ = "someotherhttp.errors"
    mapped = _core().transport_error(_translated(httpx.ConnectError, ForeignDisconnect("x")))
    assert isinstance(mapped, sunokit.APIConnectionError)
    assert mapped.request_sent is True


def test_httpx_own_errors_keep_their_classification() -> None:
    request = httpx.Request("POST", "https://x.test/api/v1/generate")
    assert _core().transport_error(httpx.ConnectError("no", request=request)).request_sent is False
    assert _core().transport_error(httpx.ReadError("no", request=request)).request_sent is True


def _accepted_with(mocked: MockedVendor, text: str) -> list[str]:
    return [task_id for task_id, task in mocked.mock.tasks.items() if text in json.dumps(task.body)]


async def _submit(mocked: MockedVendor, text: str, **options: object) -> object:
    async with (
        httpx_aiohttp.HttpxAiohttpClient() as http,
        mocked.async_client(http_client=http, max_retries=3, **options) as client,
    ):
        try:
            return await client.submit(sunokit.Description(text))
        except sunokit.SunokitError as error:
            return error


def test_a_dropped_create_on_aiohttp_is_not_sent_twice() -> None:
    with mock_vendor(VENDOR, rate_limits=False) as mocked:
        mocked.set_fault("drop_connection", scope="submit", times=None, processed=True)
        text = f"aiohttp tune {next(_markers)}"
        outcome = asyncio.run(_submit(mocked, text))
        assert isinstance(outcome, sunokit.APIConnectionError), outcome
        assert outcome.request_sent is True
        assert len(_accepted_with(mocked, text)) == 1
        assert mocked.stats.faults_applied["drop_connection"] == 1


def test_a_connection_closed_before_any_answer_is_not_sent_twice() -> None:
    """The vendor read the whole create, then the connection closed with no answer at all:
    aiohttp's ServerDisconnectedError, which httpx_aiohttp raises as httpx.ConnectTimeout."""
    received: list[bytes] = []

    async def scenario() -> object:
        async def swallow(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            head = await reader.readuntil(b"\r\n\r\n")
            length = next(
                int(line.split(b":", 1)[1])
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-length:")
            )
            received.append(await reader.readexactly(length))
            writer.close()

        server = await asyncio.start_server(swallow, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        async with (
            server,
            httpx_aiohttp.HttpxAiohttpClient() as http,
            sunokit.AsyncSunoClient(
                VENDOR,
                api_key="k1",
                base_url=f"http://127.0.0.1:{port}",
                http_client=http,
                max_retries=3,
                callback_url="https://example.com/cb",
            ) as client,
        ):
            try:
                return await client.submit(sunokit.Description("closed"))
            except sunokit.SunokitError as error:
                return error

    outcome = asyncio.run(scenario())
    assert isinstance(outcome, sunokit.APIConnectionError), outcome
    assert outcome.request_sent is True
    assert isinstance(outcome.__cause__, httpx.ConnectTimeout)  # what httpx_aiohttp calls it
    assert len(received) == 1, f"the create was sent {len(received)} times"


def test_a_refused_connection_on_aiohttp_is_not_sent() -> None:
    with socket.socket() as holder:  # a loopback port nobody listens on
        holder.bind(("127.0.0.1", 0))
        port = holder.getsockname()[1]
    with mock_vendor(VENDOR, rate_limits=False) as mocked:
        outcome = asyncio.run(_submit(mocked, "refused", base_url=f"http://127.0.0.1:{port}"))
    assert isinstance(outcome, sunokit.APIConnectionError), outcome
    assert outcome.request_sent is False


def test_generate_works_on_aiohttp() -> None:
    async def generate(mocked: MockedVendor) -> sunokit.Task:
        async with (
            httpx_aiohttp.HttpxAiohttpClient() as http,
            mocked.async_client(http_client=http, poll_interval=0.01) as client,
        ):
            return await client.generate(sunokit.Description("over aiohttp"), timeout=30)

    with mock_vendor(VENDOR, rate_limits=False) as mocked:
        task = asyncio.run(generate(mocked))
    assert task.state == "succeeded"
    assert task.tracks
