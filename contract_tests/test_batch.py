"""Batches: each line billed at most once, whatever ends a run; a re-run carries on.

The vendor is the loopback mock; what it accepted (`mocked.mock.tasks`, each with its request
`body`) is the account the tests count against. The crash test runs `sunokit batch` as a real
process and kills it with SIGKILL at random points (seeded), several times, then resolves the
creates of unknown outcome as a user would (adopt what the account shows, abandon the rest)
and finishes the batch: every line must have exactly one accepted task.
"""

from __future__ import annotations

import asyncio
import collections
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import sunokit
from sunokit.__main__ import main
from sunokit._adapters import get_adapter
from sunokit._batch import BatchEvent, _Pacer, arun_batch, read_batch, run_batch
from sunokit._specs import RateLimit
from sunokit.mock import StageTimings
from sunokit.testing import MockedVendor, mock_vendor

FAST = StageTimings(0.02, 0.04, 0.06)
PROMPT = "gpt_description_prompt"  # where the relay carries an inspiration line's text


def write_lines(path: Path, lines: list[Any]) -> Path:
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), "utf-8")
    return path


def per_line(mocked: MockedVendor) -> collections.Counter[str]:
    """Accepted tasks per request text, as the vendor's account shows them."""
    return collections.Counter(str(task.body.get(PROMPT)) for task in mocked.mock.tasks.values())


def songs(count: int) -> list[dict[str, Any]]:
    return [{"id": f"song-{n}", "inspiration": f"song number {n}"} for n in range(count)]


async def run_on(mocked: MockedVendor, journal: Path, lines: Any, **options: Any) -> Any:
    async with mocked.async_client(journal=journal) as client:
        return await arun_batch(client, lines, **options)


# --------------------------------------------------------------------------- the library


def test_a_rerun_skips_finished_lines_and_sends_nothing(tmp_path: Path) -> None:
    source = write_lines(tmp_path / "b.jsonl", songs(6))
    journal, out = tmp_path / "j.sqlite3", tmp_path / "out"
    with mock_vendor("relay", timings=FAST) as mocked:
        first = asyncio.run(run_on(mocked, journal, source, out=out, concurrency=3))
        second = asyncio.run(run_on(mocked, journal, source, out=out, concurrency=3))
        counts = per_line(mocked)
    assert first.counts() == {"succeeded": 6}
    assert first.submitted == 6
    assert (second.counts(), second.submitted) == ({"succeeded": 6}, 0)
    assert all(result.resumed for result in second.results)
    assert [result.task_id for result in second.results] == [r.task_id for r in first.results]
    assert set(counts.values()) == {1}
    assert len(counts) == 6
    for result in first.results:
        assert result.files
        assert all(Path(str(path)).is_file() for path in result.files.values())


def test_refused_lines_are_sent_again_failed_ones_are_not(tmp_path: Path) -> None:
    source = write_lines(tmp_path / "b.jsonl", songs(5))
    journal = tmp_path / "j.sqlite3"
    with mock_vendor("relay", timings=FAST, credits=3) as mocked:
        mocked.set_fault("fail_task", scope="submit", times=1)
        first = asyncio.run(run_on(mocked, journal, source, concurrency=1))
        assert sorted(first.counts().items()) == [("failed", 1), ("refused", 2), ("succeeded", 2)]
        mocked.mock.credits = 10  # topped up
        second = asyncio.run(run_on(mocked, journal, source, concurrency=1))
        counts = per_line(mocked)
    assert sorted(second.counts().items()) == [("failed", 1), ("succeeded", 4)]
    assert second.submitted == 2  # the two refused lines, nothing else
    assert counts == collections.Counter({f"song number {n}": 1 for n in range(5)})


def test_a_lost_answer_is_unknown_never_resent_until_resolved(tmp_path: Path) -> None:
    source = write_lines(tmp_path / "b.jsonl", songs(3))
    journal = tmp_path / "j.sqlite3"
    with mock_vendor("relay", timings=FAST) as mocked:
        # The vendor accepts the first create, then the connection drops before its answer.
        mocked.set_fault("drop_connection", scope="submit", processed=True, times=1)
        first = asyncio.run(run_on(mocked, journal, source, concurrency=1))
        assert sorted(first.counts().items()) == [("succeeded", 2), ("unknown", 1)]
        second = asyncio.run(run_on(mocked, journal, source, concurrency=1))
        assert second.submitted == 0
        assert second.counts()["unknown"] == 1
        (unknown,) = [result for result in second.results if result.status == "unknown"]
        assert unknown.error is not None
        assert f"--adopt {unknown.journal_id}" in unknown.error
        # The account shows the task: adopt it, and the next run waits for it.
        (lost,) = [t for t in mocked.mock.tasks.values() if t.body[PROMPT] == "song number 0"]
        with sunokit.Journal(journal) as opened:
            assert unknown.journal_id is not None
            opened.adopt(unknown.journal_id, lost.id)
        third = asyncio.run(run_on(mocked, journal, source, concurrency=1))
        counts = per_line(mocked)
    assert third.counts() == {"succeeded": 3}
    assert third.results[0].task_id == lost.id
    assert set(counts.values()) == {1}


def test_invalid_and_hostile_lines_are_reported_and_the_rest_run(tmp_path: Path) -> None:
    source = tmp_path / "b.jsonl"
    source.write_text(
        "\n".join(
            [
                json.dumps({"id": "ok", "inspiration": "fine"}),
                json.dumps({"promt": "a typo"}),
                "not json at all",
                json.dumps([1, 2, 3]),
                "[" * 100_000,
                json.dumps({"id": "ok", "inspiration": "same id again"}),
                json.dumps({"id": 7, "inspiration": "an id that is no string"}),
                json.dumps({"prompt": "   "}),
                json.dumps({"extend": "clip", "at": 10**400}),
                json.dumps({"inspiration": "two modes", "prompt": "x"}),
                "",
            ]
        ),
        "utf-8",
    )
    lines = read_batch(source)
    assert [line.problem is None for line in lines] == [True] + [False] * 9
    with mock_vendor("relay", timings=FAST) as mocked:
        report = asyncio.run(run_on(mocked, tmp_path / "j.sqlite3", source))
        assert len(mocked.mock.tasks) == 1
    assert report.counts() == {"succeeded": 1, "invalid": 9}
    for result in report.results[1:]:
        assert result.error


def test_concurrency_is_bounded(tmp_path: Path) -> None:
    source = write_lines(tmp_path / "b.jsonl", songs(12))
    running: set[int] = set()
    most = 0

    def watch(event: BatchEvent) -> None:
        nonlocal most
        if event.kind == "finished":
            running.discard(event.line.number)
        else:
            running.add(event.line.number)
        most = max(most, len(running))

    with mock_vendor("relay", timings=StageTimings(0.1, 0.2, 0.3)) as mocked:
        report = asyncio.run(
            run_on(mocked, tmp_path / "j.sqlite3", source, concurrency=3, on_event=watch)
        )
    assert report.ok
    assert most == 3


def test_the_pacer_keeps_the_documented_limit() -> None:
    pacer = _Pacer(RateLimit(3, 10.0, "client"))
    pauses = [pacer.reserve() for _ in range(7)]
    assert pauses[:3] == [0.0, 0.0, 0.0]
    assert 9.5 < pauses[3] <= 10.0
    assert 19.5 < pauses[6] <= 20.0


def test_the_sync_front_door_and_its_refusals(tmp_path: Path) -> None:
    with mock_vendor("relay", timings=FAST) as mocked:
        report = run_batch(
            "relay",
            [{"inspiration": "one"}, {"inspiration": "two"}],
            batch="from-python",
            journal=tmp_path / "j.sqlite3",
            api_key=mocked.api_key,
            base_url=mocked.base_url,
            poll_interval=0.02,
        )
        assert report.counts() == {"succeeded": 2}
        with pytest.raises(sunokit.ConfigurationError, match="needs a journal"):
            run_batch("relay", [{"inspiration": "x"}], batch="b", journal=None, api_key="k")
        with pytest.raises(sunokit.ConfigurationError, match="name the batch"):
            run_batch("relay", [{"inspiration": "x"}], journal=tmp_path / "j.sqlite3", api_key="k")
        with pytest.raises(sunokit.ConfigurationError, match="concurrency"):
            run_batch(
                "relay", [], batch="b", journal=tmp_path / "j.sqlite3", api_key="k", concurrency=0
            )
        assert len(mocked.mock.tasks) == 2


# --------------------------------------------------------------------------- the command


def test_sunokit_batch_writes_results_and_says_how_it_went(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_lines(tmp_path / "b.jsonl", [*songs(3), {"promt": "typo"}])
    out = tmp_path / "out"
    with mock_vendor("relay", timings=FAST) as mocked:
        monkeypatch.setenv(get_adapter("relay").env_var, mocked.api_key)
        argv = ["batch", str(source), "--vendor", "relay", "--base-url", mocked.base_url]
        argv += ["--out", str(out), "--journal", str(tmp_path / "j.sqlite3")]
        code = main(argv)
        captured = capsys.readouterr()
        assert code == 1  # one invalid line; the others succeeded
        code = main([*argv, "--json"])
        again = capsys.readouterr()
    assert code == 1
    results = [
        json.loads(line) for line in (out / "b.jsonl.results.jsonl").read_text().splitlines()
    ]
    assert [item["status"] for item in results] == ["succeeded"] * 3 + ["invalid"]
    assert [json.loads(line) for line in again.out.splitlines()] == [
        {**item, "resumed": item["status"] == "succeeded"} for item in results
    ]
    assert "succeeded" in captured.out
    assert "unknown field 'promt'" in captured.out
    # Off a terminal: a plain log line per acceptance and per finished line.
    assert captured.err.count("accepted as relay task") == 3
    assert "[4/4]" in captured.err
    everything = captured.out + captured.err + again.out + again.err
    assert mocked.api_key not in everything
    assert mocked.api_key not in (out / "b.jsonl.results.jsonl").read_text()
    assert "Traceback" not in everything


def test_sunokit_batch_refuses_what_it_cannot_use(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journal = ["--journal", str(tmp_path / "j.sqlite3")]
    assert main(["batch", str(tmp_path / "missing.jsonl"), "--vendor", "relay", *journal]) == 2
    assert "cannot read the batch" in capsys.readouterr().err
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(os.urandom(2048))
    source = write_lines(tmp_path / "b.jsonl", songs(1))
    assert main(["batch", str(source), "--vendor", "relay", "--journal", str(broken)]) == 2
    assert "journal" in capsys.readouterr().err
    # No API key: a configuration error before anything is sent.
    assert main(["batch", str(source), "--vendor", "relay", *journal]) == 2
    assert "RELAY" in capsys.readouterr().err.upper()
    with pytest.raises(SystemExit):
        main(["batch", str(source), "--vendor", "relay", "--concurrency", "0"])


# --------------------------------------------------------------------------- kill -9


# (lines, killed runs before the one that finishes): a slice in make test, the full run deep.
KILL_RUNS = [
    pytest.param(20, 2, id="20-lines-2-kills"),
    pytest.param(50, 4, id="50-lines-4-kills", marks=pytest.mark.deep),
]


def start_batch(
    mocked: MockedVendor, source: Path, tmp_path: Path, run: int
) -> subprocess.Popen[bytes]:
    argv = [sys.executable, "-m", "sunokit", "batch", str(source), "--vendor", "relay"]
    argv += ["--base-url", mocked.base_url, "--journal", str(tmp_path / "journal.sqlite3")]
    argv += ["--out", str(tmp_path / "out"), "--concurrency", "8", "--timeout", "120"]
    with (tmp_path / f"stderr-{run}").open("wb") as sink:
        return subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=sink, env=os.environ.copy())


def resolve_unknown(
    mocked: MockedVendor, journal: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Adopt each create of unknown outcome that the account shows, abandon the others."""
    with sunokit.Journal(journal) as opened:
        unknown = [entry for entry in opened.pending() if entry.outcome_unknown]
    by_prompt = {task.body[PROMPT]: task.id for task in mocked.mock.tasks.values()}
    for entry in unknown:
        found = by_prompt.get(entry.request[PROMPT])
        action = ["--adopt", str(entry.id), found] if found else ["--abandon", str(entry.id)]
        assert main(["tasks", "--journal", str(journal), *action]) == 0
    capsys.readouterr()


@pytest.mark.parametrize(("lines", "runs"), KILL_RUNS)
def test_kill_9_at_random_points_then_resume_bills_every_line_exactly_once(
    lines: int,
    runs: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    rng = random.Random(20240611)
    source = write_lines(tmp_path / "b.jsonl", songs(lines))
    journal = tmp_path / "journal.sqlite3"
    with mock_vendor("relay", timings=StageTimings(0.2, 0.4, 0.6)) as mocked:
        monkeypatch.setenv(get_adapter("relay").env_var, mocked.api_key)
        kills = 0
        for run in range(runs):
            before = len(mocked.mock.tasks)
            # Kill once the vendor has accepted a random number of new creates (mid-submit,
            # mid-wait or mid-download), a few milliseconds later still.
            target = min(lines, before + rng.randint(1, 12))
            process = start_batch(mocked, source, tmp_path, run)
            deadline = time.monotonic() + 60
            while (
                len(mocked.mock.tasks) < target
                and process.poll() is None
                and time.monotonic() < deadline
            ):
                time.sleep(0.002)
            time.sleep(rng.uniform(0, 0.03))
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                kills += 1
            process.wait(timeout=30)
            counts = per_line(mocked)
            assert max(counts.values(), default=1) == 1, f"a line was billed twice in run {run}"
        assert kills >= runs - 1, "the batch finished before it could be killed: nothing tested"

        # Resolve the creates of unknown outcome as a user would (from the account), then run
        # the batch to its end; a create can still lose its answer in that run (a pooled
        # connection the server closed): it is reported unknown, and resolved the same way.
        for attempt in range(3):
            resolve_unknown(mocked, journal, capsys)
            final = start_batch(mocked, source, tmp_path, runs + attempt)
            code = final.wait(timeout=300)
            stderr = (tmp_path / f"stderr-{runs + attempt}").read_text()
            assert code in (0, 3), stderr
            assert "Traceback" not in stderr
            if code == 0:
                break
            assert "unknown" in stderr, stderr
        assert code == 0
        counts = per_line(mocked)
    assert counts == collections.Counter({f"song number {n}": 1 for n in range(lines)})
    results = [
        json.loads(line)
        for line in (tmp_path / "out" / "b.jsonl.results.jsonl").read_text().splitlines()
    ]
    assert [item["status"] for item in results] == ["succeeded"] * lines
    assert len({item["task_id"] for item in results}) == lines
    with sunokit.Journal(journal) as opened:
        assert opened.pending() == []
