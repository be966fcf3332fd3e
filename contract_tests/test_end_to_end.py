"""End to end over real HTTP: every vendor's mock served by uvicorn on a loopback port, driven
by `SunoClient` and `AsyncSunoClient` (one test body, both drivers), callbacks received by a real
local receiver where the vendor sends them, and the media downloaded and checked.

What each test proves, per vendor:
- `generate()` submits once (the mock counts one accepted submission), polls until complete and
  returns tracks whose audio is a valid WAV of exactly the stated duration and whose cover is a
  valid PNG, all fetched over HTTP from the URLs the task carries;
- the callbacks the vendor sends reach a receiver over HTTP, parse with `sunokit.callbacks`
  (signed webhooks verified with the secret first), arrive stage by stage in order, and the final
  one describes the same task, tracks and audio URLs as `generate()` returned;
- the sensitive word ends `generate()` in `TaskFailedError` carrying the vendor's reason (and
  the failure callback, where there are callbacks);
- `until="first"` returns while the task is still at the first-track stage, for the vendors that
  have that stage.

Everything listens on 127.0.0.1, every wait has a deadline, nothing sleeps to wait for a server.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import struct
import threading
import time
import wave
import zlib
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import attrs
import httpx
import pytest
import sunokit
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from sunokit import _specs, callbacks
from sunokit.mock import RunningMock, StageTimings, serve_in_thread
from sunokit.mock._server import serve_asgi_in_thread

# Short stages and polls: each flow takes well under a second. Three polls reach the complete
# stage, which keeps apikley within its documented 3 status polls per second per task.
TIMINGS = StageTimings(text=0.05, first=0.1, complete=0.2)
# The first-track stage lasts long enough that a `until="first"` wait surely returns inside it.
FIRST_STAGE_TIMINGS = StageTimings(text=0.05, first=0.1, complete=60.0)
POLL_INTERVAL = 0.1
WAIT_TIMEOUT = 15.0  # generate()'s deadline; a flow that gets nowhere fails, never hangs
CALLBACK_TIMEOUT = 10.0  # how long to wait for a callback that is due
HTTP_TIMEOUT = 5.0
STARTUP_TIMEOUT = 10.0
SECRET = "whsec-end-to-end"

# One representative request per vendor, covering every mode between them.
REQUESTS: dict[str, sunokit.MusicRequest] = {
    "sunosay": sunokit.CustomLyrics(
        "[Verse]\nRain on the window, coffee in my hand", "lo-fi piano", "Window Rain"
    ),
    "sunoapi_com": sunokit.Description("a calm piano tune about rain"),
    "sunoapi_org": sunokit.CustomLyrics(
        "[Verse]\nStreetlights hum a quiet song", "synthwave, dreamy", "Night Drive"
    ),
    "apikley": sunokit.Instrumental("ambient synth pads, slow", "Drift"),
    "relay": sunokit.Inspiration("an upbeat folk song about a long walk home"),
}

# The neutral states of the callbacks each vendor sends, in order (none: the client polls).
CALLBACK_STATES: dict[str, list[str]] = {
    "sunoapi_org": ["text_ready", "first_ready", "succeeded"],  # a callback per stage
    "apikley": ["text_ready", "first_ready", "succeeded"],
    "sunoapi_com": ["succeeded"],  # one signed webhook at the final state
}
SIGNING = {"sunoapi_com"}  # vendors whose callbacks we ask to be signed (webhook_secret)

# Vendors whose task states have a first-track stage (x-sunokit-task-states: first_ready).
FIRST_STAGE = sorted(
    vendor
    for vendor in sunokit.VENDORS
    if "TaskStatus" in _specs.load_spec(vendor)["components"]["schemas"]
    and "first_ready" in _specs.task_states(vendor, "TaskStatus").values()
)


def _failing(request: sunokit.MusicRequest, word: str) -> sunokit.MusicRequest:
    """The same request with the mock's sensitive word in its free text."""
    if isinstance(request, sunokit.CustomLyrics):
        return attrs.evolve(request, lyrics=f"{request.lyrics}\n{word}")
    if isinstance(request, sunokit.Description):
        return attrs.evolve(request, prompt=f"{request.prompt} {word}")
    if isinstance(request, sunokit.Instrumental):
        return attrs.evolve(request, style=f"{request.style} {word}")
    if isinstance(request, sunokit.Inspiration):
        return attrs.evolve(request, description=f"{request.description} {word}")
    raise AssertionError(f"no free text to put {word!r} in: {request!r}")


# --------------------------------------------------------------------------- serving over HTTP


def serve_app(app: Any) -> contextlib.AbstractContextManager[str]:
    """Serve an ASGI app (the callback receiver) on a free 127.0.0.1 port; yields its URL."""
    return serve_asgi_in_thread(app, lifespan="off", startup_timeout=STARTUP_TIMEOUT)


@dataclasses.dataclass(frozen=True)
class Delivery:
    """One callback as the receiver got it: raw body, headers and what parsing made of it."""

    body: bytes
    headers: dict[str, str]
    task: sunokit.Task | None
    error: str | None


class Receiver:
    """A web app's callback endpoint: verify (signing vendors), parse, record, answer 200."""

    def __init__(self, vendor: str, secret: str | None) -> None:
        self.vendor = vendor
        self.secret = secret
        self.deliveries: list[Delivery] = []
        self._changed = threading.Condition()

    async def hook(self, request: Request) -> Response:
        body = await request.body()
        headers = dict(request.headers)
        try:
            if self.secret is not None:
                task = callbacks.unwrap(self.vendor, body, headers, secret=self.secret)
            else:
                task = callbacks.parse(self.vendor, body)
        except sunokit.CallbackError as error:
            self._record(Delivery(body, headers, None, str(error)))
            return JSONResponse({"error": str(error)}, status_code=400)
        self._record(Delivery(body, headers, task, None))
        return JSONResponse({"code": 200, "msg": "success"})

    def _record(self, delivery: Delivery) -> None:
        with self._changed:
            self.deliveries.append(delivery)
            self._changed.notify_all()

    def wait_for(self, done: Callable[[list[sunokit.Task]], bool]) -> list[sunokit.Task]:
        """The parsed callbacks once `done(tasks)` holds; fails after CALLBACK_TIMEOUT."""
        with self._changed:
            reached = self._changed.wait_for(
                lambda: done(self.tasks()) or any(d.error for d in self.deliveries),
                CALLBACK_TIMEOUT,
            )
            errors = [d.error for d in self.deliveries if d.error]
            assert not errors, f"callbacks that did not verify or parse: {errors}"
            assert reached, f"callbacks so far: {[t.state for t in self.tasks()]}"
            return self.tasks()

    def tasks(self) -> list[sunokit.Task]:
        return [d.task for d in self.deliveries if d.task is not None]


class Receivers:
    """One web app serving a fresh receiver per test at /hooks/<n> (one server per module)."""

    def __init__(self) -> None:
        self.base_url = ""
        self._receivers: dict[str, Receiver] = {}
        self.app = Starlette(routes=[Route("/hooks/{name}", self._hook, methods=["POST"])])

    async def _hook(self, request: Request) -> Response:
        receiver = self._receivers.get(str(request.path_params["name"]))
        if receiver is None:
            return JSONResponse({"error": "no such receiver"}, status_code=404)
        return await receiver.hook(request)

    def receiver_for(self, vendor: str) -> tuple[Receiver | None, str | None]:
        """A new receiver and its URL for a vendor that sends callbacks, else (None, None)."""
        if vendor not in CALLBACK_STATES:
            return None, None
        name = str(len(self._receivers))
        self._receivers[name] = Receiver(vendor, SECRET if vendor in SIGNING else None)
        return self._receivers[name], f"{self.base_url}/hooks/{name}"


@pytest.fixture(scope="module")
def hooks() -> Iterator[Receivers]:
    receivers = Receivers()
    with serve_app(receivers.app) as base_url:
        receivers.base_url = base_url
        yield receivers


# --------------------------------------------------------------------------- one body, two drivers


class Driver:
    """SunoClient or AsyncSunoClient behind one awaitable interface, so each test body runs
    over both drivers (the sync client simply blocks inside the test's event loop; the servers
    run in their own threads)."""

    def __init__(self, kind: str, vendor: str, running: RunningMock, **options: Any) -> None:
        self.kind = kind
        options = {
            "api_key": running.api_key,
            "base_url": running.base_url,
            "poll_interval": POLL_INTERVAL,
            "timeout": HTTP_TIMEOUT,
            **options,
        }
        if kind == "sync":
            self.client: Any = sunokit.SunoClient(vendor, **options)
        else:
            self.client = sunokit.AsyncSunoClient(vendor, **options)

    async def generate(self, request: sunokit.MusicRequest, **options: Any) -> sunokit.Task:
        options.setdefault("timeout", WAIT_TIMEOUT)
        if self.kind == "sync":
            task: sunokit.Task = self.client.generate(request, **options)
            return task
        return await self.client.generate(request, **options)  # type: ignore[no-any-return]

    async def close(self) -> None:
        if self.kind == "sync":
            self.client.close()
        else:
            await self.client.aclose()


@contextlib.asynccontextmanager
async def driving(
    kind: str, vendor: str, running: RunningMock, **options: Any
) -> AsyncIterator[Driver]:
    driver = Driver(kind, vendor, running, **options)
    try:
        yield driver
    finally:
        await driver.close()


@pytest.fixture(params=["sync", "async"])
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def callback_options(vendor: str, url: str | None) -> dict[str, Any]:
    if url is None:
        return {}
    options: dict[str, Any] = {"callback_url": url}
    if vendor in SIGNING:
        options["webhook_secret"] = SECRET
    return options


# --------------------------------------------------------------------------- checking media


def check_wav(content: bytes, duration: float | None) -> None:
    """Valid PCM WAV whose length (frames / rate) is `duration` to within one frame."""
    assert (content[:4], content[8:12]) == (b"RIFF", b"WAVE")
    with wave.open(io.BytesIO(content), "rb") as audio:
        channels = audio.getnchannels()
        rate = audio.getframerate()
        width = audio.getsampwidth()
        frames = audio.getnframes()
        data = audio.readframes(frames)
    assert channels in (1, 2)
    assert 8000 <= rate <= 192_000
    assert width in (1, 2, 3, 4)
    assert frames > 0
    assert len(data) == frames * channels * width  # nothing truncated
    assert duration is not None, "a finished track states its duration"
    assert abs(frames / rate - duration) <= 1 / rate, (frames / rate, duration)


def check_png(content: bytes) -> None:
    """PNG signature, then a well-formed IHDR chunk (length 13, sane size, valid CRC)."""
    assert content[:8] == b"\x89PNG\r\n\x1a\n"
    length, kind = struct.unpack(">I4s", content[8:16])
    assert (length, kind) == (13, b"IHDR")
    header = content[16:29]
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert width > 0
    assert height > 0
    assert depth in (1, 2, 4, 8, 16)
    assert colour in (0, 2, 3, 4, 6)
    (crc,) = struct.unpack(">I", content[29:33])
    assert crc == zlib.crc32(b"IHDR" + header) & 0xFFFFFFFF
    assert content.rstrip(b"\x00")[-8:-4] == b"IEND"


def check_media(tracks: tuple[sunokit.Track, ...]) -> None:
    """Download every track's audio and cover over HTTP and check them."""
    assert tracks
    with httpx.Client(timeout=HTTP_TIMEOUT) as http:
        for track in tracks:
            assert track.audio_url is not None
            assert track.image_url is not None
            assert track.audio_url.startswith("http://127.0.0.1:")
            audio = http.get(track.audio_url)
            assert audio.status_code == 200
            assert audio.headers["content-type"].startswith("audio/")
            check_wav(audio.content, track.duration)
            cover = http.get(track.image_url)
            assert cover.status_code == 200
            assert cover.headers["content-type"] == "image/png"
            check_png(cover.content)


def summary(task: sunokit.Task) -> tuple[Any, ...]:
    return task.task_id, [(t.id, t.audio_url) for t in task.tracks]


# --------------------------------------------------------------------------- tests


def test_the_callback_table_matches_the_specs() -> None:
    assert sorted(CALLBACK_STATES) == sorted(callbacks.callback_vendors())
    assert sorted(REQUESTS) == sorted(sunokit.VENDORS)
    assert [v for v in SIGNING if callbacks.signature_header(v) is None] == []
    assert FIRST_STAGE == ["apikley", "sunoapi_org"]


@pytest.mark.asyncio
@pytest.mark.parametrize("vendor", sunokit.VENDORS)
async def test_generate_receives_callbacks_and_downloads_valid_media(
    vendor: str, kind: str, hooks: Receivers
) -> None:
    receiver, hook = hooks.receiver_for(vendor)
    with serve_in_thread(vendor, timings=TIMINGS, worker_interval=0.01) as running:
        async with driving(kind, vendor, running, **callback_options(vendor, hook)) as client:
            started = time.monotonic()
            task = await client.generate(REQUESTS[vendor])
            elapsed = time.monotonic() - started

        assert task.state == "succeeded"
        assert task.done
        assert task.error is None
        assert running.mock.stats.accepted_submissions == 1  # never submitted twice
        assert list(running.mock.tasks) == [task.task_id]
        assert running.mock.stage_of(task.task_id) == "complete"
        assert len(task.tracks) == len(running.mock.durations)
        assert [t.duration for t in task.tracks] == list(running.mock.durations)
        assert elapsed >= TIMINGS.complete  # it waited for the task, it did not give up early
        check_media(task.tracks)

        if receiver is None:
            assert running.mock.callbacks == []
            return
        expected = CALLBACK_STATES[vendor]
        got = receiver.wait_for(lambda tasks: len(tasks) >= len(expected))
        assert [t.state for t in got] == expected
        final = got[-1]
        if vendor in SIGNING:
            header = callbacks.signature_header(vendor)
            assert header is not None
            assert all(header.lower() in d.headers for d in receiver.deliveries)
            for delivery in receiver.deliveries:  # the signature covers the body with our key
                with pytest.raises(sunokit.CallbackError, match="signature mismatch"):
                    callbacks.unwrap(vendor, delivery.body, delivery.headers, secret="wrong")
        # SunoAPI.com's webhook body carries no task id (spec: WebhookPayload); its clips do.
        if final.task_id:
            assert final.task_id == task.task_id
        else:
            assert vendor == "sunoapi_com"
        assert [(t.id, t.audio_url) for t in final.tracks] == [
            (t.id, t.audio_url) for t in task.tracks
        ]
        assert [t.duration for t in final.tracks] == [t.duration for t in task.tracks]
        assert all(t.task_id in ("", task.task_id) for t in got)
        assert running.mock.stats.callbacks_failed == 0


@pytest.mark.asyncio
@pytest.mark.parametrize("vendor", sunokit.VENDORS)
async def test_sensitive_word_fails_the_task_with_the_vendors_reason(
    vendor: str, kind: str, hooks: Receivers
) -> None:
    receiver, hook = hooks.receiver_for(vendor)
    with serve_in_thread(
        vendor, timings=TIMINGS, worker_interval=0.01, sensitive_word="forbidden"
    ) as running:
        request = _failing(REQUESTS[vendor], "forbidden")
        async with driving(kind, vendor, running, **callback_options(vendor, hook)) as client:
            with pytest.raises(sunokit.TaskFailedError) as caught:
                await client.generate(request)

        failed = caught.value.task
        mock_task = running.mock.tasks[failed.task_id]
        assert mock_task.failure == "sensitive"
        assert failed.state == "failed"
        assert failed.error is not None
        assert failed.error.message == mock_task.reason
        assert str(mock_task.reason) in str(caught.value)
        assert running.mock.stats.accepted_submissions == 1
        kinds = (
            _specs.load_spec(vendor)["components"]["schemas"]
            .get("TaskStatus", {})
            .get("x-sunokit-failure-kinds", {})
        )
        if kinds:  # the spec names which failed state means a rejected prompt
            assert kinds.get(failed.vendor_state) == "content_rejected"
            assert caught.value.kind == "content_rejected"
            assert failed.error.kind == "content_rejected"

        if receiver is not None:
            got = receiver.wait_for(lambda tasks: any(t.state == "failed" for t in tasks))
            assert [t.state for t in got] == ["failed"]
            assert got[0].error is not None
            assert got[0].error.message == mock_task.reason
            if vendor in ("sunoapi_org", "apikley"):  # the callback code's x-sunokit-error-kinds
                assert got[0].error.kind == "content_rejected"
            if got[0].task_id:
                assert got[0].task_id == failed.task_id


@pytest.mark.asyncio
@pytest.mark.parametrize("vendor", FIRST_STAGE)
async def test_until_first_returns_at_the_first_track(
    vendor: str, kind: str, hooks: Receivers
) -> None:
    receiver, hook = hooks.receiver_for(vendor)
    with serve_in_thread(vendor, timings=FIRST_STAGE_TIMINGS, worker_interval=0.01) as running:
        async with driving(kind, vendor, running, **callback_options(vendor, hook)) as client:
            task = await client.generate(REQUESTS[vendor], until="first")
        assert task.state == "first_ready"
        assert running.mock.stage_of(task.task_id) == "first"  # not complete yet
        assert running.mock.stats.accepted_submissions == 1
        ready = [t for t in task.tracks if t.audio_url]
        assert ready
        assert ready[0].id == task.tracks[0].id
        check_media((ready[0],))
        if receiver is not None:
            got = receiver.wait_for(lambda tasks: len(tasks) >= 2)
            assert [t.state for t in got] == ["text_ready", "first_ready"]
            assert got[-1].task_id == task.task_id
            assert [t.id for t in got[-1].tracks] == [t.id for t in task.tracks]


@pytest.mark.asyncio
@pytest.mark.parametrize("vendor", sorted(v for v in sunokit.VENDORS if v in CALLBACK_STATES))
async def test_a_missing_required_callback_url_is_refused_before_sending(
    vendor: str, kind: str
) -> None:
    """Regression: the generated model used to raise a bare KeyError for a body without the
    required callBackUrl; now local validation names the field and nothing is sent."""
    submit = _specs.operation(vendor, "submit").request_schema_pointer
    required = _specs.resolve(vendor, {"$ref": submit}).get("required") or ()
    with serve_in_thread(vendor, timings=TIMINGS) as running:
        async with driving(kind, vendor, running) as client:
            if "callBackUrl" in required:
                with pytest.raises(sunokit.ClientValidationError, match="callBackUrl"):
                    await client.generate(REQUESTS[vendor])
                assert sum(running.mock.stats.requests.values()) == 0  # nothing was sent
            else:
                task = await client.generate(REQUESTS[vendor])
                assert task.state == "succeeded"
                assert running.mock.callbacks == []  # no URL, no callbacks


@pytest.mark.parametrize("vendor", sunokit.VENDORS)
def test_webhook_secret_only_for_vendors_that_sign(vendor: str) -> None:
    """Regression: the clients could not ask SunoAPI.com for signed webhooks at all."""
    signs = vendor in callbacks.callback_vendors() and callbacks.signature_header(vendor)
    for client_class in (sunokit.SunoClient, sunokit.AsyncSunoClient):
        if signs:
            client_class(vendor, api_key="k", webhook_secret=SECRET)
        else:
            with pytest.raises(sunokit.ConfigurationError, match="sign"):
                client_class(vendor, api_key="k", webhook_secret=SECRET)
        with pytest.raises(sunokit.ConfigurationError, match="non-empty"):
            client_class(vendor, api_key="k", webhook_secret="")
