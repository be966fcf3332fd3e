"""Batches: each line billed at most once, whatever ends a run; a re-run carries on.

The vendor is the loopback mock; what it accepted (`mocked.mock.tasks`, each with its request
`body`; the calls it answered at once, `mocked.stats.requests`) is the account the tests count
against. The crash test runs `sunokit batch` as a real process and kills it with SIGKILL at
random points (seeded), several times, then resolves the creates of unknown outcome as a user
would (adopt what the account shows, abandon the rest) and finishes the batch: every line must
have exactly one accepted task. Its fast slice is a mixed batch (songs, lyrics, WAVs of an
earlier task's tracks, credits); the deep run 50 songs.
"""

from __future__ import annotations

import asyncio
import collections
import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import sunokit
from sunokit import _specs
from sunokit.__main__ import main
from sunokit._adapters import get_adapter
from sunokit._batch import BatchEvent, _Pacer, arun_batch, read_batch, run_batch
from sunokit._journal import canonical_json
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


def earlier_songs(mocked: MockedVendor, count: int) -> list[sunokit.Task]:
    """Songs made before the batch: their tracks are what its WAV lines convert."""
    with mocked.new_client() as client:
        return [client.generate(sunokit.Description(f"earlier song {n}")) for n in range(count)]


def billed(mocked: MockedVendor) -> collections.Counter[str]:
    """What the account shows, by operationId: the tasks the mock accepted, and the calls it
    answered at once (credits, SunoAPI.com's WAV...)."""
    found = collections.Counter(task.operation for task in mocked.mock.tasks.values())
    for operation in _specs.operations(mocked.vendor):
        if operation.definition.get("x-sunokit-phase") == "call":
            answered = mocked.stats.requests[operation.role or operation.operation_id]
            if answered:
                found[operation.operation_id] += answered
    return found


def per_body(mocked: MockedVendor, skip: int = 0) -> collections.Counter[str]:
    """Accepted tasks per request body (the first `skip` tasks left out: made before)."""
    tasks = list(mocked.mock.tasks.values())[skip:]
    return collections.Counter(canonical_json(task.body) for task in tasks)


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


# --------------------------------------------------------------------------- any operation


def mixed_lines(song: sunokit.Task) -> list[dict[str, Any]]:
    """A song, lyrics, the WAV of an earlier task's second track, the credits left."""
    return [
        {"id": "song", "prompt": "a calm piano tune about rain"},
        {"id": "words", "operation": "generate-lyrics", "prompt": "rain at night"},
        {
            "id": "wav",
            "operation": "convert-to-wav",
            "track": f"{song.task_id}:{song.tracks[1].id}",
        },
        {"id": "credits", "operation": "account.credits"},  # a capability names it too
    ]


# vendor: the operationIds the four lines are sent to (SunoAPI.com answers a WAV at once)
MIXED = {
    "sunoapi_org": ["submit_music", "generate_lyrics", "convert_to_wav", "get_credits"],
    "sunoapi_com": ["submit_music", "make_lyrics", "get_wav", "get_credits"],
}


@pytest.mark.parametrize("vendor", sorted(MIXED))
def test_a_mixed_batch_gives_each_operation_its_typed_result_and_a_rerun_sends_nothing(
    vendor: str, tmp_path: Path
) -> None:
    journal, out = tmp_path / "j.sqlite3", tmp_path / "out"
    with mock_vendor(vendor, timings=FAST) as mocked:
        (song,) = earlier_songs(mocked, 1)
        before = billed(mocked)
        lines = mixed_lines(song)
        options: dict[str, Any] = {"batch": "mixed", "out": out, "concurrency": 4, "timeout": 10}
        first = asyncio.run(run_on(mocked, journal, lines, **options))
        second = asyncio.run(run_on(mocked, journal, lines, **options))
        sent = billed(mocked) - before
    assert sent == collections.Counter(MIXED[vendor])  # each line billed once, in two runs
    assert (first.counts(), first.submitted) == ({"succeeded": 4}, 4)
    assert (second.counts(), second.submitted) == ({"succeeded": 4}, 0)
    assert all(result.resumed for result in second.results)
    music, words, wav, credits = (result.to_dict() for result in first.results)
    assert [music["operation"], words["operation"], wav["operation"], credits["operation"]] == [
        "description", "generate-lyrics", "convert-to-wav", "get-credits"
    ]  # fmt: skip
    assert music["result"] is None
    assert len(music["files"]) == len(music["task"]["tracks"]) > 0
    assert words["result"]["variants"][0]["text"]
    assert wav["result"]["url"]
    assert wav["task"]["operation"] == "audio.wav"
    assert credits["result"]["remaining"] >= 0
    assert credits["task_id"] == ""
    assert credits["files"] == {}
    if vendor == "sunoapi_org":  # a WAV task: its file saved as sunokit run saves it
        (saved,) = wav["files"].values()
        assert Path(str(saved)).name.startswith(wav["task_id"])
        assert Path(str(saved)).is_file()
    for result in (music, words):
        assert all(Path(str(path)).is_file() for path in result["files"].values())
    # A re-run polls an unfinished-in-the-journal typed task through its own operation: the
    # lyrics come back typed, not as a song's empty result.
    again = {result.key: result.to_dict() for result in second.results}
    assert again["words"]["result"] == words["result"]
    assert again["words"]["task"]["operation"] == "lyrics.generate"
    assert again["song"]["files"] == music["files"]


def test_a_typed_task_left_unfinished_is_awaited_by_its_own_operation_on_the_rerun(
    tmp_path: Path,
) -> None:
    journal, out = tmp_path / "j.sqlite3", tmp_path / "out"
    with mock_vendor("sunoapi_org", timings=StageTimings(0.1, 0.2, 0.3)) as mocked:
        (song,) = earlier_songs(mocked, 1)
        lines = mixed_lines(song)[1:3]  # lyrics, a WAV
        before = billed(mocked)
        first = asyncio.run(run_on(mocked, journal, lines, batch="b", out=out, timeout=0.05))
        second = asyncio.run(run_on(mocked, journal, lines, batch="b", out=out, timeout=10))
        sent = billed(mocked) - before
    assert first.counts() == {"timed_out": 2}
    assert (second.counts(), second.submitted) == ({"succeeded": 2}, 0)
    assert sent == collections.Counter(["generate_lyrics", "convert_to_wav"])
    words, wav = (result.to_dict() for result in second.results)
    assert words["result"]["variants"]
    assert wav["result"]["url"]
    (saved,) = wav["files"].values()
    assert Path(str(saved)).is_file()


def test_a_line_reads_the_files_it_names_from_the_batch_files_folder(tmp_path: Path) -> None:
    folder = tmp_path / "album"
    (folder / "songs").mkdir(parents=True)
    sidecar = {"task_id": "T1", "tracks": [{"id": "A1"}, {"id": "A2"}]}
    (folder / "songs" / "T1.json").write_text(json.dumps(sidecar), "utf-8")
    (folder / "voice.mp3").write_bytes(b"ID3 not really audio")
    source = write_lines(
        folder / "b.jsonl",
        [
            {"operation": "convert-to-wav", "track": "songs/T1.json#2"},
            {"operation": "generate-midi", "task": "songs/T1.json"},
            {"operation": "upload-bytes", "data": "voice.mp3", "name": "voice.mp3"},
            {"operation": "convert-to-wav", "track": "songs/T1.json#9"},
        ],
    )
    wav, midi, upload, missing = read_batch(source)
    assert wav.request == sunokit.ConvertToWav(sunokit.TrackRef("T1", "A2"))
    assert midi.request == sunokit.GenerateMidi("T1")
    assert upload.request == sunokit.UploadBytes(b"ID3 not really audio", name="voice.mp3")
    assert missing.request is None
    assert missing.problem is not None
    assert "no track '9'" in missing.problem


def test_lines_of_an_operation_the_vendor_lacks_are_refused_before_anything_is_sent(
    tmp_path: Path,
) -> None:
    lines = [
        {"id": "video", "operation": "make-video", "track": "T1:A1"},
        {"id": "idea", "inspiration": "waves at night"},
        {"id": "words", "operation": "generate-lyrics", "prompt": "rain"},
    ]
    with mock_vendor("sunosay", timings=FAST) as mocked:
        report = asyncio.run(run_on(mocked, tmp_path / "j.sqlite3", lines, batch="b"))
        sent = billed(mocked)
    assert sent == collections.Counter(["generate_lyrics"])
    video, idea, words = report.results
    assert (video.status, idea.status, words.status) == ("invalid", "invalid", "succeeded")
    assert video.error == (
        "operation 'make-video': sunosay does not offer video.create; vendors that do: "
        "apikley, relay, sunoapi_org"
    )
    assert idea.error == (
        "operation 'inspiration': sunosay does not offer the inspiration mode; vendors that "
        "do: relay, sunoapi_com"
    )


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


def test_sunokit_batch_names_the_line_and_field_of_each_hostile_line_and_sends_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = [
        ({"operation": "make-music-please", "prompt": "x"}, "operation", "unknown operation"),
        ({"operation": "generate-lyrics", "prompt": 5}, "prompt", "must be a string, not 5"),
        ({"operation": "generate-lyrics"}, "prompt", "prompt is required"),
        ({"operation": "convert-to-wav", "track": "no-colon"}, "track", "takes TASK_ID:AUDIO_ID"),
        ({"operation": "convert-to-wav", "track": [1]}, "track", "must be TASK_ID:AUDIO_ID"),
        ({"operation": "get-credits", "pages": 2}, "pages", "unknown field 'pages'"),
        ({"operation": "separate-stems", "track": "T:A", "full": "yes"}, "full", "true or false"),
        ({"operation": "generate-sounds", "prompt": "x", "tempo": 1e400}, "tempo", "whole number"),
        ({"operation": "make-video", "track": "T:A"}, "operation", "vendors that do: apikley"),
        ({"operation": "upload-bytes", "data": "missing.mp3"}, "data", "missing.mp3"),
        ({"prompt": ["not", "text"]}, "prompt", "must be a string"),
    ]
    source = tmp_path / "b.jsonl"
    source.write_text("".join(json.dumps(line) + "\n" for line, _, _ in hostile), "utf-8")
    out = tmp_path / "out"
    with mock_vendor("sunoapi_com", timings=FAST) as mocked:
        monkeypatch.setenv(get_adapter("sunoapi_com").env_var, mocked.api_key)
        argv = ["batch", str(source), "--vendor", "sunoapi_com", "--base-url", mocked.base_url]
        code = main([*argv, "--out", str(out), "--journal", str(tmp_path / "j.sqlite3")])
        captured = capsys.readouterr()
        assert sum(mocked.stats.requests.values()) == 0  # nothing sent, not even credits
    assert code == 1
    results = [
        json.loads(line) for line in (out / "b.jsonl.results.jsonl").read_text().splitlines()
    ]
    for number, ((_, field, rule), item) in enumerate(zip(hostile, results, strict=True), 1):
        assert (item["line"], item["status"]) == (number, "invalid")
        assert item["error"].startswith(f"{field}: ") or field == "operation", item
        assert rule in item["error"], item
        logged = re.search(rf"\] line {number} \(\w+\): invalid: (.*)", captured.err)
        assert logged is not None, captured.err
        assert logged.group(1) == item["error"]
    assert "generate-lyrics, get-credits" in results[0]["error"]  # the names to choose from
    assert results[8]["error"].startswith("operation 'make-video': sunoapi_com does not offer")
    assert "Traceback" not in captured.out + captured.err


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


# (vendor, batch, task lines, killed runs before the one that finishes): a mixed slice in
# make test, 50 songs deep.
KILL_RUNS = [
    pytest.param("sunoapi_org", "mixed", 16, 2, id="mixed-16-lines-2-kills"),
    pytest.param("relay", "songs", 50, 4, id="50-lines-4-kills", marks=pytest.mark.deep),
]


def kill_lines(kind: str, count: int, mocked: MockedVendor) -> list[dict[str, Any]]:
    """`count` lines that each make one task; a mixed batch adds a credits line."""
    if kind == "songs":
        return songs(count)
    tracks = [track for song in earlier_songs(mocked, 2) for track in song.tracks]
    lines: list[dict[str, Any]] = []
    for n in range(count):
        kind_of = ("song", "words", "wav", "tune")[n % 4]
        line: dict[str, Any] = {"id": f"{kind_of}-{n}"}
        if kind_of == "song":
            line["prompt"] = f"song number {n}"
        elif kind_of == "words":
            line.update(operation="generate-lyrics", prompt=f"words number {n}")
        elif kind_of == "wav":
            track = tracks[n // 4 % len(tracks)]
            line.update(operation="convert-to-wav", track={"task_id": track.task_id,
                                                         "audio_id": track.id})  # fmt: skip
        else:
            line.update(instrumental=True, style="ambient", title=f"Tune {n}")
        lines.append(line)
    return [*lines, {"id": "credits", "operation": "get-credits"}]


def start_batch(
    mocked: MockedVendor, source: Path, tmp_path: Path, run: int
) -> subprocess.Popen[bytes]:
    argv = [sys.executable, "-m", "sunokit", "batch", str(source), "--vendor", mocked.vendor]
    argv += ["--base-url", mocked.base_url, "--journal", str(tmp_path / "journal.sqlite3")]
    argv += ["--out", str(tmp_path / "out"), "--concurrency", "8", "--timeout", "120"]
    if mocked.client_options.get("callback_url"):
        argv += ["--callback-url", mocked.client_options["callback_url"]]
    with (tmp_path / f"stderr-{run}").open("wb") as sink:
        return subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=sink, env=os.environ.copy())


def resolve_unknown(
    mocked: MockedVendor, journal: Path, capsys: pytest.CaptureFixture[str]
) -> list[sunokit.JournalEntry]:
    """Adopt each create of unknown outcome that the account shows (a task with the very
    body the journal recorded), abandon the others; the abandoned entries."""
    with sunokit.Journal(journal) as opened:
        unknown = [entry for entry in opened.pending() if entry.outcome_unknown]
    by_body = {canonical_json(task.body): task.id for task in mocked.mock.tasks.values()}
    abandoned = []
    for entry in unknown:
        found = by_body.get(canonical_json(entry.request))
        action = ["--adopt", str(entry.id), found] if found else ["--abandon", str(entry.id)]
        assert main(["tasks", "--journal", str(journal), *action]) == 0
        if not found:
            abandoned.append(entry)
    capsys.readouterr()
    return abandoned


@pytest.mark.parametrize(("vendor", "kind", "lines", "runs"), KILL_RUNS)
def test_kill_9_at_random_points_then_resume_bills_every_line_exactly_once(
    vendor: str,
    kind: str,
    lines: int,
    runs: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    rng = random.Random(20240611)
    journal = tmp_path / "journal.sqlite3"
    # rate_limits off: each killed run paces its own creates, not the ones before it
    with mock_vendor(vendor, timings=StageTimings(0.2, 0.4, 0.6), rate_limits=False) as mocked:
        batch = kill_lines(kind, lines, mocked)
        source = write_lines(tmp_path / "b.jsonl", batch)
        earlier = len(mocked.mock.tasks)
        monkeypatch.setenv(get_adapter(vendor).env_var, mocked.api_key)
        kills = 0
        abandoned: list[sunokit.JournalEntry] = []
        for run in range(runs):
            before = len(mocked.mock.tasks)
            # Kill once the vendor has accepted a random number of new creates (mid-submit,
            # mid-wait or mid-download), a few milliseconds later still.
            target = min(earlier + lines, before + rng.randint(1, 12))
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
            counts = per_body(mocked, skip=earlier)
            assert max(counts.values(), default=1) == 1, f"a line was billed twice in run {run}"
        assert kills >= runs - 1, "the batch finished before it could be killed: nothing tested"

        # Resolve the creates of unknown outcome as a user would (from the account), then run
        # the batch to its end; a create can still lose its answer in that run (a pooled
        # connection the server closed): it is reported unknown, and resolved the same way.
        for attempt in range(3):
            abandoned += resolve_unknown(mocked, journal, capsys)
            final = start_batch(mocked, source, tmp_path, runs + attempt)
            code = final.wait(timeout=300)
            stderr = (tmp_path / f"stderr-{runs + attempt}").read_text()
            assert code in (0, 3), stderr
            assert "Traceback" not in stderr
            if code == 0:
                break
            assert "unknown" in stderr, stderr
        assert code == 0
        counts = per_body(mocked, skip=earlier)
        answered = billed(mocked)["get_credits"]
    assert len(counts) == lines
    assert set(counts.values()) == {1}
    if kind == "songs":
        assert per_line(mocked) == collections.Counter(f"song number {n}" for n in range(lines))
    else:  # the credits line: answered once, again only when a kill left it unknown
        dropped = [entry for entry in abandoned if entry.request.get("mode") == "GetCredits"]
        assert 1 <= answered <= 1 + len(dropped)
    results = [
        json.loads(line)
        for line in (tmp_path / "out" / "b.jsonl.results.jsonl").read_text().splitlines()
    ]
    assert [item["status"] for item in results] == ["succeeded"] * len(batch)
    made = [item for item in results if item["task_id"]]
    assert len({item["task_id"] for item in made}) == lines
    for item in results:  # each typed result came back typed, resumed or not
        if item["operation"] in ("generate-lyrics", "convert-to-wav"):
            assert item["result"], item
        if item["operation"] == "convert-to-wav":
            assert all(Path(path).is_file() for path in item["files"].values())
            assert item["files"]
    with sunokit.Journal(journal) as opened:
        assert opened.pending() == []
