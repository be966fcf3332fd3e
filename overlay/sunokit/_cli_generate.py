"""`sunokit generate`: submit, wait with progress, download the tracks, keep a sidecar.

The sidecar (`<task id>.json` in --out) is written the moment the vendor accepts the task and
kept up to date until the command ends, whatever ends it (`_cli_sidecar`); what follows the
submit is shared with `sunokit wait` and `sunokit download` (`_cli_follow`).

Exit codes: 0 done, 1 invalid request (nothing sent), 2 usage or configuration, 3 vendor
refused, task failed or a download failed, 4 timeout, 130 interrupted, 143 terminated.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

import attrs

from ._cli_follow import (
    EPILOG,
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    EXIT_REFUSED,
    EXIT_TERMINATED,
    EXIT_USAGE,
    Follow,
    Terminated,
    add_connection_arguments,
    add_journal_arguments,
    add_output_arguments,
    journal_location,
    open_client,
    prepare_out,
    signals_as_interrupts,
)
from ._errors import (
    APIError,
    ClientValidationError,
    ConfigurationError,
    UnsupportedRequestError,
)
from ._journal import Journal
from ._models import Task
from ._requests import (
    CustomLyrics,
    Description,
    Extend,
    Inspiration,
    Instrumental,
    MusicRequest,
    Request,
    Tuning,
)
from ._specs import VENDORS
from ._validation import Violation
from ._waiting import check_wait_options

__all__ = [
    "add_arguments",
    "build_request",
    "refused_locally",
    "run_generate",
    "submit_and_follow",
]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    parser.add_argument("--vendor", required=True, choices=VENDORS)
    mode = parser.add_argument_group("request mode (choose one)")
    mode.add_argument("--prompt", help="describe the song; the service writes the lyrics")
    mode.add_argument(
        "--inspiration", help="relay/sunoapi_com inspiration mode: a free description"
    )
    mode.add_argument(
        "--lyrics", type=Path, metavar="FILE", help="your own lyrics (needs --style and --title)"
    )
    mode.add_argument(
        "--instrumental",
        action="store_true",
        help="no vocals (needs --style and --title; or with --prompt)",
    )
    mode.add_argument("--extend", metavar="CLIP", help="continue this clip (with --at)")
    parser.add_argument(
        "--at", type=float, metavar="SECONDS", help="where --extend continues the clip"
    )
    parser.add_argument("--task-id", help="the task the --extend clip came from (relay)")
    parser.add_argument("--style")
    parser.add_argument("--title")
    parser.add_argument("--model")
    extras = parser.add_argument_group("vendor extras")
    extras.add_argument("--negative-tags")
    extras.add_argument("--vocal-gender", choices=("m", "f"))
    extras.add_argument("--style-weight", type=float)
    extras.add_argument("--weirdness", type=float)
    extras.add_argument("--audio-weight", type=float)
    extras.add_argument("--persona-id")
    parser.add_argument(
        "--wait",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="wait for the task and download its tracks (default); --no-wait only submits",
    )
    add_output_arguments(parser, wait=True)
    parser.add_argument(
        "--callback-url",
        metavar="URL",
        help="where the vendor posts the result (SunoAPI.org and Apikley require one; this "
        "command polls, so nothing has to answer there)",
    )
    add_connection_arguments(parser)
    add_journal_arguments(parser)
    parser.add_argument(
        "--mock", action="store_true", help="run against the embedded mock vendor, offline"
    )


def _read_lyrics(path: Path) -> str:
    try:
        return path.read_text("utf-8")
    except UnicodeDecodeError as error:
        # An OSError, so it exits 2 (unreadable input) rather than 1 (invalid request).
        raise OSError(f"cannot read {path}: not UTF-8 text ({error.reason})") from None


def build_request(args: argparse.Namespace) -> MusicRequest:
    tuning = Tuning(
        negative_tags=args.negative_tags,
        vocal_gender=args.vocal_gender,
        style_weight=args.style_weight,
        weirdness=args.weirdness,
        audio_weight=args.audio_weight,
        persona_id=args.persona_id,
    )
    common: dict[str, Any] = {"model": args.model, "tuning": tuning}
    chosen = [
        name
        for name in ("prompt", "inspiration", "lyrics", "extend")
        if getattr(args, name) is not None
    ]
    if "extend" in chosen and "lyrics" in chosen:
        chosen.remove("lyrics")  # --extend CLIP --lyrics FILE: new lyrics for the continuation
    if args.instrumental and not chosen:
        chosen = ["instrumental"]
    if len(chosen) != 1:
        raise ConfigurationError(
            "choose exactly one mode: --prompt, --inspiration, --lyrics, --instrumental or --extend"
        )
    mode = chosen[0]
    if mode == "prompt":
        return Description(args.prompt, instrumental=args.instrumental, **common)
    if mode == "inspiration":
        return Inspiration(args.inspiration, instrumental=args.instrumental, **common)
    if mode == "extend":
        if args.at is None:
            raise ConfigurationError("--extend needs --at SECONDS")
        lyrics = _read_lyrics(args.lyrics) if args.lyrics else None
        return Extend(
            args.extend,
            at=args.at,
            lyrics=lyrics,
            style=args.style,
            title=args.title,
            instrumental=args.instrumental,
            task_id=args.task_id,
            **common,
        )
    if not args.style or not args.title:
        raise ConfigurationError(f"--{mode} needs --style and --title")
    if mode == "lyrics":
        return CustomLyrics(_read_lyrics(args.lyrics), args.style, args.title, **common)
    return Instrumental(args.style, args.title, **common)


def describe_request(request: MusicRequest, callback_url: str | None) -> dict[str, Any]:
    """The request as the sidecar records it: its mode and fields."""
    fields = attrs.asdict(request)
    if fields.get("callback_url") is None:
        fields["callback_url"] = callback_url
    return {"mode": type(request).__name__, **fields}


def _needs_callback_url(violations: tuple[Violation, ...]) -> bool:
    """The vendor wants a callback URL and none was given: the field is missing (a music
    body leaves it out) or null (a binding sends the client's None)."""
    return any(
        "callback" in v.path.lower() and v.keyword in ("required", "type") for v in violations
    )


def run_generate(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    with signals_as_interrupts():
        return _generate(args, stdout, stderr)


def _generate(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    try:
        request = build_request(args)
        check_wait_options(until=args.until, timeout=args.timeout)
    except ClientValidationError as error:
        return refused_locally(args, error, stderr)
    except ConfigurationError as error:
        hint = "" if args.mock else " (or try it offline with --mock)"
        stderr.write(f"sunokit: {error}{hint}\n")
        return EXIT_USAGE
    except (UnsupportedRequestError, ValueError) as error:
        # The request constructors refuse blank text or a negative --at before anything is sent.
        stderr.write(f"sunokit: invalid request: {error}\n")
        return EXIT_INVALID
    except OSError as error:
        stderr.write(f"sunokit: {error}\n")
        return EXIT_USAGE
    return submit_and_follow(
        args, request, describe_request(request, args.callback_url), stdout, stderr
    )


def refused_locally(args: argparse.Namespace, error: ClientValidationError, stderr: TextIO) -> int:
    """Exit 1 (or 2 for a missing callback URL) for a request refused before anything was sent."""
    if getattr(args, "callback_url", None) is None and _needs_callback_url(error.violations):
        stderr.write(
            f"sunokit: {args.vendor} requires a callback URL on every submit: pass "
            "--callback-url URL (the vendor posts the result there; this command polls, so "
            "nothing has to answer it); nothing was sent\n"
        )
        return EXIT_USAGE
    for violation in error.violations:
        stderr.write(f"{violation}\n")
    stderr.write(f"invalid {args.vendor} request: nothing was sent\n")
    return EXIT_INVALID


def _journal_note(journal: Journal | None, after: int) -> str:
    """Where the journal left a create whose outcome is unknown (made after entry `after`)."""
    if journal is None:
        return ""
    try:
        pending = journal.entries(pending=True)
    except ConfigurationError:
        return ""
    entries = [e for e in pending if e.id > after and e.outcome_unknown]
    if not entries:
        return ""
    entry = entries[-1]
    return (
        f"; the journal {journal.path} keeps it as entry {entry.id} (unknown: may have been "
        f"accepted): once you checked, sunokit tasks --adopt {entry.id} TASK_ID or --abandon "
        f"{entry.id}"
    )


def _last_entry(journal: Journal | None) -> int:
    if journal is None:
        return 0
    entries = journal.entries()
    return entries[-1].id if entries else 0


def submit_and_follow(
    args: argparse.Namespace,
    request: Request,
    described: dict[str, Any],
    stdout: TextIO,
    stderr: TextIO,
    *,
    on_result: Callable[[Task], int] | None = None,
) -> int:
    """Submit `request` (recorded in the journal first), then follow the task like `generate`:
    the sidecar, progress, downloads and exit codes. `on_result` handles a request answered at
    once (no task to follow)."""
    submitting = False
    note = ""
    try:
        prepare_out(args.out)  # before credits are spent on a task we could not record
        with (
            journal_location(args, create=True) as where,
            open_client(args, journal=where) as (client, downloads),
        ):
            journal = client.journal
            before = _last_entry(journal)
            follow = Follow(args, client, downloads, stdout, stderr, request=described)
            submitting = True
            try:
                task = client.submit(request)
            except BaseException:
                note = _journal_note(journal, before)  # while the journal is open
                raise
            submitting = False
            if not task.task_id and task.done and on_result is not None:
                return on_result(task)
            # From here on the task is paid for: Follow records it before anything else and
            # names it in whatever ends the command.
            return follow.run(task.task_id, task, wait=args.wait, fetch=args.wait)
    except ClientValidationError as error:
        return refused_locally(args, error, stderr)
    except ConfigurationError as error:
        hint = "" if args.mock else " (or try it offline with --mock)"
        if "journal" in str(error):
            hint = "; nothing was sent (name another file with --journal PATH, or --no-journal)"
        stderr.write(f"sunokit: {error}{hint}\n")
        return EXIT_USAGE
    except (UnsupportedRequestError, ValueError) as error:
        stderr.write(f"sunokit: invalid request: {error}\n")
        return EXIT_INVALID
    except OSError as error:
        stderr.write(f"sunokit: {error}\n")
        return EXIT_USAGE
    except APIError as error:
        # The submit itself failed; the message says when the vendor may have acted anyway.
        stderr.write(f"sunokit: {error}{note}\n")
        return EXIT_REFUSED
    except (KeyboardInterrupt, Terminated) as error:
        code = EXIT_INTERRUPTED if isinstance(error, KeyboardInterrupt) else EXIT_TERMINATED
        what = "interrupted" if isinstance(error, KeyboardInterrupt) else "terminated (SIGTERM)"
        if submitting:
            stderr.write(
                f"sunokit: {what} while submitting: the vendor may have accepted the request; "
                f"check your account before you submit it again{note}\n"
            )
        else:
            stderr.write(f"sunokit: {what}\n")
        return code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sunokit generate")
    add_arguments(parser)
    return run_generate(parser.parse_args(argv), sys.stdout, sys.stderr)
