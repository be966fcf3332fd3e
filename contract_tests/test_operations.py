"""Every spec operation is reachable through `client.request(operation_id, body, params=...)`
with the overlay's guarantees: local validation, the retry policy of its phase, the spec's error
tables, the generated model as the answer. Tested against the loopback mocks, sync and async.
"""

from __future__ import annotations

import asyncio
import inspect
import json
from collections.abc import Iterator
from typing import Any

import pytest
import sunokit
from sunokit import _operations, _specs
from sunokit.testing import MockedVendor, mock_vendor

DRIVERS = ("sync", "async")


def call(mocked: MockedVendor, driver: str, *args: Any, **kwargs: Any) -> Any:
    options = kwargs.pop("client_options", {})
    if driver == "sync":
        with mocked.new_client(**options) as client:
            return client.request(*args, **kwargs)

    async def go() -> Any:
        async with mocked.async_client(**options) as client:
            return await client.request(*args, **kwargs)

    return asyncio.run(go())


@pytest.fixture(scope="module")
def sunoapi_com() -> Iterator[MockedVendor]:
    with mock_vendor("sunoapi_com", rate_limits=False) as running:
        yield running


@pytest.fixture(scope="module")
def relay() -> Iterator[MockedVendor]:
    with mock_vendor("relay", rate_limits=False) as running:
        yield running


# ------------------------------------------------------------------ the spec's operation index


@pytest.mark.parametrize("vendor", _specs.VENDORS)
def test_every_operation_has_a_phase_and_a_generated_endpoint(vendor: str) -> None:
    for operation_id in _operations.operation_ids(vendor):
        operation = _operations.spec_operation(vendor, operation_id)
        assert operation.phase in _operations.PHASES
        assert operation.capability, f"{vendor} {operation_id} has no x-sunokit-operation"
        module = _operations.endpoint(operation)
        keywords = set(inspect.signature(module.sync_detailed).parameters)
        # every parameter's Python name is the generated function's keyword
        for parameter in operation.parameters:
            assert parameter.python_name in keywords, (operation_id, parameter)
        assert ("body" in keywords) is operation.has_body
        if operation.phase == "create" and operation.poll is not None:
            poll = _operations.spec_operation(vendor, operation.poll)
            assert poll.phase == "poll"


@pytest.mark.parametrize(
    ("wire", "python"),
    [("taskId", "task_id"), ("task_id", "task_id"), ("id", "id"), ("callBackUrl", "call_back_url")],
)
def test_wire_names_become_the_generators_python_names(wire: str, python: str) -> None:
    assert _operations.snake_case(wire) == python


def test_an_unknown_operation_names_the_ones_the_vendor_has() -> None:
    client = sunokit.SunoClient("sunoapi_com", api_key="k1")
    with client, pytest.raises(sunokit.UnsupportedRequestError) as raised:
        client.request("create_riffusion")  # left out of the spec (deprecated)
    assert "get_credits" in str(raised.value)
    assert "get_task" in str(raised.value)


# ------------------------------------------------------------------ an operation with no binding


@pytest.mark.parametrize("driver", DRIVERS)
def test_an_operation_without_a_typed_binding_works_end_to_end(
    sunoapi_com: MockedVendor, driver: str
) -> None:
    """sunoapi_com's get_credits has no typed binding: request() reaches it all the same."""
    before = sunoapi_com.mock.credits
    answer = call(sunoapi_com, driver, "get_credits")
    assert type(answer).__name__ == "CreditsResponse"
    assert answer.credits_ == before


@pytest.mark.parametrize("driver", DRIVERS)
def test_a_create_and_its_poll_through_request(sunoapi_com: MockedVendor, driver: str) -> None:
    body = {"gpt_description_prompt": "generic path tune", "mv": "chirp-v4"}
    created = call(sunoapi_com, driver, "submit_music", body)
    task_id = created.data.task_id
    assert sunoapi_com.mock.tasks[task_id].body["gpt_description_prompt"] == "generic path tune"
    polled = call(sunoapi_com, driver, "get_task", params={"task_id": task_id})
    assert type(polled).__name__ == "TaskResponse"


@pytest.mark.parametrize("driver", DRIVERS)
def test_the_batch_fetch_without_a_typed_binding(relay: MockedVendor, driver: str) -> None:
    created = call(relay, driver, "submit_music", {"gpt_description_prompt": "a", "mv": "chirp-v4"})
    answer = call(relay, driver, "fetch_tasks", {"ids": [created.data]})
    assert answer.data[0].task_id == created.data


# ------------------------------------------------------------------ validation before sending


@pytest.mark.parametrize(
    ("args", "kwargs", "path"),
    [
        (
            ("submit_music", {"mv": "chirp-v4", "gpt_description_prompt": 5}),
            {},
            "/gpt_description_prompt",
        ),
        (("submit_music",), {}, ""),  # the body is required
        (("get_task",), {}, "params/task_id"),
        (("get_task",), {"params": {"task_id": "x", "page": 2}}, "params/page"),
        (("get_credits", {"x": 1}), {}, ""),  # no body for a GET
        (("submit_music", ["not", "a", "mapping"]), {}, ""),
    ],
)
def test_nothing_is_sent_for_a_broken_call(
    sunoapi_com: MockedVendor, args: tuple[Any, ...], kwargs: dict[str, Any], path: str
) -> None:
    before = sum(sunoapi_com.stats.requests.values())
    with pytest.raises(sunokit.ClientValidationError) as raised:
        call(sunoapi_com, "sync", *args, **kwargs)
    assert path in [violation.path for violation in raised.value.violations]
    assert sum(sunoapi_com.stats.requests.values()) == before


# ------------------------------------------------------------------ phases and error tables


def test_a_create_is_never_resent_after_an_ambiguous_failure(sunoapi_com: MockedVendor) -> None:
    sunoapi_com.set_fault("html_error", scope="submit", status=503, processed=True, times=None)
    try:
        with pytest.raises(sunokit.APIError):
            call(
                sunoapi_com,
                "sync",
                "submit_music",
                {"gpt_description_prompt": "ambiguous generic", "mv": "chirp-v4"},
            )
    finally:
        sunoapi_com.clear_faults()
    accepted = [
        t for t in sunoapi_com.mock.tasks.values() if "ambiguous generic" in json.dumps(t.body)
    ]
    assert len(accepted) == 1  # the vendor acted once; the client did not send it again


def test_a_poll_is_retried(sunoapi_com: MockedVendor) -> None:
    created = call(
        sunoapi_com, "sync", "submit_music", {"gpt_description_prompt": "b", "mv": "chirp-v4"}
    )
    sunoapi_com.set_fault("server_error", scope="status", times=2)
    polled = call(
        sunoapi_com,
        "sync",
        "get_task",
        params={"task_id": created.data.task_id},
        client_options={"sleep": lambda seconds: None},
    )
    assert type(polled).__name__ == "TaskResponse"


def test_errors_come_from_the_specs_tables() -> None:
    with (
        mock_vendor("sunoapi_com", credits=0) as broke,
        pytest.raises(sunokit.InsufficientCreditsError),
    ):
        broke.client.request("submit_music", {"gpt_description_prompt": "c", "mv": "chirp-v4"})
