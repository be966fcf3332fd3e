"""`sunokit generate`: local validation first, progress, downloads with a sidecar, exit codes.

Most tests run the real command in process with `--mock` (the embedded mock vendor served on
loopback); one runs the installed console script in a subprocess.
"""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
import wave
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
import sunokit
from sunokit import _cli_follow, _downloads
from sunokit.__main__ import main
from sunokit._adapters import get_adapter
from sunokit.mock import StageTimings
from sunokit.testing import MockedVendor, mock_vendor

# One representative mode per vendor, as command-line options.
MODES: dict[str, list[str]] = {
    "sunosay": ["--prompt", "a calm piano tune"],
    "sunoapi_com": ["--instrumental", "--style", "ambient piano", "--title", "Rain"],
    "sunoapi_org": ["--prompt", "a calm piano tune", "--model", "V4"],
    "apikley": ["--lyrics", "LYRICS", "--style", "folk", "--title", "Rain", "--model", "V4"],
    "relay": ["--inspiration", "a calm piano tune"],
}


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["generate", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def mode_args(vendor: str, tmp_path: Path) -> list[str]:
    args = list(MODES[vendor])
    if "LYRICS" in args:
        lyrics = tmp_path / "lyrics.txt"
        lyrics.write_text("[Verse]\nRain on the window\n", "utf-8")
        args[args.index("LYRICS")] = str(lyrics)
    return args


@contextlib.contextmanager
def served(vendor: str, monkeypatch: pytest.MonkeyPatch, **options: Any) -> Iterator[MockedVendor]:
    """A mock vendor on loopback whose key the command finds in the vendor's variable, as a
    user's real key (the command is pointed at it with --base-url, see `at`)."""
    with mock_vendor(vendor, **options) as mocked:
        monkeypatch.setenv(get_adapter(vendor).env_var, mocked.api_key)
        yield mocked


def at(mocked: MockedVendor) -> list[str]:
    return ["--base-url", mocked.base_url]


@pytest.mark.parametrize("vendor", sunokit.VENDORS)
def test_mock_flow_downloads_every_track_with_a_sidecar(
    vendor: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    code, stdout, stderr = run(
        ["--vendor", vendor, *mode_args(vendor, tmp_path), "--mock", "--json", "--out", str(out)],
        capsys,
    )

    assert code == 0, stderr
    task = json.loads(stdout)
    files = task["files"]
    assert task["vendor"] == vendor
    assert task["state"] == "succeeded"
    assert task["status"] == "downloaded"
    # --json prints the sidecar: the task, where its tracks went, and the command's record.
    sidecar = json.loads((out / f"{task['task_id']}.json").read_text("utf-8"))
    assert sidecar == task
    audio = sorted(out.glob("*.wav"))
    assert len(audio) == len(task["tracks"]) >= 1
    assert sorted(files) == sorted(track["id"] for track in task["tracks"])
    for track in task["tracks"]:
        path = Path(files[track["id"]])
        assert path in audio
        assert path.name == f"{_downloads.safe_name(track['title'], '')}-{track['id']}.wav"
        with wave.open(str(path)) as sound:
            assert sound.getnframes() / sound.getframerate() == pytest.approx(
                track["duration"], abs=1e-3
            )
    # Progress: one plain line per stage on a non-terminal, ending with the final state.
    lines = [line for line in stderr.splitlines() if task["task_id"] in line]
    assert lines[0].startswith(f"{vendor} {task['task_id']}: queued")
    assert "succeeded" in lines[-1]
    assert len(lines) == len(set(lines))


def test_summary_table_lists_the_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, _ = run(
        ["--vendor", "sunoapi_org", *MODES["sunoapi_org"], "--mock", "--out", str(tmp_path)],
        capsys,
    )
    assert code == 0
    assert "sunoapi_org task" in stdout
    assert "succeeded" in stdout
    assert "3.00s" in stdout
    assert "3.50s" in stdout


def test_until_first_returns_before_completion(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, stdout, _ = run(
        [
            "--vendor",
            "apikley",
            "--prompt",
            "x",
            "--model",
            "V4",
            "--mock",
            "--json",
            "--until",
            "first",
            "--out",
            str(tmp_path),
        ],
        capsys,
    )
    assert code == 0
    assert json.loads(stdout)["state"] == "first_ready"


def test_no_wait_prints_the_queued_task_records_it_and_downloads_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, stdout, _ = run(
        [
            "--vendor",
            "relay",
            *MODES["relay"],
            "--mock",
            "--no-wait",
            "--json",
            "--out",
            str(tmp_path / "out"),
        ],
        capsys,
    )
    assert code == 0
    task = json.loads(stdout)
    assert task["state"] == "queued"
    assert task["status"] == "submitted"
    assert task["task_id"]
    assert [path.name for path in (tmp_path / "out").iterdir()] == [f"{task['task_id']}.json"]


def test_invalid_request_prints_every_violation_and_exits_1(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, stdout, stderr = run(
        ["--vendor", "sunoapi_org", "--prompt", "a" * 401, "--style-weight", "0.655", "--mock"],
        capsys,
    )
    assert code == 1
    assert stdout == ""
    assert "/prompt: prompt is 401 characters; the limit is 400" in stderr
    assert "/styleWeight:" in stderr
    assert "nothing was sent" in stderr


def test_invalid_request_never_reaches_the_network(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SUNOAPI_ORG_API_KEY", "sk-test-secret-123")
    with respx.mock(assert_all_mocked=True, assert_all_called=False) as router:
        route = router.route(host=httpx.URL(get_adapter("sunoapi_org").default_base_url).host)
        code, _, _ = run(
            [
                "--vendor",
                "sunoapi_org",
                "--prompt",
                "a" * 401,
                "--callback-url",
                "https://x.test/h",
            ],
            capsys,
        )
    assert code == 1
    assert not route.called


def test_refusal_exits_3_without_printing_the_key(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = "sk-test-secret-123"
    monkeypatch.setenv("SUNOAPI_ORG_API_KEY", secret)
    base = get_adapter("sunoapi_org").default_base_url
    with respx.mock(assert_all_mocked=True) as router:
        route = router.post(f"{base}/api/v1/generate").respond(
            200, json={"code": 401, "msg": "You do not have access permissions", "data": None}
        )
        code, stdout, stderr = run(
            [
                "--vendor",
                "sunoapi_org",
                *MODES["sunoapi_org"],
                "--callback-url",
                "https://x.test/h",
            ],
            capsys,
        )
    assert code == 3
    assert route.call_count == 1
    assert route.calls.last.request.headers["Authorization"] == f"Bearer {secret}"
    assert "access permissions" in stderr
    assert secret not in stdout + stderr


def test_no_key_without_mock_names_the_variable(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("APIKLEY_API_KEY", raising=False)
    code, _, stderr = run(["--vendor", "apikley", "--prompt", "x"], capsys)
    assert code == 2
    assert "APIKLEY_API_KEY" in stderr
    assert "--mock" in stderr


def test_task_failure_exits_3_with_the_vendors_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, stderr = run(
        [
            "--vendor",
            "sunoapi_org",
            "--prompt",
            "a forbidden song",
            "--model",
            "V4",
            "--mock",
            "--out",
            str(tmp_path),
        ],
        capsys,
    )
    assert code == 3
    assert "sunoapi_org" in stderr
    assert "fail" in stderr.lower()


def test_wait_timeout_exits_4(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, stderr = run(
        [
            "--vendor",
            "relay",
            *MODES["relay"],
            "--mock",
            "--timeout",
            "0.2",
            "--out",
            str(tmp_path),
        ],
        capsys,
    )
    assert code == 4
    assert "0.2" in stderr


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["--vendor", "sunoapi_org", "--inspiration", "x"], 1, "relay, sunoapi_com"),
        (["--vendor", "sunoapi_org", "--prompt", ""], 1, "prompt must be a non-empty string"),
        (["--vendor", "sunoapi_org", "--extend", "clip", "--at", "-1"], 1, "at must be"),
        (["--vendor", "sunosay", "--prompt", "x", "--vocal-gender", "f"], 1, "vocal"),
        (["--vendor", "sunoapi_org"], 2, "choose exactly one mode"),
        (["--vendor", "sunoapi_org", "--prompt", "x", "--extend", "c"], 2, "exactly one mode"),
        (["--vendor", "sunoapi_org", "--extend", "clip"], 2, "--at"),
        (["--vendor", "sunoapi_org", "--instrumental", "--style", "x"], 2, "--title"),
        (["--vendor", "apikley", "--lyrics", "/nonexistent/lyrics.txt"], 2, "lyrics.txt"),
    ],
)
def test_bad_options_exit_with_a_specific_message(
    argv: list[str], code: int, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    if "--lyrics" in argv:
        argv = [*argv, "--style", "folk", "--title", "t"]
    got, stdout, stderr = run([*argv, "--mock"], capsys)
    assert (got, stdout) == (code, "")
    assert message in stderr
    assert "Traceback" not in stderr


def test_extend_with_new_lyrics(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lyrics = tmp_path / "more.txt"
    lyrics.write_text("[Bridge]\nand then the sun\n", "utf-8")
    code, stdout, stderr = run(
        [
            "--vendor",
            "sunoapi_org",
            "--extend",
            "clip-1",
            "--at",
            "30",
            "--lyrics",
            str(lyrics),
            "--style",
            "folk",
            "--title",
            "Sun",
            "--model",
            "V4",
            "--mock",
            "--json",
            "--out",
            str(tmp_path / "out"),
        ],
        capsys,
    )
    assert code == 0, stderr
    assert json.loads(stdout)["state"] == "succeeded"


@pytest.mark.parametrize("command", ["generate", "wait", "download"])
def test_help_documents_the_exit_codes(command: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sunokit", command, "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    for code in ("0 done", "1 invalid request", "3 vendor refused", "4 timeout", "143 terminated"):
        assert code in text
    assert "sidecar" in text


def test_console_script_runs_the_mock_flow(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("sunokit")
    result = subprocess.run(
        [
            str(script),
            "generate",
            "--vendor",
            "sunosay",
            "--prompt",
            "rain",
            "--mock",
            "--json",
            "--out",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["vendor"] == "sunosay"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Rain on the window", "Rain-on-the-window"),
        ("../../etc/passwd", "etc-passwd"),
        ("雨の歌", "雨の歌"),
        ("...", "fallback"),
        ("a/b\\c:d*e?f", "a-b-c-d-e-f"),
        ("x" * 100, "x" * 60),
    ],
)
def test_safe_name(title: str, expected: str) -> None:
    assert _downloads.safe_name(title, "fallback") == expected


def test_failed_download_keeps_the_sidecar_and_names_the_track(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The vendor side is the real mock; only its media answers fail.
    with served("relay", monkeypatch, timings=StageTimings(0, 0, 0)) as mocked:
        mocked.set_fault("server_error", scope="media", times=None)
        code, _, stderr = run(
            ["--vendor", "relay", *MODES["relay"], *at(mocked), "--out", str(tmp_path)], capsys
        )
    assert code == 3
    assert "download failed" in stderr
    assert "Traceback" not in stderr
    (sidecar,) = tmp_path.glob("*.json")
    task = json.loads(sidecar.read_text("utf-8"))
    assert task["state"] == "succeeded"
    assert task["status"] == "download_failed"
    assert f"track {task['tracks'][0]['id']}" in task["last_error"]
    assert f"track {task['tracks'][0]['id']}" in stderr
    # The task is done: the message says how to fetch its tracks again.
    assert f"sunokit download relay {task['task_id']} --out {tmp_path}" in stderr


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_is_a_live_line() -> None:
    stream = _Terminal()
    progress = _cli_follow.Progress(stream)
    progress(sunokit.Task(vendor="relay", task_id="t-1", state="running", vendor_state="IN"))
    progress.stop()
    output = stream.getvalue()
    assert "relay t-1: running (IN)" in output
    assert "0:00:0" in output  # rich's elapsed-time column


@pytest.mark.parametrize(
    ("content_type", "url", "extension"),
    [
        ("audio/mpeg", "https://cdn.test/a", ".mp3"),
        ("audio/wav; charset=binary", "https://cdn.test/a", ".wav"),
        ("application/octet-stream", "https://cdn.test/a.mp3", ".bin"),
        ("", "https://cdn.test/song.mp3", ".mp3"),
        ("", "https://cdn.test/song", ".bin"),
    ],
)
def test_extension_from_the_content_type(content_type: str, url: str, extension: str) -> None:
    assert _downloads._extension(content_type, url) == extension
