"""What the mock reads from the specs: state and code tables, callbacks, examples, defaults.

Every mapping the mock needs comes from the x-sunokit extensions through `sunokit._specs`;
the tables are inverted here ("which vendor value stands for neutral state X": first match).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import attrs

from .. import _specs
from .._errors import ConfigurationError

__all__ = [
    "CallbackSpec",
    "callback_spec",
    "code_for",
    "code_type_is_integer",
    "example_bodies",
    "failure_state",
    "http_status_in_description",
    "message_for",
    "request_default",
    "state_for",
    "status_for_kind",
]

CODE_SCHEMA = "ResponseCode"


def _schema(vendor: str, name: str) -> Mapping[str, Any]:
    schemas = _specs.load_spec(vendor)["components"]["schemas"]
    if name not in schemas:
        raise ConfigurationError(f"{vendor}: the spec has no components.schemas.{name}")
    schema: Mapping[str, Any] = schemas[name]
    return schema


# --------------------------------------------------------------------------- task states


def state_for(vendor: str, schema: str, neutral: Sequence[str]) -> str:
    """The first vendor value of `schema` whose x-sunokit-task-states entry is the first of
    `neutral` that the table has (a fallback chain for vendors without a text/first stage)."""
    table = _specs.task_states(vendor, schema)
    for wanted in neutral:
        for value, state in table.items():
            if state == wanted:
                return value
    raise ConfigurationError(f"{vendor}: {schema} has no state for any of {list(neutral)}")


def failure_state(vendor: str, schema: str, kind: str | None) -> str:
    """The failed state for a failure of `kind` (x-sunokit-failure-kinds), else the first
    failed state that carries no failure kind of its own."""
    table = _specs.task_states(vendor, schema)
    kinds = {
        str(k): str(v)
        for k, v in _schema(vendor, schema).get("x-sunokit-failure-kinds", {}).items()
    }
    failed = [value for value, state in table.items() if state == "failed"]
    if kind is not None:
        for value in failed:
            if kinds.get(value) == kind:
                return value
    for value in failed:
        if value not in kinds:
            return value
    if failed:
        return failed[0]
    raise ConfigurationError(f"{vendor}: {schema} has no failed state")


# --------------------------------------------------------------------------- error codes


def code_type_is_integer(vendor: str, schema: str = CODE_SCHEMA) -> bool:
    return _schema(vendor, schema).get("type") == "integer"


def _typed(vendor: str, schema: str, code: str) -> int | str:
    return int(code) if code_type_is_integer(vendor, schema) else code


def _message_kinds(vendor: str, schema: str) -> list[Mapping[str, Any]]:
    entries = _schema(vendor, schema).get("x-sunokit-error-message-kinds", ())
    return [entry for entry in entries if isinstance(entry, Mapping)]


def code_for(
    vendor: str, kind: str, schema: str = CODE_SCHEMA, *, refined: bool = True
) -> int | str | None:
    """The code a vendor uses for an error of `kind`: a message-refined code
    (x-sunokit-error-message-kinds) first unless `refined` is false, else the first code of
    x-sunokit-error-kinds."""
    for entry in _message_kinds(vendor, schema) if refined else ():
        if entry.get("kind") == kind:
            return _typed(vendor, schema, str(entry.get("code")))
    for code, code_kind in _specs.error_kinds(vendor, schema).items():
        if code_kind == kind:
            return _typed(vendor, schema, code)
    return None


def status_for_kind(vendor: str, kind: str) -> int | None:
    """The HTTP status x-sunokit-http-status-kinds gives `kind` (relay only), first match."""
    for schema in _specs.load_spec(vendor)["components"]["schemas"].values():
        table = schema.get("x-sunokit-http-status-kinds") if isinstance(schema, Mapping) else None
        if isinstance(table, Mapping):
            for status, status_kind in table.items():
                if status_kind == kind:
                    return int(status)
    return None


_HTTP_IN_TEXT = re.compile(r"\bHTTP (\d{3})\b")


def http_status_in_description(
    vendor: str, code: int | str, schema: str = CODE_SCHEMA
) -> int | None:
    """The HTTP status a code's x-enum-descriptions entry names ("HTTP 403 - ..."), if any."""
    description = _schema(vendor, schema).get("x-enum-descriptions", {}).get(str(code))
    match = _HTTP_IN_TEXT.search(description) if isinstance(description, str) else None
    return int(match.group(1)) if match else None


# --------------------------------------------------------------------------- examples


def _walk_examples(node: Any) -> Iterator[Any]:
    if isinstance(node, Mapping):
        for key, value in node.items():
            if key == "examples" and isinstance(value, Mapping):
                for entry in value.values():
                    if isinstance(entry, Mapping) and "value" in entry:
                        yield entry["value"]
            else:
                yield from _walk_examples(value)
    elif isinstance(node, list):
        for item in node:
            yield from _walk_examples(item)


@functools.cache
def example_bodies(vendor: str) -> tuple[Any, ...]:
    """Every example value of the spec's paths (requests, responses, callbacks), in order."""
    return tuple(_walk_examples(_specs.load_spec(vendor).get("paths", {})))


def success_example(vendor: str, operation: _specs.Operation) -> Any | None:
    """The operation's documented success answer: the first HTTP 200 example (`doc-` ones
    first) whose envelope `code`, if it has one, is a success code of the vendor."""
    media = (
        operation.definition.get("responses", {})
        .get("200", {})
        .get("content", {})
        .get("application/json", {})
    )
    examples = media.get("examples") or {}
    ordered = sorted(examples.items(), key=lambda item: not str(item[0]).startswith("doc-"))
    success = {str(code) for code in _specs.success_codes(vendor, CODE_SCHEMA)}
    for _name, entry in ordered:
        value = entry.get("value") if isinstance(entry, Mapping) else None
        code = value.get("code") if isinstance(value, Mapping) else None
        if value is not None and (code is None or str(code) in success):
            return value
    return None


def message_for(
    vendor: str, code: int | str, kind: str, *, key: str, fallback: str, schema: str = CODE_SCHEMA
) -> str:
    """The message text the spec's examples pair with `code` (for a code refined by message,
    one whose text matches `kind`'s pattern and no other kind's), else `fallback`."""
    patterns = [
        (re.compile(str(entry.get("pattern", "$^"))), str(entry.get("kind")))
        for entry in _message_kinds(vendor, schema)
        if str(entry.get("code")) == str(code)
    ]
    for body in example_bodies(vendor):
        if not isinstance(body, Mapping) or body.get("code") != code:
            continue
        text = body.get(key)
        if not isinstance(text, str) or not text:
            continue
        matched = [pattern_kind for pattern, pattern_kind in patterns if pattern.search(text)]
        if (matched and kind in matched) or (not matched and kind not in {k for _, k in patterns}):
            return text
    return fallback


def callback_message(vendor: str, stage: str, *, fallback: str) -> str:
    """The `msg` of the spec's callback example for a stage (code 200), else `fallback`."""
    for body in example_bodies(vendor):
        if not isinstance(body, Mapping) or body.get("code") != 200:
            continue
        data = body.get("data")
        if isinstance(data, Mapping) and data.get("callbackType") == stage:
            msg = body.get("msg")
            if isinstance(msg, str) and msg:
                return msg
    return fallback


# --------------------------------------------------------------------------- callbacks


@attrs.frozen
class CallbackSpec:
    """Where a vendor's callback goes and how it is signed (from the operation's `callbacks`)."""

    url_field: str  # request body field holding the URL ({$request.body#/<field>})
    schema_name: str  # component the callback body follows
    signature_header: str | None = None
    secret_field: str | None = None


_RUNTIME_EXPRESSION = re.compile(r"^\{\$request\.body#/([^}]+)\}$")


def _callback_of(definition: Mapping[str, Any]) -> CallbackSpec | None:
    for callback in (definition.get("callbacks") or {}).values():
        for expression, item in callback.items():
            match = _RUNTIME_EXPRESSION.match(str(expression))
            post = item.get("post") if isinstance(item, Mapping) else None
            if not match or not isinstance(post, Mapping):
                continue
            schema = post["requestBody"]["content"]["application/json"]["schema"]
            signature = post.get("x-sunokit-webhook-signature")
            signature = signature if isinstance(signature, Mapping) else {}
            return CallbackSpec(
                url_field=match.group(1),
                schema_name=str(schema.get("$ref", "")).rsplit("/", 1)[-1],
                signature_header=signature.get("header"),
                secret_field=signature.get("secret-field"),
            )
    return None


@functools.cache
def callback_spec(vendor: str, role: str) -> CallbackSpec | None:
    """The callback of the operation with `role`, if the spec documents one."""
    if not _specs.has_operation(vendor, role):
        return None
    return _callback_of(_specs.operation(vendor, role).definition)


@functools.cache
def callback_spec_for(vendor: str, operation_id: str) -> CallbackSpec | None:
    """The callback of the operation `operation_id`, if the spec documents one."""
    for candidate in _specs.operations(vendor):
        if candidate.operation_id == operation_id:
            return _callback_of(candidate.definition)
    return None


# --------------------------------------------------------------------------- requests


def request_default(vendor: str, role: str, field: str) -> Any:
    """The `default` of a request field of the operation with `role` (None if it has none)."""
    pointer = _specs.operation(vendor, role).request_schema_pointer
    if pointer is None:
        return None
    schema = _specs.resolve(vendor, {"$ref": pointer})
    node = _specs.resolve(vendor, schema.get("properties", {}).get(field, {}))
    return node.get("default") if isinstance(node, Mapping) else None


_CREDITS_IN_TEXT = re.compile(r"\((\d+(?:\.\d+)?) (?:[a-z-]+ )?credits?\)")


def request_schema(vendor: str, operation_id: str) -> Mapping[str, Any]:
    """The resolved JSON request body schema of `operation_id` ({} without one)."""
    for candidate in _specs.operations(vendor):
        if candidate.operation_id == operation_id and candidate.request_schema_pointer:
            schema: Mapping[str, Any] = _specs.resolve(
                vendor, {"$ref": candidate.request_schema_pointer}
            )
            return schema
    return {}


def stated_cost(vendor: str, operation_id: str, body: Mapping[str, Any]) -> float | None:
    """The credits the spec states a create costs for `body`, if it states one: the
    x-enum-descriptions of a request field's chosen value (or its default) saying
    "(N credits)" (SeparateStemsRequest.type: "(1 music-generation credit)", "(5 credits)")."""
    schema = request_schema(vendor, operation_id)
    for name, raw in (schema.get("properties") or {}).items():
        field = _specs.resolve(vendor, raw)
        value = body.get(name, field.get("default") if isinstance(field, Mapping) else None)
        for part in [field, *(field.get("allOf") or ())] if isinstance(field, Mapping) else ():
            node = _specs.resolve(vendor, part)
            texts = node.get("x-enum-descriptions") if isinstance(node, Mapping) else None
            text = texts.get(str(value)) if isinstance(texts, Mapping) else None
            match = _CREDITS_IN_TEXT.search(text) if isinstance(text, str) else None
            if match:
                return float(match.group(1))
    return None


def schema_name_at(vendor: str, schema_name: str, path: tuple[str, ...]) -> str | None:
    """The component schema found at `path` inside components.schemas.<schema_name>."""
    from .._operations import _schema_name_at  # the operations index's walker, one copy

    return _schema_name_at(vendor, {"$ref": f"#/components/schemas/{schema_name}"}, path)


def operation_message(vendor: str, operation_id: str, code: int | str) -> str | None:
    """The message the operation's own answer examples pair with `code` (its page's text)."""
    for candidate in _specs.operations(vendor):
        if candidate.operation_id != operation_id:
            continue
        for body in _walk_examples(candidate.definition.get("responses", {})):
            if isinstance(body, Mapping) and str(body.get("code")) == str(code):
                for key in ("msg", "message"):
                    if isinstance(body.get(key), str) and body[key]:
                        return str(body[key])
    return None


def callback_example_message(vendor: str, operation_id: str) -> str | None:
    """The `msg` of the first success example of the operation's callback."""
    for candidate in _specs.operations(vendor):
        if candidate.operation_id != operation_id:
            continue
        for body in _walk_examples(candidate.definition.get("callbacks", {})):
            if isinstance(body, Mapping) and str(body.get("code")) == "200":
                message = body.get("msg")
                if isinstance(message, str) and message:
                    return message
    return None
