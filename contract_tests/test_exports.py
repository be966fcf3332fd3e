"""The public surface of `sunokit`: `__all__` is sorted, complete and importable, and no private
module leaks out under a public name (the pattern of httpx's tests/test_exported_members.py).

Sorting: `__all__` follows ruff's RUF022 "isort-style" order, which `make lint` enforces on the
package: SCREAMING_SNAKE_CASE constants first, then CamelCase names, then everything else, each
group in case-sensitive natural order. (httpx sorts with `str.casefold`; a plain or casefold sort
would contradict the linter here.)
"""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
import types
from collections.abc import Sequence
from typing import Any

import pytest
import sunokit
import sunokit.mock
import sunokit.testing
from sunokit import callbacks

# Modules re-exported on purpose (in `__all__`).
PUBLIC_MODULES = frozenset({"callbacks"})
# Public submodules, not in `__all__`: attributes of `sunokit` once something imports them.
PUBLIC_SUBMODULES = frozenset({"mock", "testing"})
# Dunder names that are part of the public surface.
INCLUDED_PRIVATE_MEMBERS = frozenset({"__version__"})
# Names every module with `from __future__ import annotations` has; not an export.
NOT_EXPORTS = frozenset({"annotations"})


def _natural(name: str) -> tuple[Any, ...]:
    """Case-sensitive natural key: "v10" after "v9"."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name))


def isort_style_key(name: str) -> tuple[int, tuple[Any, ...]]:
    """ruff RUF022's isort-style key: constants, then classes, then the rest."""
    if len(name) > 1 and name.isupper():
        group = 0
    elif name[:1].isupper():
        group = 1
    else:
        group = 2
    return group, _natural(name)


def public_names(module: types.ModuleType, modules: frozenset[str]) -> set[str]:
    """Names the module exposes: its attributes, and those its `__getattr__` loads on first use
    (listed by its `__dir__`)."""
    names = set()
    for name in dir(module):
        value = getattr(module, name)
        if name in NOT_EXPORTS:
            continue
        if name.startswith("_") and name not in INCLUDED_PRIVATE_MEMBERS:
            continue
        if isinstance(value, types.ModuleType) and name not in modules:
            continue
        names.add(name)
    return names


def test_the_sort_key_matches_ruff_on_a_known_case() -> None:
    # What `ruff check --select RUF022 --fix` makes of this list (checked with ruff 0.17).
    assert sorted(["b", "A", "CONST", "Zed", "__version__", "a"], key=isort_style_key) == [
        "CONST",
        "A",
        "Zed",
        "__version__",
        "a",
        "b",
    ]


@pytest.mark.parametrize(
    "module",
    [sunokit, callbacks, sunokit.mock, sunokit.testing],
    ids=lambda module: module.__name__,
)
def test_all_is_sorted_without_duplicates(module: types.ModuleType) -> None:
    exported: Sequence[str] = module.__all__
    assert list(exported) == sorted(exported, key=isort_style_key)
    assert len(set(exported)) == len(exported)


def test_all_equals_the_public_names() -> None:
    assert set(sunokit.__all__) == public_names(sunokit, PUBLIC_MODULES)


def test_callbacks_exports_only_its_public_names() -> None:
    assert set(callbacks.__all__) <= public_names(callbacks, frozenset())
    public_functions = {
        name
        for name, value in vars(callbacks).items()
        if not name.startswith("_")
        and isinstance(value, types.FunctionType)
        and value.__module__ == callbacks.__name__
    }
    assert public_functions <= set(callbacks.__all__)


@pytest.mark.parametrize("name", sunokit.__all__)
def test_every_exported_name_is_importable(name: str) -> None:
    namespace: dict[str, Any] = {}
    exec(f"from sunokit import {name}", namespace)
    assert namespace[name] is getattr(sunokit, name)


def test_star_import_gives_exactly_all() -> None:
    namespace: dict[str, Any] = {}
    exec("from sunokit import *", namespace)
    namespace.pop("__builtins__", None)
    assert set(namespace) == set(sunokit.__all__)


def test_a_fresh_interpreter_imports_the_public_surface() -> None:
    code = (
        "import sunokit, sys\n"
        "from sunokit import *\n"
        "names = globals()\n"
        "missing = [n for n in sunokit.__all__ if n not in names]\n"
        "print(' '.join(missing))\n"
        "sys.exit(1 if missing else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_private_module_is_reexported_under_a_public_name() -> None:
    for name, value in vars(sunokit).items():
        if name.startswith("_") or not isinstance(value, types.ModuleType):
            continue
        assert name in PUBLIC_MODULES | PUBLIC_SUBMODULES, (
            f"sunokit.{name} is the module {value.__name__}"
        )
        assert value.__name__ == f"sunokit.{name}"
        assert not any(part.startswith("_") for part in value.__name__.split(".")), value
    for name in sunokit.__all__:
        value = getattr(sunokit, name)
        if isinstance(value, types.ModuleType):
            assert value is importlib.import_module(f"sunokit.{name}")


def test_exported_classes_come_from_sunokit() -> None:
    for name in sunokit.__all__:
        value = getattr(sunokit, name)
        if isinstance(value, type):
            assert value.__module__.split(".")[0] == "sunokit", (name, value.__module__)
            assert value.__name__ == name


def test_version_matches_the_distribution() -> None:
    from importlib.metadata import version

    assert sunokit.__version__ == version("sunokit")


def test_the_download_helper_is_public() -> None:
    # Users reach for it after generate(): one front door, sync and async, one error type.
    assert {"download", "adownload", "DownloadError"} <= set(sunokit.__all__)
    assert issubclass(sunokit.DownloadError, sunokit.SunokitError)
    assert sunokit.download.__module__ == sunokit.adownload.__module__ == "sunokit._downloads"


def test_the_task_journal_is_public() -> None:
    # Recovery after a crash starts from it: `journal=` on the clients, `client.pending()`.
    assert {"Journal", "JournalEntry"} <= set(sunokit.__all__)
    assert sunokit.Journal.__module__ == sunokit.JournalEntry.__module__ == "sunokit._journal"


def test_batches_are_public() -> None:
    # `sunokit batch` has a library twin, sync and async.
    assert {"run_batch", "arun_batch", "BatchReport", "LineResult"} <= set(sunokit.__all__)
    assert sunokit.run_batch.__module__ == sunokit.arun_batch.__module__ == "sunokit._batch"
