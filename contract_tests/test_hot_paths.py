"""Shortcuts taken on the per-request hot paths give exactly what the plain code gave."""

from __future__ import annotations

import json
from typing import Any

import attrs
import httpx
import pytest
import sunokit
from sunokit._models import Task, Track, _with_task_id
from sunokit.testing import mock_vendor

from .spec_tools import VENDORS


def test_a_stamped_track_is_what_evolve_makes() -> None:
    track = Track(
        id="a",
        title="t",
        audio_url="https://x/a.mp3",
        stream_url="https://x/s",
        image_url="https://x/i.png",
        duration=1.5,
        tags="pop",
        lyrics="la",
        model="V4_5",
        created_at=17,
    )
    stamped = _with_task_id(track, "task-1")
    expected = attrs.evolve(track, task_id="task-1")
    assert stamped == expected
    assert attrs.asdict(stamped) == attrs.asdict(expected)
    assert hash(stamped) == hash(expected)
    assert track.task_id == ""  # the original is untouched
    assert Task(vendor="sunosay", task_id="task-1", state="queued", tracks=(track,)).tracks == (
        expected,
    )


def test_a_track_subclass_is_stamped_by_evolve() -> None:
    @attrs.frozen
    class Tagged(Track):
        extra: str = "e"

    stamped = _with_task_id(Tagged(id="a"), "t")
    assert type(stamped) is Tagged
    assert stamped.extra == "e"
    assert stamped.task_id == "t"


def test_headers_copied_in_one_pass_are_what_dict_gives() -> None:
    headers = httpx.Headers([("X-A", "1"), ("x-a", "2"), ("Retry-After", "3")])
    assert dict(headers.items()) == dict(headers)


def test_same_json_tells_types_apart() -> None:
    # submit() validates the generated model's wire body again only when it differs from the
    # body validated first; "differs" must see what == does not.
    from sunokit._client import _same_json

    body = {"a": 1, "b": [True, {"c": "x"}], "d": None, "e": 1.5}
    assert _same_json(body, {"e": 1.5, "d": None, "b": [True, {"c": "x"}], "a": 1})
    for changed in (
        {**body, "a": True},
        {**body, "a": 1.0},
        {**body, "b": [1, {"c": "x"}]},
        {**body, "b": (True, {"c": "x"})},
        {**body, "d": 0},
        {**body, "f": 1},
        {k: v for k, v in body.items() if k != "e"},
    ):
        assert not _same_json(changed, body)
    assert not _same_json(None, {})
    assert not _same_json(float("nan"), float("nan"))


def _answers(vendor: str) -> list[tuple[str, int, Any]]:
    """(operationId, status, body) for every documented answer example of a vendor, as
    documented, as a newer server might send it, and with each top-level field dropped or given
    a value of every other JSON type."""
    from sunokit import _specs

    from .spec_tools import future_variants

    found: list[tuple[str, int, Any]] = []
    for operation in _specs.operations(vendor):
        for key, entry in operation.definition.get("responses", {}).items():
            status = 500 if key == "default" else int(key.replace("XX", "00"))
            media = _specs.resolve(vendor, entry).get("content", {}).get("application/json", {})
            for example in (media.get("examples") or {}).values():
                value = example["value"]
                bodies = [value, *future_variants(vendor, media["schema"], value).values()]
                if isinstance(value, dict):
                    for name in value:
                        bodies.append({k: v for k, v in value.items() if k != name})
                        for other in (None, 7, 1.5, "x", True, [], {}, [{}]):
                            bodies.append({**value, name: other})
                found += [(operation.operation_id, status, body) for body in bodies]
    return found


@pytest.mark.parametrize("vendor", VENDORS)
def test_an_answer_of_the_documented_shape_always_builds_its_generated_model(vendor: str) -> None:
    # The client builds an answer's generated model lazily only when jsonschema_rs finds the
    # body valid for the documented answer; the model must then build (it is what `task.raw`
    # and `client.request()` return), exactly as the eager path would have built it.
    from sunokit._client import _generated_model
    from sunokit._operations import endpoint, spec_operation
    from sunokit._validation import answer_has_documented_shape

    fast = slow = 0
    for operation_id, status, body in _answers(vendor):
        module = endpoint(spec_operation(vendor, operation_id))
        content = json.dumps(body).encode()
        model = _generated_model(module, status, content, body)
        if answer_has_documented_shape(vendor, operation_id, status, body):
            fast += 1
            assert model is not None, (operation_id, status, body)
        else:
            slow += 1
    assert fast > slow / 10, (fast, slow)  # the shortcut is taken for documented answers


def test_a_lazy_model_is_built_once_on_first_read() -> None:
    from sunokit._models import LazyModel

    built: list[int] = []
    lazy = LazyModel(lambda: built.append(1) or "model")
    task = Task(vendor="sunosay", task_id="t", state="queued", raw=lazy)
    assert built == []
    assert task.raw == "model"
    assert task.raw == "model"
    assert attrs.evolve(task, state="running").raw == "model"
    assert built == [1]


def test_with_raw_of_new_is_what_evolve_makes() -> None:
    from sunokit._models import TaskError, with_raw_of_new

    def new() -> Task:
        return Task(
            vendor="sunosay",
            task_id="t",
            state="failed",
            vendor_state="error",
            error=TaskError(code="E", message="m", kind="failed"),
            tracks=(Track(id="a"),),
            raw={"old": 1},
            operation="lyrics.generate",
            result="r",
        )

    fresh = new()
    fast, slow = with_raw_of_new(fresh, {"new": 2}), attrs.evolve(new(), raw={"new": 2})
    assert fast is fresh  # set in place: only for a Task no one else holds yet
    assert fast == slow
    assert fast.raw == slow.raw == {"new": 2}
    assert [getattr(fast, f.name) for f in attrs.fields(Task)] == [
        getattr(slow, f.name) for f in attrs.fields(Task)
    ]


def test_a_polled_task_is_not_the_one_a_previous_poll_returned() -> None:
    """Polls of one job share their request (kept per job), never their answer's Task."""
    with mock_vendor("sunosay", rate_limits=False) as mocked, mocked.new_client() as client:
        task = client.submit(sunokit.Description("one song"))
        first, second = client.get(task), client.get(task)
    assert first is not second
    assert first.raw is not second.raw
    assert first.task_id == second.task_id == task.task_id


def test_track_mappings_made_on_the_fly_are_each_read_as_themselves() -> None:
    """The plan of a keys mapping is kept by the mapping's id: a new mapping that reuses a
    freed one's id must not be read with the old plan."""
    from sunokit._adapters._base import track_from

    item = {"a": "one", "b": "two", "x": "id-1"}
    for _ in range(200):  # temporaries: their ids are reused
        assert track_from(item, keys={"id": "x", "title": "a"}).title == "one"
        assert track_from(item, keys={"id": "x", "title": "b"}).title == "two"
    assert track_from(item, keys={"id": "x"}, fixed={"lyrics": "la"}).lyrics == "la"


def test_a_track_built_with_its_task_id_is_the_one_the_task_would_stamp() -> None:
    from sunokit._adapters._base import track_from

    item = {"id": "a", "title": "", "audio_url": "https://x/a.mp3", "duration": "12.5"}
    keys = {"id": "id", "title": "title", "audio_url": "audio_url", "duration": "duration"}
    stamped = Task(
        vendor="sunosay", task_id="t", state="queued", tracks=(track_from(item, keys=keys),)
    )
    direct = track_from(item, keys=keys, task_id="t")
    assert stamped.tracks == (direct,)
    assert direct.title is None
    assert direct.duration == 12.5


@pytest.mark.parametrize(
    "body",
    [
        {"task_id": "6f4c478c-3aad-5676-96d6-839b197a627a"},
        {"prompt": 'Grüße, 世界 \u2028 "quoted" \\ \n', "n": [1, 2.5, True, None], "o": {}},
        {"emoji": "🎵", "big": 2**70, "neg": -0.0, "e": 1e300},
    ],
)
def test_a_json_body_is_sent_as_the_bytes_httpx_json_would_send(body: dict[str, Any]) -> None:
    from sunokit._client import _encode_json

    sent = _encode_json(body).encode("utf-8")
    assert sent == httpx.Request("POST", "http://x.test/", json=body).content
    with pytest.raises(ValueError, match="JSON compliant"):  # as httpx's encoder refuses it
        _encode_json({"x": float("nan")})


def test_a_poll_request_is_kept_per_call_and_a_create_is_made_each_time() -> None:
    sent: list[httpx.Request] = []
    with (
        mock_vendor("sunosay", rate_limits=False) as mocked,
        httpx.Client(trust_env=False, event_hooks={"request": [sent.append]}) as http,
        mocked.new_client(http_client=http) as client,
    ):
        one = client.submit(sunokit.Description("one song"))
        two = client.submit(sunokit.Description("another song"))
        for task in (one, two, one):
            client.get(task)
        core = client._core
        poll = core.poll_step(one)
        assert poll is not None
        assert core.send_arguments(poll.call) is core.send_arguments(poll.call)
        create = core.submit_call(sunokit.Description("x"), None)
        assert core.send_arguments(create) is not core.send_arguments(create)
    creates, polls = sent[:2], sent[2:]
    assert [json.loads(r.content)["prompt"] for r in creates] == ["one song", "another song"]
    assert [json.loads(r.content)["task_id"] for r in polls] == [
        one.task_id,
        two.task_id,
        one.task_id,
    ]
    assert all(r.headers["content-type"] == "application/json" for r in sent)
    assert all(int(r.headers["content-length"]) == len(r.content) for r in sent)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        (12.5, 12.5),
        (0.0, 0.0),
        (-1.0, None),
        (float("nan"), None),
        (float("inf"), None),
        (float("-inf"), None),
        (7, 7.0),
        (True, None),
        ("3.5", 3.5),
        (10**400, None),
    ],
)
def test_durations_are_read_by_the_same_rules_on_the_float_fast_path(
    value: object, seconds: float | None
) -> None:
    from sunokit._models import parse_duration

    assert parse_duration(value) == seconds


class _Recorder:
    """An ASGI wrapper around a mock: records each request's Cookie header and body, and sets
    a new cookie on every answer (as a load balancer pinning a session would)."""

    def __init__(self, app: Any, *, cookies: bool) -> None:
        self.app = app
        self.cookies = cookies
        self.seen: list[tuple[bytes | None, bytes]] = []

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        while True:
            message = await receive()
            chunks.append(message.get("body", b""))
            if not message.get("more_body"):
                break
        self.seen.append((dict(scope["headers"]).get(b"cookie"), b"".join(chunks)))
        number = len(self.seen)
        replayed = iter([{"type": "http.request", "body": b"".join(chunks)}])

        async def again() -> Any:
            return next(replayed, {"type": "http.disconnect"})

        async def with_cookie(message: Any) -> None:
            if message["type"] == "http.response.start" and self.cookies:
                cookie = (b"set-cookie", f"node=n{number}; Path=/".encode())
                message = {**message, "headers": [*message.get("headers", []), cookie]}
            await send(message)

        await self.app(scope, again, with_cookie)


def _recorded_mock(*, cookies: bool) -> tuple[_Recorder, str]:
    from sunokit.mock import StageTimings, create_app

    mock = create_app("sunosay", rate_limits=False, timings=StageTimings(0, 0, 0))
    return _Recorder(mock, cookies=cookies), mock.api_key


@pytest.mark.parametrize("driver", ["sync", "async"])
def test_polls_through_an_owned_client_send_the_request_built_for_the_first(driver: str) -> None:
    """One built request per job is sent again for each poll (its bytes each time the same,
    another job's its own); a create is built for each send."""
    import asyncio

    from sunokit.mock._server import serve_asgi_in_thread

    recorder, key = _recorded_mock(cookies=False)
    with serve_asgi_in_thread(recorder) as base_url:
        if driver == "sync":
            with sunokit.SunoClient("sunosay", api_key=key, base_url=base_url) as client:
                one = client.submit(sunokit.Description("one song"))
                two = client.submit(sunokit.Description("another song"))
                for task in (one, two, one, one):
                    client.get(task)
                core, http = client._core, client._http[None]
        else:

            async def run() -> tuple[Any, Any, Task, Task]:
                async with sunokit.AsyncSunoClient(
                    "sunosay", api_key=key, base_url=base_url
                ) as client:
                    one = await client.submit(sunokit.Description("one song"))
                    two = await client.submit(sunokit.Description("another song"))
                    for task in (one, two, one, one):
                        await client.get(task)
                    return client._core, client._http[None], one, two

            core, http, one, two = asyncio.run(run())
    poll = core.poll_step(one)
    assert poll is not None
    first, second = core.sending(poll.call, http), core.sending(poll.call, http)
    assert first[0] == http.send
    assert first[1]["request"] is second[1]["request"]
    create = core.submit_call(sunokit.Description("x"), None)
    assert core.sending(create, http)[0] == http.request
    bodies = [json.loads(body) for _, body in recorder.seen]
    assert [b["prompt"] for b in bodies[:2]] == ["one song", "another song"]
    assert [b["task_id"] for b in bodies[2:]] == [one.task_id, two.task_id] + [one.task_id] * 2
    assert [body for _, body in recorder.seen[2:]].count(recorder.seen[2][1]) == 3


def test_a_raw_request_of_the_poll_operation_keeps_nothing() -> None:
    """`request()` makes a new call each time, never sent again: nothing of it is kept (only a
    kept poll step's calls are), and each goes out with its own body."""
    from sunokit.mock._server import serve_asgi_in_thread

    recorder, key = _recorded_mock(cookies=False)
    with (
        serve_asgi_in_thread(recorder) as base_url,
        sunokit.SunoClient("sunosay", api_key=key, base_url=base_url) as client,
    ):
        one = client.submit(sunokit.Description("one song"))
        two = client.submit(sunokit.Description("another song"))
        for task in (one, two, one):
            client.request("get_task", {"task_id": task.task_id})
        core = client._core
        assert (core._poll_requests, core._poll_arguments) == ({}, {})
        client.get(one)  # a kept poll step's call: kept
        assert len(core._poll_requests) == len(core._poll_arguments) == 1
    bodies = [json.loads(body) for _, body in recorder.seen[2:]]
    assert [b["task_id"] for b in bodies] == [one.task_id, two.task_id, one.task_id, one.task_id]


@pytest.mark.parametrize("driver", ["sync", "async"])
def test_a_cookie_the_vendor_sets_travels_with_the_next_poll(driver: str) -> None:
    """A kept poll request would carry the cookies of its first build: once the client holds a
    cookie, every request is built anew, so each carries the latest one."""
    import asyncio

    from sunokit.mock._server import serve_asgi_in_thread

    recorder, key = _recorded_mock(cookies=True)
    with serve_asgi_in_thread(recorder) as base_url:
        if driver == "sync":
            with sunokit.SunoClient("sunosay", api_key=key, base_url=base_url) as client:
                task = client.get(client.get(client.submit(sunokit.Description("one song"))))
                client.get(task)
        else:

            async def run() -> None:
                async with sunokit.AsyncSunoClient(
                    "sunosay", api_key=key, base_url=base_url
                ) as client:
                    task = await client.submit(sunokit.Description("one song"))
                    for _ in range(3):
                        task = await client.get(task)

            asyncio.run(run())
    assert [cookie for cookie, _ in recorder.seen] == [None, b"node=n1", b"node=n2", b"node=n3"]
