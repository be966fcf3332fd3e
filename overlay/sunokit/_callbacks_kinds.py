"""The callback kinds a vendor's spec documents: one per operation with `callbacks`.

Everything here is read from the spec entry of the callback (`paths.*.post.callbacks.*.*.post`)
and of the operation that declares it:

- the body schema (`requestBody`, a `$ref` to a named component) and its `code` table;
- `x-sunokit-job-id`: where the task id sits in the body (a path, or a list of paths);
- `x-sunokit-state`: where the stage sits (a field whose enum carries `x-sunokit-task-states`);
  without it the `code` alone says succeeded or failed (a single-stage callback);
- `x-sunokit-error-message`: where the failure reason sits (else the envelope's `msg`/`message`);
- `x-sunokit-as-poll`: which node of the body is which node of the poll answer, so the binding's
  own result reader (the one `client.get` uses) reads the callback too: a list of
  `{from: [path], to: [path], keys: camelCase}` (`keys` renames the keys of the moved object, or
  of each object in the moved list, from snake_case); absent, the body is read as it is;
- `x-sunokit-read-as`: the poll operation whose answer the body is (SunoAPI.com's webhook is
  get_task's `{code, data: [clip]}`): its state is read as that poll's is (for a poll without
  `x-sunokit-state`, by the vendor's adapter, e.g. from every clip), not from a path here;
- `x-sunokit-webhook-signature`: the signature scheme, for vendors that sign;
- `x-sunokit-webhook-dedupe`: what identifies one delivery, so a receiver can drop repeats:
  `keys` (top-level fields whose values, in order, are the key) and an optional `fallback`
  (`{items: [path], field: name}`: the `field` of every object of the list at `path`) used when
  a body lacks a key field;
- the capability is the declaring operation's `x-sunokit-operation`.

Nothing here imports a validator: this module is read at parse time, not at import time.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from . import _specs
from ._errors import ConfigurationError

__all__ = ["CallbackKind", "Dedupe", "Move", "kinds"]


@attrs.frozen
class Move:
    """One node of a callback body placed where the poll answer has it."""

    source: tuple[str, ...]
    target: tuple[str, ...]
    camel_keys: bool = False


@attrs.frozen
class Dedupe:
    """How a delivery names itself (`x-sunokit-webhook-dedupe`): the values of `keys`, else
    the `field` of every item of the list at `items` (the fallback), else nothing."""

    keys: tuple[str, ...]
    items: tuple[str, ...] | None = None
    field: str | None = None


@attrs.frozen
class CallbackKind:
    """One kind of callback a vendor sends: the one of the operation `operation_id`.

    `capability` is what `Task.operation` says for it (`audio.wav`, ...); `callback_id` is the
    callback's own operationId in the spec (`wav_callback`); `schema_name` the component its
    body follows. `parse(..., operation=)` takes any of the first three.
    """

    vendor: str
    capability: str
    operation_id: str
    callback_id: str
    schema_name: str
    #: The kind `parse` prefers when a body fits it and others: the vendor's music submit's.
    default: bool = attrs.field(default=False, repr=False)
    #: Every capability the operation offers (`x-sunokit-task-types`: a SunoAPI.com create's
    #: task_type chooses concat, cover, ...): `operation=` may name any of them.
    capabilities: tuple[str, ...] = attrs.field(default=(), repr=False)
    job_ids: tuple[tuple[str, ...], ...] = attrs.field(default=(), repr=False)
    state: tuple[str, ...] | None = attrs.field(default=None, repr=False)
    state_schema: str | None = attrs.field(default=None, repr=False)
    code_schema: str | None = attrs.field(default=None, repr=False)
    error_message: tuple[str, ...] | None = attrs.field(default=None, repr=False)
    message_key: str | None = attrs.field(default=None, repr=False)
    as_poll: tuple[Move, ...] = attrs.field(default=(), repr=False)
    signature: Mapping[str, Any] | None = attrs.field(default=None, repr=False, eq=False)
    #: The poll operation whose answer the body is (x-sunokit-read-as), or None.
    read_as: str | None = attrs.field(default=None, repr=False)
    dedupe: Dedupe | None = attrs.field(default=None, repr=False)

    @property
    def label(self) -> str:
        return f"{self.capability} ({self.operation_id})"


def _path(value: object, what: str) -> tuple[str, ...] | None:
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(part, str) for part in value):
        raise ConfigurationError(f"{what} must be a JSON path (a list of keys), not {value!r}")
    return tuple(value)


def _paths(value: object, what: str) -> tuple[tuple[str, ...], ...]:
    if isinstance(value, list) and value and all(isinstance(part, list) for part in value):
        return tuple(p for part in value if (p := _path(part, what)) is not None)
    path = _path(value, what)
    return () if path is None else (path,)


def _moves(value: object, what: str) -> tuple[Move, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(item, Mapping) for item in value):
        raise ConfigurationError(f"{what} must be a list of {{from, to, keys}}, not {value!r}")
    moves = []
    for item in value:
        keys = item.get("keys")
        if keys not in (None, "camelCase"):
            raise ConfigurationError(f"{what}: keys must be camelCase when given, not {keys!r}")
        source = _path(item.get("from"), f"{what}.from")
        target = _path(item.get("to"), f"{what}.to")
        if source is None or not target:
            raise ConfigurationError(f"{what}: every entry needs from and a non-empty to")
        moves.append(Move(source, target, keys == "camelCase"))
    return tuple(moves)


def _dedupe(value: object, what: str) -> Dedupe | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise ConfigurationError(f"{what} must be a mapping ({{keys, fallback}})")
    keys = value.get("keys")
    if (
        not isinstance(keys, list)
        or not keys
        or not all(isinstance(key, str) and key for key in keys)
    ):
        raise ConfigurationError(f"{what} must name its keys ({{keys: [field, ...]}})")
    fallback = value.get("fallback")
    if fallback is None:
        return Dedupe(tuple(keys))
    field = fallback.get("field") if isinstance(fallback, Mapping) else None
    items = _path(fallback.get("items") if isinstance(fallback, Mapping) else None, what)
    if items is None or not isinstance(field, str) or not field:
        raise ConfigurationError(f"{what}: fallback must be {{items: [path], field: name}}")
    return Dedupe(tuple(keys), items, field)


def _posts(definition: Mapping[str, Any]) -> Iterator[Mapping[str, Any]]:
    for callback in (definition.get("callbacks") or {}).values():
        if not isinstance(callback, Mapping):
            continue
        for item in callback.values():
            post = item.get("post") if isinstance(item, Mapping) else None
            if isinstance(post, Mapping):
                yield post


def _ref_name(node: object, what: str) -> str:
    ref = node.get("$ref") if isinstance(node, Mapping) else None
    if not isinstance(ref, str) or not ref.startswith("#/components/schemas/"):
        raise ConfigurationError(f"{what}: the callback body schema must be a $ref")
    return ref.rsplit("/", 1)[1]


def _schema_name_at(vendor: str, schema_name: str, path: tuple[str, ...]) -> str | None:
    from ._operations import _schema_name_at as at  # the poll's own reading of a state path

    return at(vendor, {"$ref": f"#/components/schemas/{schema_name}"}, path)


@functools.cache
def kinds(vendor: str) -> tuple[CallbackKind, ...]:
    """The vendor's callback kinds, the default one (its music submit's) first."""
    submit = _specs.operation(vendor, "submit").operation_id
    found: list[CallbackKind] = []
    schemas = _specs.load_spec(vendor)["components"]["schemas"]
    for operation in _specs.operations(vendor):
        definition = operation.definition
        capability = definition.get("x-sunokit-operation")
        for post in _posts(definition):
            callback_id = str(post.get("operationId") or f"{operation.operation_id}_callback")
            what = f"{vendor}: callback {callback_id}"
            if not isinstance(capability, str):
                raise ConfigurationError(f"{what}: its operation has no x-sunokit-operation")
            body = post["requestBody"]["content"]["application/json"]["schema"]
            schema_name = _ref_name(body, what)
            properties = schemas[schema_name].get("properties") or {}
            state = _path(post.get("x-sunokit-state"), f"{what} x-sunokit-state")
            found.append(
                CallbackKind(
                    vendor=vendor,
                    capability=capability,
                    operation_id=operation.operation_id,
                    callback_id=callback_id,
                    schema_name=schema_name,
                    default=operation.operation_id == submit,
                    capabilities=tuple(
                        dict.fromkeys(
                            [
                                capability,
                                *(
                                    (definition.get("x-sunokit-task-types") or {}).get(
                                        "capabilities"
                                    )
                                    or {}
                                ).values(),
                            ]
                        )
                    ),
                    job_ids=_paths(post.get("x-sunokit-job-id"), f"{what} x-sunokit-job-id"),
                    state=state,
                    state_schema=_schema_name_at(vendor, schema_name, state) if state else None,
                    code_schema=_schema_name_at(vendor, schema_name, ("code",)),
                    error_message=_path(
                        post.get("x-sunokit-error-message"), f"{what} x-sunokit-error-message"
                    ),
                    message_key=next((k for k in ("msg", "message") if k in properties), None),
                    as_poll=_moves(post.get("x-sunokit-as-poll"), f"{what} x-sunokit-as-poll"),
                    signature=post.get("x-sunokit-webhook-signature"),
                    read_as=_read_as(vendor, post.get("x-sunokit-read-as"), what),
                    dedupe=_dedupe(
                        post.get("x-sunokit-webhook-dedupe"), f"{what} x-sunokit-webhook-dedupe"
                    ),
                )
            )
    found.sort(key=lambda kind: not kind.default)
    return tuple(found)


def _read_as(vendor: str, value: object, what: str) -> str | None:
    if value is None:
        return None
    polls = [
        operation.operation_id
        for operation in _specs.operations(vendor)
        if operation.definition.get("x-sunokit-phase") == "poll"
    ]
    if value not in polls:
        raise ConfigurationError(
            f"{what} x-sunokit-read-as must name a poll operation ({', '.join(polls)}), "
            f"not {value!r}"
        )
    return str(value)


def camel_case(name: str) -> str:
    """`backing_vocals_url` -> `backingVocalsUrl` (a camelCase name is left as it is)."""
    return re.sub(r"_([a-z0-9])", lambda match: match.group(1).upper(), name)


def track_path(vendor: str, schema_name: str) -> tuple[str, ...] | None:
    """Where a callback schema keeps its list of items (tracks, variants, instruments): the
    first array of named objects, breadth first; None when it has none."""
    components = _specs.load_spec(vendor)["components"]["schemas"]
    pending: list[tuple[tuple[str, ...], Any]] = [((), components[schema_name])]
    seen = 0
    while pending and seen < 1000:
        seen += 1
        path, schema = pending.pop(0)
        if not isinstance(schema, Mapping):
            continue
        if "$ref" in schema:
            schema = components.get(str(schema["$ref"]).rsplit("/", 1)[1])
            if not isinstance(schema, Mapping):
                continue
        if isinstance(schema.get("items"), Mapping) and "$ref" in schema["items"]:
            return path
        for branch in (*schema.get("anyOf", ()), *schema.get("oneOf", ())):
            pending.append((path, branch))
        for name, child in (schema.get("properties") or {}).items():
            pending.append(((*path, str(name)), child))
    return None
