"""Batches: many requests, bounded concurrency, resumable from the task journal.

A batch is a sequence of lines, each one request (a JSON object, as in a `.jsonl` file) of any
operation `sunokit run` knows, with an optional `id` of your choosing:

    {"id": "rain-1", "prompt": "a calm piano tune about rain"}
    {"lyrics": "[Verse]\\nLa la", "style": "pop", "title": "La"}
    {"instrumental": true, "style": "ambient", "title": "Drift"}
    {"extend": "CLIP_ID", "at": 60, "model": "V4"}
    {"id": "words", "operation": "generate-lyrics", "prompt": "rain at night"}
    {"operation": "convert-to-wav", "track": "TASK_ID:AUDIO_ID"}
    {"operation": "get-credits"}

A line without `operation` is a song, its fields those of `sunokit generate` (`prompt`,
`inspiration`, `lyrics` (the text), `instrumental`, `extend` with `at` and `task_id`, `style`,
`title`, `model`, `callback_url`, `negative_tags`, `vocal_gender`, `style_weight`,
`weirdness`, `audio_weight`, `persona_id`). With `operation` (a name of `sunokit run`:
`generate-lyrics`, `convert-to-wav`, ..., or a capability, `lyrics.generate`) its fields are
that request's, named as `sunokit run OPERATION --help` names its options (`--upload-url` is
`upload_url`); `_request_fields` decodes both, for this module and for `sunokit run`. A line
that is no valid request (an unknown operation or field, a value of the wrong kind, an
operation the vendor does not offer) is `invalid` and never sent; the others still run. `id`
is yours: the line's name in the journal and in the results. A line without one is named by
the digest of its JSON (the n-th copy of the same line gets `#n`): editing such a line makes
it a new line.

Each line is billed at most once. Its create claims the line in the journal (`Journal.intent`)
before it is sent, so a batch run again after a crash, a kill or Ctrl-C:

- skips the lines that finished (succeeded or failed: a failed task is not retried; give the
  line a new id to try again);
- resumes waiting for the lines the vendor accepted, each through its own operation (a WAV
  task is polled as one and ends with its typed result);
- submits only the lines never accepted (never sent, or refused in the vendor's own words);
- reports a line whose create may have been accepted (the answer was lost) as `unknown`, never
  sends it again: check your account, then `sunokit tasks --adopt ID TASK_ID` (the vendor made
  that task) or `--abandon ID` (it did not: the next run sends the line).

A request the vendor answers at once (credits, a persona, SunoAPI.com's WAV...) is claimed the
same way, so a re-run reports it and does not send it again. A finished line's files (tracks,
and a result's media: a WAV, stems, a video, images, a MIDI file) are saved into `out` as
`sunokit run` saves them; an answer given at once is only reported, as `sunokit run` prints it.

`arun_batch(client, lines, ...)` runs a batch on an AsyncSunoClient that has a journal;
`run_batch(vendor, lines, journal=..., ...)` is its synchronous front door.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

import attrs
import httpx

from . import _specs
from ._adapters import bindings
from ._client import AsyncSunoClient, recorded_create
from ._downloads import DOWNLOAD_TIMEOUT, DownloadError, adownload
from ._errors import (
    APIError,
    ClientValidationError,
    ConfigurationError,
    TaskFailedError,
    UnsupportedRequestError,
    WaitTimeoutError,
)
from ._journal import (
    Journal,
    JournalEntry,
    JournalOption,
    LineTaken,
    canonical_json,
    for_line,
)
from ._models import Task
from ._operations import SpecOperation, spec_operation
from ._request_fields import build, describe, kebab, music_request, operation_named
from ._request_fields import vendors_offering as offering
from ._requests import MusicRequest, Request
from ._result_files import asave_files
from ._waiting import DEFAULT_WAIT_TIMEOUT, Until, check_wait_options

__all__ = [
    "DEFAULT_CONCURRENCY",
    "BatchEvent",
    "BatchLine",
    "BatchReport",
    "LineResult",
    "arun_batch",
    "read_batch",
    "request_from_line",
    "run_batch",
]

#: Lines in flight (being submitted or awaited) at once, by default.
DEFAULT_CONCURRENCY = 8
#: The most lines in flight at once.
MAX_CONCURRENCY = 256
#: The most lines in one batch, and the longest line (characters).
MAX_LINES = 100_000
MAX_LINE_LENGTH = 1_000_000

Status = Literal[
    "succeeded",  # the task succeeded (and its files were saved, with `out`)
    "failed",  # the task reached the vendor's failure state: not retried
    "refused",  # the vendor refused the create in its own words: nothing paid, a re-run sends it
    "unknown",  # the create may have been accepted: check, then adopt or abandon (see above)
    "invalid",  # the line is no valid request: nothing sent
    "timed_out",  # accepted, still unfinished at the timeout: a re-run resumes it
    "error",  # accepted, then the vendor or the network failed: a re-run resumes it
    "download_failed",  # succeeded, a file could not be saved: a re-run saves it
    "busy",  # another run holds the line
    "interrupted",  # the run ended before the line did: a re-run carries on
]
#: Statuses after which a re-run has nothing left to do for the line.
FINAL_STATUSES = frozenset({"succeeded", "failed"})

#: The keys of a line that are no request field.
_LINE_KEYS = ("id", "operation")


def request_from_line(fields: Mapping[str, Any], *, base: Path | None = None) -> Request:
    """The request a batch line stands for: a song with `sunokit generate`'s fields, or with
    `operation` that operation's request (`_request_fields.build`). Relative paths (a sidecar,
    a file to upload) are read from `base`.

    Raises ClientValidationError naming each field that is wrong (ConfigurationError: a file
    the line names cannot be read)."""
    values = {key: value for key, value in fields.items() if key not in _LINE_KEYS}
    if fields.get("operation") is None:
        return music_request(values, where="batch line")
    kind = operation_named(fields["operation"])
    return build(kind, values, base=base, where="batch line")  # type: ignore[no-any-return]


def _invalid(message: str, field: str = "") -> ClientValidationError:
    from ._validation import Violation

    return ClientValidationError("batch line", [Violation(field, "line", message, "line")])


@attrs.frozen
class BatchLine:
    """One line of a batch: its number (from 1), its name (`key`), its request, and what is
    wrong with it when it is not sent (`problem`; with a request: the vendor does not offer
    it)."""

    number: int
    key: str
    request: Request | None
    problem: str | None = None
    fields: Mapping[str, Any] | None = attrs.field(default=None, repr=False)

    @property
    def operation(self) -> str | None:
        """The line's operation, as `sunokit run` names it (`description` for a prompt); an
        invalid line's as it gives it."""
        if self.request is not None:
            return kebab(type(self.request).__name__)
        named = self.fields.get("operation") if self.fields is not None else None
        return named if isinstance(named, str) and len(named) <= 100 else None


def _checked_id(value: object) -> str:
    if not isinstance(value, str) or not 1 <= len(value) <= 200 or not value.isprintable():
        raise _invalid("id must be a string of 1-200 printable characters", "id")
    return value


def read_batch(
    source: str | os.PathLike[str] | Iterable[Any], *, base: str | os.PathLike[str] | None = None
) -> list[BatchLine]:
    """The lines of a JSONL file (blank lines skipped), or of an iterable of mappings (or JSON
    texts). A line that is no valid request is kept with its `problem`, never raised: the other
    lines still run. The files a line names (a sidecar, a file to upload) are read from `base`
    when relative (default: the batch file's folder; the working directory for an iterable)."""
    folder = Path(base) if base is not None else None
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        folder = folder or path.parent
        try:
            with path.open("rb") as file:
                raw = file.read(MAX_LINES * 1000 + 1)
        except OSError as error:
            raise ConfigurationError(
                f"cannot read the batch {path}: {error.strerror or error}"
            ) from None
        text = raw.decode("utf-8", "replace")
        items: Iterable[Any] = (
            (number, line) for number, line in enumerate(text.splitlines(), 1) if line.strip()
        )
    else:
        items = enumerate(source, 1)
    lines: list[BatchLine] = []
    keys: set[str] = set()
    copies: collections.Counter[str] = collections.Counter()
    for number, item in items:
        if len(lines) >= MAX_LINES:
            raise ConfigurationError(f"a batch holds at most {MAX_LINES} lines")
        lines.append(_line(number, item, keys, copies, folder))
    return lines


def _line(
    number: int,
    item: Any,
    keys: set[str],
    copies: collections.Counter[str],
    base: Path | None,
) -> BatchLine:
    fields: Any = item
    if isinstance(item, (str, bytes)):
        if len(item) > MAX_LINE_LENGTH:
            return BatchLine(number, f"line-{number}", None, f"longer than {MAX_LINE_LENGTH}")
        try:
            fields = json.loads(item)
        except (ValueError, RecursionError) as error:
            return BatchLine(number, f"line-{number}", None, f"not JSON ({error})")
    if not isinstance(fields, Mapping):
        return BatchLine(number, f"line-{number}", None, "not a JSON object")
    try:
        digest = hashlib.sha256(
            canonical_json(dict(fields)).encode("utf-8", "surrogatepass")
        ).hexdigest()[:16]
    except (TypeError, ValueError, RecursionError):
        return BatchLine(number, f"line-{number}", None, "not a JSON object of plain values")
    key = f"line-{number}"  # the name of a line that is no valid request (never sent)
    try:
        if "id" in fields:
            key = _checked_id(fields["id"])
            if key in keys:
                raise _invalid(f"id {key!r} is used by an earlier line", "id")
        else:
            copies[digest] += 1
            key = digest if copies[digest] == 1 else f"{digest}#{copies[digest]}"
        keys.add(key)
        request = request_from_line(fields, base=base)
    except (ClientValidationError, ConfigurationError, UnsupportedRequestError) as error:
        problem = "; ".join(str(v) for v in getattr(error, "violations", ())) or str(error)
        return BatchLine(number, key, None, problem, fields)
    return BatchLine(number, key, request, None, fields)


@attrs.frozen
class LineResult:
    """How one line ended in this run (see `Status`); `journal_id` names its journal entry."""

    line: int
    key: str
    status: str
    task: Task | None = None
    files: Mapping[str, str | None] = attrs.field(factory=dict)
    error: str | None = None
    journal_id: int | None = None
    resumed: bool = False  # accepted by an earlier run
    operation: str | None = None  # as `sunokit run` names it; None: an invalid line's

    @property
    def task_id(self) -> str | None:
        return self.task.task_id if self.task is not None else None

    def to_dict(self) -> dict[str, Any]:
        """The line's result as JSON: `result` is the task's typed result (`sunokit run --json`'s
        `result`: lyrics, credits, a WAV's URL...), `task` the whole task."""
        task = self.task.to_dict() if self.task is not None else None
        return {
            "line": self.line,
            "id": self.key,
            "operation": self.operation,
            "status": self.status,
            "task_id": self.task_id,
            "state": self.task.state if self.task is not None else None,
            "result": task["result"] if task is not None else None,
            "files": dict(self.files),
            "error": self.error,
            "journal_id": self.journal_id,
            "resumed": self.resumed,
            "task": task,
        }


@attrs.frozen
class BatchEvent:
    """What happened to a line: `accepted` (a task id is known), `state` (a wait saw a new
    state) or `finished` (its result is in `result`)."""

    kind: Literal["accepted", "state", "finished"]
    line: BatchLine
    task: Task | None = None
    result: LineResult | None = None


@attrs.frozen
class BatchReport:
    """The results of one run, in the batch's order, and how long it took."""

    results: tuple[LineResult, ...]
    elapsed: float
    submitted: int  # creates the vendor accepted in this run

    def counts(self) -> dict[str, int]:
        return dict(collections.Counter(result.status for result in self.results))

    @property
    def ok(self) -> bool:
        return all(result.status == "succeeded" for result in self.results)


class _Pacer:
    """The vendor's documented create limit, kept by the batch before each submit (so the
    client's own limiter never has to pause a create whose intent is already on disk)."""

    def __init__(self, limit: _specs.RateLimit | None) -> None:
        self._limit = limit
        self._sent: collections.deque[float] = collections.deque()

    def reserve(self) -> float:
        if self._limit is None:
            return 0.0
        now = time.monotonic()
        at = now
        if len(self._sent) >= self._limit.requests:
            at = max(now, self._sent[-self._limit.requests] + self._limit.per_seconds)
        self._sent.append(at)
        while len(self._sent) > self._limit.requests:
            self._sent.popleft()
        return at - now


class _Run:
    def __init__(
        self,
        client: AsyncSunoClient,
        journal: Journal,
        batch: str,
        *,
        out: Path | None,
        until: Until,
        timeout: float,
        overwrite: bool,
        http: httpx.AsyncClient,
        on_event: Callable[[BatchEvent], object] | None,
    ) -> None:
        self.client = client
        self.journal = journal
        self.batch = batch
        self.out = out
        self.until = until
        self.timeout = timeout
        self.overwrite = overwrite
        self.http = http
        self.on_event = on_event
        self.pacers: dict[str, _Pacer] = {}
        self.results: dict[int, LineResult] = {}
        self.submitted = 0

    def _emit(self, event: BatchEvent) -> None:
        if self.on_event is not None:
            self.on_event(event)

    def _finish(self, line: BatchLine, result: LineResult) -> None:
        result = attrs.evolve(result, operation=line.operation)
        self.results[line.number] = result
        self._emit(BatchEvent("finished", line, task=result.task, result=result))

    def _pacer(self, request: Request) -> _Pacer:
        """The documented create limit of the operation that sends `request`."""
        if isinstance(request, MusicRequest):
            operation = _specs.operation(self.client.vendor, "submit")
            operation_id, limit = operation.operation_id, operation.rate_limit
        else:
            found = _binding_operation(self.client.vendor, request)
            operation_id, limit = found.operation_id, found.rate_limit
        pacer = self.pacers.get(operation_id)
        if pacer is None:
            pacer = self.pacers[operation_id] = _Pacer(limit)
        return pacer

    async def run_line(self, line: BatchLine) -> None:
        if line.request is None or line.problem is not None:  # never sent; its name may even
            # be another line's
            self._finish(line, LineResult(line.number, line.key, "invalid", error=line.problem))
            return
        entry = self.journal.line(self.batch, line.key)
        answer = None
        if entry is None:
            sent = await self._submit(line, line.request)
            if sent is None:
                return
            entry, answer = sent
            resumed = False
        else:
            resumed = True
        await self._follow(line, line.request, entry, resumed=resumed, answer=answer)

    async def _submit(self, line: BatchLine, request: Request) -> tuple[JournalEntry, Task] | None:
        pause = self._pacer(request).reserve()
        if pause > 0:
            await asyncio.sleep(pause)
        try:
            with for_line(self.batch, line.key):
                task = await self._send(line, request)
        except LineTaken as error:
            self._finish(line, LineResult(line.number, line.key, "busy", error=str(error)))
            return None
        except (ClientValidationError, UnsupportedRequestError) as error:
            self._finish(line, LineResult(line.number, line.key, "invalid", error=str(error)))
            return None
        except APIError as error:
            claimed = self._claim(line)
            status = "unknown" if claimed is not None else "refused"
            message = str(error)
            if claimed is not None:
                message += (
                    f"; it may have been accepted: check your {self.client.vendor} account, then "
                    f"sunokit tasks --adopt {claimed.id} TASK_ID, or --abandon {claimed.id} "
                    "to send it again"
                )
            self._finish(
                line,
                LineResult(
                    line.number,
                    line.key,
                    status,
                    error=message,
                    journal_id=claimed.id if claimed is not None else None,
                ),
            )
            return None
        self.submitted += 1
        self._emit(BatchEvent("accepted", line, task=task))
        entry = self._claim(line)
        if entry is None or entry.task_id is None:  # the journal could not record it
            raise ConfigurationError(
                f"{self.client.vendor} task {task.task_id} (batch line {line.number}) was "
                f"accepted but the journal {self.journal.path} did not record it; keep its id"
            )
        return entry, task

    async def _send(self, line: BatchLine, request: Request) -> Task:
        """Submit `request`, claiming its line in the journal first. The client records the
        creates; a request it sends without recording (answered at once: credits, a persona,
        SunoAPI.com's WAV...) is recorded here, as the client records a create, so that a
        re-run never sends the line again."""
        operation = None
        if not isinstance(request, MusicRequest):
            operation = _binding_operation(self.client.vendor, request)
        if operation is None or operation.phase == "create":
            return await self.client.submit(request)
        with recorded_create(
            self.client,
            operation.operation_id,
            describe(request, line.operation or ""),
            typed=request,
        ) as journaled:
            return journaled.accepted(await self.client.submit(request))

    def _claim(self, line: BatchLine) -> JournalEntry | None:
        return self.journal.line(self.batch, line.key)

    async def _follow(
        self,
        line: BatchLine,
        request: Request,
        entry: JournalEntry,
        *,
        resumed: bool,
        answer: Task | None,
    ) -> None:
        capability = getattr(request, "capability", None)

        def result(status: str, task: Task | None = None, **extra: Any) -> LineResult:
            shown = task if task is not None else entry.task
            if shown is not None and isinstance(capability, str):
                shown = attrs.evolve(shown, operation=capability)
            return LineResult(
                line.number,
                line.key,
                status,
                task=shown,
                journal_id=entry.id,
                resumed=resumed,
                **extra,
            )

        if entry.task_id is None:  # an intent whose answer never came (a crash, a lost answer)
            self._finish(
                line,
                result(
                    "unknown",
                    error=f"journal entry {entry.id} may have been accepted: check your "
                    f"{entry.vendor} account, then sunokit tasks --adopt {entry.id} TASK_ID, "
                    f"or --abandon {entry.id} to send it again",
                ),
            )
            return
        if entry.state == "failed":
            self._finish(line, result("failed", error=_failure(entry.task)))
            return
        if not entry.task_id:  # answered at once: nothing to wait for, nothing to download
            self._finish(line, result("succeeded", task=answer))
            return
        # The job as the client polls it: by its capability, so that its result is typed.
        job: Task | str = entry.task_id
        if isinstance(capability, str):
            job = Task(entry.vendor, entry.task_id, "queued", operation=capability)
        music = not isinstance(capability, str)
        if entry.state == "succeeded" and music and (self.out is None or entry.files):
            self._finish(line, result("succeeded", files=entry.files))
            return
        if entry.state == "succeeded" and not music:
            try:  # once: the typed result (and the media it names) the journal does not keep
                fetched = await self.client.get(job)
            except (APIError, UnsupportedRequestError) as error:
                # Finished and paid for: report it as the journal knows it, and say so.
                note = f"finished earlier; its result could not be read again ({error})"
                self._finish(line, result("succeeded", files=entry.files, error=note))
                return
            await self._saved(line, entry, fetched, resumed=resumed, result=result)
            return
        try:
            if entry.state == "succeeded" and entry.task is not None:
                task = entry.task
            else:
                task = await self.client.wait(
                    job,
                    until=self.until,
                    timeout=self.timeout,
                    on_update=lambda task: self._emit(BatchEvent("state", line, task=task)),
                )
        except TaskFailedError as error:
            self._finish(line, result("failed", task=error.task, error=str(error)))
            return
        except WaitTimeoutError as error:
            self._finish(line, result("timed_out", task=error.task, error=str(error)))
            return
        except (APIError, UnsupportedRequestError) as error:
            self._finish(line, result("error", error=str(error)))
            return
        await self._saved(line, entry, task, resumed=resumed, result=result)

    async def _saved(
        self,
        line: BatchLine,
        entry: JournalEntry,
        task: Task,
        *,
        resumed: bool,
        result: Callable[..., LineResult],
    ) -> None:
        """Finish a line whose task succeeded: its files saved (once), then reported."""
        files = entry.files
        if self.out is not None and not (files and resumed):
            try:
                files = await self._save(task)
            except DownloadError as error:
                self._finish(line, result("download_failed", task=task, error=str(error)))
                return
            self.journal.record_files(entry.id, files)
        self._finish(line, result("succeeded", task=task, files=files))

    async def _save(self, task: Task) -> dict[str, str | None]:
        """The task's files in `out`, as `sunokit run` saves them: {file id: path or None}."""
        assert self.out is not None
        if task.tracks:  # a song: every track, None for one not ready (until="first")
            saved = await adownload(task, self.out, http_client=self.http, overwrite=self.overwrite)
            return {t.id: str(saved[t.id]) if t.id in saved else None for t in task.tracks}
        found = await asave_files(task, self.out, http_client=self.http, overwrite=self.overwrite)
        return {name: str(path) if path is not None else None for name, path in found.items()}


def _binding_operation(vendor: str, request: Any) -> SpecOperation:
    """The spec operation that serves a typed request on `vendor` (its binding's choice)."""
    for binding in bindings(vendor):
        if binding.request is type(request):
            return spec_operation(vendor, binding.operation_for(request))
    raise UnsupportedRequestError(f"{vendor} does not offer {type(request).__name__}")


def _offered(line: BatchLine, client: AsyncSunoClient) -> BatchLine:
    """The line, invalid when the client's vendor does not offer its operation."""
    if line.request is None or line.problem is not None:
        return line
    problem = unsupported(client, line.request)
    return line if problem is None else attrs.evolve(line, problem=problem)


def unsupported(client: AsyncSunoClient, request: Request) -> str | None:
    """Why `client`'s vendor cannot take `request` (naming the vendors that can), or None."""
    kind = type(request)
    if client.supports(kind):
        return None
    name = kebab(kind.__name__)
    what = getattr(kind, "capability", None) or f"the {getattr(kind, 'mode', name)} mode"
    others = [vendor for vendor in offering(kind) if vendor != client.vendor]
    if len(others) < len(offering(kind)):  # bound, but an extension the client did not opt in to
        return (
            f"operation {name!r}: {client.vendor} offers {what} only as a gateway extension: "
            "opt in with --extension GATEWAY (extensions=... on the client)"
        )
    return (
        f"operation {name!r}: {client.vendor} does not offer {what}; vendors that do: "
        f"{', '.join(others) or 'none yet'}"
    )


def _failure(task: Task | None) -> str | None:
    if task is None or task.error is None:
        return None
    return task.error.message


def _batch_name(source: object, batch: str | None) -> str:
    if batch is not None:
        if not isinstance(batch, str) or not batch:
            raise ConfigurationError("batch must be a non-empty string")
        return batch
    if isinstance(source, (str, os.PathLike)):
        return str(Path(source).resolve())
    raise ConfigurationError(
        "name the batch (batch='...') when its lines are not read from a file: a re-run "
        "finds its lines in the journal by that name"
    )


def _check_concurrency(concurrency: object) -> int:
    if (
        isinstance(concurrency, bool)
        or not isinstance(concurrency, int)
        or not 1 <= concurrency <= MAX_CONCURRENCY
    ):
        raise ConfigurationError(
            f"concurrency must be an integer from 1 to {MAX_CONCURRENCY}, not {concurrency!r}"
        )
    return concurrency


async def arun_batch(
    client: AsyncSunoClient,
    lines: str | os.PathLike[str] | Iterable[Any],
    *,
    batch: str | None = None,
    out: str | os.PathLike[str] | None = None,
    concurrency: int = DEFAULT_CONCURRENCY,
    until: Until = "complete",
    timeout: float = DEFAULT_WAIT_TIMEOUT,
    overwrite: bool = False,
    http_client: httpx.AsyncClient | None = None,
    on_event: Callable[[BatchEvent], object] | None = None,
) -> BatchReport:
    """Run every line of a batch (a JSONL file, or an iterable of mappings / BatchLines) on
    `client`, at most `concurrency` at once, and save the tracks into `out` (None: no files).

    The client needs a journal (`journal=`): the batch is resumable through it. `batch` names
    the lines in the journal (default: the file's absolute path). Lines never accepted are
    submitted, accepted ones awaited, finished ones reported as they are (see the module
    docstring). Cancelled (Ctrl-C), it stops: what was accepted stays in the journal.
    """
    journal = client.journal
    if journal is None:
        raise ConfigurationError(
            "a batch needs a journal to be resumable: create the client with journal=..."
        )
    name = _batch_name(lines, batch)
    workers = _check_concurrency(concurrency)
    check_wait_options(until=until, timeout=timeout)
    items = read_batch(lines) if isinstance(lines, (str, os.PathLike)) else list(lines)
    parsed = items if all(isinstance(item, BatchLine) for item in items) else read_batch(items)
    parsed = [_offered(line, client) for line in parsed]  # before anything is sent
    folder = Path(out) if out is not None else None
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ConfigurationError(f"cannot use {folder}: {error.strerror or error}") from None
    started = time.monotonic()
    async with contextlib.AsyncExitStack() as stack:
        http = http_client
        if http is None:
            http = await stack.enter_async_context(
                httpx.AsyncClient(timeout=DOWNLOAD_TIMEOUT, follow_redirects=True)
            )
        run = _Run(
            client,
            journal,
            name,
            out=folder,
            until=until,
            timeout=timeout,
            overwrite=overwrite,
            http=http,
            on_event=on_event,
        )
        queue: collections.deque[BatchLine] = collections.deque(parsed)

        async def worker() -> None:
            while queue:  # bounded: each pass takes one line off a finite queue
                await run.run_line(queue.popleft())

        await asyncio.gather(*(worker() for _ in range(min(workers, len(parsed)) or 1)))
    results = tuple(
        run.results.get(line.number, LineResult(line.number, line.key, "interrupted"))
        for line in parsed
    )
    return BatchReport(results, time.monotonic() - started, run.submitted)


def run_batch(
    vendor: str,
    lines: str | os.PathLike[str] | Iterable[Any],
    *,
    journal: JournalOption,
    batch: str | None = None,
    out: str | os.PathLike[str] | None = None,
    concurrency: int = DEFAULT_CONCURRENCY,
    until: Until = "complete",
    timeout: float = DEFAULT_WAIT_TIMEOUT,
    overwrite: bool = False,
    on_event: Callable[[BatchEvent], object] | None = None,
    **client_options: Any,
) -> BatchReport:
    """`arun_batch` on a new AsyncSunoClient for `vendor` (`client_options`: api_key,
    base_url, callback_url, ...), from synchronous code. `journal` is required."""
    if journal is None:
        raise ConfigurationError("a batch needs a journal to be resumable: pass journal=...")

    async def main() -> BatchReport:
        async with AsyncSunoClient(vendor, journal=journal, **client_options) as client:
            return await arun_batch(
                client,
                lines,
                batch=batch,
                out=out,
                concurrency=concurrency,
                until=until,
                timeout=timeout,
                overwrite=overwrite,
                on_event=on_event,
            )

    return asyncio.run(main())
