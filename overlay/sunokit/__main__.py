"""The `sunokit` command line (also `python -m sunokit`)."""

from __future__ import annotations

import argparse
import sys

from ._cli_generate import add_arguments as add_generate_arguments
from ._specs import VENDORS

__all__ = ["main"]


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
        description="Exit 0 with the task as JSON, 1 when the body cannot be understood or is a "
        "vendor error envelope, 2 for unreadable input or an unknown vendor.",
    )
    parse.add_argument("vendor", metavar="VENDOR", help=", ".join(VENDORS))
    parse.add_argument("kind", choices=("submit", "task", "callback"))
    parse.add_argument(
        "file", nargs="?", default="-", metavar="FILE", help="JSON file, or - for stdin"
    )

    generate = commands.add_parser(
        "generate",
        help="submit a request, wait with progress, download the tracks",
        description="Validate locally, submit, wait, download each track into --out with a JSON sidecar.",
    )
    add_generate_arguments(generate)

    mock = commands.add_parser("mock", help="serve a local mock of a vendor (uvicorn)")
    mock.add_argument("--vendor", required=True, choices=VENDORS)
    mock.add_argument("--host", default="127.0.0.1")
    mock.add_argument("--port", type=int, default=8765)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "check":
        from ._cli_check import run_check

        return run_check(args.vendor, args.file, sys.stdout, sys.stderr, sys.stdin)
    if args.command == "parse":
        from ._cli_parse import run_parse

        return run_parse(args.vendor, args.kind, args.file, sys.stdin, sys.stdout, sys.stderr)
    if args.command == "generate":
        from ._cli_generate import run_generate

        return run_generate(args, sys.stdout, sys.stderr)
    from .mock import serve

    serve(args.vendor, host=args.host, port=args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
