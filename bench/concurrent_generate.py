"""Many concurrent async generate() calls on one client against one loopback mock.

    .venv/bin/python bench/concurrent_generate.py           # 100, 300 and 1,000 at once
    .venv/bin/python bench/concurrent_generate.py --smoke   # 100 and 300

The mock of SunoAPI (sunosay; no rate limit; a task completes 0.15 s after submission) runs in
a process of its own; each run is a fresh child process (so its peak RSS is its own) holding
one AsyncSunoClient with the default `max_concurrency` and `asyncio.gather`-ing N generate()
calls (poll_interval 0.05 s). The baseline, in its own child process too, is a raw-httpx loop
doing the same work: N tasks at once, each a POST of the same wire body and then as many polls
as sunokit made per task, `json.loads` of every answer, at most 20 requests in flight (httpx's
pool without such a bound loses requests to PoolTimeout). A run makes `batches(N)` rounds of N
concurrent calls in a row (~1,000 calls: N=100 ten times). Figures per N: failures, wall time
of one round of N, CPU (user + sys) per request, peak RSS; the growth 100 -> 300 -> 1,000 is
read off the rows.

Each N runs ROUNDS[N] times per side, alternating sunokit and raw children (each against a
fresh mock; which side goes first alternates too). The CPU ratio is the median of the pairs'
own ratios: a pair runs within seconds, so a drift of the shared machine's speed (whole runs
here differ by 40 %) moves both of its sides alike. The other figures are each side's median
run; every pair's ratio is shown for spread.

Goals (exit 1 when one is missed): 0 failures at every N in every round; the median pair's CPU
per request <= 1.05x the raw loop's.

Merged into bench/results.json under "concurrent_generate" ("concurrent_generate_smoke").
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _harness import child_figures, merge, mock_process, table

VENDOR = "sunosay"
GOAL_CPU = 1.05
POLL = 0.05
#: Alternating runs per side and N (more where a run is short).
ROUNDS = {100: 5, 300: 5, 1000: 5}

_CHILD = r"""
import asyncio, collections, json, resource, sys, time
mode, n, base_url, api_key, polls = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], float(sys.argv[5])
POLL, BATCHES = float(sys.argv[6]), int(sys.argv[7])

def usage():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime

async def ours():
    import httpx, sunokit
    requests = 0
    def count(request):
        nonlocal requests
        requests += 1
    client = sunokit.AsyncSunoClient("sunosay", api_key=api_key, base_url=base_url,
                                     poll_interval=POLL)
    # count the requests at the transport (no effect on the client's own path)
    import httpcore
    original = httpcore.AsyncConnectionPool.handle_async_request
    async def counted(self, request):
        count(request)
        return await original(self, request)
    httpcore.AsyncConnectionPool.handle_async_request = counted
    async with client:
        await client.get(await client.submit(sunokit.Description("warm up")))
        requests = 0
        cpu, wall = usage(), time.perf_counter()
        results = []
        for batch in range(BATCHES):
            results += await asyncio.gather(
                *(client.generate(sunokit.Description(f"song {batch}.{i}"), timeout=600)
                  for i in range(n)),
                return_exceptions=True)
        cpu, wall = usage() - cpu, time.perf_counter() - wall
    kinds = collections.Counter(type(r).__name__ for r in results)
    return {"failures": len(results) - kinds.get("Task", 0), "errors": dict(kinds),
            "requests": requests, "cpu_s": cpu, "wall_s": wall / BATCHES}

async def raw():
    import httpx
    slots = asyncio.Semaphore(20)
    headers = {"authorization": f"Bearer {api_key}"}
    requests = failures = 0
    async with httpx.AsyncClient(base_url=base_url, headers=headers) as http:
        async def send(path, body):
            nonlocal requests
            async with slots:
                requests += 1
                answer = await http.post(path, json=body)
            answer.raise_for_status()
            return json.loads(answer.content)
        async def one(i, polls_here):
            task = await send("/suno/music/generate-music", {"prompt": f"song {i}", "model": "v3.5"})
            for _ in range(polls_here):
                await asyncio.sleep(POLL)
                await send("/suno/music/get-task", {"task_id": task["task_id"]})
        await one(-1, 1)
        whole, extra = int(polls), polls - int(polls)
        plan = [whole + (1 if (i * extra) % 1 + extra >= 1 else 0) for i in range(n)]
        cpu, wall = usage(), time.perf_counter()
        results = []
        for _ in range(BATCHES):
            results += await asyncio.gather(*(one(i, p) for i, p in enumerate(plan)),
                                            return_exceptions=True)
        cpu, wall = usage() - cpu, time.perf_counter() - wall
        failures = sum(isinstance(r, BaseException) for r in results)
        requests -= 2
    return {"failures": failures, "requests": requests, "cpu_s": cpu, "wall_s": wall / BATCHES}

figures = asyncio.run(ours() if mode == "sunokit" else raw())
figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(figures))
"""


def batches(n: int) -> int:
    """Rounds of N concurrent calls one run makes in a row (N=100: 10): every run measures
    ~1,000 calls, as shorter windows leave CPU per request to chance (one full garbage
    collection more or less moves a 400-request window by 20 %)."""
    return max(1, -(-1000 // n))


def child(mode: str, n: int, base_url: str, api_key: str, polls: float) -> dict[str, Any]:
    arguments = [mode, str(n), base_url, api_key, str(polls), str(POLL), str(batches(n))]
    return child_figures(_CHILD, arguments, 900)


def pairs(n: int, rounds: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]], float]:
    """`rounds` runs of each side in pairs (sunokit then raw, then raw then sunokit, ...), each
    child against a fresh mock: drift on a shared machine hits both sides of a pair alike."""
    ours_runs: list[dict[str, Any]] = []
    raw_runs: list[dict[str, Any]] = []
    polls_per_task = 0.0
    for index in range(rounds):
        if index and index % 2:  # the raw loop first (its poll count: the previous sunokit run)
            with mock_process(VENDOR) as (base_url, api_key):
                raw_runs.append(child("raw", n, base_url, api_key, polls_per_task))
        with mock_process(VENDOR) as (base_url, api_key):
            ours = child("sunokit", n, base_url, api_key, 0)
        ours_runs.append(ours)
        calls = n * batches(n)
        polls_per_task = (ours["requests"] - calls) / calls  # the rest are the creates
        if not index % 2:
            with mock_process(VENDOR) as (base_url, api_key):
                raw_runs.append(child("raw", n, base_url, api_key, polls_per_task))
    return ours_runs, raw_runs, polls_per_task


def median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The run with the median CPU per request (its other figures kept with it)."""
    ordered = sorted(runs, key=lambda run: run["cpu_per_request_us"])
    return ordered[len(ordered) // 2]


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--smoke", action="store_true")
    args = options.parse_args()
    sizes = (100, 300) if args.smoke else (100, 300, 1000)
    figures: dict[str, Any] = {}
    failures: list[str] = []
    rows = []
    for n in sizes:
        rounds = 1 if args.smoke else ROUNDS[n]
        ours_runs, raw_runs, polls_per_task = pairs(n, rounds)
        ours, raw = median_run(ours_runs), median_run(raw_runs)
        spread = sorted(
            round(o["cpu_per_request_us"] / r["cpu_per_request_us"], 3)
            for o, r in zip(ours_runs, raw_runs, strict=True)
        )
        ratio = statistics.median(spread)
        failed = sum(run["failures"] for run in ours_runs)
        figures[str(n)] = {
            "batches_per_run": batches(n),
            "sunokit": ours,
            "raw_httpx": raw,
            "cpu_ratio": ratio,
            "cpu_ratio_per_pair": spread,
            "rounds": rounds,
            "failures_in_all_rounds": failed,
            "polls_per_task": round(polls_per_task, 2),
        }
        met = ratio <= GOAL_CPU and failed == 0
        rows += [
            (f"N={n} failures (all rounds)", failed, sum(r["failures"] for r in raw_runs), "", "0"),
            (
                f"N={n} CPU µs/request; ratio: median pair",
                ours["cpu_per_request_us"],
                raw["cpu_per_request_us"],
                ratio,
                f"<= {GOAL_CPU} {'met' if ratio <= GOAL_CPU else 'MISSED'}",
            ),
            (f"N={n} CPU ratio per pair", f"{spread[0]}..{spread[-1]}", "", "", ""),
            (f"N={n} wall s", round(ours["wall_s"], 2), round(raw["wall_s"], 2), "", ""),
            (
                f"N={n} peak RSS MB",
                round(ours["peak_rss_mb"], 1),
                round(raw["peak_rss_mb"], 1),
                "",
                "",
            ),
        ]
        if failed:
            errors = [run["errors"] for run in ours_runs if run["failures"]]
            failures.append(
                f"N={n}: {failed} generate() calls failed over {rounds} rounds {errors}"
            )
        if not met and ratio > GOAL_CPU:
            failures.append(f"N={n}: CPU per request {ratio}x the raw loop (goal <= {GOAL_CPU}x)")
    table(rows)
    figures["goals"] = {"failures": 0, "cpu_ratio": GOAL_CPU, "met": not failures}
    merge("concurrent_generate_smoke" if args.smoke else "concurrent_generate", figures)
    for failure in failures:
        print(f"GOAL MISSED: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
