"""The files of a finished task: its tracks, or the media its typed result names.

A music task's files are its tracks. A typed result's files are the media it names (a WAV, the
stems, a video, cover images, recovered tracks); they are saved by the same download as tracks
(`sunokit.download`: a temporary file renamed once complete, never replacing other content),
named `<task id>-<name><extension>`. A MIDI transcription (notes, no file) is written as a
Standard MIDI File, `<task id>-midi.mid` (one track per instrument, 120 bpm). Results without
media (lyrics, credits, a persona, ...) are printed only.
"""

from __future__ import annotations

import struct
from pathlib import Path

import attrs
import httpx

from ._downloads import DownloadError, adownload, download, safe_name, write_atomically
from ._models import (
    AudioFile,
    Images,
    Midi,
    Stems,
    Task,
    Track,
    Tracks,
    Video,
)

__all__ = ["asave_files", "media_task", "midi_file", "save_files"]

#: MIDI ticks per quarter note, and quarter notes per second (120 bpm, the file's tempo).
_TICKS_PER_BEAT = 480
_BEATS_PER_SECOND = 2
#: The longest transcription written (a song is minutes; beyond a day is no song).
_MAX_SECONDS = 24 * 3600.0


def media_task(task: Task) -> Task | None:
    """The files of `task` as a Task whose tracks are its media (so `download` saves them), or
    None when it has none: a music task's own tracks, or the media its typed result names."""
    if task.tracks:
        return task
    result = task.result
    named: list[tuple[str, str]] = []
    if isinstance(result, Tracks):
        return attrs.evolve(task, tracks=result.tracks)
    if isinstance(result, AudioFile):
        named = [(result.format or "audio", result.url)]
    elif isinstance(result, Stems):
        named = [(stem.name, stem.url) for stem in result.stems]
    elif isinstance(result, Video):
        named = [("video", result.url)]
    elif isinstance(result, Images):
        named = [(f"image-{number}", url) for number, url in enumerate(result.urls, 1)]
    if not named:
        return None
    title = task.task_id or task.operation
    tracks = tuple(Track(id=name, title=title, audio_url=url) for name, url in named if url)
    return attrs.evolve(task, tracks=tracks) if tracks else None


def save_files(
    task: Task, out: Path, *, http_client: httpx.Client, overwrite: bool
) -> dict[str, Path | None]:
    """Download the task's files into `out`: {file id: saved path (None: no URL yet)}.

    A task with nothing to save yet (a music task with no finished track, any other task that
    has not succeeded) raises DownloadError; a finished result without media saves nothing."""
    saved, media = _to_fetch(task, out, overwrite=overwrite)
    if media is None:
        if task.operation.startswith("music."):
            download(task, out, http_client=http_client, overwrite=overwrite)  # raises: no track
        return saved
    fetched = download(media, out, http_client=http_client, overwrite=overwrite)
    return {track.id: fetched.get(track.id) for track in media.tracks}


async def asave_files(
    task: Task, out: Path, *, http_client: httpx.AsyncClient, overwrite: bool
) -> dict[str, Path | None]:
    """The async twin of `save_files` (the network is awaited)."""
    saved, media = _to_fetch(task, out, overwrite=overwrite)
    if media is None:
        if task.operation.startswith("music."):
            await adownload(task, out, http_client=http_client, overwrite=overwrite)  # raises
        return saved
    fetched = await adownload(media, out, http_client=http_client, overwrite=overwrite)
    return {track.id: fetched.get(track.id) for track in media.tracks}


def _to_fetch(
    task: Task, out: Path, *, overwrite: bool
) -> tuple[dict[str, Path | None], Task | None]:
    """What `save_files` saves without the network (a MIDI file), and the media to download."""
    if isinstance(task.result, Midi) and not task.tracks:
        return {"midi": _save_midi(task, task.result, out, overwrite=overwrite)}, None
    media = media_task(task)
    if media is None and not task.operation.startswith("music.") and task.state != "succeeded":
        raise DownloadError(
            f"{task.vendor} task {task.task_id} has no result to save yet (state: "
            f"{task.state}); wait for it first",
            task=task,
        )
    return {}, media


def _variable_length(number: int) -> bytes:
    """A MIDI variable-length quantity: 7 bits a byte, the high bit set on all but the last."""
    chunk = [number & 0x7F]
    number >>= 7
    while number:
        chunk.append(0x80 | (number & 0x7F))
        number >>= 7
    return bytes(reversed(chunk))


def _ticks(seconds: float) -> int:
    clamped = min(max(seconds, 0.0), _MAX_SECONDS) if seconds == seconds else 0.0
    return round(clamped * _BEATS_PER_SECOND * _TICKS_PER_BEAT)


def _velocity(value: float) -> int:
    """0-127; a vendor's 0-1 fraction is scaled."""
    if value != value:  # NaN
        return 64
    scaled = value * 127 if 0 <= value <= 1 else value
    return max(1, min(127, round(scaled)))


def midi_file(midi: Midi) -> bytes:
    """A Standard MIDI File (format 1) of a transcription: a tempo track, then one track per
    instrument on its own channel (the 10th, percussion, skipped), notes clamped to MIDI's
    ranges."""
    tempo = struct.pack(">I", 1_000_000 // _BEATS_PER_SECOND)[1:]
    tracks = [b"\x00\xff\x51\x03" + tempo + b"\x00\xff\x2f\x00"]
    channels = [c for c in range(16) if c != 9]
    for index, instrument in enumerate(midi.instruments):
        channel = channels[index % len(channels)]
        events: list[tuple[int, int, bytes]] = []  # tick, order (offs first), message
        for note in instrument.notes:
            pitch = max(0, min(127, int(note.pitch)))
            start, end = _ticks(note.start), _ticks(note.end)
            velocity = _velocity(note.velocity)
            events.append((start, 1, bytes((0x90 | channel, pitch, velocity))))
            # at least a tick long: an off at its own on's tick would sort before it
            events.append((max(end, start + 1), 0, bytes((0x80 | channel, pitch, 0))))
        events.sort(key=lambda event: (event[0], event[1]))
        name = instrument.name.encode("utf-8", "replace")[:127]
        body = bytearray(b"\x00\xff\x03" + _variable_length(len(name)) + name)
        now = 0
        for tick, _, message in events:
            body += _variable_length(tick - now) + message
            now = tick
        body += b"\x00\xff\x2f\x00"
        tracks.append(bytes(body))
    header = b"MThd" + struct.pack(">IHHH", 6, 1, len(tracks), _TICKS_PER_BEAT)
    return header + b"".join(b"MTrk" + struct.pack(">I", len(t)) + t for t in tracks)


def _save_midi(task: Task, midi: Midi, out: Path, *, overwrite: bool) -> Path:
    """`<task id>-midi.mid` in `out`; a file of other content there is kept unless
    `overwrite` (as a track's would be)."""
    data = midi_file(midi)
    path = out / f"{safe_name(task.task_id or 'midi', 'midi')}-midi.mid"
    try:
        if path.exists() and not overwrite:
            if path.is_file() and path.read_bytes() == data:
                return path
            raise DownloadError(
                f"{path} already exists with other content; not replaced (move it away, or "
                "allow overwriting)",
                task=task,
            )
        write_atomically(path, data)
    except OSError as error:
        raise DownloadError(
            f"cannot save the MIDI file {path}: {error.strerror or error}", task=task
        ) from None
    return path
