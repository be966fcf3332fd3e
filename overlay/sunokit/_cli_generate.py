"""`sunokit generate`: submit, wait with progress, download the tracks, write a sidecar.

Exit codes: 0 done, 1 invalid request (nothing sent), 2 usage or configuration, 3 vendor
refused, task failed or a download failed, 4 timeout, 130 interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import mimetypes
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

import httpx

from ._client import SunoClient
from ._errors import (
    APIError,
    ClientValidationError,
    ConfigurationError,
    TaskFailedError,
    UnsupportedRequestError,
    WaitTimeoutError,
)
from ._models import Task, Track
from ._requests import (
    CustomLyrics,
    Description,
    Extend,
    Inspiration,
    Instrumental,
    MusicRequest,
    Tuning,
)
from ._specs import VENDORS

__all__ = ["DownloadError", "add_arguments", "download_tracks", "run_generate", "write_sidecar"]

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_REFUSED, EXIT_TIMEOUT = 0, 1, 2, 3, 4
EXIT_INTERRUPTED = 130
EPILOG = (
    "exit codes: 0 done, 1 invalid request (nothing sent), 2 usage or configuration "
    "(e.g. no API key), 3 vendor refused, task failed or a download failed, 4 timeout, "
    "130 interrupted"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    parser.add_argument("--vendor", required=True, choices=VENDORS)
    mode = parser.add_argument_group("request mode (choose one)")
    mode.add_argument("--prompt", help="describe the song; the service writes the lyrics")
    mode.add_argument(
        "--inspiration", help="relay/sunoapi_com inspiration mode: a free description"
    )
    mode.add_argument(
        "--lyrics", type=Path, metavar="FILE", help="your own lyrics (needs --style and --title)"
    )
    mode.add_argument(
        "--instrumental",
        action="store_true",
        help="no vocals (needs --style and --title; or with --prompt)",
    )
    mode.add_argument("--extend", metavar="CLIP", help="continue this clip (with --at)")
    parser.add_argument(
        "--at", type=float, metavar="SECONDS", help="where --extend continues the clip"
    )
    parser.add_argument("--task-id", help="the task the --extend clip came from (relay)")
    parser.add_argument("--style")
    parser.add_argument("--title")
    parser.add_argument("--model")
    extras = parser.add_argument_group("vendor extras")
    extras.add_argument("--negative-tags")
    extras.add_argument("--vocal-gender", choices=("m", "f"))
    extras.add_argument("--style-weight", type=float)
    extras.add_argument("--weirdness", type=float)
    extras.add_argument("--audio-weight", type=float)
    extras.add_argument("--persona-id")
    parser.add_argument(
        "--wait",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="wait for the task (default)",
    )
    parser.add_argument("--until", choices=("first", "complete"), default="complete")
    parser.add_argument(
        "--timeout", type=_seconds, default=600.0, help="seconds to wait (default 600)"
    )
    parser.add_argument(
        "--out", type=Path, default=Path("sunokit-output"), help="download directory"
    )
    parser.add_argument("--callback-url")
    parser.add_argument(
        "--json",
        action="store_true",
        help='print the task as JSON instead of a table, with "files": {track id: saved path}',
    )
    parser.add_argument(
        "--mock", action="store_true", help="run against the embedded mock vendor, offline"
    )


def _seconds(text: str) -> float:
    """A finite number of seconds >= 0, refused by argparse (exit 2) before anything is sent."""
    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan
    if not math.isfinite(seconds) or seconds < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds >= 0")
    return seconds


def _read_lyrics(path: Path) -> str:
    try:
        return path.read_text("utf-8")
    except UnicodeDecodeError as error:
        # An OSError, so it exits 2 (unreadable input) rather than 1 (invalid request).
        raise OSError(f"cannot read {path}: not UTF-8 text ({error.reason})") from None


def _prepare_out(out: Path) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OSError(f"cannot use --out {out}: {error.strerror or error}") from None


def build_request(args: argparse.Namespace) -> MusicRequest:
    tuning = Tuning(
        negative_tags=args.negative_tags,
        vocal_gender=args.vocal_gender,
        style_weight=args.style_weight,
        weirdness=args.weirdness,
        audio_weight=args.audio_weight,
        persona_id=args.persona_id,
    )
    common: dict[str, Any] = {"model": args.model, "tuning": tuning}
    chosen = [
        name
        for name in ("prompt", "inspiration", "lyrics", "extend")
        if getattr(args, name) is not None
    ]
    if "extend" in chosen and "lyrics" in chosen:
        chosen.remove("lyrics")  # --extend CLIP --lyrics FILE: new lyrics for the continuation
    if args.instrumental and not chosen:
        chosen = ["instrumental"]
    if len(chosen) != 1:
        raise ConfigurationError(
            "choose exactly one mode: --prompt, --inspiration, --lyrics, --instrumental or --extend"
        )
    mode = chosen[0]
    if mode == "prompt":
        return Description(args.prompt, instrumental=args.instrumental, **common)
    if mode == "inspiration":
        return Inspiration(args.inspiration, instrumental=args.instrumental, **common)
    if mode == "extend":
        if args.at is None:
            raise ConfigurationError("--extend needs --at SECONDS")
        lyrics = _read_lyrics(args.lyrics) if args.lyrics else None
        return Extend(
            args.extend,
            at=args.at,
            lyrics=lyrics,
            style=args.style,
            title=args.title,
            instrumental=args.instrumental,
            task_id=args.task_id,
            **common,
        )
    if not args.style or not args.title:
        raise ConfigurationError(f"--{mode} needs --style and --title")
    if mode == "lyrics":
        return CustomLyrics(_read_lyrics(args.lyrics), args.style, args.title, **common)
    return Instrumental(args.style, args.title, **common)


def safe_name(text: str, fallback: str) -> str:
    cleaned = re.sub(r"[^\w.-]+", "-", text, flags=re.UNICODE).strip("-._")[:60]
    return cleaned or fallback


def _extension(content_type: str, url: str) -> str:
    kind = content_type.split(";")[0].strip().lower()
    guessed = {
        "audio/mpeg": ".mp3",
        "audio/wav": ".wav",
        "audio/x-wav": ".wav",
        "audio/wave": ".wav",
    }.get(kind)
    guessed = guessed or mimetypes.guess_extension(kind) or Path(httpx.URL(url).path).suffix
    return guessed or ".bin"


class DownloadError(Exception):
    """A track's media could not be fetched or saved (the task itself is done)."""


def write_sidecar(task: Task, out: Path) -> Path:
    """The vendor-neutral task as JSON next to the audio: `<task id>.json`."""
    out.mkdir(parents=True, exist_ok=True)
    sidecar = out / f"{safe_name(task.task_id, 'task')}.json"
    sidecar.write_text(json.dumps(task.to_dict(), indent=2, ensure_ascii=False) + "\n", "utf-8")
    return sidecar


def download_tracks(task: Task, out: Path, http: httpx.Client) -> list[tuple[Track, Path | None]]:
    """Write the sidecar, then download each track's audio into `out`.

    Returns (track, file, or None when the track has no URL). Raises DownloadError naming the
    track when a download fails; the sidecar is already on disk by then.
    """
    write_sidecar(task, out)
    saved: list[tuple[Track, Path | None]] = []
    for index, track in enumerate(task.tracks):
        url = track.audio_url or track.stream_url
        if not url:
            saved.append((track, None))
            continue
        try:
            response = http.get(url)
            response.raise_for_status()
        except httpx.HTTPError as error:
            raise DownloadError(
                f"track {track.id}: download failed ({type(error).__name__}: {error})"
            ) from error
        stem = f"{safe_name(track.title or 'track', 'track')}-{safe_name(track.id, str(index))}"
        path = out / (stem + _extension(response.headers.get("content-type", ""), url))
        path.write_bytes(response.content)
        saved.append((track, path))
    return saved


class Progress:
    """Stage and elapsed time: a live rich line on a terminal, one plain line per stage otherwise."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._started = time.monotonic()
        self._live: Any = None
        if stream.isatty():
            from rich.console import Console
            from rich.progress import Progress as RichProgress
            from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn

            self._live = RichProgress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                TimeElapsedColumn(),
                console=Console(file=stream),
                transient=False,
            )
            self._row = self._live.add_task("submitting", total=None)
            self._live.start()

    def __call__(self, task: Task) -> None:
        stage = f"{task.state} ({task.vendor_state or '-'})"
        if self._live is not None:
            self._live.update(self._row, description=f"{task.vendor} {task.task_id}: {stage}")
            return
        elapsed = time.monotonic() - self._started
        self._stream.write(f"{task.vendor} {task.task_id}: {stage} after {elapsed:.1f}s\n")
        self._stream.flush()

    def stop(self) -> None:
        if self._live is not None:
            self._live.stop()


@contextlib.contextmanager
def open_client(args: argparse.Namespace) -> Iterator[tuple[SunoClient, httpx.Client]]:
    """The client to use and an httpx client for the downloads: the vendor, or the mock."""
    if not args.mock:
        with (
            SunoClient(args.vendor, callback_url=args.callback_url) as client,
            httpx.Client(timeout=60, follow_redirects=True) as downloads,
        ):
            yield client, downloads
        return
    from .mock import StageTimings
    from .testing import mock_vendor

    # Stages a second apart, so the progress display has something to show.
    with mock_vendor(
        args.vendor,
        callback_url=args.callback_url,
        timings=StageTimings(text=0.5, first=1.0, complete=1.5),
        client_options={"poll_interval": 0.25},
    ) as mocked:
        yield mocked.client, mocked.http


def run_generate(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    task: Task | None = None
    try:
        request = build_request(args)
        if args.wait:
            _prepare_out(args.out)  # before credits are spent on a task we could not save
        with open_client(args) as (client, downloads):
            progress = Progress(stderr)
            try:
                task = client.submit(request)
                progress(task)
                if args.wait:
                    task = client.wait(
                        task.task_id, until=args.until, timeout=args.timeout, on_update=progress
                    )
            finally:
                progress.stop()
            files = download_tracks(task, args.out, downloads) if args.wait else []
    except ClientValidationError as error:
        for violation in error.violations:
            stderr.write(f"{violation}\n")
        stderr.write(f"invalid {args.vendor} request: nothing was sent\n")
        return EXIT_INVALID
    except ConfigurationError as error:
        hint = "" if args.mock else " (or try it offline with --mock)"
        stderr.write(f"sunokit: {error}{hint}\n")
        return EXIT_USAGE
    except (UnsupportedRequestError, ValueError) as error:
        # The request constructors refuse blank text or a negative --at before anything is sent.
        stderr.write(f"sunokit: invalid request: {error}\n")
        return EXIT_INVALID
    except OSError as error:
        stderr.write(f"sunokit: {error}\n")
        return EXIT_USAGE
    except (TaskFailedError, APIError) as error:
        stderr.write(f"sunokit: {error}\n")
        return EXIT_REFUSED
    except DownloadError as error:
        assert task is not None
        stderr.write(f"sunokit: task {task.task_id} is done but {error}; see {args.out}\n")
        return EXIT_REFUSED
    except WaitTimeoutError as error:
        stderr.write(f"sunokit: {error}\n")
        return EXIT_TIMEOUT
    except KeyboardInterrupt:
        if task is not None:
            stderr.write(f"sunokit: interrupted; task {task.task_id} may still be running\n")
        return EXIT_INTERRUPTED
    if args.json:
        # The task, plus where each track's audio was saved (track id -> path, null if none).
        output = {**task.to_dict(), "files": {t.id: str(p) if p else None for t, p in files}}
        stdout.write(json.dumps(output, indent=2, ensure_ascii=False) + "\n")
    else:
        _summary(task, files, stdout)
    return EXIT_OK


def _summary(task: Task, files: list[tuple[Track, Path | None]], stdout: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{task.vendor} task {task.task_id}: {task.state}")
    for column in ("track", "title", "duration", "file"):
        table.add_column(column)
    for track, path in files or [(track, None) for track in task.tracks]:
        duration = f"{track.duration:.2f}s" if track.duration is not None else "-"
        table.add_row(track.id, track.title or "-", duration, str(path) if path else "-")
    Console(file=stdout, width=max(100, Console(file=stdout).width)).print(table)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sunokit generate")
    add_arguments(parser)
    return run_generate(parser.parse_args(argv), sys.stdout, sys.stderr)
