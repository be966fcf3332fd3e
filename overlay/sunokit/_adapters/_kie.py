"""SunoAPI.org and Apikley: the same API family (`{code, msg, data}` envelopes, callbacks).

Their differences (models, limits, code meanings) all live in their specs.
"""

from __future__ import annotations

import base64
import importlib
import math
from collections.abc import Mapping
from types import ModuleType
from typing import Any, ClassVar

from .. import _specs
from .._bindings import Binding, Context, dig
from .._errors import APIStatusError, ClientValidationError, UnsupportedRequestError
from .._json_types import json_type
from .._models import (
    AudioFile,
    Credits,
    Images,
    Lyrics,
    LyricsVariant,
    Midi,
    MidiInstrument,
    MidiNote,
    Persona,
    Stem,
    Stems,
    Style,
    Task,
    TimedLyrics,
    TimedWord,
    Track,
    Tracks,
    Upload,
    Video,
    Voice,
    VoiceAvailability,
    VoicePhrase,
)
from .._operations import snake_case
from .._requests import (
    AddInstrumental,
    AddVocals,
    BoostStyle,
    CheckVoice,
    ConvertToWav,
    CreatePersona,
    CreateVoice,
    CustomLyrics,
    Description,
    Extend,
    GenerateCoverImage,
    GenerateLyrics,
    GenerateMidi,
    GenerateSounds,
    GetCredits,
    Instrumental,
    MakeVideo,
    Mashup,
    MusicRequest,
    RecoverAudio,
    RegenerateVoicePhrase,
    ReplaceSection,
    SeparateStems,
    TimestampedLyrics,
    Tuning,
    UploadBytes,
    UploadCover,
    UploadExtend,
    UploadFromUrl,
    ValidateVoice,
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
    submitted_task_id,
    text_or_none,
    track_from,
)

_TRACK_KEYS = {
    "id": "id",
    "title": "title",
    "audio_url": "audioUrl",
    "stream_url": "streamAudioUrl",
    "image_url": "imageUrl",
    "duration": "duration",
    "tags": "tags",
    "lyrics": "prompt",
    "model": "modelName",
    "created_at": "createTime",
}


# Vendors whose extend can make an instrumental continuation (make_instrumental, the
# extend-Instrumental endpoint).
_INSTRUMENTAL_EXTEND = ("relay", "sunoapi_com", "sunosay")


def _tuning_fields(tuning: Tuning) -> dict[str, Any]:
    wire = {
        "negativeTags": tuning.negative_tags,
        "vocalGender": tuning.vocal_gender,
        "styleWeight": tuning.style_weight,
        "weirdnessConstraint": tuning.weirdness,
        "audioWeight": tuning.audio_weight,
        "personaId": tuning.persona_id,
    }
    return {key: value for key, value in wire.items() if value is not None}


class KieAdapter(Adapter):
    modes: ClassVar[frozenset[str]] = frozenset({"description", "custom", "instrumental", "extend"})
    tuning_fields: ClassVar[frozenset[str]] = frozenset(
        {"negative_tags", "vocal_gender", "style_weight", "weirdness", "audio_weight", "persona_id"}
    )
    default_model = "V4_5"
    submit_id_path = ("data", "taskId")

    def __init__(self, vendor: str) -> None:
        self.vendor = vendor
        self.env_var = f"{vendor.upper()}_API_KEY"  # type: ignore[misc]
        self.package = importlib.import_module(f"{vendor}_client")
        self._models = importlib.import_module(f"{vendor}_client.models")

    def _endpoint(self, name: str) -> ModuleType:
        return importlib.import_module(f"{self.package.__name__}.api.music.{name}")

    def wire_body(
        self, request: MusicRequest, *, callback_url: str | None
    ) -> tuple[str, dict[str, Any]]:
        self.check_supported(request)
        common: dict[str, Any] = {"model": request.model or self.default_model}
        url = request.callback_url or callback_url
        if url is not None:
            common["callBackUrl"] = url
        extras = _tuning_fields(request.tuning)
        if isinstance(request, Description):
            body = {
                "customMode": False,
                "instrumental": request.instrumental,
                "prompt": request.prompt,
            }
        elif isinstance(request, CustomLyrics):
            body = {
                "customMode": True,
                "instrumental": False,
                "prompt": request.lyrics,
                "style": request.style,
                "title": request.title,
            }
        elif isinstance(request, Instrumental):
            body = {
                "customMode": True,
                "instrumental": True,
                "style": request.style,
                "title": request.title,
            }
        elif isinstance(request, Extend):
            return "extend", {**self._extend_body(request), **common, **extras}
        else:
            raise UnsupportedRequestError(f"{self.vendor} has no {request.mode} mode")
        return "submit", {**body, **common, **extras}

    def _extend_body(self, request: Extend) -> dict[str, Any]:
        """The Extend Music fields: custom parameters (defaultParamFlag true: prompt, style, title
        and continueAt) or the source clip's own (false: only audioId). What the request cannot
        say in either form is refused, never dropped."""
        if request.model is None:
            raise ClientValidationError(
                self.vendor,
                [
                    Violation(
                        "model",
                        "model-matches-source",
                        f"model is required to extend a clip on {self.vendor}: it must be the "
                        "model the source clip was made with (the vendor's rule), and sunokit "
                        f"does not guess it; one of: {', '.join(self.known_models() or ())}",
                        "required",
                    )
                ],
            )
        if request.instrumental:
            raise UnsupportedRequestError(
                f"{self.vendor}'s Extend Music has no instrumental option (an extension keeps "
                "the source clip's kind); leave instrumental=False. Vendors that extend as an "
                "instrumental: " + ", ".join(_INSTRUMENTAL_EXTEND)
            )
        own = {"prompt": request.lyrics, "style": request.style, "title": request.title}
        given = {key: value for key, value in own.items() if value is not None}
        body: dict[str, Any] = {"audioId": request.clip_id, "defaultParamFlag": bool(given)}
        if given:
            # Missing custom fields are reported by validate (rule custom-extend-requires-fields).
            body.update(given)
            if request.at is not None:
                body["continueAt"] = request.at
        elif request.at is not None:
            raise ClientValidationError(
                self.vendor,
                [
                    Violation(
                        "at",
                        "custom-extend-requires-fields",
                        f"{self.vendor} continues at a chosen second (continueAt) only with "
                        "custom parameters, which need lyrics, style and title too: pass "
                        "lyrics=, style= and title=, or at=None to continue with the source "
                        "clip's own parameters (defaultParamFlag false)",
                        "required",
                    )
                ],
            )
        return body

    def submit_call(self, role: str, body: Mapping[str, Any]) -> Call:
        if role == "extend":
            model = self._models.ExtendMusicRequest.from_dict(body)
            return Call(self._endpoint("extend_music"), {"body": model}, role, model.to_dict())
        model = self._models.SubmitMusicRequest.from_dict(body)
        return Call(self._endpoint("submit_music"), {"body": model}, role, model.to_dict())

    def map_error(
        self, response: RawResponse, code_schema: str = "ResponseCode"
    ) -> APIStatusError | None:
        return envelope_error(
            self.vendor, response, code_schema=code_schema, message_key="msg", success=200
        )

    def _status_call(self, task_id: str) -> Call:
        return Call(self._endpoint("get_task"), {"task_id": task_id}, "status")

    def task_from_dict(self, body: Mapping[str, Any], *, source: str) -> Task:
        data = body.get("data")
        if source == "submit":
            task_id = submitted_task_id(self.vendor, body, self.submit_id_path)
            return Task(vendor=self.vendor, task_id=task_id, state="queued", raw=body)
        record = object_at(data, "data")
        status = record.get("status")
        state = neutral_state(self.vendor, "TaskStatus", status)
        result = object_at(record.get("response"), "data.response")
        items = objects_at(result.get("sunoData"), "data.response.sunoData")
        task_id = id_at(record.get("taskId"), "data.taskId")
        tracks = tuple(track_from(item, keys=_TRACK_KEYS, task_id=task_id) for item in items)
        error = None
        if state == "failed" or record.get("errorMessage"):
            kinds = _specs.failure_kinds(self.vendor, "TaskStatus")
            error = failure(
                record.get("errorCode"),
                record.get("errorMessage") or status,
                kinds.get(status) if isinstance(status, str) else None,
            )
        return Task(
            vendor=self.vendor,
            task_id=task_id,
            state=state,
            vendor_state=status if isinstance(status, str) else None,
            error=error if state == "failed" else None,
            tracks=tracks,
            raw=body,
        )


# --------------------------------------------------------------------- bindings beyond music


def _lyrics_body(request: GenerateLyrics, context: Context) -> dict[str, Any]:
    return {"prompt": request.prompt, "callBackUrl": request.callback_url or context.callback_url}


def _lyrics(body: Any) -> Lyrics:
    items = objects_at(dig(body, ("data", "response", "data")), "data.response.data")
    variants = []
    for item in items:
        text = item.get("text")
        error = item.get("errorMessage")
        variants.append(
            LyricsVariant(
                text=text if isinstance(text, str) else "",
                title=text_or_none(item.get("title")),
                error=error if isinstance(error, str) and error else None,
            )
        )
    return Lyrics(tuple(variants))


def _credits(body: Any) -> Credits:
    value = body.get("data") if isinstance(body, Mapping) else None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise AnswerShapeError(f"data is {json_type(value)}; the spec says a number")
    return Credits(remaining=float(value))


def _on_track(
    request: ConvertToWav | SeparateStems | MakeVideo, context: Context
) -> dict[str, Any]:
    return {
        "taskId": request.track.task_id,
        "audioId": request.track.audio_id,
        "callBackUrl": request.callback_url or context.callback_url,
    }


def _stems_body(request: SeparateStems, context: Context) -> dict[str, Any]:
    return {
        **_on_track(request, context),
        "type": "split_stem" if request.full else "separate_vocal",
    }


def _wav(body: Any) -> AudioFile:
    url = dig(body, ("data", "response", "audioWavUrl"))
    if not isinstance(url, str) or not url:
        raise AnswerShapeError("data.response.audioWavUrl is missing from a finished WAV task")
    return AudioFile(url=url, format="wav")


# A stem's name is its URL field's name without "Url", in snake_case (backingVocalsUrl ->
# backing_vocals); originUrl is the source track, not a stem.
_NOT_STEMS = frozenset({"originUrl"})


def _stems(body: Any) -> Stems:
    response = object_at(dig(body, ("data", "response")), "data.response")
    found = []
    for key, value in response.items():
        if key.endswith("Url") and key not in _NOT_STEMS and isinstance(value, str) and value:
            found.append(Stem(name=snake_case(key.removesuffix("Url")), url=value))
    if not found:
        raise AnswerShapeError("data.response holds no stem URL in a finished separation task")
    return Stems(tuple(found))


def _video_body(request: MakeVideo, context: Context) -> dict[str, Any]:
    optional = {"author": request.author, "domainName": request.domain_name}
    body = _on_track(request, context)
    body.update({key: value for key, value in optional.items() if value is not None})
    return body


def _video(body: Any) -> Video:
    url = dig(body, ("data", "response", "videoUrl"))
    if not isinstance(url, str) or not url:
        raise AnswerShapeError("data.response.videoUrl is missing from a finished video task")
    return Video(url)


def _on_task(request: GenerateCoverImage | GenerateMidi, context: Context) -> dict[str, Any]:
    return {"taskId": request.task, "callBackUrl": request.callback_url or context.callback_url}


def _midi_body(request: GenerateMidi, context: Context) -> dict[str, Any]:
    body = _on_task(request, context)
    if request.stem_id is not None:
        if not _midi_takes_a_stem(context.vendor):
            raise UnsupportedRequestError(
                f"{context.vendor} transcribes every stem of a separation: its Generate MIDI "
                "takes no stem id (stem_id=); vendors that do: "
                + ", ".join(v for v in _specs.VENDORS if _midi_takes_a_stem(v))
            )
        body["audioId"] = request.stem_id
    return body


def _midi_takes_a_stem(vendor: str) -> bool:
    for operation in _specs.operations(vendor):
        if operation.operation_id == "generate_midi":
            schema = _specs.resolve(vendor, {"$ref": operation.request_schema_pointer or ""})
            return "audioId" in schema.get("properties", {})
    return False


def _number(item: Mapping[str, Any], key: str, *, numeric_string: bool = False) -> float:
    value = item.get(key)
    if numeric_string and isinstance(value, str):  # the spec's "a number or a numeric string"
        try:
            number = float(value)
        except ValueError:
            number = math.nan
        if not math.isfinite(number):
            raise AnswerShapeError(f"a MIDI note's {key} {value[:40]!r} is not a number")
        return number
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise AnswerShapeError(f"a MIDI note's {key} is {json_type(value)}; the spec says a number")
    return float(value)


def _midi(body: Any) -> Midi:
    instruments = []
    for item in objects_at(dig(body, ("data", "midiData", "instruments")), "instruments"):
        notes = tuple(
            MidiNote(
                pitch=int(_number(note, "pitch")),
                start=_number(note, "start", numeric_string=True),
                end=_number(note, "end", numeric_string=True),
                velocity=_number(note, "velocity"),
            )
            for note in objects_at(item.get("notes"), "instruments[].notes")
        )
        instruments.append(MidiInstrument(name=text_or_none(item.get("name")) or "", notes=notes))
    return Midi(tuple(instruments))


def _images(body: Any) -> Images:
    urls = dig(body, ("data", "response", "images"))
    if not isinstance(urls, list) or not all(isinstance(url, str) for url in urls) or not urls:
        raise AnswerShapeError("data.response.images is not a list of image URLs")
    return Images(tuple(urls))


def _recovery_body(request: RecoverAudio, context: Context) -> dict[str, Any]:
    return {"sunoTaskId": request.task, "callBackUrl": request.callback_url or context.callback_url}


def _recovered(body: Any) -> Tracks:
    items = objects_at(dig(body, ("data",)), "data")
    return Tracks(
        tuple(
            Track(
                id=id_at(item.get("id"), "the track id"),
                title=text_or_none(item.get("title")),
                audio_url=text_or_none(item.get("audio_url")),
            )
            for item in items
            if item.get("status") == "success"
        )
    )


def _music_body(
    music: Description | CustomLyrics | Instrumental, context: Context
) -> dict[str, Any]:
    """A generation's fields (mode, model, lyrics, style, title, tuning) for music-family
    operations that start from uploaded audio."""
    _role, body = KieAdapter(context.vendor).wire_body(music, callback_url=context.callback_url)
    return body


def _no_clip_id(request: UploadCover | UploadExtend, context: Context) -> None:
    """The kie family fetches `upload_url` itself: a clip id would be ignored, so it is refused."""
    if request.clip_id is not None:
        raise UnsupportedRequestError(
            f"{context.vendor} fetches upload_url itself and takes no clip_id for "
            f"{type(request).__name__}; clip_id is for sunoapi_com (an uploaded clip)"
        )


def _upload_cover_body(request: UploadCover, context: Context) -> dict[str, Any]:
    _no_clip_id(request, context)
    return {**_music_body(request.music, context), "uploadUrl": request.upload_url}


def _mashup_body(request: Mashup, context: Context) -> dict[str, Any]:
    return {**_music_body(request.music, context), "uploadUrlList": list(request.upload_urls)}


def _upload_extend_body(request: UploadExtend, context: Context) -> dict[str, Any]:
    _no_clip_id(request, context)
    body: dict[str, Any] = {
        "uploadUrl": request.upload_url,
        "defaultParamFlag": request.music is not None,
        "model": request.model,
        "callBackUrl": request.callback_url or context.callback_url,
    }
    if request.music is not None:
        music = _music_body(request.music, context)
        body.update({k: v for k, v in music.items() if k not in ("customMode", "model")})
    if request.at is not None:
        body["continueAt"] = request.at
    return body


def _add_instrumental_body(request: AddInstrumental, context: Context) -> dict[str, Any]:
    body = {
        "uploadUrl": request.upload_url,
        "title": request.title,
        "tags": request.style,
        "negativeTags": request.negative_tags,
        "callBackUrl": request.callback_url or context.callback_url,
    }
    return body if request.model is None else {**body, "model": request.model}


def _add_vocals_body(request: AddVocals, context: Context) -> dict[str, Any]:
    body = {
        "uploadUrl": request.upload_url,
        "prompt": request.lyrics,
        "title": request.title,
        "style": request.style,
        "negativeTags": request.negative_tags,
        "callBackUrl": request.callback_url or context.callback_url,
    }
    return body if request.model is None else {**body, "model": request.model}


def _replace_section_body(request: ReplaceSection, context: Context) -> dict[str, Any]:
    body = {
        "taskId": request.track.task_id,
        "audioId": request.track.audio_id,
        "prompt": request.lyrics,
        "tags": request.style,
        "title": request.title,
        "infillStartS": request.start,
        "infillEndS": request.end,
        "callBackUrl": request.callback_url or context.callback_url,
    }
    return (
        body if request.negative_tags is None else {**body, "negativeTags": request.negative_tags}
    )


def _sounds_body(request: GenerateSounds, context: Context) -> dict[str, Any]:
    optional = {"soundTempo": request.tempo, "soundKey": request.key}
    return {
        "prompt": request.prompt,
        "model": request.model,
        "soundLoop": request.loop,
        "callBackUrl": request.callback_url or context.callback_url,
        **{key: value for key, value in optional.items() if value is not None},
    }


def _tracks(body: Any) -> Tracks:
    """The tracks of a music record (record-info), however far the job is."""
    items = objects_at(dig(body, ("data", "response", "sunoData")), "data.response.sunoData")
    return Tracks(tuple(track_from(item, keys=_TRACK_KEYS) for item in items))


def _timestamped_body(request: TimestampedLyrics, context: Context) -> dict[str, Any]:
    return {"taskId": request.track.task_id, "audioId": request.track.audio_id}


def _timed_lyrics(body: Any) -> TimedLyrics:
    words = []
    for item in objects_at(dig(body, ("data", "alignedWords")), "data.alignedWords"):
        word = item.get("word")
        words.append(
            TimedWord(
                word=word if isinstance(word, str) else "",
                start=_number(item, "startS"),
                end=_number(item, "endS"),
            )
        )
    return TimedLyrics(tuple(words))


def _style(body: Any) -> Style:
    text = dig(body, ("data", "result"))
    if not isinstance(text, str):
        raise AnswerShapeError(f"data.result is {json_type(text)}; the spec says a string")
    return Style(text)


def _persona_body(request: CreatePersona, context: Context) -> dict[str, Any]:
    optional = {
        "style": request.style,
        "vocalStart": request.vocal_start,
        "vocalEnd": request.vocal_end,
    }
    return {
        "taskId": request.track.task_id,
        "audioId": request.track.audio_id,
        "name": request.name,
        "description": request.description,
        **{key: value for key, value in optional.items() if value is not None},
    }


def _persona(body: Any) -> Persona:
    data = object_at(dig(body, ("data",)), "data")
    return Persona(
        id=id_at(data.get("personaId"), "data.personaId"),
        name=text_or_none(data.get("name")),
        description=text_or_none(data.get("description")),
    )


def _validate_voice_body(request: ValidateVoice, context: Context) -> dict[str, Any]:
    body = {
        "voiceUrl": request.voice_url,
        "vocalStartS": request.start,
        "vocalEndS": request.end,
        "callBackUrl": request.callback_url or context.callback_url,
    }
    return body if request.language is None else {**body, "language": request.language}


def _regenerate_voice_body(request: RegenerateVoicePhrase, context: Context) -> dict[str, Any]:
    # "calBackUrl" is how the Regenerate page spells it (see the spec's Reading choices)
    return {"taskId": request.task, "calBackUrl": request.callback_url or context.callback_url}


def _phrase(body: Any) -> VoicePhrase:
    text = dig(body, ("data", "validateInfo"))
    if not isinstance(text, str) or not text:
        raise AnswerShapeError("data.validateInfo is missing from a finished voice validation")
    return VoicePhrase(text)


def _create_voice_body(request: CreateVoice, context: Context) -> dict[str, Any]:
    optional = {
        "voiceName": request.name,
        "description": request.description,
        "style": request.style,
    }
    return {
        "taskId": request.task,
        "verifyUrl": request.verify_url,
        "callBackUrl": request.callback_url or context.callback_url,
        **{key: value for key, value in optional.items() if value is not None},
    }


def _voice(body: Any) -> Voice:
    return Voice(id_at(dig(body, ("data", "voiceId")), "data.voiceId"))


def _check_voice_body(request: CheckVoice, context: Context) -> dict[str, Any]:
    return {"task_id": request.task}


def _availability(body: Any) -> VoiceAvailability:
    value = dig(body, ("data", "isAvailable"))
    if not isinstance(value, bool):
        raise AnswerShapeError(f"data.isAvailable is {json_type(value)}; the spec says a boolean")
    return VoiceAvailability(value)


def _upload_url_body(request: UploadFromUrl, context: Context) -> dict[str, Any]:
    body = {"fileUrl": request.url, "uploadPath": request.path}
    return body if request.name is None else {**body, "fileName": request.name}


def _upload_bytes_body(request: UploadBytes, context: Context) -> dict[str, Any]:
    body = {
        "base64Data": base64.b64encode(request.data).decode("ascii"),
        "uploadPath": request.path,
    }
    return body if request.name is None else {**body, "fileName": request.name}


def _uploaded(body: Any) -> Upload:
    data = object_at(dig(body, ("data",)), "data")
    size = data.get("fileSize")
    return Upload(
        url=id_at(data.get("downloadUrl"), "data.downloadUrl"),
        path=text_or_none(data.get("filePath")),
        size=size if isinstance(size, int) and not isinstance(size, bool) else None,
        mime_type=text_or_none(data.get("mimeType")),
    )


BINDINGS: tuple[Binding, ...] = (
    Binding(UploadCover, "upload_cover_audio", _upload_cover_body, _tracks, partial=True),
    Binding(UploadExtend, "upload_extend_audio", _upload_extend_body, _tracks, partial=True),
    Binding(AddInstrumental, "add_instrumental", _add_instrumental_body, _tracks, partial=True),
    Binding(AddVocals, "add_vocals", _add_vocals_body, _tracks, partial=True),
    Binding(ReplaceSection, "replace_section", _replace_section_body, _tracks, partial=True),
    Binding(Mashup, "generate_mashup", _mashup_body, _tracks, partial=True),
    Binding(GenerateSounds, "generate_sounds", _sounds_body, _tracks, partial=True),
    Binding(TimestampedLyrics, "get_timestamped_lyrics", _timestamped_body, _timed_lyrics),
    Binding(BoostStyle, "boost_style", lambda r, c: {"content": r.style}, _style),
    Binding(CreatePersona, "generate_persona", _persona_body, _persona),
    Binding(ValidateVoice, "validate_voice", _validate_voice_body, _phrase),
    Binding(RegenerateVoicePhrase, "regenerate_voice_validation", _regenerate_voice_body, _phrase),
    Binding(CreateVoice, "create_voice", _create_voice_body, _voice),
    Binding(CheckVoice, "check_voice", _check_voice_body, _availability),
    Binding(UploadFromUrl, "upload_file_url", _upload_url_body, _uploaded),
    Binding(UploadBytes, "upload_file_base64", _upload_bytes_body, _uploaded),
    Binding(GenerateLyrics, "generate_lyrics", _lyrics_body, _lyrics),
    Binding(GetCredits, "get_credits", None, _credits),
    Binding(ConvertToWav, "convert_to_wav", _on_track, _wav),
    Binding(SeparateStems, "separate_stems", _stems_body, _stems),
    Binding(MakeVideo, "create_music_video", _video_body, _video),
    Binding(GenerateMidi, "generate_midi", _midi_body, _midi),
    Binding(GenerateCoverImage, "generate_cover_image", _on_task, _images),
    Binding(RecoverAudio, "recover_audio", _recovery_body, _recovered),
)
