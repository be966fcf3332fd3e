"""The shared-limit harness of the tests and the bench: worker processes, a redis-server, figures.

As a script, one worker process: M submits on one key, then a report.

    python contract_tests/limiter_worker.py '<json options>'

Options: vendor, api_key, base_url, callback_url, limiter (a URL or "memory://"), submits,
concurrency (1: a SunoClient, submits one after another; more: an AsyncSunoClient with that many
submits in flight), scale (the clock runs `scale` times faster than time.monotonic, and sleeps are
shortened to match, to test a 10 s window in 10/scale s; the mock must use the same clock),
backend_clock (give the backend the scaled clock too; else Redis uses its server's clock).

Prints "ready", waits for a line on stdin (every process starts together), submits, prints one
JSON line: {"accepted": n, "errors": {name: count}}.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from typing import Any

import sunokit
from sunokit._limiter import (
    InProcessBackend,
    LimiterBackend,
    RedisBackend,
    SQLiteBackend,
    backend_from_url,
)


def scaled_clock(scale: float) -> Any:
    return lambda: time.monotonic() * scale


def backend(options: dict[str, Any]) -> LimiterBackend | str:
    url = options["limiter"]
    if not options.get("backend_clock"):
        return str(url)
    clock = scaled_clock(float(options["scale"]))
    if url == "memory://":
        return InProcessBackend(clock=clock)
    if url.startswith("sqlite:///"):
        return SQLiteBackend(url[len("sqlite://") :], clock=clock)
    if url.startswith("redis://"):
        return RedisBackend(url, clock=clock)
    return backend_from_url(url)


def run(options: dict[str, Any]) -> dict[str, Any]:
    scale = float(options["scale"])
    common = {
        "api_key": options["api_key"],
        "base_url": options["base_url"],
        "callback_url": options["callback_url"],
        "rate_limiter": backend(options),
        "clock": scaled_clock(scale),
        "max_retries": 0,  # a refusal is an error here: nothing hides it
    }
    request = sunokit.Description("a song about rate limits")
    errors: collections.Counter[str] = collections.Counter()
    accepted = 0
    if int(options["concurrency"]) <= 1:
        with sunokit.SunoClient(
            options["vendor"], sleep=lambda seconds: time.sleep(seconds / scale), **common
        ) as client:
            for _ in range(int(options["submits"])):
                try:
                    client.submit(request)
                    accepted += 1
                except sunokit.SunokitError as error:
                    errors[type(error).__name__] += 1
    else:

        async def sleep(seconds: float) -> None:
            await asyncio.sleep(seconds / scale)

        async def many() -> list[BaseException | None]:
            limit = asyncio.Semaphore(int(options["concurrency"]))
            async with sunokit.AsyncSunoClient(options["vendor"], sleep=sleep, **common) as client:

                async def one() -> BaseException | None:
                    async with limit:
                        try:
                            await client.submit(request)
                        except sunokit.SunokitError as error:
                            return error
                        return None

                return await asyncio.gather(*(one() for _ in range(int(options["submits"]))))

        for outcome in asyncio.run(many()):
            if outcome is None:
                accepted += 1
            else:
                errors[type(outcome).__name__] += 1
    return {"accepted": accepted, "errors": dict(errors)}


def run_processes(options: Sequence[dict[str, Any]], *, timeout: float) -> list[dict[str, Any]]:
    """Start one worker per options, let them all go at once, and return their reports."""
    deadline = time.monotonic() + timeout
    workers = [
        subprocess.Popen(
            [sys.executable, __file__, json.dumps(one)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for one in options
    ]
    try:
        for worker in workers:
            assert worker.stdout is not None
            line = worker.stdout.readline()  # "ready" (or "" if it died)
            if line.strip() != "ready":
                _, err = worker.communicate(timeout=10)
                raise AssertionError(f"a worker did not start: {line!r} {err[-2000:]}")
        for worker in workers:
            assert worker.stdin is not None
            worker.stdin.write("go\n")
            worker.stdin.flush()
        reports = []
        for worker in workers:
            out, err = worker.communicate(timeout=max(0.1, deadline - time.monotonic()))
            assert worker.returncode == 0, f"a worker failed ({worker.returncode}): {err[-2000:]}"
            reports.append(json.loads(out.strip().splitlines()[-1]))
        return reports
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
                worker.wait()
            for pipe in (worker.stdin, worker.stdout, worker.stderr):
                if pipe is not None and not pipe.closed:
                    pipe.close()


def accuracy(arrivals: Sequence[float], requests: int, per_seconds: float) -> tuple[float, int]:
    """(achieved / documented rate, over-limit windows) of the vendor's arrival times.

    The achieved rate is taken over each span of `requests` + 1 consecutive arrivals: the limit
    lets arrival k come `per_seconds` after arrival k - `requests`, no sooner, so the figure is
    (n - requests) * per_seconds over the sum of those spans (1.0: every request came the moment
    the limit allowed, counted from the arrivals themselves, not from an ideal first burst that
    several processes starting one after another cannot make). An over-limit window is one of
    `per_seconds` holding more than `requests`.
    """
    times = sorted(arrivals)
    spans = [times[k] - times[k - requests] for k in range(requests, len(times))]
    over = sum(1 for span in spans if span < per_seconds)
    total = sum(spans)
    return (len(spans) * per_seconds / total if total > 0 else 1.0), over


def overall(arrivals: Sequence[float], requests: int, per_seconds: float) -> float:
    """First to last arrival against a full window at once, then `requests` more per window."""
    times = sorted(arrivals)
    ideal = ((len(times) - 1) // requests) * per_seconds
    took = times[-1] - times[0] if times else 0.0
    return ideal / took if took > 0 else 1.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextlib.contextmanager
def redis_server() -> Iterator[str]:
    """A redis-server of our own on a free loopback port, in a temp dir; yields its URL."""
    executable = shutil.which("redis-server")
    if executable is None:
        raise FileNotFoundError(
            "redis-server is not installed (Debian: apt-get install redis-server)"
        )
    with tempfile.TemporaryDirectory(prefix="sunokit-redis-") as directory:
        port = free_port()
        server = subprocess.Popen(
            [
                executable,
                "--bind",
                "127.0.0.1",
                "--port",
                str(port),
                "--dir",
                directory,
                "--save",
                "",
                "--appendonly",
                "no",
                "--protected-mode",
                "yes",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 10.0
            while True:  # bounded by the deadline
                try:
                    with socket.create_connection(("127.0.0.1", port), timeout=0.5) as probe:
                        probe.sendall(b"PING\r\n")
                        if probe.recv(16).startswith(b"+PONG"):
                            break
                except OSError:
                    pass
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"redis-server did not start on port {port}")
                time.sleep(0.02)
            yield f"redis://127.0.0.1:{port}/0"
        finally:
            server.terminate()
            try:
                server.wait(timeout=5)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def main() -> None:
    options = json.loads(sys.argv[1])
    print("ready", flush=True)
    sys.stdin.readline()
    print(json.dumps(run(options)), flush=True)


if __name__ == "__main__":
    main()
