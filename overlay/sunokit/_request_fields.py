"""Request fields: the operations, the fields of each, and how field values become a request.

One place for what `sunokit run` (its options) and `sunokit batch` (a line's JSON) both need:

- the operations: the music modes and every request type some vendor binds (`_adapters`
  `bindings(vendor)`), named after the type (`GenerateLyrics` -> `generate-lyrics`) or by its
  capability (`lyrics.generate`); a binding added to an adapter appears with no change here;
- the fields of an operation, from its request type's attrs fields: each field's key (its name;
  a nested music mode's field that clashes gets `music_`, another clash `request_`), its kind
  and whether it is required. A nested music mode (`UploadCover.music`) is given by its fields
  (`prompt` | `lyrics` + `style` + `title` | `instrumental` + `style` + `title`, `model`) and
  `Tuning` by its knobs (`negative_tags`, ...), as `sunokit generate` takes them;
- how a mapping {key: value} becomes the request: every value checked against its field's
  kind (all problems collected, raised once as ClientValidationError naming each field and the
  rule), then the request type's constructor, which checks the rest.

The values are JSON values (a batch line) or the same values a command line gives:

    text, choice        a string (a choice: one of the listed)
    lyrics              the text (`sunokit run` reads it from --lyrics FILE first)
    number, integer     a finite number / a whole number (never a boolean)
    flag                true or false
    texts               a list of strings (of the field's length)
    track (TrackRef)    "TASK_ID:AUDIO_ID", {"task_id": ..., "audio_id": ...}, or the sidecar
                        of an earlier `sunokit run`: "SIDECAR.json" (its first track),
                        "SIDECAR.json#N" (its N-th, from 1) or "SIDECAR.json#AUDIO_ID"
    task                a task id, or "SIDECAR.json" (the task it records)
    bytes               the path of a file (its bytes)

A relative path is read from `base` (a batch: the file's folder). A file that cannot be read
raises ConfigurationError naming the field.
"""

from __future__ import annotations

import functools
import json
import math
import os
import re
import types
import typing
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Literal

import attrs

from ._adapters import bindings, get_adapter
from ._errors import ClientValidationError, ConfigurationError, UnsupportedRequestError
from ._models import TrackRef
from ._requests import (
    CustomLyrics,
    Description,
    Extend,
    Inspiration,
    Instrumental,
    MusicRequest,
    Tuning,
)
from ._specs import VENDORS
from ._validation import Violation

__all__ = [
    "GENERATE_FIELDS",
    "RESERVED",
    "Field",
    "build",
    "describe",
    "fields",
    "kebab",
    "music_request",
    "operation_named",
    "operations",
    "vendors_offering",
]

Kind = Literal[
    "text", "lyrics", "number", "integer", "flag", "texts", "choice", "track", "task", "bytes"
]
Label = Callable[[str], str]

#: Names the front ends use themselves (a batch line's `id` and `operation`, the options every
#: `sunokit run` operation has): a request field of the same name gets a `request_` prefix.
RESERVED = frozenset(
    {
        "id", "operation", "vendor", "wait", "until", "timeout", "out", "overwrite", "json",
        "base_url", "journal", "no_journal", "mock", "help",
    }
)  # fmt: skip
#: The fields of a music mode given to a request (`UploadCover(music=...)`).
_MUSIC_FIELDS: tuple[tuple[str, Kind], ...] = (
    ("prompt", "text"),
    ("lyrics", "lyrics"),
    ("instrumental", "flag"),
    ("style", "text"),
    ("title", "text"),
    ("model", "text"),
)
_NESTED_MUSIC = (Description, CustomLyrics, Instrumental)


def _plain_key(name: str) -> str:
    return name


@attrs.frozen
class Field:
    """One value an operation takes: `key` names it (a batch line's key; `--key` with dashes
    on the command line), `name` is the request's field (or the nested mode's / knob's)."""

    key: str
    name: str
    kind: Kind
    required: bool
    count: int | str | None = None  # texts: how many ("+": one or more)
    choices: tuple[str, ...] | None = None
    group: Literal["music", "tuning"] | None = None
    default: str | None = None  # the field's default, as the help shows it


# --------------------------------------------------------------------------- the operations


def kebab(name: str) -> str:
    """`GenerateLyrics` -> `generate-lyrics`."""
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


@functools.cache
def operations() -> dict[str, type[Any]]:
    """{operation name: request type}: the music modes, then every type a vendor binds."""
    found: list[type[Any]] = list(typing.get_args(MusicRequest))
    for vendor in VENDORS:
        for binding in bindings(vendor):
            if binding.request not in found:
                found.append(binding.request)
    return {kebab(kind.__name__): kind for kind in found}


def vendors_offering(kind: type[Any]) -> list[str]:
    """The vendors that take requests of `kind` (a music mode, or a bound type)."""
    mode = getattr(kind, "mode", None)
    if isinstance(mode, str):
        return [vendor for vendor in VENDORS if mode in get_adapter(vendor).modes]
    return [v for v in VENDORS if any(b.request is kind for b in bindings(v))]


def operation_named(name: object) -> type[Any]:
    """The request type of an operation name (`generate-lyrics`) or capability
    (`lyrics.generate`); ClientValidationError listing the names for any other value."""
    known = operations()
    if isinstance(name, str):
        if name in known:
            return known[name]
        for kind in known.values():
            if getattr(kind, "capability", None) == name:
                return kind
    shown = repr(name) if isinstance(name, str) and len(name) <= 60 else "that value"
    raise _invalid(
        "request",
        "operation",
        f"unknown operation {shown}; operations: {', '.join(known)} (leave it out for a song "
        "with the fields of sunokit generate)",
        "enum",
    )


# --------------------------------------------------------------------------- the fields


def _without_none(annotation: Any) -> tuple[Any, bool]:
    """(the type, whether None is allowed) of an annotation `X | None`."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        arguments = [a for a in typing.get_args(annotation) if a is not type(None)]
        optional = len(arguments) < len(typing.get_args(annotation))
        return (arguments[0] if len(arguments) == 1 else annotation), optional
    return annotation, False


def _is_music(annotation: Any) -> bool:
    if typing.get_origin(annotation) not in (typing.Union, types.UnionType):
        return False
    arguments = set(typing.get_args(annotation)) - {type(None)}
    return bool(arguments) and arguments <= set(_NESTED_MUSIC)


def _kind(name: str, annotation: Any) -> tuple[Kind, int | str | None, tuple[str, ...] | None]:
    if name == "lyrics":
        return "lyrics", None, None
    if annotation is TrackRef:
        return "track", None, None
    if annotation is bytes:
        return "bytes", None, None
    if annotation is bool:
        return "flag", None, None
    if annotation is float:
        return "number", None, None
    if annotation is int:
        return "integer", None, None
    if typing.get_origin(annotation) is tuple:
        arguments = typing.get_args(annotation)
        return "texts", ("+" if Ellipsis in arguments else len(arguments)), None
    if typing.get_origin(annotation) is typing.Literal:
        return "choice", None, tuple(str(a) for a in typing.get_args(annotation))
    if name == "task":
        return "task", None, None
    return "text", None, None


def _tuning_fields() -> list[tuple[str, Kind, tuple[str, ...] | None]]:
    hints = typing.get_type_hints(Tuning)
    found = []
    for field in attrs.fields(Tuning):
        kind, _, choices = _kind(field.name, _without_none(hints[field.name])[0])
        found.append((field.name, kind, choices))
    return found


#: The fields of a music line (no `operation`), as `sunokit generate` takes them; `extend`
#: is the clip to continue (with `at`, `task_id` and new `lyrics`), `inspiration` a line of text.
GENERATE_FIELDS: Mapping[str, Kind] = {
    "prompt": "text",
    "inspiration": "text",
    "lyrics": "lyrics",
    "instrumental": "flag",
    "extend": "text",
    "at": "number",
    "task_id": "text",
    "style": "text",
    "title": "text",
    "model": "text",
    "callback_url": "text",
    **{name: kind for name, kind, _ in _tuning_fields()},
}
_MODES = ("prompt", "inspiration", "lyrics", "extend")


def _key(name: str, taken: set[str], prefix: str) -> str:
    key = name if name not in RESERVED and name not in taken else f"{prefix}_{name}"
    taken.add(key)
    return key


def fields(kind: type[Any]) -> tuple[Field, ...]:
    """The values an operation takes, from its request type's fields."""
    found = _FIELDS.get(kind)
    if found is None:
        found = _FIELDS[kind] = _fields(kind)
    return found


_FIELDS: dict[type[Any], tuple[Field, ...]] = {}  # request type: its fields, worked out once


def _fields(kind: type[Any]) -> tuple[Field, ...]:
    hints = typing.get_type_hints(kind)
    found: list[Field] = []
    taken: set[str] = set()
    nested: list[tuple[str, Kind, tuple[str, ...] | None, Literal["music", "tuning"]]] = []
    for field in attrs.fields(kind):
        if _is_music(hints[field.name]):
            nested += [(name, what, None, "music") for name, what in _MUSIC_FIELDS]
            nested += [(name, what, choices, "tuning") for name, what, choices in _tuning_fields()]
            continue
        annotation, optional = _without_none(hints[field.name])
        if annotation is Tuning:
            nested += [(name, what, choices, "tuning") for name, what, choices in _tuning_fields()]
            continue
        what, count, choices = _kind(field.name, annotation)
        default = field.default
        shown = None
        if default is not attrs.NOTHING and default is not None:
            shown = None if isinstance(default, attrs.Factory) else repr(default)  # type: ignore[arg-type]
        found.append(
            Field(
                _key(field.name, taken, "request"),
                field.name,
                what,
                default is attrs.NOTHING and not optional and what != "flag",
                count,
                choices,
                default=shown,
            )
        )
    for name, what, choices, group in nested:
        if any(f.name == name and f.group == group for f in found):
            continue  # a mode and its tuning both name persona_id once
        prefix = "music" if group == "music" else "request"
        found.append(Field(_key(name, taken, prefix), name, what, False, None, choices, group))
    return tuple(found)


# --------------------------------------------------------------------------- values


def _invalid(where: str, field: str, message: str, rule: str = "type") -> ClientValidationError:
    return ClientValidationError(where, [Violation(field, "field", message, rule)])


@attrs.frozen
class _Bad:
    """What is wrong with a value."""

    message: str


def _path(value: str | os.PathLike[str], base: Path | None) -> Path:
    path = Path(value)
    return path if base is None or path.is_absolute() else base / path


def _sidecar(path: Path, shown: str) -> dict[str, Any]:
    try:
        document = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise ConfigurationError(f"{shown}: cannot read it as a sidecar ({error})") from None
    if not isinstance(document, dict) or not isinstance(document.get("task_id"), str):
        raise ConfigurationError(f"{shown}: not a sunokit sidecar (no task_id)")
    return document


def _track(text: str, label: str, base: Path | None) -> TrackRef | _Bad:
    """A TrackRef, or what is wrong with `text` (TASK_ID:AUDIO_ID or a sidecar reference)."""
    file, _, which = text.partition("#")
    path = _path(file, base) if file else None
    if path is not None and path.is_file():
        document = _sidecar(path, f"{label} {file}")
        tracks = [t for t in document.get("tracks") or () if isinstance(t, dict) and t.get("id")]
        if not tracks:
            raise ConfigurationError(f"{label} {file}: its task has no track (yet)")
        chosen = tracks[0]
        if which:
            by_id = [t for t in tracks if t.get("id") == which]
            if by_id:
                chosen = by_id[0]
            elif which.isdigit() and 1 <= int(which) <= len(tracks):
                chosen = tracks[int(which) - 1]
            else:
                ids = ", ".join(str(t["id"]) for t in tracks)
                raise ConfigurationError(
                    f"{label} {text}: no track {which!r} (1-{len(tracks)} or one of: {ids})"
                )
        return TrackRef(task_id=str(document["task_id"]), audio_id=str(chosen["id"]))
    task_id, colon, audio_id = text.rpartition(":")
    if not colon or not task_id.strip() or not audio_id.strip():
        shown = repr(text) if len(text) <= 60 else repr(text[:57] + "...")
        return _Bad(
            f'{label} takes TASK_ID:AUDIO_ID, {{"task_id": ..., "audio_id": ...}} or a '
            f"sidecar file (SIDECAR.json[#N]), not {shown}"
        )
    return TrackRef(task_id=task_id, audio_id=audio_id)


def _finite(value: object) -> bool:
    try:
        return math.isfinite(float(value))  # type: ignore[arg-type]
    except (OverflowError, TypeError, ValueError):
        return False


def _value(field: Field, value: Any, label: str, base: Path | None) -> Any:
    """The field's value for the request type, or _Bad saying what is wrong with it."""
    kind = field.kind
    if kind in ("text", "lyrics", "task"):
        if not isinstance(value, str):
            return _Bad(f"{label} must be a string, not {_what(value)}")
        if kind == "task" and value.endswith(".json") and _path(value, base).is_file():
            return str(_sidecar(_path(value, base), f"{label} {value}")["task_id"])
        return value
    if kind == "choice":
        assert field.choices is not None
        if value not in field.choices:
            return _Bad(f"{label} must be one of {', '.join(field.choices)}, not {_what(value)}")
        return value
    if kind == "flag":
        return value if isinstance(value, bool) else _Bad(f"{label} must be true or false")
    if kind in ("number", "integer"):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return _Bad(f"{label} must be a number, not {_what(value)}")
        if kind == "integer" and not isinstance(value, int):
            return _Bad(f"{label} must be a whole number, not {_what(value)}")
        if not _finite(value):
            return _Bad(f"{label} must be a finite number")
        return float(value) if kind == "number" else value
    if kind == "texts":
        count = field.count
        if (
            not isinstance(value, (list, tuple))
            or not all(isinstance(item, str) for item in value)
            or (isinstance(count, int) and len(value) != count)
            or not value
        ):
            many = f"{count} strings" if isinstance(count, int) else "a list of strings"
            return _Bad(f"{label} must be {many}")
        return tuple(value)
    if kind == "track":
        if isinstance(value, TrackRef):
            return value
        if isinstance(value, Mapping):
            task_id, audio_id = value.get("task_id"), value.get("audio_id")
            if set(value) == {"task_id", "audio_id"} and all(
                isinstance(part, str) and part.strip() for part in (task_id, audio_id)
            ):
                return TrackRef(task_id=str(task_id), audio_id=str(audio_id))
            return _Bad(f'{label} must name a track: {{"task_id": ..., "audio_id": ...}}')
        if not isinstance(value, str):
            return _Bad(f"{label} must be TASK_ID:AUDIO_ID, not {_what(value)}")
        return _track(value, label, base)
    assert kind == "bytes"
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    if not isinstance(value, (str, os.PathLike)) or not os.fspath(value):
        return _Bad(f"{label} must be the path of a file, not {_what(value)}")
    path = _path(value, base)
    try:
        return path.read_bytes()
    except OSError as error:
        raise ConfigurationError(
            f"{label}: cannot read {path}: {error.strerror or error}"
        ) from None


def _what(value: object) -> str:
    if isinstance(value, str):
        return repr(value) if len(value) <= 40 else repr(value[:37]) + "..."
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, int) and value.bit_length() > 64:
        return f"a number of about {int(value.bit_length() * math.log10(2)) + 1} digits"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, Mapping):
        return "an object"
    return "a list" if isinstance(value, list) else f"a {type(value).__name__}"


def _converted(
    table: list[tuple[Field, Any]], label: Label, base: Path | None, where: str
) -> dict[Field, Any]:
    """Every value checked against its field: {field: value}, or one ClientValidationError
    with a violation per bad value."""
    found: dict[Field, Any] = {}
    violations: list[Violation] = []
    for field, value in table:
        converted = _value(field, value, label(field.key), base)
        if isinstance(converted, _Bad):
            violations.append(Violation(field.key, "field", converted.message, field.kind))
        else:
            found[field] = converted
    if violations:
        raise ClientValidationError(where, violations)
    return found


def _unknown(values: Mapping[str, Any], known: list[str], where: str) -> None:
    unknown = sorted(str(key) for key in values if key not in known)
    if unknown:
        raise _invalid(
            where,
            unknown[0],
            f"unknown field {unknown[0]!r} (fields: {', '.join(sorted(known)) or 'none'})",
            "additionalProperties",
        )


# --------------------------------------------------------------------------- requests


def music_request(
    values: Mapping[str, Any],
    *,
    label: Label = _plain_key,
    where: str = "music",
    nested: bool = False,
) -> MusicRequest:
    """The song a mapping of `sunokit generate`'s fields stands for (`GENERATE_FIELDS`), its
    mode chosen as generate chooses it (`nested`: a mode inside another request, which takes
    a prompt, lyrics or an instrumental). ClientValidationError names each field that is
    wrong."""
    _unknown(values, list(GENERATE_FIELDS), where)
    table = [
        (Field(name, name, GENERATE_FIELDS[name], False), value)
        for name, value in values.items()
        if value is not None
    ]
    given = {field.key: value for field, value in _converted(table, label, None, where).items()}
    tuning = Tuning(**{name: given[name] for name in attrs.fields_dict(Tuning) if name in given})
    common: dict[str, Any] = {
        "model": given.get("model"),
        "callback_url": given.get("callback_url"),
        "tuning": tuning,
    }
    instrumental = given.get("instrumental", False)
    chosen = [name for name in _MODES if name in given]
    if "extend" in chosen and "lyrics" in chosen:
        chosen.remove("lyrics")  # new lyrics for the continuation
    if instrumental is True and not chosen:
        chosen = ["instrumental"]
    if len(chosen) != 1:
        modes = ("prompt", "lyrics", "instrumental")
        names = ", ".join(
            label(name) for name in (modes if nested else (*_MODES[:3], *modes[2:], "extend"))
        )
        raise _invalid(where, "", f"choose exactly one mode: {names}", "oneOf")
    mode = chosen[0]
    if mode == "prompt":
        return Description(given["prompt"], instrumental=instrumental, **common)
    if mode == "inspiration":
        return Inspiration(given["inspiration"], instrumental=instrumental, **common)
    if mode == "extend":
        return Extend(
            given["extend"],
            at=given.get("at"),
            lyrics=given.get("lyrics"),
            style=given.get("style"),
            title=given.get("title"),
            instrumental=instrumental,
            task_id=given.get("task_id"),
            **common,
        )
    style, title = given.get("style"), given.get("title")
    if style is None or title is None:
        missing = "style" if style is None else "title"
        raise _invalid(
            where, missing, f"{mode} needs {label('style')} and {label('title')}", "required"
        )
    if mode == "lyrics":
        return CustomLyrics(given["lyrics"], style, title, **common)
    return Instrumental(style, title, **common)


def build(
    kind: type[Any],
    values: Mapping[str, Any],
    *,
    label: Label = _plain_key,
    base: Path | None = None,
    where: str | None = None,
) -> Any:
    """The request of type `kind` that `values` ({field key: value}; None: not given) stand
    for. ClientValidationError names every field that is wrong (unknown, missing, of the wrong
    kind, or refused by the constructor); ConfigurationError a file that cannot be read."""
    where = where or kebab(kind.__name__)
    known = fields(kind)
    _unknown(values, [field.key for field in known], where)
    table = [(f, values[f.key]) for f in known if values.get(f.key) is not None]
    missing = [f for f in known if f.required and values.get(f.key) is None]
    if missing:
        raise ClientValidationError(
            where,
            [Violation(f.key, "field", f"{label(f.key)} is required", "required") for f in missing],
        )
    given = _converted(table, label, base, where)
    arguments: dict[str, Any] = {}
    music: dict[str, Any] = {}
    tuning: dict[str, Any] = {}
    for field, value in given.items():
        if field.group == "music":
            music[field.name] = value
        elif field.group == "tuning":
            tuning[field.name] = value
        else:
            arguments[field.name] = value
    hints = typing.get_type_hints(kind)
    music_field = next((f.name for f in attrs.fields(kind) if _is_music(hints[f.name])), None)
    if music_field is not None:
        optional = attrs.fields_dict(kind)[music_field].default is not attrs.NOTHING
        if music or tuning or not optional:
            keys = {f.name: f.key for f in known if f.group is not None}
            try:
                arguments[music_field] = music_request(
                    {**music, **tuning},
                    label=lambda name: label(keys.get(name, name)),
                    where=where,
                    nested=True,
                )
            except ClientValidationError as error:
                shown = [label(f.key) for f in known if f.group == "music"]
                hint = (
                    f" (the song: {shown[0]}, or {shown[1]} + {shown[3]} + {shown[4]}, or "
                    f"{shown[2]} + {shown[3]} + {shown[4]})"
                )
                raise ClientValidationError(
                    where,
                    [
                        attrs.evolve(v, path=v.path or music_field, message=v.message + hint)
                        for v in error.violations
                    ],
                ) from None
    elif tuning:
        arguments["tuning"] = Tuning(**tuning)
    try:
        return kind(**arguments)
    except ClientValidationError as error:
        raise ClientValidationError(
            where,
            [
                attrs.evolve(v, path=_key_of(known, v.path), message=v.message)
                for v in error.violations
            ],
        ) from None
    except (UnsupportedRequestError, TypeError, ValueError) as error:
        raise _invalid(where, "", str(error), "constructor") from None


def _key_of(known: tuple[Field, ...], name: str) -> str:
    """The key a constructor's field name is given by (its own name unless it clashed)."""
    return next((f.key for f in known if f.name == name and f.group is None), name)


def _plain(value: Any) -> Any:
    if isinstance(value, (bytes, bytearray)):
        return f"<{len(value)} bytes>"
    return value


def describe(request: Any, name: str) -> dict[str, Any]:
    """The request as JSON (a sidecar, the journal): its operation, type and fields."""
    found = attrs.asdict(request, value_serializer=lambda _i, _f, value: _plain(value))
    return {"operation": name, "mode": type(request).__name__, **found}
