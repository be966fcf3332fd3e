"""The mock vendor: one Starlette app per vendor, stateful, driven by the vendor's spec."""

from __future__ import annotations

import asyncio
import collections
import contextlib
import copy
import dataclasses
import email.parser
import email.policy
import hashlib
import hmac
import json
import logging
import math
import re
import threading
import time
import urllib.parse
import uuid
from collections.abc import AsyncIterator, Callable, Iterable, Mapping, Sequence
from typing import Any, Literal

import httpx
from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from .. import _operations, _specs
from .._validation import validate
from . import _media
from ._dialects import Answer, Dialect, dialect_for
from ._dialects._base import Refusal, Renderer
from ._faults import (
    REPLACING_KINDS,
    DroppedConnectionResponse,
    Fault,
    FaultBook,
    install_log_filter,
    request_scope,
)
from ._spec import CallbackSpec, callback_spec, callback_spec_for, success_example
from ._tasks import MockFile, MockTask, MockTrack, Stage, StageTimings

__all__ = ["CallbackRecord", "MockStats", "MockVendor", "create_app"]

logger = logging.getLogger("sunokit.mock")

DEFAULT_API_KEY = "sk-mock"
_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")
_SUBMIT_ROLES = frozenset({"submit", "extend", "extend-instrumental"})
_EXTRA_FIELD = "x_sunokit_mock_extra"
_NAMESPACE = uuid.UUID("5a1e0c4b-9d3f-4a8e-b6c2-7f10d2e3a4b5")
_TONES = (440.0, 554.37, 659.25, 783.99)
_COLOURS = ((224, 96, 64), (64, 128, 224), (96, 192, 96), (200, 160, 48))


# --------------------------------------------------------------------------- records


@dataclasses.dataclass
class CallbackRecord:
    """One callback the mock owes a receiver, and how its delivery went."""

    task_id: str
    stage: str
    url: str
    content: bytes
    headers: dict[str, str]
    state: Literal["pending", "delivering", "delivered", "failed"] = "pending"
    attempts: int = 0
    status_code: int | None = None
    error: str | None = None

    def json(self) -> Any:
        return json.loads(self.content)

    def as_dict(self) -> dict[str, Any]:
        return {
            "task_id": self.task_id,
            "stage": self.stage,
            "url": self.url,
            "state": self.state,
            "attempts": self.attempts,
            "status_code": self.status_code,
            "error": self.error,
            "body": self.json(),
        }


@dataclasses.dataclass
class MockStats:
    """Counters tests read to prove what the mock saw (e.g. a task submitted exactly once)."""

    accepted_submissions: int = 0
    requests: collections.Counter[str] = dataclasses.field(default_factory=collections.Counter)
    polls: dict[str, int] = dataclasses.field(default_factory=dict)
    rejected: collections.Counter[str] = dataclasses.field(default_factory=collections.Counter)
    rate_limited: int = 0
    faults_applied: collections.Counter[str] = dataclasses.field(
        default_factory=collections.Counter
    )
    callbacks_delivered: int = 0
    callbacks_failed: int = 0
    callback_attempts: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "accepted_submissions": self.accepted_submissions,
            "requests": dict(self.requests),
            "polls": dict(self.polls),
            "rejected": dict(self.rejected),
            "rate_limited": self.rate_limited,
            "faults_applied": dict(self.faults_applied),
            "callbacks_delivered": self.callbacks_delivered,
            "callbacks_failed": self.callbacks_failed,
            "callback_attempts": self.callback_attempts,
        }


class _BadJSON(ValueError):
    pass


def _reject_constant(name: str) -> Any:
    raise _BadJSON(f"{name} is not a JSON number")


_MAX_DEPTH = 64


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e999: valid JSON grammar, but no number we can answer
        raise _BadJSON(f"{text} is out of range for a JSON number")
    return value


def _check_text(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise _BadJSON("the JSON holds a lone surrogate (\\ud800-\\udfff)") from None


def _parse_json(raw: bytes) -> Any:
    """Parse a request body; _BadJSON for anything the mock could not echo back as JSON later
    (NaN, Infinity, numbers out of float range, lone surrogates, nesting beyond _MAX_DEPTH)."""
    try:
        value = json.loads(
            raw.decode("utf-8"), parse_constant=_reject_constant, parse_float=_finite_float
        )
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise _BadJSON(str(error)) from None
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > _MAX_DEPTH:
            raise _BadJSON(f"the JSON is nested deeper than {_MAX_DEPTH} levels")
        if isinstance(node, str):
            _check_text(node)
        elif isinstance(node, dict):
            for key in node:
                _check_text(key)
        children = (
            node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
        )
        stack.extend((child, depth + 1) for child in children)
    return value


def _dumps(body: Any) -> bytes:
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()


def _add_extra_fields(node: Any) -> None:
    if isinstance(node, dict):
        for value in node.values():
            _add_extra_fields(value)
        node[_EXTRA_FIELD] = {"note": "an unknown field added by the extra_fields fault", "n": 1}
    elif isinstance(node, list):
        for item in node:
            _add_extra_fields(item)


# --------------------------------------------------------------------------- the vendor


@dataclasses.dataclass(frozen=True)
class _Route:
    template: str
    pattern: re.Pattern[str]
    operations: Mapping[str, _specs.Operation]  # upper-case method -> operation

    @property
    def allow(self) -> str:
        return ", ".join(sorted(self.operations))


def _compile(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^}/]+\})", template)
    regex = "".join(
        f"(?P<{part[1:-1]}>[^/]+)" if part.startswith("{") else re.escape(part) for part in parts
    )
    return re.compile(f"^{regex}$")


class MockVendor:
    """A stateful local stand-in for one vendor's API (an ASGI app: pass it to TestClient,
    httpx.ASGITransport or uvicorn). See `create_app` for the options."""

    def __init__(
        self,
        vendor: str,
        *,
        api_key: str = DEFAULT_API_KEY,
        timings: StageTimings | None = None,
        credits: int | None = 1000,
        faults: Iterable[Fault] = (),
        clock: Callable[[], float] = time.monotonic,
        sensitive_word: str | None = "forbidden",
        durations: Sequence[float] = (3.0, 3.5),
        rate_limits: bool = True,
        callback_transport: httpx.AsyncBaseTransport | None = None,
        callback_attempts: int = 3,
        callback_backoff: float = 0.1,
        callback_timeout: float = 2.0,
        worker_interval: float = 0.05,
        seed: int | str | None = None,
    ) -> None:
        self.vendor = _specs.check_vendor(vendor)
        if seed is not None and (isinstance(seed, bool) or not isinstance(seed, (int, str))):
            raise ValueError("seed must be an int, a str or None (ids unique to this mock)")
        self.seed = seed
        # Task and track ids are uuid5s of this namespace and a counter: random for each mock
        # (ids saved from one run never name a task of the next), fixed for a given seed.
        self._namespace = uuid.uuid4() if seed is None else uuid.uuid5(_NAMESPACE, f"seed:{seed}")
        self.api_key = api_key
        self.timings = timings if timings is not None else StageTimings()
        if credits is not None and (isinstance(credits, bool) or credits < 0):
            raise ValueError("credits must be >= 0 or None (unlimited)")
        self.credits = credits
        self.clock = clock
        self.sensitive_word = sensitive_word
        if not durations or any(d <= 0 for d in durations):
            raise ValueError("durations must be a non-empty list of positive seconds")
        self.durations = tuple(float(d) for d in durations)
        self.rate_limits = rate_limits
        if callback_attempts < 1:
            raise ValueError("callback_attempts must be >= 1")
        self.callback_attempts = callback_attempts
        self.callback_backoff = callback_backoff
        self.callback_timeout = callback_timeout
        self.callback_transport = callback_transport
        self.worker_interval = worker_interval

        self.dialect: Dialect = dialect_for(self.vendor)
        self.stats = MockStats()
        self.tasks: dict[str, MockTask] = {}
        self.callbacks: list[CallbackRecord] = []
        self.inbox: list[dict[str, Any]] = []
        self._faults = FaultBook()
        for fault in faults:
            self._faults.add(fault)
        self._tracks: dict[str, MockTrack] = {}
        self._base_url = "http://testserver/"  # of the latest request that made something
        self._track_tasks: dict[str, MockTask] = {}  # track id -> its task
        self._files: dict[str, MockFile] = {}  # result files and uploads by name
        self._claims: dict[tuple[str, ...], str] = {}  # (capability, source) -> result id
        self._windows: dict[tuple[Any, ...], collections.deque[float]] = {}
        self._lock = threading.RLock()
        self._counter = 0
        self._worker_running = False
        self._callback_tasks = 0  # tasks that have a callback URL
        self._routes = self._spec_routes()
        install_log_filter()
        self.app = Starlette(
            routes=[
                Route("/__mock__/stats", self._control_stats, methods=["GET"]),
                Route("/__mock__/faults", self._control_faults, methods=["GET", "POST", "DELETE"]),
                Route("/__mock__/tick", self._control_tick, methods=["POST"]),
                Route("/__mock__/clock", self._control_clock, methods=["POST"]),
                Route("/__mock__/credits", self._control_credits, methods=["GET", "POST"]),
                Route("/__mock__/tasks", self._control_tasks, methods=["GET"]),
                Route("/__mock__/callbacks", self._control_callbacks, methods=["GET"]),
                Route("/__mock__/inbox", self._control_inbox, methods=["GET", "POST", "DELETE"]),
                Route("/__mock__/media/{name}", self._media, methods=["GET"]),
                Route("/{path:path}", self._vendor_call, methods=list(_METHODS)),
            ],
            lifespan=self._lifespan,
            exception_handlers={404: self._unrouted},
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, send)

    def __repr__(self) -> str:
        return f"MockVendor({self.vendor!r}, tasks={len(self.tasks)})"

    # ------------------------------------------------------------------ public helpers

    def set_fault(self, fault: Fault | str, **options: Any) -> Fault:
        """Activate a fault: `set_fault(Fault("server_error", times=2))` or
        `set_fault("server_error", times=2)`."""
        if isinstance(fault, Fault):
            made = dataclasses.replace(fault, **options) if options else fault
        else:
            made = Fault.from_dict({"kind": fault, **options})
        self._faults.add(made)
        return made

    def clear_faults(self) -> None:
        self._faults.clear()

    @property
    def faults(self) -> list[dict[str, Any]]:
        """The active faults with their remaining counts."""
        return self._faults.active()

    def stage_of(self, task_id: str) -> Stage:
        return self.tasks[task_id].stage(self.clock(), self.timings)

    def snapshot(self) -> dict[str, Any]:
        """Everything GET /__mock__/stats answers."""
        with self._lock:
            data = self.stats.as_dict()
            data["vendor"] = self.vendor
            data["credits"] = self.credits
            data["tasks"] = {
                task.id: {
                    "role": task.role,
                    "stage": task.stage(self.clock(), self.timings),
                    "polls": task.polls,
                    "failure": task.failure,
                }
                for task in self.tasks.values()
            }
            data["callbacks_pending"] = sum(
                1 for record in self.callbacks if record.state in ("pending", "delivering")
            )
            data["faults"] = self._faults.active()
            return data

    # ------------------------------------------------------------------ routing

    def _spec_routes(self) -> list[_Route]:
        """Every spec path at the root; an operation whose spec names another server (the
        file-upload host) is served at its path there too, under that server's base path
        (Apikley's `https://api.apikley.ru/file-upload` -> `/file-upload/api/...`)."""
        by_path: dict[str, dict[str, _specs.Operation]] = {}
        for operation in _specs.operations(self.vendor):
            server = _operations.spec_operation(self.vendor, operation.operation_id).server
            prefix = urllib.parse.urlsplit(server).path.rstrip("/") if server else ""
            for path in dict.fromkeys((operation.path, prefix + operation.path)):
                by_path.setdefault(path, {})[operation.method.upper()] = operation
        return [_Route(path, _compile(path), ops) for path, ops in by_path.items()]

    def _match(self, path: str) -> tuple[_Route, dict[str, str]] | None:
        for route in self._routes:
            found = route.pattern.match(path)
            if found:
                return route, found.groupdict()
        return None

    async def _unrouted(self, request: Request, exc: Exception) -> Response:
        # Starlette's `{path:path}` (regex `.*`) does not match a path holding a newline
        # (`%0A` in a task id): still a vendor call, answered as one, never a text/plain 404.
        return await self._vendor_call(request)

    async def _vendor_call(self, request: Request) -> Response:
        path = str(request.scope["path"])  # not request.url.path: urlsplit drops "\n" and "\t"
        method = request.method.upper()
        matched = self._match(path)
        if matched is None:
            return self._render(self.dialect.unknown_path(method, path))
        route, params = matched
        operation = route.operations.get(method)
        if operation is None:
            return self._render(self.dialect.method_not_allowed(method, path, route.allow))
        with self._lock:
            self.stats.requests[operation.role or operation.operation_id] += 1
        scope = request_scope(operation.role, operation.definition.get("x-sunokit-phase"))
        try:
            # Read the request now: a slow vendor has it and acts on it even when the client
            # stops waiting (and the body cannot be read any more once the client is gone).
            await request.body()
        except ClientDisconnect:
            return Response(status_code=499)  # nobody is listening for an answer

        slow = self._faults.take({"slow"}, scope)
        if slow is not None:
            self._count_fault(slow)
            await asyncio.sleep(slow.delay)
        replacing = self._faults.take(REPLACING_KINDS, scope)
        if replacing is not None:
            self._count_fault(replacing)
            if not replacing.processed:
                return self._fault_response(replacing)

        answer = await self._handle(request, operation, params)

        if replacing is not None:
            return self._fault_response(replacing)
        if answer.task_status and answer.kind is None:
            unknown = self._faults.take({"unknown_status"}, scope)
            if unknown is not None:
                self._count_fault(unknown)
                target = answer.renderer if answer.renderer is not None else self.dialect
                target.set_unknown_status(answer.body, unknown.value)
        if answer.kind is not None:
            with self._lock:
                self.stats.rejected[answer.kind] += 1
        return self._render(answer, scope)

    def _render(self, answer: Answer, scope: str | None = None) -> Response:
        background = None
        if scope is not None:
            extra = self._faults.take({"extra_fields"}, scope)
            if extra is not None:
                self._count_fault(extra)
                _add_extra_fields(answer.body)
            if self._callback_tasks and not self._worker_running:
                # No lifespan worker (e.g. TestClient without `with`): callbacks that are due
                # go out after this answer has been sent, within the same request cycle.
                background = BackgroundTask(self._delivery_pass)
        return Response(
            _dumps(answer.body),
            status_code=answer.status,
            headers=answer.headers,
            media_type="application/json",
            background=background,
        )

    def _count_fault(self, fault: Fault) -> None:
        with self._lock:
            self.stats.faults_applied[fault.kind] += 1

    def _fault_response(self, fault: Fault) -> Response:
        if fault.kind == "server_error":
            return self._render(self.dialect.server_error(fault.status or 500))
        if fault.kind == "maintenance":
            return self._render(self.dialect.error("maintenance"))
        if fault.kind == "malformed_json":
            return Response(
                b'{"code": 200, "data": {"taskId": "trunc',
                status_code=fault.status or 200,
                media_type="application/json",
            )
        if fault.kind == "html_error":
            page = (
                "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>"
                "<center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center>"
                "</body></html>"
            )
            return Response(page, status_code=fault.status or 502, media_type="text/html")
        if fault.kind == "empty_body":
            return Response(b"", status_code=fault.status or 200)
        return DroppedConnectionResponse()

    # ------------------------------------------------------------------ vendor operations

    def _authorized(self, request: Request) -> bool:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(
            token.strip().encode(), self.api_key.encode()
        )

    async def _handle(
        self, request: Request, operation: _specs.Operation, params: dict[str, str]
    ) -> Answer:
        if not self._authorized(request):
            return self.dialect.error("authentication")
        body: Any = None
        if operation.request_schema_pointer is not None:
            try:
                body = _parse_json(await request.body())
            except _BadJSON as error:
                return self.dialect.error(
                    "invalid_request",
                    f"the request body is not valid JSON: {error}",
                    schema=_operations.spec_operation(
                        self.vendor, operation.operation_id
                    ).code_schema,
                )
        role = operation.role
        if role in _SUBMIT_ROLES:
            return self._submit(request, operation, body)
        if role == "status":
            return self._status(request, operation, params, body)
        if role == "status-batch":
            return self._status_batch(operation, body)
        if role == "credits":
            return self.dialect.credits(self.credits)
        spec = _operations.spec_operation(self.vendor, operation.operation_id)
        if body is None and params:
            # An operation without a JSON body (a GET with the clip id in its path) is read
            # like a POST with those fields in its body: dialects and renderers see one mapping.
            body = dict(params)
        if spec.phase == "create" and spec.poll is not None and self._is_music_poll(spec.poll):
            return self._submit(request, operation, body, params)  # a music-family create
        if spec.phase == "poll" and self._polls_renderer_tasks(operation.operation_id):
            return self._poll(request, operation, spec, params, body)
        renderer = self.dialect.renderer(spec.capability) if spec.capability else None
        if renderer is None:
            return self._documented_answer(request, operation, params, body)
        rejected = self._check_request(request, operation, params, body)
        if rejected is not None:
            return rejected
        if spec.phase == "create":
            return self._create(request, operation, spec, renderer, body)
        raw = getattr(request, "_body", b"")
        return renderer.call(
            self, operation.operation_id, str(request.base_url), body, raw, request.headers
        )

    # ------------------------------------------------------------------ any operation

    def _is_music_poll(self, operation_id: str) -> bool:
        return any(
            op.operation_id == operation_id and op.role == "status"
            for op in _specs.operations(self.vendor)
        )

    def _polls_renderer_tasks(self, operation_id: str) -> bool:
        """A poll that reads tasks of a capability this dialect renders."""
        for op in _specs.operations(self.vendor):
            definition = op.definition
            if definition.get("x-sunokit-poll") == operation_id:
                capability = definition.get("x-sunokit-operation")
                if capability and self.dialect.renderer(str(capability)) is not None:
                    return True
        return False

    def _check_request(
        self, request: Request, operation: _specs.Operation, params: dict[str, str], body: Any
    ) -> Answer | None:
        """Checked like the vendor checks it: required parameters, the body against the spec,
        a multipart body's parts; errors carry codes of the operation's own code table."""
        codes = _operations.spec_operation(self.vendor, operation.operation_id).code_schema
        for raw in operation.definition.get("parameters", ()):
            parameter = _specs.resolve(self.vendor, raw)
            name = str(parameter.get("name"))
            where = request.query_params if parameter.get("in") == "query" else params
            if parameter.get("required") and not where.get(name):
                return self.dialect.error("invalid_request", f"{name}: required", schema=codes)
        if operation.request_schema_pointer is not None:
            texts = [
                f"{violation.path.lstrip('/').replace('/', '.') or 'body'}: {violation.message}"
                for violation in validate(
                    self.vendor, body, operation_id=operation.operation_id, unknown="refuse"
                )
            ]
            if texts:
                return self.dialect.error("invalid_request", "; ".join(texts), schema=codes)
        form = (operation.definition.get("requestBody") or {}).get("content", {})
        if "multipart/form-data" in form:
            problem = _multipart_problem(
                self.vendor,
                form["multipart/form-data"].get("schema"),
                request.headers.get("content-type", ""),
                getattr(request, "_body", b""),  # read (and cached) by _vendor_call
            )
            if problem:
                return self.dialect.error("invalid_request", problem, schema=codes)
        return None

    def _create(
        self,
        request: Request,
        operation: _specs.Operation,
        spec: _operations.SpecOperation,
        renderer: Renderer,
        body: Any,
    ) -> Answer:
        """A create of a rendered capability: refused for unknown ids (and documented
        conflicts), billed, then a task whose poll renders it (or its answer at once)."""
        codes = spec.code_schema
        if self._rate_limited(operation):
            return self.dialect.error("rate_limited", schema=codes)
        refusal: Refusal | None = renderer.refuse(self, operation.operation_id, body)
        if refusal is not None:
            if refusal.answer is not None:
                return refusal.answer
            return self.dialect.error(refusal.kind, refusal.message, schema=codes)
        cost = renderer.cost(operation.operation_id, body)
        callback = callback_spec_for(self.vendor, operation.operation_id)
        with self._lock:
            if self.credits is not None and self.credits < cost:
                return self.dialect.error("insufficient_credits", schema=codes)
            if self.credits is not None:
                self.credits -= cost
            task = self._new_task(
                request, operation.role, dict(body), callback, spec=spec, music=False
            )
            task.data["cost"] = cost
            renderer.prepare(self, task)
            self.stats.accepted_submissions += 1
        if spec.poll is None:
            return renderer.answer(self, task)
        data: Any = task.id
        for key in reversed(spec.job_id or ("data", "taskId")):
            data = {key: data}
        return Answer(200, {"code": self.dialect.ok, self.dialect.message_key: "success", **data})

    def _poll(
        self,
        request: Request,
        operation: _specs.Operation,
        spec: _operations.SpecOperation,
        params: dict[str, str],
        body: Any,
    ) -> Answer:
        """A poll: the task named by its first required parameter, if this poll reads it."""
        rejected = self._check_request(request, operation, params, body)
        if rejected is not None:
            return rejected
        task_id, name = self._task_id_of(request, operation, params, body)
        if task_id is None:
            return self.dialect.error(
                "invalid_request", f"{name}: required", schema=spec.code_schema
            )
        if self._rate_limited(operation, task_id):
            return self.dialect.error("rate_limited", schema=spec.code_schema)
        with self._lock:
            task = self.tasks.get(task_id)
            if task is None or task.poll != operation.operation_id:
                return self.dialect.error(
                    "not_found", f"task not found: {task_id}", schema=spec.code_schema
                )
            task.polls += 1
            self.stats.polls[task.id] = task.polls
            stage = task.stage(self.clock(), self.timings)
        renderer = self.dialect.renderer(task.capability)
        assert renderer is not None
        answer = renderer.status(task, stage)
        answer.renderer = renderer
        return answer

    # ------------------------------------------------------------------ Store (for renderers)

    def find_task(self, task_id: str) -> MockTask | None:
        return self.tasks.get(task_id)

    def find_track(self, track_id: str) -> tuple[MockTask, MockTrack] | None:
        track = self._tracks.get(track_id)
        task = self._track_tasks.get(track_id)
        return (task, track) if task is not None and track is not None else None

    def stage(self, task: MockTask) -> Stage:
        return task.stage(self.clock(), self.timings)

    def add_file(self, task: MockTask | None, role: str, file: MockFile) -> str:
        with self._lock:
            self._files[file.name] = file
        base = task.base_url if task is not None else self._base_url
        url = f"{base}__mock__/media/{file.name}"
        if task is not None:
            task.files[role] = file
            task.data.setdefault("urls", {})[role] = url
        return url

    def file_bytes(self, url: str) -> bytes | None:
        marker = "/__mock__/media/"
        if marker not in url:
            return None
        name = url.split(marker, 1)[1]
        file = self._files.get(name)
        if file is not None and file.redirect is None:
            return file.make()
        track = self._tracks.get(name.rpartition(".")[0])
        if track is not None and name.endswith(".wav"):
            return _media.wav_tone(track.duration, track.frequency)
        return None

    def claim(self, key: tuple[str, ...]) -> str | None:
        return self._claims.get(key)

    def set_claim(self, key: tuple[str, ...], owner: str) -> None:
        self._claims[key] = owner

    def _documented_answer(
        self, request: Request, operation: _specs.Operation, params: dict[str, str], body: Any
    ) -> Answer:
        """An operation without a lifecycle of its own here: checked like the vendor checks it
        (required parameters, the body against the spec), then answered with its documented
        success example, as stripe-mock answers from its fixtures. Its errors carry codes of the
        code table its page documents (the `code` of its success envelope)."""
        codes = _operations.spec_operation(self.vendor, operation.operation_id).code_schema
        rejected = self._check_request(request, operation, params, body)
        if rejected is not None:
            return rejected
        example = success_example(self.vendor, operation)
        if example is None:
            return self.dialect.error(
                "not_found", f"the mock has no answer for {operation.operation_id}", schema=codes
            )
        return Answer(200, copy.deepcopy(example))

    def _rate_limited(self, operation: _specs.Operation, task_id: str = "") -> bool:
        limit = operation.rate_limit
        if limit is None or not self.rate_limits:
            return False
        key: tuple[Any, ...] = (
            ("client", limit.requests, limit.per_seconds)
            if limit.scope == "client"
            else ("task", operation.path, task_id)
        )
        now = self.clock()
        with self._lock:
            window = self._windows.setdefault(key, collections.deque())
            while window and window[0] <= now - limit.per_seconds:
                window.popleft()
            if len(window) >= limit.requests:
                self.stats.rate_limited += 1
                return True
            window.append(now)
            return False

    def _violations(self, role: str, body: Any) -> Answer | None:
        texts = [
            f"{violation.path.lstrip('/').replace('/', '.') or 'body'}: {violation.message}"
            for violation in validate(self.vendor, body, role=role, unknown="refuse")
        ]
        if not texts:
            return None
        return self.dialect.error("invalid_request", "; ".join(texts))

    def _sensitive(self, body: Mapping[str, Any], exempt: set[str]) -> bool:
        word = (self.sensitive_word or "").casefold()
        if not word:
            return False
        return any(
            isinstance(value, str) and word in value.casefold()
            for key, value in body.items()
            if key not in exempt
        )

    def _submit(
        self,
        request: Request,
        operation: _specs.Operation,
        body: Any,
        params: dict[str, str] | None = None,
    ) -> Answer:
        """A music task: a submit/extend role, or any create its spec polls with get_task."""
        if self._rate_limited(operation):
            return self.dialect.error("rate_limited")
        if operation.role:
            rejected = self._violations(operation.role, body)
            callback = callback_spec(self.vendor, operation.role)
        else:
            rejected = self._check_request(request, operation, params or {}, body)
            callback = callback_spec_for(self.vendor, operation.operation_id)
        if rejected is not None:
            return rejected
        refusal = self.dialect.refuse_submit(self, operation.operation_id, body)
        if refusal is not None:  # e.g. the clip or origin task to continue is unknown
            return self.dialect.error(refusal.kind, refusal.message)
        callback = callback or callback_spec(self.vendor, "submit")
        spec = _operations.spec_operation(self.vendor, operation.operation_id)
        cost = self.dialect.create_cost(operation.operation_id, body)
        with self._lock:
            if self.credits is not None and self.credits < cost:
                return self.dialect.error("insufficient_credits")
            if self.credits is not None:
                self.credits -= cost
            task = self._new_task(request, operation.role, dict(body), callback, spec=spec)
            self.stats.accepted_submissions += 1
        return self.dialect.submitted(task)

    def _new_task(
        self,
        request: Request,
        role: str,
        body: dict[str, Any],
        callback: CallbackSpec | None,
        *,
        spec: _operations.SpecOperation | None = None,
        music: bool = True,
    ) -> MockTask:
        self._counter += 1
        number = self._counter
        seed = uuid.uuid5(self._namespace, f"{self.vendor}:task:{number}")
        tracks = []
        durations = self.dialect.track_durations(
            spec.operation_id if spec is not None else "", body, self.durations
        )
        for index, duration in enumerate(durations if music else ()):
            track_seed = uuid.uuid5(self._namespace, f"{self.vendor}:track:{number}:{index}")
            track = MockTrack(
                id=self.dialect.new_track_id(track_seed),
                index=index,
                duration=duration,
                frequency=_TONES[index % len(_TONES)],
                colour=_COLOURS[index % len(_COLOURS)],
            )
            tracks.append(track)
            self._tracks[track.id] = track
        exempt = {callback.url_field, callback.secret_field or ""} if callback else set()
        task = MockTask(
            id=self.dialect.new_task_id(seed),
            number=number,
            role=role,
            body=body,
            created=self.clock(),
            wall=time.time(),
            base_url=str(request.base_url),
            tracks=tracks,
        )
        if spec is not None:
            task.operation = spec.operation_id
            task.capability = spec.capability or ""
            task.poll = spec.poll
        for track in tracks:
            self._track_tasks[track.id] = task
        self._base_url = task.base_url
        if self._sensitive(body, exempt):
            task.failure = "sensitive"
            task.reason = "The prompt contains sensitive words."
        else:
            fail = self._faults.take({"fail_task"}, "submit")
            if fail is not None:
                self._count_fault(fail)
                task.failure = "generic"
                task.reason = "Audio generation failed."
        if callback is not None:
            url = body.get(callback.url_field)
            task.callback_url = url if isinstance(url, str) and url else None
            secret = body.get(callback.secret_field) if callback.secret_field else None
            task.callback_secret = secret if isinstance(secret, str) and secret else None
            task.signature_header = callback.signature_header
            if task.callback_url is not None:
                self._callback_tasks += 1
        self.tasks[task.id] = task
        return task

    def _task_id_of(
        self, request: Request, operation: _specs.Operation, params: dict[str, str], body: Any
    ) -> tuple[str | None, str]:
        """(task id or None, the name of the field that carries it)."""
        for parameter in operation.definition.get("parameters", ()):
            name = str(parameter.get("name"))
            if parameter.get("in") == "path":
                return params.get(name) or None, name
            if parameter.get("in") == "query":
                return request.query_params.get(name) or None, name
        pointer = operation.request_schema_pointer
        schema = _specs.resolve(self.vendor, {"$ref": pointer}) if pointer else {}
        name = str((schema.get("required") or ["task_id"])[0])
        value = body.get(name) if isinstance(body, Mapping) else None
        return (value if isinstance(value, str) and value else None), name

    def _status(
        self, request: Request, operation: _specs.Operation, params: dict[str, str], body: Any
    ) -> Answer:
        if operation.request_schema_pointer is not None:
            rejected = self._violations(operation.role, body)
            if rejected is not None:
                return rejected
        task_id, name = self._task_id_of(request, operation, params, body)
        if task_id is None:
            return self.dialect.error(
                "invalid_request", f"{name}: required, the task id to look up"
            )
        if self._rate_limited(operation, task_id):
            return self.dialect.error("rate_limited")
        with self._lock:
            task = self.tasks.get(task_id)
            if task is None:
                return self.dialect.error("not_found", f"task not found: {task_id}")
            task.polls += 1
            self.stats.polls[task.id] = task.polls
            stage = task.stage(self.clock(), self.timings)
        return self.dialect.task_status(task, stage)

    def _status_batch(self, operation: _specs.Operation, body: Any) -> Answer:
        rejected = self._violations(operation.role, body)
        if rejected is not None:
            return rejected
        found: list[tuple[MockTask, Stage]] = []
        now = self.clock()
        with self._lock:
            for task_id in body.get("ids") or ():
                task = self.tasks.get(task_id) if isinstance(task_id, str) else None
                if task is not None:
                    task.polls += 1
                    self.stats.polls[task.id] = task.polls
                    found.append((task, task.stage(now, self.timings)))
        return self.dialect.task_list(found)

    # ------------------------------------------------------------------ media

    async def _media(self, request: Request) -> Response:
        name = str(request.path_params["name"])
        stem, _, extension = name.rpartition(".")
        track = self._tracks.get(stem)
        file = self._files.get(name)
        slow = self._faults.take({"slow"}, "media")
        if slow is not None:
            self._count_fault(slow)
            await asyncio.sleep(slow.delay)
        fault = self._faults.take(REPLACING_KINDS, "media")
        if fault is not None:
            self._count_fault(fault)
            if fault.kind == "drop_connection":
                return DroppedConnectionResponse()
            if fault.kind == "html_error":
                return self._fault_response(fault)
            if fault.kind == "empty_body":
                return Response(b"", status_code=fault.status or 200)
            status = fault.status or (503 if fault.kind == "maintenance" else 500)
            if fault.kind == "malformed_json":  # a truncated file
                status = 200
            if status == 200 and file is not None and file.redirect is None:
                data = file.make()
                return Response(data[: len(data) // 2], media_type=file.media_type)
            if status == 200 and track is not None:
                data = _media.wav_tone(track.duration, track.frequency)
                return Response(data[: len(data) // 2], media_type="audio/wav")
            return Response(f"mock media fault: {fault.kind}", status_code=status)
        if file is not None:
            if file.redirect is not None:
                return Response(status_code=307, headers={"Location": file.redirect})
            return Response(file.make(), media_type=file.media_type)
        if track is None or extension not in ("wav", "png", "mp4"):
            return Response(
                _dumps({"error": f"no such media: {name}"}),
                status_code=404,
                media_type="application/json",
            )
        if extension == "wav":
            return Response(
                _media.wav_tone(track.duration, track.frequency), media_type="audio/wav"
            )
        if extension == "mp4":  # a track's music video (a dialect's video_url)
            return Response(
                _media.mp4_video(track.duration, track.frequency), media_type="video/mp4"
            )
        return Response(_media.png_cover(*track.colour), media_type="image/png")

    # ------------------------------------------------------------------ callbacks

    def _enqueue_due(self) -> None:
        now = self.clock()
        with self._lock:
            for task in self.tasks.values():
                if task.callback_url is None:
                    continue
                if task.poll is None and task.capability and not task.tracks:
                    continue  # answered at once: nothing to call back
                for stage in self.dialect.task_callback_stages(
                    task, task.reached(now, self.timings)
                ):
                    if stage in task.callbacks_enqueued:
                        continue
                    task.callbacks_enqueued.append(stage)
                    content = _dumps(self.dialect.task_callback_body(task, stage))
                    headers = {
                        "Content-Type": "application/json",
                        "User-Agent": f"sunokit-mock/{self.vendor}",
                    }
                    if task.signature_header and task.callback_secret:
                        headers[task.signature_header] = hmac.new(
                            task.callback_secret.encode(), content, hashlib.sha256
                        ).hexdigest()
                    self.callbacks.append(
                        CallbackRecord(task.id, stage, task.callback_url, content, headers)
                    )

    def _claim(self) -> list[list[CallbackRecord]]:
        """Pending callbacks, grouped by task in order, that nobody is delivering yet."""
        with self._lock:
            busy = {r.task_id for r in self.callbacks if r.state == "delivering"}
            groups: dict[str, list[CallbackRecord]] = {}
            for record in self.callbacks:
                if record.state == "pending" and record.task_id not in busy:
                    record.state = "delivering"
                    groups.setdefault(record.task_id, []).append(record)
            return list(groups.values())

    async def _deliver(self, client: httpx.AsyncClient, record: CallbackRecord) -> None:
        for attempt in range(self.callback_attempts):
            if attempt:
                await asyncio.sleep(self.callback_backoff * attempt)
            record.attempts += 1
            with self._lock:
                self.stats.callback_attempts += 1
            try:
                response = await client.post(
                    record.url, content=record.content, headers=record.headers
                )
            except Exception as error:  # the receiver is unreachable or broken: retry
                record.error = f"{type(error).__name__}: {error}"
                continue
            record.status_code = response.status_code
            if 200 <= response.status_code < 300:
                record.state = "delivered"
                record.error = None
                with self._lock:
                    self.stats.callbacks_delivered += 1
                return
            record.error = f"HTTP {response.status_code}"
        record.state = "failed"
        with self._lock:
            self.stats.callbacks_failed += 1
        logger.info(
            "sunokit mock: callback %s/%s to %s failed: %s",
            record.task_id,
            record.stage,
            record.url,
            record.error,
        )

    async def _deliver_group(self, client: httpx.AsyncClient, group: list[CallbackRecord]) -> None:
        for record in group:
            try:
                await self._deliver(client, record)
            except Exception as error:  # never let one callback stop the others
                record.state = "failed"
                record.error = f"{type(error).__name__}: {error}"

    async def _delivery_pass(self) -> int:
        self._enqueue_due()
        groups = self._claim()
        if not groups:
            return 0
        timeout = httpx.Timeout(self.callback_timeout)
        async with httpx.AsyncClient(transport=self.callback_transport, timeout=timeout) as client:
            # return_exceptions=True: cancelled (the lifespan's shutdown stops the worker), gather
            # still waits for every delivery to finish before the client closes. Without it the
            # first cancelled one ends the gather and the client closes its pool under the
            # others, still running (seen: 51 requests still in the pool at that point).
            # _deliver_group lets no Exception out, so every result is None or a cancellation.
            await asyncio.gather(
                *(self._deliver_group(client, group) for group in groups), return_exceptions=True
            )
        return sum(len(group) for group in groups)

    async def deliver_callbacks(self) -> dict[str, int]:
        """Send every callback that is due now and wait until each is delivered or given up
        (what POST /__mock__/tick does). Returns the counts of this call."""
        before = (self.stats.callbacks_delivered, self.stats.callbacks_failed)
        limit = (
            time.monotonic()
            + self.callback_attempts
            * (self.callback_timeout + self.callback_backoff * self.callback_attempts)
            + 5.0
        )
        while True:
            await self._delivery_pass()
            with self._lock:
                pending = [r for r in self.callbacks if r.state in ("pending", "delivering")]
            if not pending or time.monotonic() > limit:
                break
            await asyncio.sleep(0.005)
        return {
            "delivered": self.stats.callbacks_delivered - before[0],
            "failed": self.stats.callbacks_failed - before[1],
            "pending": len(pending),
        }

    async def _worker(self) -> None:
        while True:
            try:
                await self._delivery_pass()
            except Exception:  # pragma: no cover - the worker must survive anything
                logger.exception("sunokit mock: callback worker pass failed")
            await asyncio.sleep(self.worker_interval)

    @contextlib.asynccontextmanager
    async def _lifespan(self, app: Starlette) -> AsyncIterator[None]:
        worker = asyncio.create_task(self._worker())
        self._worker_running = True
        try:
            yield
        finally:
            self._worker_running = False
            worker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await worker

    # ------------------------------------------------------------------ control endpoints

    @staticmethod
    def _json(data: Any, status: int = 200) -> Response:
        return Response(_dumps(data), status_code=status, media_type="application/json")

    async def _control_body(self, request: Request) -> Any:
        raw = await request.body()
        return _parse_json(raw) if raw.strip() else {}

    async def _control_stats(self, request: Request) -> Response:
        return self._json(self.snapshot())

    async def _control_faults(self, request: Request) -> Response:
        if request.method == "DELETE":
            self.clear_faults()
        elif request.method == "POST":
            try:
                data = await self._control_body(request)
                items = data.get("faults") if isinstance(data, dict) and "faults" in data else data
                faults = [
                    Fault.from_dict(item)
                    for item in (items if isinstance(items, list) else [items])
                ]
            except (ValueError, TypeError) as error:
                return self._json({"error": str(error)}, 400)
            for fault in faults:
                self._faults.add(fault)
        return self._json({"faults": self._faults.active()})

    async def _control_tick(self, request: Request) -> Response:
        return self._json(await self.deliver_callbacks())

    async def _control_clock(self, request: Request) -> Response:
        advance = getattr(self.clock, "advance", None)
        try:
            data = await self._control_body(request)
            seconds = data.get("advance", 0) if isinstance(data, dict) else None
            if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
                raise ValueError('send {"advance": <seconds>}')
        except ValueError as error:
            return self._json({"error": str(error)}, 400)
        if not callable(advance):
            return self._json(
                {"error": "the mock runs on a real clock (use clock=ManualClock())"}, 409
            )
        try:
            advance(seconds)
        except ValueError as error:
            return self._json({"error": str(error)}, 400)
        return self._json({"now": self.clock()})

    async def _control_credits(self, request: Request) -> Response:
        if request.method == "POST":
            try:
                data = await self._control_body(request)
                value = data.get("credits") if isinstance(data, dict) else None
                if value is not None and (
                    isinstance(value, bool) or not isinstance(value, int) or value < 0
                ):
                    raise ValueError('send {"credits": <int >= 0 or null>}')
            except ValueError as error:
                return self._json({"error": str(error)}, 400)
            with self._lock:
                self.credits = value
        return self._json({"credits": self.credits})

    async def _control_tasks(self, request: Request) -> Response:
        return self._json(self.snapshot()["tasks"])

    async def _control_callbacks(self, request: Request) -> Response:
        with self._lock:
            return self._json([record.as_dict() for record in self.callbacks])

    async def _control_inbox(self, request: Request) -> Response:
        if request.method == "GET":
            return self._json(self.inbox)
        if request.method == "DELETE":
            self.inbox.clear()
            return self._json([])
        raw = await request.body()
        try:
            body: Any = _parse_json(raw)
        except _BadJSON:  # kept as text: whatever it holds, GET can answer it as JSON
            body = raw.decode("utf-8", "replace")
        self.inbox.append({"headers": dict(request.headers), "body": body})
        wanted = request.query_params.get("status", "200")
        status = int(wanted) if wanted.isdigit() and 200 <= int(wanted) <= 599 else 200
        return self._json({"code": 200, "msg": "success"}, status)


def create_app(
    vendor: str,
    *,
    api_key: str = DEFAULT_API_KEY,
    timings: StageTimings | None = None,
    credits: int | None = 1000,
    faults: Iterable[Fault] = (),
    clock: Callable[[], float] = time.monotonic,
    sensitive_word: str | None = "forbidden",
    durations: Sequence[float] = (3.0, 3.5),
    rate_limits: bool = True,
    callback_transport: httpx.AsyncBaseTransport | None = None,
    callback_attempts: int = 3,
    callback_backoff: float = 0.1,
    callback_timeout: float = 2.0,
    worker_interval: float = 0.05,
    seed: int | str | None = None,
) -> MockVendor:
    """A mock of `vendor` (one of sunokit.VENDORS), ready to serve.

    api_key: the bearer token it accepts. timings: StageTimings (seconds after submission
    for the text, first and complete stages). credits: submissions it accepts before the
    vendor's insufficient-credits answer (None: unlimited). faults: Fault switches active from
    the start. clock: seconds as a float (inject a ManualClock to drive the lifecycle without
    sleeping). sensitive_word: a request containing it ends in the vendor's content failure.
    durations: seconds of each generated track (one track per entry). rate_limits: enforce the
    spec's x-sunokit-rate-limit. callback_transport: an httpx transport for the callbacks
    (tests pass httpx.MockTransport). callback_attempts / callback_backoff / callback_timeout:
    bounded delivery retries. worker_interval: how often the background worker (started by the
    app's lifespan) looks for due callbacks. seed: task and track ids are unique to each mock
    unless a seed is given (the same seed gives the same ids, run after run).
    """
    return MockVendor(
        vendor,
        api_key=api_key,
        timings=timings,
        credits=credits,
        faults=faults,
        clock=clock,
        sensitive_word=sensitive_word,
        durations=durations,
        rate_limits=rate_limits,
        callback_transport=callback_transport,
        callback_attempts=callback_attempts,
        callback_backoff=callback_backoff,
        callback_timeout=callback_timeout,
        worker_interval=worker_interval,
        seed=seed,
    )


def _multipart_problem(vendor: str, schema: Any, content_type: str, body: bytes) -> str | None:
    """What is wrong with a multipart/form-data body for `schema` (a file upload), or None:
    not multipart, a required part missing, a file part without bytes, text parts that are
    not text or are shorter than their minLength."""
    if not content_type.lower().startswith("multipart/form-data"):
        return "the request body must be multipart/form-data"
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode("latin-1", "replace") + b"\r\n\r\n" + body
    )
    if not message.is_multipart():
        return "the multipart body cannot be read"
    parts: dict[str, bytes] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if isinstance(name, str):
            payload = part.get_payload(decode=True)
            parts[name] = payload if isinstance(payload, bytes) else b""
    resolved = _specs.resolve(vendor, schema) if schema else {}
    properties = resolved.get("properties", {}) if isinstance(resolved, Mapping) else {}
    for name in resolved.get("required", ()) if isinstance(resolved, Mapping) else ():
        if name not in parts:
            return f"{name}: required"
    for name, value in parts.items():
        field = _specs.resolve(vendor, properties.get(name, {}))
        if not isinstance(field, Mapping) or field.get("format") == "binary":
            continue
        try:
            text = value.decode("utf-8")
        except UnicodeDecodeError:
            return f"{name}: is not text"
        if len(text) < int(field.get("minLength", 0)):
            return f"{name}: is shorter than {field.get('minLength')} characters"
    return None
