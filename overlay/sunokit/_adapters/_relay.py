"""new-api-style gateways: `/suno/submit/{music,lyrics}` and `/suno/fetch`, string codes; the
gateway extensions some gateways document (persona, ...) as opt-in bindings."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from types import ModuleType
from typing import Any, ClassVar

import attrs

from .._bindings import Binding, Context, dig
from .._errors import APIStatusError, ClientValidationError, UnsupportedRequestError
from .._json_types import json_type
from .._models import (
    AudioFile,
    Lyrics,
    LyricsVariant,
    Persona,
    Stem,
    Stems,
    Task,
    TimedLyrics,
    TimedWord,
    Tracks,
    Video,
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
    Inspiration,
    Instrumental,
    MakeVideo,
    MusicRequest,
    ReplaceSection,
    SeparateStems,
    TimestampedLyrics,
    UploadExtend,
)
from .._validation import Violation
from ._base import (
    Adapter,
    AnswerShapeError,
    Call,
    RawResponse,
    envelope_error,
    error_kind,
    failure,
    id_at,
    make_error,
    neutral_state,
    object_at,
    objects_at,
    submitted_task_id,
    text_or_none,
    track_from,
)
from ._sunoapi_com import task_state_from_clips


def _metadata(key: str) -> Any:
    def get(clip: Mapping[str, Any]) -> Any:
        metadata = clip.get("metadata")
        return metadata.get(key) if isinstance(metadata, Mapping) else None

    return get


_TRACK_KEYS = {
    "id": "id",
    "title": "title",
    "audio_url": "audio_url",
    "stream_url": "audio_url",
    "image_url": "image_url",
    "duration": _metadata("duration"),
    "tags": _metadata("tags"),
    "lyrics": _metadata("prompt"),
    "model": "model_name",
    "created_at": "created_at",
}


class RelayAdapter(Adapter):
    vendor = "relay"
    env_var = "SUNO_RELAY_API_KEY"
    modes: ClassVar[frozenset[str]] = frozenset(
        {"description", "custom", "instrumental", "extend", "inspiration"}
    )
    tuning_fields: ClassVar[frozenset[str]] = frozenset({"negative_tags"})
    default_model = "chirp-v4"
    model_field = "mv"
    submit_id_path = ("data",)

    def __init__(self) -> None:
        self.package: ModuleType = importlib.import_module("relay_client")
        self._models = importlib.import_module("relay_client.models")

    def _endpoint(self, name: str) -> ModuleType:
        return importlib.import_module(f"{self.package.__name__}.api.music.{name}")

    def wire_body(
        self, request: MusicRequest, *, callback_url: str | None
    ) -> tuple[str, dict[str, Any]]:
        self.check_supported(request)
        body: dict[str, Any] = {"mv": request.model or self.default_model}
        url = request.callback_url or callback_url
        if url is not None:
            body["notify_hook"] = url
        if request.tuning.negative_tags:
            body["negative_tags"] = request.tuning.negative_tags
        if isinstance(request, (Description, Inspiration)):
            text = request.prompt if isinstance(request, Description) else request.description
            body.update(gpt_description_prompt=text, make_instrumental=request.instrumental)
        elif isinstance(request, CustomLyrics):
            body.update(
                prompt=request.lyrics,
                tags=request.style,
                title=request.title,
                make_instrumental=False,
            )
        elif isinstance(request, Instrumental):
            body.update(prompt="", tags=request.style, title=request.title, make_instrumental=True)
        elif isinstance(request, Extend):
            body.update(
                prompt=request.lyrics or "",
                continue_clip_id=request.clip_id,
                task="extend",
                make_instrumental=request.instrumental,
            )
            optional = {
                "continue_at": request.at,  # required by the spec's extend rule: validate says so
                "task_id": request.task_id,
                "tags": request.style,
                "title": request.title,
            }
            body.update({key: value for key, value in optional.items() if value is not None})
        return "submit", body

    def submit_call(self, role: str, body: Mapping[str, Any]) -> Call:
        model = self._models.SubmitMusicRequest.from_dict(body)
        return Call(self._endpoint("submit_music"), {"body": model}, role, model.to_dict())

    def map_error(
        self, response: RawResponse, code_schema: str = "ResponseCode"
    ) -> APIStatusError | None:
        body = response.json()
        if isinstance(body, dict) and body.get("code") is None:
            gateway = body.get("error")
            if isinstance(gateway, Mapping):
                # The OpenAI error shape (authentication, channel selection): no envelope code,
                # classified by HTTP status alone (spec: ErrorResponse); an error even at 200.
                code = gateway.get("code")
                kind = error_kind(
                    self.vendor,
                    code=None,
                    message=None,
                    status_code=response.status_code,
                    code_schema=code_schema,
                )
                return make_error(
                    self.vendor,
                    kind or "server_error",
                    message=str(gateway.get("message") or f"HTTP {response.status_code}"),
                    code=code if isinstance(code, (str, int)) and code != "" else None,
                    response=response,
                )
        return envelope_error(
            self.vendor,
            response,
            code_schema=code_schema,
            message_key="message",
            success="success",
        )

    def _status_call(self, task_id: str) -> Call:
        return Call(self._endpoint("get_task"), {"id": task_id}, "status")

    def task_from_dict(self, body: Mapping[str, Any], *, source: str) -> Task:
        data = body.get("data")
        if source == "submit":
            task_id = submitted_task_id(self.vendor, body, self.submit_id_path)
            return Task(vendor=self.vendor, task_id=task_id, state="queued", raw=body)
        if isinstance(data, list):
            return self._from_clip_list(objects_at(data, "data"), body)
        record = object_at(data, "data")
        status = record.get("status")
        state = neutral_state(self.vendor, "TaskStatus", status)
        clips = record.get("data")
        # An array of clips, or the lyrics object of a lyrics task (no tracks).
        tracks = tuple(
            track_from(clip, keys=_TRACK_KEYS)
            for clip in (objects_at(clips, "data.data") if not isinstance(clips, Mapping) else ())
        )
        return Task(
            vendor=self.vendor,
            task_id=id_at(record.get("task_id"), "data.task_id"),
            state=state,
            vendor_state=status if isinstance(status, str) else None,
            error=failure(None, record.get("fail_reason") or status) if state == "failed" else None,
            tracks=tracks,
            raw=body,
        )

    def _from_clip_list(self, clips: list[Mapping[str, Any]], body: Mapping[str, Any]) -> Task:
        """An upstream Suno-API server's answer: the bare clip list, states per clip (ClipStatus)."""
        raw_states = [clip.get("status") for clip in clips]
        states = [neutral_state(self.vendor, "ClipStatus", value) for value in raw_states]
        state = task_state_from_clips(states)
        vendor_state = next(
            (
                str(raw)
                for raw, neutral in zip(raw_states, states, strict=True)
                if neutral == state and raw is not None
            ),
            None,
        )
        error = None
        if state == "failed":
            failed = next(clip for clip, s in zip(clips, states, strict=True) if s == "failed")
            metadata = failed.get("metadata")
            reason = metadata.get("error_message") if isinstance(metadata, Mapping) else None
            error = failure(None, reason or vendor_state)
        return Task(
            vendor=self.vendor,
            task_id="",
            state=state,
            vendor_state=vendor_state,
            error=error,
            tracks=tuple(track_from(clip, keys=_TRACK_KEYS) for clip in clips),
            raw=body,
        )


# --------------------------------------------------------------------- bindings beyond music


def _lyrics_body(request: GenerateLyrics, context: Context) -> dict[str, Any]:
    body: dict[str, Any] = {"prompt": request.prompt}
    hook = request.callback_url or context.callback_url
    if hook is not None:  # documented; stock gateways drop it (the client polls anyway)
        body["notify_hook"] = hook
    return body


def _lyrics(body: Any) -> Lyrics:
    """A LYRICS task's data: one lyrics object {id, status, title, text}."""
    data = object_at(dig(body, ("data", "data")), "data.data")
    text = data.get("text")
    if not isinstance(text, str) or not text:
        raise AnswerShapeError("data.data.text is missing from a finished LYRICS task")
    return Lyrics((LyricsVariant(text=text, title=text_or_none(data.get("title"))),))


def _concat_body(request: Concat, context: Context) -> dict[str, Any]:
    if request.callback_url is not None:
        raise UnsupportedRequestError(
            "the relay's concat (a gateway extension) takes no callback URL; omit callback_url "
            "and let wait() poll"
        )
    # task_id is not sent: the gateway finds the extend chain from the clip alone
    return {"clip_id": request.clip_id, "is_infill": False}


def _clips(body: Any) -> Tracks:
    """The clips of a MUSIC TaskDto (data.data), however far the task is."""
    clips = dig(body, ("data", "data"))
    items = objects_at(clips if not isinstance(clips, Mapping) else None, "data.data")
    return Tracks(tuple(track_from(item, keys=_TRACK_KEYS) for item in items))


def _persona_body(request: CreatePersona, context: Context) -> dict[str, Any]:
    unsupported = [
        name for name in ("style", "vocal_start", "vocal_end") if getattr(request, name) is not None
    ]
    if unsupported:
        raise UnsupportedRequestError(
            f"the relay's persona create (a gateway extension) has no field for "
            f"{', '.join(unsupported)}; leave them None"
        )
    clip = request.track.audio_id
    # Private unless asked otherwise: sunokit never publishes a user's persona on its own.
    return {
        "root_clip_id": clip,
        "name": request.name,
        "description": request.description,
        "clips": [clip],
        "is_public": False,
    }


def _persona(body: Any) -> Persona:
    data = object_at(body, "the answer")
    return Persona(
        id=id_at(data.get("id"), "id"),
        name=text_or_none(data.get("name")),
        description=text_or_none(data.get("description")),
    )


_STOCK_AND_EARLY_EXTENSIONS: tuple[Binding, ...] = (
    Binding(GenerateLyrics, "submit_lyrics", _lyrics_body, _lyrics),
    Binding(CreatePersona, "create_persona", _persona_body, _persona),
    Binding(Concat, "concat_clips", _concat_body, _clips, partial=True),
)


# --------------------------------------------- extensions by path parameter and by submit mode


def _no_callback(request: Any, what: str) -> None:
    if getattr(request, "callback_url", None) is not None:
        raise UnsupportedRequestError(
            f"the relay's {what} (a gateway extension) takes no callback URL; omit "
            "callback_url and let wait() poll"
        )


def _on_clip(
    request: ConvertToWav | MakeVideo | TimestampedLyrics, context: Context
) -> dict[str, Any]:
    """The clip id in the path of GET /suno/act/<kind>/{clip_id}."""
    _no_callback(request, "clip action")
    return {"clip_id": request.track.audio_id}


def _video_params(request: MakeVideo, context: Context) -> dict[str, Any]:
    unsupported = [name for name in ("author", "domain_name") if getattr(request, name) is not None]
    if unsupported:
        raise UnsupportedRequestError(
            f"the relay's MP4 (a gateway extension) has no field for {', '.join(unsupported)}; "
            "leave them None"
        )
    return _on_clip(request, context)


def _first_clip(body: Any) -> Mapping[str, Any]:
    clips = objects_at(dig(body, ("data", "data")), "data.data")
    if not clips:
        raise AnswerShapeError("data.data holds no clip in a finished task")
    return clips[0]


def _wav(body: Any) -> AudioFile:
    """The WAV task's clip (not documented: its audio_url, as the mock answers it)."""
    url = _first_clip(body).get("audio_url")
    if not isinstance(url, str) or not url:
        raise AnswerShapeError(f"data.data[0].audio_url is {json_type(url)}; expected a URL")
    return AudioFile(url=url, format="wav")


def _video(body: Any) -> Video:
    url = _first_clip(body).get("video_url")
    if not isinstance(url, str) or not url:
        raise AnswerShapeError(f"data.data[0].video_url is {json_type(url)}; expected a URL")
    return Video(url)


def _seconds_at(item: Mapping[str, Any], key: str, index: int) -> float:
    value = item.get(key)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise AnswerShapeError(f"aligned_words[{index}].{key} is {json_type(value)}, not seconds")
    return float(value)


def _timed_lyrics(body: Any) -> TimedLyrics:
    words = objects_at(dig(body, ("aligned_words",)), "aligned_words")
    return TimedLyrics(
        tuple(
            TimedWord(
                word=str(item.get("word") or ""),
                start=_seconds_at(item, "start_s", index),
                end=_seconds_at(item, "end_s", index),
            )
            for index, item in enumerate(words)
        )
    )


def _infill_body(request: ReplaceSection, context: Context) -> dict[str, Any]:
    """task infill in CometAPI's form (the section at the top level)."""
    body: dict[str, Any] = {
        "mv": RelayAdapter.default_model,
        "prompt": request.lyrics,
        "tags": request.style,
        "title": request.title,
        "task": "infill",
        "continue_clip_id": request.track.audio_id,
        "infill_start_s": request.start,
        "infill_end_s": request.end,
    }
    if request.negative_tags:
        body["negative_tags"] = request.negative_tags
    hook = request.callback_url or context.callback_url
    if hook is not None:
        body["notify_hook"] = hook
    return body


def _upload_extend_body(request: UploadExtend, context: Context) -> dict[str, Any]:
    """task upload_extend: the gateway continues a clip made by its upload extension
    (`client.request("upload_audio_url", {"url": ...}).data`), not a URL."""
    if request.clip_id is None:
        raise ClientValidationError(
            "relay",
            [
                Violation(
                    "clip_id",
                    "upload-extend-acts-on-an-uploaded-clip",
                    "clip_id is required on the relay: upload the audio first (client.request("
                    f"'upload_audio_url', {{'url': {request.upload_url!r}}}).data is its clip "
                    "id), then UploadExtend(..., clip_id=<that id>)",
                    "required",
                )
            ],
        )
    if request.music is None:
        body: dict[str, Any] = {"mv": RelayAdapter.default_model, "prompt": ""}
        hook = request.callback_url or context.callback_url
        if hook is not None:
            body["notify_hook"] = hook
    else:
        _role, body = RelayAdapter().wire_body(
            request.music, callback_url=request.callback_url or context.callback_url
        )
    body.update(task="upload_extend", continue_clip_id=request.clip_id)
    if request.at is not None:
        body["continue_at"] = request.at
    if request.model != _UPLOAD_EXTEND_DEFAULT_MODEL:  # the kie family's default: not chosen
        body["mv"] = request.model
    return body


def _cover_body(request: Cover, context: Context) -> dict[str, Any]:
    """A song made as `music` says, sung over the clip `cover_clip_id` names (modelverse: a
    generated clip or one its upload extension made)."""
    _role, body = RelayAdapter().wire_body(request.music, callback_url=context.callback_url)
    body["cover_clip_id"] = request.clip_id
    return body


#: UploadExtend's model default is the kie family's name: here it means "not chosen".
_UPLOAD_EXTEND_DEFAULT_MODEL = attrs.fields(UploadExtend).model.default


def _gen_stem_body(request: SeparateStems, context: Context) -> dict[str, Any]:
    """task gen_stem as CometAPI's example sends it: the two-stem split (the only one shown)."""
    if request.full:
        raise UnsupportedRequestError(
            "the relay's gen_stem (a gateway extension) documents only the two-stem split "
            "(vocals, instrumental); use SeparateStems(track) without full=True"
        )
    _no_callback(request, "gen_stem")
    return {
        "task": "gen_stem",
        "generation_type": "TEXT",
        "mv": "chirp-auk",
        "prompt": "",
        "make_instrumental": True,
        "task_id": request.track.task_id,
        "continue_clip_id": request.track.audio_id,
        "continued_aligned_prompt": None,
        "continue_at": None,
        "stem_type_id": 91,
        "stem_type_group_name": "Two",
        "stem_task": "two",
    }


def _stems(body: Any) -> Stems:
    """One clip per stem; its name is the end of the title ("City Lights - Vocals" -> vocals)."""
    found = []
    for index, clip in enumerate(objects_at(dig(body, ("data", "data")), "data.data")):
        url = text_or_none(clip.get("audio_url"))
        if url is None:
            raise AnswerShapeError(f"data.data[{index}].audio_url is missing from a stem")
        title = text_or_none(clip.get("title")) or f"stem {index + 1}"
        found.append(Stem(name=title.rsplit(" - ", 1)[-1].lower().replace(" ", "_"), url=url))
    if not found:
        raise AnswerShapeError("data.data holds no stem clip in a finished gen_stem task")
    return Stems(tuple(found))


#: Gateway extensions: GETs with the clip id in their path (`Binding.params`), and submit_music
#: modes offered by their extension fields (`binding_gateways`); sent only when the client opted
#: in to a gateway that documents them.
EXTENSION_BINDINGS: tuple[Binding, ...] = (
    Binding(ConvertToWav, "get_wav", None, _wav, params=_on_clip),
    Binding(MakeVideo, "get_mp4", None, _video, params=_video_params),
    Binding(TimestampedLyrics, "get_timing", None, _timed_lyrics, params=_on_clip),
    Binding(
        ReplaceSection,
        "submit_music",
        _infill_body,
        _clips,
        partial=True,
        extension_fields=("task=infill", "infill_start_s", "infill_end_s"),
    ),
    Binding(
        Cover,
        "submit_music",
        _cover_body,
        _clips,
        partial=True,
        extension_fields=("cover_clip_id",),
    ),
    Binding(
        UploadExtend,
        "submit_music",
        _upload_extend_body,
        _clips,
        partial=True,
        extension_fields=("task=upload_extend",),
    ),
    Binding(
        SeparateStems,
        "submit_music",
        _gen_stem_body,
        _stems,
        extension_fields=(
            "task=gen_stem",
            "generation_type",
            "continued_aligned_prompt",
            "stem_type_id",
            "stem_type_group_name",
            "stem_task",
        ),
    ),
)

BINDINGS: tuple[Binding, ...] = (*_STOCK_AND_EARLY_EXTENSIONS, *EXTENSION_BINDINGS)
