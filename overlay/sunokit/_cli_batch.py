"""`sunokit batch FILE.jsonl`: every line one request, run with bounded concurrency, resumable.

Each line is a JSON object: a song with `sunokit generate`'s fields, or any operation of
`sunokit run` with `"operation": NAME` and that operation's fields (see `_batch`); `"id"` names
the line. A line the vendor does not offer is reported invalid before anything is sent.

Progress goes to stderr (a live display on a terminal: done / running / failed, rate, ETA; a
plain log line per event otherwise). The results go to `<out>/<file>.results.jsonl` (one JSON
object per line of the batch, in its order) with the tracks beside them; stdout gets a summary
table, or the results as JSONL with --json.

The journal (--journal, $SUNOKIT_JOURNAL, else the user state directory) makes a re-run of the
same file carry on: finished lines are skipped, accepted ones awaited, only lines never
accepted are sent (see `_batch`). With --mock the journal is temporary unless --journal is
given: the mock's tasks end with the command.

Ctrl-C and SIGTERM stop the run at the next safe point (never inside a journal write): creates
in flight are recorded as of unknown outcome, accepted tasks stay in the journal.

Exit codes: 0 every line succeeded, 1 some lines are invalid (nothing sent for them), 2 usage
or configuration (unreadable file, unusable journal, no API key), 3 some lines failed, were
refused, or their outcome is unknown, 4 some lines timed out (a re-run resumes them), 130
interrupted (Ctrl-C), 143 terminated (SIGTERM).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import signal
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from ._batch import (
    DEFAULT_CONCURRENCY,
    MAX_CONCURRENCY,
    BatchEvent,
    BatchLine,
    LineResult,
    arun_batch,
    read_batch,
)
from ._cli_follow import (
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_TERMINATED,
    EXIT_TIMEOUT,
    EXIT_USAGE,
    add_connection_arguments,
    prepare_out,
    seconds,
)
from ._cli_sidecar import write_atomically
from ._cli_tasks import add_journal_argument, journal_path
from ._client import AsyncSunoClient
from ._errors import ConfigurationError
from ._journal import Journal
from ._specs import VENDORS

__all__ = ["add_arguments", "exit_code", "run_batch_command"]

EPILOG = (
    'lines: {"id": "rain", "prompt": "a calm piano tune"} (a song: the fields of '
    'sunokit generate), or {"operation": "generate-lyrics", "prompt": "rain"}, '
    '{"operation": "convert-to-wav", "track": "TASK_ID:AUDIO_ID"}, '
    '{"operation": "get-credits"}: any operation of sunokit run, its fields named as its '
    "options are (sunokit run OPERATION --help; --upload-url is upload_url). "
    "exit codes: 0 every line succeeded, 1 invalid lines (nothing sent for them), 2 usage or "
    "configuration, 3 lines failed, refused or of unknown outcome, 4 lines timed out, 130 "
    "interrupted, 143 terminated. Run the same file again to carry on: finished lines are "
    "skipped, accepted ones awaited, only lines never accepted are sent."
)
_FAILED = frozenset({"failed", "refused", "unknown", "error", "download_failed", "busy"})


def _concurrency(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_CONCURRENCY:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number from 1 to {MAX_CONCURRENCY}")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    parser.add_argument(
        "file",
        type=Path,
        metavar="FILE.jsonl",
        help="one JSON request a line: a song, or any operation of sunokit run "
        '("operation": NAME); files a line names are read relative to this file\'s folder',
    )
    parser.add_argument("--vendor", required=True, choices=VENDORS)
    parser.add_argument(
        "--concurrency",
        type=_concurrency,
        default=DEFAULT_CONCURRENCY,
        help=f"lines in flight at once (default {DEFAULT_CONCURRENCY}; the vendor's documented "
        "submit limit is kept whatever this is)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=Path("sunokit-output"),
        help="directory for the tracks and <file>.results.jsonl",
    )
    parser.add_argument("--until", choices=("first", "complete"), default="complete")
    parser.add_argument(
        "--timeout", type=seconds, default=600.0, help="seconds to wait for each line (600)"
    )
    parser.add_argument(
        "--overwrite", action="store_true", help="replace a track file that differs"
    )
    parser.add_argument(
        "--json", action="store_true", help="print the results as JSONL instead of a table"
    )
    parser.add_argument("--callback-url", metavar="URL", help="sent with every create")
    add_journal_argument(parser)
    add_connection_arguments(parser)
    parser.add_argument(
        "--mock", action="store_true", help="run against the embedded mock vendor, offline"
    )


# --------------------------------------------------------------------------- progress


class _Display:
    """done / running / failed, rate and ETA: live on a terminal, a plain log line otherwise."""

    def __init__(self, stream: TextIO, total: int) -> None:
        self._stream = stream
        self._total = total
        self._started = time.monotonic()
        self._running: set[int] = set()
        self._done = 0
        self._failed = 0
        self._live: Any = None
        if stream.isatty():
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self._live = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                TimeElapsedColumn(),
                console=Console(file=stream),
            )
            self._row = self._live.add_task(self._description(), total=total, rate="")
            self._live.start()

    def _description(self) -> str:
        return f"done {self._done} · running {len(self._running)} · failed {self._failed}"

    def _rate(self) -> str:
        elapsed = time.monotonic() - self._started
        finished = self._done + self._failed
        return f"{finished / elapsed * 60:.1f} lines/min" if elapsed > 0 and finished else ""

    def __call__(self, event: BatchEvent) -> None:
        line = event.line
        if event.kind == "finished":
            self._running.discard(line.number)
            assert event.result is not None
            if event.result.status == "succeeded":
                self._done += 1
            else:
                self._failed += 1
        else:
            self._running.add(line.number)
        if self._live is not None:
            self._live.update(
                self._row,
                description=self._description(),
                completed=self._done + self._failed,
                rate=self._rate(),
            )
            return
        if event.kind == "state":
            return  # off a terminal: one line when accepted, one when finished
        self._stream.write(self._log_line(event) + "\n")
        self._stream.flush()

    def _log_line(self, event: BatchEvent) -> str:
        line = event.line
        name = f"line {line.number} ({line.key})"
        task = event.task
        if event.kind == "accepted":
            assert task is not None
            if not task.task_id:
                return f"{name}: answered by {task.vendor} at once"
            return f"{name}: accepted as {task.vendor} task {task.task_id}"
        assert event.result is not None
        result = event.result
        finished = self._done + self._failed
        what = f"{result.status}"
        if result.task_id:
            what += f" ({result.task_id})"
        if result.files:
            what += f", {len(result.files)} file(s)"
        if result.error:
            what += f": {result.error}"
        return f"[{finished}/{self._total}] {name}: {what}"

    def stop(self) -> None:
        if self._live is not None:
            self._live.stop()
            self._live = None


# --------------------------------------------------------------------------- results


def exit_code(results: list[LineResult], interrupted: int | None) -> int:
    if interrupted is not None:
        return EXIT_INTERRUPTED if interrupted == signal.SIGINT else EXIT_TERMINATED
    statuses = {result.status for result in results}
    if statuses & _FAILED:
        return EXIT_REFUSED
    if statuses & {"timed_out", "interrupted"}:
        return EXIT_TIMEOUT
    if "invalid" in statuses:
        return EXIT_INVALID
    return EXIT_OK


def _complete(
    lines: list[BatchLine], results: dict[int, LineResult], journal: Journal, batch: str
) -> list[LineResult]:
    """Every line's result: this run's, else what the journal holds of it (an interrupted run)."""
    held = journal.lines(batch)
    complete = []
    for line in lines:
        result = results.get(line.number)
        if result is None:
            entry = held.get(line.key)
            if entry is None:
                result = LineResult(
                    line.number, line.key, "interrupted", error="not sent", operation=line.operation
                )
            elif entry.outcome_unknown or entry.state == "intent":
                result = LineResult(
                    line.number,
                    line.key,
                    "unknown",
                    journal_id=entry.id,
                    operation=line.operation,
                    error=f"journal entry {entry.id} may have been accepted: check your "
                    f"account, then sunokit tasks --adopt {entry.id} TASK_ID or --abandon "
                    f"{entry.id}",
                )
            else:
                result = LineResult(
                    line.number,
                    line.key,
                    "interrupted",
                    task=entry.task,
                    journal_id=entry.id,
                    operation=line.operation,
                    error="accepted; a re-run resumes it",
                )
        complete.append(result)
    return complete


def _summary(results: list[LineResult], elapsed: float, submitted: int, stdout: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=stdout, width=max(120, Console(file=stdout).width))
    counts: dict[str, int] = {}
    for result in results:
        counts[result.status] = counts.get(result.status, 0) + 1
    rate = f"{len(results) / elapsed:.2f} lines/s" if elapsed > 0 else "-"
    console.print(
        f"batch: {len(results)} lines, {submitted} sent this run, {elapsed:.1f}s ({rate})"
    )
    table = Table()
    table.add_column("status")
    table.add_column("lines", justify="right")
    for status, count in sorted(counts.items()):
        table.add_row(status, str(count))
    console.print(table)
    problems = [result for result in results if result.status != "succeeded"]
    if problems:
        details = Table(title="lines that did not succeed")
        for column in ("line", "id", "status", "task", "error"):
            details.add_column(column, no_wrap=column in ("id", "task"))
        for result in problems[:50]:
            error = (result.error or "")[:300]
            details.add_row(
                str(result.line), result.key, result.status, result.task_id or "-", error
            )
        console.print(details)
        if len(problems) > 50:
            console.print(f"... and {len(problems) - 50} more (see the results file)")


# --------------------------------------------------------------------------- the command


@contextlib.contextmanager
def _journal(args: argparse.Namespace) -> Iterator[Journal]:
    if args.mock and args.journal is None:
        with (
            tempfile.TemporaryDirectory(prefix="sunokit-mock-journal-") as folder,
            Journal(Path(folder) / "journal.sqlite3") as journal,
        ):
            yield journal
        return
    with Journal(journal_path(args)) as journal:
        yield journal


@contextlib.contextmanager
def _client(args: argparse.Namespace, journal: Journal) -> Iterator[AsyncSunoClient]:
    """An AsyncSunoClient for the vendor, or for the embedded mock (served meanwhile)."""
    if not args.mock:
        yield AsyncSunoClient(
            args.vendor,
            base_url=args.base_url,
            upload_base_url=args.upload_base_url,
            callback_url=args.callback_url,
            journal=journal,
            extensions=tuple(args.extension),
        )
        return
    if args.base_url is not None or args.upload_base_url is not None:
        raise ConfigurationError(
            "--mock serves its own vendor: leave out --base-url and --upload-base-url"
        )
    from .mock import StageTimings
    from .testing import mock_vendor

    with mock_vendor(
        args.vendor,
        callback_url=args.callback_url,
        timings=StageTimings(text=0.5, first=1.0, complete=1.5),
        client_options={"poll_interval": 0.25, "extensions": tuple(args.extension)},
    ) as mocked:
        yield mocked.async_client(journal=journal)


async def _run(
    client: AsyncSunoClient,
    lines: list[BatchLine],
    args: argparse.Namespace,
    batch: str,
    display: _Display,
    results: dict[int, LineResult],
    stopped: list[int],
) -> int:
    """Run the batch; a signal cancels it at its next await (never inside a journal write)."""
    loop = asyncio.get_running_loop()
    main = asyncio.current_task()
    assert main is not None

    def stop(number: int) -> None:
        if not stopped:
            stopped.append(number)
            main.cancel()

    installed = []
    for number in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(number, stop, number)
            installed.append(number)

    def on_event(event: BatchEvent) -> None:
        if event.result is not None:
            results[event.line.number] = event.result
        display(event)

    try:
        async with client:
            report = await arun_batch(
                client,
                lines,
                batch=batch,
                out=args.out,
                concurrency=args.concurrency,
                until=args.until,
                timeout=args.timeout,
                overwrite=args.overwrite,
                on_event=on_event,
            )
        return report.submitted
    except asyncio.CancelledError:
        if not stopped:
            raise
        return -1
    finally:
        for number in installed:
            loop.remove_signal_handler(number)


def run_batch_command(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    started = time.monotonic()
    try:
        lines = read_batch(args.file)
        batch = str(args.file.resolve())
        prepare_out(args.out)
        with _journal(args) as journal, _client(args, journal) as client:
            if not args.json:
                stderr.write(f"sunokit batch: {len(lines)} lines, journal {journal.path}\n")
            display = _Display(stderr, len(lines))
            results: dict[int, LineResult] = {}
            stopped: list[int] = []
            try:
                submitted = asyncio.run(_run(client, lines, args, batch, display, results, stopped))
            except KeyboardInterrupt:  # where the loop could not take the signal itself
                stopped.append(signal.SIGINT)
                submitted = -1
            finally:
                display.stop()
            complete = _complete(lines, results, journal, batch)
    except ConfigurationError as error:
        stderr.write(f"sunokit batch: {error}\n")
        return EXIT_USAGE
    except OSError as error:
        stderr.write(f"sunokit batch: {error}\n")
        return EXIT_USAGE
    elapsed = time.monotonic() - started
    text = "".join(json.dumps(result.to_dict(), ensure_ascii=False) + "\n" for result in complete)
    results_path = args.out / f"{args.file.name}.results.jsonl"
    try:
        write_atomically(results_path, text.encode("utf-8", "backslashreplace"))
    except OSError as error:
        stderr.write(f"sunokit batch: cannot write {results_path}: {error}\n")
    interrupted = stopped[0] if stopped else None
    if interrupted is not None:
        what = "interrupted" if interrupted == signal.SIGINT else "terminated (SIGTERM)"
        stderr.write(
            f"sunokit batch: {what}; accepted tasks are in the journal: run the same command "
            "again to carry on\n"
        )
    if args.json:
        stdout.write(text)
    else:
        _summary(complete, elapsed, max(submitted, 0), stdout)
        stdout.write(f"results: {results_path}\n")
    return exit_code(complete, interrupted)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sunokit batch")
    add_arguments(parser)
    return run_batch_command(parser.parse_args(argv), sys.stdout, sys.stderr)
