"""The command line keeps a task journal by default (issue 11).

`generate` (and `run`) record every create in the journal of the user state directory
(`$XDG_STATE_HOME/sunokit/journal.sqlite3` here: the conftest points XDG_STATE_HOME at a fresh
temporary directory for each test), overridable by --journal and $SUNOKIT_JOURNAL, off with
--no-journal. `sunokit wait` / `download` take their tasks from it: a task id alone, no id
(every task paid for and not finished), or --pending. A create whose answer never came is
reported as "unknown: may have been accepted" and never sent again.

The vendor is a mock on loopback reached like a real one (its key in the vendor's variable,
--base-url), the commands run in process.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sunokit
from sunokit.__main__ import main
from sunokit._adapters import get_adapter
from sunokit.mock import ManualClock, StageTimings
from sunokit.testing import MockedVendor, mock_vendor

VENDOR = "relay"
REQUEST = ["--inspiration", "a calm piano tune"]
INSTANT = StageTimings(0, 0, 0)


@contextlib.contextmanager
def served(monkeypatch: pytest.MonkeyPatch, **options: Any) -> Iterator[MockedVendor]:
    with mock_vendor(VENDOR, rate_limits=False, **options) as mocked:
        monkeypatch.setenv(get_adapter(VENDOR).env_var, mocked.api_key)
        yield mocked


def command(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int | str | None, str, str]:
    try:
        code: int | str | None = main(list(argv))
    except SystemExit as exit_:
        code = exit_.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def default_journal() -> Path:
    return Path(os.environ["XDG_STATE_HOME"]) / "sunokit" / "journal.sqlite3"


def listed(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict[str, Any]]:
    code, out, err = command(capsys, "tasks", "--json", *argv)
    assert code == 0, err
    entries: list[dict[str, Any]] = json.loads(out)
    return entries


def test_generate_records_in_the_user_state_directory_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert not default_journal().exists()
    with served(monkeypatch, timings=INSTANT) as mocked:
        code, out, err = command(
            capsys, "generate", "--vendor", VENDOR, *REQUEST, "--base-url", mocked.base_url,
            "--out", str(tmp_path), "--json",
        )  # fmt: skip
        key = mocked.api_key
    assert code == 0, err
    document = json.loads(out)
    assert default_journal().is_file()
    (entry,) = listed(capsys)
    assert (entry["vendor"], entry["task_id"], entry["state"]) == (
        VENDOR,
        document["task_id"],
        "succeeded",
    )
    assert entry["files"] == document["files"]
    assert entry["files"]
    assert listed(capsys, "--pending") == []
    assert key not in default_journal().read_bytes().decode("utf-8", "replace")


def test_journal_option_and_variable_override_the_default_and_no_journal_records_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    named, variable = tmp_path / "named.sqlite3", tmp_path / "variable.sqlite3"
    with served(monkeypatch, timings=INSTANT) as mocked:
        base = ["generate", "--vendor", VENDOR, *REQUEST, "--base-url", mocked.base_url]
        out = ["--out", str(tmp_path / "out")]
        assert command(capsys, *base, *out, "--journal", str(named))[0] == 0
        monkeypatch.setenv("SUNOKIT_JOURNAL", str(variable))
        assert command(capsys, *base, *out)[0] == 0
        assert command(capsys, *base, *out, "--no-journal")[0] == 0
        assert len(mocked.mock.tasks) == 3
    assert len(listed(capsys, "--journal", str(named))) == 1
    assert len(listed(capsys)) == 1  # $SUNOKIT_JOURNAL: the second run only
    assert not default_journal().exists()


def test_mock_runs_leave_the_default_journal_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["generate", "--mock", "--vendor", VENDOR, *REQUEST, "--out", str(tmp_path)]
    code, _, err = command(capsys, *argv)
    assert code == 0, err
    assert not default_journal().exists()  # the mock's tasks end with the command


def test_wait_takes_a_task_id_from_the_journal_without_its_vendor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    clock = ManualClock()
    with served(monkeypatch, clock=clock, timings=StageTimings(1, 2, 3)) as mocked:
        at = ["--base-url", mocked.base_url, "--out", str(tmp_path)]
        code, out, err = command(
            capsys, "generate", "--vendor", VENDOR, *REQUEST, "--no-wait", "--json", *at
        )
        assert code == 0, err
        task_id = json.loads(out)["task_id"]
        (entry,) = listed(capsys, "--pending")
        assert (entry["task_id"], entry["state"]) == (task_id, "accepted")
        clock.advance(10)
        code, out, err = command(capsys, "wait", task_id, *at, "--json")
        assert code == 0, err
        assert len(mocked.mock.tasks) == 1  # resumed, never sent again
    assert json.loads(out)["status"] == "downloaded"
    assert listed(capsys, "--pending") == []
    (entry,) = listed(capsys)
    assert entry["state"] == "succeeded"
    assert entry["files"]


@pytest.mark.parametrize("how", [[], ["--pending"], [VENDOR]])
def test_wait_without_an_id_resumes_every_pending_task(
    how: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    clock = ManualClock()
    with served(monkeypatch, clock=clock, timings=StageTimings(1, 2, 3)) as mocked:
        at = ["--base-url", mocked.base_url, "--out", str(tmp_path)]
        for _ in range(2):
            assert (
                command(capsys, "generate", "--vendor", VENDOR, *REQUEST, "--no-wait", *at)[0] == 0
            )
        clock.advance(10)
        code, out, err = command(capsys, "wait", *how, *at, "--json")
        assert len(mocked.mock.tasks) == 2
    assert code == 0, err
    documents = json.loads(out)
    assert [d["status"] for d in documents] == ["downloaded", "downloaded"]
    assert listed(capsys, "--pending") == []


def test_download_takes_a_task_id_from_the_journal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with served(monkeypatch, timings=INSTANT) as mocked:
        at = ["--base-url", mocked.base_url]
        code, out, _ = command(
            capsys, "generate", "--vendor", VENDOR, *REQUEST, "--no-wait", "--json", *at,
            "--out", str(tmp_path / "first"),
        )  # fmt: skip
        assert code == 0
        task_id = json.loads(out)["task_id"]
        code, out, err = command(
            capsys, "download", task_id, *at, "--out", str(tmp_path / "again"), "--json"
        )
    assert code == 0, err
    assert json.loads(out)["files"]
    assert list((tmp_path / "again").glob("*.wav"))


def test_an_intent_without_an_answer_is_reported_unknown_and_never_sent_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    journal = default_journal()
    with served(monkeypatch, timings=INSTANT) as mocked:
        with mocked.new_client(journal=journal) as client:
            client.submit(sunokit.Inspiration("accepted before the crash"))
        # A create whose process died between its intent and the answer.
        with sunokit.Journal(journal) as opened:
            opened.intent(vendor=VENDOR, operation="submit_music", capability=None, request={})
        with sqlite3.connect(journal) as connection:
            connection.execute("UPDATE entries SET owner='elsewhere:1' WHERE state='intent'")
        sent = len(mocked.mock.tasks)
        code, _out, err = command(capsys, "wait", "--base-url", mocked.base_url, "--out",
                                 str(tmp_path))  # fmt: skip
        assert len(mocked.mock.tasks) == sent  # nothing sent again
    assert code == 3
    assert "unknown: may have been accepted" in err
    assert "sunokit tasks --adopt 2 TASK_ID" in err
    assert "--abandon 2" in err
    pending = listed(capsys, "--pending")
    assert [entry["description"] for entry in pending] == ["unknown: may have been accepted"]


def test_wait_with_nothing_pending_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = command(capsys, "wait", "--out", str(tmp_path))
    assert code == 0
    assert "nothing to resume" in out
    assert not default_journal().exists()  # reading never creates it


def test_a_task_id_the_journal_does_not_know_needs_its_vendor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = command(capsys, "wait", "no-such-task", "--out", str(tmp_path))
    assert code == 2
    assert "name the vendor" in err
    assert "no task 'no-such-task'" in err
    code, _, err = command(capsys, "wait", VENDOR, "T1", "--pending", "--out", str(tmp_path))
    assert code == 2
    assert "--pending" in err


def test_an_interrupted_submit_points_at_the_journal_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*args: Any, **kwargs: Any) -> Any:
        raise KeyboardInterrupt

    with served(monkeypatch, timings=INSTANT) as mocked:
        monkeypatch.setattr(sunokit.SunoClient, "_send", interrupted)
        code, _, err = command(
            capsys, "generate", "--vendor", VENDOR, *REQUEST, "--base-url", mocked.base_url,
            "--out", str(tmp_path),
        )  # fmt: skip
    assert code == 130
    assert "may have accepted" in err
    assert "entry 1 (unknown: may have been accepted)" in err
    assert "sunokit tasks --adopt 1 TASK_ID" in err


def test_an_unusable_journal_stops_the_create_before_anything_is_sent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"not a database" * 300)
    with served(monkeypatch, timings=INSTANT) as mocked:
        for journal in (tmp_path, broken):  # a directory; a file that is no journal
            code, _, err = command(
                capsys, "generate", "--vendor", VENDOR, *REQUEST, "--base-url", mocked.base_url,
                "--out", str(tmp_path / "out"), "--journal", str(journal),
            )  # fmt: skip
            assert code == 2, err
            assert "nothing was sent" in err
            assert "--no-journal" in err
        assert len(mocked.mock.tasks) == 0


def test_download_of_an_unfinished_typed_task_exits_3_and_says_to_wait(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    clock = ManualClock()
    with served(monkeypatch, clock=clock, timings=StageTimings(1, 2, 3)) as mocked:
        at = ["--base-url", mocked.base_url, "--out", str(tmp_path)]
        code, out, err = command(capsys, "run", "generate-lyrics", "--vendor", VENDOR,
                                 "--prompt", "rain", "--no-wait", "--json", *at)  # fmt: skip
        assert code == 0, err
        task_id = json.loads(out)["task_id"]
        code, _, err = command(capsys, "download", task_id, *at)
        assert code == 3
        assert "no result to save yet" in err
        assert f"sunokit wait {VENDOR} {task_id}" in err
        clock.advance(10)
        code, out, err = command(capsys, "download", task_id, *at, "--json")
    assert code == 0, err
    assert json.loads(out)["result"]["variants"]


def test_tasks_names_the_journal_in_the_command_that_resumes_an_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    journal = tmp_path / "j.sqlite3"
    with (
        served(monkeypatch, timings=StageTimings(60, 120, 180)) as mocked,
        mocked.new_client(journal=journal) as client,
    ):
        task = client.submit(sunokit.Inspiration("still running"))
    code, out, err = command(capsys, "tasks", "--journal", str(journal), "--pending")
    assert code == 0, err
    assert f"sunokit wait {VENDOR} {task.task_id} --journal {journal}" in out


def test_one_vendor_without_a_key_does_not_stop_the_others_tasks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with (
        served(monkeypatch, timings=INSTANT) as relay,
        mock_vendor("sunosay", rate_limits=False, timings=INSTANT) as sunosay,
    ):
        monkeypatch.setenv(get_adapter(VENDOR).base_url_env_var, relay.base_url)
        with sunosay.new_client(journal=default_journal()) as client:
            keyless = client.submit(sunokit.Description("no key for this one")).task_id
        code, _, err = command(capsys, "generate", "--vendor", VENDOR, *REQUEST, "--no-wait",
                               "--out", str(tmp_path))  # fmt: skip
        assert code == 0, err
        code, out, err = command(capsys, "wait", "--out", str(tmp_path), "--json")
    assert code == 2
    assert f"not resumed: sunosay tasks {keyless}" in err
    assert get_adapter("sunosay").env_var in err
    (document,) = json.loads(out)
    assert (document["vendor"], document["status"]) == (VENDOR, "downloaded")
    assert [entry["task_id"] for entry in listed(capsys, "--pending")] == [keyless]


def test_a_create_answered_at_once_is_journaled_finished_not_pending(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    vendor = "sunoapi_org"  # boost_style: a paid create answered in one round trip
    with mock_vendor(vendor, rate_limits=False, timings=INSTANT) as mocked:
        monkeypatch.setenv(get_adapter(vendor).env_var, mocked.api_key)
        code, out, err = command(
            capsys, "run", "boost-style", "--vendor", vendor, "--style", "lofi", "--base-url",
            mocked.base_url, "--callback-url", f"{mocked.base_url}/__mock__/inbox", "--out",
            str(tmp_path),
        )  # fmt: skip
        assert code == 0, err
        (entry,) = listed(capsys)
        assert (entry["operation"], entry["state"]) == ("boost_style", "succeeded")
        assert listed(capsys, "--pending") == []
        code, out, err = command(capsys, "wait", "--out", str(tmp_path), "--timeout", "5")
    assert code == 0, err
    assert "nothing to resume" in out
