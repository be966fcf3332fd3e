"""How closely sunokit's rate limiter uses a documented limit without going over it.

    .venv/bin/python bench/limiter_accuracy.py             # the real 20 submits / 10 s (~2 min)
    .venv/bin/python bench/limiter_accuracy.py --scale 10  # a 10x faster shared clock (a smoke run)

SunoAPI.org documents 20 submits per 10 s per account. Each run submits 60 times on one key to
the local mock of SunoAPI.org, which enforces that limit and counts its refusals; the figure is
the achieved rate as a ratio to the documented one, judged from the mock's own arrival times:
the limit lets arrival k come 10 s after arrival k - 20, and the figure is 10 s over the mean of
those spans (`limiter_worker.accuracy`). Also shown: first to last arrival against the ideal 20 s
for 60 (a full window at once), which also counts how long the processes took to start sending:

- in-process sync:   one process, one SunoClient, 60 submits one after another;
- in-process async:  one process, one AsyncSunoClient, 60 submits at once;
- sqlite, 4 procs:   4 processes x 15 sync submits sharing `sqlite:///<tmp>/limits.db`;
- redis, 4 procs:    4 processes x 15 submits (4 in flight each) sharing a redis-server of our
                     own (on the server's clock), skipped when redis-server is not installed;
- memory, 4 procs:   the baseline the shared stores replace: 4 processes with a limiter each
                     (no goal; the refusals show what the documented limit means per account).

Goals (exit 1 when one is missed), at the real speed, for every run but the baseline: achieved / documented >= 0.95,
0 over-limit windows at the mock, 0 refusals. Also printed: the cost of one acquire + release per
backend (sync, and async: the SQLite backend answers from a thread, Redis with redis.asyncio).

The figures are merged into bench/results.json under "limiter_accuracy".
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # contract_tests.limiter_worker: the harness the tests use

from contract_tests.limiter_worker import (  # noqa: E402
    accuracy,
    overall,
    redis_server,
    run_processes,
)

RESULTS = ROOT / "bench" / "results.json"
VENDOR = "sunoapi_org"
REQUESTS, PER_SECONDS = 20, 10.0
GOAL_RATIO = 0.95
SUBMITS = 60


def run(
    limiter: str, *, processes: int, concurrency: int, scale: float, redis_clock: bool = False
) -> dict[str, Any]:
    from sunokit.testing import mock_vendor

    clock = (lambda: time.monotonic() * scale) if scale != 1.0 else time.monotonic
    with mock_vendor(VENDOR, clock=clock) as mocked:
        options = {
            "vendor": VENDOR,
            "api_key": mocked.api_key,
            "base_url": mocked.base_url,
            "callback_url": mocked.client_options["callback_url"],
            "limiter": limiter,
            "submits": SUBMITS // processes,
            "concurrency": concurrency,
            "scale": scale,
            "backend_clock": scale != 1.0 and not redis_clock,
        }
        started = time.monotonic()
        reports = run_processes([options] * processes, timeout=120 + 3 * SUBMITS / scale)
        took = time.monotonic() - started
        times = [task.created for task in mocked.mock.tasks.values()]
        ratio, over = accuracy(times, REQUESTS, PER_SECONDS) if times else (0.0, 0)
        return {
            "processes": processes,
            "submits": SUBMITS,
            "accepted": len(times),
            "refused_by_mock": mocked.stats.rate_limited,
            "client_errors": sum(sum(r["errors"].values()) for r in reports),
            "achieved_over_documented": round(ratio, 3),
            "first_to_last_over_ideal": round(overall(times, REQUESTS, PER_SECONDS), 3)
            if times
            else 0.0,
            "over_limit_windows": over,
            "seconds": round(took, 1),
        }


def cost_per_permit(backend: Any, rounds: int = 2000) -> dict[str, float]:
    """Microseconds for one acquire + release, sync and async (windows never full)."""
    from sunokit._limiter import Limit

    limit = Limit(10**9, 10.0, "client")
    started = time.perf_counter()
    for n in range(rounds):
        backend.acquire("bench", limit, f"s{n}")
        backend.release("bench", limit, f"s{n}")
    sync = (time.perf_counter() - started) / rounds

    async def many() -> float:
        begun = time.perf_counter()
        for n in range(rounds):
            await backend.aacquire("bench", limit, f"a{n}")
            await backend.arelease("bench", limit, f"a{n}")
        elapsed = time.perf_counter() - begun
        await backend.aclose()
        return elapsed / rounds

    return {"sync_us": round(sync * 1e6, 1), "async_us": round(asyncio.run(many()) * 1e6, 1)}


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument(
        "--scale", type=float, default=1.0, help="run the shared clock this many times faster"
    )
    args = options.parse_args()
    from sunokit._limiter import InProcessBackend, RedisBackend, SQLiteBackend

    has_redis = shutil.which("redis-server") is not None
    figures: dict[str, Any] = {"scale": args.scale}
    failures: list[str] = []
    print(
        f"{'run':<18} {'accepted':>8} {'refused':>7} {'over-limit':>10} {'achieved':>9} "
        f"{'1st-last':>8} {'time':>7}"
    )
    own_redis = redis_server() if has_redis else contextlib.nullcontext(None)
    with tempfile.TemporaryDirectory(prefix="sunokit-bench-") as directory, own_redis as redis_url:
        runs: dict[str, dict[str, Any]] = {
            "in-process sync": {"limiter": "memory://", "processes": 1, "concurrency": 1},
            "in-process async": {"limiter": "memory://", "processes": 1, "concurrency": SUBMITS},
            "sqlite, 4 procs": {
                "limiter": f"sqlite://{directory}/limits.db",
                "processes": 4,
                "concurrency": 1,
            },
        }
        if redis_url is not None:
            runs["redis, 4 procs"] = {
                "limiter": redis_url,
                "processes": 4,
                "concurrency": 4,
                "redis_clock": args.scale == 1.0,
            }
        else:
            print("redis, 4 procs: skipped (redis-server is not installed)")
        runs["memory, 4 procs"] = {"limiter": "memory://", "processes": 4, "concurrency": 1}
        for name, how in runs.items():
            figure = run(how.pop("limiter"), scale=args.scale, **how)
            figures[name] = figure
            print(
                f"{name:<18} {figure['accepted']:>8} {figure['refused_by_mock']:>7} "
                f"{figure['over_limit_windows']:>10} {figure['achieved_over_documented']:>9.3f} "
                f"{figure['first_to_last_over_ideal']:>8.3f} {figure['seconds']:>6.1f}s"
            )
            if name.startswith("memory") or args.scale != 1.0:
                continue  # the baseline has no goal; a scaled run is a smoke run (round trips
                # cost `scale` times more of a window)
            if figure["refused_by_mock"] or figure["over_limit_windows"]:
                failures.append(f"{name}: {figure['refused_by_mock']} refusals")
            if figure["achieved_over_documented"] < GOAL_RATIO:
                failures.append(f"{name}: {figure['achieved_over_documented']} < {GOAL_RATIO}")

        costs = {
            "in-process": cost_per_permit(InProcessBackend()),
            "sqlite": cost_per_permit(SQLiteBackend(Path(directory) / "cost.db")),
        }
        if redis_url is not None:
            costs["redis"] = cost_per_permit(RedisBackend(redis_url, prefix="bench:"))
    print(f"\n{'backend':<12} {'acquire+release sync':>21} {'async':>10}")
    for name, cost in costs.items():
        print(f"{name:<12} {cost['sync_us']:>18.1f} us {cost['async_us']:>7.1f} us")
    figures["cost_per_permit"] = costs
    figures["goals"] = {"achieved_over_documented": GOAL_RATIO, "refusals": 0, "met": not failures}
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    results["limiter_accuracy" if args.scale == 1.0 else "limiter_accuracy_scaled"] = figures
    RESULTS.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    for failure in failures:
        print(f"GOAL MISSED: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
