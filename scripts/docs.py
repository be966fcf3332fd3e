"""Write docs/limits.md (and the README's copy) from the specs: `make docs`.

`python scripts/docs.py --check` exits 1 when either file is stale (a test runs it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from sunokit import _specs
from sunokit._adapters import get_adapter

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "limits.md"
README = ROOT / "README.md"
START, END = "<!-- limits:start (make docs) -->", "<!-- limits:end -->"
MODES = ("description", "custom", "instrumental", "extend", "inspiration")


def _models(vendor: str) -> str:
    known = get_adapter(vendor).known_models()
    if known is not None:
        return ", ".join(f"`{name}`" for name in known)
    submit = _specs.resolve(
        vendor, {"$ref": _specs.operation(vendor, "submit").request_schema_pointer}
    )
    field = submit["properties"].get(get_adapter(vendor).model_field, {})
    values = field.get("x-sunokit-known-values") or {}
    names = list(values)
    return "open list; known: " + ", ".join(f"`{name}`" for name in names) if names else "open"


def _limit_rows(vendor: str, role: str) -> list[str]:
    schema = _specs.resolve(vendor, {"$ref": _specs.operation(vendor, role).request_schema_pointer})
    rows = []
    for name, prop in schema.get("properties", {}).items():
        prop = _specs.resolve(vendor, prop)
        if "maxLength" in prop:
            rows.append(f"| {vendor} | {role} | `{name}` | {prop['maxLength']} | always |")
    for block in schema.get("allOf", []):
        described = str(block.get("description", block.get("x-sunokit-rule", "")))
        described = " ".join(described.replace("|", "/").split())
        for branch, prefix in (("then", ""), ("else", "otherwise: ")):
            conditional: dict[str, Any] = block.get(branch, {})
            for name, prop in conditional.get("properties", {}).items():
                if "maxLength" in prop:
                    rows.append(
                        f"| {vendor} | {role} | `{name}` | {prop['maxLength']} | {prefix}{described} |"
                    )
    return rows


def render() -> str:
    lines = [
        "## Modes, models and limits per vendor",
        "",
        "Generated from `specs/` by `make docs`; a test fails when it is stale.",
        "",
        "| vendor | " + " | ".join(MODES) + " | models |",
        "|---|" + "---|" * len(MODES) + "---|",
    ]
    for vendor in _specs.VENDORS:
        modes = get_adapter(vendor).modes
        marks = " | ".join("yes" if mode in modes else "—" for mode in MODES)
        lines.append(f"| `{vendor}` | {marks} | {_models(vendor)} |")
    lines += [
        "",
        "Length limits (characters):",
        "",
        "| vendor | operation | field | max | when |",
        "|---|---|---|---|---|",
    ]
    for vendor in _specs.VENDORS:
        for role in ("submit", "extend"):
            if _specs.has_operation(vendor, role):
                lines += _limit_rows(vendor, role)
    lines += [
        "",
        "Client-side rate limits (`x-sunokit-rate-limit`):",
        "",
        "| vendor | operation | limit |",
        "|---|---|---|",
    ]
    for vendor in _specs.VENDORS:
        for operation in _specs.operations(vendor):
            limit = operation.rate_limit
            if limit is not None:
                per = "per task" if limit.scope == "task" else "per client"
                lines.append(
                    f"| `{vendor}` | {operation.operation_id} | {limit.requests} per {limit.per_seconds:g} s, {per} |"
                )
    return "\n".join(lines) + "\n"


def _readme_with(table: str) -> str:
    text = README.read_text("utf-8")
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    if not rest:
        raise SystemExit(f"README.md has no {START} marker")
    return f"{head}{START}\n{table}{END}{tail}"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    table = render()
    readme = _readme_with(table)
    if args.check:
        stale = [
            str(path.relative_to(ROOT))
            for path, text in ((DOC, table), (README, readme))
            if not path.exists() or path.read_text("utf-8") != text
        ]
        if stale:
            print(f"stale: {', '.join(stale)}; run `make docs`")
            return 1
        print("docs are up to date")
        return 0
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(table, "utf-8")
    README.write_text(readme, "utf-8")
    print(f"wrote {DOC.relative_to(ROOT)} and the README's copy")
    return 0


if __name__ == "__main__":
    sys.exit(main())
