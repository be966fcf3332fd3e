"""Fault switches: scoped, count-limited ways for the mock vendor to misbehave."""

from __future__ import annotations

import dataclasses
import logging
import math
import threading
from collections.abc import Mapping
from typing import Any, Literal, cast, get_args

import httpx
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

__all__ = [
    "FAULT_KINDS",
    "FAULT_SCOPES",
    "ConnectionDropped",
    "DroppedConnectionResponse",
    "Fault",
    "FaultBook",
    "install_log_filter",
]

FaultKind = Literal[
    "server_error",  # a 5xx answer in the vendor's envelope (status: 500 by default)
    "maintenance",  # the vendor's maintenance answer (see Fault)
    "slow",  # answer after `delay` seconds (the answer itself is normal)
    "malformed_json",  # a truncated JSON body, Content-Type application/json
    "html_error",  # an HTML error page (status: 502 by default), Content-Type text/html
    "empty_body",  # no body at all (status: 200 by default)
    "drop_connection",  # headers sent, then the connection is closed mid-body
    "unknown_status",  # the status answer carries `value` as the task state
    "extra_fields",  # unknown fields added to every JSON object of the answer
    "fail_task",  # the next accepted submission ends in the vendor's generic failure state
]
FaultScope = Literal["submit", "status", "all", "media"]

FAULT_KINDS: tuple[str, ...] = get_args(FaultKind)
FAULT_SCOPES: tuple[str, ...] = get_args(FaultScope)

# Faults that replace the whole answer; the others modify it or the task.
REPLACING_KINDS = frozenset(
    {"server_error", "maintenance", "malformed_json", "html_error", "empty_body", "drop_connection"}
)


@dataclasses.dataclass(frozen=True)
class Fault:
    """One fault switch.

    `scope`: "submit" (submit and extend calls), "status" (status and batch status calls),
    "all" (every vendor call, not media), "media" (the audio and cover downloads).
    `times`: how many answers it affects (None: until cleared). `status`: the HTTP status for
    server_error (500), html_error (502) and empty_body (200). `delay`: seconds for slow.
    `value`: the state unknown_status reports. `processed`: for the replacing kinds but
    maintenance (whose answer says nothing was done), handle the request first (a submission
    is accepted and counted) and then replace the answer - an answer lost after the vendor
    acted.

    maintenance answers the code the vendor's spec gives the kind `maintenance`
    (x-sunokit-error-kinds, or relay's x-sunokit-http-status-kinds): sunoapi_org and apikley
    code 455 on HTTP 200, relay the gateway's HTTP 503; the client raises MaintenanceError.
    sunoapi_com and sunosay document no maintenance code, so the fault answers what they
    document for a server that cannot serve: their server error (code 500; on HTTP 500 at
    sunoapi_com, whose code is the HTTP status, on HTTP 200 at sunosay), which the client
    raises as ServerError (retryable, like MaintenanceError). To exercise the client's
    MaintenanceError for an undocumented HTTP 503 (a proxy's maintenance page) there, use
    `Fault("html_error", status=503)` or `Fault("empty_body", status=503)`.
    """

    kind: FaultKind
    scope: FaultScope = "all"
    times: int | None = 1
    status: int | None = None
    delay: float = 0.0
    value: str = "ANALYZING"
    processed: bool = False

    def __post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}; kinds: {', '.join(FAULT_KINDS)}")
        if self.scope not in FAULT_SCOPES:
            raise ValueError(
                f"unknown fault scope {self.scope!r}; scopes: {', '.join(FAULT_SCOPES)}"
            )
        if self.times is not None and (
            isinstance(self.times, bool) or not isinstance(self.times, int) or self.times < 1
        ):
            raise ValueError("times must be a positive integer or None (until cleared)")
        if self.status is not None and (
            isinstance(self.status, bool)
            or not isinstance(self.status, int)
            or not 100 <= self.status <= 599
        ):
            raise ValueError("status must be an HTTP status code (100-599)")
        if self.kind == "server_error" and self.status is not None and self.status < 500:
            raise ValueError("a server_error fault needs a 5xx status")
        if (
            isinstance(self.delay, bool)
            or not isinstance(self.delay, (int, float))
            or not math.isfinite(self.delay)
            or self.delay < 0
        ):
            raise ValueError("delay must be a finite number of seconds >= 0")
        if not isinstance(self.value, str):
            raise ValueError("value must be a string")
        if not isinstance(self.processed, bool):
            raise ValueError("processed must be a boolean")
        if self.processed and self.kind == "maintenance":
            # A maintenance answer tells the client nothing was done (it may retry a submit):
            # one after the vendor acted would be a vendor that lies, not a lost answer.
            raise ValueError(
                "processed=True does not apply to maintenance (the answer means nothing was "
                "done); use server_error, drop_connection, ... for an answer lost after the "
                "vendor acted"
            )

    @classmethod
    def from_dict(cls, data: object) -> Fault:
        """A fault from its JSON form (the control endpoint's body); ValueError if malformed."""
        if not isinstance(data, Mapping):
            raise ValueError("a fault is a JSON object with at least a 'kind'")
        known = {field.name for field in dataclasses.fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"unknown fault fields: {', '.join(map(str, unknown))}")
        if "kind" not in data:
            raise ValueError("a fault needs a 'kind'")
        return cls(**{str(key): value for key, value in data.items()})

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def request_scope(role: str, phase: str | None = None) -> str:
    """The fault scope of an operation: "submit" for creates, "status" for polls, "other"
    (reached only by "all") for the rest. Read from its role, else its `x-sunokit-phase`."""
    if role in ("submit", "extend", "extend-instrumental") or (not role and phase == "create"):
        return "submit"
    if role in ("status", "status-batch") or (not role and phase == "poll"):
        return "status"
    return "other"


class FaultBook:
    """The active faults, in the order they were set, each with its remaining count."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: list[list[Any]] = []  # [fault, remaining or None]

    def add(self, fault: Fault) -> None:
        with self._lock:
            self._entries.append([fault, fault.times])

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def active(self) -> list[dict[str, Any]]:
        with self._lock:
            return [{**entry[0].to_dict(), "remaining": entry[1]} for entry in self._entries]

    def take(self, kinds: frozenset[str] | set[str], scope: str) -> Fault | None:
        """The first active fault of one of `kinds` that applies to `scope`, consumed once."""
        with self._lock:
            for entry in self._entries:
                fault = cast(Fault, entry[0])
                if fault.kind not in kinds or not _applies(fault.scope, scope):
                    continue
                if entry[1] is not None:
                    entry[1] -= 1
                    if entry[1] <= 0:
                        self._entries.remove(entry)
                return fault
        return None


def _applies(fault_scope: str, scope: str) -> bool:
    if fault_scope == "all":
        return scope != "media"
    return fault_scope == scope


# --------------------------------------------------------------------------- dropped connection


class ConnectionDropped(httpx.RemoteProtocolError):
    """Raised by the mock to drop a connection mid-answer (the drop_connection fault).

    Over a real server (uvicorn) the client sees the socket close after the headers: httpx
    raises RemoteProtocolError. In-process (Starlette's TestClient, httpx.ASGITransport) this
    exception itself reaches the client, and it is a RemoteProtocolError too.
    """


class DroppedConnectionResponse(Response):
    """Sends the headers and the start of a JSON body, then drops the connection."""

    def __init__(self) -> None:
        super().__init__(status_code=200)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", b"4096"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": b'{"code": ', "more_body": True})
        raise ConnectionDropped("sunokit mock: connection dropped on purpose (drop_connection)")


class _DropFilter(logging.Filter):
    """Keeps uvicorn from logging the deliberate ConnectionDropped as an application error."""

    def filter(self, record: logging.LogRecord) -> bool:
        info = record.exc_info
        return not (info and isinstance(info[1], ConnectionDropped))


_FILTER = _DropFilter()


def install_log_filter() -> None:
    """Attach the filter to uvicorn's error logger (idempotent)."""
    logger = logging.getLogger("uvicorn.error")
    if _FILTER not in logger.filters:
        logger.addFilter(_FILTER)
