"""Schemathesis strategies from each spec drive the overlay: every generated valid body passes
`sunokit.validate`, every generated invalid body fails it; generated models round-trip each.

For every operation with an `x-sunokit-role` and a JSON request body (submit, extend, ...),
schemathesis builds Hypothesis strategies from the spec itself:

- positive bodies: jsonschema agrees they are valid, `sunokit.validate` returns no violation,
  and the generated request model round-trips them (`from_dict(body).to_dict()` keeps every key
  and value; keys it adds are spec defaults, and its output is valid too);
- negative bodies: when the mutation really made the body break its JSON schema (negative mode
  also mutates headers or parameters - those bodies are checked to pass and then skipped with
  `assume`), `sunokit.validate` reports it, at the path jsonschema names.

A newer server: every documented success answer of each vendor's status operation and every
documented callback, with unknown fields and unknown enum values added (spec_tools'
`future_variants`), still parses - SunoClient.get (served with respx) and callbacks.parse give a
Task, keep the raw values, and map an unknown state to "unknown" with the raw value as
`vendor_state`. An unknown envelope code is never read as success.

Example counts come from the Hypothesis profile (contract_tests/conftest.py): "ci" by default,
HYPOTHESIS_PROFILE=deep for `make fuzz`.
"""

from __future__ import annotations

import asyncio
import copy
import json
import re
import ssl
from collections.abc import Callable, Mapping
from typing import Any

import attrs
import httpx
import pytest
import respx
import schemathesis
import sunokit
from hypothesis import assume, given
from hypothesis import strategies as st
from schemathesis.core import NotSet
from schemathesis.generation import GenerationMode
from sunokit import callbacks

from .spec_tools import (
    SPECS,
    UNKNOWN_FIELD,
    UNKNOWN_INT,
    UNKNOWN_STRING,
    VENDORS,
    MediaExample,
    RequestOperation,
    examples,
    future_variants,
    load,
    model_class,
    representatives,
    request_operations,
    resolve,
    task_callback_refs,
    validator,
    vendor_params,
)

pytestmark = pytest.mark.schemathesis

KEY = "sk-fuzz-secret-key-0c1d"
BASE = "https://vendor.test"
TASK_ID = "task-123"
SUCCESS_CODES = (200, "success")
FUTURE_FIELD_VALUE = {"nested": [1, "two", None]}


# --------------------------------------------------------------------------- operations


OPERATIONS = request_operations()
# One vendor per family fuzzes its request bodies in make test; make fuzz runs every vendor.
OPERATION_PARAMS = [
    pytest.param(op, id=op.id, marks=() if op.vendor in representatives() else pytest.mark.deep)
    for op in OPERATIONS
]
_SCHEMAS = {
    vendor: schemathesis.openapi.from_path(str(SPECS / f"{vendor}.yaml")) for vendor in VENDORS
}
_STRATEGIES: dict[tuple[str, str, GenerationMode], st.SearchStrategy[Any]] = {}


def bodies(op: RequestOperation, mode: GenerationMode) -> st.SearchStrategy[Any]:
    """Request bodies schemathesis generates for the operation (cases without a body dropped)."""
    key = (op.vendor, op.role, mode)
    if key not in _STRATEGIES:
        operation = _SCHEMAS[op.vendor][op.path][op.method.upper()]
        _STRATEGIES[key] = (
            operation.as_strategy(generation_mode=mode)
            .map(lambda case: case.body)
            .filter(lambda body: not isinstance(body, NotSet))
        )
    return _STRATEGIES[key]


def test_every_vendor_has_a_fuzzed_submit_operation() -> None:
    assert {op.vendor for op in OPERATIONS if op.role == "submit"} == set(VENDORS)


def _defaults(op: RequestOperation) -> dict[str, Any]:
    """`default` of each top-level property of the request schema."""
    doc = load(op.vendor)
    found = {}
    for name, node in op.schema.get("properties", {}).items():
        target = resolve(doc, node)
        if isinstance(target, Mapping) and "default" in target:
            found[name] = target["default"]
    return found


def _json(value: Any) -> str:
    """Canonical JSON: tells 1 from 1.0 and True from 1, which == does not."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


@pytest.mark.parametrize("op", OPERATION_PARAMS)
@given(data=st.data())
def test_generated_valid_body_passes_validate_and_round_trips(
    op: RequestOperation, data: st.DataObject
) -> None:
    body = data.draw(bodies(op, GenerationMode.POSITIVE), label="body")
    assert validator(op.vendor, op.body_schema).is_valid(body), "schemathesis made an invalid body"
    assert sunokit.validate(op.vendor, body, role=op.role) == []

    model = model_class(op.vendor, op.body_schema)
    assert model is not None, f"{op.id}: no generated model for the request schema"
    out = model.from_dict(body).to_dict()
    assert isinstance(out, dict)
    assert _json({key: out.get(key) for key in body}) == _json(body)
    added = set(out) - set(body)
    defaults = _defaults(op)
    for key in added:  # a model may fill in the spec's defaults, nothing else
        assert key in defaults, (key, out[key])
        assert _json(out[key]) == _json(defaults[key])
    assert sunokit.validate(op.vendor, out, role=op.role) == []
    assert _json(model.from_dict(out).to_dict()) == _json(out)


def _pointer(path: Any) -> str:
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)


@pytest.mark.parametrize("op", OPERATION_PARAMS)
@given(data=st.data())
def test_generated_invalid_body_fails_validate(op: RequestOperation, data: st.DataObject) -> None:
    body = data.draw(bodies(op, GenerationMode.NEGATIVE), label="body")
    schema_validator = validator(op.vendor, op.body_schema)
    # the mock's view: a model name the spec does not list is an enum violation, not a warning
    violations = sunokit.validate(op.vendor, body, role=op.role, unknown="refuse")
    errors = list(schema_validator.iter_errors(body))
    if not errors:
        # Negative mode mutated something else (a header, the auth); the body is valid.
        assert violations == []
    assume(errors)
    assert violations, f"jsonschema: {[error.message for error in errors]}"
    for violation in violations:
        assert isinstance(violation, sunokit.Violation)
        assert violation.path == "" or violation.path.startswith("/")
        assert violation.rule
        assert violation.keyword
        assert violation.message
        assert "\n" not in str(violation)
    # Each violation lies at or under a place jsonschema complains about.
    error_paths = {_pointer(error.absolute_path) for error in errors}
    for violation in violations:
        assert any(
            violation.path == path or violation.path.startswith(path + "/") or path == ""
            for path in error_paths
        ), (violation, error_paths)


# --------------------------------------------------------------------------- a newer server


@attrs.frozen
class StatusExample:
    vendor: str
    path: str
    method: str
    name: str
    value: Any = attrs.field(eq=False)
    schema: Mapping[str, Any] = attrs.field(eq=False, repr=False)

    @property
    def id(self) -> str:
        return f"{self.vendor}:{self.name}"

    @property
    def url(self) -> str:
        return BASE + re.sub(r"\{[^}]+\}", TASK_ID, self.path)


def status_successes() -> list[StatusExample]:
    found = []
    for vendor in VENDORS:
        for path, item in load(vendor)["paths"].items():
            for method, operation in item.items():
                if not isinstance(operation, dict) or operation.get("x-sunokit-role") != "status":
                    continue
                trail = f"{path}/{method}/responses/200/"
                for example in examples(vendor):
                    value = example.value
                    if (
                        example.where == "response"
                        and (example.trail + "/").startswith(trail)
                        and isinstance(value, dict)
                        and value.get("code") in SUCCESS_CODES
                    ):
                        found.append(
                            StatusExample(vendor, path, method, example.name, value, example.schema)
                        )
    return found


STATUS_SUCCESSES = status_successes()
STATUS_VARIANTS = [
    pytest.param(example, name, id=f"{example.id}:{name}")
    for example in STATUS_SUCCESSES
    for name in future_variants(example.vendor, example.schema, example.value)
]


def test_every_vendor_has_status_successes_to_mutate() -> None:
    assert {example.vendor for example in STATUS_SUCCESSES} == set(VENDORS)
    assert any(name == "unknown-enum-values" for _, name in (p.values for p in STATUS_VARIANTS))


# One TLS context for every client (respx answers; building a context per client is slow).
TLS = ssl.create_default_context()


def serve_get(example: StatusExample, body: Any, status: int = 200) -> sunokit.Task:
    with respx.mock(assert_all_called=True) as router:
        route = router.route(method=example.method.upper(), url=example.url).mock(
            return_value=httpx.Response(status, json=body)
        )
        with sunokit.SunoClient(
            example.vendor,
            api_key=KEY,
            base_url=BASE,
            max_retries=0,
            http_client=httpx.Client(verify=TLS),
        ) as client:
            task = client.get(TASK_ID)
        assert route.call_count == 1
    return task


_DOCUMENTED: dict[str, sunokit.Task] = {}


def documented_task(example: StatusExample) -> sunokit.Task:
    if example.id not in _DOCUMENTED:
        _DOCUMENTED[example.id] = serve_get(example, example.value)
    return _DOCUMENTED[example.id]


def raw_dict(raw: Any) -> Any:
    return raw.to_dict() if hasattr(raw, "to_dict") else raw


def _variant(example: StatusExample | MediaExample, name: str) -> dict[str, Any]:
    """The future variant, with the envelope's (success) code kept for unknown-enum-values."""
    variant = future_variants(example.vendor, example.schema, example.value)[name]
    if name == "unknown-enum-values":
        variant["code"] = example.value["code"]
    return variant


NULL_VARIANTS = ("nulls", "null-containers")


def _weaker(value: Any, documented: Any) -> bool:
    """`value` is what `documented` becomes when some of its sources were null."""
    if value == documented or value in (None, "", "unknown"):
        return True
    if isinstance(value, dict) and isinstance(documented, dict):
        return all(_weaker(value.get(key), documented.get(key)) for key in documented)
    if isinstance(value, list) and isinstance(documented, list):
        return len(value) <= len(documented) and all(
            _weaker(item, documented[index]) for index, item in enumerate(value)
        )
    return False


def check_future_task(
    task: sunokit.Task,
    documented: sunokit.Task,
    variant: Any,
    name: str,
    *,
    failed: bool = False,
    requested_id: str | None = None,
) -> None:
    """`task` (from `variant`) against `documented` (from the documented body)."""
    assert task.vendor == documented.vendor
    assert raw_dict(task.raw) == variant
    if name in NULL_VARIANTS:
        # Nothing breaks; what was null is missing (or unknown), everything else is unchanged.
        assert task.task_id in (documented.task_id, requested_id or "")
        # sunoapi_com's task state comes from its clips; without clips it is still "queued".
        not_started = ("queued",) if name == "null-containers" else ()
        assert task.state in (documented.state, "unknown", *not_started)
        assert (task.error is not None) == (task.state == "failed")
        mine, theirs = task.to_dict(), documented.to_dict()
        # each track carries its task's id, checked just above
        assert all(track.task_id == task.task_id for track in task.tracks)
        for track in (*mine["tracks"], *theirs["tracks"]):
            del track["task_id"]
        for key in ("vendor_state", "tracks"):
            assert _weaker(mine[key], theirs[key]), (key, mine[key], theirs[key])
        return
    assert task.task_id == documented.task_id
    assert [track.id for track in task.tracks] == [track.id for track in documented.tracks]
    if name == "unknown-fields":
        assert task.to_dict() == documented.to_dict()
        assert task.raw.additional_properties[UNKNOWN_FIELD] == FUTURE_FIELD_VALUE
    elif task.vendor_state != documented.vendor_state:
        assert task.vendor_state == UNKNOWN_STRING
        assert task.state == ("failed" if failed else "unknown")
        assert (task.error is not None) == failed
    else:
        assert task.state == documented.state


@pytest.mark.parametrize(("example", "name"), STATUS_VARIANTS)
def test_newer_status_answer_still_parses(example: StatusExample, name: str) -> None:
    variant = _variant(example, name)
    task = serve_get(example, variant)
    check_future_task(task, documented_task(example), variant, name, requested_id=TASK_ID)


def replay(answer: list[Any]) -> Callable[[httpx.Request], httpx.Response]:
    """A respx side effect answering whatever body `answer` holds at the time."""
    return lambda _request: httpx.Response(200, json=answer[0])


@pytest.mark.parametrize("vendor", vendor_params())
def test_newer_status_answers_parse_in_the_async_client_too(vendor: str) -> None:
    """The async client on every newer-server variant of the vendor's status answers (the sync
    test above covers every vendor in make test; the async one, one vendor per family)."""

    async def no_sleep(_: float) -> None:
        return None

    async def all_variants() -> None:
        params = [p.values for p in STATUS_VARIANTS if p.values[0].vendor == vendor]
        # Each documented answer's Task, read before the router below (its own respx mock).
        documented = {example.id: documented_task(example) for example, _ in params}
        answer: list[Any] = []
        with respx.mock(assert_all_called=True) as router:
            for example in {example.url: example for example, _ in params}.values():
                router.route(method=example.method.upper(), url=example.url).mock(
                    side_effect=replay(answer)
                )
            async with sunokit.AsyncSunoClient(
                vendor,
                api_key=KEY,
                base_url=BASE,
                max_retries=0,
                http_client=httpx.AsyncClient(verify=TLS),
                sleep=no_sleep,  # the apikley status limit (3/s per task) would wait
            ) as client:
                for example, name in params:
                    variant = _variant(example, name)
                    answer[:] = [variant]
                    task = await client.get(TASK_ID)
                    check_future_task(
                        task, documented[example.id], variant, name, requested_id=TASK_ID
                    )

    asyncio.run(all_variants())


@pytest.mark.parametrize("example", STATUS_SUCCESSES, ids=lambda example: example.id)
def test_unknown_envelope_code_is_never_success(example: StatusExample) -> None:
    variant = copy.deepcopy(example.value)
    variant["code"] = UNKNOWN_STRING if isinstance(variant["code"], str) else UNKNOWN_INT
    with pytest.raises(sunokit.APIStatusError) as raised:
        serve_get(example, variant)
    assert raised.value.code == variant["code"]
    assert raised.value.body == variant
    assert KEY not in f"{raised.value} {raised.value!r}"


CALLBACKS = [  # the music task callbacks callbacks.parse reads
    example
    for vendor in callbacks.callback_vendors()
    for example in examples(vendor)
    if example.where == "callback" and str(example.schema.get("$ref")) in task_callback_refs(vendor)
]
CALLBACK_VARIANTS = [
    pytest.param(example, name, id=f"{example.id}:{name}")
    for example in CALLBACKS
    for name in future_variants(example.vendor, example.schema, example.value)
]


@pytest.mark.parametrize(("example", "name"), CALLBACK_VARIANTS)
def test_newer_callback_still_parses(example: MediaExample, name: str) -> None:
    documented = callbacks.parse(example.vendor, example.value)
    variant = _variant(example, name)
    task = callbacks.parse(example.vendor, json.dumps(variant).encode())
    check_future_task(
        task, documented, variant, name, failed=example.value["code"] not in SUCCESS_CODES
    )


@pytest.mark.parametrize("example", CALLBACKS, ids=lambda example: example.id)
def test_callback_with_an_unknown_code_is_a_failure(example: MediaExample) -> None:
    variant = copy.deepcopy(example.value)
    variant["code"] = UNKNOWN_INT
    task = callbacks.parse(example.vendor, variant)
    assert task.state == "failed"
    assert task.error is not None
    assert task.error.code == UNKNOWN_INT


# --------------------------------------------------------------------------- submit and error answers


@attrs.frozen
class AnswerExample:
    """A documented answer of a submit or status operation, with the HTTP status it comes with."""

    vendor: str
    role: str
    path: str
    method: str
    status: int
    name: str
    value: Any = attrs.field(eq=False)
    schema: Mapping[str, Any] = attrs.field(eq=False, repr=False)

    @property
    def id(self) -> str:
        return f"{self.vendor}:{self.role}:{self.status}:{self.name}"

    @property
    def url(self) -> str:
        return BASE + re.sub(r"\{[^}]+\}", TASK_ID, self.path)


def documented_answers() -> list[AnswerExample]:
    found = []
    for vendor in VENDORS:
        for path, item in load(vendor)["paths"].items():
            for method, operation in item.items():
                role = operation.get("x-sunokit-role") if isinstance(operation, dict) else None
                if role not in ("submit", "status"):
                    continue
                for key, response in operation["responses"].items():
                    media = response.get("content", {}).get("application/json", {})
                    for name, entry in (media.get("examples") or {}).items():
                        digits = re.search(r"(\d{3})", name)
                        status = (
                            int(key)
                            if key != "default"
                            else int(digits.group(1) if digits else 500)
                        )
                        found.append(
                            AnswerExample(
                                vendor,
                                role,
                                path,
                                method,
                                status,
                                name,
                                entry["value"],
                                media["schema"],
                            )
                        )
    return found


ANSWERS = documented_answers()
SUBMIT_SUCCESSES = [
    a
    for a in ANSWERS
    if a.role == "submit" and isinstance(a.value, dict) and a.value.get("code") in SUCCESS_CODES
]
ERROR_ANSWERS = [
    a
    for a in ANSWERS
    if isinstance(a.value, dict)
    and (a.value.get("code") not in SUCCESS_CODES or a.status >= 400)
    and ("code" in a.value or "error" in a.value)
]


def _variants(examples: list[AnswerExample]) -> list[Any]:
    return [
        pytest.param(example, name, id=f"{example.id}:{name}")
        for example in examples
        for name in future_variants(example.vendor, example.schema, example.value)
    ]


def test_every_vendor_has_submit_successes_and_errors_to_mutate() -> None:
    assert {a.vendor for a in SUBMIT_SUCCESSES} == set(VENDORS)
    assert {(a.vendor, a.role) for a in ERROR_ANSWERS} == {
        (vendor, role) for vendor in VENDORS for role in ("submit", "status")
    }
    names = {p.values[1] for p in _variants(ERROR_ANSWERS + SUBMIT_SUCCESSES)}
    assert {"unknown-fields", "unknown-enum-values", "nulls"} <= names


def serve(example: AnswerExample, body: Any) -> sunokit.Task:
    """Submit (or get) through SunoClient with respx answering `body` once."""
    with respx.mock(assert_all_called=True) as router:
        route = router.route(method=example.method.upper(), url=example.url).mock(
            return_value=httpx.Response(example.status, json=body)
        )
        with sunokit.SunoClient(
            example.vendor,
            api_key=KEY,
            base_url=BASE,
            max_retries=0,
            callback_url=CALLBACK_URL.get(example.vendor),
            http_client=httpx.Client(verify=TLS),
        ) as client:
            try:
                if example.role == "submit":
                    return client.submit(SUBMIT_REQUESTS[example.vendor])
                return client.get(TASK_ID)
            finally:
                assert route.call_count == 1


@pytest.mark.parametrize(("example", "name"), _variants(SUBMIT_SUCCESSES))
def test_newer_submit_answer_still_parses(example: AnswerExample, name: str) -> None:
    documented = serve(example, example.value)
    variant = future_variants(example.vendor, example.schema, example.value)[name]
    if name == "unknown-enum-values":
        variant["code"] = example.value["code"]
    refusal: sunokit.APIResponseError | None = None
    try:
        task = serve(example, variant)
    except sunokit.APIResponseError as error:
        refusal = error
    if refusal is not None:
        # Only a null task id may stop a submit answer from parsing, and it says so.
        assert name in NULL_VARIANTS, refusal
        assert "without a task id" in str(refusal)
        assert refusal.body == variant
        return
    assert (task.vendor, task.task_id, task.state) == (
        documented.vendor,
        documented.task_id,
        "queued",
    )


@pytest.mark.parametrize(("example", "name"), _variants(ERROR_ANSWERS))
def test_newer_error_answer_is_still_the_same_error(example: AnswerExample, name: str) -> None:
    with pytest.raises(sunokit.APIStatusError) as documented:
        serve(example, example.value)
    variant = future_variants(example.vendor, example.schema, example.value)[name]
    with pytest.raises(sunokit.APIError) as raised:
        serve(example, variant)
    error = raised.value
    assert error.vendor == example.vendor
    assert error.body == variant  # the raw answer, unknown fields and all
    assert KEY not in f"{error} {error!r}"
    if name == "unknown-fields":
        assert type(error) is type(documented.value)
        assert (error.code, error.message, error.status_code) == (
            documented.value.code,
            documented.value.message,
            documented.value.status_code,
        )
    elif name == "unknown-enum-values" and "code" in example.value:
        # A code the spec does not list is an error of the generic kind for the HTTP status,
        # never a success.
        assert isinstance(error, sunokit.APIStatusError)
        assert error.code in (UNKNOWN_INT, UNKNOWN_STRING, example.value["code"])
    else:
        # Nulls: a nulled message or data changes nothing; a nulled gateway error code is gone.
        assert isinstance(error, sunokit.APIStatusError)
        assert error.code in (documented.value.code, None)
        same_words = all(variant.get(k) == example.value.get(k) for k in ("message", "msg"))
        if variant.get("code") is not None and same_words:  # messages refine some kinds
            assert type(error) is type(documented.value)
            assert error.code == documented.value.code


# --------------------------------------------------------------------------- odd answers (regressions)


SUBMIT_REQUESTS: dict[str, sunokit.MusicRequest] = {
    vendor: sunokit.CustomLyrics("[Verse] la la", "pop", "Song") for vendor in VENDORS
}
CALLBACK_URL = {"sunoapi_org": "https://cb.test/hook", "apikley": "https://cb.test/hook"}
SUBMIT_PATHS = {
    vendor: next(
        (path, method)
        for path, item in load(vendor)["paths"].items()
        for method, operation in item.items()
        if isinstance(operation, dict) and operation.get("x-sunokit-role") == "submit"
    )
    for vendor in VENDORS
}
SUCCESS_CODE = {vendor: ("success" if vendor == "relay" else 200) for vendor in VENDORS}
NO_TASK_ID = {
    "no-data": lambda code: {"code": code},
    "null-data": lambda code: {"code": code, "data": None},
    "null-ids": lambda code: {"code": code, "data": {"taskId": None, "task_id": None}},
    "empty-ids": lambda code: {"code": code, "data": {"taskId": "", "task_id": ""}, "task_id": ""},
}


@pytest.mark.parametrize("vendor", VENDORS)
@pytest.mark.parametrize("make", NO_TASK_ID.values(), ids=NO_TASK_ID.keys())
def test_submit_answer_without_a_task_id(vendor: str, make: Any) -> None:
    """Regression: SunoClient.submit returned task_id "None" for a null id, and raised a bare
    KeyError/TypeError (outside the SunokitError tree) when `data` was missing or null. It is an
    APIResponseError now, and - the request may have been accepted - not retried."""
    body = make(SUCCESS_CODE[vendor])
    path, method = SUBMIT_PATHS[vendor]
    with respx.mock(assert_all_called=True) as router:
        route = router.route(method=method.upper(), url=BASE + path).mock(
            return_value=httpx.Response(200, json=body)
        )
        client = sunokit.SunoClient(
            vendor,
            api_key=KEY,
            base_url=BASE,
            max_retries=3,
            callback_url=CALLBACK_URL.get(vendor),
            sleep=lambda _: None,
        )
        with pytest.raises(sunokit.APIResponseError, match="without a task id") as raised:
            client.submit(SUBMIT_REQUESTS[vendor])
        assert route.call_count == 1
    assert raised.value.vendor == vendor
    assert raised.value.status_code == 200
    assert KEY not in f"{raised.value} {raised.value!r}"


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (401, sunokit.AuthenticationError),
        (403, sunokit.AuthenticationError),
        (503, sunokit.MaintenanceError),
        (200, sunokit.ServerError),
    ],
)
def test_relay_openai_error_shape(status: int, error_class: type[sunokit.APIStatusError]) -> None:
    """Regression: new-api's `{"error": {...}}` answers are errors whatever the HTTP status,
    with the gateway's message (was: "HTTP 401" only, and a parse error at HTTP 200)."""
    example = next(e for e in STATUS_SUCCESSES if e.vendor == "relay")
    body = {"error": {"message": "无效的令牌", "type": "new_api_error", "code": ""}}
    with pytest.raises(error_class) as raised:
        serve_get(example, body, status)
    assert raised.value.message == "无效的令牌"
    assert raised.value.status_code == status
    assert raised.value.code is None
    assert raised.value.body == body


def test_relay_bare_clip_list_is_followed() -> None:
    """Regression: the bare clip list of an upstream Suno-API server left the task "unknown"
    forever (wait() never ended) and dropped its tracks."""
    example = next(e for e in STATUS_SUCCESSES if e.name == "sunokit-upstream-clip-list")
    task = serve_get(example, example.value)
    assert (task.state, task.vendor_state, task.task_id) == ("succeeded", "complete", TASK_ID)
    assert [track.id for track in task.tracks] == [clip["id"] for clip in example.value["data"]]
    assert task.tracks[0].duration == 182.4
