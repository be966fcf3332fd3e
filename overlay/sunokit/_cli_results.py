"""What the commands show and save of a finished task: its tracks, or its typed result.

A music task's files are its tracks. A typed result's files are the media it names (a WAV, the
stems, a video, cover images, recovered tracks); they are saved by the same download as tracks
(`sunokit.download`: a temporary file renamed once complete, never replacing other content),
named `<task id>-<name><extension>`. Results without media (lyrics, credits, a persona, ...)
are printed only.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TextIO

import attrs
import httpx

from ._downloads import download
from ._models import AudioFile, Images, Lyrics, Stems, Task, Track, Tracks, Video

__all__ = ["media_task", "print_task", "save_files"]


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

    A music task with no finished track raises DownloadError (there is nothing to save yet);
    a typed result without media saves nothing."""
    media = media_task(task)
    if media is None:
        if task.operation.startswith("music."):
            download(task, out, http_client=http_client, overwrite=overwrite)  # raises: no track
        return {}
    saved = download(media, out, http_client=http_client, overwrite=overwrite)
    return {track.id: saved.get(track.id) for track in media.tracks}


def _plain(value: Any) -> Any:
    return attrs.asdict(value) if attrs.has(type(value)) else value


def print_task(task: Task, files: Mapping[str, Path | None], stdout: TextIO) -> None:
    """A table of the task's files (recovered tracks, stems, a video, ...), else its typed
    result (lyrics, credits, ...), for people."""
    from rich.console import Console
    from rich.table import Table

    console = Console(file=stdout, width=max(100, Console(file=stdout).width))
    name = f"{task.vendor} task {task.task_id}" if task.task_id else task.vendor
    title = f"{name} ({task.operation}): {task.state}"
    media = media_task(task)
    if media is None:
        console.print(title, markup=False, highlight=False)
        _print_result(task.result, console)
        return
    table = Table(title=title)
    for column in ("file", "title", "duration", "saved as"):
        table.add_column(column)
    for track in media.tracks:
        duration = f"{track.duration:.2f}s" if track.duration is not None else "-"
        path = files.get(track.id)
        table.add_row(track.id, track.title or "-", duration, str(path) if path else "-")
    console.print(table)


def _print_result(result: Any, console: Any) -> None:
    from rich.table import Table

    if result is None:
        return
    if isinstance(result, Lyrics):
        for number, variant in enumerate(result.variants, 1):
            heading = f"lyrics {number}" + (f": {variant.title}" if variant.title else "")
            console.print(heading, style="bold", markup=False, highlight=False)
            console.print(variant.error or variant.text, markup=False, highlight=False)
        return
    table = Table(show_header=False)
    table.add_column("field")
    table.add_column("value", overflow="fold")
    for key, value in _plain(result).items():
        table.add_row(key, _shown(value))
    console.print(table)


def _shown(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        if len(value) > 20:
            return f"{len(value)} items"
        return os.linesep.join(_shown(item) for item in value) or "-"
    if isinstance(value, Mapping):
        return ", ".join(f"{key}={_shown(item)}" for key, item in value.items())
    return "-" if value is None else str(value)
