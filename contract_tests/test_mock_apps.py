"""The local mock vendors (`sunokit.mock`): every answer in the vendor's shape and valid against
its spec, the task lifecycle by an injected clock, media, callbacks, rate limits, credits, the
sensitive word, and each fault switch. Fast: time is driven by a ManualClock, never slept.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import io
import json
import logging
import struct
import subprocess
import sys
import time
import warnings
import wave
import zlib
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import httpx
import pytest
from sunokit import _specs, callbacks
from sunokit.mock import (
    FAULT_KINDS,
    CallbackRecord,
    Fault,
    ManualClock,
    MockVendor,
    StageTimings,
    create_app,
    serve_in_thread,
)

from .spec_tools import VENDORS, examples, load, resolve, validator

with warnings.catch_warnings():  # starlette asks for httpx2, which is not installed here
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

AUTH = {"Authorization": "Bearer sk-mock"}
HOOK = "https://receiver.test/hook"
SECRET = "whsec-mock-secret"
KIE = ("apikley", "sunoapi_org")
SUBMIT_ROLES = ("submit", "extend", "extend-instrumental")

# Where each vendor's submit answer carries the task id (the specs' success examples).
TASK_ID_AT = {
    "apikley": ("data", "taskId"),
    "sunoapi_org": ("data", "taskId"),
    "sunosay": ("task_id",),
    "sunoapi_com": ("data", "task_id"),
    "relay": ("data",),
}

# A short valid submit body per vendor; "prompt" is where the sensitive-word test writes.
SIMPLE: dict[str, dict[str, Any]] = {
    "apikley": {
        "customMode": False,
        "instrumental": False,
        "model": "V4",
        "prompt": "a calm piano tune",
        "callBackUrl": HOOK,
    },
    "sunoapi_org": {
        "customMode": False,
        "instrumental": False,
        "model": "V4",
        "prompt": "a calm piano tune",
        "callBackUrl": HOOK,
    },
    "sunosay": {"prompt": "a calm piano tune"},
    "sunoapi_com": {
        "custom_mode": False,
        "prompt": "a calm piano tune",
        "mv": "chirp-v4",
        "webhook_url": HOOK,
        "webhook_secret": SECRET,
    },
    "relay": {"gpt_description_prompt": "a calm piano tune", "mv": "chirp-v4"},
}
PROMPT_FIELD = {"relay": "gpt_description_prompt"}

_UNSET: Any = object()


# --------------------------------------------------------------------------- reading answers


def dig(body: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        body = body[key]
    return body


def spec_states(vendor: str, schema: str) -> dict[str, str]:
    return _specs.task_states(vendor, schema)


def kind_of(vendor: str, response: httpx.Response) -> str | None:
    """The error kind an answer means by the spec's tables (None for a success)."""
    body = response.json()
    code = body.get("code") if isinstance(body, dict) else None
    if code in (200, "success"):
        return None
    if code is not None:
        return _specs.error_kinds(vendor, "ResponseCode").get(str(code))
    table = load(vendor)["components"]["schemas"]["ErrorResponse"].get(
        "x-sunokit-http-status-kinds", {}
    )
    kind = table.get(str(response.status_code))
    return str(kind) if kind is not None else None


def neutral_of(vendor: str, body: Any) -> str:
    """The neutral task state of a status answer, by the spec's x-sunokit-task-states."""
    if vendor == "sunoapi_com":  # TaskResponse rule task-state-from-clips
        order = ["queued", "running", "text_ready", "first_ready", "succeeded"]
        states = [spec_states(vendor, "ClipState")[clip["state"]] for clip in body["data"]]
        if "failed" in states:
            return "failed"
        return min(states, key=order.index)
    value = body["status"] if vendor == "sunosay" else body["data"]["status"]
    return spec_states(vendor, "TaskStatus")[value]


def vendor_state(vendor: str, body: Any) -> Any:
    if vendor == "sunoapi_com":
        return [clip["state"] for clip in body["data"]]
    return body["status"] if vendor == "sunosay" else body["data"]["status"]


def tracks_of(vendor: str, body: Any) -> list[tuple[str, str, float]]:
    """(audio URL, image URL, duration) of every finished track of a status answer."""
    found = []
    if vendor in KIE:
        for track in body["data"]["response"]["sunoData"]:
            found.append((track["audioUrl"], track["imageUrl"], float(track["duration"])))
    elif vendor == "sunosay":
        for clip in body["clips"]:
            found.append((clip["audio_url"], clip["image_url"], float(clip["duration"])))
    elif vendor == "sunoapi_com":
        for clip in body["data"]:
            found.append((clip["audio_url"], clip["image_url"], float(clip["duration"])))
    else:
        for clip in body["data"]["data"]:
            found.append(
                (clip["audio_url"], clip["image_url"], float(clip["metadata"]["duration"]))
            )
    return found


def failure_reason(vendor: str, body: Any) -> str:
    if vendor in KIE:
        return str(body["data"]["errorMessage"])
    if vendor == "sunosay":
        return str(body["message"])
    if vendor == "sunoapi_com":
        return str(body["data"][0]["error_message"])
    return str(body["data"]["fail_reason"])


def expected_neutral(vendor: str, schema: str, chain: tuple[str, ...]) -> str:
    """The first neutral state of `chain` the vendor's table has (no text stage -> running)."""
    values = set(spec_states(vendor, schema).values())
    return next(state for state in chain if state in values)


def response_schema(vendor: str, operation: _specs.Operation, status: int) -> Mapping[str, Any]:
    responses = load(vendor)["paths"][operation.path][operation.method]["responses"]
    key = str(status) if str(status) in responses else "default"
    schema: Mapping[str, Any] = responses[key]["content"]["application/json"]["schema"]
    return schema


def check_answer(vendor: str, operation: _specs.Operation, response: httpx.Response) -> None:
    """The answer is JSON that validates against the spec's schema for its status."""
    assert response.headers["content-type"].startswith("application/json")
    schema = response_schema(vendor, operation, response.status_code)
    errors = list(validator(vendor, schema).iter_errors(response.json()))
    assert not errors, [error.message for error in errors]


def callback_schema(vendor: str) -> Mapping[str, Any]:
    definition = load(vendor)["paths"][_specs.operation(vendor, "submit").path]["post"]
    for callback in definition["callbacks"].values():
        for item in callback.values():
            schema: Mapping[str, Any] = item["post"]["requestBody"]["content"]["application/json"][
                "schema"
            ]
            return schema
    raise AssertionError(f"{vendor} documents no callback")


def request_examples(vendor: str, role: str, *, invalid: bool = False) -> list[Any]:
    operation = _specs.operation(vendor, role)
    trail = f"{operation.path}/{operation.method}/requestBody/content"
    return [ex for ex in examples(vendor, invalid=invalid) if ex.trail == trail]


# --------------------------------------------------------------------------- harness


class Harness:
    """One mock behind a TestClient (no lifespan: callbacks go out on /__mock__/tick only)."""

    def __init__(self, vendor: str, **options: Any) -> None:
        self.vendor = vendor
        self.clock = ManualClock()
        options.setdefault("timings", StageTimings(1, 2, 3))
        options.setdefault("callback_backoff", 0)
        options.setdefault("callback_transport", recorder([]))  # never the network
        self.mock: MockVendor = create_app(vendor, clock=self.clock, **options)
        self.http = TestClient(self.mock)

    def call(
        self,
        role: str,
        *,
        body: Any = _UNSET,
        task_id: str | None = None,
        headers: Mapping[str, str] = AUTH,
        content: bytes | None = None,
        check: bool = True,
    ) -> httpx.Response:
        operation = _specs.operation(self.vendor, role)
        path, params = operation.path, {}
        for parameter in operation.definition.get("parameters", ()):
            if parameter["in"] == "path":
                path = path.replace("{" + parameter["name"] + "}", str(task_id))
            elif parameter["in"] == "query" and task_id is not None:
                params[parameter["name"]] = task_id
        if body is _UNSET:
            if role in SUBMIT_ROLES:
                body = SIMPLE[self.vendor]
            elif operation.request_schema_pointer is not None:
                schema = resolve(load(self.vendor), {"$ref": operation.request_schema_pointer})
                body = {schema["required"][0]: task_id}
            else:
                body = None
        response: httpx.Response = self.http.request(
            operation.method.upper(),
            path,
            params=params,
            json=body if content is None and body is not None else None,
            content=content,
            headers=dict(headers),
        )
        if check:
            check_answer(self.vendor, operation, response)
        return response

    def submit(self, body: Any = _UNSET) -> str:
        response = self.call("submit", body=body)
        assert kind_of(self.vendor, response) is None, response.text
        task_id = dig(response.json(), TASK_ID_AT[self.vendor])
        assert isinstance(task_id, str)
        assert task_id
        return task_id

    def status(self, task_id: str, **options: Any) -> httpx.Response:
        return self.call("status", task_id=task_id, **options)

    def tick(self) -> dict[str, int]:
        response = self.http.post("/__mock__/tick")
        assert response.status_code == 200
        result: dict[str, int] = response.json()
        return result

    def stats(self) -> dict[str, Any]:
        response = self.http.get("/__mock__/stats")
        assert response.status_code == 200
        result: dict[str, Any] = response.json()
        return result


@pytest.fixture
def harness() -> Iterator[Callable[..., Harness]]:
    made: list[Harness] = []

    def make(vendor: str, **options: Any) -> Harness:
        made.append(Harness(vendor, **options))
        return made[-1]

    yield make
    for item in made:
        item.http.close()


def recorder(
    received: list[httpx.Request], statuses: list[int] | None = None
) -> httpx.MockTransport:
    """A callback receiver answering the given statuses in turn (then 200)."""
    plan = list(statuses or [])

    def handle(request: httpx.Request) -> httpx.Response:
        received.append(request)
        status = plan.pop(0) if plan else 200
        return httpx.Response(status, json={"code": 200, "msg": "success"})

    return httpx.MockTransport(handle)


# --------------------------------------------------------------------------- auth and validation


@pytest.mark.parametrize("vendor", VENDORS)
def test_missing_or_wrong_key_is_the_vendors_401_answer(
    vendor: str, harness: Callable[..., Harness]
) -> None:
    h = harness(vendor)
    for headers in ({}, {"Authorization": "Bearer sk-wrong"}, {"Authorization": "sk-mock"}):
        response = h.call("submit", headers=headers)
        assert kind_of(vendor, response) == "authentication", response.text
    task_id = h.submit()
    assert kind_of(vendor, h.status(task_id, headers={})) == "authentication"
    assert h.mock.stats.accepted_submissions == 1


@pytest.mark.parametrize(
    "example",
    [
        ex
        for vendor in VENDORS
        for role in (
            "submit",
            "extend",
            "extend-instrumental",
            "status",
            "status-batch",
        )
        if _specs.has_operation(vendor, role)
        and _specs.operation(vendor, role).request_schema_pointer
        for ex in request_examples(vendor, role, invalid=True)
    ],
    ids=lambda ex: ex.id,
)
def test_invalid_request_examples_get_the_invalid_request_answer_naming_the_field(
    example: Any, harness: Callable[..., Harness]
) -> None:
    h = harness(example.vendor)
    role = next(
        op.role
        for op in _specs.operations(example.vendor)
        if example.trail.startswith(f"{op.path}/{op.method}/")
    )
    response = h.call(role, body=example.value)
    assert kind_of(example.vendor, response) == "invalid_request", response.text
    text = json.dumps(response.json(), ensure_ascii=False)
    assert example.expect["field"] in text
    assert h.mock.stats.accepted_submissions == 0


@pytest.mark.parametrize("vendor", VENDORS)
def test_every_documented_request_example_is_accepted(
    vendor: str, harness: Callable[..., Harness]
) -> None:
    h = harness(vendor)
    accepted = 0
    for role in SUBMIT_ROLES:
        if not _specs.has_operation(vendor, role):
            continue
        for example in request_examples(vendor, role):
            response = h.call(role, body=example.value)
            assert kind_of(vendor, response) is None, (example.id, response.text)
            accepted += 1
    assert accepted >= 2
    assert h.mock.stats.accepted_submissions == accepted


@pytest.mark.parametrize("vendor", VENDORS)
@pytest.mark.parametrize(
    "content", [b'{"prompt": ', b"", b"[1, 2]", b"\xff\xfe", b'{"prompt": NaN}'], ids=repr
)
def test_unparseable_body_is_an_invalid_request_never_a_500(
    vendor: str, content: bytes, harness: Callable[..., Harness]
) -> None:
    h = harness(vendor)
    response = h.call("submit", content=content)
    assert response.status_code < 500
    assert kind_of(vendor, response) == "invalid_request", response.text


@pytest.mark.parametrize("vendor", VENDORS)
def test_undeclared_method_is_405_with_allow_and_unknown_path_404(
    vendor: str, harness: Callable[..., Harness]
) -> None:
    h = harness(vendor)
    paths: dict[str, list[_specs.Operation]] = {}
    for operation in _specs.operations(vendor):
        paths.setdefault(operation.path, []).append(operation)
    for path, operations in paths.items():
        declared = sorted(op.method.upper() for op in operations)
        other = next(m for m in ("DELETE", "PUT", "PATCH") if m not in declared)
        concrete = path.replace("{task_id}", "x").replace("{id}", "x")
        response = h.http.request(other, concrete, headers=AUTH)
        assert response.status_code == 405
        assert response.headers["allow"] == ", ".join(declared)
        check_answer(vendor, operations[0], response)
    response = h.http.get("/no/such/path", headers=AUTH)
    assert response.status_code == 404
    body = response.json()
    assert "code" in body or "error" in body
    errors = validator(vendor, {"$ref": "#/components/schemas/ErrorResponse"}).iter_errors(body)
    assert not list(errors)


# --------------------------------------------------------------------------- lifecycle and media


@pytest.mark.parametrize("vendor", VENDORS)
def test_lifecycle_through_every_stage_with_the_specs_state_values(
    vendor: str, harness: Callable[..., Harness]
) -> None:
    h = harness(vendor)
    task_id = h.submit()
    schema = "ClipState" if vendor == "sunoapi_com" else "TaskStatus"
    chains = [
        ("queued",),
        ("text_ready", "running", "queued"),
        ("first_ready", "running", "text_ready"),
        ("succeeded",),
    ]
    seen = []
    for chain in chains:
        body = h.status(task_id).json()
        assert neutral_of(vendor, body) == expected_neutral(vendor, schema, chain)
        seen.append(vendor_state(vendor, body))
        h.clock.advance(1)
    if vendor in KIE:
        assert seen == ["PENDING", "TEXT_SUCCESS", "FIRST_SUCCESS", "SUCCESS"]
    body = h.status(task_id).json()
    assert h.mock.stats.polls[task_id] == 5
    tracks = tracks_of(vendor, body)
    assert len(tracks) == 2
    assert len({duration for _, _, duration in tracks}) == 2
    for audio_url, image_url, duration in tracks:
        assert audio_url.startswith("http://testserver/__mock__/media/")
        audio = h.http.get(audio_url)
        assert audio.status_code == 200
        assert audio.headers["content-type"] == "audio/wav"
        with wave.open(io.BytesIO(audio.content)) as wav:
            assert wav.getnframes() / wav.getframerate() == pytest.approx(duration)
            assert wav.getnchannels() == 1
        image = h.http.get(image_url)
        assert image.headers["content-type"] == "image/png"
        check_png(image.content)


def check_png(data: bytes) -> None:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    offset, chunks = 8, {}
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind, payload = data[offset + 4 : offset + 8], data[offset + 8 : offset + 8 + length]
        (crc,) = struct.unpack(">I", data[offset + 8 + length : offset + 12 + length])
        assert zlib.crc32(kind + payload) & 0xFFFFFFFF == crc
        chunks[kind] = payload
        offset += 12 + length
    width, height = struct.unpack(">II", chunks[b"IHDR"][:8])
    assert len(zlib.decompress(chunks[b"IDAT"])) == height * (1 + 3 * width)
    assert b"IEND" in chunks


def test_zero_timings_complete_immediately_and_unknown_tasks_are_not_found(
    harness: Callable[..., Harness],
) -> None:
    for vendor in VENDORS:
        h = harness(vendor, timings=StageTimings(0, 0, 0))
        body = h.status(h.submit()).json()
        assert neutral_of(vendor, body) == "succeeded"
        assert kind_of(vendor, h.status("no-such-task")) == (
            "invalid_request" if vendor == "sunoapi_com" else "not_found"
        )  # sunoapi_com: 400 "task not found." (refined to not_found by message)


def test_unknown_media_is_404(harness: Callable[..., Harness]) -> None:
    h = harness("relay")
    assert h.http.get("/__mock__/media/nope.wav").status_code == 404


def test_relay_batch_fetch_lists_known_tasks(harness: Callable[..., Harness]) -> None:
    h = harness("relay")
    first, second = h.submit(), h.submit()
    response = h.call("status-batch", body={"ids": [first, "unknown", second]})
    assert [dto["task_id"] for dto in response.json()["data"]] == [first, second]
    assert h.call("status-batch", body={"ids": []}).json()["data"] == []
    assert h.mock.stats.polls == {first: 1, second: 1}


# --------------------------------------------------------------------------- credits, words, limits


@pytest.mark.parametrize("vendor", VENDORS)
def test_credits_run_out(vendor: str, harness: Callable[..., Harness]) -> None:
    # a create costs what the vendor documents (SunoAPI.com: 10 a call), else 1
    probe = harness(vendor)
    cost = probe.mock.dialect.create_cost(_specs.operation(vendor, "submit").operation_id, {})
    assert cost == (10 if vendor == "sunoapi_com" else 1)
    h = harness(vendor, credits=2 * cost + cost - 1)
    h.submit()
    h.submit()
    response = h.call("submit")
    assert kind_of(vendor, response) == "insufficient_credits", response.text
    assert h.mock.stats.accepted_submissions == 2
    assert h.stats()["credits"] == cost - 1  # a refused create bills nothing
    assert h.http.post("/__mock__/credits", json={"credits": cost}).json() == {"credits": cost}
    h.submit()
    assert h.stats()["credits"] == 0
    if _specs.has_operation(vendor, "credits"):
        assert h.call("credits").json()["credits"] == 0


@pytest.mark.parametrize("vendor", VENDORS)
def test_sensitive_word_ends_in_the_content_failure_state(
    vendor: str, harness: Callable[..., Harness]
) -> None:
    h = harness(vendor, sensitive_word="Forbidden")
    field = PROMPT_FIELD.get(vendor, "prompt")
    task_id = h.submit({**SIMPLE[vendor], field: "a FORBIDDEN tune"})
    assert neutral_of(vendor, h.status(task_id).json()) == "queued"
    h.clock.advance(1)
    body = h.status(task_id).json()
    assert neutral_of(vendor, body) == "failed"
    assert "sensitive" in failure_reason(vendor, body)
    if vendor in KIE:
        kinds = load(vendor)["components"]["schemas"]["TaskStatus"]["x-sunokit-failure-kinds"]
        assert kinds[body["data"]["status"]] == "content_rejected"
        assert body["data"]["status"] == "SENSITIVE_WORD_ERROR"
    h.clock.advance(5)
    assert neutral_of(vendor, h.status(task_id).json()) == "failed"


def test_sunoapi_org_rate_limit_hits_at_the_21st_submit_in_10_seconds(
    harness: Callable[..., Harness],
) -> None:
    h = harness("sunoapi_org")
    limit = _specs.operation("sunoapi_org", "submit").rate_limit
    assert limit is not None
    assert (limit.requests, limit.per_seconds) == (20, 10)
    for _ in range(20):
        h.submit()
        h.clock.advance(0.1)
    response = h.call("submit")
    assert kind_of("sunoapi_org", response) == "rate_limited"
    assert response.json()["code"] in (405, 430)
    assert h.mock.stats.accepted_submissions == 20
    assert h.mock.stats.rate_limited == 1
    h.clock.advance(10)
    h.submit()


def test_apikley_status_is_limited_to_3_per_second_per_task(
    harness: Callable[..., Harness],
) -> None:
    h = harness("apikley")
    first, second = h.submit(), h.submit()
    for _ in range(3):
        assert kind_of("apikley", h.status(first)) is None
    limited = h.status(first)
    assert kind_of("apikley", limited) == "rate_limited"
    assert limited.json()["code"] == 429
    assert kind_of("apikley", h.status(second)) is None  # per task
    h.clock.advance(1)
    assert kind_of("apikley", h.status(first)) is None
    assert h.mock.stats.polls[first] == 4


def test_rate_limits_can_be_switched_off(harness: Callable[..., Harness]) -> None:
    h = harness("apikley", rate_limits=False)
    task_id = h.submit()
    for _ in range(10):
        assert kind_of("apikley", h.status(task_id)) is None


# --------------------------------------------------------------------------- faults


@pytest.mark.parametrize("vendor", VENDORS)
def test_server_error_fault_is_scoped_and_counted(
    vendor: str, harness: Callable[..., Harness]
) -> None:
    h = harness(vendor, faults=[Fault("server_error", scope="submit", times=2, status=503)])
    task_ids = []
    for _ in range(2):
        response = h.call("submit")
        assert response.status_code == 503
        assert kind_of(vendor, response) == "server_error"
    task_ids.append(h.submit())
    assert h.mock.stats.accepted_submissions == 1
    h.mock.set_fault("server_error", scope="status")
    h.submit()  # submit is out of the fault's scope
    response = h.status(task_ids[0])
    assert response.status_code == 500
    assert kind_of(vendor, h.status(task_ids[0])) is None
    assert h.mock.stats.faults_applied["server_error"] == 3


@pytest.mark.parametrize("vendor", VENDORS)
def test_maintenance_fault(vendor: str, harness: Callable[..., Harness]) -> None:
    h = harness(vendor)
    h.mock.set_fault("maintenance")
    response = h.call("submit")
    has_maintenance = "maintenance" in _specs.error_kinds(vendor, "ResponseCode").values()
    if vendor in KIE:
        assert response.json()["code"] == 455
    if has_maintenance or vendor == "relay":
        assert kind_of(vendor, response) == "maintenance"
    else:  # no maintenance code documented: the vendor's documented server error
        assert kind_of(vendor, response) == "server_error"
        assert response.status_code in (200, response.json()["code"])
    assert h.mock.stats.accepted_submissions == 0
    h.submit()


@pytest.mark.parametrize("vendor", VENDORS)
def test_broken_body_faults(vendor: str, harness: Callable[..., Harness]) -> None:
    h = harness(vendor)
    h.mock.set_fault("malformed_json", scope="status")
    h.mock.set_fault("html_error", scope="submit")
    h.mock.set_fault(Fault("empty_body", scope="submit"))
    html = h.call("submit", check=False)
    assert html.status_code == 502
    assert html.headers["content-type"].startswith("text/html")
    assert "<html>" in html.text
    empty = h.call("submit", check=False)
    assert (empty.status_code, empty.content) == (200, b"")
    task_id = h.submit()
    malformed = h.status(task_id, check=False)
    assert malformed.headers["content-type"] == "application/json"
    with pytest.raises(json.JSONDecodeError):
        json.loads(malformed.content)
    assert kind_of(vendor, h.status(task_id)) is None
    assert h.mock.stats.accepted_submissions == 1


@pytest.mark.parametrize("vendor", VENDORS)
def test_dropped_connection_fault(vendor: str, harness: Callable[..., Harness]) -> None:
    h = harness(vendor)
    h.mock.set_fault("drop_connection", scope="submit")
    with pytest.raises(httpx.RemoteProtocolError):
        h.call("submit")
    assert h.mock.stats.accepted_submissions == 0
    h.mock.set_fault("drop_connection", scope="submit", processed=True)
    with pytest.raises(httpx.RemoteProtocolError):
        h.call("submit")
    assert h.mock.stats.accepted_submissions == 1  # accepted, but the answer was lost
    h.submit()
    assert h.mock.stats.accepted_submissions == 2


@pytest.mark.parametrize("vendor", VENDORS)
def test_unknown_status_and_extra_fields_faults(
    vendor: str, harness: Callable[..., Harness]
) -> None:
    h = harness(vendor)
    h.mock.set_fault("extra_fields", times=None)
    task_id = h.submit()  # answers with unknown fields still validate (open schemas)
    assert "x_sunokit_mock_extra" in h.call("submit").json()
    body = h.status(task_id).json()
    assert "x_sunokit_mock_extra" in body
    nested = body["data"] if vendor != "sunosay" else body["prompt"]
    nested = nested[0] if isinstance(nested, list) else nested
    assert "x_sunokit_mock_extra" in nested
    h.mock.clear_faults()
    h.mock.set_fault("unknown_status", scope="status", value="ANALYZING")
    odd = h.status(task_id, check=False).json()
    values = vendor_state(vendor, odd)
    assert values == (["ANALYZING"] * 2 if vendor == "sunoapi_com" else "ANALYZING")
    assert vendor_state(vendor, h.status(task_id).json()) != values


@pytest.mark.parametrize("vendor", VENDORS)
def test_slow_fault_and_fail_task_fault(vendor: str, harness: Callable[..., Harness]) -> None:
    h = harness(vendor)
    h.mock.set_fault("slow", delay=0.05, scope="submit")
    h.mock.set_fault("fail_task")
    started = time.monotonic()
    task_id = h.submit()
    assert time.monotonic() - started >= 0.05
    h.clock.advance(1)
    body = h.status(task_id).json()
    assert neutral_of(vendor, body) == "failed"
    if vendor in KIE:
        assert body["data"]["status"] != "SENSITIVE_WORD_ERROR"
    assert neutral_of(vendor, h.status(h.submit()).json()) == "queued"  # times=1


def test_media_faults(harness: Callable[..., Harness]) -> None:
    h = harness("sunoapi_org", timings=StageTimings(0, 0, 0))
    audio_url = tracks_of("sunoapi_org", h.status(h.submit()).json())[0][0]
    h.mock.set_fault("drop_connection", scope="media")
    with pytest.raises(httpx.RemoteProtocolError):
        h.http.get(audio_url)
    h.mock.set_fault("server_error", scope="all")  # "all" means the vendor API, not media
    assert h.http.get(audio_url).status_code == 200
    h.mock.clear_faults()
    h.mock.set_fault("server_error", scope="media", status=502)
    assert h.http.get(audio_url).status_code == 502


def test_control_endpoints(harness: Callable[..., Harness]) -> None:
    h = harness("sunosay")
    added = h.http.post(
        "/__mock__/faults", json=[{"kind": "server_error", "scope": "submit", "times": 1}]
    )
    assert added.status_code == 200
    assert added.json()["faults"][0]["remaining"] == 1
    assert h.call("submit").status_code == 500
    h.submit()
    stats = h.stats()
    assert stats["accepted_submissions"] == 1
    assert stats["faults_applied"] == {"server_error": 1}
    assert stats["requests"]["submit"] == 2
    assert stats["faults"] == []
    for bad in (
        {"kind": "nope"},
        {"kind": "slow", "delay": -1},
        {"scope": "all"},
        {"kind": "slow", "x": 1},
    ):
        assert h.http.post("/__mock__/faults", json=bad).status_code == 400
    h.http.post("/__mock__/faults", json={"faults": [{"kind": "maintenance", "times": None}]})
    assert len(h.http.get("/__mock__/faults").json()["faults"]) == 1
    assert h.http.delete("/__mock__/faults").json() == {"faults": []}
    assert h.http.post("/__mock__/clock", json={"advance": 2}).json() == {"now": 2.0}
    assert h.http.post("/__mock__/clock", json={"advance": "x"}).status_code == 400
    assert set(FAULT_KINDS) >= {"server_error", "drop_connection", "unknown_status"}
    assert next(iter(h.http.get("/__mock__/tasks").json().values()))["stage"] == "first"


# --------------------------------------------------------------------------- callbacks


@pytest.mark.parametrize("vendor", KIE)
def test_staged_callbacks_at_each_stage(vendor: str, harness: Callable[..., Harness]) -> None:
    received: list[httpx.Request] = []
    h = harness(vendor, callback_transport=recorder(received))
    task_id = h.submit()
    assert h.tick()["delivered"] == 0
    for stage in ("text", "first", "complete"):
        h.clock.advance(1)
        assert h.tick() == {"delivered": 1, "failed": 0, "pending": 0}
        body = json.loads(received[-1].content)
        assert str(received[-1].url) == HOOK
        assert body["data"]["callbackType"] == stage
        assert body["data"]["task_id"] == task_id
        assert not list(validator(vendor, callback_schema(vendor)).iter_errors(body))
        assert callbacks.parse(vendor, received[-1].content).task_id == task_id
    assert callbacks.parse(vendor, received[-1].content).state == "succeeded"
    assert h.tick()["delivered"] == 0  # each stage once
    assert h.mock.stats.callbacks_delivered == 3


@pytest.mark.parametrize("vendor", KIE)
def test_sensitive_word_error_callback(vendor: str, harness: Callable[..., Harness]) -> None:
    received: list[httpx.Request] = []
    h = harness(vendor, callback_transport=recorder(received), timings=StageTimings(0, 0, 0))
    h.submit({**SIMPLE[vendor], "prompt": "forbidden lyrics"})
    h.tick()
    [request] = received
    body = json.loads(request.content)
    assert body["data"]["callbackType"] == "error"
    assert _specs.error_kinds(vendor, "CallbackCode")[str(body["code"])] == "content_rejected"
    assert not list(validator(vendor, callback_schema(vendor)).iter_errors(body))
    assert callbacks.parse(vendor, request.content).state == "failed"


def test_failing_receiver_is_retried_a_bounded_number_of_times(
    harness: Callable[..., Harness],
) -> None:
    received: list[httpx.Request] = []
    h = harness(
        "sunoapi_org", callback_transport=recorder(received, [500, 503]), callback_attempts=3
    )
    h.submit()
    h.clock.advance(1)
    assert h.tick()["delivered"] == 1
    assert len(received) == 3  # two failures, then delivered
    assert h.mock.callbacks[0].attempts == 3

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    h2 = harness(
        "apikley", callback_transport=httpx.MockTransport(refuse), timings=StageTimings(0, 0, 0)
    )
    task_id = h2.submit()  # due at once: they go out after this answer, then are given up
    assert h2.tick()["pending"] == 0
    stats = h2.stats()
    assert (stats["callbacks_failed"], stats["callback_attempts"]) == (3, 9)
    assert kind_of("apikley", h2.status(task_id)) is None  # the app carries on
    assert h2.http.get("/__mock__/callbacks").json()[0]["state"] == "failed"


def test_sunoapi_com_webhook_on_final_state_signed(harness: Callable[..., Harness]) -> None:
    received: list[httpx.Request] = []
    h = harness("sunoapi_com", callback_transport=recorder(received))
    h.submit()
    unsigned = {
        key: value for key, value in SIMPLE["sunoapi_com"].items() if key != "webhook_secret"
    }
    h.submit(unsigned)
    for _ in range(2):
        h.clock.advance(1)
        h.tick()
    assert received == []  # only the final state is announced
    h.clock.advance(1)
    assert h.tick()["delivered"] == 2
    signed, plain = received
    expected = hmac.new(SECRET.encode(), signed.content, hashlib.sha256).hexdigest()
    assert signed.headers["X-Signature"] == expected
    callbacks.verify_signature(signed.content, signed.headers["X-Signature"], SECRET)
    assert "X-Signature" not in plain.headers
    for request in received:
        body = json.loads(request.content)
        assert not list(validator("sunoapi_com", callback_schema("sunoapi_com")).iter_errors(body))
        assert {clip["state"] for clip in body["data"]} == {"succeeded"}


@pytest.mark.parametrize("vendor", ["sunosay", "relay"])
def test_vendors_without_documented_callbacks_send_none(
    vendor: str, harness: Callable[..., Harness]
) -> None:
    received: list[httpx.Request] = []
    h = harness(vendor, callback_transport=recorder(received), timings=StageTimings(0, 0, 0))
    h.submit({**SIMPLE[vendor], "notify_hook": HOOK} if vendor == "relay" else SIMPLE[vendor])
    h.tick()
    assert received == []


def test_due_callbacks_go_out_after_the_next_answer_without_a_worker(
    harness: Callable[..., Harness],
) -> None:
    received: list[httpx.Request] = []
    h = harness("sunoapi_org", callback_transport=recorder(received))
    h.submit()
    h.clock.advance(3)
    assert received == []
    h.call("submit")  # any vendor call delivers what is due (the TestClient has no lifespan)
    assert [json.loads(r.content)["data"]["callbackType"] for r in received] == [
        "text",
        "first",
        "complete",
    ]
    assert h.tick() == {"delivered": 0, "failed": 0, "pending": 0}


def test_lifespan_worker_delivers_callbacks_without_a_tick() -> None:
    received: list[httpx.Request] = []
    mock = create_app(
        "sunoapi_org",
        timings=StageTimings(0, 0, 0),
        callback_transport=recorder(received),
        worker_interval=0.005,
    )
    with TestClient(mock) as http:
        assert (
            http.post("/api/v1/generate", json=SIMPLE["sunoapi_org"], headers=AUTH).status_code
            == 200
        )
        deadline = time.monotonic() + 5
        while mock.stats.callbacks_delivered < 3 and time.monotonic() < deadline:
            time.sleep(0.01)
    assert [json.loads(r.content)["data"]["callbackType"] for r in received] == [
        "text",
        "first",
        "complete",
    ]


# --------------------------------------------------------------------------- over real HTTP


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def test_served_by_uvicorn_drop_is_a_protocol_error_and_callbacks_flow() -> None:
    records = _Records()
    logging.getLogger("uvicorn.error").addHandler(records)
    try:
        with (
            serve_in_thread(
                "sunoapi_org",
                timings=StageTimings(0, 0, 0),
                callback_backoff=0,
                worker_interval=0.01,
            ) as server,
            httpx.Client(base_url=server.base_url, headers=AUTH, timeout=5) as http,
        ):
            assert server.base_url.startswith("http://127.0.0.1:")
            body = {**SIMPLE["sunoapi_org"], "callBackUrl": f"{server.base_url}/__mock__/inbox"}
            task_id = http.post("/api/v1/generate", json=body).json()["data"]["taskId"]
            status = http.get("/api/v1/generate/record-info", params={"taskId": task_id}).json()
            audio_url = status["data"]["response"]["sunoData"][0]["audioUrl"]
            assert audio_url.startswith(server.base_url + "/__mock__/media/")
            assert http.get(audio_url).content[:4] == b"RIFF"
            deadline = time.monotonic() + 5
            while len(server.mock.inbox) < 3 and time.monotonic() < deadline:
                time.sleep(0.01)
            stages = [item["body"]["data"]["callbackType"] for item in server.mock.inbox]
            assert stages == ["text", "first", "complete"]
            server.mock.set_fault("drop_connection", scope="submit")
            with pytest.raises(httpx.RemoteProtocolError):
                http.post("/api/v1/generate", json=body)
            assert http.get("/__mock__/stats").json()["accepted_submissions"] == 1
    finally:
        logging.getLogger("uvicorn.error").removeHandler(records)
    problems = [r for r in records.records if r.levelno >= logging.ERROR or r.exc_info]
    assert not problems, [r.getMessage() for r in problems]


def test_serve_prints_the_base_url() -> None:
    code = "from sunokit.mock import serve; serve('relay', log_level='warning')"
    with subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as process:
        try:
            assert process.stdout is not None
            line = process.stdout.readline()
            assert line.startswith("sunokit mock: relay on http://127.0.0.1:")
            base_url = line.split(" on ", 1)[1].split(" ", 1)[0]
            assert f"use base_url={base_url}, api_key=sk-mock" in line
            deadline = time.monotonic() + 10
            while True:
                try:
                    stats = httpx.get(f"{base_url}/__mock__/stats", timeout=2)
                    break
                except httpx.TransportError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.05)
            assert stats.json()["vendor"] == "relay"
        finally:
            process.terminate()
            process.wait(10)


class _StuckReceiver(httpx.AsyncBaseTransport):
    """A receiver that never answers; cancelled, delivery `n` takes n x 20 ms to let go (as
    closing a connection takes a few turns of the loop). Records what was in flight when the
    mock's callback client closed."""

    def __init__(self, expected: int) -> None:
        self.expected = expected
        self.all_waiting = asyncio.Event()
        self.waiting = 0
        self.in_flight = 0
        self.in_flight_at_close: int | None = None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.in_flight += 1
        self.waiting += 1
        number = self.waiting
        if number == self.expected:
            self.all_waiting.set()
        try:
            await asyncio.Event().wait()
        finally:
            await asyncio.sleep(0.02 * number)
            self.in_flight -= 1
        raise AssertionError("unreachable")  # pragma: no cover

    async def aclose(self) -> None:
        self.in_flight_at_close = self.in_flight


def test_a_delivery_pass_stopped_at_shutdown_lets_every_delivery_finish_before_closing() -> None:
    """The lifespan's shutdown cancels the callback worker mid-pass: the pass's client must not
    close while deliveries still run (gather without return_exceptions ended at the first
    cancelled delivery and left the others running on a closed client)."""
    receiver = _StuckReceiver(expected=3)
    mock = create_app("sunoapi_org", callback_transport=receiver, callback_backoff=0)
    for number in range(3):  # one group per task: three deliveries at once
        url = "http://receiver.test/hook"
        mock.callbacks.append(CallbackRecord(f"t{number}", "complete", url, b"{}", {}))

    async def scenario() -> None:
        delivering = asyncio.ensure_future(mock._delivery_pass())
        await receiver.all_waiting.wait()
        delivering.cancel()
        with pytest.raises(asyncio.CancelledError):
            await delivering

    asyncio.run(scenario())
    assert receiver.in_flight_at_close == 0
