"""Shared pytest configuration of the contract suite.

Hypothesis profiles: "ci" (the default; small, derandomized, so `make test` is fast and
reproducible) and "deep" (`make fuzz`: HYPOTHESIS_PROFILE=deep). Tests that set their own
`@settings` override only what they name.

The environment: every variable sunokit reads (each vendor's API key and base URL variable,
from the adapters), the proxy variables httpx honours and any SUNOKIT_* variable are removed
for the whole session and again before each test, so an exported SUNOAPI_ORG_BASE_URL (as the
README tells users to set) or a proxy cannot change what the suite sees. Subprocesses inherit
the cleaned environment. Tests that need a variable set it with `monkeypatch.setenv`.
`XDG_STATE_HOME` points at a new temporary directory for each test (the CLI's default journal).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping

import pytest
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

PROXY_VARIABLES: tuple[str, ...] = tuple(
    name
    for base in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")
    for name in (base, base.lower())
)
SUNOKIT_PREFIX = "SUNOKIT_"


def sunokit_variables() -> tuple[str, ...]:
    """The variables the client reads: each vendor adapter's key, base URL and upload URL."""
    import sunokit
    from sunokit._adapters import get_adapter

    names: list[str] = []
    for vendor in sunokit.VENDORS:
        adapter = get_adapter(vendor)
        names += [adapter.env_var, adapter.base_url_env_var, adapter.upload_base_url_env_var]
    return tuple(names)


def variables_to_clear(environ: Mapping[str, str]) -> list[str]:
    """Every variable of `environ` that could change what the suite sees."""
    fixed = set(sunokit_variables()) | set(PROXY_VARIABLES)
    return sorted(name for name in environ if name in fixed or name.startswith(SUNOKIT_PREFIX))


def _clear(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in variables_to_clear(os.environ):
        monkeypatch.delenv(name)


@pytest.fixture(scope="session", autouse=True)
def _clean_session_environment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Before any fixture of any scope (module fixtures that start clients or the demo)."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        _clear(monkeypatch)
        monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))
        yield


@pytest.fixture(autouse=True)
def _clean_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Again for each test: a variable one test leaked never reaches the next. The user state
    directory (where the CLI keeps its task journal by default) is a fresh temporary one, so
    no test writes into the real user's."""
    _clear(monkeypatch)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Schemathesis names each operation's test `test_x[POST /path]` but gives them all the
    node id of `test_x`. pytest-xdist (make test's `-n`) tells tests apart by node id, so it
    would run one of them and drop the rest, and -v or a JUnit report could not tell them
    apart either: each gets its own name as its node id."""
    from _pytest.nodeid import NodeId  # pytest is pinned (the dev extra)

    for item in items:
        module, _, name = item.nodeid.rpartition("::")
        if module and name != item.name and item.name.startswith(f"{name}["):
            item._id = NodeId.parse(f"{module}::{item.name}")
