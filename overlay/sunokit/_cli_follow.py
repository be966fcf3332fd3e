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
import threading
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import FrameType
from typing import Any, TextIO

import httpx

from ._adapters import get_adapter
from ._cli_sidecar import Sidecar
from ._client import SunoClient
from ._downloads import DownloadError, download
from ._errors import (
    APIError,
    ClientValidationError,
    ConfigurationError,
    NotFoundError,
    SunokitError,
    TaskFailedError,
    WaitTimeoutError,
)
from ._models import Task
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
    "add_output_arguments",
    "add_task_arguments",
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


def add_task_arguments(parser: argparse.ArgumentParser, *, wait: bool) -> None:
    """The arguments of `sunokit wait` and `sunokit download`."""
    parser.epilog = EPILOG
    parser.add_argument("vendor", metavar="VENDOR", choices=VENDORS, help=", ".join(VENDORS))
    parser.add_argument("task_id", metavar="TASK_ID")
    add_connection_arguments(parser)
    add_output_arguments(parser, wait=wait)


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
def open_client(args: argparse.Namespace) -> Iterator[tuple[SunoClient, httpx.Client]]:
    """The client to use and an httpx client for the downloads: the vendor, or the mock."""
    callback_url = getattr(args, "callback_url", None)
    if not getattr(args, "mock", False):
        with (
            SunoClient(args.vendor, callback_url=callback_url, base_url=args.base_url) as client,
            httpx.Client(timeout=60, follow_redirects=True) as downloads,
        ):
            yield client, downloads
        return
    if args.base_url is not None:
        raise ConfigurationError("--mock serves its own vendor: leave out --base-url")
    from .mock import StageTimings
    from .testing import mock_vendor

    # Stages a second apart, so the progress display has something to show.
    with mock_vendor(
        args.vendor,
        callback_url=callback_url,
        timings=StageTimings(text=0.5, first=1.0, complete=1.5),
        client_options={"poll_interval": 0.25},
    ) as mocked:
        yield mocked.client, mocked.http


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
    ) -> None:
        self._args = args
        self._client = client
        self._downloads = downloads
        self._stdout = stdout
        self._stderr = stderr
        self._request = request
        self.task_id: str | None = None
        #: The newest task the vendor described, or None.
        self.task: Task | None = None
        self.sidecar: Sidecar | None = None

    def run(self, task_id: str, accepted: Task | None, *, wait: bool, fetch: bool) -> int:
        """Record `accepted` (the submit's answer), wait when asked, download when asked, and
        print the result; any error or signal ends here with the task named and recorded."""
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
            task = accepted
            try:
                if wait:

                    def on_update(task: Task) -> None:
                        self._record("waiting", task)
                        progress(task)

                    task = self._client.wait(
                        task_id,
                        until=self._args.until,
                        timeout=self._args.timeout,
                        on_update=on_update,
                    )
                elif fetch:
                    task = self._client.get(task_id)
                    self._record("fetched", task)
                    progress(task)
            finally:
                progress.stop()
            assert task is not None
            self.task = task
            saved: dict[str, Path] = {}
            if fetch:
                saved = download(
                    task,
                    self._args.out,
                    http_client=self._downloads,
                    overwrite=self._args.overwrite,
                )
            files = {track.id: saved.get(track.id) for track in task.tracks}
            status = "downloaded" if fetch else "submitted"  # --no-wait: submitted only
            document = self.sidecar.record(status, task=task, files=files)
        except BaseException as error:
            progress.stop()
            return self.fail(error)
        assert document is not None
        if self._args.json:
            self._stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        else:
            _summary(task, files, self._stdout)
        return EXIT_OK

    def _record(self, status: str, task: Task) -> None:
        self.task = task
        assert self.sidecar is not None
        self.sidecar.record(status, task=task)

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
    """`sunokit wait VENDOR TASK_ID`: resume waiting for an accepted task, then download."""
    return _run_task(args, stdout, stderr, wait=True)


def run_download(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """`sunokit download VENDOR TASK_ID`: fetch the task as it is now and save its tracks."""
    return _run_task(args, stdout, stderr, wait=False)


def _run_task(args: argparse.Namespace, stdout: TextIO, stderr: TextIO, *, wait: bool) -> int:
    with signals_as_interrupts():
        try:
            # An id that cannot be sent to this vendor is refused before anything is sent.
            get_adapter(args.vendor).status_call(args.task_id)
            if wait:
                check_wait_options(until=args.until, timeout=args.timeout)
            prepare_out(args.out)
            with open_client(args) as (client, downloads):
                follow = Follow(args, client, downloads, stdout, stderr)
                return follow.run(args.task_id, None, wait=wait, fetch=True)
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
            stderr.write(f"sunokit: {message} ({args.vendor} task {args.task_id})\n")
            return code
