"""Nothing paid for is lost by the command line: the sidecar names the task from the moment the
vendor accepts it, every way the command can end after that names the task, and
`sunokit wait` / `sunokit download` carry on from there.

The vendor is a real mock on loopback (`mock_vendor`), reached like a real vendor: the key in
the vendor's variable, the server through `--base-url`. The crash tests run the installed
command in a subprocess and kill it for real; its mock holds the task in its first stage (a
manual clock that only the test advances) so the kill always lands mid-wait.
"""

from __future__ import annotations

import contextlib
import http.server
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import sunokit
from sunokit.__main__ import main
from sunokit._adapters import get_adapter
from sunokit._cli_sidecar import Sidecar, sidecar_path
from sunokit.mock import ManualClock, StageTimings
from sunokit.testing import MockedVendor, mock_vendor

VENDOR = "relay"
REQUEST = ["--inspiration", "a calm piano tune"]
# Seconds a subprocess gets to start, submit and make its first poll.
STARTUP = 60.0


@contextlib.contextmanager
def served(vendor: str, monkeypatch: pytest.MonkeyPatch, **options: Any) -> Iterator[MockedVendor]:
    with mock_vendor(vendor, **options) as mocked:
        monkeypatch.setenv(get_adapter(vendor).env_var, mocked.api_key)
        yield mocked


def held(monkeypatch: pytest.MonkeyPatch) -> tuple[ManualClock, Any]:
    """A relay mock whose tasks stay queued until the test advances its clock."""
    clock = ManualClock()
    return clock, served(VENDOR, monkeypatch, clock=clock, timings=StageTimings(1, 2, 3))


def command(
    name: str, capsys: pytest.CaptureFixture[str], *argv: str
) -> tuple[int | str | None, str, str]:
    try:
        code: int | str | None = main([name, *argv])
    except SystemExit as exit_:  # argparse refusing an option
        code = exit_.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def sidecar(out: Path) -> dict[str, Any]:
    (path,) = out.glob("*.json")
    document: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return document


def start_generate(mocked: MockedVendor, out: Path, stderr: Path) -> subprocess.Popen[bytes]:
    argv = [sys.executable, "-m", "sunokit", "generate", "--vendor", VENDOR, *REQUEST]
    with stderr.open("wb") as sink:
        return subprocess.Popen(
            [*argv, "--base-url", mocked.base_url, "--out", str(out)],
            stdout=subprocess.DEVNULL,
            stderr=sink,
            env=os.environ.copy(),
        )


def first_poll(mocked: MockedVendor, process: subprocess.Popen[bytes]) -> str:
    """The id of the task the mock accepted, once the command has polled it: it is waiting."""
    deadline = time.monotonic() + STARTUP
    while time.monotonic() < deadline:
        if mocked.stats.polls:
            (task_id,) = mocked.stats.polls
            return task_id
        assert process.poll() is None, "the command ended before it polled"
        time.sleep(0.05)
    process.kill()
    pytest.fail(f"the command did not poll within {STARTUP}s")


# --------------------------------------------------------------------------- kill -9, SIGTERM


def test_kill_9_while_waiting_leaves_a_sidecar_that_names_the_accepted_task(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "songs"
    clock, serving = held(monkeypatch)
    with serving as mocked:
        process = start_generate(mocked, out, tmp_path / "stderr")
        task_id = first_poll(mocked, process)
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=30) == -signal.SIGKILL

        assert list(mocked.mock.tasks) == [task_id]
        record = sidecar(out)
        assert (record["vendor"], record["task_id"]) == (VENDOR, task_id)
        assert record["status"] in ("submitted", "waiting")
        assert record["request"]["mode"] == "Inspiration"
        assert record["request"]["description"] == "a calm piano tune"
        assert record["submitted_at"]
        # A kill in the middle of a rewrite leaves at most a hidden temporary file beside it.
        assert all(path.suffix == ".tmp" for path in out.iterdir() if path.name.startswith("."))
        assert mocked.api_key not in json.dumps(record)

        # The task is paid for and finishes anyway: `sunokit wait` picks it up from the record.
        clock.advance(10)
        code, stdout, stderr = command(
            "wait", capsys, VENDOR, task_id, "--out", str(out), "--base-url", mocked.base_url
        )
        assert code == 0, stderr
        assert mocked.stats.accepted_submissions == 1
    assert task_id in stdout
    done = sidecar(out)
    assert done["status"] == "downloaded"
    assert done["state"] == "succeeded"
    assert done["request"] == record["request"]  # what was asked for is kept
    assert done["submitted_at"] == record["submitted_at"]
    assert sorted(Path(path).name for path in done["files"].values()) == sorted(
        path.name for path in out.glob("*.wav")
    )
    assert len(done["files"]) == len(done["tracks"]) >= 1


@pytest.mark.parametrize(
    ("signal_number", "code", "status"),
    [(signal.SIGTERM, 143, "terminated"), (signal.SIGINT, 130, "interrupted")],
    ids=["SIGTERM", "SIGINT"],
)
def test_a_signal_while_waiting_names_the_task_and_how_to_resume_it(
    signal_number: int, code: int, status: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "songs"
    _, serving = held(monkeypatch)
    with serving as mocked:
        process = start_generate(mocked, out, tmp_path / "stderr")
        task_id = first_poll(mocked, process)
        process.send_signal(signal_number)
        assert process.wait(timeout=30) == code
        assert mocked.stats.accepted_submissions == 1
    stderr = (tmp_path / "stderr").read_text("utf-8")
    assert "Traceback" not in stderr
    assert f"sunokit wait {VENDOR} {task_id} --out {out} --base-url {mocked.base_url}" in stderr
    assert mocked.api_key not in stderr
    record = sidecar(out)
    assert (record["task_id"], record["status"]) == (task_id, status)
    assert record["state"] == "queued"


def test_a_signal_during_a_slow_submit_says_the_vendor_may_have_accepted_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "songs"
    with served(VENDOR, monkeypatch) as mocked:
        mocked.set_fault("slow", scope="submit", delay=2.0)
        process = start_generate(mocked, out, tmp_path / "stderr")
        deadline = time.monotonic() + STARTUP
        while not mocked.stats.faults_applied["slow"] and time.monotonic() < deadline:
            assert process.poll() is None, "the command ended before it submitted"
            time.sleep(0.05)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 143
        # The vendor had the request: it acts on it although nobody waits for the answer.
        while not mocked.stats.accepted_submissions and time.monotonic() < deadline:
            time.sleep(0.05)
        assert mocked.stats.accepted_submissions == 1
    stderr = (tmp_path / "stderr").read_text("utf-8")
    assert "Traceback" not in stderr
    assert "terminated (SIGTERM) while submitting: the vendor may have accepted" in stderr
    # The journal keeps the create as of unknown outcome, and the message names its entry.
    (entry,) = pending(capsys)
    assert entry["description"] == "unknown: may have been accepted"
    assert f"entry {entry['id']} (unknown: may have been accepted)" in stderr
    assert f"sunokit tasks --adopt {entry['id']} TASK_ID" in stderr


# --------------------------------------------------------------------------- every error names the task


def test_a_vendor_error_while_waiting_names_the_task_and_keeps_the_sidecar(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with served(VENDOR, monkeypatch, timings=StageTimings(0, 0, 0)) as mocked:
        mocked.set_fault("html_error", scope="status", status=401, times=None)
        code, _, stderr = command(
            "generate",
            capsys,
            "--vendor",
            VENDOR,
            *REQUEST,
            "--base-url",
            mocked.base_url,
            "--out",
            str(tmp_path),
        )
        (task_id,) = mocked.mock.tasks
    assert code == 3
    assert "Traceback" not in stderr
    assert f"sunokit wait {VENDOR} {task_id} --out {tmp_path}" in stderr
    record = sidecar(tmp_path)
    assert (record["task_id"], record["status"], record["state"]) == (task_id, "error", "queued")
    assert record["last_error"]


def test_an_accepted_id_that_cannot_be_polled_is_named_without_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A hostile gateway accepts the submit (the credits are spent) and hands back an id that
    # cannot be put in its own status URL: the task is recorded and named, and the command ends
    # with a sunokit error, not a traceback.
    answer = json.dumps({"code": "success", "message": "", "data": "../a/b"}).encode()

    class Gateway(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Gateway)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv(get_adapter(VENDOR).env_var, "sk-gateway-key-789")
    try:
        base_url = f"http://127.0.0.1:{server.server_address[1]}"
        code, _, stderr = command(
            "generate",
            capsys,
            "--vendor",
            VENDOR,
            *REQUEST,
            "--base-url",
            base_url,
            "--out",
            str(tmp_path),
        )
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
    assert code == 3
    assert "Traceback" not in stderr
    assert "task_id" in stderr
    assert "sunokit wait relay ../a/b" in stderr
    record = sidecar(tmp_path)
    assert (record["task_id"], record["status"]) == ("../a/b", "error")
    assert "sk-gateway-key-789" not in stderr + json.dumps(record)


def test_a_timeout_names_the_task_and_records_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _, serving = held(monkeypatch)
    with serving as mocked:
        code, _, stderr = command(
            "generate",
            capsys,
            "--vendor",
            VENDOR,
            *REQUEST,
            "--base-url",
            mocked.base_url,
            "--timeout",
            "0.1",
            "--out",
            str(tmp_path),
        )
        (task_id,) = mocked.mock.tasks
    assert code == 4
    assert f"sunokit wait {VENDOR} {task_id}" in stderr
    record = sidecar(tmp_path)
    assert (record["task_id"], record["status"]) == (task_id, "timed_out")


def test_a_failed_task_is_recorded_as_failed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with served(VENDOR, monkeypatch, timings=StageTimings(0, 0, 0)) as mocked:
        code, _, stderr = command(
            "generate",
            capsys,
            "--vendor",
            VENDOR,
            "--inspiration",
            "a forbidden song",
            "--base-url",
            mocked.base_url,
            "--out",
            str(tmp_path),
        )
        (task_id,) = mocked.mock.tasks
    assert code == 3
    assert f"{VENDOR} task {task_id} failed" in stderr
    record = sidecar(tmp_path)
    assert (record["status"], record["state"]) == ("failed", "failed")
    assert record["error"]["message"]


def test_an_unwritable_sidecar_after_acceptance_still_names_the_task(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # --out is usable when checked, but the task's sidecar name is taken by a directory: the
    # record cannot be written, and the message must still name the task the vendor accepted.
    out = tmp_path / "songs"
    with served(VENDOR, monkeypatch, timings=StageTimings(0, 0, 0), seed="fixed") as mocked:
        task_id = mocked.client.submit(sunokit.Inspiration("probe")).task_id
    with served(VENDOR, monkeypatch, timings=StageTimings(0, 0, 0), seed="fixed") as mocked:
        sidecar_path(out, VENDOR, task_id).mkdir(parents=True)
        code, _, stderr = command(
            "generate",
            capsys,
            "--vendor",
            VENDOR,
            "--inspiration",
            "probe",
            *at(mocked),
            "--out",
            str(out),
        )
        assert list(mocked.mock.tasks) == [task_id]
    assert code == 3
    assert "Traceback" not in stderr
    assert f"sunokit wait {VENDOR} {task_id}" in stderr


def at(mocked: MockedVendor) -> list[str]:
    return ["--base-url", mocked.base_url]


# --------------------------------------------------------------------------- wait options before paying


BAD_TIMEOUTS = ["1e308", "0", "nan", "inf", "-1", "604801"]


@pytest.mark.parametrize("timeout", BAD_TIMEOUTS)
def test_a_bad_timeout_exits_2_before_anything_is_submitted(
    timeout: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with served(VENDOR, monkeypatch) as mocked:
        code, stdout, stderr = command(
            "generate", capsys, "--vendor", VENDOR, *REQUEST, *at(mocked), "--timeout", timeout
        )
        assert mocked.stats.requests["submit"] == 0
        assert mocked.stats.accepted_submissions == 0
    assert (code, stdout) == (2, "")
    assert "argument --timeout" in stderr
    assert "Traceback" not in stderr


@pytest.mark.parametrize("timeout", BAD_TIMEOUTS)
def test_wait_refuses_a_bad_timeout_before_polling(
    timeout: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with served(VENDOR, monkeypatch) as mocked:
        code, _, stderr = command("wait", capsys, VENDOR, "t-1", *at(mocked), "--timeout", timeout)
        assert sum(mocked.stats.requests.values()) == 0
    assert code == 2
    assert "argument --timeout" in stderr


# --------------------------------------------------------------------------- wait and download


def test_download_saves_a_finished_task_and_is_repeatable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with served(VENDOR, monkeypatch, timings=StageTimings(0, 0, 0)) as mocked:
        task = mocked.client.generate(sunokit.Inspiration("rain"))
        argv = [VENDOR, task.task_id, *at(mocked), "--out", str(tmp_path), "--json"]
        first = command("download", capsys, *argv)
        again = command("download", capsys, *argv)  # the same bytes: kept, not refused
    assert first[0] == again[0] == 0, first[2] + again[2]
    document = json.loads(again[1])
    assert document["status"] == "downloaded"
    assert document["request"] is None  # this directory never saw the submit
    assert sorted(Path(p).name for p in document["files"].values()) == sorted(
        p.name for p in tmp_path.glob("*.wav")
    )
    assert len(list(tmp_path.glob("*.wav"))) == len(task.tracks)


def test_download_of_an_unfinished_task_exits_3_and_says_to_wait(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _, serving = held(monkeypatch)
    with serving as mocked:
        task = mocked.client.submit(sunokit.Inspiration("rain"))
        code, _, stderr = command(
            "download", capsys, VENDOR, task.task_id, *at(mocked), "--out", str(tmp_path)
        )
    assert code == 3
    assert "no finished track" in stderr
    assert f"sunokit wait {VENDOR} {task.task_id}" in stderr
    assert sidecar(tmp_path)["status"] == "download_failed"


def test_wait_for_a_task_the_vendor_does_not_know(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with served(VENDOR, monkeypatch) as mocked:
        code, _, stderr = command(
            "wait", capsys, VENDOR, "no-such-task", *at(mocked), "--out", str(tmp_path)
        )
    assert code == 3
    assert "does not know a task 'no-such-task'" in stderr
    assert list(tmp_path.iterdir()) == []  # nothing to record about a task nobody has


@pytest.mark.parametrize("task_id", ["", "..", "a/b", "a b", "x\n", "a?b", "x" * 257])
def test_wait_refuses_a_task_id_the_vendor_cannot_be_sent(
    task_id: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # relay puts the id in the URL path: it must be a path segment as it is.
    with served(VENDOR, monkeypatch) as mocked:
        code, _, stderr = command("wait", capsys, VENDOR, task_id, *at(mocked))
        assert sum(mocked.stats.requests.values()) == 0
    assert code == 2
    assert "sunokit: TASK_ID: task_id" in stderr
    assert "Traceback" not in stderr


def test_an_id_with_a_space_is_sent_where_the_vendor_takes_it_in_the_body(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # sunosay's documented example id holds a space; the body carries it encoded.
    with served("sunosay", monkeypatch) as mocked:
        code, _, stderr = command(
            "download", capsys, "sunosay", "a b", *at(mocked), "--out", str(tmp_path)
        )
        assert mocked.stats.requests["status"] == 1
    assert code == 3
    assert "does not know a task 'a b'" in stderr


def test_wait_and_download_print_no_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = "sk-test-secret-123"
    with served(VENDOR, monkeypatch, api_key=secret) as mocked:
        monkeypatch.setenv(get_adapter(VENDOR).env_var, "sk-wrong-secret-456")
        for name in ("wait", "download"):
            code, stdout, stderr = command(
                name, capsys, VENDOR, "t-1", *at(mocked), "--out", str(tmp_path)
            )
            assert code == 3
            assert "sk-" not in stdout + stderr


# --------------------------------------------------------------------------- the README's command


def readme_command(prefix: str) -> list[str]:
    readme = Path(__file__).resolve().parents[1] / "README.md"
    (line,) = [line for line in readme.read_text("utf-8").splitlines() if line.startswith(prefix)]
    import shlex

    return shlex.split(line, comments=True)


def test_the_readme_generate_command_works_with_a_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = readme_command("sunokit generate --vendor sunoapi_org ")
    accept = httpx.MockTransport(lambda request: httpx.Response(200, json={"ok": True}))
    with served(
        "sunoapi_org", monkeypatch, timings=StageTimings(0, 0, 0), callback_transport=accept
    ) as mocked:
        monkeypatch.setenv(get_adapter("sunoapi_org").base_url_env_var, mocked.base_url)
        monkeypatch.chdir(tmp_path)
        code, stdout, stderr = command(argv[1], capsys, *argv[2:])
        assert mocked.stats.accepted_submissions == 1
    assert code == 0, stderr
    assert "succeeded" in stdout


def test_without_a_callback_url_the_command_names_the_option_and_sends_nothing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = readme_command("sunokit generate --vendor sunoapi_org ")
    argv = argv[: argv.index("--callback-url")]
    with served("sunoapi_org", monkeypatch) as mocked:
        code, stdout, stderr = command(argv[1], capsys, *argv[2:], *at(mocked))
        assert mocked.stats.requests["submit"] == 0
    assert (code, stdout) == (2, "")
    assert "--callback-url" in stderr
    assert "nothing was sent" in stderr


# --------------------------------------------------------------------------- the sidecar file


def test_the_sidecar_keeps_what_a_vendor_sent_that_utf8_cannot_hold(tmp_path: Path) -> None:
    task = sunokit.Task(
        vendor=VENDOR,
        task_id="t-1",
        state="succeeded",
        tracks=(sunokit.Track(id="a", title="bad \udcff title"),),
    )
    record = Sidecar(tmp_path, VENDOR, "t-1", request=None)
    record.record("done", task=task)
    document = json.loads((tmp_path / "t-1.json").read_text("utf-8"))
    assert document["tracks"][0]["title"] == "bad \udcff title"
    assert [path.name for path in tmp_path.iterdir()] == ["t-1.json"]


def test_a_task_id_that_is_no_file_name_gets_its_own_sidecar(tmp_path: Path) -> None:
    first = sidecar_path(tmp_path, VENDOR, "../a/b")
    second = sidecar_path(tmp_path, VENDOR, "../a-b")
    assert first.parent == second.parent == tmp_path
    assert first != second
    task = sunokit.Task(vendor="sunosay", task_id="same", state="queued")
    Sidecar(tmp_path, "sunosay", "same", request=None).record("submitted", task=task)
    # Another vendor's task of the same id does not overwrite it.
    assert sidecar_path(tmp_path, VENDOR, "same").name == f"same.{VENDOR}.json"


# --------------------------------------------------------------------------- the journal


def start_command(
    mocked: MockedVendor, argv: list[str], out: Path, stderr: Path
) -> subprocess.Popen[bytes]:
    """`sunokit ARGV` in a subprocess against the mock; it keeps the journal of the test's user
    state directory (XDG_STATE_HOME, from the conftest)."""
    with stderr.open("wb") as sink:
        return subprocess.Popen(
            [sys.executable, "-m", "sunokit", *argv, "--base-url", mocked.base_url, "--out",
             str(out)],
            stdout=subprocess.DEVNULL,
            stderr=sink,
            env=os.environ.copy(),
        )  # fmt: skip


def pending(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    code, stdout, stderr = command("tasks", capsys, "--pending", "--json")
    assert code == 0, stderr
    entries: list[dict[str, Any]] = json.loads(stdout)
    return entries


def test_kill_9_while_waiting_for_a_typed_task_resumes_it_from_the_journal_by_id_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    clock, serving = held(monkeypatch)
    with serving as mocked:
        argv = ["run", "generate-lyrics", "--vendor", VENDOR, "--prompt", "rain"]
        process = start_command(mocked, argv, out, tmp_path / "stderr")
        task_id = first_poll(mocked, process)
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=30) == -signal.SIGKILL
        (entry,) = pending(capsys)
        assert (entry["task_id"], entry["capability"]) == (task_id, "lyrics.generate")
        assert sidecar(out)["operation"] == "lyrics.generate"

        clock.advance(10)
        code, stdout, stderr = command("wait", capsys, task_id, "--out", str(out), "--json",
                                       "--base-url", mocked.base_url)  # fmt: skip
        assert code == 0, stderr
        assert mocked.stats.accepted_submissions == 1
    document = json.loads(stdout)
    assert document["operation"] == "lyrics.generate"
    assert document["result"]["variants"]
    assert pending(capsys) == []


def test_kill_9_between_the_send_and_the_answer_is_unknown_and_never_sent_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "songs"
    with served(VENDOR, monkeypatch) as mocked:
        mocked.set_fault("slow", scope="submit", delay=2.0)
        process = start_command(mocked, ["generate", "--vendor", VENDOR, *REQUEST], out,
                                tmp_path / "stderr")  # fmt: skip
        deadline = time.monotonic() + STARTUP
        while not mocked.stats.faults_applied["slow"] and time.monotonic() < deadline:
            assert process.poll() is None, "the command ended before it submitted"
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=30) == -signal.SIGKILL
        while not mocked.stats.accepted_submissions and time.monotonic() < deadline:
            time.sleep(0.05)
        assert mocked.stats.accepted_submissions == 1  # paid for, and nobody saw the answer
        (entry,) = pending(capsys)
        assert entry["description"] == "unknown: may have been accepted"
        assert entry["task_id"] is None
        code, _, stderr = command("wait", capsys, "--out", str(out), "--base-url",
                                  mocked.base_url)  # fmt: skip
        assert mocked.stats.accepted_submissions == 1  # never sent again
    assert code == 3
    assert f"journal entry {entry['id']}" in stderr
    assert "unknown: may have been accepted" in stderr
    assert f"sunokit tasks --adopt {entry['id']} TASK_ID" in stderr
