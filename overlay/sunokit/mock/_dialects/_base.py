"""What every dialect shares: the answer record, the error envelope, state lookups, helpers.

Which code means what and which state value stands for which stage are read from the spec
(`_spec`); a dialect module writes only its vendor's shapes, as the spec's examples show them.
"""

from __future__ import annotations

import abc
import dataclasses
import datetime
import math
import uuid
from collections.abc import Callable, Mapping, Sequence
from typing import Any, ClassVar, Protocol

from ... import _specs
from .. import _spec
from .._tasks import STAGE_STATES, MockFile, MockTask, MockTrack, Stage

__all__ = [
    "FALLBACK_TEXT",
    "Answer",
    "Dialect",
    "Refusal",
    "Renderer",
    "Store",
    "iso",
    "media_url",
    "plain_time",
    "seconds",
    "text",
]

FALLBACK_TEXT = {
    "authentication": "Invalid API key",
    "insufficient_credits": "Insufficient credits",
    "invalid_request": "Invalid request",
    "not_found": "Not found",
    "rate_limited": "Too many requests",
    "maintenance": "The system is under maintenance, please try again later",
    "server_error": "Internal server error",
    "content_rejected": "The prompt contains sensitive words.",
    "conflict": "Conflict",
}

# Per-clip neutral state at each stage: the first clip finishes first.
_CLIP_STATES: dict[str, tuple[str, str]] = {  # stage -> (first clip, other clips)
    "queued": ("queued", "queued"),
    "text": ("running", "running"),
    "first": ("succeeded", "running"),
    "complete": ("succeeded", "succeeded"),
    "failed": ("failed", "failed"),
}


@dataclasses.dataclass
class Answer:
    """One answer before rendering: HTTP status, JSON body, extra headers."""

    status: int
    body: Any
    headers: dict[str, str] = dataclasses.field(default_factory=dict)
    kind: str | None = None  # the error kind, None for a success
    task_status: bool = False  # carries task states (the unknown_status fault applies)
    renderer: Renderer | None = None  # the capability renderer that made it, if any


def media_url(task: MockTask, track: MockTrack, extension: str) -> str:
    return f"{task.base_url}__mock__/media/{track.id}.{extension}"


def iso(wall: float) -> str:
    moment = datetime.datetime.fromtimestamp(wall, tz=datetime.timezone.utc)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def plain_time(wall: float) -> str:
    moment = datetime.datetime.fromtimestamp(wall, tz=datetime.timezone.utc)
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def text(value: object) -> str | None:
    return value if isinstance(value, str) and value != "" else None


def seconds(value: float) -> str:
    """A duration as the numeric string some vendors send ("3", "3.5")."""
    return f"{value:g}"


class Dialect(abc.ABC):
    vendor: str
    message_key: ClassVar[str] = "message"
    state_schema: ClassVar[str | None] = None  # task-level state enum
    clip_schema: ClassVar[str | None] = None  # clip-level state enum
    staged_callbacks: ClassVar[bool] = False  # a callback per stage, else only at the end
    title_field: ClassVar[str] = "title"
    tags_field: ClassVar[str] = "tags"
    model_field: ClassVar[str] = "model"

    def __init__(self, vendor: str) -> None:
        self.vendor = vendor
        # The envelope's success code, from the spec's code enum (the value it gives no error kind).
        self.ok: Any = _specs.success_codes(vendor, _spec.CODE_SCHEMA)[0]

    # ------------------------------------------------------------------ ids and content

    def new_task_id(self, seed: uuid.UUID) -> str:
        return str(seed)

    def new_track_id(self, seed: uuid.UUID) -> str:
        return str(seed)

    def lyrics(self, task: MockTask) -> str | None:
        return text(task.body.get("prompt")) or text(task.body.get("gpt_description_prompt"))

    def title(self, task: MockTask) -> str:
        return text(task.body.get(self.title_field)) or "sunokit mock song"

    def tags(self, task: MockTask) -> str | None:
        return text(task.body.get(self.tags_field))

    def model(self, task: MockTask) -> str:
        given = text(task.body.get(self.model_field))
        if given:
            return given
        default = _spec.request_default(self.vendor, "submit", self.model_field)
        return str(default) if default else "mock"

    # ------------------------------------------------------------------ states

    def task_state(self, stage: Stage, task: MockTask) -> str:
        assert self.state_schema is not None
        if stage == "failed":
            kind = "content_rejected" if task.failure == "sensitive" else None
            return _spec.failure_state(self.vendor, self.state_schema, kind)
        return _spec.state_for(self.vendor, self.state_schema, STAGE_STATES[stage])

    def clip_states(self, stage: Stage, count: int) -> list[str]:
        assert self.clip_schema is not None
        first, others = _CLIP_STATES[stage]
        return [
            _spec.state_for(self.vendor, self.clip_schema, (first if index == 0 else others,))
            for index in range(count)
        ]

    @staticmethod
    def clip_done(stage: Stage, index: int) -> bool:
        return stage == "complete" or (stage == "first" and index == 0)

    # ------------------------------------------------------------------ errors

    def envelope(self, code: int | str, message: str) -> dict[str, Any]:
        return {"code": code, self.message_key: message}

    def http_status(self, code: int | str, kind: str) -> int:
        """The HTTP status of an error answer carrying `code` (the envelope on HTTP 200)."""
        return 200

    def error(
        self,
        kind: str,
        message: str | None = None,
        *,
        status: int | None = None,
        refined: bool = True,
        schema: str = _spec.CODE_SCHEMA,
    ) -> Answer:
        """The vendor's answer for an error of `kind` (a code from x-sunokit-error-kinds of the
        code table `schema`: the vendor's main one unless an operation's page documents its
        own; `refined`: a code that means `kind` only with certain messages may be used).

        A kind the vendor documents no code for (maintenance at sunoapi_com and sunosay) is
        answered as the vendor's documented server error: the server_error code, its message,
        on the HTTP status the vendor uses for that code - never a code/status pair the spec
        does not describe (e.g. HTTP 503 carrying code 500 where code equals the status).
        """
        code = _spec.code_for(self.vendor, kind, schema, refined=refined)
        if code is None and kind != "server_error":
            return self.error("server_error", message, status=status, schema=schema)
        if code is None:  # not even a server error code: a bare 500 in the envelope
            code = 500
        text = message or _spec.message_for(
            self.vendor,
            code,
            kind,
            key=self.message_key,
            fallback=FALLBACK_TEXT.get(kind, kind),
            schema=schema,
        )
        http = status or self.http_status(code, kind)
        return Answer(http, self.envelope(code, text), kind=kind)

    def server_error(self, status: int) -> Answer:
        return self.error("server_error", status=status)

    def unknown_path(self, method: str, path: str) -> Answer:
        return self.error(
            "not_found",
            f"Invalid request method or path: {method} {path}",
            status=404,
            refined=False,
        )

    def method_not_allowed(self, method: str, path: str, allow: str) -> Answer:
        answer = self.error(
            "not_found",
            f"Invalid request method or path: {method} {path} (allowed: {allow})",
            status=405,
            refined=False,
        )
        answer.headers["Allow"] = allow
        return answer

    # ------------------------------------------------------------------ successes

    def refuse_submit(self, store: Store, operation_id: str, body: Any) -> Refusal | None:
        """Why a valid music-family create is refused before it is billed (an unknown clip or
        task to continue, as the vendor documents it); None: accepted."""
        return None

    def track_durations(
        self, operation_id: str, body: Any, durations: Sequence[float]
    ) -> Sequence[float]:
        """The durations of the tracks a music-family create makes (one per track)."""
        return durations

    @abc.abstractmethod
    def submitted(self, task: MockTask) -> Answer: ...

    @abc.abstractmethod
    def task_status(self, task: MockTask, stage: Stage) -> Answer: ...

    def task_list(self, tasks: list[tuple[MockTask, Stage]]) -> Answer:
        raise NotImplementedError

    def credits(self, remaining: int | None) -> Answer:
        raise NotImplementedError

    def create_cost(self, operation_id: str, body: Any) -> int:
        """Credits a music-family create costs on this vendor's mock (1 where the vendor's
        documents give no price the mock follows)."""
        return 1

    def renderer(self, capability: str) -> Renderer | None:
        """The renderer of a capability (x-sunokit-operation of a create or call) that this
        dialect speaks with a lifecycle of its own; None: answered from the spec's examples."""
        return None

    def task_callback_stages(self, task: MockTask, reached: list[Stage]) -> list[Stage]:
        renderer = self.renderer(task.capability) if task.capability else None
        if renderer is not None:
            return renderer.callback_stages(reached)
        return self.callback_stages(reached)

    def task_callback_body(self, task: MockTask, stage: Stage) -> Any:
        renderer = self.renderer(task.capability) if task.capability else None
        if renderer is not None:
            return renderer.callback_body(task, stage)
        return self.callback_body(task, stage)

    def callback_stages(self, reached: list[Stage]) -> list[Stage]:
        """The reached stages that are announced by a callback."""
        if self.staged_callbacks:
            return [stage for stage in reached if stage != "queued"]
        return [stage for stage in reached if stage in ("complete", "failed")]

    def callback_body(self, task: MockTask, stage: Stage) -> Any:
        raise NotImplementedError

    @abc.abstractmethod
    def set_unknown_status(self, body: Any, value: str) -> None:
        """Replace the task state(s) in a status body with `value`."""


# ---------------------------------------------------------------------------- capabilities


class Store(Protocol):
    """What a renderer may ask the mock: the tasks and tracks it knows, its credits, and a place
    for the result files it serves under /__mock__/media/."""

    credits: int | None

    def find_task(self, task_id: str) -> MockTask | None: ...

    def find_track(self, track_id: str) -> tuple[MockTask, MockTrack] | None: ...

    def stage(self, task: MockTask) -> Stage: ...

    def file_bytes(self, url: str) -> bytes | None:
        """The bytes of a file this mock serves at `url`, else None."""
        ...

    def add_file(self, task: MockTask | None, role: str, file: MockFile) -> str:
        """Serve `file`; its absolute URL (for the task's `files[role]` when a task is given)."""
        ...

    def claim(self, key: tuple[str, ...]) -> str | None:
        """The id that claimed `key` before (a WAV of this track exists), else None."""
        ...

    def set_claim(self, key: tuple[str, ...], owner: str) -> None: ...


@dataclasses.dataclass(frozen=True)
class Refusal:
    """A create refused before it is billed: the error kind and the vendor's message, or a
    whole answer when the vendor documents a special one (a repeated cover answers its id)."""

    kind: str
    message: str
    answer: Answer | None = None


class Renderer:
    """One capability (x-sunokit-operation) of one dialect: what its create refuses and costs,
    the files its tasks make, and its status, callback and immediate answers on the wire.

    `dialect` gives the vendor and the envelope; states come from the spec's enums through
    `state`, codes from the tables through `dialect.error`.
    """

    capability: ClassVar[str]

    def __init__(self, dialect: Dialect) -> None:
        self.dialect = dialect
        self.vendor = dialect.vendor

    # what a create checks and costs -------------------------------------------------

    def refuse(self, store: Store, operation_id: str, body: Mapping[str, Any]) -> Refusal | None:
        return None

    def cost(self, operation_id: str, body: Mapping[str, Any]) -> int:
        """Credits a create costs: what the spec states for this body, else 1."""
        stated = _spec.stated_cost(self.vendor, operation_id, body)
        return 1 if stated is None else math.ceil(stated)

    def prepare(self, store: Store, task: MockTask) -> None:
        """Make the task's result files and whatever its answers need (at creation)."""

    # what a task looks like ----------------------------------------------------------

    def status(self, task: MockTask, stage: Stage) -> Answer:
        raise NotImplementedError(f"{self.capability} has no status answer")

    def answer(self, store: Store, task: MockTask) -> Answer:
        """The answer of a create that is not polled (the result at once)."""
        raise NotImplementedError(f"{self.capability} is polled")

    def call(
        self,
        store: Store,
        operation_id: str,
        base_url: str,
        body: Any,
        raw: bytes,
        headers: Mapping[str, str],
    ) -> Answer:
        """The answer of a call (no task)."""
        raise NotImplementedError(f"{self.capability} is not a call")

    def callback_stages(self, reached: list[Stage]) -> list[Stage]:
        """One callback when the task ends, unless the renderer stages them."""
        return [stage for stage in reached if stage in ("complete", "failed")]

    def callback_body(self, task: MockTask, stage: Stage) -> Any:
        raise NotImplementedError(f"{self.capability} sends no callback")

    def set_unknown_status(self, body: Any, value: str) -> None:
        """Replace the task state in a status body this renderer made with `value`."""
        data = body.get("data") if isinstance(body, dict) else None
        if isinstance(data, dict) and "status" in data:
            data["status"] = value

    # helpers -------------------------------------------------------------------------

    def state(self, task: MockTask, stage: Stage, schema: str, *, done: str | None = None) -> Any:
        """The value of the state enum `schema` for `stage` (typed like the enum: integer
        tables give ints); `done` picks a succeeded value other than the table's first."""
        if stage == "failed":
            kind = "content_rejected" if task.failure == "sensitive" else None
            value = _spec.failure_state(self.vendor, schema, kind)
        elif stage == "complete" and done is not None:
            value = done
        else:  # a table without a queued state (recovery's codes) starts running
            value = _spec.state_for(self.vendor, schema, (*STAGE_STATES[stage], "running"))
        return int(value) if _spec.code_type_is_integer(self.vendor, schema) else value

    def failure_code(self, task: MockTask, schema: str) -> int | str:
        kind = "content_rejected" if task.failure == "sensitive" else "server_error"
        code = _spec.code_for(self.vendor, kind, schema) or _spec.code_for(
            self.vendor, "server_error", schema
        )
        return code if code is not None else 500


def file_of(name: str, media_type: str, make: Callable[[], bytes]) -> MockFile:
    return MockFile(name, media_type, make)
