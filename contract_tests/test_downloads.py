"""`sunokit.download(task, directory)` and `adownload`: the tracks of a task, saved safely.

The tasks and their media come from a real mock vendor on loopback.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import sunokit
from sunokit.mock import StageTimings
from sunokit.testing import MockedVendor, mock_vendor


@pytest.fixture(scope="module")
def mocked() -> Iterator[MockedVendor]:
    with mock_vendor("sunoapi_com", timings=StageTimings(0, 0, 0)) as running:
        yield running


@pytest.fixture(scope="module")
def task(mocked: MockedVendor) -> sunokit.Task:
    return mocked.client.generate(sunokit.Description("a calm piano tune"))


def test_every_track_is_saved_with_the_bytes_the_vendor_serves(
    mocked: MockedVendor, task: sunokit.Task, tmp_path: Path
) -> None:
    files = sunokit.download(task, tmp_path / "songs", http_client=mocked.http)

    assert list(files) == [track.id for track in task.tracks]
    for track in task.tracks:
        path = files[track.id]
        assert path.parent == tmp_path / "songs"
        assert path.suffix == ".wav"
        assert track.id in path.name
        assert track.audio_url is not None
        assert path.read_bytes() == mocked.http.get(track.audio_url).content
    assert sorted(p.name for p in (tmp_path / "songs").iterdir()) == sorted(
        p.name for p in files.values()
    )


def test_the_default_client_and_a_string_directory(task: sunokit.Task, tmp_path: Path) -> None:
    files = sunokit.download(task, str(tmp_path))
    assert len(files) == len(task.tracks)
    assert all(path.stat().st_size > 44 for path in files.values())  # more than a WAV header


def test_saving_again_keeps_the_same_files_and_refuses_to_replace_others(
    mocked: MockedVendor, task: sunokit.Task, tmp_path: Path
) -> None:
    first = sunokit.download(task, tmp_path, http_client=mocked.http)
    assert sunokit.download(task, tmp_path, http_client=mocked.http) == first
    assert len(list(tmp_path.iterdir())) == len(first)

    (victim, *_) = first.values()
    victim.write_bytes(b"the user's own recording")
    with pytest.raises(sunokit.DownloadError, match="already exists with other content") as error:
        sunokit.download(task, tmp_path, http_client=mocked.http)
    assert victim.read_bytes() == b"the user's own recording"
    assert error.value.task is task
    assert error.value.track is not None
    assert str(victim) in str(error.value)
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".part"]

    replaced = sunokit.download(task, tmp_path, http_client=mocked.http, overwrite=True)
    assert replaced == first
    assert victim.read_bytes() != b"the user's own recording"


def test_a_task_with_no_finished_track_is_refused_before_anything_is_made(tmp_path: Path) -> None:
    queued = sunokit.Task(vendor="relay", task_id="t-1", state="running")
    with pytest.raises(
        sunokit.DownloadError, match="relay task t-1 has no finished track"
    ) as error:
        sunokit.download(queued, tmp_path / "songs")
    assert error.value.task is queued
    assert error.value.track is None
    assert "state: running" in str(error.value)
    assert not (tmp_path / "songs").exists()


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "not a url", "http://[::1", "ftp://127.0.0.1/song.mp3"],
)
def test_a_url_that_cannot_be_fetched_names_the_track_and_leaves_nothing(
    url: str, tmp_path: Path
) -> None:
    hostile = sunokit.Task(
        vendor="relay",
        task_id="t-1",
        state="succeeded",
        tracks=(sunokit.Track(id="../../etc/x", title="../../x", audio_url=url),),
    )
    with pytest.raises(
        sunokit.DownloadError, match=re.escape("track ../../etc/x: download failed")
    ):
        sunokit.download(hostile, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_failing_media_server_leaves_no_partial_file(
    mocked: MockedVendor, task: sunokit.Task, tmp_path: Path
) -> None:
    mocked.set_fault("server_error", scope="media", times=None)
    try:
        with pytest.raises(sunokit.DownloadError, match="download failed"):
            sunokit.download(task, tmp_path, http_client=mocked.http)
    finally:
        mocked.clear_faults()
    assert list(tmp_path.iterdir()) == []


def test_a_hostile_name_stays_inside_the_directory(
    mocked: MockedVendor, task: sunokit.Task, tmp_path: Path
) -> None:
    track = task.tracks[0]
    hostile = sunokit.Task(
        vendor=task.vendor,
        task_id=task.task_id,
        state="succeeded",
        tracks=(sunokit.Track(id="../../a", title="/etc/passwd", audio_url=track.audio_url),),
    )
    files = sunokit.download(hostile, tmp_path / "songs", http_client=mocked.http)
    (path,) = files.values()
    assert path.parent == tmp_path / "songs"
    assert path.name == "etc-passwd-a.wav"


def test_only_a_task_is_accepted(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match=re.escape("takes a sunokit.Task, not dict")):
        sunokit.download({"tracks": []}, tmp_path)  # type: ignore[arg-type]


def test_the_async_twin_saves_the_same_files(
    mocked: MockedVendor, task: sunokit.Task, tmp_path: Path
) -> None:
    expected = sunokit.download(task, tmp_path / "sync", http_client=mocked.http)

    async def save() -> dict[str, Path]:
        async with httpx.AsyncClient() as client:
            return await sunokit.adownload(task, tmp_path / "async", http_client=client)

    files = asyncio.run(save())
    assert [p.name for p in files.values()] == [p.name for p in expected.values()]
    for track_id, path in files.items():
        assert path.read_bytes() == expected[track_id].read_bytes()
    with pytest.raises(sunokit.DownloadError, match="no finished track"):
        asyncio.run(sunokit.adownload(sunokit.Task("relay", "t", "queued"), tmp_path))
