"""Jobs of any capability, without I/O: the call that starts one, the Task an answer means.

The drivers in `_client.py` send these calls through the same exchange as everything else
(retry policy by phase, rate limits, key redaction). Nothing here names a vendor or an
operation: the binding says which operation and how to build its body, the spec says the rest.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from . import _specs
from ._adapters import Adapter, Call
from ._adapters._base import RawResponse, failure, neutral_state, understood
from ._bindings import Binding, Context, dig
from ._errors import APIResponseError, ConfigurationError
from ._models import Task, Tracks
from ._operations import SpecOperation, arguments, endpoint, spec_operation
from ._validation import validate_or_raise

__all__ = ["accepted", "create_call", "poll_call", "polled"]


def _role(operation: SpecOperation) -> str:
    # the exchange's limiter group: creates share the vendor's create limit
    return "submit" if operation.phase == "create" else "call"


def create_call(
    vendor: str,
    binding: Binding,
    request: Any,
    context: Context,
    extra_body: Mapping[str, Any] | None = None,
) -> Call:
    """The validated call that starts the job (or answers at once) for `request`; fields of
    `extra_body` are added to the wire body as they are (validated with it)."""
    operation = spec_operation(vendor, binding.operation_for(request))
    body = binding.body(request, context) if binding.body is not None else None
    if extra_body:
        body = {**(body or {}), **extra_body}
    if body is not None and operation.spec.request_schema_pointer is not None:
        validate_or_raise(vendor, body, operation_id=operation.operation_id)
    module = endpoint(operation)
    params = binding.params(request, context) if binding.params is not None else None
    kwargs = arguments(operation, module, body, params)
    return Call(module, kwargs, _role(operation), body, operation.server)


def accepted(vendor: str, adapter: Adapter, binding: Binding, raw: RawResponse) -> Task:
    """The Task the create's answer stands for: queued with its job id when a poll follows,
    else finished with its result."""
    operation = binding.spec_operation(vendor)
    adapter.raise_for_error(raw, operation.code_schema)
    body = raw.json()
    capability = binding.request.capability
    if operation.poll is None:
        return _finished(vendor, binding, body, raw, task_id="")
    job_id = next(
        (found for path in operation.job_ids if (found := dig(body, path)) is not None), None
    )
    if isinstance(job_id, int) and not isinstance(job_id, bool):
        job_id = str(job_id)
    if not isinstance(job_id, str) or not job_id.strip():
        raise APIResponseError(
            f"{vendor} accepted the {capability} request without a job id at "
            f"{'.'.join(operation.job_id or ('?',))}",
            vendor=vendor,
            status_code=raw.status_code,
            body=body,
        )
    return Task(vendor, job_id, "queued", raw=raw.parsed, operation=capability)


def _finished(vendor: str, binding: Binding, body: Any, raw: RawResponse, task_id: str) -> Task:
    with understood(vendor, "answer", body=body, status_code=raw.status_code):
        result = binding.result(body)
    return Task(
        vendor,
        task_id,
        "succeeded",
        tracks=result.tracks if isinstance(result, Tracks) else (),
        raw=raw.parsed,
        operation=binding.request.capability,
        result=result,
    )


def poll_operation(vendor: str, binding: Binding) -> SpecOperation:
    poll = binding.spec_operation(vendor).poll
    assert poll is not None, "only jobs with a poll are polled"
    return spec_operation(vendor, poll)


def poll_call(vendor: str, binding: Binding, task_id: str) -> Call:
    """The call that reads the job `task_id`: in the body field its spec names
    (x-sunokit-job-id-field), else in the poll's first required parameter."""
    operation = poll_operation(vendor, binding)
    if operation.job_id_field:
        body: Any = task_id
        for key in reversed(operation.job_id_field):
            body = {key: body}
        module = endpoint(operation)
        return Call(module, arguments(operation, module, body, None), "status", body)
    parameter = operation.id_parameter
    if parameter is None:  # the spec's fault: nothing says where the job id goes
        raise ConfigurationError(
            f"{vendor}: the poll {operation.operation_id} has no required parameter for the job id"
        )
    module = endpoint(operation)
    params = {parameter.name: task_id}
    return Call(module, arguments(operation, module, None, params), "status", None)


def polled(vendor: str, adapter: Adapter, binding: Binding, task_id: str, raw: RawResponse) -> Task:
    """The snapshot a poll's answer describes: its neutral state from the spec's state table,
    its failure reason, and the typed result once it succeeded."""
    operation = poll_operation(vendor, binding)
    if operation.state is None:
        return _polled_by_adapter(adapter, binding, task_id, raw)
    body = raw.json()
    value = dig(body, operation.state)
    shown = str(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else None
    states = _specs.task_states(vendor, operation.state_schema) if operation.state_schema else {}
    if shown not in states:
        # An answer is read as an error unless it carries one of the documented states (where
        # the state is the envelope's code itself, 500 may be "every track failed", a state).
        adapter.raise_for_error(raw, operation.code_schema)
    with understood(vendor, "status", body=body, status_code=raw.status_code):
        state = (
            neutral_state(vendor, operation.state_schema, shown)
            if operation.state_schema is not None and shown is not None
            else "unknown"
        )
        error = None
        if state == "failed" and operation.state_schema is not None:
            reason = dig(body, operation.error_message)
            kinds = _specs.failure_kinds(vendor, operation.state_schema)
            kind = kinds.get(shown) if shown is not None else None
            error = failure(None, reason if isinstance(reason, str) and reason else shown, kind)
        result = (
            binding.result(body)
            if state == "succeeded" or (binding.partial and state != "failed")
            else None
        )
    return Task(
        vendor,
        task_id,
        state,
        vendor_state=shown,
        error=error,
        tracks=result.tracks if isinstance(result, Tracks) else (),
        raw=raw.parsed,
        operation=binding.request.capability,
        result=result,
    )


def _polled_by_adapter(adapter: Adapter, binding: Binding, task_id: str, raw: RawResponse) -> Task:
    """A poll without one state field (x-sunokit-state): the vendor's music poll, whose state
    the adapter reads as for music (e.g. from every clip); the typed result once it succeeded."""
    task = adapter.task_from_status(task_id, raw)
    body = raw.json()
    with understood(adapter.vendor, "status", body=body, status_code=raw.status_code):
        result = (
            binding.result(body)
            if task.state == "succeeded" or (binding.partial and task.state != "failed")
            else None
        )
    return attrs.evolve(
        task,
        tracks=result.tracks if isinstance(result, Tracks) else task.tracks,
        operation=binding.request.capability,
        result=result,
    )
