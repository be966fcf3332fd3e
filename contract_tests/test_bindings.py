"""Typed requests beyond music, through the vendor bindings: one client shape for every
capability (submit / get / wait / generate / call / supports), against the loopback mocks."""

from __future__ import annotations

import asyncio
import ssl
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
        assert binding.request.capability in operation.capabilities, binding
        for other_id in binding.also:  # routed alternatives behave as the operation does
            other = _operations.spec_operation(vendor, other_id)
            assert binding.request.capability in other.capabilities, (binding, other_id)
            assert (other.phase, other.poll, other.job_ids, other.code_schema) == (
                operation.phase,
                operation.poll,
                operation.job_ids,
                operation.code_schema,
            ), (binding, other_id)
        assert operation.phase in ("create", "call")
        if operation.poll is not None:
            poll = _operations.spec_operation(vendor, operation.poll)
            assert operation.job_id, f"{vendor} {operation.operation_id}: x-sunokit-job-id"
            if poll.state is None:  # read by the adapter, as a music poll
                assert poll.spec.role == "status", f"{vendor} {poll.operation_id}: x-sunokit-state"
                continue
            assert poll.state_schema, f"{vendor} {poll.operation_id}: state schema"
            assert poll.id_parameter or poll.job_id_field, f"{vendor} {poll.operation_id}: job id"
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


@pytest.mark.parametrize("vendor", _specs.VENDORS)
def test_every_spec_operation_is_bound_or_declared_request_only(vendor: str) -> None:
    from sunokit._adapters import REQUEST_ONLY

    bound = {op for binding in bindings(vendor) for op in (binding.operation, *binding.also)}
    polled = {_operations.spec_operation(vendor, op).poll for op in bound} - {None}
    declared = REQUEST_ONLY.get(vendor, {})
    unaccounted = []
    for operation_id in _operations.operation_ids(vendor):
        operation = _operations.spec_operation(vendor, operation_id)
        music = (operation.capability or "").startswith("music.") and operation.spec.role
        if not (
            operation_id in bound or operation_id in polled or music or operation_id in declared
        ):
            unaccounted.append(operation_id)
    assert not unaccounted, f"{vendor}: no binding and not declared request-only: {unaccounted}"
    assert set(declared) <= set(_operations.operation_ids(vendor)), "a stale REQUEST_ONLY entry"
    assert not set(declared) & bound, "both bound and declared request-only"


# ------------------------------------------------------------------ jobs beyond music


@pytest.fixture(scope="module", params=["sunoapi_org", "apikley"])
def kie(request: pytest.FixtureRequest) -> Iterator[MockedVendor]:
    with mock_vendor(request.param, rate_limits=False) as running:
        yield running


@pytest.mark.parametrize("driver", DRIVERS)
def test_lyrics_then_a_song_then_wav_and_stems(kie: MockedVendor, driver: str) -> None:
    lyrics = run(kie, driver, "generate", sunokit.GenerateLyrics("a song about rain"), timeout=10)
    assert lyrics.operation == "lyrics.generate"
    assert isinstance(lyrics.result, sunokit.Lyrics)
    assert lyrics.result.variants
    assert lyrics.result.text
    song = run(kie, driver, "generate", sunokit.Description("a calm piano tune"), timeout=10)
    ref = song.tracks[0].ref
    assert ref == sunokit.TrackRef(song.task_id, song.tracks[0].id)
    wav = run(kie, driver, "generate", sunokit.ConvertToWav(ref), timeout=10)
    assert wav.operation == "audio.wav"
    assert isinstance(wav.result, sunokit.AudioFile)
    assert wav.result.format == "wav"
    assert wav.result.url
    stems = run(kie, driver, "generate", sunokit.SeparateStems(ref), timeout=10)
    assert isinstance(stems.result, sunokit.Stems)
    assert {"vocal", "instrumental"} <= set(stems.result.names)
    assert stems.result["vocal"].startswith("http")


def test_the_wire_bodies_of_track_requests(kie: MockedVendor) -> None:
    ref = sunokit.TrackRef("T1", "A1")
    with kie.new_client(callback_url="https://cb.example/hook") as client:
        wav = client._core.typed_call(sunokit.ConvertToWav(ref))
        stems = client._core.typed_call(sunokit.SeparateStems(ref, full=True))
    assert wav.call.wire_body == {
        "taskId": "T1",
        "audioId": "A1",
        "callBackUrl": "https://cb.example/hook",
    }
    assert stems.call.wire_body == {
        "taskId": "T1",
        "audioId": "A1",
        "callBackUrl": "https://cb.example/hook",
        "type": "split_stem",
    }


@pytest.mark.parametrize(
    "request_",
    [
        sunokit.UploadCover("https://x/a.mp3", sunokit.Description("a"), clip_id="c1"),
        sunokit.UploadExtend("https://x/a.mp3", clip_id="c1"),
    ],
    ids=["cover", "extend"],
)
def test_a_clip_id_is_refused_where_the_vendor_fetches_the_upload_itself(
    kie: MockedVendor, request_: Any
) -> None:
    # the kie family reads upload_url; a clip id (sunoapi_com's uploaded clip) would be dropped
    before = len(kie.mock.tasks)
    with (
        kie.new_client() as client,
        pytest.raises(sunokit.UnsupportedRequestError, match="clip_id"),
    ):
        client.submit(request_)
    assert len(kie.mock.tasks) == before  # refused before anything was sent


@pytest.mark.parametrize(
    "bad", ["T1", None, sunokit.TrackRef("", "A1"), sunokit.TrackRef("T1", "")], ids=repr
)
def test_a_track_request_needs_a_track_reference(bad: Any) -> None:
    with pytest.raises(sunokit.ClientValidationError, match=r"tracks\[0\]\.ref"):
        sunokit.ConvertToWav(bad)


def test_a_failed_job_is_a_task_failed_error_with_the_vendors_reason() -> None:
    """A poll answer in a failure state (spec's state table) ends the wait with the reason."""
    import httpx

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/api/v1/lyrics"):
            return httpx.Response(
                200, json={"code": 200, "msg": "success", "data": {"taskId": "L1"}}
            )
        record = {
            "taskId": "L1",
            "status": "SENSITIVE_WORD_ERROR",
            "errorMessage": "The prompt contains sensitive words.",
        }
        return httpx.Response(200, json={"code": 200, "msg": "success", "data": record})

    with httpx.Client(transport=httpx.MockTransport(answer)) as http:
        client = sunokit.SunoClient(
            "sunoapi_org",
            api_key="k1",
            base_url="https://x.test",
            callback_url="https://cb.example/hook",
            http_client=http,
        )
        with pytest.raises(sunokit.TaskFailedError) as raised:
            client.generate(sunokit.GenerateLyrics("rain"), timeout=5)
    task = raised.value.task
    assert task.operation == "lyrics.generate"
    assert task.state == "failed"
    assert task.error is not None
    assert task.error.message == "The prompt contains sensitive words."
    assert raised.value.kind == _specs.failure_kinds("sunoapi_org", "LyricsTaskStatus").get(
        "SENSITIVE_WORD_ERROR"
    )


# ------------------------------------------------------------------ the file-upload host


def _upload_through(vendor: str, monkeypatch: pytest.MonkeyPatch, **options: Any) -> list[str]:
    import httpx

    seen: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(f"{request.url.scheme}://{request.url.host}{request.url.path}")
        data = {"downloadUrl": "https://files.example/a.mp3", "filePath": "sunokit/a.mp3"}
        return httpx.Response(200, json={"success": True, "code": 200, "msg": "ok", "data": data})

    with httpx.Client(transport=httpx.MockTransport(answer)) as http:
        client = sunokit.SunoClient(vendor, api_key="k1", http_client=http, **options)
        upload = client.call(sunokit.UploadFromUrl("https://example.com/a.mp3"))
    assert upload == sunokit.Upload(url="https://files.example/a.mp3", path="sunokit/a.mp3")
    return seen


def test_uploads_go_to_the_hosts_the_spec_names(monkeypatch: pytest.MonkeyPatch) -> None:
    server = _operations.spec_operation("sunoapi_org", "upload_file_url").server
    assert server == "https://sunoapiorg.redpandaai.co"
    assert _upload_through("sunoapi_org", monkeypatch) == [f"{server}/api/file-url-upload"]
    assert _upload_through("sunoapi_org", monkeypatch, upload_base_url="http://files.test") == [
        "http://files.test/api/file-url-upload"
    ]
    monkeypatch.setenv("SUNOAPI_ORG_UPLOAD_BASE_URL", "http://env-files.test")
    assert _upload_through("sunoapi_org", monkeypatch) == [
        "http://env-files.test/api/file-url-upload"
    ]


def test_a_bad_upload_base_url_names_its_source(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(sunokit.ConfigurationError, match="upload_base_url"):
        sunokit.SunoClient("sunoapi_org", api_key="k1", upload_base_url="ftp://x")
    monkeypatch.setenv("SUNOAPI_ORG_UPLOAD_BASE_URL", "not a url")
    with pytest.raises(sunokit.ConfigurationError, match="SUNOAPI_ORG_UPLOAD_BASE_URL"):
        sunokit.SunoClient("sunoapi_org", api_key="k1")


def _tls_contexts(http_clients: Any) -> list[ssl.SSLContext]:
    return [http._transport._pool._ssl_context for http in http_clients.values()]


def test_the_hosts_share_one_verifying_tls_context() -> None:
    # One context for the base and the upload host (loading the CAs is ~50 ms per context),
    # made as httpx makes its default: verifying certificates and host names.
    with sunokit.SunoClient("sunoapi_org", api_key="k1") as client:
        contexts = _tls_contexts(client._http)
    client = sunokit.AsyncSunoClient("sunoapi_org", api_key="k1")
    contexts += _tls_contexts(client._http)
    asyncio.run(client.aclose())
    assert len(contexts) == 4
    assert contexts[0] is contexts[1]
    assert contexts[2] is contexts[3]
    for context in contexts:
        assert context.verify_mode == ssl.CERT_REQUIRED
        assert context.check_hostname


def test_a_stem_id_is_refused_where_the_spec_has_no_such_field() -> None:
    with sunokit.SunoClient("apikley", api_key="k1", callback_url="https://cb.example/h") as c:
        with pytest.raises(sunokit.UnsupportedRequestError, match="sunoapi_org"):
            c._core.typed_call(sunokit.GenerateMidi("T1", stem_id="S1"))
        assert c._core.typed_call(sunokit.GenerateMidi("T1")).call.wire_body == {
            "taskId": "T1",
            "callBackUrl": "https://cb.example/h",
        }
    with sunokit.SunoClient("sunoapi_org", api_key="k1", callback_url="https://cb.example/h") as c:
        step = c._core.typed_call(sunokit.GenerateMidi("T1", stem_id="S1"))
    assert step.call.wire_body is not None
    assert step.call.wire_body["audioId"] == "S1"
