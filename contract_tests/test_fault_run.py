"""A randomized fault run: many generate() calls on every vendor's mock, sync and async, each
with random faults (every kind, every scope, processed or not), checking per call that

- no call created more than one task, and a call that succeeded created exactly one;
- every error raised after the submit was accepted names that task (no lost task ids);
- only sunokit errors come out (no raw exceptions);
- every call ends in bounded time (no hangs).

`make test` runs a small seeded run; `make fuzz` (HYPOTHESIS_PROFILE=deep) runs 1,000 calls.
"""

from __future__ import annotations

import asyncio
import collections
import concurrent.futures
import json
import os
import random
import time
from typing import Any

import attrs
import pytest
import sunokit
from sunokit import _specs
from sunokit.mock import FAULT_KINDS, FAULT_SCOPES
from sunokit.testing import MockedVendor, mock_vendor

DEEP = os.environ.get("HYPOTHESIS_PROFILE") == "deep"
CALLS = 1000 if DEEP else 60
SEED = int(os.environ.get("SUNOKIT_FAULT_SEED", "20261130")) if DEEP else 20261130
#: A call that takes longer than this hangs (each wait is bounded far below it).
HANG_SECONDS = 30.0

_STATUSES = {"server_error": [500, 502, 503], "html_error": [200, 401, 429, 502, 503]}
_STATUSES["empty_body"] = [200, 429, 503]


@attrs.frozen
class Plan:
    vendor: str
    driver: str
    faults: tuple[dict[str, Any], ...]
    marker: str


@attrs.define
class Outcome:
    plan: Plan
    accepted_ids: list[str]
    submitted_id: str | None
    result: Any
    seconds: float


def _plans(rng: random.Random, calls: int) -> list[Plan]:
    plans = []
    for number in range(calls):
        faults = []
        for _ in range(rng.choice([0, 1, 1, 2])):
            kind = rng.choice([k for k in FAULT_KINDS if k != "slow"] + ["slow"])
            fault: dict[str, Any] = {
                "kind": kind,
                "scope": rng.choice([s for s in FAULT_SCOPES if s != "media"]),
                "times": rng.choice([1, 1, 2, 3, None]),
            }
            if kind in _STATUSES:
                fault["status"] = rng.choice(_STATUSES[kind])
            if kind == "slow":
                fault["delay"] = rng.choice([0.1, 0.6])
            if kind not in ("maintenance", "slow") and rng.random() < 0.5:
                fault["processed"] = True
            faults.append(fault)
        plans.append(
            Plan(
                vendor=rng.choice(_specs.VENDORS),
                driver=rng.choice(["sync", "async"]),
                faults=tuple(faults),
                marker=f"fault run tune {number}",
            )
        )
    return plans


def _quick_sleep(seconds: float) -> None:
    time.sleep(min(seconds, 0.05))


async def _quick_async_sleep(seconds: float) -> None:
    await asyncio.sleep(min(seconds, 0.05))


_CLIENT = {"timeout": 0.4, "max_retries": 2}
_WAIT = {"timeout": 3.0}


def _call(mocked: MockedVendor, plan: Plan) -> Outcome:
    mocked.clear_faults()
    for fault in plan.faults:
        mocked.set_fault(fault["kind"], **{k: v for k, v in fault.items() if k != "kind"})
    submitted: list[str] = []

    def on_update(task: sunokit.Task) -> None:
        if not submitted:
            submitted.append(task.task_id)

    request = sunokit.Description(plan.marker)
    started = time.monotonic()
    result: Any
    try:
        if plan.driver == "sync":
            with mocked.new_client(sleep=_quick_sleep, **_CLIENT) as client:
                result = client.generate(request, on_update=on_update, **_WAIT)
        else:

            async def go() -> sunokit.Task:
                async with mocked.async_client(sleep=_quick_async_sleep, **_CLIENT) as client:
                    return await asyncio.wait_for(
                        client.generate(request, on_update=on_update, **_WAIT), HANG_SECONDS
                    )

            result = asyncio.run(go())
    except BaseException as error:  # every outcome, raw exceptions included, is judged below
        result = error
    seconds = time.monotonic() - started
    mocked.clear_faults()
    accepted = [
        task_id
        for task_id, task in mocked.mock.tasks.items()
        if plan.marker in json.dumps(task.body)
    ]
    return Outcome(plan, accepted, submitted[0] if submitted else None, result, seconds)


def _task_of(error: BaseException) -> sunokit.Task | None:
    task = getattr(error, "task", None)
    return task if isinstance(task, sunokit.Task) else None


def _judge(outcome: Outcome) -> list[str]:
    """The broken promises of one call, in words (empty: all kept)."""
    problems = []
    result, accepted = outcome.result, outcome.accepted_ids
    if len(accepted) > 1:
        problems.append(f"billed {len(accepted)} times")
    if isinstance(result, sunokit.Task):
        if accepted != [result.task_id]:
            problems.append(f"succeeded as {result.task_id} but the mock accepted {accepted}")
    elif isinstance(result, asyncio.TimeoutError):
        problems.append("hang")
    elif not isinstance(result, sunokit.SunokitError):
        problems.append(f"raw exception {type(result).__name__}: {result}")
    elif outcome.submitted_id is not None:
        task = _task_of(result)
        if task is None or task.task_id != outcome.submitted_id:
            problems.append(f"lost task id {outcome.submitted_id} in {result!r}")
        elif outcome.submitted_id not in str(result):
            problems.append(f"task id {outcome.submitted_id} not named in {result}")
    if outcome.seconds > HANG_SECONDS:
        problems.append(f"took {outcome.seconds:.1f} s")
    return problems


def _run_vendor(vendor: str, plans: list[Plan]) -> list[Outcome]:
    with mock_vendor(vendor, rate_limits=False) as mocked:
        return [_call(mocked, plan) for plan in plans]


@pytest.mark.fuzz
def test_randomized_fault_run() -> None:
    plans = _plans(random.Random(SEED), CALLS)
    by_vendor: dict[str, list[Plan]] = collections.defaultdict(list)
    for plan in plans:
        by_vendor[plan.vendor].append(plan)
    with concurrent.futures.ThreadPoolExecutor(max_workers=len(by_vendor)) as pool:
        futures = {pool.submit(_run_vendor, v, p): v for v, p in by_vendor.items()}
        outcomes = [o for f in futures for o in f.result(timeout=HANG_SECONDS * CALLS)]
    assert len(outcomes) == CALLS
    problems = {
        f"{o.plan.vendor}/{o.plan.driver} {list(o.plan.faults)}": p
        for o in outcomes
        if (p := _judge(o))
    }
    kinds = collections.Counter(f["kind"] for o in outcomes for f in o.plan.faults)
    succeeded = sum(isinstance(o.result, sunokit.Task) for o in outcomes)
    failed_after_acceptance = sum(
        o.submitted_id is not None and not isinstance(o.result, sunokit.Task) for o in outcomes
    )
    print(
        f"\nfault run: {CALLS} calls (seed {SEED}), {succeeded} succeeded, "
        f"{failed_after_acceptance} failed after acceptance, fault kinds {dict(kinds)}"
    )
    assert not problems, problems
    # the run exercised what it claims to: every fault kind, both drivers, failures after
    # acceptance as well as successes
    assert set(kinds) == set(FAULT_KINDS)
    assert {o.plan.driver for o in outcomes} == {"sync", "async"}
    assert succeeded > 0
    assert failed_after_acceptance > 0
