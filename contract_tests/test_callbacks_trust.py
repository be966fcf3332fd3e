"""Callbacks you can trust (issue 8): a secret for a vendor that signs nothing is refused, a
SunoAPI.com delivery replayed to another job's URL is refused, and bodies are bounded (bytes
before decoding, tracks before validation, nesting) with a CallbackError naming the bound.

The speed of `parse` is measured by bench/callbacks_parse.py, not here.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sunokit import CallbackError, ConfigurationError, _callbacks_schema, callbacks

from .test_callbacks import (
    EXAMPLES,
    FAST,
    SIGNED_VENDOR,
    STAGED_VENDORS,
    _mutations,
    example,
    json_values,
)

SECRET = "whsec-Trust-Me-Not-9b2e71"


def hmac_hex(key: str, body: bytes) -> str:
    return hmac.new(key.encode(), body, hashlib.sha256).hexdigest()


def webhook() -> bytes:
    return json.dumps(example(SIGNED_VENDOR, "doc-song-completed")).encode()


def tracks_of(vendor: str, document: dict[str, Any]) -> list[Any]:
    """The track list of a callback body, as the docs lay it out (stated here, not read)."""
    tracks: list[Any] = document["data"] if vendor == SIGNED_VENDOR else document["data"]["data"]
    return tracks


def complete(vendor: str) -> dict[str, Any]:
    return example(vendor, "doc-song-completed" if vendor == SIGNED_VENDOR else "doc-complete")


CALLBACK_VENDORS = (*STAGED_VENDORS, SIGNED_VENDOR)


# --------------------------------------------------------------------------------------------
# 8. A secret for a vendor that signs nothing is refused, not ignored


@pytest.mark.parametrize("vendor", STAGED_VENDORS)
@pytest.mark.parametrize("option", ["secret", "job"])
def test_a_secret_for_an_unsigned_vendor_is_refused(vendor: str, option: str) -> None:
    body = json.dumps(complete(vendor))
    options: dict[str, str] = {"secret": SECRET} if option == "secret" else {"job": "job-1"}
    with pytest.raises(ConfigurationError) as caught:
        callbacks.unwrap(vendor, body, {}, **options)  # type: ignore[arg-type]
    message = str(caught.value)
    signing = [v for v in callbacks.callback_vendors() if callbacks.signature_header(v)]
    assert signing == [SIGNED_VENDOR]
    assert f"vendors that sign: {SIGNED_VENDOR}" in message
    assert "client.get(task_id)" in message
    assert SECRET not in message


# --------------------------------------------------------------------------------------------
# 9. SunoAPI.com: a delivery bound to its job


def test_job_secret_is_the_documented_hmac() -> None:
    expected = hmac.new(
        SECRET.encode(), b"sunokit webhook secret for job\x00job-42", hashlib.sha256
    ).hexdigest()
    assert callbacks.job_secret(SECRET, "job-42") == expected
    assert callbacks.job_secret(SECRET, "job-43") != expected
    assert SECRET not in expected


@pytest.mark.parametrize(("secret", "job"), [("", "job"), (SECRET, ""), (SECRET, 7), (None, "j")])
def test_job_secret_needs_a_secret_and_a_job(secret: Any, job: Any) -> None:
    with pytest.raises(ConfigurationError, match="non-empty"):
        callbacks.job_secret(secret, job)


def test_a_delivery_signed_for_its_job_verifies_there() -> None:
    body = webhook()
    headers = {"X-Signature": hmac_hex(callbacks.job_secret(SECRET, "job-a"), body)}
    task = callbacks.unwrap(SIGNED_VENDOR, body, headers, secret=SECRET, job="job-a")
    assert task.state == "succeeded"


def test_a_delivery_replayed_to_another_jobs_url_is_refused() -> None:
    body = webhook()  # captured at job-a's URL, signed with job-a's secret
    headers = {"X-Signature": hmac_hex(callbacks.job_secret(SECRET, "job-a"), body)}
    with pytest.raises(CallbackError, match="signed for another job") as caught:
        callbacks.unwrap(SIGNED_VENDOR, body, headers, secret=SECRET, job="job-b")
    assert SECRET not in str(caught.value)
    assert headers["X-Signature"] not in str(caught.value)


def test_with_job_the_client_wide_secret_no_longer_verifies() -> None:
    body = webhook()  # signed with the shared secret: valid at every URL, so not for a job
    with pytest.raises(CallbackError, match="signature mismatch"):
        callbacks.unwrap(
            SIGNED_VENDOR, body, {"X-Signature": hmac_hex(SECRET, body)}, secret=SECRET, job="j"
        )


@pytest.mark.parametrize("vendor", STAGED_VENDORS)
def test_expected_task_id_refuses_another_task(vendor: str) -> None:
    value = complete(vendor)
    body = json.dumps(value)
    task_id = value["data"]["task_id"]
    assert callbacks.unwrap(vendor, body, {}, expected_task_id=task_id).task_id == task_id
    with pytest.raises(CallbackError, match="looks like a replay"):
        callbacks.unwrap(vendor, body, {}, expected_task_id="another-task")


def test_expected_task_id_with_a_body_naming_no_task_is_refused() -> None:
    body = webhook()  # the documented SunoAPI.com body names no task
    headers = {"X-Signature": hmac_hex(SECRET, body)}
    with pytest.raises(CallbackError, match=r"names no task id.*job="):
        callbacks.unwrap(SIGNED_VENDOR, body, headers, secret=SECRET, expected_task_id="t-1")


def test_expected_task_id_with_a_signed_body_naming_its_task() -> None:
    body = json.dumps({**json.loads(webhook()), "task_id": "t-1"}).encode()
    headers = {"X-Signature": hmac_hex(SECRET, body)}
    task = callbacks.unwrap(SIGNED_VENDOR, body, headers, secret=SECRET, expected_task_id="t-1")
    assert task.task_id == "t-1"
    with pytest.raises(CallbackError, match="looks like a replay"):
        callbacks.unwrap(SIGNED_VENDOR, body, headers, secret=SECRET, expected_task_id="t-2")


# --------------------------------------------------------------------------------------------
# 10/11. Bounds


def padded(value: dict[str, Any], size: int) -> bytes:
    """The body as JSON, padded with trailing whitespace to exactly `size` bytes."""
    raw = json.dumps(value).encode()
    assert len(raw) <= size
    return raw + b" " * (size - len(raw))


def test_the_default_bounds_are_documented() -> None:
    assert callbacks.DEFAULT_MAX_BYTES == 1 << 20
    assert callbacks.DEFAULT_MAX_TRACKS == 100
    assert callbacks.__doc__ is not None
    assert "1 MiB" in callbacks.__doc__
    assert "64 KB" in callbacks.__doc__  # the sizing argument


@pytest.mark.parametrize("vendor", CALLBACK_VENDORS)
def test_a_body_at_the_byte_bound_parses_and_one_byte_more_is_refused(vendor: str) -> None:
    value = complete(vendor)
    assert callbacks.parse(vendor, padded(value, 4096), max_bytes=4096).state == "succeeded"
    with pytest.raises(CallbackError, match="4097 bytes, over the max_bytes bound of 4096"):
        callbacks.parse(vendor, padded(value, 4097), max_bytes=4096)
    at_default = padded(value, callbacks.DEFAULT_MAX_BYTES)
    assert callbacks.parse(vendor, at_default).state == "succeeded"
    with pytest.raises(CallbackError, match="max_bytes bound of 1048576"):
        callbacks.parse(vendor, at_default + b" ")


def test_the_byte_bound_is_checked_before_decoding() -> None:
    # 15 MB that is not even JSON: refused for its size, without being decoded.
    with pytest.raises(CallbackError, match="15000000 bytes, over the max_bytes"):
        callbacks.parse("sunoapi_org", b"\xff" * 15_000_000)
    with pytest.raises(CallbackError, match="over the max_bytes"):
        callbacks.parse("sunoapi_org", bytearray(b"[" * 2_000_000))
    with pytest.raises(CallbackError, match="over the max_bytes"):
        callbacks.parse("sunoapi_org", memoryview(b"{" * 2_000_000))  # type: ignore[arg-type]


def test_a_str_body_counts_its_utf8_bytes() -> None:
    value = complete("sunoapi_org")
    text = json.dumps(value, ensure_ascii=False)
    room = 4096 - len(text.encode())
    lyric = "歌" * (room // 3 + 1)  # 3 UTF-8 bytes each: over 4096 bytes, under 4096 characters
    value["data"]["data"][0]["prompt"] += lyric
    body = json.dumps(value, ensure_ascii=False)
    assert len(body) < 4096 < len(body.encode())
    with pytest.raises(CallbackError, match="over the max_bytes bound of 4096"):
        callbacks.parse("sunoapi_org", body, max_bytes=4096)
    assert callbacks.parse("sunoapi_org", body, max_bytes=8192).tracks[0].lyrics is not None


def test_unwrap_checks_the_size_before_the_signature() -> None:
    body = padded(json.loads(webhook()), 2048)
    headers = {"X-Signature": "0" * 64}  # wrong: the size must be what is reported
    with pytest.raises(CallbackError, match="over the max_bytes bound of 1024"):
        callbacks.unwrap(SIGNED_VENDOR, body, headers, secret=SECRET, max_bytes=1024)
    with pytest.raises(CallbackError, match="over the max_bytes bound of 1048576"):
        callbacks.unwrap(SIGNED_VENDOR, body + b" " * (1 << 20), headers, secret=SECRET)


@pytest.mark.parametrize("vendor", CALLBACK_VENDORS)
def test_a_body_at_the_track_bound_parses_and_one_track_more_is_refused(vendor: str) -> None:
    value = complete(vendor)
    tracks = tracks_of(vendor, value)
    tracks[:] = [copy.deepcopy(tracks[0]) for _ in range(callbacks.DEFAULT_MAX_TRACKS)]
    assert len(callbacks.parse(vendor, json.dumps(value)).tracks) == 100
    tracks.append(copy.deepcopy(tracks[0]))
    where = "data" if vendor == SIGNED_VENDOR else "data.data"
    message = f"callback field {where} lists 101 tracks, over the max_tracks bound of 100"
    with pytest.raises(CallbackError, match=message):
        callbacks.parse(vendor, json.dumps(value))
    with pytest.raises(CallbackError, match=message):
        callbacks.parse(vendor, value)  # a decoded body is bounded too
    assert len(callbacks.parse(vendor, value, max_tracks=101).tracks) == 101


def test_many_tiny_tracks_are_refused_before_validation() -> None:
    # 300,000 empty tracks fit in 1 MiB; each one used to cost a schema walk (seconds in all).
    # Invalid tracks prove the count is checked first: validation would name a missing field.
    body = (
        b'{"code": 200, "data": {"callbackType": "complete", "data": ['
        + b",".join([b"{}"] * 300_000)
        + b"]}}"
    )
    assert len(body) < callbacks.DEFAULT_MAX_BYTES
    with pytest.raises(CallbackError, match="lists 300000 tracks, over the max_tracks"):
        callbacks.parse("sunoapi_org", body)


@pytest.mark.parametrize("name", ["max_bytes", "max_tracks"])
@pytest.mark.parametrize("bad", [0, -1, 1.5, "100", True, None])
def test_bad_bounds_are_a_configuration_error(name: str, bad: Any) -> None:
    body = json.dumps(complete("sunoapi_org"))
    with pytest.raises(ConfigurationError, match=f"{name} must be a positive integer"):
        callbacks.parse("sunoapi_org", body, **{name: bad})
    with pytest.raises(ConfigurationError, match=f"{name} must be a positive integer"):
        callbacks.unwrap("sunoapi_org", body, {}, **{name: bad})


def _deep(depth: int) -> Any:
    node: Any = []
    for _ in range(depth):
        node = [node]
    return node


@pytest.mark.parametrize("vendor", CALLBACK_VENDORS)
@pytest.mark.parametrize("opening", ["[", '{"a":'])
def test_deep_nesting_inside_a_body_is_a_callback_error(vendor: str, opening: str) -> None:
    closing = "]" if opening == "[" else "}"
    deep = opening * 100_000 + "0" + closing * 100_000
    text = json.dumps(complete(vendor))
    body = text[:-1] + ', "extra": ' + deep + "}"
    assert len(body) < callbacks.DEFAULT_MAX_BYTES
    with pytest.raises(CallbackError, match="nested too deeply"):
        callbacks.parse(vendor, body)


def test_a_deep_decoded_body_is_a_callback_error() -> None:
    value = complete("sunoapi_org")
    value["extra"] = _deep(100_000)
    with pytest.raises(CallbackError, match="nested too deeply"):
        callbacks.parse("sunoapi_org", value)


# --------------------------------------------------------------------------------------------
# The fast validator never accepts what the Python validator refuses


def _agree(vendor: str, document: Any) -> None:
    """jsonschema_rs and the Python validator agree on the body, for every kind's schema, in
    both readings (lenient: accept; strict: tell kinds apart)."""
    for kind in callbacks.callback_kinds(vendor):
        for strict in (False, True):
            fast = _callbacks_schema._fast(vendor, kind.schema_name, strict)
            assert fast is not None, "jsonschema_rs is a dev dependency"
            try:
                accepted = fast.is_valid(document)
            except Exception:  # it cannot take the value: parse falls back to Python
                continue
            python = _callbacks_schema._slow(vendor, kind.schema_name, strict)
            assert accepted == python.is_valid(document), (vendor, kind, strict, document)
        # and measure the same distance from each kind (which kind is nearest)
        try:
            fast_distance = _callbacks_schema.closeness(vendor, kind.schema_name, document)
        except CallbackError:  # nested too deeply for the Python validator: refused anyway
            continue
        python_distance = _callbacks_schema.closeness(
            vendor, kind.schema_name, document, accelerated=False
        )
        assert fast_distance == python_distance, (vendor, kind, document)


@pytest.mark.parametrize(("vendor", "name", "value"), EXAMPLES)
def test_the_fast_validator_agrees_on_every_example(
    vendor: str, name: str, value: dict[str, Any]
) -> None:
    _agree(vendor, value)


@FAST
@given(data=st.data(), replacement=json_values)
def test_the_fast_validator_agrees_on_mutated_examples(
    data: st.DataObject, replacement: Any
) -> None:
    vendor, _, value = data.draw(st.sampled_from([p.values for p in EXAMPLES]))
    path = data.draw(st.sampled_from([path for path in _mutations(value) if path]))
    mutated = copy.deepcopy(value)
    node = mutated
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = replacement
    _agree(vendor, mutated)


_WITHOUT_RS = """
import json, sys
sys.modules["jsonschema_rs"] = None  # as if it were not installed
from sunokit import callbacks, CallbackError
out = []
for vendor, value in json.load(sys.stdin):
    try:
        task = callbacks.parse(vendor, json.dumps(value))
        out.append(task.to_dict())
    except CallbackError as error:
        out.append(str(error))
print(json.dumps(out))
"""


def test_without_jsonschema_rs_parse_gives_the_same_answers() -> None:
    cases = [(vendor, value) for vendor, _, value in (p.values for p in EXAMPLES)]
    broken = complete("sunoapi_org")
    broken["data"]["data"][0]["title"] = 5
    cases.append(("sunoapi_org", broken))
    expected: list[Any] = []
    for vendor, value in cases:
        try:
            expected.append(callbacks.parse(vendor, json.dumps(value)).to_dict())
        except CallbackError as error:
            expected.append(str(error))
    assert any(
        str(answer).startswith(
            "callback field data.data[0].title must be a string or null (got integer)"
        )
        for answer in expected
    )
    result = subprocess.run(
        [sys.executable, "-c", _WITHOUT_RS],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert json.loads(result.stdout) == json.loads(json.dumps(expected))


_IMPORT_LIGHT = """
import sys
import sunokit
before = set(sys.modules)
import sunokit.callbacks
from sunokit.callbacks import parse, unwrap, callback_kinds
added = set(sys.modules) - before
heavy = {"jsonschema", "referencing", "jsonschema_rs", "sunokit._adapters", "sunokit._validation"}
print(sorted(name for name in added if name.split(".")[0] in heavy or name in heavy))
"""


def test_importing_callbacks_imports_no_validator() -> None:
    # another engineer cuts `import sunokit`: callbacks compiles its schemas at the first parse
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_LIGHT], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]", result.stdout
