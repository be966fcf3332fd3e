"""Helpers the contract tests share: walking the specs' examples and validating against them."""

from __future__ import annotations

import copy
import functools
import importlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs
import jsonschema_rs
import yaml
from jsonschema import Draft7Validator, Draft202012Validator, FormatChecker
from jsonschema.protocols import Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7, DRAFT202012

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"
VENDORS = tuple(sorted(path.stem for path in SPECS.glob("*.yaml")))
URI = "urn:sunokit:test-spec"

UNKNOWN_FIELD = "x_future_field"
UNKNOWN_STRING = "FUTURE_VALUE_FROM_A_NEWER_SERVER"
UNKNOWN_INT = 799


@functools.cache
def load(vendor: str) -> dict[str, Any]:
    # libyaml's safe loader when there is one, as sunokit._specs does (test_import_cost checks
    # that both loaders read the specs the same): the pure-Python one costs each test process
    # (each pytest-xdist worker collects) seconds.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    document: dict[str, Any] = yaml.load(
        (SPECS / f"{vendor}.yaml").read_text("utf-8"), Loader=loader
    )
    return document


@attrs.frozen
class MediaExample:
    vendor: str
    where: str  # "request", "response", "callback"
    trail: str
    name: str
    value: Any = attrs.field(eq=False)
    schema: Mapping[str, Any] = attrs.field(eq=False)
    expect: Mapping[str, str] | None = attrs.field(default=None, eq=False)

    @property
    def id(self) -> str:
        return f"{self.vendor}:{self.trail}:{self.name}"


def _media(node: Any, trail: list[str]) -> Iterator[tuple[list[str], Mapping[str, Any]]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "application/json" and isinstance(value, dict) and "schema" in value:
                yield [*trail, key], value
            else:
                yield from _media(value, [*trail, str(key)])


def examples(vendor: str, *, invalid: bool = False) -> Iterator[MediaExample]:
    doc = load(vendor)
    for trail, media in _media(doc["paths"], []):
        where = (
            "callback"
            if "callbacks" in trail
            and trail.index("callbacks") < len(trail) - 1
            and "requestBody" in trail[trail.index("callbacks") :]
            else "request"
            if "requestBody" in trail
            else "response"
        )
        entries = media.get("x-sunokit-invalid-examples" if invalid else "examples") or {}
        for name, entry in entries.items():
            yield MediaExample(
                vendor=vendor,
                where=where,
                trail="/".join(trail[:-1]),
                name=name,
                value=entry["value"],
                schema=media["schema"],
                expect=entry.get("x-sunokit-expect"),
            )


def all_examples(*, invalid: bool = False) -> list[MediaExample]:
    return [ex for vendor in VENDORS for ex in examples(vendor, invalid=invalid)]


_VALIDATORS: dict[tuple[str, str, bool], Validator] = {}


def validator(vendor: str, schema: Mapping[str, Any], *, draft7: bool = False) -> Validator:
    key = (vendor, repr(schema), draft7)
    if key not in _VALIDATORS:
        _VALIDATORS[key] = _validator(vendor, schema, draft7)
    return _VALIDATORS[key]


# `format: uri` asserted by an independent implementation (jsonschema_rs, schemathesis' own
# validator), not by sunokit's checker: the specs' URI fields are part of the contract.
_RS_URI = jsonschema_rs.validator_for({"type": "string", "format": "uri"}, validate_formats=True)
FORMATS = FormatChecker(formats=())


@FORMATS.checks("uri")
def _uri(value: object) -> bool:
    return not isinstance(value, str) or bool(_RS_URI.is_valid(value))


def _validator(vendor: str, schema: Mapping[str, Any], draft7: bool) -> Validator:
    doc = load(vendor)
    spec = DRAFT7 if draft7 else DRAFT202012
    registry: Registry[Any] = Registry().with_resource(
        URI, Resource(contents=doc, specification=spec)
    )
    target = {"$ref": URI + schema["$ref"]} if "$ref" in schema else dict(schema)
    cls = Draft7Validator if draft7 else Draft202012Validator
    return cls(target, registry=registry, format_checker=FORMATS)  # type: ignore[no-any-return]


def resolve(doc: Mapping[str, Any], node: Any) -> Any:
    while isinstance(node, Mapping) and "$ref" in node:
        target: Any = doc
        for part in str(node["$ref"])[2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def model_class(vendor: str, schema: Mapping[str, Any]) -> Any | None:
    """The generated model for a `$ref`'d component schema, or None for inline schemas."""
    ref = schema.get("$ref", "")
    if not ref.startswith("#/components/schemas/"):
        return None
    name = ref.rsplit("/", 1)[1]
    models = importlib.import_module(f"{vendor}_client.models")
    return getattr(models, name, None)


def _branches(doc: Mapping[str, Any], schema: Any, value: Any) -> Iterator[Mapping[str, Any]]:
    schema = resolve(doc, schema)
    if not isinstance(schema, Mapping):
        return
    yield schema
    for key in ("anyOf", "oneOf", "allOf"):
        for sub in schema.get(key, ()):
            sub = resolve(doc, sub)
            types = sub.get("type") if isinstance(sub, Mapping) else None
            if types is None or _matches(types, value):
                yield from _branches(doc, sub, value)


def _matches(types: Any, value: Any) -> bool:
    names = types if isinstance(types, list) else [types]
    checks = {
        "object": isinstance(value, dict),
        "array": isinstance(value, list),
        "string": isinstance(value, str),
        "integer": isinstance(value, int) and not isinstance(value, bool),
        "number": isinstance(value, (int, float)) and not isinstance(value, bool),
        "boolean": isinstance(value, bool),
        "null": value is None,
    }
    return any(checks.get(name, False) for name in names)


def _nullable(doc: Mapping[str, Any], schema: Any) -> bool:
    """Whether the schema explicitly allows null (a "null" type, a null branch, a null enum)."""
    schema = resolve(doc, schema)
    if not isinstance(schema, Mapping):
        return False
    types = schema.get("type")
    if types == "null" or (isinstance(types, list) and "null" in types):
        return True
    if "enum" in schema and None in schema["enum"]:
        return True
    if "const" in schema and schema["const"] is None:
        return True
    return any(_nullable(doc, sub) for key in ("anyOf", "oneOf") for sub in schema.get(key, ()))


def future_variants(vendor: str, schema: Mapping[str, Any], value: Any) -> dict[str, Any]:
    """A documented body as a newer server might send it.

    "unknown-fields": an unknown field added to every object; "unknown-enum-values": every
    enum-typed value replaced by one the spec does not list; "nulls": every scalar whose schema
    allows null set to null; "null-containers": every object or array whose schema allows null
    set to null (the outermost ones). A variant is only returned when it changes the body.
    """
    doc = load(vendor)
    with_fields = copy.deepcopy(value)
    with_enums = copy.deepcopy(value)
    with_nulls = copy.deepcopy(value)
    with_null_containers = copy.deepcopy(value)
    changed = {"enum": False, "nulls": False, "containers": False}

    def walk(schema_node: Any, node: Any, enum_node: Any) -> None:
        branches = list(_branches(doc, schema_node, node))
        if isinstance(node, dict):
            node[UNKNOWN_FIELD] = {"nested": [1, "two", None]}
            properties: dict[str, Any] = {}
            for branch in branches:
                properties.update(branch.get("properties", {}))
            for key in list(node):
                if key in properties:
                    target = resolve(doc, properties[key])
                    enum = target.get("enum") if isinstance(target, Mapping) else None
                    if enum and isinstance(enum_node, dict) and key in enum_node:
                        current = enum_node[key]
                        if isinstance(current, str):
                            enum_node[key] = UNKNOWN_STRING
                            changed["enum"] = True
                        elif isinstance(current, int) and not isinstance(current, bool):
                            enum_node[key] = UNKNOWN_INT
                            changed["enum"] = True
                    walk(
                        properties[key],
                        node[key],
                        enum_node.get(key) if isinstance(enum_node, dict) else None,
                    )
        elif isinstance(node, list):
            items: Any = {}
            for branch in branches:
                items = branch.get("items", items)
            for index, item in enumerate(node):
                walk(items, item, enum_node[index] if isinstance(enum_node, list) else None)

    def nulls(schema_node: Any, node: Any, containers: bool) -> None:
        branches = list(_branches(doc, schema_node, node))
        if isinstance(node, dict):
            properties: dict[str, Any] = {}
            for branch in branches:
                properties.update(branch.get("properties", {}))
            for key in list(node):
                if key not in properties:
                    continue
                child = node[key]
                is_container = isinstance(child, (dict, list))
                if child is not None and _nullable(doc, properties[key]):
                    if is_container and containers:
                        node[key] = None
                        changed["containers"] = True
                        continue
                    if not is_container and not containers:
                        node[key] = None
                        changed["nulls"] = True
                        continue
                nulls(properties[key], child, containers)
        elif isinstance(node, list):
            items: Any = {}
            for branch in branches:
                items = branch.get("items", items)
            for item in node:
                nulls(items, item, containers)

    walk(schema, with_fields, with_enums)
    nulls(schema, with_nulls, False)
    nulls(schema, with_null_containers, True)
    variants = {"unknown-fields": with_fields}
    if changed["enum"]:
        variants["unknown-enum-values"] = with_enums
    if changed["nulls"]:
        variants["nulls"] = with_nulls
    if changed["containers"]:
        variants["null-containers"] = with_null_containers
    return variants


@attrs.frozen
class RequestOperation:
    """An operation of a spec with an `x-sunokit-role` and a JSON request body."""

    vendor: str
    role: str
    path: str
    method: str
    body_schema: Mapping[str, Any] = attrs.field(eq=False, repr=False)  # as written: a $ref

    @property
    def id(self) -> str:
        return f"{self.vendor}:{self.role}"

    @property
    def schema(self) -> Mapping[str, Any]:
        """The request body schema, resolved."""
        resolved: Mapping[str, Any] = resolve(load(self.vendor), self.body_schema)
        return resolved


def request_operations() -> list[RequestOperation]:
    """Every operation with a role and a JSON request body, in every spec."""
    found = []
    for vendor in VENDORS:
        for path, item in load(vendor)["paths"].items():
            for method, operation in item.items():
                if not isinstance(operation, dict) or not operation.get("x-sunokit-role"):
                    continue
                body = (operation.get("requestBody") or {}).get("content", {})
                media = body.get("application/json")
                if media is not None:
                    role = operation["x-sunokit-role"]
                    found.append(RequestOperation(vendor, role, path, method, media["schema"]))
    return found


def task_callback_refs(vendor: str) -> set[str]:
    """The `$ref`s of the callback bodies of the vendor's music submit: the callbacks
    `callbacks.parse` reads (lyrics, WAV, ... jobs call back with bodies of their own)."""
    from sunokit import _specs

    submit = _specs.operation(vendor, "submit").definition
    return {
        str(item["post"]["requestBody"]["content"]["application/json"]["schema"].get("$ref"))
        for callback in (submit.get("callbacks") or {}).values()
        for item in callback.values()
    }


# --------------------------------------------------------------------------- the time budget
#
# `make test` deselects `@pytest.mark.deep`; `make fuzz` runs it. A big matrix keeps a
# representative slice in the default run and marks the rest deep, chosen deterministically
# (never at random: a default run always runs the same tests).


def families() -> dict[str, tuple[str, ...]]:
    """Vendors by the adapter class that speaks their wire format (the kie family:
    sunoapi_org and apikley), each family's vendors sorted."""
    from sunokit._adapters import get_adapter

    found: dict[str, list[str]] = {}
    for vendor in VENDORS:
        found.setdefault(type(get_adapter(vendor)).__name__, []).append(vendor)
    return {name: tuple(sorted(vendors)) for name, vendors in sorted(found.items())}


def _operation_count(vendor: str) -> int:
    return sum(
        isinstance(operation, dict) and "responses" in operation
        for item in load(vendor)["paths"].values()
        for operation in item.values()
    )


@functools.cache
def representatives() -> frozenset[str]:
    """One vendor per family for the default run: the one whose spec has the most operations
    (ties: the first by name)."""
    return frozenset(
        min(vendors, key=lambda vendor: (-_operation_count(vendor), vendor))
        for vendors in families().values()
    )


def vendor_params(vendors: tuple[str, ...] = VENDORS) -> list[Any]:
    """`vendors` as pytest params: one vendor per family in the default run, the others deep."""
    import pytest

    return [
        pytest.param(
            vendor, id=vendor, marks=() if vendor in representatives() else pytest.mark.deep
        )
        for vendor in vendors
    ]


def slice_marks(index: int, every: int) -> tuple[Any, ...]:
    """The marks of a matrix's `index`-th combination: every `every`-th stays in the default
    run, the others are deep."""
    import pytest

    return () if index % every == 0 else (pytest.mark.deep,)


def diagonal(rows: list[Any], columns: list[Any], every: int) -> list[tuple[Any, Any, bool]]:
    """(row, column, in the default run) for the rows x columns matrix: a combination stays in
    the default run when (row index + column index) % every == 0, so with every <= len(columns)
    each row (and with every <= len(rows) each column) keeps at least one combination."""
    return [
        (row, column, (i + j) % every == 0)
        for i, row in enumerate(rows)
        for j, column in enumerate(columns)
    ]
