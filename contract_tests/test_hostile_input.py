"""Hostile or drifted input, from vendors or users, gives sunokit errors - never a raw exception.

- Vendor answers: every documented answer of every vendor's submit and status operation, mutated
  by Hypothesis (types swapped, nulls, huge and non-finite numbers, deep nesting, keys removed),
  served through SunoClient (the generated client's parse, then the adapter): the result is a
  Task or a SunokitError, nothing else. Named regressions follow.
- validate(): values JSON cannot carry (complex numbers, bytes, cycles, 5,000-level nesting,
  integers too long to write) are violations naming the field, never RecursionError/TypeError.
- client.get(task_id): an id that cannot be sent in a URL is a ClientValidationError naming
  `task_id`, before anything is sent (was: httpx.InvalidURL, or a path that went elsewhere).

Example counts come from the Hypothesis profile (contract_tests/conftest.py): "ci" by default,
HYPOTHESIS_PROFILE=deep with `make fuzz` (the property tests carry the `fuzz` marker).
"""

from __future__ import annotations

import copy
import json
import re
import warnings
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import httpx
import pytest
import sunokit
from hypothesis import given
from hypothesis import strategies as st
from sunokit import _specs
from sunokit._adapters import get_adapter
from sunokit._adapters._base import RawResponse
from sunokit._validation import validate_or_raise

from .spec_tools import VENDORS, examples, load

KEY = "sk-hostile-secret-key-77"
BASE = "https://vendor.test"
TASK_ID = "task-123"
CALLBACK_URL = {"sunoapi_org": "https://cb.test/hook", "apikley": "https://cb.test/hook"}
REQUEST = sunokit.CustomLyrics("[Verse] la la", "pop", "Song")


# --------------------------------------------------------------------------- documented answers


@attrs.frozen
class Answer:
    vendor: str
    role: str  # "submit" or "status"
    status: int
    name: str
    value: Any = attrs.field(eq=False)

    @property
    def id(self) -> str:
        return f"{self.vendor}:{self.role}:{self.status}:{self.name}"


def documented_answers() -> list[Answer]:
    found = []
    for vendor in VENDORS:
        for item in load(vendor)["paths"].values():
            for operation in item.values():
                role = operation.get("x-sunokit-role") if isinstance(operation, dict) else None
                if role not in ("submit", "status"):
                    continue
                for key, response in operation["responses"].items():
                    media = response.get("content", {}).get("application/json", {})
                    for name, entry in (media.get("examples") or {}).items():
                        digits = re.search(r"(\d{3})", name)
                        status = int(key) if key != "default" else int(digits[1] if digits else 500)
                        found.append(Answer(vendor, role, status, name, entry["value"]))
    return found


ANSWERS = documented_answers()
GROUPS = sorted({(answer.vendor, answer.role) for answer in ANSWERS})


def test_every_vendor_has_submit_and_status_answers_to_mutate() -> None:
    assert set(GROUPS) == {(vendor, role) for vendor in VENDORS for role in ("submit", "status")}


def client_answering(vendor: str, answer: list[tuple[int, bytes]]) -> sunokit.SunoClient:
    """A SunoClient whose vendor answers whatever `answer[0]` holds at the time."""

    def handler(_request: httpx.Request) -> httpx.Response:
        status, content = answer[0]
        return httpx.Response(status, content=content, headers={"content-type": "application/json"})

    return sunokit.SunoClient(
        vendor,
        api_key=KEY,
        base_url=BASE,
        max_retries=0,
        callback_url=CALLBACK_URL.get(vendor),
        sleep=lambda _: None,  # the status limits would pause between examples
        http_client=httpx.Client(transport=httpx.MockTransport(handler)),
    )


def outcome(client: sunokit.SunoClient, role: str) -> sunokit.Task | sunokit.SunokitError:
    """The Task the client makes of the answer, or the sunokit error it raises; any other
    exception propagates and fails the test."""
    try:
        if role == "submit":
            return client.submit(REQUEST)
        return client.get(TASK_ID)
    except sunokit.SunokitError as error:
        return error


# --------------------------------------------------------------------------- mutations

HUGE = [10**400, -(10**400), 2**64, -1, 0, 1e308, -0.0, float("inf"), float("-inf"), float("nan")]
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from(HUGE),
    st.floats(),
    st.text(max_size=12),
    st.just("x" * 5000),
    st.sampled_from(["", " ", "SUCCESS", "complete", "200", "\u0000", "\ud800"]),
)
# A value of another JSON type (or a number no float holds): most mutations pick one of these.
SWAPS = [None, True, 0, -1, 10**400, -(10**400), 1e308, float("nan"), "", "x" * 5000, [], {}]
HOSTILE = st.one_of(
    SCALARS,
    st.lists(SCALARS, max_size=3),
    st.dictionaries(st.text(max_size=4), SCALARS, max_size=3),
)


def nested(value: Any, depth: int, as_list: bool) -> Any:
    for _ in range(depth):
        value = [value] if as_list else {"a": value}
    return value


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in a decoded JSON document (the root included)."""
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from paths(value, (*prefix, index))


def mutate(document: Any, data: st.DataObject) -> Any:
    """1-6 mutations at random places: swapped for a value of another type, replaced by a
    hostile value, removed, wrapped in a list or object, nested up to 60 levels deep, or turned
    into its text."""
    for _ in range(data.draw(st.integers(1, 6), label="mutations")):
        where = data.draw(st.sampled_from(list(paths(document))), label="path")
        current: Any = document
        for part in where:
            current = current[part]
        kind = data.draw(
            st.sampled_from(["swap", "swap", "swap", "replace", "remove", "wrap", "nest", "text"])
        )
        if kind == "swap":
            new = data.draw(st.sampled_from(SWAPS), label="value")
        elif kind == "replace":
            new = data.draw(HOSTILE, label="value")
        elif kind == "wrap":
            new = data.draw(st.sampled_from([[current], {"value": current}, [current, current]]))
        elif kind == "nest":
            new = nested(current, data.draw(st.integers(2, 60)), data.draw(st.booleans()))
        elif kind == "text":
            new = json.dumps(current)
        else:
            new = None
        if not where:
            document = new if kind != "remove" else {}
            continue
        parent: Any = document
        for part in where[:-1]:
            parent = parent[part]
        if kind == "remove" and isinstance(parent, dict):
            del parent[where[-1]]
        elif kind == "remove":
            parent.pop(where[-1])
        else:
            parent[where[-1]] = new
    return document


def encoded(document: Any) -> bytes:
    # allow_nan: a vendor may well send NaN/Infinity; lone surrogates as they come.
    return json.dumps(document).encode("utf-8")


@pytest.mark.fuzz
@pytest.mark.parametrize(("vendor", "role"), GROUPS, ids=[f"{v}:{r}" for v, r in GROUPS])
@given(data=st.data())
def test_mutated_answers_give_a_task_or_a_sunokit_error(
    vendor: str, role: str, data: st.DataObject
) -> None:
    answers = [a for a in ANSWERS if (a.vendor, a.role) == (vendor, role)]
    chosen = data.draw(st.sampled_from(answers), label="documented answer")
    document = mutate(copy.deepcopy(chosen.value), data)
    answer = [(chosen.status, encoded(document))]
    with client_answering(vendor, answer) as client:
        result = outcome(client, role)
    assert isinstance(result, (sunokit.Task, sunokit.SunokitError)), result
    assert KEY not in f"{result} {result!r}"
    if isinstance(result, sunokit.Task):
        json.dumps(result.to_dict())  # what the CLI prints: always serializable
        assert result.vendor == vendor
        assert isinstance(result.task_id, str)


# --------------------------------------------------------------------------- named regressions


def status_answer(vendor: str, has: Callable[[Any], bool]) -> Answer:
    return next(
        a
        for a in ANSWERS
        if (a.vendor, a.role, a.status) == (vendor, "status", 200) and has(a.value)
    )


def served(
    vendor: str, role: str, status: int, content: bytes
) -> sunokit.Task | sunokit.SunokitError:
    with client_answering(vendor, [(status, content)]) as client:
        return outcome(client, role)


@pytest.mark.parametrize("vendor", ["apikley", "sunoapi_org"])
@pytest.mark.parametrize("value", [True, 7, "tracks", {"id": "x"}])
def test_suno_data_that_is_no_array(vendor: str, value: Any) -> None:
    """Regression: `sunoData: true` raised a bare TypeError from SunoClient.get."""
    answer = status_answer(vendor, lambda v: bool((v.get("data") or {}).get("response")))
    document = copy.deepcopy(answer.value)
    document["data"]["response"]["sunoData"] = value
    result = served(vendor, "status", 200, encoded(document))
    assert isinstance(result, sunokit.APIResponseError), result
    assert "data.response.sunoData" in str(result)
    assert "the spec says an array" in str(result)
    assert result.body == document


def durations(node: Any) -> Iterator[dict[str, Any]]:
    """Every object with a `duration` key."""
    if isinstance(node, dict):
        if "duration" in node:
            yield node
        for value in node.values():
            yield from durations(value)
    elif isinstance(node, list):
        for value in node:
            yield from durations(value)


WITH_DURATIONS = [
    pytest.param(a, id=a.id)
    for vendor in VENDORS
    for a in [status_answer(vendor, lambda v: any(durations(v)))]
]


@pytest.mark.parametrize("answer", WITH_DURATIONS)
@pytest.mark.parametrize("huge", [10**400, -(10**400)])
def test_a_duration_beyond_the_float_range(answer: Answer, huge: int) -> None:
    """Regression: a duration of 10**400 raised OverflowError from SunoClient.get. It is an
    unknown duration now (None), as callbacks already read it; the rest of the answer stands."""
    document = copy.deepcopy(answer.value)
    for holder in durations(document):
        holder["duration"] = huge
    task = served(answer.vendor, "status", 200, encoded(document))
    assert isinstance(task, sunokit.Task), task
    assert task.tracks
    assert [track.duration for track in task.tracks] == [None] * len(task.tracks)


def test_parse_duration_of_numbers_beyond_the_float_range() -> None:
    from sunokit._models import parse_duration

    assert parse_duration(10**400) is None
    assert parse_duration(-(10**400)) is None
    assert parse_duration("1" + "0" * 400) is None  # float("1e400") is inf
    assert parse_duration(2**60) == float(2**60)


@pytest.mark.parametrize(("vendor", "role"), GROUPS, ids=[f"{v}:{r}" for v, r in GROUPS])
def test_a_body_that_is_no_object(vendor: str, role: str) -> None:
    for content in (b"[]", b"true", b"7", b'"text"', b"null", b"{", b"\xff\xfe"):
        result = served(vendor, role, 200, content)
        assert isinstance(result, sunokit.APIResponseError), (content, result)


@pytest.mark.parametrize("vendor", VENDORS)
def test_the_adapter_refuses_an_answer_nested_too_deeply(vendor: str) -> None:
    """The parse path the CLI's `parse` command shares: RawResponse.json() raised RecursionError."""
    adapter = get_adapter(vendor)
    content = b'{"code": 200, "data": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    raw = RawResponse(200, {}, content, parsed=None)
    with pytest.raises(sunokit.APIResponseError):
        adapter.task_from_status(TASK_ID, raw)
    with pytest.raises(sunokit.APIResponseError):
        adapter.task_id_from_submit(raw)


def test_the_client_refuses_an_answer_nested_too_deeply() -> None:
    content = b'{"code": 200, "data": ' + b"[" * 5000 + b"]" * 5000 + b"}"
    result = served("sunoapi_org", "status", 200, content)
    assert isinstance(result, sunokit.APIResponseError), result


# --------------------------------------------------------------------------- task ids


BAD_TASK_IDS = {
    "100k characters": "x" * 100_000,
    "empty": "",
    "not a string": 123,
    "none": None,
}
#: Ids that would change the URL when sent as a path segment (sunoapi_com, relay); in the query
#: (kie) or the body (sunosay) httpx encodes them and the vendor answers for itself.
BAD_PATH_SEGMENTS = {
    "slash": "a/../b",
    "dots": "..",
    "query": "a?b=c",
    "fragment": "a#b",
    "percent": "a%2Fb",
    "space": "a b",
    "newline": "abc\n",
    "nul": "a\x00b",
    "non-ascii": "tâche",
}
PATH_VENDORS = [
    vendor
    for vendor in VENDORS
    if any(
        _specs.resolve(vendor, p).get("in") == "path"
        for p in _specs.operation(vendor, "status").definition.get("parameters", ())
    )
]


@pytest.mark.parametrize(
    ("vendor", "task_id"),
    [
        *(pytest.param(v, i, id=f"{v}-{n}") for v in VENDORS for n, i in BAD_TASK_IDS.items()),
        *(
            pytest.param(v, i, id=f"{v}-{n}")
            for v in PATH_VENDORS
            for n, i in BAD_PATH_SEGMENTS.items()
        ),
    ],
)
def test_a_task_id_that_cannot_be_sent(vendor: str, task_id: Any) -> None:
    """Regression: client.get("x" * 100_000) raised httpx.InvalidURL; "a/../b" fetched /b."""
    sent: list[httpx.Request] = []
    client = sunokit.SunoClient(
        vendor,
        api_key=KEY,
        base_url=BASE,
        http_client=httpx.Client(
            transport=httpx.MockTransport(lambda r: sent.append(r) or httpx.Response(500))
        ),
    )
    with client, pytest.raises(sunokit.ClientValidationError) as raised:
        client.get(task_id)
    assert sent == []
    assert [v.path for v in raised.value.violations] == ["task_id"]
    assert str(raised.value).count("task_id") >= 2
    assert len(str(raised.value)) < 600  # the 100k id is not echoed


@pytest.mark.parametrize("vendor", VENDORS)
@pytest.mark.parametrize(
    "task_id", ["5c79****be8e", "b09d79f9-bd8f-4d51-8e8e-a7e1cb22f139", "T1", "a.b_c~d:e@f", "7"]
)
def test_a_documented_task_id_is_sent(vendor: str, task_id: str) -> None:
    sent: list[httpx.Request] = []
    client = sunokit.SunoClient(
        vendor,
        api_key=KEY,
        base_url=BASE,
        max_retries=0,
        http_client=httpx.Client(
            transport=httpx.MockTransport(lambda r: sent.append(r) or httpx.Response(404))
        ),
    )
    with client, pytest.raises(sunokit.APIError):
        client.get(task_id)
    assert len(sent) == 1
    request = sent[0]
    where = [request.url.path, *request.url.params.values(), request.content.decode()]
    assert any(task_id in text for text in where), where


@pytest.mark.parametrize(
    ("vendor", "task_id"),
    [
        pytest.param(v, i, id=f"{v}-{n}")
        for v in VENDORS
        if v not in PATH_VENDORS
        for n, i in [*BAD_PATH_SEGMENTS.items(), ("doc-placeholder", "your task_id")]
    ],
)
def test_an_id_sent_in_the_query_or_body_is_encoded_not_refused(vendor: str, task_id: str) -> None:
    """Regression: sunosay's documented example id ("your task_id") was refused locally."""
    sent: list[httpx.Request] = []
    client = sunokit.SunoClient(
        vendor,
        api_key=KEY,
        base_url=BASE,
        max_retries=0,
        http_client=httpx.Client(
            transport=httpx.MockTransport(lambda r: sent.append(r) or httpx.Response(404))
        ),
    )
    with client, pytest.raises(sunokit.APIError):
        client.get(task_id)
    (request,) = sent
    assert request.url.path == _specs.operation(vendor, "status").path
    carried = [*request.url.params.values(), *json.loads(request.content or b"{}").values()]
    assert task_id in carried


# --------------------------------------------------------------------------- validate()


SUBMIT = {
    "customMode": False,
    "instrumental": False,
    "model": "V4",
    "callBackUrl": "https://example.com/hook",
    "prompt": "rain",
}


def deep(levels: int) -> Any:
    value: Any = "x"
    for _ in range(levels):
        value = {"a": value}
    return value


def cycle() -> list[Any]:
    node: list[Any] = []
    node.append(node)
    node.append(node)  # twice: a walk without memory would take 2**depth steps
    return node


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (deep(5000), "more than 100 levels deep"),
        ([deep(5000), deep(5000)], "more than 100 levels deep"),
        (1 + 2j, "complex"),
        (b"rain", "bytes"),
        ({"rain"}, "set"),
        (10**5000, "too long to write as JSON"),
        (float("nan"), "must be finite"),
        (cycle(), "contains itself"),
    ],
    ids=["5000-levels", "twice-5000", "complex", "bytes", "set", "huge-int", "nan", "cycle"],
)
def test_validate_names_the_field_json_cannot_carry(value: Any, words: str) -> None:
    """Regression: a 5,000-level dict raised RecursionError, a complex number TypeError."""
    violations = sunokit.validate("sunoapi_org", {**SUBMIT, "prompt": value})
    assert violations, value
    assert all(v.path.startswith("/prompt") for v in violations), violations
    assert any(words in v.message and "prompt" in v.message for v in violations), violations
    with pytest.raises(sunokit.ClientValidationError):
        validate_or_raise("sunoapi_org", {**SUBMIT, "prompt": value})


def test_validate_reports_keys_that_are_not_text() -> None:
    violations = sunokit.validate("sunoapi_org", {**SUBMIT, 3: "x", "\ud800": "y"})
    messages = " | ".join(v.message for v in violations)
    assert "key of type int" in messages
    assert "lone surrogate" in messages


def test_validate_keeps_other_violations_next_to_unsendable_values() -> None:
    body = {**SUBMIT, "styleWeight": 1 + 2j, "vocalGender": "x"}
    violations = {v.path: v for v in sunokit.validate("sunoapi_org", body)}
    assert "complex" in violations["/styleWeight"].message
    assert violations["/vocalGender"].keyword == "enum"


def test_validate_refuses_a_role_that_is_not_text() -> None:
    with pytest.raises(sunokit.ConfigurationError, match="role must be a string"):
        sunokit.validate("sunoapi_org", SUBMIT, role=["submit"])  # type: ignore[arg-type]


REQUEST_EXAMPLES = [e for e in (x for v in VENDORS for x in examples(v)) if e.where == "request"]
PYTHON_VALUES = st.one_of(
    HOSTILE,
    st.complex_numbers(),
    st.binary(max_size=4),
    st.builds(deep, st.integers(90, 3000)),
    st.sampled_from([10**5000, cycle(), {1: "x"}, ("a", 1), frozenset({1})]),
)


@pytest.mark.fuzz
@given(data=st.data())
def test_validate_of_hostile_values_gives_violations(data: st.DataObject) -> None:
    example = data.draw(st.sampled_from(REQUEST_EXAMPLES), label="example")
    body = copy.deepcopy(example.value) if isinstance(example.value, dict) else {}
    for _ in range(data.draw(st.integers(1, 3))):
        key = data.draw(st.sampled_from([*body, "extra"]) if body else st.just("extra"))
        body[key] = data.draw(PYTHON_VALUES, label=str(key))
    role = data.draw(
        st.sampled_from(
            [
                op.get("x-sunokit-role")
                for item in load(example.vendor)["paths"].values()
                for op in item.values()
                if isinstance(op, dict) and op.get("x-sunokit-role") and op.get("requestBody")
            ]
        )
    )
    with warnings.catch_warnings():
        # a hostile model name is sent with a warning (an open model list): not the point here
        warnings.simplefilter("ignore", sunokit.UnknownValueWarning)
        violations = sunokit.validate(example.vendor, body, role=role)
    assert all(isinstance(v, sunokit.Violation) and v.message for v in violations)
    for violation in violations:
        str(violation)
