"""Local validation (`sunokit.validate`) and `sunokit check`: the specs are the rules.

Generated part: every request schema of every vendor is walked. Each combination of the values
its `allOf` conditions test (mode flags, model names, ...) is a scenario; in each scenario every
length-limited field is checked at its effective limit (accepted) and one above (rejected, with
the rule that sets the limit), every conditionally required field is removed once, every
two-decimal field gets good and bad values. Adding a rule to a spec adds cases here.

Hand-written part: the documented facts, stated once more in plain numbers, so a spec edit that
silently moves a limit fails a test that names it.
"""

from __future__ import annotations

import copy
import io
import itertools
import json
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs
import pytest
import respx
import sunokit
from jsonschema import Draft202012Validator
from sunokit import _specs, _validation
from sunokit._cli_check import run_check
from sunokit._validation import CLIENT_RULE_KINDS, Violation, validate, validate_or_raise

from .spec_tools import ROOT, VENDORS, RequestOperation, all_examples, request_operations

ABSENT = object()
DECIMAL_MESSAGE = "must be between 0 and 1 with at most 2 decimal places"


# --------------------------------------------------------------------------- walking the specs


OPERATIONS = request_operations()


def prop(op: RequestOperation, name: str) -> Mapping[str, Any]:
    node = _specs.resolve(op.vendor, op.schema.get("properties", {}).get(name, {}))
    return node if isinstance(node, Mapping) else {}


def blocks(op: RequestOperation) -> list[Mapping[str, Any]]:
    return [block for block in op.schema.get("allOf", ()) if "if" in block]


def branch(block: Mapping[str, Any], body: Mapping[str, Any]) -> str:
    """Which branch of a conditional block applies to `body` (`if` schemas hold no $refs)."""
    return "then" if Draft202012Validator(block["if"]).is_valid(body) else "else"


def domain(op: RequestOperation) -> dict[str, list[Any]]:
    """For each field an `if` tests by value: the values worth trying (plus ABSENT if optional)."""
    values: dict[str, list[Any]] = {}

    def add(name: str, value: Any) -> None:
        bucket = values.setdefault(name, [])
        if not any(
            value is seen or (value == seen and type(value) is type(seen)) for seen in bucket
        ):
            bucket.append(value)

    for block in blocks(op):
        for name, sub in block["if"].get("properties", {}).items():
            if "const" in sub:
                add(name, sub["const"])
            for value in sub.get("enum", ()):
                add(name, value)
    for name in list(values):
        definition = prop(op, name)
        if definition.get("type") == "boolean":
            add(name, True)
            add(name, False)
        for value in definition.get("enum", ()):
            add(name, value)
        if name not in op.schema.get("required", ()):
            add(name, ABSENT)
    return values


def scenarios(op: RequestOperation) -> list[dict[str, Any]]:
    """Every combination of the tested values, except those that contradict themselves: a
    field pinned absent that another pinned value's rule requires (relay: an upload model
    requires `task`, which the extension rules also test by value) has no valid body."""
    values = domain(op)
    names = sorted(values)
    combos = [
        dict(zip(names, combo, strict=True))
        for combo in itertools.product(*(values[n] for n in names))
    ]
    return [combo for combo in combos if not _contradicts_itself(op, combo)]


def _contradicts_itself(op: RequestOperation, scenario: Mapping[str, Any]) -> bool:
    absent = {name for name, value in scenario.items() if value is ABSENT}
    return any(
        v.keyword == "required" and v.path[1:] in absent
        for v in validate(op.vendor, base_body(op, scenario), role=op.role)
    )


def scenario_id(scenario: Mapping[str, Any]) -> str:
    shown = [f"{k}={'absent' if v is ABSENT else json.dumps(v)}" for k, v in scenario.items()]
    return ",".join(shown) or "always"


def filler(op: RequestOperation, name: str) -> Any:
    """A short valid value for a field, from its schema."""
    definition = prop(op, name)
    if "enum" in definition:
        return definition["enum"][0]
    if "default" in definition and definition["default"] not in ("", None):
        return definition["default"]
    types = definition.get("type", "string")
    types = [types] if isinstance(types, str) else [t for t in types if t != "null"]
    kind = "number" if "number" in types else types[0]
    if kind in ("number", "integer"):
        return 1
    if kind == "boolean":
        return False
    if kind == "array":
        return ["x"]
    if kind == "object":
        return {}
    return "https://example.com/hook" if definition.get("format") == "uri" else "x"


def base_body(op: RequestOperation, scenario: Mapping[str, Any]) -> dict[str, Any]:
    """The scenario's values plus short values for whatever the rules then require."""
    body = {k: v for k, v in scenario.items() if v is not ABSENT}
    for _ in range(10):
        missing = [
            v.path[1:]
            for v in validate(op.vendor, body, role=op.role)
            if v.keyword == "required" and v.path[1:] not in scenario
        ]
        if not missing:
            break
        for name in missing:
            body[name] = filler(op, name)
    return body


def length_fields(op: RequestOperation) -> list[str]:
    names = {name for name in op.schema.get("properties", {}) if "maxLength" in prop(op, name)}
    for block in blocks(op):
        for key in ("then", "else"):
            for name, sub in block.get(key, {}).get("properties", {}).items():
                if "maxLength" in sub:
                    names.add(name)
    return sorted(names)


def effective_limit(op: RequestOperation, body: Mapping[str, Any], name: str) -> tuple[int, str]:
    """The tightest maxLength on `name` for `body`, and the rule that sets it."""
    candidates: list[tuple[int, bool, str]] = []
    if "maxLength" in prop(op, name):
        candidates.append((prop(op, name)["maxLength"], False, "maxLength"))
    for block in blocks(op):
        sub = block.get(branch(block, body), {}).get("properties", {}).get(name, {})
        if "maxLength" in sub:
            candidates.append((sub["maxLength"], True, block["x-sunokit-rule"]))
    limit, _, rule = min(candidates)
    return limit, rule


@attrs.frozen
class Case:
    op: RequestOperation
    scenario: Mapping[str, Any] = attrs.field(eq=False)
    field: str = ""

    @property
    def id(self) -> str:
        return f"{self.op.id}:{self.field}:{scenario_id(self.scenario)}"


SCENARIOS = [Case(op, s) for op in OPERATIONS for s in scenarios(op)]
LENGTH_CASES = [
    Case(op, s, name) for op in OPERATIONS for s in scenarios(op) for name in length_fields(op)
]


def only(violations: list[Violation]) -> Violation:
    assert len(violations) == 1, [str(v) for v in violations]
    return violations[0]


# --------------------------------------------------------------------------- generated: limits


def test_every_vendor_has_a_checked_submit_operation() -> None:
    assert {op.vendor for op in OPERATIONS if op.role == "submit"} == set(VENDORS)
    assert len(LENGTH_CASES) > 100  # the walk really found the per-model, per-mode limits


@pytest.mark.parametrize("case", SCENARIOS, ids=lambda c: c.id)
def test_every_scenario_has_a_valid_body(case: Case) -> None:
    """Every mode and every model name of the spec is accepted in a body that follows the rules."""
    body = base_body(case.op, case.scenario)
    assert validate(case.op.vendor, body, role=case.op.role) == []


@pytest.mark.parametrize("case", LENGTH_CASES, ids=lambda c: c.id)
def test_length_limit_both_sides(case: Case) -> None:
    op, name = case.op, case.field
    body = base_body(op, case.scenario)
    limit, rule = effective_limit(op, {**body, name: "a"}, name)
    assert validate(op.vendor, {**body, name: "a" * limit}, role=op.role) == []
    violation = only(validate(op.vendor, {**body, name: "a" * (limit + 1)}, role=op.role))
    assert (violation.path, violation.keyword, violation.rule) == (f"/{name}", "maxLength", rule)
    assert name in violation.message
    assert f"{limit + 1} characters" in violation.message
    assert f"limit is {limit} characters" in violation.message


def _scenario_for(op: RequestOperation, block: Mapping[str, Any], key: str) -> dict[str, Any]:
    for scenario in scenarios(op):
        body = base_body(op, scenario)
        if branch(block, body) == key:
            return body
    pytest.fail(f"no scenario of {op.id} takes the {key} branch of {block['x-sunokit-rule']}")


CONDITIONAL_REQUIRED = sorted(
    {
        (op.vendor, op.role, block["x-sunokit-rule"], key, name)
        for op in OPERATIONS
        for block in blocks(op)
        for key in ("then", "else")
        for name in block.get(key, {}).get("required", ())
    }
)


@pytest.mark.parametrize(
    ("vendor", "role", "rule", "key", "name"), CONDITIONAL_REQUIRED, ids=lambda x: str(x)
)
def test_conditionally_required_field(
    vendor: str, role: str, rule: str, key: str, name: str
) -> None:
    op = next(o for o in OPERATIONS if (o.vendor, o.role) == (vendor, role))
    block = next(b for b in blocks(op) if b["x-sunokit-rule"] == rule)
    body = _scenario_for(op, block, key)
    if name in block["if"].get("required", ()) and key == "then":
        pytest.skip("the condition itself needs the field")
    body.pop(name, None)
    if branch(block, body) != key:
        pytest.skip("removing the field changes the branch")
    found = [v for v in validate(vendor, body, role=role) if v.path == f"/{name}"]
    violation = only(found)
    assert violation.keyword == "required"
    assert violation.rule in (rule, "required")
    assert f"{name} is required" in violation.message


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda o: o.id)
def test_unconditionally_required_fields(op: RequestOperation) -> None:
    body = base_body(op, scenarios(op)[0] if scenarios(op) else {})
    for name in op.schema.get("required", ()):
        without = {k: v for k, v in body.items() if k != name}
        found = [v for v in validate(op.vendor, without, role=op.role) if v.path == f"/{name}"]
        violation = only(found)
        assert (violation.keyword, violation.rule) == ("required", "required")
        assert violation.message == f"{name} is required"


DECIMAL_FIELDS = [
    (op, name)
    for op in OPERATIONS
    for name in op.schema.get("properties", {})
    if "x-sunokit-decimal-places" in prop(op, name)
]


@pytest.mark.parametrize(("op", "name"), DECIMAL_FIELDS, ids=lambda x: getattr(x, "id", x))
def test_two_decimal_fields(op: RequestOperation, name: str) -> None:
    body = base_body(op, scenarios(op)[0])
    for good in (0, 0.07, 0.29, 0.59, 0.65, 1, 1.0, 0.5):
        assert validate(op.vendor, {**body, name: good}, role=op.role) == [], good
    for bad in (0.655, 1.01, -0.01, 0.001, 2):
        violation = only(validate(op.vendor, {**body, name: bad}, role=op.role))
        assert violation.path == f"/{name}"
        assert violation.keyword == "enum"
        assert DECIMAL_MESSAGE in violation.message
        assert name in violation.message


def test_decimal_fields_found_where_documented() -> None:
    found = {(op.vendor, op.role, name) for op, name in DECIMAL_FIELDS}
    for vendor in ("sunoapi_org", "apikley"):
        for name in ("styleWeight", "weirdnessConstraint", "audioWeight"):
            assert (vendor, "submit", name) in found


CLOSED_ENUMS = [
    (op, name)
    for op in OPERATIONS
    for name in op.schema.get("properties", {})
    if "enum" in prop(op, name)
    and "x-sunokit-closed-enum" in prop(op, name)
    # a list sent with a warning when unknown (test_forward_compat.py)
    and "x-sunokit-unknown-values" not in prop(op, name)
]


@pytest.mark.parametrize(("op", "name"), CLOSED_ENUMS, ids=lambda x: getattr(x, "id", x))
def test_closed_enum_rejects_unknown_value_and_names_the_allowed(
    op: RequestOperation, name: str
) -> None:
    body = base_body(op, scenarios(op)[0] if scenarios(op) else {})
    allowed = prop(op, name)["enum"]
    for value in allowed:
        assert not [
            v
            for v in validate(op.vendor, {**body, name: value}, role=op.role)
            if v.keyword == "enum"
        ]
    violation = only(validate(op.vendor, {**body, name: "NOT_A_VALUE"}, role=op.role))
    assert (violation.path, violation.keyword) == (f"/{name}", "enum")
    for value in allowed:
        assert str(value) in violation.message


def _operation_id(vendor: str, trail: str) -> str:
    path, method, *_ = trail.rsplit("/", 3)
    return str(_specs.load_spec(vendor)["paths"][path][method]["operationId"])


REQUEST_EXAMPLES = [ex for ex in all_examples() if ex.where == "request"]
INVALID_EXAMPLES = [ex for ex in all_examples(invalid=True) if ex.where == "request"]


@pytest.mark.parametrize("example", REQUEST_EXAMPLES, ids=lambda ex: ex.id)
def test_documented_request_examples_are_valid(example: Any) -> None:
    assert (
        validate(
            example.vendor,
            example.value,
            operation_id=_operation_id(example.vendor, example.trail),
        )
        == []
    )


@pytest.mark.parametrize("example", INVALID_EXAMPLES, ids=lambda ex: ex.id)
def test_invalid_examples_give_exactly_the_documented_violation(example: Any) -> None:
    found = validate(
        example.vendor,
        example.value,
        operation_id=_operation_id(example.vendor, example.trail),
    )
    violation = only(found)
    assert violation.keyword == example.expect["keyword"]
    assert violation.path == "/" + example.expect["field"]
    assert example.expect["field"] in violation.message


# --------------------------------------------------------------------------- hand-written facts


def org(**fields: Any) -> dict[str, Any]:
    body = {"customMode": True, "instrumental": False, "model": "V4"}
    body["callBackUrl"] = "https://example.com/hook"
    body.update(prompt="la", style="pop", title="Song")
    body.update(fields)
    return {k: v for k, v in body.items() if v is not None}


def non_custom(prompt: str, **fields: Any) -> dict[str, Any]:
    return org(customMode=False, prompt=prompt, style=None, title=None, **fields)


def test_non_custom_prompt_sunoapi_org_400_apikley_500() -> None:
    assert validate("sunoapi_org", non_custom("a" * 400)) == []
    violation = only(validate("sunoapi_org", non_custom("a" * 401)))
    assert (violation.path, violation.rule) == ("/prompt", "non-custom-prompt")
    assert "400" in violation.message
    assert validate("apikley", non_custom("a" * 450)) == []
    assert validate("apikley", non_custom("a" * 500)) == []
    assert only(validate("apikley", non_custom("a" * 501))).rule == "non-custom-prompt"


def test_the_same_body_is_valid_for_one_vendor_and_invalid_for_another() -> None:
    body = non_custom("a" * 450)
    assert validate("apikley", body) == []
    assert [v.path for v in validate("sunoapi_org", body)] == ["/prompt"]


@pytest.mark.parametrize("vendor", ["sunoapi_org", "apikley"])
@pytest.mark.parametrize(
    ("model", "prompt", "style"), [("V4", 3000, 200), ("V4_5", 5000, 1000), ("V5", 5000, 1000)]
)
def test_custom_mode_limits_per_model(vendor: str, model: str, prompt: int, style: int) -> None:
    assert validate(vendor, org(model=model, prompt="a" * prompt, style="s" * style)) == []
    too_long = validate(
        vendor, org(model=model, prompt="a" * (prompt + 1), style="s" * (style + 1))
    )
    assert [(v.path, v.keyword) for v in too_long] == [
        ("/prompt", "maxLength"),
        ("/style", "maxLength"),
    ]
    assert f"limit is {prompt} characters" in too_long[0].message
    assert f"limit is {style} characters" in too_long[1].message
    if model == "V4":
        assert "model is" in too_long[0].message
        assert "V4 (rule custom-limits-v" in too_long[0].message
        assert "customMode is true" in too_long[0].message


def test_v3_5_has_the_v4_limits_at_sunoapi_org_only() -> None:
    assert (
        only(validate("sunoapi_org", org(model="V3_5", prompt="a" * 3001))).rule
        == "custom-limits-v3-v4"
    )
    # not an apikley model: its list grows before its docs, so the name is sent with a warning
    with pytest.warns(sunokit.UnknownValueWarning, match="V3_5"):
        assert validate("apikley", org(model="V3_5")) == []


@pytest.mark.parametrize("vendor", ["sunoapi_org", "apikley"])
@pytest.mark.parametrize("model", ["V4", "V4_5", "V5"])
def test_title_80(vendor: str, model: str) -> None:
    assert validate(vendor, org(model=model, title="t" * 80)) == []
    violation = only(validate(vendor, org(model=model, title="t" * 81)))
    assert (violation.path, violation.keyword) == ("/title", "maxLength")
    assert "title is 81 characters; the limit is 80 characters" in violation.message


def test_apikley_extend_title_80_on_v4_100_on_v4_5() -> None:
    body = {
        "defaultParamFlag": True,
        "audioId": "a1",
        "callBackUrl": "https://example.com/hook",
        "continueAt": 60,
        "prompt": "la",
        "style": "pop",
    }
    for model, limit in (("V4", 80), ("V4_5ALL", 80), ("V4_5", 100), ("V5", 100)):
        ok = {**body, "model": model, "title": "t" * limit}
        assert validate("apikley", ok, role="extend") == [], model
        violation = only(validate("apikley", {**ok, "title": "t" * (limit + 1)}, role="extend"))
        assert f"limit is {limit} characters" in violation.message


def test_a_tighter_limit_replaces_the_looser_one() -> None:
    violation = only(validate("sunoapi_org", org(model="V4", prompt="a" * 5001)))
    assert violation.rule == "custom-limits-v3-v4"
    assert "limit is 3000 characters" in violation.message


def test_sunoapi_com_limits_are_under_3000_and_under_200() -> None:
    custom = {"custom_mode": True, "prompt": "a" * 2999, "tags": "t" * 199, "title": "x" * 79}
    assert validate("sunoapi_com", custom) == []
    too_long = only(validate("sunoapi_com", {**custom, "prompt": "a" * 3000}))
    assert too_long.message.startswith("prompt is 3000 characters; the limit is 2999 characters")
    for name, limit in (("tags", 199), ("title", 79)):
        violation = only(validate("sunoapi_com", {**custom, name: "a" * (limit + 1)}))
        assert f"limit is {limit} characters" in violation.message
    assert validate("sunoapi_com", {"prompt": "a" * 199}) == []  # custom_mode absent = false
    assert only(validate("sunoapi_com", {"prompt": "a" * 200})).rule == "custom-mode-prompt"
    assert (
        only(validate("sunoapi_com", {"gpt_description_prompt": "d" * 200})).keyword == "maxLength"
    )


@pytest.mark.parametrize("char", ["中", "あ", "🎵", "😀"])
def test_lengths_count_characters_not_bytes(char: str) -> None:
    assert validate("sunosay", {"prompt": char * 3000}) == []
    assert only(validate("sunosay", {"prompt": char * 3001})).keyword == "maxLength"
    assert validate("sunoapi_org", org(prompt=char * 3000)) == []
    assert "3001 characters" in only(validate("sunoapi_org", org(prompt=char * 3001))).message


def test_lengths_count_code_points() -> None:
    thumbs = "👍🏽"  # one visible emoji, two code points
    assert validate("sunosay", {"prompt": thumbs * 1500}) == []
    assert only(validate("sunosay", {"prompt": thumbs * 1500 + "a"})).keyword == "maxLength"


@pytest.mark.parametrize("vendor", ["sunoapi_org", "apikley"])
def test_two_decimal_values(vendor: str) -> None:
    for good in (0.07, 0.29, 0.59, 0, 1):
        assert (
            validate(vendor, org(styleWeight=good, weirdnessConstraint=good, audioWeight=good))
            == []
        )
    for bad in (0.655, 1.01, -0.01):
        violation = only(validate(vendor, org(weirdnessConstraint=bad)))
        assert violation.path == "/weirdnessConstraint"
        assert violation.rule == "weirdness-two-decimals"
        assert f"weirdnessConstraint is {bad}; it {DECIMAL_MESSAGE}" in violation.message


def test_every_violation_is_reported_at_once() -> None:
    body = org(prompt="a" * 3001, title="t" * 81, styleWeight=0.655)
    found = validate("sunoapi_org", body)
    assert [v.path for v in found] == ["/prompt", "/styleWeight", "/title"]
    body = org(model="V9", vocalGender="x", personaId="p", customMode=False, style=None, title=None)
    with pytest.warns(sunokit.UnknownValueWarning, match="V9"):  # an open list: a warning
        found = validate("sunoapi_org", body)
    assert [(v.path, v.keyword) for v in found] == [
        ("/personaId", "not"),
        ("/vocalGender", "enum"),
    ]
    missing = validate("sunoapi_org", {"customMode": True, "instrumental": False})
    assert [v.path for v in missing] == ["/callBackUrl", "/model", "/prompt", "/style", "/title"]


def test_result_is_sorted_by_path_then_rule_and_repeatable() -> None:
    body = {"customMode": True, "instrumental": True, "audioWeight": 3, "prompt": 5}
    first = validate("sunoapi_org", body)
    assert first == validate("sunoapi_org", dict(reversed(list(body.items()))))
    assert first == sorted(first, key=lambda v: (v.path, v.rule, v.keyword, v.message))
    assert len({(v.path, v.rule, v.message) for v in first}) == len(first)


def test_messages_name_field_rule_and_limit() -> None:
    prompt, style = validate("sunoapi_org", org(prompt="a" * 3001, style="s" * 201))
    assert prompt.message == (
        "prompt is 3001 characters; the limit is 3000 characters when customMode is true "
        "and model is V3_5 or V4 (rule custom-limits-v3-v4)"
    )
    assert "style is 201 characters; the limit is 200 characters" in style.message
    required = only(validate("sunoapi_org", org(title=None)))
    assert required.message == (
        "title is required when customMode is true and instrumental is false "
        "(rule custom-vocal-requires-style-title-prompt)"
    )
    model = only(validate("sunoapi_org", org(vocalGender="x")))
    assert model.message == 'vocalGender is "x"; allowed values: m, f'
    relay = only(validate("relay", {"mv": "chirp-v4"}))
    assert relay.message == (
        "prompt is required unless gpt_description_prompt is non-empty (rule prompt-or-description)"
    )
    for violation in [prompt, style, required, model, relay]:
        assert "\n" not in violation.message


def test_nested_paths_are_json_pointers() -> None:
    violation = only(validate("relay", {"ids": ["a", 7]}, role="status-batch"))
    assert (violation.path, violation.keyword) == ("/ids/1", "type")
    assert "ids.1 must be of type string, not integer" in violation.message


def test_wrong_type_gives_one_violation_per_field() -> None:
    violation = only(validate("sunoapi_org", org(styleWeight="0.5")))
    assert (violation.path, violation.keyword) == ("/styleWeight", "type")


@pytest.mark.parametrize("body", [[], "text", None, 3, 1.5, True, [{"prompt": "x"}]])
def test_a_body_that_is_not_an_object(body: object) -> None:
    violation = only(validate("sunosay", body))
    assert (violation.path, violation.keyword, violation.rule) == ("", "type", "type")
    assert "JSON object" in violation.message
    assert str(violation).startswith("(body): ")


def test_unknown_vendor_and_role() -> None:
    with pytest.raises(sunokit.ConfigurationError, match="unknown vendor"):
        validate("sunoapi", {})
    with pytest.raises(sunokit.ConfigurationError, match="unknown vendor"):
        validate_or_raise("nope", {})
    with pytest.raises(sunokit.ConfigurationError, match="no 'remix' operation"):
        validate("sunosay", {}, role="remix")
    with pytest.raises(sunokit.ConfigurationError, match="no JSON request body"):
        validate("sunoapi_org", {}, role="status")


def test_validate_or_raise() -> None:
    validate_or_raise("sunoapi_org", org())
    with pytest.raises(sunokit.ClientValidationError) as caught:
        validate_or_raise("sunoapi_org", org(prompt="a" * 3001, title="t" * 81))
    assert caught.value.vendor == "sunoapi_org"
    assert [v.path for v in caught.value.violations] == ["/prompt", "/title"]
    assert "2 problem(s)" in str(caught.value)
    assert "limit is 3000" in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_public_names() -> None:
    assert sunokit.validate is validate
    assert sunokit.Violation is Violation


# --------------------------------------------------------------------------- x-sunokit-rules


def test_rule_entries_in_request_schemas_are_classified() -> None:
    for op in OPERATIONS:
        for entry in op.schema.get("x-sunokit-rules", ()):
            assert entry["enforced_by"] in ("client", "server", "none"), (op.id, entry["id"])
            if entry["enforced_by"] == "client":
                assert entry.get("kind") in CLIENT_RULE_KINDS, (op.id, entry["id"])


@pytest.fixture
def spec_with_rules(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Adds x-sunokit-rules entries to sunoapi_org's SubmitMusicRequest, for this test only."""
    original = _specs.load_spec
    patched: dict[str, Any] = {}

    def fake(vendor: str) -> Mapping[str, Any]:
        return patched.get(vendor) or original(vendor)

    def install(*entries: Mapping[str, Any]) -> None:
        document = copy.deepcopy(original("sunoapi_org"))
        document["components"]["schemas"]["SubmitMusicRequest"]["x-sunokit-rules"].extend(entries)
        patched["sunoapi_org"] = document
        _validation.forget_compiled()

    monkeypatch.setattr(_specs, "load_spec", fake)
    yield install
    _validation.forget_compiled()


def _rule(kind: str, **parameters: Any) -> dict[str, Any]:
    return {
        "id": f"test-{kind}",
        "enforced_by": "client",
        "kind": kind,
        "description": "t",
    } | parameters


def test_client_rule_max_total_length_with_when(spec_with_rules: Any) -> None:
    when = {"properties": {"customMode": {"const": True}}, "required": ["customMode"]}
    spec_with_rules(_rule("max-total-length", fields=["prompt", "style"], limit=10, when=when))
    assert validate("sunoapi_org", org(prompt="a" * 5, style="b" * 5)) == []
    violation = only(validate("sunoapi_org", org(prompt="a" * 5, style="b" * 6)))
    assert (violation.path, violation.rule, violation.keyword) == (
        "",
        "test-max-total-length",
        "max-total-length",
    )
    assert violation.message == (
        "prompt + style are 11 characters together; the limit is 10 characters "
        "when customMode is true (rule test-max-total-length)"
    )
    assert validate("sunoapi_org", non_custom("a" * 11)) == []  # `when` does not match


def test_client_rule_max_utf8_bytes(spec_with_rules: Any) -> None:
    spec_with_rules(_rule("max-utf8-bytes", field="title", limit=9))
    assert validate("sunoapi_org", org(title="abcdefghi")) == []
    assert validate("sunoapi_org", org(title="ééé")) == []  # 6 bytes
    violation = only(validate("sunoapi_org", org(title="ééééé")))  # 5 characters, 10 bytes
    assert violation.path == "/title"
    assert "title is 10 bytes in UTF-8; the limit is 9 bytes" in violation.message


def test_client_rule_max_decimal_places(spec_with_rules: Any) -> None:
    spec_with_rules(_rule("max-decimal-places", field="styleWeight", places=1))
    assert validate("sunoapi_org", org(styleWeight=0.5)) == []
    assert validate("sunoapi_org", org(styleWeight=1)) == []
    violation = only(validate("sunoapi_org", org(styleWeight=0.55)))
    assert violation.message == (
        "styleWeight is 0.55; it may have at most 1 decimal places (rule test-max-decimal-places)"
    )


def test_client_rule_max_separated_items_and_not_blank(spec_with_rules: Any) -> None:
    spec_with_rules(
        _rule("max-separated-items", field="style", separator=",", limit=2),
        _rule("not-blank", field="prompt"),
    )
    assert validate("sunoapi_org", org(style="pop, rock,")) == []
    found = validate("sunoapi_org", org(style="pop,rock,jazz", prompt="  \n"))
    assert [(v.path, v.rule) for v in found] == [
        ("/prompt", "test-not-blank"),
        ("/style", "test-max-separated-items"),
    ]


def test_client_rule_without_a_known_kind_is_a_spec_error(spec_with_rules: Any) -> None:
    spec_with_rules({"id": "prose-only", "enforced_by": "client", "description": "t"})
    with pytest.raises(sunokit.ConfigurationError, match="prose-only"):
        validate("sunoapi_org", org())
    spec_with_rules(_rule("max-utf8-bytes", field="title"))
    with pytest.raises(sunokit.ConfigurationError, match="lacks limit"):
        validate("sunoapi_org", org())


def test_server_rules_are_not_checked_locally(spec_with_rules: Any) -> None:
    spec_with_rules(
        {"id": "server-thing", "enforced_by": "server", "kind": "not-blank", "field": "prompt"}
    )
    assert validate("sunoapi_org", org(prompt="   ")) == []


# --------------------------------------------------------------------------- the CLI


def check(vendor: str, source: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_check(vendor, source, out, err, io.StringIO(stdin))
    return code, out.getvalue(), err.getvalue()


def test_check_valid_file(tmp_path: Path) -> None:
    path = tmp_path / "body.json"
    path.write_text(json.dumps(org()), "utf-8")
    assert check("sunoapi_org", str(path)) == (0, "ok: valid sunoapi_org request\n", "")


def test_check_invalid_body_from_stdin() -> None:
    body = json.dumps(org(prompt="a" * 3001, title="t" * 81, styleWeight=0.655))
    for source in ("-", ""):
        code, out, err = check("sunoapi_org", source, body)
        assert (code, err) == (1, "")
        lines = out.splitlines()
        assert len(lines) == 3
        assert lines[0].startswith("/prompt: prompt is 3001 characters; the limit is 3000")
        assert lines[1].startswith("/styleWeight: styleWeight is 0.655")
        assert lines[2].startswith("/title: title is 81 characters; the limit is 80")


def test_check_reports_a_non_object_body_as_body() -> None:
    code, out, _ = check("sunosay", "-", "[1, 2]")
    assert code == 1
    assert out == "(body): the request body must be a JSON object, not array\n"


@pytest.mark.parametrize(
    ("vendor", "source", "stdin", "expected"),
    [
        ("sunoapi", "-", "{}", "unknown vendor 'sunoapi'"),
        ("sunosay", "-", "{not json", "stdin is not valid JSON"),
        ("sunosay", "-", "", "stdin is not valid JSON"),
        ("sunosay", "/nonexistent/body.json", "", "cannot read /nonexistent/body.json"),
        ("sunosay", "-", "[" * 100000 + "]" * 100000, "nested too deeply"),
    ],
)
def test_check_unusable_input_exits_2(vendor: str, source: str, stdin: str, expected: str) -> None:
    code, out, err = check(vendor, source, stdin)
    assert (code, out) == (2, "")
    assert expected in err
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_check_undecodable_file_and_directory(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes(b'{"prompt": "caf\xe9"}')
    assert check("sunosay", str(path))[0] == 2
    assert check("sunosay", str(tmp_path))[0] == 2


def test_check_accepts_a_utf8_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"prompt": "中" * 3000}).encode())
    assert check("sunosay", str(path))[0] == 0


def test_python_m_sunokit_check_exit_codes(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_text(json.dumps(org()), "utf-8")
    bad.write_text(json.dumps(non_custom("a" * 401)), "utf-8")

    def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "sunokit", "check", *args],
            input=stdin,
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=ROOT,
            timeout=60,
            check=False,
        )

    result = run("sunoapi_org", str(good))
    assert (result.returncode, result.stdout) == (0, "ok: valid sunoapi_org request\n")
    result = run("sunoapi_org", str(bad))
    assert result.returncode == 1
    assert result.stdout.startswith("/prompt: prompt is 401 characters; the limit is 400")
    result = run("sunoapi_org", "-", stdin="{oops")
    assert result.returncode == 2
    assert "not valid JSON" in result.stderr
    assert "Traceback" not in result.stderr


# Every request field the specs mark `format: uri`: (vendor, role, field).
URI_FIELDS = sorted(
    (op.vendor, op.role, name)
    for op in request_operations()
    for name, prop in _specs.resolve(
        op.vendor, {"$ref": _specs.operation(op.vendor, op.role).request_schema_pointer}
    )
    .get("properties", {})
    .items()
    if _specs.resolve(op.vendor, prop).get("format") == "uri"
)


def test_the_specs_have_uri_fields() -> None:
    assert {vendor for vendor, _, _ in URI_FIELDS} >= {"apikley", "sunoapi_org", "relay"}


@pytest.mark.parametrize(("vendor", "role", "field"), URI_FIELDS)
@pytest.mark.parametrize("bad", ["", "not a url", "example.com/hook", "https://exa mple.com/"])
def test_a_uri_field_that_is_no_uri_is_a_violation(
    vendor: str, role: str, field: str, bad: str
) -> None:
    # format: uri is an annotation in JSON Schema 2020-12; a vendor rejects such a callback URL,
    # so sunokit asserts it (the mock vendors answer from the same check).
    violations = [v for v in validate(vendor, {field: bad}, role=role) if v.path == f"/{field}"]
    (violation,) = [v for v in violations if v.keyword == "format"]
    assert violation.rule == "format"
    assert "it must be a valid uri" in violation.message
    assert {v.keyword for v in violations} <= {"format", "minLength"}  # "" is also too short


@pytest.mark.parametrize(
    "good", ["https://example.com/hook", "http://127.0.0.1:8080/h?job=1#x", "https://[::1]/h"]
)
def test_a_valid_uri_passes(good: str) -> None:
    assert validate("sunoapi_org", org(callBackUrl=good)) == []


def test_the_client_refuses_a_callback_url_that_is_no_uri() -> None:
    with (
        respx.mock(assert_all_mocked=True) as router,
        sunokit.SunoClient("sunoapi_org", api_key="k", callback_url="hook") as client,
        pytest.raises(sunokit.ClientValidationError) as raised,
    ):
        client.submit(sunokit.Description("a calm piano tune", model="V4"))
    assert [v.path for v in raised.value.violations] == ["/callBackUrl"]
    assert not router.calls
