"""Saving a task's tracks: `download(task, directory)` and its async twin `adownload`.

Which tracks, under which names, and how a file is finished are decided here without I/O of the
network (`_plan`, `_Saver`); the two drivers only fetch. A track's audio (else its stream) is
written to a hidden temporary file in the directory, flushed to disk and only then renamed to
`<title>-<track id><extension>`: an interrupted download never leaves a truncated file under a
track's name. An existing file is never replaced silently: the same bytes are kept as they are,
different bytes are refused unless `overwrite=True`.

The API key is never sent: the media is fetched with a plain httpx client (or the one given),
not the vendor client.
"""

from __future__ import annotations

import contextlib
import filecmp
import mimetypes
import os
import re
import secrets
from pathlib import Path
from typing import IO

import attrs
import httpx

from ._errors import SunokitError
from ._models import Task, Track

__all__ = [
    "DOWNLOAD_TIMEOUT",
    "MAX_TRACK_BYTES",
    "DownloadError",
    "adownload",
    "download",
    "safe_name",
    "temporary_file",
    "write_atomically",
]

#: Seconds the default httpx client waits for each network step of a download.
DOWNLOAD_TIMEOUT = 60.0
#: Largest track file accepted (a song of several minutes as WAV is well below it).
MAX_TRACK_BYTES = 512 * 2**20

_AUDIO_EXTENSIONS = {
    "audio/mpeg": ".mp3",
    "audio/mp3": ".mp3",
    "audio/wav": ".wav",
    "audio/x-wav": ".wav",
    "audio/wave": ".wav",
}
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,8}")
# What fetching can raise besides a status: transport errors, a URL httpx cannot use
# ("file:///...", garbage), a stream read twice.
_FETCH_ERRORS = (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError, ValueError)


class DownloadError(SunokitError):
    """A track's media could not be fetched or saved, or the task has no track to download.

    `task` is the task whose tracks were being saved (it is paid for; nothing about it is
    lost), `track` the track that failed, or None when the task had none to download.
    """

    def __init__(self, message: str, *, task: Task, track: Track | None = None) -> None:
        super().__init__(message)
        self.task = task
        self.track = track


def safe_name(text: str, fallback: str) -> str:
    """`text` as one file-name component: word characters, dots and dashes, at most 60."""
    cleaned = re.sub(r"[^\w.-]+", "-", text, flags=re.UNICODE).strip("-._")[:60]
    return cleaned or fallback


def temporary_file(folder: Path, prefix: str, suffix: str) -> tuple[int, Path]:
    """A new file in `folder` for writing: (descriptor, path). Unlike tempfile.mkstemp's 0600,
    its permissions are what the umask makes of 0666, like any file the user saves."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        path = folder / f"{prefix}{secrets.token_hex(4)}{suffix}"
        try:
            return os.open(path, flags, 0o666), path
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {folder}")


def _extension(content_type: str, url: str) -> str:
    kind = content_type.split(";")[0].strip().lower()
    guessed = _AUDIO_EXTENSIONS.get(kind) or (mimetypes.guess_extension(kind) if kind else None)
    if not guessed:
        with contextlib.suppress(httpx.InvalidURL):
            guessed = Path(httpx.URL(url).path).suffix
    return guessed if guessed and _EXTENSION.fullmatch(guessed) else ".bin"


@attrs.frozen
class _Item:
    track: Track
    url: str
    stem: str


def _plan(task: object) -> list[_Item]:
    """The tracks to fetch and their file stems; DownloadError when there is none."""
    if not isinstance(task, Task):
        raise TypeError(f"download() takes a sunokit.Task, not {type(task).__name__}")
    items = []
    for index, track in enumerate(task.tracks):
        url = track.audio_url or track.stream_url
        if url:
            title = safe_name(track.title or "track", "track")
            items.append(_Item(track, url, f"{title}-{safe_name(track.id, str(index))}"))
    if not items:
        raise DownloadError(
            f"{task.vendor} task {task.task_id} has no finished track to download "
            f"(state: {task.state}); wait for it first",
            task=task,
        )
    return items


def _folder(directory: str | os.PathLike[str], task: Task) -> Path:
    folder = Path(directory)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DownloadError(
            f"cannot save the tracks of {task.vendor} task {task.task_id} in {folder}: "
            f"{error.strerror or error}",
            task=task,
        ) from None
    return folder


class _Saver:
    """One track's file: a temporary file while the bytes arrive, renamed once complete."""

    def __init__(self, folder: Path, item: _Item, task: Task, *, overwrite: bool) -> None:
        self._folder = folder
        self._item = item
        self._task = task
        self._overwrite = overwrite
        self._size = 0
        self._extension = ".bin"
        descriptor, self._temporary = temporary_file(folder, f".{item.stem}.", ".part")
        self._file: IO[bytes] = os.fdopen(descriptor, "wb")

    def error(self, reason: str) -> DownloadError:
        track = self._item.track
        return DownloadError(f"track {track.id}: {reason}", task=self._task, track=track)

    def start(self, content_type: str) -> None:
        self._extension = _extension(content_type, self._item.url)

    def write(self, chunk: bytes) -> None:
        self._size += len(chunk)
        if self._size > MAX_TRACK_BYTES:
            raise self.error(f"download failed (more than {MAX_TRACK_BYTES} bytes)")
        self._file.write(chunk)

    def finish(self) -> Path:
        """Flush the bytes to disk and give them the track's name."""
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        path = self._folder / (self._item.stem + self._extension)
        if path.exists() and not self._overwrite:
            if path.is_file() and filecmp.cmp(self._temporary, path, shallow=False):
                self._temporary.unlink()
                return path  # the same bytes are already there (a repeated download)
            raise self.error(
                f"{path} already exists with other content; not replaced "
                "(move it away, or allow overwriting)"
            )
        os.replace(self._temporary, path)
        return path

    def discard(self) -> None:
        self._file.close()
        with contextlib.suppress(FileNotFoundError):
            self._temporary.unlink()


def _fetch_failed(saver: _Saver, error: Exception) -> DownloadError:
    return saver.error(f"download failed ({type(error).__name__}: {error})")


def download(
    task: Task,
    directory: str | os.PathLike[str],
    *,
    http_client: httpx.Client | None = None,
    overwrite: bool = False,
) -> dict[str, Path]:
    """Save each track's audio (its stream where there is no audio yet) into `directory`.

    Returns {track id: saved file}, in the task's order, for every track that has a URL.
    Raises DownloadError (carrying the task and the track) when the task has no track to
    download, or a track cannot be fetched or saved; files already saved stay.
    """
    items = _plan(task)
    folder = _folder(directory, task)
    saved: dict[str, Path] = {}
    with contextlib.ExitStack() as stack:
        http = http_client or stack.enter_context(
            httpx.Client(timeout=DOWNLOAD_TIMEOUT, follow_redirects=True)
        )
        for item in items:
            saver = _saver(folder, item, task, overwrite=overwrite)
            try:
                try:
                    with http.stream("GET", item.url) as response:
                        response.raise_for_status()
                        saver.start(response.headers.get("content-type", ""))
                        for chunk in response.iter_bytes():
                            saver.write(chunk)
                except _FETCH_ERRORS as error:
                    raise _fetch_failed(saver, error) from error
                except OSError as error:  # the disk is full, the directory went away
                    raise saver.error(f"cannot save the file: {error.strerror or error}") from None
                saved[item.track.id] = _finish(saver)
            finally:
                saver.discard()
    return saved


async def adownload(
    task: Task,
    directory: str | os.PathLike[str],
    *,
    http_client: httpx.AsyncClient | None = None,
    overwrite: bool = False,
) -> dict[str, Path]:
    """The async twin of `download()` (the network is awaited; the files are written as the
    bytes arrive)."""
    items = _plan(task)
    folder = _folder(directory, task)
    saved: dict[str, Path] = {}
    async with contextlib.AsyncExitStack() as stack:
        http = http_client
        if http is None:
            http = await stack.enter_async_context(
                httpx.AsyncClient(timeout=DOWNLOAD_TIMEOUT, follow_redirects=True)
            )
        for item in items:
            saver = _saver(folder, item, task, overwrite=overwrite)
            try:
                try:
                    async with http.stream("GET", item.url) as response:
                        response.raise_for_status()
                        saver.start(response.headers.get("content-type", ""))
                        async for chunk in response.aiter_bytes():
                            saver.write(chunk)
                except _FETCH_ERRORS as error:
                    raise _fetch_failed(saver, error) from error
                except OSError as error:  # the disk is full, the directory went away
                    raise saver.error(f"cannot save the file: {error.strerror or error}") from None
                saved[item.track.id] = _finish(saver)
            finally:
                saver.discard()
    return saved


def _saver(folder: Path, item: _Item, task: Task, *, overwrite: bool) -> _Saver:
    try:
        return _Saver(folder, item, task, overwrite=overwrite)
    except OSError as error:
        raise DownloadError(
            f"track {item.track.id}: cannot write in {folder}: {error.strerror or error}",
            task=task,
            track=item.track,
        ) from None


def _finish(saver: _Saver) -> Path:
    try:
        return saver.finish()
    except OSError as error:
        raise saver.error(f"cannot save the file: {error.strerror or error}") from None


def _fsync_directory(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:  # not possible everywhere (Windows); the rename is still atomic
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` by `data` in one step: a temporary file, fsync, rename, fsync the folder."""
    descriptor, temporary = temporary_file(path.parent, f".{path.name}.", ".tmp")
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _fsync_directory(path.parent)
