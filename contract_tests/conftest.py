"""Shared pytest configuration of the contract suite.

Hypothesis profiles: "ci" (the default; small, derandomized, so `make test` is fast and
reproducible) and "deep" (`make fuzz`: HYPOTHESIS_PROFILE=deep). Tests that set their own
`@settings` override only what they name.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_QUIET = [HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large]

settings.register_profile(
    "ci",
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=_QUIET,
)
settings.register_profile(
    "deep",
    max_examples=500,
    deadline=None,
    suppress_health_check=_QUIET,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
