"""Forward compatibility on the request side: model names newer than the spec are sent with an
UnknownValueWarning where the spec marks the list open in practice, and extra_body sends fields
the spec does not know (per client and per request), validated, never dropped."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator

import httpx
import pytest
import sunokit
from sunokit import _specs
from sunokit.testing import MockedVendor, mock_vendor

OPEN_MODEL_VENDORS = ["sunoapi_org", "apikley"]
HOOK = "https://cb.example/hook"


@pytest.fixture(scope="module", params=OPEN_MODEL_VENDORS)
def kie(request: pytest.FixtureRequest) -> Iterator[MockedVendor]:
    with mock_vendor(request.param, rate_limits=False) as running:
        yield running


def _sent(mocked: MockedVendor, text: str) -> dict[str, object]:
    (body,) = [t.body for t in mocked.mock.tasks.values() if text in json.dumps(t.body)]
    return body


def test_the_spec_marks_which_model_lists_are_open() -> None:
    for vendor in _specs.VENDORS:
        model = _specs.load_spec(vendor)["components"]["schemas"].get("Model", {})
        marked = model.get("x-sunokit-unknown-values") == "warn"
        assert marked is (vendor in OPEN_MODEL_VENDORS), vendor


@pytest.mark.parametrize("vendor", OPEN_MODEL_VENDORS)
def test_a_newer_model_is_sent_with_a_warning(vendor: str) -> None:
    """The client sends it (the real vendor may know it); the mock, which knows only the
    documented names, is not the judge here, so the wire is read directly."""
    sent: list[httpx.Request] = []

    def vendor_answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"code": 200, "msg": "success", "data": {"taskId": "T9"}})

    with httpx.Client(transport=httpx.MockTransport(vendor_answer)) as http:
        client = sunokit.SunoClient(
            vendor, api_key="k1", base_url="https://x.test", http_client=http
        )
        with pytest.warns(sunokit.UnknownValueWarning, match="V9_TURBO"):
            task = client.submit(
                sunokit.Description("newer model tune", model="V9_TURBO", callback_url=HOOK)
            )
    assert task.task_id == "T9"
    assert json.loads(sent[0].content)["model"] == "V9_TURBO"


def test_the_mock_knows_only_the_documented_names(kie: MockedVendor) -> None:
    with (
        pytest.warns(sunokit.UnknownValueWarning),
        pytest.raises(sunokit.InvalidRequestError, match="model"),
    ):
        kie.client.submit(sunokit.Description("mock strict tune", model="V9_TURBO"))


def test_a_documented_newer_model_needs_no_warning() -> None:
    """V5_5 is in sunoapi_org's newest generate page: listed, so sent without a warning."""
    with mock_vendor("sunoapi_org", rate_limits=False) as mocked, warnings.catch_warnings():
        warnings.simplefilter("error")
        mocked.client.submit(sunokit.Description("v55 tune", model="V5_5"))
        assert _sent(mocked, "v55 tune")["model"] == "V5_5"


def test_the_warning_can_be_made_an_error_and_then_nothing_is_sent(kie: MockedVendor) -> None:
    before = len(kie.mock.tasks)
    with warnings.catch_warnings():
        warnings.simplefilter("error", sunokit.UnknownValueWarning)
        with pytest.raises(sunokit.UnknownValueWarning):
            kie.client.submit(sunokit.Description("strict tune", model="V9_TURBO"))
    assert len(kie.mock.tasks) == before


def test_known_models_keep_their_limits(kie: MockedVendor) -> None:
    lyrics = "la " * 1100  # 3300 characters: over V4's 3000, within the newer models' 5000
    with pytest.raises(sunokit.ClientValidationError, match="3000"):
        kie.client.submit(sunokit.CustomLyrics(lyrics, "pop", "Long", model="V4"))


def test_a_closed_model_list_still_refuses_an_unknown_name() -> None:
    with (
        sunokit.SunoClient("sunosay", api_key="k1") as client,
        pytest.raises(sunokit.UnsupportedRequestError, match="no model"),
    ):
        client.submit(sunokit.Description("a tune", model="V9_TURBO"))


def test_extra_body_per_client_and_per_request_is_sent(kie: MockedVendor) -> None:
    with kie.new_client(extra_body={"clientField": 1, "shared": "client"}) as client:
        client.submit(
            sunokit.Description("extra tune"), extra_body={"requestField": [1, 2], "shared": "req"}
        )
    sent = _sent(kie, "extra tune")
    assert sent["clientField"] == 1
    assert sent["requestField"] == [1, 2]
    assert sent["shared"] == "req"  # the request's own wins


def test_extra_body_reaches_typed_requests_too(kie: MockedVendor) -> None:
    with kie.new_client() as client:
        step = client._core.typed_call(sunokit.GenerateLyrics("rain"), {"newKnob": True})
    assert step.call.wire_body is not None
    assert step.call.wire_body["newKnob"] is True
    assert json.loads(json.dumps(step.call.kwargs["body"].to_dict()))["newKnob"] is True


def test_a_known_field_in_extra_body_keeps_its_rules(kie: MockedVendor) -> None:
    before = len(kie.mock.tasks)
    with pytest.raises(sunokit.ClientValidationError, match="styleWeight"):
        kie.client.submit(sunokit.Description("bad extra"), extra_body={"styleWeight": 5})
    with pytest.raises(sunokit.ClientValidationError, match=r"complex"):
        kie.client.submit(sunokit.Description("bad extra"), extra_body={"x": 1j})
    assert len(kie.mock.tasks) == before


@pytest.mark.parametrize("bad", [["a"], {1: "x"}, "field=1"])
def test_extra_body_must_be_a_mapping_of_names(bad: object) -> None:
    with pytest.raises(sunokit.ConfigurationError, match="extra_body"):
        sunokit.SunoClient("sunoapi_org", api_key="k1", extra_body=bad)  # type: ignore[arg-type]
