"""What a demanding first-time user tried and broke, each case pinned so it stays fixed.

Only the public surface: the clients, the request modes, `sunokit.validate`, the CLI (in
process through `sunokit.__main__.main`, or as a real process where the terminal's encoding
matters), `sunokit.mock` and `sunokit.testing`. Nothing here needs the network: configuration
errors are raised before a request is built, and the mock vendors listen on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import math
import socket
import subprocess
import sys
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sunokit
from sunokit import callbacks
from sunokit.__main__ import main
from sunokit.mock import Fault, ManualClock, create_app
from sunokit.testing import mock_vendor

with warnings.catch_warnings():  # starlette asks for httpx2, which is not installed here
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

KEY = "sk-RedTeam-Distinctive-9f3c1a"
# Nothing listens there: a request that was sent would fail with APIConnectionError.
UNUSED_URL = "http://127.0.0.1:9"


@pytest.fixture
def listening_port() -> Iterator[int]:
    """A loopback port another process already listens on."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        yield int(taken.getsockname()[1])


# --------------------------------------------------------------------------- sunokit mock


def test_mock_command_on_a_taken_port_says_so_without_a_traceback(
    listening_port: int, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["mock", "--vendor", "sunosay", "--port", str(listening_port)])
    err = capsys.readouterr().err
    assert code == 2
    assert f"cannot listen on 127.0.0.1:{listening_port}" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("port", ["99999", "-1", "http"])
def test_mock_command_refuses_a_port_out_of_range_as_usage(
    port: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["mock", "--vendor", "sunosay", "--port", port])
    assert exit_info.value.code == 2
    assert "is not a port number (0-65535)" in capsys.readouterr().err


@pytest.mark.parametrize(
    "advances",
    [[1.7e308, 1.7e308], [10**400]],
    ids=["overflow to infinity", "integer too large for a float"],
)
def test_clock_control_endpoint_never_500s_on_huge_advances(advances: list[Any]) -> None:
    http = TestClient(create_app("sunoapi_org", clock=ManualClock()))
    answers = [
        http.post(
            "/__mock__/clock",
            content=f'{{"advance": {seconds!r}}}'.encode(),
            headers={"content-type": "application/json"},
        )
        for seconds in advances
    ]
    assert answers[-1].status_code == 400, answers[-1].text
    assert "error" in answers[-1].json()
    assert http.get("/__mock__/stats").status_code == 200  # the clock is still finite


def test_a_maintenance_fault_cannot_claim_the_vendor_acted() -> None:
    # The client retries a submit after a maintenance answer (it proves nothing was done);
    # a processed maintenance fault made it submit twice.
    with pytest.raises(ValueError, match="processed=True does not apply to maintenance"):
        Fault("maintenance", scope="submit", processed=True)
    http = TestClient(create_app("apikley"))
    answer = http.post(
        "/__mock__/faults", json={"kind": "maintenance", "scope": "all", "processed": True}
    )
    assert answer.status_code == 400
    assert http.get("/__mock__/faults").json() == {"faults": []}


# --------------------------------------------------------------------------- client configuration


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"api_key": 12345}, "api_key must be a string, not int"),
        ({"api_key": KEY + "\n"}, "line breaks"),
        ({"api_key": f" {KEY} "}, "spaces"),
        ({"api_key": KEY + "\u2019"}, "non-ASCII"),
        ({"base_url": "http://[::1"}, "base_url is not a valid URL"),
        ({"base_url": "127.0.0.1:8765"}, "base_url must be an absolute http"),
        ({"base_url": "ftp://example.com"}, "base_url must be an absolute http"),
        ({"timeout": math.nan}, "timeout must be a finite number"),
        ({"timeout": -1}, "timeout must be a finite number"),
        ({"timeout": "5"}, "timeout must be a finite number"),
        ({"max_retries": None}, "max_retries must be an integer >= 0"),
    ],
    ids=repr,
)
def test_bad_client_options_are_configuration_errors_that_never_show_the_key(
    options: dict[str, Any], message: str
) -> None:
    settings: dict[str, Any] = {"api_key": KEY, "base_url": UNUSED_URL, **options}
    for client_class in (sunokit.SunoClient, sunokit.AsyncSunoClient):
        with pytest.raises(sunokit.ConfigurationError, match=message) as error:
            client_class("sunosay", **settings)
        assert "RedTeam" not in str(error.value)


def test_a_key_variable_with_a_trailing_newline_names_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SUNOSAY_API_KEY", KEY + "\n")
    with pytest.raises(sunokit.ConfigurationError, match="from SUNOSAY_API_KEY") as error:
        sunokit.SunoClient("sunosay", base_url=UNUSED_URL)
    assert "RedTeam" not in str(error.value)


def test_a_base_url_variable_without_a_scheme_names_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SUNOSAY_BASE_URL", "api.sunosay.example")
    with pytest.raises(sunokit.ConfigurationError, match="SUNOSAY_BASE_URL must be an absolute"):
        sunokit.SunoClient("sunosay", api_key=KEY)


def test_submit_of_something_that_is_not_a_request_mode_is_a_sunokit_error() -> None:
    client = sunokit.SunoClient("sunosay", api_key=KEY, base_url=UNUSED_URL)
    with (
        client,
        pytest.raises(sunokit.UnsupportedRequestError, match="not a sunokit request: dict"),
    ):
        client.submit({"prompt": "a calm piano tune"})  # type: ignore[arg-type]


# --------------------------------------------------------------------------- unsendable requests


@pytest.mark.parametrize("at", [math.nan, math.inf])
def test_extend_at_must_be_finite(at: float) -> None:
    with pytest.raises(ValueError, match="finite"):
        sunokit.Extend("clip-1", at=at)


def test_validate_reports_numbers_and_text_json_cannot_carry() -> None:
    extend = {"defaultParamFlag": False, "audioId": "clip-1", "model": "V4"}
    extend |= {"callBackUrl": "https://example.com/hook", "continueAt": math.inf}
    problems = sunokit.validate("sunoapi_org", extend, role="extend")
    assert [(p.path, p.rule) for p in problems] == [("/continueAt", "json")]
    submit = {"customMode": False, "instrumental": False, "model": "V4"}
    submit |= {"callBackUrl": "https://example.com/hook", "prompt": "rain \ud800"}
    problems = sunokit.validate("sunoapi_org", submit)
    assert [(p.path, p.rule) for p in problems] == [("/prompt", "json")]
    assert "lone surrogate" in problems[0].message


def test_a_prompt_with_a_lone_surrogate_is_refused_before_sending() -> None:
    # It used to be sent, fail to encode, and come back as an "unreadable answer".
    client = sunokit.SunoClient("sunosay", api_key=KEY, base_url=UNUSED_URL)
    with client, pytest.raises(sunokit.ClientValidationError) as error:
        client.submit(sunokit.Description("a tune \ud800 about rain"))
    assert [violation.path for violation in error.value.violations] == ["/prompt"]


def test_check_prints_a_violation_quoting_a_lone_surrogate_without_dying() -> None:
    body = '{"customMode": false, "instrumental": false, "model": "\\ud800", "prompt": "x", '
    body += '"callBackUrl": "https://example.com/hook"}'
    done = subprocess.run(
        [sys.executable, "-m", "sunokit", "check", "sunoapi_org", "-"],
        input=body,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert "/model:" in done.stdout


# --------------------------------------------------------------------------- nothing sent twice


def test_generate_refuses_a_bad_wait_before_spending_credits() -> None:
    with mock_vendor("sunosay") as mocked:
        with pytest.raises(sunokit.ConfigurationError, match="timeout"):
            mocked.client.generate(sunokit.Description("a calm piano tune"), timeout=math.nan)
        with pytest.raises(sunokit.ConfigurationError, match="until"):
            mocked.client.generate(sunokit.Description("x"), until="never")  # type: ignore[arg-type]

        async def generate_async() -> None:
            async with mocked.async_client() as client:
                await client.generate(sunokit.Description("x"), timeout=-1)

        with pytest.raises(sunokit.ConfigurationError, match="timeout"):
            asyncio.run(generate_async())
        assert mocked.stats.accepted_submissions == 0


@pytest.mark.parametrize("timeout", ["nan", "inf", "-5"])
def test_generate_command_refuses_a_bad_timeout_before_submitting(
    timeout: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["generate", "--mock", "--vendor", "sunosay", "--prompt", "x", "--timeout", timeout]
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    err = capsys.readouterr().err
    assert exit_info.value.code == 2
    assert "argument --timeout" in err
    assert "queued" not in err  # no task was submitted


def test_generate_command_with_lyrics_that_are_not_utf8_is_unreadable_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lyrics = tmp_path / "lyrics.txt"
    lyrics.write_bytes(b"\xff\xfe[Verse]")
    argv = ["generate", "--mock", "--vendor", "sunosay", "--lyrics", str(lyrics)]
    code = main([*argv, "--style", "jazz", "--title", "Blue", "--out", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2
    assert "not UTF-8 text" in err


# --------------------------------------------------------------------------- callbacks


@pytest.mark.parametrize("headers", [None, "X-Signature", 5], ids=repr)
def test_unwrap_with_headers_that_are_not_headers_is_a_callback_error(headers: Any) -> None:
    with pytest.raises(sunokit.CallbackError, match="headers must be a mapping"):
        callbacks.unwrap("sunoapi_com", b"{}", headers, secret="s3cret")


def test_unwrap_reads_the_signature_from_asgi_header_pairs() -> None:
    # An ASGI scope's headers are (bytes, bytes) pairs: the header is found (and checked).
    pairs = [(b"content-type", b"application/json"), (b"x-signature", b"0" * 64)]
    with pytest.raises(sunokit.CallbackError, match="signature mismatch"):
        callbacks.unwrap("sunoapi_com", b"{}", pairs, secret="s3cret")


def test_a_dropped_submit_answer_says_the_request_may_have_been_processed() -> None:
    with mock_vendor("sunoapi_com") as mocked:
        mocked.set_fault("drop_connection", scope="submit", processed=True)
        with pytest.raises(sunokit.APIConnectionError, match="may have been processed"):
            mocked.client.submit(sunokit.Description("a calm piano tune"))
        assert mocked.stats.accepted_submissions == 1
        assert mocked.stats.requests["submit"] == 1


def test_a_slow_vendor_still_acts_on_a_submit_the_client_stopped_waiting_for(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # A real vendor has the request and spends the credits; the mock used to drop it, and
    # log a ClientDisconnect traceback as an application error.
    with mock_vendor("sunosay") as mocked:
        mocked.set_fault("slow", scope="submit", delay=0.3)
        client = mocked.new_client(timeout=0.1, max_retries=3)
        with client, pytest.raises(sunokit.APITimeoutError):
            client.submit(sunokit.Description("a calm piano tune"))
        deadline = time.monotonic() + 5
        while mocked.stats.accepted_submissions == 0 and time.monotonic() < deadline:
            time.sleep(0.02)  # the mock finishes the slow answer in its own thread
        assert mocked.stats.accepted_submissions == 1
        assert mocked.stats.requests["submit"] == 1  # never sent twice
    assert "Exception in ASGI application" not in caplog.text


def test_generate_command_refuses_an_unusable_out_before_submitting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_a_directory = tmp_path / "songs"
    not_a_directory.write_text("a file, not a directory")
    argv = ["generate", "--mock", "--vendor", "sunosay", "--prompt", "x"]
    code = main([*argv, "--out", str(not_a_directory)])
    err = capsys.readouterr().err
    assert code == 2
    assert f"cannot use --out {not_a_directory}" in err
    assert "queued" not in err  # no task was submitted
