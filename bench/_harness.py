"""Shared by the bench scripts (not a figure itself: `make bench` skips bench/_*.py).

A loopback mock in a process of its own (so the client's CPU is measured alone), the machine's
description, and the merge into bench/results.json.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import platform
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results.json"
PYTHON = sys.executable

_SERVE = """
import sys
from sunokit.mock import StageTimings
from sunokit.mock._server import serve
text, first, complete = map(float, sys.argv[2:5])
serve(sys.argv[1], log_level="warning", rate_limits=False, credits=10**9,
      timings=StageTimings(text=text, first=first, complete=complete))
"""


@contextlib.contextmanager
def mock_process(
    vendor: str, timings: tuple[float, float, float] = (0.05, 0.1, 0.15)
) -> Iterator[tuple[str, str]]:
    """`sunokit.mock.serve` in a child process on 127.0.0.1; yields (base_url, api_key)."""
    child = subprocess.Popen(
        [PYTHON, "-c", _SERVE, vendor, *map(str, timings)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        found = re.search(r"base_url=(\S+), api_key=(\S+)", line)
        if found is None:
            raise RuntimeError(f"the mock did not start: {line!r}")
        yield found.group(1), found.group(2)
    finally:
        child.terminate()
        child.wait(10)


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
    }


def merge(key: str, figures: dict[str, Any]) -> None:
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    results[key] = {**figures, "machine": machine()}
    RESULTS.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")


def table(rows: list[tuple[str, Any, Any, Any, Any]]) -> None:
    """figure, value, baseline, ratio, goal."""
    print(f"{'figure':<40} {'value':>12} {'baseline':>12} {'ratio':>7}  goal")
    for figure, value, baseline, ratio, goal in rows:
        print(f"{figure:<40} {value!s:>12} {baseline!s:>12} {ratio!s:>7}  {goal}")


def child_figures(code: str, args: list[str], timeout: float) -> dict[str, Any]:
    """Run `python -c code *args` and read the JSON figures it prints; adds CPU µs per request
    (its `cpu_s` over its `requests`)."""
    out = subprocess.run(
        [PYTHON, "-c", code, *args], capture_output=True, text=True, timeout=timeout
    )
    if out.returncode:
        raise RuntimeError(out.stderr[-3000:])
    figures: dict[str, Any] = json.loads(out.stdout)
    figures["cpu_per_request_us"] = round(figures["cpu_s"] / max(figures["requests"], 1) * 1e6, 1)
    return figures


def median_interval(values: list[float], confidence: float = 0.95) -> tuple[float, float]:
    """A distribution-free confidence interval of the median of `values` (order statistics:
    the k-th smallest and k-th largest, k the largest rank a Binomial(n, 1/2) stays below with
    probability <= (1 - confidence) / 2); the whole range while too few values for one."""
    ordered = sorted(values)
    n = len(ordered)
    tail = (1 - confidence) / 2
    below, k = 0.0, 0
    while k < n and below + math.comb(n, k) / 2**n <= tail:
        below += math.comb(n, k) / 2**n
        k += 1
    if k == 0:
        return ordered[0], ordered[-1]
    return ordered[k - 1], ordered[n - k]
