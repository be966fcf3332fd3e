"""Callback bodies against their spec schemas: is it valid, how far is it, what is wrong.

Two readings of each callback schema, both built from the spec at first use (the validators are
imported then, never when `sunokit.callbacks` is imported):

- lenient: the schema as written, with the open enums opened (an enum carrying
  `x-sunokit-task-states` or `x-sunokit-error-kinds` takes values the spec does not list). A body
  is accepted under this reading.
- strict: the same, but an object may not hold a key that the vendor's callbacks declare
  elsewhere and this object does not (`propertyNames`). Keys no callback of the vendor declares
  at all (a newer server's additions) still pass. It tells kinds apart: a lyrics body's `taskId`
  is no key of the music callback's data.

jsonschema_rs answers "valid?" in microseconds where it is installed; the Python validator
decides whatever it cannot take (a huge integer, a lone surrogate) and words every error.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Iterable, Mapping
from itertools import islice
from typing import Any

from . import _specs
from ._errors import CallbackError
from ._json_types import json_type

__all__ = ["closeness", "describe", "errors", "is_valid"]

# Enum schemas carrying one of these tables are open: values the spec does not list are allowed.
_OPEN_ENUM_MARKERS = ("x-sunokit-task-states", "x-sunokit-error-kinds")
_SCHEMA_KEYS = ("items", "additionalProperties", "not", "contains", "propertyNames")
_SCHEMA_LISTS = ("anyOf", "oneOf", "allOf", "prefixItems")
#: Errors read per schema when measuring how far a body is from a kind.
_MAX_ERRORS = 50


def _walk(schema: Any, visit: Any) -> None:
    """Call visit(node) on every subschema of `schema` (not through $refs)."""
    if not isinstance(schema, dict):
        return
    visit(schema)
    for child in (schema.get("properties") or {}).values():
        _walk(child, visit)
    for key in _SCHEMA_KEYS:
        _walk(schema.get(key), visit)
    for key in _SCHEMA_LISTS:
        for child in schema.get(key) or ():
            _walk(child, visit)


def _reachable(schemas: Mapping[str, Any], roots: Iterable[str]) -> list[str]:
    found: list[str] = []
    pending = list(roots)
    while pending:
        name = pending.pop()
        if name in found or name not in schemas:
            continue
        found.append(name)

        def refs(node: dict[str, Any]) -> None:
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
                pending.append(ref.rsplit("/", 1)[1])

        _walk(schemas[name], refs)
    return found


@functools.cache
def _components(vendor: str, roots: tuple[str, ...], strict: bool) -> dict[str, Any]:
    schemas = copy.deepcopy(dict(_specs.load_spec(vendor)["components"]["schemas"]))
    for schema in schemas.values():
        if isinstance(schema, dict) and any(marker in schema for marker in _OPEN_ENUM_MARKERS):
            schema.pop("enum", None)
    if strict:
        objects: list[dict[str, Any]] = []
        for name in _reachable(schemas, roots):
            _walk(
                schemas[name],
                lambda node: (
                    objects.append(node)
                    if isinstance(node.get("properties"), dict) and "allOf" not in node
                    else None
                ),
            )
        vocabulary = {str(key) for node in objects for key in node["properties"]}
        for node in objects:
            foreign = sorted(vocabulary - {str(key) for key in node["properties"]})
            if foreign and "propertyNames" not in node:
                node["propertyNames"] = {"not": {"enum": foreign}}
    return schemas


def _roots(vendor: str) -> tuple[str, ...]:
    from ._callbacks_kinds import kinds

    return tuple(dict.fromkeys(kind.schema_name for kind in kinds(vendor)))


@functools.cache
def _fast(vendor: str, schema_name: str, strict: bool) -> Any:
    try:
        import jsonschema_rs
    except ImportError:  # an optional accelerator (a dev dependency): the Python path is complete
        return None
    schemas = _components(vendor, _roots(vendor), strict)
    root = {"$ref": f"#/components/schemas/{schema_name}", "components": {"schemas": schemas}}
    try:
        return jsonschema_rs.Draft202012Validator(root, validate_formats=False)
    except Exception:  # a schema it cannot compile: the Python validator alone
        return None


@functools.cache
def _slow(vendor: str, schema_name: str, strict: bool) -> Any:
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    document = {"components": {"schemas": _components(vendor, _roots(vendor), strict)}}
    uri = f"urn:sunokit:callbacks:{vendor}:{'strict' if strict else 'lenient'}"
    resource = Resource.from_contents(document, default_specification=DRAFT202012)
    registry: Any = Registry().with_resource(uri, resource)
    return Draft202012Validator(
        {"$ref": f"{uri}#/components/schemas/{schema_name}"}, registry=registry
    )


def is_valid(vendor: str, schema_name: str, document: Any, *, strict: bool = False) -> bool:
    fast = _fast(vendor, schema_name, strict)
    if fast is not None:
        try:
            return bool(fast.is_valid(document))
        except Exception:  # a value jsonschema_rs cannot convert: the Python validator decides
            pass
    return not errors(vendor, schema_name, document, strict=strict, limit=1)


def errors(
    vendor: str, schema_name: str, document: Any, *, strict: bool = False, limit: int = _MAX_ERRORS
) -> list[Any]:
    """The Python validator's first `limit` errors (CallbackError when nested too deeply)."""
    validator = _slow(vendor, schema_name, strict)
    try:
        return list(islice(validator.iter_errors(document), limit))
    except RecursionError:
        raise CallbackError("callback body is nested too deeply") from None


def _cost(error: Any) -> tuple[int, int]:
    """How far an error puts the body from the kind: (keys, values). A key another kind
    declares (`propertyNames`) is a key; so is each member of an object or array where the
    kind has only null (the empty branch of an anyOf). Any other error is a wrong value. Keys
    weigh more than values: a body with this kind's keys and a wrong value is nearer to it than
    to a kind without one of its keys. An anyOf/oneOf costs its nearest branch."""
    if error.validator in ("anyOf", "oneOf") and error.context:
        branches: dict[Any, tuple[int, int]] = {}
        for child in error.context:
            branch = child.relative_schema_path[0] if child.relative_schema_path else 0
            keys, values = branches.get(branch, (0, 0))
            more_keys, more_values = _cost(child)
            branches[branch] = (keys + more_keys, values + more_values)
        return min(branches.values())
    if "propertyNames" in error.relative_schema_path:
        return (1, 0)
    if (
        error.validator == "type"
        and error.validator_value == "null"
        and isinstance(error.instance, (dict, list))
    ):
        return (len(error.instance), 1)
    return (0, 1)


def _rs_cost(error: Any) -> tuple[int, int]:
    """`_cost` of a jsonschema_rs error (the same rules, its error shapes)."""
    kind = type(error.kind).__name__
    context = getattr(error.kind, "context", None)
    if kind in ("AnyOf", "OneOfNotValid") and context:
        costs = []
        for branch in context:
            keys = values = 0
            for child in branch:
                more_keys, more_values = _rs_cost(child)
                keys, values = keys + more_keys, values + more_values
            costs.append((keys, values))
        return min(costs)
    if kind == "PropertyNames":
        return (1, 0)
    if (
        kind == "Type"
        and list(getattr(error.kind, "types", None) or ()) == ["null"]
        and isinstance(error.instance, (dict, list))
    ):
        return (len(error.instance), 1)
    return (0, 1)


def closeness(
    vendor: str, schema_name: str, document: Any, *, accelerated: bool = True
) -> tuple[int, int]:
    """How far the body is from the kind's strict reading ((0, 0): it is one)."""
    keys = values = 0
    fast = _fast(vendor, schema_name, True) if accelerated else None
    if fast is not None:
        try:
            for error in islice(fast.iter_errors(document), _MAX_ERRORS):
                more_keys, more_values = _rs_cost(error)
                keys, values = keys + more_keys, values + more_values
            return (keys, values)
        except Exception:  # a value jsonschema_rs cannot take: the Python validator measures
            keys = values = 0
    for error in errors(vendor, schema_name, document, strict=True):
        more_keys, more_values = _cost(error)
        keys, values = keys + more_keys, values + more_values
    return (keys, values)


# --------------------------------------------------------------------------------------------
# Wording


_TYPE_WORDS = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "a boolean",
    "object": "an object",
    "array": "an array",
    "null": "null",
}


def _type_list(value: object) -> list[str]:
    return [str(item) for item in value] if isinstance(value, list) else [str(value)]


def _types_phrase(types: list[str]) -> str:
    words = list(dict.fromkeys(_TYPE_WORDS.get(name, name) for name in types))
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def dotted(path: Iterable[object]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def clip(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _deepest(error: Any) -> Any:
    """In an anyOf/oneOf, the branch that got furthest (matched the type, failed inside)."""
    if error.validator in ("anyOf", "oneOf") and error.context:
        deeper = [e for e in error.context if e.relative_path]
        if deeper:
            return _deepest(min(deeper, key=lambda e: -len(e.relative_path)))
    return error


def describe(found: list[Any]) -> str:
    """One sentence naming the field and the rule of the most telling error."""
    best = min(found, key=lambda e: (len(e.absolute_path), e.validator in ("anyOf", "oneOf")))
    error = _deepest(best)
    path = dotted(error.absolute_path)
    where = f"callback field {path}" if path else "callback body"
    got = json_type(error.instance)
    if error.validator == "required":
        present = error.instance if isinstance(error.instance, Mapping) else {}
        required: Any = error.validator_value
        missing = [name for name in required if name not in present]
        name = str(missing[0]) if missing else "?"
        return f"callback is missing required field {path + '.' if path else ''}{name}"
    if error.validator == "type":
        return f"{where} must be {_types_phrase(_type_list(error.validator_value))} (got {got})"
    if (
        error.validator in ("anyOf", "oneOf")
        and error.context
        and all(e.validator == "type" and not e.relative_path for e in error.context)
    ):
        types = [name for e in error.context for name in _type_list(e.validator_value)]
        return f"{where} must be {_types_phrase(types)} (got {got})"
    return f"{where} is invalid: {clip(str(error.message))}"
