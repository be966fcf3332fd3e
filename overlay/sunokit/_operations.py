"""Every operation of a vendor's spec, as the core needs it: phase, generated endpoint, arguments.

Nothing here names a vendor or an operation. What an operation is comes from its spec entry:

- `operationId`: the name users pass to `client.request()` and the generated module's name;
- `x-sunokit-phase`: `create` (spends credits or starts a job: never re-sent after an ambiguous
  failure), `poll` (reads a job's state: retried) or `call` (anything else that is safe to
  repeat: retried);
- `x-sunokit-operation`: the vendor-neutral capability it offers (`music.generate`, ...);
- `x-sunokit-poll`: on a create, the operationId that reads the job it starts;
- `x-sunokit-job-id`: on a create, the JSON path of the job id in its success answer (or a list
  of such paths, tried in order, where the vendor documents more than one answer shape);
- `x-sunokit-task-types`: on an operation whose body field chooses what it does (`task_type`),
  the capability of each value: the operation offers those capabilities too;
- `x-sunokit-state` / `x-sunokit-error-message`: on a poll, the JSON paths of the job's state
  (a field whose enum schema carries `x-sunokit-task-states`) and of its failure reason;
- `x-sunokit-field-capabilities`: on an operation where the presence of a body field makes it do
  something else (the relay's `cover_clip_id`: a cover), that field's capability;
- `x-sunokit-job-id-field`: on a poll that takes the job id in its JSON body (not in a
  parameter), the path of that field in the body;
- `x-sunokit-rate-limit`: the documented client-side limit;
- an operation-level `servers` entry: it is sent to another host (the client's
  `<name>_base_url` for that server, see `Operation.host`).
"""

from __future__ import annotations

import functools
import importlib
import inspect
import re
from collections.abc import Mapping
from types import ModuleType
from typing import Any, Literal, cast

import attrs

from . import _specs
from ._errors import ClientValidationError, ConfigurationError, UnsupportedRequestError
from ._validation import Violation

__all__ = ["PHASES", "Phase", "SpecOperation", "arguments", "endpoint", "spec_operation"]

Phase = Literal["create", "poll", "call"]
PHASES: tuple[Phase, ...] = ("create", "poll", "call")


@attrs.frozen
class Parameter:
    name: str  # on the wire
    location: str  # query | path | header
    required: bool
    python_name: str  # the generated function's keyword


@attrs.frozen
class SpecOperation:
    """One operation of one vendor's spec."""

    vendor: str
    operation_id: str
    phase: Phase
    capability: str | None
    poll: str | None
    tag: str
    parameters: tuple[Parameter, ...]
    has_body: bool
    server: str | None  # an operation-level server URL, or None: the client's base URL
    job_id: tuple[str, ...] | None
    job_ids: tuple[tuple[str, ...], ...]
    capabilities: tuple[str, ...]
    job_id_field: tuple[str, ...] | None  # a poll's body field for the job id
    state: tuple[str, ...] | None
    error_message: tuple[str, ...] | None
    code_schema: str
    state_schema: str | None
    spec: _specs.Operation = attrs.field(repr=False)

    @property
    def id_parameter(self) -> Parameter | None:
        """The parameter a poll takes the job id in (its first required one)."""
        return next((p for p in self.parameters if p.required), None)

    @property
    def rate_limit(self) -> _specs.RateLimit | None:
        return self.spec.rate_limit

    @property
    def idempotent(self) -> bool:
        """Safe to send again after an ambiguous failure (everything but a create)."""
        return self.phase != "create"


def snake_case(name: str) -> str:
    """The generator's Python name for a wire name (`taskId` -> `task_id`)."""
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    spaced = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", spaced)
    return re.sub(r"[^0-9A-Za-z]+", "_", spaced).strip("_").lower()


@functools.cache
def _index(vendor: str) -> Mapping[str, SpecOperation]:
    found: dict[str, SpecOperation] = {}
    for operation in _specs.operations(vendor):
        definition = operation.definition
        phase = definition.get("x-sunokit-phase")
        if phase not in PHASES:
            raise ConfigurationError(
                f"{vendor}: operation {operation.operation_id} has no x-sunokit-phase "
                f"({' | '.join(PHASES)})"
            )
        parameters = []
        for raw in definition.get("parameters", ()):
            parameter = _specs.resolve(vendor, raw)
            name = str(parameter["name"])
            parameters.append(
                Parameter(
                    name=name,
                    location=str(parameter.get("in", "query")),
                    required=bool(parameter.get("required", False)),
                    python_name=snake_case(name),
                )
            )
        servers = definition.get("servers") or ()
        success = _success_schema(vendor, definition)
        state = _path(definition.get("x-sunokit-state"))
        job_ids = _paths(definition.get("x-sunokit-job-id"))
        capability = definition.get("x-sunokit-operation")
        variants = [
            *((definition.get("x-sunokit-task-types") or {}).get("capabilities") or {}).values(),
            *(definition.get("x-sunokit-field-capabilities") or {}).values(),
        ]
        capabilities = tuple(dict.fromkeys([capability, *variants] if capability else variants))
        found[operation.operation_id] = SpecOperation(
            vendor=vendor,
            operation_id=operation.operation_id,
            phase=cast(Phase, phase),
            capability=capability,
            poll=definition.get("x-sunokit-poll"),
            tag=snake_case(str((definition.get("tags") or ["default"])[0])),
            parameters=tuple(parameters),
            has_body="requestBody" in definition,
            server=str(servers[0]["url"]) if servers else None,
            job_id=job_ids[0] if job_ids else None,
            job_ids=job_ids,
            capabilities=capabilities,
            state=state,
            job_id_field=_path(definition.get("x-sunokit-job-id-field")),
            error_message=_path(definition.get("x-sunokit-error-message")),
            code_schema=_schema_name_at(vendor, success, ("code",)) or "ResponseCode",
            state_schema=_schema_name_at(vendor, success, state) if state else None,
            spec=operation,
        )
    return found


def _path(value: object) -> tuple[str, ...] | None:
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(part, str) for part in value):
        raise ConfigurationError(f"an x-sunokit JSON path must be a list of keys, not {value!r}")
    return tuple(value)


def _paths(value: object) -> tuple[tuple[str, ...], ...]:
    """One JSON path, or a list of alternative paths (tried in order)."""
    if isinstance(value, list) and value and all(isinstance(part, list) for part in value):
        return tuple(path for part in value if (path := _path(part)) is not None)
    path = _path(value)
    return () if path is None else (path,)


def _success_schema(vendor: str, definition: Mapping[str, Any]) -> Any:
    return (
        definition.get("responses", {})
        .get("200", {})
        .get("content", {})
        .get("application/json", {})
        .get("schema")
    )


def _schema_name_at(vendor: str, schema: Any, path: tuple[str, ...]) -> str | None:
    """The name of the component schema found at `path` of `schema` (following $refs and the
    non-null branch of anyOf/oneOf), or None."""
    name = None
    node = schema
    for index, key in enumerate((*path, None)):
        while isinstance(node, Mapping):
            if "$ref" in node:
                name = str(node["$ref"]).rsplit("/", 1)[-1]
                node = _specs.resolve(vendor, node)
                continue
            branches = node.get("anyOf") or node.get("oneOf")
            if branches:
                node = next(
                    (
                        b
                        for b in branches
                        if not (isinstance(b, Mapping) and b.get("type") == "null")
                    ),
                    None,
                )
                continue
            break
        if key is None:
            return name if index == len(path) else None
        properties = node.get("properties") if isinstance(node, Mapping) else None
        if not isinstance(properties, Mapping) or key not in properties:
            return None
        node, name = properties[key], None
    return None


def operation_ids(vendor: str) -> tuple[str, ...]:
    return tuple(_index(_specs.check_vendor(vendor)))


def spec_operation(vendor: str, operation_id: object) -> SpecOperation:
    """The vendor's operation `operation_id`; UnsupportedRequestError naming the ones it has."""
    index = _index(_specs.check_vendor(vendor))
    if not isinstance(operation_id, str) or operation_id not in index:
        raise UnsupportedRequestError(
            f"{vendor} has no operation {operation_id!r}; its operations: {', '.join(index)}"
        )
    return index[operation_id]


def endpoint(operation: SpecOperation) -> ModuleType:
    """The generated module of the operation (`sync_detailed`, `asyncio_detailed`)."""
    package = f"{operation.vendor}_client.api.{operation.tag}.{operation.operation_id}"
    return importlib.import_module(package)


@functools.cache
def _body_model(module: ModuleType) -> Any:
    annotation = inspect.signature(module.sync_detailed).parameters["body"].annotation
    if isinstance(annotation, type) and hasattr(annotation, "from_dict"):
        return annotation
    raise ConfigurationError(f"{module.__name__}: the request body is not a generated model")


def arguments(
    operation: SpecOperation,
    module: ModuleType,
    body: Mapping[str, Any] | None,
    params: Mapping[str, Any] | None,
) -> dict[str, Any]:
    """The generated function's keyword arguments for a wire-format body and wire-named params.

    Raises ClientValidationError naming a missing, unknown or unusable parameter.
    """
    problems: list[Violation] = []
    given = dict(params or {})
    kwargs: dict[str, Any] = {}
    for parameter in operation.parameters:
        if parameter.name in given:
            value = given.pop(parameter.name)
            if not isinstance(value, (str, int, float, bool)) or value == "":
                problems.append(
                    _violation(parameter.name, "type", "must be a non-empty string or a number")
                )
            kwargs[parameter.python_name] = value
        elif parameter.required:
            problems.append(
                _violation(parameter.name, "required", f"is required ({parameter.location})")
            )
    for unknown in given:
        names = ", ".join(p.name for p in operation.parameters) or "none"
        problems.append(
            _violation(
                str(unknown), "unknown", f"is not a parameter of {operation.operation_id} ({names})"
            )
        )
    if operation.has_body:
        if body is None:
            problems.append(Violation("", "required", "this operation needs a body", "required"))
        else:
            kwargs["body"] = _body_model(module).from_dict(dict(body))
    elif body is not None:
        problems.append(Violation("", "unknown", "this operation takes no body", "unknown"))
    if problems:
        raise ClientValidationError(operation.vendor, problems)
    return kwargs


def _violation(name: str, rule: str, text: str) -> Violation:
    """A problem with a (query, path or header) parameter; its path is `params/<name>`."""
    return Violation(f"params/{name}", rule, f"parameter {name} {text}", rule)
