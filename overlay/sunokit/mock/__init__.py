"""Local mock vendors: what stripe-mock is to stripe-python, but stateful.

One ASGI app (Starlette) per vendor, behaving as its spec says: bearer auth, request
validation (`sunokit.validate`), a task lifecycle queued -> text -> first -> complete (or a
failure state) with configurable stage timings, status answers in the vendor's shapes,
callbacks with bounded retries, the documented rate limits, credits, a sensitive-word failure,
real media (a sine-tone WAV and a PNG per track) and fault switches for tests. Every code and
state value comes from the spec's x-sunokit tables. Task and track ids are unique to each mock
(ids saved from one run never name a task of the next) unless `seed=` is given.

    from starlette.testclient import TestClient
    from sunokit.mock import Fault, ManualClock, StageTimings, create_app

    clock = ManualClock()
    mock = create_app("sunoapi_org", clock=clock, timings=StageTimings(1, 2, 3))
    http = TestClient(mock)                      # or serve_in_thread(...) / serve(...)
    mock.set_fault(Fault("server_error", scope="submit", times=1))
    clock.advance(3)                             # the task is complete, no sleeping
    assert mock.stats.accepted_submissions == ...

Test-only control endpoints (no auth; JSON in and out):

    GET    /__mock__/stats      counters (accepted_submissions, requests, polls per task,
                                rejected per error kind, rate_limited, faults_applied,
                                callbacks_delivered/failed, callback_attempts), credits,
                                tasks {id: {role, stage, polls, failure}}, active faults
    GET    /__mock__/faults     {"faults": [fault + "remaining", ...]}
    POST   /__mock__/faults     a fault, a list of faults or {"faults": [...]}; a fault is
                                {"kind", "scope": "submit"|"status"|"all"|"media",
                                 "times": n|null, "status", "delay", "value", "processed"};
                                400 {"error"} when malformed
    DELETE /__mock__/faults     clear them all
    POST   /__mock__/tick       deliver every due callback now, wait for the outcome:
                                {"delivered", "failed", "pending"}
    POST   /__mock__/clock      {"advance": seconds} with a ManualClock -> {"now"}
    GET|POST /__mock__/credits  {"credits": n|null} (null: unlimited)
    GET    /__mock__/tasks      the tasks part of stats
    GET    /__mock__/callbacks  every callback record (url, stage, state, attempts, body)
    GET|POST|DELETE /__mock__/inbox   a callback receiver inside the mock (POST ?status=503
                                to make it fail); GET lists what it received
    GET    /__mock__/media/{track_id}.wav|.png   the files the tracks point at

Callbacks go out from a background worker started by the app's lifespan (uvicorn, a
TestClient used as a context manager); without it, due callbacks are sent after the next
vendor answer, and always on POST /__mock__/tick.
"""

from __future__ import annotations

from ._app import DEFAULT_API_KEY, CallbackRecord, MockStats, MockVendor, create_app
from ._faults import FAULT_KINDS, FAULT_SCOPES, ConnectionDropped, Fault
from ._media import png_cover, wav_tone
from ._server import RunningMock, serve, serve_in_thread
from ._tasks import ManualClock, StageTimings

__all__ = [
    "DEFAULT_API_KEY",
    "FAULT_KINDS",
    "FAULT_SCOPES",
    "CallbackRecord",
    "ConnectionDropped",
    "Fault",
    "ManualClock",
    "MockStats",
    "MockVendor",
    "RunningMock",
    "StageTimings",
    "create_app",
    "png_cover",
    "serve",
    "serve_in_thread",
    "wav_tone",
]
