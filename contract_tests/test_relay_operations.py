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
from sunokit._adapters._base import understood
from sunokit.mock import ManualClock, StageTimings
from sunokit.testing import MockedVendor, mock_vendor

from .spec_tools import examples, load, validator

VENDOR = "relay"
STOCK = {"submit_music", "submit_lyrics", "get_task", "fetch_tasks"}
EXTENSIONS = {
    "concat_clips": ("yutoai",),
    "upload_audio_url": ("modelverse",),
    "create_persona": ("cometapi", "deerapi"),
    "get_timing": ("yutoai", "rixapi"),
    "get_stems": ("apifox",),
    "get_wav": ("kkiai",),
    "get_mp4": ("apicore",),
    "upsample_tags": ("ccapi",),
    "get_lyrics_v1": ("yutoai",),
}
# The modes of submit_music only some gateways forward (section 2.10): field -> gateways.
FIELD_EXTENSIONS = {
    "task=upload_extend": ("yutoai", "cometapi", "kkiai"),
    "task=infill": ("aimanyi", "cometapi"),
    "task=gen_stem": ("cometapi",),
    "task=artist_consistency": ("yutoai",),
    "generation_type": ("yutoai", "cometapi"),
    "persona_id": ("yutoai",),
    "artist_clip_id": ("yutoai",),
    "cover_clip_id": ("modelverse",),
    "infill_start_s": ("cometapi",),
    "infill_end_s": ("cometapi",),
    "metadata_params": ("aimanyi",),
    "continued_aligned_prompt": ("cometapi",),
    "stem_task": ("cometapi",),
    "stem_type_id": ("cometapi",),
    "stem_type_group_name": ("cometapi",),
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
    assert _bindings.field_extensions(VENDOR, "submit_music") == FIELD_EXTENSIONS
    for operation_id in STOCK - {"submit_music"}:
        assert _bindings.field_extensions(VENDOR, operation_id) == {}
    assert _bindings.known_extensions(VENDOR) == (
        "aimanyi",  # only a field of submit_music (metadata_params, task infill)
        "apicore",
        "apifox",
        "ccapi",
        "cometapi",
        "deerapi",
        "kkiai",
        "modelverse",
        "rixapi",
        "yutoai",
    )
    # the mp4 path is inferred from a navigation label: the operation says so
    assert "INFERRED" in _operations.spec_operation(VENDOR, "get_mp4").spec.definition["summary"]
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


# ------------------------------------------------------------------ extensions with their own path


def test_every_new_extension_is_refused_until_opted_in_and_never_sent() -> None:
    client, sent, http = _through(lambda request: httpx.Response(404))
    with http, client:
        for operation_id, body, params in (
            ("get_wav", None, {"clip_id": "C1"}),
            ("get_mp4", None, {"clip_id": "C1"}),
            ("get_stems", None, {"clip_id": "C1"}),
            ("upsample_tags", {"tags": "jazz"}, None),
            ("get_lyrics_v1", None, {"task_id": "T1"}),
        ):
            gateway = EXTENSIONS[operation_id][0]
            with pytest.raises(sunokit.UnsupportedRequestError, match=gateway) as refused:
                client.request(operation_id, body, params=params)
            assert f"extensions=('{gateway}',)" in str(refused.value)
    assert sent == []


def test_wav_is_a_task_polled_with_fetch(m: MockedVendor, song: sunokit.Task) -> None:
    clip = song.tracks[0].id
    with m.new_client(extensions=("kkiai",)) as client:
        accepted = client.request("get_wav", params={"clip_id": clip})
        assert accepted.code.value == "success"
        assert m.mock.tasks[accepted.data].body == {"clip_id": clip}  # read from the path
        first = client.get(accepted.data)
        assert first.state in ("queued", "running", "succeeded")
        done = client.wait(accepted.data, timeout=30)
        assert done.state == "succeeded"
        assert len(done.tracks) == 1  # the one clip, converted
        assert done.tracks[0].audio_url.endswith(".wav")
        assert done.raw.to_dict()["data"]["data"][0]["metadata"]["type"] == "wav"
        assert m.http.get(done.tracks[0].audio_url).content[:4] == b"RIFF"
        before = len(m.mock.tasks)
        with pytest.raises(sunokit.NotFoundError) as raised:
            client.request("get_wav", params={"clip_id": "no-such-clip"})
        assert raised.value.code == "task_not_exist"
        assert len(m.mock.tasks) == before  # refused before anything was made


def test_mp4_is_a_task_whose_clip_gets_a_video(m: MockedVendor, song: sunokit.Task) -> None:
    clip = song.tracks[1].id
    with m.new_client(extensions=("apicore",)) as client:
        accepted = client.request("get_mp4", params={"clip_id": clip})
        done = client.wait(accepted.data, timeout=30)
        assert done.state == "succeeded"
        video = done.raw.to_dict()["data"]["data"][0]["video_url"]
        assert video.endswith(".mp4")
        assert m.http.get(video).content[4:8] == b"ftyp"
        with pytest.raises(sunokit.NotFoundError):
            client.request("get_mp4", params={"clip_id": "no-such-clip"})


def test_stems_by_get_answer_the_queued_stem_clips(m: MockedVendor, song: sunokit.Task) -> None:
    clip = song.tracks[0].id
    with m.new_client(extensions=("apifox",)) as client:
        answer = client.request("get_stems", params={"clip_id": clip})
        titles = [stem.title for stem in answer.clips]
        assert [title.rsplit(" - ", 1)[1] for title in titles] == ["Vocals", "Instrumental"]
        for stem in answer.clips:
            assert stem.status.value == "queued"
            assert stem.metadata.additional_properties["stem_from_id"] == clip
            assert stem.id != clip
        with pytest.raises(sunokit.NotFoundError):
            client.request("get_stems", params={"clip_id": "no-such-clip"})


def test_upsample_tags_is_a_task_polled_with_fetch(m: MockedVendor) -> None:
    with m.new_client(extensions=("ccapi",)) as client:
        accepted = client.request("upsample_tags", {"tags": "jazz, smooth, saxophone"})
        done = client.wait(accepted.data, timeout=30)
        assert done.state == "succeeded"
        assert done.tracks == ()
        assert done.raw.to_dict()["data"]["action"] == "UPSAMPLE_TAGS"
        assert done.raw.to_dict()["data"]["data"]["upsampled_tags"].startswith(
            "jazz, smooth, saxophone"
        )
        with pytest.raises(sunokit.ClientValidationError, match="tags"):
            client.request("upsample_tags", {"tags": ""})


def test_the_lyrics_v1_query_follows_the_lyrics_task() -> None:
    clock = ManualClock()
    with (
        mock_vendor(
            VENDOR, clock=clock, timings=StageTimings(1, 2, 3), rate_limits=False
        ) as running,
        running.new_client(extensions=("yutoai",)) as client,
    ):
        task = client.submit(sunokit.GenerateLyrics("a cat that dances"))
        first = client.request("get_lyrics_v1", params={"task_id": task.task_id})
        assert (first.status.value, first.text) == ("submitted", "")
        clock.advance(1.5)
        assert client.request("get_lyrics_v1", params={"task_id": task.task_id}).status.value == (
            "running"
        )
        clock.advance(2)
        done = client.request("get_lyrics_v1", params={"task_id": task.task_id})
        assert done.status.value == "complete"
        assert "a cat that dances" in done.text
        assert done.title
        with pytest.raises(sunokit.NotFoundError) as raised:
            client.request("get_lyrics_v1", params={"task_id": "no-such-task"})
        assert raised.value.code == "task_not_exist"
        song = client.submit(sunokit.Description("rain"))  # a MUSIC task is not a lyrics task
        with pytest.raises(sunokit.NotFoundError):
            client.request("get_lyrics_v1", params={"task_id": song.task_id})


def test_timing_follows_the_clip_and_refuses_unknown_ones(
    m: MockedVendor, song: sunokit.Task
) -> None:
    """Regression: timing was the documented example for any clip id (a renderer could not see
    the path); now it is the clip's own lyrics, and an unknown clip is refused."""
    lyrics = "[Verse]\nslow rain on the roof\n[Chorus]\nstay"
    with m.new_client(extensions=("rixapi",)) as client:
        made = client.generate(sunokit.CustomLyrics(lyrics, "folk", "Roof"), timeout=30)
        timing = client.request("get_timing", params={"clip_id": made.tracks[0].id})
        words = [word.word for word in timing.aligned_words]
        assert words == ["slow", "rain", "on", "the", "roof", "stay"]
        ends = [word.end_s for word in timing.aligned_words]
        assert ends == sorted(ends)
        assert ends[-1] == pytest.approx(made.tracks[0].duration, abs=0.05)
        with pytest.raises(sunokit.NotFoundError):
            client.request("get_timing", params={"clip_id": "no-such-clip"})
        documented = _example("/suno/act/timing/{clip_id}", "doc-timing")
        other = client.request("get_timing", params={"clip_id": song.tracks[0].id})
        assert [w.word for w in other.aligned_words] != [
            w["word"] for w in documented["aligned_words"]
        ]


def test_an_upload_makes_a_clip_the_extensions_accept(m: MockedVendor) -> None:
    """Regression: upload by URL answered the documented example's id for every upload; now
    each upload is a new clip that upload_extend, cover and timing accept."""
    with m.new_client(extensions=("modelverse", "yutoai")) as client:
        one = client.request("upload_audio_url", {"url": "https://example.com/a.mp3"}).data
        two = client.request("upload_audio_url", {"url": "https://example.com/b.mp3"}).data
        assert one != two
        extended = client.request(
            "submit_music",
            {
                "prompt": "[Verse]\nthe tape rolls on",
                "tags": "folk",
                "mv": "chirp-v4",
                "title": "Tape",
                "continue_clip_id": one,
                "continue_at": 10,
                "task": "upload_extend",
            },
        )
        assert client.wait(extended.data, timeout=30).state == "succeeded"
        cover = client.request(
            "submit_music",
            {"prompt": "[Verse]\nla", "tags": "bossa", "mv": "chirp-v4", "cover_clip_id": two},
        )
        assert client.wait(cover.data, timeout=30).state == "succeeded"
        assert client.request("get_timing", params={"clip_id": one}).aligned_words == []
        for body in (
            {"prompt": "", "mv": "chirp-v4", "continue_clip_id": "nope", "continue_at": 1},
            {"prompt": "[Verse]\nla", "mv": "chirp-v4", "cover_clip_id": "nope"},
        ):
            mode = {"task": "upload_extend"} if "continue_clip_id" in body else {}
            with pytest.raises(sunokit.NotFoundError) as raised:
                client.request("submit_music", {**body, **mode})
            assert raised.value.message == "clip_not_exist"


# ------------------------------------------------------------------ the task modes of submit_music


def test_gen_stem_makes_one_clip_per_stem(m: MockedVendor, song: sunokit.Task) -> None:
    clip = song.tracks[0].id
    with m.new_client(extensions=("cometapi",)) as client:
        accepted = client.request(
            "submit_music",
            {
                "task": "gen_stem",
                "generation_type": "TEXT",
                "title": "Rain",
                "mv": "chirp-auk",
                "prompt": "",
                "make_instrumental": True,
                "task_id": song.task_id,
                "continue_clip_id": clip,
                "continued_aligned_prompt": None,
                "continue_at": None,
                "stem_type_id": 91,
                "stem_type_group_name": "Two",
                "stem_task": "two",
            },
        )
        done = client.wait(accepted.data, timeout=30)
        assert done.state == "succeeded"
        assert [t.title for t in done.tracks] == ["Rain - Vocals", "Rain - Instrumental"]
        clips = done.raw.to_dict()["data"]["data"]
        assert {c["metadata"]["type"] for c in clips} == {"stem"}
        assert {c["metadata"]["stem_from_id"] for c in clips} == {clip}
        with pytest.raises(sunokit.NotFoundError):
            client.request(
                "submit_music",
                {"task": "gen_stem", "prompt": "", "mv": "chirp-auk", "continue_clip_id": "x"},
            )


def test_infill_in_both_documented_forms(m: MockedVendor, song: sunokit.Task) -> None:
    clip = song.tracks[0].id
    base = {"prompt": "[Verse]\nnew words", "tags": "punk", "mv": "chirp-v4", "title": "T"}
    with m.new_client(extensions=("aimanyi",)) as client:
        top = client.request(
            "submit_music",
            {
                **base,
                "task": "infill",
                "continue_clip_id": clip,
                "infill_start_s": 3,
                "infill_end_s": 6,
            },
        )
        nested = client.request(
            "submit_music",
            {
                **base,
                "task": "infill",
                "continue_clip_id": clip,
                "metadata_params": {"infill_start_s": 3, "infill_end_s": 6},
            },
        )
        for accepted in (top, nested):
            assert client.wait(accepted.data, timeout=30).state == "succeeded"
        with pytest.raises(sunokit.ClientValidationError, match="infill_end_s") as raised:
            client.request(
                "submit_music",
                {**base, "task": "infill", "continue_clip_id": clip, "infill_start_s": 3},
            )
        assert raised.value.violations[0].rule == "infill-needs-its-section"
        with pytest.raises(sunokit.ClientValidationError, match="continue_clip_id"):
            client.request(
                "submit_music", {**base, "task": "infill", "infill_start_s": 3, "infill_end_s": 6}
            )


def test_artist_consistency_needs_a_persona_this_gateway_made(
    m: MockedVendor, song: sunokit.Task
) -> None:
    with m.new_client(extensions=("yutoai", "cometapi")) as client:
        persona = client.call(sunokit.CreatePersona(song.tracks[0].ref, "Rain", "soft voice"))
        body = {
            "prompt": "[Verse]\nMidnight again",
            "generation_type": "TEXT",
            "tags": "slow synth pop",
            "mv": "chirp-v4-tau",
            "title": "Midnight",
            "task": "artist_consistency",
            "artist_clip_id": song.tracks[0].id,
        }
        accepted = client.request("submit_music", {**body, "persona_id": persona.id})
        assert client.wait(accepted.data, timeout=30).state == "succeeded"
        before = m.mock.stats.accepted_submissions
        with pytest.raises(sunokit.NotFoundError) as raised:
            client.request("submit_music", {**body, "persona_id": "no-such-persona"})
        assert raised.value.message == "persona_not_exist"
        assert m.mock.stats.accepted_submissions == before  # refused unbilled


def test_an_extension_task_needs_no_origin_task_but_plain_extend_still_does() -> None:
    """The extend rule (task_id and continue_at with continue_clip_id) is stock's; the
    extension tasks act on the clip alone, as every documenting gateway shows them."""
    rule = "extend-requires-task-and-position"
    plain = {"prompt": "", "mv": "chirp-v4", "continue_clip_id": "C1", "continue_at": 3}
    found = sunokit.validate(VENDOR, plain, operation_id="submit_music")
    assert [(v.path, v.rule) for v in found] == [("/task_id", rule)]
    found = sunokit.validate(VENDOR, {**plain, "task": "extend"}, operation_id="submit_music")
    assert [(v.path, v.rule) for v in found] == [("/task_id", rule)]
    for mode in ("upload_extend", "gen_stem"):
        assert sunokit.validate(VENDOR, {**plain, "task": mode}, operation_id="submit_music") == []


def test_the_extension_modes_name_their_capabilities() -> None:
    operation = _operations.spec_operation(VENDOR, "submit_music")
    assert set(operation.capabilities) >= {
        "music.upload_extend",
        "music.replace_section",
        "audio.stems",
    }
    assert "relay" in _bindings.capability_vendors("music.replace_section")


# ------------------------------------------------------------------ the extension bindings


def _pending(request_type: type[Any]) -> _bindings.Binding:
    from sunokit._adapters._relay import EXTENSION_BINDINGS

    return next(b for b in EXTENSION_BINDINGS if b.request is request_type)


def test_the_gateways_that_offer_each_pending_binding() -> None:
    expected = {
        sunokit.ConvertToWav: ("kkiai",),
        sunokit.MakeVideo: ("apicore",),
        sunokit.TimestampedLyrics: ("yutoai", "rixapi"),
        sunokit.ReplaceSection: ("cometapi",),  # the top-level form: infill_start_s is CometAPI's
        sunokit.SeparateStems: ("cometapi",),
    }
    for request_type, gateways in expected.items():
        binding = _pending(request_type)
        assert _bindings.binding_gateways(VENDOR, binding) == gateways
        assert binding.offered_by(VENDOR)
        assert (
            binding.request.capability
            in _operations.spec_operation(VENDOR, binding.operation).capabilities
        )
        assert not _bindings.binding_enabled(VENDOR, binding, frozenset())
        assert _bindings.binding_enabled(VENDOR, binding, frozenset({gateways[-1]}))
    infill = _pending(sunokit.ReplaceSection)
    with pytest.raises(sunokit.UnsupportedRequestError) as raised:
        _bindings.check_binding_extension(VENDOR, infill, frozenset({"aimanyi"}))
    text = str(raised.value)
    assert "task=infill, infill_start_s, infill_end_s" in text
    assert "extensions=('cometapi',)" in text
    assert "vendors that offer music.replace_section: sunoapi_org" in text
    with pytest.raises(sunokit.UnsupportedRequestError, match="kkiai"):
        _bindings.check_binding_extension(VENDOR, _pending(sunokit.ConvertToWav), frozenset())
    # a binding that names a field the spec does not mark is the code's fault, said at once
    broken = _bindings.Binding(
        sunokit.ReplaceSection, "submit_music", None, infill.result, extension_fields=("prompt",)
    )
    with pytest.raises(sunokit.ConfigurationError, match="prompt"):
        _bindings.binding_gateways(VENDOR, broken)


def test_pending_bodies_follow_the_spec(song_ref: sunokit.TrackRef) -> None:
    from sunokit._operations import arguments, endpoint

    context = _bindings.Context(None, VENDOR)
    requests: list[Any] = [
        sunokit.ConvertToWav(song_ref),
        sunokit.MakeVideo(song_ref),
        sunokit.TimestampedLyrics(song_ref),
        sunokit.ReplaceSection(song_ref, "[Verse]\nnew", "punk", "T", start=3, end=6),
        sunokit.SeparateStems(song_ref),
    ]
    for request in requests:
        binding = _pending(type(request))
        operation = _operations.spec_operation(VENDOR, binding.operation)
        body = binding.body(request, context) if binding.body is not None else None
        params = binding.params(request, context) if binding.params is not None else None
        if body is not None:
            assert sunokit.validate(VENDOR, body, operation_id=operation.operation_id) == []
            written = {k for k in body if k in _bindings.field_extensions(VENDOR, "submit_music")}
            marked = {f.split("=")[0] for f in binding.extension_fields}
            assert written <= marked, (type(request).__name__, written - marked)
        arguments(operation, endpoint(operation), body, params)  # the generated call accepts it
    for refused, match in (
        (sunokit.SeparateStems(song_ref, full=True), "two-stem"),
        (sunokit.MakeVideo(song_ref, author="me"), "author"),
        (sunokit.ConvertToWav(song_ref, callback_url="https://cb.example/h"), "callback"),
    ):
        binding = _pending(type(refused))
        make = binding.params if binding.params is not None else binding.body
        assert make is not None
        with pytest.raises(sunokit.UnsupportedRequestError, match=match):
            make(refused, context)


@pytest.fixture(scope="module")
def song_ref(song: sunokit.Task) -> sunokit.TrackRef:
    return song.tracks[0].ref


def test_pending_results_read_the_mocks_finished_answers(
    m: MockedVendor, song: sunokit.Task
) -> None:
    clip = song.tracks[0].id
    with m.new_client(extensions=("kkiai", "apicore", "cometapi", "yutoai")) as client:
        wav = client.wait(client.request("get_wav", params={"clip_id": clip}).data, timeout=30)
        mp4 = client.wait(client.request("get_mp4", params={"clip_id": clip}).data, timeout=30)
        body = _pending(sunokit.SeparateStems).body
        assert body is not None
        stems = client.wait(
            client.request(
                "submit_music", body(sunokit.SeparateStems(song.tracks[0].ref), _context())
            ).data,
            timeout=30,
        )
        timing = m.http.get(f"/suno/act/timing/{clip}", headers=_auth(m)).json()
    audio = _pending(sunokit.ConvertToWav).result(wav.raw.to_dict())
    assert audio == sunokit.AudioFile(wav.tracks[0].audio_url, "wav")
    video = _pending(sunokit.MakeVideo).result(mp4.raw.to_dict())
    assert video.url.endswith(".mp4")
    separated = _pending(sunokit.SeparateStems).result(stems.raw.to_dict())
    assert [stem.name for stem in separated.stems] == ["vocals", "instrumental"]
    timed = _pending(sunokit.TimestampedLyrics).result(timing)
    assert [w.word for w in timed.words] == [w["word"] for w in timing["aligned_words"]]
    drifted = {"data": {"data": [{"audio_url": 7}]}}
    with (  # a drifted answer is a sunokit error naming the field
        pytest.raises(sunokit.APIResponseError, match="audio_url"),
        understood(VENDOR, "answer", body=drifted, status_code=200),
    ):
        _pending(sunokit.ConvertToWav).result(drifted)


def _context() -> _bindings.Context:
    return _bindings.Context(None, VENDOR)


def test_the_pending_bindings_through_the_typed_client(m: MockedVendor, song: sunokit.Task) -> None:
    ref = song.tracks[0].ref
    section = sunokit.ReplaceSection(ref, "[Verse]\nnew", "punk", "T", start=3, end=6)
    with m.new_client(extensions=("aimanyi",)) as plain:
        assert not plain.supports(sunokit.ReplaceSection)  # aimanyi's form is metadata_params
        with pytest.raises(sunokit.UnsupportedRequestError, match="cometapi"):
            plain.generate(section)
    with m.new_client(extensions=("kkiai", "apicore", "cometapi", "yutoai")) as c:
        assert c.generate(sunokit.ConvertToWav(ref), timeout=30).result.format == "wav"
        assert c.generate(sunokit.MakeVideo(ref), timeout=30).result.url.endswith(".mp4")
        assert c.call(sunokit.TimestampedLyrics(ref)).words
        stems = c.generate(sunokit.SeparateStems(ref), timeout=30).result
        assert [s.name for s in stems.stems] == ["vocals", "instrumental"]
        assert c.generate(section, timeout=30).tracks


def test_upload_extend_through_the_typed_client(m: MockedVendor) -> None:
    url = "https://example.com/tape.mp3"
    with m.new_client() as plain:  # a stock gateway drops `task`: never sent there
        assert not plain.supports(sunokit.UploadExtend)
        with pytest.raises(sunokit.UnsupportedRequestError, match="yutoai"):
            plain.submit(sunokit.UploadExtend(url, clip_id="c1", at=10))
    with m.new_client(extensions=("modelverse", "yutoai")) as client:
        assert client.supports(sunokit.UploadExtend)
        with pytest.raises(sunokit.ClientValidationError, match="upload_audio_url"):
            client.submit(sunokit.UploadExtend(url, at=10))  # the relay needs the uploaded clip
        clip = client.request("upload_audio_url", {"url": url}).data
        music = sunokit.CustomLyrics("[Verse]\nthe tape rolls on", style="folk", title="Tape")
        task = client.generate(sunokit.UploadExtend(url, music=music, at=10, clip_id=clip))
    assert task.operation == "music.upload_extend"
    assert task.state == "succeeded"
    assert task.tracks
    sent = m.mock.tasks[task.task_id].body
    assert (sent["task"], sent["continue_clip_id"], sent["continue_at"]) == (
        "upload_extend",
        clip,
        10,
    )
    assert sent["prompt"] == "[Verse]\nthe tape rolls on"


def test_a_cover_through_the_typed_client(m: MockedVendor, song: sunokit.Task) -> None:
    clip = song.tracks[0].id
    music = sunokit.CustomLyrics("[Verse]\nWalking down the streets", style="bossa", title="CL")
    with m.new_client() as plain:  # stock new-api drops cover_clip_id and makes a plain song
        assert not plain.supports(sunokit.Cover)
        with pytest.raises(sunokit.UnsupportedRequestError, match="modelverse"):
            plain.submit(sunokit.Cover(clip, music))
    with m.new_client(extensions=("modelverse",)) as client:
        task = client.generate(sunokit.Cover(clip, music))
    assert (task.operation, task.state) == ("music.cover", "succeeded")
    assert task.tracks
    sent = m.mock.tasks[task.task_id].body
    assert (sent["cover_clip_id"], sent["prompt"], sent["tags"]) == (clip, music.lyrics, "bossa")
    assert "task" not in sent
