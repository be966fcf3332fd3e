"""Issue 2's contract: the specs are valid, their examples hold, generated models round-trip them."""

from __future__ import annotations

import json
from typing import Any

import pytest
from jsonschema.exceptions import ValidationError
from openapi_spec_validator import validate as validate_openapi

from .spec_tools import (
    UNKNOWN_FIELD,
    UNKNOWN_INT,
    UNKNOWN_STRING,
    VENDORS,
    MediaExample,
    all_examples,
    future_variants,
    load,
    model_class,
    validator,
)

VALID = all_examples()
INVALID = all_examples(invalid=True)
PARSED = [ex for ex in VALID if ex.where in ("response", "callback")]


def test_every_vendor_has_a_spec() -> None:
    assert VENDORS == ("apikley", "relay", "sunoapi_com", "sunoapi_org", "sunosay")


@pytest.mark.parametrize("vendor", VENDORS)
def test_spec_is_valid_openapi_3_1_and_refs_resolve(vendor: str) -> None:
    doc = load(vendor)
    assert doc["openapi"].startswith("3.1")
    validate_openapi(doc)  # raises on any schema error or unresolvable $ref


@pytest.mark.parametrize("vendor", VENDORS)
def test_spec_declares_roles_auth_and_reading_choices(vendor: str) -> None:
    doc = load(vendor)
    roles = {
        op.get("x-sunokit-role")
        for item in doc["paths"].values()
        for op in item.values()
        if isinstance(op, dict)
    }
    assert {"submit", "status"} <= roles
    assert doc["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"
    assert "Reading choices" in doc["info"]["description"]
    assert doc["info"]["x-sunokit-vendor"] == vendor


@pytest.mark.parametrize("vendor", VENDORS)
def test_response_schemas_stay_open(vendor: str) -> None:
    def walk(node: Any, trail: str) -> None:
        if isinstance(node, dict):
            assert node.get("additionalProperties") is not False, trail
            assert "multipleOf" not in node, f"{trail}: multipleOf is float-unsafe"
            for key, value in node.items():
                walk(value, f"{trail}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{trail}/{index}")

    doc = load(vendor)
    walk(doc["components"]["schemas"], "#/components/schemas")


def test_there_are_examples_of_every_kind() -> None:
    for vendor in VENDORS:
        kinds = {ex.where for ex in VALID if ex.vendor == vendor}
        assert {"request", "response"} <= kinds, vendor
        assert any(ex.vendor == vendor for ex in INVALID), vendor
    assert {ex.vendor for ex in VALID if ex.where == "callback"} >= {"sunoapi_org", "apikley"}


@pytest.mark.parametrize("draft7", [False, True], ids=["2020-12", "draft-07"])
@pytest.mark.parametrize("example", VALID, ids=lambda ex: ex.id)
def test_example_validates(example: MediaExample, draft7: bool) -> None:
    errors = list(
        validator(example.vendor, example.schema, draft7=draft7).iter_errors(example.value)
    )
    assert errors == []


def _leaves(errors: list[ValidationError]) -> list[ValidationError]:
    found: list[ValidationError] = []
    for error in errors:
        found.append(error)
        found.extend(_leaves(list(error.context or ())))
    return found


@pytest.mark.parametrize("draft7", [False, True], ids=["2020-12", "draft-07"])
@pytest.mark.parametrize("example", INVALID, ids=lambda ex: ex.id)
def test_invalid_example_fails_for_the_documented_reason(
    example: MediaExample, draft7: bool
) -> None:
    assert example.expect is not None, "every invalid example states x-sunokit-expect"
    errors = _leaves(
        list(validator(example.vendor, example.schema, draft7=draft7).iter_errors(example.value))
    )
    keyword, field = example.expect["keyword"], example.expect["field"]
    matching = [
        error
        for error in errors
        if error.validator == keyword
        and (
            field in [str(part) for part in error.absolute_path]
            or repr(field) in error.message
            or field in str(error.instance)
        )
    ]
    assert matching, [(error.validator, error.message[:80]) for error in errors]


@pytest.mark.parametrize("example", PARSED, ids=lambda ex: ex.id)
def test_generated_model_round_trips_example(example: MediaExample) -> None:
    model = model_class(example.vendor, example.schema)
    if model is None:
        pytest.skip("inline schema: no generated model")
    assert model.from_dict(example.value).to_dict() == example.value


@pytest.mark.parametrize("example", PARSED, ids=lambda ex: ex.id)
def test_generated_model_keeps_what_a_newer_server_sends(example: MediaExample) -> None:
    model = model_class(example.vendor, example.schema)
    if model is None or not isinstance(example.value, dict):
        pytest.skip("no generated object model for this example")
    for name, variant in future_variants(example.vendor, example.schema, example.value).items():
        parsed = model.from_dict(variant)
        assert parsed.to_dict() == variant, name
        if name == "unknown-fields":
            assert parsed.additional_properties[UNKNOWN_FIELD] == {"nested": [1, "two", None]}


def test_future_variants_really_change_enums() -> None:
    example = next(
        ex
        for ex in PARSED
        if ex.vendor == "sunoapi_org"
        and ex.name == "doc-success"
        and ex.where == "response"
        and "record-info" in ex.trail
    )
    variant = future_variants("sunoapi_org", example.schema, example.value)["unknown-enum-values"]
    assert variant["code"] == UNKNOWN_INT
    assert variant["data"]["status"] == UNKNOWN_STRING
    parsed = model_class("sunoapi_org", example.schema).from_dict(variant)
    assert parsed.data.status.value == UNKNOWN_STRING
    assert parsed.code.value == UNKNOWN_INT


def test_two_decimal_rule_accepts_and_rejects_exactly() -> None:
    schema = {"$ref": "#/components/x-sunokit-schemas/TwoDecimalUnitInterval"}
    for draft7 in (False, True):
        check = validator("sunoapi_org", schema, draft7=draft7)
        for good in (0, 0.07, 0.29, 0.59, 0.65, 1, 1.0):
            assert check.is_valid(good), good
        for bad in (0.655, 0.001, 1.01, -0.01, 0.299999):
            assert not check.is_valid(bad), bad


@pytest.mark.parametrize("vendor", VENDORS)
def test_servers_and_auth(vendor: str) -> None:
    doc = load(vendor)
    (server,) = doc["servers"]
    if vendor == "relay":  # every gateway has its own host
        assert server["url"] == "{baseUrl}"
        assert server["variables"]["baseUrl"]["default"].startswith("https://")
    else:
        assert server["url"].startswith("https://")
        assert "{" not in server["url"]
    assert doc["security"] == [{"bearerAuth": []}]


def _example_values(vendor: str) -> list[Any]:
    return [ex.value for ex in VALID if ex.vendor == vendor] + [
        ex.value for ex in INVALID if ex.vendor == vendor
    ]


def _values_of(node: Any, keys: frozenset[str]) -> set[Any]:
    found: set[Any] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key in keys and isinstance(value, (str, int)) and not isinstance(value, bool):
                found.add(value)
            found |= _values_of(value, keys)
    elif isinstance(node, list):
        for item in node:
            found |= _values_of(item, keys)
    return found


@pytest.mark.parametrize("vendor", VENDORS)
def test_every_code_and_every_state_has_an_example(vendor: str) -> None:
    """Every envelope code (so every error code) and every task/clip/callback state, failure
    states included, appears in at least one embedded example."""
    examples = _example_values(vendor)
    schemas = load(vendor)["components"]["schemas"]
    codes = _values_of(examples, frozenset({"code"}))
    assert set(schemas["ResponseCode"]["enum"]) <= codes
    for name, schema in schemas.items():  # every code table: the main one, per-page ones, callbacks
        if "x-sunokit-error-kinds" in schema:
            assert set(schema["enum"]) <= codes, (name, set(schema["enum"]) - codes)
            assert set(schema["x-sunokit-error-kinds"]) <= {str(v) for v in schema["enum"]}, name
    # State fields: the usual names plus the last key of every poll's x-sunokit-state path
    # (`successFlag`, or `code` where the body code is the state); integer flags are compared
    # as the quoted keys of their tables.
    state_keys = {"status", "state", "callbackType", "stage"} | {
        str(op["x-sunokit-state"][-1])
        for item in load(vendor)["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and op.get("x-sunokit-state")
    }
    states = {str(value) for value in _values_of(examples, frozenset(state_keys))}
    for name, schema in schemas.items():
        table = schema.get("x-sunokit-task-states")
        if table:
            mapped = {str(key) for key in table}
            assert mapped <= states, (name, mapped - states)
            values = {str(value) for value in schema["enum"]}
            # every value is mapped; a body code that is also the state may leave its plain
            # error codes (x-sunokit-error-kinds) unmapped
            errors = {str(code) for code in schema.get("x-sunokit-error-kinds", {})}
            assert mapped <= values, name
            assert values - mapped <= errors, name


TOLERANT = {
    "duration": {"number", "string", "null"},
    "createTime": {"string", "integer", "null"},
    "errorCode": {"string", "number", "null"},
}


@pytest.mark.parametrize("vendor", VENDORS)
def test_response_schemas_tolerate_what_vendors_send(vendor: str) -> None:
    """duration as number or numeric string, createTime as string or integer, errorCode as
    string, number or null; no uuid formats on ids."""
    seen = set()
    for name, schema in load(vendor)["components"]["schemas"].items():
        for field, node in (schema.get("properties") or {}).items():
            if field in TOLERANT:
                assert TOLERANT[field] <= set(node.get("type", ())), (name, field)
                seen.add(field)
    assert "duration" in seen
    assert '"format": "uuid"' not in json.dumps(load(vendor))


@pytest.mark.parametrize("vendor", VENDORS)
def test_each_code_enum_has_exactly_the_success_code_the_vendors_use(vendor: str) -> None:
    # The overlay (callbacks) and the mock read the success code from here, not from a table.
    from sunokit import _specs

    expected = ("success",) if vendor == "relay" else (200,)
    assert _specs.success_codes(vendor, "ResponseCode") == expected
    schemas = load(vendor)["components"]["schemas"]
    if "CallbackCode" in schemas:
        assert _specs.success_codes(vendor, "CallbackCode") == (200,)
