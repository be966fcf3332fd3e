"""Local validation: a wire-format body checked against the vendor's spec, every violation at once.

The rules are the specs' request schemas (conditionals included); nothing here restates one.
Lengths are counted in characters (code points), as JSON Schema's `maxLength` defines.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from . import _specs
from ._errors import ClientValidationError, ConfigurationError

__all__ = ["Violation", "validate", "validate_or_raise"]

_URI = "urn:sunokit:spec:"


@attrs.frozen
class Violation:
    """One broken rule: where (`path`, a JSON pointer), which rule, and what to do about it."""

    path: str
    rule: str
    message: str
    keyword: str

    def __str__(self) -> str:
        return f"{self.path or '(body)'}: {self.message}"


@functools.cache
def _validator(vendor: str, role: str) -> tuple[Draft202012Validator, Mapping[str, Any]]:
    operation = _specs.operation(vendor, role)
    pointer = operation.request_schema_pointer
    if pointer is None:
        raise ConfigurationError(f"{vendor} {role} has no JSON request body")
    document = _specs.load_spec(vendor)
    registry: Registry[Any] = Registry().with_resource(
        _URI + vendor, DRAFT202012.create_resource(dict(document))
    )
    schema = _specs.resolve(vendor, {"$ref": pointer})
    for rule in schema.get("x-sunokit-rules", ()):
        if rule.get("enforced_by") == "client":
            raise ConfigurationError(
                f"{vendor}: client-side rule {rule.get('id')!r} has no local implementation"
            )
    return Draft202012Validator({"$ref": _URI + vendor + pointer}, registry=registry), schema


def _rule_block(schema: Mapping[str, Any], error: ValidationError) -> Mapping[str, Any] | None:
    """The `allOf` block of the request schema the error came from, if any."""
    path = list(error.schema_path)
    for index in range(len(path) - 1):
        if path[index] == "allOf" and isinstance(path[index + 1], int):
            blocks = schema.get("allOf", [])
            position = int(path[index + 1])
            if position < len(blocks):
                block: Mapping[str, Any] = blocks[position]
                return block
            return None
    return None


def _pointer(parts: Iterable[Any]) -> str:
    return "".join(f"/{part}" for part in parts)


def _field(path: str) -> str:
    return path.rsplit("/", 1)[-1] if path else "the body"


def _when(block: Mapping[str, Any] | None) -> str:
    description = str(block.get("description", "")) if block else ""
    return f" ({description.rstrip('.')})" if description else ""


def _violations(error: ValidationError, block: Mapping[str, Any] | None) -> list[Violation]:
    rule = str(block.get("x-sunokit-rule", error.validator)) if block else str(error.validator)
    keyword = str(error.validator)
    base = list(error.absolute_path)
    path = _pointer(base)
    value: Any = error.instance
    limit: Any = error.validator_value
    when = _when(block)
    if keyword == "required":
        missing = [name for name in limit if isinstance(value, dict) and name not in value]
        return [
            Violation(_pointer([*base, name]), rule, f"{name} is required{when}", keyword)
            for name in missing
        ]
    if keyword == "not" and isinstance(limit, Mapping) and "required" in limit:
        return [
            Violation(_pointer([*base, name]), rule, f"{name} is not allowed here{when}", keyword)
            for name in limit["required"]
        ]
    field = _field(path)
    if keyword == "maxLength":
        message = f"{field} is {len(value)} characters; the limit is {limit} characters{when}"
    elif keyword == "minLength":
        message = f"{field} must be at least {limit} character(s) long{when}"
    elif (
        keyword == "enum"
        and isinstance(error.schema, Mapping)
        and "x-sunokit-decimal-places" in error.schema
    ):
        places = error.schema["x-sunokit-decimal-places"]
        message = (
            f"{field} is {value!r}; it must be between 0 and 1 with at most {places} decimal places"
        )
    elif keyword == "enum":
        shown = ", ".join(repr(item) for item in list(limit)[:12])
        more = ", ..." if len(limit) > 12 else ""
        message = f"{field} is {value!r}; allowed values: {shown}{more}{when}"
    elif keyword == "const":
        message = f"{field} must be {limit!r}{when}"
    elif keyword in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        relation = {
            "minimum": ">=",
            "maximum": "<=",
            "exclusiveMinimum": ">",
            "exclusiveMaximum": "<",
        }[keyword]
        message = f"{field} is {value!r}; it must be {relation} {limit}{when}"
    elif keyword == "type":
        expected = " or ".join(limit) if isinstance(limit, list) else str(limit)
        message = f"{field} must be of type {expected}, not {type(value).__name__}{when}"
    else:
        message = f"{field}: {error.message}{when}"
    return [Violation(path, rule, message, keyword)]


def _leaves(errors: Iterable[ValidationError]) -> Iterable[ValidationError]:
    for error in errors:
        if error.context and error.validator in ("anyOf", "oneOf"):
            yield from _leaves(error.context)
        else:
            yield error


def validate(vendor: str, body: object, *, role: str = "submit") -> list[Violation]:
    """Every way `body` breaks the vendor's documented request rules (empty list: valid)."""
    _specs.check_vendor(vendor)
    validator, schema = _validator(vendor, role)
    if not isinstance(body, Mapping):
        return [
            Violation(
                "",
                "type",
                f"the request body must be a JSON object, not {type(body).__name__}",
                "type",
            )
        ]
    found: dict[tuple[str, str, str], Violation] = {}
    for error in _leaves(validator.iter_errors(dict(body))):
        for violation in _violations(error, _rule_block(schema, error)):
            found.setdefault((violation.path, violation.rule, violation.message), violation)
    return sorted(found.values(), key=lambda v: (v.path, v.rule, v.message))


def validate_or_raise(vendor: str, body: object, *, role: str = "submit") -> None:
    violations = validate(vendor, body, role=role)
    if violations:
        raise ClientValidationError(vendor, violations)
