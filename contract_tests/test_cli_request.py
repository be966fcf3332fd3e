"""`sunokit request VENDOR OPERATION_ID [BODY.json] [--param ...]`: any spec operation.

In process, against a mock on loopback reached like a real vendor (its key in the vendor's
variable, --base-url).
"""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sunokit
from sunokit import _operations
from sunokit.__main__ import main
from sunokit._adapters import bindings, get_adapter
from sunokit.mock import StageTimings
from sunokit.testing import MockedVendor, mock_vendor

KIE = "sunoapi_org"


@contextlib.contextmanager
def served(vendor: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[MockedVendor]:
    with mock_vendor(vendor, rate_limits=False, timings=StageTimings(0, 0, 0)) as mocked:
        monkeypatch.setenv(get_adapter(vendor).env_var, mocked.api_key)
        yield mocked


def command(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int | str | None, str, str]:
    try:
        code: int | str | None = main(["request", *argv])
    except SystemExit as exit_:
        code = exit_.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def body(tmp_path: Path, content: Any) -> str:
    path = tmp_path / "body.json"
    path.write_text(json.dumps(content), "utf-8")
    return str(path)


@pytest.mark.parametrize("vendor", sunokit.VENDORS)
def test_without_an_operation_it_lists_every_spec_operation(
    vendor: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = command(capsys, vendor, "--json")
    assert code == 0
    rows = json.loads(out)
    assert [row["operation_id"] for row in rows] == list(_operations.operation_ids(vendor))
    typed = {row["operation_id"]: row["typed"] or "" for row in rows}
    for binding in bindings(vendor):
        assert f"sunokit.{binding.request.__name__}" in typed[binding.operation]


def test_a_call_answers_with_the_generated_models_wire_json(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with served(KIE, monkeypatch) as mocked:
        code, out, err = command(capsys, KIE, "get_credits", "--base-url", mocked.base_url)
        key = mocked.api_key
    assert code == 0, err
    answer = json.loads(out)
    assert answer["code"] == 200
    assert isinstance(answer["data"], (int, float))
    assert key not in out + err


def test_a_create_is_journaled_and_its_job_can_be_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with served(KIE, monkeypatch) as mocked:
        content = {"prompt": "rain", "callBackUrl": f"{mocked.base_url}/__mock__/inbox"}
        reach = ["--base-url", mocked.base_url]
        code, out, err = command(capsys, KIE, "generate_lyrics", body(tmp_path, content), *reach)
        assert code == 0, err
        job = json.loads(out)["data"]["taskId"]
        assert f"accepted job {job}" in err
        # A poll with its id as a parameter, by its wire name.
        code, out, err = command(capsys, KIE, "get_lyrics_details", "--param", f"taskId={job}",
                                 *reach)  # fmt: skip
        assert code == 0, err
        assert json.loads(out)["data"]["taskId"] == job
        # The journal knows the job's capability: `sunokit wait` follows it as lyrics.
        code = main(["wait", job, *reach, "--out", str(tmp_path / "out"), "--json"])
        waited = json.loads(capsys.readouterr().out)
        assert len(mocked.mock.tasks) == 1
    assert code == 0
    assert waited["operation"] == "lyrics.generate"
    assert waited["result"]["variants"]


def test_an_invalid_body_is_refused_with_every_violation_and_nothing_is_sent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The body is checked before the journal records an intent: a create that was never sent
    is not listed as "unknown: may have been accepted" (it was, before the fix)."""
    journal = tmp_path / "journal.sqlite3"
    monkeypatch.setenv("SUNOKIT_JOURNAL", str(journal))
    with served(KIE, monkeypatch) as mocked:
        code, _, err = command(
            capsys, KIE, "generate_lyrics", body(tmp_path, {"prompt": 5}), "--base-url",
            mocked.base_url,
        )  # fmt: skip
        assert len(mocked.mock.tasks) == 0
    assert code == 1
    assert "/prompt" in err
    assert "callBackUrl" in err
    assert "nothing was sent" in err
    with sunokit.Journal(journal) as recorded:
        assert recorded.entries() == []


def test_usage_errors_exit_2_naming_the_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{", "utf-8")
    code, _, err = command(capsys, KIE, "no_such_operation", "--mock")
    assert code == 2
    assert "has no operation 'no_such_operation'" in err
    code, _, err = command(capsys, KIE, "generate_lyrics", str(broken), "--mock")
    assert code == 2
    assert "not JSON" in err
    code, _, err = command(capsys, KIE, "generate_lyrics", body(tmp_path, [1]), "--mock")
    assert code == 2
    assert "JSON object" in err
    code, _, err = command(capsys, KIE, "get_credits", "--param", "nonsense")
    assert code == 2
    assert "NAME=VALUE" in err
    code, _, err = command(capsys, KIE, "get_credits")  # no key in the environment
    assert code == 2
    assert get_adapter(KIE).env_var in err


def test_the_body_can_come_from_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = {"prompt": "rain", "callBackUrl": "https://example.com/hook"}
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(content)))
    code, out, err = command(capsys, KIE, "generate_lyrics", "-", "--mock")
    assert code == 0, err
    assert json.loads(out)["data"]["taskId"]
