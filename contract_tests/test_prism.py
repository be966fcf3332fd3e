"""The independent validator: Prism and Spectral check the specs and the client from outside.

Our own tests validate with Python `jsonschema` against the same specs the client is generated
from, so a shared misreading would pass everywhere. Two tools that share no code with us close
that loop (both pinned in package.json, installed by `make install` with `npm ci`):

- Spectral lints every spec with the standard OpenAPI rules (`spectral:oas`) plus the project
  rules in `.spectral.yaml` (open responses, enum markers, no `multipleOf`); zero errors.
- Prism (`prism mock <spec> --errors`) serves each spec. It validates every request with its own
  validator (ajv) and, because of `--errors`, answers a request violation with a 4xx
  problem+json and an `sl-violations` header instead of a mock. The real `SunoClient` submits
  every request mode its vendor supports and polls the task; Prism must find nothing to object
  to and its answers (the first example of the first 2xx response: static mode) must parse.
  Prism also POSTs the documented callbacks to `callback_url`; `sunokit.callbacks.parse` must
  read them. Every request example in the specs must pass Prism, every negative example must
  fail it for the documented keyword.
- Every operation of every spec (enumerated from the specs, so new operations join at once):
  the generated client sends its first documented request to Prism, which must find nothing
  wrong with it, and parses Prism's answer (the first 2xx example) into the documented model.

Missing node tools are a failure with the fix (`make install`), never a skip.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Iterator, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import attrs
import httpx
import pytest

from .spec_tools import ROOT, SPECS, VENDORS, MediaExample, examples, load

NODE_BIN = ROOT / "node_modules" / ".bin"
RULESET = ROOT / ".spectral.yaml"
INSTALL_HINT = "run `make install` (npm ci) to install Prism and Spectral (package.json)"

READY_TIMEOUT = 30.0  # seconds for every Prism to print its banner and accept connections
STOP_TIMEOUT = 5.0
CALLBACK_TIMEOUT = 10.0
READY_LINE = "Prism is listening on"
# What Prism logs when a request breaks the spec (request and response validation alike).
VIOLATION_LINE = re.compile(r"did not pass the validation rules|Violation:", re.IGNORECASE)

# Prism's last word on a callback it delivered: the receiver's answer (then validated) or an error.
CALLBACK_DONE = re.compile(r"\[CALLBACK\].*(Received callback response|error)")

API_KEY = "sk-prism"
CALLBACK_FIELDS = ("callBackUrl", "webhook_url", "notify_hook")

# Every request mode each vendor's client offers (kept honest by test_mode_table_is_complete).
MODES: dict[str, tuple[str, ...]] = {
    "apikley": ("description", "custom", "instrumental", "extend"),
    "relay": ("description", "custom", "instrumental", "extend", "inspiration"),
    "sunoapi_com": ("description", "custom", "instrumental", "extend", "inspiration"),
    "sunoapi_org": ("description", "custom", "instrumental", "extend"),
    "sunosay": ("description", "custom", "instrumental", "extend"),
}
# sunosay documents no callbacks (its client refuses callback_url); the others take one.
CALLBACK_VENDORS = frozenset({"apikley", "relay", "sunoapi_com", "sunoapi_org"})

CASES = [(vendor, mode) for vendor in VENDORS for mode in MODES[vendor]]


def _request(mode: str, vendor: str = "") -> Any:
    """A valid request of the given mode (every vendor that has the mode accepts it)."""
    import sunokit

    lyrics = "[Verse]\nRain on the window\n[Chorus]\nStay a while"
    if mode == "description":
        return sunokit.Description("a calm piano tune about rain")
    if mode == "custom":
        return sunokit.CustomLyrics(lyrics, "lofi, piano", "Rainy Window")
    if mode == "instrumental":
        return sunokit.Instrumental("ambient, piano", "Rain Loop")
    if mode == "inspiration":
        return sunokit.Inspiration("a calm piano tune about rain")
    if mode == "extend":
        return sunokit.Extend(
            "e231a0c4-7a2f-4b8e-9c1d-2f3e4a5b6c7d",
            at=30.0,
            lyrics=lyrics,
            style="lofi, piano",
            title="Rainy Window, continued",
            task_id="736a6f88-bd29-4b1e-b110-37132a5325ac",
            # the kie family requires the source clip's model; the others take no model here
            model="V4" if vendor in ("sunoapi_org", "apikley") else None,
        )
    raise AssertionError(mode)


# --------------------------------------------------------------------------------------------
# Node tools


def node_tool(name: str) -> Path:
    path = NODE_BIN / name
    if not path.exists():
        pytest.fail(f"{path.relative_to(ROOT)} is missing: {INSTALL_HINT}", pytrace=False)
    return path


# --------------------------------------------------------------------------------------------
# Spectral


def _spectral(*targets: Path | str, ruleset: Path = RULESET) -> list[dict[str, Any]]:
    """Spectral's findings (severity 0 error, 1 warning, 2 info, 3 hint) for the targets."""
    result = subprocess.run(
        [
            str(node_tool("spectral")),
            "lint",
            *(str(target) for target in targets),
            "--ruleset",
            str(ruleset),
            "--format",
            "json",
            "--quiet",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    try:
        findings = json.loads(result.stdout or "[]")
    except json.JSONDecodeError:
        pytest.fail(
            f"spectral did not run (exit {result.returncode}):\n{result.stdout}\n{result.stderr}",
            pytrace=False,
        )
    assert isinstance(findings, list), result.stdout
    return findings


def _describe(finding: Mapping[str, Any]) -> str:
    line = finding["range"]["start"]["line"] + 1
    source = Path(finding.get("source") or "?").name
    return f"{source}:{line} {finding['code']}: {finding['message']} ({'.'.join(map(str, finding['path']))})"


def test_spectral_finds_no_error_or_warning_in_any_spec() -> None:
    findings = _spectral(*sorted(SPECS.glob("*.yaml")))
    problems = [_describe(f) for f in findings if f["severity"] in (0, 1)]  # error, warning
    assert problems == [], "\n".join(problems)


BROKEN_SPEC = """\
openapi: 3.1.0
info: {title: broken, version: "1", description: d, contact: {name: x}}
servers: [{url: "https://api.example.com"}]
tags: [{name: music, description: m}]
paths:
  /thing:
    post:
      operationId: post_thing
      description: d
      tags: [music]
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Request'}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                additionalProperties: false
                properties:
                  unmarked: {type: string, enum: [a, b]}
                  closed: {$ref: '#/components/schemas/Closed'}
components:
  schemas:
    Request:
      type: object
      properties:
        model: {type: string, enum: [m1], x-sunokit-closed-enum: "model names are checked locally"}
        both: {type: string, enum: [x], x-sunokit-open-enum: true, x-sunokit-closed-enum: "why"}
        wrong: {type: string, enum: [x], x-sunokit-open-enum: "yes"}
        weight: {type: number, multipleOf: 0.01}
      allOf:
        - if: {properties: {model: {enum: [m1]}}}
          then: {required: [weight]}
    Closed:
      type: string
      enum: [q]
      x-sunokit-closed-enum: "wrongly closed although a response carries it"
"""


def test_spectral_project_rules_catch_what_they_forbid(tmp_path: Path) -> None:
    """The ruleset is live: each project rule fires on a spec that breaks it, and only there."""
    spec = tmp_path / "broken.yaml"
    spec.write_text(BROKEN_SPEC, "utf-8")
    fired: dict[str, set[str]] = {}
    for finding in _spectral(spec):
        if finding["code"].startswith("sunokit-"):
            fired.setdefault(finding["code"], set()).add(".".join(map(str, finding["path"])))
    schema = "paths./thing.post.responses.200.content.application/json.schema"
    request = "components.schemas.Request.properties"
    assert fired == {
        "sunokit-open-response-schemas": {f"{schema}.additionalProperties"},
        "sunokit-enum-open-or-closed": {f"{schema}.properties.unmarked", f"{request}.both"},
        "sunokit-enum-marker-values": {f"{request}.wrong.x-sunokit-open-enum"},
        "sunokit-response-enums-open": {
            f"{schema}.properties.unmarked",
            "components.schemas.Closed",
        },
        "sunokit-no-multiple-of": {f"{request}.weight.multipleOf"},
    }


# --------------------------------------------------------------------------------------------
# Prism servers


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _accepts(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


@attrs.define
class PrismServer:
    """One `prism mock specs/<vendor>.yaml --errors` process and its captured output."""

    vendor: str
    port: int
    log: Path
    process: subprocess.Popen[bytes]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def output(self) -> str:
        return self.log.read_bytes().decode("utf-8", errors="replace")

    def mark(self) -> int:
        return self.log.stat().st_size

    def since(self, mark: int) -> str:
        with self.log.open("rb") as handle:
            handle.seek(mark)
            return handle.read().decode("utf-8", errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=STOP_TIMEOUT)


def _start(prism: Path, vendor: str, log: Path) -> PrismServer:
    port = _free_port()
    with log.open("wb") as sink:  # the child keeps its own descriptor
        process = subprocess.Popen(
            [
                str(prism),
                "mock",
                str(SPECS / f"{vendor}.yaml"),
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--errors",
            ],
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stop() ends node and any child
        )
    return PrismServer(vendor=vendor, port=port, log=log, process=process)


def _wait_ready(servers: list[PrismServer]) -> None:
    """Until every server printed its banner and accepts connections; fail fast otherwise."""
    deadline = time.monotonic() + READY_TIMEOUT
    waiting = list(servers)
    while waiting:
        for server in list(waiting):
            code = server.process.poll()
            if code is not None:
                pytest.fail(
                    f"prism mock specs/{server.vendor}.yaml exited with {code} before it was ready:"
                    f"\n{server.output()}",
                    pytrace=False,
                )
            if READY_LINE in server.output() and _accepts(server.port):
                waiting.remove(server)
        if waiting and time.monotonic() > deadline:
            pytest.fail(
                f"Prism not ready after {READY_TIMEOUT:.0f} s: "
                + "\n".join(f"--- {s.vendor} ---\n{s.output()}" for s in waiting),
                pytrace=False,
            )
        if waiting:
            time.sleep(0.05)  # poll interval, not a wait for readiness


@pytest.fixture(scope="session")
def prism(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, PrismServer]]:
    """One Prism per vendor, started in parallel, stopped at the end of the session."""
    binary = node_tool("prism")
    logs = tmp_path_factory.mktemp("prism")
    servers: list[PrismServer] = []
    try:
        for vendor in VENDORS:
            servers.append(_start(binary, vendor, logs / f"{vendor}.log"))
        _wait_ready(servers)
        yield {server.vendor: server for server in servers}
    finally:
        for server in servers:
            server.stop()


# --------------------------------------------------------------------------------------------
# Callback sink: where Prism delivers the documented callbacks


def _callback_ack(vendor: str) -> tuple[int, dict[str, str], bytes]:
    """What the spec says a receiver answers a callback: status, headers, body (Prism checks)."""
    for item in load(vendor)["paths"].values():
        for operation in item.values():
            for callback in (
                (operation.get("callbacks") or {}).values() if isinstance(operation, dict) else ()
            ):
                for expression in callback.values():
                    responses = expression["post"]["responses"]
                    code = min(c for c in responses if str(c).startswith("2"))
                    media = (responses[code].get("content") or {}).get("application/json")
                    if media is None:
                        return int(code), {}, b""
                    body = json.dumps(next(iter(media["examples"].values()))["value"]).encode()
                    return int(code), {"Content-Type": "application/json"}, body
    return 200, {}, b""


class CallbackSink:
    """A local receiver for the callbacks Prism POSTs; answers as each vendor's spec says."""

    def __init__(self) -> None:
        self._bodies: dict[str, list[bytes]] = {}
        self._acks: dict[str, tuple[int, dict[str, str], bytes]] = {}
        self._arrived = threading.Condition()
        sink = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                with sink._arrived:
                    sink._bodies.setdefault(self.path, []).append(body)
                    status, headers, ack = sink._acks.get(self.path, (200, {}, b""))
                    sink._arrived.notify_all()
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(ack)))
                self.end_headers()
                self.wfile.write(ack)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def url(self, vendor: str, path: str) -> str:
        with self._arrived:
            self._acks[path] = _callback_ack(vendor)
        return f"http://127.0.0.1:{self._server.server_address[1]}{path}"

    def wait_for(self, path: str, timeout: float) -> bytes | None:
        with self._arrived:
            self._arrived.wait_for(lambda: path in self._bodies, timeout=timeout)
            bodies = self._bodies.get(path)
            return bodies[0] if bodies else None

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=STOP_TIMEOUT)


@pytest.fixture(scope="session")
def callback_sink() -> Iterator[CallbackSink]:
    sink = CallbackSink()
    try:
        yield sink
    finally:
        sink.close()


# --------------------------------------------------------------------------------------------
# What the specs say Prism answers


@functools.cache
def _operations(vendor: str) -> list[tuple[str, re.Pattern[str], Mapping[str, Any]]]:
    found = []
    for path, item in load(vendor)["paths"].items():
        pattern = re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(path)) + "$")
        for method, operation in item.items():
            if isinstance(operation, dict) and "responses" in operation:
                found.append((method.upper(), pattern, operation))
    return found


def _operation(vendor: str, method: str, path: str) -> Mapping[str, Any]:
    for candidate_method, pattern, operation in _operations(vendor):
        if candidate_method == method and pattern.match(path):
            return operation
    raise AssertionError(f"{vendor}: no operation in the spec for {method} {path}")


def _first_success_example(operation: Mapping[str, Any]) -> Any:
    """The answer Prism gives in static mode: first example of the first 2xx JSON response."""
    codes = sorted(code for code in operation["responses"] if str(code).startswith("2"))
    assert codes, f"{operation.get('operationId')}: no 2xx response"
    media = operation["responses"][codes[0]]["content"]["application/json"]
    if "examples" in media:
        return next(iter(media["examples"].values()))["value"]
    return media.get("example")


def _leaves(node: Any) -> set[str]:
    if isinstance(node, Mapping):
        return set().union(*(_leaves(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(_leaves(value) for value in node))
    return set() if node is None else {str(node)}


def _violations(response: httpx.Response) -> list[Any]:
    header = response.headers.get("sl-violations")
    return json.loads(header) if header else []


def _exchange(response: httpx.Response) -> str:
    request = response.request
    return (
        f"{request.method} {request.url.path} {request.content.decode('utf-8', 'replace')}\n"
        f"  -> {response.status_code} {response.text[:500]}\n"
        f"  sl-violations: {_violations(response)}"
    )


def _violation_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if VIOLATION_LINE.search(line)]


# --------------------------------------------------------------------------------------------
# The client against Prism


@pytest.mark.prism
def test_mode_table_is_complete() -> None:
    from sunokit._adapters import get_adapter

    assert {vendor: set(get_adapter(vendor).modes) for vendor in VENDORS} == {
        vendor: set(modes) for vendor, modes in MODES.items()
    }


@pytest.mark.prism
@pytest.mark.parametrize(("vendor", "mode"), CASES, ids=[f"{v}-{m}" for v, m in CASES])
def test_client_requests_pass_prism_and_answers_parse(
    vendor: str, mode: str, prism: dict[str, PrismServer], callback_sink: CallbackSink
) -> None:
    import sunokit

    server = prism[vendor]
    hook_path = f"/hooks/{vendor}/{mode}"
    exchanges: list[httpx.Response] = []
    start = server.mark()
    with (
        httpx.Client(
            base_url=server.url, timeout=10.0, event_hooks={"response": [exchanges.append]}
        ) as http,
        sunokit.SunoClient(
            vendor,
            api_key=API_KEY,
            base_url=server.url,
            max_retries=0,
            callback_url=callback_sink.url(vendor, hook_path)
            if vendor in CALLBACK_VENDORS
            else None,
            http_client=http,
        ) as client,
    ):
        try:
            submitted = client.submit(_request(mode, vendor))
            fetched = client.get(submitted.task_id)
        except sunokit.SunokitError as error:
            pytest.fail(
                f"{vendor} {mode}: {type(error).__name__}: {error}\n"
                + "\n".join(_exchange(r) for r in exchanges)
                + "\nPrism: "
                + "\n".join(_violation_lines(server.since(start))),
                pytrace=False,
            )
    log = server.since(start)

    # Prism objected to nothing the client sent (or to its own answers).
    assert len(exchanges) == 2, [_exchange(r) for r in exchanges]
    for response in exchanges:
        assert response.is_success, _exchange(response)
        assert not _violations(response), _exchange(response)
    assert _violation_lines(log) == [], log

    # The answers are the spec's first 2xx examples, and the Tasks say what they say.
    submit_response, status_response = exchanges
    submit_op = _operation(vendor, "POST", submit_response.request.url.path)
    submit_example = _first_success_example(submit_op)
    assert submit_response.json() == submit_example
    assert isinstance(submitted, sunokit.Task)
    assert submitted.vendor == vendor
    assert submitted.task_id in _leaves(submit_example)

    status_example = _first_success_example(
        _operation(vendor, status_response.request.method, status_response.request.url.path)
    )
    assert status_response.json() == status_example
    status_leaves = _leaves(status_example)
    assert isinstance(fetched, sunokit.Task)
    assert fetched.task_id in {submitted.task_id} | status_leaves
    assert fetched.state in sunokit.TaskState.__args__  # type: ignore[attr-defined]
    if fetched.vendor_state is not None:
        assert fetched.vendor_state in status_leaves
    assert {track.id for track in fetched.tracks} <= status_leaves

    # Prism POSTs the callback the spec documents for this operation; the receiver reads it,
    # and Prism finds nothing wrong with the receiver's answer either.
    if vendor in CALLBACK_VENDORS and submit_op.get("callbacks"):
        body = callback_sink.wait_for(hook_path, CALLBACK_TIMEOUT)
        assert body is not None, (
            f"no callback from Prism within {CALLBACK_TIMEOUT:.0f} s:\n{server.since(start)}"
        )
        task = sunokit.callbacks.parse(vendor, body)
        assert isinstance(task, sunokit.Task)
        assert task.vendor == vendor
        log = _wait_for_line(server, start, CALLBACK_DONE)
        assert _violation_lines(log) == [], log


def _wait_for_line(server: PrismServer, start: int, pattern: re.Pattern[str]) -> str:
    """Prism's output since `start`, once a line matches (bounded by CALLBACK_TIMEOUT)."""
    deadline = time.monotonic() + CALLBACK_TIMEOUT
    while True:
        log = server.since(start)
        if pattern.search(log) or time.monotonic() > deadline:
            return log
        time.sleep(0.02)  # poll interval


# --------------------------------------------------------------------------------------------
# The specs' own request examples against Prism


def _request_examples(*, invalid: bool) -> list[MediaExample]:
    return [ex for v in VENDORS for ex in examples(v, invalid=invalid) if ex.where == "request"]


def _send_example(server: PrismServer, example: MediaExample, sink: CallbackSink) -> httpx.Response:
    location = example.trail.split("/requestBody", 1)[0]
    path, method = location.rsplit("/", 1)
    path = re.sub(r"\{[^}]+\}", "prism-example", path)
    body = example.value
    if isinstance(body, dict):  # deliver documented callbacks locally, not to example.com
        hook = sink.url(example.vendor, f"/examples/{example.vendor}/{example.name}")
        # ...except the field an invalid example is about (a callback URL that is no URI)
        wrong = (example.expect or {}).get("field")
        body = {
            key: hook if key in CALLBACK_FIELDS and key != wrong else value
            for key, value in body.items()
        }
    return httpx.request(
        method.upper(),
        server.url + path,
        json=body,
        headers={"Authorization": f"Bearer {API_KEY}"},
        timeout=10.0,
    )


VALID_REQUESTS = _request_examples(invalid=False)
INVALID_REQUESTS = _request_examples(invalid=True)


@pytest.mark.prism
@pytest.mark.parametrize("example", VALID_REQUESTS, ids=lambda ex: ex.id)
def test_spec_request_example_passes_prism(
    example: MediaExample, prism: dict[str, PrismServer], callback_sink: CallbackSink
) -> None:
    response = _send_example(prism[example.vendor], example, callback_sink)
    assert response.is_success, _exchange(response)
    assert not _violations(response), _exchange(response)


@pytest.mark.prism
@pytest.mark.parametrize("example", INVALID_REQUESTS, ids=lambda ex: ex.id)
def test_spec_invalid_example_fails_prism_for_the_documented_reason(
    example: MediaExample, prism: dict[str, PrismServer], callback_sink: CallbackSink
) -> None:
    assert example.expect is not None
    response = _send_example(prism[example.vendor], example, callback_sink)
    violations = _violations(response)
    # A violation is answered with the spec's own 4xx for it (a documented 400), else 422.
    assert response.is_client_error, _exchange(response)
    assert violations, _exchange(response)
    assert example.expect["keyword"] in {v.get("code") for v in violations}, _exchange(response)


@pytest.mark.prism
def test_prism_rejects_an_invalid_request(prism: dict[str, PrismServer]) -> None:
    """The validator is live: a sunoapi_org body without customMode and callBackUrl is refused."""
    server = prism["sunoapi_org"]
    start = server.mark()
    response = httpx.post(
        f"{server.url}/api/v1/generate",
        json={"instrumental": False, "model": "V4", "prompt": "a song"},
        headers={"Authorization": f"Bearer {API_KEY}"},
        timeout=10.0,
    )
    assert response.is_client_error, _exchange(response)
    missing = {v["message"] for v in _violations(response)}
    assert any("customMode" in message for message in missing), missing
    assert any("callBackUrl" in message for message in missing), missing
    assert _violation_lines(server.since(start)), server.since(start)


# --------------------------------------------------------------------------------------------
# Every operation of every spec: the generated client against Prism


def _spec_operations() -> list[tuple[str, str, str, Mapping[str, Any]]]:
    """(vendor, path, method, operation) for every operation of every spec."""
    return [
        (vendor, path, method, operation)
        for vendor in VENDORS
        for path, item in load(vendor)["paths"].items()
        for method, operation in item.items()
        if isinstance(operation, dict) and "responses" in operation
    ]


SPEC_OPERATIONS = _spec_operations()


def _example_argument(vendor: str, parameter: Mapping[str, Any]) -> Any:
    """A parameter's documented example (the parameter's or its schema's), else a string."""
    from .spec_tools import resolve

    schema = resolve(load(vendor), parameter.get("schema", {}))
    for found in (parameter.get("example"), schema.get("example"), *schema.get("examples", ())):
        if found is not None:
            return found
    return "prism-example"


def _generated_arguments(
    vendor: str, operation: Mapping[str, Any], sink: CallbackSink, hook: str
) -> dict[str, Any]:
    """The generated function's arguments from the operation's first documented request:
    the JSON example (callback URLs pointed at the local sink) or the multipart body's
    required parts, and each parameter's example, by its Python name."""
    from .spec_tools import model_class, resolve

    kwargs: dict[str, Any] = {}
    content = (operation.get("requestBody") or {}).get("content", {})
    if "application/json" in content:
        media = content["application/json"]
        body = dict(next(iter(media["examples"].values()))["value"])
        body = {k: sink.url(vendor, hook) if k in CALLBACK_FIELDS else v for k, v in body.items()}
    elif "multipart/form-data" in content:
        media = content["multipart/form-data"]
        schema = resolve(load(vendor), media["schema"])
        properties = schema.get("properties", {})
        body = {
            name: b"sunokit"
            if resolve(load(vendor), properties.get(name, {})).get("format") == "binary"
            else "x"
            for name in schema.get("required", ())
        }
    else:
        media = None
    if media is not None:
        model = model_class(vendor, media["schema"])
        assert model is not None, f"{operation['operationId']}: no generated request model"
        kwargs["body"] = model.from_dict(body)
    for parameter in operation.get("parameters", ()):
        parameter = resolve(load(vendor), parameter)
        name = re.sub(r"(?<!^)(?=[A-Z])", "_", parameter["name"]).lower()
        kwargs[name] = _example_argument(vendor, parameter)
    return kwargs


@pytest.mark.prism
@pytest.mark.parametrize(
    ("vendor", "path", "method", "operation"),
    SPEC_OPERATIONS,
    ids=[f"{v}:{op['operationId']}" for v, _, _, op in SPEC_OPERATIONS],
)
def test_every_operation_passes_prism_and_its_answer_parses(
    vendor: str,
    path: str,
    method: str,
    operation: Mapping[str, Any],
    prism: dict[str, PrismServer],
    callback_sink: CallbackSink,
) -> None:
    """Each spec operation, sent by the generated client from its first documented request:
    Prism (its own validator) finds nothing wrong with the request, answers the operation's
    first 2xx example, and the generated client parses that into the documented model,
    every value kept. New spec operations are picked up from the spec."""
    import importlib

    server = prism[vendor]
    operation_id = str(operation["operationId"])
    endpoint = importlib.import_module(f"{vendor}_client.api.{operation['tags'][0]}.{operation_id}")
    kwargs = _generated_arguments(vendor, operation, callback_sink, f"/ops/{vendor}/{operation_id}")
    package = importlib.import_module(f"{vendor}_client")
    exchanges: list[httpx.Response] = []
    start = server.mark()
    client = package.AuthenticatedClient(
        base_url=server.url,  # Prism serves every operation at its spec path, whatever server
        token=API_KEY,
        raise_on_unexpected_status=True,
        timeout=httpx.Timeout(10.0),
        httpx_args={"event_hooks": {"response": [exchanges.append]}},
    )
    with client:
        response = endpoint.sync_detailed(client=client, **kwargs)
    assert len(exchanges) == 1
    for exchange in exchanges:
        exchange.read()
    exchange = exchanges[0]
    assert exchange.is_success, _exchange(exchange)
    assert not _violations(exchange), _exchange(exchange)
    assert _violation_lines(server.since(start)) == [], server.since(start)
    example = _first_success_example(operation)
    assert json.loads(response.content) == example
    assert response.parsed is not None, response.content[:300]
    assert response.parsed.to_dict() == example


def test_prism_operations_are_every_operation_of_every_spec() -> None:
    for vendor in VENDORS:
        ids = {op["operationId"] for v, _, _, op in SPEC_OPERATIONS if v == vendor}
        paths = load(vendor)["paths"]
        assert len(ids) == sum(
            isinstance(o, dict) and "responses" in o
            for item in paths.values()
            for o in item.values()
        )
