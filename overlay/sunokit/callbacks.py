"""Vendor callbacks (webhooks): verify, then parse, then type.

    from sunokit import callbacks

    # SunoAPI.org / Apikley: POSTed to callBackUrl at each stage (text, first, complete, error)
    task = callbacks.parse("sunoapi_org", request_body)

    # SunoAPI.com: POSTed to webhook_url at a final state, signed with X-Signature
    task = callbacks.unwrap("sunoapi_com", request_body, request_headers, secret=WEBHOOK_SECRET)

Everything vendor-specific is read from the specs: which vendors send callbacks (operations with
`callbacks`), the body schema each callback follows, the signature scheme
(`x-sunokit-webhook-signature`), the stage -> state table (`x-sunokit-task-states`) and which codes
mean failure (the code enum minus the codes listed in `x-sunokit-error-kinds` are the success
codes). Enums carrying those x-sunokit tables are open: a value the spec does not list still
parses (an unknown stage gives state "unknown", an unknown code means failure).

A body that cannot be understood - invalid UTF-8, not JSON, not an object, or not the shape of
the vendor's callback schema - raises `CallbackError` naming what is wrong, and nothing else.

Trust (read this before writing a handler):

- SunoAPI.org and Apikley sign nothing: anyone who knows the URL can POST a forged "complete"
  with any audio URL. Treat their callback as a hint and confirm with `client.get(task_id)`
  before trusting a URL; `unwrap(..., secret=...)` refuses a secret for them
  (ConfigurationError) rather than pretend to check one.
- SunoAPI.com signs the raw body only (no timestamp, no task id in the documented body), so a
  delivery captured from one job's URL verifies at every other URL that shares the secret.
  `job_secret(secret, job)` derives one secret per job (give it to that job's client as
  `webhook_secret`) and `unwrap(..., secret=secret, job=job)` checks against it: a delivery
  replayed to another job's URL fails ("signed for another job"). A repeat of the same job's own
  delivery still verifies (the scheme has no timestamp to expire it): make the handler
  idempotent, keyed by job. `expected_task_id=` additionally refuses a body naming another task.
- Bodies are bounded before any work: `max_bytes` (DEFAULT_MAX_BYTES, 1 MiB) before decoding,
  `max_tracks` (DEFAULT_MAX_TRACKS, 100) before validation; nesting too deep for the decoder is
  a CallbackError. A task yields 2 tracks; the largest realistic track is ~8 KB of UTF-8 (lyrics
  <= 5,000 characters and style <= 1,000 by the specs' maxLength, a title, four URLs) and at most
  ~32 KB when every character is \\u-escaped, so a real body stays under 64 KB: 1 MiB leaves a
  16x margin and still caps the CPU a hostile body can cost (see bench/callbacks_parse.py).
"""

from __future__ import annotations

import copy
import functools
import hashlib
import hmac
import importlib
import json
import math
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from . import _specs
from ._adapters._base import failure, neutral_state, track_from
from ._adapters._sunoapi_com import SunoapiComAdapter
from ._errors import CallbackError, ConfigurationError
from ._models import Task

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_TRACKS",
    "CallbackError",
    "callback_vendors",
    "job_secret",
    "parse",
    "signature_header",
    "unwrap",
    "verify_signature",
]

Body = bytes | bytearray | str | Mapping[str, Any]

_MAX_FLOAT_INT = 2**1023

#: Largest raw body `parse`/`unwrap` accept, in bytes (see the module docstring for the sizing).
DEFAULT_MAX_BYTES = 1 << 20
#: Most tracks (clips) one callback may list; a task yields 2.
DEFAULT_MAX_TRACKS = 100


def _duration(item: Mapping[str, Any]) -> Any:
    """The track's duration, None when it is a number too large to be seconds."""
    value = item.get("duration")
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > _MAX_FLOAT_INT:
        return None
    return value


# Track field -> key of a track in a staged callback (snake_case, unlike record-info).
_CALLBACK_TRACK_KEYS: Mapping[str, str | Callable[[Mapping[str, Any]], Any]] = {
    "id": "id",
    "title": "title",
    "audio_url": "audio_url",
    "stream_url": "stream_audio_url",
    "image_url": "image_url",
    "duration": _duration,
    "tags": "tags",
    "lyrics": "prompt",
    "model": "model_name",
    "created_at": "createTime",
}

# Enum schemas carrying one of these tables are open: values the spec does not list are allowed.
_OPEN_ENUM_MARKERS = ("x-sunokit-task-states", "x-sunokit-error-kinds")

_SUPPORTED_SIGNATURE = {"algorithm": "hmac-sha256", "encoding": "hex", "over": "raw-body"}


# --------------------------------------------------------------------------------------------
# What the specs say


@attrs.frozen
class _Receiver:
    """One vendor's callback, as its spec describes it."""

    vendor: str
    schema_name: str  # component the body follows, e.g. MusicCallback
    signature: Mapping[str, Any] | None = attrs.field(repr=False)  # x-sunokit-webhook-signature


def _callback_posts(vendor: str) -> Iterable[Mapping[str, Any]]:
    operations = sorted(_specs.operations(vendor), key=lambda op: op.role != "submit")
    for operation in operations:
        for callback in (operation.definition.get("callbacks") or {}).values():
            for item in callback.values():
                post = item.get("post") if isinstance(item, Mapping) else None
                if isinstance(post, Mapping):
                    yield post


@functools.cache
def _receivers() -> Mapping[str, _Receiver]:
    found: dict[str, _Receiver] = {}
    for vendor in _specs.VENDORS:
        for post in _callback_posts(vendor):
            schema = post["requestBody"]["content"]["application/json"]["schema"]
            ref = str(schema.get("$ref", ""))
            if not ref.startswith("#/components/schemas/"):
                raise ConfigurationError(f"{vendor}: the callback body schema must be a $ref")
            found[vendor] = _Receiver(
                vendor=vendor,
                schema_name=ref.rsplit("/", 1)[1],
                signature=post.get("x-sunokit-webhook-signature"),
            )
            break
    return found


def callback_vendors() -> tuple[str, ...]:
    """The vendors whose specs document callbacks (the ones `parse` accepts)."""
    return tuple(sorted(_receivers()))


def _receiver(vendor: object) -> _Receiver:
    receivers = _receivers()
    senders = ", ".join(sorted(receivers))
    if isinstance(vendor, str) and vendor in receivers:
        return receivers[vendor]
    if isinstance(vendor, str) and vendor in _specs.VENDORS:
        raise CallbackError(f"{vendor} sends no callbacks; vendors that do: {senders}")
    raise CallbackError(f"unknown vendor {vendor!r}; vendors that send callbacks: {senders}")


def signature_header(vendor: str) -> str | None:
    """The header carrying the vendor's callback signature, or None if it signs nothing."""
    signature = _receiver(vendor).signature
    return str(signature["header"]) if signature else None


def _secret_field(vendor: str) -> str | None:
    """The submit field that sets the webhook signing secret (None: the vendor signs nothing).

    For the clients' `webhook_secret`; raises ConfigurationError for a vendor without callbacks.
    """
    receivers = _receivers()
    if vendor not in receivers:
        raise ConfigurationError(
            f"{vendor} sends no callbacks; vendors that do: {', '.join(sorted(receivers))}"
        )
    signature = receivers[vendor].signature
    field = signature.get("secret-field") if signature else None
    return str(field) if field else None


def _component(vendor: str, name: str) -> Mapping[str, Any]:
    schema = _specs.load_spec(vendor)["components"]["schemas"][name]
    if not isinstance(schema, Mapping):
        raise ConfigurationError(f"{vendor}: components.schemas.{name} is not a schema")
    return schema


def _ref_name(node: object) -> str:
    ref = node.get("$ref") if isinstance(node, Mapping) else None
    if not isinstance(ref, str):
        raise ConfigurationError(f"expected a $ref to a named schema, got {node!r}")
    return ref.rsplit("/", 1)[1]


@functools.cache
def _success_codes(vendor: str, code_schema: str) -> frozenset[int]:
    """Codes of the enum that `x-sunokit-error-kinds` does not list: the success codes."""
    return frozenset(int(value) for value in _specs.success_codes(vendor, code_schema))


@functools.cache
def _validator(vendor: str, schema_name: str) -> Any:
    """A Draft 2020-12 validator of the callback schema, with the spec's open enums opened."""
    document = copy.deepcopy(dict(_specs.load_spec(vendor)))
    for schema in document.get("components", {}).get("schemas", {}).values():
        if isinstance(schema, dict) and any(marker in schema for marker in _OPEN_ENUM_MARKERS):
            schema.pop("enum", None)
    uri = f"urn:sunokit:callbacks:{vendor}"
    resource = Resource.from_contents(document, default_specification=DRAFT202012)
    registry: Registry[Any] = Registry().with_resource(uri, resource)
    return Draft202012Validator(
        {"$ref": f"{uri}#/components/schemas/{schema_name}"}, registry=registry
    )


# --------------------------------------------------------------------------------------------
# Verify


def verify_signature(
    body: bytes | bytearray | str,
    signature: str | None,
    secret: str,
    *,
    vendor: str = "sunoapi_com",
) -> None:
    """Check a webhook signature (SunoAPI.com: X-Signature = hex HMAC-SHA256(raw body, secret)).

    `body` is the raw request body exactly as received. A `sha256=` prefix and upper-case hex
    are tolerated. Raises CallbackError ("missing X-Signature header", "signature mismatch");
    neither the secret nor the expected signature ever appears in a message.
    """
    scheme = _receiver(vendor).signature
    if scheme is None:
        raise CallbackError(f"{vendor} does not sign its callbacks; nothing to verify")
    for key, expected_value in _SUPPORTED_SIGNATURE.items():
        if str(scheme.get(key)) != expected_value:
            raise ConfigurationError(
                f"{vendor}: unsupported signature {key} {scheme.get(key)!r} in the spec"
            )
    header = str(scheme["header"])
    if not isinstance(secret, str) or not secret:
        raise ConfigurationError(f"{vendor}: an empty webhook secret cannot verify {header}")
    if isinstance(body, str):
        raw = body.encode("utf-8", "surrogatepass")
    elif isinstance(body, (bytes, bytearray)):
        raw = bytes(body)
    else:
        raise CallbackError(
            "a signature covers the raw body: pass the bytes (or str) as received, "
            f"not {type(body).__name__}"
        )
    if signature is None or not isinstance(signature, str) or not signature.strip():
        raise CallbackError(f"missing {header} header")
    given = signature.strip()
    if given[:7].lower() == "sha256=":
        given = given[7:].strip()
    expected = hmac.new(secret.encode("utf-8", "surrogatepass"), raw, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected.encode("ascii"), given.lower().encode("utf-8", "replace")):
        raise CallbackError(f"signature mismatch: the {header} header does not match the body")


#: A request's headers: a mapping (Starlette, FastAPI, Flask, a dict) or (name, value) pairs,
#: str or bytes (an ASGI scope's "headers").
Headers = Mapping[str, str] | Iterable[tuple[str | bytes, str | bytes]]


def _header(headers: Headers, name: str) -> str | None:
    wanted = name.lower()
    pairs: Any = headers.items() if isinstance(headers, Mapping) else headers
    try:
        for key, value in pairs:
            if isinstance(key, bytes):
                key = key.decode("latin-1")
            if isinstance(key, str) and key.lower() == wanted:
                return value.decode("latin-1") if isinstance(value, bytes) else value
    except (TypeError, ValueError):  # not a mapping, not pairs
        raise CallbackError(
            f"headers must be a mapping or (name, value) pairs, not {type(headers).__name__}"
        ) from None
    return None


_JOB_SECRET_CONTEXT = b"sunokit webhook secret for job\x00"


def job_secret(secret: str, job: str) -> str:
    """The webhook secret of one job: hex HMAC-SHA256(secret, "sunokit webhook secret for job\\0"
    + job as UTF-8).

    Give it as `webhook_secret` to the client that submits the job whose callback URL names
    `job`, and pass `secret=secret, job=job` to `unwrap` in the handler: a delivery signed for one
    job then fails at every other job's URL. Nothing per job needs storing; `secret` itself is
    never sent to the vendor.
    """
    if not isinstance(secret, str) or not secret:
        raise ConfigurationError("job_secret needs a non-empty secret string")
    if not isinstance(job, str) or not job:
        raise ConfigurationError(f"job must be a non-empty string, not {_clip(repr(job), 40)}")
    key = secret.encode("utf-8", "surrogatepass")
    message = _JOB_SECRET_CONTEXT + job.encode("utf-8", "surrogatepass")
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def _signing_vendors() -> str:
    return ", ".join(v for v, r in sorted(_receivers().items()) if r.signature is not None)


def unwrap(
    vendor: str,
    body: Body,
    headers: Headers,
    *,
    secret: str | None = None,
    job: str | None = None,
    expected_task_id: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_tracks: int = DEFAULT_MAX_TRACKS,
) -> Task:
    """Verify the callback's signature (for vendors that sign), then parse it.

    For a signing vendor (SunoAPI.com) `secret` is required (ConfigurationError otherwise; when no
    secret was configured at the vendor the body is unsigned: call `parse` instead). With `job`,
    the signature is checked against `job_secret(secret, job)`, so a delivery signed for another
    job (a replay to this job's URL) is refused. For vendors that sign nothing (SunoAPI.org,
    Apikley) a `secret` or `job` is a ConfigurationError: there is nothing it could check, so
    treat such a callback as a hint and confirm it with `client.get(task_id)`.

    `expected_task_id` refuses a body naming another task, or naming none (it cannot be bound).
    `max_bytes`/`max_tracks` are `parse`'s bounds; the size is checked before the signature.
    """
    receiver = _receiver(vendor)
    limit = _bound("max_bytes", max_bytes)
    if receiver.signature is None:
        if secret is not None or job is not None:
            raise ConfigurationError(
                f"{vendor} does not sign its callbacks, so secret=/job= cannot be checked; "
                f"vendors that sign: {_signing_vendors()}. Treat a {vendor} callback as a hint: "
                "confirm it with client.get(task_id) before trusting its URLs"
            )
    else:
        header = str(receiver.signature["header"])
        if secret is None:
            raise ConfigurationError(
                f"{vendor} signs its webhooks ({header}): pass secret=<webhook_secret>, "
                "or call parse() if no secret is configured"
            )
        if isinstance(body, Mapping):
            raise CallbackError(
                "a signature covers the raw body: pass the bytes (or str) as received, "
                "not decoded JSON"
            )
        _check_size(body, limit)
        key = secret if job is None else job_secret(secret, job)
        try:
            verify_signature(body, _header(headers, header), key, vendor=vendor)
        except CallbackError as error:
            if job is None or "mismatch" not in str(error):
                raise
            raise CallbackError(
                f"{error} for this job: it was signed for another job (a delivery replayed "
                "to this job's URL?) or with another secret"
            ) from None
    task = parse(vendor, body, max_bytes=limit, max_tracks=max_tracks)
    if expected_task_id is not None:
        if not task.task_id:
            raise CallbackError(
                "callback names no task id, so it cannot be checked against expected_task_id; "
                "bind SunoAPI.com deliveries to their job with job= instead"
            )
        if task.task_id != expected_task_id:
            raise CallbackError(
                f"callback is for task {_clip(task.task_id, 80)!r}, not the expected task "
                f"{_clip(str(expected_task_id), 80)!r}: it looks like a replay of another "
                "job's delivery"
            )
    return task


# --------------------------------------------------------------------------------------------
# Parse


def parse(
    vendor: str,
    body: Body,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_tracks: int = DEFAULT_MAX_TRACKS,
) -> Task:
    """The Task a callback body describes (bytes, str or already-decoded JSON object).

    Raises CallbackError for a vendor without callbacks, for a raw body over `max_bytes` (checked
    before decoding), for one listing more than `max_tracks` tracks (checked before validation),
    and for any body that is not the vendor's callback shape.
    """
    receiver = _receiver(vendor)
    limit = _bound("max_bytes", max_bytes)
    track_limit = _bound("max_tracks", max_tracks)
    if not isinstance(body, Mapping):
        _check_size(body, limit)
    document = _decode(body)
    _check_tracks(receiver, document, track_limit)
    _validate(receiver, document)
    code = document.get("code")
    if isinstance(code, float):  # 200.0 is an integer to JSON Schema; keep it one in Python
        document["code"] = int(code)
    parser = _PARSERS.get(receiver.schema_name)
    if parser is None:
        raise ConfigurationError(f"{vendor}: no parser for callback schema {receiver.schema_name}")
    try:
        task = parser(receiver, document)
    except (CallbackError, ConfigurationError):
        raise
    except (ArithmeticError, ValueError, RecursionError) as exc:  # e.g. an enormous integer
        raise CallbackError(f"callback body has an out-of-range value: {exc}") from None
    return attrs.evolve(task, raw=_generated_model(receiver, document))


def _bound(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigurationError(f"{name} must be a positive integer, not {_clip(repr(value), 40)}")
    return value


def _check_size(body: object, limit: int) -> None:
    """Refuse a raw body over `limit` bytes (a str counts as its UTF-8 encoding)."""
    if isinstance(body, (bytes, bytearray, memoryview)):
        size = memoryview(body).nbytes
    elif isinstance(body, str):
        # At most 4 UTF-8 bytes a character: encode only when the length alone cannot decide.
        size = len(body)
        if size <= limit < 4 * size:
            size = len(body.encode("utf-8", "surrogatepass"))
    else:
        return  # not a raw body: _decode says what it is
    if size > limit:
        raise CallbackError(
            f"callback body is {size} bytes, over the max_bytes bound of {limit}; "
            "real callbacks are a few KB (raise max_bytes if yours are larger)"
        )


@functools.cache
def _track_path(vendor: str, schema_name: str) -> tuple[str, ...]:
    """Where the callback schema keeps its list of tracks: the first array of named objects."""
    components = _specs.load_spec(vendor)["components"]["schemas"]
    pending: list[tuple[tuple[str, ...], Any]] = [((), components[schema_name])]
    while pending:
        path, schema = pending.pop(0)
        if not isinstance(schema, Mapping):
            continue
        if "$ref" in schema:
            schema = components.get(_ref_name(schema))
            if not isinstance(schema, Mapping):
                continue
        if isinstance(schema.get("items"), Mapping) and "$ref" in schema["items"]:
            return path
        for branch in (*schema.get("anyOf", ()), *schema.get("oneOf", ())):
            pending.append((path, branch))
        for name, child in (schema.get("properties") or {}).items():
            pending.append(((*path, str(name)), child))
    raise ConfigurationError(f"{vendor}: {schema_name} lists no tracks (no array of objects)")


def _check_tracks(receiver: _Receiver, document: Mapping[str, Any], limit: int) -> None:
    path = _track_path(receiver.vendor, receiver.schema_name)
    node: Any = document
    for key in path:
        node = node.get(key) if isinstance(node, Mapping) else None
    if isinstance(node, list) and len(node) > limit:
        raise CallbackError(
            f"callback field {_dotted(path)} lists {len(node)} tracks, over the max_tracks bound "
            f"of {limit} (a task has 2)"
        )


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"number {_clip(text, 40)} is out of range")
    return value


def _plain(node: Any) -> Any:
    """Mappings as dicts and sequences as lists, so the schema's object/array checks apply."""
    if isinstance(node, Mapping):
        return {key: _plain(value) for key, value in node.items()}
    if isinstance(node, (list, tuple)):
        return [_plain(item) for item in node]
    return node


def _decode(body: object) -> dict[str, Any]:
    if isinstance(body, Mapping):
        try:
            document: Any = _plain(body)
        except RecursionError:
            raise CallbackError("callback body is nested too deeply") from None
    elif isinstance(body, (bytes, bytearray, memoryview, str)):
        if isinstance(body, str):
            text = body
        else:
            try:
                text = bytes(body).decode("utf-8")
            except UnicodeDecodeError as exc:
                raise CallbackError(f"callback body is not UTF-8: {exc}") from None
        try:
            document = json.loads(text, parse_constant=_reject_constant, parse_float=_finite_float)
        except RecursionError:
            raise CallbackError("callback body is nested too deeply") from None
        except ValueError as exc:
            raise CallbackError(f"callback body is not JSON: {_clip(str(exc))}") from None
    else:
        raise CallbackError(
            f"callback body must be bytes, str or a mapping, not {type(body).__name__}"
        )
    if not isinstance(document, dict):
        raise CallbackError(f"callback body must be a JSON object, got {_json_type(document)}")
    return document


@functools.cache
def _fast_validator(vendor: str, schema_name: str) -> Any:
    """jsonschema_rs's validator of the same schema (open enums opened), or None without it.

    It only answers "valid?": a body it accepts is accepted; anything else - invalid, or a value
    it cannot take (a huge integer, a lone surrogate, a non-JSON object) - goes to the Python
    validator, which decides and words the error. Python jsonschema walks ~35 validator objects
    per track (most of parse's time, ~0.2 s per MB of tracks); this takes microseconds.
    """
    try:
        import jsonschema_rs
    except ImportError:  # an optional accelerator (a dev dependency): the Python path is complete
        return None
    document = copy.deepcopy(dict(_specs.load_spec(vendor)))
    schemas = document.get("components", {}).get("schemas", {})
    for schema in schemas.values():
        if isinstance(schema, dict) and any(marker in schema for marker in _OPEN_ENUM_MARKERS):
            schema.pop("enum", None)
    root = {"$ref": f"#/components/schemas/{schema_name}", "components": {"schemas": schemas}}
    try:
        return jsonschema_rs.Draft202012Validator(root, validate_formats=False)
    except Exception:  # a schema it cannot compile: the Python validator alone
        return None


def _validate(receiver: _Receiver, document: dict[str, Any]) -> None:
    fast = _fast_validator(receiver.vendor, receiver.schema_name)
    if fast is not None:
        try:
            if fast.is_valid(document):
                return
        except Exception:  # a value jsonschema_rs cannot convert: let the Python validator decide
            pass
    validator = _validator(receiver.vendor, receiver.schema_name)
    try:
        errors = list(validator.iter_errors(document))
    except RecursionError:
        raise CallbackError("callback body is nested too deeply") from None
    if errors:
        best = min(errors, key=lambda e: (len(e.absolute_path), e.validator in ("anyOf", "oneOf")))
        raise CallbackError(_describe(_deepest(best)))


def _deepest(error: ValidationError) -> ValidationError:
    """In an anyOf/oneOf, the branch that got furthest (matched the type, failed inside)."""
    if error.validator in ("anyOf", "oneOf") and error.context:
        deeper = [e for e in error.context if e.relative_path]
        if deeper:
            return _deepest(min(deeper, key=lambda e: -len(e.relative_path)))
    return error


_TYPE_WORDS = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "a boolean",
    "object": "an object",
    "array": "an array",
    "null": "null",
}


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, (list, tuple)):
        return "array"
    if isinstance(value, Mapping):
        return "object"
    return type(value).__name__


def _type_list(value: object) -> list[str]:
    return [str(item) for item in value] if isinstance(value, list) else [str(value)]


def _types_phrase(types: list[str]) -> str:
    words = list(dict.fromkeys(_TYPE_WORDS.get(name, name) for name in types))
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _dotted(path: Iterable[object]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _clip(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _describe(error: ValidationError) -> str:
    path = _dotted(error.absolute_path)
    where = f"callback field {path}" if path else "callback body"
    got = _json_type(error.instance)
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
    return f"{where} is invalid: {_clip(str(error.message))}"


def _integer(value: object) -> int:
    # The schema says integer; JSON (and the validator) also accept 200.0 as one.
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0


def _parse_staged(receiver: _Receiver, body: dict[str, Any]) -> Task:
    """SunoAPI.org / Apikley `{code, msg, data: {callbackType, task_id, data: [track], error}}`."""
    vendor = receiver.vendor
    schema = _component(vendor, receiver.schema_name)
    code_schema = _ref_name(schema["properties"]["code"])
    data_schema = _component(vendor, _ref_name(schema["properties"]["data"]))
    stage_schema = _ref_name(data_schema["properties"]["callbackType"])

    code = _integer(body["code"])
    data: Mapping[str, Any] = body["data"]
    stage = data["callbackType"]
    state = neutral_state(vendor, stage_schema, stage)
    if code not in _success_codes(vendor, code_schema):
        state = "failed"  # whatever the stage says (legacy bodies report failure as `complete`)
    error = None
    if state == "failed":
        reason = data.get("error") or body.get("msg") or f"callback code {code}"
        error = failure(code, reason, _specs.error_kinds(vendor, code_schema).get(str(code)))
    items = data.get("data") or ()
    return Task(
        vendor=vendor,
        task_id=str(data.get("task_id") or ""),
        state=state,
        vendor_state=stage,
        error=error,
        tracks=tuple(track_from(item, keys=_CALLBACK_TRACK_KEYS) for item in items),
        raw=body,
    )


def _parse_clips(receiver: _Receiver, body: dict[str, Any]) -> Task:
    """SunoAPI.com `{code, data: [clip], message}`: the get_task shape, at a final state."""
    vendor = receiver.vendor
    schema = _component(vendor, receiver.schema_name)
    code = _integer(body["code"])
    task_id = body.get("task_id")
    clips = [{**clip, "duration": _duration(clip)} for clip in body["data"]]
    task = SunoapiComAdapter().task_from_dict(
        {**body, "data": clips}, source="task", task_id=task_id if isinstance(task_id, str) else ""
    )
    if code not in _success_codes(vendor, _ref_name(schema["properties"]["code"])):
        message = body.get("message") or (task.error.message if task.error else None)
        task = attrs.evolve(
            task, state="failed", error=failure(code, message or f"webhook code {code}")
        )
    return task


_PARSERS: Mapping[str, Callable[[_Receiver, dict[str, Any]], Task]] = {
    "MusicCallback": _parse_staged,
    "WebhookPayload": _parse_clips,
}


def _generated_model(receiver: _Receiver, document: dict[str, Any]) -> Any:
    """The generated client's model of the body, or the dict when the model cannot take it
    (e.g. a code its closed enum does not list)."""
    try:
        models = importlib.import_module(f"{receiver.vendor}_client.models")
        return getattr(models, receiver.schema_name).from_dict(document)
    except Exception:
        return document
