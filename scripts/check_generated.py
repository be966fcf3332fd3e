#!/usr/bin/env python3
"""Fail if generated/ is not exactly what `make generate` produces now (`make check-generated`).

    python scripts/check_generated.py [--generated DIR] [--specs DIR]

Regenerates every spec into a temporary directory with the same machinery as
scripts/generate.py and compares the result with generated/ file by file, in both directions
(missing, extra and different files, MANIFEST.json included). Build and cache artefacts
(__pycache__, *.pyc, *.egg-info, .mypy_cache, .pytest_cache) in generated/ are ignored;
a .ruff_cache is not (the generator must never leave one).

Exit 0: "generated/ is up to date". Exit 1: a readable unified diff (capped) and
"generated/ is stale: run `make generate` and commit". Exit 2: regeneration itself failed.
"""

from __future__ import annotations

import argparse
import difflib
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # scripts/generate.py (stdlib only)

MAX_DIFF_LINES = 300
IGNORED_NAMES = frozenset({"__pycache__", ".mypy_cache", ".pytest_cache"})
IGNORED_SUFFIXES = (".pyc", ".pyo", ".egg-info")
STALE = "generated/ is stale: run `make generate` and commit"
UP_TO_DATE = "generated/ is up to date"


def _ignored(rel: Path) -> bool:
    return any(part in IGNORED_NAMES or part.endswith(IGNORED_SUFFIXES) for part in rel.parts)


def tree_files(root: Path) -> dict[str, Path]:
    """relative posix path -> file, for every file under root that is not a build artefact."""
    if not root.is_dir():
        return {}
    files = {}
    for path in root.rglob("*"):
        rel = path.relative_to(root)
        if _ignored(rel) or path.is_dir():
            continue
        files[rel.as_posix()] = path
    return files


def _lines(path: Path) -> list[str]:
    return path.read_bytes().decode("utf-8", errors="replace").splitlines(keepends=True)


def compare(expected_root: Path, actual_root: Path, label: str = "generated") -> list[str]:
    """Report lines for every difference between a fresh tree and the committed one."""
    expected = tree_files(expected_root)
    actual = tree_files(actual_root)
    report: list[str] = []
    for rel in sorted(expected.keys() - actual.keys()):
        report.append(f"missing in {label}/: {rel}\n")
    for rel in sorted(actual.keys() - expected.keys()):
        report.append(f"extra in {label}/ (not generated from any spec): {rel}\n")
    for rel in sorted(expected.keys() & actual.keys()):
        if expected[rel].read_bytes() == actual[rel].read_bytes():
            continue
        diff = list(
            difflib.unified_diff(
                _lines(actual[rel]),
                _lines(expected[rel]),
                fromfile=f"{label}/{rel} (committed)",
                tofile=f"{label}/{rel} (regenerated)",
            )
        )
        if not diff:  # same text, different bytes (line endings, encoding)
            diff = [f"{label}/{rel}: differs in bytes only (line endings or encoding)\n"]
        report.extend(line if line.endswith("\n") else line + "\n" for line in diff)
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--generated", type=Path, default=generate.DEFAULT_OUT)
    parser.add_argument("--specs", type=Path, default=generate.SPECS_DIR)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="sunokit-check-generated-") as tmp:
        fresh = Path(tmp) / "generated"
        try:
            generate.generate_all(fresh, args.specs, log=False)
        except generate.GenerationError as exc:
            print(f"error: cannot regenerate the clients:\n{exc}", file=sys.stderr)
            return 2
        report = compare(fresh, args.generated)

    if not report:
        print(UP_TO_DATE)
        return 0
    shown = report[:MAX_DIFF_LINES]
    sys.stdout.write("".join(shown))
    if len(report) > len(shown):
        print(f"... {len(report) - len(shown)} more diff lines not shown")
    print(STALE)
    return 1


if __name__ == "__main__":
    sys.exit(main())
