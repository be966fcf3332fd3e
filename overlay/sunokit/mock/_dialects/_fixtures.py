"""The sample clips and tasks of the vendors' pages, known to the mock as if it had made them."""

from __future__ import annotations

import functools
from collections.abc import Mapping

from ... import _specs

__all__ = ["documented_ids"]


@functools.cache
def documented_ids(vendor: str, operation_id: str, field: str) -> frozenset[str]:
    """The values of `field` in the operation's documented request examples: the sample clips
    and tasks of the vendor's pages, which the mock knows as if it had made them (as stripe-mock
    serves its fixtures), so every documented example is accepted. A path parameter's `example` counts as well."""
    found: set[str] = set()
    for operation in _specs.operations(vendor):
        if operation.operation_id != operation_id:
            continue
        for parameter in operation.definition.get("parameters", ()):
            # a path parameter's documented example (GET /suno/act/wav/{clip_id})
            example = parameter.get("example") if isinstance(parameter, Mapping) else None
            if isinstance(example, str) and parameter.get("name") == field:
                found.add(example)
        content = (operation.definition.get("requestBody") or {}).get("content", {})
        for example in content.get("application/json", {}).get("examples", {}).values():
            value = example.get("value") if isinstance(example, Mapping) else None
            if isinstance(value, Mapping) and isinstance(value.get(field), str):
                found.add(value[field])
    return frozenset(found)
