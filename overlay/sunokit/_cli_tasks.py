"""`sunokit tasks`: what the task journal holds, what is paid for and not finished.

    sunokit tasks                 every entry, oldest first
    sunokit tasks --pending       accepted and not finished, and creates of unknown outcome
    sunokit tasks --json          the same as a JSON array
    sunokit tasks --abandon ID    an unknown outcome you checked: the vendor has no task for it
    sunokit tasks --adopt ID TASK_ID
                                  an unknown outcome you checked: the vendor made this task

The journal is `--journal PATH`, else $SUNOKIT_JOURNAL, else `journal.sqlite3` in the user
state directory (see `_journal.default_journal_path`). Listing never creates it.

Exit codes: 0 listed (or resolved), 2 unusable journal or a bad entry id.
"""

from __future__ import annotations

import argparse
import json
import shlex
from pathlib import Path
from typing import TextIO

from ._errors import ConfigurationError
from ._journal import Journal, JournalEntry, default_journal_path

__all__ = ["add_arguments", "add_journal_argument", "journal_path", "run_tasks"]

EXIT_OK, EXIT_USAGE = 0, 2


def add_journal_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--journal",
        type=Path,
        metavar="PATH",
        help="the task journal (SQLite; default: $SUNOKIT_JOURNAL, else journal.sqlite3 in "
        "the user state directory)",
    )


def journal_path(args: argparse.Namespace) -> Path:
    chosen: Path | None = getattr(args, "journal", None)
    return chosen if chosen is not None else default_journal_path()


def _entry_id(text: str) -> int:
    if not text.isdigit() or len(text) > 18:
        raise argparse.ArgumentTypeError(f"{text!r} is not a journal entry id (a number)")
    return int(text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = "exit codes: 0 listed or resolved, 2 unusable journal or unknown entry id"
    add_journal_argument(parser)
    parser.add_argument(
        "--pending",
        action="store_true",
        help="only what is paid for and not finished, and creates of unknown outcome",
    )
    parser.add_argument("--vendor", help="only this vendor's entries")
    parser.add_argument("--json", action="store_true", help="print a JSON array of entries")
    resolve = parser.add_mutually_exclusive_group()
    resolve.add_argument(
        "--abandon",
        type=_entry_id,
        metavar="ID",
        help="an entry of unknown outcome that you checked: the vendor made no task of it "
        "(a batch may then submit its line again)",
    )
    resolve.add_argument(
        "--adopt",
        nargs=2,
        metavar=("ID", "TASK_ID"),
        help="an entry of unknown outcome that you checked: the vendor made TASK_ID of it",
    )


def _line(entry: JournalEntry) -> str:
    if entry.batch is None:
        return "-"
    return f"{Path(entry.batch).name}:{entry.line}"


def _resume(entry: JournalEntry, journal: Path | None = None) -> str:
    """The command that carries on with an entry (naming a journal given by --journal, where
    `sunokit wait` finds the task's operation)."""
    if entry.task_id is not None and entry.pending:
        words = ["sunokit", "wait", entry.vendor, entry.task_id]
        if journal is not None:
            words += ["--journal", str(journal)]
        return " ".join(shlex.quote(word) for word in words)
    if entry.outcome_unknown:
        return f"check your {entry.vendor} account, then --adopt {entry.id} TASK_ID or --abandon {entry.id}"
    return ""


def _table(entries: list[JournalEntry], path: Path, stdout: TextIO, journal: Path | None) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"sunokit journal {path}")
    for column in ("id", "vendor", "operation", "state", "task", "batch line", "updated", "next"):
        # Ids and commands are copied from here: never wrapped.
        table.add_column(column, no_wrap=column in ("task", "next"))
    for entry in entries:
        table.add_row(
            str(entry.id),
            entry.vendor,
            entry.operation,
            entry.describe(),
            entry.task_id or "-",
            _line(entry),
            entry.to_dict()["updated_at"],
            _resume(entry, journal),
        )
    Console(file=stdout, width=max(200, Console(file=stdout).width)).print(table)


def run_tasks(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    path = journal_path(args)
    resolving = args.abandon is not None or args.adopt is not None
    try:
        if not path.exists() and not resolving:
            if args.json:
                stdout.write("[]\n")
            else:
                stdout.write(f"no journal at {path}: nothing recorded yet\n")
            return EXIT_OK
        if not path.is_file():
            raise ConfigurationError(f"no journal at {path}")
        with Journal(path) as journal:
            if args.abandon is not None:
                entry = journal.abandon(args.abandon)
                stdout.write(f"journal entry {entry.id}: abandoned (its line may be sent again)\n")
                return EXIT_OK
            if args.adopt is not None:
                entry = journal.adopt(_entry_id(args.adopt[0]), args.adopt[1])
                stdout.write(
                    f"journal entry {entry.id}: {entry.vendor} task {entry.task_id} "
                    f"(resume with: {_resume(entry, args.journal)})\n"
                )
                return EXIT_OK
            entries = journal.entries(vendor=args.vendor, pending=args.pending)
    except (ConfigurationError, argparse.ArgumentTypeError) as error:
        stderr.write(f"sunokit tasks: {error}\n")
        return EXIT_USAGE
    if args.json:
        text = json.dumps([entry.to_dict() for entry in entries], indent=2, ensure_ascii=False)
        stdout.write(text + "\n")
    else:
        _table(entries, path, stdout, args.journal)
    return EXIT_OK
