"""The `sunokit` command line: `check` and `parse`, their exit codes and output.

Run in-process through `sunokit.__main__.main([...])` (stdin monkeypatched, output captured), and
once per exit code as a real process: `python -m sunokit` and the installed console script.

- `sunokit check VENDOR [FILE|-]`: 0 valid, 1 invalid (one `path: message` line per violation),
  2 unknown vendor, unreadable file or not JSON.
- `sunokit parse VENDOR {submit,task,callback} [FILE|-]`: 0 with the vendor-neutral task as JSON,
  1 for a vendor error envelope or a body it cannot understand (a message, never a traceback),
  2 unknown vendor or unreadable file.

Cases are enumerated from the specs' examples (response examples of the operations with
`x-sunokit-role` submit and status, callback examples, request and invalid request examples).
An API key in the environment never shows up in any output.
"""

from __future__ import annotations

import io
import json
import math
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs
import pytest
import sunokit
from sunokit import callbacks
from sunokit.__main__ import main

from .spec_tools import VENDORS, MediaExample, examples, load, task_callback_refs

KEY = "sk-cli-secret-Never-Print-4b7e19"
KEY_VARIABLES = (
    "SUNOSAY_API_KEY",
    "SUNOAPI_COM_API_KEY",
    "SUNOAPI_ORG_API_KEY",
    "APIKLEY_API_KEY",
    "SUNO_RELAY_API_KEY",
)
SUCCESS_CODES = (200, "success")
SUCCESS_CODE = {vendor: ("success" if vendor == "relay" else 200) for vendor in VENDORS}

TASK_KEYS = {"vendor", "task_id", "state", "vendor_state", "error", "tracks", "operation", "result"}
PARSED_KEYS = {*TASK_KEYS, "dedupe_key"}  # `parse` prints the delivery's key beside the task
TRACK_KEYS = {
    "id",
    "title",
    "audio_url",
    "stream_url",
    "image_url",
    "duration",
    "tags",
    "lyrics",
    "model",
    "created_at",
    "task_id",
}
STATES = {"queued", "running", "text_ready", "first_ready", "succeeded", "failed", "unknown"}

# Where each vendor's documented answers keep the task id of a submit and the track list of a
# status answer (stated here independently of the adapters).
# Where each vendor's submit answer documents the task id (the first path that holds one).
SUBMIT_TASK_ID: Mapping[str, tuple[tuple[str, ...], ...]] = {
    "apikley": (("data", "taskId"),),
    "sunoapi_org": (("data", "taskId"),),
    "sunoapi_com": (("data", "task_id"), ("task_id",)),  # the concat page's shape: top level
    "relay": (("data",),),
    "sunosay": (("task_id",),),
}


def _get(node: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        node = node.get(key) if isinstance(node, Mapping) else None
    return node


def raw_durations(vendor: str, body: Mapping[str, Any]) -> list[Any]:
    """The durations of the tracks of a status answer, as the vendor wrote them."""
    if vendor in ("apikley", "sunoapi_org"):
        tracks = _get(body, ("data", "response", "sunoData")) or []
        return [track.get("duration") for track in tracks]
    if vendor == "sunoapi_com":
        return [clip.get("duration") for clip in body.get("data") or []]
    if vendor == "sunosay":
        return [clip.get("duration") for clip in body.get("clips") or []]
    data = body.get("data")
    clips = data if isinstance(data, list) else (_get(data, ("data",)) or [])
    if not isinstance(clips, list):  # a LYRICS task: one lyrics object, no tracks
        return []
    return [(clip.get("metadata") or {}).get("duration") for clip in clips]


def as_seconds(value: Any) -> float | None:
    """A documented duration as a number of seconds: numbers and numeric strings."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) and number >= 0 else None


# --------------------------------------------------------------------------- running the CLI


@pytest.fixture(autouse=True)
def api_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every vendor's key is set: none may leak into any output."""
    for name in KEY_VARIABLES:
        monkeypatch.setenv(name, KEY)


@attrs.frozen
class Result:
    code: int
    out: str
    err: str


def run(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *argv: str,
    stdin: str = "",
) -> Result:
    capsys.readouterr()  # drop anything captured before
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(argv))
    captured = capsys.readouterr()
    result = Result(code, captured.out, captured.err)
    assert KEY not in result.out + result.err
    assert "Traceback" not in result.err
    return result


def run_process(command: list[str], *args: str, stdin: str = "") -> Result:
    env = {
        **{name: KEY for name in KEY_VARIABLES},
        "PATH": str(Path(sys.executable).parent),
        "PYTHONIOENCODING": "utf-8",
    }
    completed = subprocess.run(
        [*command, *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=False,
    )
    result = Result(completed.returncode, completed.stdout, completed.stderr)
    assert KEY not in result.out + result.err
    assert "Traceback" not in result.err, result.err
    return result


def console_script() -> list[str]:
    found = Path(sys.executable).parent / "sunokit"
    if not found.exists():
        which = shutil.which("sunokit")
        assert which is not None, "the sunokit console script is not installed"
        found = Path(which)
    return [str(found)]


COMMANDS = {
    "python -m sunokit": [sys.executable, "-m", "sunokit"],
    "console script": None,  # resolved lazily: console_script()
}


def command(name: str) -> list[str]:
    resolved = COMMANDS[name]
    return resolved if resolved is not None else console_script()


def one_line_message(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("sunokit"), err
    return lines[0]


# --------------------------------------------------------------------------- spec examples


def _operation_of(vendor: str, trail: str) -> tuple[str, Mapping[str, Any]] | None:
    """(role, operation) whose examples live under `trail`."""
    for path, item in load(vendor)["paths"].items():
        for method, operation in item.items():
            if isinstance(operation, dict) and trail.startswith(f"{path}/{method}/"):
                return str(operation.get("x-sunokit-role", "")), operation
    return None


@attrs.frozen
class ParseCase:
    vendor: str
    kind: str  # "submit" or "task"
    name: str
    status: str
    body: Any = attrs.field(eq=False)

    @property
    def id(self) -> str:
        return f"{self.vendor}:{self.kind}:{self.status}:{self.name}"

    @property
    def success(self) -> bool:
        if not isinstance(self.body, dict) or "error" in self.body:
            return False
        if "code" not in self.body:  # a documented success shape without an envelope code
            return self.status.startswith("2")
        return self.body["code"] in SUCCESS_CODES


def _response_status(trail: str) -> str:
    found = re.search(r"/responses/([^/]+)/content$", trail)
    return found.group(1) if found else ""


def parse_cases() -> list[ParseCase]:
    cases = []
    for vendor in VENDORS:
        for example in examples(vendor):
            if example.where != "response" or "/callbacks/" in example.trail:
                continue
            found = _operation_of(vendor, example.trail)
            if found is None or found[0] not in ("submit", "status"):
                continue
            kind = "submit" if found[0] == "submit" else "task"
            status = _response_status(example.trail)
            cases.append(ParseCase(vendor, kind, example.name, status, example.value))
    return cases


CASES = parse_cases()
SUCCESSES = [case for case in CASES if case.success]
ERRORS = [case for case in CASES if not case.success]


def callback_examples() -> list[MediaExample]:
    return [
        example
        for vendor in callbacks.callback_vendors()
        for example in examples(vendor)
        if example.where == "callback"
        and str(example.schema.get("$ref")) in task_callback_refs(vendor)
    ]


CALLBACKS = callback_examples()


def request_examples(*, invalid: bool) -> list[MediaExample]:
    found = []
    for vendor in VENDORS:
        for example in examples(vendor, invalid=invalid):
            role = _operation_of(vendor, example.trail)
            if example.where == "request" and role is not None and role[0] == "submit":
                found.append(example)
    return found


VALID_REQUESTS = request_examples(invalid=False)
INVALID_REQUESTS = request_examples(invalid=True)


def case(vendor: str, kind: str, name: str) -> ParseCase:
    return next(c for c in CASES if (c.vendor, c.kind, c.name) == (vendor, kind, name))


def test_the_specs_give_every_kind_of_case() -> None:
    for vendor in VENDORS:
        kinds = {(c.kind, c.success) for c in CASES if c.vendor == vendor}
        assert kinds == {("submit", True), ("submit", False), ("task", True), ("task", False)}
        assert any(e.vendor == vendor for e in VALID_REQUESTS), vendor
    assert {e.vendor for e in CALLBACKS} == {"apikley", "sunoapi_com", "sunoapi_org"}
    assert INVALID_REQUESTS


# --------------------------------------------------------------------------- check


@pytest.mark.parametrize("example", VALID_REQUESTS, ids=lambda e: e.id)
def test_check_accepts_documented_requests_from_file_and_stdin(
    example: MediaExample,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "request.json"
    path.write_text(json.dumps(example.value), encoding="utf-8")
    from_file = run(capsys, monkeypatch, "check", example.vendor, str(path))
    assert (from_file.code, from_file.err) == (0, "")
    assert from_file.out == f"ok: valid {example.vendor} request\n"
    text = json.dumps(example.value, indent=2)
    assert run(capsys, monkeypatch, "check", example.vendor, "-", stdin=text) == from_file
    assert run(capsys, monkeypatch, "check", example.vendor, stdin=text) == from_file


@pytest.mark.parametrize("example", INVALID_REQUESTS, ids=lambda e: e.id)
def test_check_prints_one_line_per_violation(
    example: MediaExample, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run(capsys, monkeypatch, "check", example.vendor, stdin=json.dumps(example.value))
    violations = sunokit.validate(example.vendor, example.value)
    assert violations
    assert (result.code, result.err) == (1, "")
    lines = result.out.splitlines()
    assert lines == [f"{v.path or '(body)'}: {v.message}" for v in violations]
    for line in lines:
        assert re.fullmatch(r"(/\S*|\(body\)): \S.*", line), line
    assert example.expect is not None
    assert any(v.path == "/" + example.expect["field"] for v in violations), lines


def test_check_reports_every_violation_of_a_custom_body(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    body = {
        "customMode": True,
        "instrumental": False,
        "model": "V4",
        "prompt": "la " * 1000 + "x",  # 3001 characters; V4 custom mode allows 3000
        "title": "Rain",
        "callBackUrl": "https://example.com/hook",
    }
    assert len(body["prompt"]) == 3001
    result = run(capsys, monkeypatch, "check", "sunoapi_org", stdin=json.dumps(body))
    assert result.code == 1
    lines = result.out.splitlines()
    assert len(lines) == 2, lines
    assert lines[0].startswith("/prompt: prompt is 3001 characters; the limit is 3000 characters")
    assert lines[1].startswith("/style: style is required")


def test_check_reports_a_non_object_body(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run(capsys, monkeypatch, "check", "sunosay", stdin="[1, 2]")
    assert result.code == 1
    assert result.out == "(body): the request body must be a JSON object, not array\n"


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (("check", "suno"), "{}", "unknown vendor 'suno'; choose one of: " + ", ".join(VENDORS)),
        (("check", "sunoapi_org", "/nonexistent/request.json"), "", "cannot read"),
        (("check", "sunoapi_org"), "{not json", "stdin is not valid JSON"),
        (("check", "sunoapi_org"), "", "stdin is not valid JSON"),
        (("check", "sunoapi_org"), "[" * 100_000, "nested too deeply"),
    ],
    ids=["unknown-vendor", "missing-file", "invalid-json", "empty", "deeply-nested"],
)
def test_check_exits_2_for_unusable_input(
    args: tuple[str, ...],
    stdin: str,
    message: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    result = run(capsys, monkeypatch, *args, stdin=stdin)
    assert (result.code, result.out) == (2, "")
    assert message in one_line_message(result.err)


# --------------------------------------------------------------------------- parse: success


@pytest.mark.parametrize("parse_case", SUCCESSES, ids=lambda c: c.id)
def test_parse_documented_success(
    parse_case: ParseCase, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    vendor, body = parse_case.vendor, parse_case.body
    result = run(capsys, monkeypatch, "parse", vendor, parse_case.kind, stdin=json.dumps(body))
    assert (result.code, result.err) == (0, ""), result.err
    task = json.loads(result.out)
    assert set(task) == PARSED_KEYS
    assert task["dedupe_key"] is None  # only a callback has one
    assert task["vendor"] == vendor
    assert task["state"] in STATES
    assert isinstance(task["task_id"], str)
    for track in task["tracks"]:
        assert set(track) == TRACK_KEYS
        assert isinstance(track["id"], str)
        assert track["duration"] is None or type(track["duration"]) in (int, float)
    if parse_case.kind == "submit":
        assert (task["state"], task["tracks"], task["error"]) == ("queued", [], None)
        documented = [_get(body, path) for path in SUBMIT_TASK_ID[vendor]]
        assert task["task_id"] == next(found for found in documented if found is not None)
    else:
        expected = [as_seconds(value) for value in raw_durations(vendor, body)]
        assert [track["duration"] for track in task["tracks"]] == expected
        assert (task["error"] is not None) == (task["state"] == "failed")


@pytest.mark.parametrize(
    ("vendor", "kind", "name", "raw", "seconds"),
    [
        ("sunoapi_org", "task", "sunokit-success-numeric-times", "240", 240),
        ("apikley", "task", "sunokit-success-numeric-times", "240", 240),
        ("sunoapi_com", "task", "sunokit-succeeded", "104.88", 104.88),
        ("sunosay", "task", "doc-sample-response", "240", 240),
        ("relay", "task", "sunokit-success", "176.76", 176.76),
    ],
)
def test_parse_turns_duration_strings_into_numbers(
    vendor: str,
    kind: str,
    name: str,
    raw: str,
    seconds: float,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    body = case(vendor, kind, name).body
    assert raw in raw_durations(vendor, body)
    result = run(capsys, monkeypatch, "parse", vendor, kind, stdin=json.dumps(body))
    assert result.code == 0
    durations = [track["duration"] for track in json.loads(result.out)["tracks"]]
    assert seconds in durations
    assert all(not isinstance(d, str) for d in durations)
    assert re.search(r'"duration": ' + re.escape(str(float(seconds))), result.out)


def test_parse_from_a_file_and_with_a_byte_order_mark(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    body = json.dumps(case("sunoapi_org", "task", "doc-success").body)
    expected = run(capsys, monkeypatch, "parse", "sunoapi_org", "task", stdin=body)
    path = tmp_path / "task.json"
    path.write_text(body, encoding="utf-8")
    assert run(capsys, monkeypatch, "parse", "sunoapi_org", "task", str(path)) == expected
    # Regression: `check` accepted a UTF-8 byte order mark, `parse` said "not JSON".
    path.write_text("\ufeff" + body, encoding="utf-8")
    assert run(capsys, monkeypatch, "parse", "sunoapi_org", "task", str(path)) == expected


def test_parse_relay_bare_clip_list_follows_the_clips(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: an upstream Suno-API server answers the bare clip list; the relay adapter
    ignored it (state "unknown" forever, no tracks). Its state now comes from the clips
    (ClipStatus table of the spec)."""
    body = case("relay", "task", "sunokit-upstream-clip-list").body
    result = run(capsys, monkeypatch, "parse", "relay", "task", stdin=json.dumps(body))
    assert result.code == 0
    task = json.loads(result.out)
    assert (task["state"], task["vendor_state"], task["error"]) == ("succeeded", "complete", None)
    (track,) = task["tracks"]
    clip = body["data"][0]
    assert (track["id"], track["title"], track["audio_url"]) == (
        clip["id"],
        clip["title"],
        clip["audio_url"],
    )
    assert (track["duration"], track["tags"]) == (182.4, "emotional punk")
    failed = {**body, "data": [{**clip, "status": "error", "metadata": {"error_message": "no"}}]}
    result = run(capsys, monkeypatch, "parse", "relay", "task", stdin=json.dumps(failed))
    task = json.loads(result.out)
    assert (task["state"], task["error"]) == (
        "failed",
        {"code": None, "message": "no", "kind": None},
    )
    streaming = {**body, "data": [clip, {**clip, "status": "streaming"}]}
    result = run(capsys, monkeypatch, "parse", "relay", "task", stdin=json.dumps(streaming))
    assert json.loads(result.out)["state"] == "running"


@pytest.mark.parametrize("example", CALLBACKS, ids=lambda e: e.id)
def test_parse_callback_examples(
    example: MediaExample, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = json.dumps(example.value)
    result = run(capsys, monkeypatch, "parse", example.vendor, "callback", stdin=text)
    assert (result.code, result.err) == (0, ""), result.err
    task = json.loads(result.out)
    parsed = callbacks.parse(example.vendor, text)
    key = None if parsed.dedupe_key is None else list(parsed.dedupe_key)
    assert task == {**parsed.to_dict(), "dedupe_key": key}
    assert set(task) == PARSED_KEYS
    for track in task["tracks"]:
        assert set(track) == TRACK_KEYS
        assert track["duration"] is None or type(track["duration"]) in (int, float)


def test_parse_callback_prints_the_dedupe_key(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """SunoAPI.com's webhook guide names `(task_id, platform)` as a delivery's key; `to_dict()`
    leaves it out, `parse` prints it."""
    body = next(
        e.value for e in CALLBACKS if (e.vendor, e.name) == ("sunoapi_com", "doc-song-completed")
    )
    delivery = {**body, "task_id": "T-1", "platform": "suno"}
    result = run(
        capsys, monkeypatch, "parse", "sunoapi_com", "callback", stdin=json.dumps(delivery)
    )
    assert (result.code, result.err) == (0, ""), result.err
    assert json.loads(result.out)["dedupe_key"] == ["T-1", "suno"]


@pytest.mark.parametrize("vendor", ["sunoapi_org", "apikley"])
def test_parse_callback_of_a_vendor_without_a_dedupe_key_prints_null(
    vendor: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    body = next(e.value for e in CALLBACKS if (e.vendor, e.name) == (vendor, "doc-complete"))
    result = run(capsys, monkeypatch, "parse", vendor, "callback", stdin=json.dumps(body))
    assert (result.code, result.err) == (0, ""), result.err
    assert json.loads(result.out)["dedupe_key"] is None


@pytest.mark.parametrize("vendor", ["sunoapi_org", "apikley"])
def test_parse_staged_callback_duration_strings(
    vendor: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    body = next(e.value for e in CALLBACKS if (e.vendor, e.name) == (vendor, "doc-complete"))
    body = json.loads(json.dumps(body))
    body["data"]["data"][0]["duration"] = "240"
    body["data"]["data"][1]["duration"] = "104.88"
    result = run(capsys, monkeypatch, "parse", vendor, "callback", stdin=json.dumps(body))
    tracks = json.loads(result.out)["tracks"]
    assert [track["duration"] for track in tracks[:2]] == [240, 104.88]


# --------------------------------------------------------------------------- parse: errors


def _vendor_message(body: Any) -> str | None:
    if not isinstance(body, dict):
        return None
    if isinstance(body.get("error"), dict):
        return body["error"].get("message")
    return body.get("msg") or body.get("message")


@pytest.mark.parametrize("parse_case", ERRORS, ids=lambda c: c.id)
def test_parse_documented_error_envelope_exits_1(
    parse_case: ParseCase, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    vendor = parse_case.vendor
    result = run(
        capsys, monkeypatch, "parse", vendor, parse_case.kind, stdin=json.dumps(parse_case.body)
    )
    assert (result.code, result.out) == (1, "")
    line = one_line_message(result.err)
    assert f"{vendor} answered with an error" in line
    message = _vendor_message(parse_case.body)
    if message:
        assert " ".join(message.split())[:60] in line


@pytest.mark.parametrize("kind", ["submit", "task"])
@pytest.mark.parametrize("name", ["gateway-token-invalid", "ip-not-allowed"])
def test_parse_relay_openai_error_shape_is_an_error(
    kind: str, name: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: `{"error": {...}}` (new-api's authentication / channel errors) printed a
    task with task_id "None" (submit) or state "unknown" (task) and exited 0."""
    body = {"error": {"message": f"{name} happened", "type": "new_api_error", "code": ""}}
    result = run(capsys, monkeypatch, "parse", "relay", kind, stdin=json.dumps(body))
    assert (result.code, result.out) == (1, "")
    assert "relay answered with an error: relay: " + f"{name} happened" in result.err


GARBAGE = {
    "empty": "",
    "not-json": "this is not JSON",
    "truncated": '{"code": 200, "data": {',
    "array": "[1, 2, 3]",
    "null": "null",
    "string": '"text"',
    "number": "42",
    "deeply-nested-array": "[" * 100_000 + "]" * 100_000,
    "deeply-nested-object": '{"a":' * 50_000 + "1" + "}" * 50_000,
    "huge-integer": '{"code": 200, "data": {"taskId": "t", "n": ' + "9" * 5000 + "}}",
}


@pytest.mark.parametrize("kind", ["submit", "task", "callback"])
@pytest.mark.parametrize("vendor", VENDORS)
@pytest.mark.parametrize("text", GARBAGE.values(), ids=GARBAGE.keys())
def test_parse_garbage_exits_1_with_a_message(
    vendor: str,
    kind: str,
    text: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    result = run(capsys, monkeypatch, "parse", vendor, kind, stdin=text)
    assert (result.code, result.out) == (1, "")
    line = one_line_message(result.err)
    assert len(line) < 400


NO_TASK_ID = {
    "no-code": lambda code: {},
    "no-data": lambda code: {"code": code},
    "null-data": lambda code: {"code": code, "data": None},
    "null-ids": lambda code: {
        "code": code,
        "data": {"taskId": None, "task_id": None},
        "task_id": None,
    },
    "empty-ids": lambda code: {"code": code, "data": {"taskId": "", "task_id": ""}, "task_id": ""},
}


@pytest.mark.parametrize("vendor", VENDORS)
@pytest.mark.parametrize("make", NO_TASK_ID.values(), ids=NO_TASK_ID.keys())
def test_parse_submit_without_a_task_id_exits_1(
    vendor: str,
    make: Any,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Regression: a submit answer without a task id printed task_id "None" (relay, and
    sunoapi_org/apikley/sunosay/sunoapi_com for a null id) and exited 0."""
    body = make(SUCCESS_CODE[vendor])
    result = run(capsys, monkeypatch, "parse", vendor, "submit", stdin=json.dumps(body))
    assert (result.code, result.out) == (1, "")
    message = one_line_message(result.err)
    # Without the envelope's required `code`, the body is not the spec's answer at all.
    assert "without a task id" in message or "does not match the spec" in message


@pytest.mark.parametrize("vendor", VENDORS)
@pytest.mark.parametrize("kind", ["submit", "task"])
def test_parse_an_empty_object_is_not_understood(
    vendor: str, kind: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: `{}` parsed as a task in state "unknown" (exit 0); the client itself refuses
    such an answer, and `parse` now takes the client's path."""
    result = run(capsys, monkeypatch, "parse", vendor, kind, stdin="{}")
    assert (result.code, result.out) == (1, "")
    assert vendor in result.err


@pytest.mark.parametrize("vendor", ["relay", "sunosay"])
def test_parse_callback_of_a_vendor_without_callbacks(
    vendor: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run(capsys, monkeypatch, "parse", vendor, "callback", stdin="{}")
    assert (result.code, result.out) == (1, "")
    assert f"{vendor} sends no callbacks" in one_line_message(result.err)


def test_parse_exits_2_for_unknown_vendor_and_missing_file(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run(capsys, monkeypatch, "parse", "suno", "task", stdin="{}")
    assert (result.code, result.out) == (2, "")
    assert "unknown vendor 'suno'" in one_line_message(result.err)
    result = run(capsys, monkeypatch, "parse", "sunoapi_org", "task", "/nonexistent/task.json")
    assert (result.code, result.out) == (2, "")
    assert "cannot read" in one_line_message(result.err)


def test_parse_rejects_an_unknown_kind(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(SystemExit) as exited:
        run(capsys, monkeypatch, "parse", "sunoapi_org", "status", stdin="{}")
    assert exited.value.code == 2
    assert "invalid choice: 'status'" in capsys.readouterr().err


# --------------------------------------------------------------------------- real processes


def _process_cases(tmp_path: Path) -> Iterator[tuple[tuple[str, ...], str, int, str]]:
    """(args, stdin, exit code, text expected in stdout or stderr)."""
    valid = next(e for e in VALID_REQUESTS if e.vendor == "sunoapi_org").value
    path = tmp_path / "valid.json"
    path.write_text(json.dumps(valid), encoding="utf-8")
    yield ("check", "sunoapi_org", str(path)), "", 0, "ok: valid sunoapi_org request"
    yield ("check", "sunoapi_org", "-"), json.dumps(valid), 0, "ok: valid sunoapi_org request"
    invalid = {**valid, "customMode": True, "instrumental": False, "model": "V4"}
    invalid.pop("style", None)
    invalid["prompt"] = "x" * 3001
    yield ("check", "sunoapi_org"), json.dumps(invalid), 1, "/style: style is required"
    yield ("check", "nope", str(path)), "", 2, "unknown vendor 'nope'"
    yield ("check", "sunoapi_org", str(tmp_path / "missing.json")), "", 2, "cannot read"
    yield ("check", "sunoapi_org"), "{nope", 2, "is not valid JSON"
    success = case("sunoapi_org", "task", "doc-success").body
    yield ("parse", "sunoapi_org", "task"), json.dumps(success), 0, '"state": "succeeded"'
    yield ("parse", "sunoapi_org", "task"), "[" * 100_000, 1, "sunokit: "
    error = case("sunoapi_org", "submit", "sunokit-401").body
    yield ("parse", "sunoapi_org", "submit"), json.dumps(error), 1, "answered with an error"
    # A vendor that cannot be reached: the message names the task and how to carry on.
    unreachable = ("--base-url", "http://127.0.0.1:9", "--out", str(tmp_path))
    yield ("download", "relay", "t-1", *unreachable), "", 3, "sunokit wait relay t-1"


@pytest.mark.parametrize("how", list(COMMANDS))
def test_real_processes(how: str, tmp_path: Path) -> None:
    for args, stdin, code, expected in _process_cases(tmp_path):
        result = run_process(command(how), *args, stdin=stdin)
        assert result.code == code, (args, result)
        assert expected in result.out + result.err, (args, result)
        if code == 0:
            assert result.err == ""
        elif code == 2 or args[0] == "parse":
            one_line_message(result.err)


def test_console_script_is_installed_next_to_the_interpreter() -> None:
    (script,) = console_script()
    assert Path(script).exists()
    result = run_process([script], "--help")
    assert result.code == 0
    for name in ("check", "parse", "generate", "run", "request", "wait", "download", "tasks"):
        assert name in result.out
