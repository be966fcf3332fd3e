"""`make demo` (scripts/demo.py): one song per vendor from the mock vendors, offline.

The demo runs as `make demo` runs it (a separate process, the real CLI underneath), into a
temporary directory; the test then checks the files themselves, not the demo's word for them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import wave
from pathlib import Path
from typing import Any

import pytest
import sunokit
from sunokit._adapters import get_adapter

from .conftest import PROXY_VARIABLES, sunokit_variables

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "scripts" / "demo.py"

# The demo is offline: whatever the caller exported (a proxy that leads nowhere, the variables
# the client reads) must not change its outcome, so it runs with junk in all of them.
JUNK_ENVIRONMENT = {
    **{name: "http://127.0.0.1:9" for name in PROXY_VARIABLES if "no_proxy" not in name.lower()},
    **{name: "junk.invalid" for name in PROXY_VARIABLES if "no_proxy" in name.lower()},
    **{
        name: "http://127.0.0.1:9/junk" if name.endswith("_BASE_URL") else "junk"
        for name in sunokit_variables()
    },
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, list[dict[str, Any]]]:
    out = tmp_path_factory.mktemp("demo-output")
    result = subprocess.run(
        [sys.executable, str(DEMO), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        env={**os.environ, **JUNK_ENVIRONMENT},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    rows = json.loads((out / "demo.json").read_text("utf-8"))
    return out, result.stdout, rows


def _wav_seconds(path: Path) -> float:
    with wave.open(str(path), "rb") as sound:
        frames: int = sound.getnframes()
        rate: int = sound.getframerate()
    assert frames > 0, f"{path} has no audio"
    return frames / rate


def test_every_vendor_makes_a_song_in_a_mode_it_supports(
    demo: tuple[Path, str, list[dict[str, Any]]],
) -> None:
    _, _, rows = demo
    assert sorted(row["vendor"] for row in rows) == sorted(sunokit.VENDORS)
    for row in rows:
        assert row["mode"] in get_adapter(row["vendor"]).modes, row
        assert row["tracks"] == len(row["files"]) >= 1, row


@pytest.mark.parametrize("vendor", sunokit.VENDORS)
def test_files_are_wavs_whose_duration_matches_the_table_and_the_sidecar(
    demo: tuple[Path, str, list[dict[str, Any]]], vendor: str
) -> None:
    out, _, rows = demo
    (row,) = [row for row in rows if row["vendor"] == vendor]
    sidecar = json.loads((out / vendor / f"{row['task_id']}.json").read_text("utf-8"))
    assert sidecar["vendor"] == vendor
    assert sidecar["state"] == "succeeded"
    sidecar_durations = {track["id"]: track["duration"] for track in sidecar["tracks"]}
    assert len(sidecar_durations) == row["tracks"]
    for name, duration in zip(row["files"], row["durations"], strict=True):
        path = out / name
        assert path.parent == out / vendor, "each vendor's audio goes to <out>/<vendor>/"
        (track_id,) = [track_id for track_id in sidecar_durations if track_id in path.name]
        assert _wav_seconds(path) == pytest.approx(duration, abs=1e-3)
        assert sidecar_durations[track_id] == pytest.approx(duration, abs=1e-9)


def test_the_printed_table_names_every_vendor_task_and_file(
    demo: tuple[Path, str, list[dict[str, Any]]],
) -> None:
    _, stdout, rows = demo
    header = next(line for line in stdout.splitlines() if "task id" in line)
    for column in ("vendor", "mode", "task id", "tracks", "file", "duration", "seconds"):
        assert column in header
    for row in rows:
        line = next(line for line in stdout.splitlines() if row["task_id"] in line)
        assert row["vendor"] in line
        assert row["mode"] in line
        for name, duration in zip(row["files"], row["durations"], strict=True):
            (track_line,) = [line for line in stdout.splitlines() if name in line]
            assert f"{duration:.2f}s" in track_line


def test_make_demo_runs_this_script() -> None:
    # A dry run: the real target installs first; here it only has to name the script.
    result = subprocess.run(
        ["make", "-n", "-C", str(ROOT), "demo"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "scripts/demo.py" in result.stdout


def test_every_vendor_also_shows_a_non_music_operation(
    demo: tuple[Path, str, list[dict[str, Any]]],
) -> None:
    out, printed, _ = demo
    rows = json.loads((out / "lyrics.json").read_text("utf-8"))
    assert sorted(row["vendor"] for row in rows) == sorted(sunokit.VENDORS)
    assert "non-music operation" in printed
    for row in rows:
        assert row["titles"], row
        assert all(line.strip() for line in row["first_lines"]), row
        assert row["task_id"] in printed
