"""The mock's operations beyond music (issue 9), kie family: each capability created, polled
through its lifecycle by a ManualClock, its answers and callbacks valid against the spec, its
result files real files of their type, unknown ids refused, credits and faults applied."""

from __future__ import annotations

import base64
import io
import json
import struct
import warnings
import wave
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sunokit import _operations, _specs
from sunokit.mock import ManualClock, MockVendor, StageTimings, _media, _spec, create_app

from .spec_tools import load, validator

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

AUTH = {"Authorization": "Bearer sk-mock"}
HOOK = "https://receiver.test/hook"
MUSIC = {
    "customMode": False,
    "instrumental": False,
    "model": "V4",
    "prompt": "a calm piano tune about rain",
    "callBackUrl": HOOK,
}


class Kie:
    def __init__(self, vendor: str, **options: Any) -> None:
        self.vendor = vendor
        self.clock = ManualClock()
        self.received: list[httpx.Request] = []

        def receive(request: httpx.Request) -> httpx.Response:
            self.received.append(request)
            return httpx.Response(200, json={"code": 200})

        options.setdefault("timings", StageTimings(1, 2, 3))
        self.mock: MockVendor = create_app(
            vendor,
            clock=self.clock,
            callback_transport=httpx.MockTransport(receive),
            callback_backoff=0,
            **options,
        )
        self.http = TestClient(self.mock)

    def op(self, operation_id: str) -> _operations.SpecOperation:
        return _operations.spec_operation(self.vendor, operation_id)

    def send(self, operation_id: str, body: Any = None, params: Any = None, **kw: Any) -> Any:
        spec = self.op(operation_id)
        response = self.http.request(
            spec.spec.method.upper(), spec.spec.path, json=body, params=params, headers=AUTH, **kw
        )
        schema = load(self.vendor)["paths"][spec.spec.path][spec.spec.method]["responses"]["200"][
            "content"
        ]["application/json"]["schema"]
        errors = [e.message for e in validator(self.vendor, schema).iter_errors(response.json())]
        assert not errors, (operation_id, errors, response.text)
        return response.json()

    def create(self, operation_id: str, body: Any) -> str:
        answer = self.send(operation_id, body)
        assert answer["code"] == 200, answer
        value = answer
        for key in self.op(operation_id).job_id or ():
            value = value[key]
        return str(value)

    def poll(self, operation_id: str, task_id: str) -> Any:
        spec = self.op(operation_id)
        name = spec.id_parameter.name if spec.id_parameter else "taskId"
        return self.send(operation_id, params={name: task_id})

    def state(self, operation_id: str, answer: Any) -> str:
        spec = self.op(operation_id)
        value = answer
        for key in spec.state or ():
            value = value[key]
        assert spec.state_schema is not None
        return _specs.task_states(self.vendor, spec.state_schema)[str(value)]

    def music(self) -> tuple[str, str]:
        task_id = self.create("submit_music", MUSIC)
        self.clock.advance(3)
        data = self.poll("get_task", task_id)["data"]
        return task_id, data["response"]["sunoData"][0]["id"]

    def get(self, url: str) -> httpx.Response:
        path = url.split("testserver", 1)[1]
        return self.http.get(path)

    def callbacks(self) -> list[Any]:
        self.http.post("/__mock__/tick")
        return [json.loads(r.content) for r in self.received]


@pytest.fixture(params=["sunoapi_org", "apikley"])
def kie(request: pytest.FixtureRequest) -> Iterator[Kie]:
    made = Kie(str(request.param))
    yield made
    made.http.close()


@pytest.fixture
def org() -> Iterator[Kie]:
    made = Kie("sunoapi_org")
    yield made
    made.http.close()


def callback_valid(k: Kie, operation_id: str, body: Any) -> None:
    definition = load(k.vendor)["paths"][k.op(operation_id).spec.path]["post"]
    for callback in definition["callbacks"].values():
        for item in callback.values():
            schema = item["post"]["requestBody"]["content"]["application/json"]["schema"]
            errors = [e.message for e in validator(k.vendor, schema).iter_errors(body)]
            assert not errors, (errors, body)


def lifecycle(k: Kie, create: str, body: Any) -> tuple[str, Any]:
    poll = k.op(create).poll
    assert poll is not None
    task_id = k.create(create, body)
    assert k.state(poll, k.poll(poll, task_id)) in ("queued", "running")
    k.clock.advance(3)
    final = k.poll(poll, task_id)
    assert k.state(poll, final) == "succeeded", final
    sent = k.callbacks()
    mine = [b for b in sent if task_id in json.dumps(b)]
    assert mine, sent
    for delivered in mine:
        callback_valid(k, create, delivered)
    return task_id, final


def check_wav(data: bytes) -> None:
    with wave.open(io.BytesIO(data)) as audio:
        assert audio.getnframes() > 0
        assert audio.getsampwidth() == 2


def parse_smf(data: bytes) -> list[tuple[str, list[tuple[int, int, int]]]]:
    """A small Standard MIDI File reader: (track name, [(tick, status, pitch)]) per track."""
    assert data[:4] == b"MThd"
    length, fmt, count, _division = struct.unpack(">IHHH", data[4:14])
    assert (length, fmt) == (6, 1)
    at, tracks = 14, []
    for _ in range(count):
        assert data[at : at + 4] == b"MTrk"
        (size,) = struct.unpack(">I", data[at + 4 : at + 8])
        chunk, at = data[at + 8 : at + 8 + size], at + 8 + size
        pos, tick, name, events, ended = 0, 0, "", [], False
        while pos < len(chunk):
            delta = 0
            while True:
                byte = chunk[pos]
                pos += 1
                delta = (delta << 7) | (byte & 0x7F)
                if byte < 0x80:
                    break
            tick += delta
            status = chunk[pos]
            if status == 0xFF:
                kind, meta_len = chunk[pos + 1], chunk[pos + 2]
                payload = chunk[pos + 3 : pos + 3 + meta_len]
                pos += 3 + meta_len
                if kind == 0x03:
                    name = payload.decode()
                ended = kind == 0x2F
            else:
                assert status & 0xF0 in (0x80, 0x90)
                events.append((tick, status & 0xF0, chunk[pos + 1]))
                pos += 3
        assert ended
        tracks.append((name, events))
    assert at == len(data)
    return tracks


def parse_boxes(data: bytes, at: int = 0, end: int | None = None) -> list[tuple[bytes, int, int]]:
    end = len(data) if end is None else end
    boxes = []
    while at < end:
        size, kind = struct.unpack(">I4s", data[at : at + 8])
        assert size >= 8, (kind, size)
        assert at + size <= end, (kind, size)
        boxes.append((kind, at, size))
        at += size
    assert at == end
    return boxes


# --------------------------------------------------------------------------- capabilities


def test_lyrics_two_variants_and_callback(kie: Kie) -> None:
    _, final = lifecycle(
        kie, "generate_lyrics", {"prompt": "rain on a tin roof", "callBackUrl": HOOK}
    )
    items = final["data"]["response"]["data"]
    assert len(items) == 2
    assert all(item["text"] and item["title"] for item in items)


def test_lyrics_sensitive_word_fails(kie: Kie) -> None:
    task_id = kie.create("generate_lyrics", {"prompt": "forbidden words", "callBackUrl": HOOK})
    kie.clock.advance(3)
    answer = kie.poll("get_lyrics_details", task_id)
    assert kie.state("get_lyrics_details", answer) == "failed"
    for body in kie.callbacks():
        callback_valid(kie, "generate_lyrics", body)


def test_wav_is_a_real_wav_and_a_second_one_conflicts_where_documented(kie: Kie) -> None:
    task_id, audio_id = kie.music()
    _, final = lifecycle(
        kie, "convert_to_wav", {"taskId": task_id, "audioId": audio_id, "callBackUrl": HOOK}
    )
    check_wav(kie.get(final["data"]["response"]["audioWavUrl"]).content)
    again = kie.send(
        "convert_to_wav", {"taskId": task_id, "audioId": audio_id, "callBackUrl": HOOK}
    )
    codes = kie.op("convert_to_wav").code_schema
    if "409" in _specs.error_kinds(kie.vendor, codes):
        assert again["code"] == 409
    else:
        assert again["code"] == 200


@pytest.mark.parametrize("kind", ["separate_vocal", "split_stem"])
def test_stems_are_separate_wavs(kie: Kie, kind: str) -> None:
    task_id, audio_id = kie.music()
    credits = kie.mock.credits
    body = {"taskId": task_id, "audioId": audio_id, "type": kind, "callBackUrl": HOOK}
    _, final = lifecycle(kie, "separate_stems", body)
    stated = _spec.stated_cost(kie.vendor, "separate_stems", body)  # the spec's "(N credits)"
    assert credits is not None
    assert kie.mock.credits == credits - (stated or 1)
    result = final["data"]["response"]
    urls = {k: v for k, v in result.items() if k.endswith("Url") and v}
    assert len(urls) == (2 if kind == "separate_vocal" else 12), urls  # up to 12 stems
    contents = {kie.get(url).content for url in urls.values()}
    assert len(contents) == len(urls)  # separate files
    for data in contents:
        check_wav(data)


def test_unknown_task_or_track_ids_are_refused(kie: Kie) -> None:
    task_id, _ = kie.music()
    for body in (
        {"taskId": "nope", "audioId": "nope", "callBackUrl": HOOK},
        {"taskId": task_id, "audioId": "nope", "callBackUrl": HOOK},
    ):
        answer = kie.send("convert_to_wav", body)
        codes = kie.op("convert_to_wav").code_schema
        assert _specs.error_kinds(kie.vendor, codes)[str(answer["code"])] == "not_found"
    answer = kie.poll("get_wav_details", "nope")
    assert answer["code"] != 200
    lyrics = kie.create("generate_lyrics", {"prompt": "x", "callBackUrl": HOOK})
    assert kie.poll("get_wav_details", lyrics)["code"] != 200  # another capability's task


def test_insufficient_credits_refuse_a_create(kie: Kie) -> None:
    task_id, audio_id = kie.music()
    body = {"taskId": task_id, "audioId": audio_id, "type": "split_stem", "callBackUrl": HOOK}
    kie.mock.credits = int(_spec.stated_cost(kie.vendor, "separate_stems", body) or 1) - 1
    answer = kie.send("separate_stems", body)
    assert (
        _specs.error_kinds(kie.vendor, "ResponseCode")[str(answer["code"])]
        == "insufficient_credits"
    )
    assert kie.mock.credits == int(_spec.stated_cost(kie.vendor, "separate_stems", body) or 1) - 1


def test_faults_apply_to_new_operations(kie: Kie) -> None:
    kie.mock.set_fault("maintenance", scope="submit", times=1)
    answer = kie.send("generate_lyrics", {"prompt": "x", "callBackUrl": HOOK})
    assert _specs.error_kinds(kie.vendor, "ResponseCode")[str(answer["code"])] == "maintenance"
    kie.mock.set_fault("fail_task", scope="submit", times=1)
    task_id = kie.create("generate_lyrics", {"prompt": "x", "callBackUrl": HOOK})
    kie.clock.advance(3)
    assert kie.state("get_lyrics_details", kie.poll("get_lyrics_details", task_id)) == "failed"
    kie.mock.set_fault("unknown_status", scope="status", times=1, value="WEIRD")
    assert (
        kie.http.get("/api/v1/lyrics/record-info", params={"taskId": task_id}, headers=AUTH).json()[
            "data"
        ]["status"]
        == "WEIRD"
    )


def test_midi_is_a_standard_midi_file_of_the_notes(kie: Kie) -> None:
    task_id, audio_id = kie.music()
    stems, _ = lifecycle(
        kie,
        "separate_stems",
        {"taskId": task_id, "audioId": audio_id, "type": "separate_vocal", "callBackUrl": HOOK},
    )
    midi_task, final = lifecycle(kie, "generate_midi", {"taskId": stems, "callBackUrl": HOOK})
    instruments = final["data"]["midiData"]["instruments"]
    tracks = parse_smf(kie.http.get(f"/__mock__/media/{midi_task}.mid").content)
    assert [name for name, _ in tracks[1:]] == [i["name"] for i in instruments]
    for (_, events), instrument in zip(tracks[1:], instruments, strict=True):
        ons = [pitch for _, status, pitch in events if status == 0x90]
        assert ons == [note["pitch"] for note in instrument["notes"]]
    assert kie.send("generate_midi", {"taskId": task_id, "callBackUrl": HOOK})["code"] != 200


def test_music_video_is_an_mp4_with_a_valid_box_structure(kie: Kie) -> None:
    task_id, audio_id = kie.music()
    _, final = lifecycle(
        kie, "create_music_video", {"taskId": task_id, "audioId": audio_id, "callBackUrl": HOOK}
    )
    response = kie.get(final["data"]["response"]["videoUrl"])
    assert response.headers["content-type"] == "video/mp4"
    data = response.content
    top = parse_boxes(data)
    assert [kind for kind, _, _ in top] == [b"ftyp", b"moov", b"mdat"]
    _, moov_at, moov_size = top[1]
    inner = parse_boxes(data, moov_at + 8, moov_at + moov_size)
    assert [kind for kind, _, _ in inner] == [b"mvhd", b"trak"]
    _, trak_at, trak_size = inner[1]
    assert [kind for kind, _, _ in parse_boxes(data, trak_at + 8, trak_at + trak_size)] == [
        b"tkhd",
        b"mdia",
    ]
    assert b"stco" in data
    assert b"stsz" in data
    (offset,) = struct.unpack(">I", data[data.index(b"stco") + 12 : data.index(b"stco") + 16])
    assert offset == top[2][1] + 8  # the chunk offset points at mdat's payload


def test_cover_images_are_pngs_and_one_per_music_task(kie: Kie) -> None:
    task_id, _ = kie.music()
    cover, final = lifecycle(kie, "generate_cover_image", {"taskId": task_id, "callBackUrl": HOOK})
    for url in final["data"]["response"]["images"]:
        assert kie.get(url).content.startswith(b"\x89PNG\r\n\x1a\n")
    again = kie.send("generate_cover_image", {"taskId": task_id, "callBackUrl": HOOK})
    assert again["code"] == 400
    assert again["data"]["taskId"] == cover


def test_recovery_answers_the_tracks(org: Kie) -> None:
    task_id, _ = org.music()
    recovery = org.create("recover_audio", {"sunoTaskId": task_id, "callBackUrl": HOOK})
    assert org.poll("get_recovery_details", recovery)["code"] == 201
    org.clock.advance(3)
    final = org.poll("get_recovery_details", recovery)
    assert final["code"] == 200
    assert len(final["data"]) == 2
    check_wav(org.get(final["data"][0]["audio_url"]).content)
    for body in org.callbacks():
        if body.get("task_id") == recovery:
            callback_valid(org, "recover_audio", body)


def test_calls_and_sync_creates(org: Kie) -> None:
    task_id, audio_id = org.music()
    words = org.send("get_timestamped_lyrics", {"taskId": task_id, "audioId": audio_id})
    assert [w["word"] for w in words["data"]["alignedWords"]] == MUSIC["prompt"].split()
    persona = org.send(
        "generate_persona",
        {"taskId": task_id, "audioId": audio_id, "name": "Ana", "description": "warm"},
    )
    assert persona["data"]["personaId"]
    assert (
        org.send(
            "generate_persona",
            {"taskId": task_id, "audioId": audio_id, "name": "Ana", "description": "warm"},
        )["code"]
        == 409
    )
    boosted = org.send("boost_style", {"content": "Pop, Mysterious"})
    assert boosted["data"]["result"].startswith("Pop, Mysterious")
    assert org.send("get_credits")["data"] == org.mock.credits


def test_voice_lifecycle(org: Kie) -> None:
    body = {
        "voiceUrl": "https://example.com/v.mp3",
        "vocalStartS": 10,
        "vocalEndS": 40,
        "language": "en",
        "callBackUrl": HOOK,
    }
    validation, final = lifecycle(org, "validate_voice", body)
    assert final["data"]["validateInfo"]
    regenerated = org.create(
        "regenerate_voice_validation", {"taskId": validation, "calBackUrl": HOOK}
    )
    org.clock.advance(3)
    assert (
        org.poll("get_voice_validation", regenerated)["data"]["validateInfo"]
        != final["data"]["validateInfo"]
    )
    voice, done = lifecycle(
        org,
        "create_voice",
        {"taskId": validation, "verifyUrl": "https://example.com/r.mp3", "callBackUrl": HOOK},
    )
    assert done["data"]["voiceId"]
    assert org.send("check_voice", {"task_id": voice})["data"]["isAvailable"] is True
    assert (
        org.send(
            "create_voice",
            {"taskId": "nope", "verifyUrl": "https://example.com/r.mp3", "callBackUrl": HOOK},
        )["code"]
        != 200
    )


def test_uploads_are_served_back(kie: Kie) -> None:
    png = _media.png_cover(1, 2, 3)
    data = base64.b64encode(png).decode()
    answer = kie.send(
        "upload_file_base64",
        {"base64Data": f"data:image/png;base64,{data}", "uploadPath": "x", "fileName": "a.png"},
    )
    assert kie.get(answer["data"]["downloadUrl"]).content == png
    assert answer["data"]["mimeType"] == "image/png"
    assert answer["data"]["fileSize"] == len(png)
    wav = _media.wav_tone(0.1)
    answer = kie.send(
        "upload_file_stream",
        files={"file": ("t.wav", wav, "audio/wav")},
        data={"uploadPath": "y", "fileName": "t.wav"},
        body=None,
    )
    assert kie.get(answer["data"]["downloadUrl"]).content == wav
    answer = kie.send(
        "upload_file_url",
        {"fileUrl": answer["data"]["downloadUrl"], "uploadPath": "z", "fileName": "copy.wav"},
    )
    assert kie.get(answer["data"]["downloadUrl"]).content == wav


def test_music_family_creates_are_music_tasks(org: Kie) -> None:
    body = {
        "uploadUrl": "https://example.com/a.mp3",
        "customMode": False,
        "instrumental": False,
        "model": "V4",
        "prompt": "a cover",
        "callBackUrl": HOOK,
    }
    task_id = org.create("upload_cover_audio", body)
    org.clock.advance(3)
    data = org.poll("get_task", task_id)["data"]
    assert data["status"] == "SUCCESS"
    assert data["operationType"] == "upload_cover"
    assert len(data["response"]["sunoData"]) == 2


@pytest.mark.parametrize("vendor", ["sunoapi_org", "apikley", "sunosay", "relay"])
@pytest.mark.parametrize("stage_at", ["text", "first"])
def test_a_lyrics_task_between_stages_is_still_waiting(vendor: str, stage_at: str) -> None:
    """Regression: a state table with no middle state (SunoAPI.org's LyricsTaskStatus has
    only PENDING before SUCCESS) made the mock answer HTTP 500 once a task reached 'first'."""
    import sunokit
    from sunokit.testing import mock_vendor

    timings = StageTimings(0, 0, 60) if stage_at == "first" else StageTimings(0, 60, 120)
    with mock_vendor(vendor, rate_limits=False, timings=timings) as mocked:
        task = mocked.client.submit(sunokit.GenerateLyrics("rain on the roof"))
        assert mocked.client.get(task).state in ("queued", "running")
