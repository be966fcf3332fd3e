"""`sunokit.testing`: the mock vendors in a user's own tests (context manager and pytest fixture).

The fixture under test is the real one, loaded through the installed `pytest11` entry point:
this file never imports or registers the plugin itself.
"""

from __future__ import annotations

import io
import textwrap
import wave

import pytest
import sunokit
from sunokit.mock import StageTimings
from sunokit.testing import MockedVendor, mock_vendor

pytest_plugins = ["pytester"]

REQUESTS: dict[str, sunokit.MusicRequest] = {
    "sunosay": sunokit.Description("a calm piano tune"),
    "sunoapi_com": sunokit.Description("a calm piano tune"),
    "sunoapi_org": sunokit.Description("a calm piano tune", model="V4"),
    "apikley": sunokit.Description("a calm piano tune", model="V4"),
    "relay": sunokit.Inspiration("a calm piano tune"),
}


def test_the_plugin_comes_from_the_entry_point(pytestconfig: pytest.Config) -> None:
    import sunokit._testing_plugin as plugin

    assert pytestconfig.pluginmanager.is_registered(plugin)
    assert any("sunokit_mock(" in line for line in pytestconfig.getini("markers")), (
        "the plugin registers its marker"
    )


@pytest.mark.parametrize("sunokit_mock", sunokit.VENDORS, indirect=True)
def test_fixture_gives_a_wired_client_for_every_vendor(sunokit_mock: MockedVendor) -> None:
    task = sunokit_mock.client.generate(REQUESTS[sunokit_mock.vendor], timeout=30)

    assert task.state == "succeeded"
    assert task.tracks
    assert sunokit_mock.stats.accepted_submissions == 1
    audio = sunokit_mock.http.get(task.tracks[0].audio_url or "")
    assert audio.status_code == 200
    with wave.open(io.BytesIO(audio.content)) as sound:
        assert sound.getnframes() / sound.getframerate() == pytest.approx(
            task.tracks[0].duration, abs=1e-3
        )


def test_fixture_defaults_to_sunoapi_org(sunokit_mock: MockedVendor) -> None:
    assert sunokit_mock.vendor == "sunoapi_org"
    assert sunokit_mock.client.vendor == "sunoapi_org"
    assert sunokit_mock.base_url.startswith("http://127.0.0.1:")


@pytest.mark.sunokit_mock(vendor="apikley", credits=0)
def test_marker_passes_mock_options(sunokit_mock: MockedVendor) -> None:
    with pytest.raises(sunokit.InsufficientCreditsError) as raised:
        sunokit_mock.client.submit(REQUESTS["apikley"])
    assert raised.value.vendor == "apikley"
    assert sunokit_mock.stats.accepted_submissions == 0


@pytest.mark.sunokit_mock("relay", client_options={"max_retries": 0})
def test_marker_takes_the_vendor_positionally_and_client_options(
    sunokit_mock: MockedVendor,
) -> None:
    sunokit_mock.set_fault("server_error", scope="submit", times=1)
    with pytest.raises(sunokit.ServerError):
        sunokit_mock.client.submit(REQUESTS["relay"])
    assert sunokit_mock.stats.faults_applied["server_error"] == 1


def test_status_faults_are_retried_by_the_client(sunokit_mock: MockedVendor) -> None:
    task = sunokit_mock.client.submit(REQUESTS["sunoapi_org"])
    sunokit_mock.set_fault("server_error", scope="status", times=2)

    done = sunokit_mock.client.wait(task.task_id, timeout=30)

    assert done.state == "succeeded"
    assert sunokit_mock.stats.faults_applied["server_error"] == 2
    sunokit_mock.clear_faults()
    assert sunokit_mock.mock.faults == []


def test_a_submit_fault_after_acceptance_is_not_submitted_twice(
    sunokit_mock: MockedVendor,
) -> None:
    # The vendor accepted the task, then the answer was lost: the client must not resubmit.
    sunokit_mock.set_fault("server_error", scope="submit", times=1, processed=True)
    with pytest.raises(sunokit.ServerError):
        sunokit_mock.client.submit(REQUESTS["sunoapi_org"])
    assert sunokit_mock.stats.accepted_submissions == 1
    assert sunokit_mock.stats.requests["submit"] == 1


@pytest.mark.parametrize("vendor", ["sunoapi_org", "apikley", "sunoapi_com"])
def test_callbacks_reach_the_mocks_own_inbox(vendor: str) -> None:
    with mock_vendor(vendor, timings=StageTimings(0, 0, 0)) as mocked:
        task = mocked.client.generate(REQUESTS[vendor], timeout=30)
        received = _inbox(mocked)
        assert received, "a vendor with documented callbacks posts at least one"
        parsed = [sunokit.callbacks.parse(vendor, item["body"]) for item in received]
    assert parsed[-1].state == "succeeded"
    assert [track.id for track in parsed[-1].tracks] == [track.id for track in task.tracks]


def _inbox(mocked: MockedVendor) -> list[dict[str, object]]:
    # Delivery runs in the mock's worker: ask it to deliver what is due and report back.
    mocked.http.post("/__mock__/tick").raise_for_status()
    return mocked.inbox


@pytest.mark.parametrize("vendor", ["sunosay", "relay"])
def test_vendors_without_documented_callbacks_get_no_callback_url(vendor: str) -> None:
    with mock_vendor(vendor) as mocked:
        assert mocked.client_options["callback_url"] is None
        mocked.client.generate(REQUESTS[vendor], timeout=30)
        assert mocked.mock.callbacks == []


async def _async_generate(mocked: MockedVendor) -> sunokit.Task:
    async with mocked.async_client() as client:
        return await client.generate(REQUESTS[mocked.vendor], timeout=30)


@pytest.mark.asyncio
@pytest.mark.sunokit_mock(vendor="sunosay")
async def test_async_client_for_the_same_mock(sunokit_mock: MockedVendor) -> None:
    task = await _async_generate(sunokit_mock)
    assert task.state == "succeeded"
    assert sunokit_mock.stats.accepted_submissions == 1


def test_the_api_key_stays_out_of_reprs(sunokit_mock: MockedVendor) -> None:
    assert sunokit_mock.api_key not in repr(sunokit_mock.client)
    assert sunokit_mock.api_key not in repr(sunokit_mock.mock)


def test_the_documented_example_passes_in_a_users_suite(pytester: pytest.Pytester) -> None:
    # The example of sunokit.testing's docstring, as a user's test file; its own pytest run
    # finds the fixture through the entry point only.
    pytester.makepyfile(
        test_user=textwrap.dedent(
            """
            import pytest
            import sunokit


            @pytest.mark.sunokit_mock(vendor="apikley", credits=0)
            def test_out_of_credits(sunokit_mock):
                with pytest.raises(sunokit.InsufficientCreditsError):
                    sunokit_mock.client.submit(sunokit.Description("a calm piano tune"))


            def test_generate(sunokit_mock):
                sunokit_mock.set_fault("server_error", scope="status", times=1)
                task = sunokit_mock.client.generate(sunokit.Description("a calm piano tune"))
                assert task.state == "succeeded"
                assert sunokit_mock.stats.accepted_submissions == 1


            def test_a_failing_expectation_fails(sunokit_mock):
                assert sunokit_mock.stats.accepted_submissions == 1
            """
        )
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2, failed=1)


def test_the_control_client_ignores_a_proxy_in_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")  # nothing listens there
    with mock_vendor("sunosay") as mocked:
        assert mocked.http.get("/__mock__/stats").json()["vendor"] == "sunosay"
