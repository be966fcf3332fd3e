"""Typed requests beyond music, through the vendor bindings: one client shape for every
capability (submit / get / wait / generate / call / supports), against the loopback mocks."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
import sunokit
from sunokit import _operations, _specs
from sunokit._adapters import bindings
from sunokit.testing import MockedVendor, mock_vendor

DRIVERS = ("sync", "async")


def run(mocked: MockedVendor, driver: str, method: str, *args: Any, **kwargs: Any) -> Any:
    if driver == "sync":
        with mocked.new_client() as client:
            return getattr(client, method)(*args, **kwargs)

    async def go() -> Any:
        async with mocked.async_client() as client:
            return await getattr(client, method)(*args, **kwargs)

    return asyncio.run(go())


@pytest.fixture(scope="module")
def sunoapi_com() -> Iterator[MockedVendor]:
    with mock_vendor("sunoapi_com", rate_limits=False, credits=321) as running:
        yield running


# ------------------------------------------------------------------ bindings and the specs


@pytest.mark.parametrize("vendor", _specs.VENDORS)
def test_every_binding_names_an_operation_of_the_spec_with_its_capability(vendor: str) -> None:
    for binding in bindings(vendor):
        operation = _operations.spec_operation(vendor, binding.operation)
        assert operation.capability == binding.request.capability, binding
        assert operation.phase in ("create", "call")
        if operation.poll is not None:
            poll = _operations.spec_operation(vendor, operation.poll)
            assert operation.job_id, f"{vendor} {operation.operation_id}: x-sunokit-job-id"
            assert poll.state and poll.state_schema, f"{vendor} {poll.operation_id}: state"
            assert _specs.task_states(vendor, poll.state_schema)


# ------------------------------------------------------------------ answered at once


@pytest.mark.parametrize("driver", DRIVERS)
def test_credits_through_call(sunoapi_com: MockedVendor, driver: str) -> None:
    credits = run(sunoapi_com, driver, "call", sunokit.GetCredits())
    assert credits == sunokit.Credits(remaining=float(sunoapi_com.mock.credits), extra=0.0)


@pytest.mark.parametrize("driver", DRIVERS)
def test_generate_returns_an_answer_at_once_as_a_finished_task(
    sunoapi_com: MockedVendor, driver: str
) -> None:
    task = run(sunoapi_com, driver, "generate", sunokit.GetCredits())
    assert task.state == "succeeded"
    assert task.operation == "account.credits"
    assert isinstance(task.result, sunokit.Credits)
    assert run(sunoapi_com, driver, "get", task) == task  # nothing left to poll


def test_supports_says_what_a_vendor_offers(sunoapi_com: MockedVendor) -> None:
    client = sunoapi_com.client
    assert client.supports(sunokit.GetCredits)
    assert client.supports(sunokit.Description)
    assert client.supports(sunokit.Inspiration)
    with sunokit.SunoClient("sunosay", api_key="k1") as sunosay:
        assert not sunosay.supports(sunokit.GetCredits)
        assert not sunosay.supports(sunokit.Inspiration)
        with pytest.raises(sunokit.UnsupportedRequestError) as raised:
            sunosay.call(sunokit.GetCredits())
    assert "account.credits" in str(raised.value)
    assert "sunoapi_com" in str(raised.value)  # who has it


def test_call_refuses_a_request_that_starts_a_job(sunoapi_com: MockedVendor) -> None:
    with pytest.raises(sunokit.UnsupportedRequestError, match=r"generate\(\)"):
        sunoapi_com.client.call(sunokit.Description("a tune"))


def test_a_drifted_answer_is_a_sunokit_error() -> None:
    import httpx

    transport = httpx.MockTransport(lambda request: httpx.Response(200, json={"credits": "lots"}))
    with httpx.Client(transport=transport) as http:
        client = sunokit.SunoClient(
            "sunoapi_com", api_key="k1", base_url="https://x.test", http_client=http
        )
        with pytest.raises(sunokit.APIResponseError, match="credits"):
            client.call(sunokit.GetCredits())


def test_not_a_request() -> None:
    with (
        sunokit.SunoClient("sunoapi_com", api_key="k1") as client,
        pytest.raises(sunokit.UnsupportedRequestError, match="not a sunokit request"),
    ):
        client.submit(object())  # type: ignore[arg-type]
