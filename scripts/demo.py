"""`make demo`: one song and one set of lyrics per vendor from the embedded mock vendors, offline.

Runs `sunokit generate --mock --json` for every vendor in one representative mode each (all five
at once, each in its own process), lets the CLI download the tracks into `<out>/<vendor>/`, and
prints a table: vendor, mode, task id, tracks, files, durations, seconds taken. The same rows go
to `<out>/demo.json`. Exit 0 when every vendor produced its song, else 1 (with the CLI's errors).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import dataclasses
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "demo-output"
TIMEOUT = 120.0  # seconds per vendor; the mock finishes a song in about two

LYRICS = "[Verse]\nRain on the window, coffee in my hand\n[Chorus]\nSlow morning, slow morning\n"

# One representative mode per vendor (each one the vendor supports), covering four of the five
# modes between them. sunosay's other mode, extend, needs lyrics, which `sunokit generate`
# cannot combine with --extend, so it shows the description mode.
RUNS: dict[str, tuple[str, list[str]]] = {
    "sunoapi_org": ("description", ["--prompt", "a calm piano tune about rain"]),
    "apikley": (
        "custom",
        ["--lyrics", "{lyrics}", "--style", "lo-fi piano", "--title", "Slow Morning"],
    ),
    "sunoapi_com": (
        "instrumental",
        ["--instrumental", "--style", "ambient synth pads, slow", "--title", "Drift"],
    ),
    "relay": ("inspiration", ["--inspiration", "an upbeat folk song about a long walk home"]),
    "sunosay": ("description", ["--prompt", "a jazzy tune for a rainy afternoon"]),
}


# The demo talks only to the mock on loopback: a proxy from the caller's environment (httpx
# honours these) would carry those requests off the machine and fail them.
PROXY_VARIABLES = frozenset(
    name
    for base in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")
    for name in (base, base.lower())
)


def child_environment() -> dict[str, str]:
    """This process's environment without the proxy variables, for the CLI runs."""
    return {name: value for name, value in os.environ.items() if name not in PROXY_VARIABLES}


@dataclasses.dataclass(frozen=True)
class Row:
    vendor: str
    mode: str
    task_id: str
    tracks: int
    files: list[str]  # relative to the output directory
    durations: list[float | None]
    seconds: float


@dataclasses.dataclass(frozen=True)
class Failure:
    vendor: str
    mode: str
    returncode: int
    stderr: str


def generate(vendor: str, out: Path, lyrics: Path) -> Row | Failure:
    """One `sunokit generate --mock --json` run; the CLI does everything, we read its answer."""
    mode, options = RUNS[vendor]
    folder = out / vendor
    command = [
        sys.executable,
        "-m",
        "sunokit",
        "generate",
        "--mock",
        "--json",
        "--vendor",
        vendor,
        "--out",
        str(folder),
        *(option.format(lyrics=lyrics) for option in options),
    ]
    started = time.monotonic()
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
        cwd=ROOT,
        env=child_environment(),
    )
    seconds = time.monotonic() - started
    if result.returncode != 0:
        return Failure(vendor, mode, result.returncode, result.stderr.strip())
    task: dict[str, Any] = json.loads(result.stdout)
    files, durations = [], []
    for track in task["tracks"]:
        saved = task["files"].get(track["id"])
        if saved is None:
            return Failure(vendor, mode, 0, f"no audio was saved for track {track['id']}")
        files.append(Path(saved).resolve().relative_to(out.resolve()).as_posix())
        durations.append(track["duration"])
    return Row(vendor, mode, task["task_id"], len(task["tracks"]), files, durations, seconds)


@dataclasses.dataclass(frozen=True)
class LyricsRow:
    vendor: str
    task_id: str
    titles: list[str]
    first_lines: list[str]


def lyrics(vendor: str) -> LyricsRow | Failure:
    """One non-music operation per vendor: `sunokit run generate-lyrics --mock --json`."""
    command = [
        *(sys.executable, "-m", "sunokit", "run", "generate-lyrics", "--mock", "--json"),
        *("--no-journal", "--vendor", vendor, "--prompt", "rain on a tin roof at night"),
    ]
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
        cwd=ROOT,
        env=child_environment(),
    )
    if result.returncode != 0:
        return Failure(vendor, "lyrics", result.returncode, result.stderr.strip())
    task: dict[str, Any] = json.loads(result.stdout)
    variants = (task.get("result") or {}).get("variants") or []
    if task.get("operation") != "lyrics.generate" or not variants:
        return Failure(vendor, "lyrics", 0, f"no lyrics in the answer: {result.stdout[:300]}")
    return LyricsRow(
        vendor,
        task["task_id"],
        [str(v.get("title") or "") for v in variants],
        [str(v.get("text") or "").strip().splitlines()[0] for v in variants],
    )


def run_lyrics() -> tuple[list[LyricsRow], list[Failure]]:
    with concurrent.futures.ThreadPoolExecutor(max_workers=len(RUNS)) as pool:
        results = list(pool.map(lyrics, RUNS))
    return [r for r in results if isinstance(r, LyricsRow)], [
        r for r in results if isinstance(r, Failure)
    ]


def print_lyrics(rows: list[LyricsRow]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="sunokit demo: one non-music operation per vendor (GenerateLyrics)")
    for column in ("vendor", "task id", "variants", "title", "first line"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(
            row.vendor, row.task_id, str(len(row.titles)), row.titles[0], row.first_lines[0]
        )
    console = Console() if sys.stdout.isatty() else Console(width=200)
    console.print(table)


def run(out: Path) -> tuple[list[Row], list[Failure]]:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        lyrics = Path(scratch) / "lyrics.txt"
        lyrics.write_text(LYRICS, "utf-8")
        with concurrent.futures.ThreadPoolExecutor(max_workers=len(RUNS)) as pool:
            results = list(pool.map(lambda vendor: generate(vendor, out, lyrics), RUNS))
    rows = [r for r in results if isinstance(r, Row)]
    failures = [r for r in results if isinstance(r, Failure)]
    return rows, failures


def print_table(rows: list[Row], out: Path) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"sunokit demo: one song per vendor, from the mock vendors, in {out}")
    for column in ("vendor", "mode", "task id", "tracks", "file", "duration", "seconds"):
        table.add_column(column, overflow="fold")
    for row in rows:
        # One line per track; the task's columns on its first line only.
        for index, (name, duration) in enumerate(zip(row.files, row.durations, strict=True)):
            first = index == 0
            table.add_row(
                row.vendor if first else "",
                row.mode if first else "",
                row.task_id if first else "",
                str(row.tracks) if first else "",
                name,
                f"{duration:.2f}s" if duration is not None else "-",
                f"{row.seconds:.1f}" if first else "",
                end_section=index == len(row.files) - 1,
            )
    # A terminal folds long cells to fit; a log or a pipe gets every line whole.
    console = Console() if sys.stdout.isatty() else Console(width=200)
    console.print(table)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help=f"output directory (default {DEFAULT_OUT})"
    )
    args = parser.parse_args(argv)
    out: Path = args.out.resolve()
    rows, failures = run(out)
    lyrics_rows, lyrics_failures = run_lyrics()
    failures += lyrics_failures
    (out / "demo.json").write_text(
        json.dumps([dataclasses.asdict(row) for row in rows], indent=2) + "\n", "utf-8"
    )
    (out / "lyrics.json").write_text(
        json.dumps([dataclasses.asdict(row) for row in lyrics_rows], indent=2) + "\n", "utf-8"
    )
    print_table(rows, out)
    print_lyrics(lyrics_rows)
    for failure in failures:
        print(
            f"{failure.vendor} ({failure.mode}) failed, exit {failure.returncode}:\n"
            f"{failure.stderr}",
            file=sys.stderr,
        )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
