"""How close a batch comes to the vendor's documented create limit, and what a journal write costs.

    .venv/bin/python bench/batch_throughput.py             # 200 lines on the sunoapi_org mock
    .venv/bin/python bench/batch_throughput.py --lines 60  # quicker

A batch of `--lines` description requests runs (`arun_batch`, concurrency 16, tracks saved)
against the loopback mock of SunoAPI.org, whose spec documents 20 creates per 10 seconds and
which enforces that limit itself (an over-limit create is refused in the vendor's words). The
mock's lifecycle is fast (a task completes in 0.15 s), so the limit is the bottleneck.

Figures:

- sustained creates/s: after the first window's burst, (accepted - burst) / (last acceptance -
  last burst acceptance), from the mock's own acceptance times; the goal is >= 0.9 of the
  documented limit (exit 1 when missed);
- end-to-end lines/s: lines / the run's wall time (includes the burst, waits and downloads);
- refusals for the rate limit the mock answered (each one a re-sent create, never a double one);
- µs per journal write: intent and acceptance (synchronous=FULL: an fsync each) and a state
  change (synchronous=NORMAL), median of 200 each on the disk the journal lives on.

The figures are merged into bench/results.json under "batch_throughput".
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results.json"
VENDOR = "sunoapi_org"
GOAL_FRACTION = 0.9
CONCURRENCY = 16
WRITES = 200


def journal_writes(folder: Path) -> dict[str, float]:
    """Median µs per journal write of each kind."""
    from sunokit import Journal, Task

    timings: dict[str, list[float]] = {"intent": [], "accepted": [], "state_change": []}
    with Journal(folder / "writes.sqlite3") as journal:
        ids = []
        for number in range(WRITES):
            started = time.perf_counter()
            ids.append(
                journal.intent(
                    vendor=VENDOR,
                    operation="submit_music",
                    capability="music.generate",
                    request={"prompt": f"song {number}"},
                )
            )
            timings["intent"].append(time.perf_counter() - started)
        for number, entry in enumerate(ids):
            task = Task(vendor=VENDOR, task_id=f"task-{number}", state="queued")
            started = time.perf_counter()
            journal.accepted(entry, task)
            timings["accepted"].append(time.perf_counter() - started)
        for number in range(WRITES):
            task = Task(vendor=VENDOR, task_id=f"task-{number}", state="running")
            started = time.perf_counter()
            journal.observe(task)
            timings["state_change"].append(time.perf_counter() - started)
    return {kind: round(statistics.median(values) * 1e6, 1) for kind, values in timings.items()}


async def run(lines: int, folder: Path) -> dict[str, Any]:
    from sunokit import arun_batch
    from sunokit._specs import operation
    from sunokit.mock import StageTimings
    from sunokit.testing import mock_vendor

    limit = operation(VENDOR, "submit").rate_limit
    assert limit is not None, f"{VENDOR} documents no create limit"
    requests = [{"id": f"line-{n}", "prompt": f"song number {n}"} for n in range(lines)]
    with mock_vendor(VENDOR, timings=StageTimings(0.05, 0.1, 0.15)) as mocked:
        async with mocked.async_client(
            journal=folder / "journal.sqlite3", poll_interval=0.05
        ) as client:
            started = time.monotonic()
            report = await arun_batch(
                client,
                requests,
                batch="bench",
                out=folder / "out",
                concurrency=CONCURRENCY,
            )
            elapsed = time.monotonic() - started
        accepted = sorted(task.created for task in mocked.mock.tasks.values())
        rate_limited = mocked.stats.rate_limited
    burst = min(limit.requests, len(accepted))
    span = accepted[-1] - accepted[burst - 1] if len(accepted) > burst else 0.0
    sustained = (len(accepted) - burst) / span if span > 0 else float("nan")
    documented = limit.requests / limit.per_seconds
    return {
        "vendor": VENDOR,
        "lines": lines,
        "concurrency": CONCURRENCY,
        "documented_creates_per_s": documented,
        "sustained_creates_per_s": round(sustained, 3),
        "fraction_of_limit": round(sustained / documented, 3),
        "end_to_end_lines_per_s": round(lines / elapsed, 3),
        "elapsed_s": round(elapsed, 1),
        "statuses": report.counts(),
        "accepted": len(accepted),
        "rate_limit_refusals": rate_limited,
    }


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--lines", type=int, default=200)
    args = options.parse_args()
    with tempfile.TemporaryDirectory(prefix="sunokit-bench-") as name:
        folder = Path(name)
        writes = journal_writes(folder)
        figures = asyncio.run(run(args.lines, folder))
    figures["journal_write_us"] = writes
    failures = []
    if not figures["fraction_of_limit"] >= GOAL_FRACTION:
        failures.append(
            f"sustained {figures['sustained_creates_per_s']} creates/s is below "
            f"{GOAL_FRACTION} of the documented {figures['documented_creates_per_s']}/s"
        )
    if figures["statuses"] != {"succeeded": args.lines} or figures["accepted"] != args.lines:
        failures.append(f"not every line succeeded once: {figures['statuses']}")
    figures["goals"] = {"fraction_of_limit": GOAL_FRACTION, "met": not failures}

    print(f"{'figure':<34} value")
    for key in (
        "lines",
        "concurrency",
        "documented_creates_per_s",
        "sustained_creates_per_s",
        "fraction_of_limit",
        "end_to_end_lines_per_s",
        "elapsed_s",
        "rate_limit_refusals",
    ):
        print(f"{key:<34} {figures[key]}")
    for kind, micros in writes.items():
        print(f"{'journal write µs: ' + kind:<34} {micros}")
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    results["batch_throughput"] = figures
    RESULTS.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    for failure in failures:
        print(f"GOAL MISSED: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
