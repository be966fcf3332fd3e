"""What SunoClient adds to one request: get() and submit() against raw httpx on the same answer.

    .venv/bin/python bench/client_overhead.py           # 4,000 gets, 1,200 submits per driver
    .venv/bin/python bench/client_overhead.py --smoke   # a tenth of that

The loopback mock of SunoAPI (sunosay; no rate limit) runs in a process of its own, so only the
client's side is timed. One submit is recorded on the wire (method, URL, body, headers); the
baseline replays exactly that request with a plain httpx client and `json.loads` of the answer,
over a kept-alive connection like the client's. Timings alternate between the two in many short
rounds (which side goes first alternates too), spread over several fresh worker processes; the
ratio is the median of the rounds' own ratios, so a drift of the shared machine's speed, which
moves both sides of a round alike, cancels instead of deciding the verdict (whole runs here
differ by up to 2x in speed). While a figure's goal lies inside the 95 % confidence interval of
its median round, another process adds its rounds (up to MOST_PROCESSES).

- get():    SunoClient.get(task) (a completed task: the largest answer) vs raw httpx + json;
            goal <= 1.05x, sync and async;
- submit(): SunoClient.submit(Description) incl. local validation vs a raw POST of the same
            wire body; goal <= 1.10x, sync and async;
- validate(): µs per call per vendor, warm (median of many calls on one valid body) and cold
            (the first call in a fresh process, specs and schema compiled then); no goal.

Merged into bench/results.json under "client_overhead" ("client_overhead_smoke" with --smoke).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _harness import PYTHON, median_interval, merge, mock_process, table

VENDOR = "sunosay"
GOALS = {"get": 1.05, "submit": 1.10}
ROUNDS = 100  # paired rounds per figure: 40 gets or 12 submits each
#: Fresh worker processes per driver, each timing ROUNDS / PROCESSES of the rounds (as pyperf
#: does): a process's memory layout and hash seed favour one side or the other by a few
#: percent for its whole life, which no number of rounds inside it averages out. Up to
#: MOST_PROCESSES, one more at a time while a figure's median round still has its goal inside
#: its 95 % confidence interval (a noisy phase of the machine gets more rounds).
PROCESSES = 4
MOST_PROCESSES = 10

# One valid wire body per vendor's submit operation (validate() figures).
BODIES = {
    "sunosay": {"prompt": "a calm piano tune", "model": "v3.5"},
    "sunoapi_org": {
        "prompt": "a calm piano tune",
        "customMode": False,
        "instrumental": False,
        "model": "V4_5",
        "callBackUrl": "https://example.com/hook",
    },
    "sunoapi_com": {"prompt": "a calm piano tune", "mv": "chirp-v4"},
    "apikley": {
        "prompt": "a calm piano tune",
        "customMode": False,
        "instrumental": False,
        "model": "V4_5",
        "callBackUrl": "https://example.com/hook",
    },
    "relay": {"prompt": "a calm piano tune"},
}


def record(base_url: str, api_key: str) -> dict[str, Any]:
    """The wire requests of one submit and one get: what the baseline replays."""
    import httpx
    import sunokit

    seen: list[httpx.Request] = []
    with (
        httpx.Client(event_hooks={"request": [seen.append]}) as http,
        sunokit.SunoClient(
            VENDOR, api_key=api_key, base_url=base_url, http_client=http, poll_interval=0.02
        ) as c,
    ):
        task = c.wait(c.submit(sunokit.Description("a calm piano tune")))
        seen.clear()
        c.get(task)
        poll = seen[-1]
        seen.clear()
        c.submit(sunokit.Description("a calm piano tune"))
        post = seen[-1]

    def wire(request: httpx.Request) -> dict[str, Any]:
        keep = {"authorization", "content-type"}
        return {
            "method": request.method,
            "url": str(request.url),
            "content": request.content.decode("latin-1"),  # JSON-able, byte for byte
            "headers": {k: v for k, v in request.headers.items() if k.lower() in keep},
        }

    return {"task_id": task.task_id, "get": wire(poll), "submit": wire(post)}


def timed(action: Callable[[], object], count: int) -> tuple[float, float]:
    """(wall, this process's CPU) seconds per call."""
    started, cpu = time.perf_counter(), time.process_time()
    for _ in range(count):
        action()
    return (time.perf_counter() - started) / count, (time.process_time() - cpu) / count


async def atimed(action: Callable[[], Awaitable[object]], count: int) -> tuple[float, float]:
    started, cpu = time.perf_counter(), time.process_time()
    for _ in range(count):
        await action()
    return (time.perf_counter() - started) / count, (time.process_time() - cpu) / count


Rounds = dict[str, list[tuple[tuple[float, float], tuple[float, float]]]]


def compare_sync(base_url: str, api_key: str, wire: dict[str, Any], n: int, rounds: int) -> Rounds:
    """Per figure, `rounds` pairs of (sunokit, raw) timings, each of (wall, CPU) per call."""
    import httpx
    import sunokit

    figures: Rounds = {}
    with (
        sunokit.SunoClient(VENDOR, api_key=api_key, base_url=base_url) as client,
        httpx.Client() as raw,
    ):
        request = sunokit.Description("a calm piano tune")
        task = sunokit.Task(vendor=VENDOR, task_id=wire["task_id"], state="succeeded")
        actions = {
            "get": (lambda: client.get(task), wire["get"]),
            "submit": (lambda: client.submit(request), wire["submit"]),
        }
        for name, (ours, spec) in actions.items():
            content = spec["content"].encode("latin-1")

            def baseline(spec: dict[str, Any] = spec, content: bytes = content) -> object:
                answer = raw.request(
                    spec["method"], spec["url"], content=content, headers=spec["headers"]
                )
                answer.raise_for_status()
                return json.loads(answer.content)

            calls = max(1, (n if name == "get" else n * 3 // 10) // rounds)
            ours(), baseline()  # connections open, caches warm
            pairs = figures[name] = []
            for index in range(rounds):
                if index % 2:
                    mine = timed(ours, calls)
                    pairs.append((mine, timed(baseline, calls)))
                else:
                    theirs = timed(baseline, calls)
                    pairs.append((timed(ours, calls), theirs))
    return figures


def compare_async(base_url: str, api_key: str, wire: dict[str, Any], n: int, rounds: int) -> Rounds:
    import httpx
    import sunokit

    async def run() -> Rounds:
        figures: Rounds = {}
        async with (
            sunokit.AsyncSunoClient(VENDOR, api_key=api_key, base_url=base_url) as client,
            httpx.AsyncClient() as raw,
        ):
            request = sunokit.Description("a calm piano tune")
            task = sunokit.Task(vendor=VENDOR, task_id=wire["task_id"], state="succeeded")
            actions = {
                "get": (lambda: client.get(task), wire["get"]),
                "submit": (lambda: client.submit(request), wire["submit"]),
            }
            for name, (ours, spec) in actions.items():
                content = spec["content"].encode("latin-1")

                async def baseline(spec: dict[str, Any] = spec, content: bytes = content) -> object:
                    answer = await raw.request(
                        spec["method"], spec["url"], content=content, headers=spec["headers"]
                    )
                    answer.raise_for_status()
                    return json.loads(answer.content)

                calls = max(1, (n if name == "get" else n * 3 // 10) // rounds)
                await ours()
                await baseline()
                pairs = figures[name] = []
                for index in range(rounds):
                    if index % 2:
                        mine = await atimed(ours, calls)
                        pairs.append((mine, await atimed(baseline, calls)))
                    else:
                        theirs = await atimed(baseline, calls)
                        pairs.append((await atimed(ours, calls), theirs))
        return figures

    return asyncio.run(run())


def undecided(pairs: Rounds) -> bool:
    """Whether some figure's median round ratio has its goal inside its 95 % interval."""
    for name, rounds in pairs.items():
        low, high = median_interval([o[0] / r[0] for o, r in rounds])
        if low <= GOALS[name] <= high:
            return True
    return False


def summary(
    pairs: list[tuple[tuple[float, float], tuple[float, float]]], count: int, processes: int
) -> dict[str, Any]:
    """The median of the paired rounds' ratios, wall time (the goal) and the client process's
    CPU time (what the client itself spends), with each side's median round for the table."""
    ours, raw = [o for o, _ in pairs], [r for _, r in pairs]
    ratio = statistics.median(o[0] / r[0] for o, r in pairs)
    cpu_ratio = statistics.median(o[1] / r[1] for o, r in pairs if r[1] > 0)
    wall_ratios = sorted(o[0] / r[0] for o, r in pairs)
    low, high = median_interval(wall_ratios)
    return {
        "calls": count * processes // PROCESSES,
        "rounds": len(pairs),
        "processes": processes,
        "sunokit_us": round(statistics.median(w for w, _ in ours) * 1e6, 1),
        "raw_httpx_us": round(statistics.median(w for w, _ in raw) * 1e6, 1),
        "ratio": round(ratio, 3),
        "ratio_95ci": [round(low, 3), round(high, 3)],
        # the middle half of the rounds' ratios: how far single rounds stray
        "ratio_iqr": [
            round(wall_ratios[len(pairs) // 4], 3),
            round(wall_ratios[-len(pairs) // 4 - 1], 3),
        ],
        "sunokit_cpu_us": round(statistics.median(c for _, c in ours) * 1e6, 1),
        "raw_httpx_cpu_us": round(statistics.median(c for _, c in raw) * 1e6, 1),
        "cpu_ratio": round(cpu_ratio, 3),
    }


_COLD = """
import sys, time, json
started = time.perf_counter()
import sunokit
imported = time.perf_counter()
sunokit.validate(sys.argv[1], json.loads(sys.argv[2]))
print(json.dumps([imported - started, time.perf_counter() - imported]))
"""


def validate_figures(warm_calls: int) -> dict[str, Any]:
    import sunokit

    figures: dict[str, Any] = {}
    for vendor, body in BODIES.items():
        out = subprocess.run(
            [PYTHON, "-c", _COLD, vendor, json.dumps(body)],
            capture_output=True,
            text=True,
            check=True,
        )
        _, cold = json.loads(out.stdout)
        assert sunokit.validate(vendor, body) == [], (vendor, sunokit.validate(vendor, body))
        samples = []
        for _ in range(5):
            samples.append(
                timed(lambda v=vendor, b=body: sunokit.validate(v, b), warm_calls // 5)[0]
            )
        figures[vendor] = {
            "warm_us": round(statistics.median(samples) * 1e6, 1),
            "cold_ms": round(cold * 1e3, 1),
        }
    return figures


def worker(driver: str, base_url: str, api_key: str, wire: dict[str, Any], n: int) -> Rounds:
    """One fresh process's share of the rounds of one driver (see PROCESSES)."""
    out = subprocess.run(
        [PYTHON, __file__, "--worker", driver, base_url, api_key, json.dumps(wire), str(n)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    if out.returncode:
        raise RuntimeError(out.stderr[-3000:])
    rounds: Rounds = json.loads(out.stdout)
    return rounds


def main() -> int:
    if sys.argv[1:2] == ["--worker"]:
        driver, base_url, api_key, wire, n = sys.argv[2:7]
        compare = compare_sync if driver == "sync" else compare_async
        print(json.dumps(compare(base_url, api_key, json.loads(wire), int(n), ROUNDS // PROCESSES)))
        return 0
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--smoke", action="store_true", help="a tenth of the calls")
    args = options.parse_args()
    n = 400 if args.smoke else 4000
    figures: dict[str, Any] = {}
    with mock_process(VENDOR, timings=(0.0, 0.0, 0.0)) as (base_url, api_key):
        wire = record(base_url, api_key)
        for driver in ("sync", "async"):
            pairs: Rounds = {}
            processes = 0
            while processes < PROCESSES or (processes < MOST_PROCESSES and undecided(pairs)):
                for name, rounds in worker(driver, base_url, api_key, wire, n // PROCESSES).items():
                    pairs.setdefault(name, []).extend(rounds)
                processes += 1
            figures[driver] = {
                name: summary(rounds, n if name == "get" else n * 3 // 10, processes)
                for name, rounds in pairs.items()
            }
    figures["validate"] = validate_figures(200 if args.smoke else 2000)
    failures = []
    rows = []
    for driver in ("sync", "async"):
        for name, goal in GOALS.items():
            f = figures[driver][name]
            met = f["ratio"] <= goal
            rows.append(
                (
                    f"{name}() {driver} µs",
                    f["sunokit_us"],
                    f["raw_httpx_us"],
                    f["ratio"],
                    f"<= {goal} {'met' if met else 'MISSED'}"
                    f" ({f['rounds']} rounds, median's 95 % CI {f['ratio_95ci'][0]}.."
                    f"{f['ratio_95ci'][1]}; middle half {f['ratio_iqr'][0]}..{f['ratio_iqr'][1]})",
                )
            )
            rows.append(
                (
                    f"{name}() {driver} client CPU µs",
                    f["sunokit_cpu_us"],
                    f["raw_httpx_cpu_us"],
                    f["cpu_ratio"],
                    "",
                )
            )
            if not met:
                failures.append(f"{driver} {name}(): {f['ratio']}x raw httpx (goal <= {goal}x)")
    for vendor, f in figures["validate"].items():
        rows.append((f"validate() {vendor} warm µs", f["warm_us"], "", "", ""))
        rows.append((f"validate() {vendor} cold ms", f["cold_ms"], "", "", "first in a process"))
    table(rows)
    figures["goals"] = {**{k: v for k, v in GOALS.items()}, "met": not failures}
    merge("client_overhead_smoke" if args.smoke else "client_overhead", figures)
    for failure in failures:
        print(f"GOAL MISSED: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
