"""Vendor callbacks (webhooks): verify, then parse, then type.

    from sunokit import callbacks

    # SunoAPI.org / Apikley: POSTed to callBackUrl by every job that takes one
    task = callbacks.parse("sunoapi_org", request_body)                  # the kind read from the body
    task = callbacks.parse("sunoapi_org", request_body, operation="audio.wav")   # or named

    # SunoAPI.com: POSTed to webhook_url at a final state, signed with X-Signature
    task = callbacks.unwrap("sunoapi_com", request_body, request_headers, secret=WEBHOOK_SECRET)

Every kind of callback a spec documents is parsed (`callback_kinds(vendor)` lists them: music at
each stage, lyrics, WAV, stems, MIDI, video, cover images, recovery, voice, ...), and the Task is
the one `client.get`/`client.wait` return for the same job: the same `operation` (capability), the
same typed `result` (`AudioFile`, `Lyrics`, `Stems`, ...) read by the same binding function from
the poll answer the callback stands for (the spec's `x-sunokit-as-poll`). Only `vendor_state`
differs (the callback's stage, not the poll's status) and `raw` (the callback body's model).

Which kind a body is: `operation=` names it (a capability such as "audio.wav", the operationId
"convert_to_wav" or the callback's own "wav_callback"). Without it the body says: a body that
fits one kind's schema - keys included: a key another kind declares and this one does not rules
it out - is that kind. A body that fits the vendor's music callback is read as music.generate
(what `parse` always did; the music-family operations that reuse that body - upload_cover, ... -
need `operation=` to be named on the Task). A body that fits several other kinds (`{"code": 500,
"data": null}` is a failed WAV, stems, video, ... alike) raises CallbackError listing them: pass
`operation=`. A body that fits none raises CallbackError naming the closest kind's violation.

Everything vendor-specific is read from the specs (see `_callbacks_kinds`): which operations
call back, each body's schema, where the task id, stage and failure reason sit, the signature
scheme (`x-sunokit-webhook-signature`), the stage -> state table (`x-sunokit-task-states`) and
which codes mean failure (the code enum minus the codes listed in `x-sunokit-error-kinds` are the
success codes). Enums carrying those x-sunokit tables are open: a value the spec does not list
still parses (an unknown stage gives state "unknown", an unknown code means failure).

A body that cannot be understood - invalid UTF-8, not JSON, not an object, not the shape of the
callback schema, or a finished job whose result is missing - raises `CallbackError` naming what
is wrong, and nothing else.

De-duplication: vendors may deliver one event more than once. Where the spec names the key a
receiver should de-duplicate on (`x-sunokit-webhook-dedupe`; today SunoAPI.com's `(task_id,
platform)`), the parsed Task carries it as `task.dedupe_key`, a tuple of strings: equal for every
delivery of one event, different for different events. A body lacking a key field is not an
error (the webhook guide's own example carries neither field): the key is then the spec's
fallback, `("clip_id", <the body's clip ids, sorted>)`, and None when the body has no clip id
either - de-duplicate such a delivery on the job yourself. For vendors whose spec names no key
(SunoAPI.org, Apikley: one callback per stage) `dedupe_key` is None.

    task = callbacks.unwrap("sunoapi_com", body, headers, secret=SECRET)
    key = task.dedupe_key or ("task", task.task_id)
    if key in handled:  # your store of keys already handled: a repeat delivery
        return
    handled.add(key)

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
  `max_tracks` (DEFAULT_MAX_TRACKS, 100) before validation (it bounds the item list of every
  kind: tracks, lyrics variants, MIDI instruments, ...); nesting too deep for the decoder is a
  CallbackError. A task yields 2 tracks; the largest realistic track is ~8 KB of UTF-8 (lyrics
  <= 5,000 characters and style <= 1,000 by the specs' maxLength, a title, four URLs) and at most
  ~32 KB when every character is \\u-escaped, so a real body stays under 64 KB: 1 MiB leaves a
  16x margin and still caps the CPU a hostile body can cost (see bench/callbacks_parse.py).

Importing this module imports no validator: the schemas are compiled at the first parse.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import importlib
import json
import math
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from . import _callbacks_schema as _schema
from . import _specs
from ._callbacks_kinds import CallbackKind, camel_case, kinds, track_path
from ._errors import CallbackError, ConfigurationError
from ._json_types import json_type
from ._models import Task

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_TRACKS",
    "CallbackError",
    "CallbackKind",
    "callback_kinds",
    "callback_vendors",
    "job_secret",
    "parse",
    "signature_header",
    "unwrap",
    "verify_signature",
]

Body = bytes | bytearray | str | Mapping[str, Any]

#: Largest raw body `parse`/`unwrap` accept, in bytes (see the module docstring for the sizing).
DEFAULT_MAX_BYTES = 1 << 20
#: Most tracks (clips) one callback may list; a task yields 2.
DEFAULT_MAX_TRACKS = 100

_SUPPORTED_SIGNATURE = {"algorithm": "hmac-sha256", "encoding": "hex", "over": "raw-body"}

_clip = _schema.clip


# --------------------------------------------------------------------------------------------
# What the specs say


@attrs.frozen
class _Receiver:
    """One vendor's callbacks, as its spec describes them."""

    vendor: str
    kinds: tuple[CallbackKind, ...]
    signature: Mapping[str, Any] | None = attrs.field(repr=False)  # x-sunokit-webhook-signature


@functools.cache
def _receivers() -> Mapping[str, _Receiver]:
    found: dict[str, _Receiver] = {}
    for vendor in _specs.VENDORS:
        table = kinds(vendor)
        if table:
            signature = next((k.signature for k in table if k.signature), None)
            found[vendor] = _Receiver(vendor=vendor, kinds=table, signature=signature)
    return found


def callback_vendors() -> tuple[str, ...]:
    """The vendors whose specs document callbacks (the ones `parse` accepts)."""
    return tuple(sorted(_receivers()))


def callback_kinds(vendor: str) -> tuple[CallbackKind, ...]:
    """The kinds of callback the vendor sends (its spec's operations with `callbacks`), the
    default one first; each one's `capability` or `operation_id` is a valid `operation=`."""
    return _receiver(vendor).kinds


def _receiver(vendor: object) -> _Receiver:
    receivers = _receivers()
    senders = ", ".join(sorted(receivers))
    if isinstance(vendor, str) and vendor in receivers:
        return receivers[vendor]
    if isinstance(vendor, str) and vendor in _specs.VENDORS:
        undocumented = [
            operation.operation_id
            for operation in _specs.operations(vendor)
            if operation.definition.get("x-sunokit-callback") == "undocumented"
        ]
        why = (
            f" ({', '.join(undocumented)} take a callback URL whose delivery format is "
            "documented nowhere: poll the task instead)"
            if undocumented
            else ""
        )
        raise CallbackError(f"{vendor} sends no callbacks{why}; vendors that do: {senders}")
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


@functools.cache
def _success_codes(vendor: str, code_schema: str) -> frozenset[int]:
    """Codes of the enum that `x-sunokit-error-kinds` does not list: the success codes."""
    return frozenset(int(value) for value in _specs.success_codes(vendor, code_schema))


def _kind_named(receiver: _Receiver, operation: object) -> CallbackKind:
    """The kind `operation=` names: a capability, an operationId or a callback's operationId."""
    if isinstance(operation, str):
        by_id = [k for k in receiver.kinds if operation in (k.operation_id, k.callback_id)]
        if by_id:
            return by_id[0]
        by_capability = [k for k in receiver.kinds if k.capability == operation]
        if not by_capability:  # a capability the operation offers through a task type
            by_capability = [
                attrs.evolve(k, capability=operation)
                for k in receiver.kinds
                if operation in k.capabilities
            ]
        if len(by_capability) == 1:
            return by_capability[0]
        if by_capability:
            raise ConfigurationError(
                f"{receiver.vendor}: {operation} is offered by several operations that call "
                f"back ({', '.join(k.operation_id for k in by_capability)}): name one of them"
            )
    raise ConfigurationError(
        f"{receiver.vendor} sends no callback for operation {_clip(repr(operation), 60)}; "
        f"its kinds: {', '.join(k.label for k in receiver.kinds)}"
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
    operation: str | None = None,
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
    `operation`, `max_bytes` and `max_tracks` are `parse`'s; the size is checked before the
    signature.
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
    task = parse(vendor, body, operation=operation, max_bytes=limit, max_tracks=max_tracks)
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
    operation: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_tracks: int = DEFAULT_MAX_TRACKS,
) -> Task:
    """The Task a callback body describes (bytes, str or already-decoded JSON object): the one
    `client.get`/`client.wait` return for the same job, from its `operation` to its `result`.

    `operation` names the kind (a capability like "audio.wav", an operationId, or the callback's
    own operationId; ConfigurationError for one the vendor does not call back for); without it
    the kind is read from the body (see the module docstring). Raises CallbackError for a vendor
    without callbacks, for a raw body over `max_bytes` (checked before decoding), for one listing
    more than `max_tracks` items (checked before validation), for a body that fits no kind (or
    several: pass `operation=`), and for a finished job whose result the body lacks.
    """
    receiver = _receiver(vendor)
    limit = _bound("max_bytes", max_bytes)
    track_limit = _bound("max_tracks", max_tracks)
    chosen = None if operation is None else _kind_named(receiver, operation)
    if not isinstance(body, Mapping):
        _check_size(body, limit)
    document = _decode(body)
    _check_tracks(receiver, (chosen,) if chosen else receiver.kinds, document, track_limit)
    if chosen is None:
        kind = _detect(receiver, document)
    else:
        kind = chosen
        if not _schema.is_valid(vendor, kind.schema_name, document):
            found = _schema.errors(vendor, kind.schema_name, document)
            if found:
                raise CallbackError(_schema.describe(found))
    code = document.get("code")
    if isinstance(code, float):  # 200.0 is an integer to JSON Schema; keep it one in Python
        document["code"] = int(code)
    try:
        task = _task(kind, document)
    except (CallbackError, ConfigurationError):
        raise
    except (ArithmeticError, ValueError, RecursionError) as exc:  # e.g. an enormous integer
        raise CallbackError(f"callback body has an out-of-range value: {exc}") from None
    return attrs.evolve(task, raw=_generated_model(kind, document))


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
def _item_lists(
    vendor: str, schema_names: tuple[str, ...]
) -> tuple[tuple[tuple[str, ...], str], ...]:
    """Each distinct item-list path of these schemas, with what its items are called."""
    found: dict[tuple[str, ...], str] = {}
    for name in schema_names:
        path = track_path(vendor, name)
        if path is not None:
            music = any(
                k.capability.startswith("music.") for k in kinds(vendor) if k.schema_name == name
            )
            if found.get(path) != "tracks":
                found[path] = "tracks" if music else "items"
    return tuple(found.items())


def _check_tracks(
    receiver: _Receiver, table: Iterable[CallbackKind], document: Mapping[str, Any], limit: int
) -> None:
    names = tuple(dict.fromkeys(kind.schema_name for kind in table))
    for path, word in _item_lists(receiver.vendor, names):
        node: Any = document
        for key in path:
            node = node.get(key) if isinstance(node, Mapping) else None
        if isinstance(node, list) and len(node) > limit:
            raise CallbackError(
                f"callback field {_schema.dotted(path)} lists {len(node)} {word}, over the "
                f"max_tracks bound of {limit} (a task has 2)"
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
        raise CallbackError(f"callback body must be a JSON object, got {json_type(document)}")
    return document


# --------------------------------------------------------------------------------------------
# Which kind


def _detect(receiver: _Receiver, document: dict[str, Any]) -> CallbackKind:
    """The kind the body is (see the module docstring), or a CallbackError saying why not."""
    vendor = receiver.vendor
    names = list(dict.fromkeys(kind.schema_name for kind in receiver.kinds))
    lenient = [name for name in names if _schema.is_valid(vendor, name, document)]
    strict = [n for n in lenient if _schema.is_valid(vendor, n, document, strict=True)]
    if strict:
        return _one_of(receiver, strict)
    if len(names) == 1:
        nearest = names
    else:
        # No kind takes it as it is: the nearest kinds (a key another kind declares counts
        # against a kind more than a wrong value of its own key), measured on the body with its
        # lists cut to their first items (the evidence is the same; the cost is not), among
        # them those that take the whole body leniently.
        sample = _sample(document)
        distance = {name: _schema.closeness(vendor, name, sample) for name in names}
        least = min(distance.values())
        nearest = [name for name in names if distance[name] == least]  # the default kind first
    fitting = [name for name in nearest if name in lenient]
    if fitting:
        return _one_of(receiver, fitting)
    found = _schema.errors(vendor, nearest[0], document)
    if not found:  # the Python validator accepts what jsonschema_rs did not: it decides
        return _one_of(receiver, [nearest[0]])
    message = _schema.describe(found)
    if len(receiver.kinds) > 1:
        kind = next(k for k in receiver.kinds if k.schema_name == nearest[0])
        message += f" (read as {kind.capability}, the nearest kind; operation= names another)"
    raise CallbackError(message)


#: Items of each list `_detect` looks at to measure how far a body is from each kind.
_SAMPLE_ITEMS = 3


def _sample(node: Any) -> Any:
    """The body with every list cut to its first _SAMPLE_ITEMS items."""
    try:
        if isinstance(node, dict):
            return {key: _sample(value) for key, value in node.items()}
        if isinstance(node, list):
            return [_sample(item) for item in node[:_SAMPLE_ITEMS]]
    except RecursionError:
        raise CallbackError("callback body is nested too deeply") from None
    return node


def _one_of(receiver: _Receiver, schema_names: list[str]) -> CallbackKind:
    matching = [kind for kind in receiver.kinds if kind.schema_name in schema_names]
    if matching[0].default or len(matching) == 1:
        return matching[0]
    raise CallbackError(
        f"callback body fits {len(matching)} kinds of {receiver.vendor} callback: "
        + ", ".join(kind.label for kind in matching)
        + "; pass operation= (a capability or operationId) to say which"
    )


# --------------------------------------------------------------------------------------------
# The Task


def _dig(node: Any, path: Iterable[str] | None) -> Any:
    if path is None:
        return None
    for key in path:
        node = node.get(key) if isinstance(node, Mapping) else None
    return node


def _integer(value: object) -> int | None:
    # The schema says integer; JSON (and the validator) also accept 200.0 as one.
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return int(value)
    return None


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _task(kind: CallbackKind, body: dict[str, Any]) -> Task:
    task = _read_as_poll(kind, body) if kind.read_as else _read_here(kind, body)
    key = _dedupe_key(kind, body)
    return task if key is None else attrs.evolve(task, dedupe_key=key)


def _job_id(kind: CallbackKind, body: Mapping[str, Any]) -> str:
    for path in kind.job_ids:
        value = _dig(body, path)
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and value:
            return value
    return ""


def _key_part(value: object) -> str | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value if isinstance(value, str) and value else None


def _dedupe_key(kind: CallbackKind, body: Mapping[str, Any]) -> tuple[str, ...] | None:
    """The spec's de-duplication key of this delivery (x-sunokit-webhook-dedupe): the values of
    its key fields, else its fallback's (the field of every listed item, sorted), else None."""
    dedupe = kind.dedupe
    if dedupe is None:
        return None
    parts = [_key_part(body.get(key)) for key in dedupe.keys]
    if all(part is not None for part in parts):
        return tuple(part for part in parts if part is not None)
    if dedupe.items is None or dedupe.field is None:
        return None
    items = _dig(body, dedupe.items)
    found = sorted(
        part
        for item in (items if isinstance(items, list) else ())
        if isinstance(item, Mapping) and (part := _key_part(item.get(dedupe.field))) is not None
    )
    return (dedupe.field, *found) if found else None


def _read_as_poll(kind: CallbackKind, body: dict[str, Any]) -> Task:
    """A body that is an answer of the poll `kind.read_as` (x-sunokit-read-as): its state,
    error and tracks read by the vendor's adapter as `client.get` reads that poll's answer, its
    typed result by the binding's own reader; a code the code table calls an error fails it."""
    from ._adapters import get_adapter
    from ._adapters._base import failure
    from ._operations import spec_operation

    vendor = kind.vendor
    poll = spec_operation(vendor, kind.read_as)
    if poll.state is not None:
        raise ConfigurationError(
            f"{vendor}: {kind.callback_id} is read as {poll.operation_id}, whose state sits at "
            "x-sunokit-state: give the callback that x-sunokit-state instead of x-sunokit-read-as"
        )
    task = get_adapter(vendor).task_from_dict(body, source="task")
    task = attrs.evolve(task, task_id=_job_id(kind, body), raw=body, operation=kind.capability)
    code = _integer(body.get("code"))
    if kind.code_schema is not None and code not in _success_codes(vendor, kind.code_schema):
        message = (
            _text(body.get(kind.message_key) if kind.message_key else None)
            or (task.error.message if task.error else None)
            or f"callback code {code}"
        )
        error_kind = _specs.error_kinds(vendor, kind.code_schema).get(str(code))
        return attrs.evolve(task, state="failed", error=failure(code, message, error_kind))
    binding = _bindings(vendor).get((kind.operation_id, kind.capability))
    if binding is None or task.state == "failed":
        return task
    if task.state != "succeeded" and not binding.partial:
        return task
    result = _result(kind, binding, body)
    tracks = tuple(getattr(result, "tracks", ())) if _is_tracks(result) else task.tracks
    return attrs.evolve(task, result=result, tracks=tracks)


def _read_here(kind: CallbackKind, body: dict[str, Any]) -> Task:
    """A body whose stage, id and failure reason sit where the callback's own spec entry says."""
    from ._adapters._base import failure, neutral_state

    vendor = kind.vendor
    code = _integer(body.get("code"))
    ok = kind.code_schema is None or code in _success_codes(vendor, kind.code_schema)
    task_id = _job_id(kind, body)
    shown = None
    if kind.state is not None:
        value = _dig(body, kind.state)
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            shown = str(value)
    if shown is not None and kind.state_schema is not None:
        state = neutral_state(vendor, kind.state_schema, shown)
    else:
        state = "succeeded" if kind.state is None else "unknown"
    if not ok:
        state = "failed"  # whatever the stage says (legacy bodies report failure as `complete`)
    error = None
    if state == "failed":
        reason = (
            _text(_dig(body, kind.error_message))
            or _text(body.get(kind.message_key) if kind.message_key else None)
            or shown
            or f"callback code {code}"
        )
        error_kind = None
        if kind.code_schema is not None:
            error_kind = _specs.error_kinds(vendor, kind.code_schema).get(str(code))
        if error_kind is None and ok and shown is not None and kind.state_schema is not None:
            error_kind = _specs.failure_kinds(vendor, kind.state_schema).get(shown)
        error = failure(code, reason, error_kind)
    binding = _bindings(vendor).get((kind.operation_id, kind.capability))
    result: Any = None
    tracks: tuple[Any, ...] = ()
    if binding is not None:
        if state == "succeeded" or (binding.partial and state != "failed"):
            result = _result(kind, binding, body)
            tracks = tuple(getattr(result, "tracks", ())) if _is_tracks(result) else ()
    elif (reader := _tracks_reader(kind)) is not None:
        # The music submit has no binding (the adapter reads its poll): the tracks come from
        # the reader of a binding polled by the same operation, at every stage, as ever.
        tracks = tuple(getattr(_result(kind, reader, body), "tracks", ()))
    return Task(
        vendor=vendor,
        task_id=task_id,
        state=state,
        vendor_state=shown,
        error=error,
        tracks=tracks,
        raw=body,
        operation=kind.capability,
        result=result,
    )


def _is_tracks(result: object) -> bool:
    from ._models import Tracks

    return isinstance(result, Tracks)


@functools.cache
def _bindings(vendor: str) -> Mapping[tuple[str, str], Any]:
    from ._adapters import bindings

    return {(b.operation, b.request.capability): b for b in bindings(vendor)}


def _as_poll_answer(kind: CallbackKind, body: Mapping[str, Any]) -> Any:
    """The poll answer the callback stands for (x-sunokit-as-poll), for the binding's reader."""
    if not kind.as_poll:
        return body
    answer: dict[str, Any] = {}
    for move in kind.as_poll:
        value = _dig(body, move.source)
        if move.camel_keys:
            value = _camel(value)
        node = answer
        for key in move.target[:-1]:
            node = node.setdefault(key, {})
        node[move.target[-1]] = value
    return answer


def _camel(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {camel_case(str(key)): item for key, item in value.items()}
    if isinstance(value, list):
        return [_camel(item) if isinstance(item, Mapping) else item for item in value]
    return value


def _result(kind: CallbackKind, binding: Any, body: Mapping[str, Any]) -> Any:
    try:
        return binding.result(_as_poll_answer(kind, body))
    except RecursionError:
        raise CallbackError("callback body is nested too deeply") from None
    except (ArithmeticError, ValueError, TypeError, LookupError, AttributeError) as exc:
        message = str(exc)
        # The reader names the poll answer's fields: say the callback's instead.
        for move in sorted(kind.as_poll, key=lambda m: -len(m.target)):
            message = message.replace(".".join(move.target), ".".join(move.source))
        raise CallbackError(
            f"{kind.capability} callback cannot be read: {_clip(message)}"
        ) from None


@functools.cache
def _tracks_reader(kind: CallbackKind) -> Any:
    """For an unbound music kind: a binding whose job the same operation polls and whose reader
    gives tracks (the music-family operations share the music submit's poll), else None."""
    if not kind.capability.startswith("music."):
        return None
    from ._operations import spec_operation

    poll = spec_operation(kind.vendor, kind.operation_id).poll
    for binding in _bindings(kind.vendor).values():
        if (
            binding.partial
            and binding.request.capability.startswith("music.")
            and binding.spec_operation(kind.vendor).poll == poll
        ):
            return binding
    return None


def _generated_model(kind: CallbackKind, document: dict[str, Any]) -> Any:
    """The generated client's model of the body, or the dict when the model cannot take it
    (e.g. a code its closed enum does not list)."""
    try:
        models = importlib.import_module(f"{kind.vendor}_client.models")
        return getattr(models, kind.schema_name).from_dict(document)
    except Exception:
        return document
