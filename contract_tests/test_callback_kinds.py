"""Every documented callback kind parses (issue 9): the callback of each operation with
`callbacks` in a spec gives the Task `client.wait` gives for the same job - same operation, same
typed result read by the same binding - and a body says which kind it is where the schemas can
tell (else CallbackError listing the kinds, asking for operation=).

The mock posts each job's callbacks to its own inbox; the Task parsed from the last one is
compared with the Task `client.generate` returned, for every bound kie-family operation that
calls back.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import pytest
import sunokit
from hypothesis import given
from hypothesis import strategies as st
from sunokit import CallbackError, ConfigurationError, Task, _specs, callbacks
from sunokit._adapters import bindings
from sunokit.mock import StageTimings
from sunokit.testing import MockedVendor, mock_vendor

from .test_callbacks import FAST, _mutations, json_values

KIE = ("sunoapi_org", "apikley")

# What each kind's successful callback yields, stated here from the docs, not read from code.
RESULT_TYPES: dict[str, type[Any] | None] = {
    "music.generate": None,  # music results stay in task.tracks
    "producer.generate": None,  # request() only (no typed request): its song stays in tracks
    "lyrics.generate": sunokit.Lyrics,
    "audio.wav": sunokit.AudioFile,
    "audio.stems": sunokit.Stems,
    "audio.midi": sunokit.Midi,
    "audio.recovery": sunokit.Tracks,
    "video.create": sunokit.Video,
    "image.cover": sunokit.Images,
    "voice.validate": sunokit.VoicePhrase,
    "voice.regenerate": sunokit.VoicePhrase,
    "voice.create": sunokit.Voice,
    "music.upload_cover": sunokit.Tracks,
    "music.upload_extend": sunokit.Tracks,
    "music.add_instrumental": sunokit.Tracks,
    "music.add_vocals": sunokit.Tracks,
    "music.replace_section": sunokit.Tracks,
    "music.mashup": sunokit.Tracks,
}


def kind_examples() -> list[Any]:
    """(vendor, kind, example name, body) for every callback example of every kind."""
    found = []
    for vendor in callbacks.callback_vendors():
        for kind in callbacks.callback_kinds(vendor):
            for operation in _specs.operations(vendor):
                if operation.operation_id != kind.operation_id:
                    continue
                for callback in operation.definition["callbacks"].values():
                    for item in callback.values():
                        post = item["post"]
                        if post.get("operationId") != kind.callback_id:
                            continue
                        media = post["requestBody"]["content"]["application/json"]
                        for name, entry in media.get("examples", {}).items():
                            found.append(
                                pytest.param(
                                    vendor,
                                    kind,
                                    name,
                                    entry["value"],
                                    id=f"{vendor}:{kind.callback_id}:{name}",
                                )
                            )
    return found


KIND_EXAMPLES = kind_examples()


def _shared(kind: callbacks.CallbackKind) -> bool:
    """Another kind of the vendor has the same body schema: the body cannot tell them apart."""
    return any(
        other.schema_name == kind.schema_name and other != kind
        for other in callbacks.callback_kinds(kind.vendor)
    )


def test_every_kind_of_the_kie_specs_is_listed_with_its_capability() -> None:
    for vendor in KIE:
        listed = {kind.capability for kind in callbacks.callback_kinds(vendor)}
        assert listed <= set(RESULT_TYPES), listed - set(RESULT_TYPES)
        assert "music.generate" in listed
        assert callbacks.callback_kinds(vendor)[0].default
        assert {"audio.wav", "lyrics.generate", "audio.stems", "video.create"} <= listed
    # every kind of the kie specs has examples to parse
    assert {p.values[1].capability for p in KIND_EXAMPLES} == set(RESULT_TYPES)


@pytest.mark.parametrize(("vendor", "kind", "name", "value"), KIND_EXAMPLES)
def test_every_example_of_every_kind_parses_as_that_kind(
    vendor: str, kind: callbacks.CallbackKind, name: str, value: dict[str, Any]
) -> None:
    for operation in (kind.capability, kind.operation_id, kind.callback_id):
        if operation == kind.capability and _capability_is_shared(kind):
            continue
        task = callbacks.parse(vendor, json.dumps(value), operation=operation)
        assert isinstance(task, Task)
        assert task.operation == kind.capability
        assert task.vendor == vendor
        json.dumps(task.to_dict())
    code = value.get("code")
    if task.state == "succeeded":
        expected = RESULT_TYPES[kind.capability]
        if _bound(kind):
            assert isinstance(task.result, expected), (task.result, expected)  # type: ignore[arg-type]
        if expected is sunokit.Tracks:
            assert [t.id for t in task.tracks] == [t.id for t in task.result.tracks]
            assert all(t.task_id == task.task_id for t in task.tracks)
    if isinstance(code, int) and code != 200:
        assert task.state == "failed"
        assert task.error is not None
        assert task.error.code == code
        assert task.result is None


def _bound(kind: callbacks.CallbackKind) -> bool:
    return any(
        b.operation == kind.operation_id and b.request.capability == kind.capability
        for b in bindings(kind.vendor)
    )


def _capability_is_shared(kind: callbacks.CallbackKind) -> bool:
    return sum(k.capability == kind.capability for k in callbacks.callback_kinds(kind.vendor)) > 1


@pytest.mark.parametrize(("vendor", "kind", "name", "value"), KIND_EXAMPLES)
def test_the_body_says_its_kind_where_the_schemas_can_tell(
    vendor: str, kind: callbacks.CallbackKind, name: str, value: dict[str, Any]
) -> None:
    named = callbacks.parse(vendor, value, operation=kind.operation_id)
    try:
        found = callbacks.parse(vendor, value)
    except CallbackError as error:
        message = str(error)
        assert "pass operation=" in message
        assert kind.capability in message, message  # the kinds that fit are listed
        # only a body other kinds' schemas also take is ambiguous: a failure without a
        # result, or a kind sharing its schema
        assert _shared(kind) or value.get("data") is None or value.get("code") != 200, message
        return
    if found.operation == kind.capability:
        assert found == named
    else:
        # what the body cannot tell apart: a kind sharing the music callback's schema is read
        # as the default kind, as are failures that fit it too
        default = callbacks.callback_kinds(vendor)[0]
        assert found.operation == default.capability
        assert _shared(kind) or named.state == "failed", (found, named)


def test_an_ambiguous_body_lists_the_kinds_and_asks_for_operation() -> None:
    body = {"code": 500, "msg": "failed", "data": None}
    with pytest.raises(CallbackError) as caught:
        callbacks.parse("sunoapi_org", body)
    message = str(caught.value)
    for capability in ("audio.wav", "audio.stems", "video.create", "image.cover"):
        assert capability in message
    assert "pass operation=" in message
    assert "music.generate" not in message  # its schema requires data
    task = callbacks.parse("sunoapi_org", body, operation="audio.wav")
    assert (task.operation, task.state, task.error) == (
        "audio.wav",
        "failed",
        sunokit.TaskError(500, "failed", "server_error"),
    )


def test_the_two_voice_phrase_callbacks_share_a_body_and_need_operation() -> None:
    body = {
        "code": 200,
        "msg": "success",
        "data": {"taskId": "t1", "validateInfo": "Say this.", "status": "wait_validating"},
    }
    with pytest.raises(CallbackError, match=r"voice\.validate .*voice\.regenerate"):
        callbacks.parse("sunoapi_org", body)
    for capability in ("voice.validate", "voice.regenerate"):
        task = callbacks.parse("sunoapi_org", body, operation=capability)
        assert task.result == sunokit.VoicePhrase("Say this.")
        assert (task.task_id, task.state, task.operation) == ("t1", "succeeded", capability)


def test_a_wav_callback_is_recognised_and_typed() -> None:
    body = {
        "code": 200,
        "msg": "success",
        "data": {"task_id": "w1", "audioWavUrl": "https://x/a.wav"},
    }
    task = callbacks.parse("apikley", body)
    assert task.operation == "audio.wav"
    assert task.result == sunokit.AudioFile("https://x/a.wav", "wav")
    assert (task.task_id, task.state, task.vendor_state) == ("w1", "succeeded", None)


def test_a_stems_callback_names_the_stems_as_the_poll_does() -> None:
    body = {
        "code": 200,
        "msg": "success",
        "data": {
            "task_id": "s1",
            "vocal_removal_info": {
                "origin_url": "https://x/o.mp3",
                "vocal_url": "https://x/v.mp3",
                "backing_vocals_url": "https://x/b.mp3",
                "drums_url": None,
            },
        },
    }
    task = callbacks.parse("sunoapi_org", body)
    assert task.operation == "audio.stems"
    assert task.result.names == ("vocal", "backing_vocals")
    assert task.result["backing_vocals"] == "https://x/b.mp3"


def test_a_finished_job_without_its_result_is_a_callback_error_naming_the_field() -> None:
    # code 200 says the WAV is ready; a drifted body without the URL is refused, not a Task
    # with no result
    body = {"code": 200, "msg": "success", "data": {"task_id": "w1", "audioWavUrl": None}}
    with pytest.raises(CallbackError, match=r"audio\.wav callback .*data\.audioWavUrl"):
        callbacks.parse("sunoapi_org", body, operation="audio.wav")
    body = {"code": 200, "msg": "ok", "data": {"task_id": "v", "video_url": ""}}
    with pytest.raises(CallbackError, match=r"data\.video_url"):
        callbacks.parse("sunoapi_org", body, operation="create_music_video")


def test_a_lyrics_callback_of_apikley_reads_its_snake_case_variants() -> None:
    body = {
        "code": 200,
        "msg": "ok",
        "data": {
            "callbackType": "complete",
            "task_id": "l1",
            "data": [
                {"text": "[Verse] rain", "title": "Rain", "status": "complete"},
                {"text": "", "title": "", "status": "failed", "error_message": "refused"},
            ],
        },
    }
    task = callbacks.parse("apikley", body)
    assert task.operation == "lyrics.generate"
    assert task.result == sunokit.Lyrics(
        (
            sunokit.LyricsVariant("[Verse] rain", "Rain"),
            sunokit.LyricsVariant("", None, "refused"),
        )
    )


def test_a_body_fitting_no_kind_names_the_nearest_kinds_violation() -> None:
    body = {"code": 200, "msg": "ok", "data": {"task_id": "w1", "audioWavUrl": 7}}
    with pytest.raises(CallbackError) as caught:
        callbacks.parse("sunoapi_org", body)
    message = str(caught.value)
    assert message.startswith("callback field data.audioWavUrl must be a string or null")
    assert "audio.wav" in message


@pytest.mark.parametrize("operation", ["music.nope", "get_credits", "", 7, "account.credits"])
def test_an_operation_without_a_callback_is_a_configuration_error(operation: Any) -> None:
    with pytest.raises(ConfigurationError, match="sends no callback for operation") as caught:
        callbacks.parse("sunoapi_org", b"{}", operation=operation)
    assert "audio.wav (convert_to_wav)" in str(caught.value)


def test_a_kinds_item_list_is_bounded_too() -> None:
    body = {
        "code": 200,
        "data": {"callbackType": "complete", "taskId": "l", "data": [{"text": "a"}] * 101},
    }
    with pytest.raises(CallbackError, match=r"data\.data lists 101 items, over the max_tracks"):
        callbacks.parse("sunoapi_org", body, operation="lyrics.generate")
    midi = {"task_id": "m", "code": 200, "data": {"state": "complete", "instruments": [{}] * 101}}
    with pytest.raises(CallbackError, match=r"data\.instruments lists 101 items, over the max_tr"):
        callbacks.parse("sunoapi_org", midi)


def test_unwrap_passes_operation_on() -> None:
    body = json.dumps({"code": 500, "msg": "x", "data": None})
    task = callbacks.unwrap("sunoapi_org", body, {}, operation="audio.midi")
    assert (task.operation, task.state) == ("audio.midi", "failed")


# --------------------------------------------------------------------------------------------
# The mock's callbacks give the Task client.wait gives


@pytest.fixture(scope="module", params=KIE)
def mocked(request: pytest.FixtureRequest) -> Iterator[MockedVendor]:
    with mock_vendor(request.param, rate_limits=False, timings=StageTimings(0, 0, 0)) as running:
        yield running


UPLOAD = "https://example.com/a.mp3"


def _requests(m: MockedVendor) -> Iterator[tuple[str, Callable[[], Any]]]:
    """A request per capability with a callback, each built from what earlier ones returned."""
    client = m.client
    done: dict[str, Task] = {}

    def run(capability: str, request: Any) -> Task:
        done[capability] = client.generate(request, timeout=30)
        return done[capability]

    song = client.generate(sunokit.Description("a calm piano tune"), timeout=30)
    done["music.generate"] = song
    ref = song.tracks[0].ref
    music = sunokit.Description("a cover")
    yield "music.generate", lambda: song
    yield "lyrics.generate", lambda: run("lyrics.generate", sunokit.GenerateLyrics("rain"))
    yield "audio.wav", lambda: run("audio.wav", sunokit.ConvertToWav(ref))
    yield "audio.stems", lambda: run("audio.stems", sunokit.SeparateStems(song.tracks[1].ref))
    yield "audio.midi", lambda: run("audio.midi", sunokit.GenerateMidi(done["audio.stems"]))
    yield "audio.recovery", lambda: run("audio.recovery", sunokit.RecoverAudio(song))
    yield "video.create", lambda: run("video.create", sunokit.MakeVideo(ref))
    yield "image.cover", lambda: run("image.cover", sunokit.GenerateCoverImage(song))
    yield (
        "voice.validate",
        lambda: run(
            "voice.validate", sunokit.ValidateVoice("https://example.com/v.mp3", start=1, end=20)
        ),
    )
    yield (
        "voice.regenerate",
        lambda: run("voice.regenerate", sunokit.RegenerateVoicePhrase(done["voice.validate"])),
    )
    yield (
        "voice.create",
        lambda: run(
            "voice.create",
            sunokit.CreateVoice(done["voice.validate"], "https://example.com/r.mp3"),
        ),
    )
    yield (
        "music.upload_cover",
        lambda: run("music.upload_cover", sunokit.UploadCover(UPLOAD, music)),
    )
    yield (
        "music.upload_extend",
        lambda: run(
            "music.upload_extend",
            sunokit.UploadExtend(
                UPLOAD, music=sunokit.CustomLyrics("[Verse] la", "pop", "Ext"), at=10.0
            ),
        ),
    )
    yield (
        "music.add_instrumental",
        lambda: run("music.add_instrumental", sunokit.AddInstrumental(UPLOAD, "lofi", "Night")),
    )
    yield (
        "music.add_vocals",
        lambda: run("music.add_vocals", sunokit.AddVocals(UPLOAD, "[Verse] la", "pop", "Day")),
    )
    yield (
        "music.replace_section",
        lambda: run(
            "music.replace_section",
            sunokit.ReplaceSection(ref, "[Verse] new", "pop", "New", start=1.0, end=5.0),
        ),
    )
    yield (
        "music.mashup",
        lambda: run("music.mashup", sunokit.Mashup((UPLOAD, "https://example.com/b.mp3"), music)),
    )


def _callbacks_of(m: MockedVendor, kind: callbacks.CallbackKind, task_id: str) -> list[Any]:
    m.http.post("/__mock__/tick").raise_for_status()
    mine = []
    for item in m.inbox:
        body = item["body"]
        document = json.loads(body) if isinstance(body, (str, bytes)) else body
        for path in kind.job_ids:
            node: Any = document
            for key in path:
                node = node.get(key) if isinstance(node, dict) else None
            if node == task_id:
                mine.append(body)
                break
    return mine


def _comparable(task: Task) -> Task:
    """The Task without the vendor's word for its state (a callback's stage, a poll's status);
    stems in name order (each comes in its body's key order, and the mock's callback and poll
    list them in different orders)."""
    result = task.result
    if isinstance(result, sunokit.Stems):
        result = sunokit.Stems(tuple(sorted(result.stems, key=lambda stem: stem.name)))
    return attrs.evolve(task, vendor_state=None, result=result)


def test_the_mocks_callbacks_parse_to_the_task_client_wait_returns(mocked: MockedVendor) -> None:
    vendor = mocked.vendor
    table = {kind.capability: kind for kind in callbacks.callback_kinds(vendor)}
    checked = []
    for capability, make in _requests(mocked):
        if capability not in table:
            continue  # the vendor has no such operation
        kind = table[capability]
        task = make()
        assert task.state == "succeeded", (capability, task)
        delivered = _callbacks_of(mocked, kind, task.task_id)
        assert delivered, f"{vendor}: no callback for the {capability} job {task.task_id}"
        parsed = callbacks.parse(vendor, delivered[-1], operation=capability)
        # the same Task but for the vendor's words for the state (stage vs poll status),
        # music-family jobs included: get/wait keep their capability and Tracks result
        assert _comparable(parsed) == _comparable(task)
        if _bound(kind):
            assert isinstance(parsed.result, RESULT_TYPES[capability])  # type: ignore[arg-type]
        checked.append(capability)
    # every kind with a binding (and the music submit) was compared
    expected = {k.capability for k in table.values() if _bound(k) or k.default}
    assert expected <= set(checked), expected - set(checked)


def test_a_newer_server_s_extra_fields_still_parse_as_the_same_kind() -> None:
    body = {"code": 200, "msg": "ok", "data": {"task_id": "w", "audioWavUrl": "https://x/a.wav"}}
    newer = copy.deepcopy(body)
    newer["x_future"] = {"a": 1}
    newer["data"]["x_future"] = [1]
    assert callbacks.parse("sunoapi_org", newer) == callbacks.parse("sunoapi_org", body)


def test_client_wait_keeps_a_music_family_jobs_capability() -> None:
    with mock_vendor("sunoapi_org", rate_limits=False, timings=StageTimings(0, 0, 0)) as m:
        request = sunokit.UploadCover(UPLOAD, sunokit.Description("a cover"))
        task = m.client.generate(request, timeout=30)
    assert task.operation == "music.upload_cover"
    assert isinstance(task.result, sunokit.Tracks)


def test_midi_note_times_given_as_numeric_strings_are_numbers() -> None:
    # Regression: the MIDI reader refused the spec's "a number or a numeric string" (MidiNote),
    # so the documented MIDI callback example could not be read.
    note = {"pitch": 60, "start": "0.5", "end": 1, "velocity": 1}
    body = {
        "task_id": "m",
        "code": 200,
        "msg": "ok",
        "data": {"state": "complete", "instruments": [{"name": "Drums", "notes": [note]}]},
    }
    task = callbacks.parse("sunoapi_org", body)
    assert task.result == sunokit.Midi(
        (sunokit.MidiInstrument("Drums", (sunokit.MidiNote(60, 0.5, 1.0, 1.0),)),)
    )
    note["start"] = "soon"
    with pytest.raises(CallbackError, match="MIDI note's start 'soon' is not a number"):
        callbacks.parse("sunoapi_org", body)


# --------------------------------------------------------------------------------------------
# sunokit parse VENDOR callback [--operation KIND]


def _cli(*args: str, stdin: str) -> tuple[int, str, str]:
    import io

    from sunokit._cli_parse import run_parse

    out, err = io.StringIO(), io.StringIO()
    vendor, kind, *rest = args
    operation = rest[1] if rest[:1] == ["--operation"] else None
    code = run_parse(vendor, kind, "-", io.StringIO(stdin), out, err, operation=operation)
    return code, out.getvalue(), err.getvalue()


def test_the_cli_parses_every_kind_and_takes_operation() -> None:
    wav = json.dumps({"code": 200, "msg": "ok", "data": {"task_id": "w", "audioWavUrl": "u"}})
    code, out, err = _cli("apikley", "callback", stdin=wav)
    assert (code, err) == (0, "")
    assert json.loads(out)["operation"] == "audio.wav"
    assert json.loads(out)["result"] == {"url": "u", "format": "wav"}
    failed = json.dumps({"code": 500, "msg": "no", "data": None})
    code, out, err = _cli("sunoapi_org", "callback", stdin=failed)
    assert (code, out) == (1, "")
    assert "pass --operation" in err
    assert "audio.stems (separate_stems)" in err
    code, out, err = _cli("sunoapi_org", "callback", "--operation", "separate_stems", stdin=failed)
    assert code == 0, err
    assert (json.loads(out)["operation"], json.loads(out)["state"]) == ("audio.stems", "failed")
    code, out, err = _cli("sunoapi_org", "task", "--operation", "audio.wav", stdin=failed)
    assert (code, out) == (2, "")
    assert "--operation applies to a callback body only" in err


# --------------------------------------------------------------------------------------------
# Hostile bodies of every kind: a Task or a CallbackError, nothing else


@FAST
@given(data=st.data(), replacement=json_values)
def test_every_kinds_examples_with_a_node_replaced_parse_or_raise_callback_error(
    data: st.DataObject, replacement: Any
) -> None:
    vendor, kind, _, value = data.draw(st.sampled_from([p.values for p in KIND_EXAMPLES]))
    paths = [path for path in _mutations(value) if path]
    mutated = copy.deepcopy(value)
    if paths:
        path = data.draw(st.sampled_from(paths))
        node = mutated
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = replacement
    for operation in (None, kind.operation_id):
        try:
            task = callbacks.parse(vendor, json.dumps(mutated), operation=operation)
        except CallbackError as error:
            message = str(error)
            assert message
            assert len(message) < 1000
        else:
            assert isinstance(task, Task)
            json.dumps(task.to_dict())


def test_a_capability_chosen_by_task_type_is_a_valid_operation() -> None:
    # SunoAPI.com's one create offers concat, cover, ... by task_type: its webhook is theirs too
    kind = callbacks.callback_kinds("sunoapi_com")[0]
    assert {"music.generate", "music.concat", "music.cover"} <= set(kind.capabilities)
    body = next(p.values[3] for p in KIND_EXAMPLES if p.values[0] == "sunoapi_com")
    plain = callbacks.parse("sunoapi_com", body)
    concat = callbacks.parse("sunoapi_com", body, operation="music.concat")
    assert plain.operation == "music.generate"
    assert concat.operation == "music.concat"
    # a bound capability's Task has its binding's typed result, as client.wait gives it
    assert isinstance(concat.result, sunokit.Tracks)
    assert concat.result.tracks == concat.tracks == plain.tracks
    assert attrs.evolve(concat, operation="music.generate", result=None) == plain
    assert plain.result is None  # music.generate keeps its tracks on the Task, as ever
    with pytest.raises(ConfigurationError, match="sends no callback for operation"):
        callbacks.parse("sunoapi_com", body, operation="audio.wav")
