"""SunoAPI.com's operations (issue 10) through the typed client against the mock: the task_type
family on /api/v1/suno/create (create, extend, concat, cover, persona music, extend/cover of an
uploaded clip), stems basic and full, WAV, MIDI, persona, upload, lyrics and credits; both
documented create answers; the open model list; the signed webhook with its de-duplication
key; refusals of unknown ids. The mock is its own implementation of the wire format (it does
not import the bindings), so a binding that writes the wrong body or reads the wrong field
fails here."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import httpx
import pytest
import sunokit
from sunokit import _operations, callbacks
from sunokit._adapters import REQUEST_ONLY, bindings
from sunokit.mock import StageTimings
from sunokit.testing import MockedVendor, mock_vendor

VENDOR = "sunoapi_com"


@pytest.fixture(scope="module")
def m() -> Iterator[MockedVendor]:
    with mock_vendor(VENDOR, rate_limits=False) as running:
        yield running


@pytest.fixture(scope="module")
def song(m: MockedVendor) -> sunokit.Task:
    task = m.client.generate(sunokit.Description("a calm piano tune about rain"), timeout=30)
    assert task.state == "succeeded"
    assert len(task.tracks) == 2
    return task


def _fetch(m: MockedVendor, url: str) -> bytes:
    assert url.startswith(m.base_url), url
    response = m.http.get(url.removeprefix(m.base_url.rstrip("/")))
    assert response.status_code == 200, url
    return response.content


def _sent(m: MockedVendor, task_id: str) -> dict[str, object]:
    return dict(m.mock.tasks[task_id].body)


# ------------------------------------------------------------------ the spec and the bindings


def test_every_documented_operation_is_in_the_spec() -> None:
    assert set(_operations.operation_ids(VENDOR)) == {
        "submit_music",
        "get_task",
        "stems_basic",
        "stems_full",
        "get_wav",
        "get_midi",
        "create_persona",
        "upload_music",
        "make_lyrics",
        "get_lyrics",
        "producer_create",
        "producer_get",
        "get_credits",
    }


def test_the_create_offers_each_task_types_capability() -> None:
    create = _operations.spec_operation(VENDOR, "submit_music")
    assert create.capability == "music.generate"
    assert set(create.capabilities) == {
        "music.generate",
        "music.extend",
        "music.concat",
        "music.cover",
        "music.upload_extend",
        "music.upload_cover",
    }
    # both documented answers: {message, task_id} and {code, data: {task_id}, message}
    assert create.job_ids == (("task_id",), ("data", "task_id"))


def test_every_operation_is_bound_or_request_only() -> None:
    bound = {binding.operation for binding in bindings(VENDOR)}
    assert bound == {
        "get_credits",
        "submit_music",
        "stems_basic",
        "get_wav",
        "get_midi",
        "create_persona",
        "upload_music",
        "make_lyrics",
    }
    assert set(REQUEST_ONLY[VENDOR]) == {"producer_create", "producer_get"}
    (stems,) = [b for b in bindings(VENDOR) if b.request is sunokit.SeparateStems]
    assert stems.also == ("stems_full",)


def test_supports_and_who_else_has_it() -> None:
    with sunokit.SunoClient(VENDOR, api_key="k1") as client:
        for request in (
            sunokit.Concat,
            sunokit.Cover,
            sunokit.UploadCover,
            sunokit.UploadExtend,
            sunokit.SeparateStems,
            sunokit.ConvertToWav,
            sunokit.GenerateMidi,
            sunokit.CreatePersona,
            sunokit.UploadFromUrl,
            sunokit.GenerateLyrics,
            sunokit.GetCredits,
        ):
            assert client.supports(request), request
        assert not client.supports(sunokit.MakeVideo)
        with pytest.raises(sunokit.UnsupportedRequestError, match="sunoapi_org") as raised:
            client.submit(sunokit.MakeVideo(sunokit.TrackRef("T1", "A1")))
    assert "video.create" in str(raised.value)
    with (
        sunokit.SunoClient("sunosay", api_key="k1") as other,
        pytest.raises(sunokit.UnsupportedRequestError) as raised,
    ):
        other.submit(sunokit.Concat("C1"))
    assert VENDOR in str(raised.value)  # the task_type family counts as offering music.concat


# ------------------------------------------------------------------ the task_type family


def test_extend_then_concat(m: MockedVendor, song: sunokit.Task) -> None:
    extended = m.client.generate(
        sunokit.Extend(song.tracks[0].id, at=1.5, lyrics="[Verse]\nmore rain"), timeout=30
    )
    body = _sent(m, extended.task_id)
    assert body["task_type"] == "extend_music"
    assert body["continue_clip_id"] == song.tracks[0].id
    assert body["continue_at"] == 1.5
    full = m.client.generate(sunokit.Concat(extended.tracks[0].id), timeout=30)
    assert full.state == "succeeded"
    assert _sent(m, full.task_id) == {
        "task_type": "concat_music",
        "continue_clip_id": extended.tracks[0].id,
        "webhook_url": f"{m.base_url}/__mock__/inbox",
    }
    (track,) = full.tracks  # concat makes one song
    assert _fetch(m, track.audio_url or "").startswith(b"RIFF")


def test_cover_of_a_generated_clip(m: MockedVendor, song: sunokit.Task) -> None:
    music = sunokit.CustomLyrics(
        "[Verse]\nsame tune",
        "jazz",
        "Rain (jazz)",
        model="chirp-v4-5",
        tuning=sunokit.Tuning(audio_weight=0.6),
    )
    cover = m.client.generate(sunokit.Cover(song.tracks[1].id, music), timeout=30)
    assert cover.state == "succeeded"
    assert len(cover.tracks) == 2
    body = _sent(m, cover.task_id)
    assert body["task_type"] == "cover_music"
    assert body["continue_clip_id"] == song.tracks[1].id
    assert body["custom_mode"] is True
    assert (body["prompt"], body["tags"], body["title"]) == (
        "[Verse]\nsame tune",
        "jazz",
        music.title,
    )
    assert (body["mv"], body["audio_weight"]) == ("chirp-v4-5", 0.6)


def test_a_cover_from_a_description_is_sent_as_it_is(m: MockedVendor, song: sunokit.Task) -> None:
    """Only the sibling docs say a cover needs custom mode: the spec leaves it to the server
    (enforced_by: server), so the client sends a description cover unchanged, never fixed."""
    cover = m.client.submit(sunokit.Cover(song.tracks[0].id, sunokit.Description("jazzier")))
    body = _sent(m, cover.task_id)
    assert (body["task_type"], body["custom_mode"], body["prompt"]) == (
        "cover_music",
        False,
        "jazzier",
    )


def test_persona_then_music_with_the_persona(m: MockedVendor, song: sunokit.Task) -> None:
    persona = m.client.call(sunokit.CreatePersona(song.tracks[0].ref, "Velvet", "smoky soul vocal"))
    assert isinstance(persona, sunokit.Persona)
    sung = m.client.generate(
        sunokit.CustomLyrics(
            "[Verse]\nsame voice", "soul", "Familiar", tuning=sunokit.Tuning(persona_id=persona.id)
        ),
        timeout=30,
    )
    assert sung.state == "succeeded"
    body = _sent(m, sung.task_id)
    assert (body["task_type"], body["persona_id"]) == ("persona_music", persona.id)


def test_a_persona_refuses_what_this_vendor_has_no_field_for(song: sunokit.Task) -> None:
    with (
        sunokit.SunoClient(VENDOR, api_key="k1", base_url="http://127.0.0.1:9") as client,
        pytest.raises(sunokit.UnsupportedRequestError, match="vocal_start") as raised,
    ):
        client.call(sunokit.CreatePersona(song.tracks[0].ref, "V", "soul", vocal_start=1.0))
    assert "sunoapi_org" in str(raised.value)


def test_upload_then_cover_and_extend_of_the_uploaded_clip(m: MockedVendor) -> None:
    upload = m.client.call(sunokit.UploadFromUrl("https://example.com/my-song.mp3"))
    assert upload.url is None
    assert upload.clip_id
    cover = m.client.generate(
        sunokit.Cover(upload.clip_id, sunokit.Instrumental("lofi", "Mine"), uploaded=True),
        timeout=30,
    )
    assert _sent(m, cover.task_id)["task_type"] == "cover_upload_music"
    # and through the generic path, as any spec operation
    created = m.client.request(
        "submit_music",
        {
            "task_type": "extend_upload_music",
            "continue_clip_id": upload.clip_id,
            "continue_at": 0.1,
            "custom_mode": True,
            "prompt": "[Verse]\nwhere it ends",
            "mv": "chirp-v4-5",
        },
    )
    assert created.task_id in m.mock.tasks  # the current pages' {message, task_id}
    done = m.client.wait(created.task_id, timeout=30)
    assert done.state == "succeeded"


UPLOAD = "https://example.com/my-song.mp3"
_WEBHOOK_FIELDS = ("webhook_url", "webhook_secret")


def _without_webhook(body: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in body.items() if k not in _WEBHOOK_FIELDS}


def test_upload_extend_and_upload_cover_are_bound_to_the_upload_task_types(
    m: MockedVendor,
) -> None:
    """The neutral UploadExtend / UploadCover (SunoAPI.org's upload-extend / upload-cover) are
    this vendor's extend_upload_music / cover_upload_music of the clip an upload answered."""
    upload = m.client.call(sunokit.UploadFromUrl(UPLOAD))
    assert upload.clip_id
    music = sunokit.CustomLyrics("[Verse]\nwhere it ends", "indie", "More")
    extend = m.client.generate(
        sunokit.UploadExtend(UPLOAD, clip_id=upload.clip_id, at=0.1, music=music), timeout=30
    )
    assert (extend.state, extend.operation) == ("succeeded", "music.upload_extend")
    assert isinstance(extend.result, sunokit.Tracks)
    assert [t.id for t in extend.result.tracks] == [t.id for t in extend.tracks]
    assert len(extend.tracks) == 2
    assert _without_webhook(_sent(m, extend.task_id)) == {
        "task_type": "extend_upload_music",
        "continue_clip_id": upload.clip_id,
        "continue_at": 0.1,
        "custom_mode": True,
        "prompt": "[Verse]\nwhere it ends",
        "tags": "indie",
        "title": "More",
        "mv": "chirp-v4",
    }
    cover = m.client.generate(
        sunokit.UploadCover(UPLOAD, sunokit.Description("a jazz take"), clip_id=upload.clip_id),
        timeout=30,
    )
    assert (cover.state, cover.operation) == ("succeeded", "music.upload_cover")
    assert isinstance(cover.result, sunokit.Tracks)
    sent = _sent(m, cover.task_id)
    assert (sent["task_type"], sent["continue_clip_id"]) == ("cover_upload_music", upload.clip_id)
    assert (sent["custom_mode"], sent["prompt"]) == (False, "a jazz take")
    # a later get() reads the job through the same binding: capability and result kept
    again = m.client.get(extend)
    assert (again.operation, again.result) == ("music.upload_extend", extend.result)


def test_upload_extend_sends_the_model_chosen_and_inherits_without_music(m: MockedVendor) -> None:
    upload = m.client.call(sunokit.UploadFromUrl(UPLOAD))
    assert upload.clip_id
    bare = m.client.submit(sunokit.UploadExtend(UPLOAD, clip_id=upload.clip_id, at=3))
    # no music: nothing but the clip, the position and the vendor's default model
    assert _without_webhook(_sent(m, bare.task_id)) == {
        "task_type": "extend_upload_music",
        "continue_clip_id": upload.clip_id,
        "continue_at": 3,
        "mv": "chirp-v4",
    }
    chosen = m.client.submit(
        sunokit.UploadExtend(UPLOAD, clip_id=upload.clip_id, at=3, model="chirp-v5")
    )
    assert _sent(m, chosen.task_id)["mv"] == "chirp-v5"
    by_music = m.client.submit(
        sunokit.UploadExtend(
            UPLOAD, clip_id=upload.clip_id, at=3, music=sunokit.Description("x", model="chirp-v4-5")
        )
    )
    assert _sent(m, by_music.task_id)["mv"] == "chirp-v4-5"


def test_an_upload_type_needs_the_uploaded_clip_and_a_position(
    m: MockedVendor, song: sunokit.Task
) -> None:
    with sunokit.SunoClient(VENDOR, api_key="k1", base_url="http://127.0.0.1:9") as offline:
        with pytest.raises(sunokit.ClientValidationError, match="UploadFromUrl") as raised:
            offline.submit(sunokit.UploadExtend(UPLOAD, at=1))
        assert "clip_id" in str(raised.value)
        with pytest.raises(sunokit.ClientValidationError, match="UploadFromUrl"):
            offline.submit(sunokit.UploadCover(UPLOAD, sunokit.Description("x")))
        with pytest.raises(sunokit.ClientValidationError, match="at is required"):
            offline.submit(sunokit.UploadExtend(UPLOAD, clip_id="c1"))
    # a generated clip is not an uploaded one (the Instructions page keeps them apart)
    before = (len(m.mock.tasks), m.mock.credits)
    with pytest.raises(sunokit.NotFoundError, match="uploaded clip not found"):
        m.client.submit(sunokit.UploadExtend(UPLOAD, clip_id=song.tracks[0].id, at=1))
    assert (len(m.mock.tasks), m.mock.credits) == before


def test_an_unknown_or_wrong_kind_of_clip_is_refused_before_billing(
    m: MockedVendor, song: sunokit.Task
) -> None:
    """A clip the mock never made is refused (400 "clip not found", read as not_found), and a
    generated clip is not an uploaded one (the Instructions page keeps the task types apart);
    nothing is billed or queued."""
    before = (len(m.mock.tasks), m.mock.credits)
    with pytest.raises(sunokit.NotFoundError, match="uploaded clip not found"):
        m.client.submit(
            sunokit.Cover(song.tracks[0].id, sunokit.Instrumental("x", "y"), uploaded=True)
        )
    with pytest.raises(sunokit.NotFoundError, match="clip not found"):
        m.client.submit(sunokit.Concat("no-such-clip"))
    assert (len(m.mock.tasks), m.mock.credits) == before


# ------------------------------------------------------------------ stems, WAV, MIDI


def test_stems_basic_are_two_wav_clips(m: MockedVendor, song: sunokit.Task) -> None:
    task = m.client.generate(sunokit.SeparateStems(song.tracks[0].ref), timeout=30)
    assert task.operation == "audio.stems"
    assert isinstance(task.result, sunokit.Stems)
    assert task.result.names == ("vocals", "instrumental")
    assert _sent(m, task.task_id) == {"clip_id": song.tracks[0].id}
    for stem in task.result.stems:
        assert _fetch(m, stem.url)[:4] == b"RIFF"


def test_stems_full_are_twelve_wav_clips(m: MockedVendor, song: sunokit.Task) -> None:
    task = m.client.generate(sunokit.SeparateStems(song.tracks[0].ref, full=True), timeout=30)
    assert m.mock.tasks[task.task_id].operation == "stems_full"  # the other path
    assert len(task.result.stems) == 12
    assert task.result.names[:4] == ("vocals", "backing_vocals", "drums", "bass")
    assert _fetch(m, task.result["drums"])[:4] == b"RIFF"
    # and through the generic path, as any spec operation
    accepted = m.client.request("stems_full", {"clip_id": song.tracks[0].id})
    assert m.client.wait(accepted.task_id, timeout=30).state == "succeeded"


def test_wav_at_once(m: MockedVendor, song: sunokit.Task) -> None:
    wav = m.client.call(sunokit.ConvertToWav(song.tracks[0].ref))
    assert wav.format == "wav"
    assert _fetch(m, wav.url)[8:12] == b"WAVE"


def test_midi_of_a_stem_clip(m: MockedVendor, song: sunokit.Task) -> None:
    stems = m.client.generate(sunokit.SeparateStems(song.tracks[1].ref), timeout=30)
    midi = m.client.call(sunokit.GenerateMidi(stems, stem_id=stems.tracks[0].id))
    assert isinstance(midi, sunokit.Midi)
    assert midi.instruments[0].notes
    with pytest.raises(sunokit.ClientValidationError, match="stem_id"):
        m.client.call(sunokit.GenerateMidi(stems))  # a clip is what this vendor transcribes
    answer = m.client.request("get_midi", {"clip_id": stems.tracks[0].id})
    assert _fetch(m, answer.data.midi_url)[:4] == b"MThd"


def test_a_clip_operation_on_an_unknown_clip_is_refused(m: MockedVendor) -> None:
    ref = sunokit.TrackRef("T-unknown", "no-such-clip")
    for request in (sunokit.ConvertToWav(ref), sunokit.SeparateStems(ref)):
        with pytest.raises(sunokit.NotFoundError, match="clip not found"):
            m.client.generate(request, timeout=30)


def test_a_callback_url_where_none_is_documented_is_refused_not_dropped(
    m: MockedVendor, song: sunokit.Task
) -> None:
    with pytest.raises(sunokit.UnsupportedRequestError, match="webhook"):
        m.client.call(sunokit.ConvertToWav(song.tracks[0].ref, callback_url="https://x.test/h"))


# ------------------------------------------------------------------ lyrics and credits


def test_lyrics_task(m: MockedVendor) -> None:
    task = m.client.generate(sunokit.GenerateLyrics("run away"), timeout=30)
    assert task.operation == "lyrics.generate"
    assert task.result.variants[0].title == "Run Away"
    assert "run away" in task.result.text
    assert _sent(m, task.task_id) == {"prompt": "run away"}
    with pytest.raises(sunokit.NotFoundError):  # 400 "task not found.", refined to not_found
        m.client.request("get_lyrics", params={"taskId": "no-such-task"})


def test_credits_are_spent(m: MockedVendor) -> None:
    before = m.client.call(sunokit.GetCredits()).remaining
    m.client.submit(sunokit.Description("one more tune"))
    assert m.client.call(sunokit.GetCredits()).remaining < before


def _spent(m: MockedVendor, act: Callable[[], object]) -> float:
    before = m.client.call(sunokit.GetCredits()).remaining
    act()
    return before - m.client.call(sunokit.GetCredits()).remaining


def _spec_price(operation_id: str) -> str:
    return str(_operations.spec_operation(VENDOR, operation_id).spec.definition["x-sunokit-cost"])


#: The Credits Usage Guide's and the Producer overview's prices, stated here independently of
#: the spec: lyrics 2 per call, upload 2 per call, producer 10 per task.
def test_the_mock_bills_what_the_spec_documents(m: MockedVendor) -> None:
    assert _spec_price("make_lyrics").startswith("{'credits': '2 per call")
    assert _spent(m, lambda: m.client.submit(sunokit.GenerateLyrics("rain"))) == 2
    assert _spec_price("upload_music").startswith("{'credits': '2 per call")
    assert _spent(m, lambda: m.client.call(sunokit.UploadFromUrl(UPLOAD))) == 2
    body = {"task_type": "create_music", "mv": "FUZZ-2.0", "sound": "pop", "title": "Back"}
    assert _spent(m, lambda: m.client.request("producer_create", body)) == 10
    # an operation whose price no page gives costs the mock's default of 1 (stems)
    song = m.client.generate(sunokit.Description("a short tune"), timeout=30)
    assert _spent(m, lambda: m.client.submit(sunokit.SeparateStems(song.tracks[0].ref))) == 1


def test_an_upload_is_refused_when_the_credits_do_not_cover_it() -> None:
    with mock_vendor(VENDOR, rate_limits=False, credits=1) as mocked:
        with pytest.raises(sunokit.InsufficientCreditsError):
            mocked.client.call(sunokit.UploadFromUrl(UPLOAD))
        assert mocked.mock.credits == 1  # nothing spent on a refusal


def test_a_create_of_every_task_type_bills_the_documented_ten_credits(
    m: MockedVendor, song: sunokit.Task
) -> None:
    assert _spec_price("submit_music").startswith("{'credits': '10 per call")
    assert m.mock.dialect.create_cost("submit_music", {}) == 10  # type: ignore[attr-defined]
    assert _spent(m, lambda: m.client.submit(sunokit.Description("ten credits"))) == 10
    assert _spent(m, lambda: m.client.submit(sunokit.Concat(song.tracks[0].id))) == 10


# ------------------------------------------------------------------ both create answers


@pytest.mark.parametrize(
    "answer",
    [
        {"message": "success", "task_id": "T-new"},
        {"code": 200, "data": {"task_id": "T-new"}, "message": "success"},
    ],
    ids=["current-pages", "first-create-page"],
)
def test_both_create_answers_give_the_task(answer: dict[str, object]) -> None:
    def vendor(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=answer)

    with httpx.Client(transport=httpx.MockTransport(vendor)) as http:
        client = sunokit.SunoClient(
            VENDOR, api_key="k1", base_url="https://x.test", http_client=http
        )
        assert client.submit(sunokit.Description("a tune")).task_id == "T-new"
        assert client.submit(sunokit.Concat("C1")).task_id == "T-new"
        assert client.submit(sunokit.SeparateStems(sunokit.TrackRef("T", "C"))).task_id == "T-new"


def test_a_create_answer_without_a_task_id_is_a_sunokit_error() -> None:
    def vendor(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"message": "success"})

    with httpx.Client(transport=httpx.MockTransport(vendor)) as http:
        client = sunokit.SunoClient(
            VENDOR, api_key="k1", base_url="https://x.test", http_client=http
        )
        with pytest.raises(sunokit.APIResponseError, match="task_id"):
            client.submit(sunokit.Description("a tune"))
        with pytest.raises(sunokit.APIResponseError, match="task_id"):
            client.submit(sunokit.Concat("C1"))


def test_a_504_timeout_is_a_server_error_with_the_vendors_message() -> None:
    """504 "Task failed due to timeout. Credits were previously refunded." (the error table's
    tail, third-party copy) is in the code table as server_error, not an unknown code."""
    message = "Task failed due to timeout. Credits were previously refunded."

    def vendor(request: httpx.Request) -> httpx.Response:
        return httpx.Response(504, json={"code": 504, "message": message})

    with httpx.Client(transport=httpx.MockTransport(vendor)) as http:
        client = sunokit.SunoClient(
            VENDOR, api_key="k1", base_url="https://x.test", http_client=http, max_retries=0
        )
        with pytest.raises(sunokit.ServerError) as raised:
            client.get("T-timeout")
    assert raised.value.status_code == 504
    assert message in str(raised.value)
    codes = _operations.spec_operation(VENDOR, "get_task").code_schema
    from sunokit import _specs

    assert _specs.error_kinds(VENDOR, codes)["504"] == "server_error"


# ------------------------------------------------------------------ models


def test_a_model_the_spec_does_not_list_is_sent_with_a_warning(m: MockedVendor) -> None:
    sent: list[httpx.Request] = []

    def vendor(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"message": "success", "task_id": "T9"})

    with httpx.Client(transport=httpx.MockTransport(vendor)) as http:
        client = sunokit.SunoClient(
            VENDOR, api_key="k1", base_url="https://x.test", http_client=http
        )
        with pytest.warns(sunokit.UnknownValueWarning, match="chirp-v5-5"):
            client.submit(sunokit.Description("newer", model="chirp-v5-5"))
    assert json.loads(sent[0].content)["mv"] == "chirp-v5-5"
    # the mock knows only the documented names: it refuses, as the vendor does (400)
    with pytest.warns(sunokit.UnknownValueWarning), pytest.raises(sunokit.InvalidRequestError):
        m.client.submit(sunokit.Description("newer", model="chirp-v5-5"))


# ------------------------------------------------------------------ the webhook


def test_the_webhook_is_signed_and_carries_its_dedupe_key() -> None:
    secret = "whsec-test"
    with mock_vendor(VENDOR, rate_limits=False) as mocked:
        with mocked.new_client(webhook_secret=secret) as client:
            task = client.generate(sunokit.Description("signed tune"), timeout=30)
        deadline = time.monotonic() + 10
        while True:
            records = [r for r in mocked.mock.callbacks if r.task_id == task.task_id]
            if (records and records[-1].state == "delivered") or time.monotonic() > deadline:
                break
            time.sleep(0.05)
    assert records, "the mock owes a webhook for a task with webhook_url"
    record = records[-1]
    assert record.state == "delivered"
    expected = hmac.new(secret.encode(), record.content, hashlib.sha256).hexdigest()
    assert record.headers["X-Signature"] == expected
    body = record.json()
    assert (body["task_id"], body["platform"]) == (task.task_id, "suno")
    assert {clip["state"] for clip in body["data"]} == {"succeeded"}
    assert [clip["clip_id"] for clip in body["data"]] == [t.id for t in task.tracks]
    # the receiver side: sunokit.callbacks verifies, then reads the same task
    received = sunokit.callbacks.unwrap(VENDOR, record.content, record.headers, secret=secret)
    assert (received.task_id, received.state) == (task.task_id, "succeeded")
    forged = record.content.replace(b"succeeded", b"failed")
    with pytest.raises(sunokit.CallbackError):
        sunokit.callbacks.unwrap(VENDOR, forged, record.headers, secret=secret)


def _delivered(mocked: MockedVendor, task_id: str, *, any_state: bool = False) -> object:
    """The last webhook the mock sent for `task_id` (delivered, unless `any_state`: a hook
    nobody listens at is attempted all the same, which is all a test of its body needs)."""
    deadline = time.monotonic() + 10
    while True:
        mocked.http.post("/__mock__/tick")
        records = [r for r in mocked.mock.callbacks if r.task_id == task_id]
        sent = records and (any_state or records[-1].state == "delivered")
        if sent or time.monotonic() > deadline:
            break
        time.sleep(0.02)
    assert records, f"no webhook for {task_id}"
    assert any_state or records[-1].state == "delivered", records[-1]
    return records[-1]


def test_every_task_types_webhook_parses_to_the_task_wait_returns() -> None:
    """One signed webhook body for every task_type: parsed with operation= it is the Task
    client.wait returns for the job (capability, tracks, typed result), with its dedupe key.
    Regression: a Concat / Cover webhook had no result (the webhook was read by a table of the
    adapter's, not by the binding's reader)."""
    secret = "whsec-family"
    with (
        mock_vendor(VENDOR, rate_limits=False, timings=StageTimings(0, 0, 0)) as mocked,
        mocked.new_client(webhook_secret=secret) as client,
    ):
        song = client.generate(sunokit.Description("a calm tune"), timeout=30)
        upload = client.call(sunokit.UploadFromUrl(UPLOAD))
        assert upload.clip_id
        requests: dict[str, object] = {
            "music.concat": sunokit.Concat(song.tracks[0].id),
            "music.cover": sunokit.Cover(song.tracks[1].id, sunokit.Instrumental("lofi", "L")),
            "music.upload_cover": sunokit.UploadCover(
                UPLOAD, sunokit.Description("jazz"), clip_id=upload.clip_id
            ),
            "music.upload_extend": sunokit.UploadExtend(UPLOAD, clip_id=upload.clip_id, at=0.1),
        }
        tasks = {"music.generate": song}
        tasks.update({c: client.generate(r, timeout=30) for c, r in requests.items()})
        for capability, task in tasks.items():
            record: Any = _delivered(mocked, task.task_id)
            parsed = callbacks.unwrap(
                VENDOR, record.content, record.headers, secret=secret, operation=capability
            )
            assert parsed == task, capability
            assert parsed.operation == capability
            if capability != "music.generate":
                assert isinstance(parsed.result, sunokit.Tracks), capability
            assert parsed.dedupe_key == (task.task_id, "suno")
            plain = callbacks.parse(VENDOR, record.content)  # the body alone: music.generate
            assert attrs.evolve(plain, operation=capability, result=parsed.result) == parsed


def test_the_spec_names_the_webhook_events_and_dedupe_key() -> None:
    from sunokit import _specs

    (callback,) = _specs.load_spec(VENDOR)["paths"]["/api/v1/suno/create"]["post"]["callbacks"][
        "songCompleted"
    ].values()
    post = callback["post"]
    assert post["x-sunokit-webhook-dedupe"]["keys"] == ["task_id", "platform"]
    assert set(post["x-sunokit-webhook-events"]) == {"song.completed", "song.failed"}
    assert post["x-sunokit-webhook-signature"]["header"] == "X-Signature"


def test_a_bound_create_is_signed_like_a_music_submit(m: MockedVendor, song: sunokit.Task) -> None:
    """Regression: Concat and Cover (bindings, not music modes) sent webhook_url without the
    client's webhook_secret, so their webhooks came unsigned."""
    with m.new_client(webhook_secret="whsec-2") as client:
        task = client.submit(sunokit.Concat(song.tracks[0].id))
        wav = client._core.typed_call(sunokit.ConvertToWav(song.tracks[0].ref))
    assert _sent(m, task.task_id)["webhook_secret"] == "whsec-2"
    assert m.mock.tasks[task.task_id].callback_secret == "whsec-2"
    assert wav.call.wire_body == {"clip_id": song.tracks[0].id}  # no webhook on get_wav


def test_producer_through_the_generic_path(m: MockedVendor) -> None:
    """Producer has no typed request: request() creates it and reads it through its lifecycle;
    the mock serves a real WAV once it succeeded, and refuses an unknown task (400)."""
    body = {"task_type": "create_music", "mv": "FUZZ-2.0", "sound": "pop", "title": "Back"}
    accepted = m.client.request("producer_create", body)
    assert accepted.to_dict() == {"code": 200, "message": "success", "task_id": accepted.task_id}
    states = []
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        answer = m.client.request("producer_get", params={"task_id": accepted.task_id})
        (clip,) = answer.data
        states.append(str(clip.state))
        if states[-1] == "succeeded":
            break
        time.sleep(0.05)
    assert states[-1] == "succeeded"
    assert _fetch(m, clip.audio_url)[:4] == b"RIFF"
    with pytest.raises(sunokit.NotFoundError):
        m.client.request("producer_get", params={"task_id": "no-such-task"})


def test_a_producer_webhook_is_signed_and_parses_as_producer_generate() -> None:
    """The webhook guide covers producer tasks too: the mock signs and sends one at the end,
    and callbacks reads it as the Producer kind (operation=) with its task id and key."""
    secret = "whsec-producer"
    body = {
        "task_type": "create_music",
        "mv": "FUZZ-2.0",
        "sound": "pop",
        "title": "Back",
        "webhook_url": "http://127.0.0.1:9/hook",
        "webhook_secret": secret,
    }
    with mock_vendor(VENDOR, rate_limits=False, timings=StageTimings(0, 0, 0)) as mocked:
        accepted = mocked.client.request("producer_create", body)
        record: Any = _delivered(mocked, accepted.task_id, any_state=True)
    assert (
        record.headers["X-Signature"]
        == hmac.new(secret.encode(), record.content, hashlib.sha256).hexdigest()
    )
    task = callbacks.unwrap(
        VENDOR, record.content, record.headers, secret=secret, operation="producer.generate"
    )
    assert (task.operation, task.task_id, task.state) == (
        "producer.generate",
        accepted.task_id,
        "succeeded",
    )
    (track,) = task.tracks  # "one song will be returned"
    assert track.title == "Back"
    assert task.dedupe_key == (accepted.task_id, "producer")
    assert callbacks.parse(VENDOR, record.content).operation == "music.generate"  # same body


# ------------------------------------------------------------------ drifted answers


_REF = sunokit.TrackRef("T1", "C1")


@pytest.mark.parametrize(
    ("request_", "answer", "field"),
    [
        (sunokit.ConvertToWav(_REF), {"message": "success", "data": {"wav_url": 5}}, "wav_url"),
        (sunokit.ConvertToWav(_REF), {"message": "success", "data": None}, "match the spec"),
        (
            sunokit.GenerateMidi("T1", stem_id="C1"),
            {"code": 200, "data": {"instruments": [{"name": "x", "notes": [{"pitch": "C4"}]}]}},
            "pitch",
        ),
        (
            sunokit.GenerateMidi("T1", stem_id="C1"),
            {"code": 200, "data": {"instruments": "none"}},
            "instruments",
        ),
        (
            sunokit.CreatePersona(_REF, "V", "soul"),
            {"code": 200, "message": "ok"},
            "match the spec",
        ),
        (sunokit.CreatePersona(_REF, "V", "soul"), {"code": 200, "persona_id": ""}, "persona_id"),
        (sunokit.UploadFromUrl("https://e.test/a.mp3"), {"code": 200, "clip_id": " "}, "clip_id"),
    ],
    ids=[
        "wav-url-number",
        "wav-no-data",
        "midi-pitch-text",
        "midi-no-list",
        "no-persona-id",
        "blank-persona-id",
        "blank-clip-id",
    ],
)
def test_a_drifted_answer_names_the_field(request_: object, answer: object, field: str) -> None:
    def vendor(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=answer)

    with httpx.Client(transport=httpx.MockTransport(vendor)) as http:
        client = sunokit.SunoClient(
            VENDOR, api_key="sk-secret-1", base_url="https://x.test", http_client=http
        )
        with pytest.raises(sunokit.APIResponseError, match=field) as raised:
            client.call(request_)  # type: ignore[arg-type]
    assert "sk-secret-1" not in str(raised.value)


@pytest.mark.parametrize(
    ("poll", "field"),
    [
        (
            {"code": 200, "data": [{"clip_id": "S1", "state": "succeeded", "audio_url": None}]},
            "audio_url",
        ),
        ({"code": 200, "data": [{"clip_id": "S1", "state": "succeeded"}, "x"]}, "data"),
        ({"code": 200, "data": {"task_id": "L1", "status": "completed", "text": None}}, "text"),
    ],
    ids=["stem-without-audio", "stem-not-an-object", "lyrics-without-text"],
)
def test_a_drifted_finished_task_names_the_field_and_keeps_the_task(
    poll: dict[str, object], field: str
) -> None:
    lyrics = "status" in json.dumps(poll)

    def vendor(request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            return httpx.Response(
                200, json={"code": 200, "data": {"task_id": "J1"}, "message": "ok"}
            )
        return httpx.Response(200, json=poll)

    request_ = sunokit.GenerateLyrics("rain") if lyrics else sunokit.SeparateStems(_REF)
    with httpx.Client(transport=httpx.MockTransport(vendor)) as http:
        client = sunokit.SunoClient(
            VENDOR, api_key="k1", base_url="https://x.test", http_client=http, poll_interval=0.01
        )
        with pytest.raises(sunokit.APIResponseError, match=field) as raised:
            client.generate(request_, timeout=5)
    task = getattr(raised.value, "task", None)
    assert task is not None  # every error after acceptance carries the task
    assert task.task_id == "J1"


def test_a_persona_is_refused_where_the_task_type_is_not_persona_music(song: sunokit.Task) -> None:
    """persona_id chooses task_type persona_music; an extend or a cover has its own task_type,
    so a persona there is refused, not sent under another task_type."""
    persona = sunokit.Tuning(persona_id="P1")
    music = sunokit.CustomLyrics("la", "soul", "T", tuning=persona)
    with sunokit.SunoClient(VENDOR, api_key="k1", base_url="http://127.0.0.1:9") as client:
        for request in (
            sunokit.Extend(song.tracks[0].id, at=1, lyrics="la", tuning=persona),
            sunokit.Cover(song.tracks[0].id, music),
        ):
            with pytest.raises(sunokit.UnsupportedRequestError, match="persona_music"):
                client.submit(request)
