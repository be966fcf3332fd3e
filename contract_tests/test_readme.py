"""Every fenced code block in README.md is executed, as written, by a test.

The blocks are read from the file at collection time: adding a block adds a test, and a block
in a language without a runner fails (it is never skipped). How each kind runs:

- Python that talks to a vendor (`SunoClient("v")` / `AsyncSunoClient("v")`): against a mock of
  each vendor it names, reached through the client's own environment fallbacks
  (`<VENDOR>_API_KEY`, `<VENDOR>_BASE_URL`), so the block's text is not touched. Every
  `generate`/`submit` call must reach the mock, every task it leaves behind must be one the mock
  completed, and every callback the mock sends must go to a URL the block names (they are
  captured by an in-process transport: nothing leaves the machine).
- Python defining a Starlette `app` (the callback handlers): the spec's callback examples are
  POSTed to it (signed with a test secret where the vendor signs), a body that is no callback
  must get a 400, and then a mock vendor delivers a real task's callbacks into the app.
- Python defining `test_*` functions (the pytest example): run by pytest in a subprocess, with
  the `sunokit_mock` fixture found through the installed entry point only.
- Any other Python: executed; its own asserts are the check.
- Shell: run by bash (`-e -o pipefail`) in a temporary directory with the venv's `sunokit` on
  PATH. A line ending in `# exit N` must exit with N. `make X` lines run as `make -n X`.
  A `sunokit mock` block is started, used once it says where it listens, and stopped.

Every vendor base URL not served by a mock points at 127.0.0.1:9 (closed), no API key from
the environment is visible, and in-process name resolution answers for loopback only, so a block
that reaches for a real vendor fails fast.
"""

from __future__ import annotations

import ast
import asyncio
import contextlib
import dataclasses
import hashlib
import hmac
import json
import os
import queue
import re
import shlex
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import sunokit
from sunokit import callbacks
from sunokit._adapters import get_adapter
from sunokit.mock import StageTimings
from sunokit.testing import MockedVendor, mock_vendor

from .spec_tools import examples, task_callback_refs

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
BIN = Path(sys.executable).parent
CLOSED = "http://127.0.0.1:9"  # the discard port: nothing listens, a connection is refused
SECRET = "whsec-readme-test"
INSTANT = StageTimings(0, 0, 0)  # the mock completes at the first poll: no waiting in tests
STARTUP_TIMEOUT = 15.0
SCRIPT_TIMEOUT = 120.0

# A request each vendor accepts, for flows the test drives itself.
REQUESTS: dict[str, sunokit.MusicRequest] = {
    "sunoapi_org": sunokit.Description("a calm piano tune"),
    "apikley": sunokit.Description("a calm piano tune"),
    "sunoapi_com": sunokit.Description("a calm piano tune"),
    "sunosay": sunokit.Description("a calm piano tune"),
    "relay": sunokit.Inspiration("a calm piano tune"),
}


# --------------------------------------------------------------------------- reading the blocks


@dataclasses.dataclass(frozen=True)
class Block:
    language: str  # the info string's first word, "" when there is none
    code: str
    line: int  # of the opening fence, 1-based

    @property
    def where(self) -> str:
        return f"README.md:{self.line}"


_FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})\s*(?P<info>[^`]*?)\s*$")


def fenced_blocks(text: str) -> list[Block]:
    """The fenced code blocks of a Markdown text (CommonMark fences: ``` or ~~~, 3+ long)."""
    blocks: list[Block] = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if opening is None:
            index += 1
            continue
        fence, indent = opening["fence"], len(opening["indent"])
        body: list[str] = []
        end = index + 1
        while end < len(lines):
            closing = _FENCE.match(lines[end])
            if (
                closing is not None
                and closing["fence"][0] == fence[0]
                and len(closing["fence"]) >= len(fence)
                and not closing["info"]
            ):
                break
            body.append(lines[end][indent:] if lines[end][:indent].isspace() else lines[end])
            end += 1
        language = opening["info"].split()[0] if opening["info"] else ""
        blocks.append(Block(language, "\n".join(body) + "\n", index + 1))
        index = end + 1
    return blocks


BLOCKS = fenced_blocks(README.read_text("utf-8"))


# --------------------------------------------------------------------------- isolation


ENV_VARS = sorted(
    {get_adapter(v).env_var for v in sunokit.VENDORS}
    | {get_adapter(v).base_url_env_var for v in sunokit.VENDORS}
)


_getaddrinfo = socket.getaddrinfo
_LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})


def _loopback_only(host: Any, *args: Any, **kwargs: Any) -> Any:
    """Name resolution for loopback only: an in-process block cannot reach a real vendor."""
    name = host.decode() if isinstance(host, bytes) else host
    if name not in _LOOPBACK:
        raise OSError(f"the README tests use loopback only, not {name!r}")
    return _getaddrinfo(host, *args, **kwargs)


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No real key, every vendor at a closed loopback port, a scratch working directory."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(socket, "getaddrinfo", _loopback_only)
    for vendor in sunokit.VENDORS:
        adapter = get_adapter(vendor)
        monkeypatch.delenv(adapter.env_var, raising=False)
        monkeypatch.setenv(adapter.base_url_env_var, CLOSED)


# --------------------------------------------------------------------------- the test


@pytest.mark.parametrize("block", BLOCKS, ids=lambda block: f"L{block.line}-{block.language}")
def test_readme_block(block: Block, request: pytest.FixtureRequest) -> None:
    run_block(block, request)


def run_block(block: Block, request: pytest.FixtureRequest) -> None:
    runner = RUNNERS.get(block.language)
    if runner is None:
        pytest.fail(
            f"{block.where}: no runner for a {block.language or 'plain'!r} code block; give it "
            f"a language ({', '.join(sorted(RUNNERS))}) or add a runner to {Path(__file__).name}"
        )
    runner(block, request)


# --------------------------------------------------------------------------- Python


def run_python(block: Block, request: pytest.FixtureRequest) -> None:
    tree = ast.parse(block.code, filename=block.where)
    if _test_functions(tree):
        _run_as_pytest_file(block, tree, request)
    elif "Starlette(" in block.code:
        _run_callback_app(block, request.getfixturevalue("monkeypatch"))
    elif _vendors_named(tree):
        _run_against_mocks(block, tree, request.getfixturevalue("monkeypatch"))
    else:
        _execute(block)


def _execute(block: Block) -> dict[str, Any]:
    namespace: dict[str, Any] = {"__name__": "readme_block"}
    exec(compile(block.code, block.where, "exec"), namespace)
    return namespace


def _test_functions(tree: ast.Module) -> list[str]:
    return [
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")
    ]


def _calls(tree: ast.Module) -> Iterator[ast.Call]:
    return (node for node in ast.walk(tree) if isinstance(node, ast.Call))


def _vendors_named(tree: ast.Module) -> list[str]:
    """Vendors of the `SunoClient("v")` / `AsyncSunoClient("v")` calls in the code."""
    found = []
    for call in _calls(tree):
        name = getattr(call.func, "attr", getattr(call.func, "id", None))
        if name in ("SunoClient", "AsyncSunoClient") and call.args:
            first = call.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.append(first.value)
    return sorted(set(found))


def _submissions(tree: ast.Module) -> int:
    """How many generate()/submit() calls the code makes (each one once, as written)."""
    return sum(getattr(call.func, "attr", None) in ("generate", "submit") for call in _calls(tree))


def _accept(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"ok": True})


def _point_at(monkeypatch: pytest.MonkeyPatch, mocked: MockedVendor) -> None:
    adapter = get_adapter(mocked.vendor)
    monkeypatch.setenv(adapter.env_var, mocked.api_key)
    monkeypatch.setenv(adapter.base_url_env_var, mocked.base_url)


def _run_against_mocks(block: Block, tree: ast.Module, monkeypatch: pytest.MonkeyPatch) -> None:
    with contextlib.ExitStack() as stack:
        mocks: dict[str, MockedVendor] = {}
        for vendor in _vendors_named(tree):
            mocked = stack.enter_context(
                mock_vendor(
                    vendor, timings=INSTANT, callback_transport=httpx.MockTransport(_accept)
                )
            )
            _point_at(monkeypatch, mocked)
            mocks[vendor] = mocked

        namespace = _execute(block)

        accepted = sum(mocked.stats.accepted_submissions for mocked in mocks.values())
        assert accepted == _submissions(tree), "every generate()/submit() reached a mock"
        tasks = [value for value in namespace.values() if isinstance(value, sunokit.Task)]
        if _submissions(tree):  # a block that only reads (client.request) leaves no task
            assert tasks, f"{block.where} leaves no Task behind to check"
        for task in tasks:
            assert task.state == "succeeded", task
            if task.operation.startswith("music."):
                assert task.task_id in mocks[task.vendor].mock.tasks
                assert task.tracks
                assert all(track.audio_url for track in task.tracks)
            else:  # lyrics, stems, WAV, credits...: a typed result
                assert task.result is not None, task
                if task.task_id:  # a job (an answer given at once has no id)
                    assert task.task_id in mocks[task.vendor].mock.tasks
        for mocked in mocks.values():
            mocked.http.post("/__mock__/tick").raise_for_status()
            for record in mocked.mock.callbacks:
                assert record.url in block.code, f"a callback went to {record.url}"
                assert record.state == "delivered", record


def _signed_headers(vendor: str, body: bytes, secret: str) -> dict[str, str]:
    headers = {"content-type": "application/json"}
    header = callbacks.signature_header(vendor)
    if header is not None:
        # The scheme as the spec states it (x-sunokit-webhook-signature), computed here
        # independently of sunokit: hex HMAC-SHA256 of the raw body.
        headers[header] = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return headers


def _post_route(app: Any, job: str) -> str:
    """The app's one POST route, with `job` for its path parameters."""
    (path,) = [
        route.path for route in app.routes if "POST" in (getattr(route, "methods", None) or ())
    ]
    return re.sub(r"\{\w+\}", job, str(path))


async def _answers(
    app: Any, path: str, vendor: str, documented: list[Any], key: str, other_job_key: str | None
) -> dict[str, Any]:
    """The app's status codes for the documented callbacks and for bodies it must refuse.

    `key` signs for this URL's job; `other_job_key`, when the app binds deliveries to their job,
    signs a delivery captured at another job's URL (a replay)."""
    signs = callbacks.signature_header(vendor) is not None
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://hook.test") as http:

        async def post(body: bytes, headers: dict[str, str]) -> int:
            return (await http.post(path, content=body, headers=headers)).status_code

        statuses: dict[str, Any] = {"documented": []}
        for value in documented:
            body = json.dumps(value).encode()
            statuses["documented"].append(await post(body, _signed_headers(vendor, body, key)))
        junk = b'{"hello": "world"}'
        statuses["not a callback"] = await post(junk, _signed_headers(vendor, junk, key))
        too_big = json.dumps(documented[0]).encode() + b" " * callbacks.DEFAULT_MAX_BYTES
        statuses["too big"] = await post(too_big, _signed_headers(vendor, too_big, key))
        if signs:
            body = json.dumps(documented[0]).encode()
            forged = _signed_headers(vendor, body, "not-the-secret")
            statuses["forged"] = await post(body, forged)
            statuses["unsigned"] = await post(body, {"content-type": "application/json"})
        if other_job_key is not None:
            replayed = _signed_headers(vendor, body, other_job_key)
            statuses["replayed from another job"] = await post(body, replayed)
        return statuses


def _run_callback_app(block: Block, monkeypatch: pytest.MonkeyPatch) -> None:
    (vendor,) = set(re.findall(r"callbacks\.(?:parse|unwrap)\(\s*\"(\w+)\"", block.code))
    for name in re.findall(r"os\.environ\[\"(\w+)\"\]", block.code):
        monkeypatch.setenv(name, SECRET)  # the block's secret variable(s)
    namespace = _execute(block)
    app = namespace["app"]
    signs = callbacks.signature_header(vendor) is not None
    # A block passing job= to unwrap binds each delivery to its job: each job is submitted
    # with its own secret, job_secret(SECRET, job), as the README says.
    per_job = signs and re.search(r"\bjob=", block.code) is not None

    def key(job: str) -> str:
        return callbacks.job_secret(SECRET, job) if per_job else SECRET

    # the music task callbacks the handler parses (lyrics, WAV... callbacks have bodies of
    # their own, which a music handler rightly refuses)
    task_bodies = task_callback_refs(vendor)
    documented = [
        ex
        for ex in examples(vendor)
        if ex.where == "callback" and str(ex.schema.get("$ref")) in task_bodies
    ]
    assert documented, f"{vendor} has callback examples in its spec"
    # The handler may confirm a callback with client.get (its environment names the mock), and
    # a real task's callbacks are sent by the mock vendor straight into the app.
    with mock_vendor(
        vendor, timings=INSTANT, callback_transport=httpx.ASGITransport(app=app)
    ) as mocked:
        _point_at(monkeypatch, mocked)
        path = _post_route(app, "readme-examples")
        other = key("another-job") if per_job else None
        values = [ex.value for ex in documented]
        statuses = asyncio.run(_answers(app, path, vendor, values, key("readme-examples"), other))
        assert statuses.pop("documented") == [200] * len(documented)
        refused = {"not a callback": 400, "too big": 400}
        if signs:
            refused |= {"forged": 400, "unsigned": 400}
        if per_job:
            refused["replayed from another job"] = 400
        assert statuses == refused
        if not signs:  # forged, as far as the vendor knows: an unsigned hint must be confirmed
            assert namespace["songs"] == {}, "an unconfirmed, unsigned callback was trusted"

        # The handler stores the finished song under the task id, or under the job in its URL.
        before = dict(namespace["songs"])
        path = _post_route(app, "readme-job")
        options: dict[str, Any] = {"callback_url": f"https://example.com{path}"}
        if signs:
            options["webhook_secret"] = key("readme-job")
        with mocked.new_client(**options) as client:
            task = client.generate(REQUESTS[vendor], timeout=30)
        mocked.http.post("/__mock__/tick").raise_for_status()
        assert mocked.stats.callbacks_delivered >= 1
        assert mocked.stats.callbacks_failed == 0
    added = {name: urls for name, urls in namespace["songs"].items() if name not in before}
    assert list(added.values()) == [[track.audio_url for track in task.tracks]]
    assert set(added) <= {task.task_id, "readme-job"}


def _run_as_pytest_file(block: Block, tree: ast.Module, request: pytest.FixtureRequest) -> None:
    pytester: pytest.Pytester = request.getfixturevalue("pytester")
    pytester.makepyfile(test_readme_example=block.code)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=len(_test_functions(tree)))


# --------------------------------------------------------------------------- shell

_EXPECTED_EXIT = re.compile(r"^(?P<command>.*\S)\s+#\s*exit (?P<code>\d+)\b.*$")


def _shell_line(line: str, where: str) -> str:
    # `make demo` and `make test` install, lint and run this very suite (minutes, recursive):
    # a dry run proves the target exists and what it would run.
    line = re.sub(r"^make\b", f"make -n -C {shlex.quote(str(ROOT))}", line)
    expected = _EXPECTED_EXIT.match(line)
    if expected is None:
        return line
    code = expected["code"]
    return (
        f"{{ {expected['command']} ; }} && rc=0 || rc=$?; "
        f'[ "$rc" -eq {code} ] || {{ echo "{where}: expected exit {code}, got $rc" >&2; exit 1; }}'
    )


def _shell_env() -> dict[str, str]:
    return {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}


def run_shell(block: Block, request: pytest.FixtureRequest) -> None:
    commands = [line for line in block.code.splitlines() if line.strip()]
    if commands and commands[0].startswith("sunokit mock"):
        assert len(commands) == 1, f"{block.where}: a server block holds only the server"
        _run_mock_server(commands[0], block)
        return
    script = "\n".join(
        _shell_line(line, f"{block.where} line {number}")
        for number, line in enumerate(block.code.splitlines(), start=block.line + 1)
    )
    result = subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", script],
        capture_output=True,
        text=True,
        env=_shell_env(),
        timeout=SCRIPT_TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, f"{block.where}\n{script}\n{result.stdout}\n{result.stderr}"


def _first_line(process: subprocess.Popen[str], timeout: float) -> str:
    """The server's first stdout line, or a failure after `timeout` seconds."""
    lines: queue.Queue[str] = queue.Queue()
    assert process.stdout is not None
    stdout = process.stdout
    threading.Thread(target=lambda: lines.put(stdout.readline()), daemon=True).start()
    try:
        return lines.get(timeout=timeout)
    except queue.Empty:
        pytest.fail(f"the mock server printed nothing within {timeout}s")


def _run_mock_server(line: str, block: Block) -> None:
    command = shlex.split(line, comments=True)
    vendor = command[command.index("--vendor") + 1]
    # Exactly the README's command, but on a free port: a fixed one may be taken (a parallel
    # run, a mock the reader left running); the last --port wins.
    argv = [str(BIN / command[0]), *command[1:], "--port", "0"]
    with (
        open(os.devnull, "w") as quiet,
        subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=quiet, text=True) as process,
    ):
        try:
            started = time.monotonic()
            first = _first_line(process, STARTUP_TIMEOUT)
            found = re.search(r"base_url=(http://127\.0\.0\.1:\d+), api_key=(\S+)", first)
            assert found is not None, f"{block.where}: unexpected first line {first!r}"
            base_url, api_key = found[1], found[2]
            adapter = get_adapter(vendor)
            readme = README.read_text("utf-8")
            assert f"`{adapter.env_var}={api_key}`" in readme, "the README names the mock's key"
            with sunokit.SunoClient(
                vendor,
                api_key=api_key,
                base_url=base_url,
                callback_url=f"{base_url}/__mock__/inbox",
                timeout=STARTUP_TIMEOUT - (time.monotonic() - started) + 5,
            ) as client:
                task = client.submit(REQUESTS[vendor])
            stats = httpx.get(f"{base_url}/__mock__/stats", timeout=5).json()
            assert stats["accepted_submissions"] == 1
            assert task.task_id in stats["tasks"]
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


RUNNERS: dict[str, Callable[[Block, pytest.FixtureRequest], None]] = {
    "python": run_python,
    "sh": run_shell,
}


# --------------------------------------------------------------------------- the machinery itself


def test_fenced_blocks_are_found_with_their_language_and_line() -> None:
    text = "\n".join(
        [
            "# title",  # 1
            "```python",  # 2
            "print(1)",
            "```",
            "text ``` inline is no fence",  # 5
            "~~~sh title=x",  # 6
            "echo ```",
            "~~~",
            "   ```",  # 9: no language
            "   x",
            "   ```",
            "````md",  # 12: a longer fence holds a shorter one
            "```",
            "````",
        ]
    )
    assert fenced_blocks(text) == [
        Block("python", "print(1)\n", 2),
        Block("sh", "echo ```\n", 6),
        Block("", "x\n", 9),
        Block("md", "```\n", 12),
    ]


def test_the_readme_has_blocks_of_every_kind() -> None:
    languages = {block.language for block in BLOCKS}
    assert languages <= set(RUNNERS), languages
    python = [ast.parse(block.code) for block in BLOCKS if block.language == "python"]
    assert {v for tree in python for v in _vendors_named(tree)} == set(sunokit.VENDORS)
    assert any(_test_functions(tree) for tree in python)
    assert sum("Starlette(" in block.code for block in BLOCKS) == 2


@pytest.mark.parametrize("language", ["", "ruby", "console"])
def test_a_block_without_a_runner_fails_instead_of_being_skipped(
    language: str, request: pytest.FixtureRequest
) -> None:
    with pytest.raises(pytest.fail.Exception, match="no runner"):
        run_block(Block(language, "puts 1\n", 1), request)


def test_a_shell_line_with_the_wrong_exit_code_fails(request: pytest.FixtureRequest) -> None:
    run_block(Block("sh", "false   # exit 1\ntrue\n", 1), request)
    with pytest.raises(AssertionError, match="expected exit 2, got 1"):
        run_block(Block("sh", "false   # exit 2\n", 1), request)


def test_a_python_block_that_misses_its_mock_fails(request: pytest.FixtureRequest) -> None:
    # Two calls written, one made: a call the mock never saw breaks the accounting.
    code = (
        "import sunokit\n"
        "with sunokit.SunoClient('sunosay') as client:\n"
        "    task = client.generate(sunokit.Description('a tune'))\n"
        "    if False:\n"
        "        client.submit(sunokit.Description('another'))\n"
    )
    with pytest.raises(AssertionError, match="reached a mock"):
        run_block(Block("python", code, 1), request)


# --------------------------------------------------------------------------- <VENDOR>_BASE_URL


@pytest.mark.parametrize("vendor", sunokit.VENDORS)
def test_the_readme_names_each_vendors_variables(vendor: str) -> None:
    adapter = get_adapter(vendor)
    readme = README.read_text("utf-8")
    assert adapter.base_url_env_var == adapter.env_var.removesuffix("_API_KEY") + "_BASE_URL"
    assert f"`{adapter.env_var}`" in readme
    assert f"`{adapter.base_url_env_var}`" in readme


@contextlib.contextmanager
def _recording() -> Iterator[tuple[list[httpx.URL], httpx.Client]]:
    seen: list[httpx.URL] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url)
        return httpx.Response(404, json={"code": 404, "msg": "no such task"})

    with httpx.Client(transport=httpx.MockTransport(handler)) as http:
        yield seen, http


@pytest.mark.parametrize(
    ("argument", "environment", "expected_host"),
    [
        ("http://argument.test", "http://environment.test", "argument.test"),
        (None, "http://environment.test", "environment.test"),
        (None, None, "api.sunoapi.org"),
        (None, "", "api.sunoapi.org"),
    ],
    ids=["argument-wins", "env-over-default", "default", "empty-env-is-unset"],
)
def test_base_url_argument_then_environment_then_spec(
    monkeypatch: pytest.MonkeyPatch,
    argument: str | None,
    environment: str | None,
    expected_host: str,
) -> None:
    if environment is None:
        monkeypatch.delenv("SUNOAPI_ORG_BASE_URL", raising=False)
    else:
        monkeypatch.setenv("SUNOAPI_ORG_BASE_URL", environment)
    with _recording() as (seen, http):
        client = sunokit.SunoClient(
            "sunoapi_org", api_key="k", base_url=argument, max_retries=0, http_client=http
        )
        with pytest.raises(sunokit.APIStatusError):
            client.get("t1")
    assert [url.host for url in seen] == [expected_host]


@pytest.mark.asyncio
async def test_the_async_client_reads_the_base_url_variable_too(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with mock_vendor("sunosay", timings=INSTANT) as mocked:
        _point_at(monkeypatch, mocked)
        async with sunokit.AsyncSunoClient("sunosay") as client:
            task = await client.generate(REQUESTS["sunosay"], timeout=30)
        assert mocked.stats.accepted_submissions == 1
    assert task.state == "succeeded"
