"""Write docs/limits.md and docs/operations.md (and the README's copies) from the specs:
`make docs`.

`python scripts/docs.py --check` exits 1 when either file is stale (a test runs it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from sunokit import _specs
from sunokit._adapters import bindings, get_adapter
from sunokit._operations import operation_ids, spec_operation

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "limits.md"
README = ROOT / "README.md"
START, END = "<!-- limits:start (make docs) -->", "<!-- limits:end -->"
OPS_START, OPS_END = "<!-- operations:start (make docs) -->", "<!-- operations:end -->"
OPS_DOC = ROOT / "docs" / "operations.md"
MODES = ("description", "custom", "instrumental", "extend", "inspiration")


def _models(vendor: str) -> str:
    adapter = get_adapter(vendor)
    documented = adapter.documented_models()
    if documented is not None:
        names = ", ".join(f"`{name}`" for name in documented)
        # an open list in practice: names it does not document are sent with a warning
        return names if adapter.known_models() is not None else f"{names} (others: a warning)"
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


def _request_names() -> dict[str, str]:
    """capability -> the typed request that asks for it (music modes for music.generate)."""
    names = {"music.generate": "`Description` `CustomLyrics` `Instrumental` `Inspiration`"}
    names["music.extend"] = "`Extend`"
    for vendor in _specs.VENDORS:
        for binding in bindings(vendor):
            names[binding.request.capability] = f"`{binding.request.__name__}`"
    return names


def _extension_values(vendor: str, operation_id: str, field: str) -> dict[str, Any]:
    """The values of a body field that only some gateways forward (x-sunokit-extension-values)."""
    values = _field_schema(vendor, operation_id, field).get("x-sunokit-extension-values")
    return dict(values) if isinstance(values, dict) else {}


def _field_schema(vendor: str, operation_id: str, field: str) -> dict[str, Any]:
    """The schema of one field of an operation's JSON body ({} when it has none)."""
    pointer = spec_operation(vendor, operation_id).spec.request_schema_pointer
    schema = _specs.resolve(vendor, {"$ref": pointer}) if pointer else {}
    node = _specs.resolve(vendor, (schema.get("properties") or {}).get(field, {}))
    return node if isinstance(node, dict) else {}


def render_operations() -> str:
    """The operations x vendors table: each capability, the request that asks for it, and the
    spec operation each vendor offers it through."""
    offered: dict[str, dict[str, list[str]]] = {}
    for vendor in _specs.VENDORS:
        for operation_id in operation_ids(vendor):
            operation = spec_operation(vendor, operation_id)
            if operation.phase == "poll" or operation.capability is None:
                continue
            definition = operation.spec.definition
            task_types = definition.get("x-sunokit-task-types") or {}
            field = task_types.get("field", "task_type")
            extension_values = set(_extension_values(vendor, operation_id, field))
            for capability in operation.capabilities:  # + those its task_type values choose
                shown = f"`{operation_id}`"
                extension = "x-sunokit-extension" in definition
                by_field = definition.get("x-sunokit-field-capabilities") or {}
                fields = [name for name, chosen in by_field.items() if chosen == capability]
                if capability != operation.capability and fields:
                    extension = extension or all(
                        "x-sunokit-extension" in _field_schema(vendor, operation_id, name)
                        for name in fields
                    )
                    shown += f" ({', '.join(fields)})"
                elif capability != operation.capability:
                    values = {
                        value
                        for value, chosen in (task_types.get("capabilities") or {}).items()
                        if chosen == capability
                    }
                    extension = extension or (bool(values) and values <= extension_values)
                    shown += f" ({field})"
                if extension:
                    shown += " (extension)"
                offered.setdefault(capability, {}).setdefault(vendor, []).append(shown)
    requests = _request_names()
    lines = [
        "## Operations per vendor",
        "",
        "Generated from `specs/` by `make docs`. A cell names the vendor's operation; every one",
        "is reachable through `client.request(operation_id, body)`, and those with a request type",
        "through `submit`/`generate`/`call`. A vendor without the capability raises",
        "UnsupportedRequestError naming the vendors that have it. `(extension)`: a gateway",
        "extension the spec marks `x-sunokit-extension`, sent only with `extensions=(<gateway>,)`.",
        "",
        "| capability | request | " + " | ".join(f"`{v}`" for v in _specs.VENDORS) + " |",
        "|---|---|" + "---|" * len(_specs.VENDORS),
    ]
    for capability in sorted(offered):
        cells = [" ".join(offered[capability].get(v, ["—"])) for v in _specs.VENDORS]
        request = requests.get(capability, "`request()` only")
        lines.append(f"| {capability} | {request} | " + " | ".join(cells) + " |")
    counts = [f"{v}: {len(operation_ids(v))}" for v in _specs.VENDORS]
    lines += ["", "Operations in each spec (creates, polls and calls): " + ", ".join(counts) + "."]
    return "\n".join(lines + _cost_lines()) + "\n"


def _costs(vendor: str) -> list[tuple[str, dict[str, Any]]]:
    """(operationId, x-sunokit-cost) of each operation whose price the vendor documents."""
    found = []
    for item in _specs.load_spec(vendor)["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and "x-sunokit-cost" in operation:
                found.append((operation["operationId"], operation["x-sunokit-cost"]))
    return sorted(found)


def _cost_lines() -> list[str]:
    lines = [
        "",
        "Documented costs (`x-sunokit-cost` in the specs). An operation not listed has no",
        "price in the vendor's pages; the vendor's dashboard is then the only source.",
        "",
        "| vendor | operation | credits | source |",
        "|---|---|---|---|",
    ]
    for vendor in _specs.VENDORS:
        for operation_id, cost in _costs(vendor):
            credits = " ".join(str(cost["credits"]).replace("|", "/").split())
            source = " ".join(str(cost["source"]).replace("|", "/").split())
            lines.append(f"| `{vendor}` | `{operation_id}` | {credits} | {source} |")
    return lines


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


def _between(text: str, start: str, end: str, table: str) -> str:
    head, _, rest = text.partition(start)
    _, _, tail = rest.partition(end)
    if not rest:
        raise SystemExit(f"README.md has no {start} marker")
    return f"{head}{start}\n{table}{end}{tail}"


def _readme_with(table: str, operations: str) -> str:
    text = _between(README.read_text("utf-8"), START, END, table)
    return _between(text, OPS_START, OPS_END, operations)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    table = render()
    operations = render_operations()
    readme = _readme_with(table, operations)
    if args.check:
        stale = [
            str(path.relative_to(ROOT))
            for path, text in ((DOC, table), (OPS_DOC, operations), (README, readme))
            if not path.exists() or path.read_text("utf-8") != text
        ]
        if stale:
            print(f"stale: {', '.join(stale)}; run `make docs`")
            return 1
        print("docs are up to date")
        return 0
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(table, "utf-8")
    OPS_DOC.write_text(operations, "utf-8")
    README.write_text(readme, "utf-8")
    print(f"wrote {DOC.relative_to(ROOT)}, {OPS_DOC.relative_to(ROOT)} and the README's copies")
    return 0


if __name__ == "__main__":
    sys.exit(main())
