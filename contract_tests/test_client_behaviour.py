"""SunoClient and AsyncSunoClient: retries, the double-submit policy, wait(), keys.

Every test body runs over both drivers through the `facade` fixture.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import respx
import sunokit

KEY = "sk-live-0123456789abcdef"
BASE = "https://api.sunoapi.org"
SUBMIT = f"{BASE}/api/v1/generate"
STATUS = f"{BASE}/api/v1/generate/record-info"
REQUEST = sunokit.Description("a calm piano tune", callback_url="https://cb.test/hook")


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)


class Facade:
    """One interface over both drivers, so each test body runs sync and async."""

    def __init__(self, kind: str, time: FakeTime, **options: Any) -> None:
        self.kind = kind
        self.time = time
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
    assert raised.value.task.error == sunokit.TaskError(code=400, message="sensitive words")
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
    client = sunokit.SunoClient("sunosay", api_key=KEY)
    with pytest.raises(
        sunokit.UnsupportedRequestError,
        match=r"instrumental.*apikley.*relay.*sunoapi_com.*sunoapi_org",
    ):
        client.submit(sunokit.Instrumental("ambient", "Drift"))
    with pytest.raises(sunokit.UnsupportedRequestError, match=r"relay.*sunoapi_com"):
        sunokit.SunoClient("apikley", api_key=KEY).submit(sunokit.Inspiration("a cat"))


def test_unknown_model_names_vendors_that_have_it() -> None:
    client = sunokit.SunoClient("apikley", api_key=KEY)
    with pytest.raises(sunokit.UnsupportedRequestError, match=r"V3_5.*sunoapi_org"):
        client.submit(sunokit.Description("x", model="V3_5", callback_url="https://cb.test/h"))


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
