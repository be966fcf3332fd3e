"""SunoSay's every documented operation (issue 10) through the typed client and the mock:
generate-music, generate-instrumental, extend-music, extend-Instrumental and the music
get-task; generate-lyrics and the lyrics get-task (the job id in the body). The mock renders
each through its lifecycle by a ManualClock, its answers valid against the spec, clips it never
made refused; the client refuses what SunoSay does not offer before anything is sent."""

from __future__ import annotations

import copy
import warnings
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import sunokit
from hypothesis import given
from hypothesis import strategies as st
from sunokit import _operations, _specs
from sunokit.mock import ManualClock, StageTimings, create_app
from sunokit.testing import MockedVendor, mock_vendor

from .spec_tools import examples, load, validator

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

VENDOR = "sunosay"
AUTH = {"Authorization": "Bearer sk-mock"}

# Every page of docs.sunosay.com the inventory found (endpoints-sunosay-relay.md, part 1).
DOCUMENTED = {
    ("post", "/suno/music/generate-music"),
    ("post", "/suno/music/generate-instrumental"),
    ("post", "/suno/music/extend-music"),
    ("post", "/suno/music/extend-Instrumental"),
    ("post", "/suno/music/get-task"),
    ("post", "/suno/lyrics/generate-lyrics"),
    ("post", "/suno/lyrics/get-task"),
}


@pytest.fixture(scope="module")
def m() -> Iterator[MockedVendor]:
    with mock_vendor(VENDOR, rate_limits=False) as running:
        yield running


@pytest.fixture(scope="module")
def song(m: MockedVendor) -> sunokit.Task:
    task = m.client.generate(sunokit.Description("a calm piano tune about rain"), timeout=30)
    assert task.state == "succeeded"
    return task


def _through(answer: Any) -> tuple[sunokit.SunoClient, list[httpx.Request], httpx.Client]:
    """A client whose every request is answered by `answer(request)`; the requests it sent."""
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return answer(request)

    http = httpx.Client(transport=httpx.MockTransport(handler))
    client = sunokit.SunoClient(
        VENDOR, api_key="k1", base_url="https://x.test", http_client=http, sleep=lambda s: None
    )
    return client, sent, http


def test_every_documented_operation_is_in_the_spec() -> None:
    paths = load(VENDOR)["paths"]
    found = {(method, path) for path, item in paths.items() for method in item}
    assert found == DOCUMENTED
    lyrics = _operations.spec_operation(VENDOR, "generate_lyrics")
    assert (lyrics.capability, lyrics.phase, lyrics.poll) == (
        "lyrics.generate",
        "create",
        "get_lyrics_task",
    )
    poll = _operations.spec_operation(VENDOR, "get_lyrics_task")
    assert poll.job_id_field == ("task_id",)  # SunoSay polls with a POST body
    assert poll.state_schema == "LyricsTaskStatus"


def test_what_sunosay_offers() -> None:
    with sunokit.SunoClient(VENDOR, api_key="k1") as client:
        assert client.supports(sunokit.Instrumental)
        assert client.supports(sunokit.GenerateLyrics)
        assert not client.supports(sunokit.Inspiration)
        assert not client.supports(sunokit.CreatePersona)
        with pytest.raises(sunokit.UnsupportedRequestError) as raised:
            client.submit(sunokit.CreatePersona(sunokit.TrackRef("T", "A"), "N", "D"))
    assert "persona.create" in str(raised.value)
    assert "sunoapi_org" in str(raised.value)  # who has it


def test_an_instrumental_goes_to_its_own_endpoint_and_makes_real_audio(m: MockedVendor) -> None:
    request = sunokit.Instrumental(
        "ambient synth pads", "Drift", tuning=sunokit.Tuning(negative_tags="drums")
    )
    task = m.client.generate(request, timeout=30)
    assert task.state == "succeeded"
    accepted = m.mock.tasks[task.task_id]
    assert accepted.operation == "generate_instrumental"
    assert accepted.body == {
        "tags": "ambient synth pads",
        "title": "Drift",
        "negative_tags": "drums",
        "model": "v3.5",
    }
    audio = m.http.get(task.tracks[0].audio_url.removeprefix(m.base_url.rstrip("/")))
    assert audio.status_code == 200
    assert audio.content[:4] == b"RIFF"
    assert audio.content[8:12] == b"WAVE"


def test_lyrics_are_a_job_polled_with_the_id_in_the_body(m: MockedVendor) -> None:
    task = m.client.generate(sunokit.GenerateLyrics("rain on an old window"), timeout=30)
    assert task.operation == "lyrics.generate"
    assert isinstance(task.result, sunokit.Lyrics)
    assert "rain on an old window" in task.result.text
    assert task.result.variants[0].title
    assert m.mock.tasks[task.task_id].body == {"prompt": "rain on an old window"}


def test_the_lyrics_poll_sends_the_id_in_its_body() -> None:
    """Regression: the core put a poll's job id only in a parameter; SunoSay's lyrics get-task
    has none (x-sunokit-job-id-field says the body)."""

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/suno/lyrics/generate-lyrics":
            return httpx.Response(200, json={"code": 200, "task_id": "L1", "message": "ok!"})
        body = {"code": 200, "task_id": "L1", "status": "complete", "prompt": {}}
        body["lyrics"] = {"text": "[Verse]\nla", "title": "La"}
        return httpx.Response(200, json=body)

    client, sent, http = _through(answer)
    with http, client:
        task = client.generate(sunokit.GenerateLyrics("la"), timeout=5)
    assert task.result == sunokit.Lyrics((sunokit.LyricsVariant("[Verse]\nla", "La"),))
    assert [r.url.path for r in sent] == ["/suno/lyrics/generate-lyrics", "/suno/lyrics/get-task"]
    assert sent[1].method == "POST"
    assert httpx.Response(200, content=sent[1].content).json() == {"task_id": "L1"}


def test_a_complete_lyrics_answer_without_text_is_a_sunokit_error() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/suno/lyrics/generate-lyrics":
            return httpx.Response(200, json={"code": 200, "task_id": "L1", "message": "ok!"})
        return httpx.Response(200, json={"code": 200, "task_id": "L1", "status": "complete"})

    client, _, http = _through(answer)
    with http, client, pytest.raises(sunokit.APIResponseError, match=r"lyrics\.text") as raised:
        client.generate(sunokit.GenerateLyrics("la"), timeout=5)
    assert "L1" in str(raised.value)  # accepted before the error: the task is named


def test_a_failed_lyrics_task_carries_the_reason() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/suno/lyrics/generate-lyrics":
            return httpx.Response(200, json={"code": 200, "task_id": "L1", "message": "ok!"})
        failed = {"code": 200, "task_id": "L1", "status": "error", "message": "Lyrics failed"}
        return httpx.Response(200, json=failed)

    client, _, http = _through(answer)
    with http, client, pytest.raises(sunokit.TaskFailedError) as raised:
        client.generate(sunokit.GenerateLyrics("la"), timeout=5)
    assert raised.value.task.task_id == "L1"
    assert raised.value.task.error is not None
    assert raised.value.task.error.message == "Lyrics failed"


def test_callbacks_are_refused_before_anything_is_sent(m: MockedVendor) -> None:
    before = m.mock.stats.accepted_submissions
    with pytest.raises(sunokit.UnsupportedRequestError, match="no callbacks"):
        m.client.submit(sunokit.GenerateLyrics("rain", callback_url="https://cb.example/h"))
    with (
        m.new_client(callback_url="https://cb.example/h") as client,
        pytest.raises(sunokit.UnsupportedRequestError, match="no callbacks"),
    ):
        client.submit(sunokit.GenerateLyrics("rain"))
    assert m.mock.stats.accepted_submissions == before


@pytest.mark.parametrize("instrumental", [False, True], ids=["extend-music", "extend-instrumental"])
def test_extending_a_clip_the_service_never_made_is_refused_unbilled(
    m: MockedVendor, song: sunokit.Task, instrumental: bool
) -> None:
    lyrics = None if instrumental else "[Bridge]\nmore"
    known = sunokit.Extend(
        song.tracks[0].id,
        at=10,
        lyrics=lyrics,
        style="piano",
        title="Rain",
        instrumental=instrumental,
    )
    extended = m.client.generate(known, timeout=30)
    assert extended.state == "succeeded"
    operation = "extend_instrumental" if instrumental else "extend_music"
    assert m.mock.tasks[extended.task_id].operation == operation
    before = (len(m.mock.tasks), m.mock.stats.accepted_submissions)
    with pytest.raises(sunokit.NotFoundError, match="continue_clip_id"):
        m.client.submit(
            sunokit.Extend(
                "no-such-clip",
                at=10,
                lyrics=lyrics,
                style="piano",
                title="Rain",
                instrumental=instrumental,
            )
        )
    assert (len(m.mock.tasks), m.mock.stats.accepted_submissions) == before


def test_an_unknown_lyrics_task_is_refused(m: MockedVendor) -> None:
    job = sunokit.Task(VENDOR, "no-such-task", "queued", operation="lyrics.generate")
    with pytest.raises(sunokit.NotFoundError):
        m.client.get(job)


def test_the_lyrics_lifecycle_on_the_wire() -> None:
    """Each stage's answer is valid against the spec and says the state the spec maps."""
    clock = ManualClock()
    app = create_app(VENDOR, clock=clock, timings=StageTimings(1, 2, 3))
    schema = load(VENDOR)["paths"]["/suno/lyrics/get-task"]["post"]["responses"]["200"]["content"][
        "application/json"
    ]["schema"]
    states = _specs.task_states(VENDOR, "LyricsTaskStatus")
    seen = []
    with TestClient(app) as http:
        created = http.post("/suno/lyrics/generate-lyrics", json={"prompt": "rain"}, headers=AUTH)
        task_id = created.json()["task_id"]
        for _ in range(4):
            answer = http.post("/suno/lyrics/get-task", json={"task_id": task_id}, headers=AUTH)
            body = answer.json()
            assert not [e.message for e in validator(VENDOR, schema).iter_errors(body)], body
            seen.append(states[body["status"]])
            clock.advance(1)
    assert seen[0] == "queued"
    assert "running" in seen
    assert seen[-1] == "succeeded"
    assert body["lyrics"]["text"]


def test_an_undocumented_lyrics_state_keeps_the_wait_going() -> None:
    """The states are an open list (only `complete` is documented): an unknown one is no error
    and no end, the next answer decides."""
    answers = iter(["processing", "complete"])

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/suno/lyrics/generate-lyrics":
            return httpx.Response(200, json={"code": 200, "task_id": "L1", "message": "ok!"})
        body = {"code": 200, "task_id": "L1", "status": next(answers)}
        body["lyrics"] = {"text": "[Verse]\nla", "title": "La"}
        return httpx.Response(200, json=body)

    client, sent, http = _through(answer)
    seen: list[sunokit.Task] = []
    with http, client:
        task = client.submit(sunokit.GenerateLyrics("la"))
        done = client.wait(task, timeout=30, on_update=seen.append)
    assert [t.state for t in seen][-1] == "succeeded"
    assert any(t.state == "unknown" and t.vendor_state == "processing" for t in seen)
    assert done.result is not None
    assert len(sent) == 3


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
LYRICS_ANSWERS = [
    e.value
    for e in examples(VENDOR)
    if e.trail == "/suno/lyrics/get-task/post/responses/200/content"
]


@pytest.mark.fuzz
@given(data=st.data())
def test_hostile_lyrics_answers_give_a_task_or_a_sunokit_error(data: st.DataObject) -> None:
    body = copy.deepcopy(data.draw(st.sampled_from(LYRICS_ANSWERS), label="documented"))
    node = body
    for _ in range(data.draw(st.integers(0, 2))):  # a field, or a field of a nested object
        inner = [k for k, v in node.items() if isinstance(v, dict)]
        if not inner:
            break
        node = node[data.draw(st.sampled_from(inner))]
    node[data.draw(st.sampled_from([*node, "status", "lyrics"]))] = data.draw(JSON, label="value")

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/suno/lyrics/generate-lyrics":
            return httpx.Response(200, json={"code": 200, "task_id": "L1", "message": "ok!"})
        return httpx.Response(200, json=body)

    client, _, http = _through(answer)
    with http, client:
        task = client.submit(sunokit.GenerateLyrics("la"))
        try:
            result: object = client.get(task)
        except sunokit.SunokitError as error:
            result = error
    assert isinstance(result, (sunokit.Task, sunokit.SunokitError)), result
