"""Schemathesis against each mock vendor app, in process: the spec is the oracle.

For every vendor, `specs/<vendor>.yaml` is loaded with `schemathesis.openapi.from_path` and
bound to the mock's ASGI app (`schema.app`); `schema.parametrize()` runs the examples, coverage
and fuzzing phases, positive and negative data, against every operation, and
`case.call_and_validate` applies every built-in check: not_a_server_error,
status_code_conformance, content_type_conformance, response_headers_conformance,
response_schema_conformance, negative_data_rejection, positive_data_acceptance,
missing_required_header, unsupported_method, allow_header_conformance, ignored_auth,
use_after_free, ensure_resource_availability, object_level_authorization (the last three have
nothing to act on outside the stateful phase / without identities), except the exclusions in
`checks_for`, each replaced by a stricter equivalent. A stateful run follows submit -> get_task.

Why equivalents: three vendors (sunosay, sunoapi_org, apikley) answer every error, a wrong key
included, as a `{code, ...}` envelope on HTTP 200, and two (sunoapi_com, relay) answer an
unknown task id with HTTP 400 and their not-found code. That is the vendors' documented wire
format (the specs' descriptions and code tables), not a mock bug, so the checks that judge an
answer by its HTTP status also run on what the answer *means* (`meaning`: the status of the
error kind the spec's x-sunokit tables give its code), and `ignored_auth`, whose probes are
judged by raw status, has a by-code twin (`auth_is_enforced`). Tests at the end prove these
checks fail on a mock that is wrong in the way they look for.

The relay's server is `{baseUrl}` (default `https://api.example-gateway.com`, no path), so its
base path is "/" like every other vendor's; `load_schema` asserts it, because the mock serves
the spec paths at its root.

Budget: in `make test` the fuzzing phase draws FUZZ_EXAMPLES cases per operation and the
"ci" hypothesis profile (contract_tests/conftest.py) bounds the stateful scenarios; the examples
and coverage phases run in full. `make fuzz` (HYPOTHESIS_PROFILE=deep) draws up to 500 per
operation. `test_every_operation_got_cases` prints the cases per operation and phase (-s).
"""

from __future__ import annotations

import collections
import copy
import functools
import threading
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import httpx
import jsonschema_rs
import pytest
import schemathesis
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.provisional import urls
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    ensure_resource_availability,
    ignored_auth,
    missing_required_header,
    negative_data_rejection,
    positive_data_acceptance,
    response_schema_conformance,
    status_code_conformance,
)
from sunokit import _operations, _specs
from sunokit._formats import is_uri
from sunokit.mock import DEFAULT_API_KEY, ManualClock, MockVendor, StageTimings, create_app

from .spec_tools import SPECS, VENDORS, examples, load, representatives, resolve

AUTH = {"Authorization": f"Bearer {DEFAULT_API_KEY}"}
SUCCESS_CODES = (200, "success")
STATEFUL_SCENARIOS = 10

# The HTTP status an answer of each error kind (specs/README.md) stands for.
KIND_STATUS = {
    "authentication": 401,
    "insufficient_credits": 402,
    "not_found": 404,
    "conflict": 409,
    "invalid_request": 400,
    "content_rejected": 422,
    "rate_limited": 429,
    "maintenance": 503,
    "server_error": 500,
}

# Vendors whose error envelopes ride on HTTP 200 (each spec's description says so): the
# built-in `ignored_auth` judges its probes by their raw HTTP status, which for these vendors
# is 200 whether the key is right or not, so it cannot apply; `auth_is_enforced` replaces it.
HTTP_200_ERRORS = frozenset({"sunosay", "sunoapi_org", "apikley"})


# --------------------------------------------------------------------------- the mock


def make_mock(vendor: str) -> MockVendor:
    """The mock under test, configured so that every answer is decided by the request alone.

    - `rate_limits=False`: the fuzzer sends hundreds of submits within a frozen clock, so
      sunoapi_org's documented 20-per-10-seconds limit would answer most of them with its
      rate-limit code - correct behaviour (tested in test_mock_apps), but it would hide the
      request validation this run is about.
    - `credits=None` (unlimited), for the same reason.
    - A ManualClock and zero stage timings: every task is complete at once, so status answers
      carry full track lists (the largest response shapes) without sleeping.
    - Callbacks go to an in-memory receiver, never to the (generated) callback URLs.
    """
    return create_app(
        vendor,
        clock=ManualClock(),
        timings=StageTimings(0, 0, 0),
        credits=None,
        rate_limits=False,
        callback_transport=httpx.MockTransport(lambda _: httpx.Response(200, json={"code": 200})),
        callback_attempts=1,
        callback_backoff=0,
    )


def load_schema(vendor: str, config: schemathesis.Config | None = None) -> Any:
    """The vendor's spec, bound to a fresh mock (one per vendor run: state carries over between
    operations and phases, as it would on a real server)."""
    schema = schemathesis.openapi.from_path(SPECS / f"{vendor}.yaml", config=config)
    assert schema.base_path == "/", f"{vendor}: the mock serves the spec paths at its root"
    schema.app = make_mock(vendor)
    return schema


# --------------------------------------------------------------------------- meaning of an answer


@functools.cache
def code_schema(vendor: str, method: str, path: str) -> str:
    """The code table the operation's success envelope refers to (`ResponseCode` unless the
    operation's page documents a table of its own), read by the overlay's operations index."""
    for operation in _specs.operations(vendor):
        if operation.method == method.lower() and operation.path == path:
            return _operations.spec_operation(vendor, operation.operation_id).code_schema
    return "ResponseCode"


def case_code_schema(vendor: str, case: Any) -> str:
    return code_schema(vendor, case.operation.method, case.operation.path)


def error_kind(vendor: str, status: int, body: Any, schema: str = "ResponseCode") -> str | None:
    """The error kind an answer means, read from the spec's tables; None for a success or for
    a body without a code whose HTTP status the vendor's table does not name (plain HTTP, such
    as the 405 of an undeclared method: its status says it all).

    In order: the code refined by its message (x-sunokit-error-message-kinds), the code's kind
    (x-sunokit-error-kinds) unless the HTTP status overrides it (x-sunokit-http-status-overrides),
    and for a body without a code the HTTP status table (x-sunokit-http-status-kinds). `schema`
    is the operation's code table. A code the table does not name fails the check
    (AssertionError).
    """
    code = body.get("code") if isinstance(body, dict) else None
    statuses = _specs.http_status_kinds(vendor)
    if code is None:
        return None if 200 <= status < 300 else statuses.kinds.get(status)
    if code in SUCCESS_CODES:
        assert 200 <= status < 300, f"the success code {code!r} on HTTP {status}"
        return None
    if status in statuses.overrides and status in statuses.kinds:
        return statuses.kinds[status]
    message = next((body[key] for key in ("message", "msg") if isinstance(body.get(key), str)), "")
    for entry in _specs.error_message_kinds(vendor, schema):
        if entry.code == str(code) and entry.pattern.search(message):
            return entry.kind
    kind = _specs.error_kinds(vendor, schema).get(str(code))
    assert kind is not None, f"code {code!r} is not in the x-sunokit-error-kinds of {schema}"
    return kind


def meaning(
    vendor: str, response: schemathesis.Response, schema: str = "ResponseCode"
) -> schemathesis.Response:
    """`response` with the HTTP status its content means (unchanged when it already agrees)."""
    try:
        body = response.json()
    except ValueError:
        return response  # not JSON: content_type/response_schema_conformance judge it
    kind = error_kind(vendor, response.status_code, body, schema)
    if kind is not None:
        status = KIND_STATUS[kind]
    elif isinstance(body, dict) and body.get("code") in SUCCESS_CODES:
        status = 200
    else:
        status = response.status_code
    if status == response.status_code:
        return response
    return schemathesis.Response(
        status_code=status,
        headers=response.headers,
        content=response.content,
        request=response.request,
        elapsed=response.elapsed,
        verify=response.verify,
        http_version=response.http_version,
        encoding=response.encoding,
    )


Check = Callable[[schemathesis.CheckContext, schemathesis.Response, schemathesis.Case], Any]


def by_meaning(vendor: str, check: Check) -> Check:
    """`check` (a built-in) applied to the status the answer means."""

    def run(ctx: schemathesis.CheckContext, response: schemathesis.Response, case: Any) -> Any:
        return check(ctx, meaning(vendor, response, case_code_schema(vendor, case)), case)

    run.__name__ = f"{check.__name__}_by_meaning"
    return run


def auth_is_enforced(vendor: str) -> Check:
    """`ignored_auth` by the vendor's codes: once per operation that answered a success, the
    same request without a key and with a wrong key must get the authentication answer."""
    confirmed: set[str] = set()
    lock = threading.Lock()

    def run(ctx: schemathesis.CheckContext, response: schemathesis.Response, case: Any) -> None:
        label = case.operation.label
        with lock:
            if label in confirmed:
                return
        try:
            body = response.json()
        except ValueError:
            return
        schema = case_code_schema(vendor, case)
        if (
            not 200 <= response.status_code < 300
            or error_kind(vendor, response.status_code, body, schema) is not None
            or case.method.upper() != case.operation.method.upper()  # an unsupported-method probe
        ):
            return
        headers = {k: v for k, v in case.headers.items() if k.lower() != "authorization"}
        for name, sent in (
            ("no key", headers),
            ("a wrong key", {**headers, "Authorization": "Bearer sk-wrong"}),
        ):
            probe = case.derive(headers=headers).call(headers=sent)
            kind = error_kind(vendor, probe.status_code, probe.json(), schema)
            assert kind == "authentication", (
                f"{label} with {name}: expected the vendor's authentication answer, "
                f"got HTTP {probe.status_code} {probe.text[:200]}"
            )
        with lock:
            confirmed.add(label)

    run.__name__ = "auth_is_enforced"
    return run


def checks_for(vendor: str) -> tuple[list[Check], list[Check]]:
    """(additional checks, excluded built-in checks) of one vendor's run."""
    additional = [
        by_meaning(vendor, negative_data_rejection),
        by_meaning(vendor, positive_data_acceptance),
        by_meaning(vendor, not_a_server_error),
        by_meaning(vendor, missing_required_header),
        auth_is_enforced(vendor),
    ]
    excluded: list[Check] = []
    if vendor in HTTP_200_ERRORS:
        # Every error of these vendors, wrong key and invalid body included, is HTTP 200 by
        # design (spec descriptions): judged by raw status, these three checks would demand a
        # wire format other than the vendor's. `negative_data_rejection_by_meaning`,
        # `missing_required_header_by_meaning` and `auth_is_enforced` run instead.
        excluded += [negative_data_rejection, missing_required_header, ignored_auth]
    else:
        # The vendor answers an unknown task id with HTTP 400 and its not-found code (specs:
        # sunoapi_com code 400 "task not found", refined to not_found by
        # x-sunokit-error-message-kinds; relay "task_not_exist" on HTTP 400). A well-formed id
        # that names no task is "rejected" only by raw status;
        # `positive_data_acceptance_by_meaning` (not found -> 404) runs instead.
        excluded += [positive_data_acceptance]
    return additional, excluded


# --------------------------------------------------------------------------- the runs

# (phase, generation mode) -> cases, per vendor: proof that every phase and mode ran.
SEEN: dict[str, collections.Counter[tuple[str, str]]] = {v: collections.Counter() for v in VENDORS}
# (operation label "POST /api/v1/generate", phase) -> cases, per vendor: the per-operation budget.
CASES_PER_OPERATION: dict[str, collections.Counter[tuple[str, str]]] = {
    v: collections.Counter() for v in VENDORS
}


# Fuzzing-phase examples per operation and generation mode in the default run ("ci" profile);
# `make fuzz` (the "deep" profile) uses the profile's own, 500. The examples and coverage
# phases are not bounded by it: they run in full in both.
FUZZ_EXAMPLES = {"ci": 8}.get(settings.get_current_profile_name())


def _run(vendor: str) -> Callable[[Any], None]:
    additional, excluded = checks_for(vendor)

    @settings(max_examples=FUZZ_EXAMPLES or settings.default.max_examples)
    def test(case: Any) -> None:
        SEEN[vendor][(case.meta.phase.name.value, case.meta.generation.mode.value)] += 1
        CASES_PER_OPERATION[vendor][(case.operation.label, case.meta.phase.name.value)] += 1
        case.call_and_validate(headers=AUTH, additional_checks=additional, excluded_checks=excluded)

    return test


def coverage_phase(vendor: str) -> bool:
    """Whether the vendor's run has the coverage phase (its boundary values are most of the
    cases): always in make fuzz; in make test for one vendor per family (apikley's request
    schemas are sunoapi_org's; its examples and fuzzing phases still run)."""
    return FUZZ_EXAMPLES is None or vendor in representatives()


def run_schema(vendor: str) -> Any:
    config = None
    if not coverage_phase(vendor):
        config = schemathesis.Config.from_dict({"phases": {"coverage": {"enabled": False}}})
    return load_schema(vendor, config)


# One named test per vendor (pytest -k sunoapi_org); a new spec must get its line here.
assert set(VENDORS) == {"sunosay", "sunoapi_com", "sunoapi_org", "apikley", "relay"}, VENDORS
sunosay_schema = run_schema("sunosay")
sunoapi_com_schema = run_schema("sunoapi_com")
sunoapi_org_schema = run_schema("sunoapi_org")
apikley_schema = run_schema("apikley")
relay_schema = run_schema("relay")

test_sunosay = pytest.mark.schemathesis(sunosay_schema.parametrize()(_run("sunosay")))
test_sunoapi_com = pytest.mark.schemathesis(sunoapi_com_schema.parametrize()(_run("sunoapi_com")))
test_sunoapi_org = pytest.mark.schemathesis(sunoapi_org_schema.parametrize()(_run("sunoapi_org")))
test_apikley = pytest.mark.schemathesis(apikley_schema.parametrize()(_run("apikley")))
test_relay = pytest.mark.schemathesis(relay_schema.parametrize()(_run("relay")))


@pytest.mark.schemathesis
@pytest.mark.parametrize("vendor", VENDORS)
def test_every_phase_and_mode_ran(vendor: str) -> None:
    """The runs above (collected first, so run first) went through the examples, coverage and
    fuzzing phases with positive and negative data for the vendor."""
    seen = SEEN[vendor]
    if not seen:
        pytest.skip(f"test_{vendor} was not run in this session")
    phases = {phase for phase, _ in seen}
    modes = {mode for _, mode in seen}
    expected = (
        {"examples", "coverage", "fuzzing"} if coverage_phase(vendor) else {"examples", "fuzzing"}
    )
    assert phases == expected, seen
    assert modes == {"positive", "negative"}, seen
    assert ("fuzzing", "negative") in seen, seen
    if coverage_phase(vendor):
        assert ("coverage", "negative") in seen, seen


def spec_labels(vendor: str) -> set[str]:
    return {
        f"{method.upper()} {path}"
        for path, item in load(vendor)["paths"].items()
        for method, operation in item.items()
        if isinstance(operation, dict) and "responses" in operation
    }


@pytest.mark.schemathesis
@pytest.mark.parametrize("vendor", VENDORS)
def test_every_operation_got_cases(vendor: str) -> None:
    """Every operation of the vendor's spec was exercised by the run above; the cases per
    operation are printed (pytest -s / -rP), the figure `make test` and `make fuzz` report."""
    by_phase = CASES_PER_OPERATION[vendor]
    if not by_phase:
        pytest.skip(f"test_{vendor} was not run in this session")
    counts: collections.Counter[str] = collections.Counter()
    for (label, _), number in by_phase.items():
        counts[label] += number
    assert set(counts) == spec_labels(vendor), set(counts) ^ spec_labels(vendor)
    phases = ("examples", "coverage", "fuzzing")
    print(f"\n{vendor}: {sum(counts.values())} schemathesis cases over {len(counts)} operations")
    print(f"  {'total':>6}  " + "  ".join(f"{phase:>8}" for phase in phases))
    for label, number in sorted(counts.items(), key=lambda item: -item[1]):
        split = "  ".join(f"{by_phase[(label, phase)]:8d}" for phase in phases)
        print(f"  {number:6d}  {split}  {label}")
    assert min(counts.values()) >= 1


# --------------------------------------------------------------------------- stateful

# Where each vendor's submit answer carries the task id (the specs' success examples), and
# the get_task parameter it feeds. The specs declare no OpenAPI links (the relation is their
# x-sunokit-role), so the stateful run adds these links to its in-memory copy of the spec.
TASK_ID_AT = {
    "sunosay": "/task_id",
    "sunoapi_com": "/data/task_id",
    "sunoapi_org": "/data/taskId",
    "apikley": "/data/taskId",
    "relay": "/data",
}
SUBMIT_ROLES = ("submit", "extend", "extend-instrumental")


def with_task_links(vendor: str) -> dict[str, Any]:
    """The vendor's spec with a link from every submit-like answer to get_task, and no other
    link: the chains the specs declare (get_task -> WAV, stems, ...) are test_stateful_chains'
    (positive data; here negative cases would reach them with link values merged over the very
    field they broke, and the mock rightly accepts what was sent)."""
    document = copy.deepcopy(load(vendor))
    for item in document["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict):
                for response in (operation.get("responses") or {}).values():
                    response.pop("links", None)
    status = _specs.operation(vendor, "status")
    link: dict[str, Any] = {"operationId": status.definition["operationId"]}
    expression = f"$response.body#{TASK_ID_AT[vendor]}"
    parameters = [p for p in status.definition.get("parameters", ()) if p["in"] != "header"]
    if parameters:
        link["parameters"] = {f"{p['in']}.{p['name']}": expression for p in parameters}
    else:  # the task id travels in the body (sunosay: POST get-task {task_id})
        schema = resolve(document, {"$ref": status.request_schema_pointer})
        link["requestBody"] = {schema["required"][0]: expression}
    linked = 0
    for role in SUBMIT_ROLES:
        if _specs.has_operation(vendor, role):
            operation = _specs.operation(vendor, role)
            answer = document["paths"][operation.path][operation.method]["responses"]["200"]
            answer.setdefault("links", {})["GetTask"] = link
            linked += 1
    assert linked
    return document


@pytest.mark.schemathesis
@pytest.mark.parametrize("vendor", VENDORS)
def test_stateful_submit_then_get_task(vendor: str) -> None:
    """Stateful phase: submits followed by get_task on the id they answered (spec links).

    A task just submitted must be found (`ensure_resource_availability`, by meaning: the
    vendor's not-found code), and every step passes the same checks as the runs above.
    `use_after_free` is on too, though no vendor has a DELETE operation for it to apply to.
    """
    # Only the declared links: schemathesis' dependency inference adds relay's batch fetch ->
    # fetch by id, and then starts every scenario from the batch fetch, never from a submit.
    config = schemathesis.Config.from_dict(
        {"phases": {"stateful": {"inference": {"algorithms": []}}}}
    )
    schema = schemathesis.openapi.from_dict(with_task_links(vendor), config=config)
    schema.app = make_mock(vendor)
    assert schema.statistic.transitions.total >= 1
    additional, excluded = checks_for(vendor)
    additional = [*additional, by_meaning(vendor, ensure_resource_availability)]
    steps: collections.Counter[str] = collections.Counter()

    class Machine(schema.as_state_machine()):  # type: ignore[misc]
        def get_call_kwargs(self, case: Any) -> dict[str, Any]:
            return {"headers": AUTH}

        def validate_response(
            self, response: Any, case: Any, additional_checks: Any = None, **kwargs: Any
        ) -> None:
            steps[case.operation.label] += 1
            case.validate_response(
                response,
                additional_checks=additional,
                excluded_checks=excluded,
                headers=AUTH,
                transport_kwargs=kwargs or None,
                recorder=self.recorder,
            )

    Machine.run(settings=settings(max_examples=STATEFUL_SCENARIOS, stateful_step_count=4))
    status = _specs.operation(vendor, "status")
    assert steps[f"{status.method.upper()} {status.path}"] > 0, steps
    assert schema.app.stats.polls, "no get_task reached a submitted task"


# --------------------------------------------------------------------------- the checks can fail


def submit_example(vendor: str) -> dict[str, Any]:
    """The first documented request example of the vendor's submit operation."""
    operation = _specs.operation(vendor, "submit")
    trail = f"{operation.path}/{operation.method}/requestBody/content"
    body = next(ex.value for ex in examples(vendor) if ex.trail == trail)
    return dict(body)


def submit_case(schema: Any, vendor: str, body: dict[str, Any]) -> Any:
    operation = _specs.operation(vendor, "submit")
    return schema.find_operation_by_id(operation.definition["operationId"]).Case(body=body)


@pytest.mark.schemathesis
def test_by_meaning_sees_the_server_error_an_http_200_envelope_hides() -> None:
    vendor = "sunoapi_org"  # maintenance is code 455 on HTTP 200
    schema = load_schema(vendor)
    case = submit_case(schema, vendor, submit_example(vendor))
    assert case.call(headers=AUTH).status_code == 200  # the fault-free answer passes
    case.validate_response(case.call(headers=AUTH), checks=[by_meaning(vendor, not_a_server_error)])

    schema.app.set_fault("maintenance", scope="submit")
    response = case.call(headers=AUTH)
    assert response.status_code == 200
    case.validate_response(response, checks=[not_a_server_error])  # blind to it
    with pytest.raises(schemathesis.errors.FailureGroup, match="Server error"):
        case.validate_response(response, checks=[by_meaning(vendor, not_a_server_error)])


class _AnyKeyWorks:
    """A broken vendor for the test of the auth check: every request gets the right key."""

    def __init__(self, app: MockVendor) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            headers = [(k, v) for k, v in scope["headers"] if k.lower() != b"authorization"]
            headers.append((b"authorization", AUTH["Authorization"].encode()))
            scope = {**scope, "headers": headers}
        await self.app(scope, receive, send)


@pytest.mark.schemathesis
@pytest.mark.parametrize("vendor", sorted(HTTP_200_ERRORS))
def test_auth_is_enforced_catches_a_vendor_that_ignores_the_key(vendor: str) -> None:
    schema = load_schema(vendor)
    case = submit_case(schema, vendor, submit_example(vendor))
    case.validate_response(case.call(headers=AUTH), checks=[auth_is_enforced(vendor)])

    broken = schemathesis.openapi.from_path(SPECS / f"{vendor}.yaml")
    broken.app = _AnyKeyWorks(make_mock(vendor))
    case = submit_case(broken, vendor, submit_example(vendor))
    with pytest.raises(schemathesis.errors.FailureGroup, match="authentication answer"):
        case.validate_response(case.call(headers=AUTH), checks=[auth_is_enforced(vendor)])


# --------------------------------------------------------------------------- regressions


def uri_fields(vendor: str) -> list[str]:
    schema = resolve(
        load(vendor), {"$ref": _specs.operation(vendor, "submit").request_schema_pointer}
    )
    return sorted(
        name
        for name, field in schema.get("properties", {}).items()
        if resolve(load(vendor), field).get("format") == "uri"
    )


@pytest.mark.schemathesis
@pytest.mark.parametrize(
    ("vendor", "field"), [(v, f) for v in VENDORS for f in uri_fields(v)], ids=str
)
@pytest.mark.parametrize(
    "value", ["", "0", "receiver.test/hook", "https://bad host/x", "https://例え.jp/"]
)
def test_a_callback_url_that_is_no_uri_is_an_invalid_request(
    vendor: str, field: str, value: str
) -> None:
    """Found by schemathesis (negative data, `format: uri`): the mock accepted any string as the
    callback URL, because JSON Schema 2020-12 validators treat `format` as an annotation."""
    schema = load_schema(vendor)
    body = submit_example(vendor)
    response = submit_case(schema, vendor, {**body, field: "https://receiver.test/hook"}).call(
        headers=AUTH
    )
    assert error_kind(vendor, response.status_code, response.json()) is None, response.text
    response = submit_case(schema, vendor, {**body, field: value}).call(headers=AUTH)
    assert error_kind(vendor, response.status_code, response.json()) == "invalid_request"
    assert field in response.text
    assert schema.app.stats.accepted_submissions == 1


def status_case(schema: Any, vendor: str, task_id: str) -> Any:
    """A get_task case for `task_id`, wherever the vendor's status operation carries it."""
    status = _specs.operation(vendor, "status")
    operation = schema.find_operation_by_id(status.definition["operationId"])
    where: dict[str, dict[str, Any]] = {"path": {}, "query": {}}
    for parameter in status.definition.get("parameters", ()):
        # a path segment goes out percent-encoded, as every HTTP client sends it
        value = quote(task_id, safe="") if parameter["in"] == "path" else task_id
        where[parameter["in"]][parameter["name"]] = value
    if status.request_schema_pointer is None:
        return operation.Case(path_parameters=where["path"], query=where["query"])
    required = resolve(load(vendor), {"$ref": status.request_schema_pointer})["required"]
    return operation.Case(body={required[0]: task_id})


@pytest.mark.schemathesis
@pytest.mark.parametrize("vendor", VENDORS)
@pytest.mark.parametrize("task_id", ["a\nb", "a\tb", "a\n"], ids=repr)
def test_a_task_id_with_a_newline_gets_the_vendors_not_found_answer(
    vendor: str, task_id: str
) -> None:
    """Found by schemathesis (deep profile, `%0A` in sunoapi_com's path parameter): Starlette's
    catch-all route did not match the path, so the mock answered with Starlette's own
    text/plain 404; and `request.url.path` had dropped the newline from the task id."""
    schema = load_schema(vendor)
    case = status_case(schema, vendor, task_id)
    response = case.call(headers=AUTH)
    case.validate_response(
        response,
        checks=[content_type_conformance, response_schema_conformance, status_code_conformance],
    )
    body = response.json()
    assert error_kind(vendor, response.status_code, body) == "not_found"
    assert task_id in (body.get("message") or body.get("msg")), body  # the id as sent


@settings(max_examples=300)
@given(
    st.one_of(
        urls(),
        st.text(
            alphabet=st.sampled_from(list("aZ09:/?#[]@!$&'()*+,;=-._~% <>{}|^`\\v.é")), max_size=16
        ),
    )
)
def test_the_mocks_uri_format_agrees_with_schemathesis_validator(value: str) -> None:
    """The mock's RFC 3986 check says what jsonschema_rs (schemathesis' validator) says."""
    expected = jsonschema_rs.validator_for(
        {"type": "string", "format": "uri"}, validate_formats=True
    ).is_valid(value)
    assert is_uri(value) == expected
