"""`sunokit run OPERATION --vendor V ...`: every typed request, built from the bindings.

The operations are the music modes and every request type some vendor binds (`_adapters`
`bindings(vendor)`), named after the request type (`GenerateLyrics` -> `generate-lyrics`, also
reachable by its capability, `lyrics.generate`). A binding added to an adapter appears here with
no change to this module. Each operation's options are its request type's attrs fields:

    str, float, int, bool      --name VALUE (a bool: --name / --no-name); required when the
                               field has no default
    lyrics                     --lyrics FILE (UTF-8 text), as `sunokit generate` takes it
    bytes                      --name FILE (its bytes)
    a track (TrackRef)         --track TASK_ID:AUDIO_ID, or --track SIDECAR.json (its first
                               track), SIDECAR.json#N (its N-th, from 1) or SIDECAR.json#AUDIO_ID
    a task id (`task`)         --task TASK_ID, or --task SIDECAR.json (the task it records)
    Tuning                     its knobs, as `sunokit generate` names them (--negative-tags, ...)
    a music mode (`music`)     --prompt TEXT | --lyrics FILE --style S --title T |
                               --instrumental --style S --title T (+ --model and the knobs),
                               decoded as a batch line is (`_batch.request_from_line`)

What follows the submit is `sunokit generate`'s (`_cli_generate.submit_and_follow`): the
journal, the sidecar, progress, downloads (tracks, and a result's media: stems, WAV, video,
images) and the exit codes. A request answered at once (credits, a boosted style, ...) prints
its result and exits 0.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import types
import typing
from pathlib import Path
from typing import Any, TextIO

import attrs

from ._adapters import bindings, get_adapter
from ._batch import request_from_line
from ._cli_follow import (
    EPILOG,
    EXIT_OK,
    EXIT_USAGE,
    add_connection_arguments,
    add_journal_arguments,
    add_output_arguments,
    signals_as_interrupts,
)
from ._cli_generate import refused_locally, submit_and_follow
from ._errors import ClientValidationError, ConfigurationError, UnsupportedRequestError
from ._models import Task, TrackRef
from ._requests import CustomLyrics, Description, Instrumental, MusicRequest, Tuning
from ._specs import VENDORS

__all__ = ["build_request", "describe", "main", "operations", "parser", "vendors_offering"]

#: Options every operation has; a request field of the same name gets a `--request-` prefix.
_COMMON = frozenset(
    {
        "vendor", "wait", "until", "timeout", "out", "overwrite", "json", "callback-url",
        "base-url", "journal", "no-journal", "mock", "help",
    }
)  # fmt: skip
#: The fields of a music mode given to a request (`UploadCover(music=...)`), batch-line names.
_MUSIC_FIELDS = ("prompt", "lyrics", "instrumental", "style", "title", "model")
_TUNING_FIELDS = tuple(field.name for field in attrs.fields(Tuning))
_NESTED_MUSIC = (Description, CustomLyrics, Instrumental)


def _kebab(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def operations() -> dict[str, type[Any]]:
    """{command name: request type}: the music modes, then every type a vendor binds."""
    found: list[type[Any]] = list(typing.get_args(MusicRequest))
    for vendor in VENDORS:
        for binding in bindings(vendor):
            if binding.request not in found:
                found.append(binding.request)
    return {_kebab(kind.__name__): kind for kind in found}


def vendors_offering(kind: type[Any]) -> list[str]:
    """The vendors that take requests of `kind` (a music mode, or a bound type)."""
    mode = getattr(kind, "mode", None)
    if isinstance(mode, str):
        return [vendor for vendor in VENDORS if mode in get_adapter(vendor).modes]
    return [v for v in VENDORS if any(b.request is kind for b in bindings(v))]


# --------------------------------------------------------------------------- fields -> options


@attrs.frozen
class _Option:
    field: str  # the request field (or the nested music / tuning field)
    flag: str  # --flag
    dest: str
    kind: str  # text | file | bytes | number | integer | flag | track | task | choice
    required: bool
    nargs: int | str | None = None
    choices: tuple[str, ...] | None = None
    group: str | None = None  # "music" (the nested mode) or "tuning"
    default: str | None = None  # the field's default, shown in the help


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


def _kind(name: str, annotation: Any) -> tuple[str, int | str | None, tuple[str, ...] | None]:
    if name == "lyrics":
        return "file", None, None
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
        count: int | str = "+" if Ellipsis in arguments else len(arguments)
        return "text", count, None
    if typing.get_origin(annotation) is typing.Literal:
        return "choice", None, tuple(str(a) for a in typing.get_args(annotation))
    if name == "task":
        return "task", None, None
    return "text", None, None


def _flag(name: str, taken: set[str], prefix: str = "request") -> str:
    flag = name.replace("_", "-")
    if flag in _COMMON or flag in taken:
        flag = f"{prefix}-{flag}"
    taken.add(flag)
    return f"--{flag}"


def _options(kind: type[Any]) -> list[_Option]:
    """The command-line options of a request type, from its fields."""
    hints = typing.get_type_hints(kind)
    options: list[_Option] = []
    taken: set[str] = set()
    nested: list[tuple[str, Any, bool, str | None]] = []  # name, type, required, group
    for field in attrs.fields(kind):
        if field.name == "callback_url":
            continue  # the client's --callback-url, as for every operation
        annotation, optional = _without_none(hints[field.name])
        required = field.default is attrs.NOTHING
        if _is_music(hints[field.name]):
            for name in _MUSIC_FIELDS:
                nested.append((name, bool if name == "instrumental" else str, False, "music"))
            tuning_hints = typing.get_type_hints(Tuning)
            for name in _TUNING_FIELDS:
                nested.append((name, _without_none(tuning_hints[name])[0], False, "tuning"))
            continue
        if annotation is Tuning:
            tuning_hints = typing.get_type_hints(Tuning)
            for name in _TUNING_FIELDS:
                nested.append((name, _without_none(tuning_hints[name])[0], False, "tuning"))
            continue
        what, nargs, choices = _kind(field.name, annotation)
        if what == "flag":
            required = False
        default = field.default
        shown = None
        if default is not attrs.NOTHING and default is not None:
            shown = None if isinstance(default, attrs.Factory) else repr(default)  # type: ignore[arg-type]
        options.append(
            _Option(
                field.name,
                _flag(field.name, taken),
                f"field_{field.name}",
                what,
                required and not optional,
                nargs,
                choices,
                default=shown,
            )
        )
    for name, annotation, required, group in nested:
        if any(option.field == name and option.group == group for option in options):
            continue  # a mode and its tuning both name persona_id once
        what, nargs, choices = _kind(name, annotation)
        if name == "lyrics" and group == "music":
            what = "file"
        options.append(
            _Option(
                name,
                _flag(name, taken, "music" if group == "music" else "request"),
                f"{group}_{name}",
                what,
                required,
                nargs,
                choices,
                group,
            )
        )
    return options


def _finite(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"{text!r} is not a finite number")
    return value


_METAVARS = {
    "track": "TASK_ID:AUDIO_ID|SIDECAR.json[#N]",
    "task": "TASK_ID|SIDECAR.json",
    "file": "FILE",
    "bytes": "FILE",
    "number": "NUMBER",
    "integer": "N",
}


def _add(parser: Any, option: _Option) -> None:
    note = "required" if option.required else "optional"
    if option.default is not None:
        note = f"default {option.default}"
    if option.group == "music":
        note = "the music mode"
    elif option.group == "tuning":
        note = "vendor extra"
    if option.kind == "flag":
        parser.add_argument(
            option.flag,
            dest=option.dest,
            action=argparse.BooleanOptionalAction,
            default=None,
            help=f"{option.field} ({note})",
        )
        return
    types_: dict[str, Any] = {"number": _finite, "integer": int, "file": Path, "bytes": Path}
    parser.add_argument(
        option.flag,
        dest=option.dest,
        required=option.required,
        type=types_.get(option.kind, str),
        nargs=option.nargs,
        choices=option.choices,
        metavar=_METAVARS.get(option.kind, option.field.upper()) if not option.choices else None,
        help=f"{option.field} ({note})",
    )


def _summary(kind: type[Any]) -> str:
    return " ".join((kind.__doc__ or kind.__name__).strip().split("\n\n")[0].split())


def parser() -> argparse.ArgumentParser:
    """`sunokit run`'s parser: one subcommand per operation, its options from its fields."""
    top = argparse.ArgumentParser(
        prog="sunokit run",
        description="Run any typed request: submit, wait with progress, download the files "
        "(tracks, stems, WAV, video, images) with a JSON sidecar, like `sunokit generate`. "
        "The operations are the music modes and every request type a vendor binds.",
        epilog=EPILOG,
    )
    commands = top.add_subparsers(dest="operation", required=True, metavar="OPERATION")
    for name, kind in operations().items():
        capability = getattr(kind, "capability", None)
        aliases = [capability] if isinstance(capability, str) else []
        offered = ", ".join(vendors_offering(kind)) or "none yet"
        sub = commands.add_parser(
            name,
            aliases=aliases,
            help=f"{_summary(kind)} [{offered}]",
            description=f"{kind.__doc__ or kind.__name__}\n\nsunokit.{kind.__name__}; offered "
            f"by: {offered}.",
            formatter_class=argparse.RawDescriptionHelpFormatter,
            epilog=EPILOG,
        )
        sub.set_defaults(request_type=kind)
        sub.add_argument("--vendor", required=True, choices=VENDORS)
        fields = sub.add_argument_group(f"{kind.__name__} fields")
        for option in _options(kind):
            _add(fields, option)
        sub.add_argument(
            "--wait",
            action=argparse.BooleanOptionalAction,
            default=True,
            help="wait for the task and download its files (default); --no-wait only submits",
        )
        add_output_arguments(sub, wait=True)
        sub.add_argument(
            "--callback-url",
            metavar="URL",
            help="where the vendor posts the result (some vendors require one; this command "
            "polls, so nothing has to answer there)",
        )
        add_connection_arguments(sub)
        add_journal_arguments(sub)
        sub.add_argument(
            "--mock", action="store_true", help="run against the embedded mock vendor, offline"
        )
    return top


# --------------------------------------------------------------------------- options -> request


def _invalid(field: str, message: str) -> ClientValidationError:
    from ._validation import Violation

    return ClientValidationError("command line", [Violation(field, "argument", message, "type")])


def _read_text(path: Path) -> str:
    try:
        return path.read_text("utf-8")
    except UnicodeDecodeError as error:
        raise OSError(f"cannot read {path}: not UTF-8 text ({error.reason})") from None


def _sidecar(path: Path, flag: str) -> dict[str, Any]:
    try:
        document = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise ConfigurationError(f"{flag} {path}: cannot read it as a sidecar ({error})") from None
    if not isinstance(document, dict) or not isinstance(document.get("task_id"), str):
        raise ConfigurationError(f"{flag} {path}: not a sunokit sidecar (no task_id)")
    return document


def _track(text: str, flag: str) -> TrackRef:
    """TASK_ID:AUDIO_ID, or a sidecar file (SIDECAR.json, SIDECAR.json#N, SIDECAR.json#ID)."""
    file, _, which = text.partition("#")
    if Path(file).is_file():
        document = _sidecar(Path(file), flag)
        tracks = [t for t in document.get("tracks") or () if isinstance(t, dict) and t.get("id")]
        if not tracks:
            raise ConfigurationError(f"{flag} {file}: its task has no track (yet)")
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
                    f"{flag} {text}: no track {which!r} (1-{len(tracks)} or one of: {ids})"
                )
        return TrackRef(task_id=str(document["task_id"]), audio_id=str(chosen["id"]))
    task_id, colon, audio_id = text.rpartition(":")
    if not colon or not task_id.strip() or not audio_id.strip():
        raise _invalid(
            flag.lstrip("-"),
            f"{flag} takes TASK_ID:AUDIO_ID or a sidecar file (SIDECAR.json[#N]), not {text!r}",
        )
    return TrackRef(task_id=task_id, audio_id=audio_id)


def _task(text: str, flag: str) -> str:
    path = Path(text)
    if text.endswith(".json") and path.is_file():
        return str(_sidecar(path, flag)["task_id"])
    return text


def _value(option: _Option, value: Any) -> Any:
    if option.kind == "track":
        return _track(value, option.flag)
    if option.kind == "task":
        return _task(value, option.flag)
    if option.kind == "file":
        return _read_text(value)
    if option.kind == "bytes":
        try:
            return value.read_bytes()
        except OSError as error:
            raise OSError(f"cannot read {value}: {error.strerror or error}") from None
    if option.nargs is not None:
        return tuple(value)
    return value


def build_request(args: argparse.Namespace) -> Any:
    """The request the parsed options stand for (validated by its constructor)."""
    kind: type[Any] = args.request_type
    fields: dict[str, Any] = {}
    music: dict[str, Any] = {}
    tuning: dict[str, Any] = {}
    music_field: str | None = None
    hints = typing.get_type_hints(kind)
    for field in attrs.fields(kind):
        if _is_music(hints[field.name]):
            music_field = field.name
    for option in _options(kind):
        value = getattr(args, option.dest)
        if value is None:
            continue
        converted = _value(option, value)
        if option.group == "music":
            music[option.field] = converted
        elif option.group == "tuning":
            tuning[option.field] = converted
        else:
            fields[option.field] = converted
    if music_field is not None:
        if music or tuning or not _optional(kind, music_field):
            music.update(tuning)
            try:
                fields[music_field] = request_from_line(music)
            except ClientValidationError as error:
                reasons = "; ".join(v.message for v in error.violations)
                raise _invalid(
                    music_field,
                    f"{reasons} (--prompt TEXT, --lyrics FILE --style S --title T, or "
                    "--instrumental --style S --title T)",
                ) from None
    elif tuning:
        fields["tuning"] = Tuning(**tuning)
    return kind(**fields)


def _optional(kind: type[Any], name: str) -> bool:
    return attrs.fields_dict(kind)[name].default is not attrs.NOTHING


def _plain(value: Any) -> Any:
    if isinstance(value, (bytes, bytearray)):
        return f"<{len(value)} bytes>"
    return value


def describe(request: Any, name: str, callback_url: str | None) -> dict[str, Any]:
    """The request as the sidecar records it: its operation, type and fields."""
    fields = attrs.asdict(request, value_serializer=lambda _i, _f, value: _plain(value))
    if "callback_url" in fields and fields["callback_url"] is None:
        fields["callback_url"] = callback_url
    return {"operation": name, "mode": type(request).__name__, **fields}


# --------------------------------------------------------------------------- the command


def _answered(args: argparse.Namespace, described: dict[str, Any], stdout: TextIO) -> Any:
    def show(task: Task) -> int:
        if args.json:
            document = {**task.to_dict(), "request": described, "status": "answered", "files": {}}
            stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        else:
            from ._cli_results import print_task

            print_task(task, {}, stdout)
        return EXIT_OK

    return show


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    name = _kebab(args.request_type.__name__)
    with signals_as_interrupts():
        try:
            request = build_request(args)
        except ClientValidationError as error:
            return refused_locally(args, error, stderr)
        except (ConfigurationError, OSError) as error:
            stderr.write(f"sunokit: {error}\n")
            return EXIT_USAGE
        except (UnsupportedRequestError, ValueError, TypeError) as error:
            stderr.write(f"sunokit: invalid request: {error}\n")
            return 1
        described = describe(request, name, args.callback_url)
        return submit_and_follow(
            args, request, described, stdout, stderr, on_result=_answered(args, described, stdout)
        )


def main(argv: list[str] | None = None, stdout: TextIO | None = None) -> int:
    args = parser().parse_args(argv)
    return run(args, stdout or sys.stdout, sys.stderr)
