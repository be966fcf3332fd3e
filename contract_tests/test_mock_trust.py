"""The mock can be trusted across runs and requests (issue 8 "Trust", issue 11 "At scale").

- nothing posted to the inbox can make a later GET fail;
- the maintenance fault answers, per vendor, what its spec documents (and the client maps it);
- task ids are unique per mock unless a seed is given;
- connections the mock accepts have TCP_NODELAY (no delayed-ACK wait on a reused connection);
- the suite's environment is clean whatever the caller exported;
- `make demo` installs only what the demo needs.
"""

from __future__ import annotations

import contextlib
import os
import socket
import stat
import subprocess
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import sunokit
from sunokit import _specs
from sunokit.mock import _spec, create_app, serve_in_thread
from sunokit.mock._server import serve_asgi_in_thread
from sunokit.testing import mock_vendor

from .conftest import PROXY_VARIABLES, SUNOKIT_PREFIX, sunokit_variables, variables_to_clear
from .spec_tools import VENDORS

with warnings.catch_warnings():  # starlette asks for httpx2, which is not installed here
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

ROOT = Path(__file__).resolve().parent.parent
AUTH = {"Authorization": "Bearer sk-mock"}

REQUESTS: dict[str, sunokit.MusicRequest] = {
    "sunosay": sunokit.Description("a calm piano tune"),
    "sunoapi_com": sunokit.Description("a calm piano tune"),
    "sunoapi_org": sunokit.Description("a calm piano tune", model="V4"),
    "apikley": sunokit.Description("a calm piano tune", model="V4"),
    "relay": sunokit.Inspiration("a calm piano tune"),
}


# --------------------------------------------------------------------------- the inbox

# Each is valid JSON grammar that Python parses into something it cannot write back as JSON.
UNANSWERABLE = [
    b'{"n": 1e999}',
    b'{"n": -1e999}',
    b"[1e400]",
    b'{"s": "\\ud800"}',
    b'{"\\udfff": 1}',
]


@pytest.mark.parametrize("raw", UNANSWERABLE, ids=lambda raw: raw.decode())
def test_nothing_posted_to_the_inbox_poisons_it(raw: bytes) -> None:
    mock = create_app("sunoapi_org")
    with TestClient(mock, raise_server_exceptions=False) as http:
        posted = http.post(
            "/__mock__/inbox", content=raw, headers={"Content-Type": "application/json"}
        )
        assert posted.status_code == 200
        http.post("/__mock__/inbox", json={"after": 1})
        listed = http.get("/__mock__/inbox")
        assert listed.status_code == 200, listed.text
        bodies = [entry["body"] for entry in listed.json()]
        assert bodies == [raw.decode(), {"after": 1}]  # kept as the text that came in


def test_a_vendor_call_with_an_out_of_range_number_is_an_invalid_request() -> None:
    mock = create_app("sunoapi_org")
    with TestClient(mock, raise_server_exceptions=False) as http:
        path = _specs.operation("sunoapi_org", "submit").path
        answer = http.post(
            path,
            content=b'{"customMode": false, "instrumental": false, "model": "V4", '
            b'"prompt": "rain", "callBackUrl": "https://receiver.test/hook", "n": 1e999}',
            headers={**AUTH, "Content-Type": "application/json"},
        )
        assert answer.status_code == 200
        assert answer.json()["code"] == _spec.code_for("sunoapi_org", "invalid_request")
        assert http.get("/__mock__/stats").status_code == 200


# --------------------------------------------------------------------------- maintenance


def documents_maintenance(vendor: str) -> bool:
    """Whether the vendor's spec gives any code or HTTP status the kind `maintenance`."""
    return (
        "maintenance" in _specs.error_kinds(vendor, _spec.CODE_SCHEMA).values()
        or "maintenance" in _specs.http_status_kinds(vendor).kinds.values()
    )


def submit_with_fault(vendor: str, **fault: Any) -> tuple[Exception, dict[str, Any]]:
    """Submit once (no retries) through the client against a mock with a submit fault."""
    with mock_vendor(vendor, client_options={"max_retries": 0}) as mocked:
        mocked.set_fault(scope="submit", **fault)
        with pytest.raises(sunokit.APIError) as caught:
            mocked.client.submit(REQUESTS[vendor])
        stats = mocked.mock.snapshot()
    return caught.value, stats


def test_some_vendors_document_no_maintenance_code() -> None:
    # The premise of the split below, read from the specs (not a list in this file).
    assert {vendor for vendor in VENDORS if not documents_maintenance(vendor)} == {
        "sunoapi_com",
        "sunosay",
    }


@pytest.mark.parametrize("vendor", VENDORS)
def test_the_maintenance_fault_answers_what_the_spec_documents(vendor: str) -> None:
    mock = create_app(vendor)
    mock.set_fault("maintenance", scope="submit")
    with TestClient(mock) as http:
        operation = _specs.operation(vendor, "submit")
        answer = http.post(operation.path, json={}, headers=AUTH)
    body = answer.json()
    code = body.get("code") if isinstance(body, dict) else None
    if documents_maintenance(vendor):
        by_code = _specs.error_kinds(vendor, _spec.CODE_SCHEMA).get(str(code))
        by_status = _specs.http_status_kinds(vendor).kinds.get(answer.status_code)
        assert "maintenance" in (by_code, by_status), (answer.status_code, body)
    else:
        # The vendor's documented server error, on a status the vendor would send it with:
        # never HTTP 503 carrying code 500 (sunoapi_com's code *is* its HTTP status).
        assert _specs.error_kinds(vendor, _spec.CODE_SCHEMA)[str(code)] == "server_error"
        assert answer.status_code in (200, code), (answer.status_code, body)
    assert mock.stats.faults_applied["maintenance"] == 1
    assert mock.stats.accepted_submissions == 0


@pytest.mark.parametrize("vendor", VENDORS)
def test_the_client_maps_the_maintenance_fault_as_the_spec_says(vendor: str) -> None:
    error, stats = submit_with_fault(vendor, fault="maintenance")
    if documents_maintenance(vendor):
        assert isinstance(error, sunokit.MaintenanceError), repr(error)
    else:
        assert isinstance(error, sunokit.ServerError), repr(error)
        assert not isinstance(error, sunokit.MaintenanceError)
    assert stats["faults_applied"] == {"maintenance": 1}
    assert stats["accepted_submissions"] == 0


@pytest.mark.parametrize("vendor", VENDORS)
@pytest.mark.parametrize("kind", ["html_error", "empty_body"])
def test_a_bare_http_503_is_maintenance_for_every_vendor(vendor: str, kind: str) -> None:
    # What the fault docs point users of sunoapi_com and sunosay to.
    error, _ = submit_with_fault(vendor, fault=kind, status=503)
    assert isinstance(error, sunokit.MaintenanceError), repr(error)
    assert error.status_code == 503


# --------------------------------------------------------------------------- task ids


def first_ids(**options: Any) -> tuple[str, list[str]]:
    vendor = "sunosay"
    mock = create_app(vendor, **options)
    with TestClient(mock) as http:
        answer = http.post(
            _specs.operation(vendor, "submit").path, json={"prompt": "rain"}, headers=AUTH
        )
    task_id = answer.json()["task_id"]
    return task_id, [track.id for track in mock.tasks[task_id].tracks]


def test_task_and_track_ids_are_unique_to_each_mock() -> None:
    first, second = first_ids(), first_ids()
    assert first[0] != second[0]
    assert not set(first[1]) & set(second[1])


def test_a_seed_makes_ids_repeatable() -> None:
    assert first_ids(seed=7) == first_ids(seed=7)
    assert first_ids(seed="run-a") == first_ids(seed="run-a")
    assert first_ids(seed=7)[0] != first_ids(seed=8)[0]


@pytest.mark.parametrize("seed", [True, 1.5, b"x", ["a"]])
def test_a_seed_is_an_int_or_a_str(seed: Any) -> None:
    with pytest.raises(ValueError, match="seed"):
        create_app("sunosay", seed=seed)


def test_a_served_mock_takes_a_seed() -> None:
    with serve_in_thread("relay", seed=3) as one, serve_in_thread("relay", seed=3) as two:
        ids = []
        for running in (one, two):
            with sunokit.SunoClient(
                "relay", api_key=running.api_key, base_url=running.base_url
            ) as client:
                ids.append(client.submit(REQUESTS["relay"]).task_id)
    assert ids[0] == ids[1]


# --------------------------------------------------------------------------- TCP_NODELAY


def server_side_socket(client: socket.socket) -> socket.socket:
    """This process's socket at the other end of `client` (the server runs in a thread here):
    found among the process's file descriptors by its addresses; a dup, for the caller to close.
    """
    wanted = (client.getpeername(), client.getsockname())
    for name in os.listdir("/proc/self/fd"):
        fd = int(name)
        with contextlib.suppress(OSError):
            if not stat.S_ISSOCK(os.fstat(fd).st_mode):
                continue
            candidate = socket.socket(fileno=os.dup(fd))
            try:
                if (candidate.getsockname(), candidate.getpeername()) == wanted:
                    return candidate
            except OSError:  # a listening or unconnected socket
                pass
            candidate.close()
    raise AssertionError(f"no socket of this process serves {wanted}")


@contextlib.contextmanager
def kept_alive(base_url: str) -> Iterator[socket.socket]:
    """A raw keep-alive connection that has had one request answered on it."""
    host, port = httpx.URL(base_url).host, httpx.URL(base_url).port
    assert port is not None
    with socket.create_connection((host, port), timeout=10) as client:
        client.sendall(
            f"GET /__mock__/stats HTTP/1.1\r\nHost: {host}\r\nConnection: keep-alive\r\n\r\n".encode()
        )
        assert client.recv(65536).startswith(b"HTTP/1.1 200")
        yield client


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc (Linux)")
def test_connections_the_mock_accepts_have_tcp_nodelay() -> None:
    # Without TCP_NODELAY every answer on a reused connection waits ~40 ms for the client's
    # delayed ACK (Nagle's algorithm): measured 44 ms a request instead of under 1 ms.
    with serve_in_thread("sunoapi_org") as running, kept_alive(running.base_url) as client:
        server = server_side_socket(client)
        with server:
            assert server.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc (Linux)")
def test_any_app_served_in_a_thread_gets_tcp_nodelay() -> None:
    with serve_asgi_in_thread(create_app("relay")) as base_url, kept_alive(base_url) as client:
        server = server_side_socket(client)
        with server:
            assert server.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0


# --------------------------------------------------------------------------- environment


def test_the_cleared_variables_come_from_the_adapters() -> None:
    from sunokit._adapters import get_adapter

    names = set(sunokit_variables())
    for vendor in sunokit.VENDORS:
        adapter = get_adapter(vendor)
        assert {adapter.env_var, adapter.base_url_env_var} <= names
    assert len(names) == 3 * len(sunokit.VENDORS)
    environ = {name: "junk" for name in [*names, *PROXY_VARIABLES, "SUNOKIT_X", "PATH", "HOME"]}
    assert set(variables_to_clear(environ)) == names | set(PROXY_VARIABLES) | {"SUNOKIT_X"}


def test_no_variable_sunokit_reads_reaches_a_test() -> None:
    # CI runs the suite with junk in every one of them (.ci/run).
    leaked = variables_to_clear(os.environ)
    assert not leaked
    assert not [name for name in os.environ if name.startswith(SUNOKIT_PREFIX)]


def test_a_client_without_arguments_uses_the_spec_server(monkeypatch: pytest.MonkeyPatch) -> None:
    from sunokit._adapters import get_adapter

    monkeypatch.setenv("SUNOAPI_ORG_API_KEY", "sk-from-the-test")
    with sunokit.SunoClient("sunoapi_org") as client:
        assert get_adapter("sunoapi_org").default_base_url in repr(client)


# --------------------------------------------------------------------------- make demo


def make_dry_run(target: str) -> str:
    # -B: as on a fresh clone, every prerequisite is out of date.
    result = subprocess.run(
        ["make", "-n", "-B", "-C", str(ROOT), target], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_make_demo_installs_no_node_packages() -> None:
    demo = make_dry_run("demo")
    assert "scripts/demo.py" in demo
    assert "pip install" in demo  # it still installs the Python side
    assert "npm" not in demo
    assert "npm ci" in make_dry_run("test")  # Prism and Spectral are the suite's
