"""Every documented response example, served by respx, through the generated clients and SunoClient.

Enumerated from the specs: adding an example to a spec adds a test here. Each respx fixture is
first checked against the spec with schemathesis' `validate_response`, so fixtures cannot drift.

- Generated clients: every operation's `sync_detailed` and `asyncio_detailed` get every
  documented answer of that operation; the request they send matches the spec's path and
  method, and the answer parses into the model the spec names for that status, round-tripping
  the documented body.
- SunoClient and AsyncSunoClient: every documented answer of the submit and status operations
  gives a Task, or the error class the spec's tables name for it (`_expected_error`, an
  independent reading of x-sunokit-error-kinds, x-sunokit-error-message-kinds and
  x-sunokit-http-status-kinds/-overrides).
"""

from __future__ import annotations

import asyncio
import datetime
import importlib
import json
import re
import ssl
from collections.abc import Mapping
from typing import Any

import attrs
import httpx
import pytest
import respx
import schemathesis
import sunokit
from sunokit._adapters._base import ERROR_CLASSES

from .spec_tools import (
    SPECS,
    UNKNOWN_FIELD,
    VENDORS,
    future_variants,
    load,
    model_class,
    representatives,
    resolve,
)

KEY = "sk-test-secret-key-123"
BASE = "https://vendor.test"
SUCCESS_CODES = (200, "success")

REQUESTS: dict[str, sunokit.MusicRequest] = {
    "sunoapi_org": sunokit.CustomLyrics(
        "[Verse] la la", "pop", "Song", callback_url="https://cb.test/hook"
    ),
    "apikley": sunokit.CustomLyrics(
        "[Verse] la la", "pop", "Song", callback_url="https://cb.test/hook"
    ),
    "sunoapi_com": sunokit.CustomLyrics("[Verse] la la", "pop", "Song"),
    "sunosay": sunokit.CustomLyrics("[Verse] la la", "pop", "Song"),
    "relay": sunokit.CustomLyrics("[Verse] la la", "pop", "Song"),
}
TASK_ID = "task-123"
# One TLS context for every client (respx answers; building a context per client is slow).
TLS = ssl.create_default_context()


@attrs.frozen
class ResponseCase:
    vendor: str
    role: str
    path: str
    method: str
    key: str  # the spec's response key: "200", "401", "default"
    status: int
    name: str
    body: Any = attrs.field(eq=False)

    @property
    def id(self) -> str:
        # An operation without a role (lyrics, credits, ...) is named by its operationId.
        label = self.role or str(self.operation.get("operationId"))
        return f"{self.vendor}:{label}:{self.status}:{self.name}"

    @property
    def operation(self) -> Mapping[str, Any]:
        return load(self.vendor)["paths"][self.path][self.method]  # type: ignore[no-any-return]


def _status_for(key: str, name: str) -> int:
    if key != "default":
        return int(key)
    found = re.search(r"(\d{3})", name)
    return int(found.group(1)) if found else 500


def _cases() -> list[ResponseCase]:
    cases = []
    for vendor in VENDORS:
        for path, item in load(vendor)["paths"].items():
            for method, op in item.items():
                if not isinstance(op, dict) or "responses" not in op:
                    continue
                role = str(op.get("x-sunokit-role", ""))
                for key, response in op["responses"].items():
                    media = response.get("content", {}).get("application/json", {})
                    for name, example in (media.get("examples") or {}).items():
                        cases.append(
                            ResponseCase(
                                vendor,
                                role,
                                path,
                                method,
                                str(key),
                                _status_for(str(key), name),
                                name,
                                example["value"],
                            )
                        )
    return cases


CASES = _cases()
CLIENT_CASES = [case for case in CASES if case.role in ("submit", "status")]


def driven(cases: list[ResponseCase]) -> list[Any]:
    """(case, driver) params: sync and async for one vendor per family in make test, sync only
    for the others (their async runs are deep: make fuzz)."""
    return [
        pytest.param(
            case,
            driver,
            id=f"{case.id}-{driver}",
            marks=(pytest.mark.deep,)
            if driver == "async" and case.vendor not in representatives()
            else (),
        )
        for case in cases
        for driver in ("sync", "async")
    ]


def test_every_vendor_has_response_examples_for_submit_and_status() -> None:
    for vendor in VENDORS:
        roles = {case.role for case in CLIENT_CASES if case.vendor == vendor}
        assert roles == {"submit", "status"}, vendor
    # Operations beyond submit/status (extend, credits, batch status) are covered too, and so
    # is every operation without a role: each documented answer of each operation is a case.
    assert {case.role for case in CASES} - {"submit", "status"}
    for vendor in VENDORS:
        operations = {
            (path, method)
            for path, item in load(vendor)["paths"].items()
            for method, op in item.items()
            if isinstance(op, dict) and "responses" in op
        }
        assert operations == {(c.path, c.method) for c in CASES if c.vendor == vendor}, vendor
    assert len({case.id for case in CASES}) == len(CASES), "case ids are unique"


def _schema(vendor: str) -> Any:
    return schemathesis.openapi.from_path(str(SPECS / f"{vendor}.yaml"))


_SCHEMAS = {vendor: _schema(vendor) for vendor in VENDORS}


def _url(case: ResponseCase) -> str:
    return BASE + re.sub(r"\{[^}]+\}", TASK_ID, case.path)


# --------------------------------------------------------------------------- the oracle


def _spec_status_table(vendor: str) -> tuple[dict[int, str], set[int]]:
    kinds: dict[int, str] = {}
    overrides: set[int] = set()
    for schema in load(vendor)["components"]["schemas"].values():
        for status, kind in (schema.get("x-sunokit-http-status-kinds") or {}).items():
            kinds[int(status)] = kind
        overrides.update(int(s) for s in schema.get("x-sunokit-http-status-overrides") or ())
    return kinds, overrides


_GENERIC_HTTP = {
    401: "authentication",
    403: "authentication",
    404: "not_found",
    429: "rate_limited",
}


def _expected_error(case: ResponseCase) -> type[sunokit.APIStatusError] | None:
    """The error class the spec's tables give a documented answer (None: a success).

    Read straight from the YAML, independently of the overlay's reader: a message-refined kind
    first (x-sunokit-error-message-kinds), else the code's kind; an HTTP status listed in
    x-sunokit-http-status-overrides wins over the code; a body without a code (the relay's
    OpenAI error shape) is classified by x-sunokit-http-status-kinds.
    """
    code_schema = load(case.vendor)["components"]["schemas"]["ResponseCode"]
    kinds = {str(k): v for k, v in code_schema.get("x-sunokit-error-kinds", {}).items()}
    refined = code_schema.get("x-sunokit-error-message-kinds", [])
    status_kinds, overrides = _spec_status_table(case.vendor)
    body = case.body if isinstance(case.body, dict) else {}
    code = body.get("code")
    message = str(body.get("message") or body.get("msg") or "")
    if code is not None and code not in SUCCESS_CODES:
        kind = next(
            (
                entry["kind"]
                for entry in refined
                if str(entry["code"]) == str(code) and re.search(entry["pattern"], message)
            ),
            kinds.get(str(code)),
        )
        if case.status in overrides:
            kind = status_kinds[case.status]
        return ERROR_CLASSES[kind] if kind else sunokit.APIStatusError
    if isinstance(body.get("error"), dict):
        kind = status_kinds.get(case.status) or _GENERIC_HTTP.get(case.status)
        return ERROR_CLASSES[kind] if kind else sunokit.APIStatusError
    if case.status >= 400:
        return sunokit.APIStatusError
    return None


# Hand-checked against the vendors' error guides: the refinements the tables above encode.
DOCUMENTED_REFINEMENTS = {
    "sunoapi_com:submit:403:sunokit-403-credits": sunokit.InsufficientCreditsError,
    "sunoapi_com:submit:403:sunokit-403-lyrics-copyrighted": sunokit.ContentRejectedError,
    "sunoapi_com:submit:403:sunokit-403-description-moderation": sunokit.ContentRejectedError,
    "sunoapi_com:status:400:sunokit-400-task-not-found": sunokit.NotFoundError,
    "sunoapi_com:status:400:sunokit-400-missing-task-id": sunokit.InvalidRequestError,
    "relay:submit:401:sunokit-upstream-secret-invalid": sunokit.AuthenticationError,
    "relay:submit:429:sunokit-upstream-saturated": sunokit.RateLimitError,
    "relay:submit:403:sunokit-quota-not-enough": sunokit.InsufficientCreditsError,
    "relay:submit:401:sunokit-gateway-token-invalid": sunokit.AuthenticationError,
    "sunoapi_org:submit:200:sunokit-429": sunokit.InsufficientCreditsError,
    "apikley:submit:200:sunokit-429": sunokit.RateLimitError,
}


def test_documented_refinements_are_what_the_oracle_reads() -> None:
    """Regression: the overlay ignored x-sunokit-error-message-kinds (sunoapi_com's 403
    "lyrics contain copyrighted content" was InsufficientCreditsError, 400 "task not found"
    InvalidRequestError) and the relay's HTTP-status overrides (an upstream's wrong secret,
    invalid_request at HTTP 401, was InvalidRequestError; an upstream 429 ServerError, so a
    submit was never retried)."""
    by_id = {case.id: case for case in CLIENT_CASES}
    for case_id, error_class in DOCUMENTED_REFINEMENTS.items():
        assert _expected_error(by_id[case_id]) is error_class, case_id


# --------------------------------------------------------------------------- fixtures vs spec


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_fixture_conforms_to_spec(case: ResponseCase) -> None:
    operation = _SCHEMAS[case.vendor][case.path][case.method.upper()]
    response = httpx.Response(
        case.status, json=case.body, request=httpx.Request(case.method.upper(), _url(case))
    )
    response.elapsed = datetime.timedelta(0)
    operation.validate_response(response)


# --------------------------------------------------------------------------- generated clients


def _endpoint(case: ResponseCase) -> Any:
    op = case.operation
    return importlib.import_module(f"{case.vendor}_client.api.{op['tags'][0]}.{op['operationId']}")


def _form_example(vendor: str, schema: Mapping[str, Any]) -> dict[str, Any]:
    """A multipart body with the schema's required parts: bytes for a binary part (the
    generated model's from_dict wraps them in a File), "x" for a text part."""
    resolved = resolve(load(vendor), schema)
    properties = resolved.get("properties", {})
    return {
        name: b"sunokit"
        if resolve(load(vendor), properties.get(name, {})).get("format") == "binary"
        else "x"
        for name in resolved.get("required", ())
    }


def _request_body(case: ResponseCase) -> Any:
    """The operation's first documented request example (a multipart body: its required
    parts), as the generated request model."""
    content = case.operation["requestBody"]["content"]
    if "application/json" in content:
        media = content["application/json"]
        example = next(iter(media["examples"].values()))["value"]
    else:
        media = content["multipart/form-data"]
        example = _form_example(case.vendor, media["schema"])
    model = model_class(case.vendor, media["schema"])
    assert model is not None, f"{case.id}: no generated request model"
    return model.from_dict(example)


def _call_kwargs(case: ResponseCase) -> dict[str, Any]:
    """Arguments of the generated function: the request model, and TASK_ID for parameters."""
    kwargs: dict[str, Any] = {}
    if "requestBody" in case.operation:
        kwargs["body"] = _request_body(case)
    for parameter in case.operation.get("parameters", ()):
        parameter = resolve(load(case.vendor), parameter)
        name = re.sub(r"(?<!^)(?=[A-Z])", "_", parameter["name"]).lower()
        kwargs[name] = TASK_ID
    return kwargs


def _response_model(case: ResponseCase) -> Any:
    responses = case.operation["responses"]
    key = case.key if case.key in responses else "default"
    schema = responses[key]["content"]["application/json"]["schema"]
    return model_class(case.vendor, schema)


def _generated_client(vendor: str) -> Any:
    package = importlib.import_module(f"{vendor}_client")
    return package.AuthenticatedClient(
        base_url=BASE, token=KEY, raise_on_unexpected_status=True, verify_ssl=TLS
    )


@pytest.mark.parametrize(("case", "driver"), driven(CASES))
def test_generated_client_on_documented_response(case: ResponseCase, driver: str) -> None:
    endpoint = _endpoint(case)
    kwargs = _call_kwargs(case)
    model = _response_model(case)
    assert model is not None, f"{case.id}: the response schema has no generated model"
    with respx.mock(assert_all_called=True) as router:
        route = router.route(method=case.method.upper(), url=_url(case)).mock(
            return_value=httpx.Response(case.status, json=case.body)
        )
        client = _generated_client(case.vendor)
        if driver == "sync":
            with client:
                response = endpoint.sync_detailed(client=client, **kwargs)
        else:

            async def call() -> Any:
                async with client:
                    return await endpoint.asyncio_detailed(client=client, **kwargs)

            response = asyncio.run(call())
        assert route.call_count == 1
    sent = route.calls.last.request
    assert sent.headers["Authorization"] == f"Bearer {KEY}"
    if "body" in kwargs and "application/json" in case.operation["requestBody"]["content"]:
        assert json.loads(sent.content) == kwargs["body"].to_dict()
    elif "body" in kwargs:
        assert sent.headers["Content-Type"].startswith("multipart/form-data")
    assert int(response.status_code) == case.status
    assert response.parse_error is None, response.parse_error
    assert isinstance(response.parsed, model), type(response.parsed)
    assert response.parsed.to_dict() == case.body
    assert json.loads(response.content) == case.body


# --------------------------------------------------------------------------- SunoClient


def _run(driver: str, case: ResponseCase) -> sunokit.Task:
    if driver == "sync":
        with sunokit.SunoClient(
            case.vendor,
            api_key=KEY,
            base_url=BASE,
            max_retries=0,
            http_client=httpx.Client(verify=TLS),
        ) as client:
            if case.role == "submit":
                return client.submit(REQUESTS[case.vendor])
            return client.get(TASK_ID)

    async def run() -> sunokit.Task:
        async with sunokit.AsyncSunoClient(
            case.vendor,
            api_key=KEY,
            base_url=BASE,
            max_retries=0,
            http_client=httpx.AsyncClient(verify=TLS),
        ) as client:
            if case.role == "submit":
                return await client.submit(REQUESTS[case.vendor])
            return await client.get(TASK_ID)

    return asyncio.run(run())


@pytest.mark.parametrize(("case", "driver"), driven(CLIENT_CASES))
def test_sunoclient_on_documented_response(case: ResponseCase, driver: str) -> None:
    expected = _expected_error(case)
    with respx.mock(assert_all_called=True) as router:
        route = router.route(method=case.method.upper(), url=_url(case)).mock(
            return_value=httpx.Response(case.status, json=case.body)
        )
        if expected is not None:
            with pytest.raises(sunokit.APIStatusError) as raised:
                _run(driver, case)
            error = raised.value
            assert type(error) is expected, (type(error), expected)
            assert error.vendor == case.vendor
            assert error.status_code == case.status
            assert error.body == case.body
            assert error.message
            code = case.body.get("code") if isinstance(case.body, dict) else None
            if code is not None:
                assert error.code == code
            assert KEY not in str(error)
            assert KEY not in repr(error)
        else:
            task = _run(driver, case)
            assert isinstance(task, sunokit.Task)
            assert task.vendor == case.vendor
            assert task.task_id
            if case.role == "status":
                assert task.state in sunokit.TaskState.__args__  # type: ignore[attr-defined]
            else:
                assert task.state == "queued"
            # The generated model of the answer stays reachable, every raw value kept.
            assert task.raw is not None
            assert task.raw.to_dict() == case.body
        assert route.call_count == 1
        sent = route.calls.last.request
        assert sent.headers["Authorization"] == f"Bearer {KEY}"
        if case.role == "submit":
            assert sunokit.validate(case.vendor, json.loads(sent.content), role="submit") == []


def _response_schema(case: ResponseCase) -> Any:
    responses = case.operation["responses"]
    return responses[case.key]["content"]["application/json"]["schema"]


def _future_marks(case_index: int, case: ResponseCase, variant_index: int) -> tuple[Any, ...]:
    """make test runs half of the newer-server variants of one vendor per family, chosen on a
    diagonal (each kind of variant for every other answer); make fuzz runs all (deep)."""
    if case.vendor in representatives() and (case_index + variant_index) % 2 == 0:
        return ()
    return (pytest.mark.deep,)


FUTURE_CASES = [
    pytest.param(case, name, id=f"{case.id}:{name}", marks=_future_marks(index, case, number))
    for index, case in enumerate(CASES)
    if isinstance(case.body, dict)
    for number, name in enumerate(future_variants(case.vendor, _response_schema(case), case.body))
]


def test_future_variants_of_every_kind_are_served() -> None:
    kinds = {"unknown-fields", "unknown-enum-values", "nulls", "null-containers"}
    assert {param.values[1] for param in FUTURE_CASES} == kinds
    # ...and the make test slice still serves every kind, for every vendor it keeps.
    for vendor in representatives():
        kept = {
            param.values[1]
            for param in FUTURE_CASES
            if not param.marks and param.values[0].vendor == vendor
        }
        assert kept == kinds, (vendor, kept)


@pytest.mark.parametrize(("case", "name"), FUTURE_CASES)
def test_generated_client_parses_what_a_newer_server_sends(case: ResponseCase, name: str) -> None:
    """A documented answer with unknown fields, unknown enum values or nulls where the spec
    allows them still parses in the generated client, which keeps every raw value."""
    variant = future_variants(case.vendor, _response_schema(case), case.body)[name]
    endpoint = _endpoint(case)
    with respx.mock(assert_all_called=True) as router:
        router.route(method=case.method.upper(), url=_url(case)).mock(
            return_value=httpx.Response(case.status, json=variant)
        )
        with _generated_client(case.vendor) as client:
            response = endpoint.sync_detailed(client=client, **_call_kwargs(case))
    assert response.parse_error is None, response.parse_error
    assert isinstance(response.parsed, _response_model(case))
    assert response.parsed.to_dict() == variant
    if name == "unknown-fields":
        assert response.parsed.additional_properties[UNKNOWN_FIELD] == {"nested": [1, "two", None]}


# --------------------------------------------------------------------------- client.request()

UPLOAD = "https://upload.vendor.test"


def _code_table(case: ResponseCase) -> str:
    """The code table of the operation's success envelope (its `code` property's `$ref`), read
    from the YAML: an operation whose page documents codes of its own names its own table."""
    doc = load(case.vendor)
    success = next(
        (r for k, r in case.operation["responses"].items() if str(k).startswith("2")), None
    )
    media = ((success or {}).get("content") or {}).get("application/json") or {}
    schema = resolve(doc, media.get("schema", {}))
    for branch in [schema, *(resolve(doc, s) for s in schema.get("allOf", ()))]:
        code = (branch.get("properties") or {}).get("code")
        if isinstance(code, Mapping) and "$ref" in code:
            return str(code["$ref"]).rsplit("/", 1)[1]
    return "ResponseCode"


def _request_kwargs(case: ResponseCase) -> tuple[dict[str, Any] | None, dict[str, Any]]:
    """What client.request() takes: the operation's first documented JSON request example (the
    wire body) and TASK_ID for every parameter, by its wire name."""
    body = None
    content = (case.operation.get("requestBody") or {}).get("content", {})
    if "application/json" in content:
        body = dict(next(iter(content["application/json"]["examples"].values()))["value"])
    params = {
        resolve(load(case.vendor), p)["name"]: TASK_ID for p in case.operation.get("parameters", ())
    }
    return body, params


def _request_url(case: ResponseCase) -> str:
    base = UPLOAD if case.operation.get("servers") else BASE
    return base + re.sub(r"\{[^}]+\}", TASK_ID, case.path)


JSON_CASES = [
    case
    for case in CASES
    if "multipart/form-data" not in (case.operation.get("requestBody") or {}).get("content", {})
]


def test_client_request_cases_cover_every_json_operation() -> None:
    """Every operation of every spec is a client.request() case (multipart uploads aside: their
    file part is no JSON body; the generated client cases above cover them)."""
    for vendor in VENDORS:
        every = {(c.path, c.method) for c in CASES if c.vendor == vendor}
        covered = {(c.path, c.method) for c in JSON_CASES if c.vendor == vendor}
        multipart = {
            (c.path, c.method)
            for c in CASES
            if c.vendor == vendor
            and "multipart/form-data" in (c.operation.get("requestBody") or {}).get("content", {})
        }
        assert covered | multipart == every, vendor
        assert len(multipart) <= 1, multipart


def _documented_state(case: ResponseCase) -> bool:
    """Whether the answer carries one of the poll's documented task states at its
    x-sunokit-state path (the state schema's x-sunokit-task-states), read from the YAML."""
    path = case.operation.get("x-sunokit-state")
    if not path or not 200 <= case.status < 300 or not isinstance(case.body, dict):
        return False
    doc = load(case.vendor)
    node = resolve(doc, _response_schema(case))
    value: Any = case.body
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
        branches = [
            node,
            *(resolve(doc, b) for k in ("allOf", "anyOf", "oneOf") for b in node.get(k, ())),
        ]
        found = next((b["properties"][key] for b in branches if key in b.get("properties", {})), {})
        node = resolve(doc, found)
    states = node.get("x-sunokit-task-states") or {}
    return isinstance(value, (str, int)) and not isinstance(value, bool) and str(value) in states


def _expected_request_error(case: ResponseCase) -> type[sunokit.APIStatusError] | None:
    """`_expected_error` with the operation's own code table; a poll's documented state (where
    the state is the envelope's code: 201 running, 500 every track failed) is no error."""
    if _documented_state(case):
        return None
    table = _code_table(case)
    schemas = load(case.vendor)["components"]["schemas"]
    if table == "ResponseCode" or table not in schemas:
        return _expected_error(case)
    codes = schemas[table]
    kinds = {str(k): v for k, v in codes.get("x-sunokit-error-kinds", {}).items()}
    body = case.body if isinstance(case.body, dict) else {}
    code = body.get("code")
    if code is None:
        return _expected_error(case)
    if str(code) not in kinds and code in codes.get("enum", ()):
        return None  # a success code of the operation's table
    message = str(body.get("message") or body.get("msg") or "")
    kind = next(
        (
            entry["kind"]
            for entry in codes.get("x-sunokit-error-message-kinds", [])
            if str(entry["code"]) == str(code) and re.search(entry["pattern"], message)
        ),
        kinds.get(str(code)),
    )
    status_kinds, overrides = _spec_status_table(case.vendor)
    if case.status in overrides:
        kind = status_kinds[case.status]
    return ERROR_CLASSES[kind] if kind else sunokit.APIStatusError


def _run_request(driver: str, case: ResponseCase) -> Any:
    body, params = _request_kwargs(case)
    operation_id = str(case.operation["operationId"])
    options: dict[str, Any] = {
        "api_key": KEY,
        "base_url": BASE,
        "upload_base_url": UPLOAD,
        "max_retries": 0,
    }
    extension = case.operation.get("x-sunokit-extension")
    if extension:  # one gateway's extension: the client sends it only when opted in
        options["extensions"] = (extension["gateways"][0],)
    if driver == "sync":
        with sunokit.SunoClient(
            case.vendor, http_client=httpx.Client(verify=TLS), **options
        ) as client:
            return client.request(operation_id, body, params=params)

    async def run() -> Any:
        async with sunokit.AsyncSunoClient(
            case.vendor, http_client=httpx.AsyncClient(verify=TLS), **options
        ) as client:
            return await client.request(operation_id, body, params=params)

    return asyncio.run(run())


@pytest.mark.parametrize(("case", "driver"), driven(JSON_CASES))
def test_client_request_on_documented_response(case: ResponseCase, driver: str) -> None:
    """The overlay's door to every operation, `client.request(operationId, body, params=)`,
    on every documented answer: the generated model of a success (every value kept), or the
    error class the spec's tables name, carrying the answer."""
    expected = _expected_request_error(case)
    with respx.mock(assert_all_called=True) as router:
        route = router.route(method=case.method.upper(), url=_request_url(case)).mock(
            return_value=httpx.Response(case.status, json=case.body)
        )
        if expected is not None:
            with pytest.raises(sunokit.APIStatusError) as raised:
                _run_request(driver, case)
            error = raised.value
            assert type(error) is expected, (type(error), expected, _code_table(case))
            assert error.vendor == case.vendor
            assert error.status_code == case.status
            assert error.body == case.body
            assert KEY not in str(error)
            assert KEY not in repr(error)
        else:
            answer = _run_request(driver, case)
            assert isinstance(answer, _response_model(case)), type(answer)
            assert answer.to_dict() == case.body
        assert route.call_count == 1
    sent = route.calls.last.request
    assert sent.headers["Authorization"] == f"Bearer {KEY}"
    body, params = _request_kwargs(case)
    if body is not None:
        assert json.loads(sent.content) == body
    for name, value in params.items():
        assert value in str(sent.url), (name, str(sent.url))


def test_client_request_reads_the_operations_own_code_table_and_states() -> None:
    """Regression (found by the cases above): client.request() mapped every answer through the
    vendor's main table, so SunoAPI.org's WAV "409 already exists" (KieResponseCode) was a
    ServerError and its 429 an InsufficientCreditsError (429 of the music table), and a running
    recovery poll (code 201, a documented state) raised instead of answering."""
    by_id = {case.id: case for case in JSON_CASES}
    conflict = by_id["sunoapi_org:convert_to_wav:200:sunokit-409"]
    assert _expected_request_error(conflict) is sunokit.ConflictError
    running = by_id["sunoapi_org:get_recovery_details:200:sunokit-running"]
    assert _expected_request_error(running) is None
    for case, driver in ((conflict, "sync"), (running, "async")):
        test_client_request_on_documented_response(case, driver)
