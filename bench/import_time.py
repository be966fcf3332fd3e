"""What `import sunokit` costs against `import httpx`, and the first validate() in a process.

    .venv/bin/python bench/import_time.py           # 15 fresh processes each
    .venv/bin/python bench/import_time.py --smoke   # 5

Each figure is the median over fresh interpreters (`python -c`, timed inside the child with
perf_counter around the import, so interpreter start-up is excluded), alternating the two
imports. httpx is sunokit's own first dependency, so the ratio is what sunokit adds on top of
the HTTP stack it needs anyway. Goal: import sunokit <= 1.3x import httpx (exit 1 when missed).
`import sunokit` loads only the errors (the rest on first use), so also, without a goal:
`import sunokit` plus a ready `SunoClient("sunosay")` (what a program pays before its first
request: the client, its one vendor's generated package and spec), the first
`sunokit.validate()` in a process (specs loaded, schema compiled), and the slowest modules of
`python -X importtime -c "import sunokit; sunokit.SunoClient"` (the hot spots).

Merged into bench/results.json under "import_time" ("import_time_smoke" with --smoke).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _harness import PYTHON, merge, table

GOAL = 1.3
_TIMED = """
import time, json
started = time.perf_counter()
import {module}
imported = time.perf_counter()
first = None
if {client}:
    sunokit.SunoClient("sunosay", api_key="k")
    imported = time.perf_counter()
if {validate}:
    sunokit.validate("sunoapi_org", {{"prompt": "a calm piano tune", "customMode": False,
        "instrumental": False, "model": "V4_5", "callBackUrl": "https://example.com/hook"}})
    first = time.perf_counter() - imported
print(json.dumps([imported - started, first]))
"""


def once(module: str, validate: bool = False, client: bool = False) -> tuple[float, float | None]:
    out = subprocess.run(
        [PYTHON, "-c", _TIMED.format(module=module, validate=validate, client=client)],
        capture_output=True,
        text=True,
        check=True,
    )
    took, first = json.loads(out.stdout)
    return took, first


def hot_spots(limit: int = 8) -> list[dict[str, Any]]:
    """The modules with the largest self time in `-X importtime` (one run)."""
    out = subprocess.run(
        [PYTHON, "-X", "importtime", "-c", "import sunokit; sunokit.SunoClient"],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = []
    for line in out.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cumulative, name = (part.strip() for part in line[12:].split("|"))
        rows.append(
            {
                "module": name.strip(),
                "self_ms": int(self_us) / 1e3,
                "cumulative_ms": int(cumulative) / 1e3,
            }
        )
    rows.sort(key=lambda row: row["self_ms"], reverse=True)
    return rows[:limit]


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--smoke", action="store_true")
    args = options.parse_args()
    runs = 5 if args.smoke else 15
    ours, theirs, firsts, ready = [], [], [], []
    for _ in range(runs):
        theirs.append(once("httpx")[0])
        took, first = once("sunokit", validate=True)
        ours.append(took)
        assert first is not None
        firsts.append(first)
        ready.append(once("sunokit", client=True)[0])
    mine, base = statistics.median(ours), statistics.median(theirs)
    ratio = round(mine / base, 2)
    client_ready = statistics.median(ready)
    figures: dict[str, Any] = {
        "runs": runs,
        "import_sunokit_ms": round(mine * 1e3, 1),
        "import_httpx_ms": round(base * 1e3, 1),
        "ratio": ratio,
        "spread_ms": {
            "import_sunokit": [round(min(ours) * 1e3, 1), round(max(ours) * 1e3, 1)],
            "import_httpx": [round(min(theirs) * 1e3, 1), round(max(theirs) * 1e3, 1)],
        },
        "client_ready_ms": round(client_ready * 1e3, 1),
        "client_ready_ratio": round(client_ready / base, 2),
        "first_validate_ms": round(statistics.median(firsts) * 1e3, 1),
        "hot_spots": hot_spots(),
        "goals": {"ratio": GOAL, "met": ratio <= GOAL},
    }
    table(
        [
            (
                "import sunokit ms",
                figures["import_sunokit_ms"],
                figures["import_httpx_ms"],
                ratio,
                f"<= {GOAL} {'met' if ratio <= GOAL else 'MISSED'}",
            ),
            (
                "import + SunoClient('sunosay') ms",
                figures["client_ready_ms"],
                figures["import_httpx_ms"],
                figures["client_ready_ratio"],
                "",
            ),
            ("first validate() ms (sunoapi_org)", figures["first_validate_ms"], "", "", ""),
        ]
    )
    print("slowest modules (self ms):")
    for row in figures["hot_spots"]:
        print(f"  {row['self_ms']:8.1f}  {row['module']}")
    merge("import_time_smoke" if args.smoke else "import_time", figures)
    if ratio > GOAL:
        print(
            f"GOAL MISSED: import sunokit is {ratio}x import httpx (goal <= {GOAL}x)",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
