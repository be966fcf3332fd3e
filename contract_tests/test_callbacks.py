"""Callbacks: every callback example in the specs parses to the expected Task, garbage raises only
CallbackError, SunoAPI.com signatures are checked, and a receiver built from the specs survives
schemathesis fuzzing (valid payloads -> 200 with a Task, garbage -> 400, never 500).
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
import typing
from collections.abc import Iterator, Mapping
from typing import Any

import attrs
import pytest
import schemathesis
import sunokit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openapi_spec_validator import validate as validate_openapi
from schemathesis.config import SchemathesisConfig
from schemathesis.generation import GenerationMode
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from sunokit import CallbackError, ConfigurationError, Task, Track, _specs, callbacks
from sunokit._models import TaskState
from sunokit._specs import VENDORS, load_spec

STAGED_VENDORS = ("apikley", "sunoapi_org")  # {code, msg, data: {callbackType, task_id, data}}
SIGNED_VENDOR = "sunoapi_com"
SECRET = "whsec-Do-Not-Leak-4f1c9a"

# The docs' stage meanings, stated here independently of the specs' tables.
STAGE_STATES = {
    "text": "text_ready",
    "first": "first_ready",
    "complete": "succeeded",
    "error": "failed",
    "failed": "failed",
}

FAST = settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)


# --------------------------------------------------------------------------------------------
# The specs' callback examples


def _body_ref(post: Mapping[str, Any]) -> str:
    return str(post["requestBody"]["content"]["application/json"]["schema"].get("$ref", ""))


def callback_posts(vendor: str) -> Iterator[Mapping[str, Any]]:
    """paths.*.post.callbacks.*.*.post of a spec whose body is the task callback that
    `callbacks.parse` reads: the one of the submit operation (other operations reuse it; the
    callbacks of other kinds of job, e.g. lyrics, have bodies of their own)."""
    posts = [
        callback_item["post"]
        for item in load_spec(vendor)["paths"].values()
        for callback in (item.get("post", {}).get("callbacks") or {}).values()
        for callback_item in callback.values()
    ]
    submit = load_spec(vendor)["paths"][_specs.operation(vendor, "submit").path]["post"]
    task_refs = {
        _body_ref(callback_item["post"])
        for callback in (submit.get("callbacks") or {}).values()
        for callback_item in callback.values()
    }
    yield from (post for post in posts if _body_ref(post) in task_refs)


def callback_examples() -> list[Any]:
    found = []
    for vendor in VENDORS:
        for post in callback_posts(vendor):
            media = post["requestBody"]["content"]["application/json"]
            for name, example in media.get("examples", {}).items():
                found.append(pytest.param(vendor, name, example["value"], id=f"{vendor}:{name}"))
    return found


EXAMPLES = callback_examples()


def test_the_specs_have_callback_examples_for_every_stage() -> None:
    assert callbacks.callback_vendors() == ("apikley", "sunoapi_com", "sunoapi_org")
    for vendor in STAGED_VENDORS:
        stages = {p.values[2]["data"]["callbackType"] for p in EXAMPLES if p.values[0] == vendor}
        assert stages == set(STAGE_STATES), vendor
        codes = {p.values[2]["code"] for p in EXAMPLES if p.values[0] == vendor}
        assert 200 in codes
        assert len(codes) > 2, "one example per failure code"
    assert any(p.values[0] == SIGNED_VENDOR for p in EXAMPLES)


@pytest.mark.parametrize(("vendor", "name", "value"), EXAMPLES)
def test_spec_callback_example_parses(vendor: str, name: str, value: dict[str, Any]) -> None:
    task = callbacks.parse(vendor, value)
    assert isinstance(task, Task)
    assert task.vendor == vendor
    if vendor in STAGED_VENDORS:
        data = value["data"]
        stage = data["callbackType"]
        assert task.vendor_state == stage
        assert task.task_id == data.get("task_id", "")
        if value["code"] != 200:
            assert task.state == "failed"
            assert task.error is not None
            assert task.error.code == value["code"]
            assert task.error.message in (data.get("error"), value["msg"])
        else:
            assert task.state == STAGE_STATES[stage]
            assert (task.error is not None) == (task.state == "failed")
        assert len(task.tracks) == len(data.get("data") or ())
        # The generated model parses every example the spec lists (their codes are in the enum).
        module = __import__(f"{vendor}_client.models", fromlist=["MusicCallback"])
        assert isinstance(task.raw, module.MusicCallback)
    else:
        clip_states = {clip["state"] for clip in value["data"]}
        expected = "failed" if "failed" in clip_states else "succeeded"
        assert task.state == expected
        assert (task.error is not None) == (expected == "failed")
        assert task.task_id == ""
        assert [track.id for track in task.tracks] == [clip["clip_id"] for clip in value["data"]]
    json.dumps(task.to_dict())  # JSON-serializable


def example(vendor: str, name: str) -> dict[str, Any]:
    for param in EXAMPLES:
        if param.values[0] == vendor and param.values[1] == name:
            return copy.deepcopy(param.values[2])
    raise LookupError(f"{vendor}:{name}")


@pytest.mark.parametrize("vendor", STAGED_VENDORS)
def test_legacy_failure_as_complete_without_task_id(vendor: str) -> None:
    task = callbacks.parse(vendor, example(vendor, "sunokit-legacy-complete-501"))
    assert (task.task_id, task.state, task.vendor_state) == ("", "failed", "complete")
    assert task.error is not None
    assert (task.error.code, task.error.message) == (501, "Audio generation failed.")
    assert task.done


@pytest.mark.parametrize("vendor", STAGED_VENDORS)
def test_complete_tracks_are_normalized(vendor: str) -> None:
    body = example(vendor, "doc-complete")
    body["data"]["data"][0]["duration"] = "240"
    body["data"]["data"][1]["duration"] = "104.88"
    task = callbacks.parse(vendor, body)
    first, second = task.tracks
    source = body["data"]["data"][0]
    assert first == Track(
        id=source["id"],
        title=source["title"],
        audio_url=source["audio_url"],
        stream_url=source["stream_audio_url"],
        image_url=source["image_url"],
        duration=240.0,
        tags=source["tags"],
        lyrics=source["prompt"],
        model=source["model_name"],
        created_at=source["createTime"],
        task_id=task.task_id,  # each track knows its task: `track.ref`
    )
    assert first.ref == sunokit.TrackRef(task.task_id, source["id"])
    assert second.duration == 104.88
    first_stage = callbacks.parse(vendor, example(vendor, "sunokit-first")).tracks[0]
    assert first_stage.audio_url is None  # "" is no URL
    assert first_stage.stream_url is not None
    assert first_stage.duration is None


def test_sunoapi_com_webhook_tracks() -> None:
    body = example(SIGNED_VENDOR, "doc-song-completed")
    (track,) = callbacks.parse(SIGNED_VENDOR, body).tracks
    clip = body["data"][0]
    assert track.id == clip["clip_id"]
    assert track.duration == 104.88
    assert track.model == clip["mv"]
    assert track.lyrics == clip["lyrics"]


@pytest.mark.parametrize(("vendor", "name", "value"), EXAMPLES)
def test_bytes_str_and_mapping_agree(vendor: str, name: str, value: dict[str, Any]) -> None:
    text = json.dumps(value)
    forms = [value, text, text.encode(), bytearray(text.encode()), json.dumps(value, indent=2)]
    results = [callbacks.parse(vendor, form).to_dict() for form in forms]
    assert all(result == results[0] for result in results)


# --------------------------------------------------------------------------------------------
# Open enums: new codes and stages still parse


@pytest.mark.parametrize("vendor", STAGED_VENDORS)
@pytest.mark.parametrize("code", [299, 777, 201, 10**30])
@pytest.mark.parametrize("stage", ["complete", "first", "brand_new_stage"])
def test_unknown_code_means_failure(vendor: str, code: int, stage: str) -> None:
    body = {"code": code, "msg": "something new", "data": {"callbackType": stage, "task_id": "t"}}
    task = callbacks.parse(vendor, body)
    assert (task.state, task.vendor_state, task.task_id) == ("failed", stage, "t")
    assert task.error is not None
    assert (task.error.code, task.error.message) == (code, "something new")
    # The generated model when its enum is open, else the decoded dict.
    raw_code = task.raw["code"] if isinstance(task.raw, dict) else task.raw.code
    assert raw_code == code


@pytest.mark.parametrize("vendor", STAGED_VENDORS)
def test_unknown_stage_with_success_code_is_unknown(vendor: str) -> None:
    body = {"code": 200, "msg": "ok", "data": {"callbackType": "lyrics_v2", "task_id": "t1"}}
    task = callbacks.parse(vendor, body)
    assert (task.state, task.vendor_state, task.error) == ("unknown", "lyrics_v2", None)
    assert not task.done


@pytest.mark.parametrize("vendor", STAGED_VENDORS)
def test_error_stage_with_code_200_is_still_a_failure(vendor: str) -> None:
    body = {"code": 200, "data": {"callbackType": "error", "error": "boom"}}
    task = callbacks.parse(vendor, body)
    assert task.state == "failed"
    assert task.error is not None
    assert task.error.message == "boom"


def test_sunoapi_com_unknown_code_and_clip_state() -> None:
    body = example(SIGNED_VENDOR, "doc-song-completed")
    body["data"][0]["state"] = "mastering"
    task = callbacks.parse(SIGNED_VENDOR, body)
    assert task.state == "unknown"
    body["code"] = 599
    task = callbacks.parse(SIGNED_VENDOR, body)
    assert task.state == "failed"
    assert task.error is not None
    assert task.error.code == 599


# --------------------------------------------------------------------------------------------
# Garbage


GARBAGE = [
    (b"\xff\xfe{}", "callback body is not UTF-8"),
    (b"", "callback body is not JSON"),
    ("{code: 200}", "callback body is not JSON"),
    ('{"code": NaN, "data": {}}', "callback body is not JSON"),
    ('{"code": 1e999, "data": {}}', "callback body is not JSON"),
    ("[" * 100_000 + "]" * 100_000, "callback body is nested too deeply"),
    ("[]", "callback body must be a JSON object, got array"),
    ("null", "callback body must be a JSON object, got null"),
    ('"text"', "callback body must be a JSON object, got string"),
    ("{}", "callback is missing required field code"),
    ('{"code": 200}', "callback is missing required field data"),
    ('{"code": 200, "data": {}}', "callback is missing required field data.callbackType"),
    ('{"code": 200, "data": []}', "callback field data must be an object"),
    ('{"code": "200", "data": {"callbackType": "text"}}', "callback field code must be an integer"),
    ('{"code": 200.5, "data": {"callbackType": "text"}}', "callback field code must be an integer"),
    ('{"code": true, "data": {"callbackType": "text"}}', "callback field code must be an integer"),
    (
        '{"code": 200, "data": {"callbackType": 3}}',
        "callback field data.callbackType must be a string",
    ),
    (
        '{"code": 200, "data": {"callbackType": "complete", "data": {}}}',
        "callback field data.data must be an array or null",
    ),
    (
        '{"code": 200, "data": {"callbackType": "complete", "data": [1]}}',
        "callback field data.data[0] must be an object",
    ),
    (
        '{"code": 200, "data": {"callbackType": "complete", "data": [{"id": 1}]}}',
        "callback field data.data[0].id must be a string",
    ),
    (
        '{"code": 200, "data": {"callbackType": "complete", "data": [{"duration": []}]}}',
        "callback field data.data[0].duration must be a number, a string or null",
    ),
    (
        '{"code": 200, "data": {"callbackType": "text", "task_id": 7}}',
        "callback field data.task_id must be a string",
    ),
    (
        '{"code": 200, "msg": 5, "data": {"callbackType": "text"}}',
        "callback field msg must be a string or null",
    ),
    (42, "callback body must be bytes, str or a mapping, not int"),
    (None, "callback body must be bytes, str or a mapping, not NoneType"),
]


@pytest.mark.parametrize("vendor", STAGED_VENDORS)
@pytest.mark.parametrize(("body", "message"), GARBAGE, ids=[m for _, m in GARBAGE])
def test_garbage_raises_callback_error_naming_the_problem(
    vendor: str, body: Any, message: str
) -> None:
    with pytest.raises(CallbackError) as caught:
        callbacks.parse(vendor, body, operation="music.generate")
    assert str(caught.value).startswith(message), str(caught.value)
    assert len(str(caught.value)) < 400
    # Without operation= the kind is read from the body: the same violation (the music
    # callback is the nearest kind), the kinds it fits (pass operation=), or another kind's
    # valid body ({"code": 200, "data": []} is a recovery callback of sunoapi_org).
    try:
        task = callbacks.parse(vendor, body)
    except CallbackError as error:
        text = str(error)
        assert text.startswith(message) or "pass operation=" in text, text
        assert len(text) < 600
    else:
        assert task.operation != "music.generate"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('{"code": 200}', "callback is missing required field data"),
        ('{"code": 200, "data": {}}', "callback field data must be an array"),
        (
            '{"code": 200, "data": [{"state": "succeeded"}]}',
            "callback is missing required field data[0].clip_id",
        ),
        (
            '{"code": 200, "data": [{"clip_id": "c", "state": 1}]}',
            "callback field data[0].state must be a string",
        ),
    ],
)
def test_sunoapi_com_garbage(body: str, message: str) -> None:
    with pytest.raises(CallbackError, match="^" + message.replace("[", r"\[").replace("]", r"\]")):
        callbacks.parse(SIGNED_VENDOR, body)


@pytest.mark.parametrize(
    ("vendor", "why"),
    [
        ("sunosay", ""),
        (
            "relay",
            r" \(submit_music, submit_lyrics take a callback URL whose delivery format is "
            r"documented nowhere: poll the task instead\)",
        ),
    ],
)
def test_vendors_without_callbacks(vendor: str, why: str) -> None:
    with pytest.raises(
        CallbackError,
        match=f"^{vendor} sends no callbacks{why}; vendors that do: apikley, sunoapi_com, "
        "sunoapi_org$",
    ):
        callbacks.parse(vendor, b'{"code": 200}')


def test_unknown_vendor() -> None:
    with pytest.raises(
        CallbackError, match=r"unknown vendor 'suno'.*apikley, sunoapi_com, sunoapi_org"
    ):
        callbacks.parse("suno", b"{}")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)


def _parse_or_callback_error(vendor: str, body: Any) -> None:
    try:
        task = callbacks.parse(vendor, body)
    except CallbackError:
        return
    assert task.state in typing.get_args(TaskState)
    json.dumps(task.to_dict())


@FAST
@given(vendor=st.sampled_from(VENDORS), body=st.binary(max_size=200))
def test_arbitrary_bytes_never_raise_anything_but_callback_error(vendor: str, body: bytes) -> None:
    _parse_or_callback_error(vendor, body)


@FAST
@given(vendor=st.sampled_from(callbacks.callback_vendors()), value=json_values)
def test_arbitrary_json_never_raises_anything_but_callback_error(vendor: str, value: Any) -> None:
    _parse_or_callback_error(vendor, json.dumps(value))
    _parse_or_callback_error(vendor, value)


def _mutations(document: Any) -> Iterator[list[Any]]:
    """Paths to every node of a JSON document."""
    yield []
    if isinstance(document, dict):
        for key, value in document.items():
            for rest in _mutations(value):
                yield [key, *rest]
    elif isinstance(document, list):
        for index, value in enumerate(document):
            for rest in _mutations(value):
                yield [index, *rest]


@FAST
@given(data=st.data(), replacement=json_values)
def test_examples_with_a_node_replaced_parse_or_raise_callback_error(
    data: st.DataObject, replacement: Any
) -> None:
    vendor, _, value = data.draw(st.sampled_from([p.values for p in EXAMPLES]))
    paths = [path for path in _mutations(value) if path]
    path = data.draw(st.sampled_from(paths))
    mutated = copy.deepcopy(value)
    node = mutated
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = replacement
    _parse_or_callback_error(vendor, mutated)
    _parse_or_callback_error(vendor, json.dumps(mutated).encode())


# --------------------------------------------------------------------------------------------
# De-duplication keys (x-sunokit-webhook-dedupe)


def _delivery(task_id: str = "T-1", platform: str = "suno") -> dict[str, Any]:
    """The webhook guide's song.completed example with the two fields the guide says to
    de-duplicate on (its captured example shows neither)."""
    return {
        **example(SIGNED_VENDOR, "doc-song-completed"),
        "task_id": task_id,
        "platform": platform,
    }


def test_a_repeated_delivery_has_the_same_dedupe_key() -> None:
    body = _delivery()
    first = callbacks.parse(SIGNED_VENDOR, json.dumps(body).encode())
    # the same event delivered again, serialized otherwise (key order, spacing)
    again = callbacks.parse(SIGNED_VENDOR, json.dumps(dict(reversed(body.items())), indent=2))
    assert first.dedupe_key == again.dedupe_key == ("T-1", "suno")
    signed_body = json.dumps(body).encode()
    unwrapped = callbacks.unwrap(
        SIGNED_VENDOR, signed_body, {"X-Signature": signed(signed_body)}, secret=SECRET
    )
    assert unwrapped.dedupe_key == ("T-1", "suno")


def test_different_events_have_different_dedupe_keys() -> None:
    keys = {
        callbacks.parse(SIGNED_VENDOR, body).dedupe_key
        for body in (_delivery("T-1"), _delivery("T-2"), _delivery("T-1", "producer"))
    }
    assert len(keys) == 3


def test_the_dedupe_key_comes_from_the_spec() -> None:
    from sunokit._callbacks_kinds import Dedupe

    posts = {post["operationId"]: post for post in callback_posts(SIGNED_VENDOR)}
    for kind in callbacks.callback_kinds(SIGNED_VENDOR):  # the Suno and the Producer webhook
        declared = posts[kind.callback_id]["x-sunokit-webhook-dedupe"]
        assert kind.dedupe == Dedupe(
            tuple(declared["keys"]),
            tuple(declared["fallback"]["items"]),
            declared["fallback"]["field"],
        )
        assert kind.dedupe.keys == ("task_id", "platform")


def test_a_delivery_without_the_key_fields_falls_back_to_its_clip_ids() -> None:
    """The guide's own example has neither task_id nor platform: not an error (it is the
    documented body), the spec's fallback names the delivery by its clips; a body with no clip
    either has no key (None)."""
    body = example(SIGNED_VENDOR, "doc-song-completed")
    clip_ids = sorted(clip["clip_id"] for clip in body["data"])
    assert callbacks.parse(SIGNED_VENDOR, body).dedupe_key == ("clip_id", *clip_ids)
    half = {**body, "task_id": "T-1"}  # one key field is not the key
    assert callbacks.parse(SIGNED_VENDOR, half).dedupe_key == ("clip_id", *clip_ids)
    two = {**body, "data": [*body["data"], {**body["data"][0], "clip_id": "a-second-clip"}]}
    assert callbacks.parse(SIGNED_VENDOR, two).dedupe_key == (
        "clip_id",
        *sorted([*clip_ids, "a-second-clip"]),
    )
    empty = {**body, "data": []}
    assert callbacks.parse(SIGNED_VENDOR, empty).dedupe_key is None


@pytest.mark.parametrize("vendor", STAGED_VENDORS)
def test_a_vendor_whose_spec_names_no_dedupe_key_gives_none(vendor: str) -> None:
    assert all(kind.dedupe is None for kind in callbacks.callback_kinds(vendor))
    for param in EXAMPLES:
        if param.values[0] == vendor:
            assert callbacks.parse(vendor, param.values[2]).dedupe_key is None


def test_the_dedupe_key_takes_no_part_in_equality() -> None:
    keyed = callbacks.parse(SIGNED_VENDOR, _delivery())
    assert keyed == attrs.evolve(keyed, dedupe_key=None)  # a callback's Task == the poll's Task
    assert "dedupe_key" not in keyed.to_dict()


# --------------------------------------------------------------------------------------------
# SunoAPI.com signatures


def signed(body: bytes, secret: str = SECRET) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


WEBHOOK = json.dumps(example(SIGNED_VENDOR, "doc-song-completed")).encode()


def test_signature_header_comes_from_the_spec() -> None:
    assert callbacks.signature_header(SIGNED_VENDOR) == "X-Signature"
    assert callbacks.signature_header("sunoapi_org") is None


@pytest.mark.parametrize(
    "header",
    [
        signed(WEBHOOK),
        signed(WEBHOOK).upper(),
        "sha256=" + signed(WEBHOOK),
        "SHA256=" + signed(WEBHOOK),
    ],
)
def test_valid_signature_passes(header: str) -> None:
    callbacks.verify_signature(WEBHOOK, header, SECRET)
    callbacks.verify_signature(WEBHOOK.decode(), header, SECRET)
    task = callbacks.unwrap(SIGNED_VENDOR, WEBHOOK, {"x-signature": header}, secret=SECRET)
    assert task.state == "succeeded"
    assert task == callbacks.parse(SIGNED_VENDOR, WEBHOOK)


@pytest.mark.parametrize(
    ("body", "headers", "secret", "message"),
    [
        (
            WEBHOOK.replace(b"succeeded", b"failed"),
            {"X-Signature": signed(WEBHOOK)},
            SECRET,
            "signature mismatch",
        ),
        (WEBHOOK + b" ", {"X-Signature": signed(WEBHOOK)}, SECRET, "signature mismatch"),
        (WEBHOOK, {"X-Signature": signed(WEBHOOK, "another-secret")}, SECRET, "signature mismatch"),
        (WEBHOOK, {"X-Signature": "not-hex-ü"}, SECRET, "signature mismatch"),
        (WEBHOOK, {"X-Signature": signed(WEBHOOK)[:-1]}, SECRET, "signature mismatch"),
        (WEBHOOK, {}, SECRET, "missing X-Signature header"),
        (WEBHOOK, {"X-Signature": "  "}, SECRET, "missing X-Signature header"),
        (WEBHOOK, {"X-Other": signed(WEBHOOK)}, SECRET, "missing X-Signature header"),
    ],
    ids=[
        "tampered-body",
        "extra-byte",
        "wrong-secret",
        "garbage-header",
        "short",
        "missing",
        "blank",
        "other-header",
    ],
)
def test_bad_signature_fails_without_revealing_the_secret(
    body: bytes, headers: dict[str, str], secret: str, message: str
) -> None:
    with pytest.raises(CallbackError, match=f"^{message}") as caught:
        callbacks.unwrap(SIGNED_VENDOR, body, headers, secret=secret)
    text = f"{caught.value} {caught.value!r} {caught.value.args}"
    assert SECRET not in text
    assert signed(body) not in text
    with pytest.raises(CallbackError, match=f"^{message}"):
        callbacks.verify_signature(body, headers.get("X-Signature"), secret)


def test_signature_is_checked_before_parsing() -> None:
    garbage = b"not json at all"
    with pytest.raises(CallbackError, match=r"^signature mismatch"):
        callbacks.unwrap(SIGNED_VENDOR, garbage, {"X-Signature": "00"}, secret=SECRET)
    with pytest.raises(CallbackError, match=r"^callback body is not JSON"):
        callbacks.unwrap(SIGNED_VENDOR, garbage, {"X-Signature": signed(garbage)}, secret=SECRET)


def test_unwrap_needs_the_raw_body_and_a_secret_for_signed_vendors() -> None:
    with pytest.raises(ConfigurationError, match="secret"):
        callbacks.unwrap(SIGNED_VENDOR, WEBHOOK, {"X-Signature": signed(WEBHOOK)})
    with pytest.raises(ConfigurationError, match="secret"):
        callbacks.verify_signature(WEBHOOK, signed(WEBHOOK), "")
    with pytest.raises(CallbackError, match="raw body"):
        callbacks.unwrap(
            SIGNED_VENDOR, json.loads(WEBHOOK), {"X-Signature": signed(WEBHOOK)}, secret=SECRET
        )


@pytest.mark.parametrize("vendor", STAGED_VENDORS)
def test_unwrap_just_parses_for_unsigned_vendors(vendor: str) -> None:
    body = json.dumps(example(vendor, "doc-complete"))
    assert callbacks.unwrap(vendor, body, {}) == callbacks.parse(vendor, body)
    with pytest.raises(CallbackError, match="does not sign"):
        callbacks.verify_signature(body, "00", SECRET, vendor=vendor)


@FAST
@given(body=st.binary(max_size=100), header=st.none() | st.text(max_size=80))
def test_signature_checks_never_raise_anything_but_callback_error(
    body: bytes, header: str | None
) -> None:
    try:
        callbacks.unwrap(
            SIGNED_VENDOR, body, {} if header is None else {"X-Signature": header}, secret=SECRET
        )
    except CallbackError as exc:
        message = f"{exc} {exc!r}"
    else:
        message = ""
    assert SECRET not in message


# --------------------------------------------------------------------------------------------
# A receiver built from the specs, fuzzed with schemathesis

# Enums carrying these tables are open (values the spec does not list must still parse).
OPEN_ENUM_MARKERS = ("x-sunokit-task-states", "x-sunokit-error-kinds")

_JSON_TYPES = {
    "str": "string",
    "int": "integer",
    "float": "number",
    "bool": "boolean",
    "None": "null",
}


def _json_schema_of(annotation: str) -> dict[str, Any]:
    types = [_JSON_TYPES[part.strip()] for part in annotation.split("|")]
    return {"type": types[0] if len(types) == 1 else types}


def task_schema(vendor: str) -> dict[str, Any]:
    """The JSON shape of Task.to_dict(), from the Track/TaskError attrs fields and TaskState."""
    track = {
        "type": "object",
        "required": [field.name for field in attrs.fields(Track)],
        "properties": {
            field.name: _json_schema_of(str(field.type)) for field in attrs.fields(Track)
        },
    }
    error = {
        "type": "object",
        "required": ["code", "message", "kind"],
        "properties": {
            "code": {"type": ["string", "integer", "null"]},
            "message": {"type": "string"},
            "kind": {"type": ["string", "null"]},
        },
    }
    return {
        "type": "object",
        "required": ["vendor", "task_id", "state", "vendor_state", "error", "tracks"],
        "properties": {
            "vendor": {"const": vendor},
            "task_id": {"type": "string"},
            "state": {"enum": list(typing.get_args(TaskState))},
            "vendor_state": {"type": ["string", "null"]},
            "error": {"anyOf": [{"type": "null"}, error]},
            "tracks": {"type": "array", "items": track},
        },
    }


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            yield node["$ref"]
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)


def _renamed(node: Any, vendor: str) -> Any:
    """Copy of a schema with its component $refs prefixed by the vendor."""
    if isinstance(node, dict):
        return {
            key: (
                value.replace("#/components/schemas/", f"#/components/schemas/{vendor}_")
                if key == "$ref" and isinstance(value, str)
                else _renamed(value, vendor)
            )
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_renamed(item, vendor) for item in node]
    return node


def receiver_document() -> dict[str, Any]:
    """OpenAPI 3.1 document whose operations receive the vendors' callbacks."""
    paths: dict[str, Any] = {}
    schemas: dict[str, Any] = {}
    for vendor in callbacks.callback_vendors():
        spec = load_spec(vendor)
        post = next(callback_posts(vendor))
        media = post["requestBody"]["content"]["application/json"]
        # The callback schema and every component it reaches, enums with x-sunokit tables opened.
        pending = list(_refs(media["schema"]))
        seen: set[str] = set()
        while pending:
            ref = pending.pop()
            if ref in seen:
                continue
            seen.add(ref)
            name = ref.removeprefix("#/components/schemas/")
            component = copy.deepcopy(spec["components"]["schemas"][name])
            if any(marker in component for marker in OPEN_ENUM_MARKERS):
                component.pop("enum", None)
            schemas[f"{vendor}_{name}"] = _renamed(component, vendor)
            pending.extend(_refs(component))
        paths[f"/callbacks/{vendor}"] = {
            "post": {
                "operationId": f"receive_{vendor}_callback",
                "summary": post.get("summary", ""),
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": _renamed(media["schema"], vendor),
                            "examples": copy.deepcopy(media.get("examples", {})),
                        }
                    },
                },
                "responses": {
                    "200": {
                        "description": "The callback as a sunokit Task.",
                        "content": {"application/json": {"schema": task_schema(vendor)}},
                    },
                    "400": {
                        "description": "The body is not the vendor's callback (CallbackError).",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["error"],
                                    "properties": {"error": {"type": "string"}},
                                }
                            }
                        },
                    },
                },
            }
        }
    return {
        "openapi": "3.1.0",
        "info": {"title": "sunokit callback receiver", "version": "1.0.0"},
        "paths": paths,
        "components": {"schemas": schemas},
    }


def _json_response(payload: Mapping[str, Any], status_code: int) -> Response:
    # ensure_ascii: the vendor may send lone surrogates (\ud800), which UTF-8 cannot carry.
    return Response(
        json.dumps(payload, ensure_ascii=True, allow_nan=False),
        status_code=status_code,
        media_type="application/json",
    )


async def receive_callback(request: Request) -> Response:
    body = await request.body()
    vendor = request.path_params["vendor"]
    # The document describes each vendor's music callback, so the receiver parses that kind:
    # a body it calls garbage may be another kind's valid body (`{"code": 0, "data": []}` is
    # a failed SunoAPI.org recovery), which parse() without operation= rightly accepts.
    music = callbacks.callback_kinds(vendor)[0].operation_id
    try:
        task = callbacks.parse(vendor, body, operation=music)
    except CallbackError as exc:
        return _json_response({"error": str(exc)}, 400)
    return _json_response(task.to_dict(), 200)


RECEIVER = Starlette(routes=[Route("/callbacks/{vendor}", receive_callback, methods=["POST"])])
RECEIVER_DOCUMENT = receiver_document()

RECEIVER_SCHEMA = schemathesis.openapi.from_dict(
    RECEIVER_DOCUMENT,
    config=SchemathesisConfig.from_dict(
        {
            "phases": {
                "examples": {"enabled": True},
                "coverage": {"enabled": True},
                "fuzzing": {"enabled": True},
                "stateful": {"enabled": False},
            },
            "generation": {"mode": "all", "max-examples": 50},
        }
    ),
)
RECEIVER_SCHEMA.app = RECEIVER


def test_receiver_document_is_valid_openapi_3_1() -> None:
    validate_openapi(RECEIVER_DOCUMENT)
    assert sorted(RECEIVER_DOCUMENT["paths"]) == [
        f"/callbacks/{vendor}" for vendor in callbacks.callback_vendors()
    ]


@pytest.mark.schemathesis
@RECEIVER_SCHEMA.parametrize()
def test_receiver_accepts_valid_callbacks_and_rejects_garbage(case: Any) -> None:
    response = case.call()
    assert response.status_code in (200, 400, 405), response.text
    if response.status_code == 200:
        assert response.json()["state"] in typing.get_args(TaskState)
    elif response.status_code == 400:
        assert response.json()["error"]
    meta = case.meta
    if (
        meta is not None
        and meta.generation.mode is GenerationMode.POSITIVE
        and case.method == "POST"
    ):
        assert response.status_code == 200, response.text
    case.validate_response(response)
