"""bench/_harness.py's statistics: the interval the benchmarks' sequential verdicts rest on."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path
from types import ModuleType

import pytest


@pytest.fixture(scope="module")
def harness() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "bench" / "_harness.py"
    spec = importlib.util.spec_from_file_location("bench_harness", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_median_interval_is_the_binomial_order_statistics(harness: ModuleType) -> None:
    # n = 10: P(Bin(10, 1/2) <= 1) = 0.011 <= 0.025 < P(<= 2) = 0.055, so the 2nd and 9th values
    assert harness.median_interval([float(v) for v in range(10, 0, -1)]) == (2.0, 9.0)
    # n = 40: 0.025 lies between P(<= 13) = 0.019 and P(<= 14) = 0.040: the 14th and 27th
    assert harness.median_interval([float(v) for v in range(1, 41)]) == (14.0, 27.0)


def test_too_few_values_give_their_whole_range(harness: ModuleType) -> None:
    assert harness.median_interval([3.0, 1.0, 2.0]) == (1.0, 3.0)
    assert harness.median_interval([5.0]) == (5.0, 5.0)


def test_the_interval_covers_the_median_at_least_as_often_as_promised(
    harness: ModuleType,
) -> None:
    draw = random.Random(11)
    trials = 2000
    covered = 0
    for _ in range(trials):
        low, high = harness.median_interval([draw.gauss(1.0, 0.1) for _ in range(30)])
        covered += low <= 1.0 <= high
    assert 0.95 <= covered / trials <= 0.99
