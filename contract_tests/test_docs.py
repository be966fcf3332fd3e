"""The generated modes/limits table in docs/ and README.md matches the specs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_limits_table_is_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "docs.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_limits_table_is_read_from_the_specs() -> None:
    table = (ROOT / "docs" / "limits.md").read_text("utf-8")
    assert "| sunoapi_org | submit | `prompt` | 400 |" in table
    assert "| apikley | submit | `prompt` | 500 |" in table
    assert "20 per 10 s, per client" in table
    assert "3 per 1 s, per task" in table


def test_every_documented_cost_is_complete_and_shown() -> None:
    """`x-sunokit-cost` says what an operation costs and where the vendor says so; each one
    appears in the operations table."""
    from sunokit import _specs

    table = (ROOT / "docs" / "operations.md").read_text("utf-8")
    found = 0
    for vendor in _specs.VENDORS:
        for item in _specs.load_spec(vendor)["paths"].values():
            for operation in item.values():
                if not isinstance(operation, dict) or "x-sunokit-cost" not in operation:
                    continue
                cost = operation["x-sunokit-cost"]
                assert set(cost) == {"credits", "source"}, (vendor, operation["operationId"])
                assert str(cost["credits"]).strip()
                assert str(cost["source"]).strip()
                assert f"| `{vendor}` | `{operation['operationId']}` |" in table
                found += 1
    assert found >= 1
