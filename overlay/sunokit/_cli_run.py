"""`sunokit run OPERATION --vendor V ...`: every typed request, built from the bindings.

The operations are the music modes and every request type some vendor binds, named after the
request type (`GenerateLyrics` -> `generate-lyrics`, also reachable by its capability,
`lyrics.generate`); a binding added to an adapter appears here with no change to this module.
Each operation's options are its request type's fields as `_request_fields` lists them (the
same a `sunokit batch` line takes, `--key-with-dashes` for `key_with_underscores`), and their
values become the request there too:

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
                               chosen as `sunokit generate` chooses its mode

What follows the submit is `sunokit generate`'s (`_cli_generate.submit_and_follow`): the
journal, the sidecar, progress, downloads (tracks, and a result's media: stems, WAV, video,
images) and the exit codes. A request answered at once (credits, a boosted style, ...) prints
its result and exits 0.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import Any, TextIO

import attrs

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
from ._models import Task
from ._request_fields import build, fields, kebab, operations, vendors_offering
from ._request_fields import describe as described
from ._specs import VENDORS

__all__ = ["build_request", "describe", "main", "operations", "parser", "vendors_offering"]

#: How the command line takes a field of each kind (`_request_fields.Kind`).
_CLI_KINDS = {"lyrics": "file", "texts": "text"}


# --------------------------------------------------------------------------- fields -> options


@attrs.frozen
class _Option:
    field: str  # the request field (or the nested music / tuning field)
    key: str  # its key in `_request_fields` (a batch line's name for it)
    flag: str  # --flag
    dest: str
    kind: str  # text | file | bytes | number | integer | flag | track | task | choice
    required: bool
    nargs: int | str | None = None
    choices: tuple[str, ...] | None = None
    group: str | None = None  # "music" (the nested mode) or "tuning"
    default: str | None = None  # the field's default, shown in the help


def _options(kind: type[Any]) -> list[_Option]:
    """The command-line options of a request type: its fields (`_request_fields.fields`), but
    `callback_url`, which is the client's --callback-url as for every operation."""
    return [
        _Option(
            field.name,
            field.key,
            f"--{field.key.replace('_', '-')}",
            f"{field.group or 'field'}_{field.key}",
            _CLI_KINDS.get(field.kind, field.kind),
            field.required,
            field.count,
            field.choices,
            field.group,
            field.default,
        )
        for field in fields(kind)
        if not (field.name == "callback_url" and field.group is None)
    ]


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


def _read_text(path: Path) -> str:
    try:
        return path.read_text("utf-8")
    except UnicodeDecodeError as error:
        raise OSError(f"cannot read {path}: not UTF-8 text ({error.reason})") from None


def _flag_of(key: str) -> str:
    return f"--{key.replace('_', '-')}"


def build_request(args: argparse.Namespace) -> Any:
    """The request the parsed options stand for (`_request_fields.build`: each value checked,
    then the request's constructor); a lyrics file is read first."""
    kind: type[Any] = args.request_type
    values: dict[str, Any] = {}
    for option in _options(kind):
        value = getattr(args, option.dest)
        if value is not None:
            values[option.key] = _read_text(value) if option.kind == "file" else value
    return build(kind, values, label=_flag_of, where="command line")


def describe(request: Any, name: str, callback_url: str | None) -> dict[str, Any]:
    """The request as the sidecar records it: its operation, type and fields."""
    found = described(request, name)
    if "callback_url" in found and found["callback_url"] is None:
        found["callback_url"] = callback_url
    return found


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
    name = kebab(args.request_type.__name__)
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
