"""How fast `sunokit.callbacks.parse` is, as a ratio to `json.loads` of the same body.

    .venv/bin/python bench/callbacks_parse.py            # the installed validators
    .venv/bin/python bench/callbacks_parse.py --no-rs    # as if jsonschema_rs were not installed

Bodies of 100 KB and 1 MB are built from each vendor's documented "complete" example, in
three shapes, and the figure is the time to an answer (a Task, or the CallbackError refusing
the body), the best of 9 timings of each, json.loads and parse taken in turns:

- lyrics: a valid callback, the spec's track repeated (at most DEFAULT_MAX_TRACKS times) with
  its lyrics lengthened to fill the size;
- tracks: the spec's track repeated as often as fits (thousands: over the track bound);
- tiny:   the smallest tracks the schema allows, as many as fit (the worst case per byte);
- invalid: the lyrics body with one wrong value in its last track (no kind takes it: the
  distance to every kind is measured and the nearest one's violation worded);
- other:  another kind than music (the lyrics callback, where the vendor has one), its
  variants' text lengthened to fill the size (the kind is read from the body).

Goals (exit 1 when one is missed), for every vendor and shape:

- an answer takes at most 50 ms per 100 KB body;
- linear: the 1 MB body costs at most 12x the 100 KB one - or, where json.loads itself scales
  worse on those bodies (hundreds of thousands of tiny objects make CPython's cyclic GC run
  often), parse's ratio to json.loads at 1 MB is at most 1.5x its ratio at 100 KB: parse then
  scales as its baseline does, and the baseline's own cost is not parse's.

The figures are merged into bench/results.json under "callbacks_parse" (or
"callbacks_parse_no_rs").
"""

from __future__ import annotations

import argparse
import copy
import functools
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results.json"
SIZES = {"100KB": 100_000, "1MB": 1_000_000}
GOAL_MS_PER_100KB = 50.0
GOAL_LINEAR_RATIO = 12.0
REPEAT = 9


def complete_example(vendor: str) -> dict[str, Any]:
    from sunokit._specs import load_spec

    for item in load_spec(vendor)["paths"].values():
        for callback in (item.get("post", {}).get("callbacks") or {}).values():
            for callback_item in callback.values():
                media = callback_item["post"]["requestBody"]["content"]["application/json"]
                for example in media.get("examples", {}).values():
                    value = example["value"]
                    tracks = value["data"] if isinstance(value["data"], list) else None
                    if tracks is None and value["data"].get("callbackType") == "complete":
                        tracks = value["data"].get("data")
                    if tracks and value["code"] == 200:
                        return copy.deepcopy(value)
    raise LookupError(f"{vendor}: no complete callback example with tracks")


def body_of(vendor: str, size: int, max_tracks: int) -> bytes:
    """A valid callback of `size` bytes: the example's track repeated, lyrics lengthened."""
    value = complete_example(vendor)
    tracks = value["data"] if isinstance(value["data"], list) else value["data"]["data"]
    lyrics_key = "lyrics" if "lyrics" in tracks[0] else "prompt"
    count = min(max_tracks, max(2, size // 5_000))
    template = tracks[0]
    tracks[:] = [copy.deepcopy(template) for _ in range(count)]
    base = len(json.dumps(value).encode())
    verse = "[Verse]\nWoke up today the sky was gold, a story untold\n"
    per_track = max(0, (size - base) // count)
    for track in tracks:
        track[lyrics_key] = (str(track[lyrics_key] or "") + verse * (per_track // len(verse) + 1))[
            : len(str(track[lyrics_key] or "")) + per_track
        ]
    raw = json.dumps(value).encode()
    return raw + b" " * max(0, size - len(raw))


def many_tracks(vendor: str, size: int, tiny: bool) -> bytes:
    """The example with its track list repeated until the body is `size` bytes."""
    value = complete_example(vendor)
    tracks = value["data"] if isinstance(value["data"], list) else value["data"]["data"]
    track = tracks[0]
    if tiny:
        track = {"clip_id": "c", "state": "succeeded"} if isinstance(value["data"], list) else {}
    tracks[:] = [track]
    one = len(json.dumps(track).encode()) + 2
    tracks[:] = [track] * max(1, (size - len(json.dumps(value).encode())) // one)
    raw = json.dumps(value).encode()
    return raw + b" " * max(0, size - len(raw))


def invalid(vendor: str, size: int, max_tracks: int) -> bytes:
    """The lyrics-shaped body with a number where its last track has a string."""
    value = json.loads(body_of(vendor, size, max_tracks))
    tracks = value["data"] if isinstance(value["data"], list) else value["data"]["data"]
    key = next(key for key, field in tracks[-1].items() if isinstance(field, str))
    tracks[-1][key] = 5
    raw = json.dumps(value).encode()
    return raw + b" " * max(0, size - len(raw))


def other_kind(vendor: str, size: int) -> bytes | None:
    """A successful lyrics callback of `size` bytes, or None when the vendor sends none."""
    from sunokit import callbacks
    from sunokit._specs import operations

    kind = next(
        (k for k in callbacks.callback_kinds(vendor) if k.capability == "lyrics.generate"), None
    )
    if kind is None:
        return None
    definition = next(
        o.definition for o in operations(vendor) if o.operation_id == kind.operation_id
    )
    for callback in definition["callbacks"].values():
        for item in callback.values():
            media = item["post"]["requestBody"]["content"]["application/json"]
            for example in media.get("examples", {}).values():
                value = copy.deepcopy(example["value"])
                items = value["data"].get("data") if isinstance(value["data"], dict) else None
                if value.get("code") == 200 and items:
                    base = len(json.dumps(value).encode())
                    verse = "[Verse]\nRain on a tin roof, the night is long\n"
                    per_item = max(0, (size - base) // len(items))
                    for entry in items:
                        entry["text"] = (verse * (per_item // len(verse) + 1))[:per_item]
                    raw = json.dumps(value).encode()
                    return raw + b" " * max(0, size - len(raw))
    return None


def answer(parse: Callable[[str, bytes], Any], vendor: str, body: bytes) -> Any:
    from sunokit import CallbackError

    try:
        return parse(vendor, body)
    except CallbackError as error:
        return error


def best_of_both(baseline: Callable[[], Any], measured: Callable[[], Any]) -> tuple[float, float]:
    """The best of REPEAT timings of each, taken in turns (which goes first alternates): a slow
    spell of the shared machine, or a garbage collection the other left due, then falls on both
    instead of on one side's only good chance (once json.loads of a 100 KB body took 1.00 ms
    in one series of 5 while parse, which includes it, took 0.58 ms in the next)."""
    timings: tuple[list[float], list[float]] = ([], [])
    for index in range(REPEAT):
        for side in (0, 1) if index % 2 == 0 else (1, 0):
            function = (baseline, measured)[side]
            start = time.perf_counter()
            function()
            timings[side].append(time.perf_counter() - start)
    return min(timings[0]), min(timings[1])


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--no-rs", action="store_true", help="block the jsonschema_rs import")
    args = options.parse_args()
    if args.no_rs:
        sys.modules["jsonschema_rs"] = None  # type: ignore[assignment]
    from sunokit import callbacks

    max_tracks = getattr(callbacks, "DEFAULT_MAX_TRACKS", 100)
    figures: dict[str, Any] = {}
    failures: list[str] = []
    shapes: dict[str, Callable[[str, int], bytes | None]] = {
        "lyrics": lambda vendor, size: body_of(vendor, size, max_tracks),
        "tracks": lambda vendor, size: many_tracks(vendor, size, tiny=False),
        "tiny": lambda vendor, size: many_tracks(vendor, size, tiny=True),
        "invalid": lambda vendor, size: invalid(vendor, size, max_tracks),
        "other": other_kind,
    }
    print(
        f"{'vendor':<12} {'shape':<7} {'body':>6} {'json.loads':>11} {'parse':>10} {'ratio':>7}"
        "  answer"
    )
    for vendor in callbacks.callback_vendors():
        for shape, build in shapes.items():
            per: dict[str, float] = {}
            loads: dict[str, float] = {}
            for label, size in SIZES.items():
                body = build(vendor, size)
                if body is None:  # the vendor sends no such kind
                    break
                result = answer(callbacks.parse, vendor, body)  # also warms the caches
                said = (
                    f"{result.operation}: {len(result.tracks)} tracks"
                    if hasattr(result, "tracks")
                    else "refused"
                )
                baseline, parsed = best_of_both(
                    functools.partial(json.loads, body),
                    functools.partial(answer, callbacks.parse, vendor, body),
                )
                per[label] = parsed
                loads[label] = baseline
                figures[f"{vendor}/{shape}/{label}"] = {
                    "bytes": len(body),
                    "answer": said,
                    "json_loads_ms": round(baseline * 1e3, 3),
                    "parse_ms": round(parsed * 1e3, 3),
                    "ratio_to_json_loads": round(parsed / baseline, 1),
                }
                print(
                    f"{vendor:<12} {shape:<7} {label:>6} {baseline * 1e3:>8.2f} ms "
                    f"{parsed * 1e3:>7.2f} ms {parsed / baseline:>6.1f}x  {said}"
                )
            if len(per) < len(SIZES):
                continue
            linear = per["1MB"] / per["100KB"]
            growth = (per["1MB"] / loads["1MB"]) / (per["100KB"] / loads["100KB"])
            figures[f"{vendor}/{shape}/1MB_over_100KB"] = {
                "parse": round(linear, 1),
                "json_loads": round(loads["1MB"] / loads["100KB"], 1),
            }
            if per["100KB"] * 1e3 > GOAL_MS_PER_100KB:
                failures.append(f"{vendor} {shape}: {per['100KB'] * 1e3:.1f} ms per 100 KB")
            if linear > GOAL_LINEAR_RATIO and growth > 1.5:
                failures.append(
                    f"{vendor} {shape}: 1 MB costs {linear:.1f}x the 100 KB one, and "
                    f"{growth:.1f}x more relative to json.loads"
                )
    figures["goals"] = {
        "ms_per_100KB": GOAL_MS_PER_100KB,
        "1MB_over_100KB": GOAL_LINEAR_RATIO,
        "met": not failures,
    }
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    results["callbacks_parse_no_rs" if args.no_rs else "callbacks_parse"] = figures
    RESULTS.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    for failure in failures:
        print(f"GOAL MISSED: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
