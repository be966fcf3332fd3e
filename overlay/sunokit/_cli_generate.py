"""`sunokit generate`: submit, wait with progress, download the tracks, write a sidecar.

Exit codes: 0 done, 1 invalid request, 2 usage or configuration, 3 vendor refused or task
failed, 4 timeout.
"""

from __future__ import annotations

import argparse
import contextlib
import json
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

__all__ = ["add_arguments", "download_tracks", "run_generate"]

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_REFUSED, EXIT_TIMEOUT = 0, 1, 2, 3, 4
EPILOG = "exit codes: 0 done, 1 invalid request (nothing sent), 2 usage or configuration, 3 vendor refused or task failed, 4 timeout"


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
        "--timeout", type=float, default=600.0, help="seconds to wait (default 600)"
    )
    parser.add_argument(
        "--out", type=Path, default=Path("sunokit-output"), help="download directory"
    )
    parser.add_argument("--callback-url")
    parser.add_argument(
        "--json", action="store_true", help="print the task as JSON instead of a table"
    )
    parser.add_argument(
        "--mock", action="store_true", help="run against the embedded mock vendor, offline"
    )


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
    chosen = [name for name in ("prompt", "inspiration", "lyrics", "extend") if getattr(args, name)]
    if args.instrumental and not args.prompt and not chosen:
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
        lyrics = args.lyrics.read_text("utf-8") if args.lyrics else None
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
        return CustomLyrics(args.lyrics.read_text("utf-8"), args.style, args.title, **common)
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


def download_tracks(task: Task, out: Path, http: httpx.Client) -> list[tuple[Track, Path | None]]:
    """Download each track's audio into `out`; returns (track, file or None when it has no URL)."""
    out.mkdir(parents=True, exist_ok=True)
    saved: list[tuple[Track, Path | None]] = []
    for index, track in enumerate(task.tracks):
        url = track.audio_url or track.stream_url
        if not url:
            saved.append((track, None))
            continue
        response = http.get(url)
        response.raise_for_status()
        stem = f"{safe_name(track.title or 'track', 'track')}-{safe_name(track.id, str(index))}"
        path = out / (stem + _extension(response.headers.get("content-type", ""), url))
        path.write_bytes(response.content)
        saved.append((track, path))
    sidecar = out / f"{safe_name(task.task_id, 'task')}.json"
    sidecar.write_text(json.dumps(task.to_dict(), indent=2, ensure_ascii=False) + "\n", "utf-8")
    return saved


class Progress:
    """Stage and elapsed time: rich on a terminal, one plain line per stage otherwise."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._started = time.monotonic()
        self._status: Any = None
        if stream.isatty():
            from rich.console import Console

            self._status = Console(file=stream).status("submitting")
            self._status.start()

    def __call__(self, task: Task) -> None:
        elapsed = time.monotonic() - self._started
        line = f"{task.vendor} {task.task_id}: {task.state} ({task.vendor_state or '-'}) after {elapsed:.1f}s"
        if self._status is not None:
            self._status.update(line)
        else:
            self._stream.write(line + "\n")
            self._stream.flush()

    def stop(self) -> None:
        if self._status is not None:
            self._status.stop()


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
    try:
        request = build_request(args)
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
    except UnsupportedRequestError as error:
        stderr.write(f"sunokit: {error}\n")
        return EXIT_INVALID
    except (ConfigurationError, OSError) as error:
        stderr.write(f"sunokit: {error}\n")
        return EXIT_USAGE
    except (TaskFailedError, APIError) as error:
        stderr.write(f"sunokit: {error}\n")
        return EXIT_REFUSED
    except WaitTimeoutError as error:
        stderr.write(f"sunokit: {error}\n")
        return EXIT_TIMEOUT
    if args.json:
        stdout.write(json.dumps(task.to_dict(), indent=2, ensure_ascii=False) + "\n")
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
