"""What the commands show of a finished task: a table of its files, or its typed result (the
files themselves are saved by `_result_files`)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TextIO

import attrs

from ._models import Lyrics, Task, TimedLyrics
from ._result_files import media_task

__all__ = ["print_task"]


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
        for name, path in files.items():
            console.print(f"{name} saved as {path}", markup=False, highlight=False)
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
    if isinstance(result, TimedLyrics):
        words = Table("start", "end", "word")
        for word in result.words:
            words.add_row(f"{word.start:.2f}", f"{word.end:.2f}", word.word)
        console.print(words)
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
