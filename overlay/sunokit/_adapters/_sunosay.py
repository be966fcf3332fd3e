"""SunoSay: POST-only API; instrumental, extend and extend-instrumental as their own endpoints,
lyrics as a job of their own."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import sunosay_client
from sunosay_client.api.music import (
    extend_instrumental,
    extend_music,
    generate_instrumental,
    get_task,
    submit_music,
)
from sunosay_client.models import (
    ExtendInstrumentalRequest,
    ExtendMusicRequest,
    GenerateInstrumentalRequest,
    GetTaskRequest,
    SubmitMusicRequest,
)

from .._bindings import Binding, Context
from .._errors import APIStatusError, UnsupportedRequestError
from .._models import Lyrics, LyricsVariant, Task
from .._requests import (
    NO_TUNING,
    CustomLyrics,
    Description,
    Extend,
    GenerateLyrics,
    Instrumental,
    MusicRequest,
)
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
    track_from,
)

_TRACK_KEYS = {
    "id": "continue_clip_id",
    "title": "title",
    "audio_url": "audio_url",
    "stream_url": "audio_url",
    "image_url": "image_url",
    "duration": "duration",
    "created_at": "created_at",
}


class SunosayAdapter(Adapter):
    vendor = "sunosay"
    env_var = "SUNOSAY_API_KEY"
    modes: ClassVar[frozenset[str]] = frozenset({"description", "custom", "instrumental", "extend"})
    tuning_fields: ClassVar[frozenset[str]] = frozenset({"negative_tags"})
    default_model = "v3.5"
    submit_id_path = ("task_id",)
    package = sunosay_client

    def wire_body(
        self, request: MusicRequest, *, callback_url: str | None
    ) -> tuple[str, dict[str, Any]]:
        self.check_supported(request)
        if request.callback_url or callback_url:
            raise UnsupportedRequestError(
                "sunosay documents no callbacks; omit callback_url and let wait() poll"
            )
        if request.tuning != NO_TUNING and not isinstance(request, (Extend, Instrumental)):
            raise UnsupportedRequestError(
                "sunosay accepts negative_tags only for an instrumental or an extension"
            )
        body: dict[str, Any] = {"model": request.model or self.default_model}
        if isinstance(request, Instrumental):
            body.update(tags=request.style, title=request.title)
            if request.tuning.negative_tags:
                body["negative_tags"] = request.tuning.negative_tags
            return "instrumental", body
        if isinstance(request, Description):
            if request.instrumental:
                raise UnsupportedRequestError(
                    "sunosay cannot make an instrumental from a description (its instrumental "
                    "endpoint takes a style): use Instrumental(style=..., title=...); vendors "
                    "that can: apikley, relay, sunoapi_com, sunoapi_org"
                )
            body["prompt"] = request.prompt
            return "submit", body
        if isinstance(request, CustomLyrics):
            body.update(prompt=request.lyrics, tags=request.style, title=request.title)
            return "submit", body
        assert isinstance(request, Extend)
        if request.style is None or request.title is None:
            raise UnsupportedRequestError("sunosay needs style and title to extend a clip")
        body.update(title=request.title, tags=request.style, continue_clip_id=request.clip_id)
        if request.at is not None:  # else validate reports the spec's `required`
            body["continue_at"] = request.at
        if request.tuning.negative_tags:
            body["negative_tags"] = request.tuning.negative_tags
        if request.instrumental:
            return "extend-instrumental", body
        if request.lyrics is None:
            raise UnsupportedRequestError("sunosay needs lyrics to extend a song with vocals")
        body["prompt"] = request.lyrics
        return "extend", body

    def submit_call(self, role: str, body: Mapping[str, Any]) -> Call:
        if role == "extend":
            model: Any = ExtendMusicRequest.from_dict(body)
            return Call(extend_music, {"body": model}, role, model.to_dict())
        if role == "extend-instrumental":
            model = ExtendInstrumentalRequest.from_dict(body)
            return Call(extend_instrumental, {"body": model}, role, model.to_dict())
        if role == "instrumental":
            model = GenerateInstrumentalRequest.from_dict(body)
            return Call(generate_instrumental, {"body": model}, role, model.to_dict())
        model = SubmitMusicRequest.from_dict(body)
        return Call(submit_music, {"body": model}, role, model.to_dict())

    def map_error(
        self, response: RawResponse, code_schema: str = "ResponseCode"
    ) -> APIStatusError | None:
        return envelope_error(
            self.vendor, response, code_schema=code_schema, message_key="message", success=200
        )

    def _status_call(self, task_id: str) -> Call:
        return Call(get_task, {"body": GetTaskRequest(task_id=task_id)}, "status")

    def task_from_dict(self, body: Mapping[str, Any], *, source: str) -> Task:
        if source == "submit":
            task_id = submitted_task_id(self.vendor, body, self.submit_id_path)
            return Task(vendor=self.vendor, task_id=task_id, state="queued", raw=body)
        status = body.get("status")
        state = neutral_state(self.vendor, "TaskStatus", status)
        lyrics = object_at(body.get("prompt"), "prompt").get("prompt")
        task_id = id_at(body.get("task_id"), "task_id")
        tracks = tuple(
            track_from(clip, keys=_TRACK_KEYS, task_id=task_id, fixed={"lyrics": lyrics})
            for clip in objects_at(body.get("clips"), "clips")
        )
        return Task(
            vendor=self.vendor,
            task_id=task_id,
            state=state,
            vendor_state=status if isinstance(status, str) else None,
            error=failure(body.get("code"), body.get("message") or status)
            if state == "failed"
            else None,
            tracks=tracks,
            raw=body,
        )


# --------------------------------------------------------------------- bindings beyond music


def _no_callbacks(request: GenerateLyrics, context: Context) -> None:
    if request.callback_url or context.callback_url:
        raise UnsupportedRequestError(
            "sunosay documents no callbacks; omit callback_url and let wait() poll"
        )


def _lyrics_body(request: GenerateLyrics, context: Context) -> dict[str, Any]:
    _no_callbacks(request, context)
    return {"prompt": request.prompt}


def _lyrics(body: Any) -> Lyrics:
    """The lyrics get-task's `lyrics` object ({text, title}): one variant."""
    lyrics = object_at(body.get("lyrics") if isinstance(body, Mapping) else None, "lyrics")
    text = lyrics.get("text")
    if not isinstance(text, str) or not text:
        raise AnswerShapeError("lyrics.text is missing from a complete lyrics task")
    title = lyrics.get("title")
    return Lyrics(
        (LyricsVariant(text=text, title=title if isinstance(title, str) and title else None),)
    )


BINDINGS: tuple[Binding, ...] = (Binding(GenerateLyrics, "generate_lyrics", _lyrics_body, _lyrics),)
