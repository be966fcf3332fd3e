"""Apikley's last operations (issue 9) through the typed client against the mock: a song, then
its music video, cover images, stems and MIDI from the stems, and a URL upload on the
file-upload host. Apikley's shapes come from its spec (cover states as names, no MIDI
`audioId`, its own code tables), read by the shared kie-family bindings and the mock."""

from __future__ import annotations

import struct
from collections.abc import Iterator

import pytest
import sunokit
from sunokit import _operations, _specs
from sunokit.mock import _media
from sunokit.testing import MockedVendor, mock_vendor

VENDOR = "apikley"


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


def test_the_operations_are_bound_for_apikley() -> None:
    for request in (
        sunokit.MakeVideo,
        sunokit.GenerateCoverImage,
        sunokit.GenerateMidi,
        sunokit.UploadFromUrl,
        sunokit.UploadBytes,
    ):
        assert sunokit.SunoClient(VENDOR, api_key="k").supports(request), request


def test_music_video(m: MockedVendor, song: sunokit.Task) -> None:
    task = m.client.generate(sunokit.MakeVideo(song.tracks[0].ref, author="Ana"), timeout=30)
    assert task.state == "succeeded"
    assert isinstance(task.result, sunokit.Video)
    data = _fetch(m, task.result.url)
    (size,) = struct.unpack(">I", data[:4])
    assert data[4:8] == b"ftyp"
    assert data[size + 4 : size + 8] == b"moov"
    with pytest.raises(sunokit.ConflictError):  # one video per track (409 at this vendor)
        m.client.generate(sunokit.MakeVideo(song.tracks[0].ref), timeout=30)


def test_cover_images_with_state_names(m: MockedVendor, song: sunokit.Task) -> None:
    poll = _operations.spec_operation(VENDOR, "get_cover_image_details")
    assert poll.state_schema is not None
    states = _specs.task_states(VENDOR, poll.state_schema)
    assert states == {
        "PENDING": "queued",
        "SUCCESS": "succeeded",
        "CREATE_TASK_FAILED": "failed",
        "GENERATE_COVER_FAILED": "failed",
    }
    task = m.client.generate(sunokit.GenerateCoverImage(song), timeout=30)
    assert task.state == "succeeded"
    assert isinstance(task.result, sunokit.Images)
    assert len(task.result.urls) == 2
    for url in task.result.urls:
        assert _fetch(m, url).startswith(b"\x89PNG\r\n\x1a\n")
    # the poll answers the state as a name, as Apikley's details page lists them
    raw = m.client.request("get_cover_image_details", params={"taskId": task.task_id})
    assert raw.data.success_flag.value == "SUCCESS"
    # one cover task per music task: the repeat is answered 400 "... already ..." (a conflict)
    with pytest.raises(sunokit.ConflictError):
        m.client.generate(sunokit.GenerateCoverImage(song), timeout=30)


def test_midi_from_stems(m: MockedVendor, song: sunokit.Task) -> None:
    stems = m.client.generate(sunokit.SeparateStems(song.tracks[1].ref), timeout=30)
    assert stems.state == "succeeded"
    assert isinstance(stems.result, sunokit.Stems)
    assert {"vocal", "instrumental"} <= set(stems.result.names)
    task = m.client.generate(sunokit.GenerateMidi(stems), timeout=30)
    assert task.state == "succeeded"
    assert isinstance(task.result, sunokit.Midi)
    assert task.result.instruments
    for instrument in task.result.instruments:
        assert instrument.notes
        assert all(0 <= note.pitch <= 127 for note in instrument.notes)
    # Apikley's page has no audioId: the spec's request body has none
    body = _specs.resolve(VENDOR, {"$ref": "#/components/schemas/GenerateMidiRequest"})
    assert set(body["required"]) == {"taskId", "callBackUrl"}
    assert "audioId" not in body["properties"]


def test_uploads_on_the_file_upload_host(m: MockedVendor, song: sunokit.Task) -> None:
    server = _operations.spec_operation(VENDOR, "upload_file_url").server
    assert server == "https://api.apikley.ru/file-upload"
    with m.new_client(upload_base_url=m.base_url) as client:
        wav = _media.wav_tone(0.1)
        stored = client.call(sunokit.UploadBytes(wav, name="tone.wav"))
        assert isinstance(stored, sunokit.Upload)
        assert stored.size == len(wav)
        assert _fetch(m, stored.url) == wav
        copied = client.call(sunokit.UploadFromUrl(stored.url, path="copies", name="copy.wav"))
        assert copied.path == "copies/copy.wav"
        assert _fetch(m, copied.url) == wav
        with pytest.raises(sunokit.ClientValidationError):
            client.call(sunokit.UploadFromUrl("not a url"))


def test_the_mock_serves_uploads_under_the_upload_hosts_base_path(m: MockedVendor) -> None:
    # the spec's server is https://api.apikley.ru/file-upload: the same layout on the mock
    with m.new_client(upload_base_url=m.base_url.rstrip("/") + "/file-upload") as client:
        stored = client.call(sunokit.UploadBytes(b"hello", name="hello.txt"))
    assert _fetch(m, stored.url) == b"hello"
