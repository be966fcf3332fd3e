"""What `sunokit generate`, `wait` and `download` share once a task exists.

`Follow` takes a task the vendor accepted (or an id the user names) through waiting and
downloading, keeps its sidecar up to date, and turns whatever ends the command into one exit
code and a message that names the task and how to resume it. `sunokit wait` and
`sunokit download` are this module's `run_wait` and `run_download`.

Exit codes: 0 done, 1 invalid request (nothing sent), 2 usage or configuration, 3 vendor
refused, task failed or a download failed, 4 timeout, 130 interrupted (Ctrl-C), 143
terminated (SIGTERM).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import shlex
import signal
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import FrameType
from typing import Any, TextIO

import attrs
import httpx

from ._adapters import get_adapter
from ._cli_results import print_task
from ._cli_sidecar import Sidecar, sidecar_path
from ._cli_tasks import add_journal_argument, journal_path
from ._client import SunoClient
from ._downloads import DownloadError
from ._errors import (
    APIError,
    ClientValidationError,
    ConfigurationError,
    NotFoundError,
    SunokitError,
    TaskFailedError,
    WaitTimeoutError,
)
from ._journal import Journal, JournalEntry
from ._models import Task
from ._result_files import save_files
from ._specs import VENDORS
from ._waiting import check_wait_options

__all__ = [
    "EPILOG",
    "EXIT_INTERRUPTED",
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_REFUSED",
    "EXIT_TERMINATED",
    "EXIT_TIMEOUT",
    "EXIT_USAGE",
    "MAX_WAIT",
    "Follow",
    "Progress",
    "Terminated",
    "add_connection_arguments",
    "add_journal_arguments",
    "add_output_arguments",
    "add_task_arguments",
    "journal_location",
    "open_client",
    "prepare_out",
    "run_download",
    "run_wait",
    "seconds",
    "signals_as_interrupts",
]

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_REFUSED, EXIT_TIMEOUT = 0, 1, 2, 3, 4
EXIT_INTERRUPTED = 130  # 128 + SIGINT
EXIT_TERMINATED = 143  # 128 + SIGTERM
EPILOG = (
    "exit codes: 0 done, 1 invalid request (nothing sent), 2 usage or configuration "
    "(e.g. no API key), 3 vendor refused, task failed or a download failed, 4 timeout, "
    "130 interrupted (Ctrl-C), 143 terminated (SIGTERM). Once the vendor has accepted a task, "
    "every error names it and how to resume it, and its sidecar (<task id>.json in --out) "
    "keeps the last known state."
)
#: The longest --timeout: a week (a song takes minutes; longer is a typo, 1e308 an attack).
MAX_WAIT = 7 * 24 * 3600.0


class Terminated(BaseException):
    """SIGTERM arrived: handled like Ctrl-C (a BaseException, so nothing swallows it)."""


# --------------------------------------------------------------------------- arguments


def seconds(text: str) -> float:
    """--timeout: a number of seconds > 0 and at most MAX_WAIT, refused by argparse (exit 2)
    before anything is sent."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and 0 < value <= MAX_WAIT):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a number of seconds > 0 and <= {MAX_WAIT:g} (7 days)"
        )
    return value


def add_connection_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--base-url",
        metavar="URL",
        help="the vendor's server (default: $<VENDOR>_BASE_URL, else the vendor's own)",
    )
    parser.add_argument(
        "--upload-base-url",
        metavar="URL",
        help="where file uploads go (default: $<VENDOR>_UPLOAD_BASE_URL, else the upload "
        "server the spec names)",
    )
    parser.add_argument(
        "--extension",
        action="append",
        default=[],
        metavar="GATEWAY",
        help="opt in to the operations GATEWAY documents beyond the vendor's stock API "
        "(x-sunokit-extension in the spec, e.g. --extension yutoai for a relay gateway's "
        "concat); repeatable",
    )


def add_output_arguments(parser: argparse.ArgumentParser, *, wait: bool) -> None:
    """--out, --json, --overwrite; with `wait`, --until and --timeout too."""
    if wait:
        parser.add_argument("--until", choices=("first", "complete"), default="complete")
        parser.add_argument(
            "--timeout",
            type=seconds,
            default=600.0,
            help=f"seconds to wait, > 0 and <= {MAX_WAIT:g} (default 600)",
        )
    parser.add_argument(
        "--out",
        type=Path,
        default=Path("sunokit-output"),
        help="directory for the tracks and the task's sidecar (<task id>.json)",
    )
    parser.add_argument(
        "--overwrite",
        action="store_true",
        help="replace a track file that exists with other content (default: refuse)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help='print the sidecar as JSON instead of a table: the task, "files" (track id: saved '
        'path), "status", "request", ...',
    )


def add_journal_arguments(parser: argparse.ArgumentParser) -> None:
    """--journal PATH and --no-journal: where the command records what it pays for."""
    add_journal_argument(parser)
    parser.add_argument(
        "--no-journal",
        action="store_true",
        help="record nothing in the task journal (the sidecar in --out is still written)",
    )


def add_task_arguments(parser: argparse.ArgumentParser, *, wait: bool) -> None:
    """The arguments of `sunokit wait` and `sunokit download`."""
    parser.epilog = EPILOG
    parser.add_argument(
        "vendor",
        nargs="?",
        metavar="VENDOR",
        help=f"{', '.join(VENDORS)}; optional when the journal knows the task",
    )
    parser.add_argument(
        "task_id",
        nargs="?",
        metavar="TASK_ID",
        help="the task; without one (or with --pending): every task the journal holds that is "
        "paid for and not finished (of VENDOR, when given)",
    )
    parser.add_argument(
        "--pending",
        action="store_true",
        help="every task the journal holds that is paid for and not finished",
    )
    add_connection_arguments(parser)
    add_output_arguments(parser, wait=wait)
    add_journal_arguments(parser)
    parser.add_argument(
        "--mock", action="store_true", help="ask the embedded mock vendor (a fresh one, offline)"
    )


def prepare_out(out: Path) -> None:
    """The output directory, made before anything is sent (so a task is never unrecordable)."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OSError(f"cannot use --out {out}: {error.strerror or error}") from None
    if not out.is_dir():
        raise OSError(f"cannot use --out {out}: not a directory")


# --------------------------------------------------------------------------- signals


@contextlib.contextmanager
def signals_as_interrupts() -> Iterator[None]:
    """SIGTERM raises Terminated, as Ctrl-C raises KeyboardInterrupt (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminate(signum: int, frame: FrameType | None) -> None:
        raise Terminated

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def _shielded() -> Iterator[None]:
    """No second Ctrl-C or SIGTERM while the first one's task is being recorded."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    handlers = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    # None: a handler not installed from Python, which cannot be put back; leave it alone.
    previous = {number: handler for number, handler in handlers.items() if handler is not None}
    for number in previous:
        signal.signal(number, signal.SIG_IGN)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


# --------------------------------------------------------------------------- progress, client


class Progress:
    """Stage and elapsed time: a live rich line on a terminal, one plain line per stage otherwise."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._started = time.monotonic()
        self._live: Any = None
        if stream.isatty():
            from rich.console import Console
            from rich.progress import Progress as RichProgress
            from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn

            self._live = RichProgress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                TimeElapsedColumn(),
                console=Console(file=stream),
                transient=False,
            )
            self._row = self._live.add_task("submitting", total=None)
            self._live.start()

    def __call__(self, task: Task) -> None:
        stage = f"{task.state} ({task.vendor_state or '-'})"
        if self._live is not None:
            self._live.update(self._row, description=f"{task.vendor} {task.task_id}: {stage}")
            return
        elapsed = time.monotonic() - self._started
        self._stream.write(f"{task.vendor} {task.task_id}: {stage} after {elapsed:.1f}s\n")
        self._stream.flush()

    def stop(self) -> None:
        if self._live is not None:
            self._live.stop()
            self._live = None


@contextlib.contextmanager
def journal_location(args: argparse.Namespace, *, create: bool) -> Iterator[Path | None]:
    """The journal file the command records in: --journal, else $SUNOKIT_JOURNAL, else the user
    state directory; None with --no-journal, and (unless `create`) when the file does not
    exist. With --mock and no --journal: a temporary one (the mock's tasks end with the
    command, so there is nothing to resume later)."""
    if getattr(args, "no_journal", False):
        yield None
        return
    if getattr(args, "mock", False) and getattr(args, "journal", None) is None:
        with tempfile.TemporaryDirectory(prefix="sunokit-mock-journal-") as folder:
            yield Path(folder) / "journal.sqlite3"
        return
    path = journal_path(args)
    yield path if create or path.is_file() else None


@contextlib.contextmanager
def open_client(
    args: argparse.Namespace, *, journal: Path | None = None
) -> Iterator[tuple[SunoClient, httpx.Client]]:
    """The client to use and an httpx client for the downloads: the vendor, or the mock. The
    client records its creates in `journal` (opened after the API key is found)."""
    callback_url = getattr(args, "callback_url", None)
    if not getattr(args, "mock", False):
        with (
            SunoClient(
                args.vendor,
                callback_url=callback_url,
                base_url=args.base_url,
                upload_base_url=getattr(args, "upload_base_url", None),
                journal=journal,
                extensions=tuple(getattr(args, "extension", ())),
            ) as client,
            httpx.Client(timeout=60, follow_redirects=True) as downloads,
        ):
            yield client, downloads
        return
    if args.base_url is not None or getattr(args, "upload_base_url", None) is not None:
        raise ConfigurationError(
            "--mock serves its own vendor: leave out --base-url and --upload-base-url"
        )
    from .mock import StageTimings
    from .testing import mock_vendor

    # Stages a second apart, so the progress display has something to show.
    with mock_vendor(
        args.vendor,
        callback_url=callback_url,
        timings=StageTimings(text=0.5, first=1.0, complete=1.5),
        client_options={
            "poll_interval": 0.25,
            "extensions": tuple(getattr(args, "extension", ())),
        },
    ) as mocked:
        if journal is None:
            yield mocked.client, mocked.http
            return
        with mocked.new_client(journal=journal) as client:
            yield client, mocked.http


# --------------------------------------------------------------------------- following a task


def _describe(error: BaseException) -> tuple[int, str, str]:
    """(exit code, sidecar status, message) for what ended a command after acceptance."""
    if isinstance(error, Terminated):
        return EXIT_TERMINATED, "terminated", "terminated (SIGTERM)"
    if isinstance(error, KeyboardInterrupt):
        return EXIT_INTERRUPTED, "interrupted", "interrupted"
    if isinstance(error, TaskFailedError):
        return EXIT_REFUSED, "failed", str(error)
    if isinstance(error, WaitTimeoutError):
        return EXIT_TIMEOUT, "timed_out", str(error)
    if isinstance(error, DownloadError):
        return EXIT_REFUSED, "download_failed", str(error)
    if isinstance(error, APIError):
        return EXIT_REFUSED, "error", str(error)
    if isinstance(error, ConfigurationError):
        return EXIT_USAGE, "error", str(error)
    if isinstance(error, SunokitError):  # e.g. an accepted id this vendor cannot be asked about
        return EXIT_REFUSED, "error", str(error)
    if isinstance(error, OSError):
        return EXIT_REFUSED, "error", f"cannot save: {error}"
    # A bug: still an error after acceptance, so it ends like one (a traceback here would bury
    # the task's name, and handlers further out would misread it as a refused request).
    return EXIT_REFUSED, "error", f"unexpected {type(error).__name__}: {error} (a sunokit bug)"


class Follow:
    """One command's task from its acceptance (or from the id the user gave) to its end."""

    def __init__(
        self,
        args: argparse.Namespace,
        client: SunoClient,
        downloads: httpx.Client,
        stdout: TextIO,
        stderr: TextIO,
        *,
        request: Mapping[str, Any] | None = None,
        collect: bool = False,
    ) -> None:
        self._args = args
        self._client = client
        self._downloads = downloads
        self._stdout = stdout
        self._stderr = stderr
        self._request = request
        #: Keep the final document in `document` instead of printing it (several tasks).
        self._collect = collect
        self.task_id: str | None = None
        #: The newest task the vendor described, or None.
        self.task: Task | None = None
        self.sidecar: Sidecar | None = None
        self.document: dict[str, Any] | None = None

    def run(
        self,
        task_id: str,
        accepted: Task | None,
        *,
        wait: bool,
        fetch: bool,
        job: Task | None = None,
    ) -> int:
        """Record `accepted` (the submit's answer), wait when asked, download when asked, and
        print the result; any error or signal ends here with the task named and recorded.

        Without `accepted`, `job` is the task to poll (one the journal or a sidecar knows as
        accepted, with its operation); without either, `task_id` is a music task's id."""
        self.task_id = task_id
        self.task = accepted
        progress = Progress(self._stderr)
        try:
            self.sidecar = Sidecar(
                self._args.out, self._client.vendor, task_id, request=self._request
            )
            if accepted is not None:
                self._record("submitted", accepted)
                progress(accepted)
            polled: Task | str = task_id
            if accepted is not None and not accepted.operation.startswith("music."):
                polled = accepted  # polled by its operation's binding
            elif accepted is None and job is not None:
                polled = job
            task = accepted
            try:
                if task is not None and task.done:
                    pass  # answered at once: nothing to wait for
                elif wait:

                    def on_update(task: Task) -> None:
                        self._record("waiting", task)
                        progress(task)

                    task = self._client.wait(
                        polled,
                        until=self._args.until,
                        timeout=self._args.timeout,
                        on_update=on_update,
                    )
                elif fetch:
                    task = self._client.get(polled)
                    self._record("fetched", task)
                    progress(task)
            finally:
                progress.stop()
            assert task is not None
            self.task = task
            files: dict[str, Path | None] = {track.id: None for track in task.tracks}
            if fetch:
                files = save_files(
                    task,
                    self._args.out,
                    http_client=self._downloads,
                    overwrite=self._args.overwrite,
                )
                self._journal_files(task, files)
            status = "downloaded" if fetch else "submitted"  # --no-wait: submitted only
            document = self.sidecar.record(status, task=task, files=files)
        except BaseException as error:
            progress.stop()
            return self.fail(error)
        assert document is not None
        self.document = document
        if self._collect:
            return EXIT_OK
        if self._args.json:
            self._stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        elif task.operation.startswith("music.") and not task.result:
            _summary(task, files, self._stdout)
        else:
            print_task(task, files, self._stdout)
        return EXIT_OK

    def _record(self, status: str, task: Task) -> None:
        self.task = task
        assert self.sidecar is not None
        self.sidecar.record(status, task=task)

    def _journal_files(self, task: Task, files: Mapping[str, Path | None]) -> None:
        journal = self._client.journal
        if journal is None or not files:
            return
        found = journal.find(task.task_id, task.vendor)
        if found:
            saved = {key: str(path) if path else None for key, path in files.items()}
            journal.record_files(found[-1].id, saved)

    def fail(self, error: BaseException) -> int:
        """Name the task and how to resume it, record how the command ended, give the exit code."""
        with _shielded():
            code, status, message = _describe(error)
            # The last poll these errors saw (on_update records the others' as they come; an
            # APIError's task may be a bare placeholder made before the first poll).
            if isinstance(error, (TaskFailedError, WaitTimeoutError)) and error.task is not None:
                self.task = error.task
            self._stderr.write(f"sunokit: {message}\n")
            self._stderr.write(f"sunokit: {self.hint(error)}\n")
            self._stderr.flush()
            if self.sidecar is not None:
                try:
                    self.sidecar.record(status, task=self.task, error=message)
                except (OSError, ValueError) as failure:
                    self._stderr.write(
                        f"sunokit: could not update {self.sidecar.path}: {failure}\n"
                    )
                else:
                    self.document = self.sidecar.document
        return code

    def hint(self, error: BaseException) -> str:
        """What happened to the task and the command that carries on with it."""
        vendor, task_id = self._client.vendor, self.task_id or "?"
        record = f"; its record: {self.sidecar.path}" if self.sidecar is not None else ""
        if getattr(self._args, "mock", False):
            return (
                f"{vendor} task {task_id} lived in the embedded mock vendor, which ended with "
                f"this command{record}"
            )
        if isinstance(error, NotFoundError) and self.task is None:
            return f"{vendor} does not know a task {task_id!r}"
        if isinstance(error, TaskFailedError):
            return f"{vendor} task {task_id} failed{record}"
        task = self.task
        command = "wait"
        if isinstance(error, DownloadError) and task is not None and task.tracks:
            command = "download"
            state = f"{vendor} task {task_id} is {task.state}; save its tracks with"
        else:
            state = f"{vendor} task {task_id} was accepted and may still finish; resume with"
        return f"{state}: {self._resume(command, task_id)}{record}"

    def _resume(self, command: str, task_id: str) -> str:
        words = ["sunokit", command, self._client.vendor, task_id, "--out", str(self._args.out)]
        base_url = self._args.base_url
        if base_url is not None:
            # Credentials in a URL are the user's secret: name the option, not the value.
            words += ["--base-url", base_url if "@" not in base_url else "URL"]
        journal = getattr(self._args, "journal", None)
        if journal is not None and not getattr(self._args, "no_journal", False):
            words += ["--journal", str(journal)]
        return " ".join(shlex.quote(word) for word in words)


def _summary(task: Task, files: Mapping[str, Path | None], stdout: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{task.vendor} task {task.task_id}: {task.state}")
    for column in ("track", "title", "duration", "file"):
        table.add_column(column)
    for track in task.tracks:
        duration = f"{track.duration:.2f}s" if track.duration is not None else "-"
        path = files.get(track.id)
        table.add_row(track.id, track.title or "-", duration, str(path) if path else "-")
    Console(file=stdout, width=max(100, Console(file=stdout).width)).print(table)


# --------------------------------------------------------------------------- wait, download


def run_wait(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """`sunokit wait [VENDOR] [TASK_ID]`: resume waiting for accepted tasks, then download."""
    return _run_task(args, stdout, stderr, wait=True)


def run_download(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """`sunokit download [VENDOR] [TASK_ID]`: fetch tasks as they are now and save their files."""
    return _run_task(args, stdout, stderr, wait=False)


@attrs.frozen
class _Target:
    """A task to resume: its vendor and id, and the operation it performs when known."""

    vendor: str
    task_id: str
    job: Task | None = None  # known to be accepted, with its operation (journal or sidecar)


def _known_operation(out: Path, vendor: str, task_id: str) -> str | None:
    """The operation a sidecar in `out` recorded for the task (an earlier command's)."""
    try:
        document = json.loads(sidecar_path(out, vendor, task_id).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    operation = document.get("operation") if isinstance(document, dict) else None
    same = isinstance(document, dict) and document.get("task_id") == task_id
    return operation if same and isinstance(operation, str) and operation else None


def _job(vendor: str, task_id: str, operation: str | None) -> Task | None:
    if operation is None:
        return None
    return Task(vendor=vendor, task_id=task_id, state="queued", operation=operation)


def _choose(
    args: argparse.Namespace, journal: Journal | None, where: Path
) -> tuple[list[_Target], list[JournalEntry], bool]:
    """The tasks to resume, the journal's creates of unknown outcome, and whether the user
    asked for the journal's pending tasks (rather than one task)."""
    vendor, task_id = args.vendor, args.task_id
    if vendor is not None and task_id is None and vendor not in VENDORS:
        vendor, task_id = None, vendor  # `sunokit wait TASK_ID`: the journal knows its vendor
    if vendor is not None and vendor not in VENDORS:
        raise ConfigurationError(f"unknown vendor {vendor!r}; choose one of: {', '.join(VENDORS)}")
    if task_id is not None and args.pending:
        raise ConfigurationError("--pending resumes the journal's tasks: leave out TASK_ID")
    if task_id is None:
        if journal is None:
            return [], [], True
        pending = journal.pending(vendor)
        targets = [
            _Target(
                entry.vendor, entry.task_id, _job(entry.vendor, entry.task_id, entry.capability)
            )
            for entry in pending
            if entry.task_id  # "": a create answered at once, nothing to wait for
        ]
        return targets, [entry for entry in pending if entry.task_id is None], True
    found = journal.find(task_id, vendor) if journal is not None else []
    if vendor is None:
        vendors = sorted({entry.vendor for entry in found})
        if len(vendors) != 1:
            known = (
                f"tasks {task_id!r} of {', '.join(vendors)}" if vendors else f"no task {task_id!r}"
            )
            raise ConfigurationError(
                f"the journal {where} holds {known}: name the vendor (sunokit "
                f"{'wait' if hasattr(args, 'until') else 'download'} VENDOR TASK_ID)"
            )
        vendor = vendors[0]
    operation = found[-1].capability if found else _known_operation(args.out, vendor, task_id)
    return [_Target(vendor, task_id, _job(vendor, task_id, operation))], [], False


def _unknown(entry: JournalEntry, stderr: TextIO) -> None:
    stderr.write(
        f"sunokit: journal entry {entry.id} ({entry.vendor} {entry.operation}): unknown: may "
        f"have been accepted; nothing is sent again: check your {entry.vendor} account, then "
        f"sunokit tasks --adopt {entry.id} TASK_ID (it made that task) or sunokit tasks "
        f"--abandon {entry.id} (it did not)\n"
    )


def _worst(codes: list[int]) -> int:
    """One exit code for several tasks: a failure before a timeout before anything else."""
    for code in (EXIT_REFUSED, EXIT_TIMEOUT, EXIT_USAGE, EXIT_INVALID):
        if code in codes:
            return code
    return EXIT_OK


def _run_task(args: argparse.Namespace, stdout: TextIO, stderr: TextIO, *, wait: bool) -> int:
    with signals_as_interrupts(), contextlib.ExitStack() as stack:
        target: _Target | None = None
        try:
            if wait:
                check_wait_options(until=args.until, timeout=args.timeout)
            where = stack.enter_context(journal_location(args, create=False))
            if where is None:
                targets, unknown, several = _choose(args, None, journal_path(args))
            else:
                with Journal(where) as journal:  # each client opens it again, to record
                    targets, unknown, several = _choose(args, journal, where)
            for entry in unknown:
                _unknown(entry, stderr)
            if several and not targets:
                if not unknown and not args.json:
                    place = (
                        f"the journal {where}" if where else f"no journal at {journal_path(args)}"
                    )
                    stdout.write(f"nothing to resume: {place} holds no unfinished task\n")
                if args.json:
                    stdout.write(
                        json.dumps([entry.to_dict() for entry in unknown], indent=2) + "\n"
                    )
                return EXIT_REFUSED if unknown else EXIT_OK
            if len({t.vendor for t in targets}) > 1 and args.base_url is not None:
                raise ConfigurationError(
                    "--base-url is one vendor's server: name the VENDOR whose tasks to resume"
                )
            for target in targets:
                if target.job is None or target.job.operation.startswith("music."):
                    # An id that cannot be sent to this vendor is refused before anything is sent.
                    get_adapter(target.vendor).status_call(target.task_id)
            prepare_out(args.out)
            codes: list[int] = [EXIT_REFUSED] * len(unknown)
            documents: list[dict[str, Any]] = [entry.to_dict() for entry in unknown]
            for vendor in dict.fromkeys(t.vendor for t in targets):
                options = argparse.Namespace(**{**vars(args), "vendor": vendor})
                mine = [t for t in targets if t.vendor == vendor]
                try:
                    with open_client(options, journal=where) as (client, downloads):
                        for target in mine:
                            follow = Follow(
                                options,
                                client,
                                downloads,
                                stdout,
                                stderr,
                                collect=several and args.json,
                            )
                            code = follow.run(
                                target.task_id, None, wait=wait, fetch=True, job=target.job
                            )
                            if follow.document is not None:
                                documents.append(follow.document)
                            if code in (EXIT_INTERRUPTED, EXIT_TERMINATED):
                                return code
                            codes.append(code)
                except ConfigurationError as error:
                    if not several:
                        raise
                    # Another vendor's tasks still go on (e.g. only this vendor has no key).
                    names = ", ".join(t.task_id for t in mine)
                    stderr.write(f"sunokit: {error}; not resumed: {vendor} tasks {names}\n")
                    codes.append(EXIT_USAGE)
            if several and args.json:
                stdout.write(json.dumps(documents, indent=2, ensure_ascii=False) + "\n")
            return _worst(codes)
        except ClientValidationError as error:
            for violation in error.violations:
                stderr.write(f"sunokit: TASK_ID: {violation.message}\n")
            return EXIT_USAGE
        except ConfigurationError as error:
            stderr.write(f"sunokit: {error}\n")
            return EXIT_USAGE
        except OSError as error:
            stderr.write(f"sunokit: {error}\n")
            return EXIT_USAGE
        except (KeyboardInterrupt, Terminated) as error:
            code, _, message = _describe(error)
            named = f" ({target.vendor} task {target.task_id})" if target is not None else ""
            stderr.write(f"sunokit: {message}{named}\n")
            return code
