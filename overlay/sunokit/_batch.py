"""Batches: many requests, bounded concurrency, resumable from the task journal.

A batch is a sequence of lines, each one request (a JSON object, as in a `.jsonl` file):

    {"id": "rain-1", "prompt": "a calm piano tune about rain"}
    {"lyrics": "[Verse]\\nLa la", "style": "pop", "title": "La"}
    {"instrumental": true, "style": "ambient", "title": "Drift"}
    {"extend": "CLIP_ID", "at": 60, "model": "V4"}

The fields are those of `sunokit generate` (`prompt`, `inspiration`, `lyrics` (the text),
`instrumental`, `extend` with `at` and `task_id`, `style`, `title`, `model`, `callback_url`,
`negative_tags`, `vocal_gender`, `style_weight`, `weirdness`, `audio_weight`, `persona_id`);
an unknown field makes the line invalid (never sent). `id` is yours: the line's name in the
journal and in the results. A line without one is named by the digest of its JSON (the n-th
copy of the same line gets `#n`): editing such a line makes it a new line.

Each line is billed at most once. Its create claims the line in the journal (`Journal.intent`)
before it is sent, so a batch run again after a crash, a kill or Ctrl-C:

- skips the lines that finished (succeeded or failed: a failed task is not retried; give the
  line a new id to try again);
- resumes waiting for the lines the vendor accepted;
- submits only the lines never accepted (never sent, or refused in the vendor's own words);
- reports a line whose create may have been accepted (the answer was lost) as `unknown`, never
  sends it again: check your account, then `sunokit tasks --adopt ID TASK_ID` (the vendor made
  that task) or `--abandon ID` (it did not: the next run sends the line).

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
from ._client import AsyncSunoClient
from ._downloads import DOWNLOAD_TIMEOUT, DownloadError, adownload
from ._errors import (
    APIError,
    ClientValidationError,
    ConfigurationError,
    TaskFailedError,
    UnsupportedRequestError,
    WaitTimeoutError,
)
from ._journal import Journal, JournalEntry, JournalOption, LineTaken, canonical_json, for_line
from ._models import Task
from ._requests import (
    CustomLyrics,
    Description,
    Extend,
    Inspiration,
    Instrumental,
    MusicRequest,
    Tuning,
)
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
    "succeeded",  # the task succeeded (and its tracks were saved, with `out`)
    "failed",  # the task reached the vendor's failure state: not retried
    "refused",  # the vendor refused the create in its own words: nothing paid, a re-run sends it
    "unknown",  # the create may have been accepted: check, then adopt or abandon (see above)
    "invalid",  # the line is no valid request: nothing sent
    "timed_out",  # accepted, still unfinished at the timeout: a re-run resumes it
    "error",  # accepted, then the vendor or the network failed: a re-run resumes it
    "download_failed",  # succeeded, a track could not be saved: a re-run saves it
    "busy",  # another run holds the line
    "interrupted",  # the run ended before the line did: a re-run carries on
]
#: Statuses after which a re-run has nothing left to do for the line.
FINAL_STATUSES = frozenset({"succeeded", "failed"})

_MODES = ("prompt", "inspiration", "lyrics", "extend")
_TUNING = (
    "negative_tags",
    "vocal_gender",
    "style_weight",
    "weirdness",
    "audio_weight",
    "persona_id",
)
_FIELDS = frozenset(
    {
        "id",
        *_MODES,
        "instrumental",
        "at",
        "task_id",
        "style",
        "title",
        "model",
        "callback_url",
        *_TUNING,
    }
)


def _invalid(message: str, field: str = "") -> ClientValidationError:
    from ._validation import Violation

    return ClientValidationError("batch line", [Violation(field, "line", message, "line")])


def request_from_line(fields: Mapping[str, Any]) -> MusicRequest:
    """The request a batch line stands for, chosen as `sunokit generate` chooses its mode.

    Raises ClientValidationError naming the field for a line that is no valid request."""
    unknown = sorted(str(key) for key in fields if key not in _FIELDS)
    if unknown:
        raise _invalid(
            f"unknown field {unknown[0]!r} (fields: {', '.join(sorted(_FIELDS))})", unknown[0]
        )
    tuning = Tuning(**{name: fields[name] for name in _TUNING if fields.get(name) is not None})
    common: dict[str, Any] = {
        "model": fields.get("model"),
        "callback_url": fields.get("callback_url"),
        "tuning": tuning,
    }
    instrumental = fields.get("instrumental", False)
    chosen = [name for name in _MODES if fields.get(name) is not None]
    if "extend" in chosen and "lyrics" in chosen:
        chosen.remove("lyrics")  # new lyrics for the continuation
    if instrumental is True and not chosen:
        chosen = ["instrumental"]
    if len(chosen) != 1:
        raise _invalid(
            "choose exactly one mode: prompt, inspiration, lyrics, instrumental or extend"
        )
    mode = chosen[0]
    if mode == "prompt":
        return Description(fields["prompt"], instrumental=instrumental, **common)
    if mode == "inspiration":
        return Inspiration(fields["inspiration"], instrumental=instrumental, **common)
    if mode == "extend":
        return Extend(
            fields["extend"],
            at=fields.get("at"),
            lyrics=fields.get("lyrics"),
            style=fields.get("style"),
            title=fields.get("title"),
            instrumental=instrumental,
            task_id=fields.get("task_id"),
            **common,
        )
    style, title = fields.get("style"), fields.get("title")
    if style is None or title is None:
        raise _invalid(f"{mode} needs style and title", "style" if style is None else "title")
    if mode == "lyrics":
        return CustomLyrics(fields["lyrics"], style, title, **common)
    return Instrumental(style, title, **common)


@attrs.frozen
class BatchLine:
    """One line of a batch: its number (from 1), its name (`key`), its request or what is
    wrong with it."""

    number: int
    key: str
    request: MusicRequest | None
    problem: str | None = None
    fields: Mapping[str, Any] | None = attrs.field(default=None, repr=False)


def _checked_id(value: object) -> str:
    if not isinstance(value, str) or not 1 <= len(value) <= 200 or not value.isprintable():
        raise _invalid("id must be a string of 1-200 printable characters", "id")
    return value


def read_batch(source: str | os.PathLike[str] | Iterable[Any]) -> list[BatchLine]:
    """The lines of a JSONL file (blank lines skipped), or of an iterable of mappings (or JSON
    texts). A line that is no valid request is kept with its `problem`, never raised: the other
    lines still run."""
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
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
        lines.append(_line(number, item, keys, copies))
    return lines


def _line(number: int, item: Any, keys: set[str], copies: collections.Counter[str]) -> BatchLine:
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
        request = request_from_line(fields)
    except (ClientValidationError, UnsupportedRequestError, TypeError, ValueError) as error:
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

    @property
    def task_id(self) -> str | None:
        return self.task.task_id if self.task is not None else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "id": self.key,
            "status": self.status,
            "task_id": self.task_id,
            "state": self.task.state if self.task is not None else None,
            "files": dict(self.files),
            "error": self.error,
            "journal_id": self.journal_id,
            "resumed": self.resumed,
            "task": self.task.to_dict() if self.task is not None else None,
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
        self.pacer = _Pacer(_specs.operation(client.vendor, "submit").rate_limit)
        self.results: dict[int, LineResult] = {}
        self.submitted = 0

    def _emit(self, event: BatchEvent) -> None:
        if self.on_event is not None:
            self.on_event(event)

    def _finish(self, line: BatchLine, result: LineResult) -> None:
        self.results[line.number] = result
        self._emit(BatchEvent("finished", line, task=result.task, result=result))

    async def run_line(self, line: BatchLine) -> None:
        if line.request is None:  # never sent; its name may even be another line's
            self._finish(line, LineResult(line.number, line.key, "invalid", error=line.problem))
            return
        entry = self.journal.line(self.batch, line.key)
        if entry is None:
            entry = await self._submit(line, line.request)
            if entry is None:
                return
            resumed = False
        else:
            resumed = True
        await self._follow(line, entry, resumed=resumed)

    async def _submit(self, line: BatchLine, request: MusicRequest) -> JournalEntry | None:
        pause = self.pacer.reserve()
        if pause > 0:
            await asyncio.sleep(pause)
        try:
            with for_line(self.batch, line.key):
                task = await self.client.submit(request)
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
        return entry

    def _claim(self, line: BatchLine) -> JournalEntry | None:
        return self.journal.line(self.batch, line.key)

    async def _follow(self, line: BatchLine, entry: JournalEntry, *, resumed: bool) -> None:
        def result(status: str, task: Task | None = None, **extra: Any) -> LineResult:
            return LineResult(
                line.number,
                line.key,
                status,
                task=task if task is not None else entry.task,
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
        if entry.state == "succeeded" and (self.out is None or entry.files):
            self._finish(line, result("succeeded", files=entry.files))
            return
        try:
            if entry.state == "succeeded" and entry.task is not None:
                task = entry.task
            else:
                task = await self.client.wait(
                    entry.task_id,
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
        except APIError as error:
            self._finish(line, result("error", error=str(error)))
            return
        files: dict[str, str | None] = {}
        if self.out is not None:
            try:
                saved = await adownload(
                    task, self.out, http_client=self.http, overwrite=self.overwrite
                )
            except DownloadError as error:
                self._finish(line, result("download_failed", task=task, error=str(error)))
                return
            files = {
                track.id: str(saved[track.id]) if track.id in saved else None
                for track in task.tracks
            }
            self.journal.record_files(entry.id, files)
        self._finish(line, result("succeeded", task=task, files=files))


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
