"""SunoAPI.com: one create endpoint for every mode (`task_type`), clips without a task-level
state; stems, WAV, MIDI, persona, upload and lyrics beside it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import attrs
import sunoapi_com_client
from sunoapi_com_client.api.music import get_task, submit_music
from sunoapi_com_client.models import SubmitMusicRequest

from .. import _operations
from .._bindings import Binding, Context, capability_vendors, dig
from .._errors import (
    APIResponseError,
    APIStatusError,
    ClientValidationError,
    UnsupportedRequestError,
)
from .._json_types import json_type
from .._models import (
    AudioFile,
    Credits,
    Lyrics,
    LyricsVariant,
    Midi,
    MidiInstrument,
    MidiNote,
    Persona,
    Stem,
    Stems,
    Task,
    TaskState,
    Tracks,
    Upload,
)
from .._requests import (
    Concat,
    ConvertToWav,
    Cover,
    CreatePersona,
    CustomLyrics,
    Description,
    Extend,
    GenerateLyrics,
    GenerateMidi,
    GetCredits,
    Inspiration,
    Instrumental,
    MusicRequest,
    SeparateStems,
    Tuning,
    UploadCover,
    UploadExtend,
    UploadFromUrl,
)
from .._validation import Violation
from ._base import (
    Adapter,
    AnswerShapeError,
    Call,
    RawResponse,
    envelope_error,
    failure,
    id_at,
    neutral_state,
    object_at,
    objects_at,
    text_or_none,
    track_from,
)

_TRACK_KEYS = {
    "id": "clip_id",
    "title": "title",
    "audio_url": "audio_url",
    "stream_url": "audio_url",
    "image_url": "image_url",
    "duration": "duration",
    "tags": "tags",
    "lyrics": "lyrics",
    "model": "mv",
    "created_at": "created_at",
}

# How far along each neutral state is; the task is as far as its least advanced clip.
_PROGRESS: Mapping[TaskState, int] = {
    "unknown": 0,
    "queued": 1,
    "running": 2,
    "text_ready": 3,
    "first_ready": 4,
    "succeeded": 5,
}


def task_state_from_clips(states: list[TaskState]) -> TaskState:
    """The spec's client rule `task-state-from-clips` on TaskResponse."""
    if not states:
        return "queued"
    if "failed" in states:
        return "failed"
    return min(states, key=lambda state: _PROGRESS.get(state, 0))


class SunoapiComAdapter(Adapter):
    vendor = "sunoapi_com"
    env_var = "SUNOAPI_COM_API_KEY"
    modes: ClassVar[frozenset[str]] = frozenset(
        {"description", "custom", "instrumental", "extend", "inspiration"}
    )
    tuning_fields: ClassVar[frozenset[str]] = frozenset(
        {"negative_tags", "vocal_gender", "style_weight", "weirdness", "audio_weight", "persona_id"}
    )
    default_model = "chirp-v4"
    model_field = "mv"
    package = sunoapi_com_client
    submit_id_path = ("data", "task_id")

    def wire_body(
        self, request: MusicRequest, *, callback_url: str | None
    ) -> tuple[str, dict[str, Any]]:
        self.check_supported(request)
        body: dict[str, Any] = {"mv": request.model or self.default_model}
        url = request.callback_url or callback_url
        if url is not None:
            body["webhook_url"] = url
        body.update(_tuning_fields(request.tuning))
        if request.tuning.persona_id is not None:
            # "The 'persona_id' field is required when task_type = persona_music."
            body["task_type"] = "persona_music"
        if isinstance(request, Description):
            body.update(
                custom_mode=False, prompt=request.prompt, make_instrumental=request.instrumental
            )
        elif isinstance(request, Inspiration):
            body.update(
                custom_mode=False,
                gpt_description_prompt=request.description,
                make_instrumental=request.instrumental,
            )
        elif isinstance(request, CustomLyrics):
            body.update(
                custom_mode=True, prompt=request.lyrics, tags=request.style, title=request.title
            )
        elif isinstance(request, Instrumental):
            body.update(
                custom_mode=True,
                prompt="",
                make_instrumental=True,
                tags=request.style,
                title=request.title,
            )
        elif isinstance(request, Extend):
            _no_persona(request.tuning, "an extend (task_type extend_music)")
            body.update(
                task_type="extend_music",
                custom_mode=True,
                prompt=request.lyrics or "",
                continue_clip_id=request.clip_id,
                make_instrumental=request.instrumental,
            )
            if request.at is None:
                # The extend page: continue_at is "required for extend_music"; the spec's
                # `default: 0` would otherwise continue from the very start.
                raise ClientValidationError(
                    self.vendor,
                    [
                        Violation(
                            "at",
                            "extend-needs-source-clip",
                            "at is required to extend a clip on sunoapi_com (continue_at, the "
                            "second of the source clip to continue from)",
                            "required",
                        )
                    ],
                )
            body["continue_at"] = request.at
            if request.style is not None:
                body["tags"] = request.style
            if request.title is not None:
                body["title"] = request.title
        return "submit", body

    def submit_call(self, role: str, body: Mapping[str, Any]) -> Call:
        model = SubmitMusicRequest.from_dict(body)
        return Call(submit_music, {"body": model}, role, model.to_dict())

    def map_error(
        self, response: RawResponse, code_schema: str = "ResponseCode"
    ) -> APIStatusError | None:
        return envelope_error(
            self.vendor, response, code_schema=code_schema, message_key="message", success=200
        )

    def _status_call(self, task_id: str) -> Call:
        return Call(get_task, {"task_id": task_id}, "status")

    def task_id_from_submit(self, response: RawResponse) -> str:
        """The id in either documented create answer (`{message, task_id}` on the current
        pages, `{code, data: {task_id}, message}` on the first create page): the paths the
        spec's x-sunokit-job-id lists."""
        self.raise_for_error(response)
        return accepted_task_id(self.vendor, response.json(), response.status_code)

    def task_from_dict(self, body: Mapping[str, Any], *, source: str, task_id: str = "") -> Task:
        data = body.get("data")
        if source == "submit":
            submitted = accepted_task_id(self.vendor, body, None)
            return Task(vendor=self.vendor, task_id=submitted, state="queued", raw=body)
        clips = objects_at(data, "data")
        raw_states = [clip.get("state") for clip in clips]
        states = [neutral_state(self.vendor, "ClipState", value) for value in raw_states]
        state = task_state_from_clips(states)
        error = None
        if state == "failed":
            failed = next(clip for clip, s in zip(clips, states, strict=True) if s == "failed")
            error = failure(
                body.get("code"),
                failed.get("error_message") or body.get("message") or "clip failed",
            )
        vendor_state = next(
            (
                str(raw)
                for raw, s in zip(raw_states, states, strict=True)
                if s == state and raw is not None
            ),
            None,
        )
        return Task(
            vendor=self.vendor,
            task_id=task_id,
            state=state,
            vendor_state=vendor_state,
            error=error,
            tracks=tuple(track_from(clip, keys=_TRACK_KEYS) for clip in clips),
            raw=body,
        )


def accepted_task_id(vendor: str, body: object, status_code: int | None) -> str:
    for path in _operations.spec_operation(vendor, "submit_music").job_ids:
        value = dig(body, path)
        if isinstance(value, str) and value.strip():
            return value
    raise APIResponseError(
        f"{vendor} answered the create without a task id (task_id or data.task_id)",
        vendor=vendor,
        status_code=status_code,
        body=body,
    )


def _no_persona(tuning: Tuning, what: str) -> None:
    """persona_id makes the create task_type persona_music: one task_type per call."""
    if tuning.persona_id is not None:
        raise UnsupportedRequestError(
            f"sunoapi_com sings with a persona only in task_type persona_music (a new song): "
            f"{what} takes no persona_id; leave Tuning(persona_id=) unset"
        )


def _tuning_fields(tuning: Tuning) -> dict[str, Any]:
    wire = {
        "negative_tags": tuning.negative_tags,
        "vocal_gender": tuning.vocal_gender,
        "style_weight": tuning.style_weight,
        "weirdness_constraint": tuning.weirdness,
        "audio_weight": tuning.audio_weight,
        "persona_id": tuning.persona_id,
    }
    return {key: value for key, value in wire.items() if value is not None}


# --------------------------------------------------------------------- bindings beyond music


def _credits(body: Any) -> Credits:
    remaining = body.get("credits") if isinstance(body, Mapping) else None
    extra = body.get("extra_credits") if isinstance(body, Mapping) else None
    if isinstance(remaining, bool) or not isinstance(remaining, (int, float)):
        raise AnswerShapeError(f"credits is {json_type(remaining)}; the spec says a number")
    if isinstance(extra, bool) or not isinstance(extra, (int, float)):
        extra = None
    return Credits(remaining=float(remaining), extra=None if extra is None else float(extra))


def _webhook(request: Any, context: Context) -> dict[str, Any]:
    url = request.callback_url or context.callback_url
    return {} if url is None else {"webhook_url": url}


def _concat_body(request: Concat, context: Context) -> dict[str, Any]:
    return {
        "task_type": "concat_music",
        "continue_clip_id": request.clip_id,
        **_webhook(request, context),
    }


def _cover_body(request: Cover, context: Context) -> dict[str, Any]:
    _no_persona(request.music.tuning, "a cover (task_type cover_music)")
    _role, body = SunoapiComAdapter().wire_body(request.music, callback_url=context.callback_url)
    # Only the sibling docs say a cover is made in custom mode: the spec leaves that to the
    # server (cover-in-custom-mode, enforced_by: server), so the body is sent as the mode makes it.
    body["task_type"] = "cover_upload_music" if request.uploaded else "cover_music"
    body["continue_clip_id"] = request.clip_id
    return body


def _uploaded_clip(request: UploadCover | UploadExtend) -> str:
    """The uploaded clip the upload task types act on: this vendor keeps an upload as a clip
    (upload_music answers its clip_id) and never fetches a URL in a create."""
    if request.clip_id is None:
        kind = type(request).__name__
        raise ClientValidationError(
            "sunoapi_com",
            [
                Violation(
                    "clip_id",
                    "upload-types-act-on-an-uploaded-clip",
                    f"clip_id is required on sunoapi_com: upload the audio first "
                    f"(client.call(UploadFromUrl({request.upload_url!r})) answers its clip_id), "
                    f"then {kind}(..., clip_id=upload.clip_id)",
                    "required",
                )
            ],
        )
    return request.clip_id


def _upload_cover_body(request: UploadCover, context: Context) -> dict[str, Any]:
    _no_persona(request.music.tuning, "a cover of an upload (task_type cover_upload_music)")
    _role, body = SunoapiComAdapter().wire_body(request.music, callback_url=context.callback_url)
    body["task_type"] = "cover_upload_music"
    body["continue_clip_id"] = _uploaded_clip(request)
    return body


#: UploadExtend's model default is the kie family's name: here it means "not chosen".
_UPLOAD_EXTEND_DEFAULT_MODEL = attrs.fields(UploadExtend).model.default


def _upload_extend_body(request: UploadExtend, context: Context) -> dict[str, Any]:
    clip_id = _uploaded_clip(request)
    if request.at is None:
        # extend-needs-continue-at: without it the spec's `default: 0` would restart the clip
        raise ClientValidationError(
            "sunoapi_com",
            [
                Violation(
                    "at",
                    "extend-needs-continue-at",
                    "at is required to extend an uploaded clip on sunoapi_com (continue_at, "
                    "the second to continue from; the docs suggest 0.1 for an upload)",
                    "required",
                )
            ],
        )
    callback_url = request.callback_url or context.callback_url
    if request.music is None:
        body: dict[str, Any] = {"mv": SunoapiComAdapter.default_model}
        if callback_url is not None:
            body["webhook_url"] = callback_url
    else:
        _no_persona(request.music.tuning, "an extend of an upload (task_type extend_upload_music)")
        _role, body = SunoapiComAdapter().wire_body(request.music, callback_url=callback_url)
    if request.model != _UPLOAD_EXTEND_DEFAULT_MODEL:
        body["mv"] = request.model
    body.update(task_type="extend_upload_music", continue_clip_id=clip_id, continue_at=request.at)
    return body


def _clips(body: Any) -> Tracks:
    """The clips of a get_task answer, however far the task is."""
    items = objects_at(dig(body, ("data",)), "data")
    return Tracks(tuple(track_from(item, keys=_TRACK_KEYS) for item in items))


def _no_callback(request: Any, what: str) -> None:
    """A callback_url given on a request whose operation documents no webhook is refused, not
    dropped (the client's default callback_url is for the operations that take one)."""
    if getattr(request, "callback_url", None) is not None:
        raise UnsupportedRequestError(
            f"sunoapi_com documents no webhook for {what}: leave callback_url unset (only "
            "/api/v1/suno/create takes webhook_url)"
        )


def _on_clip(request: ConvertToWav | SeparateStems, context: Context) -> dict[str, Any]:
    _no_callback(request, "WAV or stems")
    return {"clip_id": request.track.audio_id}


def _stems(body: Any) -> Stems:
    found = []
    for index, clip in enumerate(objects_at(dig(body, ("data",)), "data")):
        url = text_or_none(clip.get("audio_url"))
        if url is None:
            raise AnswerShapeError(f"data[{index}].audio_url is missing from a finished stem")
        name = text_or_none(clip.get("title")) or f"stem_{index + 1}"
        found.append(Stem(name=name.lower().replace(" ", "_"), url=url))
    if not found:
        raise AnswerShapeError("data holds no stem clip in a finished stems task")
    return Stems(tuple(found))


def _wav(body: Any) -> AudioFile:
    url = dig(body, ("data", "wav_url"))
    if not isinstance(url, str) or not url:
        raise AnswerShapeError(f"data.wav_url is {json_type(url)}; the spec says a URL string")
    return AudioFile(url=url, format="wav")


def _midi_body(request: GenerateMidi, context: Context) -> dict[str, Any]:
    _no_callback(request, "MIDI")
    if request.stem_id is None:
        raise ClientValidationError(
            "sunoapi_com",
            [
                Violation(
                    "stem_id",
                    "midi-of-a-clip",
                    "stem_id is required on sunoapi_com: its MIDI is made from one clip (a song "
                    "or a stem clip of a stems task), sent as clip_id",
                    "required",
                )
            ],
        )
    return {"clip_id": request.stem_id}


def _number(item: Mapping[str, Any], key: str) -> float:
    value = item.get(key)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise AnswerShapeError(f"a MIDI note's {key} is {json_type(value)}; the spec says a number")
    return float(value)


def _midi(body: Any) -> Midi:
    instruments = []
    for item in objects_at(dig(body, ("data", "instruments")), "data.instruments"):
        notes = tuple(
            MidiNote(
                pitch=int(_number(note, "pitch")),
                start=_number(note, "start"),
                end=_number(note, "end"),
                velocity=_number(note, "velocity"),
            )
            for note in objects_at(item.get("notes"), "data.instruments[].notes")
        )
        instruments.append(MidiInstrument(name=text_or_none(item.get("name")) or "", notes=notes))
    return Midi(tuple(instruments))


def _persona_body(request: CreatePersona, context: Context) -> dict[str, Any]:
    extra = {
        "style": request.style,
        "vocal_start": request.vocal_start,
        "vocal_end": request.vocal_end,
    }
    used = sorted(name for name, value in extra.items() if value is not None)
    if used:
        others = [v for v in capability_vendors("persona.create") if v != "sunoapi_com"]
        raise UnsupportedRequestError(
            f"sunoapi_com's create persona takes only a name, a description and the clip: it "
            f"has no {', '.join(used)}; vendors whose persona takes them: {', '.join(others)}"
        )
    return {
        "name": request.name,
        "description": request.description,
        "continue_clip_id": request.track.audio_id,
    }


def _required_id(body: Any, field: str) -> str:
    """A top-level id the spec requires non-empty (minLength 1): never an empty Persona or
    Upload (id_at reads null or absent as "")."""
    value = id_at(dig(body, (field,)), field)
    if not value.strip():
        raise AnswerShapeError(f"{field} is empty or missing; the spec says a non-empty id")
    return value


def _persona(body: Any) -> Persona:
    return Persona(id=_required_id(body, "persona_id"))


def _upload_body(request: UploadFromUrl, context: Context) -> dict[str, Any]:
    if request.name is not None or request.path != "sunokit":
        raise UnsupportedRequestError(
            "sunoapi_com keeps an upload as a clip: it takes only the URL (no name= or path=)"
        )
    return {"url": request.url}


def _uploaded(body: Any) -> Upload:
    return Upload(url=None, clip_id=_required_id(body, "clip_id"))


def _lyrics_body(request: GenerateLyrics, context: Context) -> dict[str, Any]:
    _no_callback(request, "lyrics")
    return {"prompt": request.prompt}


def _lyrics(body: Any) -> Lyrics:
    data = object_at(dig(body, ("data",)), "data")
    text = data.get("text")
    if not isinstance(text, str):
        raise AnswerShapeError(f"data.text is {json_type(text)}; a completed task has the lyrics")
    return Lyrics((LyricsVariant(text=text, title=text_or_none(data.get("title"))),))


BINDINGS: tuple[Binding, ...] = (
    Binding(GetCredits, "get_credits", None, _credits),
    Binding(Concat, "submit_music", _concat_body, _clips, partial=True),
    Binding(Cover, "submit_music", _cover_body, _clips, partial=True),
    Binding(UploadCover, "submit_music", _upload_cover_body, _clips, partial=True),
    Binding(UploadExtend, "submit_music", _upload_extend_body, _clips, partial=True),
    # basic = 2 tracks (vocals, instrumental), full = 12: one request type, two paths
    Binding(
        SeparateStems,
        "stems_basic",
        _on_clip,
        _stems,
        also=("stems_full",),
        route=lambda request: "stems_full" if request.full else "stems_basic",
    ),
    Binding(ConvertToWav, "get_wav", _on_clip, _wav),
    Binding(GenerateMidi, "get_midi", _midi_body, _midi),
    Binding(CreatePersona, "create_persona", _persona_body, _persona),
    Binding(UploadFromUrl, "upload_music", _upload_body, _uploaded),
    Binding(GenerateLyrics, "make_lyrics", _lyrics_body, _lyrics),
)
