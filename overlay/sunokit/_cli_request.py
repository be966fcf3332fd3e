"""`sunokit request VENDOR OPERATION_ID [BODY.json|-] [--param NAME=VALUE]...`: any spec operation.

The generic door for what has no typed request yet (`client.request()`): the body is the
operation's wire-format JSON, validated against the spec before anything is sent; `--param
NAME=VALUE` sets a path or query parameter by its wire name (`NAME:=JSON` for a number, a
boolean, ...). The answer is printed as JSON (the generated model's wire form). Without an
OPERATION_ID, the vendor's operations are listed (id, phase, capability, and the typed request
that covers it, if any).

A create (an operation that starts a paid job) is recorded in the task journal around its send,
like every create of `generate` and `run`: its intent first, then the job id the answer holds
(`sunokit tasks` lists it; `sunokit wait` follows it when sunokit polls that capability), and a
create whose answer never came is kept as "unknown: may have been accepted". It is never re-sent
after an ambiguous failure.

Exit codes: 0 answered, 1 invalid body (nothing sent), 2 usage (unknown operation, unreadable
body, no API key), 3 the vendor refused or the answer was lost, 130 interrupted, 143 terminated.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TextIO

from . import _specs
from ._adapters import REQUEST_ONLY, bindings
from ._bindings import dig
from ._cli_follow import (
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_TERMINATED,
    EXIT_USAGE,
    Terminated,
    add_connection_arguments,
    add_journal_arguments,
    journal_location,
    open_client,
    signals_as_interrupts,
)
from ._client import SunoClient, recorded_create
from ._errors import (
    APIError,
    APIResponseError,
    ClientValidationError,
    ConfigurationError,
    UnsupportedRequestError,
)
from ._models import Task
from ._operations import SpecOperation, operation_ids, spec_operation
from ._specs import VENDORS

__all__ = ["main", "parser"]

EPILOG = (
    "exit codes: 0 answered, 1 invalid body (nothing sent), 2 usage or configuration, 3 the "
    "vendor refused or the answer was lost (a create is then kept in the journal as of "
    "unknown outcome), 130 interrupted, 143 terminated."
)


def _param(text: str) -> tuple[str, Any]:
    name, separator, value = text.partition("=")
    if not separator or not name or name == ":":
        raise argparse.ArgumentTypeError(f"{text!r} is not NAME=VALUE (or NAME:=JSON)")
    if name.endswith(":"):
        try:
            return name[:-1], json.loads(value)
        except ValueError as error:
            raise argparse.ArgumentTypeError(f"{text!r}: not JSON after := ({error})") from None
    return name, value


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="sunokit request",
        description="Call any operation of a vendor's spec by its operationId: the body is "
        "validated against the spec, the answer printed as JSON. Without OPERATION_ID: the "
        "vendor's operations.",
        epilog=EPILOG,
    )
    top.add_argument("vendor", metavar="VENDOR", choices=VENDORS, help=", ".join(VENDORS))
    top.add_argument("operation", nargs="?", metavar="OPERATION_ID")
    top.add_argument(
        "body", nargs="?", metavar="BODY.json", help="the wire-format JSON body; - for stdin"
    )
    top.add_argument(
        "--param",
        type=_param,
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a path or query parameter by its wire name (NAME:=JSON for a non-string value)",
    )
    top.add_argument("--json", action="store_true", help="list the operations as JSON")
    top.add_argument(
        "--callback-url",
        metavar="URL",
        help="the client's callback URL (a body's own callBackUrl field is sent as written)",
    )
    add_connection_arguments(top)
    add_journal_arguments(top)
    top.add_argument(
        "--mock", action="store_true", help="ask the embedded mock vendor instead, offline"
    )
    return top


# --------------------------------------------------------------------------- listing


def _covered(vendor: str) -> dict[str, str]:
    """{operationId: what covers it}: a typed request, the music modes, or request-only."""
    covered: dict[str, str] = {}
    for role in ("submit", "extend"):
        if _specs.has_operation(vendor, role):
            covered[_specs.operation(vendor, role).operation_id] = "the music modes"
    for binding in bindings(vendor):
        typed = f"sunokit.{binding.request.__name__}"
        previous = covered.get(binding.operation)
        covered[binding.operation] = f"{previous}, {typed}" if previous else typed
    for operation_id, reason in REQUEST_ONLY.get(vendor, {}).items():
        covered.setdefault(operation_id, f"request only: {reason}")
    return covered


def _listing(vendor: str, as_json: bool, stdout: TextIO) -> int:
    covered = _covered(vendor)
    rows = []
    for operation_id in operation_ids(vendor):
        operation = spec_operation(vendor, operation_id)
        rows.append(
            {
                "operation_id": operation_id,
                "phase": operation.phase,
                "capability": operation.capability,
                "poll": operation.poll,
                "typed": covered.get(operation_id),
            }
        )
    if as_json:
        stdout.write(json.dumps(rows, indent=2) + "\n")
        return EXIT_OK
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{vendor} operations (sunokit request {vendor} OPERATION_ID ...)")
    columns = ("operation_id", "phase", "capability", "typed")
    for column in columns:
        table.add_column(column, no_wrap=column == "operation_id")
    for row in rows:
        table.add_row(*(str(row[column] or "-") for column in columns))
    Console(file=stdout, width=max(140, Console(file=stdout).width)).print(table)
    return EXIT_OK


# --------------------------------------------------------------------------- calling


def _read_body(source: str | None, stdin: TextIO) -> Any:
    if source is None:
        return None
    try:
        text = stdin.read() if source == "-" else Path(source).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigurationError(f"cannot read the body {source}: {error}") from None
    try:
        return json.loads(text.removeprefix("\ufeff"))
    except (ValueError, RecursionError) as error:
        raise ConfigurationError(f"the body {source} is not JSON: {error}") from None


def _wire(answer: Any) -> Any:
    """The answer as JSON: a generated model's wire form, or the value itself."""
    if hasattr(answer, "to_dict"):
        return answer.to_dict()
    if answer is None or isinstance(answer, (str, int, float, bool, list, dict)):
        return answer
    return repr(answer)


def _journaled_call(
    client: SunoClient,
    operation: SpecOperation,
    body: Mapping[str, Any] | None,
    params: dict[str, Any],
    stderr: TextIO,
    *,
    announce: bool,
) -> Any:
    """The call, recorded in the journal (a create that polls a job): intent, then its job id."""
    journal = client.journal
    if journal is None or operation.phase != "create" or operation.poll is None:
        return client.request(operation.operation_id, body, params=params)
    with recorded_create(client, operation.operation_id, body, params=params) as journaled:
        answer = client.request(operation.operation_id, body, params=params)
        wire = _wire(answer)
        found = next((dig(wire, path) for path in operation.job_ids if dig(wire, path)), None)
        if isinstance(found, int) and not isinstance(found, bool):
            found = str(found)
        if not isinstance(found, str) or not found.strip():
            stderr.write(json.dumps(wire, indent=2, ensure_ascii=False) + "\n")
            raise APIResponseError(
                f"{client.vendor} answered {operation.operation_id} without a job id at "
                f"{'.'.join(operation.job_id or ('?',))}",
                vendor=client.vendor,
            )
        task = Task(
            vendor=client.vendor,
            task_id=found,
            state="queued",
            operation=operation.capability or "music.generate",
        )
        journaled.accepted(task)
        if announce:
            stderr.write(
                f"sunokit: {client.vendor} accepted job {found}; recorded in the journal "
                f"{journal.path} (sunokit tasks lists it)\n"
            )
    return answer


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO, stdin: TextIO) -> int:
    if args.operation is None:
        return _listing(args.vendor, args.json, stdout)
    sending = False
    try:
        operation = spec_operation(args.vendor, args.operation)
        body = _read_body(args.body, stdin)
        if body is not None and not isinstance(body, Mapping):
            raise ConfigurationError(f"the body must be a JSON object, not {type(body).__name__}")
        params = dict(args.param)
        create = operation.phase == "create"
        with (
            signals_as_interrupts(),
            journal_location(args, create=create) as where,
            open_client(args, journal=where) as (client, _),
        ):
            sending = create
            announce = not args.mock or args.journal is not None
            answer = _journaled_call(client, operation, body, params, stderr, announce=announce)
            sending = False
    except UnsupportedRequestError as error:
        stderr.write(f"sunokit: {error}\n")
        return EXIT_USAGE
    except ClientValidationError as error:
        for violation in error.violations:
            stderr.write(f"{violation}\n")
        stderr.write(f"invalid {args.vendor} {args.operation} request: nothing was sent\n")
        return EXIT_INVALID
    except (ConfigurationError, OSError) as error:
        stderr.write(f"sunokit: {error}\n")
        return EXIT_USAGE
    except APIError as error:
        note = ""
        if sending and not getattr(args, "no_journal", False):
            note = "; if it may have been accepted, sunokit tasks --pending lists it as unknown"
        stderr.write(f"sunokit: {error}{note}\n")
        return EXIT_REFUSED
    except (KeyboardInterrupt, Terminated) as error:
        what = "interrupted" if isinstance(error, KeyboardInterrupt) else "terminated (SIGTERM)"
        if sending:
            what += (
                " while sending a create: the vendor may have accepted it; check your account "
                "(sunokit tasks --pending lists it as unknown) before you send it again"
            )
        stderr.write(f"sunokit: {what}\n")
        return EXIT_INTERRUPTED if isinstance(error, KeyboardInterrupt) else EXIT_TERMINATED
    stdout.write(json.dumps(_wire(answer), indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    return run(parser().parse_args(argv), sys.stdout, sys.stderr, sys.stdin)
