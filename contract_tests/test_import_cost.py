"""`import sunokit` stays light: what it must not load until something uses it.

The figure itself (import time against `import httpx`) is bench/import_time.py; these tests keep
the structure that makes it: a fresh interpreter, then which modules are in `sys.modules`.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from collections.abc import Iterator

import pytest

GENERATED = ("apikley_client", "relay_client", "sunoapi_com_client", "sunoapi_org_client")


def loaded_after(code: str) -> set[str]:
    """The top-level and sunokit modules loaded in a fresh interpreter after running `code`."""
    script = f"{code}\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))\n"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    return set(json.loads(result.stdout.splitlines()[-1]))


def test_import_sunokit_loads_no_heavy_dependency() -> None:
    loaded = loaded_after("import sunokit")
    heavy = {
        "jsonschema",
        "referencing",
        "yaml",
        "rich",
        "httpx",
        "attrs",
        "sqlite3",
        "sunokit.callbacks",
        "sunokit.mock",
        "sunokit._client",
        "sunokit._batch",
        "sunosay_client",
        *GENERATED,
    }
    assert heavy & loaded == set()


def test_every_public_name_still_loads_on_first_use() -> None:
    loaded = loaded_after(
        "import sunokit\n"
        "assert sunokit.SunoClient.__name__ == 'SunoClient'\n"
        "assert sunokit.callbacks.__name__ == 'sunokit.callbacks'\n"
        "assert 'SunoClient' in dir(sunokit)\n"
        "for name in sunokit.__all__:\n"
        "    getattr(sunokit, name)\n"
    )
    assert {"sunokit._client", "sunokit.callbacks", "sunokit._batch"} <= loaded


@pytest.mark.parametrize(
    ("vendor", "package"),
    [("sunosay", "sunosay_client"), ("sunoapi_org", "sunoapi_org_client")],
)
def test_a_client_loads_only_its_own_vendor(vendor: str, package: str) -> None:
    loaded = loaded_after(
        "import sunokit\n"
        f"sunokit.SunoClient({vendor!r}, api_key='k', callback_url='https://example.com/h')\n"
    )
    generated = {name for name in loaded if name.endswith("_client") and "." not in name}
    assert generated - {"sunokit._client"} == {package}
    # Validation (jsonschema) and callbacks load when a body is first checked / parsed.
    assert {"jsonschema", "sunokit.callbacks", "sunokit._batch"} & loaded == set()


def test_a_valid_body_is_checked_without_jsonschema_or_httpx() -> None:
    # jsonschema_rs recognises a valid body; the Python validator (jsonschema, referencing)
    # loads only to word a violation, and the spec is read without importing the client.
    valid = {"prompt": "a calm piano tune", "model": "v3.5"}
    loaded = loaded_after(f"import sunokit\nassert sunokit.validate('sunosay', {valid!r}) == []\n")
    assert {"jsonschema", "referencing", "httpx", "sunosay_client"} & loaded == set()
    loaded = loaded_after("import sunokit\nassert sunokit.validate('sunosay', {'prompt': 5})\n")
    assert {"jsonschema", "referencing"} <= loaded


def test_an_unknown_name_is_an_attribute_error() -> None:
    import sunokit

    with pytest.raises(AttributeError, match="no attribute 'NoSuchThing'"):
        sunokit.NoSuchThing  # noqa: B018  # the attribute access is the test


def _typed(node: object) -> object:
    """A parsed YAML document with every scalar's type made part of its value."""
    if isinstance(node, dict):
        return {_typed(key): _typed(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_typed(item) for item in node]
    return (type(node).__name__, node)


@pytest.mark.parametrize("vendor", ["apikley", "relay", "sunoapi_com", "sunoapi_org", "sunosay"])
def test_the_packaged_json_is_the_yaml_spec(vendor: str) -> None:
    # load_spec reads <vendor>_client/openapi.json, rendered by `make generate`; the YAML, read
    # by PyYAML's pure-Python safe loader, is the reference: same keys, values and types. A spec
    # edited without `make generate` fails here.
    import yaml
    from sunokit import _specs

    reference = yaml.load(_specs.spec_text(vendor), Loader=yaml.SafeLoader)
    # json.dumps turns the code tables' int keys into the strings load_spec has always given
    assert _typed(_specs.load_spec(vendor)) == _typed(json.loads(json.dumps(reference))), (
        f"generated/{vendor}_client/openapi.json is not specs/{vendor}.yaml: run make generate"
    )


def test_a_missing_packaged_spec_is_a_configuration_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from sunokit import ConfigurationError, _specs

    monkeypatch.setattr(_specs, "SPEC_JSON_NAME", "no-such-spec.json")
    with pytest.raises(ConfigurationError, match=r"sunosay_client/no-such-spec.json is missing"):
        _specs._spec_json("sunosay")


def test_requests_after_the_first_attempt_no_import() -> None:
    """Python caches no failed import: one in the request path searches sys.path again on every
    request. (httpcore 1.0 imports sniffio in every async lock it sets up; without sniffio, which
    anyio >= 4.11 no longer installs, that was ~25 % of an async client's CPU — sunokit depends
    on sniffio.) Every finder consulted on this thread after the first request is recorded."""
    import asyncio
    import importlib.abc
    import threading

    import sunokit
    from sunokit.testing import mock_vendor

    attempts: list[str] = []

    class Recorder(importlib.abc.MetaPathFinder):
        def find_spec(self, name: str, path: object, target: object = None) -> None:
            if threading.current_thread() is threading.main_thread():  # not the mock's thread
                attempts.append(name)

    recorder = Recorder()

    @contextlib.contextmanager
    def watched() -> Iterator[None]:
        sys.meta_path.insert(0, recorder)
        try:
            yield
        finally:
            sys.meta_path.remove(recorder)

    with mock_vendor("sunosay", rate_limits=False) as mocked:
        task = mocked.client.submit(sunokit.Description("warm up"))
        mocked.client.get(task)  # first use: the lazy imports happen here
        with watched():
            for _ in range(3):
                mocked.client.get(mocked.client.submit(sunokit.Description("sync")))

        async def run() -> None:
            async with mocked.async_client() as client:
                await client.get(await client.submit(sunokit.Description("warm up")))
                with watched():
                    for _ in range(3):
                        await client.get(await client.submit(sunokit.Description("async")))

        asyncio.run(run())
    assert attempts == []
