"""Bindings: how one vendor offers one capability — the only place a wire format is written.

A binding names the request type it serves, the spec operation that starts the job (or answers
at once), how that operation's wire body is built from the request, and how the typed result is
read from the final answer. Everything else is read from the spec (see `_operations`): the
phase, the poll operation, where the job id, the state and the failure reason sit, which codes
are errors. Each vendor family's module in `_adapters` lists its bindings; a binding is offered
by a vendor only when that vendor's spec has its operation.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from . import _operations, _specs
from ._errors import ConfigurationError, UnsupportedRequestError

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
    #: Other operations serving the same request type, one chosen per request by `route`
    #: (a capability the vendor splits over paths: SunoAPI.com's stems basic and full). They
    #: share the operation's phase, poll, job id paths and code table (a test checks it).
    also: tuple[str, ...] = ()
    route: Callable[[Any], str] | None = None
    #: The operation's path or query parameters for a request (a GET with the clip id in its
    #: path: the relay's WAV, MP4, timing); None when it takes none.
    params: Callable[[Any, Context], dict[str, Any]] | None = None
    #: Body fields ("field" or "field=value") the binding writes that are gateway extensions of
    #: a stock operation (`field_extensions`): the binding is offered only where a gateway that
    #: forwards all of them is enabled (`binding_gateways`).
    extension_fields: tuple[str, ...] = ()

    def offered_by(self, vendor: str) -> bool:
        return self.operation in _operations.operation_ids(vendor)

    def operation_for(self, request: Any) -> str:
        """The operationId that serves `request` (`operation`, or what `route` picks)."""
        chosen = self.operation if self.route is None else self.route(request)
        if chosen != self.operation and chosen not in self.also:
            raise ValueError(f"route chose {chosen!r}, not one of the binding's operations")
        return chosen

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


# ------------------------------------------------------------------ gateway extensions


def extension_gateways(vendor: str, operation_id: str) -> tuple[str, ...]:
    """The gateways whose documentation describes an operation that is not part of the
    vendor's stock API (the spec's `x-sunokit-extension`); () for a stock operation."""
    definition = _operations.spec_operation(vendor, operation_id).spec.definition
    marker = definition.get("x-sunokit-extension")
    if marker is None:
        return ()
    gateways = marker.get("gateways") if isinstance(marker, Mapping) else None
    if (
        not isinstance(gateways, list)
        or not gateways
        or not all(isinstance(g, str) and g for g in gateways)
    ):
        raise ConfigurationError(
            f"{vendor}: x-sunokit-extension of {operation_id} must name its gateways "
            "({gateways: [name, ...]})"
        )
    return tuple(gateways)


def _gateway_names(vendor: str, where: str, marker: object) -> tuple[str, ...]:
    gateways = marker.get("gateways") if isinstance(marker, Mapping) else marker
    if (
        not isinstance(gateways, list)
        or not gateways
        or not all(isinstance(g, str) and g for g in gateways)
    ):
        raise ConfigurationError(
            f"{vendor}: x-sunokit-extension of {where} must name its gateways "
            "({gateways: [name, ...]})"
        )
    return tuple(gateways)


def field_extensions(vendor: str, operation_id: str) -> dict[str, tuple[str, ...]]:
    """The request body fields of a stock operation that only some gateways forward (the
    field's, or its schema's, `x-sunokit-extension`), and the values of a field that do
    (`x-sunokit-extension-values`, keyed "<field>=<value>"): name -> gateways."""
    pointer = _operations.spec_operation(vendor, operation_id).spec.request_schema_pointer
    schema = _specs.resolve(vendor, {"$ref": pointer}) if pointer else {}
    found: dict[str, tuple[str, ...]] = {}
    for name, raw in (schema.get("properties") or {}).items():
        where = f"{operation_id}'s field {name}"
        for node in (raw, _specs.resolve(vendor, raw)):
            if isinstance(node, Mapping) and "x-sunokit-extension" in node:
                found[name] = _gateway_names(vendor, where, node["x-sunokit-extension"])
        values = raw.get("x-sunokit-extension-values") if isinstance(raw, Mapping) else None
        for value, gateways in (values or {}).items():
            found[f"{name}={value}"] = _gateway_names(vendor, f"{where}={value}", gateways)
    return found


@functools.cache
def known_extensions(vendor: str) -> tuple[str, ...]:
    """Every gateway the vendor's spec names in an x-sunokit-extension (of an operation, or of
    a body field or field value of a stock operation), sorted."""
    found = {
        gateway
        for operation_id in _operations.operation_ids(vendor)
        for gateway in extension_gateways(vendor, operation_id)
    }
    found.update(
        gateway
        for operation_id in _operations.operation_ids(vendor)
        for gateways in field_extensions(vendor, operation_id).values()
        for gateway in gateways
    )
    return tuple(sorted(found))


def checked_extensions(vendor: str, extensions: object) -> frozenset[str]:
    """The `extensions=` client option: gateway names the vendor's spec knows."""
    if isinstance(extensions, str) or not isinstance(extensions, (list, tuple, set, frozenset)):
        raise ConfigurationError(
            f"extensions must be a tuple of gateway names such as ('yutoai',), not "
            f"{type(extensions).__name__}"
        )
    known = known_extensions(vendor)
    for name in extensions:
        if not isinstance(name, str) or name not in known:
            shown = repr(name) if isinstance(name, str) else type(name).__name__
            raise ConfigurationError(
                f"extensions: {vendor} knows no gateway extension {shown[:60]}; "
                f"the gateways its spec documents extensions of: {', '.join(known) or 'none'}"
            )
    return frozenset(extensions)


def extension_enabled(vendor: str, operation_id: str, enabled: frozenset[str]) -> bool:
    gateways = extension_gateways(vendor, operation_id)
    return not gateways or bool(enabled.intersection(gateways))


def check_extension(vendor: str, operation_id: str, enabled: frozenset[str]) -> None:
    """UnsupportedRequestError saying how to opt in, for an extension the client has not
    enabled: a plain gateway would answer it with 404 or 503, after a create was billed maybe."""
    if extension_enabled(vendor, operation_id, enabled):
        return
    gateways = extension_gateways(vendor, operation_id)
    raise UnsupportedRequestError(
        f"{vendor}: {operation_id} is not part of the stock API (a plain gateway answers 404 or "
        f"503); it is an extension documented by {', '.join(gateways)}. If your gateway is one "
        f"of them, opt in with extensions=({gateways[0]!r},) on the client (the command line: "
        f"--extension {gateways[0]})"
    )


def binding_gateways(vendor: str, binding: Binding) -> tuple[str, ...]:
    """The gateways that offer `binding`: its operation's extension gateways, else those that
    forward every extension field it writes; () for a binding of the stock API."""
    gateways = extension_gateways(vendor, binding.operation)
    if gateways or not binding.extension_fields:
        return gateways
    fields = field_extensions(vendor, binding.operation)
    chosen: list[str] | None = None
    for name in binding.extension_fields:
        if name not in fields:
            raise ConfigurationError(
                f"{vendor}: the binding of {binding.request.__name__} names {name}, which "
                f"{binding.operation}'s spec does not mark as a gateway extension"
            )
        chosen = [g for g in (chosen if chosen is not None else fields[name]) if g in fields[name]]
    if not chosen:
        raise ConfigurationError(
            f"{vendor}: no gateway forwards every field the binding of "
            f"{binding.request.__name__} writes ({', '.join(binding.extension_fields)})"
        )
    return tuple(chosen)


def binding_enabled(vendor: str, binding: Binding, enabled: frozenset[str]) -> bool:
    gateways = binding_gateways(vendor, binding)
    return not gateways or bool(enabled.intersection(gateways))


def check_binding_extension(vendor: str, binding: Binding, enabled: frozenset[str]) -> None:
    """UnsupportedRequestError naming the extension, the gateways that document it and the
    vendors that offer the capability in their stock API, for a binding not opted in to."""
    if binding_enabled(vendor, binding, enabled):
        return
    if not binding.extension_fields:
        check_extension(vendor, binding.operation, enabled)
        return
    gateways = binding_gateways(vendor, binding)
    capability = binding.request.capability
    others = [v for v in capability_vendors(capability) if v != vendor]
    raise UnsupportedRequestError(
        f"{vendor}: {binding.request.__name__} ({capability}) needs a gateway extension of "
        f"{binding.operation} ({', '.join(binding.extension_fields)}), which a stock gateway "
        f"drops (it would make a plain song); documented by {', '.join(gateways)}. If your "
        f"gateway is one of them, opt in with extensions=({gateways[0]!r},) on the client (the "
        f"command line: --extension {gateways[0]}); vendors that offer {capability}: "
        f"{', '.join(others) or 'none'}"
    )
