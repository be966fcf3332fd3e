"""`sunokit run OPERATION`: every typed request from the command line, built from the bindings.

The registry tests read the bindings, so a binding added to an adapter is checked here with no
change. The flows run in process against a mock on loopback reached like a real vendor (its key
in the vendor's variable, --base-url): a song, then acts on its tracks through `--track`
(TASK_ID:AUDIO_ID or the song's sidecar), their files downloaded like tracks.
"""

from __future__ import annotations

import contextlib
import io
import json
import struct
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
import sunokit
from sunokit import _cli_results, _cli_run, _result_files
from sunokit.__main__ import main
from sunokit._adapters import bindings, get_adapter
from sunokit._batch import request_from_line
from sunokit.mock import StageTimings
from sunokit.testing import MockedVendor, mock_vendor

INSTANT = StageTimings(0, 0, 0)
KIE = "sunoapi_org"


@contextlib.contextmanager
def served(
    vendor: str, monkeypatch: pytest.MonkeyPatch, **options: Any
) -> Iterator[tuple[MockedVendor, list[str]]]:
    """A mock on loopback, its key in the vendor's variable; the options that reach it."""
    with mock_vendor(vendor, rate_limits=False, timings=INSTANT, **options) as mocked:
        monkeypatch.setenv(get_adapter(vendor).env_var, mocked.api_key)
        reach = ["--vendor", vendor, "--base-url", mocked.base_url]
        if vendor in ("sunoapi_org", "apikley"):  # they require one; the mock's own receiver
            reach += ["--callback-url", f"{mocked.base_url}/__mock__/inbox"]
        yield mocked, reach


def command(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int | str | None, str, str]:
    try:
        code: int | str | None = main(list(argv))
    except SystemExit as exit_:
        code = exit_.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def a_song(
    capsys: pytest.CaptureFixture[str], reach: list[str], out: Path
) -> tuple[dict[str, Any], Path]:
    code, stdout, err = command(
        capsys, "run", "description", *reach, "--prompt", "rain", "--out", str(out), "--json"
    )
    assert code == 0, err
    document: dict[str, Any] = json.loads(stdout)
    return document, out / f"{document['task_id']}.json"


# --------------------------------------------------------------------------- the registry


def test_every_bound_request_and_music_mode_is_an_operation() -> None:
    names = _cli_run.operations()
    kinds = set(names.values())
    for vendor in sunokit.VENDORS:
        for binding in bindings(vendor):
            assert binding.request in kinds, f"{vendor}: {binding.request.__name__}"
            assert vendor in _cli_run.vendors_offering(binding.request)
    for mode in typing.get_args(sunokit.MusicRequest):
        assert mode in kinds
    assert names["generate-lyrics"] is sunokit.GenerateLyrics
    assert names["convert-to-wav"] is sunokit.ConvertToWav


def _argv_for(kind: type[Any]) -> list[str]:
    """Options with a value of the right shape for every required field of `kind`."""
    argv: list[str] = []
    for option in _cli_run._options(kind):
        if not option.required:
            continue
        value = {
            "track": ["T1:A1"],
            "task": ["T1"],
            "number": ["1"],
            "integer": ["1"],
        }.get(option.kind, ["https://example.com/a.mp3"])
        if option.nargs is not None:
            value = value * (option.nargs if isinstance(option.nargs, int) else 2)
        argv += [option.flag, *value]
    return argv


@pytest.mark.parametrize("name", sorted(_cli_run.operations()))
def test_every_operation_builds_its_request_from_the_command_line(
    name: str, tmp_path: Path
) -> None:
    kind = _cli_run.operations()[name]
    argv = _argv_for(kind)
    for option in _cli_run._options(kind):
        if option.required and option.kind in ("file", "bytes"):
            source = tmp_path / option.field
            source.write_text("[Verse]\nrain\n", "utf-8")
            argv[argv.index(option.flag) + 1] = str(source)
    if any(option.group == "music" for option in _cli_run._options(kind)):
        argv += ["--prompt", "a calm piano tune"]
    if name in ("replace-section", "validate-voice"):
        argv[argv.index("--end") + 1] = "2"
    args = _cli_run.parser().parse_args([name, "--vendor", "relay", *argv])
    request = _cli_run.build_request(args)
    assert isinstance(request, kind)
    described = _cli_run.describe(request, name, None)
    json.dumps(described)  # the sidecar can hold it
    assert described["mode"] == kind.__name__


@pytest.mark.parametrize("name", sorted(_cli_run.operations()))
def test_a_batch_line_builds_the_request_its_options_build(name: str, tmp_path: Path) -> None:
    """One decoder (`_request_fields`): a line with the options' values as JSON (keys: the
    options without dashes) is the same request; a lyrics file is the line's text."""
    kind = _cli_run.operations()[name]
    argv: list[str] = []
    line: dict[str, Any] = {"operation": name}
    for option in _cli_run._options(kind):
        if not option.required:
            continue
        text, value = {
            "track": ("T1:A1", {"task_id": "T1", "audio_id": "A1"}),
            "task": ("T1", "T1"),
            "number": ("1", 1),
            "integer": ("1", 1),
        }.get(option.kind, ("https://example.com/a.mp3", "https://example.com/a.mp3"))
        if option.kind in ("file", "bytes"):
            source = tmp_path / option.field
            source.write_text("[Verse]\nrain\n", "utf-8")
            text, value = str(source), "[Verse]\nrain\n" if option.kind == "file" else str(source)
        count = option.nargs if isinstance(option.nargs, int) else 2 if option.nargs else None
        argv += [option.flag, *([text] * (count or 1))]
        line[option.key] = [value] * count if count else value
    if any(option.group == "music" for option in _cli_run._options(kind)):
        argv += ["--prompt", "a calm piano tune", "--negative-tags", "metal"]
        line.update(prompt="a calm piano tune", negative_tags="metal")
    if name in ("replace-section", "validate-voice"):
        argv[argv.index("--end") + 1] = "2"
        line["end"] = 2
    from_options = _cli_run.build_request(
        _cli_run.parser().parse_args([name, "--vendor", "relay", *argv])
    )
    assert request_from_line(line) == from_options


def test_an_operation_is_also_reachable_by_its_capability() -> None:
    args = _cli_run.parser().parse_args(["lyrics.generate", "--vendor", KIE, "--prompt", "x"])
    assert args.request_type is sunokit.GenerateLyrics


def test_a_music_mode_inside_a_request_is_chosen_like_generate(tmp_path: Path) -> None:
    lyrics = tmp_path / "lyrics.txt"
    lyrics.write_text("[Verse]\nla la\n", "utf-8")
    url = "https://example.com/a.mp3"
    argv = ["upload-cover", "--vendor", KIE, "--upload-url", url]
    request = _cli_run.build_request(
        _cli_run.parser().parse_args([*argv, "--lyrics", str(lyrics), "--style", "folk",
                                      "--title", "La", "--negative-tags", "metal"])
    )  # fmt: skip
    assert request == sunokit.UploadCover(
        url,
        sunokit.CustomLyrics(
            "[Verse]\nla la\n", "folk", "La", tuning=sunokit.Tuning(negative_tags="metal")
        ),
    )
    # UploadExtend has its own model: the music mode's is --music-model.
    args = _cli_run.parser().parse_args(
        ["upload-extend", "--vendor", KIE, "--upload-url", url, "--model", "V4",
         "--prompt", "waves", "--music-model", "V4"]
    )  # fmt: skip
    extended = _cli_run.build_request(args)
    assert extended.model == "V4"
    assert extended.music == sunokit.Description("waves", model="V4")
    assert (
        _cli_run.build_request(
            _cli_run.parser().parse_args(["upload-extend", "--vendor", KIE, "--upload-url", url])
        ).music
        is None
    )  # an optional mode stays unset


# --------------------------------------------------------------------------- the flows


def test_lyrics_print_for_people_and_as_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with served(KIE, monkeypatch) as (mocked, reach):
        argv = ["run", "generate-lyrics", *reach, "--prompt", "rain", "--out", str(tmp_path)]
        code, text, err = command(capsys, *argv)
        assert code == 0, err
        code, out, err = command(capsys, *argv, "--json")
        assert code == 0, err
        key = mocked.api_key
    document = json.loads(out)
    assert document["operation"] == "lyrics.generate"
    assert document["status"] == "downloaded"
    variants = document["result"]["variants"]
    assert variants
    assert variants[0]["text"] in text  # the lyrics themselves, not a repr
    assert document["request"] == {
        "operation": "generate-lyrics",
        "mode": "GenerateLyrics",
        "prompt": "rain",
        "callback_url": f"{mocked.base_url}/__mock__/inbox",
    }
    assert key not in text + out + err


@pytest.mark.parametrize("vendor", ["sunoapi_org", "sunoapi_com"])
def test_a_request_answered_at_once_prints_its_result(
    vendor: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with served(vendor, monkeypatch) as (_, reach):
        code, out, err = command(
            capsys, "run", "get-credits", *reach, "--out", str(tmp_path), "--json"
        )
        assert code == 0, err
        code, text, err = command(capsys, "run", "get-credits", *reach, "--out", str(tmp_path))
    assert code == 0, err
    document = json.loads(out)
    assert document["status"] == "answered"
    assert document["result"]["remaining"] >= 0
    assert "remaining" in text
    assert list(tmp_path.iterdir()) == []  # no task: nothing to record


def test_acting_on_a_track_from_its_sidecar_downloads_the_results_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    with served(KIE, monkeypatch) as (mocked, reach):
        song, sidecar = a_song(capsys, reach, out)
        first, second = (track["id"] for track in song["tracks"][:2])
        code, stdout, err = command(
            capsys, "run", "convert-to-wav", *reach, "--track", f"{sidecar}#2", "--out",
            str(out), "--json",
        )  # fmt: skip
        assert code == 0, err
        wav = json.loads(stdout)
        code, stdout, err = command(
            capsys, "run", "separate-stems", *reach, "--track", f"{song['task_id']}:{first}",
            "--out", str(out), "--json",
        )  # fmt: skip
        assert code == 0, err
        stems = json.loads(stdout)
        assert len(mocked.mock.tasks) == 3
    assert wav["request"]["track"] == {"task_id": song["task_id"], "audio_id": second}
    assert wav["operation"] == "audio.wav"
    (saved,) = wav["files"].values()
    assert Path(saved).is_file()
    assert Path(saved).name.startswith(wav["task_id"])
    assert set(stems["files"]) == {stem["name"] for stem in stems["result"]["stems"]}
    assert all(Path(path).is_file() for path in stems["files"].values())
    assert (out / f"{stems['task_id']}.json").is_file()  # each task its sidecar


def test_bad_track_references_are_refused_before_anything_is_sent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    not_a_sidecar = tmp_path / "notes.json"
    not_a_sidecar.write_text("[1, 2]", "utf-8")
    with served(KIE, monkeypatch) as (mocked, reach):
        run = ["run", "convert-to-wav", *reach, "--out", str(tmp_path / "out")]
        code, _, err = command(capsys, *run, "--track", "no-colon")
        assert code == 1
        assert "--track takes TASK_ID:AUDIO_ID" in err
        code, _, err = command(capsys, *run, "--track", str(not_a_sidecar))
        assert code == 2
        assert "not a sunokit sidecar" in err
        song, sidecar = a_song(capsys, reach, tmp_path / "out")
        code, _, err = command(capsys, *run, "--track", f"{sidecar}#9")
        assert code == 2
        assert "no track '9'" in err
        assert len(mocked.mock.tasks) == 1  # the song only
    assert song["tracks"]


def test_an_operation_the_vendor_lacks_is_refused_naming_who_has_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with served("sunosay", monkeypatch) as (mocked, reach):
        code, _, err = command(capsys, "run", "make-video", *reach, "--track", "T:A",
                               "--out", str(tmp_path))  # fmt: skip
        assert mocked.stats.requests.get("submit", 0) == 0
    assert code == 1
    assert "sunosay does not offer video.create" in err
    assert "sunoapi_org" in err


def test_a_typed_task_resumes_from_the_journal_by_its_operation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    with served(KIE, monkeypatch) as (mocked, reach):
        song, sidecar = a_song(capsys, reach, out)
        code, stdout, err = command(
            capsys, "run", "convert-to-wav", *reach, "--track", str(sidecar), "--no-wait",
            "--out", str(out), "--json",
        )  # fmt: skip
        assert code == 0, err
        task_id = json.loads(stdout)["task_id"]
        code, stdout, err = command(
            capsys, "wait", task_id, "--base-url", mocked.base_url, "--out", str(out), "--json"
        )
        assert len(mocked.mock.tasks) == 2
    assert code == 0, err
    document = json.loads(stdout)
    assert document["operation"] == "audio.wav"
    assert document["result"]["url"]
    assert all(Path(path).is_file() for path in document["files"].values())
    code, stdout, _ = command(capsys, "tasks", "--json")
    entries = {entry["task_id"]: entry for entry in json.loads(stdout)}
    assert entries[task_id]["capability"] == "audio.wav"
    assert entries[task_id]["state"] == "succeeded"
    assert entries[song["task_id"]]["state"] == "succeeded"


def test_run_help_lists_the_operations_and_their_vendors(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, listing, _ = command(capsys, "run", "--help")
    assert code == 0
    assert "generate-lyrics" in listing
    assert "convert-to-wav (audio.wav)" in listing
    code, out, _ = command(capsys, "run", "convert-to-wav", "--help")
    assert code == 0
    assert "--track TASK_ID:AUDIO_ID" in out
    assert "exit codes" in out


def test_every_attrs_field_of_every_operation_has_an_option() -> None:
    for kind in _cli_run.operations().values():
        named = {option.field for option in _cli_run._options(kind)}
        for field in attrs.fields(kind):
            if field.name in ("callback_url", "tuning", "music"):
                continue
            assert field.name in named, f"{kind.__name__}.{field.name}"


def test_a_vendor_that_requires_a_callback_url_names_the_option_and_sends_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with served(KIE, monkeypatch) as (mocked, reach):
        reach = reach[: reach.index("--callback-url")]
        code, out, err = command(capsys, "run", "generate-lyrics", *reach, "--prompt", "rain",
                                 "--out", str(tmp_path))  # fmt: skip
        assert len(mocked.mock.tasks) == 0
    assert (code, out) == (2, "")
    assert "--callback-url" in err
    assert "nothing was sent" in err


def test_hostile_field_values_are_refused_naming_the_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_utf8 = tmp_path / "lyrics.txt"
    not_utf8.write_bytes(b"\xff\xfe\x00bad")
    base = ["run", "--vendor", KIE, "--mock", "--out", str(tmp_path)]
    cases = [
        (["replace-section", "--track", "T:A", "--lyrics", str(not_utf8), "--style", "s",
          "--title", "t", "--start", "1", "--end", "2"], 2, "not UTF-8"),
        (["replace-section", "--track", "T:A", "--lyrics", str(tmp_path / "missing"),
          "--style", "s", "--title", "t", "--start", "1", "--end", "2"], 2, "missing"),
        (["boost-style", "--style", "   "], 1, "style must be a non-empty string"),
        (["validate-voice", "--voice-url", "ftp://x", "--start", "0", "--end", "1"], 1,
         "voice_url must be an http(s) URL"),
        (["validate-voice", "--voice-url", "https://x", "--start", "1e400", "--end", "1"], 2,
         "not a finite number"),
        (["upload-bytes", "--data", str(tmp_path / "nope.bin")], 2, "nope.bin"),
    ]  # fmt: skip
    for argv, expected, message in cases:
        name, *rest = argv
        code, _, err = command(capsys, base[0], name, *base[1:], *rest)
        assert code == expected, (argv, err)
        assert message in err, (argv, err)
        assert "Traceback" not in err


# --------------------------------------------------------------------------- MIDI


def _read_midi(data: bytes) -> tuple[int, list[list[tuple[int, int, int, int]]]]:
    """(ticks per beat, per track: [(absolute tick, status, pitch, velocity)]) of a Standard
    MIDI File, read independently of the writer."""
    assert data[:4] == b"MThd"
    length, kind, count, division = struct.unpack(">IHHH", data[4:14])
    assert (length, kind) == (6, 1)
    tracks, position = [], 14
    for _ in range(count):
        assert data[position : position + 4] == b"MTrk"
        (size,) = struct.unpack(">I", data[position + 4 : position + 8])
        chunk, position = data[position + 8 : position + 8 + size], position + 8 + size
        events, at, tick = [], 0, 0
        while at < len(chunk):
            delta = 0
            while True:
                byte = chunk[at]
                at += 1
                delta = (delta << 7) | (byte & 0x7F)
                if not byte & 0x80:
                    break
            tick += delta
            status = chunk[at]
            if status == 0xFF:  # meta: type, length (short here), data
                at += 3 + chunk[at + 2]
                continue
            events.append((tick, status, chunk[at + 1], chunk[at + 2]))
            at += 3
        tracks.append(events)
    assert position == len(data)
    return division, tracks


def test_a_midi_transcription_is_written_as_a_standard_midi_file() -> None:
    note = sunokit.MidiNote
    midi = sunokit.Midi(
        (
            sunokit.MidiInstrument("Piano", (note(60, 0.0, 0.5, 0.8), note(64, 0.25, 1.0, 100))),
            sunokit.MidiInstrument("Bass", (note(300, 1e9, float("nan"), -1),)),  # hostile
        )
    )
    division, tracks = _read_midi(_result_files.midi_file(midi))
    assert len(tracks) == 3  # the tempo track, then one per instrument
    per_second = division * 2  # 120 bpm
    assert tracks[1] == [
        (0, 0x90, 60, round(0.8 * 127)),
        (round(0.25 * per_second), 0x90, 64, 100),
        (round(0.5 * per_second), 0x80, 60, 0),
        (per_second, 0x80, 64, 0),
    ]
    (on, off) = tracks[2]
    assert (on[1] & 0xF0, on[2], off[1] & 0xF0) == (0x90, 127, 0x80)  # pitch clamped
    assert on[0] == 24 * 3600 * per_second  # a day at most
    assert off[0] == on[0] + 1  # never before its start: a note of no length lasts a tick


def test_generate_midi_from_a_stem_separation_saves_a_midi_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    with served(KIE, monkeypatch) as (_, reach):
        song, sidecar = a_song(capsys, reach, out)
        code, stdout, err = command(capsys, "run", "separate-stems", *reach, "--track",
                                    str(sidecar), "--out", str(out), "--json")  # fmt: skip
        assert code == 0, err
        stems = out / f"{json.loads(stdout)['task_id']}.json"
        code, stdout, err = command(capsys, "run", "generate-midi", *reach, "--task", str(stems),
                                    "--out", str(out), "--json")  # fmt: skip
        assert code == 0, err
        again, text, err = command(capsys, "run", "generate-midi", *reach, "--task",
                                   str(stems), "--out", str(out))  # fmt: skip
    assert again == 0, err
    document = json.loads(stdout)
    assert document["request"]["task"] == json.loads(stems.read_text("utf-8"))["task_id"]
    saved = Path(document["files"]["midi"])
    _, tracks = _read_midi(saved.read_bytes())
    notes = sum(len(n["notes"]) for n in document["result"]["instruments"])
    assert sum(status & 0xF0 == 0x90 for track in tracks for _, status, _, _ in track) == notes
    assert "midi saved as" in text
    assert song["tracks"]


@pytest.mark.parametrize(
    ("result", "shown"),
    [
        (sunokit.TimedLyrics((sunokit.TimedWord("rain", 1.5, 2.25),)), ["1.50", "2.25", "rain"]),
        (sunokit.Credits(remaining=42.5), ["remaining", "42.5"]),
        (sunokit.Persona("p-1", name="Ana"), ["p-1", "Ana"]),
        (sunokit.Style("dreamy lo-fi piano"), ["dreamy lo-fi piano"]),
        (sunokit.VoiceAvailability(available=True), ["available", "True"]),
    ],
    ids=["timed-lyrics", "credits", "persona", "style", "voice-availability"],
)
def test_results_without_media_print_their_fields(result: Any, shown: list[str]) -> None:
    task = sunokit.Task("relay", "t-1", "succeeded", operation="x.y", result=result)
    printed = io.StringIO()
    _cli_results.print_task(task, {}, printed)
    text = printed.getvalue()
    assert "relay task t-1 (x.y): succeeded" in text
    for value in shown:
        assert value in text


def test_uploads_go_to_the_upload_base_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "voice.mp3"
    data.write_bytes(b"ID3 not really audio")
    with served(KIE, monkeypatch) as (mocked, reach):
        code, out, err = command(
            capsys, "run", "upload-bytes", *reach, "--upload-base-url", mocked.base_url,
            "--data", str(data), "--name", "voice.mp3", "--out", str(tmp_path), "--json",
        )  # fmt: skip
        key = mocked.api_key
    assert code == 0, err
    document = json.loads(out)
    assert document["result"]["url"].startswith("http")
    assert document["request"]["data"] == f"<{len(data.read_bytes())} bytes>"
    assert key not in out + err
