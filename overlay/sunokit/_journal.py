"""The task journal: what was paid for, kept on disk so that a crash or a redeploy loses nothing.

A client with `journal=` (a `Journal`, or a path / `sqlite:///` URL of a SQLite file) records
every create in one row, in this order:

    intent     written (and flushed to disk) before the request is sent
    accepted   right after the vendor's answer is parsed, before anything waits for it
    queued, running, text_ready, first_ready, succeeded, failed
               each state change a wait() observes; the last task JSON is kept
    refused    the vendor's own answer proved the create was not accepted (or it never left
               this machine): nothing was paid for, it may be sent again
    unknown    the create may have been accepted (no answer, an unreadable answer, a crash or
               a kill between the send and the answer): never sent again by sunokit
    abandoned  an unknown create the user checked and found not accepted (`abandon()`)

A row in `intent` whose process is gone is reported as `unknown`. `pending()` lists what is
paid for and not finished, and what may have been: accepted rows not yet succeeded or failed,
and unknown outcomes.

Each row keeps the vendor, the spec's operationId and capability (`submit_music`,
`music.generate`), the request as sent minus secrets (the API key is never part of it; a webhook
secret is masked) and its digest (sha256 of its canonical JSON), the task id and the last task
JSON, the batch line it belongs to (see `_batch`), the files saved and timestamps.

SQLite in WAL mode. Intents, acceptances, refusals, unknown outcomes and final states are
written with `synchronous=FULL`: on disk before the call returns. Intermediate states and file
lists are written with `synchronous=NORMAL` (a crash of the process keeps them; only a power
loss may undo the last few, and the vendor still knows them).
Several processes may share a journal (SQLite's locking, a busy timeout); a batch line is
claimed by one row at most (a unique index), so two runs of the same batch cannot both pay for
it. The schema is versioned (`PRAGMA user_version`); a newer one is refused, never rewritten.
"""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import json
import os
import socket
import sqlite3
import sys
import threading
import time
import warnings
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, Union

import attrs

from ._errors import APIConnectionError, APIError, ConfigurationError
from ._models import TASK_STATES, Task, TaskError, Track

__all__ = [
    "JOURNAL_ENV_VAR",
    "SCHEMA_VERSION",
    "Journal",
    "JournalEntry",
    "JournalOption",
    "default_journal_path",
    "open_journal",
    "request_digest",
]

#: The variable that names the CLI's journal file (instead of the user state directory).
JOURNAL_ENV_VAR = "SUNOKIT_JOURNAL"
SCHEMA_VERSION = 1
#: Seconds a write waits for another process's lock before it gives up.
DEFAULT_BUSY_TIMEOUT = 30.0
#: What replaces a secret (a webhook signing secret) in a recorded request.
MASKED = "[masked]"

#: Row states after which nothing more happens to a create.
FINISHED_STATES = frozenset({"succeeded", "failed", "refused", "abandoned"})
#: Row states that free a batch line for a new create: nothing was accepted.
NOT_ACCEPTED_STATES = frozenset({"refused", "abandoned"})
ROW_STATES = ("intent", "accepted", *TASK_STATES, "refused", "abandoned")

JournalOption = Union["Journal", str, os.PathLike[str], None]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    vendor      TEXT NOT NULL,
    operation   TEXT NOT NULL,
    capability  TEXT,
    request     TEXT NOT NULL,
    digest      TEXT NOT NULL,
    state       TEXT NOT NULL,
    task_id     TEXT,
    task        TEXT,
    error       TEXT,
    files       TEXT,
    batch       TEXT,
    line        TEXT,
    owner       TEXT NOT NULL,
    created_at  REAL NOT NULL,
    accepted_at REAL,
    updated_at  REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS entries_task ON entries (vendor, task_id);
CREATE INDEX IF NOT EXISTS entries_state ON entries (state);
CREATE UNIQUE INDEX IF NOT EXISTS entries_line ON entries (batch, line)
    WHERE batch IS NOT NULL AND state NOT IN ('refused', 'abandoned');
"""

# The batch line the current create belongs to (set by `_batch` around a submit; one per
# asyncio task or thread), so the intent row claims the line before anything is sent.
_line: contextvars.ContextVar[tuple[str, str] | None] = contextvars.ContextVar(
    "sunokit_journal_line", default=None
)


def _owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _owner_alive(owner: str) -> bool:
    """Whether the process that wrote an intent may still be sending it."""
    host, _, pid_text = owner.rpartition(":")
    if owner == _owner():
        return True
    if host != socket.gethostname() or not pid_text.isdigit() or sys.platform == "win32":
        return False  # cannot be told: reported as unknown, which is never resubmitted
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: it exists, under another user
        return True
    return True


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def request_digest(body: Mapping[str, Any]) -> str:
    """sha256 of the canonical JSON of a (masked) request body."""
    text = canonical_json(body).encode("utf-8", "surrogatepass")
    return hashlib.sha256(text).hexdigest()


def default_journal_path(environ: Mapping[str, str] | None = None) -> Path:
    """`$SUNOKIT_JOURNAL`, else `journal.sqlite3` in the user state directory: $XDG_STATE_HOME
    (default ~/.local/state) on Linux, ~/Library/Application Support on macOS, %LOCALAPPDATA%
    on Windows; each under `sunokit/`."""
    environ = os.environ if environ is None else environ
    chosen = environ.get(JOURNAL_ENV_VAR)
    if chosen:
        return Path(chosen).expanduser()
    home = Path(environ.get("HOME") or Path.home())
    if sys.platform == "win32":
        base = Path(environ.get("LOCALAPPDATA") or home / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        state = environ.get("XDG_STATE_HOME")
        base = Path(state) if state and Path(state).is_absolute() else home / ".local" / "state"
    return base / "sunokit" / "journal.sqlite3"


def _path_of(location: str | os.PathLike[str]) -> Path:
    if isinstance(location, str) and "://" in location:
        scheme, _, rest = location.partition("://")
        if scheme.lower() != "sqlite":
            raise ConfigurationError(
                f"journal URL scheme {scheme!r} is not supported: use a file path or "
                "sqlite:///path/to/journal.sqlite3"
            )
        if not rest.startswith("/") or rest == "/":
            raise ConfigurationError(
                f"journal URL {location!r} names no file: use sqlite:///path/to/journal.sqlite3"
            )
        # As SQLAlchemy spells it: sqlite:///relative.sqlite3, sqlite:////absolute.sqlite3
        return Path(rest[1:]).expanduser()
    if isinstance(location, str) and not location.strip():
        raise ConfigurationError("journal must name a file, not an empty string")
    return Path(location).expanduser()


def open_journal(option: object) -> Journal | None:
    """The journal a client option stands for: None (off), a Journal, or a path / URL."""
    if option is None or isinstance(option, Journal):
        return option
    if isinstance(option, (str, os.PathLike)):
        return Journal(option)
    raise ConfigurationError(
        f"journal must be a path, a sqlite:/// URL or a sunokit Journal, not {type(option).__name__}"
    )


def _task_from_dict(data: Any) -> Task | None:
    """The Task a stored `Task.to_dict()` stands for, or None when it is not one."""
    if not isinstance(data, Mapping):
        return None
    try:
        state = data["state"]
        if state not in TASK_STATES:
            state = "unknown"
        error = data.get("error")
        operation = data.get("operation")
        tracks = tuple(
            Track(**{key: value for key, value in track.items() if key in _TRACK_FIELDS})
            for track in data.get("tracks") or ()
            if isinstance(track, Mapping) and isinstance(track.get("id"), str)
        )
        return Task(
            vendor=str(data["vendor"]),
            task_id=str(data["task_id"]),
            state=state,
            vendor_state=data.get("vendor_state"),
            error=TaskError(
                code=error.get("code"), message=str(error.get("message")), kind=error.get("kind")
            )
            if isinstance(error, Mapping)
            else None,
            tracks=tracks,
            # the capability polls it through the right operation; the result comes back as
            # the JSON it was stored as (a re-run shows it without asking the vendor again)
            operation=operation if isinstance(operation, str) and operation else "music.generate",
            result=data.get("result"),
        )
    except (KeyError, TypeError, ValueError):
        return None


_TRACK_FIELDS = frozenset(attrs.fields_dict(Track))


def _loads(text: object) -> Any:
    if not isinstance(text, str):
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


def _iso(seconds: float | None) -> str | None:
    if seconds is None:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))


@attrs.frozen
class JournalEntry:
    """One create as the journal knows it (see the module docstring for `state`)."""

    id: int
    vendor: str
    operation: str
    capability: str | None
    state: str
    task_id: str | None
    request: Any
    digest: str
    task: Task | None
    error: str | None
    files: Mapping[str, str | None]
    batch: str | None
    line: str | None
    created_at: float
    accepted_at: float | None
    updated_at: float

    @property
    def pending(self) -> bool:
        """Paid for (or maybe paid for) and not finished."""
        return self.state not in FINISHED_STATES

    @property
    def outcome_unknown(self) -> bool:
        """The create may have been accepted, and no task id is known."""
        return self.state == "unknown" and self.task_id is None

    def describe(self) -> str:
        if self.outcome_unknown:
            return "unknown: may have been accepted"
        if self.state == "intent":
            return "sending"
        return self.state

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "vendor": self.vendor,
            "operation": self.operation,
            "capability": self.capability,
            "state": self.state,
            "description": self.describe(),
            "task_id": self.task_id,
            "request": self.request,
            "digest": self.digest,
            "task": self.task.to_dict() if self.task is not None else None,
            "error": self.error,
            "files": dict(self.files),
            "batch": self.batch,
            "line": self.line,
            "created_at": _iso(self.created_at),
            "accepted_at": _iso(self.accepted_at),
            "updated_at": _iso(self.updated_at),
        }


class Journal:
    """A task journal in one SQLite file (made with its folder when missing).

    Safe to share between threads of one process and between processes. `close()` (or a
    `with` block) ends its connection.
    """

    def __init__(
        self, path: str | os.PathLike[str], *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT
    ) -> None:
        self.path = _path_of(path)
        self._lock = threading.RLock()
        self._seen: dict[tuple[str, str], str] = {}
        self._owner = _owner()
        self._durable = True
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(
                self.path, timeout=busy_timeout, isolation_level=None, check_same_thread=False
            )
        except (OSError, sqlite3.Error) as error:
            raise ConfigurationError(f"cannot open the journal {self.path}: {error}") from None
        self._connection: sqlite3.Connection | None = connection
        try:
            self._prepare(connection)
        except sqlite3.Error as error:
            connection.close()
            self._connection = None
            raise ConfigurationError(
                f"cannot use {self.path} as a sunokit journal: {error}"
            ) from None
        except ConfigurationError:
            connection.close()
            self._connection = None
            raise

    def _prepare(self, connection: sqlite3.Connection) -> None:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise ConfigurationError(
                f"the journal {self.path} has schema version {version}, newer than this "
                f"sunokit knows ({SCHEMA_VERSION}): upgrade sunokit"
            )
        if version < SCHEMA_VERSION:
            connection.execute("BEGIN IMMEDIATE")
            try:
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        connection.execute(statement)
                connection.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise

    def __repr__(self) -> str:
        return f"Journal({str(self.path)!r})"

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ writing

    def _write(
        self, statement: str, parameters: tuple[Any, ...], *, durable: bool = True
    ) -> sqlite3.Cursor:
        """Run one statement in its own transaction. `durable`: on disk (fsync) when this
        returns; otherwise at the next durable write or checkpoint (a power loss may undo it,
        never a crash of this process)."""
        with self._lock:
            if self._connection is None:
                raise ConfigurationError(f"the journal {self.path} is closed")
            if durable != self._durable:
                mode = "FULL" if durable else "NORMAL"
                self._connection.execute(f"PRAGMA synchronous={mode}")
                self._durable = durable
            self._connection.execute("BEGIN IMMEDIATE")
            try:
                cursor = self._connection.execute(statement, parameters)
                self._connection.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    self._connection.execute("ROLLBACK")
                raise
            return cursor

    def intent(
        self,
        *,
        vendor: str,
        operation: str,
        capability: str | None,
        request: Mapping[str, Any],
        batch: str | None = None,
        line: str | None = None,
    ) -> int:
        """Record a create about to be sent (on disk when this returns); its entry id.

        `request` must already be free of secrets. A batch line that another row holds raises
        LineTaken; any other failure raises ConfigurationError: then nothing may be sent.
        """
        if (batch, line) == (None, None):
            labels = _line.get()
            if labels is not None:
                batch, line = labels
        now = time.time()
        try:
            cursor = self._write(
                "INSERT INTO entries (vendor, operation, capability, request, digest, state, "
                "batch, line, owner, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, 'intent', ?, ?, ?, ?, ?)",
                (
                    vendor,
                    operation,
                    capability,
                    canonical_json(request),
                    request_digest(request),
                    batch,
                    line,
                    self._owner,
                    now,
                    now,
                ),
            )
        except sqlite3.IntegrityError:
            raise LineTaken(
                f"batch line {line!r} is already claimed in the journal {self.path} "
                "(another run, or an earlier one, created it): nothing was sent"
            ) from None
        except (sqlite3.Error, ValueError) as error:
            raise ConfigurationError(
                f"cannot record the create in the journal {self.path} ({error}): nothing was sent"
            ) from None
        assert cursor.lastrowid is not None
        return int(cursor.lastrowid)

    def accepted(self, entry_id: int, task: Task) -> None:
        """Record the vendor's acceptance of an intent (on disk when this returns).

        A failure to write warns (RuntimeWarning) instead of raising: the task is paid for and
        its caller must get it. A create answered at once (its task already finished, often
        with no task id) is recorded in its final state: nothing is left to wait for."""
        now = time.time()
        state = task.state if task.state in ("succeeded", "failed") else "accepted"
        try:
            self._write(
                "UPDATE entries SET state=?, task_id=?, task=?, accepted_at=?, "
                "updated_at=? WHERE id=?",
                (state, task.task_id, canonical_json(task.to_dict()), now, now, entry_id),
            )
        except (sqlite3.Error, ConfigurationError, ValueError) as error:
            warnings.warn(
                f"{task.vendor} task {task.task_id} was accepted but could not be recorded in "
                f"the journal {self.path} ({error}); keep its id",
                RuntimeWarning,
                stacklevel=3,
            )
            return
        self._seen[(task.vendor, task.task_id)] = "accepted"

    def not_accepted(self, entry_id: int, *, refused: bool, error: str) -> None:
        """Record that the create was refused (nothing paid) or that its outcome is unknown."""
        with contextlib.suppress(sqlite3.Error, ConfigurationError):
            self._write(
                "UPDATE entries SET state=?, error=?, updated_at=? WHERE id=? AND state='intent'",
                ("refused" if refused else "unknown", error, time.time(), entry_id),
            )

    def observe(self, task: Task, *, mask: Callable[[Any], Any] | None = None) -> None:
        """Record the task a wait saw, when its state (or anything in it) changed. A task the
        journal does not hold is ignored; "unknown" (an unmapped vendor state) keeps the row's
        last known state."""
        data = task.to_dict()
        if mask is not None:
            data = mask(data)
        text = canonical_json(data)
        key = (task.vendor, task.task_id)
        if self._seen.get(key) == text:
            return
        state = task.state
        with contextlib.suppress(sqlite3.Error, ConfigurationError):
            self._write(
                "UPDATE entries SET state=CASE WHEN ?='unknown' THEN state ELSE ? END, task=?, "
                "updated_at=? WHERE vendor=? AND task_id=? AND state NOT IN ('refused', "
                "'abandoned')",
                (state, state, text, time.time(), task.vendor, task.task_id),
                durable=state in ("succeeded", "failed"),
            )
            self._seen[key] = text

    def record_files(self, entry_id: int, files: Mapping[str, str | None]) -> None:
        """Record the files saved for an entry's tracks (track id: path)."""
        with contextlib.suppress(sqlite3.Error, ConfigurationError):
            self._write(
                "UPDATE entries SET files=?, updated_at=? WHERE id=?",
                (canonical_json(dict(files)), time.time(), entry_id),
                durable=False,
            )

    def abandon(self, entry_id: int) -> JournalEntry:
        """Mark an entry of unknown outcome as not accepted (you checked with the vendor): a
        batch may then send its line again."""
        entry = self._resolvable(entry_id)
        self._write(
            "UPDATE entries SET state='abandoned', updated_at=? WHERE id=?",
            (time.time(), entry.id),
        )
        return self._require(entry_id)

    def adopt(self, entry_id: int, task_id: str) -> JournalEntry:
        """Give an entry of unknown outcome the task the vendor made of it (you found it)."""
        if not isinstance(task_id, str) or not task_id.strip() or not task_id.isprintable():
            raise ConfigurationError(f"{task_id!r} is not a task id")
        entry = self._resolvable(entry_id)
        now = time.time()
        task = Task(vendor=entry.vendor, task_id=task_id, state="queued")
        self._write(
            "UPDATE entries SET state='accepted', task_id=?, task=?, accepted_at=?, "
            "updated_at=? WHERE id=?",
            (task_id, canonical_json(task.to_dict()), now, now, entry.id),
        )
        return self._require(entry_id)

    def _require(self, entry_id: int) -> JournalEntry:
        entry = self.entry(entry_id)
        if entry is None:
            raise ConfigurationError(f"the journal {self.path} has no entry {entry_id}")
        return entry

    def _resolvable(self, entry_id: int) -> JournalEntry:
        entry = self._require(entry_id)
        if not entry.outcome_unknown:
            raise ConfigurationError(
                f"journal entry {entry_id} is {entry.describe()}, not of unknown outcome: "
                "only those can be abandoned or adopted"
            )
        return entry

    # ------------------------------------------------------------------ reading

    def _rows(self, where: str, parameters: tuple[Any, ...]) -> list[JournalEntry]:
        with self._lock:
            if self._connection is None:
                raise ConfigurationError(f"the journal {self.path} is closed")
            try:
                rows = self._connection.execute(
                    "SELECT id, vendor, operation, capability, state, task_id, request, digest, "
                    "task, error, files, batch, line, owner, created_at, accepted_at, updated_at "
                    f"FROM entries {where} ORDER BY id",
                    parameters,
                ).fetchall()
            except sqlite3.Error as error:
                raise ConfigurationError(f"cannot read the journal {self.path}: {error}") from None
        return [self._entry(row) for row in rows]

    @staticmethod
    def _entry(row: tuple[Any, ...]) -> JournalEntry:
        (id_, vendor, operation, capability, state, task_id, request, digest, task, error) = row[
            :10
        ]
        files, batch, line, owner, created_at, accepted_at, updated_at = row[10:]
        if state == "intent" and not _owner_alive(str(owner)):
            state = "unknown"  # its process is gone: it may have been sent and accepted
        stored_files = _loads(files)
        return JournalEntry(
            id=int(id_),
            vendor=str(vendor),
            operation=str(operation),
            capability=capability,
            state=str(state),
            task_id=task_id,
            request=_loads(request),
            digest=str(digest),
            task=_task_from_dict(_loads(task)),
            error=error,
            files=stored_files if isinstance(stored_files, dict) else {},
            batch=batch,
            line=line,
            created_at=float(created_at),
            accepted_at=float(accepted_at) if accepted_at is not None else None,
            updated_at=float(updated_at),
        )

    def entries(self, *, vendor: str | None = None, pending: bool = False) -> list[JournalEntry]:
        """Every entry (oldest first), or only `vendor`'s, or only the pending ones."""
        where, parameters = ("WHERE vendor=?", (vendor,)) if vendor is not None else ("", ())
        found = self._rows(where, parameters)
        return [entry for entry in found if entry.pending] if pending else found

    def pending(self, vendor: str | None = None) -> list[JournalEntry]:
        """What is paid for and not finished, and creates that may have been accepted."""
        return self.entries(vendor=vendor, pending=True)

    def entry(self, entry_id: int) -> JournalEntry | None:
        found = self._rows("WHERE id=?", (entry_id,))
        return found[0] if found else None

    def find(self, task_id: str, vendor: str | None = None) -> list[JournalEntry]:
        """The entries of the task `task_id` (of `vendor`, or of any vendor), oldest first."""
        if vendor is None:
            return self._rows("WHERE task_id=?", (task_id,))
        return self._rows("WHERE vendor=? AND task_id=?", (vendor, task_id))

    def line(self, batch: str, line: str) -> JournalEntry | None:
        """The entry that holds a batch line (a create accepted, under way or of unknown
        outcome), or None when the line is free: never sent, or refused."""
        found = self._rows(
            "WHERE batch=? AND line=? AND state NOT IN ('refused', 'abandoned')", (batch, line)
        )
        return found[-1] if found else None

    def lines(self, batch: str) -> dict[str, JournalEntry]:
        """Every line of a batch that an entry holds: {line: entry}."""
        found = self._rows("WHERE batch=? AND state NOT IN ('refused', 'abandoned')", (batch,))
        return {entry.line: entry for entry in found if entry.line is not None}


class LineTaken(ConfigurationError):
    """A batch line is already held by another journal entry: the create was not sent."""


@contextlib.contextmanager
def for_line(batch: str, line: str) -> Iterator[None]:
    """Creates made inside claim `line` of `batch` in the journal (see `Journal.intent`)."""
    token = _line.set((batch, line))
    try:
        yield
    finally:
        _line.reset(token)


class Submission:
    """One create between its intent and its answer; `accepted(task)` records the answer."""

    def __init__(self, journal: Journal | None, entry_id: int | None) -> None:
        self._journal = journal
        self._entry_id = entry_id
        self.done = False

    def accepted(self, task: Task) -> Task:
        self.done = True
        if self._journal is not None and self._entry_id is not None:
            self._journal.accepted(self._entry_id, task)
        return task


def _proves_not_accepted(error: BaseException, refused: Callable[[APIError], bool]) -> bool:
    if isinstance(error, APIConnectionError) and not error.request_sent:
        return True
    return isinstance(error, APIError) and refused(error)


@contextlib.contextmanager
def submission(
    journal: Journal | None,
    *,
    vendor: str,
    operation: str,
    capability: str | None,
    request: Mapping[str, Any],
    refused: Callable[[APIError], bool],
    mask: Callable[[str], str],
) -> Iterator[Submission]:
    """Record a create around its send: the intent before, then acceptance, refusal or an
    unknown outcome. Without a journal, nothing is recorded."""
    if journal is None:
        yield Submission(None, None)
        return
    entry_id = journal.intent(
        vendor=vendor, operation=operation, capability=capability, request=request
    )
    current = Submission(journal, entry_id)
    try:
        yield current
    except BaseException as error:
        if not current.done:
            journal.not_accepted(
                entry_id,
                refused=_proves_not_accepted(error, refused),
                error=mask(str(error) or type(error).__name__),
            )
        raise
