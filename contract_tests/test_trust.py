"""The trust guarantees, against the real loopback mock of every vendor, sync and async:

- every error raised after a create was accepted carries the task;
- an unreadable answer to a status poll is retried like a 5xx;
- wait options are checked before credits are spent;
- a create is re-sent only after a refusal in the vendor's own words or when nothing was sent,
  so a call never creates more than one task (exactly one when it succeeds);
- the caller's httpx client is used, never changed or closed;
- the key is masked wherever a vendor echoes it.
"""

from __future__ import annotations

import asyncio
import http.server
import itertools
import json
import threading
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
import sunokit
from sunokit import _specs
from sunokit._adapters import get_adapter
from sunokit._client import TRANSPORT_ERRORS, _ClientCore
from sunokit.testing import MockedVendor, mock_vendor

from .spec_tools import vendor_params

VENDORS = _specs.VENDORS
DRIVERS = ("sync", "async")
_markers = itertools.count()


def marker() -> str:
    return f"trust tune {next(_markers)}"


def accepted_with(mocked: MockedVendor, text: str) -> list[str]:
    """Ids of the tasks the mock accepted whose request carried `text`."""
    return [task_id for task_id, task in mocked.mock.tasks.items() if text in json.dumps(task.body)]


def _options(fault: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in fault.items() if name != "kind"}


def _no_sleep(seconds: float) -> None:
    """Retries and polls without waiting: the mock's lifecycle runs on its own clock."""


async def _no_async_sleep(seconds: float) -> None:
    await asyncio.sleep(0)


def run(mocked: MockedVendor, driver: str, method: str, *args: Any, **options: Any) -> Any:
    """Call `method` on a fresh client for the mock with the given driver."""
    client_options = options.pop("client_options", {})
    if driver == "sync":
        with mocked.new_client(sleep=_no_sleep, **client_options) as client:
            return getattr(client, method)(*args, **options)

    async def go() -> Any:
        async with mocked.async_client(sleep=_no_async_sleep, **client_options) as client:
            return await getattr(client, method)(*args, **options)

    return asyncio.run(go())


# One vendor per family in make test (apikley speaks sunoapi_org's wire format); every vendor in
# make fuzz.
@pytest.fixture(scope="module", params=vendor_params(VENDORS))
def mocked(request: pytest.FixtureRequest) -> Iterator[MockedVendor]:
    with mock_vendor(request.param, rate_limits=False) as running:
        yield running


@pytest.fixture(autouse=True)
def _no_leftover_faults(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    if "mocked" in request.fixturenames:
        request.getfixturevalue("mocked").clear_faults()


# ---------------------------------------------------------------- 1. errors after acceptance


STATUS_FAULTS = [
    pytest.param({"kind": "server_error", "times": None}, sunokit.ServerError, id="5xx"),
    pytest.param({"kind": "malformed_json", "times": None}, sunokit.APIResponseError, id="json"),
    pytest.param(
        {"kind": "html_error", "status": 401, "times": None},
        sunokit.AuthenticationError,
        id="auth",
    ),
]


@pytest.mark.parametrize("driver", DRIVERS)
@pytest.mark.parametrize(("fault", "expected"), STATUS_FAULTS)
def test_every_error_after_acceptance_carries_the_task(
    mocked: MockedVendor, driver: str, fault: dict[str, Any], expected: type[Exception]
) -> None:
    mocked.set_fault(fault["kind"], scope="status", **_options(fault))
    text = marker()
    with pytest.raises(expected) as raised:
        run(
            mocked,
            driver,
            "generate",
            sunokit.Description(text),
            timeout=30,
            client_options={"max_retries": 1},
        )
    (task_id,) = accepted_with(mocked, text)
    error = raised.value
    assert isinstance(error, sunokit.APIError)
    assert error.task is not None
    assert (error.task.vendor, error.task.task_id) == (mocked.vendor, task_id)
    assert task_id in str(error)
    assert f"wait({task_id!r})" in str(error)


@pytest.mark.parametrize("driver", DRIVERS)
def test_wait_errors_carry_the_task_too(mocked: MockedVendor, driver: str) -> None:
    task = run(mocked, driver, "submit", sunokit.Description(marker()))
    mocked.set_fault("server_error", scope="status", times=None)
    with pytest.raises(sunokit.ServerError) as raised:
        run(mocked, driver, "wait", task, client_options={"max_retries": 0})
    assert raised.value.task is not None
    assert raised.value.task.task_id == task.task_id
    # a bare id nobody has confirmed is not called accepted
    with pytest.raises(sunokit.ServerError) as unconfirmed:
        run(mocked, driver, "wait", "no-such-task", client_options={"max_retries": 0})
    assert unconfirmed.value.task is None
    assert "was accepted" not in str(unconfirmed.value)


@pytest.mark.parametrize("driver", DRIVERS)
def test_an_on_update_error_after_acceptance_carries_the_task(
    mocked: MockedVendor, driver: str
) -> None:
    calls: list[str] = []

    def on_update(task: sunokit.Task) -> None:
        calls.append(task.state)
        mocked.set_fault("server_error", scope="status", times=None)

    with pytest.raises(sunokit.ServerError) as raised:
        run(
            mocked,
            driver,
            "generate",
            sunokit.Description(marker()),
            on_update=on_update,
            client_options={"max_retries": 0},
        )
    assert calls == ["queued"]
    assert raised.value.task is not None


# ------------------------------------------------------------ 2. unreadable status answers


@pytest.mark.parametrize("driver", DRIVERS)
@pytest.mark.parametrize(
    "fault",
    [
        {"kind": "malformed_json"},
        {"kind": "empty_body"},
        {"kind": "html_error", "status": 200},
        {"kind": "drop_connection"},
    ],
    ids=["truncated-json", "empty-200", "html-200", "dropped"],
)
def test_an_unreadable_status_answer_is_retried(
    mocked: MockedVendor, driver: str, fault: dict[str, Any]
) -> None:
    before = mocked.stats.faults_applied[fault["kind"]]
    mocked.set_fault(fault["kind"], scope="status", times=2, **_options(fault))
    task = run(mocked, driver, "generate", sunokit.Description(marker()), timeout=30)
    assert task.state == "succeeded"
    assert mocked.stats.faults_applied[fault["kind"]] - before == 2


# ------------------------------------------------------- 4. wait options before credits


@pytest.mark.parametrize("driver", DRIVERS)
@pytest.mark.parametrize(
    "options",
    [
        {"timeout": 0},
        {"timeout": -1},
        {"timeout": float("nan")},
        {"timeout": float("inf")},
        {"timeout": "600"},
        {"timeout": True},
        {"until": "done"},
    ],
    ids=["zero", "negative", "nan", "inf", "str", "bool", "until"],
)
def test_generate_refuses_bad_wait_options_before_paying(
    mocked: MockedVendor, driver: str, options: dict[str, Any]
) -> None:
    text = marker()
    with pytest.raises(sunokit.ConfigurationError):
        run(mocked, driver, "generate", sunokit.Description(text), **options)
    assert accepted_with(mocked, text) == []


@pytest.mark.parametrize("driver", DRIVERS)
def test_a_huge_timeout_waits_normally(mocked: MockedVendor, driver: str) -> None:
    # Regression: timeout=1e308 spent the credit and then raised OverflowError.
    task = run(
        mocked,
        driver,
        "generate",
        sunokit.Description(marker()),
        timeout=1e308,
        client_options={"poll_interval": 1e-3},
    )
    assert task.state == "succeeded"


# ------------------------------------------------------------------- 5. never billed twice

SUBMIT_FAULTS: list[dict[str, Any]] = [
    {"kind": "server_error"},
    {"kind": "server_error", "status": 503},
    {"kind": "maintenance"},
    {"kind": "slow", "delay": 0.6},
    {"kind": "malformed_json"},
    {"kind": "html_error"},
    {"kind": "html_error", "status": 503},
    {"kind": "html_error", "status": 429},
    {"kind": "empty_body"},
    {"kind": "empty_body", "status": 503},
    {"kind": "empty_body", "status": 429},
    {"kind": "drop_connection"},
]
SUBMIT_CASES = [
    pytest.param({**fault, "processed": processed}, id=f"{'-'.join(map(str, fault.values()))}-{p}")
    for fault in SUBMIT_FAULTS
    for processed, p in ((False, "unprocessed"), (True, "processed"))
    if not (processed and fault["kind"] in ("maintenance", "slow"))
]


# Each fault with one driver in make test, processed and not (sync and async alternate down
# the fault list, so each driver meets half of the faults both ways); the other driver deep.
SUBMIT_MATRIX = [
    pytest.param(
        case.values[0],
        driver,
        id=f"{driver}-{case.id}",
        marks=() if (index + DRIVERS.index(driver)) % 2 == 0 else (pytest.mark.deep,),
    )
    for index, fault in enumerate(SUBMIT_FAULTS)
    for case in SUBMIT_CASES
    if {k: v for k, v in case.values[0].items() if k != "processed"} == fault
    for driver in DRIVERS
]
assert len(SUBMIT_MATRIX) == 2 * len(SUBMIT_CASES)


@pytest.mark.parametrize(("fault", "driver"), SUBMIT_MATRIX)
def test_one_call_never_creates_two_tasks(
    mocked: MockedVendor, driver: str, fault: dict[str, Any]
) -> None:
    maintenance_before = mocked.stats.faults_applied["maintenance"]
    mocked.set_fault(fault["kind"], scope="submit", times=None, **_options(fault))
    text = marker()
    outcome: Any
    try:
        outcome = run(
            mocked,
            driver,
            "submit",
            sunokit.Description(text),
            client_options={"timeout": 0.3, "max_retries": 3},
        )
    except sunokit.SunokitError as error:
        outcome = error
    mocked.clear_faults()
    accepted = accepted_with(mocked, text)
    if isinstance(outcome, sunokit.Task):
        assert accepted == [outcome.task_id]
    else:
        assert len(accepted) <= 1, f"{len(accepted)} tasks for one call after {outcome!r}"
    if fault["kind"] in ("html_error", "empty_body") and fault.get("status") in (429, 503):
        # a bare page, not the vendor's own words: sent once, never again
        assert isinstance(outcome, sunokit.APIError)
    if fault["kind"] == "maintenance":
        # only the vendor's own maintenance code proves the submit was refused and re-sends it
        assert isinstance(outcome, sunokit.APIStatusError)
        documented = str(outcome.code) in _specs.error_kinds(mocked.vendor, "ResponseCode")
        refused = documented and isinstance(outcome, sunokit.MaintenanceError)
        sent = mocked.stats.faults_applied["maintenance"] - maintenance_before
        assert sent == (4 if refused else 1)
        if mocked.vendor in ("sunoapi_org", "apikley"):  # both document code 455
            assert documented


# ------------------------------------------------------------------ 5b. what proves unsent

NOT_SENT = {httpx.ConnectTimeout, httpx.PoolTimeout, httpx.ConnectError, httpx.UnsupportedProtocol}


def _httpx_exception_classes() -> list[type[Exception]]:
    found = []
    for name in dir(httpx):
        value = getattr(httpx, name)
        if isinstance(value, type) and issubclass(value, httpx.HTTPError):
            found.append(value)
    return sorted(found, key=lambda cls: cls.__name__)


@pytest.mark.parametrize("cls", _httpx_exception_classes(), ids=lambda cls: cls.__name__)
def test_each_httpx_exception_is_classified(cls: type[Exception]) -> None:
    core = _ClientCore(
        "sunoapi_org",
        api_key="k1",
        base_url="https://x.test",
        timeout=5,
        max_retries=0,
        callback_url=None,
        webhook_secret=None,
        poll_interval=1,
        clock=lambda: 0.0,
    )
    request = httpx.Request("POST", "https://x.test/api/v1/generate")
    response = httpx.Response(500, request=request)
    try:
        error = cls("boom", request=request)  # type: ignore[call-arg]
    except TypeError:
        try:
            error = cls("boom", request=request, response=response)  # type: ignore[call-arg]
        except TypeError:
            error = cls("boom")
    mapped = core.transport_error(error)
    assert isinstance(mapped, sunokit.APIError)
    if isinstance(error, httpx.TransportError):
        assert isinstance(mapped, sunokit.APIConnectionError)
        assert mapped.request_sent is (cls not in NOT_SENT), cls
        assert ("was not sent" in str(mapped)) is (cls in NOT_SENT)
        assert isinstance(mapped, sunokit.APITimeoutError) is issubclass(
            cls, httpx.TimeoutException
        )
    else:  # an answer arrived but could not be read (decoding, redirects)
        assert isinstance(mapped, sunokit.APIResponseError)
    assert {entry[0] for entry in TRANSPORT_ERRORS} >= NOT_SENT


def test_a_pool_timeout_is_not_a_maybe_sent_submit() -> None:
    """Regression: a submit that never got a connection was reported as maybe processed."""
    with mock_vendor("sunoapi_org", rate_limits=False) as mocked:
        mocked.set_fault("slow", scope="status", delay=2.0)
        limits = httpx.Limits(max_connections=1)
        timeout = httpx.Timeout(10.0, pool=0.2)
        with httpx.Client(limits=limits, timeout=timeout) as shared:
            holder = threading.Thread(
                target=lambda: shared.get(
                    f"{mocked.base_url}/api/v1/generate/record-info",
                    params={"taskId": "x"},
                    headers={"Authorization": f"Bearer {mocked.api_key}"},
                )
            )
            holder.start()
            try:
                _wait_until(lambda: mocked.stats.faults_applied["slow"] >= 1)
                client = sunokit.SunoClient(
                    "sunoapi_org",
                    api_key=mocked.api_key,
                    base_url=mocked.base_url,
                    callback_url="https://cb.test/hook",
                    http_client=shared,
                    max_retries=0,
                )
                text = marker()
                with pytest.raises(sunokit.APITimeoutError) as raised:
                    client.submit(sunokit.Description(text))
            finally:
                holder.join(timeout=10)
        assert raised.value.request_sent is False
        assert "was not sent" in str(raised.value)
        assert accepted_with(mocked, text) == []


def _wait_until(condition: Callable[[], bool], seconds: float = 5.0) -> None:
    for _ in range(int(seconds / 0.01)):
        if condition():
            return
        threading.Event().wait(0.01)
    raise AssertionError("condition not reached")


# --------------------------------------------------------- 6. the caller's httpx client


class _Recorder:
    """A transport standing in for the network: records what the caller's client sends and
    answers like a vendor (a successful submit) or like a third-party CDN."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.host == "cdn.example":
            return httpx.Response(200, content=b"file")
        vendor = "sunoapi_com" if "sunoapi.com" in request.url.host else "sunoapi_org"
        body = {"code": 200, "msg": "success", "message": "success"}
        body["data"] = {"taskId": "T1"} if vendor == "sunoapi_org" else {"task_id": "T2"}
        return httpx.Response(200, json=body)


def _headers_and_base(client: httpx.Client | httpx.AsyncClient) -> tuple[dict[str, str], str]:
    return dict(client.headers), str(client.base_url)


@pytest.mark.parametrize("driver", DRIVERS)
def test_a_shared_httpx_client_is_used_never_changed(driver: str) -> None:
    recorder = _Recorder()
    keys = {"sunoapi_org": "key-org-1111", "sunoapi_com": "key-com-2222"}
    urls = {"sunoapi_org": "https://api.sunoapi.org", "sunoapi_com": "https://api.sunoapi.com"}

    def clients(shared: Any, cls: Any) -> list[Any]:
        return [
            cls(
                vendor,
                api_key=keys[vendor],
                base_url=urls[vendor],
                callback_url="https://cb.test/hook",
                http_client=shared,
            )
            for vendor in keys
        ]

    if driver == "sync":
        shared = httpx.Client(transport=httpx.MockTransport(recorder), headers={"X-App": "1"})
        before = _headers_and_base(shared)
        org, com = clients(shared, sunokit.SunoClient)
        org.submit(sunokit.Description("a"))
        com.submit(sunokit.Description("b"))
        shared.get("https://cdn.example/file.mp3")
        org.close()
        com.close()
        assert not shared.is_closed
        shared.get("https://cdn.example/again.mp3")
        after = _headers_and_base(shared)
        shared.close()
    else:

        async def go() -> tuple[Any, Any, bool]:
            shared = httpx.AsyncClient(
                transport=httpx.MockTransport(recorder), headers={"X-App": "1"}
            )
            before = _headers_and_base(shared)
            org, com = clients(shared, sunokit.AsyncSunoClient)
            await org.submit(sunokit.Description("a"))
            await com.submit(sunokit.Description("b"))
            await shared.get("https://cdn.example/file.mp3")
            await org.aclose()
            await com.aclose()
            closed = shared.is_closed
            await shared.get("https://cdn.example/again.mp3")
            after = _headers_and_base(shared)
            await shared.aclose()
            return before, after, closed

        before, after, closed = asyncio.run(go())
        assert not closed
    assert before == after  # no key, no base URL written into the caller's client
    org_call, com_call, cdn_call, cdn_again = recorder.requests
    assert str(org_call.url).startswith("https://api.sunoapi.org/api/v1/generate")
    assert org_call.headers["Authorization"] == f"Bearer {keys['sunoapi_org']}"
    assert str(com_call.url).startswith("https://api.sunoapi.com/")
    assert com_call.headers["Authorization"] == f"Bearer {keys['sunoapi_com']}"
    for call in (org_call, com_call, cdn_call, cdn_again):
        assert call.headers["X-App"] == "1"  # the caller's own defaults still apply
    for call in (cdn_call, cdn_again):
        assert "Authorization" not in call.headers


def test_something_else_as_http_client_is_a_configuration_error() -> None:
    with pytest.raises(sunokit.ConfigurationError, match="http_client must be"):
        sunokit.SunoClient("sunoapi_org", api_key="k1", http_client=object())  # type: ignore[arg-type]


# -------------------------------------------------------------------------- 7. redaction

KEY_SHAPES = [
    "sk-live-4f9a8b7c6d5e",
    "3f2a9c1e-7b4d-4e8f-9a6b-1c2d3e4f5a6b",
    "QWxh+ZGRp/bjpvcGVu==",
    "eyJhbGciOi.eyJzdWIiOi.SflKxwRJ_adQ",
    "k",
]
ECHO_TEMPLATES = [
    "Invalid API key: {key}.",
    "Invalid API key: {key}",
    "bad key '{key}'",
    'token "{key}" rejected',
    "Authorization: Bearer {key}",
    "key={key}&retry=1",
    "see /v1/keys/{key}/usage",
    "({key})",
    "<{key}>-suffix",
    "{key}-expired, {key}.",
]
ERROR_FIELDS = {"sunoapi_org": "msg", "apikley": "msg"}


def _echo_body(vendor: str, text: str) -> dict[str, Any]:
    field = ERROR_FIELDS.get(vendor, "message")
    code: Any = "invalid_request" if vendor == "relay" else 401
    return {"code": code, field: text, "data": {"echo": [text, {"nested": text}]}}


@pytest.mark.parametrize("vendor", VENDORS)
@pytest.mark.parametrize("key", KEY_SHAPES)
def test_an_echoed_key_is_masked_everywhere(vendor: str, key: str) -> None:
    for template in ECHO_TEMPLATES:
        text = template.format(key=key)
        transport = httpx.MockTransport(
            lambda request, text=text: httpx.Response(401, json=_echo_body(vendor, text))
        )
        with httpx.Client(transport=transport) as http:
            client = sunokit.SunoClient(
                vendor, api_key=key, base_url="https://x.test", http_client=http, max_retries=0
            )
            with pytest.raises(sunokit.APIStatusError) as raised:
                client.get("T1")
        error = raised.value
        shown = [str(error), repr(error), error.message, repr(error.args), json.dumps(error.body)]
        for place in shown:
            assert not _contains_key(place, key), (template, place)
        assert "[redacted]" in error.message
        # the words around the key survive (a one-letter key does not eat words)
        for word in ("Invalid", "bad", "token", "rejected", "Authorization", "retry", "usage"):
            if word in template:
                assert word in error.message


def _contains_key(text: str, key: str) -> bool:
    if len(key) > 3:
        return key in text
    # a very short key is also a letter of ordinary words: look for it as a token only
    import re

    return re.search(rf"(?<![A-Za-z0-9]){re.escape(key)}(?![A-Za-z0-9])", text) is not None


class _EchoingVendor(http.server.BaseHTTPRequestHandler):
    """Answers every request with 401 and the key it received, in the vendor's envelope."""

    vendor = "sunoapi_org"

    def _answer(self) -> None:
        key = self.headers.get("Authorization", "").removeprefix("Bearer ")
        body = json.dumps(_echo_body(self.vendor, f"Invalid API key: {key}.")).encode()
        self.send_response(401)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.mark.parametrize("vendor", VENDORS)
def test_an_echoed_key_never_reaches_cli_output(
    vendor: str, tmp_path: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from sunokit.__main__ import main

    handler = type("Echo", (_EchoingVendor,), {"vendor": vendor})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    key = KEY_SHAPES[0]
    try:
        monkeypatch.setenv(get_adapter(vendor).env_var, key)
        url = f"http://127.0.0.1:{server.server_address[1]}"
        code = main(["wait", vendor, "T1", "--base-url", url, "--out", str(tmp_path)])
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
    out, err = capsys.readouterr()
    assert code != 0
    assert "[redacted]" in out + err  # the vendor's echo did reach the output, masked
    assert key not in out + err
    for written in tmp_path.rglob("*"):
        if written.is_file():
            assert key not in written.read_text(errors="replace")
