"""SunoClient and AsyncSunoClient: retries, the double-submit policy, wait(), keys.

Every test body runs over both drivers through the `facade` fixture.
"""

from __future__ import annotations

import asyncio
import http.server
import inspect
import json
import logging
import re
import ssl
import threading
from collections.abc import Callable
from typing import Any

import attrs
import httpx
import pytest
import respx
import sunokit
from hypothesis import given, settings
from hypothesis import strategies as st
from sunokit import _errors as sunokit_errors
from sunokit._adapters import get_adapter
from sunokit._retry import DEFAULT_MAX_RETRIES
from sunokit._waiting import Step, Until, Waiter, max_polls, progress

KEY = "sk-live-0123456789abcdef"
BASE = "https://api.sunoapi.org"
SUBMIT = f"{BASE}/api/v1/generate"
STATUS = f"{BASE}/api/v1/generate/record-info"
REQUEST = sunokit.Description("a calm piano tune", callback_url="https://cb.test/hook")


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []
        self.frozen = False  # a clock that never advances, however long one sleeps

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        if not self.frozen:
            self.now += seconds

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)


class Facade:
    """One interface over both drivers, so each test body runs sync and async."""

    def __init__(self, kind: str, time: FakeTime, **options: Any) -> None:
        self.kind = kind
        self.time = time
        time.frozen = options.pop("frozen", False)
        options.setdefault("api_key", KEY)
        if kind == "sync":
            self.client: Any = sunokit.SunoClient(
                options.pop("vendor", "sunoapi_org"), sleep=time.sleep, clock=time.clock, **options
            )
        else:
            self.client = sunokit.AsyncSunoClient(
                options.pop("vendor", "sunoapi_org"), sleep=time.asleep, clock=time.clock, **options
            )

    def __getattr__(self, name: str) -> Callable[..., Any]:
        method = getattr(self.client, name)
        if self.kind == "sync":
            return method  # type: ignore[no-any-return]
        return lambda *args, **kwargs: asyncio.run(method(*args, **kwargs))


@pytest.fixture(params=["sync", "async"])
def facade(request: pytest.FixtureRequest) -> Callable[..., Facade]:
    return lambda **options: Facade(request.param, FakeTime(), **options)


def record(status: str, *, tracks: int = 0, **extra: Any) -> dict[str, Any]:
    data = [
        {
            "id": f"t{i}",
            "audioUrl": f"https://cdn.test/{i}.mp3",
            "streamAudioUrl": "",
            "imageUrl": "",
            "prompt": "",
            "modelName": "chirp",
            "title": "Song",
            "tags": "pop",
            "createTime": 0,
            "duration": "104.88",
        }
        for i in range(tracks)
    ]
    return {
        "code": 200,
        "msg": "success",
        "data": {
            "taskId": "T1",
            "status": status,
            "response": {"taskId": "T1", "sunoData": data},
            **extra,
        },
    }


ACCEPTED = {"code": 200, "msg": "success", "data": {"taskId": "T1"}}


def test_submit_is_not_repeated_after_a_read_timeout(
    facade: Callable[..., Facade], respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.post(SUBMIT).mock(side_effect=httpx.ReadTimeout("slow"))
    client = facade()
    with pytest.raises(sunokit.APITimeoutError):
        client.submit(REQUEST)
    assert route.call_count == 1


def test_submit_is_not_repeated_after_an_ambiguous_5xx(
    facade: Callable[..., Facade], respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.post(SUBMIT).mock(
        return_value=httpx.Response(502, text="<html>bad gateway</html>")
    )
    with pytest.raises(sunokit.ServerError):
        facade().submit(REQUEST)
    assert route.call_count == 1


def test_submit_is_retried_when_refused_before_sending(
    facade: Callable[..., Facade], respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.post(SUBMIT).mock(
        side_effect=[httpx.ConnectError("refused"), httpx.Response(200, json=ACCEPTED)]
    )
    assert facade().submit(REQUEST).task_id == "T1"
    assert route.call_count == 2


def test_submit_retries_after_rate_limit_honouring_retry_after(
    facade: Callable[..., Facade], respx_mock: respx.MockRouter
) -> None:
    limited = httpx.Response(
        200, json={"code": 430, "msg": "too fast", "data": None}, headers={"Retry-After": "7"}
    )
    route = respx_mock.post(SUBMIT).mock(side_effect=[limited, httpx.Response(200, json=ACCEPTED)])
    client = facade()
    assert client.submit(REQUEST).task_id == "T1"
    assert route.call_count == 2
    assert client.time.sleeps == [7.0]


def test_apikley_429_is_a_rate_limit_but_sunoapi_org_429_is_credits(
    facade: Callable[..., Facade], respx_mock: respx.MockRouter
) -> None:
    respx_mock.post("https://api.apikley.ru/api/v1/generate").mock(
        side_effect=[
            httpx.Response(
                200, json={"code": 429, "msg": "slow down"}, headers={"Retry-After": "2"}
            ),
            httpx.Response(200, json=ACCEPTED),
        ]
    )
    org = respx_mock.post(SUBMIT).mock(
        return_value=httpx.Response(200, json={"code": 429, "msg": "no credits"})
    )
    assert facade(vendor="apikley").submit(REQUEST).task_id == "T1"
    with pytest.raises(sunokit.InsufficientCreditsError):
        facade().submit(REQUEST)
    assert org.call_count == 1


def test_status_is_retried_on_5xx_and_connection_errors(
    facade: Callable[..., Facade], respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.get(STATUS).mock(
        side_effect=[
            httpx.Response(503),
            httpx.ReadError("reset"),
            httpx.Response(200, json=record("SUCCESS", tracks=2)),
        ]
    )
    client = facade()
    task = client.get("T1")
    assert task.state == "succeeded"
    assert route.call_count == 3
    assert len(client.time.sleeps) == 2


def test_status_retries_are_bounded(
    facade: Callable[..., Facade], respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.get(STATUS).mock(
        return_value=httpx.Response(500, json={"code": 500, "msg": "boom"})
    )
    with pytest.raises(sunokit.ServerError):
        facade(max_retries=2).get("T1")
    assert route.call_count == 3


def test_invalid_request_never_reaches_the_network(
    facade: Callable[..., Facade], respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.post(SUBMIT).mock(return_value=httpx.Response(200, json=ACCEPTED))
    with pytest.raises(sunokit.ClientValidationError) as raised:
        facade().submit(sunokit.Description("x" * 401, callback_url="https://cb.test/hook"))
    assert isinstance(raised.value, ValueError)
    assert [v.path for v in raised.value.violations] == ["/prompt"]
    assert "400" in raised.value.violations[0].message
    assert route.call_count == 0
    respx_mock.post(SUBMIT).mock(return_value=httpx.Response(200, json=ACCEPTED))
    facade().submit(REQUEST)  # assert_all_called: the route is used once the request is valid


def test_wait_reports_each_change_and_returns_at_first(
    facade: Callable[..., Facade], respx_mock: respx.MockRouter
) -> None:
    respx_mock.get(STATUS).mock(
        side_effect=[
            httpx.Response(200, json=record("PENDING")),
            httpx.Response(200, json=record("PENDING")),
            httpx.Response(200, json=record("ANALYZING")),  # a status a newer server might add
            httpx.Response(200, json=record("TEXT_SUCCESS")),
            httpx.Response(200, json=record("FIRST_SUCCESS", tracks=1)),
        ]
    )
    seen: list[tuple[str, str | None]] = []
    task = facade(poll_interval=2).wait(
        "T1", until="first", on_update=lambda t: seen.append((t.state, t.vendor_state))
    )
    assert task.state == "first_ready"
    assert task.tracks[0].duration == 104.88
    assert seen == [
        ("queued", "PENDING"),
        ("unknown", "ANALYZING"),
        ("text_ready", "TEXT_SUCCESS"),
        ("first_ready", "FIRST_SUCCESS"),
    ]


def test_wait_raises_task_failed_with_the_vendors_reason(
    facade: Callable[..., Facade], respx_mock: respx.MockRouter
) -> None:
    respx_mock.get(STATUS).mock(
        return_value=httpx.Response(
            200, json=record("SENSITIVE_WORD_ERROR", errorCode=400, errorMessage="sensitive words")
        )
    )
    with pytest.raises(sunokit.TaskFailedError) as raised:
        facade().wait("T1")
    assert raised.value.task.error == sunokit.TaskError(
        code=400, message="sensitive words", kind="content_rejected"
    )
    assert raised.value.kind == "content_rejected"  # the spec's x-sunokit-failure-kinds
    assert "sensitive words" in str(raised.value)


def test_wait_respects_its_deadline(
    facade: Callable[..., Facade], respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.get(STATUS).mock(return_value=httpx.Response(200, json=record("PENDING")))
    client = facade(poll_interval=5)
    with pytest.raises(sunokit.WaitTimeoutError):
        client.wait("T1", timeout=12)
    assert route.call_count == 4  # t=0, 5, 10, 12
    assert sum(client.time.sleeps) == pytest.approx(12)


def test_missing_key_names_argument_and_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("APIKLEY_API_KEY", raising=False)
    with pytest.raises(sunokit.ConfigurationError, match=r"api_key=.*APIKLEY_API_KEY"):
        sunokit.SunoClient("apikley")
    monkeypatch.setenv("APIKLEY_API_KEY", KEY)
    client = sunokit.SunoClient("apikley")
    assert KEY not in repr(client)


def test_unknown_vendor() -> None:
    with pytest.raises(sunokit.ConfigurationError, match="sunoapi_org"):
        sunokit.SunoClient("suno-pirate", api_key=KEY)


def test_submit_limiter_keeps_under_20_per_10_seconds(
    facade: Callable[..., Facade], respx_mock: respx.MockRouter
) -> None:
    respx_mock.post(SUBMIT).mock(return_value=httpx.Response(200, json=ACCEPTED))
    client = facade()
    for _ in range(21):
        client.submit(REQUEST)
    assert client.time.sleeps == [pytest.approx(10.0)]


def test_unsupported_mode_names_vendors() -> None:
    # every vendor makes instrumentals now (SunoSay's generate-instrumental); inspiration is
    # the mode only two offer
    for vendor in ("apikley", "sunoapi_org", "sunosay"):
        with pytest.raises(
            sunokit.UnsupportedRequestError, match=r"inspiration.*relay.*sunoapi_com"
        ):
            sunokit.SunoClient(vendor, api_key=KEY).submit(sunokit.Inspiration("a cat"))


def test_unknown_model_names_vendors_that_have_it() -> None:
    client = sunokit.SunoClient("sunosay", api_key=KEY)
    with pytest.raises(sunokit.UnsupportedRequestError, match=r"V3_5.*sunoapi_org"):
        client.submit(sunokit.Description("x", model="V3_5"))


def test_wire_bodies_per_mode(respx_mock: respx.MockRouter) -> None:
    route = respx_mock.post(SUBMIT).mock(return_value=httpx.Response(200, json=ACCEPTED))
    client = sunokit.SunoClient("sunoapi_org", api_key=KEY, callback_url="https://cb.test/h")
    client.submit(
        sunokit.Instrumental("ambient", "Drift", tuning=sunokit.Tuning(style_weight=0.59))
    )
    assert json.loads(route.calls.last.request.content) == {
        "customMode": True,
        "instrumental": True,
        "style": "ambient",
        "title": "Drift",
        "model": "V4_5",
        "callBackUrl": "https://cb.test/h",
        "styleWeight": 0.59,
    }


# --------------------------------------------------------------------------- wait(): the pure core


@pytest.mark.parametrize("until", ["first", "complete"])
@pytest.mark.parametrize("state", sunokit.TaskState.__args__)  # type: ignore[attr-defined]
def test_progress_covers_every_state(state: sunokit.TaskState, until: Until) -> None:
    expected = {
        "succeeded": "reached",
        "first_ready": "reached" if until == "first" else "pending",
        "failed": "failed",
    }.get(state, "pending")
    assert progress(state, until) == expected


def test_waiter_decides_without_io() -> None:
    waiter = Waiter.start("T1", until="complete", timeout=12, interval=5, now=100.0)
    queued = sunokit.Task("sunoapi_org", "T1", "queued", "PENDING")
    assert waiter.observe(queued, now=100.0) == Step(notify=True, delay=5.0)
    assert waiter.observe(queued, now=105.0) == Step(notify=False, delay=5.0)
    odd = sunokit.Task("sunoapi_org", "T1", "unknown", "ANALYZING")
    assert waiter.observe(odd, now=110.0) == Step(notify=True, delay=2.0)  # up to the deadline
    step = waiter.observe(odd, now=112.0)
    assert isinstance(step.error, sunokit.WaitTimeoutError)
    assert step.error.task == odd
    failed = sunokit.Task("sunoapi_org", "T1", "failed", "CREATE_TASK_FAILED")
    step = Waiter.start("T1", until="first", timeout=5, interval=1, now=0).observe(failed, now=0)
    assert isinstance(step.error, sunokit.TaskFailedError)
    assert step.notify
    done = sunokit.Task("sunoapi_org", "T1", "first_ready", "FIRST_SUCCESS")
    step = Waiter.start("T1", until="first", timeout=5, interval=1, now=0).observe(done, now=0)
    assert step == Step(notify=True, done=True)


def test_waiter_is_bounded_by_polls_when_the_clock_stands_still() -> None:
    waiter = Waiter.start("T1", until="complete", timeout=10, interval=5, now=0.0)
    queued = sunokit.Task("sunoapi_org", "T1", "queued", "PENDING")
    steps = [waiter.observe(queued, now=0.0) for _ in range(max_polls(10, 5))]
    assert all(step.error is None for step in steps[:-1])
    assert isinstance(steps[-1].error, sunokit.WaitTimeoutError)


@pytest.mark.parametrize(
    "options",
    [{"until": "never"}, {"timeout": -1}, {"timeout": float("inf")}, {"interval": 0}],
)
def test_waiter_rejects_bad_options(options: dict[str, Any]) -> None:
    arguments: dict[str, Any] = {"until": "complete", "timeout": 10, "interval": 5, "now": 0.0}
    with pytest.raises(sunokit.ConfigurationError):
        Waiter.start("T1", **{**arguments, **options})


def test_a_frozen_clock_cannot_make_wait_spin(
    facade: Callable[..., Facade], respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.get(STATUS).mock(return_value=httpx.Response(200, json=record("PENDING")))
    client = facade(poll_interval=5, frozen=True)
    with pytest.raises(sunokit.WaitTimeoutError):
        client.wait("T1", timeout=20)
    assert route.call_count == max_polls(20, 5)


def test_generate_reports_each_change_once(
    facade: Callable[..., Facade], respx_mock: respx.MockRouter
) -> None:
    respx_mock.post(SUBMIT).mock(return_value=httpx.Response(200, json=ACCEPTED))
    respx_mock.get(STATUS).mock(
        side_effect=[
            httpx.Response(200, json=record("PENDING")),
            httpx.Response(200, json=record("PENDING")),
            httpx.Response(200, json=record("TEXT_SUCCESS")),
            httpx.Response(200, json=record("TEXT_SUCCESS")),
            httpx.Response(200, json=record("FIRST_SUCCESS", tracks=1)),
            httpx.Response(200, json=record("SUCCESS", tracks=2)),
        ]
    )
    seen: list[tuple[str, str | None]] = []
    task = facade(poll_interval=1).generate(
        REQUEST, on_update=lambda t: seen.append((t.state, t.vendor_state))
    )
    assert task.state == "succeeded"
    assert [track.audio_url for track in task.tracks] == [
        "https://cdn.test/0.mp3",
        "https://cdn.test/1.mp3",
    ]
    assert seen == [
        ("queued", None),  # the submitted task
        ("queued", "PENDING"),
        ("text_ready", "TEXT_SUCCESS"),
        ("first_ready", "FIRST_SUCCESS"),
        ("succeeded", "SUCCESS"),
    ]


def test_wait_fails_fast_on_a_failure_state_after_progress(
    facade: Callable[..., Facade], respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.get(STATUS).mock(
        side_effect=[
            httpx.Response(200, json=record("TEXT_SUCCESS")),
            httpx.Response(
                200, json=record("GENERATE_AUDIO_FAILED", errorCode=500, errorMessage="upstream")
            ),
        ]
    )
    with pytest.raises(sunokit.TaskFailedError) as raised:
        facade(poll_interval=1).wait("T1", until="first")
    assert raised.value.task.vendor_state == "GENERATE_AUDIO_FAILED"
    assert raised.value.task.error == sunokit.TaskError(code=500, message="upstream")
    assert raised.value.kind is None  # a generic failure: the spec gives it no kind
    assert route.call_count == 2


@pytest.mark.parametrize("poll_interval", [0, -1.0])
def test_poll_interval_must_be_positive(poll_interval: float) -> None:
    with pytest.raises(sunokit.ConfigurationError, match="poll_interval"):
        sunokit.SunoClient("sunoapi_org", api_key=KEY, poll_interval=poll_interval)


# --------------------------------------------------------------------------- the public surface


def test_constructor_signatures() -> None:
    for cls in (sunokit.SunoClient, sunokit.AsyncSunoClient):
        parameters = inspect.signature(cls).parameters
        assert next(iter(parameters)) == "vendor"
        assert parameters["vendor"].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
        expected = {
            "api_key": None,
            "base_url": None,
            "timeout": sunokit.DEFAULT_TIMEOUT,
            "max_retries": DEFAULT_MAX_RETRIES,
            "http_client": None,
        }
        for name, default in expected.items():
            assert parameters[name].kind is inspect.Parameter.KEYWORD_ONLY, (cls, name)
            assert parameters[name].default == default, (cls, name)
    assert sunokit.DEFAULT_TIMEOUT == 30.0


def test_sync_and_async_clients_have_the_same_methods() -> None:
    for name in ("submit", "get", "wait", "generate"):
        sync_method = getattr(sunokit.SunoClient, name)
        async_method = getattr(sunokit.AsyncSunoClient, name)
        assert not inspect.iscoroutinefunction(sync_method)
        assert inspect.iscoroutinefunction(async_method)
        assert inspect.signature(sync_method) == inspect.signature(async_method), name
    wait = inspect.signature(sunokit.SunoClient.wait).parameters
    assert wait["until"].default == "complete"
    assert wait["on_update"].default is None
    assert wait["timeout"].kind is inspect.Parameter.KEYWORD_ONLY


def test_requests_carry_the_explicit_default_timeout(
    facade: Callable[..., Facade], respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.get(STATUS).mock(return_value=httpx.Response(200, json=record("PENDING")))
    facade().get("T1")
    assert route.calls.last.request.extensions["timeout"] == httpx.Timeout(30.0).as_dict()
    facade(timeout=2.5).get("T1")
    assert route.calls.last.request.extensions["timeout"] == httpx.Timeout(2.5).as_dict()


def test_apikley_status_limiter_three_per_second_per_task(
    facade: Callable[..., Facade], respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.get("https://api.apikley.ru/api/v1/generate/record-info").mock(
        return_value=httpx.Response(200, json=record("PENDING"))
    )
    client = facade(vendor="apikley")
    for _ in range(3):
        client.get("A")
        client.get("B")  # another task has its own window
    assert client.time.sleeps == []
    client.get("A")
    assert client.time.sleeps == [pytest.approx(1.0)]
    assert route.call_count == 7


# --------------------------------------------------------------------------- the key stays secret


ECHOED = f"invalid token: Bearer {KEY}"


def test_an_echoed_key_is_redacted_from_the_error(
    facade: Callable[..., Facade], respx_mock: respx.MockRouter
) -> None:
    """A vendor that echoes the Authorization header must not put the key in our messages."""
    respx_mock.get(STATUS).mock(
        return_value=httpx.Response(200, json={"code": 401, "msg": ECHOED, "data": None})
    )
    with pytest.raises(sunokit.AuthenticationError) as raised:
        facade().get("T1")
    error = raised.value
    assert KEY not in f"{error} {error!r} {error.message} {error.args}"
    assert "[redacted]" in error.message
    # the raw answer as it came, but for the key
    assert error.body == {"code": 401, "msg": "invalid token: Bearer [redacted]", "data": None}


def test_redaction_masks_the_key_as_a_token_not_inside_words(respx_mock: respx.MockRouter) -> None:
    # Regression: a one-letter key "k" turned "apikley answered ..." into
    # "api[redacted]ley answered ..." in every error message.
    route = respx_mock.get(url__regex=r".*/record-info.*")
    client = sunokit.SunoClient("apikley", api_key="k", base_url="https://x.test", max_retries=0)
    with client:
        route.mock(return_value=httpx.Response(200, json={}))
        with pytest.raises(sunokit.APIResponseError) as unreadable:
            client.get("T1")
        route.mock(
            return_value=httpx.Response(200, json={"code": 401, "msg": "bad 'k' (Bearer k)"})
        )
        with pytest.raises(sunokit.AuthenticationError) as refused:
            client.get("T1")
    assert unreadable.value.message.startswith("apikley answered HTTP 200")
    assert "bad '[redacted]' (Bearer [redacted])" in refused.value.message


class _EchoingVendor(http.server.BaseHTTPRequestHandler):
    """Answers every request with 401 and the Authorization header it received."""

    def do_GET(self) -> None:
        body = json.dumps(
            {"code": 401, "msg": f"bad key {self.headers.get('Authorization')}", "data": None}
        ).encode()
        self.send_response(401)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def test_the_key_never_reaches_a_log_line_repr_or_message(caplog: pytest.LogCaptureFixture) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _EchoingVendor)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        with caplog.at_level(logging.DEBUG):
            logging.getLogger("httpx").setLevel(logging.DEBUG)
            logging.getLogger("httpcore").setLevel(logging.DEBUG)
            client = sunokit.SunoClient("sunoapi_org", api_key=KEY, base_url=base, max_retries=0)
            with client, pytest.raises(sunokit.AuthenticationError) as raised:
                client.get("T1")
            texts = [
                caplog.text,
                str(raised.value),
                repr(raised.value),
                repr(client),
                repr(client._clients[None]),  # the generated client keeps the token out of its repr
                repr(client._http[None]),
                repr(client._core),
            ]
            async_client = sunokit.AsyncSunoClient("sunoapi_org", api_key=KEY, base_url=base)
            texts.append(repr(async_client))
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
    assert "HTTP Request: GET" in caplog.text  # httpx did log the exchange
    assert "[redacted]" in raised.value.body["msg"]  # the vendor really echoed it
    texts.append(repr(raised.value.body))
    for text in texts:
        assert KEY not in text


# --------------------------------------------------------------------------- odd answers


TLS = ssl.create_default_context()
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["code", "data", "msg", "status", "taskId", "x"]), inner)
    ),
    max_leaves=12,
)


@pytest.mark.parametrize("vendor", sunokit.VENDORS)
@settings(max_examples=15)
@given(body=JSON, status=st.sampled_from([200, 400, 500]))
def test_any_json_answer_gives_a_task_or_a_sunokit_error(
    vendor: str, body: Any, status: int
) -> None:
    """Nothing generated code raises (ValueError, KeyError, TypeError...) escapes unwrapped."""
    adapter = get_adapter(vendor)
    call = adapter.status_call("T1")
    request = call.endpoint._get_kwargs(**call.kwargs)
    url = adapter.default_base_url + request["url"]
    with respx.mock(assert_all_called=True) as router:
        router.route(method=request["method"].upper(), url=url).mock(
            return_value=httpx.Response(status, json=body)
        )
        client = sunokit.SunoClient(
            vendor, api_key=KEY, max_retries=0, http_client=httpx.Client(verify=TLS)
        )
        result: sunokit.Task | sunokit.APIError
        try:
            result = client.get("T1")
        except sunokit.APIError as error:
            result = error
    assert result.vendor == vendor
    if isinstance(result, sunokit.Task):
        assert result.state in sunokit.TaskState.__args__  # type: ignore[attr-defined]


def test_task_and_track_fields() -> None:
    # the constructor's names (`raw` is kept as `_raw` and read through a property that builds
    # a lazily parsed generated model)
    assert [f.alias for f in attrs.fields(sunokit.Task)] == [
        "vendor",
        "task_id",
        "state",
        "vendor_state",
        "error",
        "tracks",
        "raw",
        "operation",
        "result",
        "dedupe_key",
    ]
    assert [f.name for f in attrs.fields(sunokit.Track)] == [
        "id",
        "title",
        "audio_url",
        "stream_url",
        "image_url",
        "duration",
        "tags",
        "lyrics",
        "model",
        "created_at",
        "task_id",
    ]
    assert [f.name for f in attrs.fields(sunokit.TaskError)] == ["code", "message", "kind"]
    assert set(sunokit.TaskState.__args__) == {  # type: ignore[attr-defined]
        "queued",
        "running",
        "text_ready",
        "first_ready",
        "succeeded",
        "failed",
        "unknown",
    }


@pytest.mark.parametrize(
    ("raw", "seconds"),
    [("240", 240.0), ("104.88", 104.88), (182.4, 182.4), (90, 90.0), (None, None), ("", None)],
)
def test_track_durations_become_numbers(
    raw: object, seconds: float | None, respx_mock: respx.MockRouter
) -> None:
    body = record("SUCCESS", tracks=1)
    body["data"]["response"]["sunoData"][0]["duration"] = raw
    respx_mock.get(STATUS).mock(return_value=httpx.Response(200, json=body))
    (track,) = sunokit.SunoClient("sunoapi_org", api_key=KEY).get("T1").tracks
    assert track.duration == seconds
    assert track.duration is None or type(track.duration) is float


def _drawn_tree() -> dict[str, str]:
    """child -> parent, read from the tree in the `_errors` module docstring."""
    parents: dict[str, str] = {}
    stack: list[str] = []
    for line in (sunokit_errors.__doc__ or "").splitlines():
        found = re.match(r"^(\s*)((?:[│ ]   )*)(?:[├└]── )?([A-Za-z]+Error)\b", line)
        if not found:
            continue
        depth = len(found.group(2)) // 4 + (1 if "── " in line else 0)
        name = found.group(3)
        del stack[depth:]
        if stack:
            parents[name] = stack[-1]
        stack.append(name)
    return parents


def test_the_error_tree_in_the_docstring_is_the_real_one() -> None:
    drawn = _drawn_tree()
    classes = {
        name: getattr(sunokit_errors, name)
        for name in sunokit_errors.__all__
        if isinstance(getattr(sunokit_errors, name), type)
        and issubclass(getattr(sunokit_errors, name), sunokit_errors.SunokitError)
    }
    # the one warning stands apart from the tree, as a UserWarning
    assert issubclass(sunokit_errors.UnknownValueWarning, UserWarning)
    assert set(drawn) | {"SunokitError"} == set(classes)
    for name, parent in drawn.items():
        bases = [base.__name__ for base in classes[name].__bases__ if base.__name__ in classes]
        assert bases == [parent], (name, bases, parent)
    # The builtins a caller may catch instead.
    for name in ("ClientValidationError", "ConfigurationError", "CallbackError"):
        assert issubclass(classes[name], ValueError)
