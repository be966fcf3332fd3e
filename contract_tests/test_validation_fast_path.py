"""validate()'s fast path (jsonschema_rs, for bodies it accepts at once) never changes a verdict.

For every operation with a JSON request body, every documented example (valid and invalid) and
every field of it set to hostile and drifted values: `validate()` returns exactly what the
Python validator alone returns (`_slow_validate`: every violation, path, rule and message), emits
the same UnknownValueWarnings, and whenever the fast check says "certainly valid" the slow path
finds nothing and warns of nothing.
"""

from __future__ import annotations

import collections
import math
import warnings
from collections.abc import Iterator, Mapping
from typing import Any

import attrs
import pytest
from sunokit import _specs, _validation
from sunokit._validation import Violation, validate

pytest.importorskip("jsonschema_rs")


class Text(str):
    """A str subclass (an enum member, a user's type): the fast path leaves it to the slow one."""


def _deep(levels: int) -> Any:
    value: Any = "x"
    for _ in range(levels):
        value = [value]
    return value


def _cycle() -> list[Any]:
    loop: list[Any] = []
    loop.append(loop)
    return loop


def _shared() -> list[Any]:
    inner = ["x"]
    return [inner, inner]


HOSTILE: dict[str, Any] = {
    "nan": math.nan,
    "inf": math.inf,
    "-inf": -math.inf,
    "int-too-long": 10**5000,
    "int-huge": 10**30,
    "int-2**53+1": 2**53 + 1,
    "int-negative": -1,
    "zero": 0,
    "float": 1.5,
    "two-decimals": 0.07,
    "three-decimals": 0.285,
    "float-max": 1e308,
    "negative-zero": -0.0,
    "true": True,
    "false": False,
    "null": None,
    "empty": "",
    "blank": "   ",
    "long": "x" * 6000,
    "lone-surrogate": "\ud800",
    "trailing-newline": "123\n",
    "uri-trailing-newline": "https://example.com/hook\n",
    "not-a-uri": "not a uri",
    "uri": "https://example.com/hook",
    "arabic-digit": "\u0663",
    "unknown-name": "FUTURE_MODEL_V9",
    "str-subclass": Text("x"),
    "bytes": b"x",
    "tuple": ("x",),
    "set": {"x"},
    "complex": 1j,
    "empty-list": [],
    "list": ["x", 1],
    "empty-object": {},
    "object": {"a": 1},
    "ordered-dict": collections.OrderedDict(a=1),
    "non-str-key": {1: "x"},
    "deep": _deep(150),
    "cycle": _cycle(),
    "shared": _shared(),
    "separated-items": " ".join(["word"] * 250),
}


def _operations() -> list[tuple[str, str, Mapping[str, Any]]]:
    found = []
    for vendor in _specs.VENDORS:
        for operation in _specs.operations(vendor):
            if operation.request_schema_pointer is None:
                continue
            media = operation.definition["requestBody"]["content"]["application/json"]
            found.append((vendor, operation.operation_id, media))
    return found


OPERATIONS = _operations()


def _bodies(media: Mapping[str, Any], *, every_example: bool) -> Iterator[Any]:
    """Each example, then for each field: removed, and set to every hostile value; plus an
    unknown field (extra_body) with every hostile value. (`unknown="refuse"` differs from
    "warn" only for strings: see the test.)"""
    examples = [
        entry["value"]
        for key in ("examples", "x-sunokit-invalid-examples")
        for entry in (media.get(key) or {}).values()
        if isinstance(entry, Mapping) and "value" in entry
    ]
    for example in examples if every_example else examples[:1]:
        yield example
        if not isinstance(example, Mapping):
            continue
        for name in example:
            yield {k: v for k, v in example.items() if k != name}
            for value in HOSTILE.values():
                yield {**example, name: value}
        for value in HOSTILE.values():
            yield {**example, "x_future_field": value}
    for value in HOSTILE.values():
        yield value  # a body that is no object at all


def _run(call: Any) -> tuple[list[Violation], list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = call()
    return result, [f"{w.category.__name__}: {w.message}" for w in caught]


def _verdicts(vendor: str, operation_id: str, body: Any, unknown: str) -> list[str]:
    """Every way the fast path's verdict differs from the slow path's (empty: the same)."""
    compiled = _validation._compiled(vendor, "submit", operation_id)
    ours = _run(
        lambda: validate(vendor, body, operation_id=operation_id, unknown=unknown)  # type: ignore[arg-type]
    )
    if not isinstance(body, Mapping):
        return []  # refused before either path runs
    slow = _run(lambda: _validation._slow_validate(compiled, vendor, body, unknown))  # type: ignore[arg-type]
    problems = []
    if ours != slow:
        problems.append(f"validate() {ours} != slow path {slow}")
    if _validation._certainly_valid(compiled, body) and slow != ([], []):
        problems.append(f"the fast check accepted what the slow path reports: {slow}")
    return problems


@pytest.mark.parametrize(
    ("vendor", "operation_id", "media"),
    OPERATIONS,
    ids=[f"{vendor}:{operation_id}" for vendor, operation_id, _ in OPERATIONS],
)
def test_fast_and_slow_paths_agree(
    vendor: str, operation_id: str, media: Mapping[str, Any]
) -> None:
    """The first example of each operation and its variants (every example: the deep test)."""
    _agree(vendor, operation_id, media, every_example=False)


@pytest.mark.deep
@pytest.mark.parametrize(
    ("vendor", "operation_id", "media"),
    OPERATIONS,
    ids=[f"{vendor}:{operation_id}" for vendor, operation_id, _ in OPERATIONS],
)
def test_fast_and_slow_paths_agree_on_every_example(
    vendor: str, operation_id: str, media: Mapping[str, Any]
) -> None:
    _agree(vendor, operation_id, media, every_example=True)


def _agree(
    vendor: str, operation_id: str, media: Mapping[str, Any], *, every_example: bool
) -> None:
    checked = 0
    for body in _bodies(media, every_example=every_example):
        refuse = isinstance(body, Mapping) and any(isinstance(v, str) for v in body.values())
        for unknown in ("warn", "refuse") if refuse else ("warn",):
            problems = _verdicts(vendor, operation_id, body, unknown)
            assert not problems, (vendor, operation_id, unknown, repr(body)[:300], problems)
            checked += 1
    assert checked > 0


def test_every_operation_has_a_fast_validator() -> None:
    # Without one the speed goal is lost silently (e.g. a spec jsonschema_rs cannot take).
    missing = [
        f"{vendor}:{operation_id}"
        for vendor, operation_id, _ in OPERATIONS
        if _validation._compiled(vendor, "submit", operation_id).fast is None
    ]
    assert missing == []


def test_a_valid_example_takes_the_fast_path() -> None:
    body = {"prompt": "a calm piano tune", "model": "v3.5"}
    compiled = _validation._compiled("sunosay", "submit", None)
    assert _validation._certainly_valid(compiled, body)
    assert validate("sunosay", body) == []


def test_an_undocumented_model_name_still_warns() -> None:
    # The fast check keeps open enums closed: the body goes the slow way, which warns.
    body = {
        "prompt": "a calm piano tune",
        "customMode": False,
        "instrumental": False,
        "model": "V4_5",
        "callBackUrl": "https://example.com/hook",
    }
    compiled = _validation._compiled("sunoapi_org", "submit", None)
    assert _validation._certainly_valid(compiled, body)
    future = {**body, "model": "FUTURE_MODEL_V9"}
    assert not _validation._certainly_valid(compiled, future)
    result, caught = _run(lambda: validate("sunoapi_org", future))
    assert result == []
    assert len(caught) == 1
    assert "UnknownValueWarning" in caught[0]
    assert "FUTURE_MODEL_V9" in caught[0]


def test_the_comparison_catches_a_lax_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    # The test above can fail: a fast validator that accepts everything is caught.
    class AcceptsAll:
        def is_valid(self, instance: object) -> bool:
            return True

    compiled = _validation._compiled("sunosay", "submit", None)
    lax = attrs.evolve(compiled, fast=AcceptsAll())
    monkeypatch.setattr(_validation, "_compiled", lambda *args: lax)
    assert _verdicts("sunosay", "submit_music", {"model": "v3.5"}, "warn")
