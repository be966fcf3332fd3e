"""The `sunokit` command line (also `python -m sunokit`)."""

from __future__ import annotations

import argparse
import io
import sys

from ._cli_batch import add_arguments as add_batch_arguments
from ._cli_follow import add_task_arguments
from ._cli_generate import add_arguments as add_generate_arguments
from ._cli_tasks import add_arguments as add_tasks_arguments
from ._specs import VENDORS

__all__ = ["main"]


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (0-65535)")
    return port


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sunokit",
        description="Spec-driven clients for the Suno music APIs.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check",
        help="validate a wire-format request body against the vendor's spec",
        description="Exit 0 when valid, 1 when invalid (one 'path: message' line per violation), "
        "2 for unreadable input or an unknown vendor.",
    )
    check.add_argument("vendor", metavar="VENDOR", help=", ".join(VENDORS))
    check.add_argument(
        "file", nargs="?", default="-", metavar="FILE", help="JSON file, or - for stdin"
    )

    parse = commands.add_parser(
        "parse",
        help="parse a vendor response or callback body into the vendor-neutral task (JSON)",
        description="Exit 0 with the task as JSON (with dedupe_key: what identifies a callback "
        "delivery, or null), 1 when the body cannot be understood or is a vendor error envelope, "
        "2 for unreadable input or an unknown vendor.",
    )
    parse.add_argument("vendor", metavar="VENDOR", help=", ".join(VENDORS))
    parse.add_argument("kind", choices=("submit", "task", "callback"))
    parse.add_argument(
        "file", nargs="?", default="-", metavar="FILE", help="JSON file, or - for stdin"
    )
    parse.add_argument(
        "--operation",
        help="callback only: the kind (a capability like audio.wav or an operationId); "
        "default: read from the body",
    )

    generate = commands.add_parser(
        "generate",
        help="submit a request, wait with progress, download the tracks",
        description="Validate locally, submit, wait, download each track into --out with a JSON sidecar.",
    )
    add_generate_arguments(generate)

    wait = commands.add_parser(
        "wait",
        help="resume waiting for accepted tasks (by id, or the journal's unfinished ones), then "
        "download like generate",
        description="Wait for a task the vendor accepted earlier (a generate or run that was "
        "interrupted, timed out or killed), then download its files into --out and update "
        "the task's JSON sidecar there. VENDOR TASK_ID, a TASK_ID alone (the task journal knows "
        "its vendor and operation), or no id / --pending: every task the journal holds that is "
        "paid for and not finished. Creates of unknown outcome are reported, never sent again.",
    )
    add_task_arguments(wait, wait=True)

    download = commands.add_parser(
        "download",
        help="download the tracks of a task as it is now",
        description="Fetch the task once and download its files into --out, with the task's "
        "JSON sidecar; a task with nothing to save yet exits 3. Takes its task like wait.",
    )
    add_task_arguments(download, wait=False)

    batch = commands.add_parser(
        "batch",
        help="run every line of a JSONL file as a request, resumable after a crash",
        description="Submit each line's request (at most --concurrency in flight, within the "
        "vendor's documented limit), wait, download the tracks into --out with a results "
        "JSONL. Run it again to carry on: finished lines are skipped, accepted ones awaited, "
        "only lines never accepted are sent (the task journal remembers).",
    )
    add_batch_arguments(batch)

    run = commands.add_parser(
        "run",
        help="run any typed request (lyrics, stems, WAV, video, credits, ...): sunokit run "
        "--help lists them",
        description="sunokit run OPERATION --vendor VENDOR [fields]: see sunokit run --help.",
        add_help=False,
    )
    run.add_argument("arguments", nargs=argparse.REMAINDER)

    request = commands.add_parser(
        "request",
        help="call any operation of a vendor's spec by its operationId (JSON in, JSON out)",
        add_help=False,
    )
    request.add_argument("arguments", nargs=argparse.REMAINDER)

    tasks = commands.add_parser(
        "tasks",
        help="list the task journal: what was paid for, what is not finished",
        description="List the creates the task journal recorded (intent, acceptance, state, "
        "result); --pending shows what is paid for and not finished, and creates of unknown "
        "outcome, with the command that resumes each.",
    )
    add_tasks_arguments(tasks)

    mock = commands.add_parser("mock", help="serve a local mock of a vendor (uvicorn)")
    mock.add_argument("--vendor", required=True, choices=VENDORS)
    mock.add_argument("--host", default="127.0.0.1")
    mock.add_argument("--port", type=_port, default=8765, help="0-65535 (0: any free port)")
    return parser


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        # Messages quote what the user sent, lone surrogates included: escape what the
        # terminal's encoding cannot show instead of dying with UnicodeEncodeError.
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    arguments = sys.argv[1:] if argv is None else list(argv)
    # `run` and `request` build their parsers from the bindings and the specs: only when used.
    if arguments[:1] == ["run"]:
        from ._cli_run import main as run_main

        return run_main(arguments[1:])
    if arguments[:1] == ["request"]:
        from ._cli_request import main as request_main

        return request_main(arguments[1:])
    args = _parser().parse_args(arguments)
    if args.command == "check":
        from ._cli_check import run_check

        return run_check(args.vendor, args.file, sys.stdout, sys.stderr, sys.stdin)
    if args.command == "parse":
        from ._cli_parse import run_parse

        return run_parse(
            args.vendor,
            args.kind,
            args.file,
            sys.stdin,
            sys.stdout,
            sys.stderr,
            operation=args.operation,
        )
    if args.command == "generate":
        from ._cli_generate import run_generate

        return run_generate(args, sys.stdout, sys.stderr)
    if args.command in ("wait", "download"):
        from ._cli_follow import run_download, run_wait

        run = run_wait if args.command == "wait" else run_download
        return run(args, sys.stdout, sys.stderr)
    if args.command == "batch":
        from ._cli_batch import run_batch_command

        return run_batch_command(args, sys.stdout, sys.stderr)
    if args.command == "tasks":
        from ._cli_tasks import run_tasks

        return run_tasks(args, sys.stdout, sys.stderr)
    from .mock import serve

    try:
        serve(args.vendor, host=args.host, port=args.port)
    except OSError as error:  # the port is taken, the host is unknown or not ours
        reason = error.strerror or str(error)
        sys.stderr.write(f"sunokit mock: cannot listen on {args.host}:{args.port}: {reason}\n")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
