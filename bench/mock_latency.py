"""One request to `sunokit mock` against the same app on a plain uvicorn socket.

    .venv/bin/python bench/mock_latency.py           # 2,000 requests each
    .venv/bin/python bench/mock_latency.py --smoke   # 300

Both servers run in processes of their own on 127.0.0.1: `python -m sunokit mock --vendor
sunosay` (what a user runs: its log filter, lifespan, access log) and the baseline, the same
`create_app("sunosay")` under `uvicorn.run(app, host, port)` with uvicorn's defaults (uvicorn
binds the socket itself). One httpx client
sends the same authenticated poll of a completed task to each over a kept-alive connection,
alternating in rounds; each side's figure is its median round. Goal: <= 1.2x (exit 1 when missed).

Merged into bench/results.json under "mock_latency" ("mock_latency_smoke" with --smoke).
"""

from __future__ import annotations

import argparse
import contextlib
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _harness import PYTHON, merge, table

VENDOR = "sunosay"
GOAL = 1.2
ROUNDS = 10
_PLAIN = """
import socket, sys, uvicorn
from sunokit.mock import StageTimings, create_app
app = create_app(sys.argv[1], timings=StageTimings(0, 0, 0))
probe = socket.socket(); probe.bind(("127.0.0.1", 0)); port = probe.getsockname()[1]
probe.close()  # uvicorn binds it itself (loop.create_server: TCP_NODELAY set)
print(f"base_url=http://127.0.0.1:{port}, api_key={app.api_key}", flush=True)
uvicorn.run(app, host="127.0.0.1", port=port)
"""


@contextlib.contextmanager
def server(command: list[str]) -> Iterator[tuple[str, str]]:
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        found = re.search(r"base_url=(\S+), api_key=(\S+)", line)
        if found is None:
            raise RuntimeError(f"{command} did not start: {line!r}")
        # keep reading its stdout (access log lines) so the pipe never fills
        subprocess.Popen(["cat"], stdin=child.stdout, stdout=subprocess.DEVNULL)
        yield found.group(1), found.group(2)
    finally:
        child.terminate()
        child.wait(10)


def main() -> int:
    import httpx

    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--smoke", action="store_true")
    args = options.parse_args()
    count = 300 if args.smoke else 2000
    with (
        server([PYTHON, "-m", "sunokit", "mock", "--vendor", VENDOR]) as (ours_url, key),
        server([PYTHON, "-c", _PLAIN, VENDOR]) as (plain_url, plain_key),
        httpx.Client() as http,
    ):
        targets = {}
        for name, (base, api_key) in {
            "ours": (ours_url, key),
            "plain": (plain_url, plain_key),
        }.items():
            headers = {"authorization": f"Bearer {api_key}"}
            deadline = time.monotonic() + 15
            while True:  # the plain server prints its URL before uvicorn listens
                try:
                    http.get(f"{base}/")
                    break
                except httpx.ConnectError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.05)
            for _ in range(50):  # the first answers: server warm, connection kept
                task = http.post(
                    f"{base}/suno/music/generate-music",
                    headers=headers,
                    json={"prompt": "a calm piano tune"},
                )
            task.raise_for_status()
            body = {"task_id": task.json()["task_id"]}
            targets[name] = (f"{base}/suno/music/get-task", headers, body)
        rounds: dict[str, list[float]] = {"ours": [], "plain": []}
        for _ in range(ROUNDS):
            for name, (url, headers, body) in targets.items():
                started = time.perf_counter()
                for _ in range(count // ROUNDS):
                    http.post(url, headers=headers, json=body).raise_for_status()
                rounds[name].append((time.perf_counter() - started) / (count // ROUNDS))
    ours, plain = statistics.median(rounds["ours"]), statistics.median(rounds["plain"])
    ratio = round(ours / plain, 3)
    figures: dict[str, Any] = {
        "requests": count,
        "sunokit_mock_us": round(ours * 1e6, 1),
        "plain_uvicorn_us": round(plain * 1e6, 1),
        "ratio": ratio,
        "goals": {"ratio": GOAL, "met": ratio <= GOAL},
    }
    table(
        [
            (
                "one request µs",
                figures["sunokit_mock_us"],
                figures["plain_uvicorn_us"],
                ratio,
                f"<= {GOAL} {'met' if ratio <= GOAL else 'MISSED'}",
            )
        ]
    )
    merge("mock_latency_smoke" if args.smoke else "mock_latency", figures)
    if ratio > GOAL:
        print(
            f"GOAL MISSED: sunokit mock is {ratio}x plain uvicorn (goal <= {GOAL}x)",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
