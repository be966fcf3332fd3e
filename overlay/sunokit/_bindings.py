"""Bindings: how one vendor offers one capability — the only place a wire format is written.

A binding names the request type it serves, the spec operation that starts the job (or answers
at once), how that operation's wire body is built from the request, and how the typed result is
read from the final answer. Everything else is read from the spec (see `_operations`): the
phase, the poll operation, where the job id, the state and the failure reason sit, which codes
are errors. Each vendor family's module in `_adapters` lists its bindings; a binding is offered
by a vendor only when that vendor's spec has its operation.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from . import _operations, _specs

__all__ = ["Binding", "Context", "dig"]


@attrs.frozen
class Context:
    """What a body needs besides the request: the client's defaults."""

    callback_url: str | None
    vendor: str


@attrs.frozen
class Binding:
    #: The neutral request type served (its `capability` names the spec's x-sunokit-operation).
    request: type[Any]
    #: The operationId that starts the job (phase create) or answers at once (create or call).
    operation: str
    #: The operation's wire body for a request; None when the operation takes no body.
    body: Callable[[Any, Context], dict[str, Any]] | None
    #: The typed result in the decoded final answer (the poll's, or the operation's own).
    result: Callable[[Any], Any]
    #: Read the result at every poll, not only once the job succeeded (music: the first
    #: tracks arrive before the job is complete, for `until="first"`).
    partial: bool = False

    def offered_by(self, vendor: str) -> bool:
        return self.operation in _operations.operation_ids(vendor)

    def spec_operation(self, vendor: str) -> _operations.SpecOperation:
        return _operations.spec_operation(vendor, self.operation)


def dig(body: object, path: tuple[str, ...] | None) -> Any:
    """The value at `path` of a decoded JSON body; None where the path does not lead."""
    if path is None:
        return None
    node = body
    for key in path:
        node = node.get(key) if isinstance(node, Mapping) else None
    return node


def capability_vendors(capability: str) -> list[str]:
    """The vendors whose spec offers `capability` (for errors that say who has it)."""
    return [
        vendor
        for vendor in _specs.VENDORS
        if any(
            capability in _operations.spec_operation(vendor, operation_id).capabilities
            for operation_id in _operations.operation_ids(vendor)
        )
    ]
