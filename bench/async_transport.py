"""The optional aiohttp transport vs httpx's own, under many concurrent async generate() calls.

    .venv/bin/python bench/async_transport.py           # 300, 1,000 and 10,000 at once
    .venv/bin/python bench/async_transport.py --smoke   # 100 and 300

Same work as bench/concurrent_generate.py (the SunoSay mock in a process of its own, a task
finishing 0.15 s after submission, poll_interval 0.05 s, the client's default max_concurrency),
run twice per N in fresh child processes: AsyncSunoClient on its default httpx transport, and
AsyncSunoClient(http_client=httpx_aiohttp.HttpxAiohttpClient()) — what `sunokit[aiohttp]`
installs, as openai-python's `DefaultAioHttpClient`. Requests are counted by the mock (its
/__mock__/stats), so both transports are measured the same way. Figures per N and transport:
failures, wall time, CPU (user + sys) per request, peak RSS.

Goal (exit 1 when missed): 0 failures on both transports at every N. The CPU ratio is reported,
not a goal: whether aiohttp is worth installing is what this measures.

Merged into bench/results.json under "async_transport" ("async_transport_smoke").
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _harness import child_figures, merge, mock_process, table

VENDOR = "sunosay"
POLL = 0.05

_CHILD = r"""
import asyncio, collections, json, resource, sys, time
import httpx, sunokit
transport, n, base_url, api_key, poll = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], float(sys.argv[5])

def usage():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime

def served():
    return sum(httpx.get(base_url + "/__mock__/stats").json()["requests"].values())

async def main():
    if transport == "aiohttp":
        import httpx_aiohttp
        http = httpx_aiohttp.HttpxAiohttpClient(timeout=60)
    else:
        http = httpx.AsyncClient(timeout=60)
    async with http, sunokit.AsyncSunoClient("sunosay", api_key=api_key, base_url=base_url,
                                             poll_interval=poll, http_client=http) as client:
        await client.get(await client.submit(sunokit.Description("warm up")))
        before = served()
        cpu, wall = usage(), time.perf_counter()
        results = await asyncio.gather(
            *(client.generate(sunokit.Description(f"song {i}"), timeout=1800) for i in range(n)),
            return_exceptions=True)
        cpu, wall = usage() - cpu, time.perf_counter() - wall
    kinds = collections.Counter(type(r).__name__ for r in results)
    return {"failures": n - kinds.get("Task", 0), "errors": dict(kinds),
            "requests": served() - before, "cpu_s": cpu, "wall_s": wall}

figures = asyncio.run(main())
figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(figures))
"""


def child(transport: str, n: int, base_url: str, api_key: str) -> dict[str, Any]:
    return child_figures(_CHILD, [transport, str(n), base_url, api_key, str(POLL)], 1800)


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--smoke", action="store_true")
    args = options.parse_args()
    sizes = (100, 300) if args.smoke else (300, 1000, 10000)
    figures: dict[str, Any] = {}
    failures: list[str] = []
    rows = []
    for n in sizes:
        runs = {}
        for transport in ("httpx", "aiohttp"):
            with mock_process(VENDOR) as (base_url, api_key):
                runs[transport] = child(transport, n, base_url, api_key)
            if runs[transport]["failures"]:
                failures.append(f"N={n} {transport}: {runs[transport]['errors']}")
        httpx_run, aiohttp_run = runs["httpx"], runs["aiohttp"]
        ratio = round(aiohttp_run["cpu_per_request_us"] / httpx_run["cpu_per_request_us"], 3)
        figures[str(n)] = {**runs, "aiohttp_cpu_ratio": ratio}
        for label, key, digits in (
            ("failures", "failures", 0),
            ("CPU µs per request", "cpu_per_request_us", 1),
            ("wall s", "wall_s", 2),
            ("peak RSS MB", "peak_rss_mb", 1),
        ):
            rows.append(
                (
                    f"N={n} {label}",
                    round(httpx_run[key], digits),
                    round(aiohttp_run[key], digits),
                    ratio if key == "cpu_per_request_us" else "",
                    "0" if key == "failures" else "",
                )
            )
    table(rows)
    figures["goals"] = {"failures": 0, "met": not failures}
    figures["columns"] = ["httpx transport", "aiohttp transport", "aiohttp/httpx CPU"]
    merge("async_transport_smoke" if args.smoke else "async_transport", figures)
    for failure in failures:
        print(f"GOAL MISSED: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
