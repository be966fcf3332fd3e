"""The new-api relay's every operation (issue 10): the stock surface (music and lyrics submit,
single and batch fetch with `action`), both TaskDto shapes, both error formats, notify_hook as
documented; and the gateway extensions (concat, upload by URL, persona, timing), which a client
sends only after opting in with `extensions=(<gateway>,)`, so a plain gateway is never sent to
an endpoint it lacks."""

from __future__ import annotations

import asyncio
import copy
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import sunokit
from hypothesis import given
from hypothesis import strategies as st
from sunokit import _bindings, _operations, _specs
from sunokit.testing import MockedVendor, mock_vendor

from .spec_tools import examples, load, validator

VENDOR = "relay"
STOCK = {"submit_music", "submit_lyrics", "get_task", "fetch_tasks"}
EXTENSIONS = {
    "concat_clips": ("yutoai",),
    "upload_audio_url": ("modelverse",),
    "create_persona": ("cometapi", "deerapi"),
    "get_timing": ("yutoai", "rixapi"),
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


def _example(path: str, name: str, status: str = "200") -> Any:
    wanted = f"{path}/get/responses/{status}/content"
    for example in examples(VENDOR):
        if example.trail == wanted and example.name == name:
            return example.value
    raise AssertionError(f"no example {name} at {wanted}")


def _through(
    answer: Any, **options: Any
) -> tuple[sunokit.SunoClient, list[httpx.Request], httpx.Client]:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return answer(request)

    http = httpx.Client(transport=httpx.MockTransport(handler))
    options.setdefault("sleep", lambda seconds: None)  # no real waits between polls, retries
    client = sunokit.SunoClient(
        VENDOR, api_key="k1", base_url="https://gw.test", http_client=http, **options
    )
    return client, sent, http


# ------------------------------------------------------------------ the spec


def test_stock_operations_and_marked_extensions() -> None:
    ids = set(_operations.operation_ids(VENDOR))
    assert ids == STOCK | set(EXTENSIONS)
    for operation_id in STOCK:
        assert _bindings.extension_gateways(VENDOR, operation_id) == ()
    for operation_id, gateways in EXTENSIONS.items():
        assert _bindings.extension_gateways(VENDOR, operation_id) == gateways
    assert _bindings.known_extensions(VENDOR) == (
        "cometapi",
        "deerapi",
        "modelverse",
        "rixapi",
        "yutoai",
    )
    # notify_hook: documented on both submits, no delivery format anywhere: no callback
    for operation_id in ("submit_music", "submit_lyrics"):
        definition = _operations.spec_operation(VENDOR, operation_id).spec.definition
        assert "callbacks" not in definition
        assert definition["x-sunokit-callback"] == "undocumented"


def test_status_and_progress_values() -> None:
    assert _specs.task_states(VENDOR, "TaskStatus") == {
        "NOT_START": "queued",
        "SUBMITTED": "queued",
        "QUEUED": "queued",
        "IN_PROGRESS": "running",
        "FAILURE": "failed",
        "SUCCESS": "succeeded",
        "UNKNOWN": "running",  # the gateway keeps polling it (see the spec's reading choices)
    }


# ------------------------------------------------------------------ stock: lyrics and fetch


def test_lyrics_through_the_typed_client(m: MockedVendor) -> None:
    with m.new_client(callback_url="https://cb.example/h") as client:
        step = client._core.typed_call(sunokit.GenerateLyrics("rain"))
        assert step.call.wire_body == {"prompt": "rain", "notify_hook": "https://cb.example/h"}
        task = client.generate(sunokit.GenerateLyrics("rain on an old window"), timeout=30)
    assert task.operation == "lyrics.generate"
    assert isinstance(task.result, sunokit.Lyrics)
    assert "rain on an old window" in task.result.text
    assert m.mock.tasks[task.task_id].operation == "submit_lyrics"
    # what stock gateways do with notify_hook: nothing (the spec describes no callback)
    assert not [r for r in m.mock.callbacks if r.task_id == task.task_id]


def test_a_lyrics_task_on_the_wire_is_a_valid_lyrics_taskdto(m: MockedVendor) -> None:
    task = m.client.generate(sunokit.GenerateLyrics("rain"), timeout=30)
    body = m.http.get(f"/suno/fetch/{task.task_id}", headers=_auth(m)).json()
    schema = load(VENDOR)["paths"]["/suno/fetch/{id}"]["get"]["responses"]["200"]["content"][
        "application/json"
    ]["schema"]
    assert not [e.message for e in validator(VENDOR, schema).iter_errors(body)], body
    assert body["data"]["action"] == "LYRICS"
    assert set(body["data"]["data"]) == {"id", "status", "title", "text"}
    assert body["data"]["progress"] == "100%"


def _auth(m: MockedVendor) -> dict[str, str]:
    return {"Authorization": f"Bearer {m.api_key}"}


def test_batch_fetch_with_action_through_request(m: MockedVendor, song: sunokit.Task) -> None:
    lyrics = m.client.generate(sunokit.GenerateLyrics("rain"), timeout=30)
    answer = m.client.request(
        "fetch_tasks", {"ids": [song.task_id, lyrics.task_id, "no-such-task"], "action": "MUSIC"}
    )
    found = {dto.task_id: dto.action.value for dto in answer.data}
    # stock gateways ignore `action`; unknown ids are left out, not refused
    assert found == {song.task_id: "MUSIC", lyrics.task_id: "LYRICS"}
    assert m.client.request("fetch_tasks", {"ids": []}).data == []
    with pytest.raises(sunokit.ClientValidationError, match="ids"):
        m.client.request("fetch_tasks", {"action": "MUSIC"})


@pytest.mark.parametrize(
    "example", ["sunokit-success", "sunokit-success-slim", "sunokit-upstream-clip-list"]
)
def test_both_taskdto_shapes_and_the_bare_clip_list(example: str) -> None:
    body = _example("/suno/fetch/{id}", example)
    client, _, http = _through(lambda request: httpx.Response(200, json=body))
    with http, client:
        task = client.get("736a6f88-bd29-4b1e-b110-37132a5325ac")
    assert task.state == "succeeded"
    assert task.tracks
    assert task.tracks[0].audio_url


@pytest.mark.parametrize(
    ("status", "body", "error"),
    [
        (401, {"error": {"message": "无效的令牌", "type": "new_api_error", "code": ""}}, "Auth"),
        (400, {"code": "task_not_exist", "message": "task_not_exist", "data": None}, "NotFound"),
        (403, {"code": "quota_not_enough", "message": "quota", "data": None}, "Insufficient"),
        (503, {"error": {"message": "无可用渠道", "type": "new_api_error"}}, "Maintenance"),
    ],
    ids=["openai-shape-401", "task-error-400", "task-error-403", "openai-shape-503"],
)
def test_both_error_formats_on_the_lyrics_job(status: int, body: Any, error: str) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/suno/submit/lyrics":
            return httpx.Response(200, json={"code": "success", "message": "", "data": "L1"})
        return httpx.Response(status, json=body)

    client, _, http = _through(answer)
    with http, client, pytest.raises(sunokit.APIStatusError) as raised:
        client.generate(sunokit.GenerateLyrics("rain"), timeout=5)
    assert type(raised.value).__name__.startswith(error)
    assert "L1" in str(raised.value)  # after acceptance, every error names the task


def test_an_empty_lyrics_prompt_is_refused_locally() -> None:
    client, sent, http = _through(lambda request: httpx.Response(500))
    with http, client, pytest.raises(sunokit.ClientValidationError):
        client.request("submit_lyrics", {"prompt": ""})
    assert sent == []


# ------------------------------------------------------------------ extensions


def test_extensions_are_refused_until_opted_in_and_never_sent() -> None:
    client, sent, http = _through(lambda request: httpx.Response(404))
    with http, client:
        assert not client.supports(sunokit.CreatePersona)
        with pytest.raises(sunokit.UnsupportedRequestError) as raised:
            client.call(sunokit.CreatePersona(sunokit.TrackRef("T1", "C1"), "N", "D"))
        for operation_id, body in (
            ("concat_clips", {"clip_id": "C1"}),
            ("upload_audio_url", {"url": "https://example.com/a.mp3"}),
        ):
            with pytest.raises(sunokit.UnsupportedRequestError, match="extensions=") as refused:
                client.request(operation_id, body)
            assert "not part of the stock API" in str(refused.value)
        with pytest.raises(sunokit.UnsupportedRequestError, match="yutoai"):
            client.request("get_timing", params={"clip_id": "C1"})
    assert "extensions=('cometapi',)" in str(raised.value)
    assert sent == []


def test_an_unknown_gateway_name_is_a_configuration_error() -> None:
    with pytest.raises(sunokit.ConfigurationError, match="cometapi, deerapi"):
        sunokit.SunoClient(VENDOR, api_key="k1", extensions=("nosuchgateway",))
    with pytest.raises(sunokit.ConfigurationError, match="tuple of gateway names"):
        sunokit.SunoClient(VENDOR, api_key="k1", extensions="yutoai")  # type: ignore[arg-type]
    with pytest.raises(sunokit.ConfigurationError, match="none"):
        sunokit.SunoClient("sunosay", api_key="k1", extensions=("yutoai",))


def test_persona_after_opting_in(m: MockedVendor, song: sunokit.Task) -> None:
    with m.new_client(extensions=("deerapi",)) as client:
        assert client.supports(sunokit.CreatePersona)
        request = sunokit.CreatePersona(song.tracks[0].ref, "Rain Singer", "soft piano voice")
        assert client._core.typed_call(request).call.wire_body == {
            "root_clip_id": song.tracks[0].id,
            "name": "Rain Singer",
            "description": "soft piano voice",
            "clips": [song.tracks[0].id],
            "is_public": False,
        }
        persona = client.call(request)
        assert isinstance(persona, sunokit.Persona)
        assert persona.id
        assert persona.name == "Rain Singer"
        before = len(m.mock.tasks)
        with pytest.raises(sunokit.NotFoundError):  # a clip the gateway never made
            client.call(sunokit.CreatePersona(sunokit.TrackRef("T", "no-clip"), "N", "D"))
        assert len(m.mock.tasks) == before
        with pytest.raises(sunokit.UnsupportedRequestError, match="style"):
            client.call(sunokit.CreatePersona(song.tracks[0].ref, "N", "D", style="jazz"))


def test_concat_through_the_typed_client_after_opting_in(
    m: MockedVendor, song: sunokit.Task
) -> None:
    assert not m.client.supports(sunokit.Concat)
    with pytest.raises(sunokit.UnsupportedRequestError, match=r"extensions=\('yutoai',\)"):
        m.client.submit(sunokit.Concat(song.tracks[0].id))
    with m.new_client(extensions=("yutoai",)) as client:
        assert client.supports(sunokit.Concat)
        whole = client.generate(sunokit.Concat(song.tracks[0].id, task_id=song.task_id), timeout=30)
        assert whole.state == "succeeded"
        assert len(whole.tracks) == 1  # the one whole song
        assert whole.tracks[0].audio_url
        assert m.mock.tasks[whole.task_id].body == {
            "clip_id": song.tracks[0].id,
            "is_infill": False,
        }
        with pytest.raises(sunokit.NotFoundError):
            client.submit(sunokit.Concat("no-such-clip"))


def test_concat_and_timing_after_opting_in(m: MockedVendor, song: sunokit.Task) -> None:
    with m.new_client(extensions=("yutoai",)) as client:
        accepted = client.request("concat_clips", {"clip_id": song.tracks[0].id})
        whole = client.wait(accepted.data, timeout=30)
        assert whole.state == "succeeded"
        assert whole.tracks
        with pytest.raises(sunokit.NotFoundError):
            client.request("concat_clips", {"clip_id": "no-such-clip"})
        timing = client.request("get_timing", params={"clip_id": song.tracks[0].id})
        assert timing.aligned_words


# ------------------------------------------------------------------ stock extend refusals


def test_an_extension_of_an_unknown_origin_task_is_refused_unbilled(
    m: MockedVendor, song: sunokit.Task
) -> None:
    before = (len(m.mock.tasks), m.mock.stats.accepted_submissions)
    with pytest.raises(sunokit.NotFoundError) as raised:
        m.client.submit(sunokit.Extend(song.tracks[0].id, at=10, task_id="no-such-task"))
    assert raised.value.code == "task_not_exist"
    assert raised.value.status_code == 400
    assert (len(m.mock.tasks), m.mock.stats.accepted_submissions) == before
    extended = m.client.generate(
        sunokit.Extend(song.tracks[0].id, at=10, task_id=song.task_id), timeout=30
    )
    assert extended.state == "succeeded"
    sent = m.mock.tasks[extended.task_id].body
    assert (sent["task_id"], sent["continue_clip_id"], sent["continue_at"]) == (
        song.task_id,
        song.tracks[0].id,
        10,
    )
    assert json.dumps(sent)  # the body the mock kept is plain JSON


def test_upload_by_url_after_opting_in(m: MockedVendor) -> None:
    with m.new_client(extensions=("modelverse",)) as client:
        answer = client.request("upload_audio_url", {"url": "https://example.com/my-song.mp3"})
        assert answer.code.value == "success"
        assert answer.data  # the new clip id
        with pytest.raises(sunokit.ClientValidationError, match="url"):
            client.request("upload_audio_url", {"url": "my-song.mp3"})
        # another gateway's extension stays closed
        with pytest.raises(sunokit.UnsupportedRequestError, match="yutoai"):
            client.request("concat_clips", {"clip_id": "C1"})


def test_lyrics_on_the_async_client(m: MockedVendor) -> None:
    async def go() -> sunokit.Task:
        async with m.async_client() as client:
            return await client.generate(sunokit.GenerateLyrics("rain"), timeout=30)

    task = asyncio.run(go())
    assert isinstance(task.result, sunokit.Lyrics)
    assert "rain" in task.result.text


def test_the_documented_lyrics_taskdto_is_read_as_lyrics() -> None:
    done = _example("/suno/fetch/{id}", "sunokit-success-lyrics")

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/suno/submit/lyrics":
            return httpx.Response(200, json={"code": "success", "message": "", "data": "L1"})
        return httpx.Response(200, json=done)

    client, _, http = _through(answer)
    with http, client:
        task = client.generate(sunokit.GenerateLyrics("rain"), timeout=5)
    assert task.result == sunokit.Lyrics(
        (sunokit.LyricsVariant(done["data"]["data"]["text"], "Rainy Window"),)
    )


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


def _mutated(data: st.DataObject, document: Any) -> Any:
    body = copy.deepcopy(document)
    node = body
    for _ in range(data.draw(st.integers(0, 3))):  # a field, or one of a nested object
        inner = [k for k, v in node.items() if isinstance(v, dict)]
        if not inner:
            break
        node = node[data.draw(st.sampled_from(inner))]
    node[data.draw(st.sampled_from([*node, "data", "status"]))] = data.draw(JSON, label="value")
    return body


@pytest.mark.fuzz
@given(data=st.data())
def test_hostile_lyrics_and_persona_answers_give_a_result_or_a_sunokit_error(
    data: st.DataObject,
) -> None:
    lyrics = _example("/suno/fetch/{id}", "sunokit-success-lyrics")
    persona = next(
        e.value for e in examples(VENDOR) if e.trail.startswith("/suno/persona/create/post/resp")
    )
    which = data.draw(st.sampled_from(["lyrics", "persona"]))
    body = _mutated(data, lyrics if which == "lyrics" else persona)

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/suno/submit/lyrics":
            return httpx.Response(200, json={"code": "success", "message": "", "data": "L1"})
        return httpx.Response(200, json=body)

    client, _, http = _through(answer, extensions=("cometapi",))
    with http, client:
        try:
            if which == "lyrics":
                result: object = client.get(client.submit(sunokit.GenerateLyrics("rain")))
            else:
                result = client.call(sunokit.CreatePersona(sunokit.TrackRef("T", "C"), "N", "D"))
        except sunokit.SunokitError as error:
            result = error
    assert isinstance(result, (sunokit.Task, sunokit.Persona, sunokit.SunokitError)), result


def test_the_command_line_opts_in_with_extension(
    tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    from sunokit.__main__ import main

    common = ["run", "concat", "--mock", "--vendor", VENDOR, "--clip-id", "C1", "--no-wait"]
    common += ["--no-journal", "--out", str(tmp_path)]
    assert main(common) != 0
    assert "--extension yutoai" in capsys.readouterr().err
    assert main([*common, "--extension", "yutoai"]) != 0  # sent now: the mock never made C1
    assert "clip_not_exist" in capsys.readouterr().err
