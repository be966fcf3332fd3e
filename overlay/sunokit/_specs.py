"""The vendor specs shipped with the package: loading and reading the x-sunokit extensions.

Every rule sunokit applies (validation, state and error mapping, rate limits) is read from
these documents; nothing here restates a rule.
"""

from __future__ import annotations

import functools
import importlib.resources
import importlib.util
import json
import os
import re
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from ._errors import ConfigurationError

__all__ = [
    "VENDORS",
    "HttpStatusKinds",
    "MessageKind",
    "Operation",
    "RateLimit",
    "check_vendor",
    "error_kinds",
    "error_message_kinds",
    "has_operation",
    "http_status_kinds",
    "load_spec",
    "operation",
    "operations",
    "resolve",
    "spec_text",
    "task_states",
]

VENDORS: tuple[str, ...] = ("apikley", "relay", "sunoapi_com", "sunoapi_org", "sunosay")

SPEC_URI_PREFIX = "urn:sunokit:spec:"
#: The spec inside each generated package (scripts/generate.py writes it).
SPEC_JSON_NAME = "openapi.json"


def check_vendor(vendor: str) -> str:
    if vendor not in VENDORS:
        raise ConfigurationError(f"unknown vendor {vendor!r}; choose one of: {', '.join(VENDORS)}")
    return vendor


def spec_text(vendor: str) -> str:
    check_vendor(vendor)
    return (importlib.resources.files("sunokit") / "specs" / f"{vendor}.yaml").read_text("utf-8")


@functools.cache
def load_spec(vendor: str) -> Mapping[str, Any]:
    """The vendor's OpenAPI document, parsed (cached; treat as read-only).

    Read from `<vendor>_client/openapi.json`, the YAML spec as `make generate` renders it (keys
    as strings): json.loads takes 1-3 ms where even libyaml took 20-160 ms per spec. The file is
    found without importing the package (`validate()` alone needs no httpx).
    test_import_cost compares it with the YAML: a spec edited without `make generate` fails there.
    """
    document = json.loads(_spec_json(check_vendor(vendor)))
    if not isinstance(document, dict):
        raise ConfigurationError(f"the packaged spec for {vendor} is not a mapping")
    return document


def _spec_json(vendor: str) -> str:
    package = f"{vendor}_client"
    found = importlib.util.find_spec(package)
    for directory in (found.submodule_search_locations or []) if found is not None else []:
        path = os.path.join(directory, SPEC_JSON_NAME)
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as file:
                return file.read()
    try:  # a package that is not a directory of files (a zip): through its loader
        return (importlib.resources.files(package) / SPEC_JSON_NAME).read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as error:
        raise ConfigurationError(
            f"{package}/{SPEC_JSON_NAME} is missing: the generated client of {vendor} is not "
            "installed completely (in a checkout: make generate)"
        ) from error


def resolve(vendor: str, node: Any) -> Any:
    """Follow a local `$ref` (repeatedly) to the node it names."""
    document = load_spec(vendor)
    while isinstance(node, Mapping) and "$ref" in node:
        pointer = str(node["$ref"])
        if not pointer.startswith("#/"):
            raise ConfigurationError(f"{vendor}: only local $refs are supported, got {pointer}")
        node = document
        for part in pointer[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


@attrs.frozen
class RateLimit:
    requests: int
    per_seconds: float
    scope: str  # "client" or "task"


@attrs.frozen
class Operation:
    vendor: str
    operation_id: str
    role: str
    method: str
    path: str
    definition: Mapping[str, Any] = attrs.field(repr=False)

    @property
    def request_schema_pointer(self) -> str | None:
        """JSON pointer (into the spec) of the JSON request body schema, if any."""
        body = self.definition.get("requestBody")
        if not body or "application/json" not in body.get("content", {}):
            return None
        return (
            f"#/paths/{self.path.replace('~', '~0').replace('/', '~1')}/{self.method}"
            "/requestBody/content/application~1json/schema"
        )

    @property
    def rate_limit(self) -> RateLimit | None:
        limit = self.definition.get("x-sunokit-rate-limit")
        if not limit:
            return None
        return RateLimit(int(limit["requests"]), float(limit["per_seconds"]), str(limit["scope"]))


_METHODS = ("get", "put", "post", "delete", "patch")


def operations(vendor: str) -> Iterator[Operation]:
    return iter(_operations(vendor))


@functools.cache
def _operations(vendor: str) -> tuple[Operation, ...]:
    return tuple(_read_operations(vendor))


def _read_operations(vendor: str) -> Iterator[Operation]:
    for path, item in load_spec(vendor).get("paths", {}).items():
        for method in _METHODS:
            definition = item.get(method)
            if definition:
                yield Operation(
                    vendor=vendor,
                    operation_id=str(definition.get("operationId", "")),
                    role=str(definition.get("x-sunokit-role", "")),
                    method=method,
                    path=path,
                    definition=definition,
                )


@functools.cache
def operation(vendor: str, role: str) -> Operation:
    """The vendor's operation with `x-sunokit-role: role`."""
    for candidate in operations(vendor):
        if candidate.role == role:
            return candidate
    raise ConfigurationError(f"{vendor} has no {role!r} operation")


@functools.cache
def has_operation(vendor: str, role: str) -> bool:
    return any(candidate.role == role for candidate in operations(vendor))


def _schema_extension(vendor: str, schema_name: str, key: str) -> dict[str, str]:
    """A copy of the cached table (callers may change theirs)."""
    return dict(_cached_extension(vendor, schema_name, key))


@functools.cache
def _cached_extension(vendor: str, schema_name: str, key: str) -> Mapping[str, str]:
    schema = load_spec(vendor)["components"]["schemas"][schema_name]
    return {str(k): str(v) for k, v in schema.get(key, {}).items()}


def task_state_of(vendor: str, schema_name: str, value: str) -> str | None:
    """`x-sunokit-task-states[value]` of a state enum (one poll answer's lookup: no copy)."""
    return _cached_extension(vendor, schema_name, "x-sunokit-task-states").get(value)


def error_kind_of(vendor: str, schema_name: str, code: str) -> str | None:
    """`x-sunokit-error-kinds[code]` of a code enum (one answer's lookup: no copy)."""
    return _cached_extension(vendor, schema_name, "x-sunokit-error-kinds").get(code)


def task_states(vendor: str, schema_name: str) -> dict[str, str]:
    """`x-sunokit-task-states` of a state enum: vendor value -> neutral state."""
    return _schema_extension(vendor, schema_name, "x-sunokit-task-states")


def error_kinds(vendor: str, schema_name: str) -> dict[str, str]:
    """`x-sunokit-error-kinds` of a code enum: code (as str) -> error kind."""
    return _schema_extension(vendor, schema_name, "x-sunokit-error-kinds")


def success_codes(vendor: str, schema_name: str) -> tuple[int | str, ...]:
    """The values of a code enum that `x-sunokit-error-kinds` does not list: the success codes."""
    schema = load_spec(vendor)["components"]["schemas"][schema_name]
    errors = set(error_kinds(vendor, schema_name))
    success = tuple(value for value in schema.get("enum", ()) if str(value) not in errors)
    if not success:
        raise ConfigurationError(f"{vendor}: {schema_name} lists no success code")
    return success


def failure_kinds(vendor: str, schema_name: str) -> dict[str, str]:
    """`x-sunokit-failure-kinds` of a state enum: failed state -> error kind (e.g. a rejected
    prompt is `content_rejected`); states it does not list are generic failures."""
    return _schema_extension(vendor, schema_name, "x-sunokit-failure-kinds")


@attrs.frozen
class MessageKind:
    """One `x-sunokit-error-message-kinds` entry: `code` whose message matches is `kind`."""

    code: str
    pattern: re.Pattern[str]
    kind: str


@functools.cache
def error_message_kinds(vendor: str, schema_name: str) -> tuple[MessageKind, ...]:
    """`x-sunokit-error-message-kinds` of a code enum, in spec order (first match wins)."""
    schema = load_spec(vendor)["components"]["schemas"][schema_name]
    return tuple(
        MessageKind(str(entry["code"]), re.compile(str(entry["pattern"])), str(entry["kind"]))
        for entry in schema.get("x-sunokit-error-message-kinds", ())
    )


@attrs.frozen
class HttpStatusKinds:
    """`x-sunokit-http-status-kinds` (HTTP status -> kind) and the statuses whose kind
    overrides the envelope code's (`x-sunokit-http-status-overrides`)."""

    kinds: Mapping[int, str]
    overrides: frozenset[int]


@functools.cache
def http_status_kinds(vendor: str) -> HttpStatusKinds:
    """The vendor's HTTP status table, from whichever component schema declares it (or empty)."""
    kinds: dict[int, str] = {}
    overrides: set[int] = set()
    for schema in load_spec(vendor)["components"]["schemas"].values():
        if not isinstance(schema, Mapping):
            continue
        for status, kind in (schema.get("x-sunokit-http-status-kinds") or {}).items():
            kinds[int(status)] = str(kind)
        overrides.update(
            int(status) for status in schema.get("x-sunokit-http-status-overrides") or ()
        )
    return HttpStatusKinds(kinds, frozenset(overrides))
